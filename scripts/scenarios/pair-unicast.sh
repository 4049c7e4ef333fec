# SPDX-License-Identifier: GPL-2.0
# check: stock
# soak: yes
# (On the debug kernel it runs in make soak only, until make check fits
# its time on slower machines: docs/testing.md, make check's time.)
# timeout: 120 300
# cost: 113
#
# The igx pair: the VPort settings ip link shows and the switch holds
# (qos, trust, max_tx_rate), and secondary unicast addresses. igx_vf
# advertises IFF_UNICAST_FLT, so an address on its unicast list (macvlan,
# bridge, bridge fdb add ... self) becomes an extra MAC filter of its
# pool instead of a promiscuous request:
#  - untrusted with an admin MAC: the PF refuses the filter (as igb does),
#    both sides log it, and frames to the address do not arrive;
#  - trusted (ip link set vf trust on): the PF filters the address and
#    frames from the wire to it arrive;
#  - another VF's address is refused even for a trusted VF (no VF gets
#    its neighbour's unicast).
# QEMU stores no rate-limiter registers: max_tx_rate is checked in ip link
# and the PF's software state only, not enforced here.

IGX_PF_DRIVER=igx_pf
IGX_VF_DRIVER=igx_vf
. "$IGX_TOP/scripts/scenarios/vf-lib.sh"

SEC_MAC=52:54:00:bb:00:10
SEC_IP=$NET.40
vf_line() { ip link show "$PF" | grep "vf $1 "; }
# frames_to_sec I: of 20 frames the link partner sends to SEC_MAC, how
# many VF I receives (an AF_PACKET count; IP drops them as not ours).
frames_to_sec() {
	capture_count "vf$1" "${VF_DEV[$1]}" $SEC_MAC - \
		ip netns exec $LP_NS ping -q -c 20 -i 0.05 -W 1 $SEC_IP
}

vf_setup 2
check "VF 0 pings VF 1" ns_ping vf0 "$(vf_ip 1)"

# --- what ip link shows and the switch holds ---
ip link set "$PF" vf 1 vlan 30 qos 5
vf_line 1
check "ip link: VF 1 vlan 30, qos 5" sh -c "ip link show $PF | grep 'vf 1 ' | grep -q 'vlan 30, qos 5'"
check "debugfs: VF 1 vlan 30 qos 5" vport_has 1 "vlan 30 qos 5"
# VMVIR: insert the default tag (VLANA 01), TCI = qos << 13 | VID
check "VMVIR of VF 1 inserts TCI 0xa01e" vport_has 1 "hw_vmvir 0x4000a01e"
ip link set "$PF" vf 1 vlan 0
check "VMVIR of VF 1 cleared with the port VLAN" vport_has 1 "hw_vmvir 0x0"
ip link set "$PF" vf 1 max_tx_rate 100
check "ip link: VF 1 max_tx_rate 100" sh -c "ip link show $PF | grep 'vf 1 ' | grep -q 'max_tx_rate 100Mbps'"
check "debugfs: VF 1 rate 100" vport_has 1 "rate 100"
say "not shown: QEMU 10 neither stores nor enforces the 82576 rate limiter"
ip link set "$PF" vf 1 max_tx_rate 0
check "VF 1 still reaches VF 0 (carrier back after the changes)" \
	wait_for 10 ip netns exec vf1 ping -c 1 -W 1 "$(vf_ip 0)"

# --- a secondary address on an untrusted VF with an admin MAC ---
# bridge fdb add ... self puts the address on the VF's unicast list (what
# a macvlan or a bridge does); the link partner sends frames to it
# through a static neighbour entry, and VF 0 counts what arrives.
ip -n $LP_NS neigh replace $SEC_IP lladdr $SEC_MAC dev lp0 nud permanent
mark_log uc-untrusted
vfx 0 bridge fdb add $SEC_MAC dev "${VF_DEV[0]}" self
check "untrusted: the PF refused the extra filter" \
	wait_for 5 logged uc-untrusted 'VF 0: extra MAC filters need trust'
check "untrusted: igx_vf logged what the PF did not filter" \
	wait_for 5 logged uc-untrusted 'the PF filters 0 of 1 unicast addresses'
check "untrusted: debugfs shows no filter for VF 0" vport_has 0 "filters 0"
n=$(frames_to_sec 0)
say "RESULT untrusted: VF 0 received $n of 20 frames to $SEC_MAC"
check "untrusted: VF 0 received none of them" test "$n" = 0

# --- trusted: the address becomes a filter of VF 0's pool ---
ip link set "$PF" vf 0 trust on
check "ip link: VF 0 trust on" sh -c "ip link show $PF | grep 'vf 0 ' | grep -q 'trust on'"
check "debugfs: VF 0 trust 1" vport_has 0 "trust 1"
check "trusted: VF 0 re-registered with one filter" wait_for 10 vport_has 0 "filters 1"
check "trusted: VF 0 has carrier again" wait_carrier 0 1 10
vport_line 0
n=$(frames_to_sec 0)
say "RESULT trusted: VF 0 received $n of 20 frames to $SEC_MAC"
check "trusted: VF 0 received them (at least 18 of 20)" test "$n" -ge 18
check "VF 0 itself still reaches VF 1" wait_for 10 ip netns exec vf0 ping -c 1 -W 1 "$(vf_ip 1)"

# --- another VF's address, even trusted ---
ip link set "$PF" vf 1 trust on
check "trusted: VF 1 has carrier again" wait_carrier 1 1 10
mac0=$(vfx 0 cat "/sys/class/net/${VF_DEV[0]}/address")
mark_log uc-neighbour
vfx 1 bridge fdb add "$mac0" dev "${VF_DEV[1]}" self
check "VF 0's address refused as a filter of VF 1" \
	wait_for 10 logged uc-neighbour "VF 1: $mac0 is another port's address: refused"
check "debugfs: VF 1 holds no filter" vport_has 1 "filters 0"
check "VF 1 still reaches VF 0" wait_for 10 ip netns exec vf1 ping -c 1 -W 1 "$(vf_ip 0)"
vfx 1 bridge fdb del "$mac0" dev "${VF_DEV[1]}" self

# --- the filter goes with the address, and with trust ---
vfx 0 bridge fdb del $SEC_MAC dev "${VF_DEV[0]}" self
check "address deleted: VF 0's filter removed" wait_for 10 vport_has 0 "filters 0"
ip link set "$PF" vf 0 trust off
ip link set "$PF" vf 1 trust off
check "ip link: VF 0 trust off" sh -c "ip link show $PF | grep 'vf 0 ' | grep -q 'trust off'"
check "VF 0 reaches VF 1 after the trust changes" \
	wait_for 10 ip netns exec vf0 ping -c 1 -W 1 "$(vf_ip 1)"
