// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * The PF's own netdev. Its one queue pair is hardware queue 7 (pool 7) on
 * MSI-X vector 1; the rings, NAPI, page_pool, BQL and offloads are the
 * shared data path in common/igx_txrx.c. open allocates, then starts;
 * stop is the exact reverse. Taking the PF down stops only pool 7: the
 * switch, the VFs and their mailbox service go on.
 */

#include <linux/bitfield.h>

#include "pf/igx_pf.h"

static irqreturn_t igx_pf_queue_irq(int irq, void *data)
{
	return igx_qv_irq(data);
}

/**
 * igx_pf_open() - ndo_open: allocate the rings, then start them
 * @netdev: the PF netdev
 *
 * Return: 0 or a negative errno; nothing is left allocated on failure.
 */
int igx_pf_open(struct net_device *netdev)
{
	struct igx_pf *pf = netdev_priv(netdev);
	struct igx_q_vector *qv = &pf->qv;
	int err;

	err = igx_qv_alloc_rings(qv, pf->tx_count, pf->rx_count);
	if (err)
		return err;
	snprintf(qv->name, sizeof(qv->name), "%s-TxRx-0", netdev->name);
	err = request_irq(pf->msix[IGX_PF_VEC_QUEUE], igx_pf_queue_irq, 0,
			  qv->name, qv);
	if (err)
		goto err_free_rings;
	err = igx_qv_hw_start(qv);
	if (err)
		goto err_hw_stop;
	napi_enable(&qv->napi);
	igx_wr32(&pf->hw, IGX_EIMS, qv->eims);
	netif_tx_start_all_queues(netdev);
	return 0;

err_hw_stop:
	igx_qv_hw_stop(qv);
	free_irq(pf->msix[IGX_PF_VEC_QUEUE], qv);
err_free_rings:
	igx_qv_free_rings(qv);
	return err;
}

/**
 * igx_pf_stop() - ndo_stop: the exact reverse of igx_pf_open()
 * @netdev: the PF netdev
 *
 * Return: 0.
 */
int igx_pf_stop(struct net_device *netdev)
{
	struct igx_pf *pf = netdev_priv(netdev);
	struct igx_q_vector *qv = &pf->qv;

	igx_wr32(&pf->hw, IGX_EIMC, qv->eims);
	synchronize_irq(pf->msix[IGX_PF_VEC_QUEUE]);
	napi_disable(&qv->napi);
	/*
	 * After NAPI, which wakes a queue when TX completes. ethtool -G and
	 * igx_pf_reset() call this with the qdisc running: netif_tx_disable()
	 * also waits for a transmit under way on another CPU, which would
	 * otherwise write to the ring being flushed and freed.
	 */
	netif_tx_disable(netdev);
	igx_qv_hw_stop(qv);
	free_irq(pf->msix[IGX_PF_VEC_QUEUE], qv);
	igx_ring_stats_fold(&qv->tx, &pf->tx_base);
	igx_ring_stats_fold(&qv->rx, &pf->rx_base);
	igx_qv_free_rings(qv);
	return 0;
}

static netdev_tx_t igx_pf_xmit(struct sk_buff *skb, struct net_device *netdev)
{
	struct igx_pf *pf = netdev_priv(netdev);

	return igx_xmit_frame(skb, &pf->qv.tx);
}

/* Packets and bytes are the PF pool's own rings: the port's counters
 * (GPRC/GPTC, port_* in ethtool -S) count every VF's wire traffic too,
 * which is not this netdev's. Errors are port-wide, from the hardware.
 */
static void igx_pf_get_stats64(struct net_device *netdev,
			       struct rtnl_link_stats64 *st)
{
	struct igx_pf *pf = netdev_priv(netdev);
	struct igx_ring_stats rx = pf->rx_base, tx = pf->tx_base, cur;

	if (netif_running(netdev)) {
		igx_ring_read_stats(&pf->qv.rx, &cur);
		igx_ring_stats_add(&rx, &cur);
		igx_ring_read_stats(&pf->qv.tx, &cur);
		igx_ring_stats_add(&tx, &cur);
	}
	st->rx_packets = rx.packets;
	st->rx_bytes = rx.bytes;
	st->rx_dropped = rx.rx.dropped;
	st->rx_errors = rx.rx.errors + rx.rx.csum_bad;
	st->tx_packets = tx.packets;
	st->tx_bytes = tx.bytes;
	st->tx_dropped = tx.tx.dropped;
	/* Port-level errors from the MAC (read and cleared by the watchdog). */
	spin_lock_bh(&pf->hw_stats_lock);
	st->rx_crc_errors = pf->hw_stats.crcerrs;
	st->rx_missed_errors = pf->hw_stats.mpc;
	/* Not RUC: QEMU counts every short frame it is handed as undersize. */
	st->rx_length_errors = pf->hw_stats.roc;
	st->rx_fifo_errors = pf->hw_stats.rnbc;
	st->multicast = pf->hw_stats.mprc;
	spin_unlock_bh(&pf->hw_stats_lock);
	st->rx_errors += st->rx_crc_errors + st->rx_length_errors;
}

static int igx_pf_set_mac(struct net_device *netdev, void *p)
{
	struct igx_pf *pf = netdev_priv(netdev);
	struct sockaddr *addr = p;

	if (!is_valid_ether_addr(addr->sa_data))
		return -EADDRNOTAVAIL;
	mutex_lock(&pf->lock);
	eth_hw_addr_set(netdev, addr->sa_data);
	igx_pf_rar_set(pf, IGX_RAR_PF, netdev->dev_addr, IGX_PF_POOL);
	mutex_unlock(&pf->lock);
	return 0;
}

/* The largest frame the PF pool accepts for an MTU, with one VLAN tag. */
static u32 igx_pf_frame_for_mtu(unsigned int mtu)
{
	return mtu + ETH_HLEN + ETH_FCS_LEN + VLAN_HLEN;
}

static int igx_pf_change_mtu(struct net_device *netdev, int mtu)
{
	struct igx_pf *pf = netdev_priv(netdev);

	/* Only the PF's pool limit changes: no reset, the VFs go on. */
	mutex_lock(&pf->lock);
	WRITE_ONCE(netdev->mtu, mtu);
	pf->pf_max_frame = igx_pf_frame_for_mtu(mtu);
	igx_pf_pool_apply(pf);
	mutex_unlock(&pf->lock);
	return 0;
}

/* The MTA hash of an address with RCTL.MO = 0: bits 47:36. */
static u16 igx_mta_hash(const u8 *addr)
{
	return ((addr[4] >> 4) | ((u16)addr[5] << 4)) & 0xfff;
}

static void igx_pf_rx_mode_work(struct work_struct *work)
{
	struct igx_pf *pf = container_of(work, struct igx_pf, rx_mode_work);
	struct net_device *netdev = pf->netdev;
	struct netdev_hw_addr *ha;
	unsigned int flags;

	mutex_lock(&pf->lock);
	netif_addr_lock_bh(netdev);
	flags = netdev->flags;
	bitmap_zero(pf->pf_mta, IGX_MTA_WORDS * 32);
	netdev_for_each_mc_addr(ha, netdev)
		set_bit(igx_mta_hash(ha->addr), pf->pf_mta);
	netif_addr_unlock_bh(netdev);

	/*
	 * The 82576 has no per-pool unicast promiscuous mode: unknown
	 * unicast reaches the PF as the default pool anyway. Allmulti and
	 * promiscuous set the pool's multicast promiscuous bit (MPME, not
	 * emulated by QEMU) and, so that they work there too, every MTA bit.
	 */
	pf->pf_allmulti = flags & (IFF_ALLMULTI | IFF_PROMISC);
	if (pf->pf_allmulti)
		bitmap_fill(pf->pf_mta, IGX_MTA_WORDS * 32);
	igx_pf_pool_apply(pf);
	igx_pf_mta_sync(pf);
	mutex_unlock(&pf->lock);
}

static void igx_pf_set_rx_mode(struct net_device *netdev)
{
	struct igx_pf *pf = netdev_priv(netdev);

	/* Called in atomic context; the switch is programmed under a mutex. */
	queue_work(igx_pf_wq, &pf->rx_mode_work);
}

static int igx_pf_vlan_rx_add_vid(struct net_device *netdev, __be16 proto,
				  u16 vid)
{
	struct igx_pf *pf = netdev_priv(netdev);
	int err;

	mutex_lock(&pf->lock);
	err = igx_pf_vlan_add(pf, vid, IGX_PF_POOL);
	if (!err)
		set_bit(vid, pf->pf_vlans);
	mutex_unlock(&pf->lock);
	if (err)
		netdev_err(netdev, "no VLAN filter left for VLAN %u\n", vid);
	return err;
}

static int igx_pf_vlan_rx_kill_vid(struct net_device *netdev, __be16 proto,
				   u16 vid)
{
	struct igx_pf *pf = netdev_priv(netdev);

	mutex_lock(&pf->lock);
	if (test_and_clear_bit(vid, pf->pf_vlans))
		igx_pf_vlan_del(pf, vid, IGX_PF_POOL);
	mutex_unlock(&pf->lock);
	return 0;
}

static void igx_pf_tx_timeout(struct net_device *netdev, unsigned int txq)
{
	struct igx_pf *pf = netdev_priv(netdev);

	netdev_err(netdev, "TX queue %u timed out: resetting\n", txq);
	queue_work(igx_pf_wq, &pf->reset_work);
}

/*
 * Queue stats (netlink qstats): the one queue pair while up, and what
 * earlier opens counted as the base. Readers hold RTNL, like the fold in
 * igx_pf_stop(); a closed PF's rings read as zero after the fold.
 */
static void igx_pf_queue_stats_rx(struct net_device *netdev, int idx,
				  struct netdev_queue_stats_rx *s)
{
	struct igx_pf *pf = netdev_priv(netdev);
	struct igx_ring_stats r;

	igx_ring_read_stats(&pf->qv.rx, &r);
	igx_qstats_rx(&r, s);
}

static void igx_pf_queue_stats_tx(struct net_device *netdev, int idx,
				  struct netdev_queue_stats_tx *s)
{
	struct igx_pf *pf = netdev_priv(netdev);
	struct igx_ring_stats r;

	igx_ring_read_stats(&pf->qv.tx, &r);
	igx_qstats_tx(&r, s);
}

static void igx_pf_base_stats(struct net_device *netdev,
			      struct netdev_queue_stats_rx *rxs,
			      struct netdev_queue_stats_tx *txs)
{
	struct igx_pf *pf = netdev_priv(netdev);

	igx_qstats_rx(&pf->rx_base, rxs);
	igx_qstats_tx(&pf->tx_base, txs);
}

static const struct netdev_stat_ops igx_pf_stat_ops = {
	.get_queue_stats_rx	= igx_pf_queue_stats_rx,
	.get_queue_stats_tx	= igx_pf_queue_stats_tx,
	.get_base_stats		= igx_pf_base_stats,
};

static const struct net_device_ops igx_pf_netdev_ops = {
	.ndo_open = igx_pf_open,
	.ndo_stop = igx_pf_stop,
	.ndo_start_xmit = igx_pf_xmit,
	.ndo_features_check = igx_features_check,
	.ndo_tx_timeout = igx_pf_tx_timeout,
	.ndo_get_stats64 = igx_pf_get_stats64,
	.ndo_set_mac_address = igx_pf_set_mac,
	.ndo_validate_addr = eth_validate_addr,
	.ndo_change_mtu = igx_pf_change_mtu,
	.ndo_set_rx_mode = igx_pf_set_rx_mode,
	.ndo_vlan_rx_add_vid = igx_pf_vlan_rx_add_vid,
	.ndo_vlan_rx_kill_vid = igx_pf_vlan_rx_kill_vid,
	.ndo_set_vf_mac = igx_pf_ndo_set_vf_mac,
	.ndo_set_vf_vlan = igx_pf_ndo_set_vf_vlan,
	.ndo_set_vf_rate = igx_pf_ndo_set_vf_rate,
	.ndo_set_vf_spoofchk = igx_pf_ndo_set_vf_spoofchk,
	.ndo_set_vf_trust = igx_pf_ndo_set_vf_trust,
	.ndo_set_vf_link_state = igx_pf_ndo_set_vf_link_state,
	.ndo_get_vf_config = igx_pf_ndo_get_vf_config,
	.ndo_get_vf_stats = igx_pf_ndo_get_vf_stats,
};

/**
 * igx_pf_netdev_setup() - netdev ops, features and the queue vector
 * @pf: the adapter
 *
 * Return: 0.
 */
int igx_pf_netdev_setup(struct igx_pf *pf)
{
	struct net_device *netdev = pf->netdev;

	netdev->netdev_ops = &igx_pf_netdev_ops;
	netdev->stat_ops = &igx_pf_stat_ops;
	igx_pf_set_ethtool_ops(netdev);
	netdev->watchdog_timeo = 5 * HZ;
	netdev->min_mtu = ETH_MIN_MTU;
	netdev->max_mtu = IGX_MBX_LPE_MAX - ETH_HLEN - ETH_FCS_LEN - VLAN_HLEN;
	netdev->hw_features = NETIF_F_SG | NETIF_F_IP_CSUM | NETIF_F_IPV6_CSUM |
			      NETIF_F_TSO | NETIF_F_TSO6 | NETIF_F_RXCSUM |
			      NETIF_F_HW_VLAN_CTAG_TX;
	netdev->vlan_features = netdev->hw_features & ~NETIF_F_HW_VLAN_CTAG_TX;
	/*
	 * In VMDq mode the pool strips tags (VMOLR.STRVLAN) and filters them
	 * (VLVF): both are fixed on, the device cannot be asked otherwise.
	 */
	netdev->features = netdev->hw_features | NETIF_F_HW_VLAN_CTAG_RX |
			   NETIF_F_HW_VLAN_CTAG_FILTER | NETIF_F_HIGHDMA;
	netdev->priv_flags |= IFF_UNICAST_FLT;

	pf->pf_max_frame = igx_pf_frame_for_mtu(netdev->mtu);
	pf->tx_count = IGX_RING_DEFAULT;
	pf->rx_count = IGX_RING_DEFAULT;
	spin_lock_init(&pf->hw_stats_lock);
	INIT_WORK(&pf->rx_mode_work, igx_pf_rx_mode_work);
	igx_qv_init(&pf->qv, netdev, &pf->pdev->dev, &pf->hw, 0, IGX_PF_QUEUE,
		    IGX_PF_VEC_QUEUE);
	return 0;
}

/**
 * igx_pf_netdev_teardown() - undo igx_pf_netdev_setup()
 * @pf: the adapter
 */
void igx_pf_netdev_teardown(struct igx_pf *pf)
{
	cancel_work_sync(&pf->rx_mode_work);
	igx_qv_deinit(&pf->qv);
}

/**
 * igx_pf_update_hw_stats() - accumulate the MAC's clear-on-read counters
 * @pf: the adapter
 */
void igx_pf_update_hw_stats(struct igx_pf *pf)
{
	struct igx_pf_hw_stats *hs = &pf->hw_stats;
	struct igx_hw *hw = &pf->hw;

	if (igx_hw_gone(hw))
		return;
	spin_lock_bh(&pf->hw_stats_lock);
	hs->crcerrs += igx_rd32(hw, IGX_CRCERRS);
	hs->mpc += igx_rd32(hw, IGX_MPC);
	hs->ruc += igx_rd32(hw, IGX_RUC);
	hs->roc += igx_rd32(hw, IGX_ROC);
	hs->rnbc += igx_rd32(hw, IGX_RNBC);
	hs->mprc += igx_rd32(hw, IGX_MPRC);
	hs->gprc += igx_rd32(hw, IGX_GPRC);
	hs->gptc += igx_rd32(hw, IGX_GPTC);
	hs->tsctc += igx_rd32(hw, IGX_TSCTC);
	spin_unlock_bh(&pf->hw_stats_lock);
}
