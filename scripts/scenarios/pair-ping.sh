# SPDX-License-Identifier: GPL-2.0
# check: stock debug
# timeout: 300
# cost: 42
#
# The igx pair: vf-ping with igx_vf on igx_pf (extensions negotiated).
IGX_PF_DRIVER=igx_pf
. "$IGX_TOP/scripts/scenarios/vf-ping.sh"
dbg=/sys/kernel/debug/igx_pf/$PF_PCI/vports
cat $dbg
check "both VFs negotiated the igx extensions (api 1)" \
	test "$(grep -c ' api 1 ' $dbg)" -eq 2
