# SPDX-License-Identifier: GPL-2.0
# check: stock
# timeout: 210
# cost: 250
# (Debug kernel: the igx pair's TCP/UDP paths run there in iommu-traffic,
# vf-traffic on igx_pf under DMA-API debug; make check's time is spent once.)
#
# The igx pair: vf-iperf with igx_vf on igx_pf.
IGX_PF_DRIVER=igx_pf
. "$IGX_TOP/scripts/scenarios/vf-iperf.sh"
