# SPDX-License-Identifier: GPL-2.0
# check: stock debug
# timeout: 120 300
# cost: 31
#
# Bad input to igx_pf: each is refused with the expected errno and leaves
# the configuration exactly as it was (ip link show before == after).

. "$IGX_TOP/scripts/scenarios/lib.sh"
IGX_PF_DRIVER=igx_pf

pf_bringup
sysfs=/sys/bus/pci/devices/$PF_PCI
vfs_create 2
ip link set "$PF" vf 0 vlan 10 qos 3
snapshot() { ip link show "$PF"; ethtool -g "$PF"; ethtool -c "$PF"; }
snapshot > /tmp/before.txt
vport_config > /tmp/dbg-before.txt
mark_log badinput

expect_fail "Invalid argument" ip link set "$PF" vf 2 mac 52:54:00:aa:00:02
expect_fail "Invalid argument" ip link set "$PF" vf 9 trust on
expect_fail "Invalid argument" ip link set "$PF" vf 0 mac 01:00:5e:00:00:01
expect_fail "Invalid argument" ip link set "$PF" vf 0 vlan 4095
expect_fail "Invalid" ip link set "$PF" vf 0 vlan 4096
expect_fail "Invalid argument" ip link set "$PF" vf 0 vlan 10 qos 8
expect_fail "Protocol not supported" ip link set "$PF" vf 0 vlan 10 proto 802.1ad
expect_fail "Invalid argument" ip link set "$PF" vf 0 max_tx_rate 2000
expect_fail "Invalid argument" ip link set "$PF" vf 0 min_tx_rate 10 max_tx_rate 100
expect_fail "Numerical result out of range" bash -c "echo 8 > $sysfs/sriov_numvfs"
expect_fail "Device or resource busy" bash -c "echo 3 > $sysfs/sriov_numvfs"
expect_fail "Invalid argument" ip link set "$PF" vf 7 spoofchk off
expect_fail "Invalid argument" ip link set "$PF" vf 2 state disable
expect_fail "Invalid argument" bash -c "echo abc > $sysfs/sriov_numvfs"
expect_fail "Invalid argument" ethtool -G "$PF" rx 32
expect_fail "Invalid argument" ethtool -G "$PF" tx 8192
expect_fail "Invalid argument" ethtool -C "$PF" rx-usecs 100000
expect_fail "Operation not supported" ethtool --reset "$PF" phy
expect_fail "greater than device maximum" ip link set "$PF" mtu 9800
expect_fail "less than device minimum" ip link set "$PF" mtu 67

snapshot > /tmp/after.txt
vport_config > /tmp/dbg-after.txt
check "ip link show, ethtool -g/-c unchanged" diff -u /tmp/before.txt /tmp/after.txt
check "the switch (debugfs) unchanged" diff -u /tmp/dbg-before.txt /tmp/dbg-after.txt
check "still 2 VFs" grep -qx 2 $sysfs/sriov_numvfs
check "refusals were logged" logged badinput "VF 9 does not exist"
