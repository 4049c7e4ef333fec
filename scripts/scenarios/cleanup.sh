# SPDX-License-Identifier: GPL-2.0
# Run by guest-run after every scenario, so the next one starts clean:
# no processes, no namespaces, no VFs, no NIC drivers loaded.

pkill -9 iperf3 2>/dev/null
for ns in $(ip netns list 2>/dev/null | cut -d' ' -f1); do
	ip netns pids "$ns" 2>/dev/null | xargs -r kill -9
	ip netns del "$ns"
done
for f in /sys/bus/pci/devices/*/sriov_numvfs; do
	[ -e "$f" ] && [ "$(cat "$f")" != 0 ] && echo 0 > "$f"
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
	grep -q "^$m " /proc/modules && rmmod "$m"
done
true
