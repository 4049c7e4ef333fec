// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * KUnit suite igx_mbx_vf: the VF transport end to end against the igx PF
 * policy over the fake 82576 mailbox, up to seven VFs: every message,
 * the reset handshake, negotiation and its fallback, timeouts, PF resets
 * in the middle of a transaction, NACK errnos, lock contention, messages
 * the PF sends on its own, and a flooding VF.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>

#include "kunit/igx_mbx_fake.h"

#define MAC_A	{ 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 }

static int vf_send(struct igx_bench *b, unsigned int vf,
		   const struct igx_mbx_req *req)
{
	struct igx_mbx_reply reply;

	return igx_mbx_vf_request(&b->vf[vf], req, &reply);
}

static const struct igx_mbx_req vf_vlan_req = {
	.id = IGX_MBX_SET_VLAN, .vlan = { .vid = 42, .add = true },
};

static void vf_expect_clean(struct igx_bench *b)
{
	KUNIT_EXPECT_EQ(b->test, b->fake.violations, 0);
	KUNIT_EXPECT_EQ(b->test, b->fake.bad_regs, 0);
}

static void igx_vf_r2c_bits_cached(struct kunit *test)
{
	static const u32 ping[] = { 0x20000100 };
	struct igx_bench *b = igx_bench_new(test, 1);
	struct igx_mbx_event ev;

	igx_fake_pf_write_msg(&b->fake, 0, ping, 1);
	b->fake.v2p[0] |= IGX_V2PMAILBOX_PFACK;
	/* this read clears PFSTS and PFACK in the hardware... */
	KUNIT_EXPECT_EQ(test, igx_mbx_vf_reset_pending(&b->vf[0]), 0);
	KUNIT_EXPECT_FALSE(test, b->fake.v2p[0] & IGX_V2PMAILBOX_R2C);
	/* ...but the VF keeps them until it acts on them */
	KUNIT_EXPECT_TRUE(test, b->vf[0].v2p & IGX_V2PMAILBOX_PFSTS);
	KUNIT_EXPECT_TRUE(test, b->vf[0].v2p & IGX_V2PMAILBOX_PFACK);
	KUNIT_ASSERT_EQ(test, igx_mbx_vf_poll(&b->vf[0], &ev), 1);
	KUNIT_EXPECT_EQ(test, ev.id, IGX_MBX_PF_CONTROL);
	KUNIT_EXPECT_TRUE(test, ev.cts);
	KUNIT_EXPECT_FALSE(test, b->vf[0].v2p & IGX_V2PMAILBOX_PFSTS);
	/* read under VFU, then ACK to the PF, which drops VFU */
	KUNIT_EXPECT_FALSE(test, b->fake.vfu[0]);
	KUNIT_EXPECT_TRUE(test, b->fake.mbvficr & IGX_MBVFICR_VFACK_BIT(0));
	KUNIT_EXPECT_EQ(test, igx_mbx_vf_poll(&b->vf[0], &ev), 0);
	vf_expect_clean(b);
}

struct igx_vf_case {
	const char *desc;
	struct igx_mbx_req req;
};

static const struct igx_vf_case igx_vf_cases[] = {
	{ "VF_RESET", { .id = IGX_MBX_VF_RESET } },
	{ "SET_MAC_ADDR", { .id = IGX_MBX_SET_MAC_ADDR,
			    .mac = { .addr = MAC_A } } },
	{ "MAC filter add", { .id = IGX_MBX_SET_MAC_ADDR,
			      .mac = { IGX_MBX_MAC_FILTER_ADD, MAC_A } } },
	{ "MAC filter clear", { .id = IGX_MBX_SET_MAC_ADDR,
				.mac = { IGX_MBX_MAC_FILTER_CLR } } },
	{ "SET_MULTICAST 0", { .id = IGX_MBX_SET_MULTICAST } },
	{ "SET_MULTICAST 5", { .id = IGX_MBX_SET_MULTICAST,
			       .mc = { 5, { 1, 2, 3, 4, 0xfff } } } },
	{ "SET_MULTICAST 30", { .id = IGX_MBX_SET_MULTICAST,
				.mc = { 30, { [0 ... 29] = 0x321 } } } },
	{ "SET_VLAN add", { .id = IGX_MBX_SET_VLAN, .vlan = { 4094, true } } },
	{ "SET_VLAN remove", { .id = IGX_MBX_SET_VLAN, .vlan = { 7 } } },
	{ "SET_LPE", { .id = IGX_MBX_SET_LPE, .lpe = { 9018 } } },
	{ "SET_PROMISC", { .id = IGX_MBX_SET_PROMISC, .promisc = { true } } },
	{ "API_NEGOTIATE", { .id = IGX_MBX_API_NEGOTIATE,
			     .api = { IGX_MBX_API_1 } } },
	{ "GET_CAPS", { .id = IGX_MBX_GET_CAPS } },
	{ "GET_LINK_STATE", { .id = IGX_MBX_GET_LINK_STATE } },
	{ "SET_XCAST_MODE multi", { .id = IGX_MBX_SET_XCAST_MODE,
				    .xcast = { IGX_MBX_XCAST_MULTI } } },
	{ "SET_XCAST_MODE promisc", { .id = IGX_MBX_SET_XCAST_MODE,
				      .xcast = { IGX_MBX_XCAST_PROMISC } } },
};

KUNIT_ARRAY_PARAM_DESC(igx_vf, igx_vf_cases, desc);

static void igx_vf_round_trip(struct kunit *test)
{
	const struct igx_vf_case *c = test->param_value;
	struct igx_bench *b = igx_bench_new(test, 1);
	struct igx_mbx_caps caps = b->caps;
	struct igx_mbx_reply reply;
	unsigned int applies;

	igx_bench_vf_ready(b, 0, true);
	b->pvf[0].trusted = true;
	applies = b->applies[0];

	KUNIT_ASSERT_EQ(test, 0, igx_mbx_vf_request(&b->vf[0], &c->req,
						    &reply));
	KUNIT_EXPECT_TRUE(test, reply.ack);
	KUNIT_EXPECT_EQ(test, reply.id, c->req.id);
	switch (c->req.id) {
	case IGX_MBX_VF_RESET:
		KUNIT_EXPECT_FALSE(test, reply.cts);
		KUNIT_EXPECT_MEMEQ(test, reply.mac, b->mac[0], ETH_ALEN);
		break;
	case IGX_MBX_API_NEGOTIATE:
		KUNIT_EXPECT_EQ(test, reply.version, IGX_MBX_API_1);
		break;
	case IGX_MBX_GET_CAPS:
		caps.features |= IGX_MBX_F_TRUSTED;
		KUNIT_EXPECT_MEMEQ(test, &reply.caps, &caps, sizeof(caps));
		break;
	case IGX_MBX_GET_LINK_STATE:
		KUNIT_EXPECT_MEMEQ(test, &reply.link, &b->link,
				   sizeof(b->link));
		break;
	}
	if (c->req.id != IGX_MBX_VF_RESET)
		KUNIT_EXPECT_TRUE(test, reply.cts);
	/* the PF driver saw exactly what the VF asked for */
	if (c->req.id != IGX_MBX_API_NEGOTIATE) {
		KUNIT_EXPECT_EQ(test, b->applies[0], applies + 1);
		KUNIT_EXPECT_MEMEQ(test, &b->applied[0], &c->req,
				   sizeof(c->req));
	}
	KUNIT_EXPECT_EQ(test, b->pvf[0].stats.nacks, 0);
	KUNIT_EXPECT_EQ(test, b->pvf[0].stats.malformed, 0);
	vf_expect_clean(b);
}

static void igx_vf_reset_handshake(struct kunit *test)
{
	struct igx_bench *b = igx_bench_new(test, 2);
	u8 mac[ETH_ALEN];

	KUNIT_ASSERT_EQ(test, 0, igx_mbx_vf_reset(&b->vf[0], mac));
	KUNIT_EXPECT_MEMEQ(test, mac, b->mac[0], ETH_ALEN);
	KUNIT_EXPECT_TRUE(test, b->pvf[0].cts);
	KUNIT_EXPECT_EQ(test, b->vf[0].api, IGX_MBX_API_BASE);

	/* no MAC from the PF: success, zero MAC, the VF picks one */
	eth_zero_addr(b->mac[1]);
	memset(mac, 0xff, sizeof(mac));
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_vf_reset(&b->vf[1], mac));
	KUNIT_EXPECT_TRUE(test, is_zero_ether_addr(mac));
	KUNIT_EXPECT_TRUE(test, b->pvf[1].cts);
	KUNIT_EXPECT_EQ(test, 0, vf_send(b, 1, &vf_vlan_req));
	vf_expect_clean(b);
}

static void igx_vf_negotiate_igx(struct kunit *test)
{
	const struct igx_mbx_req caps = { .id = IGX_MBX_GET_CAPS };
	struct igx_bench *b = igx_bench_new(test, 1);
	struct igx_mbx_reply reply;

	igx_bench_vf_ready(b, 0, false);
	KUNIT_EXPECT_EQ(test, igx_mbx_vf_negotiate(&b->vf[0]), IGX_MBX_API_1);
	KUNIT_EXPECT_EQ(test, b->vf[0].api, IGX_MBX_API_1);
	KUNIT_EXPECT_EQ(test, b->pvf[0].api, IGX_MBX_API_1);
	KUNIT_EXPECT_EQ(test, 0, igx_mbx_vf_request(&b->vf[0], &caps, &reply));
	KUNIT_EXPECT_EQ(test, reply.caps.max_frame, IGX_MBX_LPE_MAX);

	/* a VF reset forgets it, on both sides */
	igx_bench_vf_ready(b, 0, false);
	KUNIT_EXPECT_EQ(test, b->vf[0].api, IGX_MBX_API_BASE);
	KUNIT_EXPECT_EQ(test, b->pvf[0].api, IGX_MBX_API_BASE);
}

static void igx_vf_negotiate_falls_back(struct kunit *test)
{
	const struct igx_mbx_req caps = { .id = IGX_MBX_GET_CAPS };
	struct igx_bench *b = igx_bench_new(test, 1);
	u64 tx;

	b->pol.api_max = IGX_MBX_API_BASE;	/* a PF answering as igb */
	igx_bench_vf_ready(b, 0, false);
	KUNIT_EXPECT_EQ(test, igx_mbx_vf_negotiate(&b->vf[0]),
			IGX_MBX_API_BASE);
	KUNIT_EXPECT_EQ(test, b->vf[0].api, IGX_MBX_API_BASE);
	KUNIT_EXPECT_EQ(test, b->vf[0].stats.nacks, 1);
	/* remembered: extensions are refused without asking the PF */
	tx = b->vf[0].stats.tx;
	KUNIT_EXPECT_EQ(test, vf_send(b, 0, &caps), -EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, b->vf[0].stats.tx, tx);
	/* the base protocol still works */
	KUNIT_EXPECT_EQ(test, 0, vf_send(b, 0, &vf_vlan_req));
}

static void igx_vf_timeout_pf_silent(struct kunit *test)
{
	struct igx_bench *b = igx_bench_new(test, 1);
	u64 start;

	igx_bench_vf_ready(b, 0, false);
	b->pf_running = false;
	start = b->fake.now_ns;
	KUNIT_EXPECT_EQ(test, vf_send(b, 0, &vf_vlan_req), -ETIMEDOUT);
	KUNIT_EXPECT_EQ(test, b->vf[0].stats.timeouts, 1);
	/* bounded: the timeout, plus at most one poll step */
	KUNIT_EXPECT_GE(test, b->fake.now_ns - start,
			(u64)b->vf[0].timeout_us * NSEC_PER_USEC);
	KUNIT_EXPECT_LE(test, b->fake.now_ns - start,
			(u64)(b->vf[0].timeout_us + 1000) * NSEC_PER_USEC);
	vf_expect_clean(b);
}

/* The PF takes the request (PFACK) and never answers. */
static void vf_pf_acks_only(struct igx_bench *b)
{
	struct igx_mbx_pf_events ev;
	struct igx_mbx_msg msg;

	if (!igx_mbx_pf_poll(&b->pf, &ev) && ev.req & BIT(0) &&
	    !igx_mbx_pf_read(&b->pf, 0, &msg))
		igx_mbx_pf_unlock(&b->pf, 0);
}

static void igx_vf_timeout_no_reply(struct kunit *test)
{
	struct igx_bench *b = igx_bench_new(test, 1);
	u64 start;

	igx_bench_vf_ready(b, 0, false);
	b->pf_running = false;
	b->extra = vf_pf_acks_only;
	start = b->fake.now_ns;
	KUNIT_EXPECT_EQ(test, vf_send(b, 0, &vf_vlan_req), -ETIMEDOUT);
	KUNIT_EXPECT_LE(test, b->fake.now_ns - start,
			(u64)(b->vf[0].timeout_us + 1000) * NSEC_PER_USEC);
	KUNIT_EXPECT_EQ(test, b->vf[0].stats.timeouts, 1);
	vf_expect_clean(b);
}

/* The PF resets while the VF waits for its answer. */
static void vf_pf_resets(struct igx_bench *b)
{
	unsigned int vf;

	igx_fake_pf_reset(&b->fake);
	for (vf = 0; vf < b->num_vfs; vf++)
		igx_mbx_pf_vf_reset_event(&b->pvf[vf]);
	b->extra = NULL;
}

static void igx_vf_pf_reset_mid_transaction(struct kunit *test)
{
	struct igx_bench *b = igx_bench_new(test, 1);
	u8 mac[ETH_ALEN];

	igx_bench_vf_ready(b, 0, true);
	b->pf_running = false;
	b->extra = vf_pf_resets;
	KUNIT_EXPECT_EQ(test, vf_send(b, 0, &vf_vlan_req), -ENETRESET);
	KUNIT_EXPECT_EQ(test, igx_mbx_vf_reset_pending(&b->vf[0]), 1);
	/* while RSTI stays set, nothing goes out */
	KUNIT_EXPECT_EQ(test, vf_send(b, 0, &vf_vlan_req), -ENETRESET);

	/* the PF comes back up: RSTD, then the VF resets */
	b->pf_running = true;
	igx_fake_pf_reset_done(&b->fake);
	KUNIT_EXPECT_EQ(test, igx_mbx_vf_reset_pending(&b->vf[0]), 1);
	KUNIT_EXPECT_EQ(test, igx_mbx_vf_reset_pending(&b->vf[0]), 0);
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_vf_reset(&b->vf[0], mac));
	KUNIT_EXPECT_EQ(test, 0, vf_send(b, 0, &vf_vlan_req));
	KUNIT_EXPECT_EQ(test, b->vf[0].stats.resets, 2);
	vf_expect_clean(b);
}

static void igx_vf_rstd_blocks_until_reset(struct kunit *test)
{
	struct igx_bench *b = igx_bench_new(test, 1);
	u8 mac[ETH_ALEN];

	igx_bench_vf_ready(b, 0, false);
	igx_fake_pf_reset_done(&b->fake);
	KUNIT_EXPECT_EQ(test, vf_send(b, 0, &vf_vlan_req), -ENETRESET);
	KUNIT_EXPECT_EQ(test, vf_send(b, 0, &vf_vlan_req), -ENETRESET);
	/* the reset handshake consumes RSTD */
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_vf_reset(&b->vf[0], mac));
	KUNIT_EXPECT_EQ(test, 0, vf_send(b, 0, &vf_vlan_req));
}

static void igx_vf_wait_pf_ready(struct kunit *test)
{
	struct igx_bench *b = igx_bench_new(test, 1);
	u8 mac[ETH_ALEN];

	b->fake.v2p[0] = IGX_V2PMAILBOX_RSTI;	/* the reset value */
	KUNIT_EXPECT_EQ(test, igx_mbx_vf_reset(&b->vf[0], mac), -ETIMEDOUT);
	KUNIT_EXPECT_GE(test, b->fake.now_ns,
			(u64)b->vf[0].timeout_us * NSEC_PER_USEC);
	KUNIT_EXPECT_EQ(test, b->vf[0].stats.tx, 0);

	igx_fake_pf_reset_done(&b->fake);
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_vf_reset(&b->vf[0], mac));
	KUNIT_EXPECT_MEMEQ(test, mac, b->mac[0], ETH_ALEN);
}

static void igx_vf_nack_without_cts(struct kunit *test)
{
	struct igx_bench *b = igx_bench_new(test, 1);
	struct igx_mbx_reply reply;

	/* no VF_RESET yet */
	KUNIT_EXPECT_EQ(test, igx_mbx_vf_request(&b->vf[0], &vf_vlan_req,
						 &reply), -ENOTCONN);
	KUNIT_EXPECT_FALSE(test, reply.ack);
	KUNIT_EXPECT_FALSE(test, reply.cts);
	KUNIT_EXPECT_EQ(test, b->applies[0], 0);
	igx_bench_vf_ready(b, 0, false);
	KUNIT_EXPECT_EQ(test, 0, vf_send(b, 0, &vf_vlan_req));
}

static void igx_vf_nack_errnos(struct kunit *test)
{
	const struct igx_mbx_req promisc = {
		.id = IGX_MBX_SET_XCAST_MODE,
		.xcast = { IGX_MBX_XCAST_PROMISC },
	};
	const struct igx_mbx_req add = {
		.id = IGX_MBX_SET_MAC_ADDR,
		.mac = { IGX_MBX_MAC_FILTER_ADD, MAC_A },
	};
	struct igx_bench *b = igx_bench_new(test, 2);

	igx_bench_vf_ready(b, 0, true);
	KUNIT_EXPECT_EQ(test, vf_send(b, 0, &promisc), -EPERM);
	b->apply_err = -ENOSPC;
	KUNIT_EXPECT_EQ(test, vf_send(b, 0, &add), -ENOSPC);
	b->apply_err = -EBUSY;
	KUNIT_EXPECT_EQ(test, vf_send(b, 0, &add), -EBUSY);

	/* base protocol: a NACK has no reason */
	igx_bench_vf_ready(b, 1, false);
	b->apply_err = -ENOSPC;
	KUNIT_EXPECT_EQ(test, vf_send(b, 1, &add), -EPERM);
	KUNIT_EXPECT_EQ(test, b->vf[0].stats.nacks, 3);
}

static void vf_release_pfu_after_3(struct igx_bench *b)
{
	if (b->fake.sleeps >= 3)
		b->fake.pfu[0] = false;
}

static void igx_vf_lock_contention(struct kunit *test)
{
	struct igx_bench *b = igx_bench_new(test, 1);
	unsigned int sleeps;

	igx_bench_vf_ready(b, 0, false);
	b->fake.pfu[0] = true;		/* the PF holds the buffer */
	sleeps = b->fake.sleeps;
	KUNIT_EXPECT_EQ(test, vf_send(b, 0, &vf_vlan_req), -EBUSY);
	KUNIT_EXPECT_EQ(test, b->fake.sleeps - sleeps, IGX_MBX_LOCK_TRIES);
	KUNIT_EXPECT_FALSE(test, b->fake.vfu[0]);
	KUNIT_EXPECT_EQ(test, b->vf[0].stats.tx, 1);

	b->fake.sleeps = 0;
	b->extra = vf_release_pfu_after_3;
	KUNIT_EXPECT_EQ(test, 0, vf_send(b, 0, &vf_vlan_req));
	vf_expect_clean(b);
}

/* igb's watchdog pings the VF over its unread request: REQ is lost. */
static void vf_igb_overwrites(struct igx_bench *b)
{
	static const u32 ping[] = { 0x20000100 };

	if (!(b->fake.mbvficr & IGX_MBVFICR_VFREQ_BIT(0)))
		return;
	igx_fake_pf_write_msg(&b->fake, 0, ping, 1);
	b->pf_running = true;
	b->extra = NULL;
}

static void igx_vf_pf_overwrites_request(struct kunit *test)
{
	struct igx_bench *b = igx_bench_new(test, 1);
	struct igx_mbx_event ev;

	igx_bench_vf_ready(b, 0, false);
	b->pf_running = false;
	b->extra = vf_igb_overwrites;
	/* the VF reads the ping, sends again, and gets its answer */
	KUNIT_EXPECT_EQ(test, 0, vf_send(b, 0, &vf_vlan_req));
	KUNIT_EXPECT_EQ(test, b->vf[0].stats.tx, 3);
	KUNIT_EXPECT_EQ(test, b->applied[0].vlan.vid, 42);
	KUNIT_ASSERT_EQ(test, igx_mbx_vf_poll(&b->vf[0], &ev), 1);
	KUNIT_EXPECT_EQ(test, ev.id, IGX_MBX_PF_CONTROL);
	KUNIT_EXPECT_TRUE(test, ev.cts);
}

/* A PF that answers with an event first, then the reply. */
static void vf_event_then_reply(struct igx_bench *b)
{
	static const u32 link[] = { 0x20001101, 0x00000002 };
	static const u32 reply[] = { 0xa0010004 };

	if (b->fake.mbvficr & IGX_MBVFICR_VFREQ_BIT(0)) {
		b->fake.mbvficr &= ~IGX_MBVFICR_VFREQ_BIT(0);
		b->fake.v2p[0] |= IGX_V2PMAILBOX_PFACK;
		igx_fake_pf_write_msg(&b->fake, 0, link, 2);
	} else if (b->fake.mbvficr & IGX_MBVFICR_VFACK_BIT(0)) {
		igx_fake_pf_write_msg(&b->fake, 0, reply, 1);
		b->extra = NULL;
	}
}

static void igx_vf_event_while_waiting(struct kunit *test)
{
	struct igx_bench *b = igx_bench_new(test, 1);
	struct igx_mbx_event ev;

	igx_bench_vf_ready(b, 0, true);
	b->pf_running = false;
	b->fake.mbvficr = 0;
	b->extra = vf_event_then_reply;
	KUNIT_EXPECT_EQ(test, 0, vf_send(b, 0, &vf_vlan_req));
	KUNIT_ASSERT_EQ(test, igx_mbx_vf_poll(&b->vf[0], &ev), 1);
	KUNIT_EXPECT_EQ(test, ev.id, IGX_MBX_LINK_STATE);
	KUNIT_EXPECT_EQ(test, ev.link.admin, IGX_MBX_LINK_DISABLE);
	KUNIT_EXPECT_FALSE(test, ev.link.up);
	KUNIT_EXPECT_EQ(test, igx_mbx_vf_poll(&b->vf[0], &ev), 0);
}

static void igx_vf_poll_link_state(struct kunit *test)
{
	const struct igx_mbx_link down = { .admin = IGX_MBX_LINK_DISABLE };
	struct igx_bench *b = igx_bench_new(test, 2);
	struct igx_mbx_event ev;

	igx_bench_vf_ready(b, 0, true);
	igx_bench_vf_ready(b, 1, false);
	KUNIT_EXPECT_EQ(test, igx_mbx_vf_poll(&b->vf[0], &ev), 0);
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_notify(&b->pf, &b->pvf[0], &down));
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_notify(&b->pf, &b->pvf[1], &down));

	KUNIT_ASSERT_EQ(test, igx_mbx_vf_poll(&b->vf[0], &ev), 1);
	KUNIT_EXPECT_EQ(test, ev.id, IGX_MBX_LINK_STATE);
	KUNIT_EXPECT_TRUE(test, ev.cts);
	KUNIT_EXPECT_EQ(test, ev.link.admin, IGX_MBX_LINK_DISABLE);
	/* the base-protocol VF gets the igb control message */
	KUNIT_ASSERT_EQ(test, igx_mbx_vf_poll(&b->vf[1], &ev), 1);
	KUNIT_EXPECT_EQ(test, ev.id, IGX_MBX_PF_CONTROL);
	KUNIT_EXPECT_TRUE(test, ev.cts);
	KUNIT_EXPECT_EQ(test, igx_mbx_vf_poll(&b->vf[0], &ev), 0);

	/* PF reset: CTS gone, the bare NACK tells the VF it must reset */
	igx_mbx_pf_vf_reset_event(&b->pvf[0]);
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_pf_notify(&b->pf, &b->pvf[0], &down));
	KUNIT_ASSERT_EQ(test, igx_mbx_vf_poll(&b->vf[0], &ev), 1);
	KUNIT_EXPECT_EQ(test, ev.id, IGX_MBX_ID_NONE);
	KUNIT_EXPECT_FALSE(test, ev.cts);
	vf_expect_clean(b);
}

static void igx_vf_flood_throttled_others_unaffected(struct kunit *test)
{
	static const u32 raw_vlan[] = { 0x00010004, 9 };
	const struct igx_mbx_req lpe = {
		.id = IGX_MBX_SET_LPE, .lpe = { 1522 },
	};
	struct igx_bench *b = igx_bench_new(test, 2);
	u64 start, t, slowest = 0;
	unsigned int i;

	b->pol.rate = 100;	/* one per 10 ms ... */
	b->pol.burst = 8;	/* ... after 8 at once */
	igx_bench_vf_ready(b, 0, false);
	igx_bench_vf_ready(b, 1, false);

	start = b->fake.now_ns;
	for (i = 0; i < 48; i++) {
		KUNIT_ASSERT_EQ(test, 0, vf_send(b, 0, &vf_vlan_req));
		if (i % 4)
			continue;
		/* the quiet VF is served at once every time */
		t = b->fake.now_ns;
		KUNIT_ASSERT_EQ(test, 0, vf_send(b, 1, &lpe));
		slowest = max(slowest, b->fake.now_ns - t);
	}
	/* 41 of VF 0's 49 requests waited for their 10 ms slot */
	KUNIT_EXPECT_GE(test, b->fake.now_ns - start, 40 * 10 * NSEC_PER_MSEC);
	KUNIT_EXPECT_GT(test, b->pvf[0].stats.deferred, 0);
	KUNIT_EXPECT_EQ(test, b->pvf[0].stats.nacks, 0);
	KUNIT_EXPECT_EQ(test, b->pvf[1].stats.deferred, 0);
	KUNIT_EXPECT_LT(test, slowest, NSEC_PER_MSEC);

	/* VF 0's next request waits in the mailbox; VF 1 gets through */
	igx_fake_vf_write_msg(&b->fake, 0, raw_vlan, 2);
	igx_bench_pf_service(b);
	KUNIT_EXPECT_TRUE(test, b->pf.req_pending & BIT(0));
	t = b->fake.now_ns;
	KUNIT_ASSERT_EQ(test, 0, vf_send(b, 1, &lpe));
	KUNIT_EXPECT_LT(test, b->fake.now_ns - t, NSEC_PER_MSEC);
	KUNIT_EXPECT_TRUE(test, b->pf.req_pending & BIT(0));
	b->fake.now_ns += 10 * NSEC_PER_MSEC;
	igx_bench_pf_service(b);
	KUNIT_EXPECT_FALSE(test, b->pf.req_pending & BIT(0));
	KUNIT_EXPECT_EQ(test, b->applied[0].vlan.vid, 9);
	vf_expect_clean(b);
}

static void igx_vf_flood_nacked_busy(struct kunit *test)
{
	struct igx_bench *b = igx_bench_new(test, 1);
	u64 start;

	b->pol.rate = 1;			/* one a second */
	b->pol.burst = 2;
	b->pol.max_defer_ns = 10 * NSEC_PER_MSEC;
	igx_bench_vf_ready(b, 0, true);	/* reset and negotiation */
	start = b->fake.now_ns;
	/* far from the next slot: NACK BUSY at once, no waiting */
	KUNIT_EXPECT_EQ(test, vf_send(b, 0, &vf_vlan_req), -EBUSY);
	KUNIT_EXPECT_LT(test, b->fake.now_ns - start, NSEC_PER_MSEC);
	KUNIT_EXPECT_EQ(test, b->pvf[0].stats.throttled, 1);
	KUNIT_EXPECT_EQ(test, b->applies[0], 1);
	/* a second later it is served */
	b->fake.now_ns += NSEC_PER_SEC;
	KUNIT_EXPECT_EQ(test, 0, vf_send(b, 0, &vf_vlan_req));
}

static void igx_vf_seven_vfs(struct kunit *test)
{
	struct igx_bench *b = igx_bench_new(test, IGX_MAX_VFS);
	struct igx_mbx_req req = vf_vlan_req;
	unsigned int vf, round;

	for (vf = 0; vf < IGX_MAX_VFS; vf++)
		igx_bench_vf_ready(b, vf, vf % 2);
	for (round = 0; round < 3; round++) {
		for (vf = 0; vf < IGX_MAX_VFS; vf++) {
			req.vlan.vid = 100 * round + vf;
			KUNIT_ASSERT_EQ(test, 0, vf_send(b, vf, &req));
		}
		for (vf = 0; vf < IGX_MAX_VFS; vf++)
			KUNIT_EXPECT_EQ(test, b->applied[vf].vlan.vid,
					100 * round + vf);
	}
	for (vf = 0; vf < IGX_MAX_VFS; vf++) {
		KUNIT_EXPECT_EQ(test, b->pvf[vf].api, vf % 2);
		KUNIT_EXPECT_EQ(test, b->pvf[vf].stats.nacks, 0);
	}
	vf_expect_clean(b);
}

static void igx_vf_device_gone(struct kunit *test)
{
	struct igx_bench *b = igx_bench_new(test, 1);
	struct igx_mbx_event ev;
	unsigned int sleeps;
	u8 mac[ETH_ALEN];

	igx_bench_vf_ready(b, 0, false);
	b->fake.gone = true;
	sleeps = b->fake.sleeps;
	KUNIT_EXPECT_EQ(test, vf_send(b, 0, &vf_vlan_req), -ENODEV);
	KUNIT_EXPECT_EQ(test, igx_mbx_vf_reset_pending(&b->vf[0]), -ENODEV);
	KUNIT_EXPECT_EQ(test, igx_mbx_vf_poll(&b->vf[0], &ev), -ENODEV);
	KUNIT_EXPECT_EQ(test, igx_mbx_vf_reset(&b->vf[0], mac), -ENODEV);
	KUNIT_EXPECT_EQ(test, b->fake.sleeps, sleeps);
}

static struct kunit_case igx_mbx_vf_cases[] = {
	KUNIT_CASE(igx_vf_r2c_bits_cached),
	KUNIT_CASE_PARAM(igx_vf_round_trip, igx_vf_gen_params),
	KUNIT_CASE(igx_vf_reset_handshake),
	KUNIT_CASE(igx_vf_negotiate_igx),
	KUNIT_CASE(igx_vf_negotiate_falls_back),
	KUNIT_CASE(igx_vf_timeout_pf_silent),
	KUNIT_CASE(igx_vf_timeout_no_reply),
	KUNIT_CASE(igx_vf_pf_reset_mid_transaction),
	KUNIT_CASE(igx_vf_rstd_blocks_until_reset),
	KUNIT_CASE(igx_vf_wait_pf_ready),
	KUNIT_CASE(igx_vf_nack_without_cts),
	KUNIT_CASE(igx_vf_nack_errnos),
	KUNIT_CASE(igx_vf_lock_contention),
	KUNIT_CASE(igx_vf_pf_overwrites_request),
	KUNIT_CASE(igx_vf_event_while_waiting),
	KUNIT_CASE(igx_vf_poll_link_state),
	KUNIT_CASE(igx_vf_flood_throttled_others_unaffected),
	KUNIT_CASE(igx_vf_flood_nacked_busy),
	KUNIT_CASE(igx_vf_seven_vfs),
	KUNIT_CASE(igx_vf_device_gone),
	{}
};

static struct kunit_suite igx_mbx_vf_suite = {
	.name = "igx_mbx_vf",
	.test_cases = igx_mbx_vf_cases,
};

kunit_test_suite(igx_mbx_vf_suite);
