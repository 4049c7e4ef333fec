# SPDX-License-Identifier: GPL-2.0
# Runner self-test: a KASAN report in the kernel log fails the scenario even
# though the scenario itself exits 0. The report is injected into the log.
echo "BUG: KASAN: slab-use-after-free in igx_selftest_injected+0x10/0x20" > /dev/kmsg
