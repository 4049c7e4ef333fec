# SPDX-License-Identifier: GPL-2.0
# timeout: 420
#
# igx_vf on the stock igb PF: iperf3 TCP and UDP between two VFs (NIC
# switch), VF and PF, VF and the link partner (wire). Prints Mbit/s; the
# floors only catch a broken data path (TCG makes absolute numbers small).

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"

TCP_MIN=${TCP_MIN:-$TCP_FLOOR}
UDP_RATE=${UDP_RATE:-50M}
UDP_MIN=${UDP_MIN:-$UDP_FLOOR}
SECS=${SECS:-5}

vf_setup 2

tcp() {	# NAME SERVER_NS SERVER_IP CLIENT_NS
	local name=$1 mbps ok=1
	shift
	mbps=$(tcp_at_least "$TCP_MIN" "$@" "$SECS") || ok=0
	say "RESULT tcp $name ${mbps:-none} Mbit/s"
	check "$name TCP $(tcp_goal "$TCP_MIN")" test $ok = 1
}

udp() {	# NAME SERVER_NS SERVER_IP CLIENT_NS
	local name=$1 r mbps loss ok=1
	shift
	r=$(udp_at_least "$UDP_MIN" - "$@" "$SECS" -b "$UDP_RATE") || ok=0
	read -r mbps loss <<< "$r"
	say "RESULT udp $name ${mbps:-none} Mbit/s received, ${loss:-?}% lost"
	check "$name UDP $(udp_goal "$UDP_MIN" -)" test $ok = 1
}

tcp vf0-to-vf1 vf1 "$(vf_ip 1)" vf0
tcp vf1-to-vf0 vf0 "$(vf_ip 0)" vf1
tcp vf0-to-pf - $NET.1 vf0
tcp pf-to-vf0 vf0 "$(vf_ip 0)" -
tcp vf1-to-lp $LP_NS $LP_IP vf1
tcp lp-to-vf1 vf1 "$(vf_ip 1)" $LP_NS
udp vf0-to-vf1 vf1 "$(vf_ip 1)" vf0
udp vf0-to-pf - $NET.1 vf0
udp vf1-to-lp $LP_NS $LP_IP vf1
udp lp-to-vf1 vf1 "$(vf_ip 1)" $LP_NS

for i in 0 1; do
	vfx $i ip -s link show "${VF_DEV[$i]}"
	vfx $i ethtool -S "${VF_DEV[$i]}"
done
tso=$(vfx 0 ethtool -k "${VF_DEV[0]}" | awk '/^tcp-segmentation-offload:/{print $2}')
check "TSO is on" test "$tso" = on
