# SPDX-License-Identifier: GPL-2.0
# Shared settings for igx scripts. Source it; do not run it.

IGX_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Everything expensive lives outside the checkout so a fresh clone reuses it.
IGX_CACHE=${IGX_CACHE:-/var/cache/igx}

# The stock bookworm-backports kernel: the newest 6.12 image installed.
stock_kver() {
	local v
	v=$(ls -1 /lib/modules 2>/dev/null | grep -E '^6\.12\..*-amd64$' | sort -V | tail -n 1)
	[ -n "$v" ] || { echo "igx: no 6.12 kernel installed; run scripts/setup" >&2; return 1; }
	echo "$v"
}

# Version of the installed linux-source-6.12 package.
source_version() {
	dpkg-query -W -f='${Version}' linux-source-6.12 2>/dev/null
}

# Where linux-source-6.12 is unpacked (shared by the debug kernel, lint and
# the selftests), unpacked on first use.
source_tree() {
	local ver dir p
	ver=$(source_version) || return 1
	[ -n "$ver" ] || { echo "igx: linux-source-6.12 not installed" >&2; return 1; }
	dir="$IGX_CACHE/src/linux-source-6.12_$ver"
	if [ ! -f "$dir/.igx-unpacked" ] ||
	   [ "$(cat "$dir/.igx-patches" 2>/dev/null)" != "$(patches_hash)" ]; then
		mkdir -p "$IGX_CACHE/src"
		rm -rf "$dir" "$dir.tmp"
		mkdir "$dir.tmp"
		tar -C "$dir.tmp" -xf /usr/src/linux-source-6.12.tar.xz >&2
		for p in "$IGX_TOP"/scripts/kernel-patches/*.patch; do
			[ -e "$p" ] || continue
			patch -d "$dir.tmp/linux-source-6.12" -p1 -s < "$p" >&2 ||
				{ echo "igx: $p does not apply" >&2; return 1; }
		done
		patches_hash > "$dir.tmp/linux-source-6.12/.igx-patches"
		mv "$dir.tmp/linux-source-6.12" "$dir"
		rmdir "$dir.tmp"
		touch "$dir/.igx-unpacked"
	fi
	echo "$dir"
}

# Fixes to linux-source-6.12 the debug kernel needs (each patch says why).
patches_hash() {
	cat "$IGX_TOP"/scripts/kernel-patches/*.patch 2>/dev/null | sha256sum | cut -c1-12
}

# The debug kernel's build directory, keyed by source version + config.
debug_kernel_dir() {
	local key
	key=$( { source_version; cat "$IGX_TOP/scripts/debug-kernel.config"
		 cat "$IGX_TOP"/scripts/kernel-patches/*.patch 2>/dev/null; } |
		sha256sum | cut -c1-12)
	echo "$IGX_CACHE/debug-kernel-$key"
}

# scenario_timeout FILE KERNEL: the seconds a scenario may run on KERNEL,
# from its "# timeout: STOCK [DEBUG]" header (one figure: both kernels;
# none: 120). Each is about twice what the scenario was measured to take
# there in make check.
scenario_timeout() {
	local t
	t=$(sed -n 's/^# timeout: *\([0-9]*\) *\([0-9]*\).*/\1 \2/p' "$1" | head -n 1)
	set -- $t "$2"
	case $# in
	1) echo 120 ;;
	2) echo "$1" ;;
	*) if [ "$3" = debug ]; then
		# The debug figures were measured on a machine where the debug
		# guests ran two to three times faster than on the one of
		# 2026-12-03 (kselftest: 108 s there, killed at 300 s here);
		# the stock guests ran alike on both. Twice the header; make
		# check's deadline still bounds the run.
		echo $(($2 * ${IGX_DEBUG_TIMEOUT_SCALE:-2}))
	else
		echo "$1"
	fi ;;
	esac
}

# scenario_seconds NAME KERNEL: what the scenario took on KERNEL the last
# time it ran (igx-vm records it in $IGX_CACHE/times), else its
# "# cost:" header (debug seconds measured; stock: a third of it), else 60.
scenario_seconds() {
	local f=$IGX_CACHE/times/$2/${1//\//_} c
	if [ -s "$f" ]; then
		cat "$f"
		return
	fi
	c=$(sed -n 's/^# cost: *\([0-9]*\).*/\1/p' "$IGX_TOP/scripts/scenarios/$1.sh" | head -n 1)
	c=${c:-60}
	[ "$2" = debug ] || c=$(( (c + 2) / 3 ))
	echo "$c"
}
