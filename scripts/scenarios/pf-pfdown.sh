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
