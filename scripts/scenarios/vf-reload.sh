# SPDX-License-Identifier: GPL-2.0
# check: stock debug
# soak: yes
# timeout: 120 360
# cost: 143
#
# igx_vf survives unload/load cycles on the stock igb PF (make check: 5,
# make soak: 50), each one bringing both VF interfaces up (reset
# handshake, rings, IRQs) and every fifth with a ping flood in flight at
# rmmod (the flood is seen going out of the VF before the rmmod, and
# still running at it); traffic works before and after. The runner fails it on any kernel report (KASAN, lockdep,
# DMA-API on the debug kernel) and scans kmemleak at the end of the run.
# A cycle runs three programs only: under TCG every exec costs.

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"

CYCLES=${CYCLES:-$(soak_or 50 5)}
vf_setup 2
check "before: TCP VF 0 <-> VF 1" iperf_run vf1 "$(vf_ip 1)" vf0 2 --bidir
check "before: VF 1 pings the link partner" ns_ping vf1 $LP_IP
ip netns del vf0
ip netns del vf1

ko=$(igx_moddir)/igx_vf.ko
vfs=()
for i in 0 1; do
	vfs[$i]=/sys/bus/pci/devices/$(vf_pci "$PF_PCI" $i)/net
done
flood=
for ((c = 1; c <= CYCLES; c++)); do
	if [ -n "$flood" ]; then
		# Transmitted, not replies: with VF 0 and the PF in one
		# namespace on one subnet, either may answer the partner's ARP.
		check "cycle $c: the ping flood goes out of VF 0 (50 frames)" \
			wait_for 20 sh -c "[ \$(cat $d0/statistics/tx_packets) -ge $((tx0 + 50)) ]"
		check "cycle $c: the flood is in flight at rmmod" kill -0 "$flood"
	fi
	rmmod igx_vf || fail "cycle $c: rmmod"
	if [ -n "$flood" ]; then
		kill "$flood" 2>/dev/null || true
		wait "$flood" 2>/dev/null || true
		flood=
	fi
	insmod "$ko" || fail "cycle $c: insmod"
	devs=()
	for d in "${vfs[@]}"; do
		# Probe ran in insmod: the netdev is there or never will be.
		n=("$d"/*)
		[ -e "${n[0]}" ] || fail "cycle $c: no netdev in $d"
		devs+=("${n[0]##*/}")
	done
	printf 'link set dev %s up\n' "${devs[@]}" | ip -batch - ||
		fail "cycle $c: ip link set up"
	if ((c % 5 == 4)); then
		# Traffic in flight while the driver goes away (the next
		# cycle's rmmod): a flood that cannot end before it.
		ip addr add $NET.20/24 dev "${devs[0]}"
		d0=/sys/class/net/${devs[0]}
		tx0=$(cat "$d0/statistics/tx_packets")
		ping -f -w 120 -I "${devs[0]}" $LP_IP > /dev/null 2>&1 &
		flood=$!
	fi
	((c % 10 != 0)) || say "cycle $c done"
done
say "$CYCLES cycles done"

vf_setup_again() {
	local i
	for i in 0 1; do
		vf_attach $i
	done
	for i in 0 1; do
		check "after: VF $i (${VF_DEV[$i]}) has carrier" wait_carrier $i 1 30
	done
}
vf_setup_again
check "after: VF 0 pings VF 1" ns_ping vf0 "$(vf_ip 1)"
check "after: VF 1 pings the link partner" ns_ping vf1 $LP_IP
min=$((SLOW ? 1 : 20))
ok=1
r=$(tcp_at_least $min vf1 "$(vf_ip 1)" vf0 2 --bidir) || ok=0
say "RESULT tcp after reloads: $(echo $r | sed 's/ / | /g') Mbit/s (both ways)"
check "after: TCP both ways $(tcp_goal $min)" test $ok = 1
