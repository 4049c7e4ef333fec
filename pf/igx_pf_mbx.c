// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * The PF's mailbox service. The interrupt handler only queues mbx_work;
 * the work item reads, validates and answers VF requests in process
 * context under pf->lock (mailbox/ does the parsing, checking and
 * throttling; this file carries out what a request asks of the switch).
 * It runs from probe to remove whether or not the PF netdev is up.
 */

#include <linux/bitfield.h>
#include <linux/ktime.h>

#include "pf/igx_pf.h"

/* Extra unicast filters one VF may hold, so one VF cannot take them all. */
#define IGX_VF_MAX_FILTERS	4

static struct igx_vport *igx_vport_of(struct igx_mbx_pf_vf *vfp)
{
	return container_of(vfp, struct igx_vport, mbx);
}

/**
 * igx_pf_vf_link() - the link as a VF should see it
 * @pf: the adapter
 * @vf: VF number
 * @link: filled in
 */
void igx_pf_vf_link(struct igx_pf *pf, unsigned int vf,
		    struct igx_mbx_link *link)
{
	const struct igx_vport *vp = &pf->vports[vf];

	memset(link, 0, sizeof(*link));
	switch (vp->link_state) {
	case IFLA_VF_LINK_STATE_ENABLE:
		link->admin = IGX_MBX_LINK_ENABLE;
		link->up = true;
		break;
	case IFLA_VF_LINK_STATE_DISABLE:
		link->admin = IGX_MBX_LINK_DISABLE;
		break;
	default:
		link->admin = IGX_MBX_LINK_AUTO;
		link->up = pf->link_up;
		break;
	}
	if (link->up) {
		link->full_duplex = true;
		link->speed = pf->link_up ? pf->link_speed : IGX_LINK_SPEED_MBPS;
	}
}

static int igx_pf_vf_set_mac(struct igx_pf *pf, struct igx_vport *vp,
			     const struct igx_mbx_req *req)
{
	bool locked = vp->admin_mac && !vp->mbx.trusted;
	unsigned int vf = vp->mbx.vf;

	switch (req->mac.op) {
	case IGX_MBX_MAC_PRIMARY:
		/* igbvf restates the address it was given: not a change. */
		if (ether_addr_equal(vp->mac, req->mac.addr))
			return 0;
		if (locked) {
			dev_warn_ratelimited(&pf->pdev->dev,
					     "VF %u: MAC was set by the host admin and the VF is not trusted: %pM refused\n",
					     vf, req->mac.addr);
			return -EPERM;
		}
		if (igx_pf_mac_taken(pf, req->mac.addr, vf))
			goto taken;
		ether_addr_copy(vp->mac, req->mac.addr);
		igx_pf_rar_set(pf, IGX_RAR_VF(vf), vp->mac, vf);
		return 0;
	case IGX_MBX_MAC_FILTER_CLR:
		/* Only ever removes the VF's own filters. */
		igx_pf_vf_filters_clear(pf, vf);
		return 0;
	default:
		if (locked) {
			dev_warn_ratelimited(&pf->pdev->dev,
					     "VF %u: extra MAC filters need trust when the host set the MAC\n",
					     vf);
			return -EPERM;
		}
		if (vp->num_filters >= IGX_VF_MAX_FILTERS)
			return -ENOSPC;
		if (igx_pf_mac_taken(pf, req->mac.addr, vf))
			goto taken;
		return igx_pf_vf_filter_add(pf, vf, req->mac.addr);
	}

taken:
	/* Even a trusted VF does not get its neighbours' unicast. */
	dev_warn_ratelimited(&pf->pdev->dev,
			     "VF %u: %pM is another port's address: refused\n",
			     vf, req->mac.addr);
	return -EADDRINUSE;
}

static int igx_pf_vf_set_vlan(struct igx_pf *pf, struct igx_vport *vp,
			      const struct igx_mbx_req *req)
{
	unsigned int vf = vp->mbx.vf;
	u16 vid = req->vlan.vid;
	int err;

	if (vp->port_vlan) {
		dev_warn_ratelimited(&pf->pdev->dev,
				     "VF %u has port VLAN %u: its VLAN %u request is refused\n",
				     vf, vp->port_vlan, vid);
		return -EPERM;
	}
	/* VLAN 0 (priority tags) needs no filter. */
	if (!vid)
		return 0;
	if (!req->vlan.add) {
		if (test_and_clear_bit(vid, vp->vlans))
			igx_pf_vlan_del(pf, vid, vf);
		return 0;
	}
	if (test_bit(vid, vp->vlans))
		return 0;
	err = igx_pf_vlan_add(pf, vid, vf);
	if (!err)
		set_bit(vid, vp->vlans);
	return err;
}

static void igx_pf_vf_caps(struct igx_pf *pf, const struct igx_vport *vp,
			   struct igx_mbx_caps *caps)
{
	/* One queue pair: the PF does not enable RSS inside pools. */
	caps->tx_queues = 1;
	caps->rx_queues = 1;
	caps->max_frame = IGX_MBX_LPE_MAX;
	caps->features = IGX_MBX_F_LINK_STATE | IGX_MBX_F_XCAST;
	if (vp->admin_mac)
		caps->features |= IGX_MBX_F_ADMIN_MAC;
	if (vp->port_vlan)
		caps->features |= IGX_MBX_F_PORT_VLAN;
}

/* Carries out a valid, admitted request; called by igx_mbx_pf_serve(). */
static int igx_pf_mbx_apply(void *priv, struct igx_mbx_pf_vf *vfp,
			    const struct igx_mbx_req *req,
			    struct igx_mbx_reply *reply)
{
	struct igx_vport *vp = igx_vport_of(vfp);
	struct igx_pf *pf = priv;
	unsigned int vf = vfp->vf;
	int err = 0;

	lockdep_assert_held(&pf->lock);
	switch (req->id) {
	case IGX_MBX_VF_RESET:
		igx_pf_vf_reset(pf, vf);
		igx_pf_vport_enable(pf, vf,
				    vp->link_state != IFLA_VF_LINK_STATE_DISABLE);
		ether_addr_copy(reply->mac, vp->mac);
		return 0;
	case IGX_MBX_SET_MAC_ADDR:
		return igx_pf_vf_set_mac(pf, vp, req);
	case IGX_MBX_SET_MULTICAST:
		vp->mc_count = req->mc.count;
		memcpy(vp->mc_hash, req->mc.hash,
		       req->mc.count * sizeof(vp->mc_hash[0]));
		break;
	case IGX_MBX_SET_VLAN:
		return igx_pf_vf_set_vlan(pf, vp, req);
	case IGX_MBX_SET_LPE:
		vp->max_frame = req->lpe.max_frame;
		break;
	case IGX_MBX_SET_PROMISC:
		vp->xcast = req->promisc.multicast ? IGX_MBX_XCAST_ALLMULTI :
						     IGX_MBX_XCAST_NONE;
		break;
	case IGX_MBX_SET_XCAST_MODE:
		vp->xcast = req->xcast.mode;
		break;
	case IGX_MBX_GET_CAPS:
		igx_pf_vf_caps(pf, vp, &reply->caps);
		return 0;
	case IGX_MBX_GET_LINK_STATE:
		igx_pf_vf_link(pf, vf, &reply->link);
		return 0;
	default:
		return -EOPNOTSUPP;
	}
	/* The request changed the VPort's accept policy. */
	igx_pf_vport_policy(pf, vf);
	return err;
}

static void igx_pf_mbx_log(void *priv, const struct igx_mbx_pf_vf *vfp,
			   u32 hdr, int err, unsigned int suppressed)
{
	struct igx_pf *pf = priv;

	dev_warn(&pf->pdev->dev,
		 "VF %u: mailbox request %#010x (%s) refused: %pe%s\n",
		 vfp->vf, hdr, igx_mbx_id_name(FIELD_GET(IGX_MBX_HDR_ID, hdr)),
		 ERR_PTR(err), suppressed ? " (more suppressed)" : "");
}

static const struct igx_mbx_pf_policy_ops igx_pf_policy_ops = {
	.apply = igx_pf_mbx_apply,
	.log = igx_pf_mbx_log,
};

static u32 igx_pf_mbx_read32(void *ctx, u32 reg)
{
	return igx_rd32(ctx, reg);
}

static void igx_pf_mbx_write32(void *ctx, u32 reg, u32 val)
{
	igx_wr32(ctx, reg, val);
}

static void igx_pf_mbx_sleep(void *ctx, unsigned int min_us,
			     unsigned int max_us)
{
	usleep_range(min_us, max_us);
}

static const struct igx_mbx_ops igx_pf_mbx_ops = {
	.read32 = igx_pf_mbx_read32,
	.write32 = igx_pf_mbx_write32,
	.sleep = igx_pf_mbx_sleep,
};

/**
 * igx_pf_mbx_init() - set up the mailbox service (no VFs yet)
 * @pf: the adapter
 */
void igx_pf_mbx_init(struct igx_pf *pf)
{
	igx_mbx_pf_policy_init(&pf->policy, &igx_pf_policy_ops, pf);
	igx_pf_mbx_attach(pf);
}

/**
 * igx_pf_mbx_attach() - point the transport at the enabled VFs
 * @pf: the adapter; pf->lock held or the service not running
 */
void igx_pf_mbx_attach(struct igx_pf *pf)
{
	igx_mbx_pf_init(&pf->mbx, &igx_pf_mbx_ops, &pf->hw, &pf->pdev->dev,
			pf->num_vfs);
}

/**
 * igx_pf_notify_vf() - push CTS and link state to a VF
 * @pf: the adapter; pf->lock held
 * @vf: VF number
 *
 * If the VF holds its mailbox (a request in flight), the notification is
 * kept pending and sent by the mailbox work after serving the request,
 * soon. If the VF has not read the last message yet, it stays pending
 * until the VF's ACK interrupt (or the 2 s watchdog) runs the mailbox
 * work: a VF with no driver must not be polled every tick.
 */
void igx_pf_notify_vf(struct igx_pf *pf, unsigned int vf)
{
	struct igx_mbx_link link;
	int err;

	lockdep_assert_held(&pf->lock);
	if (test_bit(vf, &pf->mbx_mute)) {
		set_bit(vf, &pf->notify_pending);
		return;
	}
	igx_pf_vf_link(pf, vf, &link);
	err = igx_mbx_pf_notify(&pf->mbx, &pf->vports[vf].mbx, &link);
	if (err == -EBUSY || err == -EAGAIN) {
		set_bit(vf, &pf->notify_pending);
		if (err == -EBUSY)
			mod_delayed_work(igx_pf_wq, &pf->mbx_retry, 1);
	} else {
		clear_bit(vf, &pf->notify_pending);
	}
}

/**
 * igx_pf_notify_all() - push CTS and link state to every VF
 * @pf: the adapter; pf->lock held
 */
void igx_pf_notify_all(struct igx_pf *pf)
{
	unsigned int vf;

	for (vf = 0; vf < pf->num_vfs; vf++)
		igx_pf_notify_vf(pf, vf);
}

/**
 * igx_pf_mbx_watchdog() - CTS to VFs left waiting after their VF_RESET
 * @pf: the adapter; pf->lock held
 *
 * See igx_mbx_pf_cts_owed(): an igbvf whose request timed out while the
 * PF was busy would otherwise never take its link again.
 */
void igx_pf_mbx_watchdog(struct igx_pf *pf)
{
	u64 now = ktime_get_ns();
	unsigned int vf;

	lockdep_assert_held(&pf->lock);
	for (vf = 0; vf < pf->num_vfs; vf++) {
		if (!igx_mbx_pf_cts_owed(&pf->vports[vf].mbx, now))
			continue;
		dev_dbg(&pf->pdev->dev,
			"VF %u silent since its VF_RESET: telling it CTS\n", vf);
		pf->vports[vf].mbx.stats.cts_owed++;
		igx_pf_notify_vf(pf, vf);
	}
}

static void igx_pf_mbx_service(struct igx_pf *pf)
{
	struct igx_mbx_pf_events ev;
	u64 retry_ns = 0;
	unsigned int vf;
	s64 ret;

	lockdep_assert_held(&pf->lock);
	if (!pf->num_vfs || igx_mbx_pf_poll(&pf->mbx, &ev))
		return;

	for_each_set_bit(vf, &ev.rst, pf->num_vfs)
		igx_pf_vf_flr(pf, vf);
	for_each_set_bit(vf, &ev.req, pf->num_vfs) {
		if (test_bit(vf, &pf->mbx_mute)) {
			igx_mbx_pf_drop(&pf->mbx, vf);
			continue;
		}
		ret = igx_mbx_pf_serve(&pf->mbx, &pf->policy,
				       &pf->vports[vf].mbx, ktime_get_ns());
		if (ret > 0)
			retry_ns = retry_ns ? min_t(u64, retry_ns, ret) : ret;
		else if (ret == -EBUSY)
			retry_ns = NSEC_PER_MSEC;
	}
	for_each_set_bit(vf, &pf->notify_pending, pf->num_vfs)
		igx_pf_notify_vf(pf, vf);
	if (retry_ns)
		mod_delayed_work(igx_pf_wq, &pf->mbx_retry,
				 max(nsecs_to_jiffies(retry_ns), 1UL));
}

/**
 * igx_pf_mbx_work() - serve VF requests and VF resets
 * @work: pf->mbx_work
 */
void igx_pf_mbx_work(struct work_struct *work)
{
	struct igx_pf *pf = container_of(work, struct igx_pf, mbx_work);

	mutex_lock(&pf->lock);
	igx_pf_mbx_service(pf);
	mutex_unlock(&pf->lock);
}

/**
 * igx_pf_mbx_retry() - serve deferred requests and pending notifications
 * @work: pf->mbx_retry
 */
void igx_pf_mbx_retry(struct work_struct *work)
{
	struct igx_pf *pf = container_of(to_delayed_work(work), struct igx_pf,
					 mbx_retry);

	mutex_lock(&pf->lock);
	igx_pf_mbx_service(pf);
	mutex_unlock(&pf->lock);
}
