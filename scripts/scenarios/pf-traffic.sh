# SPDX-License-Identifier: GPL-2.0
# check: stock debug
# timeout: 600
# cost: 110
#
# The PF netdev's own data path and ethtool: ping of every size class and
# iperf3 (TCP, UDP) to the link partner; ethtool -i/-l/-k/-K (TSO off and
# on); a VLAN interface; multicast filtered until joined; ring resize,
# coalescing and MTU while 2 VFs pass traffic; ethtool -t passing with VFs
# enabled.

. "$IGX_TOP/scripts/scenarios/lib.sh"
IGX_PF_DRIVER=igx_pf
IGX_VF_DRIVER=${IGX_VF_DRIVER:-igbvf}

# iperf3_mbps NS|- SERVER-NS ARGS...: a short run, prints Mbit/s received.
iperf3_mbps() {
	local ns=$1 srv=$2 port=$((5200 + RANDOM % 100)) out
	shift 2
	ip netns exec "$srv" iperf3 -s -1 -p $port > /dev/null 2>&1 &
	# ss exits 0 with or without a listener: look for the port itself.
	wait_for 10 sh -c "ip netns exec $srv ss -Hltn | grep -q ':$port '" ||
		fail "no iperf3 server on port $port"
	if [ "$ns" = - ]; then
		out=$(timeout 60 iperf3 -c "$@" -p $port -t 3 -J)
	else
		out=$(timeout 60 ip netns exec "$ns" iperf3 -c "$@" -p $port -t 3 -J)
	fi
	echo "$out" | python3 -c 'import json,sys; print(int(json.load(sys.stdin)["end"]["sum_received"]["bits_per_second"]/1e6))'
}

lp_setup
pf_bringup
for size in 56 1400 1472 8000; do
	check "PF pings the link partner with $size-byte payloads" \
		ping -c 3 -i 0.2 -W 2 -s $size $LP_IP
done
tcp=$(iperf3_mbps - $LP_NS $LP_IP)
say "PF -> link partner TCP: $tcp Mbit/s"
check "TCP PF -> link partner moved data" test "$tcp" -gt 0
udp=$(iperf3_mbps - $LP_NS $LP_IP -u -b 50M)
say "PF -> link partner UDP: $udp Mbit/s"
check "UDP PF -> link partner moved data" test "$udp" -gt 0

# ethtool -i, -l, -k/-K on the PF netdev.
check "ethtool -i: driver igx_pf" sh -c "ethtool -i $PF | grep -qx 'driver: igx_pf'"
ethtool -l "$PF"
check "ethtool -l: one combined channel" \
	sh -c "ethtool -l $PF | sed -n '/^Current/,\$p' | grep -qE '^Combined:\s+1$'"
check "ethtool -K tso off" ethtool -K "$PF" tso off
check "ethtool -k shows TSO off" sh -c "ethtool -k $PF | grep -qx 'tcp-segmentation-offload: off'"
tcp=$(iperf3_mbps - $LP_NS $LP_IP)
say "PF -> link partner TCP without TSO: $tcp Mbit/s"
check "TCP without TSO moved data" test "$tcp" -gt 0
check "ethtool -K tso on" ethtool -K "$PF" tso on
check "ethtool -k shows TSO on" sh -c "ethtool -k $PF | grep -qx 'tcp-segmentation-offload: on'"

# A VLAN interface on the PF: tagged both ways (insert and strip offloaded).
modprobe 8021q 2>/dev/null || true	# built in on the debug kernel
ip link add link "$PF" name "$PF.10" type vlan id 10
ip addr add 198.18.10.1/24 dev "$PF.10"
ip link set "$PF.10" up
ip -n $LP_NS link add link lp0 name lp0.10 type vlan id 10
ip -n $LP_NS addr add 198.18.10.254/24 dev lp0.10
ip -n $LP_NS link set lp0.10 up
check "PF VLAN 10 pings the link partner's VLAN 10" \
	wait_for 10 ping -c 1 -W 1 198.18.10.254
check "PF VLAN 10 with 1400-byte payloads" ping -c 3 -i 0.2 -W 2 -s 1400 198.18.10.254
ip link del "$PF.10"
ip -n $LP_NS link del lp0.10

# Multicast to the PF: a group arrives only once the PF joined it. The
# group's MTA hash (0x423) is not one of the groups the PF is always in.
MC_IP=239.5.55.66
MC_MAC=01:00:5e:05:37:42
mc_frames() {	# of 20 datagrams the link partner sends to MC_IP, how many the PF gets
	rm -f /tmp/ready.mc
	python3 "$IGX_TOP/scripts/scenarios/capture.py" "$PF" $((SLOW ? 12 : 6)) \
		/tmp/ready.mc > /tmp/cap.mc &
	local pid=$!
	wait_for 30 test -e /tmp/ready.mc || fail "capture on $PF did not start"
	ip netns exec $LP_NS python3 -c '
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(sys.argv[1]))
for _ in range(20):
    s.sendto(b"igx", (sys.argv[2], 5000))
    time.sleep(0.05)' $LP_IP $MC_IP
	wait $pid
	awk -v d=$MC_MAC '$1 == d { n += $3 } END { print n + 0 }' /tmp/cap.mc
}
n=$(mc_frames)
say "RESULT PF multicast: $n of 20 frames to $MC_IP before joining"
check "PF not joined: the group is filtered" test "$n" = 0
ip maddr add $MC_MAC dev "$PF"
n=$(mc_frames)
say "RESULT PF multicast: $n of 20 frames to $MC_IP after joining"
check "PF joined: the group arrives (18 of 20 at least)" test "$n" -ge 18
ip maddr del $MC_MAC dev "$PF"

echo 2 > /sys/bus/pci/devices/$PF_PCI/sriov_numvfs
ip link set "$PF" vf 0 mac 52:54:00:aa:00:00
ip link set "$PF" vf 1 mac 52:54:00:aa:00:01
load_vf_driver
vf_bringup 0
vf_bringup 1

ethtool -t "$PF" offline | tee /tmp/selftest.txt || true
check "ethtool -t passes with 2 VFs enabled" grep -q "test result is PASS" /tmp/selftest.txt

ethtool -G "$PF" rx 256 tx 1024
ethtool -g "$PF" | sed -n '/^Current/,$p' > /tmp/rings.txt
cat /tmp/rings.txt
check "ethtool -G took effect (RX 256)" grep -qE '^RX:\s+256$' /tmp/rings.txt
check "ethtool -G took effect (TX 1024)" grep -qE '^TX:\s+1024$' /tmp/rings.txt
check "PF passes traffic after the ring resize" ns_ping - $LP_IP
ethtool -C "$PF" adaptive-rx off rx-usecs 100
ethtool -c "$PF" > /tmp/coal.txt
check "ethtool -C took effect" grep -qE '^rx-usecs:\s+100$' /tmp/coal.txt
ip link set "$PF" mtu 9000
ip -n $LP_NS link set lp0 mtu 9000
check "PF pings with jumbo frames after an MTU change" \
	ping -c 3 -i 0.2 -W 2 -M do -s 8000 $LP_IP
check "VF 0 still pings VF 1 after the PF's MTU change" ns_ping vf0 $NET.11
ethtool -S "$PF"
