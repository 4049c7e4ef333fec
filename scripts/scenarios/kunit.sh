# SPDX-License-Identifier: GPL-2.0
# check: debug
# timeout: 150 300
# cost: 7
#
# Load every igx KUnit module built by `make kunit` (the cases run at load)
# and check their KTAP. make check counts each case from this log.

. "$IGX_TOP/scripts/scenarios/lib.sh"

dir=$(igx_moddir)
mods=$(ls "$dir"/igx_*_kunit.ko 2>/dev/null) || fail "no KUnit module in $dir: run make kunit"
insmod "$dir/igx_common.ko"
for m in $mods; do
	say "loading $(basename "$m")"
	insmod "$m"
done
dmesg > /tmp/kunit.dmesg
grep -E 'KTAP|^\[[ 0-9.]+\] +(#|ok|not ok|[0-9]+\.\.)' /tmp/kunit.dmesg | sed 's/^\[[ 0-9.]*\] //'
python3 "$IGX_TOP/scripts/ktap.py" /tmp/kunit.dmesg > /tmp/kunit.results || {
	grep -v '^PASS' /tmp/kunit.results
	fail "KUnit cases failed"
}
say "ok: $(grep -c '^PASS' /tmp/kunit.results) KUnit cases passed"
