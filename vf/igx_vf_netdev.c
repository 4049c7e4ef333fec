// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * igx_vf: the netdev. Open allocates the rings, redoes the reset
 * handshake (so the VF starts from a clean state and picks up a MAC the
 * host admin set meanwhile) and starts the queues; stop is the reverse.
 * Configuration the PF holds (MAC, MTU, VLANs, multicast) goes through
 * the mailbox and is refused with the netdev unchanged when the PF says
 * no. Counters: ndo_get_stats64 and the per-queue stats API.
 */

#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <net/netdev_queues.h>

#include "vf/igx_vf.h"

static int igx_vf_alloc_rings(struct igx_vf *vf)
{
	unsigned int i;
	int err;

	for (i = 0; i < vf->num_qp; i++) {
		err = igx_qv_alloc_rings(&vf->qv[i], vf->tx_count,
					 vf->rx_count);
		if (err)
			goto free_rings;
	}
	return 0;

free_rings:
	while (i--)
		igx_qv_free_rings(&vf->qv[i]);
	return err;
}

static void igx_vf_free_rings(struct igx_vf *vf)
{
	unsigned int i;

	for (i = 0; i < vf->num_qp; i++) {
		struct igx_q_vector *qv = &vf->qv[i];

		spin_lock_bh(&vf->stats_lock);
		igx_ring_stats_fold(&qv->rx, &vf->base_rx);
		igx_ring_stats_fold(&qv->tx, &vf->base_tx);
		spin_unlock_bh(&vf->stats_lock);
		igx_qv_free_rings(qv);
	}
}

static u32 igx_vf_ring_bits(const struct igx_vf *vf)
{
	unsigned int i;
	u32 bits = 0;

	for (i = 0; i < vf->num_qp; i++)
		bits |= vf->qv[i].eims;
	return bits;
}

static bool igx_vf_link_up(struct igx_vf *vf)
{
	u32 status;

	if (vf->caps.features & IGX_MBX_F_LINK_STATE)
		return vf->ext_link.up;
	/* Stock igb PF: its own link, mirrored in the VF's STATUS. */
	status = igx_rd32(&vf->hw, IGX_STATUS);
	return !igx_hw_gone(&vf->hw) && status & IGX_STATUS_LU;
}

/**
 * igx_vf_update_carrier() - set the carrier from the PF's state
 * @vf: the adapter
 *
 * Up when the queues run, the VF is registered with the PF (clear to
 * send, no reset pending) and the PF reports link.
 */
void igx_vf_update_carrier(struct igx_vf *vf)
{
	struct net_device *netdev = vf->netdev;
	bool up;

	up = test_bit(IGX_VF_S_STARTED, &vf->state) &&
	     !test_bit(IGX_VF_S_RESET_NEEDED, &vf->state) &&
	     !test_bit(IGX_VF_S_PF_LOST, &vf->state) && igx_vf_link_up(vf);
	if (up == netif_carrier_ok(netdev))
		return;
	if (up) {
		netif_carrier_on(netdev);
		netdev_info(netdev, "link up\n");
	} else {
		netif_carrier_off(netdev);
		netdev_info(netdev, "link down\n");
	}
}

/**
 * igx_vf_read_hw_stats() - fold the 32-bit hardware counters into 64 bits
 * @vf: the adapter
 * @baseline: only remember the current values (after a reset, which
 *	may have cleared them)
 */
void igx_vf_read_hw_stats(struct igx_vf *vf, bool baseline)
{
	static const struct {
		u32 reg;
		size_t off;
	} ctr[] = {
		{ IGX_VFGPRC, offsetof(struct igx_vf_hw_stats, gprc) },
		{ IGX_VFGPTC, offsetof(struct igx_vf_hw_stats, gptc) },
		{ IGX_VFGORC, offsetof(struct igx_vf_hw_stats, gorc) },
		{ IGX_VFGOTC, offsetof(struct igx_vf_hw_stats, gotc) },
		{ IGX_VFMPRC, offsetof(struct igx_vf_hw_stats, mprc) },
	};
	struct igx_vf_hw_stats *h = &vf->hws;
	unsigned int i;
	u64 *acc;
	u32 val;

	BUILD_BUG_ON(ARRAY_SIZE(ctr) != ARRAY_SIZE(h->last));
	spin_lock_bh(&vf->stats_lock);
	for (i = 0; i < ARRAY_SIZE(ctr); i++) {
		val = igx_rd32(&vf->hw, ctr[i].reg);
		if (igx_hw_gone(&vf->hw))
			break;
		acc = (u64 *)((u8 *)h + ctr[i].off);
		if (!baseline)
			*acc += (u32)(val - h->last[i]);
		h->last[i] = val;
	}
	spin_unlock_bh(&vf->stats_lock);
}

/**
 * igx_vf_start() - start the queues of a VF that completed the handshake
 * @vf: the adapter; rings allocated; RTNL held
 *
 * Return: 0, or -ENOMEM when the RX rings got no buffers.
 */
int igx_vf_start(struct igx_vf *vf)
{
	unsigned int i;
	int err = 0;

	for (i = 0; i < vf->num_qp; i++) {
		vf->qv[i].rx.active_vlans = vf->active_vlans;
		err = igx_qv_hw_start(&vf->qv[i]) ?: err;
	}
	for (i = 0; i < vf->num_qp; i++)
		napi_enable(&vf->qv[i].napi);
	set_bit(IGX_VF_S_STARTED, &vf->state);
	igx_wr32(&vf->hw, IGX_EIMS, igx_vf_ring_bits(vf));
	/* Wake, not start: packets queued during a reset go out now. */
	netif_tx_wake_all_queues(vf->netdev);
	igx_vf_update_carrier(vf);
	return err;
}

/**
 * igx_vf_stop() - stop the queues; the reverse of igx_vf_start()
 * @vf: the adapter; RTNL held
 */
void igx_vf_stop(struct igx_vf *vf)
{
	unsigned int i;

	clear_bit(IGX_VF_S_STARTED, &vf->state);
	netif_carrier_off(vf->netdev);
	igx_wr32(&vf->hw, IGX_EIMC, igx_vf_ring_bits(vf));
	igx_flush(&vf->hw);
	for (i = 0; i < vf->num_qp; i++)
		synchronize_irq(vf->vec[i].irq);
	for (i = 0; i < vf->num_qp; i++)
		napi_disable(&vf->qv[i].napi);
	/*
	 * NAPI first: a poll that completes TX wakes its queue, and the
	 * watchdog stops the VF with the qdisc still running, so a queue
	 * woken after netif_tx_disable() would map a packet onto a ring
	 * being flushed (a mapping left behind at remove, seen by DMA-API
	 * debug). netif_tx_disable() also waits for a transmit under way.
	 */
	netif_tx_disable(vf->netdev);
	for (i = 0; i < vf->num_qp; i++)
		igx_qv_hw_stop(&vf->qv[i]);
}

static void igx_vf_set_queue_napi(struct igx_vf *vf, bool set)
{
	struct net_device *netdev = vf->netdev;
	unsigned int i;

	for (i = 0; i < vf->num_qp; i++) {
		struct napi_struct *napi = set ? &vf->qv[i].napi : NULL;

		netif_queue_set_napi(netdev, i, NETDEV_QUEUE_TYPE_RX, napi);
		netif_queue_set_napi(netdev, i, NETDEV_QUEUE_TYPE_TX, napi);
	}
}

static int igx_vf_open(struct net_device *netdev)
{
	struct igx_vf *vf = netdev_priv(netdev);
	int err;

	err = igx_vf_alloc_rings(vf);
	if (err)
		return err;
	err = netif_set_real_num_queues(netdev, vf->num_qp, vf->num_qp);
	if (err)
		goto free_rings;
	igx_vf_set_queue_napi(vf, true);

	/*
	 * The watchdog is waiting for the PF, or knows it does not answer:
	 * leave the handshake to it rather than wait here under RTNL.
	 */
	if (test_bit(IGX_VF_S_RESETTING, &vf->state) ||
	    test_bit(IGX_VF_S_PF_LOST, &vf->state))
		err = -EAGAIN;
	else
		err = igx_vf_handshake(vf);
	if (err) {
		/* Up without carrier; the watchdog retries. */
		netdev_warn(netdev,
			    "the PF is not ready (%pe): no link until it answers\n",
			    ERR_PTR(err));
		igx_vf_schedule_reset(vf);
		return 0;
	}
	err = igx_vf_start(vf);
	if (err)
		goto stop;
	return 0;

stop:
	igx_vf_stop(vf);
	igx_vf_set_queue_napi(vf, false);
free_rings:
	igx_vf_free_rings(vf);
	return err;
}

static int igx_vf_close(struct net_device *netdev)
{
	struct igx_vf *vf = netdev_priv(netdev);

	if (test_bit(IGX_VF_S_STARTED, &vf->state))
		igx_vf_stop(vf);
	igx_vf_set_queue_napi(vf, false);
	igx_vf_free_rings(vf);
	return 0;
}

/**
 * igx_vf_resize_rings() - change the ring sizes, restarting if running
 * @vf: the adapter; RTNL held
 * @tx_count: TX descriptors
 * @rx_count: RX descriptors
 *
 * If the new rings cannot be allocated the old sizes come back.
 *
 * Return: 0, or -ENOMEM with the old sizes in place.
 */
int igx_vf_resize_rings(struct igx_vf *vf, u16 tx_count, u16 rx_count)
{
	u16 old_tx = vf->tx_count, old_rx = vf->rx_count;
	bool started;
	int err;

	vf->tx_count = tx_count;
	vf->rx_count = rx_count;
	if (!netif_running(vf->netdev))
		return 0;

	started = test_bit(IGX_VF_S_STARTED, &vf->state);
	if (started)
		igx_vf_stop(vf);
	igx_vf_free_rings(vf);
	err = igx_vf_alloc_rings(vf);
	if (err) {
		vf->tx_count = old_tx;
		vf->rx_count = old_rx;
		if (igx_vf_alloc_rings(vf)) {
			/* Nothing to run on: close the interface. */
			netdev_err(vf->netdev, "no memory for any ring\n");
			dev_close(vf->netdev);
			return -ENOMEM;
		}
	}
	if (started)
		igx_vf_start(vf);
	return err;
}

static netdev_tx_t igx_vf_xmit(struct sk_buff *skb, struct net_device *netdev)
{
	struct igx_vf *vf = netdev_priv(netdev);

	return igx_xmit_frame(skb, &vf->qv[skb_get_queue_mapping(skb)].tx);
}

static void igx_vf_set_rx_mode(struct net_device *netdev)
{
	struct igx_vf *vf = netdev_priv(netdev);

	/* Atomic context; the mailbox sleeps. */
	set_bit(IGX_VF_S_RX_MODE, &vf->state);
	igx_vf_service_kick(vf);
}

static int igx_vf_set_mac_address(struct net_device *netdev, void *p)
{
	struct igx_vf *vf = netdev_priv(netdev);
	const struct sockaddr *addr = p;
	int err;

	if (!is_valid_ether_addr(addr->sa_data))
		return -EADDRNOTAVAIL;
	if (ether_addr_equal(netdev->dev_addr, addr->sa_data))
		return 0;
	err = igx_vf_set_mac(vf, addr->sa_data);
	if (err)
		return err;
	eth_hw_addr_set(netdev, addr->sa_data);
	return 0;
}

static int igx_vf_change_mtu(struct net_device *netdev, int mtu)
{
	struct igx_vf *vf = netdev_priv(netdev);
	int err;

	/* One RX buffer chain takes any MTU: no ring change needed. */
	err = igx_vf_set_lpe(vf, mtu);
	if (err)
		return err;
	WRITE_ONCE(netdev->mtu, mtu);
	return 0;
}

static int igx_vf_vlan_rx_add_vid(struct net_device *netdev,
				  __be16 proto, u16 vid)
{
	struct igx_vf *vf = netdev_priv(netdev);
	int err;

	err = igx_vf_set_vlan(vf, vid, true);
	if (err)
		return err;
	set_bit(vid, vf->active_vlans);
	return 0;
}

static int igx_vf_vlan_rx_kill_vid(struct net_device *netdev,
				   __be16 proto, u16 vid)
{
	struct igx_vf *vf = netdev_priv(netdev);

	clear_bit(vid, vf->active_vlans);
	return igx_vf_set_vlan(vf, vid, false);
}

static void igx_vf_tx_timeout(struct net_device *netdev, unsigned int txq)
{
	struct igx_vf *vf = netdev_priv(netdev);

	vf->drv.tx_timeouts++;
	netdev_warn(netdev, "TX queue %u timed out: resetting\n", txq);
	igx_vf_schedule_reset(vf);
}

/* Totals of the live rings plus what freed rings left behind. */
static void igx_vf_ring_totals(struct igx_vf *vf, struct igx_ring_stats *rx,
			       struct igx_ring_stats *tx)
{
	struct igx_ring_stats r;
	unsigned int i;

	*rx = vf->base_rx;
	*tx = vf->base_tx;
	for (i = 0; i < IGX_VF_MAX_QP; i++) {
		igx_ring_read_stats(&vf->qv[i].rx, &r);
		igx_ring_stats_add(rx, &r);
		igx_ring_read_stats(&vf->qv[i].tx, &r);
		igx_ring_stats_add(tx, &r);
	}
}

static void igx_vf_get_stats64(struct net_device *netdev,
			       struct rtnl_link_stats64 *s)
{
	struct igx_vf *vf = netdev_priv(netdev);
	struct igx_ring_stats rx, tx;

	spin_lock_bh(&vf->stats_lock);
	igx_vf_ring_totals(vf, &rx, &tx);
	s->multicast = vf->hws.mprc;
	spin_unlock_bh(&vf->stats_lock);

	s->rx_packets = rx.packets;
	s->rx_bytes = rx.bytes;
	s->rx_errors = rx.rx.errors;
	s->rx_dropped = rx.rx.dropped;
	s->tx_packets = tx.packets;
	s->tx_bytes = tx.bytes;
	s->tx_dropped = tx.tx.dropped;
}

static const struct net_device_ops igx_vf_netdev_ops = {
	.ndo_open		= igx_vf_open,
	.ndo_stop		= igx_vf_close,
	.ndo_start_xmit		= igx_vf_xmit,
	.ndo_features_check	= igx_features_check,
	.ndo_set_rx_mode	= igx_vf_set_rx_mode,
	.ndo_set_mac_address	= igx_vf_set_mac_address,
	.ndo_validate_addr	= eth_validate_addr,
	.ndo_change_mtu		= igx_vf_change_mtu,
	.ndo_vlan_rx_add_vid	= igx_vf_vlan_rx_add_vid,
	.ndo_vlan_rx_kill_vid	= igx_vf_vlan_rx_kill_vid,
	.ndo_tx_timeout		= igx_vf_tx_timeout,
	.ndo_get_stats64	= igx_vf_get_stats64,
};

static void igx_vf_queue_stats_rx(struct net_device *netdev, int idx,
				  struct netdev_queue_stats_rx *s)
{
	struct igx_vf *vf = netdev_priv(netdev);
	struct igx_ring_stats r;

	igx_ring_read_stats(&vf->qv[idx].rx, &r);
	igx_qstats_rx(&r, s);
}

static void igx_vf_queue_stats_tx(struct net_device *netdev, int idx,
				  struct netdev_queue_stats_tx *s)
{
	struct igx_vf *vf = netdev_priv(netdev);
	struct igx_ring_stats r;

	igx_ring_read_stats(&vf->qv[idx].tx, &r);
	igx_qstats_tx(&r, s);
}

static void igx_vf_base_stats(struct net_device *netdev,
			      struct netdev_queue_stats_rx *rxs,
			      struct netdev_queue_stats_tx *txs)
{
	struct igx_vf *vf = netdev_priv(netdev);
	struct igx_ring_stats rx, tx, r;
	unsigned int i;

	spin_lock_bh(&vf->stats_lock);
	rx = vf->base_rx;
	tx = vf->base_tx;
	/* Queues the netdev does not show count as history too. */
	for (i = netdev->real_num_rx_queues; i < IGX_VF_MAX_QP; i++) {
		igx_ring_read_stats(&vf->qv[i].rx, &r);
		igx_ring_stats_add(&rx, &r);
		igx_ring_read_stats(&vf->qv[i].tx, &r);
		igx_ring_stats_add(&tx, &r);
	}
	spin_unlock_bh(&vf->stats_lock);
	igx_qstats_rx(&rx, rxs);
	igx_qstats_tx(&tx, txs);
}

static const struct netdev_stat_ops igx_vf_stat_ops = {
	.get_queue_stats_rx	= igx_vf_queue_stats_rx,
	.get_queue_stats_tx	= igx_vf_queue_stats_tx,
	.get_base_stats		= igx_vf_base_stats,
};

/**
 * igx_vf_netdev_setup() - fill in the netdev before it is registered
 * @vf: the adapter
 */
void igx_vf_netdev_setup(struct igx_vf *vf)
{
	struct net_device *netdev = vf->netdev;
	netdev_features_t csum;

	netdev->netdev_ops = &igx_vf_netdev_ops;
	netdev->stat_ops = &igx_vf_stat_ops;
	igx_vf_set_ethtool_ops(netdev);
	netdev->watchdog_timeo = 5 * HZ;
	/* Secondary unicast addresses go to the PF as filters. */
	netdev->priv_flags |= IFF_UNICAST_FLT;
	netdev->min_mtu = ETH_MIN_MTU;
	netdev->max_mtu = IGX_VF_MAX_MTU;

	csum = NETIF_F_SG | NETIF_F_HW_CSUM | NETIF_F_TSO | NETIF_F_TSO6;
	netdev->hw_features = csum | NETIF_F_RXCSUM | NETIF_F_HW_VLAN_CTAG_TX;
	/*
	 * The PF decides about stripping (it strips a port VLAN, and the
	 * VF's VLANs once registered) and about VLAN filtering: fixed on.
	 */
	netdev->features = netdev->hw_features | NETIF_F_HIGHDMA |
			   NETIF_F_HW_VLAN_CTAG_RX |
			   NETIF_F_HW_VLAN_CTAG_FILTER;
	netdev->vlan_features = csum | NETIF_F_HIGHDMA;
}
