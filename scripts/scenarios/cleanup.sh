# SPDX-License-Identifier: GPL-2.0
# Run by guest-run after every scenario, so the next one starts clean:
# no processes, no namespaces, no VFs, no NIC drivers loaded. Exits
# non-zero, after a "cleanup: ..." line for each, when that state cannot
# be reached (an rmmod refused, VFs still enabled, a device still bound):
# the runner fails the scenario, and the rest run in a fresh boot.

bad=0
broken() { echo "cleanup: $*"; bad=1; }

pkill -9 iperf3 2>/dev/null
pkill -9 socat 2>/dev/null
for ns in $(ip netns list 2>/dev/null | cut -d' ' -f1); do
	ip netns pids "$ns" 2>/dev/null | xargs -r kill -9
	ip netns del "$ns" || broken "netns $ns not deleted"
done
for f in /sys/bus/pci/devices/*/sriov_numvfs; do
	[ -e "$f" ] && [ "$(cat "$f")" != 0 ] && { echo 0 > "$f" ||
		broken "echo 0 > $f refused"; }
done
for f in /sys/bus/pci/devices/*/sriov_drivers_autoprobe; do
	[ -e "$f" ] && echo 1 > "$f"
done
# Interfaces that outlive the drivers (virtio-net, built into the debug
# kernel, and its failover netdev) keep no address and go down.
for d in $(ls /sys/class/net); do
	[ "$d" = lo ] && continue
	ip addr flush dev "$d" scope global 2>/dev/null
	ip link set "$d" down 2>/dev/null
done
for m in igx_hostile igx_vf igbvf igx_pf igb igx_mbx_kunit igx_common; do
	grep -q "^$m " /proc/modules || continue
	out=$(rmmod "$m" 2>&1) || broken "rmmod $m refused: $out"
done
for f in /sys/bus/pci/devices/*/sriov_numvfs; do
	[ -e "$f" ] && [ "$(cat "$f")" != 0 ] && broken "$f is $(cat "$f"), not 0"
done
for drv in igx_pf igx_vf igb igbvf; do
	for d in /sys/bus/pci/drivers/$drv/0000:*; do
		[ -e "$d" ] && broken "${d##*/} still bound to $drv"
	done
done
exit $bad
