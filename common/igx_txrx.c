// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * Queue pairs, NAPI, TX and RX for igx_pf and igx_vf. A function (PF or
 * VF) addresses its queues through the aliases at 0x2800/0x3800 + 0x100 q
 * of its own BAR, so one set of ring code serves both; what differs (the
 * hardware queue, the interrupt bit, the IRQ) comes from the driver.
 */

#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/sctp.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/checksum.h>
#include <net/ip6_checksum.h>
#include <net/page_pool/helpers.h>

#include "common/igx_regs.h"
#include "common/igx_txrx.h"

/* Worst case for one more packet: every fragment plus head and context. */
#define IGX_TX_STOP_THRESH	(MAX_SKB_FRAGS + 4)
#define IGX_TX_START_THRESH	(2 * IGX_TX_STOP_THRESH)
/* TX descriptors reclaimed per poll before yielding. */
#define IGX_TX_CLEAN_BUDGET	256
/* Refill the RX ring once this many buffers are missing. */
#define IGX_RX_REFILL_BATCH	16

/* Descriptor queue thresholds (82576 datasheet; QEMU ignores them). */
#define IGX_RXDCTL_PTHRESH	16
#define IGX_RXDCTL_HTHRESH	8
#define IGX_RXDCTL_WTHRESH	1
#define IGX_TXDCTL_WTHRESH	1

/* Wait for a queue's enable bit to follow a write (datasheet: ~10 ms). */
#define IGX_QUEUE_DISABLE_TRIES	10

static struct igx_tx_desc *igx_tx_desc(const struct igx_ring *ring,
				       unsigned int i)
{
	return (struct igx_tx_desc *)ring->desc + i;
}

static union igx_rx_desc *igx_rx_desc(const struct igx_ring *ring,
				      unsigned int i)
{
	return (union igx_rx_desc *)ring->desc + i;
}

static struct netdev_queue *igx_ring_txq(const struct igx_ring *ring)
{
	return netdev_get_tx_queue(ring->netdev, ring->queue_index);
}

/* --- Statistics ------------------------------------------------------ */

/**
 * igx_ring_read_stats() - a consistent copy of a ring's counters
 * @ring: the ring
 * @out: filled with the counters
 */
void igx_ring_read_stats(const struct igx_ring *ring,
			 struct igx_ring_stats *out)
{
	unsigned int start;

	do {
		start = u64_stats_fetch_begin(&ring->syncp);
		*out = ring->stats;
	} while (u64_stats_fetch_retry(&ring->syncp, start));
}
EXPORT_SYMBOL_NS_GPL(igx_ring_read_stats, IGX);

/**
 * igx_ring_stats_add() - add one set of ring counters to another
 * @sum: the total
 * @add: what to add
 *
 * Adds every 64-bit word, so RX and TX views of the union both work as
 * long as a total holds only one kind of ring.
 */
void igx_ring_stats_add(struct igx_ring_stats *sum,
			const struct igx_ring_stats *add)
{
	const u64 *a = (const u64 *)add;
	u64 *s = (u64 *)sum;
	unsigned int i;

	BUILD_BUG_ON(sizeof(*sum) % sizeof(u64));
	for (i = 0; i < sizeof(*sum) / sizeof(u64); i++)
		s[i] += a[i];
}
EXPORT_SYMBOL_NS_GPL(igx_ring_stats_add, IGX);

/**
 * igx_ring_stats_fold() - move a ring's counters into a base total
 * @ring: the ring, about to be freed or reused; zeroed
 * @base: totals that outlive the ring
 *
 * The caller serializes this against its own readers of @base.
 */
void igx_ring_stats_fold(struct igx_ring *ring, struct igx_ring_stats *base)
{
	struct igx_ring_stats s;

	igx_ring_read_stats(ring, &s);
	igx_ring_stats_add(base, &s);
	u64_stats_update_begin(&ring->syncp);
	memset(&ring->stats, 0, sizeof(ring->stats));
	u64_stats_update_end(&ring->syncp);
}
EXPORT_SYMBOL_NS_GPL(igx_ring_stats_fold, IGX);

/**
 * igx_qstats_rx() - RX ring counters as netdev queue stats (qstats)
 * @r: the counters
 * @s: filled in
 */
void igx_qstats_rx(const struct igx_ring_stats *r,
		   struct netdev_queue_stats_rx *s)
{
	s->packets = r->packets;
	s->bytes = r->bytes;
	s->alloc_fail = r->rx.alloc_fail;
	s->csum_unnecessary = r->rx.csum_unnecessary;
	s->csum_none = r->rx.csum_none;
	s->csum_bad = r->rx.csum_bad;
}
EXPORT_SYMBOL_NS_GPL(igx_qstats_rx, IGX);

/**
 * igx_qstats_tx() - TX ring counters as netdev queue stats (qstats)
 * @r: the counters
 * @s: filled in
 */
void igx_qstats_tx(const struct igx_ring_stats *r,
		   struct netdev_queue_stats_tx *s)
{
	s->packets = r->packets;
	s->bytes = r->bytes;
	s->needs_csum = r->tx.needs_csum;
	s->csum_none = r->tx.csum_none;
	s->hw_gso_packets = r->tx.gso_packets;
	s->hw_gso_bytes = r->tx.gso_bytes;
	s->stop = r->tx.stop;
	s->wake = r->tx.wake;
}
EXPORT_SYMBOL_NS_GPL(igx_qstats_tx, IGX);

/* --- Setup and teardown ---------------------------------------------- */

static void igx_ring_init(struct igx_ring *ring, struct net_device *netdev,
			  struct device *dev, struct igx_hw *hw,
			  unsigned int queue, unsigned int reg_idx)
{
	ring->netdev = netdev;
	ring->dev = dev;
	ring->hw = hw;
	ring->queue_index = queue;
	ring->reg_idx = reg_idx;
	u64_stats_init(&ring->syncp);
}

static void igx_dim_work(struct work_struct *work)
{
	struct igx_q_vector *qv;
	struct dim_cq_moder m;
	struct dim *dim;

	dim = container_of(work, struct dim, work);
	qv = container_of(dim, struct igx_q_vector, dim);
	m = net_dim_get_rx_moderation(dim->mode, dim->profile_ix);
	igx_qv_set_itr(qv, m.usec);
	dim->state = DIM_START_MEASURE;
}

/**
 * igx_qv_init() - set up a queue pair vector once, at probe
 * @qv: the vector, zeroed by the caller
 * @netdev: the netdev it serves
 * @dev: the device DMA is done for
 * @hw: register access of the function
 * @queue: netdev queue index of both rings
 * @reg_idx: hardware queue in the function's BAR
 * @vector: the function's MSI-X vector (EIMS bit, EITR register)
 */
void igx_qv_init(struct igx_q_vector *qv, struct net_device *netdev,
		 struct device *dev, struct igx_hw *hw, unsigned int queue,
		 unsigned int reg_idx, unsigned int vector)
{
	qv->hw = hw;
	qv->eims = BIT(vector);
	qv->eitr_reg = IGX_EITR(vector);
	qv->itr_us = IGX_ITR_DEFAULT_US;
	qv->adaptive = true;
	igx_ring_init(&qv->tx, netdev, dev, hw, queue, reg_idx);
	igx_ring_init(&qv->rx, netdev, dev, hw, queue, reg_idx);
	qv->tx.tail_reg = IGX_TDT(reg_idx);
	qv->rx.tail_reg = IGX_RDT(reg_idx);
	INIT_WORK(&qv->dim.work, igx_dim_work);
	qv->dim.mode = DIM_CQ_PERIOD_MODE_START_FROM_EQE;
	netif_napi_add(netdev, &qv->napi, igx_napi_poll);
}
EXPORT_SYMBOL_NS_GPL(igx_qv_init, IGX);

/**
 * igx_qv_deinit() - undo igx_qv_init()
 * @qv: the vector
 */
void igx_qv_deinit(struct igx_q_vector *qv)
{
	netif_napi_del(&qv->napi);
}
EXPORT_SYMBOL_NS_GPL(igx_qv_deinit, IGX);

static int igx_ring_alloc_desc(struct igx_ring *ring, unsigned int count)
{
	ring->count = count;
	ring->size = ALIGN(count * sizeof(struct igx_tx_desc), PAGE_SIZE);
	ring->desc = dma_alloc_coherent(ring->dev, ring->size, &ring->dma,
					GFP_KERNEL);
	if (!ring->desc)
		return -ENOMEM;
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
	return 0;
}

static void igx_ring_free_desc(struct igx_ring *ring)
{
	dma_free_coherent(ring->dev, ring->size, ring->desc, ring->dma);
	ring->desc = NULL;
}

static int igx_tx_ring_alloc(struct igx_ring *ring, unsigned int count)
{
	int err;

	ring->tx_buf = kvcalloc(count, sizeof(*ring->tx_buf), GFP_KERNEL);
	if (!ring->tx_buf)
		return -ENOMEM;
	err = igx_ring_alloc_desc(ring, count);
	if (err)
		goto free_buf;
	return 0;

free_buf:
	kvfree(ring->tx_buf);
	ring->tx_buf = NULL;
	return err;
}

static void igx_tx_ring_free(struct igx_ring *ring)
{
	if (!ring->desc)
		return;
	igx_ring_free_desc(ring);
	kvfree(ring->tx_buf);
	ring->tx_buf = NULL;
}

static int igx_rx_ring_alloc(struct igx_q_vector *qv, unsigned int count)
{
	struct page_pool_params pp = {
		.flags = PP_FLAG_DMA_MAP | PP_FLAG_DMA_SYNC_DEV,
		.order = 0,
		.pool_size = count,
		.nid = dev_to_node(qv->rx.dev),
		.dev = qv->rx.dev,
		.napi = &qv->napi,
		.netdev = qv->rx.netdev,
		.queue_idx = qv->rx.queue_index,
		.dma_dir = DMA_FROM_DEVICE,
		.offset = IGX_RX_HEADROOM,
		.max_len = IGX_RX_BUF_LEN,
	};
	struct igx_ring *ring = &qv->rx;
	int err;

	/* A buffer, its headroom and the skb_shared_info share one page. */
	BUILD_BUG_ON(IGX_RX_HEADROOM + IGX_RX_BUF_LEN +
		     SKB_DATA_ALIGN(sizeof(struct skb_shared_info)) > PAGE_SIZE);
	ring->rx_buf = kvcalloc(count, sizeof(*ring->rx_buf), GFP_KERNEL);
	if (!ring->rx_buf)
		return -ENOMEM;
	ring->pp = page_pool_create(&pp);
	if (IS_ERR(ring->pp)) {
		err = PTR_ERR(ring->pp);
		goto free_buf;
	}
	err = igx_ring_alloc_desc(ring, count);
	if (err)
		goto destroy_pool;
	return 0;

destroy_pool:
	page_pool_destroy(ring->pp);
free_buf:
	ring->pp = NULL;
	kvfree(ring->rx_buf);
	ring->rx_buf = NULL;
	return err;
}

static void igx_rx_ring_free(struct igx_ring *ring)
{
	if (!ring->desc)
		return;
	igx_ring_free_desc(ring);
	page_pool_destroy(ring->pp);
	ring->pp = NULL;
	kvfree(ring->rx_buf);
	ring->rx_buf = NULL;
}

/**
 * igx_qv_alloc_rings() - allocate a vector's rings and RX page pool
 * @qv: the vector
 * @tx_count: TX descriptors
 * @rx_count: RX descriptors
 *
 * Return: 0 or -ENOMEM.
 */
int igx_qv_alloc_rings(struct igx_q_vector *qv, unsigned int tx_count,
		       unsigned int rx_count)
{
	int err;

	err = igx_tx_ring_alloc(&qv->tx, tx_count);
	if (err)
		return err;
	err = igx_rx_ring_alloc(qv, rx_count);
	if (err)
		goto free_tx;
	return 0;

free_tx:
	igx_tx_ring_free(&qv->tx);
	return err;
}
EXPORT_SYMBOL_NS_GPL(igx_qv_alloc_rings, IGX);

/**
 * igx_qv_free_rings() - free what igx_qv_alloc_rings() allocated
 * @qv: the vector, stopped (igx_qv_hw_stop()); rings not allocated are
 *	skipped
 */
void igx_qv_free_rings(struct igx_q_vector *qv)
{
	igx_rx_ring_free(&qv->rx);
	igx_tx_ring_free(&qv->tx);
}
EXPORT_SYMBOL_NS_GPL(igx_qv_free_rings, IGX);

/* --- Buffers ---------------------------------------------------------- */

static void igx_tx_unmap(struct igx_ring *ring, struct igx_tx_buf *buf,
			 bool head)
{
	if (!dma_unmap_len(buf, len))
		return;
	if (head)
		dma_unmap_single(ring->dev, dma_unmap_addr(buf, dma),
				 dma_unmap_len(buf, len), DMA_TO_DEVICE);
	else
		dma_unmap_page(ring->dev, dma_unmap_addr(buf, dma),
			       dma_unmap_len(buf, len), DMA_TO_DEVICE);
	dma_unmap_len_set(buf, len, 0);
}

/* Drop every packet still on a stopped TX ring. */
static void igx_tx_flush(struct igx_ring *ring)
{
	u16 i = ring->next_to_clean;

	while (i != ring->next_to_use) {
		struct igx_tx_buf *buf = &ring->tx_buf[i];

		igx_tx_unmap(ring, buf, !!buf->skb);
		if (buf->skb)
			dev_kfree_skb_any(buf->skb);
		buf->skb = NULL;
		buf->eop = NULL;
		if (++i == ring->count)
			i = 0;
	}
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
	netdev_tx_reset_queue(igx_ring_txq(ring));
}

static void igx_rx_flush(struct igx_ring *ring)
{
	u16 i = ring->next_to_clean;

	if (ring->skb) {
		dev_kfree_skb_any(ring->skb);
		ring->skb = NULL;
	}
	while (i != ring->next_to_use) {
		struct igx_rx_buf *buf = &ring->rx_buf[i];

		if (buf->page)
			page_pool_put_full_page(ring->pp, buf->page, false);
		buf->page = NULL;
		if (++i == ring->count)
			i = 0;
	}
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
	ring->rx_discard = false;
}

/* Give the device every free RX descriptor; one tail write. */
static void igx_rx_fill(struct igx_ring *ring)
{
	unsigned int unused = igx_desc_unused(ring);
	u16 i = ring->next_to_use;
	unsigned int failed = 0;

	while (unused--) {
		union igx_rx_desc *desc = igx_rx_desc(ring, i);
		struct page *page;

		page = page_pool_dev_alloc_pages(ring->pp);
		if (!page) {
			failed++;
			break;
		}
		ring->rx_buf[i].page = page;
		desc->read.pkt_addr =
			cpu_to_le64(page_pool_get_dma_addr(page) +
				    IGX_RX_HEADROOM);
		desc->read.hdr_addr = 0;
		if (++i == ring->count)
			i = 0;
	}
	if (failed) {
		u64_stats_update_begin(&ring->syncp);
		ring->stats.rx.alloc_fail += failed;
		u64_stats_update_end(&ring->syncp);
	}
	if (i == ring->next_to_use)
		return;
	ring->next_to_use = i;
	/* Descriptors before the tail that hands them over. */
	dma_wmb();
	igx_wr32(ring->hw, ring->tail_reg, i);
}

/* --- Hardware queues -------------------------------------------------- */

static void igx_queue_disable(struct igx_ring *ring, u32 reg)
{
	struct igx_hw *hw = ring->hw;
	unsigned int try;

	igx_wr32(hw, reg, igx_rd32(hw, reg) & ~IGX_XDCTL_ENABLE);
	for (try = 0; try < IGX_QUEUE_DISABLE_TRIES; try++) {
		if (igx_hw_gone(hw) || !(igx_rd32(hw, reg) & IGX_XDCTL_ENABLE))
			return;
		usleep_range(1000, 2000);
	}
	netdev_warn(ring->netdev, "queue register %#x: queue did not stop\n",
		    reg);
}

static void igx_tx_hw_start(struct igx_ring *ring)
{
	struct igx_hw *hw = ring->hw;
	u8 q = ring->reg_idx;

	igx_queue_disable(ring, IGX_TXDCTL(q));
	igx_wr32(hw, IGX_TDBAL(q), lower_32_bits(ring->dma));
	igx_wr32(hw, IGX_TDBAH(q), upper_32_bits(ring->dma));
	igx_wr32(hw, IGX_TDLEN(q), ring->count * sizeof(struct igx_tx_desc));
	igx_wr32(hw, IGX_TDH(q), 0);
	igx_wr32(hw, IGX_TDT(q), 0);
	igx_wr32(hw, IGX_TXDCTL(q),
		 FIELD_PREP(IGX_XDCTL_WTHRESH, IGX_TXDCTL_WTHRESH) |
		 IGX_XDCTL_ENABLE);
}

static void igx_rx_hw_start(struct igx_ring *ring)
{
	struct igx_hw *hw = ring->hw;
	u8 q = ring->reg_idx;

	igx_queue_disable(ring, IGX_RXDCTL(q));
	igx_wr32(hw, IGX_RDBAL(q), lower_32_bits(ring->dma));
	igx_wr32(hw, IGX_RDBAH(q), upper_32_bits(ring->dma));
	igx_wr32(hw, IGX_RDLEN(q), ring->count * sizeof(union igx_rx_desc));
	igx_wr32(hw, IGX_SRRCTL(q),
		 FIELD_PREP(IGX_SRRCTL_BSIZEPKT, IGX_RX_BUF_LEN / SZ_1K) |
		 FIELD_PREP(IGX_SRRCTL_DESCTYPE,
			    IGX_SRRCTL_DESCTYPE_ADV_ONEBUF) |
		 IGX_SRRCTL_DROP_EN);
	igx_wr32(hw, IGX_RDH(q), 0);
	igx_wr32(hw, IGX_RDT(q), 0);
	igx_wr32(hw, IGX_RXDCTL(q),
		 FIELD_PREP(IGX_XDCTL_PTHRESH, IGX_RXDCTL_PTHRESH) |
		 FIELD_PREP(IGX_XDCTL_HTHRESH, IGX_RXDCTL_HTHRESH) |
		 FIELD_PREP(IGX_XDCTL_WTHRESH, IGX_RXDCTL_WTHRESH) |
		 IGX_XDCTL_ENABLE);
}

/**
 * igx_qv_hw_start() - program a vector's queues and hand RX buffers over
 * @qv: the vector, rings allocated; NAPI not running yet
 *
 * The function must be a bus master already: the device fetches RX
 * descriptors as soon as the tail moves.
 *
 * Return: 0, or -ENOMEM when not a single RX buffer could be allocated.
 */
int igx_qv_hw_start(struct igx_q_vector *qv)
{
	igx_tx_hw_start(&qv->tx);
	igx_rx_hw_start(&qv->rx);
	igx_rx_fill(&qv->rx);
	igx_qv_set_itr(qv, qv->itr_us);
	qv->dim.state = DIM_START_MEASURE;
	return qv->rx.next_to_use ? 0 : -ENOMEM;
}
EXPORT_SYMBOL_NS_GPL(igx_qv_hw_start, IGX);

/**
 * igx_qv_hw_stop() - stop a vector's queues and drop what they hold
 * @qv: the vector; its interrupt masked and NAPI disabled
 */
void igx_qv_hw_stop(struct igx_q_vector *qv)
{
	igx_queue_disable(&qv->tx, IGX_TXDCTL(qv->tx.reg_idx));
	igx_queue_disable(&qv->rx, IGX_RXDCTL(qv->rx.reg_idx));
	cancel_work_sync(&qv->dim.work);
	igx_tx_flush(&qv->tx);
	igx_rx_flush(&qv->rx);
}
EXPORT_SYMBOL_NS_GPL(igx_qv_hw_stop, IGX);

/**
 * igx_qv_set_itr() - set a vector's interrupt moderation
 * @qv: the vector
 * @usecs: minimum gap between interrupts, 0 for none
 */
void igx_qv_set_itr(struct igx_q_vector *qv, unsigned int usecs)
{
	usecs = min_t(unsigned int, usecs, FIELD_MAX(IGX_EITR_INTERVAL));
	qv->itr_us = usecs;
	igx_wr32(qv->hw, qv->eitr_reg, FIELD_PREP(IGX_EITR_INTERVAL, usecs));
}
EXPORT_SYMBOL_NS_GPL(igx_qv_set_itr, IGX);

/**
 * igx_qv_irq() - a vector's interrupt: mask it and run NAPI
 * @qv: the vector
 *
 * The mask is explicit (EIMC): QEMU does not implement EIAM auto-masking.
 *
 * Return: IRQ_HANDLED.
 */
irqreturn_t igx_qv_irq(struct igx_q_vector *qv)
{
	igx_wr32(qv->hw, IGX_EIMC, qv->eims);
	qv->event_ctr++;
	napi_schedule_irqoff(&qv->napi);
	return IRQ_HANDLED;
}
EXPORT_SYMBOL_NS_GPL(igx_qv_irq, IGX);

/* --- Transmit --------------------------------------------------------- */

static unsigned int igx_txd_count(unsigned int len)
{
	return DIV_ROUND_UP(len, IGX_TXD_MAX_DATA);
}

static unsigned int igx_tx_desc_needed(const struct sk_buff *skb)
{
	unsigned int count = igx_txd_count(skb_headlen(skb));
	const struct skb_shared_info *sh = skb_shinfo(skb);
	unsigned int f;

	for (f = 0; f < sh->nr_frags; f++)
		count += igx_txd_count(skb_frag_size(&sh->frags[f]));
	return count;
}

static void igx_tx_write_ctx(struct igx_ring *ring, u32 vlan_macip_lens,
			     u32 tucmd, u32 mss_l4len_idx)
{
	struct igx_tx_ctx_desc *ctx;
	u16 i = ring->next_to_use;

	ctx = (struct igx_tx_ctx_desc *)igx_tx_desc(ring, i);
	ctx->vlan_macip_lens = cpu_to_le32(vlan_macip_lens);
	ctx->seqnum_seed = 0;
	ctx->type_tucmd_mlhl = cpu_to_le32(tucmd |
					   FIELD_PREP(IGX_TXD_DTYP,
						      IGX_TXD_DTYP_CTXT) |
					   IGX_TXD_CMD_DEXT);
	ctx->mss_l4len_idx = cpu_to_le32(mss_l4len_idx);
	if (++i == ring->count)
		i = 0;
	ring->next_to_use = i;
}

/* TCP segmentation: fills the context fields; <0 drops the packet. */
static int igx_tx_tso(struct sk_buff *skb, struct igx_tx_buf *first,
		      u32 *vlan_macip, u32 *tucmd, u32 *mss_l4len,
		      u32 *cmd, u32 *olinfo)
{
	unsigned int nh_off, l4_off, l4len, hdr_len, paylen;
	int err;

	if (!(skb_shinfo(skb)->gso_type & (SKB_GSO_TCPV4 | SKB_GSO_TCPV6)))
		return -EINVAL;
	err = skb_cow_head(skb, 0);
	if (err < 0)
		return err;

	nh_off = skb_network_offset(skb);
	l4_off = skb_transport_offset(skb);
	l4len = tcp_hdrlen(skb);
	hdr_len = l4_off + l4len;

	/* The device fills lengths and the IPv4 checksum per segment. */
	if (skb_shinfo(skb)->gso_type & SKB_GSO_TCPV4) {
		ip_hdr(skb)->tot_len = 0;
		ip_hdr(skb)->check = 0;
		*tucmd |= IGX_TXC_TUCMD_IPV4;
		*olinfo |= IGX_TXD_POPTS_IXSM;
	} else {
		ipv6_hdr(skb)->payload_len = 0;
	}
	/* The stack's pseudo-header sum includes the length; drop it. */
	paylen = skb->len - l4_off;
	csum_replace_by_diff(&tcp_hdr(skb)->check,
			     (__force __wsum)htonl(paylen));

	*tucmd |= FIELD_PREP(IGX_TXC_TUCMD_L4T, IGX_TXC_L4T_TCP);
	*mss_l4len = FIELD_PREP(IGX_TXC_L4LEN, l4len) |
		     FIELD_PREP(IGX_TXC_MSS, skb_shinfo(skb)->gso_size);
	*vlan_macip |= FIELD_PREP(IGX_TXC_MACLEN, nh_off) |
		       FIELD_PREP(IGX_TXC_IPLEN, l4_off - nh_off);
	*cmd |= IGX_TXD_CMD_TSE;
	*olinfo |= IGX_TXD_POPTS_TXSM |
		   FIELD_PREP(IGX_TXD_PAYLEN, skb->len - hdr_len);

	first->gso_segs = skb_shinfo(skb)->gso_segs;
	first->bytes += (first->gso_segs - 1) * hdr_len;
	return 1;
}

/* L4 checksum: fills the context fields; 0 when software did it. */
static int igx_tx_csum(struct sk_buff *skb, u32 *vlan_macip, u32 *tucmd,
		       u32 *olinfo)
{
	unsigned int nh_off = skb_network_offset(skb);
	u32 l4t;

	switch (skb->csum_offset) {
	case offsetof(struct tcphdr, check):
		l4t = IGX_TXC_L4T_TCP;
		break;
	case offsetof(struct udphdr, check):
		l4t = IGX_TXC_L4T_UDP;
		break;
	case offsetof(struct sctphdr, checksum):
		if (skb_csum_is_sctp(skb)) {
			l4t = IGX_TXC_L4T_SCTP;
			break;
		}
		fallthrough;
	default:
		return skb_checksum_help(skb);
	}
	*tucmd |= FIELD_PREP(IGX_TXC_TUCMD_L4T, l4t);
	*vlan_macip |= FIELD_PREP(IGX_TXC_MACLEN, nh_off) |
		       FIELD_PREP(IGX_TXC_IPLEN,
				  skb_checksum_start_offset(skb) - nh_off);
	*olinfo |= IGX_TXD_POPTS_TXSM;
	return 1;
}

/* Offloads of one packet: maybe a context descriptor, and data flags. */
static int igx_tx_offload(struct igx_ring *ring, struct sk_buff *skb,
			  struct igx_tx_buf *first, u32 *cmd, u32 *olinfo)
{
	u32 vlan_macip = 0, tucmd = 0, mss_l4len = 0;
	bool ctx = false;
	int csum = 0;

	if (skb_vlan_tag_present(skb)) {
		vlan_macip |= FIELD_PREP(IGX_TXC_VLAN, skb_vlan_tag_get(skb));
		*cmd |= IGX_TXD_CMD_VLE;
		ctx = true;
	}
	if (skb_is_gso(skb))
		csum = igx_tx_tso(skb, first, &vlan_macip, &tucmd, &mss_l4len,
				  cmd, olinfo);
	else if (skb->ip_summed == CHECKSUM_PARTIAL)
		csum = igx_tx_csum(skb, &vlan_macip, &tucmd, olinfo);
	if (csum < 0)
		return csum;

	u64_stats_update_begin(&ring->syncp);
	if (csum)
		ring->stats.tx.needs_csum++;
	else
		ring->stats.tx.csum_none++;
	if (*cmd & IGX_TXD_CMD_TSE) {
		ring->stats.tx.gso_packets++;
		ring->stats.tx.gso_bytes += skb->len;
	}
	u64_stats_update_end(&ring->syncp);

	if (ctx || csum)
		igx_tx_write_ctx(ring, vlan_macip, tucmd, mss_l4len);
	return 0;
}

static void igx_tx_put_desc(struct igx_ring *ring, u16 i, dma_addr_t dma,
			    unsigned int len, u32 cmd, u32 olinfo)
{
	struct igx_tx_desc *desc = igx_tx_desc(ring, i);

	desc->addr = cpu_to_le64(dma);
	desc->cmd_type_len = cpu_to_le32(cmd | FIELD_PREP(IGX_TXD_LEN, len));
	desc->olinfo_status = cpu_to_le32(olinfo);
}

/* Map the packet and write its data descriptors; false on DMA error. */
static bool igx_tx_map(struct igx_ring *ring, struct sk_buff *skb,
		       struct igx_tx_buf *first, u32 cmd, u32 olinfo)
{
	const struct skb_shared_info *sh = skb_shinfo(skb);
	unsigned int size = skb_headlen(skb);
	struct igx_tx_buf *buf = first;
	u16 i = ring->next_to_use;
	struct netdev_queue *txq;
	const skb_frag_t *frag;
	dma_addr_t dma;
	bool more;
	u16 last;

	cmd |= FIELD_PREP(IGX_TXD_DTYP, IGX_TXD_DTYP_DATA) |
	       IGX_TXD_CMD_DEXT | IGX_TXD_CMD_IFCS;
	dma = dma_map_single(ring->dev, skb->data, size, DMA_TO_DEVICE);
	for (frag = sh->frags;; frag++) {
		if (dma_mapping_error(ring->dev, dma))
			goto unwind;
		dma_unmap_len_set(buf, len, size);
		dma_unmap_addr_set(buf, dma, dma);

		while (size > IGX_TXD_MAX_DATA) {
			igx_tx_put_desc(ring, i, dma, IGX_TXD_MAX_DATA, cmd,
					olinfo);
			dma += IGX_TXD_MAX_DATA;
			size -= IGX_TXD_MAX_DATA;
			if (++i == ring->count)
				i = 0;
			ring->tx_buf[i].skb = NULL;
			dma_unmap_len_set(&ring->tx_buf[i], len, 0);
		}
		if (frag == &sh->frags[sh->nr_frags])
			break;
		igx_tx_put_desc(ring, i, dma, size, cmd, olinfo);
		if (++i == ring->count)
			i = 0;
		buf = &ring->tx_buf[i];
		buf->skb = NULL;
		size = skb_frag_size(frag);
		dma = skb_frag_dma_map(ring->dev, frag, 0, size,
				       DMA_TO_DEVICE);
	}
	igx_tx_put_desc(ring, i, dma, size,
			cmd | IGX_TXD_CMD_EOP | IGX_TXD_CMD_RS, olinfo);
	last = i;
	if (++i == ring->count)
		i = 0;
	ring->next_to_use = i;

	skb_tx_timestamp(skb);
	/* Descriptors complete before the completion side may look. */
	dma_wmb();
	WRITE_ONCE(first->eop, igx_tx_desc(ring, last));

	txq = igx_ring_txq(ring);
	if (netif_txq_maybe_stop(txq, igx_desc_unused(ring),
				 IGX_TX_STOP_THRESH, IGX_TX_START_THRESH) <= 0) {
		u64_stats_update_begin(&ring->syncp);
		ring->stats.tx.stop++;
		u64_stats_update_end(&ring->syncp);
	}
	more = netdev_xmit_more();
	/* One doorbell per batch; always when the queue stopped. */
	if (__netdev_tx_sent_queue(txq, first->bytes, more))
		igx_wr32(ring->hw, ring->tail_reg, i);
	return true;

unwind:
	for (;;) {
		buf = &ring->tx_buf[i];
		igx_tx_unmap(ring, buf, buf == first);
		if (buf == first)
			break;
		if (i-- == 0)
			i = ring->count - 1;
	}
	return false;
}

/**
 * igx_xmit_frame() - queue one packet on a TX ring
 * @skb: the packet
 * @ring: the ring (the netdev's queue skb->queue_mapping)
 *
 * Return: NETDEV_TX_OK, or NETDEV_TX_BUSY when the ring is full (the
 * queue is stopped beforehand, so this does not happen in practice).
 */
netdev_tx_t igx_xmit_frame(struct sk_buff *skb, struct igx_ring *ring)
{
	u32 cmd = 0, olinfo = 0;
	struct igx_tx_buf *first;
	u16 ntu_start;

	if (unlikely(igx_desc_unused(ring) < igx_tx_desc_needed(skb) + 2)) {
		netif_tx_stop_queue(igx_ring_txq(ring));
		u64_stats_update_begin(&ring->syncp);
		ring->stats.tx.stop++;
		u64_stats_update_end(&ring->syncp);
		return NETDEV_TX_BUSY;
	}

	ntu_start = ring->next_to_use;
	first = &ring->tx_buf[ntu_start];
	first->bytes = max_t(unsigned int, skb->len, ETH_ZLEN);
	first->gso_segs = 1;
	/*
	 * A context descriptor takes @first's slot; @first still describes
	 * the packet, so completion walks from it, over the context, to EOP.
	 */
	if (igx_tx_offload(ring, skb, first, &cmd, &olinfo) < 0)
		goto drop;
	if (!(cmd & IGX_TXD_CMD_TSE))
		olinfo |= FIELD_PREP(IGX_TXD_PAYLEN, skb->len);
	first->skb = skb;
	first->eop = NULL;
	if (!igx_tx_map(ring, skb, first, cmd, olinfo)) {
		first->skb = NULL;
		ring->next_to_use = ntu_start;
		goto drop;
	}
	return NETDEV_TX_OK;

drop:
	dev_kfree_skb_any(skb);
	u64_stats_update_begin(&ring->syncp);
	ring->stats.tx.dropped++;
	u64_stats_update_end(&ring->syncp);
	return NETDEV_TX_OK;
}
EXPORT_SYMBOL_NS_GPL(igx_xmit_frame, IGX);

/**
 * igx_features_check() - drop offloads the descriptors cannot express
 * @skb: the packet
 * @netdev: the netdev
 * @features: what the stack would use
 *
 * Return: @features without checksum and segmentation offloads when the
 * headers do not fit the context descriptor's MACLEN and IPLEN fields,
 * or for encapsulated packets (no tunnel offloads).
 */
netdev_features_t igx_features_check(struct sk_buff *skb,
				     struct net_device *netdev,
				     netdev_features_t features)
{
	unsigned int nh_off;

	features = vlan_features_check(skb, features);
	if (skb->ip_summed != CHECKSUM_PARTIAL)
		return features;
	nh_off = skb_network_offset(skb);
	if (skb->encapsulation ||
	    !FIELD_FIT(IGX_TXC_MACLEN, nh_off) ||
	    !FIELD_FIT(IGX_TXC_IPLEN,
		       skb_checksum_start_offset(skb) - nh_off))
		features &= ~(NETIF_F_CSUM_MASK | NETIF_F_GSO_MASK);
	return features;
}
EXPORT_SYMBOL_NS_GPL(igx_features_check, IGX);

/* Reclaim sent packets; true when all of them were. */
static bool igx_clean_tx(struct igx_ring *ring, int napi_budget)
{
	unsigned int pkts = 0, bytes = 0, segs = 0;
	unsigned int budget = IGX_TX_CLEAN_BUDGET;
	u16 i = ring->next_to_clean;
	struct igx_tx_desc *eop;
	struct igx_tx_buf *buf;

	while (budget) {
		buf = &ring->tx_buf[i];
		eop = READ_ONCE(buf->eop);
		if (!eop)
			break;
		/* The descriptors, not just the pointer, are valid. */
		smp_rmb();
		if (!(le32_to_cpu(READ_ONCE(eop->olinfo_status)) &
		      IGX_TXD_STA_DD))
			break;
		buf->eop = NULL;
		pkts++;
		segs += buf->gso_segs;
		bytes += buf->bytes;
		igx_tx_unmap(ring, buf, true);
		napi_consume_skb(buf->skb, napi_budget);
		buf->skb = NULL;
		while (igx_tx_desc(ring, i) != eop) {
			if (++i == ring->count)
				i = 0;
			igx_tx_unmap(ring, &ring->tx_buf[i], false);
		}
		if (++i == ring->count)
			i = 0;
		budget--;
	}
	if (!pkts)
		return true;

	WRITE_ONCE(ring->next_to_clean, i);
	u64_stats_update_begin(&ring->syncp);
	ring->stats.packets += segs;
	ring->stats.bytes += bytes;
	if (netif_txq_completed_wake(igx_ring_txq(ring), pkts, bytes,
				     igx_desc_unused(ring),
				     IGX_TX_START_THRESH) == 0)
		ring->stats.tx.wake++;
	u64_stats_update_end(&ring->syncp);
	return budget != 0;
}

/* --- Receive ---------------------------------------------------------- */

static void igx_rx_csum(struct igx_ring *ring, struct sk_buff *skb,
			u32 status, struct igx_ring_stats *d)
{
	skb_checksum_none_assert(skb);
	if (!(ring->netdev->features & NETIF_F_RXCSUM)) {
		d->rx.csum_none++;
		return;
	}
	if (status & (IGX_RXD_ERR_L4E | IGX_RXD_ERR_IPE)) {
		d->rx.csum_bad++;
		return;
	}
	if (status & (IGX_RXD_STAT_L4CS | IGX_RXD_STAT_UDPCS)) {
		skb->ip_summed = CHECKSUM_UNNECESSARY;
		d->rx.csum_unnecessary++;
	} else {
		d->rx.csum_none++;
	}
}

static void igx_rx_vlan(struct igx_ring *ring, struct sk_buff *skb,
			const union igx_rx_desc *desc, u32 status)
{
	u16 vid;

	if (!(status & IGX_RXD_STAT_VP))
		return;
	vid = le16_to_cpu(desc->wb.vlan);
	/* A port VLAN the PF strips is not ours to report. */
	if (ring->active_vlans &&
	    !test_bit(vid & VLAN_VID_MASK, ring->active_vlans))
		return;
	__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), vid);
}

/* Add one buffer to the frame being built; false if it was dropped. */
static bool igx_rx_add_buf(struct igx_ring *ring, struct page *page,
			   unsigned int len, struct igx_ring_stats *d)
{
	struct sk_buff *skb = ring->skb;

	page_pool_dma_sync_for_cpu(ring->pp, page, 0, len);
	if (!skb) {
		skb = napi_build_skb(page_address(page), PAGE_SIZE);
		if (unlikely(!skb))
			goto drop;
		skb_mark_for_recycle(skb);
		skb_reserve(skb, IGX_RX_HEADROOM);
		__skb_put(skb, len);
		ring->skb = skb;
		return true;
	}
	if (unlikely(skb_shinfo(skb)->nr_frags >= MAX_SKB_FRAGS))
		goto drop;
	skb_add_rx_frag(skb, skb_shinfo(skb)->nr_frags, page,
			IGX_RX_HEADROOM, len, PAGE_SIZE);
	return true;

drop:
	page_pool_recycle_direct(ring->pp, page);
	if (ring->skb) {
		dev_kfree_skb_any(ring->skb);
		ring->skb = NULL;
	}
	d->rx.dropped++;
	return false;
}

static int igx_clean_rx(struct igx_q_vector *qv, int budget)
{
	struct igx_ring *ring = &qv->rx;
	struct igx_ring_stats d = {};
	u16 i = ring->next_to_clean;
	unsigned int used = 0;

	while (d.packets < budget) {
		union igx_rx_desc *desc = igx_rx_desc(ring, i);
		struct sk_buff *skb;
		struct page *page;
		u32 status;

		status = le32_to_cpu(READ_ONCE(desc->wb.status_error));
		if (!(status & IGX_RXD_STAT_DD))
			break;
		page = ring->rx_buf[i].page;
		/*
		 * A slot a short refill left unposted still holds its last
		 * write-back, DD included: the device has not written it.
		 */
		if (unlikely(!page))
			break;
		/* The rest of the descriptor after DD. */
		dma_rmb();
		ring->rx_buf[i].page = NULL;
		if (++i == ring->count)
			i = 0;
		used++;

		if (ring->rx_discard)
			page_pool_recycle_direct(ring->pp, page);
		else if (!igx_rx_add_buf(ring, page,
					 le16_to_cpu(desc->wb.length), &d))
			ring->rx_discard = true;
		if (!(status & IGX_RXD_STAT_EOP))
			continue;
		if (ring->rx_discard) {
			ring->rx_discard = false;
			continue;
		}

		skb = ring->skb;
		ring->skb = NULL;
		if (unlikely(status & IGX_RXD_ERR_FRAME)) {
			dev_kfree_skb_any(skb);
			d.rx.errors++;
			continue;
		}
		igx_rx_csum(ring, skb, status, &d);
		igx_rx_vlan(ring, skb, desc, status);
		skb_record_rx_queue(skb, ring->queue_index);
		skb->protocol = eth_type_trans(skb, ring->netdev);
		d.bytes += skb->len + ETH_HLEN;
		d.packets++;
		napi_gro_receive(&qv->napi, skb);

		if (used >= IGX_RX_REFILL_BATCH) {
			WRITE_ONCE(ring->next_to_clean, i);
			igx_rx_fill(ring);
			used = 0;
		}
	}
	WRITE_ONCE(ring->next_to_clean, i);
	if (used)
		igx_rx_fill(ring);

	u64_stats_update_begin(&ring->syncp);
	igx_ring_stats_add(&ring->stats, &d);
	u64_stats_update_end(&ring->syncp);
	return d.packets;
}

static void igx_qv_dim(struct igx_q_vector *qv)
{
	struct dim_sample sample = {};

	if (!qv->adaptive)
		return;
	dim_update_sample(qv->event_ctr,
			  qv->rx.stats.packets + qv->tx.stats.packets,
			  qv->rx.stats.bytes + qv->tx.stats.bytes, &sample);
	net_dim(&qv->dim, sample);
}

/**
 * igx_napi_poll() - NAPI poll of a queue pair vector
 * @napi: the vector's NAPI context
 * @budget: RX packets allowed; 0 means TX completions only (netpoll)
 *
 * Cleans TX first, so RX can reuse the freed skbs while they are warm,
 * and unmasks the vector only once NAPI is really done.
 *
 * Return: the RX work done, @budget to be polled again.
 */
int igx_napi_poll(struct napi_struct *napi, int budget)
{
	struct igx_q_vector *qv = container_of(napi, struct igx_q_vector,
					       napi);
	bool tx_done;
	int work;

	tx_done = igx_clean_tx(&qv->tx, budget);
	if (!budget)
		return 0;
	work = igx_clean_rx(qv, budget);
	if (!tx_done || work >= budget)
		return budget;
	if (napi_complete_done(napi, work)) {
		igx_qv_dim(qv);
		igx_wr32(qv->hw, IGX_EIMS, qv->eims);
	}
	return min(work, budget - 1);
}
EXPORT_SYMBOL_NS_GPL(igx_napi_poll, IGX);
