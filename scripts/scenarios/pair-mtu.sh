# SPDX-License-Identifier: GPL-2.0
# check: stock
# soak: yes
# (On the debug kernel it runs in make soak only, until make check fits
# its time on slower machines: docs/testing.md, make check's time.)
# timeout: 120 300
# cost: 92
#
# The igx pair: vf-mtu with igx_vf on igx_pf.
IGX_PF_DRIVER=igx_pf
. "$IGX_TOP/scripts/scenarios/vf-mtu.sh"
