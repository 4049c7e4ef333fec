# SPDX-License-Identifier: GPL-2.0
# check: stock
# soak: yes
# (On the debug kernel it runs in make soak only, until make check fits
# its time on slower machines: docs/testing.md, make check's time.)
# timeout: 120 300
# cost: 74
#
# The igx pair: vf-ping with igx_vf on igx_pf (extensions negotiated).
IGX_PF_DRIVER=igx_pf
. "$IGX_TOP/scripts/scenarios/vf-ping.sh"
cat "$(vports_file)"
check "both VFs negotiated the igx extensions (api 1)" \
	test "$(vport_field 0 api) $(vport_field 1 api)" = "1 1"
