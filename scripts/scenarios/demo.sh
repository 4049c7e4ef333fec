# SPDX-License-Identifier: GPL-2.0
# check: stock
# timeout: 120
# cost: 60
#
# make demo: boot the emulated 82576, load the PF driver, enable 2 VFs, give
# them MACs, load the VF driver, ping VF to VF and VF to the link partner,
# show the PF's VF configuration and a VF's statistics. In make check the
# demo judges what it shows: the PF lists both VFs with their MACs, VF 0
# runs the igx driver and its counters saw the pings.

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
ip link show "$PF" | tee /tmp/demo-pf
echo "=== ip netns exec vf0 ethtool -S ${VF_DEV[0]}"
ip netns exec vf0 ethtool -i "${VF_DEV[0]}" | tee /tmp/demo-drv
ip netns exec vf0 ethtool -S "${VF_DEV[0]}"
echo "=== what the demo showed"
for i in 0 1; do
	check "ip link show $PF lists VF $i with its MAC" \
		grep -qE "^ +vf $i .*link/ether 52:54:00:aa:00:0$i" /tmp/demo-pf
done
check "VF 0 runs $(vf_driver)" grep -qx "driver: $(vf_driver)" /tmp/demo-drv
for c in rx_packets tx_packets; do
	n=$(ip netns exec vf0 cat "/sys/class/net/${VF_DEV[0]}/statistics/$c")
	check "VF 0 counted its pings ($c $n, at least 6)" test "$n" -ge 6
done
