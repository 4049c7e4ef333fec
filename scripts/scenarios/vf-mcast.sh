# SPDX-License-Identifier: GPL-2.0
# timeout: 300
#
# igx_vf multicast: a VF that joins a group receives it from the wire and
# from another VF (the hash goes to the PF), after leaving it does not;
# more than 30 groups ask the PF for all-multicast and say so in the log
# (vf-mcast.py, which also says what QEMU cannot show).

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"

vf_setup 2
vf_mcast_check
