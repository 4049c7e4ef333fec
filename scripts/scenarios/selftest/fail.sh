# SPDX-License-Identifier: GPL-2.0
# Runner self-test: a scenario that fails must fail the run.
echo 'failing on purpose'; exit 1
