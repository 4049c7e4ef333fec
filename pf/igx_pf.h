/* SPDX-License-Identifier: GPL-2.0 */
/* Copyright (c) 2026 The igx authors */
/*
 * igx_pf: the 82576 physical function driver.
 *
 * Pool layout. The 82576 switch has 8 VMDq pools; pool n owns queues n and
 * n + 8, and VF n is hard-wired to pool n. The PF always takes pool 7
 * (IGX_PF_POOL), whatever the number of VFs, so its rings never move when
 * VFs come and go. That is why sriov_totalvfs is 7: pools 0-6 for VFs.
 * QEMU adds a second reason: it issues DMA for queue q as VF (q % 8) when
 * that VF exists, so the PF queue must sit at a pool no VF uses.
 *
 * Interrupts. Vector 0 takes the "other" causes (link change, VF mailbox and
 * VF resets); vector 1 the PF's queue pair. Both stay within the PF's causes
 * 0-3 that QEMU leaves to the PF even with 7 VFs. Vector 0 and the mailbox
 * service run from probe to remove, independent of the PF netdev being up:
 * VFs keep working while the PF interface is down.
 */
#ifndef _IGX_PF_H_
#define _IGX_PF_H_

#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/workqueue.h>

#include "common/igx_hw.h"
#include "common/igx_txrx.h"
#include "mailbox/igx_mbx.h"

#define IGX_PF_POOL		7
#define IGX_PF_QUEUE		IGX_PF_POOL
#define IGX_PF_VEC_MISC		0
#define IGX_PF_VEC_QUEUE	1
#define IGX_PF_NUM_VECS		2

#define IGX_PHY_ADDR		1
#define IGX_LINK_SPEED_MBPS	1000

/* RAR layout: 0 = PF MAC, 1 + n = VF n's MAC, the rest shared filters. */
#define IGX_RAR_PF		0
#define IGX_RAR_VF(vf)		(1 + (vf))
#define IGX_RAR_SHARED_FIRST	(1 + IGX_MAX_VFS)

#define IGX_VF_MC_MAX		IGX_MBX_MC_MAX

/**
 * struct igx_vf_stats - per-VF counters, 64-bit, kept across VF resets
 * @rx_packets: good packets received by the VF's pool
 * @tx_packets: good packets sent by the VF's pool
 * @rx_bytes: octets received
 * @tx_bytes: octets sent
 * @multicast: multicast packets received
 * @last: the last raw 32-bit readings, to extend the wrapping counters
 */
struct igx_vf_stats {
	u64 rx_packets;
	u64 tx_packets;
	u64 rx_bytes;
	u64 tx_bytes;
	u64 multicast;
	u32 last[5];
};

/**
 * struct igx_vport - one VF's pool on the switch, as the host sees it
 * @mbx: mailbox policy state (CTS, trust, API version, counters)
 * @mac: primary MAC; zero when none is assigned
 * @admin_mac: @mac was set by the host admin; the VF may not change it
 *	unless trusted
 * @port_vlan: VLAN inserted on TX and required on RX, 0 for none
 * @qos: 802.1p priority of @port_vlan
 * @spoofchk: MAC and VLAN anti-spoofing on
 * @link_state: IFLA_VF_LINK_STATE_{AUTO,ENABLE,DISABLE}
 * @max_tx_rate: Mb/s, 0 for unlimited
 * @max_frame: largest frame the VF asked to receive (SET_LPE)
 * @xcast: enum igx_mbx_xcast
 * @mc_count: entries in @mc_hash
 * @mc_hash: the VF's multicast hashes (SET_MULTICAST)
 * @vlans: VLANs the VF joined (SET_VLAN), not counting @port_vlan
 * @num_filters: extra unicast filters the VF holds in the shared RARs
 * @stats: traffic counters
 */
struct igx_vport {
	struct igx_mbx_pf_vf mbx;
	u8 mac[ETH_ALEN];
	bool admin_mac;
	u16 port_vlan;
	u8 qos;
	bool spoofchk;
	int link_state;
	u32 max_tx_rate;
	u32 max_frame;
	u8 xcast;
	u8 mc_count;
	u16 mc_hash[IGX_VF_MC_MAX];
	DECLARE_BITMAP(vlans, VLAN_N_VID);
	unsigned int num_filters;
	struct igx_vf_stats stats;
};

/**
 * struct igx_pf_hw_stats - the MAC's clear-on-read counters, accumulated
 * @crcerrs: CRC errors
 * @mpc: missed packets (no room in the packet buffer)
 * @ruc: undersize frames (QEMU counts every short frame it is given)
 * @roc: oversize frames
 * @rnbc: frames that found no receive descriptor
 * @mprc: multicast frames received
 * @gprc: good frames received, all pools
 * @gptc: good frames sent, all pools
 * @tsctc: TSO contexts
 */
struct igx_pf_hw_stats {
	u64 crcerrs;
	u64 mpc;
	u64 ruc;
	u64 roc;
	u64 rnbc;
	u64 mprc;
	u64 gprc;
	u64 gptc;
	u64 tsctc;
};

/**
 * struct igx_pf - the adapter
 * @pdev: PCI device
 * @netdev: the PF's own netdev
 * @hw: register access
 * @msix: the two MSI-X vectors' IRQ numbers
 * @qv: the PF's queue pair (hardware queue IGX_PF_QUEUE)
 * @tx_count: TX ring size
 * @rx_count: RX ring size
 * @tx_base: TX counters of rings already freed
 * @rx_base: RX counters of rings already freed
 * @hw_stats: MAC counters
 * @hw_stats_lock: protects @hw_stats
 * @misc_irq_count: "other" interrupts, for the self-test
 * @lock: serialises configuration: sriov_configure, ndo_set_vf_*, the
 *	mailbox service, link changes, reset
 * @num_vfs: VFs enabled
 * @vports: @num_vfs entries
 * @rar_owner: for each shared RAR entry, the VF using it, or -1
 * @mbx: mailbox transport
 * @policy: mailbox policy (validation, throttle, logging)
 * @notify_pending: VFs whose link/CTS notification waits for their
 *	mailbox to be free
 * @mbx_work: serves VF requests and resets in process context
 * @mbx_retry: re-runs @mbx_work for throttled requests
 * @link_work: follows link changes
 * @watchdog: periodic counters, link and mailbox check
 * @reset_work: a PF reset requested from atomic context (TX timeout)
 * @link_up: carrier as last seen
 * @link_speed: Mb/s, when @link_up
 * @pf_mta: the PF's own multicast hashes (from its netdev's list)
 * @pf_vlans: VLANs the PF's netdev joined
 * @pf_max_frame: the PF's largest receive frame (MTU + headers)
 * @pf_allmulti: the PF netdev is in allmulti or promiscuous mode
 * @rx_mode_work: applies the PF netdev's address lists (ndo_set_rx_mode
 *	runs in atomic context)
 * @debugfs: the PF's debugfs directory
 * @mbx_mute: fault injection: VFs whose mailbox the PF leaves unanswered
 *	(debugfs mbx_mute, a bitmask; written under @lock)
 * @removing: remove() started: the services must not re-arm
 */
struct igx_pf {
	struct pci_dev *pdev;
	struct net_device *netdev;
	struct igx_hw hw;
	int msix[IGX_PF_NUM_VECS];
	struct igx_q_vector qv;
	u32 tx_count;
	u32 rx_count;
	struct igx_ring_stats tx_base;
	struct igx_ring_stats rx_base;
	struct igx_pf_hw_stats hw_stats;
	spinlock_t hw_stats_lock;	/* see above */
	atomic_t misc_irq_count;

	struct mutex lock;	/* see above */
	unsigned int num_vfs;
	struct igx_vport *vports;
	s8 rar_owner[IGX_RAR_ENTRIES];

	struct igx_mbx_pf mbx;
	struct igx_mbx_pf_policy policy;
	unsigned long notify_pending;
	struct work_struct mbx_work;
	struct delayed_work mbx_retry;
	struct delayed_work link_work;
	struct delayed_work watchdog;
	struct work_struct reset_work;
	bool link_up;
	u32 link_speed;

	DECLARE_BITMAP(pf_mta, IGX_MTA_WORDS * 32);
	DECLARE_BITMAP(pf_vlans, VLAN_N_VID);
	u32 pf_max_frame;
	bool pf_allmulti;
	struct work_struct rx_mode_work;

	struct dentry *debugfs;
	unsigned long mbx_mute;
	bool removing;
};

/*
 * All of the PF's deferred work. Unbound and high priority: a VF driver on
 * this same host (stock igbvf) busy-waits for mailbox replies with bottom
 * halves off, so the reply must not be queued behind it on its CPU.
 */
extern struct workqueue_struct *igx_pf_wq;

/* igx_pf_hw.c */
int igx_pf_hw_reset(struct igx_pf *pf);
void igx_pf_hw_init(struct igx_pf *pf);
int igx_pf_phy_restart_aneg(struct igx_pf *pf);
bool igx_pf_read_link(struct igx_pf *pf, u32 *speed);

/* igx_pf_switch.c */
void igx_pf_switch_init(struct igx_pf *pf);
void igx_pf_rar_set(struct igx_pf *pf, unsigned int idx, const u8 *mac,
		    unsigned int pool);
void igx_pf_rar_clear(struct igx_pf *pf, unsigned int idx);
bool igx_pf_mac_taken(struct igx_pf *pf, const u8 *mac, unsigned int pool);
int igx_pf_vlan_add(struct igx_pf *pf, u16 vid, unsigned int pool);
void igx_pf_vlan_del(struct igx_pf *pf, u16 vid, unsigned int pool);
bool igx_pf_vlan_fits(struct igx_pf *pf, u16 vid, unsigned int pool);
void igx_pf_mta_sync(struct igx_pf *pf);
void igx_pf_vport_apply(struct igx_pf *pf, unsigned int vf);
void igx_pf_vport_clear(struct igx_pf *pf, unsigned int vf);
void igx_pf_vport_enable(struct igx_pf *pf, unsigned int vf, bool on);
int igx_pf_vf_filter_add(struct igx_pf *pf, unsigned int vf, const u8 *mac);
void igx_pf_vf_filters_clear(struct igx_pf *pf, unsigned int vf);
void igx_pf_set_spoofchk(struct igx_pf *pf, unsigned int vf, bool on);
void igx_pf_set_rate(struct igx_pf *pf, unsigned int vf, u32 mbps);
void igx_pf_vport_defaults(struct igx_vport *vp);
void igx_pf_vport_policy(struct igx_pf *pf, unsigned int vf);
void igx_pf_pool_apply(struct igx_pf *pf);

/* igx_pf_sriov.c */
int igx_pf_sriov_configure(struct pci_dev *pdev, int num_vfs);
void igx_pf_sriov_disable(struct igx_pf *pf);
void igx_pf_vf_reset(struct igx_pf *pf, unsigned int vf);
void igx_pf_vf_flr(struct igx_pf *pf, unsigned int vf);
void igx_pf_update_vf_stats(struct igx_pf *pf);
void igx_pf_vf_stats_rebase(struct igx_pf *pf, unsigned int vf);

/* igx_pf_mbx.c */
void igx_pf_mbx_init(struct igx_pf *pf);
void igx_pf_mbx_attach(struct igx_pf *pf);
void igx_pf_vf_link(struct igx_pf *pf, unsigned int vf,
		    struct igx_mbx_link *link);
void igx_pf_mbx_work(struct work_struct *work);
void igx_pf_mbx_retry(struct work_struct *work);
void igx_pf_notify_vf(struct igx_pf *pf, unsigned int vf);
void igx_pf_notify_all(struct igx_pf *pf);
void igx_pf_mbx_watchdog(struct igx_pf *pf);

/* igx_pf_vf_ndo.c */
int igx_pf_ndo_set_vf_mac(struct net_device *dev, int vf, u8 *mac);
int igx_pf_ndo_set_vf_vlan(struct net_device *dev, int vf, u16 vlan, u8 qos,
			   __be16 proto);
int igx_pf_ndo_set_vf_rate(struct net_device *dev, int vf, int min_rate,
			   int max_rate);
int igx_pf_ndo_set_vf_spoofchk(struct net_device *dev, int vf, bool on);
int igx_pf_ndo_set_vf_trust(struct net_device *dev, int vf, bool on);
int igx_pf_ndo_set_vf_link_state(struct net_device *dev, int vf, int state);
int igx_pf_ndo_get_vf_config(struct net_device *dev, int vf,
			     struct ifla_vf_info *ivi);
int igx_pf_ndo_get_vf_stats(struct net_device *dev, int vf,
			    struct ifla_vf_stats *st);

/* igx_pf_debugfs.c */
void igx_pf_debugfs_init(struct igx_pf *pf);
void igx_pf_debugfs_exit(struct igx_pf *pf);
void igx_pf_debugfs_register(void);
void igx_pf_debugfs_unregister(void);

/* igx_pf_netdev.c */
int igx_pf_netdev_setup(struct igx_pf *pf);
void igx_pf_netdev_teardown(struct igx_pf *pf);
int igx_pf_open(struct net_device *netdev);
int igx_pf_stop(struct net_device *netdev);
void igx_pf_update_hw_stats(struct igx_pf *pf);

/* igx_pf_ethtool.c */
void igx_pf_set_ethtool_ops(struct net_device *netdev);

/* igx_pf_main.c */
void igx_pf_link_work(struct work_struct *work);
int igx_pf_reset(struct igx_pf *pf);

#endif /* _IGX_PF_H_ */
