/* SPDX-License-Identifier: GPL-2.0 */
/* Copyright (c) 2026 The igx authors */
/*
 * igx_vf: virtual function driver for the Intel 82576 (8086:10ca).
 *
 * Files: igx_vf_main.c (PCI probe/remove, FLR), igx_vf_netdev.c
 * (net_device_ops, up/down, stats), igx_vf_mbx.c (reset handshake and
 * requests to the PF), igx_vf_irq.c (MSI-X), igx_vf_service.c (the
 * watchdog: PF resets, link, recovery), igx_vf_ethtool.c.
 */
#ifndef _IGX_VF_H_
#define _IGX_VF_H_

#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#include "common/igx_hw.h"
#include "common/igx_txrx.h"
#include "mailbox/igx_mbx.h"

#define IGX_VF_DRV_NAME		"igx_vf"

/*
 * An 82576 pool has two queue pairs (PF queues n and n + 8) and a VF three
 * MSI-X vectors. QEMU 10 routes no RX and no interrupt to the second pair,
 * so only one is used; the ring code takes a second one unchanged.
 */
#define IGX_VF_MAX_QP		2
#define IGX_VF_USABLE_QP	1
#define IGX_VF_NUM_VECTORS	3
#define IGX_VF_VEC_MBX		2	/* mailbox ("other") vector */

#define IGX_VF_MAX_MTU		9216

/*
 * Secondary unicast addresses asked of the PF as extra MAC filters; the
 * rest make the VF ask for promiscuous. An igx PF grants 4 per VF, igb up
 * to 13 shared by all VFs.
 */
#define IGX_VF_MAX_UC		4

/* Watchdog period, and how a failed reset handshake backs off. */
#define IGX_VF_SERVICE_MS	200
#define IGX_VF_RETRY_MIN_MS	250
#define IGX_VF_RETRY_MAX_MS	8000
#define IGX_VF_STATS_MS		2000

enum igx_vf_state {
	IGX_VF_S_SERVICE_OFF,	/* remove, FLR or shutdown: do not kick */
	IGX_VF_S_RESET_NEEDED,	/* redo the reset handshake */
	IGX_VF_S_PF_LOST,	/* the PF stopped answering */
	IGX_VF_S_RESETTING,	/* the watchdog waits for VF_RESET, RTNL dropped */
	IGX_VF_S_RX_MODE,	/* multicast/promiscuous to send */
	IGX_VF_S_STARTED,	/* queues and NAPI running */
	IGX_VF_S_ANNOUNCE,	/* the PF changed the MAC: tell the peers */
	IGX_VF_S_NBITS
};

/**
 * struct igx_vf_vec - one MSI-X vector
 * @vf: the adapter
 * @qv: the queue pair it serves, or NULL for a mailbox-only vector
 * @irq: Linux IRQ number
 * @name: IRQ name
 */
struct igx_vf_vec {
	struct igx_vf *vf;
	struct igx_q_vector *qv;
	int irq;
	char name[IFNAMSIZ + 16];
};

/**
 * struct igx_vf_hw_stats - the VF's 32-bit hardware counters, extended
 * @gprc: packets received
 * @gptc: packets sent
 * @gorc: bytes received
 * @gotc: bytes sent
 * @mprc: multicast packets received
 * @last: raw values at the previous read, same order
 */
struct igx_vf_hw_stats {
	u64 gprc;
	u64 gptc;
	u64 gorc;
	u64 gotc;
	u64 mprc;
	u32 last[5];
};

/**
 * struct igx_vf_drv_stats - driver events, for ethtool -S
 * @resets: reset handshakes completed
 * @reset_failures: reset handshakes that failed (retried with back-off)
 * @backoff_ms: the pause before the next reset handshake attempt, the
 *	watchdog's back-off (0 while registered)
 * @pf_resets: PF resets seen (RSTI/RSTD or CTS lost)
 * @tx_timeouts: TX watchdog timeouts
 * @mc_promisc: times the multicast list overflowed into a promiscuous
 *	request
 */
struct igx_vf_drv_stats {
	u64 resets;
	u64 reset_failures;
	u64 backoff_ms;
	u64 pf_resets;
	u64 tx_timeouts;
	u64 mc_promisc;
};

/**
 * struct igx_vf - the adapter, netdev private data
 * @netdev: the netdev
 * @pdev: the VF
 * @hw: BAR 0
 * @mbx: mailbox transport
 * @state: enum igx_vf_state bits
 * @service: the watchdog
 * @retry_at: jiffies of the next reset handshake attempt
 * @stats_at: jiffies of the next hardware counter read
 * @kick_at: jiffies before which a queue interrupt does not kick @service
 * @qv: queue pair vectors
 * @vec: MSI-X vectors
 * @num_qp: queue pairs in use
 * @max_qp: queue pairs allowed
 * @tx_count: TX ring size
 * @rx_count: RX ring size
 * @api: negotiated mailbox API (enum igx_mbx_api)
 * @pf_base_only: the PF refused API_NEGOTIATE: do not ask again
 * @caps: PF capabilities (IGX_MBX_API_1 only)
 * @ext_link: link state pushed by an igx PF (IGX_MBX_API_1 only)
 * @xcast: multicast mode the PF has (enum igx_mbx_xcast)
 * @mc_warned: the multicast overflow warning was logged for this state
 * @uc_addrs: secondary unicast addresses last sent to the PF
 * @uc_count: how many of @uc_addrs are valid
 * @uc_filtered: how many of them the PF took as filters
 * @uc_synced: the PF holds @uc_addrs (false after a handshake)
 * @active_vlans: VLANs registered with the PF
 * @stats_lock: guards @base_rx, @base_tx, @hws, folding rings
 * @base_rx: counters of freed RX rings
 * @base_tx: counters of freed TX rings
 * @hws: hardware counters
 * @drv: driver events
 */
struct igx_vf {
	struct net_device *netdev;
	struct pci_dev *pdev;
	struct igx_hw hw;
	struct igx_mbx_vf mbx;

	unsigned long state;
	struct delayed_work service;
	unsigned long retry_at;
	unsigned long stats_at;
	unsigned long kick_at;

	struct igx_q_vector qv[IGX_VF_MAX_QP];
	struct igx_vf_vec vec[IGX_VF_NUM_VECTORS];
	unsigned int num_qp;
	unsigned int max_qp;
	u16 tx_count;
	u16 rx_count;

	u32 api;
	bool pf_base_only;
	struct igx_mbx_caps caps;
	struct igx_mbx_link ext_link;
	u8 xcast;
	bool mc_warned;
	u8 uc_addrs[IGX_VF_MAX_UC][ETH_ALEN];
	unsigned int uc_count;
	unsigned int uc_filtered;
	bool uc_synced;
	unsigned long active_vlans[BITS_TO_LONGS(VLAN_N_VID)];

	spinlock_t stats_lock; /* see above */
	struct igx_ring_stats base_rx;
	struct igx_ring_stats base_tx;
	struct igx_vf_hw_stats hws;
	struct igx_vf_drv_stats drv;
};

/* igx_vf_netdev.c */
void igx_vf_netdev_setup(struct igx_vf *vf);
int igx_vf_resize_rings(struct igx_vf *vf, u16 tx_count, u16 rx_count);
int igx_vf_start(struct igx_vf *vf);
void igx_vf_stop(struct igx_vf *vf);
void igx_vf_update_carrier(struct igx_vf *vf);
void igx_vf_read_hw_stats(struct igx_vf *vf, bool baseline);

/* igx_vf_mbx.c */
void igx_vf_mbx_init(struct igx_vf *vf);
int igx_vf_reset_exchange(struct igx_vf *vf, u8 *mac);
int igx_vf_register(struct igx_vf *vf, const u8 *mac);
int igx_vf_handshake(struct igx_vf *vf);
int igx_vf_request(struct igx_vf *vf, const struct igx_mbx_req *req);
int igx_vf_set_mac(struct igx_vf *vf, const u8 *addr);
int igx_vf_set_vlan(struct igx_vf *vf, u16 vid, bool add);
int igx_vf_set_lpe(struct igx_vf *vf, unsigned int mtu);
void igx_vf_sync_rx_mode(struct igx_vf *vf);
void igx_vf_poll_events(struct igx_vf *vf);

/* igx_vf_irq.c */
int igx_vf_irq_init(struct igx_vf *vf);
void igx_vf_irq_deinit(struct igx_vf *vf);
void igx_vf_irq_configure(struct igx_vf *vf);
void igx_vf_irq_sync(struct igx_vf *vf);

/* igx_vf_service.c */
void igx_vf_service_init(struct igx_vf *vf);
void igx_vf_service_kick(struct igx_vf *vf);
void igx_vf_service_stop(struct igx_vf *vf);
void igx_vf_service_start(struct igx_vf *vf);
void igx_vf_schedule_reset(struct igx_vf *vf);

/* igx_vf_ethtool.c */
void igx_vf_set_ethtool_ops(struct net_device *netdev);

#endif /* _IGX_VF_H_ */
