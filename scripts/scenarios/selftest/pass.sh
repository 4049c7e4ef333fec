# SPDX-License-Identifier: GPL-2.0
# Runner self-test: a scenario that passes.
echo 'a scenario that passes'
