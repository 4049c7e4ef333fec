// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * igx_vf: ethtool. Standard counters are in ndo_get_stats64 and the
 * per-queue stats; ethtool -S has only what is particular to the driver:
 * mailbox and reset events, and the RX page pools.
 */

#include <linux/bitfield.h>
#include <linux/ethtool.h>
#include <net/page_pool/helpers.h>

#include "vf/igx_vf.h"

enum igx_vf_stat_src {
	IGX_VF_STAT_MBX,
	IGX_VF_STAT_DRV,
};

struct igx_vf_stat {
	const char *name;
	enum igx_vf_stat_src src;
	size_t off;
};

#define IGX_VF_MBX_STAT(n, f) \
	{ n, IGX_VF_STAT_MBX, offsetof(struct igx_mbx_vf_stats, f) }
#define IGX_VF_DRV_STAT(n, f) \
	{ n, IGX_VF_STAT_DRV, offsetof(struct igx_vf_drv_stats, f) }

static const struct igx_vf_stat igx_vf_stats[] = {
	IGX_VF_MBX_STAT("mbx_requests", tx),
	IGX_VF_MBX_STAT("mbx_messages", rx),
	IGX_VF_MBX_STAT("mbx_nacks", nacks),
	IGX_VF_MBX_STAT("mbx_timeouts", timeouts),
	IGX_VF_MBX_STAT("mbx_pf_events", events),
	IGX_VF_MBX_STAT("mbx_pf_reset_bits", resets),
	IGX_VF_DRV_STAT("pf_resets", pf_resets),
	IGX_VF_DRV_STAT("vf_resets", resets),
	IGX_VF_DRV_STAT("vf_reset_failures", reset_failures),
	IGX_VF_DRV_STAT("vf_reset_backoff_ms", backoff_ms),
	IGX_VF_DRV_STAT("tx_timeouts", tx_timeouts),
	IGX_VF_DRV_STAT("mc_promisc_requests", mc_promisc),
};

static void igx_vf_get_drvinfo(struct net_device *netdev,
			       struct ethtool_drvinfo *info)
{
	struct igx_vf *vf = netdev_priv(netdev);

	strscpy(info->driver, IGX_VF_DRV_NAME, sizeof(info->driver));
	strscpy(info->bus_info, pci_name(vf->pdev), sizeof(info->bus_info));
	snprintf(info->fw_version, sizeof(info->fw_version),
		 "mailbox api %u", vf->api);
}

static int igx_vf_get_sset_count(struct net_device *netdev, int sset)
{
	if (sset != ETH_SS_STATS)
		return -EOPNOTSUPP;
	return ARRAY_SIZE(igx_vf_stats) + page_pool_ethtool_stats_get_count();
}

static void igx_vf_get_strings(struct net_device *netdev, u32 sset, u8 *data)
{
	unsigned int i;

	if (sset != ETH_SS_STATS)
		return;
	for (i = 0; i < ARRAY_SIZE(igx_vf_stats); i++)
		ethtool_puts(&data, igx_vf_stats[i].name);
	page_pool_ethtool_stats_get_strings(data);
}

static u64 *igx_vf_page_pool_stats(struct igx_vf *vf, u64 *data)
{
#ifdef CONFIG_PAGE_POOL_STATS
	struct page_pool_stats pps = {};
	unsigned int i;

	for (i = 0; i < vf->num_qp; i++)
		if (vf->qv[i].rx.pp)
			page_pool_get_stats(vf->qv[i].rx.pp, &pps);
	return page_pool_ethtool_stats_get(data, &pps);
#else
	return data;
#endif
}

static void igx_vf_get_ethtool_stats(struct net_device *netdev,
				     struct ethtool_stats *stats, u64 *data)
{
	struct igx_vf *vf = netdev_priv(netdev);
	const void *src;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(igx_vf_stats); i++) {
		const struct igx_vf_stat *s = &igx_vf_stats[i];

		src = s->src == IGX_VF_STAT_MBX ? (const void *)&vf->mbx.stats :
						  (const void *)&vf->drv;
		*data++ = *(const u64 *)(src + s->off);
	}
	igx_vf_page_pool_stats(vf, data);
}

static int igx_vf_get_link_ksettings(struct net_device *netdev,
				     struct ethtool_link_ksettings *cmd)
{
	struct igx_vf *vf = netdev_priv(netdev);
	u32 status;

	ethtool_link_ksettings_zero_link_mode(cmd, supported);
	ethtool_link_ksettings_zero_link_mode(cmd, advertising);
	cmd->base.port = PORT_NONE;
	cmd->base.autoneg = AUTONEG_DISABLE;
	cmd->base.speed = SPEED_UNKNOWN;
	cmd->base.duplex = DUPLEX_UNKNOWN;
	if (!netif_carrier_ok(netdev))
		return 0;
	if (vf->caps.features & IGX_MBX_F_LINK_STATE) {
		cmd->base.speed = vf->ext_link.speed;
		cmd->base.duplex = vf->ext_link.full_duplex ? DUPLEX_FULL :
							      DUPLEX_HALF;
		return 0;
	}
	status = igx_rd32(&vf->hw, IGX_STATUS);
	switch (FIELD_GET(IGX_STATUS_SPEED, status)) {
	case IGX_STATUS_SPEED_10:
		cmd->base.speed = SPEED_10;
		break;
	case IGX_STATUS_SPEED_100:
		cmd->base.speed = SPEED_100;
		break;
	default:
		cmd->base.speed = SPEED_1000;
		break;
	}
	cmd->base.duplex = status & IGX_STATUS_FD ? DUPLEX_FULL : DUPLEX_HALF;
	return 0;
}

static void igx_vf_get_ringparam(struct net_device *netdev,
				 struct ethtool_ringparam *ring,
				 struct kernel_ethtool_ringparam *kring,
				 struct netlink_ext_ack *extack)
{
	struct igx_vf *vf = netdev_priv(netdev);

	ring->rx_max_pending = IGX_RING_MAX;
	ring->tx_max_pending = IGX_RING_MAX;
	ring->rx_pending = vf->rx_count;
	ring->tx_pending = vf->tx_count;
}

static int igx_vf_set_ringparam(struct net_device *netdev,
				struct ethtool_ringparam *ring,
				struct kernel_ethtool_ringparam *kring,
				struct netlink_ext_ack *extack)
{
	struct igx_vf *vf = netdev_priv(netdev);
	u16 tx, rx;

	if (ring->rx_pending < IGX_RING_MIN ||
	    ring->tx_pending < IGX_RING_MIN) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "rings hold at least %u descriptors",
				       IGX_RING_MIN);
		return -EINVAL;
	}
	tx = ALIGN(ring->tx_pending, IGX_RING_ALIGN);
	rx = ALIGN(ring->rx_pending, IGX_RING_ALIGN);
	if (tx == vf->tx_count && rx == vf->rx_count)
		return 0;
	return igx_vf_resize_rings(vf, tx, rx);
}

static int igx_vf_get_coalesce(struct net_device *netdev,
			       struct ethtool_coalesce *ec,
			       struct kernel_ethtool_coalesce *kec,
			       struct netlink_ext_ack *extack)
{
	struct igx_vf *vf = netdev_priv(netdev);

	ec->rx_coalesce_usecs = vf->qv[0].itr_us;
	ec->use_adaptive_rx_coalesce = vf->qv[0].adaptive;
	return 0;
}

static int igx_vf_set_coalesce(struct net_device *netdev,
			       struct ethtool_coalesce *ec,
			       struct kernel_ethtool_coalesce *kec,
			       struct netlink_ext_ack *extack)
{
	struct igx_vf *vf = netdev_priv(netdev);
	unsigned int i;

	if (ec->rx_coalesce_usecs > FIELD_MAX(IGX_EITR_INTERVAL)) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "rx-usecs is at most %lu",
				       FIELD_MAX(IGX_EITR_INTERVAL));
		return -EINVAL;
	}
	for (i = 0; i < IGX_VF_MAX_QP; i++) {
		struct igx_q_vector *qv = &vf->qv[i];

		qv->adaptive = ec->use_adaptive_rx_coalesce;
		if (qv->adaptive)
			continue;
		cancel_work_sync(&qv->dim.work);
		if (i < vf->num_qp)
			igx_qv_set_itr(qv, ec->rx_coalesce_usecs);
		else
			qv->itr_us = ec->rx_coalesce_usecs;
	}
	return 0;
}

static void igx_vf_get_channels(struct net_device *netdev,
				struct ethtool_channels *ch)
{
	struct igx_vf *vf = netdev_priv(netdev);

	ch->max_combined = vf->max_qp;
	ch->combined_count = vf->num_qp;
	ch->max_other = 1;
	ch->other_count = 1;
}

static const struct ethtool_ops igx_vf_ethtool_ops = {
	.supported_coalesce_params = ETHTOOL_COALESCE_RX_USECS |
				     ETHTOOL_COALESCE_USE_ADAPTIVE_RX,
	.get_drvinfo		= igx_vf_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.get_link_ksettings	= igx_vf_get_link_ksettings,
	.get_sset_count		= igx_vf_get_sset_count,
	.get_strings		= igx_vf_get_strings,
	.get_ethtool_stats	= igx_vf_get_ethtool_stats,
	.get_ringparam		= igx_vf_get_ringparam,
	.set_ringparam		= igx_vf_set_ringparam,
	.get_coalesce		= igx_vf_get_coalesce,
	.set_coalesce		= igx_vf_set_coalesce,
	.get_channels		= igx_vf_get_channels,
};

/**
 * igx_vf_set_ethtool_ops() - attach the ethtool operations
 * @netdev: the VF's netdev
 */
void igx_vf_set_ethtool_ops(struct net_device *netdev)
{
	netdev->ethtool_ops = &igx_vf_ethtool_ops;
}
