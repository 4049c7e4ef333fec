# SPDX-License-Identifier: GPL-2.0
# timeout: 300
#
# igx_vf and MAC addresses on the stock igb PF: without an admin MAC the
# VF uses a random locally administered one and may change it; with one,
# the PF refuses a change (clear error, MAC unchanged, one log line). A new
# admin MAC reaches the VF at its next reset handshake: igb does not tell
# the VF (it logs "Reload the VF driver"), so the VF learns it on a PF
# reset or on its own down/up, without reloading the driver.

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"

vf_setup 2 nomac
mac0=$(vfx 0 cat "/sys/class/net/${VF_DEV[0]}/address")
say "VF 0 picked $mac0"
check "random MAC is locally administered unicast" python3 -c \
	"import sys; b=int('$mac0'.split(':')[0],16); sys.exit(0 if b & 2 and not b & 1 else 1)"
check "random MAC logged" sh -c "dmesg | grep igx_vf | grep -q 'using random $mac0'"
check "VF 0 (random MAC) pings VF 1" ns_ping vf0 "$(vf_ip 1)"
check "VF 0 sets its own MAC" vfx 0 ip link set "${VF_DEV[0]}" address 02:00:00:00:aa:10
check "VF 0 pings VF 1 with the new MAC" ns_ping vf0 "$(vf_ip 1)"
check "and the link partner" ns_ping vf0 $LP_IP

# Admin MAC while the VF is up: effective at the VF's next handshake.
ip link set "$PF" vf 0 mac 52:54:00:aa:00:20
vfx 0 ip link set "${VF_DEV[0]}" down
vfx 0 ip link set "${VF_DEV[0]}" up
check "after down/up VF 0 has the admin MAC" wait_for 5 ip netns exec vf0 \
	grep -qx 52:54:00:aa:00:20 "/sys/class/net/${VF_DEV[0]}/address"
check "VF 0 (admin MAC) has carrier again" wait_carrier 0 1 $WAIT
check "VF 0 (admin MAC) pings VF 1" wait_for $WAIT ip netns exec vf0 ping -c 1 -W 1 "$(vf_ip 1)"

# The PF refuses a change of an admin MAC.
mark_log refuse
if vfx 0 ip link set "${VF_DEV[0]}" address 02:00:00:00:aa:11 2> /tmp/err; then
	fail "the PF accepted a MAC over the admin one"
fi
say "MAC change under an admin MAC: $(cat /tmp/err)"
check "refused with EPERM" grep -q "Operation not permitted" /tmp/err
check "MAC unchanged" vfx 0 grep -qx 52:54:00:aa:00:20 "/sys/class/net/${VF_DEV[0]}/address"
check "still pings" ns_ping vf0 "$(vf_ip 1)"
vf_logged_once "one log line for the refused MAC" "02:00:00:00:aa:11" refuse
if vfx 0 ip link set "${VF_DEV[0]}" address 01:00:00:00:00:01 2> /tmp/err; then
	fail "multicast MAC accepted"
fi
check "multicast MAC refused" grep -q "Cannot assign requested address" /tmp/err

# Admin MAC change picked up by a PF reset, with no action on the VF.
ip link set "$PF" vf 1 mac 52:54:00:aa:00:21
ethtool -r "$PF"
check "PF link back" wait_for 20 grep -qx 1 "/sys/class/net/$PF/carrier"
check "VF 1 took the admin MAC after the PF reset" wait_for 5 ip netns exec vf1 \
	grep -qx 52:54:00:aa:00:21 "/sys/class/net/${VF_DEV[1]}/address"
ms=$(recovered_within 1 10) || fail "VF 1 did not recover"
say "RESULT admin MAC via PF reset: VF 1 back after $ms ms"
check "VF 1 pings VF 0" ns_ping vf1 "$(vf_ip 0)"
log_since refuse | grep -E "igx_vf|igb" || true
