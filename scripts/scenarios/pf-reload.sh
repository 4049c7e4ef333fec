# SPDX-License-Identifier: GPL-2.0
# check: stock debug
# timeout: 120 420
# cost: 163
#
# rmmod igx_pf with VFs enabled and their drivers bound and passing
# traffic, then insmod again, three times (stock igbvf and igx_vf in the
# VFs, alternately): everything is torn down and comes back.

. "$IGX_TOP/scripts/scenarios/lib.sh"
IGX_PF_DRIVER=igx_pf

replies() { grep -c "bytes from" "$1" || true; }

for round in 1 2 3; do
	if [ $((round % 2)) = 1 ]; then IGX_VF_DRIVER=igx_vf; else IGX_VF_DRIVER=igbvf; fi
	say "round $round: VFs driven by $IGX_VF_DRIVER"
	pf_bringup
	vfs_enable 2
	check "round $round: VF 0 pings VF 1" ns_ping vf0 "$(vf_ip 1)"
	# The PF driver goes while VF 0 pings VF 1 every 50 ms: 20 replies
	# first, so that the traffic demonstrably runs at the rmmod.
	ip netns exec vf0 ping -n -i 0.05 "$(vf_ip 1)" > /tmp/reload-ping 2>&1 &
	pinger=$!
	check "round $round: VF 0 -> VF 1 pings answered (20) before the rmmod" \
		wait_for 20 sh -c "[ \$(grep -c 'bytes from' /tmp/reload-ping) -ge 20 ]"
	rmmod igx_pf
	kill $pinger 2>/dev/null || true
	wait $pinger 2>/dev/null || true
	say "round $round: $(replies /tmp/reload-ping) pings answered until the rmmod"
	check "round $round: the VFs are gone with the PF driver" \
		test ! -e /sys/bus/pci/devices/$PF_PCI/virtfn0
	ip netns del vf0
	ip netns del vf1
	rmmod "$IGX_VF_DRIVER"
done
