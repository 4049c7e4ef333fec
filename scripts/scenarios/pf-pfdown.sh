# SPDX-License-Identifier: GPL-2.0
# check: stock debug
# timeout: 120 300
# cost: 26
#
# The VFs do not need the PF netdev: with the PF interface down before the
# VFs exist, they still reset, get their MACs and switch traffic VF to VF.

. "$IGX_TOP/scripts/scenarios/lib.sh"
IGX_PF_DRIVER=igx_pf
IGX_VF_DRIVER=${IGX_VF_DRIVER:-igbvf}

PF_PCI=$(pci_dev_by_id $PF_ID) || fail "no 82576 PF"
load_pf_driver
wait_for 10 netdev_of_pci "$PF_PCI" || fail "igx_pf made no netdev"
PF=$(netdev_of_pci "$PF_PCI")
ip link set "$PF" down
vfs_enable 2
check "PF netdev is down" sh -c "! ip link show $PF | grep -q ',UP'"
check "VF 0 pings VF 1 with the PF down" ns_ping vf0 "$(vf_ip 1)"
ip link set "$PF" up
ip link set "$PF" down
check "VF 0 still pings VF 1 after PF up/down" ns_ping vf0 "$(vf_ip 1)"

# 8021q adds VLAN 0 at every PF up and deletes it at down. VLAN 0 has
# one fixed VLVF entry: the cycles must take nothing from the shared
# table, and the admin can still give a VF a port VLAN after them. (The
# old code took a new entry at each up and never gave it back: ENOSPC
# for everyone after about 32 cycles.) 8021q does this only once it is
# loaded, as on any host with a VLAN.
modprobe 8021q 2>/dev/null || test -d /sys/module/8021q || fail "no 8021q (module or built in)"
before=$(vlvf_entries) || fail "cannot read the VLVF table"
say "VLVF entries in use before: $(echo $before)"
cycles=$(soak_or 40 5)
for ((i = 0; i < cycles; i++)); do
	ip link set "$PF" up
	ip link set "$PF" down
done
after=$(vlvf_entries)
say "VLVF entries in use after $cycles PF up/down cycles: $(echo $after)"
check "$cycles PF up/down cycles leave the VLAN filter table as it was" \
	test "$before" = "$after"
check "the admin sets VF 1's port VLAN 50 after them" ip link set "$PF" vf 1 vlan 50
entries=$(vlvf_entries)
say "VLVF entries in use with the port VLAN: $(echo $entries)"
vlan50=no
grep -q '^[0-9]* 50 0x2$' <<< "$entries" && vlan50=yes
check "VLAN 50 holds a VLVF entry for VF 1's pool (only)" test $vlan50 = yes
check "the admin clears it" ip link set "$PF" vf 1 vlan 0
check "and the table is as before the cycles again" test "$(vlvf_entries)" = "$before"

# A port VLAN that does not fit is refused with nothing taken down: VF 0
# shares VLAN 7 with the PF, the PF's VLANs fill the rest of the table,
# and "vf 0 vlan 50" fails with ENOSPC leaving the table (VF 0's VLAN 7
# bit included) as it was. (The old code cleared VF 0's pool from every
# table first and failed after: VLAN 7 lost VF 0's bit, its extra MAC
# filters went, its pool stayed disabled until the VF reset.)
ip link set "$PF" up
check "VF 0 joins VLAN 7" ip -n vf0 link add link "${VF_DEV[0]}" name vl7 type vlan id 7
check "the PF joins VLAN 7 too" ip link add link "$PF" name pv7 type vlan id 7
for ((v = 100; v < 130; v++)); do
	echo "link add link $PF name pv$v type vlan id $v"
done > /tmp/pf-vlans
check "the PF's VLANs 100-129 take the other 30 shared entries" ip -batch /tmp/pf-vlans
full=$(vlvf_entries)
say "VLVF entries in use, full: $(echo $full)"
check "the VLAN filter table is full (32 entries)" test "$(wc -l <<< "$full")" = 32
check "VLAN 7 is VF 0's and the PF's" grep -q '^[0-9]* 7 0x81$' <<< "$full"
expect_fail "No space" ip link set "$PF" vf 0 vlan 50
check "the refused port VLAN changed nothing in the table" test "$(vlvf_entries)" = "$full"
sed 's/^link add link [^ ]* name \([^ ]*\) .*/link del \1/' /tmp/pf-vlans > /tmp/pf-vlans-del
check "the PF's VLANs go" ip -batch /tmp/pf-vlans-del
check "the PF leaves VLAN 7" ip link del pv7
check "VF 0 leaves VLAN 7" ip -n vf0 link del vl7
check "the table is as before the cycles again" test "$(vlvf_entries)" = "$before"
