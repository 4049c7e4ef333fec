# SPDX-License-Identifier: GPL-2.0
# Runner self-test: a scenario after a frozen guest runs in a new boot.
echo 'a scenario that passes'
