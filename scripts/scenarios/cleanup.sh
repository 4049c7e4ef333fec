# SPDX-License-Identifier: GPL-2.0
# Run by guest-run after every scenario, so the next one starts clean:
# no processes, no namespaces, no VFs, no NIC drivers loaded. Exits
# non-zero, after a "cleanup: ..." line for each, when that state cannot
# be reached (an rmmod refused, VFs still enabled, a device still bound):
# the runner fails the scenario, and the rest run in a fresh boot.

bad=0
broken() { echo "cleanup: $*"; bad=1; }
# Shell builtins wherever a command would do: on the debug kernel each
# command started costs about a second, and this cleanup took 17-24 s
# per scenario with one guest, 45-56 s with two (2026-12-03); most of it
# was pkill, ip and rmmod being started once per item.
# step WHAT: print how long the step before took, when over a second.
t_step=${EPOCHREALTIME/./}
step() {
	local now=${EPOCHREALTIME/./} ms
	ms=$(((now - t_step) / 1000))
	((ms < 1000)) || echo "cleanup: $1 took $ms ms"
	t_step=$now
}

# The scenario's processes: iperf3 and socat anywhere, and whatever runs
# in a network namespace other than the guest's own.
for d in /proc/[0-9]*; do
	pid=${d#/proc/}
	[ "$pid" = $$ ] && continue
	read -r comm < "$d/comm" 2> /dev/null || continue
	case $comm in
	iperf3 | socat) kill -9 "$pid" 2> /dev/null ;;
	*) [ "$d/ns/net" -ef /proc/1/ns/net ] || kill -9 "$pid" 2> /dev/null ;;
	esac
done
step "killing the scenario's processes"
ns=(/run/netns/*)
if [ -e "${ns[0]}" ]; then
	ip -all netns delete 2> /dev/null
	for f in /run/netns/*; do
		[ -e "$f" ] && broken "netns ${f##*/} not deleted"
	done
fi
step "deleting the namespaces"
for f in /sys/bus/pci/devices/*/sriov_numvfs; do
	[ -e "$f" ] && read -r n < "$f" && [ "$n" != 0 ] && { echo 0 > "$f" ||
		broken "echo 0 > $f refused"; }
done
step "disabling the VFs"
for f in /sys/bus/pci/devices/*/sriov_drivers_autoprobe; do
	[ -e "$f" ] && echo 1 > "$f"
done
# Interfaces that outlive the drivers (virtio-net, built into the debug
# kernel, and its failover netdev) keep no address and go down: one ip
# for all of them.
batch=
for d in /sys/class/net/*; do
	d=${d##*/}
	[ "$d" = lo ] && continue
	batch+="address flush dev $d scope global"$'\n'"link set dev $d down"$'\n'
done
[ -z "$batch" ] || ip -force -batch - <<< "$batch" > /dev/null 2>&1
step "flushing addresses"
# One rmmod for every module loaded (in this order); one per module only
# when that fails, to say which one refused.
mods=()
for m in igx_hostile igx_vf igbvf igx_pf igb igx_mbx_kunit igx_common; do
	[ -e "/sys/module/$m/initstate" ] && mods+=("$m")
done
if ((${#mods[@]})) && ! rmmod "${mods[@]}" > /dev/null 2>&1; then
	for m in "${mods[@]}"; do
		[ -e "/sys/module/$m/initstate" ] || continue
		out=$(rmmod "$m" 2>&1) || broken "rmmod $m refused: $out"
	done
fi
step "rmmod ${mods[*]}"
for f in /sys/bus/pci/devices/*/sriov_numvfs; do
	[ -e "$f" ] && read -r n < "$f" && [ "$n" != 0 ] && broken "$f is $n, not 0"
done
for drv in igx_pf igx_vf igb igbvf; do
	for d in /sys/bus/pci/drivers/$drv/0000:*; do
		[ -e "$d" ] && broken "${d##*/} still bound to $drv"
	done
done
exit $bad
