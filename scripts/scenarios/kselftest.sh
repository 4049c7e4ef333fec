# SPDX-License-Identifier: GPL-2.0
# check: stock
# soak: yes
# (On the debug kernel it runs in make soak only, until make check fits
# its time on slower machines: docs/testing.md, make check's time.)
# timeout: 120 300
# cost: 108
#
# The kernel's own driver selftests (tools/testing/selftests/drivers/net
# from linux-source-6.12) in HW mode, against an igx_vf netdev and against
# the igx_pf netdev, the link partner's namespace as the remote
# (REMOTE_TYPE=netns): ping.py (v4, v6, TCP both ways), stats.py (qstats
# and rtnl stats agree, survive down/up), queues.py (the netlink queue
# list). Every case is printed as the selftest reports it
# (ok, not ok, # SKIP or # XFAIL with the reason); the scenario fails on
# any "not ok", and on any SKIP or XFAIL that kselftest.expect does not
# list with its reason (and on a listed one that no longer happens). The
# hw/ tests not run, and why, are printed too.

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"
IGX_PF_DRIVER=igx_pf
IGX_VF_DRIVER=igx_vf

src=$(. "$IGX_TOP/scripts/lib.sh" && source_tree 2>/dev/null) || true
ksft=$src/tools/testing/selftests/drivers/net
[ -f "$ksft/stats.py" ] || skip "no linux-source-6.12 tree with the driver selftests"
command -v socat > /dev/null || fail "socat missing (scripts/setup installs it)"

TESTS="ping.py stats.py queues.py"
LP6=2001:db8:1::254
PASS=0 SKIPPED=0 XFAIL=0 FAILED=0
. "$IGX_TOP/scripts/scenarios/ksft-lib.sh"

# v6 NS DEV ADDR: a global IPv6 address that survives stats.py's down/up.
v6() {
	nsx "$1" sysctl -qw "net.ipv6.conf.$2.keep_addr_on_down=1"
	nsx "$1" ip -6 addr add "$3/64" dev "$2" nodad
}

lines() { grep -cE "$1" "$2" || true; }	# REGEX FILE: how many lines match

# suite WHAT NS DEV V4 V6: every test against DEV in namespace NS.
suite() {
	local what=$1 ns=$2 dev=$3 v4=$4 v6addr=$5 t out rc
	for t in $TESTS; do
		out=/tmp/ksft-${what// /_}-${t//\//_}.out
		say "--- $what: $t"
		(cd "$ksft/$(dirname "$t")" && nsx "$ns" env NETIF="$dev" \
			REMOTE_TYPE=netns REMOTE_ARGS=$LP_NS \
			LOCAL_V4="$v4" REMOTE_V4=$LP_IP LOCAL_V6="$v6addr" REMOTE_V6=$LP6 \
			timeout 300 python3 -u "./$(basename "$t")") > "$out" 2>&1 &&
			rc=0 || rc=$?
		grep -E "^(ok|not ok) " "$out" | sed "s/^/igx: $what: /" || true
		PASS=$((PASS + $(lines "^ok " "$out") - $(lines "^ok .*# (SKIP|XFAIL)" "$out")))
		SKIPPED=$((SKIPPED + $(lines "^ok .*# SKIP" "$out")))
		XFAIL=$((XFAIL + $(lines "^ok .*# XFAIL" "$out")))
		FAILED=$((FAILED + $(lines "^not ok " "$out")))
		if [ $rc != 0 ] || grep -qE "^not ok " "$out"; then
			tail -n 30 "$out"
			fail "$what: $t (exit $rc)"
		fi
		expected_only "$what" "$out"
	done
}

vf_setup 1
ip -n $LP_NS -6 addr add $LP6/64 dev lp0 nodad
v6 vf0 "${VF_DEV[0]}" 2001:db8:1::10
v6 - "$PF" 2001:db8:1::1
check "VF 0 reaches the link partner over IPv6" \
	wait_for 10 vfx 0 ping -6 -c 1 -W 1 $LP6
check "the PF reaches the link partner over IPv6" \
	wait_for 10 ping -6 -c 1 -W 1 $LP6

suite "igx_vf" vf0 "${VF_DEV[0]}" "$(vf_ip 0)" 2001:db8:1::10
suite "igx_pf" - "$PF" $NET.1 2001:db8:1::1

say "hw/ not run: rss_ctx.py (igx has one queue pair and no RSS: QEMU has none inside VMDq pools; and bookworm's ethtool 6.1 lacks the JSON -x it needs), csum.py (needs the selftests' csum helper built), pp_alloc_fail.py (needs page_pool fault injection), devlink_port_split.py (no devlink), the ethtool*.sh/loopback.sh/hw_stats_l3*.sh forwarding tests (two looped ports each)"
# A listed case that passes now: the list says something no longer true.
all_expected_seen
say "RESULT kernel selftest cases: $PASS passed, $SKIPPED skipped (expected), $XFAIL xfail (expected), $FAILED failed"
