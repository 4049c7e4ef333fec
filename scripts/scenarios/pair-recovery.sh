# SPDX-License-Identifier: GPL-2.0
# check: stock debug
# soak: yes
# timeout: 120 330
# cost: 125
#
# The igx pair recovers by itself. igx_vf on igx_pf, two VFs:
#  - VF FLR (sysfs reset) (make soak: three times);
#  - the wire goes down and up (QEMU set_link on the 82576): the VFs,
#    whose link state is "auto", lose carrier with the PF and get it back;
#  - the PF netdev goes down and up: the VFs keep carrier and keep talking
#    through the NIC switch (igx_pf serves them whether or not it is up);
#  - a full PF reset (ethtool --reset PF mac) (make soak: wire and PF
#    reset twice each).
# After each, the VF has carrier within 2 s (guest time, by kernel log
# stamps) of the PF being ready and passes traffic. The 2 s limit is
# enforced on the stock kernel; the debug kernel (5-10x slower) reports it.

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"
IGX_PF_DRIVER=igx_pf
IGX_VF_DRIVER=igx_vf

# carrier_holds I SECONDS: VF I has carrier throughout, sampled every 0.2 s.
carrier_holds() {
	local end=$(($(now_ms) + $2 * 1000))
	while [ "$(now_ms)" -lt $end ]; do
		[ "$(vf_carrier "$1")" = 1 ] || return 1
		sleep 0.2
	done
}

# logged_up MARK I: VF I logged "link up" after MARK.
logged_up() { log_since "$1" | grep -qE "$(vf_up "$2")"; }

vf_setup 2
check "VF 0 pings VF 1" ns_ping vf0 "$(vf_ip 1)"

flr_rounds "$(soak_or 3 1)"

# --- the wire goes down and up ---
for ((n = 1; n <= $(soak_or 2 1); n++)); do
	qemu_hmp set_link igb0 off > /dev/null || fail "set_link off"
	check "wire down $n: PF loses carrier" \
		wait_for 10 grep -qx 0 "/sys/class/net/$PF/carrier"
	for i in 0 1; do
		check "wire down $n: VF $i loses carrier" wait_carrier $i 0 $WAIT
	done
	mark_log "wire$n"
	qemu_hmp set_link igb0 on > /dev/null || fail "set_link on"
	check "wire up $n: PF has carrier" \
		wait_for 30 grep -qx 1 "/sys/class/net/$PF/carrier"
	both_back "wire$n" "wire up $n"
	check "wire up $n: VF 0 pings the link partner" ns_ping vf0 $LP_IP
done

# --- the PF netdev goes down and up ---
ip link set "$PF" down
check "PF netdev down: VF 0 keeps carrier for 3 s" carrier_holds 0 3
check "PF netdev down: VF 0 pings VF 1" ns_ping vf0 "$(vf_ip 1)"
check "PF netdev down: VF 1 pings the link partner" ns_ping vf1 $LP_IP
ip link set "$PF" up
check "PF netdev up: PF has carrier" \
	wait_for 30 grep -qx 1 "/sys/class/net/$PF/carrier"
check "PF netdev up: VF 1 pings the PF" ns_ping vf1 $NET.1

# --- PF reset ---
for ((n = 1; n <= $(soak_or 2 1); n++)); do
	mark_log "pfreset$n"
	ethtool --reset "$PF" mac > /dev/null
	check "PF reset $n: PF has carrier" \
		wait_for 30 grep -qx 1 "/sys/class/net/$PF/carrier"
	for i in 0 1; do
		check "PF reset $n: VF $i went through a reset" \
			wait_for $WAIT logged_up "pfreset$n" $i
	done
	both_back "pfreset$n" "PF reset $n"
done
check "after PF resets: VF 1 pings the link partner" ns_ping vf1 $LP_IP
check "after PF resets: TCP VF 0 -> VF 1" iperf_run vf1 "$(vf_ip 1)" vf0 3
vfx 0 ethtool -S "${VF_DEV[0]}" | grep -E "reset|mbx|link"
log_since flr1 | grep -E "igx_vf|igx_pf" || true
