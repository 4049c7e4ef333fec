# SPDX-License-Identifier: GPL-2.0
# check: stock debug
# timeout: 900
# cost: 240
#
# igx_vf survives 50 unload/load cycles on the stock igb PF, each one
# bringing both VF interfaces up (reset handshake, rings, IRQs) and every
# fifth with a ping flood in flight at rmmod; traffic works before and
# after. The runner fails it on any kernel report (KASAN, lockdep,
# DMA-API on the debug kernel) and scans kmemleak at the end of the run.
# A cycle runs three programs only: under TCG every exec costs.

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"

CYCLES=${CYCLES:-50}
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
	if ((c % 5 == 0)); then
		# Traffic in flight while the driver goes away.
		ip addr add $NET.20/24 dev "${devs[0]}"
		ping -f -c 500 -I "${devs[0]}" $LP_IP > /dev/null 2>&1 &
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
