# SPDX-License-Identifier: GPL-2.0
# Runner self-test: after a scenario that left the guest unclean (cleanup
# failed), the next one runs in a fresh boot: igx_pf is not loaded.
! grep -q '^igx_pf ' /proc/modules || { echo "igx_pf still loaded: not a fresh boot"; exit 1; }
echo 'a fresh boot'
