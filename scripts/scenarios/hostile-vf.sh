# SPDX-License-Identifier: GPL-2.0
# check: stock debug
# timeout: 120 300
# cost: 103
#
# A hostile VF next to two good ones (igx_pf; VF 0 and VF 1 on igx_vf,
# VF 2 on the test-only igx_hostile driver, kunit/igx_hostile.c). VF 2
# writes raw mailbox words: before VF_RESET, malformed, unknown, reply
# flags in a request, too many multicast hashes, extensions without
# negotiation, requests for what it is not allowed (another MAC, unicast
# promiscuous, VLAN 4095), mailbox bits out of order, and a flood of 1000
# requests. The PF must refuse each (no ACK), count and log them (rate
# limited), change nothing of VF 2's VPort, and keep serving VF 0 and
# VF 1 (their mailbox round trips and traffic go on during the flood).

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"
IGX_PF_DRIVER=igx_pf
IGX_VF_DRIVER=igx_vf

FLOOD=1000
REFUSED=0

# hsend WHAT WANT WORDS...: one raw request from VF 2; WANT is the
# outcome that must come back (ack, nack).
hsend() {
	local what=$1 want=$2 got
	shift 2
	echo "$*" > "$H/send" || fail "$what: the hostile driver refused the words"
	got=$(cat "$H/send")
	say "VF 2 sends $what [$*]: $got"
	[ "${got%% *}" = "$want" ] || fail "$what: wanted $want, got $got"
	[ "$want" = ack ] || REFUSED=$((REFUSED + 1))
}

# mtu_rtt I MTU: VF I changes its MTU (one mailbox round trip, SET_LPE);
# prints the milliseconds it took, fails if refused.
mtu_rtt() {
	local t0=$(now_ms)
	vfx "$1" ip link set "${VF_DEV[$1]}" mtu "$2" || return 1
	echo $(($(now_ms) - t0))
}

vf_setup 3
hv=$(vf_pci "$PF_PCI" 2)
ip netns del vf2
echo "$hv" > /sys/bus/pci/drivers/igx_vf/unbind
load_igx igx_hostile
echo igx_hostile > "/sys/bus/pci/devices/$hv/driver_override"
echo "$hv" > /sys/bus/pci/drivers_probe
H=/sys/kernel/debug/igx_hostile/$hv
check "VF 2 is driven by igx_hostile" test -e "$H/send"
# Start from a VF reset: the PF drops VF 2's clear-to-send.
echo 1 > "/sys/bus/pci/devices/$hv/reset"
check "VF reset: the PF sees VF 2 not clear to send" wait_for 10 vport_has 2 "cts 0"
mark_log hostile

# --- before VF_RESET: nothing is served ---
hsend "SET_VLAN 10 before VF_RESET" nack 00010004 0000000a
hsend "SET_MULTICAST before VF_RESET" nack 00010003 00000123

# --- malformed and unknown ---
hsend "an unknown message ID" nack 00000777
hsend "reserved header bits" nack 1f000003
hsend "ACK flag in a request" nack 80000005 000005f2
hsend "NACK|CTS flags in a request" nack 60000002 aa005452 00000200

# --- VF_RESET is always served; then what VF 2 may not do ---
hsend "VF_RESET" ack 00000001
check "after VF_RESET: VF 2 clear to send" vport_has 2 "cts 1"
config0=$(vport_config 2)
neigh0=("$(vport_config 0)" "$(vport_config 1)")
hsend "31 multicast hashes (30 is the most)" nack 001f0003 \
	00010000 00030002 00050004 00070006 00090008 000b000a 000d000c \
	000f000e 00110010 00130012 00150014 00170016 00190018 001b001a 0000001c
hsend "SET_MAC_ADDR with VF 0's MAC (admin MAC set)" nack 00000002 aa005452 00000000
hsend "SET_MAC_ADDR with a multicast MAC" nack 00000002 005e0001 00000100
hsend "SET_VLAN 4095" nack 00010004 00000fff
hsend "SET_LPE of 20000 bytes" nack 00000005 00004e20
hsend "unicast promiscuous, untrusted" nack 00010006
hsend "GET_CAPS without API negotiation" nack 00001002
hsend "API_NEGOTIATE to version 1" ack 00001001 00000001
hsend "SET_XCAST_MODE promiscuous, untrusted" nack 00031004
hsend "SET_XCAST_MODE 7 (no such mode)" nack 00071004

# --- a flood, while VF 0 and VF 1 work ---
nacks0=$(vport_field 2 nacks)
echo "$(printf %x $FLOOD) 00000777" > "$H/flood" &
flood_pid=$!
vfx 0 ping -q -i 0.1 -c 30 "$(vf_ip 1)" > /tmp/flood-ping.txt 2>&1 &
ping_pid=$!
worst=0
for n in 1 2 3 4 5; do
	ms=$(mtu_rtt 1 $((1400 + n))) || fail "VF 1's MTU change refused during the flood"
	[ "$ms" -gt $worst ] && worst=$ms
	sleep 0.2
done
wait $flood_pid || fail "the flood write failed"
wait $ping_pid || true
flood=$(cat "$H/flood")
say "RESULT VF 2 $flood"
say "RESULT during the flood: VF 1's MTU round trips, worst $worst ms; VF 0 -> VF 1 ping: $(grep -o '[0-9]* received' /tmp/flood-ping.txt) of 30"
check "the flood got no ACK" sh -c "echo '$flood' | grep -q ' ack 0 '"
check "VF 1's mailbox round trips during the flood within $(limit_ms 2000 10000) ms" \
	within_ms "$worst" 2000 10000
check "VF 0 reached VF 1 throughout the flood" grep -q " 30 received" /tmp/flood-ping.txt
REFUSED=$((REFUSED + FLOOD))

# --- mailbox bits out of order ---
echo 1 > "$H/v2p"	# REQ again, without taking the buffer or a new message
echo 2 > "$H/v2p"	# ACK for a message the PF never sent
echo 4 > "$H/v2p"	# take the buffer and keep it
sleep 1
check "out of order: VF 0 still gets its mailbox answers (MTU 1400)" \
	wait_for 10 vfx 0 ip link set "${VF_DEV[0]}" mtu 1400
echo 0 > "$H/v2p"	# give the buffer back

# --- what the PF kept and counted ---
say "VF 2's VPort: $(vport_line 2)"
# api and cts moved with API_NEGOTIATE; nothing else may have
check "VF 2's VPort configuration unchanged" test \
	"$(vport_config 2 | sed 's/ api [01]//')" = "$(echo "$config0" | sed 's/ api [01]//')"
check "VF 2 is not trusted" test "$(vport_field 2 trust)" = 0
check "VF 2 is not promiscuous" test "$(vport_field 2 xcast)" != 3
check "the PF counted malformed requests" test "$(vport_field 2 malformed)" -ge 3
n_nack=$(echo "$flood" | sed -n 's/.* nack \([0-9]*\) .*/\1/p')
say "RESULT PF counters for VF 2: nacks +$(($(vport_field 2 nacks) - nacks0)) during the flood, throttled $(vport_field 2 throttled)"
check "the PF counted every NACK of the flood" \
	test $(($(vport_field 2 nacks) - nacks0)) -ge "${n_nack:-1000000}"
lines=$(log_since hostile | grep -c "VF 2" || true)
say "RESULT $REFUSED refusals, $lines kernel log lines about VF 2"
check "the refusals were logged, rate limited" test "$lines" -ge 1 -a "$lines" -le 60
# (their own MTU changes above moved max_frame)
for i in 0 1; do
	check "VF $i's VPort untouched by VF 2" test \
		"$(vport_config $i | sed 's/ max_frame [0-9]*//')" = \
		"$(echo "${neigh0[$i]}" | sed 's/ max_frame [0-9]*//')"
done
check "after all: VF 0 pings VF 1" ns_ping vf0 "$(vf_ip 1)"
check "after all: VF 1 pings the link partner" ns_ping vf1 $LP_IP
echo "$hv" > /sys/bus/pci/drivers/igx_hostile/unbind
echo > "/sys/bus/pci/devices/$hv/driver_override"
