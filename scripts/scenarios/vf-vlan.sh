# SPDX-License-Identifier: GPL-2.0
# timeout: 300
#
# igx_vf VLANs: 802.1Q interfaces on two VFs (VLAN filters registered with
# the stock igb PF over the mailbox) talk to each other and to the link
# partner; with an admin port VLAN the PF refuses the VF's own VLANs (a
# clear error, one log line) and tags the VF's traffic itself.

. "$IGX_TOP/scripts/scenarios/vf-lib.sh"

modprobe 8021q 2>/dev/null || true	# built in on the debug kernel
vf_setup 2
ip -n $LP_NS link add link lp0 name lp0.100 type vlan id 100
ip -n $LP_NS addr add 198.18.100.254/24 dev lp0.100
ip -n $LP_NS link set lp0.100 up
for i in 0 1; do
	dev=${VF_DEV[$i]}
	check "VF $i: VLAN 100 interface" vfx $i ip link add link "$dev" name "$dev.100" type vlan id 100
	vfx $i ip addr add "198.18.100.$((10 + i))/24" dev "$dev.100"
	vfx $i ip link set "$dev.100" up
done
check "VLAN 100: VF 0 pings VF 1" ns_ping vf0 198.18.100.11
check "VLAN 100: VF 1 pings the link partner" ns_ping vf1 198.18.100.254
tcp_check "VLAN 100: VF 0 -> VF 1" vf1 198.18.100.11 vf0 3
check "untagged still works" ns_ping vf0 "$(vf_ip 1)"
vfx 0 ip link del "${VF_DEV[0]}.100"
check "VLAN 100 removed from VF 0: no reply" sh -c "! ip netns exec vf0 ping -c 2 -W 1 198.18.100.11"

# Admin port VLAN 200 on VF 0: the PF tags VF 0's frames and refuses
# VLANs of its own.
ip -n $LP_NS link add link lp0 name lp0.200 type vlan id 200
ip -n $LP_NS addr add 198.18.200.254/24 dev lp0.200
ip -n $LP_NS link set lp0.200 up
ip link set "$PF" vf 0 vlan 200
vfx 0 ip addr add 198.18.200.10/24 dev "${VF_DEV[0]}"
check "port VLAN 200: VF 0 pings the link partner's VLAN 200" ns_ping vf0 198.18.200.254
mark_log portvlan
if vfx 0 ip link add link "${VF_DEV[0]}" name "${VF_DEV[0]}.300" type vlan id 300 2> /tmp/err; then
	fail "VLAN 300 accepted under an admin port VLAN"
fi
say "VLAN 300 under port VLAN: $(cat /tmp/err)"
check "VLAN 300 refused" grep -q "Operation not permitted" /tmp/err
check "no VLAN 300 interface left" sh -c "! ip netns exec vf0 ip link show ${VF_DEV[0]}.300"
vf_logged_once "exactly one log line for the refused VLAN" "VLAN 300" portvlan
log_since portvlan | grep igx_vf || true
ip link set "$PF" vf 0 vlan 0
