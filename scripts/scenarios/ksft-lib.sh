# SPDX-License-Identifier: GPL-2.0
# The kernel selftests' expected SKIP/XFAIL list (kselftest.expect), for
# kselftest.sh and the runner self-test; sourced after lib.sh.

EXPECT=${IGX_KSFT_EXPECT:-$IGX_TOP/scripts/scenarios/kselftest.expect}
SEEN=/tmp/ksft-seen
: > $SEEN

# expected_only DRIVER OUT: every SKIP and XFAIL in OUT is in the list.
expected_only() {
	local drv=$1 tc res why
	# A file, not a process substitution: the guest's devtmpfs has no
	# /dev/fd.
	sed -nE 's/^ok [0-9]+ ([^ ]+) # (SKIP|XFAIL) ?(.*)/\1 \2 \3/p' "$2" > /tmp/ksft-skips
	while read -r tc res why; do
		grep -qE "^$drv $tc $res " "$EXPECT" ||
			fail "$drv: $tc ended $res ($why), which kselftest.expect does not list"
		say "ok: $drv: $tc $res as expected: $(grep -E "^$drv $tc $res " "$EXPECT" | cut -d' ' -f4-)"
		echo "$drv $tc $res" >> $SEEN
	done < /tmp/ksft-skips
}

# all_expected_seen: every case the list names ended as listed.
all_expected_seen() {
	local drv tc res why
	while read -r drv tc res why; do
		case "$drv" in ''|\#*) continue ;; esac
		grep -qxF "$drv $tc $res" $SEEN ||
			fail "kselftest.expect lists $drv $tc as $res, but it did not end so"
	done < "$EXPECT"
}
