# SPDX-License-Identifier: GPL-2.0
# Helpers for scenarios; sourced by scripts/scenarios/*.sh in the guest.
# A scenario exits 0 on success, 77 to skip (after printing "SKIP: why"),
# anything else on failure. Every check prints what it checked.

set -euo pipefail

# The debug kernel (KASAN, lockdep) under TCG is 5-10 times slower: floors
# and time limits that are about speed apply to the stock kernel only.
if [ "${IGX_KERNEL:-stock}" = debug ]; then
	SLOW=1
else
	SLOW=0
fi

PF_ID=8086:10c9
VF_ID=8086:10ca
LP_MAC=52:54:00:12:34:fe	# the virtio-net link partner (igx-vm)
LP_NS=lp
# RFC 2544 benchmarking addresses: never routed anywhere.
NET=198.18.0
LP_IP=$NET.254

say() { echo "igx: $*"; }
fail() { echo "FAIL: $*"; diag; exit 1; }

# State worth seeing when a check fails: links in every namespace and the
# PF's VPort table. Output goes to the scenario log, which the runner shows.
diag() {
	local ns f
	echo "--- state at the failure"
	ip -br link 2>/dev/null
	for ns in $(ip netns list 2>/dev/null | cut -d' ' -f1); do
		echo "netns $ns:"
		ip -n "$ns" -br addr 2>/dev/null
	done
	for f in /sys/kernel/debug/igx_pf/*/vports; do
		[ -r "$f" ] && cat "$f"
	done
	mbx_regs 2>/dev/null || true
}

# The mailbox as the hardware holds it: the PF's MBVFICR and VFLRE, and
# for each VF its V2PMAILBOX and first mailbox words. Reading V2PMAILBOX
# clears its read-to-clear bits: only for the state at a failure.
mbx_regs() {
	local pf vf
	pf=$(pci_dev_by_id "$PF_ID") || return 0
	python3 - "/sys/bus/pci/devices/$pf" <<-'PY'
	import mmap, os, struct, sys
	def rd(path, off, n=1):
	    fd = os.open(path + "/resource0", os.O_RDONLY | os.O_SYNC)
	    try:
	        m = mmap.mmap(fd, off + 4 * n, mmap.MAP_SHARED, mmap.PROT_READ)
	        return [struct.unpack_from("<I", m, off + 4 * i)[0] for i in range(n)]
	    finally:
	        os.close(fd)
	pf = sys.argv[1]
	print("PF MBVFICR %08x VFLRE %08x" % (rd(pf, 0x0C80)[0], rd(pf, 0x0C88)[0]))
	i = 0
	while os.path.exists("%s/virtfn%d" % (pf, i)):
	    vf = os.path.realpath("%s/virtfn%d" % (pf, i))
	    drv = os.path.basename(os.path.realpath(vf + "/driver")) if os.path.exists(vf + "/driver") else "-"
	    words = " ".join("%08x" % w for w in rd(vf, 0x0800, 4))
	    print("VF %d (%s) V2PMAILBOX %08x VMBMEM %s" % (i, drv, rd(vf, 0x0C40)[0], words))
	    i += 1
	PY
}
skip() { echo "SKIP: $*"; exit 77; }

# expect_fail ERRNO-TEXT CMD...: CMD must fail and say ERRNO-TEXT.
expect_fail() {
	local want=$1 out
	shift
	if out=$("$@" 2>&1); then
		fail "accepted: $* ($out)"
	fi
	echo "$out" | grep -qi -- "$want" || fail "$*: wanted '$want', got '$out'"
	say "ok: refused ($want): $*"
}

# wait_for SECONDS CMD...: run CMD every 0.2 s until it succeeds, for at
# most SECONDS of wall time (however long CMD itself takes).
wait_for() {
	local end=$((SECONDS + $1))
	shift
	while :; do
		"$@" >/dev/null 2>&1 && return 0
		[ $SECONDS -lt $end ] || return 1
		sleep 0.2
	done
}

# check DESCRIPTION CMD...: run CMD, fail the scenario if it fails.
# qemu_hmp COMMAND...: have the host run a QEMU monitor command for this
# guest (e.g. "set_link igb0 off": the wire of the 82576 goes down).
# Prints the monitor's answer; fails when the runner does not answer.
qemu_hmp() {
	local id=$$_$RANDOM i rep rc
	echo "$*" > "$IGX_OUT/hmp.new.$id"
	mv "$IGX_OUT/hmp.new.$id" "$IGX_OUT/hmp.req.$id"
	rep=$IGX_OUT/hmp.rep.$id
	for ((i = 0; i < 150; i++)); do
		[ -e "$rep" ] && break
		sleep 0.1
	done
	if [ ! -e "$rep" ]; then
		echo "qemu_hmp: the runner did not answer '$*'" >&2
		rm -f "$IGX_OUT/hmp.req.$id"
		return 1
	fi
	rc=$(head -n 1 "$rep" | cut -d' ' -f2)
	tail -n +2 "$rep"
	rm -f "$rep"
	return "$rc"
}

check() {
	local what=$1
	shift
	if "$@"; then
		say "ok: $what"
	else
		fail "$what"
	fi
}

pci_dev_by_id() {	# VENDOR:DEVICE -> first PCI address
	local d
	for d in /sys/bus/pci/devices/*; do
		if [ "$(cat "$d/vendor"):$(cat "$d/device")" = "0x${1%%:*}:0x${1##*:}" ]; then
			basename "$d"
			return 0
		fi
	done
	return 1
}

netdev_of_pci() {	# PCI address -> netdev name
	ls "/sys/bus/pci/devices/$1/net" 2>/dev/null | head -n 1
}

netdev_by_mac() {
	local n
	for n in /sys/class/net/*; do
		[ "$(cat "$n/address")" = "$1" ] && { basename "$n"; return 0; }
	done
	return 1
}

vf_pci() {	# PF PCI address, VF index -> VF PCI address
	basename "$(readlink "/sys/bus/pci/devices/$1/virtfn$2")"
}

# The in-tree drivers: from the stock kernel's modules, or from the debug
# kernel's module tree.
load_intree() {
	if [ "$IGX_KERNEL" = debug ]; then
		modprobe -d "$(igx_debug_modroot)" "$1"
	else
		modprobe "$1"
	fi
}

igx_debug_modroot() {
	local kdir
	kdir=$(. "$IGX_TOP/scripts/lib.sh" && debug_kernel_dir)
	echo "$kdir/modroot"
}

# Where this kernel's igx modules were built.
igx_moddir() {
	if [ "$IGX_KERNEL" = debug ]; then
		echo "$IGX_TOP/build/debug"
	else
		echo "$IGX_TOP"
	fi
}

# Move the virtio-net link partner into its own namespace at $LP_IP.
lp_setup() {
	local dev
	modprobe virtio_net 2>/dev/null || true
	wait_for 10 netdev_by_mac $LP_MAC || fail "no link partner netdev"
	dev=$(netdev_by_mac $LP_MAC)
	ip netns add $LP_NS
	ip link set "$dev" netns $LP_NS
	ip -n $LP_NS link set "$dev" name lp0
	ip -n $LP_NS addr add $LP_IP/24 dev lp0
	ip -n $LP_NS link set lp0 up
	ip -n $LP_NS link set lo up
}

# ns_ping NS|- TARGET: 3 pings, all must come back.
ns_ping() {
	local ns=$1 target=$2
	if [ "$ns" = - ]; then
		ping -c 3 -i 0.2 -W 2 "$target"
	else
		ip netns exec "$ns" ping -c 3 -i 0.2 -W 2 "$target"
	fi
}

# Which drivers a scenario runs: IGX_PF_DRIVER=igb|igx_pf and
# IGX_VF_DRIVER=igbvf|igx_vf (default: the igx pair). IGX_DRIVERS=intree
# selects igb + igbvf at once.
pf_driver() {
	[ "${IGX_DRIVERS:-}" = intree ] && { echo igb; return; }
	echo "${IGX_PF_DRIVER:-igx_pf}"
}

vf_driver() {
	[ "${IGX_DRIVERS:-}" = intree ] && { echo igbvf; return; }
	echo "${IGX_VF_DRIVER:-igx_vf}"
}

# insmod an igx module built for this kernel, igx_common first.
load_igx() {
	grep -q '^igx_common ' /proc/modules || insmod "$(igx_moddir)/igx_common.ko"
	grep -q "^$1 " /proc/modules || insmod "$(igx_moddir)/$1.ko"
}

load_driver() {
	case "$1" in
	igb|igbvf) load_intree "$1" ;;
	*) load_igx "$1" ;;
	esac
}

load_pf_driver() { load_driver "$(pf_driver)"; }
load_vf_driver() { load_driver "$(vf_driver)"; }

# pf_bringup: load the PF driver, address the PF as $NET.1 and bring it up.
# Sets PF_PCI and PF.
pf_bringup() {
	PF_PCI=$(pci_dev_by_id $PF_ID) || fail "no 82576 PF on the bus"
	load_pf_driver
	wait_for 10 netdev_of_pci "$PF_PCI" || fail "the PF driver made no netdev"
	PF=$(netdev_of_pci "$PF_PCI")
	ip addr add $NET.1/24 dev "$PF"
	ip link set "$PF" up
	check "PF $PF has carrier" wait_for 20 grep -qx 1 "/sys/class/net/$PF/carrier"
}

# vf_attach I: VF I's netdev into namespace vfI as $NET.(10+I), set up
# (carrier not awaited). Sets VF_DEV[I]. The VF driver must be loaded.
declare -a VF_DEV
vf_attach() {
	local i=$1 vf dev
	vf=$(vf_pci "$PF_PCI" "$i")
	wait_for 20 netdev_of_pci "$vf" || fail "no netdev for VF $i ($vf)"
	dev=$(netdev_of_pci "$vf")
	ip netns add "vf$i"
	ip link set "$dev" netns "vf$i"
	ip -n "vf$i" addr add "$NET.$((10 + i))/24" dev "$dev"
	ip -n "vf$i" link set "$dev" up
	VF_DEV[$i]=$dev
}

# vf_bringup I: vf_attach, then wait for the VF's carrier.
vf_bringup() {
	vf_attach "$1"
	check "VF $1 (${VF_DEV[$1]}) has carrier" wait_for 20 \
		ip netns exec "vf$1" grep -qx 1 "/sys/class/net/${VF_DEV[$1]}/carrier"
}
