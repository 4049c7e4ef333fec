// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * Mailbox transport, VF side. The VF owns V2PMAILBOX and the 16 words of
 * VMBMEM in its BAR. PFSTS, PFACK and RSTD clear when V2PMAILBOX is read,
 * so every read folds them into vf->v2p and a bit is consumed only where
 * it is acted on. RSTI is a level: set while the PF is in reset.
 *
 * A request: lock (VFU, verified by reading it back), write the words,
 * write REQ (drops VFU); wait for PFACK; wait for PFSTS; lock, read the
 * reply, write ACK (drops VFU). Every wait polls with sleeps and a bound:
 * the VF never needs the mailbox interrupt, which QEMU 10 delivers on the
 * wrong vector.
 */

#include <linux/bitfield.h>
#include <linux/device.h>
#include <linux/etherdevice.h>
#include <linux/export.h>

#include "common/igx_regs.h"
#include "mailbox/igx_mbx_io.h"

/* Attempts of a request whose buffer the PF overwrote (igb does that). */
#define IGX_MBX_VF_TRIES	3

#define IGX_MBX_VF_RESET_BITS	(IGX_V2PMAILBOX_RSTI | IGX_V2PMAILBOX_RSTD)

/**
 * igx_mbx_vf_init() - set up the VF side of the mailbox
 * @vf: the VF transport
 * @ops: register access to the VF BAR
 * @ctx: passed to @ops
 * @dev: for log messages, may be NULL
 */
void igx_mbx_vf_init(struct igx_mbx_vf *vf, const struct igx_mbx_ops *ops,
		     void *ctx, struct device *dev)
{
	memset(vf, 0, sizeof(*vf));
	vf->io.ops = ops;
	vf->io.ctx = ctx;
	vf->io.dev = dev;
	vf->api = IGX_MBX_API_BASE;
	vf->timeout_us = IGX_MBX_VF_TIMEOUT_US;
	mutex_init(&vf->lock);
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_vf_init, IGX);

/**
 * igx_mbx_vf_destroy() - tear down what igx_mbx_vf_init() set up
 * @vf: the VF transport
 */
void igx_mbx_vf_destroy(struct igx_mbx_vf *vf)
{
	mutex_destroy(&vf->lock);
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_vf_destroy, IGX);

/* Read V2PMAILBOX, keeping the read-to-clear bits until consumed. */
static int igx_mbx_vf_refresh(struct igx_mbx_vf *vf)
{
	u32 val = igx_mbx_rd(&vf->io, IGX_V2PMAILBOX);

	if (val == IGX_MBX_GONE)
		return -ENODEV;
	vf->v2p = (vf->v2p & IGX_V2PMAILBOX_R2C) | val;
	return 0;
}

static bool igx_mbx_vf_take(struct igx_mbx_vf *vf, u32 bit)
{
	if (!(vf->v2p & bit))
		return false;
	vf->v2p &= ~bit;
	return true;
}

static int igx_mbx_vf_lock(struct igx_mbx_vf *vf)
{
	unsigned int try;
	int err;

	for (try = 0; try < IGX_MBX_LOCK_TRIES; try++) {
		igx_mbx_wr(&vf->io, IGX_V2PMAILBOX, IGX_V2PMAILBOX_VFU);
		err = igx_mbx_vf_refresh(vf);
		if (err)
			return err;
		if (vf->v2p & IGX_V2PMAILBOX_VFU)
			return 0;
		igx_mbx_sleep(&vf->io, IGX_MBX_LOCK_SLEEP_US);
	}
	dev_warn_ratelimited(vf->io.dev,
			     "the PF holds the mailbox buffer: VF lock not taken after %u tries\n",
			     IGX_MBX_LOCK_TRIES);
	return -EBUSY;
}

static void igx_mbx_vf_unlock(struct igx_mbx_vf *vf)
{
	igx_mbx_wr(&vf->io, IGX_V2PMAILBOX, 0);
}

/* Read the PF's message (PFSTS was seen) and acknowledge it. */
static int igx_mbx_vf_recv(struct igx_mbx_vf *vf, struct igx_mbx_msg *msg)
{
	unsigned int i;
	u32 hdr;
	int err;

	err = igx_mbx_vf_lock(vf);
	if (err)
		return err;
	memset(msg, 0, sizeof(*msg));
	hdr = igx_mbx_rd(&vf->io, IGX_VF_VMBMEM(0));
	msg->w[0] = cpu_to_le32(hdr);
	msg->len = igx_mbx_pf_msg_len(hdr, vf->api);
	for (i = 1; i < msg->len; i++)
		msg->w[i] = cpu_to_le32(igx_mbx_rd(&vf->io, IGX_VF_VMBMEM(i)));
	/* ACK tells the PF the buffer is free again and drops VFU. */
	igx_mbx_wr(&vf->io, IGX_V2PMAILBOX, IGX_V2PMAILBOX_ACK);
	vf->stats.rx++;
	return 0;
}

/* Keep a message the PF sent on its own for igx_mbx_vf_poll(). */
static void igx_mbx_vf_stash(struct igx_mbx_vf *vf,
			     const struct igx_mbx_msg *msg)
{
	struct igx_mbx_event ev;

	if (igx_mbx_parse_event(msg, &ev)) {
		dev_warn_ratelimited(vf->io.dev,
				     "ignored message %#010x from the PF\n",
				     le32_to_cpu(msg->w[0]));
		return;
	}
	vf->event = ev;
	vf->event_pending = true;
	vf->stats.events++;
}

static int igx_mbx_vf_take_msg(struct igx_mbx_vf *vf)
{
	struct igx_mbx_msg msg;
	int err;

	if (!igx_mbx_vf_take(vf, IGX_V2PMAILBOX_PFSTS))
		return 0;
	err = igx_mbx_vf_recv(vf, &msg);
	if (!err)
		igx_mbx_vf_stash(vf, &msg);
	return err;
}

static int igx_mbx_vf_check_reset(struct igx_mbx_vf *vf, u16 id)
{
	if (vf->v2p & IGX_V2PMAILBOX_RSTI)
		return -ENETRESET;
	/* A PF reset completed: only the reset handshake may go on. */
	if (vf->v2p & IGX_V2PMAILBOX_RSTD) {
		if (id != IGX_MBX_VF_RESET)
			return -ENETRESET;
		vf->v2p &= ~IGX_V2PMAILBOX_RSTD;
	}
	return 0;
}

static int igx_mbx_vf_timeout(struct igx_mbx_vf *vf, u16 id, const char *what)
{
	vf->stats.timeouts++;
	dev_warn_ratelimited(vf->io.dev,
			     "no %s from the PF for %s (%#06x) in %u ms\n",
			     what, igx_mbx_id_name(id), id,
			     vf->timeout_us / 1000);
	return -ETIMEDOUT;
}

static int igx_mbx_vf_wait_ack(struct igx_mbx_vf *vf, u16 id)
{
	struct igx_mbx_wait w;
	int err;

	igx_mbx_wait_init(&w, vf->timeout_us);
	do {
		err = igx_mbx_vf_refresh(vf);
		if (err)
			return err;
		if (vf->v2p & IGX_MBX_VF_RESET_BITS)
			return -ENETRESET;
		if (igx_mbx_vf_take(vf, IGX_V2PMAILBOX_PFACK))
			return 0;
		/* A message without PFACK: the PF wrote over our request. */
		if (vf->v2p & IGX_V2PMAILBOX_PFSTS) {
			err = igx_mbx_vf_take_msg(vf);
			return err ?: -EAGAIN;
		}
	} while (igx_mbx_wait_next(&vf->io, &w));
	return igx_mbx_vf_timeout(vf, id, "ACK");
}

static int igx_mbx_vf_wait_reply(struct igx_mbx_vf *vf, u16 id,
				 struct igx_mbx_msg *rsp)
{
	struct igx_mbx_wait w;
	u32 hdr;
	int err;

	igx_mbx_wait_init(&w, vf->timeout_us);
	do {
		err = igx_mbx_vf_refresh(vf);
		if (err)
			return err;
		if (vf->v2p & IGX_MBX_VF_RESET_BITS)
			return -ENETRESET;
		if (!igx_mbx_vf_take(vf, IGX_V2PMAILBOX_PFSTS))
			continue;
		err = igx_mbx_vf_recv(vf, rsp);
		if (err)
			return err;
		hdr = le32_to_cpu(rsp->w[0]);
		if (hdr & (IGX_MBX_HDR_ACK | IGX_MBX_HDR_NACK) &&
		    FIELD_GET(IGX_MBX_HDR_ID, hdr) == id)
			return 0;
		igx_mbx_vf_stash(vf, rsp);
	} while (igx_mbx_wait_next(&vf->io, &w));
	return igx_mbx_vf_timeout(vf, id, "reply");
}

/* One attempt of a request; -EAGAIN when a PF message got in the way. */
static int igx_mbx_vf_xfer(struct igx_mbx_vf *vf, const struct igx_mbx_msg *req,
			   struct igx_mbx_msg *rsp)
{
	u16 id = FIELD_GET(IGX_MBX_HDR_ID, le32_to_cpu(req->w[0]));
	unsigned int i;
	int err;

	err = igx_mbx_vf_refresh(vf);
	if (err)
		return err;
	err = igx_mbx_vf_check_reset(vf, id);
	if (err)
		return err;
	/* Read what the PF sent before overwriting the shared buffer. */
	err = igx_mbx_vf_take_msg(vf);
	if (err)
		return err;

	err = igx_mbx_vf_lock(vf);
	if (err)
		return err;
	if (vf->v2p & IGX_V2PMAILBOX_PFSTS) {
		igx_mbx_vf_unlock(vf);
		return -EAGAIN;
	}
	vf->v2p &= ~IGX_V2PMAILBOX_PFACK;	/* stale, from a timed-out request */
	for (i = 0; i < req->len; i++)
		igx_mbx_wr(&vf->io, IGX_VF_VMBMEM(i), le32_to_cpu(req->w[i]));
	igx_mbx_wr(&vf->io, IGX_V2PMAILBOX, IGX_V2PMAILBOX_REQ);
	vf->stats.tx++;

	err = igx_mbx_vf_wait_ack(vf, id);
	if (err)
		return err;
	return igx_mbx_vf_wait_reply(vf, id, rsp);
}

static int igx_mbx_vf_reply_errno(struct igx_mbx_vf *vf,
				  const struct igx_mbx_reply *reply)
{
	if (reply->ack)
		return 0;
	vf->stats.nacks++;
	if (reply->id == IGX_MBX_VF_RESET)
		return -EADDRNOTAVAIL;
	if (!reply->cts)
		return -ENOTCONN;
	return igx_mbx_nack_errno(reply->reason);
}

/**
 * igx_mbx_vf_request() - send a request to the PF and wait for the reply
 * @vf: the VF transport
 * @req: the request
 * @reply: the decoded reply, valid when 0, -EADDRNOTAVAIL, -ENOTCONN or
 *	the errno of a NACK is returned
 *
 * May sleep, up to twice @vf->timeout_us (ACK, then reply); callers in
 * atomic context (ndo_set_rx_mode) must defer to a work item. Messages
 * the PF sends on its own meanwhile are kept for igx_mbx_vf_poll().
 *
 * Return: 0 on ACK. On NACK: -EADDRNOTAVAIL for VF_RESET (the PF has no
 * MAC for the VF), -ENOTCONN when the VF is not clear to send (do a VF
 * reset), else the errno of the NACK reason (-EPERM without one).
 * Otherwise: -EOPNOTSUPP for an extension not negotiated, -EINVAL for a
 * request that cannot be encoded, -ENETRESET when the PF is or was in
 * reset, -ETIMEDOUT, -EBUSY (mailbox lock), -EAGAIN (the PF kept
 * overwriting the request), -EPROTO or -EMSGSIZE (bad reply), -ENODEV.
 */
int igx_mbx_vf_request(struct igx_mbx_vf *vf, const struct igx_mbx_req *req,
		       struct igx_mbx_reply *reply)
{
	struct igx_mbx_msg out, in;
	unsigned int try;
	int err;

	might_sleep();
	memset(reply, 0, sizeof(*reply));
	err = igx_mbx_encode_req(req, &out);
	if (err)
		return err;

	mutex_lock(&vf->lock);
	if (igx_mbx_id_is_ext(req->id) && req->id != IGX_MBX_API_NEGOTIATE &&
	    vf->api < IGX_MBX_API_1) {
		err = -EOPNOTSUPP;
		goto unlock;
	}
	for (try = 0; try < IGX_MBX_VF_TRIES; try++) {
		err = igx_mbx_vf_xfer(vf, &out, &in);
		if (err != -EAGAIN)
			break;
	}
	if (err)
		goto unlock;
	err = igx_mbx_parse_reply(&in, req->id, vf->api, reply);
	if (err) {
		dev_warn_ratelimited(vf->io.dev,
				     "bad reply %#010x to %s: %d\n",
				     le32_to_cpu(in.w[0]),
				     igx_mbx_id_name(req->id), err);
		goto unlock;
	}
	err = igx_mbx_vf_reply_errno(vf, reply);
unlock:
	mutex_unlock(&vf->lock);
	return err;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_vf_request, IGX);

/**
 * igx_mbx_vf_reset_pending() - has the PF been reset
 * @vf: the VF transport
 *
 * Consumes RSTD. The VF driver calls it from its watchdog and, when it
 * returns 1, resets itself and runs igx_mbx_vf_reset() again.
 *
 * Return: 1 when RSTI is set or RSTD was seen, 0 if not, -ENODEV.
 */
int igx_mbx_vf_reset_pending(struct igx_mbx_vf *vf)
{
	int ret;

	mutex_lock(&vf->lock);
	ret = igx_mbx_vf_refresh(vf);
	if (!ret && vf->v2p & IGX_MBX_VF_RESET_BITS) {
		vf->v2p &= ~IGX_V2PMAILBOX_RSTD;
		vf->stats.resets++;
		ret = 1;
	}
	mutex_unlock(&vf->lock);
	return ret;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_vf_reset_pending, IGX);

/**
 * igx_mbx_vf_wait_pf_ready() - wait until the PF is out of reset
 * @vf: the VF transport
 *
 * Polls RSTI, which the PF clears when it comes up (CTRL_EXT.PFRSTD). An
 * igb PF does that only while its interface is up.
 *
 * Return: 0, -ETIMEDOUT after @vf->timeout_us, -ENODEV.
 */
int igx_mbx_vf_wait_pf_ready(struct igx_mbx_vf *vf)
{
	struct igx_mbx_wait w;
	int err;

	might_sleep();
	mutex_lock(&vf->lock);
	igx_mbx_wait_init(&w, vf->timeout_us);
	do {
		err = igx_mbx_vf_refresh(vf);
		if (err || !(vf->v2p & IGX_V2PMAILBOX_RSTI))
			goto unlock;
	} while (igx_mbx_wait_next(&vf->io, &w));
	vf->stats.timeouts++;
	dev_warn_ratelimited(vf->io.dev,
			     "PF still in reset after %u ms; is the PF interface up?\n",
			     vf->timeout_us / 1000);
	err = -ETIMEDOUT;
unlock:
	mutex_unlock(&vf->lock);
	return err;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_vf_wait_pf_ready, IGX);

/**
 * igx_mbx_vf_reset() - the VF reset handshake
 * @vf: the VF transport
 * @mac: ETH_ALEN bytes: the MAC the PF assigned, or zeroes when it has
 *	none (the VF then picks a random one)
 *
 * Waits for the PF to be out of reset, then sends VF_RESET. Afterwards
 * the VF is clear to send and speaks the base protocol until
 * igx_mbx_vf_negotiate(). The caller has reset the VF's queues before.
 *
 * Return: 0, or an errno of igx_mbx_vf_wait_pf_ready() or
 * igx_mbx_vf_request().
 */
int igx_mbx_vf_reset(struct igx_mbx_vf *vf, u8 *mac)
{
	const struct igx_mbx_req req = { .id = IGX_MBX_VF_RESET };
	struct igx_mbx_reply reply;
	int err;

	eth_zero_addr(mac);
	err = igx_mbx_vf_wait_pf_ready(vf);
	if (err)
		return err;

	mutex_lock(&vf->lock);
	vf->api = IGX_MBX_API_BASE;
	vf->event_pending = false;
	mutex_unlock(&vf->lock);

	err = igx_mbx_vf_request(vf, &req, &reply);
	if (err == -EADDRNOTAVAIL)
		return 0;
	if (!err)
		ether_addr_copy(mac, reply.mac);
	return err;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_vf_reset, IGX);

/**
 * igx_mbx_vf_negotiate() - agree on the protocol version with the PF
 * @vf: the VF transport
 *
 * Proposes IGX_MBX_API_LATEST. A stock igb PF NACKs the unknown message:
 * the VF then stays on the base protocol and never sends an extension.
 * Call after igx_mbx_vf_reset(); a VF reset forgets the result.
 *
 * Return: the agreed enum igx_mbx_api (IGX_MBX_API_BASE on fallback), or
 * a negative errno of igx_mbx_vf_request(); -EPROTO when the PF agreed on
 * a version that was not proposed.
 */
int igx_mbx_vf_negotiate(struct igx_mbx_vf *vf)
{
	const struct igx_mbx_req req = {
		.id = IGX_MBX_API_NEGOTIATE,
		.api.version = IGX_MBX_API_LATEST,
	};
	struct igx_mbx_reply reply;
	u32 api;
	int err;

	err = igx_mbx_vf_request(vf, &req, &reply);
	if (!err && reply.version > IGX_MBX_API_LATEST)
		err = -EPROTO;
	if (err == -EPERM || err == -EOPNOTSUPP) {
		dev_info(vf->io.dev,
			 "PF does not speak the igx mailbox extensions: using the 82576 base protocol\n");
		api = IGX_MBX_API_BASE;
	} else if (!err) {
		api = reply.version;
	} else {
		return err;
	}

	mutex_lock(&vf->lock);
	vf->api = api;
	mutex_unlock(&vf->lock);
	return api;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_vf_negotiate, IGX);

/**
 * igx_mbx_vf_poll() - fetch a message the PF sent on its own
 * @vf: the VF transport
 * @ev: filled when 1 is returned
 *
 * Returns the newest one: those the PF sends are states (CTS, link), so
 * an older one is out of date. Call it from the watchdog; no interrupt
 * is needed.
 *
 * Return: 1 with @ev filled, 0 when there is none, or a negative errno
 * from reading the mailbox.
 */
int igx_mbx_vf_poll(struct igx_mbx_vf *vf, struct igx_mbx_event *ev)
{
	int err = 0;

	mutex_lock(&vf->lock);
	if (!vf->event_pending) {
		err = igx_mbx_vf_refresh(vf);
		if (!err)
			err = igx_mbx_vf_take_msg(vf);
	}
	if (!err && vf->event_pending) {
		*ev = vf->event;
		vf->event_pending = false;
		err = 1;
	}
	mutex_unlock(&vf->lock);
	return err;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_vf_poll, IGX);
