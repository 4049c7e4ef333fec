# SPDX-License-Identifier: GPL-2.0
# timeout: 5
# Runner self-test: the whole guest stops (a kernel panic that halts instead
# of rebooting). The host must kill QEMU and go on in a new boot.
echo 0 > /proc/sys/kernel/panic
echo 1 > /proc/sys/kernel/sysrq
echo c > /proc/sysrq-trigger
