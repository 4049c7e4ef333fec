/* SPDX-License-Identifier: GPL-2.0 */
/* Copyright (c) 2026 The igx authors */
/*
 * The data path shared by igx_pf and igx_vf: one queue pair (a TX and an
 * RX ring) per MSI-X vector and NAPI context, page_pool RX with
 * build_skb, TX with TSO, checksum and VLAN offload, BQL and xmit_more,
 * per-ring u64_stats and DIM. The drivers own the q_vectors, pick the
 * hardware queue (reg_idx) and the interrupt bit, and request the IRQs.
 */
#ifndef _IGX_TXRX_H_
#define _IGX_TXRX_H_

#include <linux/dim.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/netdevice.h>
#include <linux/sizes.h>
#include <linux/u64_stats_sync.h>
#include <net/netdev_queues.h>

#include "common/igx_desc.h"
#include "common/igx_hw.h"

struct page_pool;

/* Ring sizes: RDLEN/TDLEN must be multiples of 128 bytes (8 descriptors). */
#define IGX_RING_MIN		64
#define IGX_RING_MAX		4096
#define IGX_RING_ALIGN		8
#define IGX_RING_DEFAULT	512

/*
 * One page per RX buffer: the headroom build_skb() needs, a 3 KiB packet
 * buffer (SRRCTL counts in KiB) and the skb_shared_info. Larger frames
 * (jumbo) span several buffers and become page fragments.
 */
#define IGX_RX_HEADROOM		(NET_SKB_PAD + NET_IP_ALIGN)
#define IGX_RX_BUF_LEN		(3 * SZ_1K)

/* Default interrupt moderation, microseconds (QEMU waits 4.1x longer). */
#define IGX_ITR_DEFAULT_US	50

/**
 * struct igx_ring_stats - counters of one ring, 64-bit
 * @packets: packets completed (TX: wire packets, after TSO) or received
 * @bytes: bytes of those packets
 * @rx: RX only
 * @rx.alloc_fail: buffer or skb allocations that failed
 * @rx.csum_unnecessary: packets whose checksums the device verified
 * @rx.csum_none: packets without a verified checksum
 * @rx.csum_bad: packets with an IP or L4 checksum error
 * @rx.errors: frames dropped for a receive error
 * @rx.dropped: frames dropped for lack of memory
 * @tx: TX only
 * @tx.needs_csum: packets sent with checksum offload (incl. TSO)
 * @tx.csum_none: packets sent without checksum offload
 * @tx.gso_packets: TSO super-packets
 * @tx.gso_bytes: their bytes
 * @tx.stop: times the queue was stopped for lack of descriptors
 * @tx.wake: times it was woken again
 * @tx.dropped: packets dropped (DMA mapping or header errors)
 */
struct igx_ring_stats {
	u64 packets;
	u64 bytes;
	union {
		struct {
			u64 alloc_fail;
			u64 csum_unnecessary;
			u64 csum_none;
			u64 csum_bad;
			u64 errors;
			u64 dropped;
		} rx;
		struct {
			u64 needs_csum;
			u64 csum_none;
			u64 gso_packets;
			u64 gso_bytes;
			u64 stop;
			u64 wake;
			u64 dropped;
		} tx;
	};
};

/**
 * struct igx_tx_buf - what one TX descriptor carries
 * @skb: on the first descriptor of a packet
 * @eop: on the first descriptor: the packet's last descriptor, set once
 *	the packet is fully written (the completion side's go signal)
 * @bytes: on the first descriptor: bytes on the wire, for BQL and stats
 * @gso_segs: on the first descriptor: wire packets
 * @dma: mapping of this buffer
 * @len: its length; 0 when nothing to unmap
 */
struct igx_tx_buf {
	struct sk_buff *skb;
	struct igx_tx_desc *eop;
	unsigned int bytes;
	unsigned short gso_segs;
	DEFINE_DMA_UNMAP_ADDR(dma);
	DEFINE_DMA_UNMAP_LEN(len);
};

/**
 * struct igx_rx_buf - what one RX descriptor carries
 * @page: a page_pool page, mapped by the pool
 */
struct igx_rx_buf {
	struct page *page;
};

/**
 * struct igx_ring - a TX or RX descriptor ring
 * @desc: the descriptors (struct igx_tx_desc or union igx_rx_desc)
 * @tx_buf: per-descriptor TX state
 * @rx_buf: per-descriptor RX state
 * @hw: register access of the function that owns the ring
 * @netdev: the netdev the ring serves
 * @dev: the device DMA is done for
 * @pp: RX page pool
 * @skb: RX frame in progress across descriptors
 * @active_vlans: RX: report a stripped tag only for these VLANs; NULL to
 *	report every tag (a VF must hide its port VLAN)
 * @tail_reg: RDT or TDT offset
 * @count: descriptors
 * @next_to_use: next descriptor the driver fills
 * @next_to_clean: next descriptor the driver reclaims
 * @queue_index: netdev queue
 * @reg_idx: hardware queue in the function's BAR
 * @rx_discard: RX: drop descriptors up to the next EOP
 * @syncp: guards @stats
 * @stats: counters
 * @dma: descriptor memory, bus address
 * @size: descriptor memory, bytes
 */
struct igx_ring {
	void *desc;
	union {
		struct igx_tx_buf *tx_buf;
		struct igx_rx_buf *rx_buf;
	};
	struct igx_hw *hw;
	struct net_device *netdev;
	struct device *dev;
	struct page_pool *pp;
	struct sk_buff *skb;
	const unsigned long *active_vlans;
	u32 tail_reg;
	u16 count;
	u16 next_to_use;
	u16 next_to_clean;
	u16 queue_index;
	u8 reg_idx;
	bool rx_discard;

	struct u64_stats_sync syncp;
	struct igx_ring_stats stats;

	/* Slow path fields follow */
	dma_addr_t dma;
	unsigned int size;
};

/**
 * struct igx_q_vector - one MSI-X vector: a NAPI context and a queue pair
 * @napi: NAPI context
 * @tx: TX ring
 * @rx: RX ring
 * @hw: register access for the interrupt registers
 * @eims: this vector's bit in EIMS/EIMC
 * @eitr_reg: this vector's EITR offset
 * @itr_us: moderation in use, microseconds
 * @adaptive: DIM picks @itr_us
 * @event_ctr: interrupts seen, for DIM
 * @dim: adaptive moderation state
 * @name: IRQ name
 */
struct igx_q_vector {
	struct napi_struct napi;
	struct igx_ring tx;
	struct igx_ring rx;
	struct igx_hw *hw;
	u32 eims;
	u32 eitr_reg;
	u16 itr_us;
	bool adaptive;
	u16 event_ctr;
	struct dim dim;
	char name[IFNAMSIZ + 16];
};

static inline unsigned int igx_desc_unused(const struct igx_ring *ring)
{
	u16 ntc = READ_ONCE(ring->next_to_clean);
	u16 ntu = ring->next_to_use;

	return ((ntc > ntu) ? 0 : ring->count) + ntc - ntu - 1;
}

void igx_qv_init(struct igx_q_vector *qv, struct net_device *netdev,
		 struct device *dev, struct igx_hw *hw, unsigned int queue,
		 unsigned int reg_idx, unsigned int vector);
void igx_qv_deinit(struct igx_q_vector *qv);
int igx_qv_alloc_rings(struct igx_q_vector *qv, unsigned int tx_count,
		       unsigned int rx_count);
void igx_qv_free_rings(struct igx_q_vector *qv);
int igx_qv_hw_start(struct igx_q_vector *qv);
void igx_qv_hw_stop(struct igx_q_vector *qv);
void igx_qv_set_itr(struct igx_q_vector *qv, unsigned int usecs);
irqreturn_t igx_qv_irq(struct igx_q_vector *qv);
int igx_napi_poll(struct napi_struct *napi, int budget);

netdev_tx_t igx_xmit_frame(struct sk_buff *skb, struct igx_ring *ring);
netdev_features_t igx_features_check(struct sk_buff *skb,
				     struct net_device *netdev,
				     netdev_features_t features);

void igx_ring_read_stats(const struct igx_ring *ring,
			 struct igx_ring_stats *out);
void igx_ring_stats_add(struct igx_ring_stats *sum,
			const struct igx_ring_stats *add);
void igx_ring_stats_fold(struct igx_ring *ring, struct igx_ring_stats *base);
void igx_qstats_rx(const struct igx_ring_stats *r,
		   struct netdev_queue_stats_rx *s);
void igx_qstats_tx(const struct igx_ring_stats *r,
		   struct netdev_queue_stats_tx *s);

#endif /* _IGX_TXRX_H_ */
