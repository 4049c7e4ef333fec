# SPDX-License-Identifier: GPL-2.0
# check: stock
# soak: yes
# (On the debug kernel it runs in make soak only, until make check fits
# its time on slower machines: docs/testing.md, make check's time.)
# timeout: 120 300
# cost: 99
#
# The igx pair: vf-admin-mac with igx_vf on igx_pf; then what igb cannot
# do: a new admin MAC reaches a running VF with nothing done on the VF
# (igx_pf makes it re-register), within 2 s on the stock kernel.
IGX_PF_DRIVER=igx_pf
. "$IGX_TOP/scripts/scenarios/vf-admin-mac.sh"

t0=$(date +%s%N)
ip link set "$PF" vf 0 mac 52:54:00:aa:00:30
check "VF 0 took the new admin MAC, nothing done on the VF" \
	wait_for $((SLOW ? 10 : 2)) ip netns exec vf0 \
	grep -qx 52:54:00:aa:00:30 "/sys/class/net/${VF_DEV[0]}/address"
say "RESULT admin MAC reached running VF 0 in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
check "ip link shows it" sh -c "ip link show $PF | grep 'vf 0 ' | grep -q 52:54:00:aa:00:30"
check "VF 0 pings VF 1 with it" wait_for $WAIT ip netns exec vf0 ping -c 1 -W 1 "$(vf_ip 1)"
