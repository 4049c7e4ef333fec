# SPDX-License-Identifier: GPL-2.0
# check: stock
# timeout: 120
# cost: 90
# (Debug kernel: 7 VFs on igx_pf pass traffic there in iommu-traffic and
# 1 VF in kselftest; make check's time is spent once.)
#
# All 7 VFs (the most an igx PF offers) up at once, each pinging the next
# through the switch; then 0 -> 1 VF passing traffic to the PF and the
# wire -> 0.

. "$IGX_TOP/scripts/scenarios/lib.sh"
IGX_PF_DRIVER=igx_pf
IGX_VF_DRIVER=${IGX_VF_DRIVER:-igbvf}

lp_setup
pf_bringup
sysfs=/sys/bus/pci/devices/$PF_PCI
vfs_enable 7
for i in 0 1 2 3 4 5 6; do
	check "VF $i pings VF $(((i + 1) % 7))" ns_ping vf$i "$(vf_ip $(((i + 1) % 7)))"
done
for i in 0 1 2 3 4 5 6; do ip netns del vf$i; done
echo 0 > $sysfs/sriov_numvfs
# The VF driver binds again once the admin MAC is set: a stock igbvf
# reads its MAC only at probe.
rmmod "$(vf_driver)"
vfs_enable 1
check "1 VF after 7 -> 0 -> 1" grep -qx 1 $sysfs/sriov_numvfs
check "1 VF: VF 0 pings the PF" ns_ping vf0 $NET.1
check "1 VF: VF 0 pings the link partner" ns_ping vf0 $LP_IP
ip netns del vf0
echo 0 > $sysfs/sriov_numvfs
check "PF link still up" grep -qx 1 /sys/class/net/$PF/carrier
