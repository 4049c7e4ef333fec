# SPDX-License-Identifier: GPL-2.0
# Runner self-test: a kernel selftest case that skips without being listed
# in kselftest.expect fails the kselftest scenario (here on a KTAP excerpt
# with one listed XFAIL and one unlisted SKIP).
. "$IGX_TOP/scripts/scenarios/lib.sh"
. "$IGX_TOP/scripts/scenarios/ksft-lib.sh"
cat > /tmp/ksft-sample.out <<'TAP'
ok 1 stats.check_fec # XFAIL FEC not supported by the device
ok 2 ping.test_v4
ok 3 ping.test_tcp # SKIP no socat here
TAP
expected_only igx_vf /tmp/ksft-sample.out
echo "the unlisted SKIP was accepted"
