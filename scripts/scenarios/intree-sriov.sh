# SPDX-License-Identifier: GPL-2.0
# check: stock
# timeout: 240
# cost: 65
# (Stock kernel only: the in-tree reference for the bench; the debug
# kernel's checks are about igx.)
#
# The bench itself, with the in-tree igb + igbvf: PF to link partner, two
# VFs with admin MACs, VF to VF through the NIC switch and VF to the link
# partner. The reference every igx scenario is compared against.

. "$IGX_TOP/scripts/scenarios/lib.sh"
IGX_DRIVERS=intree

lp_setup
pf_bringup
check "PF pings the link partner" ns_ping - $LP_IP
echo 2 > "/sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
ip link set "$PF" vf 0 mac 52:54:00:aa:00:00
ip link set "$PF" vf 1 mac 52:54:00:aa:00:01
load_vf_driver
for i in 0 1; do
	vf_bringup $i
	check "VF $i has the admin MAC" ip netns exec vf$i \
		grep -qx "52:54:00:aa:00:0$i" "/sys/class/net/${VF_DEV[$i]}/address"
done
check "VF 0 pings VF 1 through the NIC switch" ns_ping vf0 $NET.11
check "VF 1 pings the link partner" ns_ping vf1 $LP_IP
ip link show "$PF"
