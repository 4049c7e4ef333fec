# SPDX-License-Identifier: GPL-2.0
# check: stock
# timeout: 180
# cost: 390
#
# igx_vf on the stock igb PF, the data path in one driver load with all 7
# VFs (the most the 82576 gives while the PF keeps a pool):
# - the 7 VFs pass traffic at once: each pings the next through the NIC
#   switch, all 7 together, no reply lost;
# - VF<->VF (switch), VF<->PF and VF<->link partner (wire): ping both ways
#   and IPv6, then iperf3 TCP and UDP both ways at once (--bidir) on each
#   path (the floors only catch a broken data path: TCG is slow);
# - MTU 9000 between two VFs: unfragmented 8972-byte pings both ways and
#   TCP both ways; MTUs outside 68..9216 refused with EINVAL, MTU
#   unchanged.
# QEMU runs queue 0 of a VF only (docs/vf.md): one queue pair is tested.

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"

N=7
SECS=${SECS:-$((SLOW ? 5 : 4))}
TCP_MIN=${TCP_MIN:-$((SLOW ? 1 : 20))}
UDP_RATE=${UDP_RATE:-$((SLOW ? 10 : 50))M}
# On the debug kernel UDP only has to get through both ways (UDP_FLOOR
# in lib.sh says why).
UDP_MIN=${UDP_MIN:-$UDP_FLOOR}
vf_setup $N
for ((i = 0; i < N; i++)); do
	check "VF $i has its admin MAC and igx_vf" sh -c "
		ip -n vf$i link show dev ${VF_DEV[$i]} | grep -q 'ether $VF_MAC_BASE:0$i ' &&
		ip netns exec vf$i ethtool -i ${VF_DEV[$i]} | grep -qx 'driver: igx_vf'"
done

# --- all 7 at once ---
for ((i = 0; i < N; i++)); do
	ip netns exec vf$i ping -q -c 30 -i 0.05 -W 2 "$(vf_ip $(((i + 1) % N)))" \
		> /tmp/ring$i 2>&1 &
done
wait
for ((i = 0; i < N; i++)); do
	grep "packets transmitted" /tmp/ring$i | sed "s/^/igx: VF $i: /"
	check "all 7 at once: VF $i -> VF $(((i + 1) % N)) lost nothing" \
		grep -q " 30 received, 0% packet loss" /tmp/ring$i
done

# --- ping on each path ---
check "VF 0 pings VF 1 (NIC switch)" ns_ping vf0 "$(vf_ip 1)"
check "VF 1 pings VF 0 (NIC switch)" ns_ping vf1 "$(vf_ip 0)"
check "VF 0 pings the PF" ns_ping vf0 $NET.1
check "the PF pings VF 0" ns_ping - "$(vf_ip 0)"
check "VF 1 pings the link partner (wire)" ns_ping vf1 $LP_IP
check "the link partner pings VF 1" ns_ping $LP_NS "$(vf_ip 1)"
check "IPv6 link-local VF 0 -> VF 1" sh -c \
	"ll=\$(ip -n vf1 -6 -o addr show dev ${VF_DEV[1]} scope link | awk '{print \$4}' | cut -d/ -f1)
	 ip netns exec vf0 ping -6 -c 3 -i 0.2 -W 2 \$ll%${VF_DEV[0]}"

# --- iperf3, both directions at once ---
# TCP: a rate floor on the stock kernel, a whole bulk transfer each way
# on the debug kernel (tcp_at_least in lib.sh says why). UDP: on the
# debug kernel one run below the floor is repeated once (udp_at_least).
tcp() {	# NAME SERVER_NS SERVER_IP CLIENT_NS
	local name=$1 r ok=1 fwd rev
	shift
	r=$(tcp_at_least "$TCP_MIN" "$@" "$SECS" --bidir) || ok=0
	read -r fwd rev <<< "$r"
	say "RESULT tcp $name: ${fwd:-none} Mbit/s, reverse ${rev:-none} Mbit/s"
	check "$name TCP both ways $(tcp_goal "$TCP_MIN")" test $ok = 1
}
udp() {	# NAME SERVER_NS SERVER_IP CLIENT_NS
	local name=$1 r ok=1 fwd floss rev rloss
	shift
	r=$(udp_at_least "$UDP_MIN" - "$@" "$SECS" --bidir -b "$UDP_RATE") || ok=0
	read -r fwd floss rev rloss <<< "$r"
	say "RESULT udp $name: ${fwd:-none} Mbit/s (${floss:-?}% lost), reverse ${rev:-none} Mbit/s (${rloss:-?}% lost)"
	check "$name UDP both ways $(udp_goal "$UDP_MIN" -)" test $ok = 1
}
tcp vf0-vf1 vf1 "$(vf_ip 1)" vf0
tcp vf0-pf - $NET.1 vf0
tcp vf1-lp $LP_NS $LP_IP vf1
udp vf0-vf1 vf1 "$(vf_ip 1)" vf0
udp vf0-pf - $NET.1 vf0
udp vf1-lp $LP_NS $LP_IP vf1
tso=$(vfx 0 ethtool -k "${VF_DEV[0]}" | awk '/^tcp-segmentation-offload:/{print $2}')
check "TSO is on" test "$tso" = on

# --- MTU 9000 between VF 0 and VF 1 ---
for i in 0 1; do
	check "VF $i takes MTU 9000" vfx $i ip link set "${VF_DEV[$i]}" mtu 9000
done
check "MTU 9000: VF 0 -> VF 1, 8972 bytes, DF" \
	vfx 0 ping -M do -s 8972 -c 3 -i 0.2 -W 2 "$(vf_ip 1)"
check "MTU 9000: VF 1 -> VF 0, 8972 bytes, DF" \
	vfx 1 ping -M do -s 8972 -c 3 -i 0.2 -W 2 "$(vf_ip 0)"
tcp mtu9000-vf0-vf1 vf1 "$(vf_ip 1)" vf0
for bad in 9217 67; do
	if vfx 0 ip link set "${VF_DEV[0]}" mtu $bad 2> /tmp/err; then
		fail "MTU $bad accepted"
	fi
	say "MTU $bad: $(cat /tmp/err)"
	check "MTU $bad refused with EINVAL" grep -q "Invalid argument\|mtu greater\|mtu less" /tmp/err
	check "MTU still 9000" sh -c "ip -n vf0 link show dev ${VF_DEV[0]} | grep -q ' mtu 9000 '"
done
check "MTU back to 1500" vfx 0 ip link set "${VF_DEV[0]}" mtu 1500
check "VF 0 (1500) pings VF 1 (9000)" ns_ping vf0 "$(vf_ip 1)"
for i in 0 1; do
	vfx $i ip -s link show "${VF_DEV[$i]}"
done
vfx 0 ethtool -S "${VF_DEV[0]}"
