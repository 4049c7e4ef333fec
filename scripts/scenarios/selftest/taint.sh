# SPDX-License-Identifier: GPL-2.0
# Runner self-test: a new taint bit fails the scenario even when its report
# never reached the log (lost, or printed before the scenario began): W,
# as a WARN_ON leaves it. The rest then run in a fresh boot.
echo 512 > /proc/sys/kernel/tainted
