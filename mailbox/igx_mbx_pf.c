// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * Mailbox transport, PF side. Per VF the PF owns P2VMAILBOX(vf) and the
 * VF's 16 words of VMBMEM; MBVFICR and VFLRE report requests, acks and
 * resets of all VFs and are write-1-to-clear.
 *
 * Receiving: lock (PFU, verified by reading it back: the write is ignored
 * while the VF holds VFU), read the words the header implies, then write
 * ACK|PFU: the VF sees PFACK and the PF keeps the buffer for its reply.
 * Replying: write the words, then STS, which also drops PFU.
 */

#include <linux/bitfield.h>
#include <linux/bitmap.h>
#include <linux/device.h>
#include <linux/export.h>

#include "common/igx_regs.h"
#include "mailbox/igx_mbx_io.h"

/**
 * igx_mbx_pf_init() - set up the PF side of the VF mailboxes
 * @pf: the PF transport
 * @ops: register access to the PF BAR
 * @ctx: passed to @ops
 * @dev: for log messages, may be NULL
 * @num_vfs: VFs enabled, at most IGX_MAX_VFS
 */
void igx_mbx_pf_init(struct igx_mbx_pf *pf, const struct igx_mbx_ops *ops,
		     void *ctx, struct device *dev, unsigned int num_vfs)
{
	pf->io.ops = ops;
	pf->io.ctx = ctx;
	pf->io.dev = dev;
	pf->num_vfs = min(num_vfs, IGX_MAX_VFS);
	pf->req_pending = 0;
	pf->unacked = 0;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_pf_init, IGX);

/**
 * igx_mbx_pf_poll() - collect mailbox requests, acks and VF resets
 * @pf: the PF transport
 * @ev: one bit per VF in each mask
 *
 * Reads MBVFICR and VFLRE once for all VFs and clears what it found. A
 * request stays reported in @ev->req until igx_mbx_pf_read() takes it, so
 * a request the caller defers is not lost with the hardware bit.
 *
 * Return: 0, or -ENODEV when the registers read all-ones.
 */
int igx_mbx_pf_poll(struct igx_mbx_pf *pf, struct igx_mbx_pf_events *ev)
{
	unsigned long mask;
	u32 icr, vflre, clr;

	memset(ev, 0, sizeof(*ev));
	if (!pf->num_vfs)
		return 0;
	mask = GENMASK(pf->num_vfs - 1, 0);
	icr = igx_mbx_rd(&pf->io, IGX_MBVFICR);
	vflre = igx_mbx_rd(&pf->io, IGX_VFLRE);
	if (icr == IGX_MBX_GONE || vflre == IGX_MBX_GONE)
		return -ENODEV;

	ev->ack = FIELD_GET(IGX_MBVFICR_VFACK, icr) & mask;
	pf->unacked &= ~ev->ack;
	pf->req_pending |= FIELD_GET(IGX_MBVFICR_VFREQ, icr) & mask;
	clr = FIELD_PREP(IGX_MBVFICR_VFREQ, mask) |
	      FIELD_PREP(IGX_MBVFICR_VFACK, mask);
	if (icr & clr)
		igx_mbx_wr(&pf->io, IGX_MBVFICR, icr & clr);
	ev->rst = vflre & mask;
	if (ev->rst)
		igx_mbx_wr(&pf->io, IGX_VFLRE, ev->rst);
	ev->req = pf->req_pending;
	return 0;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_pf_poll, IGX);

/**
 * igx_mbx_pf_lock() - take a VF's mailbox buffer for the PF
 * @pf: the PF transport
 * @vf: VF number
 *
 * Sets PFU and reads it back; while the VF holds VFU the hardware ignores
 * the write. Tries IGX_MBX_LOCK_TRIES times, sleeping in between.
 *
 * Return: 0 with the lock held, -EBUSY when the VF kept the buffer,
 * -ENODEV when the device is gone.
 */
int igx_mbx_pf_lock(struct igx_mbx_pf *pf, unsigned int vf)
{
	unsigned int try;
	u32 val;

	might_sleep();
	for (try = 0; try < IGX_MBX_LOCK_TRIES; try++) {
		igx_mbx_wr(&pf->io, IGX_P2VMAILBOX(vf), IGX_P2VMAILBOX_PFU);
		val = igx_mbx_rd(&pf->io, IGX_P2VMAILBOX(vf));
		if (val == IGX_MBX_GONE)
			return -ENODEV;
		if (val & IGX_P2VMAILBOX_PFU)
			return 0;
		igx_mbx_sleep(&pf->io, IGX_MBX_LOCK_SLEEP_US);
	}
	dev_warn_ratelimited(pf->io.dev,
			     "VF %u holds its mailbox buffer: PF lock not taken after %u tries\n",
			     vf, IGX_MBX_LOCK_TRIES);
	return -EBUSY;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_pf_lock, IGX);

/**
 * igx_mbx_pf_unlock() - give a VF's mailbox buffer back without writing
 * @pf: the PF transport
 * @vf: VF number
 */
void igx_mbx_pf_unlock(struct igx_mbx_pf *pf, unsigned int vf)
{
	/* A write without PFU (and without STS, ACK, RVFU) only drops PFU. */
	igx_mbx_wr(&pf->io, IGX_P2VMAILBOX(vf), 0);
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_pf_unlock, IGX);

/**
 * igx_mbx_pf_read() - receive a VF's request and acknowledge it
 * @pf: the PF transport
 * @vf: VF number
 * @msg: the words read and their number
 *
 * Reads the header, then only the words igx_mbx_req_len() says the
 * request has, and writes ACK|PFU: the VF stops waiting for PFACK and the
 * buffer stays locked for igx_mbx_pf_reply(), which must follow.
 *
 * Return: 0 with the lock held, or the error of igx_mbx_pf_lock().
 */
int igx_mbx_pf_read(struct igx_mbx_pf *pf, unsigned int vf,
		    struct igx_mbx_msg *msg)
{
	unsigned int i;
	u32 hdr;
	int err;

	err = igx_mbx_pf_lock(pf, vf);
	if (err)
		return err;

	memset(msg, 0, sizeof(*msg));
	hdr = igx_mbx_rd(&pf->io, IGX_VMBMEM(vf, 0));
	msg->w[0] = cpu_to_le32(hdr);
	msg->len = igx_mbx_req_len(hdr);
	for (i = 1; i < msg->len; i++)
		msg->w[i] = cpu_to_le32(igx_mbx_rd(&pf->io, IGX_VMBMEM(vf, i)));

	igx_mbx_wr(&pf->io, IGX_P2VMAILBOX(vf),
		   IGX_P2VMAILBOX_ACK | IGX_P2VMAILBOX_PFU);
	__clear_bit(vf, &pf->req_pending);
	/* A new request: the VF is done with the previous reply. */
	__clear_bit(vf, &pf->unacked);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_pf_read, IGX);

static void igx_mbx_pf_write(struct igx_mbx_pf *pf, unsigned int vf,
			     const struct igx_mbx_msg *msg)
{
	unsigned int i;

	for (i = 0; i < msg->len && i < IGX_MBX_MAX_WORDS; i++)
		igx_mbx_wr(&pf->io, IGX_VMBMEM(vf, i), le32_to_cpu(msg->w[i]));
	/* STS raises PFSTS at the VF; without PFU it also drops the lock. */
	igx_mbx_wr(&pf->io, IGX_P2VMAILBOX(vf), IGX_P2VMAILBOX_STS);
}

/**
 * igx_mbx_pf_reply() - answer the request igx_mbx_pf_read() returned
 * @pf: the PF transport
 * @vf: VF number
 * @msg: the reply
 *
 * Call with the lock igx_mbx_pf_read() left held; releases it.
 *
 * Return: 0, or -EMSGSIZE for an empty or oversized @msg (the lock is
 * released then too).
 */
int igx_mbx_pf_reply(struct igx_mbx_pf *pf, unsigned int vf,
		     const struct igx_mbx_msg *msg)
{
	if (!msg->len || msg->len > IGX_MBX_MAX_WORDS) {
		igx_mbx_pf_unlock(pf, vf);
		return -EMSGSIZE;
	}
	igx_mbx_pf_write(pf, vf, msg);
	__set_bit(vf, &pf->unacked);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_pf_reply, IGX);

/**
 * igx_mbx_pf_send() - send a message the VF did not ask for
 * @pf: the PF transport
 * @vf: VF number
 * @msg: the message (PF_CONTROL, LINK_STATE)
 *
 * Never overwrites a request the PF has not read (igb does, and the VF
 * then waits for an ACK that never comes) nor a reply the VF has not
 * acknowledged. Serve the VF first and retry.
 *
 * Return: 0; -EBUSY when a request from the VF is pending or the VF
 * holds the buffer (serve it, retry soon); -EAGAIN when the VF has not
 * acknowledged the last message (its ACK raises the mailbox interrupt:
 * retry then, not on a timer, or a VF without a driver is polled
 * forever); -EMSGSIZE for a bad @msg; -ENODEV when the device is gone.
 */
int igx_mbx_pf_send(struct igx_mbx_pf *pf, unsigned int vf,
		    const struct igx_mbx_msg *msg)
{
	u32 icr;
	int err;

	if (!msg->len || msg->len > IGX_MBX_MAX_WORDS)
		return -EMSGSIZE;
	if (test_bit(vf, &pf->req_pending))
		return -EBUSY;
	err = igx_mbx_pf_lock(pf, vf);
	if (err)
		return err;
	/* With PFU held the VF cannot start a request; check it has none. */
	icr = igx_mbx_rd(&pf->io, IGX_MBVFICR);
	if (icr == IGX_MBX_GONE) {
		igx_mbx_pf_unlock(pf, vf);
		return -ENODEV;
	}
	if (icr & IGX_MBVFICR_VFACK_BIT(vf))
		__clear_bit(vf, &pf->unacked);
	if (icr & IGX_MBVFICR_VFREQ_BIT(vf)) {
		igx_mbx_pf_unlock(pf, vf);
		/* igx_mbx_pf_poll() reports the request */
		__set_bit(vf, &pf->req_pending);
		return -EBUSY;
	}
	if (test_bit(vf, &pf->unacked)) {
		igx_mbx_pf_unlock(pf, vf);
		return -EAGAIN;
	}
	igx_mbx_pf_write(pf, vf, msg);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_pf_send, IGX);

/**
 * igx_mbx_pf_reset_vfu() - take the buffer back from a stuck VF
 * @pf: the PF transport
 * @vf: VF number
 *
 * Writes RVFU, which clears the VF's VFU and its MBVFICR bits; the
 * pending request, if any, is dropped. QEMU 10 clears only the VF's view
 * of VFU, so there the PF may stay locked out until the VF writes its
 * mailbox register again.
 */
void igx_mbx_pf_reset_vfu(struct igx_mbx_pf *pf, unsigned int vf)
{
	igx_mbx_wr(&pf->io, IGX_P2VMAILBOX(vf), IGX_P2VMAILBOX_RVFU);
	__clear_bit(vf, &pf->req_pending);
	__clear_bit(vf, &pf->unacked);
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_pf_reset_vfu, IGX);

/**
 * igx_mbx_pf_drop() - leave a VF's pending request unanswered
 * @pf: the PF transport
 * @vf: VF number
 *
 * Forgets the request without reading it or writing ACK, as a PF that
 * stopped serving its mailbox would: the VF's wait for the ACK times out.
 * For fault injection (the PF's debugfs mbx_mute).
 */
void igx_mbx_pf_drop(struct igx_mbx_pf *pf, unsigned int vf)
{
	__clear_bit(vf, &pf->req_pending);
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_pf_drop, IGX);

/**
 * igx_mbx_pf_device_reset() - forget transactions a device reset wiped
 * @pf: the PF transport
 *
 * A MAC reset clears MBVFICR and every VF's mailbox memory: no request is
 * waiting and no reply will be acknowledged. Without this, a reply sent
 * just before the reset would block every later notification to its VF.
 */
void igx_mbx_pf_device_reset(struct igx_mbx_pf *pf)
{
	pf->req_pending = 0;
	pf->unacked = 0;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_pf_device_reset, IGX);
