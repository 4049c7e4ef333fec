# SPDX-License-Identifier: GPL-2.0
# check: stock debug
# timeout: 120 300
# cost: 93
#
# igx_pf end to end with VFs run by the stock igbvf (IGX_VF_DRIVER): PF to
# link partner, 2 VFs with admin MACs, VF to VF through the switch, VF to
# the wire and to the PF, ip link show listing the VFs, the debugfs view
# matching, and per-VF counters counting the traffic.

. "$IGX_TOP/scripts/scenarios/lib.sh"
IGX_PF_DRIVER=igx_pf
IGX_VF_DRIVER=${IGX_VF_DRIVER:-igbvf}

lp_setup
pf_bringup
check "PF pings the link partner" ns_ping - $LP_IP

sysfs=/sys/bus/pci/devices/$PF_PCI
check "sriov_totalvfs is 7" grep -qx 7 $sysfs/sriov_totalvfs
vfs_enable 2
for i in 0 1; do
	check "VF $i has the admin MAC" vfx $i \
		grep -qx "$VF_MAC_BASE:0$i" "/sys/class/net/${VF_DEV[$i]}/address"
done
check "VF 0 pings VF 1 through the switch" ns_ping vf0 "$(vf_ip 1)"
check "VF 1 pings the link partner" ns_ping vf1 $LP_IP
check "VF 0 pings the PF" ns_ping vf0 $NET.1

ip -s link show "$PF" | tee /tmp/pf-link.txt
check "ip link lists vf 0 with its MAC" grep -q "vf 0 .*52:54:00:aa:00:00" /tmp/pf-link.txt
check "ip link lists vf 1 with its MAC" grep -q "vf 1 .*52:54:00:aa:00:01" /tmp/pf-link.txt

"$IGX_TOP/scripts/igx-sriov-status" "$PF" | tee /tmp/status.txt
check "igx-sriov-status: 2 of 7 VFs" grep -q "VFs: 2 enabled of 7 supported" /tmp/status.txt
check "igx-sriov-status: VF 1 with its MAC and driver" \
	grep -qE "^  1 +[0-9a-f:.]+ +\S+ +igbvf +52:54:00:aa:00:01 " /tmp/status.txt

cat "$(vports_file)"
for i in 0 1; do
	check "debugfs: VF $i MAC, pool and RX/TX enabled" vport_has $i \
		"mac $VF_MAC_BASE:0$i admin_mac 1" "rx 1 tx 1 cts 1" "hw_rar_pool 0x$((1 << i))"
done

# Per-VF counters: 50 pings from VF 0 must show up in its TX packets.
before=$(ip -s -j link show "$PF" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["vfinfo_list"][0]["stats"]["tx"]["tx_packets"])')
ip netns exec vf0 ping -c 50 -i 0.02 -q "$(vf_ip 1)"
after=$(ip -s -j link show "$PF" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["vfinfo_list"][0]["stats"]["tx"]["tx_packets"])')
say "VF 0 tx packets: $before -> $after"
check "per-VF TX counter counted the 50 pings" test $((after - before)) -ge 50
