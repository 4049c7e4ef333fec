# SPDX-License-Identifier: GPL-2.0
# check: stock debug
# soak: yes
# timeout: 240 1500
# cost: 600
#
# Faults while traffic runs (igx_vf on igx_pf, two VFs). An iperf3 stream
# from VF 1 to the link partner runs through each fault; the stream is
# checked to carry data before the fault, each fault is checked to have
# happened (a counter moved, the link went down; not shown for the
# autoneg restart, see pf_nway),
# the stream to carry data again after it where VF 1's netdev stays (1-5),
# and afterwards both VFs must pass traffic again (a fresh ping and a
# short TCP run). The runner
# checks the kernel log (KASAN, lockdep, DMA-API, WARN) and, on the
# debug kernel, kmemleak at the end of the boot.
#
#   1. VF 1 FLR (sysfs reset)
#   2. the wire down and up (QEMU set_link)
#   3. PF autoneg restart (ethtool -r)
#   4. full PF reset (ethtool --reset PF mac)
#   5. PF MTU 9000 and back (igx_pf changes it without a reset)
#   6. igx_vf unloaded and loaded again
#   7. igx_pf removed while the VF netdevs pass traffic, then loaded again
#   8. sriov_numvfs 0 -> 7 -> 0, $CYCLES times with no VF driver bound (the
#      PF's VPort and switch paths) and $BOUND times with igx_vf bound to
#      all 7
# make check runs faults 1-4 once each, 3 + 1 cycles; make soak twice
# each, 50 + 3 cycles (the counts of make check before 2026-12-03).
#
# Prints one "FAULT name: survived" line per fault and the count.

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"
IGX_PF_DRIVER=igx_pf
IGX_VF_DRIVER=igx_vf

CYCLES=$(soak_or 50 3)
BOUND=$(soak_or 3 1)
TWICE=$(soak_or 2 1)
FAULTS=0
RATE=$((SLOW ? 10 : 50))M
BG_LOG=/tmp/faults-iperf.log
BG_PID=
BG_PORT=5202	# iperf_run's servers use 5201

bg_listening() { ip netns exec $LP_NS ss -ltn | grep -qF "$LP_IP:$BG_PORT"; }
vf_tx() { vfx "$1" cat "/sys/class/net/${VF_DEV[$1]}/statistics/tx_packets"; }

# bg_start: iperf3 VF 1 -> link partner until bg_stop; fails unless VF 1
# sends while it runs.
bg_start() {
	local t0
	# A fresh server each time: one whose client vanished with its VF
	# (no FIN) stays busy with that test.
	pkill -f "iperf3 -s -D -B $LP_IP -p $BG_PORT" || true
	wait_for 10 sh -c "! ip netns exec $LP_NS ss -ltn | grep -qF $LP_IP:$BG_PORT" ||
		fail "the old iperf3 server does not go away"
	ip netns exec $LP_NS iperf3 -s -D -B $LP_IP -p $BG_PORT
	wait_for 20 bg_listening || fail "no iperf3 server"
	t0=$(vf_tx 1)
	# not through a function: $! must be iperf3 (ip netns exec execs it)
	ip netns exec vf1 iperf3 -c $LP_IP -p $BG_PORT -B "$(vf_ip 1)" -t 3600 -b $RATE \
		--connect-timeout 5000 -i 1 --forceflush > $BG_LOG 2>&1 &
	BG_PID=$!
	wait_for 30 sh -c "[ \$(ip netns exec vf1 cat /sys/class/net/${VF_DEV[1]}/statistics/tx_packets) -gt $((t0 + 200)) ]" ||
		{ cat $BG_LOG; fail "traffic runs before the fault"; }
	say "ok: traffic runs before the fault"
}

# bg_moving N: a 1 s report after line N of the stream's log moved data.
bg_moving() {
	awk -v n="$1" 'NR > n && / sec / && /Bytes/ && !/ 0\.00 Bytes/ { f = 1 }
		END { exit !f }' $BG_LOG
}

# bg_resumes NAME LINE: the stream outlived the fault (LINE: its log's
# length when the fault ended): it carries data again and still runs.
bg_resumes() {
	check "$1: the stream carries data again" wait_for $WAIT bg_moving "$2"
	check "$1: the stream still runs" kill -0 "$BG_PID"
}

# vf_stat I NAME: igx_vf's ethtool -S counter NAME of VF I.
vf_stat() {
	vfx "$1" ethtool -S "${VF_DEV[$1]}" | awk -v k="$2:" '$1 == k { print $2 }'
}

# vf_stat_above I NAME N: that counter is above N now.
vf_stat_above() { [ "$(vf_stat "$1" "$2")" -gt "$3" ]; }

# bg_stop: the stream ends (it may have failed with the fault; it must
# not hang). SIGTERM: a background job of a script ignores SIGINT.
bg_stop() {
	kill -TERM "$BG_PID" 2>/dev/null || true
	wait_for 20 sh -c "! kill -0 $BG_PID 2>/dev/null" ||
		fail "iperf3 did not end after SIGTERM"
	wait "$BG_PID" 2>/dev/null || true
}

# survived NAME: both VFs have carrier and pass traffic again.
survived() {
	local i
	for i in 0 1; do
		check "$1: VF $i has carrier" wait_carrier $i 1 $WAIT
	done
	check "$1: VF 0 pings VF 1" wait_for $WAIT \
		ip netns exec vf0 ping -c 1 -W 1 "$(vf_ip 1)"
	check "$1: VF 1 pings the link partner" wait_for $WAIT \
		ip netns exec vf1 ping -c 1 -W 1 $LP_IP
	check "$1: TCP VF 0 -> link partner" iperf_run $LP_NS $LP_IP vf0 2
	FAULTS=$((FAULTS + 1))
	say "FAULT $1: survived ($FAULTS)"
}

# fault NAME keeps|ends CMD...: CMD while the stream runs; with "keeps"
# VF 1's netdev stays and the stream must carry data again after CMD
# (bg_resumes); then survived NAME.
fault() {
	local name=$1 kind=$2 line
	shift 2
	bg_start
	"$@"
	line=$(wc -l < $BG_LOG)
	[ "$kind" = ends ] || bg_resumes "$name" "$line"
	bg_stop
	survived "$name"
}

# vfs_again: VF netdevs back into their namespaces after a driver load.
vfs_again() {
	local i
	for ns in vf0 vf1; do
		ip netns del $ns 2>/dev/null || true
	done
	for i in 0 1; do
		vf_attach $i
	done
}

vf_setup 2

flr() {
	local n
	n=$(vf_stat 1 vf_resets)
	echo 1 > "/sys/bus/pci/devices/$(vf_pci "$PF_PCI" 1)/reset"
	check "FLR: VF 1 went through a reset (vf_resets was $n)" \
		wait_for $WAIT vf_stat_above 1 vf_resets "$n"
}
for ((r = 1; r <= TWICE; r++)); do
	fault "VF 1 FLR $r" keeps flr
done

wire_flap() {
	qemu_hmp set_link igb0 off > /dev/null || fail "set_link off"
	check "wire down: PF loses carrier" \
		wait_for 10 grep -qx 0 "/sys/class/net/$PF/carrier"
	sleep 1
	qemu_hmp set_link igb0 on > /dev/null || fail "set_link on"
	check "wire up: PF has carrier" \
		wait_for 30 grep -qx 1 "/sys/class/net/$PF/carrier"
}
for ((r = 1; r <= TWICE; r++)); do
	fault "wire flap $r" keeps wire_flap
done

# ethtool -r is a PHY autonegotiation restart on igx_pf (igb turns it
# into a full reinit): the link drops and comes back under the stream.
pf_nway() {
	# Not asserted: that the link went down. QEMU drops it for 500 ms
	# and igx_pf sees that only when its link work runs inside the
	# window (seen in one run, not in the next).
	check "autoneg restart: ethtool -r accepted" ethtool -r "$PF"
	check "autoneg restart: PF has carrier" \
		wait_for 30 grep -qx 1 "/sys/class/net/$PF/carrier"
}
for ((r = 1; r <= TWICE; r++)); do
	fault "PF autoneg restart (ethtool -r) $r" keeps pf_nway
done

# The full PF reset: MAC reset, every mailbox wiped, switch rebuilt, each
# VF told and re-registering, all while VF 1 streams.
pf_reset() {
	local n
	n=$(vf_stat 1 pf_resets)
	ethtool --reset "$PF" mac > /dev/null
	check "PF reset: VF 1 saw it (pf_resets was $n)" \
		wait_for $WAIT vf_stat_above 1 pf_resets "$n"
	check "PF reset: PF has carrier" \
		wait_for 30 grep -qx 1 "/sys/class/net/$PF/carrier"
}
for ((r = 1; r <= TWICE; r++)); do
	fault "PF reset (ethtool --reset mac) $r" keeps pf_reset
done

pf_mtu() {
	check "PF takes MTU 9000" ip link set "$PF" mtu 9000
	check "PF MTU reads 9000" grep -qx 9000 "/sys/class/net/$PF/mtu"
	check "PF MTU 9000: carrier" wait_for 30 grep -qx 1 "/sys/class/net/$PF/carrier"
	check "PF takes MTU 1500" ip link set "$PF" mtu 1500
	check "PF MTU reads 1500" grep -qx 1500 "/sys/class/net/$PF/mtu"
	check "PF MTU 1500: carrier" wait_for 30 grep -qx 1 "/sys/class/net/$PF/carrier"
}
fault "PF MTU change" keeps pf_mtu

vf_reload() {
	rmmod igx_vf
	check "igx_vf unloaded: no VF netdev left" \
		sh -c "! ip -n vf1 link show ${VF_DEV[1]} > /dev/null 2>&1"
	load_vf_driver
	vfs_again
}
fault "igx_vf unload during traffic" ends vf_reload

pf_remove() {
	rmmod igx_pf
	check "igx_pf removed: the VFs are gone" \
		sh -c "! ls /sys/bus/pci/devices/$PF_PCI/virtfn0 > /dev/null 2>&1"
	ip netns del vf0
	ip netns del vf1
	load_pf_driver
	wait_for 10 netdev_of_pci "$PF_PCI" || fail "no PF netdev after reload"
	PF=$(netdev_of_pci "$PF_PCI")
	ip addr add $NET.1/24 dev "$PF"
	ip link set "$PF" up
	check "igx_pf again: PF has carrier" \
		wait_for 30 grep -qx 1 "/sys/class/net/$PF/carrier"
	echo 2 > "/sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
	ip link set "$PF" vf 0 mac "$VF_MAC_BASE:00"
	ip link set "$PF" vf 1 mac "$VF_MAC_BASE:01"
	for i in 0 1; do
		vf_attach $i
	done
}
fault "igx_pf removed during VF traffic" ends pf_remove

# sriov_numvfs cycles: no stream (the VFs come and go).
sysfs=/sys/bus/pci/devices/$PF_PCI
ip netns del vf0
ip netns del vf1
echo 0 > $sysfs/sriov_numvfs
echo 0 > $sysfs/sriov_drivers_autoprobe
t0=$(now_ms)
for ((n = 1; n <= CYCLES; n++)); do
	echo 7 > $sysfs/sriov_numvfs || fail "cycle $n: enabling 7 VFs failed"
	echo 0 > $sysfs/sriov_numvfs || fail "cycle $n: disabling failed"
done
say "RESULT $CYCLES cycles 0 -> 7 -> 0, no VF driver: $(($(now_ms) - t0)) ms"
echo 1 > $sysfs/sriov_drivers_autoprobe
t0=$(now_ms)
for ((n = 1; n <= BOUND; n++)); do
	echo 7 > $sysfs/sriov_numvfs || fail "bound cycle $n: enabling failed"
	check "bound cycle $n: 7 igx_vf netdevs" wait_for 60 sh -c \
		"[ \$(ls -d $sysfs/virtfn*/net/* 2>/dev/null | wc -l) = 7 ]"
	echo 0 > $sysfs/sriov_numvfs || fail "bound cycle $n: disabling failed"
done
say "RESULT $BOUND cycles 0 -> 7 -> 0 with igx_vf bound: $(($(now_ms) - t0)) ms"
check "PF counts 0 VFs" grep -qx 0 $sysfs/sriov_numvfs
echo 2 > $sysfs/sriov_numvfs
ip link set "$PF" vf 0 mac "$VF_MAC_BASE:00"
ip link set "$PF" vf 1 mac "$VF_MAC_BASE:01"
# autoprobe bound the VFs before the MACs were set: rebind to take them
rmmod igx_vf
load_vf_driver
for i in 0 1; do
	vf_attach $i
done
survived "sriov_numvfs 0 -> 7 -> 0, $CYCLES + $BOUND cycles"

say "RESULT faults survived: $FAULTS, the last after $CYCLES + $BOUND sriov_numvfs cycles"
