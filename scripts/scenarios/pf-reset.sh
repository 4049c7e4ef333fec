# SPDX-License-Identifier: GPL-2.0
# check: stock debug
# timeout: 120 300
# cost: 116
#
# A full PF reset (ethtool --reset PF mac) with 2 VFs up: the VFs are told,
# reset themselves and pass traffic again; the PF passes traffic again; the
# per-VF counters keep counting from where they were.

. "$IGX_TOP/scripts/scenarios/lib.sh"
IGX_PF_DRIVER=igx_pf
IGX_VF_DRIVER=${IGX_VF_DRIVER:-igbvf}

vf0_tx() {
	ip -s -j link show "$PF" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["vfinfo_list"][0]["stats"]["tx"]["tx_packets"])'
}

lp_setup
pf_bringup
vfs_enable 2
check "VF 0 pings VF 1 before the reset" ns_ping vf0 "$(vf_ip 1)"
before=$(vf0_tx)
first=$before

# Three resets in a row; each must bring both VFs back. A stock igbvf
# notices a PF reset only in its 2 s watchdog and then resets itself on
# the PF's NACK, at most every 10 s: the time to recover is printed.
for round in 1 2 3; do
	say "reset $round of 3"
	t0=$(date +%s.%N)
	ethtool --reset "$PF" mac
	# Read at once: the VFs cannot have sent much yet, so totals that
	# restarted from zero would show up below the last reading, and a
	# hardware counter that restarted under a stale snapshot as a jump
	# of about 2^32.
	now=$(vf0_tx)
	check "VF 0's counters kept across reset $round ($before -> $now)" \
		test "$now" -ge "$before" -a "$((now - before))" -lt 100000
	before=$now
	check "PF carrier back after reset $round" \
		wait_for 30 grep -qx 1 /sys/class/net/$PF/carrier
	check "PF pings the link partner after reset $round" \
		wait_for 30 ping -c 1 -W 1 $LP_IP
	check "VF 0 pings VF 1 after reset $round (VFs recovered)" \
		wait_for 60 ip netns exec vf0 ping -c 1 -W 1 $NET.11
	say "VF 0 reached VF 1 $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $t0 }") s after reset $round"
	check "VF 1 pings the link partner after reset $round" \
		wait_for 30 ip netns exec vf1 ping -c 1 -W 1 $LP_IP
done
after=$(vf0_tx)
say "VF 0 tx packets: $first before, $after after the resets"
check "per-VF counters count on after the resets" test "$after" -gt "$first"
cat "$(vports_file)"
