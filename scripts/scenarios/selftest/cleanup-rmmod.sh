# SPDX-License-Identifier: GPL-2.0
# Runner self-test: a scenario whose cleanup cannot unload the PF driver
# fails, and the rest run in a fresh boot. An open debugfs file of igx_pf
# pins the module (debugfs takes a reference on the file's owner), in a
# process cleanup.sh does not know about.
. "$IGX_TOP/scripts/scenarios/lib.sh"
pf=$(pci_dev_by_id $PF_ID) || fail "no 82576 PF on the bus"
load_igx igx_pf
wait_for 10 test -e "/sys/kernel/debug/igx_pf/$pf/vports" || fail "no igx_pf debugfs"
setsid sleep 3600 < "/sys/kernel/debug/igx_pf/$pf/vports" > /dev/null 2>&1 &
check "rmmod igx_pf is refused while the file is open" sh -c '! rmmod igx_pf 2>/dev/null'
