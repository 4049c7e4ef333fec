# SPDX-License-Identifier: GPL-2.0
# check: stock debug
# timeout: 150 390
# cost: 147
#
# igx_vf on the stock igb PF, what the PF configures for a VF, in one
# driver load with three VFs (VF 0 and 1 with admin MACs, VF 2 without):
# - MAC: VF 2 picks a random locally administered MAC (logged) and may
#   change it; an admin MAC cannot be changed by the VF (EPERM, MAC
#   unchanged, one log line).
# - VLAN: VF 0 and VF 1 talk over their own VLAN 100 and reach VLAN 100 on
#   the wire. An admin port VLAN 10 set on the running VF 2 takes effect
#   within 2 s: VF 2 reaches VLAN 10 on the wire and nothing untagged (the
#   link partner, VF 1), and its own VLANs are refused (EPERM, one log
#   line). Port VLAN off: untagged again within 2 s.
# - multicast join/leave on VF 1 (vf-mcast.py).

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"

LIMIT_MS=2000
modprobe 8021q 2>/dev/null || true	# built in on the debug kernel
VF_NOMAC=2 vf_setup 3
dev0=${VF_DEV[0]} dev1=${VF_DEV[1]} dev2=${VF_DEV[2]}

# --- MAC ---
mac2=$(ip -n vf2 -br link show dev "$dev2" | awk '{print $3}')
say "VF 2 picked $mac2"
check "VF 2: random MAC is locally administered unicast" \
	awk -v m="$mac2" 'BEGIN { b = index("0123456789abcdef", substr(m, 2, 1)) - 1
		exit !(b >= 0 && b % 4 >= 2 && b % 2 == 0) }'
check "VF 2: random MAC logged" sh -c "dmesg | grep igx_vf | grep -q 'using random $mac2'"
check "VF 2 (random MAC) pings the link partner" ns_ping vf2 $LP_IP
check "VF 2 sets its own MAC" vfx 2 ip link set "$dev2" address 02:00:00:00:aa:12
check "VF 2 (own MAC) pings VF 0" ns_ping vf2 "$(vf_ip 0)"
mark_log refuse
if vfx 0 ip link set "$dev0" address 02:00:00:00:aa:10 2> /tmp/err; then
	fail "the PF accepted a MAC over the admin one"
fi
say "MAC change under an admin MAC: $(cat /tmp/err)"
check "admin MAC: change refused with EPERM" grep -q "Operation not permitted" /tmp/err
check "admin MAC: unchanged" sh -c "ip -n vf0 link show dev $dev0 | grep -q 'ether $VF_MAC_BASE:00 '"
vf_logged_once "admin MAC: one log line for the refusal" "02:00:00:00:aa:10" refuse
if vfx 0 ip link set "$dev0" address 01:00:00:00:00:01 2> /tmp/err; then
	fail "multicast MAC accepted"
fi
check "multicast MAC refused (EADDRNOTAVAIL)" grep -q "Cannot assign requested address" /tmp/err
check "VF 0 (admin MAC) pings VF 1" ns_ping vf0 "$(vf_ip 1)"

# --- the VFs' own VLAN 100 ---
vlan_if() {	# NS DEV VID IP: a VLAN interface, up
	ip -n "$1" link add link "$2" name "$2.$3" type vlan id "$3"
	ip -n "$1" addr add "$4/24" dev "$2.$3"
	ip -n "$1" link set "$2.$3" up
}
# The link partner answers only on the interface that has the address,
# and accepts what arrives anywhere: a VLAN check then shows the tag.
for k in all default lp0; do
	ip netns exec $LP_NS sysctl -qw net.ipv4.conf.$k.arp_ignore=1 \
		net.ipv4.conf.$k.rp_filter=0
done
vlan_if $LP_NS lp0 100 198.18.100.254
vlan_if $LP_NS lp0 10 198.18.10.254
check "VF 0: VLAN 100 interface" vlan_if vf0 "$dev0" 100 198.18.100.10
check "VF 1: VLAN 100 interface" vlan_if vf1 "$dev1" 100 198.18.100.11
check "VLAN 100: VF 0 pings VF 1 (switch)" ns_ping vf0 198.18.100.11
check "VLAN 100: VF 1 pings the link partner" ns_ping vf1 198.18.100.254
check "VLAN 100: untagged VF 0 -> VF 1 still works" ns_ping vf0 "$(vf_ip 1)"

# --- admin port VLAN 10 on the running VF 2 ---
# Static neighbours: whether a frame gets through must not depend on
# which interface answered an ARP request.
mac_of() { ip -n "$1" -br link show dev "$2" | awk '{print $3}'; }
mac2=$(mac_of vf2 "$dev2")
ip -n $LP_NS neigh replace "$(vf_ip 2)" lladdr "$mac2" dev lp0 nud permanent
ip -n vf1 neigh replace "$(vf_ip 2)" lladdr "$mac2" dev "$dev1" nud permanent
ip -n vf2 neigh replace $LP_IP lladdr $LP_MAC dev "$dev2" nud permanent
ip -n vf2 neigh replace "$(vf_ip 1)" lladdr "$(mac_of vf1 "$dev1")" dev "$dev2" nud permanent
ip -n vf2 neigh replace 198.18.10.254 lladdr $LP_MAC dev "$dev2" nud permanent
ip -n $LP_NS neigh replace 198.18.10.12 lladdr "$mac2" dev lp0.10 nud permanent
ip -n vf2 addr add 198.18.10.12/24 dev "$dev2"
check "VF 2 untagged pings the link partner before" ns_ping vf2 $LP_IP
check "VF 1 pings VF 2 before" ns_ping vf1 "$(vf_ip 2)"
check "no port VLAN: VF 2 cannot reach VLAN 10 on the wire" \
	sh -c "! ip netns exec vf2 ping -c 2 -i 0.3 -W 1 198.18.10.254"

# first_reply NS TARGET CMD...: ping TARGET from NS every 0.1 s, run
# CMD, print the ms from CMD to the first reply by ping's own time
# stamps (no exec in the measurement); fail if none comes in 30 s.
first_reply() {
	local ns=$1 dst=$2 t0 pid first
	shift 2
	ip netns exec "$ns" ping -D -n -i 0.1 -W 1 "$dst" > /tmp/first.out 2>&1 &
	pid=$!
	wait_for 10 grep -q "^PING" /tmp/first.out
	t0=$(now_ms)
	"$@"
	wait_for 30 grep -q "bytes from" /tmp/first.out || { kill $pid; return 1; }
	kill $pid
	first=$(awk -F'[][]' '/bytes from/ { printf "%d\n", $2 * 1000; exit }' /tmp/first.out)
	echo $((first - t0))
}

mark_log portvlan
ms=$(first_reply vf2 198.18.10.254 ip link set "$PF" vf 2 vlan 10) ||
	fail "port VLAN 10: VF 2 does not reach VLAN 10 on the wire"
say "RESULT admin port VLAN 10: VF 2 on VLAN 10 after $ms ms"
check "port VLAN 10: within $(limit_ms $LIMIT_MS) ms" within_ms $ms $LIMIT_MS
check "port VLAN 10: VF 2 pings VLAN 10 on the wire" ns_ping vf2 198.18.10.254
check "port VLAN 10: untagged link partner cannot reach VF 2" \
	sh -c "! ip netns exec $LP_NS ping -c 2 -i 0.3 -W 1 $(vf_ip 2)"
check "port VLAN 10: VF 2 cannot reach the untagged link partner" \
	sh -c "! ip netns exec vf2 ping -c 2 -i 0.3 -W 1 $LP_IP"
check "port VLAN 10: untagged VF 1 cannot reach VF 2 (switch)" \
	sh -c "! ip netns exec vf1 ping -c 2 -i 0.3 -W 1 $(vf_ip 2)"
if vfx 2 ip link add link "$dev2" name "$dev2.300" type vlan id 300 2> /tmp/err; then
	fail "VLAN 300 accepted under an admin port VLAN"
fi
say "VLAN 300 under port VLAN 10: $(cat /tmp/err)"
check "port VLAN 10: VF 2's own VLAN 300 refused with EPERM" \
	grep -q "Operation not permitted" /tmp/err
check "port VLAN 10: no VLAN 300 interface left" sh -c "! ip -n vf2 link show $dev2.300 2>/dev/null"
vf_logged_once "port VLAN 10: one log line for the refused VLAN" "VLAN 300" portvlan
ms=$(first_reply vf2 $LP_IP ip link set "$PF" vf 2 vlan 0) ||
	fail "port VLAN off: VF 2 does not reach the link partner untagged"
say "RESULT admin port VLAN off: VF 2 untagged after $ms ms"
check "port VLAN off: within $(limit_ms $LIMIT_MS) ms" within_ms $ms $LIMIT_MS
check "port VLAN off: VF 1 pings VF 2" ns_ping vf1 "$(vf_ip 2)"

# --- multicast ---
vf_mcast_check
log_since refuse | grep -E "igx_vf|igb 0000" || true
