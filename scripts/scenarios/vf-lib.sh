# SPDX-License-Identifier: GPL-2.0
# Helpers for the igx_vf scenarios (vf-*.sh); sources lib.sh. The PF is the
# in-tree igb unless IGX_PF_DRIVER says otherwise, the VF driver igx_vf
# unless IGX_VF_DRIVER says otherwise (igbvf gives the A/B reference).

. "$IGX_TOP/scripts/scenarios/lib.sh"
: "${IGX_PF_DRIVER:=igb}"
: "${IGX_VF_DRIVER:=igx_vf}"

VF_MAC_BASE=52:54:00:aa:00

# say, with the seconds since the scenario started: the log shows where
# the time goes.
say() { printf 'igx: [%ss] %s\n' "$SECONDS" "$*"; }

# vf_setup N [nomac]: link partner, PF up, N VFs, the VF driver loaded and
# each VF up in namespace vfI at $NET.(10+I). VF I gets the admin MAC
# $VF_MAC_BASE:0I unless "nomac" is given or I is in $VF_NOMAC; such a VF
# picks its own. The VFs come up together: their carrier waits overlap.
vf_setup() {
	local n=$1 mode=${2:-} i
	lp_setup
	pf_bringup
	echo "$n" > "/sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
	for ((i = 0; i < n; i++)); do
		[ "$mode" = nomac ] && break
		[[ " ${VF_NOMAC:-} " = *" $i "* ]] && continue
		ip link set "$PF" vf $i mac "$VF_MAC_BASE:0$i"
	done
	load_vf_driver
	for ((i = 0; i < n; i++)); do
		vf_attach $i
	done
	for ((i = 0; i < n; i++)); do
		check "VF $i (${VF_DEV[$i]}) has carrier" wait_carrier $i 1 30
	done
	say "drivers: PF $(pf_driver), VF $(vf_driver)"
}

# vfx I CMD...: run CMD in VF I's namespace.
vfx() {
	local i=$1
	shift
	ip netns exec "vf$i" "$@"
}

vf_ip() { echo "$NET.$((10 + $1))"; }

# vf_carrier I: 0 or 1 (LOWER_UP of an interface that is up; "ip -n"
# only enters the namespace, "ip netns exec" also remounts /sys).
vf_carrier() {
	if ip -n "vf$1" -o link show dev "${VF_DEV[$1]}" 2>/dev/null |
		grep -q '[<,]LOWER_UP[,>]'; then
		echo 1
	else
		echo 0
	fi
}

# carrier_is I 0|1: VF I's carrier is as given, now.
carrier_is() { [ "$(vf_carrier "$1")" = "$2" ]; }

# wait_carrier I 0|1 SECONDS (wait_for runs carrier_is each time: a
# "$(vf_carrier)" in its arguments would be read once, before waiting)
wait_carrier() {
	wait_for "$3" carrier_is "$1" "$2"
}

# nsx NS|- CMD...: run CMD in namespace NS, or in the root one for "-".
nsx() {
	local ns=$1
	shift
	if [ "$ns" = - ]; then
		"$@"
	else
		ip netns exec "$ns" "$@"
	fi
}

iperf_listening() { nsx "$1" ss -ltn | grep -qF "$2:5201"; }

# iperf_run SERVER_NS SERVER_IP CLIENT_NS SECONDS [iperf3 client args...]:
# prints the Mbit/s the receiver got (TCP), or that and the % lost (UDP);
# with --bidir the same again for the reverse direction.
iperf_run() {
	local sns=$1 sip=$2 cns=$3 secs=$4 json
	shift 4
	nsx "$sns" timeout $((secs + 40)) iperf3 -s -1 -B "$sip" >/dev/null 2>&1 &
	local spid=$!
	# The server takes a while to start under TCG: wait for its socket.
	wait_for 20 iperf_listening "$sns" "$sip" || true
	json=$(nsx "$cns" timeout $((secs + 30)) iperf3 -c "$sip" -t "$secs" \
		--connect-timeout 5000 -J "$@") || {
		kill $spid 2>/dev/null
		echo "iperf3 failed: $json" >&2
		return 1
	}
	wait $spid 2>/dev/null
	# jq, not python: an interpreter start costs seconds under TCG.
	jq -r 'if .error then ("iperf3: " + .error | halt_error(1)) else . end
		| (.start.test_start.protocol == "UDP") as $udp
		| [.end.sum_received, .end.sum_received_bidir_reverse // empty]
		| map((.bits_per_second / 1e6 * 10 | round / 10 | tostring)
		      + (if $udp then " " + (.lost_percent * 100 | round / 100
					     | tostring) else "" end))
		| join(" ")' <<< "$json"
}

# mbps_at_least VALUE MIN: true if VALUE >= MIN
mbps_at_least() {
	awk -v v="$1" -v m="$2" 'BEGIN { exit !(v + 0 >= m + 0) }'
}

# On the debug kernel a TCP rate says nothing about the driver: KASAN and
# lockdep under TCG, with make check's two or three guests on two cores, gave
# 0.3-4 Mbit/s on every path, on the stock igb PF as on igx_pf
# (vf-traffic, 2026-12-02), and a connection that lost its first segments
# sits out 1 s retransmission timeouts. There the check is that a bulk
# transfer arrives whole: each direction sends TCP_BYTES over one TCP
# connection and the receiver counts every byte up to the sender's FIN.
# A stuck queue, a lost completion or a dropped buffer does not get there
# within the bound. (iperf3 cannot say this: its receiver stops counting
# at the end of the test, with the last block still in flight.) On the
# stock kernel the check is a rate floor.
TCP_BYTES=1048576
TCP_PORT=5301

tcp_listening() { nsx "$1" ss -ltn | grep -qF "$2:$TCP_PORT"; }

# tcp_whole SERVER_NS SERVER_IP CLIENT_NS to|from: TCP_BYTES over one
# connection to (or from) the server; prints the Mbit/s, fails unless
# every byte arrived within 120 s.
tcp_whole() {
	local sns=$1 sip=$2 cns=$3 dir=$4 got=/tmp/tcp_whole.$$ t0 t1 spid rc=0
	if [ "$dir" = to ]; then
		nsx "$sns" timeout 150 socat -u \
			"TCP-LISTEN:$TCP_PORT,bind=$sip,reuseaddr" - 2>/dev/null |
			wc -c > $got &
	else
		head -c $TCP_BYTES /dev/zero | nsx "$sns" timeout 150 socat -u - \
			"TCP-LISTEN:$TCP_PORT,bind=$sip,reuseaddr" 2>/dev/null &
	fi
	spid=$!
	wait_for 20 tcp_listening "$sns" "$sip" || true
	t0=$(now_ms)
	if [ "$dir" = to ]; then
		head -c $TCP_BYTES /dev/zero | nsx "$cns" timeout 120 socat -u - \
			"TCP:$sip:$TCP_PORT,connect-timeout=5" || rc=1
		wait $spid || rc=1
	else
		nsx "$cns" timeout 120 socat -u \
			"TCP:$sip:$TCP_PORT,connect-timeout=5" - | wc -c > $got || rc=1
		wait $spid || rc=1
	fi
	t1=$(now_ms)
	[ $rc = 0 ] && [ "$(cat $got)" = $TCP_BYTES ] || {
		echo "TCP $dir $sip: $(cat $got 2>/dev/null) of $TCP_BYTES bytes arrived" >&2
		kill $spid 2>/dev/null
		rm -f $got
		return 1
	}
	rm -f $got
	awk -v b=$TCP_BYTES -v ms=$((t1 - t0)) \
		'BEGIN { printf "%.1f\n", b * 8 / (ms > 0 ? ms : 1) / 1000 }'
}

# tcp_goal MIN: what tcp_at_least checks, for a check's description.
tcp_goal() {
	if [ "$SLOW" = 1 ]; then
		echo "moves $TCP_BYTES bytes whole"
	else
		echo "above $1 Mbit/s"
	fi
}

# tcp_at_least MIN SNS SIP CNS SECS ARGS...: an iperf_run (TCP) whose
# every figure (two with --bidir) is at least MIN Mbit/s; on the debug
# kernel a tcp_whole to the server, and with --bidir one from it after.
# Prints the figures (Mbit/s).
tcp_at_least() {
	local min=$1 sns=$2 sip=$3 cns=$4 secs=$5 r v dirs=to all=()
	shift 5
	if [ "$SLOW" = 0 ]; then
		r=$(iperf_run "$sns" "$sip" "$cns" "$secs" "$@") || return 1
		echo "$r"
		for v in $r; do
			mbps_at_least "$v" "$min" || return 1
		done
		return 0
	fi
	for v in "$@"; do
		[ "$v" = --bidir ] && dirs="to from"
	done
	for v in $dirs; do
		r=$(tcp_whole "$sns" "$sip" "$cns" $v) || { echo "${all[*]}"; return 1; }
		all+=("$r")
	done
	echo "${all[*]}"
}

# dmesg_since MARK: kernel log lines after the line containing MARK.
mark_log() { echo "igx-mark: $1" > /dev/kmsg; }
log_since() { dmesg | sed -n "/igx-mark: $1/,\$p"; }

now_ms() { date +%s%3N; }

# recovered_within I SECONDS: wait until VF I has carrier and pings the
# PF; prints the milliseconds it took.
recovered_within() {
	local i=$1 limit=$2 t0
	t0=$(now_ms)
	wait_for "$limit" sh -c "[ \"\$(ip netns exec vf$i cat /sys/class/net/${VF_DEV[$i]}/carrier 2>/dev/null)\" = 1 ] &&
		ip netns exec vf$i ping -c 1 -W 1 $NET.1" || return 1
	echo $(($(now_ms) - t0))
}

# Kernel log lines, each prefixed by its timestamp in ms (awk program
# text shared by klog_ms and klog_recover; awk, as python starts slowly).
KLOG_T='!/^\[ *[0-9.]+\]/ { next }
	{ t = $0; sub(/^\[ */, "", t); sub(/\].*/, "", t); t = t * 1000 }'

# klog_ms MARK FROM TO: milliseconds, by kernel timestamps, from the
# first log line matching the regex FROM after MARK (FROM "mark": MARK
# itself) to the first line matching TO after that; empty if not found.
klog_ms() {
	log_since "$1" | awk -v frm="$2" -v to="$3" "$KLOG_T"'
		t0 == "" { if (frm == "mark" || $0 ~ frm) t0 = t; next }
		$0 ~ to { printf "%d\n", t - t0; exit }'
}

# klog_recover MARK PF_RE VF_RE: milliseconds from the PF's "link up"
# (first PF_RE after MARK) to the VF's (first VF_RE after MARK), 0 if the
# VF was up before the PF logged it; empty if the VF never came up.
klog_recover() {
	log_since "$1" | awk -v p="$2" -v v="$3" "$KLOG_T"'
		tp == "" && $0 ~ p { tp = t }
		tv == "" && $0 ~ v { tv = t }
		END {
			if (tv == "")
				exit
			d = tp == "" ? 0 : tv - tp
			printf "%d\n", d < 0 ? 0 : d
		}'
}

# within_ms MS LIMIT_MS: MS is set and at most LIMIT_MS (any value on
# the debug kernel, where only the stock kernel's timing counts).
within_ms() {
	[ -n "$1" ] || return 1
	[ "$SLOW" = 1 ] || [ "$1" -le "$2" ]
}

# igx_vf_log_count PATTERN MARK: igx_vf kernel log lines matching PATTERN
# since MARK.
vf_log_count() {
	log_since "$2" | grep -E "igx_vf" | grep -cE "$1" || true
}

# vf_mcast_check: multicast join/leave on VF 1, senders the link partner
# and VF 0 (vf-mcast.py). A filter change must take effect within 10 s
# (60 s on the debug kernel).
vf_mcast_check() {
	python3 "$IGX_TOP/scripts/scenarios/vf-mcast.py" "${VF_DEV[1]}" \
		$((SLOW ? 60 : 10)) || fail "multicast join/leave on VF 1"
}

# --- recovery scenarios (vf-recovery, pair-recovery), after vf_setup 2 ---

LIMIT_MS=2000			# carrier back within 2 s (guest time)
WAIT=$((SLOW ? 60 : 10))
PF_UP_RE=".*(NIC Link is Up|: link up)"	# igb or igx_pf, after PF_PCI

vf_up() { echo "$(vf_pci "$PF_PCI" "$1") .*: link up"; }

# both_back MARK WHAT: both VFs have carrier again, within LIMIT_MS of
# the PF's link up after MARK, and VF 0 reaches VF 1.
both_back() {
	local i ms
	for i in 0 1; do
		check "$2: VF $i has carrier again" wait_carrier $i 1 $WAIT
		ms=$(klog_recover "$1" "$PF_PCI $PF_UP_RE" "$(vf_up $i)")
		say "RESULT $2: VF $i link up $ms ms after the PF's"
		check "$2: VF $i within $LIMIT_MS ms" within_ms "$ms" $LIMIT_MS
	done
	check "$2: VF 0 pings VF 1" ns_ping vf0 "$(vf_ip 1)"
}

# flr_rounds N: reset VF 0 by FLR N times; each time its link is up again
# within LIMIT_MS and it reaches VF 1; it keeps the admin MAC.
flr_rounds() {
	local n ms
	for ((n = 1; n <= $1; n++)); do
		mark_log "flr$n"
		echo 1 > "/sys/bus/pci/devices/$(vf_pci "$PF_PCI" 0)/reset"
		check "FLR $n: VF 0 has carrier again" wait_carrier 0 1 $WAIT
		ms=$(klog_ms "flr$n" mark "$(vf_up 0)")
		say "RESULT FLR $n: VF 0 link up $ms ms after the reset"
		check "FLR $n: within $LIMIT_MS ms" within_ms "$ms" $LIMIT_MS
		check "FLR $n: VF 0 pings VF 1" ns_ping vf0 "$(vf_ip 1)"
	done
	check "after FLR: VF 0 keeps the admin MAC" vfx 0 \
		grep -qx "${VF_MAC_BASE}:00" "/sys/class/net/${VF_DEV[0]}/address"
}
