// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * KUnit suite igx_mbx_pf: the PF transport against the fake 82576
 * mailbox (lock, MBVFICR/VFLRE, read/ACK/reply, unsolicited sends, RVFU)
 * and the PF policy (CTS, trust, API gating, throttle, counters, log).
 * Requests are written raw, as an untrusted VF could write them.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>

#include "kunit/igx_mbx_fake.h"

static struct igx_bench *pf_bench(struct kunit *test)
{
	struct igx_bench *b = igx_bench_new(test, 2);

	b->pf_running = false;	/* the test drives the PF itself */
	return b;
}

static void pf_vf_write(struct igx_bench *b, unsigned int vf, u32 reg,
			u32 val)
{
	igx_fake_ops.write32(&b->fake.vf_port[vf], reg, val);
}

/* A raw request from VF @vf, served once; returns the reply's word 0. */
static u32 pf_exchange(struct igx_bench *b, unsigned int vf, const u32 *w,
		       unsigned int len)
{
	struct igx_mbx_pf_events ev;

	igx_fake_vf_write_msg(&b->fake, vf, w, len);
	KUNIT_ASSERT_EQ(b->test, 0, igx_mbx_pf_poll(&b->pf, &ev));
	KUNIT_ASSERT_TRUE(b->test, ev.req & BIT(vf));
	KUNIT_EXPECT_EQ(b->test, 0, igx_mbx_pf_serve(&b->pf, &b->pol,
						     &b->pvf[vf],
						     b->fake.now_ns));
	KUNIT_EXPECT_FALSE(b->test, b->fake.pfu[vf]);
	KUNIT_EXPECT_TRUE(b->test, b->fake.v2p[vf] & IGX_V2PMAILBOX_PFSTS);
	/* the VF reads the reply: PFSTS consumed, ACK to the PF */
	b->fake.v2p[vf] &= ~(IGX_V2PMAILBOX_PFSTS | IGX_V2PMAILBOX_PFACK);
	pf_vf_write(b, vf, IGX_V2PMAILBOX, IGX_V2PMAILBOX_ACK);
	return b->fake.mem[vf][0];
}

static void pf_make_ready(struct igx_bench *b, unsigned int vf, u32 api)
{
	b->pvf[vf].cts = true;
	b->pvf[vf].api = api;
}

static void igx_pf_lock_taken_and_released(struct kunit *test)
{
	struct igx_bench *b = pf_bench(test);

	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_lock(&b->pf, 0));
	KUNIT_EXPECT_TRUE(test, b->fake.pfu[0]);
	/* the VF cannot take the buffer while the PF holds it */
	pf_vf_write(b, 0, IGX_V2PMAILBOX, IGX_V2PMAILBOX_VFU);
	KUNIT_EXPECT_FALSE(test, b->fake.vfu[0]);
	igx_mbx_pf_unlock(&b->pf, 0);
	KUNIT_EXPECT_FALSE(test, b->fake.pfu[0]);
	pf_vf_write(b, 0, IGX_V2PMAILBOX, IGX_V2PMAILBOX_VFU);
	KUNIT_EXPECT_TRUE(test, b->fake.vfu[0]);
	KUNIT_EXPECT_EQ(test, b->fake.sleeps, 0);
}

static void igx_pf_lock_refused_while_vf_holds(struct kunit *test)
{
	struct igx_bench *b = pf_bench(test);

	b->fake.vfu[1] = true;
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_lock(&b->pf, 1), -EBUSY);
	KUNIT_EXPECT_FALSE(test, b->fake.pfu[1]);
	KUNIT_EXPECT_EQ(test, b->fake.sleeps, IGX_MBX_LOCK_TRIES);
	/* bounded: tries times the sleep, no busy spinning */
	KUNIT_EXPECT_EQ(test, b->fake.now_ns,
			(u64)IGX_MBX_LOCK_TRIES * IGX_MBX_LOCK_SLEEP_US *
			NSEC_PER_USEC);
	/* the other VF's mailbox is not affected */
	KUNIT_EXPECT_EQ(test, 0, igx_mbx_pf_lock(&b->pf, 0));
}

static void pf_release_vfu_after_3(struct igx_bench *b)
{
	if (b->fake.sleeps >= 3)
		b->fake.vfu[0] = false;
}

static void igx_pf_lock_contention_resolves(struct kunit *test)
{
	struct igx_bench *b = pf_bench(test);

	b->fake.vfu[0] = true;
	b->extra = pf_release_vfu_after_3;
	KUNIT_EXPECT_EQ(test, 0, igx_mbx_pf_lock(&b->pf, 0));
	KUNIT_EXPECT_TRUE(test, b->fake.pfu[0]);
	KUNIT_EXPECT_EQ(test, b->fake.sleeps, 3);
}

static void igx_pf_poll_clears_w1c(struct kunit *test)
{
	struct igx_bench *b = pf_bench(test);
	struct igx_mbx_pf_events ev;
	struct igx_mbx_msg msg;

	b->fake.mbvficr = IGX_MBVFICR_VFREQ_BIT(0) | IGX_MBVFICR_VFACK_BIT(1) |
			  IGX_MBVFICR_VFREQ_BIT(5);
	b->fake.vflre = BIT(1);
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_poll(&b->pf, &ev));
	KUNIT_EXPECT_EQ(test, ev.req, BIT(0));
	KUNIT_EXPECT_EQ(test, ev.ack, BIT(1));
	KUNIT_EXPECT_EQ(test, ev.rst, BIT(1));
	/* cleared what it reported, left VF 5 (not enabled) alone */
	KUNIT_EXPECT_EQ(test, b->fake.mbvficr, IGX_MBVFICR_VFREQ_BIT(5));
	KUNIT_EXPECT_EQ(test, b->fake.vflre, 0);

	/* the request stays reported until it is read */
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_poll(&b->pf, &ev));
	KUNIT_EXPECT_EQ(test, ev.req, BIT(0));
	KUNIT_EXPECT_EQ(test, ev.ack, 0);
	KUNIT_EXPECT_EQ(test, ev.rst, 0);
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_read(&b->pf, 0, &msg));
	igx_mbx_pf_unlock(&b->pf, 0);
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_poll(&b->pf, &ev));
	KUNIT_EXPECT_EQ(test, ev.req, 0);
}

static void igx_pf_read_ack_reply(struct kunit *test)
{
	static const u32 vlan[] = { 0x00010004, 7 };
	struct igx_bench *b = pf_bench(test);
	struct igx_mbx_pf_events ev;
	struct igx_mbx_msg msg;

	igx_fake_vf_write_msg(&b->fake, 0, vlan, ARRAY_SIZE(vlan));
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_poll(&b->pf, &ev));
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_read(&b->pf, 0, &msg));
	KUNIT_EXPECT_EQ(test, msg.len, 2);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(msg.w[0]), vlan[0]);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(msg.w[1]), vlan[1]);
	/* acknowledged, and the buffer kept for the reply */
	KUNIT_EXPECT_TRUE(test, b->fake.v2p[0] & IGX_V2PMAILBOX_PFACK);
	KUNIT_EXPECT_FALSE(test, b->fake.v2p[0] & IGX_V2PMAILBOX_PFSTS);
	KUNIT_EXPECT_TRUE(test, b->fake.pfu[0]);

	msg.w[0] = cpu_to_le32(vlan[0] | IGX_MBX_HDR_ACK | IGX_MBX_HDR_CTS);
	msg.len = 1;
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_reply(&b->pf, 0, &msg));
	KUNIT_EXPECT_TRUE(test, b->fake.v2p[0] & IGX_V2PMAILBOX_PFSTS);
	KUNIT_EXPECT_FALSE(test, b->fake.pfu[0]);
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][0], 0xa0010004);
	KUNIT_EXPECT_EQ(test, b->fake.violations, 0);
	KUNIT_EXPECT_EQ(test, b->fake.bad_regs, 0);
}

static void igx_pf_read_only_implied_words(struct kunit *test)
{
	static const struct {
		u32 hdr;
		unsigned int words;
	} cases[] = {
		{ 0x00000001, 1 },	/* VF_RESET */
		{ 0x00000002, 3 },	/* SET_MAC_ADDR */
		{ 0x00000003, 1 },	/* SET_MULTICAST, none */
		{ 0x00030003, 3 },	/* SET_MULTICAST, three */
		{ 0x001e0003, 16 },	/* SET_MULTICAST, thirty */
		{ 0x00ff0003, 16 },	/* SET_MULTICAST, bogus count */
		{ 0x00001002, 1 },	/* GET_CAPS */
		{ 0x00000077, 1 },	/* unknown */
	};
	struct igx_bench *b = pf_bench(test);
	struct igx_mbx_pf_events ev;
	struct igx_mbx_msg msg;
	unsigned int i, reads;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		igx_fake_vf_write_msg(&b->fake, 0, &cases[i].hdr, 1);
		KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_poll(&b->pf, &ev));
		reads = b->fake.mem_reads;
		KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_read(&b->pf, 0, &msg));
		KUNIT_EXPECT_EQ_MSG(test, b->fake.mem_reads - reads,
				    cases[i].words, "header %#x", cases[i].hdr);
		KUNIT_EXPECT_EQ(test, msg.len, cases[i].words);
		igx_mbx_pf_unlock(&b->pf, 0);
	}
}

static void igx_pf_send_never_overwrites(struct kunit *test)
{
	static const u32 req[] = { 0x00000005, 1522 };
	const struct igx_mbx_event ping = {
		.id = IGX_MBX_PF_CONTROL, .cts = true,
	};
	struct igx_bench *b = pf_bench(test);
	struct igx_mbx_pf_events ev;
	struct igx_mbx_msg msg, out;

	KUNIT_ASSERT_EQ(test, 0, igx_mbx_encode_event(&ping, &out));
	/* a request the PF has not seen yet */
	igx_fake_vf_write_msg(&b->fake, 0, req, ARRAY_SIZE(req));
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_send(&b->pf, 0, &out), -EBUSY);
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][0], req[0]);
	KUNIT_EXPECT_FALSE(test, b->fake.pfu[0]);
	/* seen but not read */
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_poll(&b->pf, &ev));
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_send(&b->pf, 0, &out), -EBUSY);
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][0], req[0]);
	/* answered, but the VF has not read the answer */
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_read(&b->pf, 0, &msg));
	msg.w[0] |= cpu_to_le32(IGX_MBX_HDR_ACK);
	msg.len = 1;
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_reply(&b->pf, 0, &msg));
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_send(&b->pf, 0, &out), -EAGAIN);
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][0], req[0] | IGX_MBX_HDR_ACK);
	/* the VF acknowledged it: now the PF may send */
	pf_vf_write(b, 0, IGX_V2PMAILBOX, IGX_V2PMAILBOX_ACK);
	KUNIT_EXPECT_EQ(test, 0, igx_mbx_pf_send(&b->pf, 0, &out));
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][0], 0x20000100);
	KUNIT_EXPECT_FALSE(test, b->fake.pfu[0]);
	KUNIT_EXPECT_EQ(test, b->fake.violations, 0);
}

/* A dropped request (fault injection) is neither read nor acknowledged. */
static void igx_pf_drop_leaves_unanswered(struct kunit *test)
{
	static const u32 req[] = { 0x00000005, 1522 };
	struct igx_bench *b = pf_bench(test);
	struct igx_mbx_pf_events ev;

	igx_fake_vf_write_msg(&b->fake, 1, req, ARRAY_SIZE(req));
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_poll(&b->pf, &ev));
	KUNIT_ASSERT_EQ(test, ev.req, BIT(1));
	igx_mbx_pf_drop(&b->pf, 1);
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_poll(&b->pf, &ev));
	KUNIT_EXPECT_EQ(test, ev.req, 0);
	KUNIT_EXPECT_FALSE(test, b->fake.v2p[1] & IGX_V2PMAILBOX_PFACK);
	KUNIT_EXPECT_FALSE(test, b->fake.pfu[1]);
	KUNIT_EXPECT_EQ(test, b->fake.mem[1][0], req[0]);

	/* the VF's next request is seen and served as usual */
	pf_make_ready(b, 1, IGX_MBX_API_BASE);
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 1, req, ARRAY_SIZE(req)) &
			(IGX_MBX_HDR_ACK | IGX_MBX_HDR_NACK), IGX_MBX_HDR_ACK);
	KUNIT_EXPECT_EQ(test, b->fake.violations, 0);
}

/*
 * A MAC reset wipes the mailbox between the PF's reply and the VF's ACK:
 * the ACK will never come, and the PF must still reach the VF afterwards.
 */
static void igx_pf_device_reset_forgets_reply(struct kunit *test)
{
	static const u32 req[] = { 0x00000005, 1522 };
	const struct igx_mbx_event nack = { .id = IGX_MBX_ID_NONE };
	struct igx_bench *b = pf_bench(test);
	struct igx_mbx_pf_events ev;
	struct igx_mbx_msg msg, out;

	KUNIT_ASSERT_EQ(test, 0, igx_mbx_encode_event(&nack, &out));
	igx_fake_vf_write_msg(&b->fake, 0, req, ARRAY_SIZE(req));
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_poll(&b->pf, &ev));
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_read(&b->pf, 0, &msg));
	msg.w[0] |= cpu_to_le32(IGX_MBX_HDR_ACK);
	msg.len = 1;
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_reply(&b->pf, 0, &msg));
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_send(&b->pf, 0, &out), -EAGAIN);

	/* the device reset */
	memset(b->fake.mem, 0, sizeof(b->fake.mem));
	b->fake.mbvficr = 0;
	igx_mbx_pf_device_reset(&b->pf);

	KUNIT_EXPECT_EQ(test, 0, igx_mbx_pf_send(&b->pf, 0, &out));
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][0], IGX_MBX_HDR_NACK);
	KUNIT_EXPECT_TRUE(test, b->fake.v2p[0] & IGX_V2PMAILBOX_PFSTS);
	KUNIT_EXPECT_EQ(test, b->fake.violations, 0);
}

static void igx_pf_stuck_vf_forced_free(struct kunit *test)
{
	struct igx_bench *b = pf_bench(test);
	struct igx_mbx_pf_events ev;

	b->fake.vfu[0] = true;
	b->fake.mbvficr = IGX_MBVFICR_VFREQ_BIT(0);
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_poll(&b->pf, &ev));
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_serve(&b->pf, &b->pol, &b->pvf[0], 0),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_serve(&b->pf, &b->pol, &b->pvf[0], 0),
			-EBUSY);
	KUNIT_EXPECT_TRUE(test, b->fake.vfu[0]);
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_serve(&b->pf, &b->pol, &b->pvf[0], 0),
			-EBUSY);
	/* third failure in a row: RVFU, and the request is dropped */
	KUNIT_EXPECT_FALSE(test, b->fake.vfu[0]);
	KUNIT_EXPECT_EQ(test, b->pvf[0].stats.lock_busy, 3);
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_poll(&b->pf, &ev));
	KUNIT_EXPECT_EQ(test, ev.req, 0);
	KUNIT_EXPECT_EQ(test, 0, igx_mbx_pf_lock(&b->pf, 0));
}

static void igx_pf_device_gone(struct kunit *test)
{
	struct igx_bench *b = pf_bench(test);
	struct igx_mbx_pf_events ev;

	b->fake.gone = true;
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_poll(&b->pf, &ev), -ENODEV);
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_lock(&b->pf, 0), -ENODEV);
	KUNIT_EXPECT_EQ(test, b->fake.sleeps, 0);
}

static void igx_pf_throttle_gcra(struct kunit *test)
{
	struct igx_mbx_pf_policy pol;
	struct igx_mbx_pf_vf vfp;
	const u64 ms = NSEC_PER_MSEC;
	unsigned int i;

	igx_mbx_pf_policy_init(&pol, NULL, NULL);
	pol.rate = 100;		/* one per 10 ms */
	pol.burst = 4;
	igx_mbx_pf_vf_init(&vfp, 0);

	for (i = 0; i < 4; i++)
		KUNIT_EXPECT_EQ(test, igx_mbx_pf_throttle(&pol, &vfp, 0), 0);
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_throttle(&pol, &vfp, 0), 10 * ms);
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_throttle(&pol, &vfp, 4 * ms), 6 * ms);
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_throttle(&pol, &vfp, 10 * ms), 0);
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_throttle(&pol, &vfp, 10 * ms),
			10 * ms);
	/* idle for a second: the full burst is back, no more */
	for (i = 0; i < 4; i++)
		KUNIT_EXPECT_EQ(test, igx_mbx_pf_throttle(&pol, &vfp,
							  1000 * ms), 0);
	KUNIT_EXPECT_NE(test, igx_mbx_pf_throttle(&pol, &vfp, 1000 * ms), 0);

	pol.rate = 0;		/* no limit */
	for (i = 0; i < 100; i++)
		KUNIT_EXPECT_EQ(test, igx_mbx_pf_throttle(&pol, &vfp, 0), 0);
}

struct igx_pf_bad_case {
	const char *desc;
	u32 w[IGX_MBX_MAX_WORDS];
	unsigned int len;
	u32 nack;	/* word 0 of the reply */
	u32 reason;
};

static const struct igx_pf_bad_case igx_pf_bad_cases[] = {
	{ "unknown ID", { 0x00000007 }, 1, 0x60000007, IGX_MBX_NACK_NOTSUPP },
	{ "stray ACK", { 0x80000004, 5 }, 2, 0x60000004, IGX_MBX_NACK_INVAL },
	{ "stray CTS", { 0x20010004, 5 }, 2, 0x60010004, IGX_MBX_NACK_INVAL },
	{ "VLAN 4095", { 0x00010004, 4095 }, 2, 0x60010004,
	  IGX_MBX_NACK_INVAL },
	{ "31 multicast hashes", { 0x001f0003 }, 16, 0x601f0003,
	  IGX_MBX_NACK_INVAL },
	{ "multicast MAC", { 0x00000002, 0x33221101, 0x5544 }, 3,
	  0x60000002, IGX_MBX_NACK_INVAL },
	{ "frame of 9729 bytes", { 0x00000005, 9729 }, 2, 0x60000005,
	  IGX_MBX_NACK_INVAL },
	{ "xcast mode 4", { 0x00041004 }, 1, 0x60041004, IGX_MBX_NACK_INVAL },
};

KUNIT_ARRAY_PARAM_DESC(igx_pf_bad, igx_pf_bad_cases, desc);

static void igx_pf_serve_refuses_malformed(struct kunit *test)
{
	const struct igx_pf_bad_case *c = test->param_value;
	struct igx_bench *b = pf_bench(test);

	pf_make_ready(b, 0, IGX_MBX_API_1);
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 0, c->w, c->len), c->nack);
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][1], c->reason);
	KUNIT_EXPECT_EQ(test, b->pvf[0].stats.malformed, 1);
	KUNIT_EXPECT_EQ(test, b->pvf[0].stats.nacks, 1);
	KUNIT_EXPECT_EQ(test, b->logs[0], 1);
	KUNIT_EXPECT_EQ(test, b->applies[0], 0);

	/* a base-protocol VF (stock igbvf) gets the 1-word igb NACK */
	b->pvf[1].cts = true;
	b->fake.mem[1][1] = 0x5a5a5a5a;
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 1, c->w, c->len), c->nack);
	if (c->len < 2)
		KUNIT_EXPECT_EQ(test, b->fake.mem[1][1], 0x5a5a5a5a);
	KUNIT_EXPECT_EQ(test, b->fake.violations, 0);
}

static void igx_pf_nack_without_cts(struct kunit *test)
{
	static const u32 vlan[] = { 0x00010004, 10 };
	static const u32 reset[] = { 0x00000001 };
	struct igx_bench *b = pf_bench(test);

	/* before VF_RESET: NACK without CTS, nothing applied */
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 0, vlan, 2), 0x40010004);
	KUNIT_EXPECT_EQ(test, b->applies[0], 0);
	KUNIT_EXPECT_EQ(test, b->last_log_err, -ENOTCONN);
	/* VF_RESET is always served: ACK, MAC, no CTS flag */
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 0, reset, 1), 0x80000001);
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][1], 0x00000002);
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][2], 0x00000100);
	KUNIT_EXPECT_TRUE(test, b->pvf[0].cts);
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 0, vlan, 2), 0xa0010004);
	KUNIT_EXPECT_EQ(test, b->applies[0], 2);
	KUNIT_EXPECT_EQ(test, b->applied[0].vlan.vid, 10);
	KUNIT_EXPECT_EQ(test, b->pvf[0].stats.acks, 2);
	KUNIT_EXPECT_EQ(test, b->pvf[0].stats.nacks, 1);
}

static void igx_pf_vf_reset_without_mac(struct kunit *test)
{
	static const u32 reset[] = { 0x00000001 };
	struct igx_bench *b = pf_bench(test);

	eth_zero_addr(b->mac[0]);
	b->fake.mem[0][1] = 0xffffffff;
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 0, reset, 1), 0x40000001);
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][1], 0);
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][2], 0);
	/* as igb: clear to send all the same, and not a refusal to log */
	KUNIT_EXPECT_TRUE(test, b->pvf[0].cts);
	KUNIT_EXPECT_EQ(test, b->logs[0], 0);
}

static void igx_pf_trust_gating(struct kunit *test)
{
	static const u32 mc_promisc[] = { 0x00020006 };
	static const u32 allmulti[] = { 0x00021004 };
	static const u32 promisc[] = { 0x00031004 };
	static const u32 multi[] = { 0x00011004 };
	struct igx_bench *b = pf_bench(test);

	pf_make_ready(b, 0, IGX_MBX_API_1);
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 0, multi, 1), 0xa0011004);
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 0, allmulti, 1), 0x60021004);
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][1], IGX_MBX_NACK_PERM);
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 0, promisc, 1), 0x60031004);
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 0, mc_promisc, 1), 0x60020006);
	KUNIT_EXPECT_EQ(test, b->applies[0], 1);

	b->pvf[0].trusted = true;
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 0, allmulti, 1), 0xa0021004);
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 0, promisc, 1), 0xa0031004);
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 0, mc_promisc, 1), 0xa0020006);
	KUNIT_EXPECT_EQ(test, b->applied[0].promisc.multicast, true);
	KUNIT_EXPECT_EQ(test, b->pvf[0].stats.malformed, 0);
}

static void igx_pf_extensions_need_negotiation(struct kunit *test)
{
	static const u32 negotiate[] = { 0x00001001, 7 };
	static const u32 caps[] = { 0x00001002 };
	struct igx_bench *b = pf_bench(test);

	pf_make_ready(b, 0, IGX_MBX_API_BASE);
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 0, caps, 1), 0x60001002);
	KUNIT_EXPECT_EQ(test, b->applies[0], 0);

	/* a VF from the future proposes 7: the PF agrees on what it has */
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 0, negotiate, 2), 0xa0001001);
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][1], IGX_MBX_API_1);
	KUNIT_EXPECT_EQ(test, b->pvf[0].api, IGX_MBX_API_1);

	KUNIT_EXPECT_EQ(test, pf_exchange(b, 0, caps, 1), 0xa0001002);
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][1], 0x0101);
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][2], IGX_MBX_LPE_MAX);
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][3],
			IGX_MBX_F_LINK_STATE | IGX_MBX_F_XCAST);
	b->pvf[0].trusted = true;
	pf_exchange(b, 0, caps, 1);
	KUNIT_EXPECT_TRUE(test, b->fake.mem[0][3] & IGX_MBX_F_TRUSTED);
}

static void igx_pf_base_pf_refuses_negotiation(struct kunit *test)
{
	static const u32 negotiate[] = { 0x00001001, 1 };
	struct igx_bench *b = pf_bench(test);

	b->pol.api_max = IGX_MBX_API_BASE;	/* answer as stock igb */
	pf_make_ready(b, 0, IGX_MBX_API_BASE);
	b->fake.mem[0][1] = 0x5a5a5a5a;
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 0, negotiate, 2), 0x60001001);
	KUNIT_EXPECT_EQ(test, b->pvf[0].api, IGX_MBX_API_BASE);
	/* a 1-word NACK, as igb's: word 1 is the request's */
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][1], 1);
}

static void igx_pf_apply_error_is_nacked(struct kunit *test)
{
	static const u32 add[] = { 0x00020002, 0x33221102, 0x5544 };
	struct igx_bench *b = pf_bench(test);

	pf_make_ready(b, 0, IGX_MBX_API_1);
	b->apply_err = -ENOSPC;
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 0, add, 3), 0x60020002);
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][1], IGX_MBX_NACK_NOSPC);
	KUNIT_EXPECT_EQ(test, b->applies[0], 1);
	KUNIT_EXPECT_EQ(test, b->pvf[0].stats.malformed, 0);
	KUNIT_EXPECT_EQ(test, b->last_log_err, -ENOSPC);
}

static void igx_pf_log_rate_limited(struct kunit *test)
{
	static const u32 bad[] = { 0x00000077 };
	struct igx_bench *b = pf_bench(test);
	unsigned int i;

	pf_make_ready(b, 0, IGX_MBX_API_BASE);
	for (i = 0; i < 20; i++)
		pf_exchange(b, 0, bad, 1);
	KUNIT_EXPECT_EQ(test, b->pvf[0].stats.malformed, 20);
	KUNIT_EXPECT_EQ(test, b->pvf[0].stats.nacks, 20);
	KUNIT_EXPECT_EQ(test, b->logs[0], b->pol.log_burst);
	KUNIT_EXPECT_EQ(test, b->suppressed[0], 0);
	/* the next window reports how many were left out */
	b->fake.now_ns += b->pol.log_interval_ns;
	pf_exchange(b, 0, bad, 1);
	KUNIT_EXPECT_EQ(test, b->logs[0], b->pol.log_burst + 1);
	KUNIT_EXPECT_EQ(test, b->suppressed[0], 20 - b->pol.log_burst);
	/* another VF has its own budget */
	b->pvf[1].cts = true;
	pf_exchange(b, 1, bad, 1);
	KUNIT_EXPECT_EQ(test, b->logs[1], 1);
}

static void igx_pf_notify_by_api(struct kunit *test)
{
	const struct igx_mbx_link down = { .admin = IGX_MBX_LINK_AUTO };
	struct igx_bench *b = pf_bench(test);

	pf_make_ready(b, 0, IGX_MBX_API_BASE);
	KUNIT_EXPECT_EQ(test, 0, igx_mbx_pf_notify(&b->pf, &b->pvf[0], &down));
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][0], 0x20000100);
	KUNIT_EXPECT_TRUE(test, b->fake.v2p[0] & IGX_V2PMAILBOX_PFSTS);

	b->pvf[0].api = IGX_MBX_API_1;
	KUNIT_EXPECT_EQ(test, 0, igx_mbx_pf_notify(&b->pf, &b->pvf[0],
						   &b->link));
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][0], 0x20001101);
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][1], 0x03e80300);

	/* after a reset event, CTS gone: the bare NACK that makes VFs reset */
	igx_mbx_pf_vf_reset_event(&b->pvf[0]);
	KUNIT_EXPECT_EQ(test, 0, igx_mbx_pf_notify(&b->pf, &b->pvf[0],
						   &b->link));
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][0], IGX_MBX_HDR_NACK);
	KUNIT_EXPECT_EQ(test, b->fake.violations, 0);
}

/*
 * igbvf whose request timed out reads only the last mailbox word: after
 * the VF_RESET reply (no CTS) it waits forever unless the PF says CTS.
 */
static void igx_pf_cts_owed_after_silent_reset(struct kunit *test)
{
	static const u32 reset[] = { 0x00000001 };
	static const u32 vlan[] = { 0x00010004, 10 };
	struct igx_bench *b = pf_bench(test);
	const u64 s = NSEC_PER_SEC;

	b->fake.now_ns = 5 * s;
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 0, reset, 1), 0x80000001);
	KUNIT_EXPECT_FALSE(test, igx_mbx_pf_cts_owed(&b->pvf[0], 5 * s + s / 2));
	KUNIT_EXPECT_TRUE(test, igx_mbx_pf_cts_owed(&b->pvf[0], 6 * s));
	/* the PF_CONTROL with CTS pays it */
	KUNIT_EXPECT_EQ(test, 0, igx_mbx_pf_notify(&b->pf, &b->pvf[0], NULL));
	KUNIT_EXPECT_EQ(test, b->fake.mem[0][0], 0x20000100);
	KUNIT_EXPECT_FALSE(test, igx_mbx_pf_cts_owed(&b->pvf[0], 7 * s));
	b->fake.v2p[0] &= ~IGX_V2PMAILBOX_PFSTS;
	pf_vf_write(b, 0, IGX_V2PMAILBOX, IGX_V2PMAILBOX_ACK);

	/* a VF that goes on after VF_RESET gets CTS in the next reply */
	b->fake.now_ns = 8 * s;
	pf_exchange(b, 0, reset, 1);
	KUNIT_EXPECT_EQ(test, pf_exchange(b, 0, vlan, 2), 0xa0010004);
	KUNIT_EXPECT_FALSE(test, igx_mbx_pf_cts_owed(&b->pvf[0], 100 * s));

	/* nor is CTS owed to a VF that was reset since (FLR, PF reset) */
	pf_exchange(b, 0, reset, 1);
	igx_mbx_pf_vf_reset_event(&b->pvf[0]);
	KUNIT_EXPECT_FALSE(test, igx_mbx_pf_cts_owed(&b->pvf[0], 100 * s));
	KUNIT_EXPECT_EQ(test, b->fake.violations, 0);
}

static void igx_pf_vflr_drops_cts(struct kunit *test)
{
	struct igx_bench *b = pf_bench(test);

	pf_make_ready(b, 1, IGX_MBX_API_1);
	b->pvf[1].tat_ns = 12345;
	igx_fake_vflr(&b->fake, 1);
	igx_bench_pf_service(b);
	KUNIT_EXPECT_FALSE(test, b->pvf[1].cts);
	KUNIT_EXPECT_EQ(test, b->pvf[1].api, IGX_MBX_API_BASE);
	KUNIT_EXPECT_EQ(test, b->pvf[1].stats.resets, 1);
	/* a reset does not buy a fresh burst */
	KUNIT_EXPECT_EQ(test, b->pvf[1].tat_ns, 12345);
	KUNIT_EXPECT_EQ(test, b->fake.vflre, 0);
}

static struct kunit_case igx_mbx_pf_cases[] = {
	KUNIT_CASE(igx_pf_lock_taken_and_released),
	KUNIT_CASE(igx_pf_lock_refused_while_vf_holds),
	KUNIT_CASE(igx_pf_lock_contention_resolves),
	KUNIT_CASE(igx_pf_poll_clears_w1c),
	KUNIT_CASE(igx_pf_read_ack_reply),
	KUNIT_CASE(igx_pf_read_only_implied_words),
	KUNIT_CASE(igx_pf_send_never_overwrites),
	KUNIT_CASE(igx_pf_device_reset_forgets_reply),
	KUNIT_CASE(igx_pf_drop_leaves_unanswered),
	KUNIT_CASE(igx_pf_stuck_vf_forced_free),
	KUNIT_CASE(igx_pf_device_gone),
	KUNIT_CASE(igx_pf_throttle_gcra),
	KUNIT_CASE_PARAM(igx_pf_serve_refuses_malformed, igx_pf_bad_gen_params),
	KUNIT_CASE(igx_pf_nack_without_cts),
	KUNIT_CASE(igx_pf_vf_reset_without_mac),
	KUNIT_CASE(igx_pf_trust_gating),
	KUNIT_CASE(igx_pf_extensions_need_negotiation),
	KUNIT_CASE(igx_pf_base_pf_refuses_negotiation),
	KUNIT_CASE(igx_pf_apply_error_is_nacked),
	KUNIT_CASE(igx_pf_log_rate_limited),
	KUNIT_CASE(igx_pf_notify_by_api),
	KUNIT_CASE(igx_pf_vflr_drops_cts),
	KUNIT_CASE(igx_pf_cts_owed_after_silent_reset),
	{}
};

static struct kunit_suite igx_mbx_pf_suite = {
	.name = "igx_mbx_pf",
	.test_cases = igx_mbx_pf_cases,
};

kunit_test_suite(igx_mbx_pf_suite);
