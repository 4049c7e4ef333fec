# SPDX-License-Identifier: GPL-2.0
# check: stock debug
# timeout: 900
# cost: 80
#
# rmmod igx_pf with VFs enabled and their drivers bound and passing
# traffic, then insmod again, three times (stock igbvf and igx_vf in the
# VFs, alternately): everything is torn down and comes back.

. "$IGX_TOP/scripts/scenarios/lib.sh"
IGX_PF_DRIVER=igx_pf

for round in 1 2 3; do
	if [ $((round % 2)) = 1 ]; then IGX_VF_DRIVER=igx_vf; else IGX_VF_DRIVER=igbvf; fi
	say "round $round: VFs driven by $IGX_VF_DRIVER"
	pf_bringup
	echo 2 > /sys/bus/pci/devices/$PF_PCI/sriov_numvfs
	ip link set "$PF" vf 0 mac 52:54:00:aa:00:00
	ip link set "$PF" vf 1 mac 52:54:00:aa:00:01
	load_vf_driver
	vf_bringup 0
	vf_bringup 1
	check "round $round: VF 0 pings VF 1" ns_ping vf0 $NET.11
	ip netns exec vf0 ping -q -i 0.05 $NET.11 > /dev/null 2>&1 &
	pinger=$!
	sleep 1
	rmmod igx_pf
	kill $pinger 2>/dev/null || true
	wait $pinger 2>/dev/null || true
	check "round $round: the VFs are gone with the PF driver" \
		test ! -e /sys/bus/pci/devices/$PF_PCI/virtfn0
	ip netns del vf0
	ip netns del vf1
	rmmod "$IGX_VF_DRIVER"
done
