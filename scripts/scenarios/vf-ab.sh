# SPDX-License-Identifier: GPL-2.0
# timeout: 1800
#
# Bench: igx_vf against the in-tree igbvf on the same emulated 82576 in
# one guest boot (stock igb PF, reloaded between drivers so that no state
# carries over: QEMU keeps VTIVAR and per-queue TX context until a PF
# reset). Same tests, same order, ROUNDS rounds each; prints a table.
# Under TCG only the ratio means something.

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"

ROUNDS=${ROUNDS:-3}
SECS=${SECS:-5}
TESTS="tcp_vf_vf tcp_vf_lp tcp_lp_vf udp64_vf_vf"
declare -A res

one() {	# TEST: prints Mbit/s (TCP) or received packets/s (UDP, 64 bytes)
	local v
	case $1 in
	tcp_vf_vf) iperf_run vf1 "$(vf_ip 1)" vf0 "$SECS" ;;
	tcp_vf_lp) iperf_run $LP_NS $LP_IP vf0 "$SECS" ;;
	tcp_lp_vf) iperf_run vf0 "$(vf_ip 0)" $LP_NS "$SECS" ;;
	udp64_vf_vf)
		v=$(iperf_run vf1 "$(vf_ip 1)" vf0 "$SECS" -u -b 50M -l 64) || return 1
		echo "$v" | awk '{printf "%.0f\n", $1 * 1e6 / 8 / 64}'
		;;
	esac
}

measure() {	# LABEL DRIVER [ethtool -C args]
	local label=$1 drv=$2 r k v i
	shift 2
	IGX_VF_DRIVER=$drv
	pf_bringup
	echo 2 > "/sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
	for i in 0 1; do
		ip link set "$PF" vf $i mac "$VF_MAC_BASE:0$i"
	done
	load_vf_driver
	for i in 0 1; do
		vf_bringup $i
		[ $# -gt 0 ] && vfx $i ethtool -C "${VF_DEV[$i]}" "$@"
	done
	for ((r = 1; r <= ROUNDS; r++)); do
		for k in $TESTS; do
			v=$(one $k) || v=0
			res[$label,$k]+="$v "
		done
		say "$label round $r: $(for k in $TESTS; do echo -n "$k=$(echo ${res[$label,$k]} | awk '{print $NF}') "; done)"
	done
	for k in $TESTS; do
		say "RESULT $label $k ${res[$label,$k]}"
	done
	ip netns del vf0
	ip netns del vf1
	echo 0 > "/sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
	rmmod "$drv"
	rmmod igb
}

lp_setup
measure igbvf igbvf
measure igx_vf igx_vf
measure igx_vf_itr0 igx_vf adaptive-rx off rx-usecs 0

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
printf '\n%-12s %10s %10s %12s %8s\n' test igbvf igx_vf igx_vf_itr0 ratio
for k in $TESTS; do
	a=$(echo "${res[igbvf,$k]}" | median)
	b=$(echo "${res[igx_vf,$k]}" | median)
	c=$(echo "${res[igx_vf_itr0,$k]}" | median)
	printf '%-12s %10s %10s %12s %8s\n' "$k" "$a" "$b" "$c" \
		"$(python3 -c "print('%.2f' % ($b / $a) if $a else 'n/a')")"
done
echo "(TCP Mbit/s, udp64 packets/s received; median of $ROUNDS;"
echo " ratio = igx_vf (DIM) / igbvf)"
