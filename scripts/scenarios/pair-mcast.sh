# SPDX-License-Identifier: GPL-2.0
# check: stock debug
# timeout: 120 300
# cost: 70
#
# The igx pair: vf-mcast with igx_vf on igx_pf. igx_pf grants
# all-multicast only to a trusted VF (igb grants it to any), so VF 1 is
# trusted first; without trust the overflow is refused and logged, which
# vf-mcast.py accepts as "not silent" but then finds MPME clear.
IGX_PF_DRIVER=igx_pf
. "$IGX_TOP/scripts/scenarios/vf-lib.sh"

vf_setup 2
ip link set "$PF" vf 1 trust on
check "VF 1 trusted: debugfs" vport_has 1 "trust 1"
check "VF 1 has carrier after the trust change" wait_carrier 1 1 $((SLOW ? 60 : 10))
vf_mcast_check
