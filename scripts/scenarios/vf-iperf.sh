# SPDX-License-Identifier: GPL-2.0
# timeout: 420
#
# igx_vf on the stock igb PF: iperf3 TCP and UDP between two VFs (NIC
# switch), VF and PF, VF and the link partner (wire). Prints Mbit/s; the
# floors only catch a broken data path (TCG makes absolute numbers small).

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"

TCP_MIN=${TCP_MIN:-$((SLOW ? 1 : 20))}
UDP_RATE=${UDP_RATE:-50M}
UDP_MIN=${UDP_MIN:-$((SLOW ? 1 : 10))}
SECS=${SECS:-5}

vf_setup 2

tcp() {	# NAME SERVER_NS SERVER_IP CLIENT_NS [args]
	local name=$1 mbps
	shift
	mbps=$(iperf_run "$@" "$SECS") || fail "$name: iperf3 TCP failed"
	say "RESULT tcp $name $mbps Mbit/s"
	check "$name TCP above $TCP_MIN Mbit/s" mbps_at_least "$mbps" "$TCP_MIN"
}

udp() {	# NAME SERVER_NS SERVER_IP CLIENT_NS
	local name=$1 r mbps loss
	shift
	r=$(iperf_run "$@" "$SECS" -u -b "$UDP_RATE") || fail "$name: iperf3 UDP failed"
	read -r mbps loss <<< "$r"
	say "RESULT udp $name $mbps Mbit/s received, $loss% lost"
	check "$name UDP above $UDP_MIN Mbit/s" mbps_at_least "$mbps" "$UDP_MIN"
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
