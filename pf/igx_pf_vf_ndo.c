// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * ip link set PF vf N ...: the host admin's view of each VPort. A change
 * reaches a running VF without reloading its driver: the VF is told over
 * the mailbox (CTS dropped, so it resets and picks up its new MAC or VLAN;
 * or a link-state message), and the switch is reprogrammed at once.
 */

#include "pf/igx_pf.h"

/* Returns the VPort with pf->lock held, or an ERR_PTR with it released. */
static struct igx_vport *igx_pf_vport_lock(struct net_device *dev, int vf)
{
	struct igx_pf *pf = netdev_priv(dev);

	mutex_lock(&pf->lock);
	if (vf < 0 || vf >= pf->num_vfs) {
		mutex_unlock(&pf->lock);
		netdev_err(dev, "VF %d does not exist (%u VFs enabled)\n", vf,
			   pf->num_vfs);
		return ERR_PTR(-EINVAL);
	}
	return &pf->vports[vf];
}

/* Make a VF reset itself so that it picks up an admin change. */
static void igx_pf_vf_kick(struct igx_pf *pf, unsigned int vf)
{
	igx_mbx_pf_vf_reset_event(&pf->vports[vf].mbx);
	igx_pf_notify_vf(pf, vf);
}

/**
 * igx_pf_ndo_set_vf_mac() - ip link set PF vf N mac ADDR
 * @dev: the PF netdev
 * @vf: VF number
 * @mac: new address; all zeros hands the choice back to the VF
 *
 * Return: 0 or -EINVAL.
 */
int igx_pf_ndo_set_vf_mac(struct net_device *dev, int vf, u8 *mac)
{
	struct igx_pf *pf = netdev_priv(dev);
	struct igx_vport *vp;

	if (!is_zero_ether_addr(mac) && !is_valid_ether_addr(mac)) {
		netdev_err(dev, "VF %d: %pM is not a valid unicast MAC\n", vf,
			   mac);
		return -EINVAL;
	}
	vp = igx_pf_vport_lock(dev, vf);
	if (IS_ERR(vp))
		return PTR_ERR(vp);
	ether_addr_copy(vp->mac, mac);
	vp->admin_mac = !is_zero_ether_addr(mac);
	if (vp->admin_mac)
		igx_pf_rar_set(pf, IGX_RAR_VF(vf), mac, vf);
	else
		igx_pf_rar_clear(pf, IGX_RAR_VF(vf));
	igx_pf_vf_kick(pf, vf);
	mutex_unlock(&pf->lock);
	netdev_info(dev, "VF %d: MAC %pM%s\n", vf, mac,
		    vp->admin_mac ? " set by the host" : " (VF's choice)");
	return 0;
}

/**
 * igx_pf_ndo_set_vf_vlan() - ip link set PF vf N vlan VID [qos Q]
 * @dev: the PF netdev
 * @vf: VF number
 * @vlan: port VLAN, 0 to remove it
 * @qos: 802.1p priority, 0..7
 * @proto: only 802.1Q
 *
 * Return: 0, -EINVAL, -EPROTONOSUPPORT, or -ENOSPC when the VLAN filter
 * table is full.
 */
int igx_pf_ndo_set_vf_vlan(struct net_device *dev, int vf, u16 vlan, u8 qos,
			   __be16 proto)
{
	struct igx_pf *pf = netdev_priv(dev);
	struct igx_vport *vp;

	if (proto != htons(ETH_P_8021Q)) {
		netdev_err(dev, "VF %d: only 802.1Q port VLANs are supported\n",
			   vf);
		return -EPROTONOSUPPORT;
	}
	if (vlan >= VLAN_N_VID - 1 || qos > 7) {
		netdev_err(dev, "VF %d: VLAN %u qos %u out of range (1-4094, 0-7)\n",
			   vf, vlan, qos);
		return -EINVAL;
	}
	vp = igx_pf_vport_lock(dev, vf);
	if (IS_ERR(vp))
		return PTR_ERR(vp);
	/* Nothing is taken down unless the new VLAN will fit. */
	if (!igx_pf_vlan_fits(pf, vlan, vf)) {
		mutex_unlock(&pf->lock);
		netdev_err(dev, "VF %d: no VLAN filter left for VLAN %u\n", vf,
			   vlan);
		return -ENOSPC;
	}
	igx_pf_vport_clear(pf, vf);
	vp->port_vlan = vlan;
	vp->qos = vlan ? qos : 0;
	/* The VF's own VLANs do not survive a port VLAN. */
	bitmap_zero(vp->vlans, VLAN_N_VID);
	igx_pf_vport_apply(pf, vf);
	igx_pf_vf_kick(pf, vf);
	mutex_unlock(&pf->lock);
	return 0;
}

/**
 * igx_pf_ndo_set_vf_rate() - ip link set PF vf N max_tx_rate R
 * @dev: the PF netdev
 * @vf: VF number
 * @min_rate: must be 0: the 82576 has no minimum rate
 * @max_rate: Mb/s up to the link speed, 0 for none
 *
 * Return: 0 or -EINVAL.
 */
int igx_pf_ndo_set_vf_rate(struct net_device *dev, int vf, int min_rate,
			   int max_rate)
{
	struct igx_pf *pf = netdev_priv(dev);
	struct igx_vport *vp;

	if (min_rate) {
		netdev_err(dev, "VF %d: the 82576 has no minimum TX rate\n", vf);
		return -EINVAL;
	}
	if (max_rate < 0 || max_rate > IGX_LINK_SPEED_MBPS) {
		netdev_err(dev, "VF %d: max_tx_rate %d above the link's %u Mb/s\n",
			   vf, max_rate, IGX_LINK_SPEED_MBPS);
		return -EINVAL;
	}
	vp = igx_pf_vport_lock(dev, vf);
	if (IS_ERR(vp))
		return PTR_ERR(vp);
	vp->max_tx_rate = max_rate;
	igx_pf_set_rate(pf, vf, max_rate);
	mutex_unlock(&pf->lock);
	return 0;
}

/**
 * igx_pf_ndo_set_vf_spoofchk() - ip link set PF vf N spoofchk on|off
 * @dev: the PF netdev
 * @vf: VF number
 * @on: MAC and VLAN anti-spoofing
 *
 * Return: 0 or -EINVAL.
 */
int igx_pf_ndo_set_vf_spoofchk(struct net_device *dev, int vf, bool on)
{
	struct igx_pf *pf = netdev_priv(dev);
	struct igx_vport *vp;

	vp = igx_pf_vport_lock(dev, vf);
	if (IS_ERR(vp))
		return PTR_ERR(vp);
	vp->spoofchk = on;
	igx_pf_set_spoofchk(pf, vf, on);
	mutex_unlock(&pf->lock);
	return 0;
}

/**
 * igx_pf_ndo_set_vf_trust() - ip link set PF vf N trust on|off
 * @dev: the PF netdev
 * @vf: VF number
 * @on: trusted VFs may change an admin MAC and use allmulti/promiscuous
 *
 * Losing trust takes back what needed it: the VF's xcast mode drops to
 * multicast and the VF is told to reset.
 *
 * Return: 0 or -EINVAL.
 */
int igx_pf_ndo_set_vf_trust(struct net_device *dev, int vf, bool on)
{
	struct igx_pf *pf = netdev_priv(dev);
	struct igx_vport *vp;

	vp = igx_pf_vport_lock(dev, vf);
	if (IS_ERR(vp))
		return PTR_ERR(vp);
	if (vp->mbx.trusted != on) {
		vp->mbx.trusted = on;
		if (!on && vp->xcast > IGX_MBX_XCAST_MULTI) {
			vp->xcast = IGX_MBX_XCAST_MULTI;
			igx_pf_vport_policy(pf, vf);
		}
		igx_pf_vf_kick(pf, vf);
		netdev_info(dev, "VF %d is %strusted\n", vf, on ? "" : "not ");
	}
	mutex_unlock(&pf->lock);
	return 0;
}

/**
 * igx_pf_ndo_set_vf_link_state() - ip link set PF vf N state auto|enable|disable
 * @dev: the PF netdev
 * @vf: VF number
 * @state: IFLA_VF_LINK_STATE_*
 *
 * "disable" also stops the pool's traffic; a VF on the igx protocol sees
 * its carrier follow, a stock igbvf only sees its traffic stop.
 *
 * Return: 0 or -EINVAL.
 */
int igx_pf_ndo_set_vf_link_state(struct net_device *dev, int vf, int state)
{
	struct igx_pf *pf = netdev_priv(dev);
	struct igx_vport *vp;

	if (state < IFLA_VF_LINK_STATE_AUTO ||
	    state > IFLA_VF_LINK_STATE_DISABLE) {
		netdev_err(dev, "VF %d: unknown link state %d\n", vf, state);
		return -EINVAL;
	}
	vp = igx_pf_vport_lock(dev, vf);
	if (IS_ERR(vp))
		return PTR_ERR(vp);
	vp->link_state = state;
	if (vp->mbx.cts)
		igx_pf_vport_enable(pf, vf,
				    state != IFLA_VF_LINK_STATE_DISABLE);
	igx_pf_notify_vf(pf, vf);
	mutex_unlock(&pf->lock);
	return 0;
}

/**
 * igx_pf_ndo_get_vf_config() - what ip link show lists for a VF
 * @dev: the PF netdev
 * @vf: VF number
 * @ivi: filled in
 *
 * Return: 0 or -EINVAL.
 */
int igx_pf_ndo_get_vf_config(struct net_device *dev, int vf,
			     struct ifla_vf_info *ivi)
{
	struct igx_pf *pf = netdev_priv(dev);
	struct igx_vport *vp;

	vp = igx_pf_vport_lock(dev, vf);
	if (IS_ERR(vp))
		return PTR_ERR(vp);
	ivi->vf = vf;
	ether_addr_copy(ivi->mac, vp->mac);
	ivi->vlan = vp->port_vlan;
	ivi->qos = vp->qos;
	ivi->vlan_proto = htons(ETH_P_8021Q);
	ivi->spoofchk = vp->spoofchk;
	ivi->trusted = vp->mbx.trusted;
	ivi->linkstate = vp->link_state;
	ivi->max_tx_rate = vp->max_tx_rate;
	ivi->min_tx_rate = 0;
	mutex_unlock(&pf->lock);
	return 0;
}

/**
 * igx_pf_ndo_get_vf_stats() - ip -s link show PF: per-VF counters
 * @dev: the PF netdev
 * @vf: VF number
 * @st: filled in
 *
 * Return: 0 or -EINVAL.
 */
int igx_pf_ndo_get_vf_stats(struct net_device *dev, int vf,
			    struct ifla_vf_stats *st)
{
	struct igx_pf *pf = netdev_priv(dev);
	struct igx_vport *vp;

	vp = igx_pf_vport_lock(dev, vf);
	if (IS_ERR(vp))
		return PTR_ERR(vp);
	igx_pf_update_vf_stats(pf);
	st->rx_packets = vp->stats.rx_packets;
	st->tx_packets = vp->stats.tx_packets;
	st->rx_bytes = vp->stats.rx_bytes;
	st->tx_bytes = vp->stats.tx_bytes;
	st->multicast = vp->stats.multicast;
	st->broadcast = 0;
	st->rx_dropped = 0;
	st->tx_dropped = 0;
	mutex_unlock(&pf->lock);
	return 0;
}
