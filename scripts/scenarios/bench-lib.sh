# SPDX-License-Identifier: GPL-2.0
# The guest half of `make bench` (scripts/bench), sourced by bench-*.sh.
# bench_run LABEL measures the loaded driver pair (IGX_PF_DRIVER,
# IGX_VF_DRIVER) and writes "KEY VALUE" lines to $IGX_OUT/bench-LABEL.res;
# QEMU trace windows go to $IGX_OUT/trace-LABEL-WINDOW.log. The host
# (scripts/bench-report) counts the traces and prints the table. Nothing
# here judges a figure: a step fails only when it produced no figure.

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"

# Written by scripts/bench: durations, repetitions, and HOST_OUT, the
# runner's output directory as QEMU (on the host) names it.
# shellcheck source=/dev/null
. "$IGX_OUT/bench.conf"
: "${SECS:=10}" "${REPS:=3}" "${MBX_N:=50}" "${TRACE_RAMP:=3}"
: "${TRACE_HOLD:=4}" "${BRINGUP_REPS:=3}"

# The events a counting window switches on (section 5 of the QEMU notes).
# memory_region_ops_* say through which BAR (PF or which VF) an access came.
COUNT_EVENTS="e1000e_core_read e1000e_core_write memory_region_ops_read
	memory_region_ops_write e1000e_irq_msix_notify_vec
	e1000e_irq_msix_notify_postponed_vec e1000e_rx_written_to_guest"
MBX_EVENTS="igb_set_vfmailbox igb_set_pfmailbox"
UDP_RATE=50M	# offered load far above what TCG delivers: the receiver's rate counts

res() { echo "$1 $2" >> "$RES"; say "$1 = $2"; }

# Kernel memory not owned by a process or a cache, in KiB: unreclaimable
# slab (skb heads), vmalloc and the pages drivers take straight from the
# page allocator (DMA rings, page_pool and RX pages).
kused() {
	awk '/^(MemTotal):/ { t += $2 }
	     /^(MemFree|Buffers|Cached|SwapCached|AnonPages|PageTables|KernelStack|SReclaimable):/ { t -= $2 }
	     END { print t }' /proc/meminfo
}

# Socket memory (TCP + UDP pages, global) in KiB: subtracted under load,
# where skbs queued in sockets still hold RX pages.
sockmem() {
	awk '$1 ~ /^(TCP|UDP):$/ { for (i = 2; i < NF; i++) if ($i == "mem") m += $(i + 1) }
	     END { print m * 4 }' /proc/net/sockstat
}

# trace_window NAME on|off EVENTS: switch a QEMU counting window. All
# the monitor commands go in one request (one line each): QEMU runs them
# in one go, so every event covers the same interval. "on" first points
# QEMU's log at trace-LABEL-NAME.log.
trace_window() {
	local name=$1 st=$2 e cmds=
	shift 2
	[ "$st" = on ] && cmds="logfile $HOST_OUT/trace-$LABEL-$name.log"$'\n'
	for e in "$@"; do
		cmds+="trace-event $e $st"$'\n'
	done
	qemu_hmp "${cmds%$'\n'}" > /dev/null || fail "trace window $name $st"
}

# iperf_start SERVER_NS SERVER_IP CLIENT_NS SECS JSON [client args]:
# server up (bounded wait for its socket), client in the background;
# sets IPERF_PIDS. iperf_finish prints the client's JSON file name.
iperf_start() {
	local sns=$1 sip=$2 cns=$3 secs=$4 json=$5
	shift 5
	nsx "$sns" timeout $((secs + 60)) iperf3 -s -1 -B "$sip" > /dev/null 2>&1 &
	IPERF_PIDS=$!
	wait_for 20 iperf_listening "$sns" "$sip" || fail "iperf3 server on $sip did not start"
	nsx "$cns" timeout $((secs + 40)) iperf3 -c "$sip" -t "$secs" \
		--connect-timeout 5000 -J "$@" > "$json" 2>&1 &
	IPERF_PIDS="$IPERF_PIDS $!"
}

iperf_finish() {
	local p
	for p in $IPERF_PIDS; do
		wait "$p" || true
	done
}

# iperf_value JSON: Mbit/s received (TCP) or packets/s received (UDP).
iperf_value() {
	jq -r 'if .error then ("iperf3: " + .error | halt_error(1)) else . end
		| if .start.test_start.protocol == "UDP" then
			(.end.sum | (.packets - .lost_packets) / .seconds | round)
		  else (.end.sum_received.bits_per_second / 1e5 | round / 10) end' "$1"
}

# The paths: "server-ns server-ip client-ns [client args]".
path_args() {
	case $1 in
	tcp_vf_vf) echo "vf1 $(vf_ip 1) vf0" ;;
	tcp_vf_lp) echo "$LP_NS $LP_IP vf0" ;;
	tcp_pf_lp) echo "$LP_NS $LP_IP -" ;;
	udp64_vf_vf) echo "vf1 $(vf_ip 1) vf0 -u -b $UDP_RATE -l 64" ;;
	esac
}

# measure TEST SECS: one run, prints its figure.
measure() {
	local json=/tmp/bench-$1.json
	local -a a
	read -ra a <<< "$(path_args "$1")"
	iperf_start "${a[0]}" "${a[1]}" "${a[2]}" "$2" "$json" "${a[@]:3}"
	iperf_finish
	iperf_value "$json" || { cat "$json" >&2; return 1; }
}

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

throughput() {
	local r t v
	declare -A all
	for ((r = 1; r <= REPS; r++)); do
		for t in tcp_vf_vf tcp_vf_lp tcp_pf_lp udp64_vf_vf; do
			v=$(measure $t "$SECS") || fail "$t produced no figure"
			all[$t]+="$v "
			say "round $r: $t $v"
		done
	done
	for t in tcp_vf_vf tcp_vf_lp tcp_pf_lp udp64_vf_vf; do
		res "$t" "$(echo "${all[$t]}" | median)"
		res "$t.all" "$(echo ${all[$t]} | tr ' ' ,)"
	done
}

# count_window NAME TEST: a TEST run with the counting events on for
# TRACE_HOLD seconds after TRACE_RAMP seconds of load. The run is set to
# last 30 s more (the monitor round trips), must still be running when
# the window closes, and is then stopped. For the TCP window, memory is
# sampled at that steady load and again once the run is over (tracing
# slows the device, not what the drivers hold).
count_window() {
	local name=$1 t=$2 json=/tmp/bench-win-$1.json t0 t1 k0 s0 k1 s1 client p
	local -a a
	read -ra a <<< "$(path_args "$t")"
	iperf_start "${a[0]}" "${a[1]}" "${a[2]}" $((TRACE_RAMP + TRACE_HOLD + 30)) \
		"$json" "${a[@]:3}"
	client=${IPERF_PIDS##* }
	sleep "$TRACE_RAMP"	# past TCP slow start and ARP: steady load
	trace_window "$name" on $COUNT_EVENTS
	t0=$(now_ms)
	sleep "$TRACE_HOLD"
	k1=$(kused)
	s1=$(sockmem)
	t1=$(now_ms)
	trace_window "$name" off $COUNT_EVENTS
	kill -0 "$client" 2> /dev/null || fail "the $t run ended inside its counting window"
	# Each pid is a subshell whose child is timeout(1), which passes the
	# signal on to iperf3.
	for p in $IPERF_PIDS; do
		pkill -TERM -P "$p" 2> /dev/null || true
	done
	iperf_finish
	k0=$(kused)
	s0=$(sockmem)
	res "win.$name.ms" $((t1 - t0))
	res "win.$name.tx" 0
	res "win.$name.rx" 1
	res "win.$name.load_kib" $((k1 - k0 - (s1 - s0)))
}

# mbx_state: "REQUESTS PENDING" of VF 0 in the mailbox window so far: a
# V2PMAILBOX write with REQ (bit 0) opens a request, one with ACK (bit 1,
# the VF taking the PF's reply) closes it.
mbx_state() {
	awk '/igb_set_vfmailbox VFMailbox\[0\]/ {
		d = substr($NF, length($NF))
		if (d ~ /[13579bdf]/) { r++; p = 1 } else if (d ~ /[2367abef]/) p = 0
	} END { print r + 0, p + 0 }' "$IGX_OUT/trace-$LABEL-mbx.log" 2> /dev/null
}

# mbx_answered N: VF 0 has made more than N requests and none is open.
mbx_answered() {
	local s
	s=$(mbx_state)
	[ "${s% *}" -gt "$1" ] && [ "${s#* }" = 0 ]
}

# mailbox_rtt: MBX_N multicast list changes on VF 0, each a VF request
# (SET_MULTICAST; igx_vf sends it from its watchdog, followed by
# SET_XCAST_MODE). QEMU logs the mailbox registers with host timestamps;
# the host pairs each REQ with the VF's ACK of the PF's reply. The next
# change waits for the answer, so requests never overlap or coalesce.
mailbox_rtt() {
	local i op=add n
	trace_window mbx on $MBX_EVENTS
	for ((i = 0; i < MBX_N; i++)); do
		n=$(mbx_state)
		ip -n vf0 maddr $op 01:00:5e:7f:00:01 dev "${VF_DEV[0]}"
		[ $op = add ] && op=del || op=add
		wait_for 10 mbx_answered "${n% *}" || fail "mailbox request $i not answered in 10 s"
	done
	trace_window mbx off $MBX_EVENTS
	res mbx.changes "$MBX_N"
}

# bringup_once: `echo 7 > sriov_numvfs` to 7 VF netdevs with carrier,
# guest milliseconds. The VF driver is loaded, so the VFs probe during
# the write; each netdev is set up as soon as it exists. Bash builtins
# only in the loop (a fork costs milliseconds under TCG).
bringup_once() {
	local sysfs=/sys/bus/pci/devices/$PF_PCI t0 i d n c end=$((SECONDS + 60))
	local -a up=()
	t0=$(now_ms)
	echo 7 > "$sysfs/sriov_numvfs"
	while :; do
		n=0
		for ((i = 0; i < 7; i++)); do
			for d in "$sysfs"/virtfn$i/net/*; do
				[ -e "$d" ] || continue
				if [ -z "${up[$i]:-}" ]; then
					ip link set dev "${d##*/}" up && up[$i]=${d##*/}
				fi
				c=0
				read -r c < "$d/carrier" 2> /dev/null || c=0
				[ "$c" = 1 ] && n=$((n + 1))
			done
		done
		[ $n = 7 ] && break
		[ $SECONDS -lt $end ] || { echo timeout; return 0; }
		sleep 0.01
	done
	echo $(($(now_ms) - t0))
}

bringup() {
	local r v all=
	for ((r = 1; r <= BRINGUP_REPS; r++)); do
		v=$(bringup_once)
		say "bring-up round $r: $v ms"
		all+="$v "
		[ $r = "$BRINGUP_REPS" ] && break
		echo 0 > "/sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
	done
	if [[ " $all" = *" timeout "* ]]; then
		res bringup_ms timeout
	else
		res bringup_ms "$(echo "$all" | median)"
	fi
	res bringup_ms.all "$(echo $all | tr ' ' ,)"
}

# idle memory per VF: the 7 VFs up (rings allocated and filled) against
# the same 7 down (rings freed); both sides synchronous in the drivers.
idle_memory() {
	local d up down
	up=$(kused)
	for d in /sys/bus/pci/devices/"$PF_PCI"/virtfn*/net/*; do
		ip link set dev "${d##*/}" down
	done
	down=$(kused)
	res mem.idle_kib_per_vf $(((up - down) / 7))
}

bench_run() {
	LABEL=$1
	RES=$IGX_OUT/bench-$LABEL.res
	: > "$RES"
	rm -f "$IGX_OUT"/trace-"$LABEL"-*.log
	res drivers "$IGX_PF_DRIVER/$IGX_VF_DRIVER"
	lp_setup
	pf_bringup
	echo 2 > "/sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
	ip link set "$PF" vf 0 mac "$VF_MAC_BASE:00"
	ip link set "$PF" vf 1 mac "$VF_MAC_BASE:01"
	load_vf_driver
	vf_bringup 0
	vf_bringup 1
	res numvfs 2
	check "VF 0 pings VF 1" ns_ping vf0 "$(vf_ip 1)"
	check "VF 0 pings the link partner" ns_ping vf0 $LP_IP
	check "the PF pings the link partner" ns_ping - $LP_IP

	mailbox_rtt
	throughput
	count_window tcp tcp_vf_vf
	count_window udp64 udp64_vf_vf

	ip netns del vf0
	ip netns del vf1
	echo 0 > "/sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
	bringup
	idle_memory
	echo 0 > "/sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
	res done 1
}
