# SPDX-License-Identifier: GPL-2.0
# check: stock debug
# timeout: 120 300
# cost: 97
#
# igx_vf refuses bad input with a clear errno and leaves the netdev as it
# was: ring sizes, coalescing; and ethtool shows what the driver does.

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"

vf_setup 1
dev=${VF_DEV[0]}
e() { ip netns exec vf0 ethtool "$@"; }
cur_ring() { e -g "$dev" | awk -v r="$1:" '/^Current/ {c = 1} c && $1 == r {print $2; exit}'; }
cur_rx() { cur_ring RX; }
cur_tx() { cur_ring TX; }

e -i "$dev"
check "ethtool -i: driver igx_vf" sh -c "ip netns exec vf0 ethtool -i $dev | grep -qx 'driver: igx_vf'"
e -g "$dev"
check "-G 4096" e -G "$dev" rx 4096 tx 4096
check "-g shows 4096" test "$(cur_rx)" = 4096
check "traffic at 4096" ns_ping vf0 $LP_IP
check "-G 64" e -G "$dev" rx 64 tx 64
check "traffic at 64" ns_ping vf0 $LP_IP
check "-G rx 100" e -G "$dev" rx 100
check "-g shows 104 (multiple of 8)" test "$(cur_rx)" = 104
tx_before=$(cur_tx)
# 32: below igx_vf's minimum (the driver refuses); 5000: above the
# maximum it reports (the ethtool core refuses).
expect_fail "Invalid argument" e -G "$dev" rx 32
expect_fail "Invalid argument" e -G "$dev" tx 32
expect_fail "Invalid argument" e -G "$dev" rx 5000
check "RX ring unchanged after refusals" test "$(cur_rx)" = 104
check "TX ring unchanged after refusals" test "$(cur_tx)" = "$tx_before"
e -G "$dev" rx 512 tx 512

e -c "$dev"
check "-C adaptive off, 100 us" e -C "$dev" adaptive-rx off rx-usecs 100
check "-c shows 100" sh -c "ip netns exec vf0 ethtool -c $dev | grep -q 'rx-usecs:.*100'"
expect_fail "Invalid argument" e -C "$dev" rx-usecs 9000
check "rx-usecs still 100" sh -c "ip netns exec vf0 ethtool -c $dev | grep -q 'rx-usecs:.*100'"
check "-C adaptive on" e -C "$dev" adaptive-rx on
tcp_check "with DIM: VF 0 -> link partner" $LP_NS $LP_IP vf0 2
e -l "$dev"
check "-l: one combined channel" sh -c "ip netns exec vf0 ethtool -l $dev | grep -A4 Current | grep -q 'Combined:.*1'"
e -k "$dev" | grep -E "segmentation|checksum|vlan"
check "-K tso off" e -K "$dev" tso off
tcp_check "without TSO: VF 0 -> link partner" $LP_NS $LP_IP vf0 2
check "-K tx off (checksum)" e -K "$dev" tx off
check "traffic without TX checksum" ns_ping vf0 $LP_IP
check "-K tx on tso on" e -K "$dev" tx on tso on
check "-K rxvlan cannot be turned off (fixed by the PF)" sh -c "! ip netns exec vf0 ethtool -K $dev rxvlan off 2>/dev/null || ip netns exec vf0 ethtool -k $dev | grep -q 'rx-vlan-offload: on \[fixed\]'"
e -S "$dev"
check "-S has driver counters only" sh -c "ip netns exec vf0 ethtool -S $dev | grep -q mbx_requests && ! ip netns exec vf0 ethtool -S $dev | grep -q rx_packets"
# Per-queue stats (netdev qstats) are checked against the rtnl counters
# by the kernel's stats.py in the kselftest scenario.

mtu=$(vfx 0 cat "/sys/class/net/$dev/mtu")
expect_fail "greater than device maximum" vfx 0 ip link set "$dev" mtu 9217
expect_fail "less than device minimum" vfx 0 ip link set "$dev" mtu 67
check "MTU unchanged after refusals ($mtu)" \
	test "$(vfx 0 cat "/sys/class/net/$dev/mtu")" = "$mtu"
check "traffic after the refusals" ns_ping vf0 $LP_IP
