# SPDX-License-Identifier: GPL-2.0
# Runner self-test: a scenario reaches the QEMU monitor through the runner
# (what link-flap scenarios use for set_link).
. "$IGX_TOP/scripts/scenarios/lib.sh"
ans=$(qemu_hmp info status) || fail "no answer from the monitor"
echo "$ans"
check "the monitor says the guest runs" grep -q "VM status: running" <<< "$ans"
ans=$(qemu_hmp info network) || fail "no answer from the monitor"
echo "$ans"
check "the monitor lists the 82576 (igb0)" grep -q "igb0:.*model=igb" <<< "$ans"
