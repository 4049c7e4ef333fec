# SPDX-License-Identifier: GPL-2.0
# check: stock debug
# soak: yes
# timeout: 120 510
# cost: 70
#
# igx_vf recovers by itself on the stock igb PF: after a VF FLR, the wire
# going down and up, the PF interface going down and up, and a PF reset
# (ethtool -r) the VF has carrier within 2 s of the PF being back (by
# kernel log timestamps; enforced on the stock kernel, reported on the
# debug kernel) and passes traffic. While the PF is down the carrier is
# off and mailbox requests fail at once instead of hanging. An admin MAC
# change reaches the VF at its next handshake without a driver reload:
# the stock igb PF does not tell the VF (it logs "Reload the VF driver"),
# so the PF reset or the VF's own down/up delivers it.

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"

vf_setup 2
check "VF 0 pings VF 1" ns_ping vf0 "$(vf_ip 1)"

flr_rounds "$(soak_or 2 1)"

# --- the wire down and up (QEMU's set_link) ---
qemu_hmp set_link igb0 off > /dev/null || fail "set_link off"
check "wire down: PF loses carrier" wait_for 10 grep -qx 0 "/sys/class/net/$PF/carrier"
for i in 0 1; do
	check "wire down: VF $i loses carrier" wait_carrier $i 0 $WAIT
done
mark_log wire
qemu_hmp set_link igb0 on > /dev/null || fail "set_link on"
check "wire up: PF has carrier" wait_for 30 grep -qx 1 "/sys/class/net/$PF/carrier"
both_back wire "wire down/up"
check "wire down/up: VF 1 pings the link partner" ns_ping vf1 $LP_IP

# --- the PF interface down and up ---
ip link set "$PF" down
check "PF down: VF 0 loses carrier" wait_carrier 0 0 $WAIT
t0=$(now_ms)
vfx 0 ip link set "${VF_DEV[0]}" mtu 1400 2> /tmp/err && fail "MTU change with the PF down succeeded"
t1=$(now_ms)
say "MTU change while the PF is down: $(cat /tmp/err) after $((t1 - t0)) ms"
check "PF down: the request fails at once (within $(limit_ms 1500) ms)" within_ms $((t1 - t0)) 1500
check "PF down: MTU unchanged" sh -c "ip -n vf0 link show dev ${VF_DEV[0]} | grep -q ' mtu 1500 '"
check "PF down: VF down/up does not hang" sh -c \
	"ip -n vf1 link set ${VF_DEV[1]} down && ip -n vf1 link set ${VF_DEV[1]} up"
mark_log pfup
ip link set "$PF" up
check "PF up: PF has carrier" wait_for 30 grep -qx 1 "/sys/class/net/$PF/carrier"
both_back pfup "PF down/up"
check "PF down/up: VF 1 pings the PF" ns_ping vf1 $NET.1

# --- admin MAC change, delivered by a PF reset (ethtool -r on igb) ---
ip link set "$PF" vf 1 mac "${VF_MAC_BASE}:21"
mark_log pfreset
ethtool -r "$PF"
check "PF reset: PF has carrier" wait_for 30 grep -qx 1 "/sys/class/net/$PF/carrier"
check "PF reset: VF 1 took the admin MAC ${VF_MAC_BASE}:21" wait_for $WAIT sh -c \
	"ip -n vf1 link show dev ${VF_DEV[1]} | grep -q 'ether ${VF_MAC_BASE}:21 '"
# The link partner's neighbour entry for VF 1 (from the ping above) is
# fresh: only VF 1's announcement (gratuitous ARP) can move it to the new
# MAC this soon. (VF 0's entry is no witness: VF 0 lost its carrier in the
# PF reset too, which flushed its neighbour cache.)
check "PF reset: VF 1 announced its new MAC to the link partner" \
	wait_for $((SLOW ? 30 : 3)) \
	sh -c "ip -n $LP_NS neigh show $(vf_ip 1) | grep -q '${VF_MAC_BASE}:21'"
both_back pfreset "PF reset"
check "PF reset: VF 1 (new MAC) pings the link partner" ns_ping vf1 $LP_IP

# --- admin MAC change, delivered by the VF's own down/up ---
ip link set "$PF" vf 0 mac "${VF_MAC_BASE}:20"
ip -n vf0 link set "${VF_DEV[0]}" down
ip -n vf0 link set "${VF_DEV[0]}" up
check "VF 0 down/up: took the admin MAC ${VF_MAC_BASE}:20" sh -c \
	"ip -n vf0 link show dev ${VF_DEV[0]} | grep -q 'ether ${VF_MAC_BASE}:20 '"
check "VF 0 down/up: carrier" wait_carrier 0 1 $WAIT
check "VF 0 announced its new MAC to VF 1" wait_for $((SLOW ? 30 : 3)) \
	sh -c "ip -n vf1 neigh show $(vf_ip 0) | grep -q '${VF_MAC_BASE}:20'"
check "VF 0 (new MAC) pings VF 1" ns_ping vf0 "$(vf_ip 1)"

check "after all: TCP VF 0 <-> VF 1" iperf_run vf1 "$(vf_ip 1)" vf0 2 --bidir
vfx 0 ethtool -S "${VF_DEV[0]}"
log_since flr1 | grep -E "igx_vf|igb 0000" || true
