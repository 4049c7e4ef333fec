// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * igx_vf: the watchdog. A PF reset sends the VF no interrupt (only RSTI,
 * then RSTD), and QEMU's mailbox interrupt is unreliable, so the watchdog
 * polls: PF reset bits, messages from the PF, the link. When the VF must
 * register again it stops the queues, redoes the reset handshake and
 * restarts, retrying with back-off while the PF does not answer. It runs
 * under RTNL, like every other path that changes the VF's state, except
 * while it waits for the PF to answer VF_RESET.
 */

#include <linux/rtnetlink.h>

#include "vf/igx_vf.h"

/**
 * igx_vf_service_kick() - run the watchdog now
 * @vf: the adapter
 *
 * Safe from hard interrupt context.
 */
void igx_vf_service_kick(struct igx_vf *vf)
{
	if (!test_bit(IGX_VF_S_SERVICE_OFF, &vf->state))
		mod_delayed_work(system_wq, &vf->service, 0);
}

/**
 * igx_vf_schedule_reset() - have the watchdog redo the reset handshake
 * @vf: the adapter
 */
void igx_vf_schedule_reset(struct igx_vf *vf)
{
	set_bit(IGX_VF_S_RESET_NEEDED, &vf->state);
	igx_vf_service_kick(vf);
}

/* RSTI/RSTD, then messages the PF sent on its own. */
static void igx_vf_check_pf(struct igx_vf *vf)
{
	int ret;

	ret = igx_mbx_vf_reset_pending(&vf->mbx);
	if (ret < 0)
		return;
	if (ret) {
		if (!test_and_set_bit(IGX_VF_S_RESET_NEEDED, &vf->state))
			vf->drv.pf_resets++;
		return;
	}
	igx_vf_poll_events(vf);
}

/*
 * Called and returns with RTNL held, but drops it for the reset exchange:
 * a PF that does not answer keeps the VF waiting for the bounded ACK wait
 * (seconds under TCG) at every attempt, and every other RTNL user in the
 * guest would wait with it. Meanwhile requests fail with -EAGAIN
 * (RESET_NEEDED), ndo_open leaves the handshake to us (RESETTING) and
 * remove or FLR wait for us in igx_vf_service_stop().
 */
static void igx_vf_recover(struct igx_vf *vf)
{
	u8 mac[ETH_ALEN];
	int err;

	if (time_before(jiffies, vf->retry_at))
		return;
	/* Waiting for RSTI to clear is free; the handshake is not. */
	if (READ_ONCE(vf->mbx.v2p) & IGX_V2PMAILBOX_RSTI)
		return;
	if (test_bit(IGX_VF_S_STARTED, &vf->state))
		igx_vf_stop(vf);

	set_bit(IGX_VF_S_RESETTING, &vf->state);
	rtnl_unlock();
	err = igx_vf_reset_exchange(vf, mac);
	rtnl_lock();
	clear_bit(IGX_VF_S_RESETTING, &vf->state);
	if (test_bit(IGX_VF_S_SERVICE_OFF, &vf->state))
		return;
	if (!err)
		err = igx_vf_register(vf, mac);
	if (err) {
		set_bit(IGX_VF_S_RESET_NEEDED, &vf->state);
		vf->drv.reset_failures++;
		vf->drv.backoff_ms = clamp_t(u64, 2 * vf->drv.backoff_ms,
					     IGX_VF_RETRY_MIN_MS,
					     IGX_VF_RETRY_MAX_MS);
		vf->retry_at = jiffies + msecs_to_jiffies(vf->drv.backoff_ms);
		if (vf->drv.backoff_ms == IGX_VF_RETRY_MIN_MS)
			netdev_warn(vf->netdev,
				    "reset handshake with the PF failed (%pe): retrying with back-off up to %u ms\n",
				    ERR_PTR(err), IGX_VF_RETRY_MAX_MS);
		return;
	}
	vf->drv.backoff_ms = 0;
	if (netif_running(vf->netdev)) {
		err = igx_vf_start(vf);
		if (err)
			netdev_err(vf->netdev, "restart failed: %pe\n",
				   ERR_PTR(err));
	}
}

/*
 * The PF gave the VF a new MAC at a handshake: peers still have the old
 * one in their neighbour caches. Gratuitous ARP and unsolicited NA once
 * the carrier is back (a frame sent while the PF's link is still down is
 * lost) and the link watch has started the qdisc (operstate up; it lags
 * the carrier). Both under RTNL, like this.
 */
static void igx_vf_announce(struct igx_vf *vf)
{
	struct net_device *netdev = vf->netdev;

	if (netif_carrier_ok(netdev) && netif_oper_up(netdev) &&
	    test_and_clear_bit(IGX_VF_S_ANNOUNCE, &vf->state))
		__netdev_notify_peers(netdev);
}

static void igx_vf_service_task(struct work_struct *work)
{
	struct igx_vf *vf = container_of(to_delayed_work(work), struct igx_vf,
					 service);

	rtnl_lock();
	if (test_bit(IGX_VF_S_SERVICE_OFF, &vf->state)) {
		rtnl_unlock();
		return;
	}
	igx_vf_check_pf(vf);
	if (test_bit(IGX_VF_S_RESET_NEEDED, &vf->state))
		igx_vf_recover(vf);
	else if (test_bit(IGX_VF_S_RX_MODE, &vf->state))
		igx_vf_sync_rx_mode(vf);
	if (time_after_eq(jiffies, vf->stats_at)) {
		igx_vf_read_hw_stats(vf, false);
		vf->stats_at = jiffies + msecs_to_jiffies(IGX_VF_STATS_MS);
	}
	igx_vf_update_carrier(vf);
	igx_vf_announce(vf);
	rtnl_unlock();

	if (!test_bit(IGX_VF_S_SERVICE_OFF, &vf->state))
		queue_delayed_work(system_wq, &vf->service,
				   msecs_to_jiffies(IGX_VF_SERVICE_MS));
}

/**
 * igx_vf_service_init() - set up the watchdog, stopped
 * @vf: the adapter
 */
void igx_vf_service_init(struct igx_vf *vf)
{
	set_bit(IGX_VF_S_SERVICE_OFF, &vf->state);
	INIT_DELAYED_WORK(&vf->service, igx_vf_service_task);
}

/**
 * igx_vf_service_start() - start the watchdog
 * @vf: the adapter
 */
void igx_vf_service_start(struct igx_vf *vf)
{
	clear_bit(IGX_VF_S_SERVICE_OFF, &vf->state);
	igx_vf_service_kick(vf);
}

/**
 * igx_vf_service_stop() - stop the watchdog and wait until it is idle
 * @vf: the adapter
 *
 * Interrupt handlers that could kick it again have run to completion
 * when this returns. Must not be called under RTNL: the watchdog takes
 * it.
 */
void igx_vf_service_stop(struct igx_vf *vf)
{
	set_bit(IGX_VF_S_SERVICE_OFF, &vf->state);
	/* Handlers starting after the sync see the bit and do not kick. */
	smp_mb__after_atomic();
	igx_vf_irq_sync(vf);
	cancel_delayed_work_sync(&vf->service);
}
