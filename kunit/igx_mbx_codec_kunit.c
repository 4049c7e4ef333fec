// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * KUnit suite igx_mbx_codec: encode and parse every mailbox message, check
 * the words igb/igbvf put on the wire, and refuse every malformed request.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>

#include "mailbox/igx_mbx.h"

#define MAC_A	{ 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 }

static void igx_msg_set(struct igx_mbx_msg *msg, const u32 *w,
			unsigned int len)
{
	unsigned int i;

	memset(msg, 0, sizeof(*msg));
	for (i = 0; i < len && i < IGX_MBX_MAX_WORDS; i++)
		msg->w[i] = cpu_to_le32(w[i]);
	msg->len = len;
}

/* --- Requests: encode, then parse gives the request back ------------- */

struct igx_req_case {
	const char *desc;
	struct igx_mbx_req req;
	unsigned int len;
	u32 hdr;	/* word 0 as igb/igbvf spell it */
};

static const struct igx_req_case igx_req_cases[] = {
	{ "VF_RESET", { .id = IGX_MBX_VF_RESET }, 1, 0x00000001 },
	{ "SET_MAC_ADDR primary",
	  { .id = IGX_MBX_SET_MAC_ADDR, .mac = { .addr = MAC_A } },
	  3, 0x00000002 },
	{ "SET_MAC_ADDR filter add",
	  { .id = IGX_MBX_SET_MAC_ADDR,
	    .mac = { .op = IGX_MBX_MAC_FILTER_ADD, .addr = MAC_A } },
	  3, 0x00020002 },
	{ "SET_MAC_ADDR filter clear",
	  { .id = IGX_MBX_SET_MAC_ADDR,
	    .mac = { .op = IGX_MBX_MAC_FILTER_CLR } },
	  3, 0x00010002 },
	{ "SET_MULTICAST none", { .id = IGX_MBX_SET_MULTICAST }, 1,
	  0x00000003 },
	{ "SET_MULTICAST one",
	  { .id = IGX_MBX_SET_MULTICAST,
	    .mc = { .count = 1, .hash = { 0x123 } } },
	  2, 0x00010003 },
	{ "SET_MULTICAST three",
	  { .id = IGX_MBX_SET_MULTICAST,
	    .mc = { .count = 3, .hash = { 0x001, 0xfff, 0x800 } } },
	  3, 0x00030003 },
	{ "SET_MULTICAST thirty",
	  { .id = IGX_MBX_SET_MULTICAST,
	    .mc = { .count = 30, .hash = { [0 ... 29] = 0xabc } } },
	  16, 0x001e0003 },
	{ "SET_VLAN add 100",
	  { .id = IGX_MBX_SET_VLAN, .vlan = { .vid = 100, .add = true } },
	  2, 0x00010004 },
	{ "SET_VLAN add 0",
	  { .id = IGX_MBX_SET_VLAN, .vlan = { .vid = 0, .add = true } },
	  2, 0x00010004 },
	{ "SET_VLAN remove 4094",
	  { .id = IGX_MBX_SET_VLAN, .vlan = { .vid = 4094 } }, 2,
	  0x00000004 },
	{ "SET_LPE 1522", { .id = IGX_MBX_SET_LPE, .lpe = { 1522 } }, 2,
	  0x00000005 },
	{ "SET_LPE min",
	  { .id = IGX_MBX_SET_LPE, .lpe = { IGX_MBX_LPE_MIN } }, 2,
	  0x00000005 },
	{ "SET_LPE max",
	  { .id = IGX_MBX_SET_LPE, .lpe = { IGX_MBX_LPE_MAX } }, 2,
	  0x00000005 },
	{ "SET_PROMISC off", { .id = IGX_MBX_SET_PROMISC }, 1, 0x00000006 },
	{ "SET_PROMISC multicast",
	  { .id = IGX_MBX_SET_PROMISC, .promisc = { true } }, 1,
	  0x00020006 },
	{ "API_NEGOTIATE 1",
	  { .id = IGX_MBX_API_NEGOTIATE, .api = { IGX_MBX_API_1 } }, 2,
	  0x00001001 },
	{ "GET_CAPS", { .id = IGX_MBX_GET_CAPS }, 1, 0x00001002 },
	{ "GET_LINK_STATE", { .id = IGX_MBX_GET_LINK_STATE }, 1,
	  0x00001003 },
	{ "SET_XCAST_MODE none", { .id = IGX_MBX_SET_XCAST_MODE }, 1,
	  0x00001004 },
	{ "SET_XCAST_MODE multi",
	  { .id = IGX_MBX_SET_XCAST_MODE,
	    .xcast = { IGX_MBX_XCAST_MULTI } }, 1, 0x00011004 },
	{ "SET_XCAST_MODE allmulti",
	  { .id = IGX_MBX_SET_XCAST_MODE,
	    .xcast = { IGX_MBX_XCAST_ALLMULTI } }, 1, 0x00021004 },
	{ "SET_XCAST_MODE promisc",
	  { .id = IGX_MBX_SET_XCAST_MODE,
	    .xcast = { IGX_MBX_XCAST_PROMISC } }, 1, 0x00031004 },
};

KUNIT_ARRAY_PARAM_DESC(igx_req, igx_req_cases, desc);

static void igx_codec_req_round_trip(struct kunit *test)
{
	const struct igx_req_case *c = test->param_value;
	struct igx_mbx_req got;
	struct igx_mbx_msg msg;

	KUNIT_ASSERT_EQ(test, 0, igx_mbx_encode_req(&c->req, &msg));
	KUNIT_EXPECT_EQ(test, msg.len, c->len);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(msg.w[0]), c->hdr);
	KUNIT_EXPECT_EQ(test, igx_mbx_req_len(c->hdr), c->len);
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_parse_req(&msg, &got));
	KUNIT_EXPECT_MEMEQ(test, &got, &c->req, sizeof(got));
}

/* --- Requests as stock igbvf writes them ---------------------------- */

struct igx_wire_case {
	const char *desc;
	u32 w[IGX_MBX_MAX_WORDS];
	unsigned int len;
	struct igx_mbx_req want;
};

static const struct igx_wire_case igx_wire_cases[] = {
	{ "igbvf VF_RESET", { 0x00000001 }, 1, { .id = IGX_MBX_VF_RESET } },
	{ "igbvf SET_MAC_ADDR", { 0x00000002, 0x33221102, 0x00005544 }, 3,
	  { .id = IGX_MBX_SET_MAC_ADDR, .mac = { .addr = MAC_A } } },
	{ "igbvf MAC filter clear, no address", { 0x00010002, 0, 0 }, 3,
	  { .id = IGX_MBX_SET_MAC_ADDR,
	    .mac = { .op = IGX_MBX_MAC_FILTER_CLR } } },
	/* igbvf always writes 16 words; those past the count are garbage */
	{ "igbvf SET_MULTICAST, 16 words",
	  { 0x00020003, 0x04560123, [2 ... 15] = 0xdeadbeef }, 16,
	  { .id = IGX_MBX_SET_MULTICAST,
	    .mc = { .count = 2, .hash = { 0x123, 0x456 } } } },
	{ "igbvf SET_VLAN add", { 0x00010004, 5 }, 2,
	  { .id = IGX_MBX_SET_VLAN, .vlan = { .vid = 5, .add = true } } },
	{ "igbvf SET_LPE", { 0x00000005, 1522 }, 2,
	  { .id = IGX_MBX_SET_LPE, .lpe = { 1522 } } },
	{ "igbvf SET_LPE, largest MTU", { 0x00000005, 9238 }, 2,
	  { .id = IGX_MBX_SET_LPE, .lpe = { 9238 } } },
};

KUNIT_ARRAY_PARAM_DESC(igx_wire, igx_wire_cases, desc);

static void igx_codec_req_igbvf_wire(struct kunit *test)
{
	const struct igx_wire_case *c = test->param_value;
	struct igx_mbx_req got;
	struct igx_mbx_msg msg;

	igx_msg_set(&msg, c->w, c->len);
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_parse_req(&msg, &got));
	KUNIT_EXPECT_MEMEQ(test, &got, &c->want, sizeof(got));
}

/* --- Requests the PF must refuse ------------------------------------- */

struct igx_bad_case {
	const char *desc;
	u32 w[IGX_MBX_MAX_WORDS];
	unsigned int len;
	int err;
};

static const struct igx_bad_case igx_bad_cases[] = {
	{ "empty", { 0x00000001 }, 0, -EMSGSIZE },
	{ "seventeen words", { 0x00000003 }, 17, -EMSGSIZE },
	{ "ACK from a VF", { 0x80000004, 5 }, 2, -EPROTO },
	{ "NACK from a VF", { 0x40000001 }, 1, -EPROTO },
	{ "CTS from a VF", { 0x20000003 }, 1, -EPROTO },
	{ "reserved header bits", { 0x01000001 }, 1, -EPROTO },
	{ "ID 0", { 0x00000000 }, 1, -EOPNOTSUPP },
	{ "ID 0x07 (unknown)", { 0x00000007 }, 1, -EOPNOTSUPP },
	{ "ID 0x1005 (unknown)", { 0x00001005 }, 1, -EOPNOTSUPP },
	{ "ID 0xffff", { 0x0000ffff }, 1, -EOPNOTSUPP },
	{ "PF_CONTROL from a VF", { 0x00000100 }, 1, -EOPNOTSUPP },
	{ "LINK_STATE from a VF", { 0x00001101, 0 }, 2, -EOPNOTSUPP },
	{ "VF_RESET long", { 0x00000001, 0 }, 2, -EMSGSIZE },
	{ "VF_RESET with MSGINFO", { 0x00010001 }, 1, -EINVAL },
	{ "SET_MAC_ADDR short", { 0x00000002, 0x33221102 }, 2, -EMSGSIZE },
	{ "SET_MAC_ADDR long", { 0x00000002, 0x33221102, 0x5544, 0 }, 4,
	  -EMSGSIZE },
	{ "SET_MAC_ADDR multicast", { 0x00000002, 0x33221101, 0x5544 }, 3,
	  -EINVAL },
	{ "SET_MAC_ADDR zero", { 0x00000002, 0, 0 }, 3, -EINVAL },
	{ "SET_MAC_ADDR broadcast", { 0x00000002, 0xffffffff, 0xffff }, 3,
	  -EINVAL },
	{ "SET_MAC_ADDR reserved bytes",
	  { 0x00000002, 0x33221102, 0xabcd5544 }, 3, -EINVAL },
	{ "SET_MAC_ADDR op 3", { 0x00030002, 0x33221102, 0x5544 }, 3,
	  -EINVAL },
	{ "MAC filter add, multicast", { 0x00020002, 0x33221101, 0x5544 }, 3,
	  -EINVAL },
	{ "SET_MULTICAST 31 hashes", { 0x001f0003 }, 16, -EINVAL },
	{ "SET_MULTICAST 255 hashes", { 0x00ff0003 }, 16, -EINVAL },
	{ "SET_MULTICAST count past length", { 0x00050003, 1, 2 }, 3,
	  -EMSGSIZE },
	{ "SET_MULTICAST hash over 12 bits", { 0x00010003, 0x1000 }, 2,
	  -EINVAL },
	{ "SET_VLAN short", { 0x00010004 }, 1, -EMSGSIZE },
	{ "SET_VLAN long", { 0x00010004, 5, 0 }, 3, -EMSGSIZE },
	{ "SET_VLAN 4095", { 0x00010004, 4095 }, 2, -EINVAL },
	{ "SET_VLAN 4096", { 0x00010004, 4096 }, 2, -EINVAL },
	{ "SET_VLAN high bits", { 0x00010004, 0x00010005 }, 2, -EINVAL },
	{ "SET_VLAN add flag 2", { 0x00020004, 5 }, 2, -EINVAL },
	{ "SET_LPE zero", { 0x00000005, 0 }, 2, -EINVAL },
	{ "SET_LPE below 68-byte MTU", { 0x00000005, IGX_MBX_LPE_MIN - 1 },
	  2, -EINVAL },
	{ "SET_LPE above 9728", { 0x00000005, IGX_MBX_LPE_MAX + 1 }, 2,
	  -EINVAL },
	{ "SET_LPE with MSGINFO", { 0x00010005, 1522 }, 2, -EINVAL },
	{ "SET_PROMISC unicast", { 0x00010006 }, 1, -EINVAL },
	{ "SET_PROMISC unknown bit", { 0x00040006 }, 1, -EINVAL },
	{ "API_NEGOTIATE version 0", { 0x00001001, 0 }, 2, -EINVAL },
	{ "API_NEGOTIATE high bits", { 0x00001001, 0x00010001 }, 2,
	  -EINVAL },
	{ "API_NEGOTIATE short", { 0x00001001 }, 1, -EMSGSIZE },
	{ "GET_CAPS long", { 0x00001002, 0 }, 2, -EMSGSIZE },
	{ "GET_CAPS with MSGINFO", { 0x00011002 }, 1, -EINVAL },
	{ "GET_LINK_STATE with MSGINFO", { 0x00011003 }, 1, -EINVAL },
	{ "SET_XCAST_MODE 4", { 0x00041004 }, 1, -EINVAL },
};

KUNIT_ARRAY_PARAM_DESC(igx_bad, igx_bad_cases, desc);

static void igx_codec_req_malformed(struct kunit *test)
{
	const struct igx_bad_case *c = test->param_value;
	static const struct igx_mbx_req zero;
	struct igx_mbx_req got;
	struct igx_mbx_msg msg;

	igx_msg_set(&msg, c->w, c->len);
	KUNIT_EXPECT_EQ(test, igx_mbx_parse_req(&msg, &got), c->err);
	/* a refused request leaves nothing half-parsed behind */
	KUNIT_EXPECT_MEMEQ(test, &got, &zero, sizeof(got));
}

static void igx_codec_encode_refuses_invalid(struct kunit *test)
{
	struct igx_mbx_req req = { .id = IGX_MBX_SET_VLAN };
	struct igx_mbx_msg msg;

	req.vlan.vid = 4095;
	KUNIT_EXPECT_EQ(test, igx_mbx_encode_req(&req, &msg), -EINVAL);

	memset(&req, 0, sizeof(req));
	req.id = IGX_MBX_SET_MULTICAST;
	req.mc.count = IGX_MBX_MC_MAX + 1;
	KUNIT_EXPECT_EQ(test, igx_mbx_encode_req(&req, &msg), -EINVAL);

	memset(&req, 0, sizeof(req));
	req.id = IGX_MBX_SET_MAC_ADDR;
	eth_broadcast_addr(req.mac.addr);
	KUNIT_EXPECT_EQ(test, igx_mbx_encode_req(&req, &msg), -EINVAL);

	memset(&req, 0, sizeof(req));
	req.id = IGX_MBX_SET_LPE;
	req.lpe.max_frame = 20;
	KUNIT_EXPECT_EQ(test, igx_mbx_encode_req(&req, &msg), -EINVAL);

	memset(&req, 0, sizeof(req));
	req.id = IGX_MBX_SET_XCAST_MODE;
	req.xcast.mode = 9;
	KUNIT_EXPECT_EQ(test, igx_mbx_encode_req(&req, &msg), -EINVAL);

	memset(&req, 0, sizeof(req));
	req.id = 0x77;
	KUNIT_EXPECT_EQ(test, igx_mbx_encode_req(&req, &msg), -EOPNOTSUPP);
	req.id = IGX_MBX_PF_CONTROL;
	KUNIT_EXPECT_EQ(test, igx_mbx_encode_req(&req, &msg), -EOPNOTSUPP);
}

/* --- Replies ---------------------------------------------------------- */

struct igx_reply_case {
	const char *desc;
	u32 api;
	struct igx_mbx_reply reply;
	unsigned int len;
	u32 hdr;
};

static const struct igx_reply_case igx_reply_cases[] = {
	{ "VF_RESET ACK with MAC", IGX_MBX_API_BASE,
	  { .id = IGX_MBX_VF_RESET, .ack = true, .mac = MAC_A },
	  3, 0x80000001 },
	{ "VF_RESET NACK, no MAC", IGX_MBX_API_BASE,
	  { .id = IGX_MBX_VF_RESET }, 3, 0x40000001 },
	{ "SET_MAC_ADDR ACK", IGX_MBX_API_BASE,
	  { .id = IGX_MBX_SET_MAC_ADDR, .ack = true, .cts = true },
	  1, 0xa0000002 },
	{ "MAC filter add NACK, base", IGX_MBX_API_BASE,
	  { .id = IGX_MBX_SET_MAC_ADDR, .info = IGX_MBX_MAC_FILTER_ADD,
	    .cts = true }, 1, 0x60020002 },
	{ "SET_VLAN NACK with reason", IGX_MBX_API_1,
	  { .id = IGX_MBX_SET_VLAN, .info = 1, .cts = true,
	    .reason = IGX_MBX_NACK_PERM }, 2, 0x60010004 },
	{ "NACK without CTS", IGX_MBX_API_BASE,
	  { .id = IGX_MBX_SET_VLAN }, 1, 0x40000004 },
	{ "API_NEGOTIATE ACK", IGX_MBX_API_BASE,
	  { .id = IGX_MBX_API_NEGOTIATE, .ack = true, .cts = true,
	    .version = IGX_MBX_API_1 }, 2, 0xa0001001 },
	{ "API_NEGOTIATE NACK, base", IGX_MBX_API_BASE,
	  { .id = IGX_MBX_API_NEGOTIATE, .cts = true }, 1, 0x60001001 },
	{ "GET_CAPS ACK", IGX_MBX_API_1,
	  { .id = IGX_MBX_GET_CAPS, .ack = true, .cts = true,
	    .caps = { 1, 1, 9728, IGX_MBX_F_LINK_STATE | IGX_MBX_F_TRUSTED } },
	  4, 0xa0001002 },
	{ "GET_LINK_STATE ACK, up", IGX_MBX_API_1,
	  { .id = IGX_MBX_GET_LINK_STATE, .ack = true, .cts = true,
	    .link = { IGX_MBX_LINK_ENABLE, true, true, SPEED_1000 } },
	  2, 0xa0001003 },
	{ "GET_LINK_STATE ACK, disabled", IGX_MBX_API_1,
	  { .id = IGX_MBX_GET_LINK_STATE, .ack = true, .cts = true,
	    .link = { IGX_MBX_LINK_DISABLE } }, 2, 0xa0001003 },
	{ "SET_XCAST_MODE ACK", IGX_MBX_API_1,
	  { .id = IGX_MBX_SET_XCAST_MODE, .info = 2, .ack = true,
	    .cts = true }, 1, 0xa0021004 },
	{ "unknown ID NACK with reason", IGX_MBX_API_1,
	  { .id = 0x0007, .cts = true, .reason = IGX_MBX_NACK_NOTSUPP },
	  2, 0x60000007 },
};

KUNIT_ARRAY_PARAM_DESC(igx_reply, igx_reply_cases, desc);

static void igx_codec_reply_round_trip(struct kunit *test)
{
	const struct igx_reply_case *c = test->param_value;
	struct igx_mbx_reply got;
	struct igx_mbx_msg msg;

	KUNIT_ASSERT_EQ(test, 0, igx_mbx_encode_reply(&c->reply, c->api,
						      &msg));
	KUNIT_EXPECT_EQ(test, msg.len, c->len);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(msg.w[0]), c->hdr);
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_msg_len(c->hdr, c->api), c->len);
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_parse_reply(&msg, c->reply.id,
						     c->api, &got));
	KUNIT_EXPECT_MEMEQ(test, &got, &c->reply, sizeof(got));
}

static void igx_codec_reset_reply_has_no_cts(struct kunit *test)
{
	struct igx_mbx_reply reply = {
		.id = IGX_MBX_VF_RESET, .ack = true, .cts = true, .mac = MAC_A,
	};
	struct igx_mbx_msg msg;

	/* igbvf compares word 0 with VF_RESET | ACK exactly */
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_encode_reply(&reply, 1, &msg));
	KUNIT_EXPECT_EQ(test, le32_to_cpu(msg.w[0]), 0x80000001);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(msg.w[1]), 0x33221102);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(msg.w[2]), 0x00005544);

	reply.ack = false;
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_encode_reply(&reply, 1, &msg));
	KUNIT_EXPECT_EQ(test, le32_to_cpu(msg.w[0]), 0x40000001);
	KUNIT_EXPECT_EQ(test, msg.len, 3);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(msg.w[1]), 0);

	/* an ACK needs a MAC, and a known ID */
	reply.ack = true;
	eth_zero_addr(reply.mac);
	KUNIT_EXPECT_EQ(test, igx_mbx_encode_reply(&reply, 0, &msg), -EINVAL);
	reply.id = 0x0007;
	KUNIT_EXPECT_EQ(test, igx_mbx_encode_reply(&reply, 0, &msg), -EINVAL);
}

struct igx_bad_reply_case {
	const char *desc;
	u32 w[IGX_MBX_MAX_WORDS];
	unsigned int len;
	u16 req_id;
	u32 api;
	int err;
};

static const struct igx_bad_reply_case igx_bad_reply_cases[] = {
	{ "answers another ID", { 0xa0000004 }, 1, IGX_MBX_SET_MAC_ADDR, 0,
	  -EPROTO },
	{ "ACK and NACK", { 0xe0000002 }, 1, IGX_MBX_SET_MAC_ADDR, 0,
	  -EPROTO },
	{ "neither ACK nor NACK", { 0x20000002 }, 1, IGX_MBX_SET_MAC_ADDR, 0,
	  -EPROTO },
	{ "empty", { 0 }, 0, IGX_MBX_SET_MAC_ADDR, 0, -EMSGSIZE },
	{ "VF_RESET ACK short", { 0x80000001 }, 1, IGX_MBX_VF_RESET, 0,
	  -EMSGSIZE },
	{ "VF_RESET ACK multicast MAC", { 0x80000001, 0x33221101, 0x5544 },
	  3, IGX_MBX_VF_RESET, 0, -EPROTO },
	{ "API_NEGOTIATE ACK version 0", { 0xa0001001, 0 }, 2,
	  IGX_MBX_API_NEGOTIATE, 0, -EPROTO },
	{ "GET_CAPS ACK short", { 0xa0001002, 0, 0 }, 3, IGX_MBX_GET_CAPS, 1,
	  -EMSGSIZE },
	{ "link admin state 3", { 0xa0001003, 3 }, 2,
	  IGX_MBX_GET_LINK_STATE, 1, -EPROTO },
	{ "NACK without reason under API 1", { 0x60000004 }, 1,
	  IGX_MBX_SET_VLAN, 1, -EMSGSIZE },
};

KUNIT_ARRAY_PARAM_DESC(igx_bad_reply, igx_bad_reply_cases, desc);

static void igx_codec_reply_malformed(struct kunit *test)
{
	const struct igx_bad_reply_case *c = test->param_value;
	struct igx_mbx_reply got;
	struct igx_mbx_msg msg;

	igx_msg_set(&msg, c->w, c->len);
	KUNIT_EXPECT_EQ(test, igx_mbx_parse_reply(&msg, c->req_id, c->api,
						  &got), c->err);
}

/* --- Events ----------------------------------------------------------- */

struct igx_event_case {
	const char *desc;
	u32 w[IGX_MBX_MAX_WORDS];
	unsigned int len;
	int err;
	struct igx_mbx_event want;
};

static const struct igx_event_case igx_event_cases[] = {
	{ "igb PF_CONTROL with CTS", { 0x20000100 }, 1, 0,
	  { IGX_MBX_PF_CONTROL, true } },
	{ "igb PF_CONTROL without CTS", { 0x00000100 }, 1, 0,
	  { IGX_MBX_PF_CONTROL, false } },
	{ "igb bare NACK", { 0x40000000 }, 1, 0, { IGX_MBX_ID_NONE, false } },
	{ "LINK_STATE up", { 0x20001101, 0x03e80301 }, 2, 0,
	  { IGX_MBX_LINK_STATE, true,
	    { IGX_MBX_LINK_ENABLE, true, true, SPEED_1000 } } },
	{ "LINK_STATE disabled", { 0x20001101, 0x00000002 }, 2, 0,
	  { IGX_MBX_LINK_STATE, true, { IGX_MBX_LINK_DISABLE } } },
	{ "a reply, not an event", { 0xa0000004 }, 1, -EPROTO,
	  { IGX_MBX_SET_VLAN } },
	{ "ID 0 without NACK", { 0x20000000 }, 1, -EPROTO },
	{ "unknown ID", { 0x00000200 }, 1, -EOPNOTSUPP, { 0x0200 } },
	{ "LINK_STATE short", { 0x00001101 }, 1, -EMSGSIZE,
	  { IGX_MBX_LINK_STATE } },
	{ "LINK_STATE admin 3", { 0x20001101, 3 }, 2, -EPROTO,
	  { IGX_MBX_LINK_STATE, true, { 3 } } },
};

KUNIT_ARRAY_PARAM_DESC(igx_event, igx_event_cases, desc);

static void igx_codec_event_parse(struct kunit *test)
{
	const struct igx_event_case *c = test->param_value;
	struct igx_mbx_event got;
	struct igx_mbx_msg msg;

	igx_msg_set(&msg, c->w, c->len);
	KUNIT_ASSERT_EQ(test, igx_mbx_parse_event(&msg, &got), c->err);
	if (c->err)
		return;
	KUNIT_EXPECT_MEMEQ(test, &got, &c->want, sizeof(got));

	/* encoding the event gives the same words back */
	KUNIT_ASSERT_EQ(test, 0, igx_mbx_encode_event(&got, &msg));
	KUNIT_EXPECT_EQ(test, msg.len, c->len);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(msg.w[0]), c->w[0]);
	if (c->len > 1)
		KUNIT_EXPECT_EQ(test, le32_to_cpu(msg.w[1]), c->w[1]);
}

static void igx_codec_lengths(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, igx_mbx_req_len(0x00000001), 1);
	KUNIT_EXPECT_EQ(test, igx_mbx_req_len(0x00020002), 3);
	KUNIT_EXPECT_EQ(test, igx_mbx_req_len(0x00000003), 1);
	KUNIT_EXPECT_EQ(test, igx_mbx_req_len(0x00010003), 2);
	KUNIT_EXPECT_EQ(test, igx_mbx_req_len(0x00020003), 2);
	KUNIT_EXPECT_EQ(test, igx_mbx_req_len(0x00030003), 3);
	KUNIT_EXPECT_EQ(test, igx_mbx_req_len(0x001e0003), 16);
	KUNIT_EXPECT_EQ(test, igx_mbx_req_len(0x00ff0003), 16);
	KUNIT_EXPECT_EQ(test, igx_mbx_req_len(0x00000007), 1);
	KUNIT_EXPECT_EQ(test, igx_mbx_req_len(0x00000100), 1);

	KUNIT_EXPECT_EQ(test, igx_mbx_pf_msg_len(0x80000001, 0), 3);
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_msg_len(0x40000001, 1), 3);
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_msg_len(0xa0010004, 1), 1);
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_msg_len(0x60010004, 0), 1);
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_msg_len(0x60010004, 1), 2);
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_msg_len(0xa0001001, 0), 2);
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_msg_len(0xa0001002, 1), 4);
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_msg_len(0xa0001003, 1), 2);
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_msg_len(0x20000100, 1), 1);
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_msg_len(0x20001101, 1), 2);
	KUNIT_EXPECT_EQ(test, igx_mbx_pf_msg_len(0x40000000, 1), 1);
}

static void igx_codec_errno_mapping(struct kunit *test)
{
	static const u8 reasons[] = {
		IGX_MBX_NACK_INVAL, IGX_MBX_NACK_PERM, IGX_MBX_NACK_NOSPC,
		IGX_MBX_NACK_BUSY, IGX_MBX_NACK_NOTSUPP,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(reasons); i++)
		KUNIT_EXPECT_EQ(test, reasons[i],
				igx_mbx_errno_nack(igx_mbx_nack_errno(reasons[i])));
	KUNIT_EXPECT_EQ(test, igx_mbx_nack_errno(IGX_MBX_NACK_UNSPEC), -EPERM);
	KUNIT_EXPECT_EQ(test, igx_mbx_nack_errno(200), -EPERM);
	KUNIT_EXPECT_EQ(test, igx_mbx_errno_nack(-EMSGSIZE),
			IGX_MBX_NACK_INVAL);
	KUNIT_EXPECT_EQ(test, igx_mbx_errno_nack(-EPROTO), IGX_MBX_NACK_INVAL);
	KUNIT_EXPECT_EQ(test, igx_mbx_errno_nack(-ENOTCONN),
			IGX_MBX_NACK_UNSPEC);
	KUNIT_EXPECT_STREQ(test, igx_mbx_id_name(IGX_MBX_SET_VLAN), "SET_VLAN");
	KUNIT_EXPECT_STREQ(test, igx_mbx_id_name(0x0007), "UNKNOWN");
	KUNIT_EXPECT_TRUE(test, igx_mbx_id_is_ext(IGX_MBX_GET_CAPS));
	KUNIT_EXPECT_FALSE(test, igx_mbx_id_is_ext(IGX_MBX_SET_PROMISC));
}

static struct kunit_case igx_mbx_codec_cases[] = {
	KUNIT_CASE_PARAM(igx_codec_req_round_trip, igx_req_gen_params),
	KUNIT_CASE_PARAM(igx_codec_req_igbvf_wire, igx_wire_gen_params),
	KUNIT_CASE_PARAM(igx_codec_req_malformed, igx_bad_gen_params),
	KUNIT_CASE(igx_codec_encode_refuses_invalid),
	KUNIT_CASE_PARAM(igx_codec_reply_round_trip, igx_reply_gen_params),
	KUNIT_CASE(igx_codec_reset_reply_has_no_cts),
	KUNIT_CASE_PARAM(igx_codec_reply_malformed, igx_bad_reply_gen_params),
	KUNIT_CASE_PARAM(igx_codec_event_parse, igx_event_gen_params),
	KUNIT_CASE(igx_codec_lengths),
	KUNIT_CASE(igx_codec_errno_mapping),
	{}
};

static struct kunit_suite igx_mbx_codec_suite = {
	.name = "igx_mbx_codec",
	.test_cases = igx_mbx_codec_cases,
};

kunit_test_suite(igx_mbx_codec_suite);
