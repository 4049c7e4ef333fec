// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * Fake 82576 mailbox registers and a PF bench for the igx mailbox KUnit
 * suites. The semantics follow QEMU 10's igb emulation: PFU is set only
 * while VFU is clear and the other way round, a write without the lock
 * bit drops it, STS/ACK from the PF raise PFSTS/PFACK at the VF, REQ/ACK
 * from the VF raise MBVFICR bits, PFSTS/PFACK/RSTD clear when the VF
 * reads V2PMAILBOX, MBVFICR and VFLRE are write-1-to-clear, RVFU drops
 * VFU and the VF's MBVFICR bits.
 */

#include <kunit/device.h>
#include <linux/bitops.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>

#include "kunit/igx_mbx_fake.h"

static bool igx_fake_mem_reg(u32 reg, u32 base, u32 stride, unsigned int *vf,
			     unsigned int *word)
{
	if (reg < base || reg >= base + stride * IGX_MAX_VFS || reg % 4)
		return false;
	*vf = (reg - base) / stride;
	*word = (reg - base - *vf * stride) / 4;
	return *word < IGX_MBX_WORDS;
}

static u32 igx_fake_pf_read(struct igx_fake *f, u32 reg)
{
	unsigned int vf, w;

	if (igx_fake_mem_reg(reg, IGX_VMBMEM(0, 0), 0x40, &vf, &w)) {
		if (!f->pfu[vf])
			f->violations++;
		f->mem_reads++;
		return f->mem[vf][w];
	}
	if (igx_fake_mem_reg(reg, IGX_P2VMAILBOX(0), 4, &vf, &w) && !w)
		return (f->pfu[vf] ? IGX_P2VMAILBOX_PFU : 0) |
		       (f->vfu[vf] ? IGX_P2VMAILBOX_VFU : 0);
	if (reg == IGX_MBVFICR)
		return f->mbvficr;
	if (reg == IGX_VFLRE)
		return f->vflre;
	f->bad_regs++;
	return 0;
}

static void igx_fake_pf_write(struct igx_fake *f, u32 reg, u32 val)
{
	unsigned int vf, w;

	if (igx_fake_mem_reg(reg, IGX_VMBMEM(0, 0), 0x40, &vf, &w)) {
		if (!f->pfu[vf])
			f->violations++;
		f->mem[vf][w] = val;
	} else if (igx_fake_mem_reg(reg, IGX_P2VMAILBOX(0), 4, &vf, &w) &&
		   !w) {
		if (val & IGX_P2VMAILBOX_STS)
			f->v2p[vf] |= IGX_V2PMAILBOX_PFSTS;
		if (val & IGX_P2VMAILBOX_ACK)
			f->v2p[vf] |= IGX_V2PMAILBOX_PFACK;
		if (val & IGX_P2VMAILBOX_RVFU) {
			f->vfu[vf] = false;
			f->mbvficr &= ~(IGX_MBVFICR_VFREQ_BIT(vf) |
					IGX_MBVFICR_VFACK_BIT(vf));
		}
		f->pfu[vf] = (val & IGX_P2VMAILBOX_PFU) && !f->vfu[vf];
	} else if (reg == IGX_MBVFICR) {
		f->mbvficr &= ~val;
	} else if (reg == IGX_VFLRE) {
		f->vflre &= ~val;
	} else {
		f->bad_regs++;
	}
}

static u32 igx_fake_vf_read(struct igx_fake *f, unsigned int vf, u32 reg)
{
	u32 val;

	if (reg >= IGX_VF_VMBMEM(0) && reg < IGX_VF_VMBMEM(IGX_MBX_WORDS)) {
		if (!f->vfu[vf])
			f->violations++;
		return f->mem[vf][(reg - IGX_VF_VMBMEM(0)) / 4];
	}
	if (reg != IGX_V2PMAILBOX) {
		f->bad_regs++;
		return 0;
	}
	val = f->v2p[vf] | (f->vfu[vf] ? IGX_V2PMAILBOX_VFU : 0) |
	      (f->pfu[vf] ? IGX_V2PMAILBOX_PFU : 0);
	f->v2p[vf] &= ~IGX_V2PMAILBOX_R2C;
	return val;
}

static void igx_fake_vf_write(struct igx_fake *f, unsigned int vf, u32 reg,
			      u32 val)
{
	if (reg >= IGX_VF_VMBMEM(0) && reg < IGX_VF_VMBMEM(IGX_MBX_WORDS)) {
		if (!f->vfu[vf])
			f->violations++;
		f->mem[vf][(reg - IGX_VF_VMBMEM(0)) / 4] = val;
		return;
	}
	if (reg != IGX_V2PMAILBOX) {
		f->bad_regs++;
		return;
	}
	if (val & IGX_V2PMAILBOX_REQ)
		f->mbvficr |= IGX_MBVFICR_VFREQ_BIT(vf);
	if (val & IGX_V2PMAILBOX_ACK)
		f->mbvficr |= IGX_MBVFICR_VFACK_BIT(vf);
	f->vfu[vf] = (val & IGX_V2PMAILBOX_VFU) && !f->pfu[vf];
}

static u32 igx_fake_read32(void *ctx, u32 reg)
{
	struct igx_fake_port *port = ctx;

	if (port->fake->gone)
		return ~0U;
	if (port->vf == IGX_FAKE_PF)
		return igx_fake_pf_read(port->fake, reg);
	return igx_fake_vf_read(port->fake, port->vf, reg);
}

static void igx_fake_write32(void *ctx, u32 reg, u32 val)
{
	struct igx_fake_port *port = ctx;

	if (port->fake->gone)
		return;
	if (port->vf == IGX_FAKE_PF)
		igx_fake_pf_write(port->fake, reg, val);
	else
		igx_fake_vf_write(port->fake, port->vf, reg, val);
}

static void igx_fake_sleep(void *ctx, unsigned int min_us,
			   unsigned int max_us)
{
	struct igx_fake *f = ((struct igx_fake_port *)ctx)->fake;

	f->now_ns += (u64)min_us * NSEC_PER_USEC;
	f->sleeps++;
	if (f->hook && !f->in_hook) {
		f->in_hook = true;
		f->hook(f, f->hook_arg);
		f->in_hook = false;
	}
}

const struct igx_mbx_ops igx_fake_ops = {
	.read32 = igx_fake_read32,
	.write32 = igx_fake_write32,
	.sleep = igx_fake_sleep,
};

/**
 * igx_fake_init() - a fake mailbox with the PF up and every buffer free
 * @fake: the fake
 */
void igx_fake_init(struct igx_fake *fake)
{
	unsigned int vf;

	memset(fake, 0, sizeof(*fake));
	fake->pf_port.fake = fake;
	fake->pf_port.vf = IGX_FAKE_PF;
	for (vf = 0; vf < IGX_MAX_VFS; vf++) {
		fake->vf_port[vf].fake = fake;
		fake->vf_port[vf].vf = vf;
	}
}

/**
 * igx_fake_pf_reset() - the PF resets its MAC: RSTI at every VF
 * @fake: the fake
 */
void igx_fake_pf_reset(struct igx_fake *fake)
{
	unsigned int vf;

	for (vf = 0; vf < IGX_MAX_VFS; vf++)
		fake->v2p[vf] |= IGX_V2PMAILBOX_RSTI;
}

/**
 * igx_fake_pf_reset_done() - the PF sets CTRL_EXT.PFRSTD: RSTI off, RSTD on
 * @fake: the fake
 */
void igx_fake_pf_reset_done(struct igx_fake *fake)
{
	unsigned int vf;

	for (vf = 0; vf < IGX_MAX_VFS; vf++) {
		fake->v2p[vf] &= ~IGX_V2PMAILBOX_RSTI;
		fake->v2p[vf] |= IGX_V2PMAILBOX_RSTD;
	}
}

/**
 * igx_fake_vflr() - a VF function level reset: the VF's VFLRE bit
 * @fake: the fake
 * @vf: VF number
 */
void igx_fake_vflr(struct igx_fake *fake, unsigned int vf)
{
	fake->vflre |= BIT(vf);
}

/**
 * igx_fake_pf_write_msg() - a PF that ignores the lock writes and sends STS
 * @fake: the fake
 * @vf: VF number
 * @words: the message
 * @len: its length
 *
 * As igb does: its write flushes the VF's pending request bits.
 */
void igx_fake_pf_write_msg(struct igx_fake *fake, unsigned int vf,
			   const u32 *words, unsigned int len)
{
	memcpy(fake->mem[vf], words, len * sizeof(u32));
	fake->mbvficr &= ~(IGX_MBVFICR_VFREQ_BIT(vf) |
			   IGX_MBVFICR_VFACK_BIT(vf));
	fake->v2p[vf] |= IGX_V2PMAILBOX_PFSTS;
}

/**
 * igx_fake_vf_write_msg() - a VF that writes a raw request and REQ
 * @fake: the fake
 * @vf: VF number
 * @words: the message
 * @len: its length
 */
void igx_fake_vf_write_msg(struct igx_fake *fake, unsigned int vf,
			   const u32 *words, unsigned int len)
{
	memcpy(fake->mem[vf], words, len * sizeof(u32));
	fake->mbvficr |= IGX_MBVFICR_VFREQ_BIT(vf);
}

/* --- Bench ----------------------------------------------------------- */

static int igx_bench_apply(void *priv, struct igx_mbx_pf_vf *vfp,
			   const struct igx_mbx_req *req,
			   struct igx_mbx_reply *reply)
{
	struct igx_bench *b = priv;

	memcpy(&b->applied[vfp->vf], req, sizeof(*req));
	b->applies[vfp->vf]++;
	switch (req->id) {
	case IGX_MBX_VF_RESET:
		ether_addr_copy(reply->mac, b->mac[vfp->vf]);
		return 0;
	case IGX_MBX_GET_CAPS:
		reply->caps = b->caps;
		break;
	case IGX_MBX_GET_LINK_STATE:
		reply->link = b->link;
		break;
	}
	return b->apply_err;
}

static void igx_bench_log(void *priv, const struct igx_mbx_pf_vf *vfp,
			  u32 hdr, int err, unsigned int suppressed)
{
	struct igx_bench *b = priv;

	b->logs[vfp->vf]++;
	b->suppressed[vfp->vf] += suppressed;
	b->last_log_err = err;
}

static const struct igx_mbx_pf_policy_ops igx_bench_policy_ops = {
	.apply = igx_bench_apply,
	.log = igx_bench_log,
};

/**
 * igx_bench_pf_service() - one pass of the PF's mailbox work item
 * @b: the bench
 */
void igx_bench_pf_service(struct igx_bench *b)
{
	struct igx_mbx_pf_events ev;
	unsigned int vf;
	s64 ret;

	if (igx_mbx_pf_poll(&b->pf, &ev))
		return;
	for_each_set_bit(vf, &ev.rst, b->num_vfs)
		igx_mbx_pf_vf_reset_event(&b->pvf[vf]);
	for_each_set_bit(vf, &ev.req, b->num_vfs) {
		if (b->retry_at[vf] > b->fake.now_ns)
			continue;
		ret = igx_mbx_pf_serve(&b->pf, &b->pol, &b->pvf[vf],
				       b->fake.now_ns);
		b->retry_at[vf] = ret > 0 ? b->fake.now_ns + ret : 0;
	}
}

static void igx_bench_hook(struct igx_fake *fake, void *arg)
{
	struct igx_bench *b = arg;

	if (b->pf_running)
		igx_bench_pf_service(b);
	if (b->extra)
		b->extra(b);
}

static void igx_bench_release(void *arg)
{
	struct igx_bench *b = arg;
	unsigned int vf;

	for (vf = 0; vf < IGX_MAX_VFS; vf++)
		igx_mbx_vf_destroy(&b->vf[vf]);
}

/**
 * igx_bench_new() - a fake device, an igx PF and @num_vfs igx VFs
 * @test: the running test; everything is released when it ends
 * @num_vfs: 1 to IGX_MAX_VFS
 *
 * Each VF has an admin MAC 02:00:00:00:00:<vf + 1>; the PF serves
 * requests whenever any side sleeps.
 *
 * Return: the bench (the test is aborted on failure).
 */
struct igx_bench *igx_bench_new(struct kunit *test, unsigned int num_vfs)
{
	struct igx_bench *b;
	unsigned int vf;

	b = kunit_kzalloc(test, sizeof(*b), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, b);
	b->test = test;
	b->num_vfs = num_vfs;
	igx_fake_init(&b->fake);
	b->fake.hook = igx_bench_hook;
	b->fake.hook_arg = b;
	b->dev = kunit_device_register(test, "igx_mbx_fake");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, b->dev);

	igx_mbx_pf_init(&b->pf, &igx_fake_ops, &b->fake.pf_port, b->dev,
			num_vfs);
	igx_mbx_pf_policy_init(&b->pol, &igx_bench_policy_ops, b);
	for (vf = 0; vf < IGX_MAX_VFS; vf++) {
		igx_mbx_pf_vf_init(&b->pvf[vf], vf);
		igx_mbx_vf_init(&b->vf[vf], &igx_fake_ops,
				&b->fake.vf_port[vf], b->dev);
		b->mac[vf][0] = 0x02;
		b->mac[vf][5] = vf + 1;
	}
	KUNIT_ASSERT_EQ(test, 0,
			kunit_add_action_or_reset(test, igx_bench_release, b));
	b->caps.tx_queues = 1;
	b->caps.rx_queues = 1;
	b->caps.max_frame = IGX_MBX_LPE_MAX;
	b->caps.features = IGX_MBX_F_LINK_STATE | IGX_MBX_F_XCAST;
	b->link.admin = IGX_MBX_LINK_AUTO;
	b->link.up = true;
	b->link.full_duplex = true;
	b->link.speed = SPEED_1000;
	b->pf_running = true;
	return b;
}

/**
 * igx_bench_vf_ready() - reset handshake, and negotiation if asked
 * @b: the bench
 * @vf: VF number
 * @negotiate: also agree on IGX_MBX_API_1
 */
void igx_bench_vf_ready(struct igx_bench *b, unsigned int vf, bool negotiate)
{
	u8 mac[ETH_ALEN];

	KUNIT_ASSERT_EQ(b->test, 0, igx_mbx_vf_reset(&b->vf[vf], mac));
	KUNIT_ASSERT_MEMEQ(b->test, mac, b->mac[vf], ETH_ALEN);
	if (negotiate)
		KUNIT_ASSERT_EQ(b->test, IGX_MBX_API_1,
				igx_mbx_vf_negotiate(&b->vf[vf]));
}
