# SPDX-License-Identifier: GPL-2.0
# Runner self-test: a lockdep report in the kernel log fails the scenario.
echo "WARNING: possible circular locking dependency detected" > /dev/kmsg
