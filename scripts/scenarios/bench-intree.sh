# SPDX-License-Identifier: GPL-2.0
# timeout: 1200
#
# make bench, first half: the in-tree igb + igbvf (scripts/bench runs
# this and bench-igx in one guest boot; scenarios/bench-lib.sh).

IGX_PF_DRIVER=igb
IGX_VF_DRIVER=igbvf
. "$IGX_TOP/scripts/scenarios/bench-lib.sh"
bench_run intree
