# SPDX-License-Identifier: GPL-2.0
# timeout: 1200
#
# make bench, second half: igx_pf + igx_vf (see bench-intree.sh).

IGX_PF_DRIVER=igx_pf
IGX_VF_DRIVER=igx_vf
. "$IGX_TOP/scripts/scenarios/bench-lib.sh"
bench_run igx
