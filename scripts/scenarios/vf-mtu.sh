# SPDX-License-Identifier: GPL-2.0
# timeout: 300
#
# igx_vf jumbo frames: MTU 9000 on two VFs (SET_LPE to the stock igb PF),
# unfragmented 8972-byte pings and TCP between them and to the PF; MTUs
# outside 68..9216 are refused with EINVAL and change nothing.

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"

vf_setup 2
ip link set "$PF" mtu 9000
for i in 0 1; do
	check "VF $i takes MTU 9000" vfx $i ip link set "${VF_DEV[$i]}" mtu 9000
done
check "VF 0 -> VF 1, 8972 bytes, DF" vfx 0 ping -M do -s 8972 -c 3 -i 0.2 -W 2 "$(vf_ip 1)"
check "VF 1 -> PF, 8972 bytes, DF" vfx 1 ping -M do -s 8972 -c 3 -i 0.2 -W 2 $NET.1
tcp_check "MTU 9000: VF 0 -> VF 1" vf1 "$(vf_ip 1)" vf0 4
# 8000-byte datagrams at 50 Mbit/s: measured 49.9 Mbit/s, 0% lost (stock)
ok=1
r=$(udp_at_least $UDP_FLOOR 5 vf0 "$(vf_ip 0)" vf1 3 -b 50M -l 8000) || ok=0
say "RESULT udp mtu9000 vf1-to-vf0 ${r:-none} (Mbit/s, % lost)"
check "MTU 9000: UDP 8000-byte datagrams VF 1 -> VF 0 $(udp_goal $UDP_FLOOR 5)" test $ok = 1

for bad in 9217 67 65536; do
	if vfx 0 ip link set "${VF_DEV[0]}" mtu $bad 2> /tmp/err; then
		fail "MTU $bad accepted"
	fi
	say "MTU $bad: $(cat /tmp/err)"
	check "MTU $bad refused with EINVAL" grep -q "Invalid argument\|mtu greater\|mtu less" /tmp/err
	check "MTU still 9000" vfx 0 grep -qx 9000 "/sys/class/net/${VF_DEV[0]}/mtu"
done
check "MTU back to 1500" vfx 0 ip link set "${VF_DEV[0]}" mtu 1500
check "MTU 68 taken" vfx 1 ip link set "${VF_DEV[1]}" mtu 68
check "MTU 9216 taken" vfx 1 ip link set "${VF_DEV[1]}" mtu 9216
check "VF 0 (1500) pings VF 1 (9216)" ns_ping vf0 "$(vf_ip 1)"
