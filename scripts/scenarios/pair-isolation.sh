# SPDX-License-Identifier: GPL-2.0
# check: stock
# soak: yes
# (On the debug kernel it runs in make soak only, until make check fits
# its time on slower machines: docs/testing.md, make check's time.)
# timeout: 150 510
# cost: 150
#
# What one VF cannot see of another (igx_vf on igx_pf, three VFs):
#  - unicast: VF 2, promiscuous requested but untrusted, receives none of
#    the frames VF 0 and the link partner send to VF 1 (which VF 1 does);
#  - VLAN: VF 2 on admin port VLAN 20 receives none of VF 0's broadcasts
#    (which VF 1 does);
#  - anti-spoofing: QEMU 10 does not emulate it (DTXSWC.MACAS/VLANAS), so
#    the test checks what the PF programmed for spoofchk on and off, and
#    reports, without judging, whether frames with a forged source MAC or
#    a VLAN tag the VF was not given reached the wire.
# Multicast only where subscribed: vf-config and pair-* (vf-mcast.py).

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"
IGX_PF_DRIVER=igx_pf
IGX_VF_DRIVER=igx_vf

CAP_SECS=$((SLOW ? 40 : 15))	# two captures started one after the other, then the senders
BCAST=ff:ff:ff:ff:ff:ff
FORGED=52:54:00:66:66:66

mac_of() { vfx "$1" cat "/sys/class/net/${VF_DEV[$1]}/address"; }
spoof_hw() { vport_field "$1" hw_mac_spoof; }
vlan_spoof_hw() { vport_field "$1" hw_vlan_spoof; }

vf_setup 3
MAC0=$(mac_of 0)
MAC1=$(mac_of 1)
check "VF 0 pings VF 1" ns_ping vf0 "$(vf_ip 1)"

# --- unicast ---
vfx 2 ip link set "${VF_DEV[2]}" promisc on
cap_start vf1 vf1 "${VF_DEV[1]}"
cap_start vf2 vf2 "${VF_DEV[2]}"
vfx 0 ping -q -c 50 -i 0.02 "$(vf_ip 1)" > /dev/null
ip netns exec $LP_NS ping -q -c 50 -i 0.02 "$(vf_ip 1)" > /dev/null
cap_running vf1
cap_running vf2
n1=$(cap_count vf1 "$MAC1")
n2=$(cap_count vf2 "$MAC1")
say "RESULT frames to VF 1's MAC: VF 1 received $n1, VF 2 (promiscuous, untrusted) $n2"
check "VF 1 received the unicast sent to it" test "$n1" -ge 100
check "VF 2 received none of VF 1's unicast" test "$n2" = 0
vfx 2 ip link set "${VF_DEV[2]}" promisc off

# --- VLAN ---
ip link set "$PF" vf 2 vlan 20
check "port VLAN 20 on VF 2 programmed" vport_has 2 "vlan 20"
cap_start vf1 vf1 "${VF_DEV[1]}"
cap_start vf2 vf2 "${VF_DEV[2]}"
vfx 0 ping -q -b -c 30 -i 0.05 $NET.255 > /dev/null 2>&1 || true
cap_running vf1
cap_running vf2
n1=$(cap_count vf1 $BCAST "$MAC0")
n2=$(cap_count vf2 $BCAST "$MAC0")
say "RESULT VF 0's broadcasts: VF 1 received $n1, VF 2 (port VLAN 20) $n2"
check "VF 1 received VF 0's broadcasts" test "$n1" -ge 30
check "VF 2 on port VLAN 20 received none of them" test "$n2" = 0
ip link set "$PF" vf 2 vlan 0

# --- anti-spoofing ---
check "spoofchk on: MAC anti-spoofing programmed for VF 2" test "$(spoof_hw 2)" = 1
lp_mac=$(ip netns exec $LP_NS cat /sys/class/net/lp0/address)
# raw_send SRC [TAG]: 20 raw frames from VF 2 to the link partner with
# source MAC SRC, with the 4 bytes of TAG (hex) after it if given.
raw_send() {
	vfx 2 python3 - "${VF_DEV[2]}" "$lp_mac" "$1" "${2:-}" <<'PY'
import socket, sys
dev, dst, src, tag = sys.argv[1:5]
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind((dev, 0))
frame = bytes.fromhex(dst.replace(":", "")) + bytes.fromhex(src.replace(":", "")) \
    + bytes.fromhex(tag) + b"\x88\xb5" + b"igx forged frame" + bytes(40)
for _ in range(20):
    s.send(frame)
PY
}
n=$(capture_count $LP_NS lp0 "$lp_mac" $FORGED raw_send $FORGED)
say "RESULT forged source MAC from VF 2 with spoofchk on: the link partner got $n of 20 (not checked: QEMU 10 does not emulate anti-spoofing)"

# A frame with a VLAN tag VF 2 was never given (VID 30), sent raw.
check "spoofchk on: VLAN anti-spoofing programmed for VF 2" test "$(vlan_spoof_hw 2)" = 1
mac2=$(mac_of 2)
n=$(capture_count $LP_NS lp0 "$lp_mac" "$mac2" raw_send "$mac2" 8100001e)
say "RESULT frames tagged VLAN 30 (not VF 2's) with spoofchk on: the link partner got $n of 20 (not checked: QEMU 10 does not emulate VLAN anti-spoofing)"

ip link set "$PF" vf 2 spoofchk off
check "spoofchk off: MAC anti-spoofing cleared for VF 2" test "$(spoof_hw 2)" = 0
check "spoofchk off: VLAN anti-spoofing cleared for VF 2" test "$(vlan_spoof_hw 2)" = 0
check "spoofchk off: VF 0 keeps both" test "$(spoof_hw 0)$(vlan_spoof_hw 0)" = 11
ip link set "$PF" vf 2 spoofchk on
check "spoofchk on again: programmed for VF 2" test "$(spoof_hw 2)$(vlan_spoof_hw 2)" = 11
check "after all: VF 2 pings the link partner" ns_ping vf2 $LP_IP
