# SPDX-License-Identifier: GPL-2.0
# check: stock debug
# timeout: 120 300
# cost: 34
#
# ip link set PF vf N state disable|enable|auto reaches a running igx_vf
# (the igx_pf pushes LINK_STATE): its carrier follows within 2 s, and a
# disabled VF's traffic stops in the switch too.

IGX_PF_DRIVER=igx_pf
. "$IGX_TOP/scripts/scenarios/vf-lib.sh"

vf_setup 2
check "VF 0 pings VF 1" ns_ping vf0 "$(vf_ip 1)"
ip link set "$PF" vf 0 state disable
check "state disable: VF 0 loses carrier within 2 s" wait_carrier 0 0 2
check "state disable: debugfs shows the pool off" vport_has 0 "link disable" "rx 0 tx 0"
check "state disable: VF 1 cannot reach VF 0" \
	sh -c "! ip netns exec vf1 ping -c 2 -W 1 $(vf_ip 0)"
ip link set "$PF" vf 0 state enable
check "state enable: VF 0 has carrier within 2 s" wait_carrier 0 1 2
check "state enable: VF 0 pings VF 1" wait_for 10 ip netns exec vf0 ping -c 1 -W 1 "$(vf_ip 1)"
ip link set "$PF" vf 0 state auto
check "state auto: VF 0 keeps carrier (PF link up)" wait_carrier 0 1 2
ip link show "$PF" | grep "vf 0"
check "ip link shows state auto" sh -c "ip link show $PF | grep 'vf 0' | grep -q 'link-state auto'"
