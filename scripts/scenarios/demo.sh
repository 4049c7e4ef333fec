# SPDX-License-Identifier: GPL-2.0
# timeout: 300
#
# make demo: boot the emulated 82576, load the PF driver, enable 2 VFs, give
# them MACs, load the VF driver, ping VF to VF and VF to the link partner,
# show the PF's VF configuration and a VF's statistics.

. "$IGX_TOP/scripts/scenarios/lib.sh"

if [ -f "$(igx_moddir)/igx_pf.ko" ] && [ -f "$(igx_moddir)/igx_vf.ko" ]; then
	IGX_DRIVERS=igx
	banner="igx_pf + igx_vf"
else
	IGX_DRIVERS=intree
	banner="IN-TREE igb + igbvf (igx_pf/igx_vf are not built yet)"
fi
echo "=== demo drivers: $banner"

lp_setup
pf_bringup
echo 2 > "/sys/bus/pci/devices/$PF_PCI/sriov_numvfs"
ip link set "$PF" vf 0 mac 52:54:00:aa:00:00
ip link set "$PF" vf 1 mac 52:54:00:aa:00:01
load_vf_driver
vf_bringup 0
vf_bringup 1
echo "=== VF 0 -> VF 1 through the NIC switch"
ns_ping vf0 $NET.11
echo "=== VF 0 -> link partner on the wire"
ns_ping vf0 $LP_IP
echo "=== ip link show $PF (drivers: $banner)"
ip link show "$PF"
echo "=== ip netns exec vf0 ethtool -S ${VF_DEV[0]}"
ip netns exec vf0 ethtool -i "${VF_DEV[0]}"
ip netns exec vf0 ethtool -S "${VF_DEV[0]}"
