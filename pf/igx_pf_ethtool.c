// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * ethtool on the PF: -i -S -g -G -c -C -l -k -K -r -t.
 * -S shows only driver and port counters; the standard ones are in
 * ip -s link (ndo_get_stats64).
 */

#include <linux/bitfield.h>
#include <linux/ethtool.h>
#include <linux/etherdevice.h>
#include <linux/linkmode.h>

#include "pf/igx_pf.h"

enum igx_pf_test {
	IGX_TEST_REGS,
	IGX_TEST_IRQ,
	IGX_TEST_LINK,
	IGX_TEST_LOOPBACK,
	IGX_TEST_COUNT,
};

static const char igx_pf_test_names[IGX_TEST_COUNT][ETH_GSTRING_LEN] = {
	[IGX_TEST_REGS] = "registers     (offline)",
	[IGX_TEST_IRQ] = "interrupt     (offline)",
	[IGX_TEST_LINK] = "link          (online)",
	[IGX_TEST_LOOPBACK] = "loopback      (offline)",
};

/* Loopback test frames: the local experimental EtherType. */
#define IGX_TEST_ETHERTYPE	0x88b5
#define IGX_TEST_FRAMES		16
#define IGX_TEST_WAIT_MS	2000

struct igx_pf_stat {
	char name[ETH_GSTRING_LEN];
	size_t offset;
};

#define IGX_RX_STAT(n, m) { n, offsetof(struct igx_ring_stats, rx.m) }
#define IGX_TX_STAT(n, m) { n, offsetof(struct igx_ring_stats, tx.m) }

static const struct igx_pf_stat igx_pf_rx_stats[] = {
	IGX_RX_STAT("rx_alloc_fail", alloc_fail),
	IGX_RX_STAT("rx_csum_unnecessary", csum_unnecessary),
	IGX_RX_STAT("rx_csum_none", csum_none),
	IGX_RX_STAT("rx_csum_bad", csum_bad),
};

static const struct igx_pf_stat igx_pf_tx_stats[] = {
	IGX_TX_STAT("tx_needs_csum", needs_csum),
	IGX_TX_STAT("tx_gso_packets", gso_packets),
	IGX_TX_STAT("tx_queue_stop", stop),
	IGX_TX_STAT("tx_queue_wake", wake),
};

#define IGX_HW_STAT(n, m) { n, offsetof(struct igx_pf_hw_stats, m) }

/* Port counters: all pools together, including VF traffic on the wire. */
static const struct igx_pf_stat igx_pf_port_stats[] = {
	IGX_HW_STAT("port_rx_packets", gprc),
	IGX_HW_STAT("port_tx_packets", gptc),
	IGX_HW_STAT("port_rx_multicast", mprc),
	IGX_HW_STAT("port_rx_undersize", ruc),
	IGX_HW_STAT("port_rx_oversize", roc),
	IGX_HW_STAT("port_tso_contexts", tsctc),
};

static void igx_pf_get_drvinfo(struct net_device *netdev,
			       struct ethtool_drvinfo *info)
{
	struct igx_pf *pf = netdev_priv(netdev);

	strscpy(info->driver, "igx_pf", sizeof(info->driver));
	strscpy(info->bus_info, pci_name(pf->pdev), sizeof(info->bus_info));
	info->n_priv_flags = 0;
}

static int igx_pf_get_sset_count(struct net_device *netdev, int sset)
{
	switch (sset) {
	case ETH_SS_STATS:
		return ARRAY_SIZE(igx_pf_rx_stats) +
		       ARRAY_SIZE(igx_pf_tx_stats) +
		       ARRAY_SIZE(igx_pf_port_stats);
	case ETH_SS_TEST:
		return IGX_TEST_COUNT;
	default:
		return -EOPNOTSUPP;
	}
}

static void igx_pf_get_strings(struct net_device *netdev, u32 sset, u8 *data)
{
	unsigned int i;

	switch (sset) {
	case ETH_SS_STATS:
		for (i = 0; i < ARRAY_SIZE(igx_pf_rx_stats); i++)
			ethtool_puts(&data, igx_pf_rx_stats[i].name);
		for (i = 0; i < ARRAY_SIZE(igx_pf_tx_stats); i++)
			ethtool_puts(&data, igx_pf_tx_stats[i].name);
		for (i = 0; i < ARRAY_SIZE(igx_pf_port_stats); i++)
			ethtool_puts(&data, igx_pf_port_stats[i].name);
		break;
	case ETH_SS_TEST:
		memcpy(data, igx_pf_test_names, sizeof(igx_pf_test_names));
		break;
	}
}

static void igx_pf_get_ethtool_stats(struct net_device *netdev,
				     struct ethtool_stats *stats, u64 *data)
{
	struct igx_pf *pf = netdev_priv(netdev);
	struct igx_ring_stats rx = pf->rx_base, tx = pf->tx_base, cur;
	struct igx_pf_hw_stats hs;
	unsigned int i;

	if (netif_running(netdev)) {
		igx_ring_read_stats(&pf->qv.rx, &cur);
		igx_ring_stats_add(&rx, &cur);
		igx_ring_read_stats(&pf->qv.tx, &cur);
		igx_ring_stats_add(&tx, &cur);
	}
	igx_pf_update_hw_stats(pf);
	spin_lock_bh(&pf->hw_stats_lock);
	hs = pf->hw_stats;
	spin_unlock_bh(&pf->hw_stats_lock);

	for (i = 0; i < ARRAY_SIZE(igx_pf_rx_stats); i++)
		*data++ = *(u64 *)((u8 *)&rx + igx_pf_rx_stats[i].offset);
	for (i = 0; i < ARRAY_SIZE(igx_pf_tx_stats); i++)
		*data++ = *(u64 *)((u8 *)&tx + igx_pf_tx_stats[i].offset);
	for (i = 0; i < ARRAY_SIZE(igx_pf_port_stats); i++)
		*data++ = *(u64 *)((u8 *)&hs + igx_pf_port_stats[i].offset);
}

static void igx_pf_get_ringparam(struct net_device *netdev,
				 struct ethtool_ringparam *ring,
				 struct kernel_ethtool_ringparam *kring,
				 struct netlink_ext_ack *extack)
{
	struct igx_pf *pf = netdev_priv(netdev);

	ring->rx_max_pending = IGX_RING_MAX;
	ring->tx_max_pending = IGX_RING_MAX;
	ring->rx_pending = pf->rx_count;
	ring->tx_pending = pf->tx_count;
}

static int igx_pf_set_ringparam(struct net_device *netdev,
				struct ethtool_ringparam *ring,
				struct kernel_ethtool_ringparam *kring,
				struct netlink_ext_ack *extack)
{
	struct igx_pf *pf = netdev_priv(netdev);
	u32 tx = ring->tx_pending, rx = ring->rx_pending;
	bool running = netif_running(netdev);
	int err = 0;

	if (ring->rx_mini_pending || ring->rx_jumbo_pending)
		return -EINVAL;
	if (tx < IGX_RING_MIN || rx < IGX_RING_MIN) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "rings need at least %u descriptors",
				       IGX_RING_MIN);
		return -EINVAL;
	}
	tx = ALIGN(tx, IGX_RING_ALIGN);
	rx = ALIGN(rx, IGX_RING_ALIGN);
	if (tx == pf->tx_count && rx == pf->rx_count)
		return 0;
	if (running)
		igx_pf_stop(netdev);
	pf->tx_count = tx;
	pf->rx_count = rx;
	if (running)
		err = igx_pf_open(netdev);
	if (err) {
		netdev_err(netdev, "could not restart with the new rings: %pe\n",
			   ERR_PTR(err));
		dev_close(netdev);
	}
	return err;
}

static int igx_pf_get_coalesce(struct net_device *netdev,
			       struct ethtool_coalesce *ec,
			       struct kernel_ethtool_coalesce *kec,
			       struct netlink_ext_ack *extack)
{
	struct igx_pf *pf = netdev_priv(netdev);

	ec->rx_coalesce_usecs = pf->qv.itr_us;
	ec->use_adaptive_rx_coalesce = pf->qv.adaptive;
	return 0;
}

static int igx_pf_set_coalesce(struct net_device *netdev,
			       struct ethtool_coalesce *ec,
			       struct kernel_ethtool_coalesce *kec,
			       struct netlink_ext_ack *extack)
{
	struct igx_pf *pf = netdev_priv(netdev);

	if (ec->rx_coalesce_usecs > FIELD_MAX(IGX_EITR_INTERVAL)) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "rx-usecs is at most %lu",
				       FIELD_MAX(IGX_EITR_INTERVAL));
		return -EINVAL;
	}
	pf->qv.adaptive = ec->use_adaptive_rx_coalesce;
	igx_qv_set_itr(&pf->qv, ec->rx_coalesce_usecs);
	return 0;
}

static void igx_pf_get_channels(struct net_device *netdev,
				struct ethtool_channels *ch)
{
	/* One queue pair: with VMDq pools the 82576 does no RSS per pool. */
	ch->max_combined = 1;
	ch->combined_count = 1;
}

static int igx_pf_nway_reset(struct net_device *netdev)
{
	struct igx_pf *pf = netdev_priv(netdev);
	int err;

	mutex_lock(&pf->lock);
	err = igx_pf_phy_restart_aneg(pf);
	mutex_unlock(&pf->lock);
	return err;
}

static int igx_pf_get_link_ksettings(struct net_device *netdev,
				     struct ethtool_link_ksettings *ks)
{
	struct igx_pf *pf = netdev_priv(netdev);

	linkmode_set_bit(ETHTOOL_LINK_MODE_1000baseT_Full_BIT,
			 ks->link_modes.supported);
	linkmode_set_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, ks->link_modes.supported);
	linkmode_copy(ks->link_modes.advertising, ks->link_modes.supported);
	ks->base.port = PORT_TP;
	ks->base.autoneg = AUTONEG_ENABLE;
	if (netif_carrier_ok(netdev)) {
		ks->base.speed = pf->link_speed;
		ks->base.duplex = DUPLEX_FULL;
	} else {
		ks->base.speed = SPEED_UNKNOWN;
		ks->base.duplex = DUPLEX_UNKNOWN;
	}
	return 0;
}

/* The PF's switch programming, read back from the device. */
static bool igx_pf_test_regs(struct igx_pf *pf)
{
	struct igx_hw *hw = &pf->hw;
	u32 rah = igx_rd32(hw, IGX_RAH(IGX_RAR_PF));
	u32 ral = igx_rd32(hw, IGX_RAL(IGX_RAR_PF));
	u8 mac[ETH_ALEN];

	put_unaligned_le32(ral, mac);
	put_unaligned_le16(FIELD_GET(IGX_RAH_ADDR_HI, rah), mac + 4);
	return !igx_hw_gone(hw) && ether_addr_equal(mac, pf->netdev->dev_addr) &&
	       (rah & IGX_RAH_AV) &&
	       FIELD_GET(IGX_RAH_POOLSEL, rah) == BIT(IGX_PF_POOL) &&
	       FIELD_GET(IGX_VT_CTL_DEF_PL, igx_rd32(hw, IGX_VT_CTL)) ==
			IGX_PF_POOL &&
	       FIELD_GET(IGX_MRQC_MRQE, igx_rd32(hw, IGX_MRQC)) ==
			IGX_MRQC_MRQE_VMDQ &&
	       (igx_rd32(hw, IGX_DTXSWC) & IGX_DTXSWC_LOOPBACK_EN) &&
	       (igx_rd32(hw, IGX_VFRE) & BIT(IGX_PF_POOL));
}

/* The "other" vector fires when its cause is set by software. */
static bool igx_pf_test_irq(struct igx_pf *pf)
{
	int seen = atomic_read(&pf->misc_irq_count);
	unsigned int i;

	igx_wr32(&pf->hw, IGX_EICS, BIT(IGX_PF_VEC_MISC));
	for (i = 0; i < 100; i++) {
		if (atomic_read(&pf->misc_irq_count) != seen)
			return true;
		usleep_range(1000, 2000);
	}
	return false;
}

/*
 * Frames to the PF's own address come back through the switch's loopback
 * into the PF's receive ring: TX ring, switch and RX ring all work. The
 * VFs are not disturbed (no MAC or PHY loopback).
 */
static bool igx_pf_test_loopback(struct igx_pf *pf)
{
	struct net_device *netdev = pf->netdev;
	struct igx_ring_stats before, now;
	unsigned int i;

	if (!netif_running(netdev) || !netif_carrier_ok(netdev)) {
		netdev_err(netdev, "loopback test needs the interface up\n");
		return false;
	}
	igx_ring_read_stats(&pf->qv.rx, &before);
	for (i = 0; i < IGX_TEST_FRAMES; i++) {
		struct sk_buff *skb = alloc_skb(ETH_ZLEN, GFP_KERNEL);
		struct ethhdr *eth;

		if (!skb)
			return false;
		eth = skb_put_zero(skb, ETH_ZLEN);
		ether_addr_copy(eth->h_dest, netdev->dev_addr);
		ether_addr_copy(eth->h_source, netdev->dev_addr);
		eth->h_proto = htons(IGX_TEST_ETHERTYPE);
		skb->dev = netdev;
		skb->protocol = eth->h_proto;
		skb_reset_mac_header(skb);
		dev_queue_xmit(skb);
	}
	for (i = 0; i < IGX_TEST_WAIT_MS / 10; i++) {
		igx_ring_read_stats(&pf->qv.rx, &now);
		if (now.packets - before.packets >= IGX_TEST_FRAMES)
			return true;
		usleep_range(10000, 20000);
	}
	netdev_err(netdev, "loopback test: %llu of %u frames came back\n",
		   now.packets - before.packets, IGX_TEST_FRAMES);
	return false;
}

static void igx_pf_self_test(struct net_device *netdev,
			     struct ethtool_test *test, u64 *data)
{
	struct igx_pf *pf = netdev_priv(netdev);
	unsigned int i;
	u32 speed;

	memset(data, 0, IGX_TEST_COUNT * sizeof(*data));
	data[IGX_TEST_LINK] = !igx_pf_read_link(pf, &speed);
	if (test->flags & ETH_TEST_FL_OFFLINE) {
		mutex_lock(&pf->lock);
		data[IGX_TEST_REGS] = !igx_pf_test_regs(pf);
		mutex_unlock(&pf->lock);
		data[IGX_TEST_IRQ] = !igx_pf_test_irq(pf);
		data[IGX_TEST_LOOPBACK] = !igx_pf_test_loopback(pf);
	}
	for (i = 0; i < IGX_TEST_COUNT; i++)
		if (data[i])
			test->flags |= ETH_TEST_FL_FAILED;
}

/* ethtool --reset PF mac (or all): a full adapter reset. */
static int igx_pf_ethtool_reset(struct net_device *netdev, u32 *flags)
{
	const u32 mine = ETH_RESET_MAC | ETH_RESET_DMA | ETH_RESET_FILTER |
			 ETH_RESET_OFFLOAD | ETH_RESET_IRQ;
	int err;

	if (!(*flags & mine))
		return -EOPNOTSUPP;
	err = igx_pf_reset(netdev_priv(netdev));
	if (!err)
		*flags &= ~mine;
	return err;
}

static const struct ethtool_ops igx_pf_ethtool_ops = {
	.supported_coalesce_params = ETHTOOL_COALESCE_RX_USECS |
				     ETHTOOL_COALESCE_USE_ADAPTIVE_RX,
	.get_drvinfo = igx_pf_get_drvinfo,
	.get_link = ethtool_op_get_link,
	.get_link_ksettings = igx_pf_get_link_ksettings,
	.nway_reset = igx_pf_nway_reset,
	.get_sset_count = igx_pf_get_sset_count,
	.get_strings = igx_pf_get_strings,
	.get_ethtool_stats = igx_pf_get_ethtool_stats,
	.get_ringparam = igx_pf_get_ringparam,
	.set_ringparam = igx_pf_set_ringparam,
	.get_coalesce = igx_pf_get_coalesce,
	.set_coalesce = igx_pf_set_coalesce,
	.get_channels = igx_pf_get_channels,
	.self_test = igx_pf_self_test,
	.reset = igx_pf_ethtool_reset,
};

/**
 * igx_pf_set_ethtool_ops() - attach the ethtool operations
 * @netdev: the PF netdev
 */
void igx_pf_set_ethtool_ops(struct net_device *netdev)
{
	netdev->ethtool_ops = &igx_pf_ethtool_ops;
}
