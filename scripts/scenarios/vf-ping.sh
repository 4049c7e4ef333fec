# SPDX-License-Identifier: GPL-2.0
# timeout: 240
#
# igx_vf on the stock igb PF: two VFs with admin MACs reach each other
# through the NIC switch, the PF, and the link partner on the wire; a VF
# with no admin MAC uses a random locally administered one.

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"

vf_setup 2
for i in 0 1; do
	check "VF $i has the admin MAC" vfx $i \
		grep -qx "$VF_MAC_BASE:0$i" "/sys/class/net/${VF_DEV[$i]}/address"
	check "VF $i is driven by igx_vf" sh -c \
		"ip netns exec vf$i ethtool -i ${VF_DEV[$i]} | grep -qx 'driver: igx_vf'"
done
check "VF 0 pings VF 1 (NIC switch)" ns_ping vf0 "$(vf_ip 1)"
check "VF 1 pings VF 0 (NIC switch)" ns_ping vf1 "$(vf_ip 0)"
check "VF 0 pings the PF" ns_ping vf0 $NET.1
check "the PF pings VF 1" ns_ping - "$(vf_ip 1)"
check "VF 0 pings the link partner (wire)" ns_ping vf0 $LP_IP
check "the link partner pings VF 1" ns_ping $LP_NS "$(vf_ip 1)"
check "IPv6 link-local VF 0 -> VF 1" sh -c \
	"ll=\$(ip netns exec vf1 ip -6 -o addr show dev ${VF_DEV[1]} scope link | awk '{print \$4}' | cut -d/ -f1)
	 ip netns exec vf0 ping -6 -c 3 -i 0.2 -W 2 \$ll%${VF_DEV[0]}"
vfx 0 ip -s link show "${VF_DEV[0]}"
vfx 0 ethtool -S "${VF_DEV[0]}"
