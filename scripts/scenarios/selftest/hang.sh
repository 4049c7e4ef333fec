# SPDX-License-Identifier: GPL-2.0
# timeout: 5
# Runner self-test: a scenario that never ends is killed at its timeout.
sleep 100000
