# SPDX-License-Identifier: GPL-2.0
# check: stock
# timeout: 120
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
vfs_enable 2
for i in 0 1; do
	check "VF $i has the admin MAC" vfx $i \
		grep -qx "$VF_MAC_BASE:0$i" "/sys/class/net/${VF_DEV[$i]}/address"
done
check "VF 0 pings VF 1 through the NIC switch" ns_ping vf0 "$(vf_ip 1)"
check "VF 1 pings the link partner" ns_ping vf1 $LP_IP
ip link show "$PF"
