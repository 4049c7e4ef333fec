# SPDX-License-Identifier: GPL-2.0
# check: stock debug
# timeout: 120 300
# cost: 92
#
# The igx pair: vf-mtu with igx_vf on igx_pf.
IGX_PF_DRIVER=igx_pf
. "$IGX_TOP/scripts/scenarios/vf-mtu.sh"
