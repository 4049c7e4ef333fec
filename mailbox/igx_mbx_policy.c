// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * PF mailbox policy: what the PF does with a VF's request before and
 * after the PF driver applies it. Per VF it keeps CTS, trust, the
 * negotiated API, counters, a rate-limited log and a throttle; it answers
 * API_NEGOTIATE itself and every refusal with a NACK. The PF driver's
 * apply() callback programs the hardware and nothing else.
 *
 * The throttle is a GCRA (virtual scheduling) per VF: a VF may send
 * @burst requests at once, then one per 1/@rate s. A request over the
 * limit is left unread in the mailbox (the VF waits, other VFs do not)
 * and igx_mbx_pf_serve() says when to come back; if that is further away
 * than @max_defer_ns, the request is NACKed with BUSY at once instead.
 * Time is passed in (ktime_get_ns() in the driver), so it is testable.
 */

#include <linux/bitfield.h>
#include <linux/device.h>
#include <linux/etherdevice.h>
#include <linux/export.h>
#include <linux/math64.h>

#include "mailbox/igx_mbx_io.h"

#define IGX_MBX_RATE_DEFAULT	200		/* requests/s per VF */
#define IGX_MBX_BURST_DEFAULT	64		/* a reset plus 60 VLANs */
#define IGX_MBX_DEFER_DEFAULT	(100 * NSEC_PER_MSEC)
#define IGX_MBX_LOG_BURST	5
#define IGX_MBX_LOG_INTERVAL	(5 * NSEC_PER_SEC)
#define IGX_MBX_STUCK_LOCKS	3	/* lock failures in a row: RVFU */

/**
 * igx_mbx_pf_policy_init() - default policy
 * @pol: the policy
 * @ops: the PF driver's callbacks; @ops->apply is required
 * @priv: passed to @ops
 *
 * Offers IGX_MBX_API_LATEST; 200 requests/s per VF after a burst of 64;
 * defers a request at most 100 ms; logs 5 refusals per VF per 5 s.
 */
void igx_mbx_pf_policy_init(struct igx_mbx_pf_policy *pol,
			    const struct igx_mbx_pf_policy_ops *ops,
			    void *priv)
{
	pol->ops = ops;
	pol->priv = priv;
	pol->api_max = IGX_MBX_API_LATEST;
	pol->rate = IGX_MBX_RATE_DEFAULT;
	pol->burst = IGX_MBX_BURST_DEFAULT;
	pol->max_defer_ns = IGX_MBX_DEFER_DEFAULT;
	pol->log_burst = IGX_MBX_LOG_BURST;
	pol->log_interval_ns = IGX_MBX_LOG_INTERVAL;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_pf_policy_init, IGX);

/**
 * igx_mbx_pf_vf_init() - mailbox state of a newly enabled VF
 * @vfp: the per-VF state
 * @vf: VF number
 *
 * The VF is not clear to send until its VF_RESET, and not trusted.
 */
void igx_mbx_pf_vf_init(struct igx_mbx_pf_vf *vfp, unsigned int vf)
{
	memset(vfp, 0, sizeof(*vfp));
	vfp->vf = vf;
	vfp->api = IGX_MBX_API_BASE;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_pf_vf_init, IGX);

/**
 * igx_mbx_pf_vf_reset_event() - the VF or the PF was reset
 * @vfp: the per-VF state
 *
 * For VFLRE and for a PF reset: the VF loses CTS and its negotiated API
 * until it sends VF_RESET (and API_NEGOTIATE) again. Trust, counters and
 * the throttle are kept: resetting must not buy a VF a fresh burst.
 */
void igx_mbx_pf_vf_reset_event(struct igx_mbx_pf_vf *vfp)
{
	vfp->cts = false;
	vfp->cts_owed = false;
	vfp->api = IGX_MBX_API_BASE;
	vfp->stats.resets++;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_pf_vf_reset_event, IGX);

/**
 * igx_mbx_pf_throttle() - may the VF's next request be served now
 * @pol: the policy
 * @vfp: the per-VF state
 * @now_ns: monotonic time
 *
 * Admitting takes the VF's turn; call it only right before serving.
 *
 * Return: 0 when admitted, else the nanoseconds until it would be.
 */
u64 igx_mbx_pf_throttle(const struct igx_mbx_pf_policy *pol,
			struct igx_mbx_pf_vf *vfp, u64 now_ns)
{
	u64 interval, tolerance, tat;

	if (!pol->rate)
		return 0;
	interval = div_u64(NSEC_PER_SEC, pol->rate);
	tolerance = interval * (max(pol->burst, 1U) - 1);
	tat = max(vfp->tat_ns, now_ns);
	if (tat - now_ns > tolerance)
		return tat - now_ns - tolerance;
	vfp->tat_ns = tat + interval;
	return 0;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_pf_throttle, IGX);

/**
 * igx_mbx_pf_check() - may this VF make this (well-formed) request
 * @pol: the policy
 * @vfp: the per-VF state
 * @req: the request, from igx_mbx_parse_req()
 *
 * VF_RESET is always allowed. Anything else needs CTS; extensions need
 * IGX_MBX_API_1 (API_NEGOTIATE needs a PF that offers it); multicast
 * promiscuous (SET_PROMISC) and ALLMULTI or PROMISC (SET_XCAST_MODE) need
 * a trusted VF. igb lets an untrusted VF have multicast promiscuous
 * through SET_PROMISC, which stock igbvf never sends; igx ties both to
 * "ip link set ... trust on".
 *
 * Return: 0, -ENOTCONN (not clear to send), -EOPNOTSUPP (not
 * negotiated), -EPERM (not trusted).
 */
int igx_mbx_pf_check(const struct igx_mbx_pf_policy *pol,
		     const struct igx_mbx_pf_vf *vfp,
		     const struct igx_mbx_req *req)
{
	if (req->id == IGX_MBX_VF_RESET)
		return 0;
	if (!vfp->cts)
		return -ENOTCONN;
	if (req->id == IGX_MBX_API_NEGOTIATE)
		return pol->api_max >= IGX_MBX_API_1 ? 0 : -EOPNOTSUPP;
	if (igx_mbx_id_is_ext(req->id) && vfp->api < IGX_MBX_API_1)
		return -EOPNOTSUPP;
	if (req->id == IGX_MBX_SET_PROMISC && req->promisc.multicast &&
	    !vfp->trusted)
		return -EPERM;
	if (req->id == IGX_MBX_SET_XCAST_MODE &&
	    req->xcast.mode > IGX_MBX_XCAST_MULTI && !vfp->trusted)
		return -EPERM;
	return 0;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_pf_check, IGX);

static void igx_mbx_pf_log(const struct igx_mbx_pf_policy *pol,
			   struct igx_mbx_pf_vf *vfp, u32 hdr, int err,
			   u64 now_ns)
{
	unsigned int suppressed = 0;

	if (!pol->ops->log)
		return;
	if (!vfp->log_count ||
	    now_ns - vfp->log_start_ns >= pol->log_interval_ns) {
		suppressed = vfp->log_suppressed;
		vfp->log_start_ns = now_ns;
		vfp->log_count = 0;
		vfp->log_suppressed = 0;
	}
	if (vfp->log_count >= max(pol->log_burst, 1U)) {
		vfp->log_suppressed++;
		return;
	}
	vfp->log_count++;
	pol->ops->log(pol->priv, vfp, hdr, err, suppressed);
}

static int igx_mbx_pf_handle(const struct igx_mbx_pf_policy *pol,
			     struct igx_mbx_pf_vf *vfp,
			     const struct igx_mbx_req *req,
			     struct igx_mbx_reply *reply)
{
	int err;

	switch (req->id) {
	case IGX_MBX_VF_RESET:
		vfp->cts = false;
		vfp->api = IGX_MBX_API_BASE;
		vfp->stats.resets++;
		err = pol->ops->apply(pol->priv, vfp, req, reply);
		if (err)
			return err;
		vfp->cts = true;
		/* As igb: NACK means "no MAC assigned", the VF picks one. */
		return is_valid_ether_addr(reply->mac) ? 0 : -EADDRNOTAVAIL;
	case IGX_MBX_API_NEGOTIATE:
		vfp->api = min(req->api.version, pol->api_max);
		reply->version = vfp->api;
		return 0;
	default:
		err = pol->ops->apply(pol->priv, vfp, req, reply);
		if (!err && req->id == IGX_MBX_GET_CAPS) {
			reply->caps.features &= ~IGX_MBX_F_TRUSTED;
			if (vfp->trusted)
				reply->caps.features |= IGX_MBX_F_TRUSTED;
		}
		return err;
	}
}

/* Encode and write the reply; an ACK that cannot be encoded becomes a NACK. */
static int igx_mbx_pf_answer(struct igx_mbx_pf *pf, struct igx_mbx_pf_vf *vfp,
			     struct igx_mbx_reply *reply, u64 now_ns)
{
	struct igx_mbx_msg out;
	int err;

	reply->cts = vfp->cts;
	if (igx_mbx_encode_reply(reply, vfp->api, &out)) {
		dev_warn_ratelimited(pf->io.dev,
				     "VF %u: cannot encode the reply to %s\n",
				     vfp->vf, igx_mbx_id_name(reply->id));
		reply->ack = false;
		reply->reason = IGX_MBX_NACK_UNSPEC;
		igx_mbx_encode_reply(reply, vfp->api, &out);
	}
	if (reply->ack)
		vfp->stats.acks++;
	else
		vfp->stats.nacks++;
	err = igx_mbx_pf_reply(pf, vfp->vf, &out);
	if (!err) {
		vfp->cts_owed = vfp->cts && reply->id == IGX_MBX_VF_RESET;
		vfp->cts_owed_ns = now_ns;
	}
	return err;
}

static int igx_mbx_pf_lock_failed(struct igx_mbx_pf *pf,
				  struct igx_mbx_pf_vf *vfp, int err)
{
	if (err != -EBUSY)
		return err;
	vfp->stats.lock_busy++;
	if (++vfp->lock_fails >= IGX_MBX_STUCK_LOCKS) {
		dev_warn_ratelimited(pf->io.dev,
				     "VF %u keeps its mailbox locked: forcing it free, its request is dropped\n",
				     vfp->vf);
		igx_mbx_pf_reset_vfu(pf, vfp->vf);
		vfp->lock_fails = 0;
	}
	return err;
}

/**
 * igx_mbx_pf_serve() - handle one pending request of a VF
 * @pf: the PF transport
 * @pol: the policy
 * @vfp: the VF's state
 * @now_ns: monotonic time, for the throttle and the log
 *
 * Call for each VF igx_mbx_pf_poll() reports in @req, from the PF's
 * mailbox work item (it sleeps). Throttles, reads, parses and checks the
 * request, lets @pol->ops->apply() carry it out, and answers with ACK or
 * NACK. Counters and the rate-limited log record every refusal.
 *
 * Return: 0 when answered; a positive number of nanoseconds when the
 * throttle deferred the request (it stays unread: serve it again then);
 * a negative errno when the mailbox could not be read (-EBUSY: the VF
 * holds the lock, try again; after three in a row the VF's lock is reset
 * and the request dropped).
 */
s64 igx_mbx_pf_serve(struct igx_mbx_pf *pf,
		     const struct igx_mbx_pf_policy *pol,
		     struct igx_mbx_pf_vf *vfp, u64 now_ns)
{
	struct igx_mbx_reply reply = {};
	struct igx_mbx_msg msg;
	struct igx_mbx_req req;
	u64 wait;
	u32 hdr;
	int err;

	wait = igx_mbx_pf_throttle(pol, vfp, now_ns);
	if (wait && wait <= pol->max_defer_ns) {
		vfp->stats.deferred++;
		return wait;
	}
	err = igx_mbx_pf_read(pf, vfp->vf, &msg);
	if (err)
		return igx_mbx_pf_lock_failed(pf, vfp, err);
	vfp->lock_fails = 0;
	vfp->stats.msgs++;

	hdr = le32_to_cpu(msg.w[0]);
	reply.id = FIELD_GET(IGX_MBX_HDR_ID, hdr);
	reply.info = FIELD_GET(IGX_MBX_HDR_INFO, hdr);
	if (wait) {
		vfp->stats.throttled++;
		err = -EBUSY;
	} else {
		err = igx_mbx_parse_req(&msg, &req);
		if (err)
			vfp->stats.malformed++;
		else
			err = igx_mbx_pf_check(pol, vfp, &req);
		if (!err)
			err = igx_mbx_pf_handle(pol, vfp, &req, &reply);
	}
	reply.ack = !err;
	if (err) {
		reply.reason = igx_mbx_errno_nack(err);
		if (err != -EADDRNOTAVAIL)
			igx_mbx_pf_log(pol, vfp, hdr, err, now_ns);
	}
	return igx_mbx_pf_answer(pf, vfp, &reply, now_ns);
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_pf_serve, IGX);

/**
 * igx_mbx_pf_notify() - tell a VF about its CTS and link state
 * @pf: the PF transport
 * @vfp: the VF's state
 * @link: link as the VF should see it; may be NULL
 *
 * A VF on IGX_MBX_API_1 gets LINK_STATE, any other (stock igbvf) the
 * 82576 PF_CONTROL message; both carry CTS. A VF that is not clear to send
 * (after igx_mbx_pf_vf_reset_event(): PF reset, admin change) gets the
 * bare NACK instead: igbvf waits forever on a PF_CONTROL without CTS, but
 * resets itself on "NACK without CTS", and so does igx_vf.
 *
 * Return: 0, or an errno of igx_mbx_pf_send(): on -EBUSY serve the VF's
 * pending request first and try again; on -EAGAIN try again once the VF
 * acknowledged its last message.
 */
int igx_mbx_pf_notify(struct igx_mbx_pf *pf, struct igx_mbx_pf_vf *vfp,
		      const struct igx_mbx_link *link)
{
	struct igx_mbx_event ev = { .id = IGX_MBX_PF_CONTROL, .cts = vfp->cts };
	struct igx_mbx_msg msg;
	int err;

	if (!vfp->cts) {
		ev.id = IGX_MBX_ID_NONE;
	} else if (vfp->api >= IGX_MBX_API_1 && link) {
		ev.id = IGX_MBX_LINK_STATE;
		ev.link = *link;
	}
	err = igx_mbx_encode_event(&ev, &msg);
	if (err)
		return err;
	err = igx_mbx_pf_send(pf, vfp->vf, &msg);
	if (!err && ev.cts)
		vfp->cts_owed = false;
	return err;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_pf_notify, IGX);

/**
 * igx_mbx_pf_cts_owed() - should the PF tell an idle VF it is clear to send
 * @vfp: the VF's state
 * @now_ns: monotonic time
 *
 * The VF_RESET reply carries no CTS (igbvf compares it with the bare ACK).
 * A VF normally follows it at once with requests whose replies do. But
 * igbvf, when one of its posted requests timed out (the PF took longer
 * than its 1 s, e.g. busy with its own reset), sends nothing more and
 * decides its link from the last word in the mailbox alone: no CTS, no
 * NACK means "wait", forever. A PF_CONTROL with CTS ends that (igbvf then
 * resets itself, or takes the link). Owed when the VF_RESET reply is
 * still the last message after a second.
 *
 * Return: true when the caller should igx_mbx_pf_notify() the VF.
 */
bool igx_mbx_pf_cts_owed(const struct igx_mbx_pf_vf *vfp, u64 now_ns)
{
	return vfp->cts && vfp->cts_owed &&
	       now_ns - vfp->cts_owed_ns >= NSEC_PER_SEC;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_pf_cts_owed, IGX);
