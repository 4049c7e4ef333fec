// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * Mailbox codec: pure functions between struct igx_mbx_msg (the words as
 * they sit in VMBMEM) and the decoded request, reply and event structs.
 * igx_mbx_parse_req() is the PF's gate for untrusted VF input: it checks
 * every bit of a request and never touches hardware.
 */

#include <linux/bitfield.h>
#include <linux/errno.h>
#include <linux/etherdevice.h>
#include <linux/export.h>
#include <linux/minmax.h>
#include <linux/string.h>

#include "common/igx_regs.h"
#include "mailbox/igx_mbx.h"

static_assert(IGX_MBX_MAX_WORDS == IGX_MBX_WORDS);
static_assert(sizeof_field(struct igx_mbx_msg, w) ==
	      IGX_MBX_MAX_WORDS * sizeof(u32));

/**
 * struct igx_mbx_desc - static facts about one message ID
 * @id: enum igx_mbx_id
 * @req_len: words of the VF request; 0 for PF-to-VF messages. For
 *	SET_MULTICAST the length without hashes.
 * @ack_len: words of the PF's ACK reply; for PF-to-VF messages, their
 *	length
 * @name: for log messages
 */
struct igx_mbx_desc {
	u16 id;
	u8 req_len;
	u8 ack_len;
	const char *name;
};

static const struct igx_mbx_desc igx_mbx_descs[] = {
	{ IGX_MBX_VF_RESET, IGX_MBX_LEN_HDR, IGX_MBX_LEN_MAC, "VF_RESET" },
	{ IGX_MBX_SET_MAC_ADDR, IGX_MBX_LEN_MAC, IGX_MBX_LEN_HDR,
	  "SET_MAC_ADDR" },
	{ IGX_MBX_SET_MULTICAST, IGX_MBX_LEN_MC(0), IGX_MBX_LEN_HDR,
	  "SET_MULTICAST" },
	{ IGX_MBX_SET_VLAN, IGX_MBX_LEN_VAL, IGX_MBX_LEN_HDR, "SET_VLAN" },
	{ IGX_MBX_SET_LPE, IGX_MBX_LEN_VAL, IGX_MBX_LEN_HDR, "SET_LPE" },
	{ IGX_MBX_SET_PROMISC, IGX_MBX_LEN_HDR, IGX_MBX_LEN_HDR,
	  "SET_PROMISC" },
	{ IGX_MBX_PF_CONTROL, 0, IGX_MBX_LEN_HDR, "PF_CONTROL" },
	{ IGX_MBX_API_NEGOTIATE, IGX_MBX_LEN_VAL, IGX_MBX_LEN_VAL,
	  "API_NEGOTIATE" },
	{ IGX_MBX_GET_CAPS, IGX_MBX_LEN_HDR, IGX_MBX_LEN_CAPS, "GET_CAPS" },
	{ IGX_MBX_GET_LINK_STATE, IGX_MBX_LEN_HDR, IGX_MBX_LEN_VAL,
	  "GET_LINK_STATE" },
	{ IGX_MBX_SET_XCAST_MODE, IGX_MBX_LEN_HDR, IGX_MBX_LEN_HDR,
	  "SET_XCAST_MODE" },
	{ IGX_MBX_LINK_STATE, 0, IGX_MBX_LEN_VAL, "LINK_STATE" },
};

static const struct igx_mbx_desc *igx_mbx_desc(u16 id)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(igx_mbx_descs); i++)
		if (igx_mbx_descs[i].id == id)
			return &igx_mbx_descs[i];
	return NULL;
}

static u32 igx_mbx_hdr(const struct igx_mbx_msg *msg)
{
	return le32_to_cpu(msg->w[0]);
}

static void igx_mbx_msg_start(struct igx_mbx_msg *msg, u32 hdr,
			      unsigned int len)
{
	memset(msg, 0, sizeof(*msg));
	msg->w[0] = cpu_to_le32(hdr);
	msg->len = len;
}

static u32 igx_mbx_req_hdr(u16 id, u8 info)
{
	return FIELD_PREP(IGX_MBX_HDR_ID, id) |
	       FIELD_PREP(IGX_MBX_HDR_INFO, info);
}

/**
 * igx_mbx_id_is_ext() - is this an igx extension message
 * @id: message ID
 *
 * Return: true for the IDs that exist only after API_NEGOTIATE.
 */
bool igx_mbx_id_is_ext(u16 id)
{
	return (id >= IGX_MBX_EXT_VF_FIRST && id <= IGX_MBX_EXT_VF_LAST) ||
	       id == IGX_MBX_LINK_STATE;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_id_is_ext, IGX);

/**
 * igx_mbx_id_name() - name of a message ID, for log messages
 * @id: message ID
 *
 * Return: a static string, "UNKNOWN" for an ID igx does not define.
 */
const char *igx_mbx_id_name(u16 id)
{
	const struct igx_mbx_desc *d = igx_mbx_desc(id);

	return d ? d->name : "UNKNOWN";
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_id_name, IGX);

/**
 * igx_mbx_req_len() - length of a VF request, from its header
 * @hdr: word 0 as the VF wrote it
 *
 * The PF reads only this many words. An unknown ID gives 1: the header is
 * all the parser needs to refuse it.
 *
 * Return: words, 1 to IGX_MBX_MAX_WORDS.
 */
unsigned int igx_mbx_req_len(u32 hdr)
{
	const struct igx_mbx_desc *d;
	unsigned int count;

	d = igx_mbx_desc(FIELD_GET(IGX_MBX_HDR_ID, hdr));
	if (!d || !d->req_len)
		return IGX_MBX_LEN_HDR;
	if (d->id != IGX_MBX_SET_MULTICAST)
		return d->req_len;
	count = FIELD_GET(IGX_MBX_HDR_INFO, hdr);
	return min(IGX_MBX_LEN_MC(count), IGX_MBX_MAX_WORDS);
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_req_len, IGX);

/**
 * igx_mbx_pf_msg_len() - length of a message from the PF, from its header
 * @hdr: word 0 as the PF wrote it
 * @api: the VF's negotiated enum igx_mbx_api
 *
 * A reply (ACK or NACK set) has the length of the answered request's
 * reply; a NACK carries a reason word under IGX_MBX_API_1, except for
 * VF_RESET whose reply is always 3 words. Anything else is an event.
 *
 * Return: words, 1 to IGX_MBX_MAX_WORDS.
 */
unsigned int igx_mbx_pf_msg_len(u32 hdr, u32 api)
{
	const struct igx_mbx_desc *d;
	u16 id;

	id = FIELD_GET(IGX_MBX_HDR_ID, hdr);
	d = igx_mbx_desc(id);

	if (hdr & (IGX_MBX_HDR_ACK | IGX_MBX_HDR_NACK)) {
		if (id == IGX_MBX_VF_RESET)
			return IGX_MBX_LEN_MAC;
		if (hdr & IGX_MBX_HDR_NACK)
			return api >= IGX_MBX_API_1 && id != IGX_MBX_ID_NONE ?
			       IGX_MBX_LEN_VAL : IGX_MBX_LEN_HDR;
		return d && d->req_len ? d->ack_len : IGX_MBX_LEN_HDR;
	}
	return d && !d->req_len ? d->ack_len : IGX_MBX_LEN_HDR;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_pf_msg_len, IGX);

/**
 * igx_mbx_nack_errno() - errno for a NACK reason
 * @reason: enum igx_mbx_nack_reason
 *
 * Return: a negative errno; -EPERM for UNSPEC (every base-protocol NACK)
 * and for reasons this version does not know.
 */
int igx_mbx_nack_errno(u8 reason)
{
	switch (reason) {
	case IGX_MBX_NACK_INVAL:
		return -EINVAL;
	case IGX_MBX_NACK_NOSPC:
		return -ENOSPC;
	case IGX_MBX_NACK_BUSY:
		return -EBUSY;
	case IGX_MBX_NACK_NOTSUPP:
		return -EOPNOTSUPP;
	default:
		return -EPERM;
	}
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_nack_errno, IGX);

/**
 * igx_mbx_errno_nack() - NACK reason for an errno
 * @err: negative errno from the parser, the policy or the PF driver
 *
 * Return: enum igx_mbx_nack_reason.
 */
u8 igx_mbx_errno_nack(int err)
{
	switch (err) {
	case -EINVAL:
	case -EMSGSIZE:
	case -EPROTO:
	case -ERANGE:
		return IGX_MBX_NACK_INVAL;
	case -EPERM:
	case -EACCES:
	case -EADDRINUSE:
		return IGX_MBX_NACK_PERM;
	case -ENOSPC:
		return IGX_MBX_NACK_NOSPC;
	case -EBUSY:
	case -EAGAIN:
		return IGX_MBX_NACK_BUSY;
	case -EOPNOTSUPP:
		return IGX_MBX_NACK_NOTSUPP;
	default:
		return IGX_MBX_NACK_UNSPEC;
	}
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_errno_nack, IGX);

/* --- Requests -------------------------------------------------------- */

static int igx_mbx_parse_mac(const struct igx_mbx_msg *msg, u8 info,
			     struct igx_mbx_req *req)
{
	if (info > IGX_MBX_MAC_FILTER_ADD)
		return -EINVAL;
	req->mac.op = info;
	/* igbvf sends no address with FILTER_CLR; igx ignores it. */
	if (info == IGX_MBX_MAC_FILTER_CLR)
		return 0;
	if (msg->mac.rsvd || !is_valid_ether_addr(msg->mac.addr))
		return -EINVAL;
	ether_addr_copy(req->mac.addr, msg->mac.addr);
	return 0;
}

static int igx_mbx_parse_mc(const struct igx_mbx_msg *msg, u8 info,
			    struct igx_mbx_req *req)
{
	unsigned int i;
	u16 hash;

	if (info > IGX_MBX_MC_MAX)
		return -EINVAL;
	/* Words past the count are not looked at: igbvf leaves them unset. */
	for (i = 0; i < info; i++) {
		hash = le16_to_cpu(msg->mc.hash[i]);
		if (hash & ~IGX_MBX_MC_HASH)
			return -EINVAL;
		req->mc.hash[i] = hash;
	}
	req->mc.count = info;
	return 0;
}

static int igx_mbx_parse_val(const struct igx_mbx_msg *msg, u8 info,
			     struct igx_mbx_req *req)
{
	u32 val = le32_to_cpu(msg->val.val);

	switch (req->id) {
	case IGX_MBX_SET_VLAN:
		if (info > IGX_MBX_VLAN_ADD || val > IGX_MBX_VLAN_VID_MAX)
			return -EINVAL;
		req->vlan.vid = val;
		req->vlan.add = info == IGX_MBX_VLAN_ADD;
		return 0;
	case IGX_MBX_SET_LPE:
		if (info || val < IGX_MBX_LPE_MIN || val > IGX_MBX_LPE_MAX)
			return -EINVAL;
		req->lpe.max_frame = val;
		return 0;
	case IGX_MBX_API_NEGOTIATE:
		if (info || !val || val & ~IGX_MBX_API_VERSION)
			return -EINVAL;
		req->api.version = val;
		return 0;
	default:
		return -EOPNOTSUPP;
	}
}

static int igx_mbx_parse_hdr_only(u8 info, struct igx_mbx_req *req)
{
	switch (req->id) {
	case IGX_MBX_SET_PROMISC:
		if (info & ~IGX_MBX_PROMISC_MULTICAST)
			return -EINVAL;
		req->promisc.multicast = !!info;
		return 0;
	case IGX_MBX_SET_XCAST_MODE:
		if (info > IGX_MBX_XCAST_MAX)
			return -EINVAL;
		req->xcast.mode = info;
		return 0;
	default:
		/* VF_RESET, GET_CAPS, GET_LINK_STATE: nothing but the ID */
		return info ? -EINVAL : 0;
	}
}

static int igx_mbx_parse_fields(const struct igx_mbx_msg *msg,
				struct igx_mbx_req *req)
{
	const struct igx_mbx_desc *d;
	unsigned int max_len;
	u32 hdr;
	u8 info;

	if (!msg->len || msg->len > IGX_MBX_MAX_WORDS)
		return -EMSGSIZE;
	hdr = igx_mbx_hdr(msg);
	if (hdr & (IGX_MBX_HDR_FLAGS | IGX_MBX_HDR_RSVD))
		return -EPROTO;
	d = igx_mbx_desc(FIELD_GET(IGX_MBX_HDR_ID, hdr));
	if (!d || !d->req_len)
		return -EOPNOTSUPP;
	max_len = d->id == IGX_MBX_SET_MULTICAST ? IGX_MBX_MAX_WORDS :
						   d->req_len;
	if (msg->len < igx_mbx_req_len(hdr) || msg->len > max_len)
		return -EMSGSIZE;

	req->id = d->id;
	info = FIELD_GET(IGX_MBX_HDR_INFO, hdr);
	switch (d->id) {
	case IGX_MBX_SET_MAC_ADDR:
		return igx_mbx_parse_mac(msg, info, req);
	case IGX_MBX_SET_MULTICAST:
		return igx_mbx_parse_mc(msg, info, req);
	case IGX_MBX_SET_VLAN:
	case IGX_MBX_SET_LPE:
	case IGX_MBX_API_NEGOTIATE:
		return igx_mbx_parse_val(msg, info, req);
	default:
		return igx_mbx_parse_hdr_only(info, req);
	}
}

/**
 * igx_mbx_parse_req() - validate and decode a request from a VF
 * @msg: the words read from the VF's mailbox and how many there are
 * @req: filled on success, all zero otherwise
 *
 * The VF is not trusted: every field is checked. Words past the length
 * the header implies are refused, except for SET_MULTICAST, which stock
 * igbvf always sends as 16 words.
 *
 * Return: 0, or -EMSGSIZE (length wrong for the ID, or a multicast count
 * the length cannot hold), -EPROTO (ACK, NACK, CTS or reserved header
 * bits set), -EOPNOTSUPP (unknown ID or a PF-to-VF ID), -EINVAL (a field
 * out of range: MSGINFO, MAC, VLAN, frame size, hash, version, mode).
 */
int igx_mbx_parse_req(const struct igx_mbx_msg *msg, struct igx_mbx_req *req)
{
	int err;

	memset(req, 0, sizeof(*req));
	err = igx_mbx_parse_fields(msg, req);
	if (err)
		memset(req, 0, sizeof(*req));
	return err;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_parse_req, IGX);

static int igx_mbx_build_req(const struct igx_mbx_req *req,
			     struct igx_mbx_msg *msg)
{
	unsigned int i;

	switch (req->id) {
	case IGX_MBX_VF_RESET:
	case IGX_MBX_GET_CAPS:
	case IGX_MBX_GET_LINK_STATE:
		igx_mbx_msg_start(msg, igx_mbx_req_hdr(req->id, 0),
				  IGX_MBX_LEN_HDR);
		return 0;
	case IGX_MBX_SET_MAC_ADDR:
		igx_mbx_msg_start(msg, igx_mbx_req_hdr(req->id, req->mac.op),
				  IGX_MBX_LEN_MAC);
		if (req->mac.op != IGX_MBX_MAC_FILTER_CLR)
			ether_addr_copy(msg->mac.addr, req->mac.addr);
		return 0;
	case IGX_MBX_SET_MULTICAST:
		if (req->mc.count > IGX_MBX_MC_MAX)
			return -EINVAL;
		igx_mbx_msg_start(msg, igx_mbx_req_hdr(req->id, req->mc.count),
				  IGX_MBX_LEN_MC(req->mc.count));
		for (i = 0; i < req->mc.count; i++)
			msg->mc.hash[i] = cpu_to_le16(req->mc.hash[i]);
		return 0;
	case IGX_MBX_SET_VLAN:
		igx_mbx_msg_start(msg, igx_mbx_req_hdr(req->id,
						       req->vlan.add ?
						       IGX_MBX_VLAN_ADD : 0),
				  IGX_MBX_LEN_VAL);
		msg->val.val = cpu_to_le32(req->vlan.vid);
		return 0;
	case IGX_MBX_SET_LPE:
		igx_mbx_msg_start(msg, igx_mbx_req_hdr(req->id, 0),
				  IGX_MBX_LEN_VAL);
		msg->val.val = cpu_to_le32(req->lpe.max_frame);
		return 0;
	case IGX_MBX_SET_PROMISC:
		igx_mbx_msg_start(msg, igx_mbx_req_hdr(req->id,
						       req->promisc.multicast ?
						       IGX_MBX_PROMISC_MULTICAST :
						       0),
				  IGX_MBX_LEN_HDR);
		return 0;
	case IGX_MBX_API_NEGOTIATE:
		igx_mbx_msg_start(msg, igx_mbx_req_hdr(req->id, 0),
				  IGX_MBX_LEN_VAL);
		msg->val.val = cpu_to_le32(req->api.version);
		return 0;
	case IGX_MBX_SET_XCAST_MODE:
		igx_mbx_msg_start(msg, igx_mbx_req_hdr(req->id,
						       req->xcast.mode),
				  IGX_MBX_LEN_HDR);
		return 0;
	default:
		return -EOPNOTSUPP;
	}
}

/**
 * igx_mbx_encode_req() - build the words of a VF request
 * @req: the request
 * @msg: filled with the words and their number
 *
 * The result is checked with igx_mbx_parse_req(): a VF never sends what
 * an igx PF would refuse as malformed.
 *
 * Return: 0, or the errno igx_mbx_parse_req() gives for the message.
 */
int igx_mbx_encode_req(const struct igx_mbx_req *req, struct igx_mbx_msg *msg)
{
	struct igx_mbx_req chk;
	int err;

	err = igx_mbx_build_req(req, msg);
	if (err)
		return err;
	return igx_mbx_parse_req(msg, &chk);
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_encode_req, IGX);

/* --- Replies and events ---------------------------------------------- */

static u32 igx_mbx_link_word(const struct igx_mbx_link *link)
{
	return FIELD_PREP(IGX_MBX_LINK_ADMIN, link->admin) |
	       (link->up ? IGX_MBX_LINK_UP : 0) |
	       (link->full_duplex ? IGX_MBX_LINK_FDX : 0) |
	       FIELD_PREP(IGX_MBX_LINK_SPEED, link->speed);
}

static int igx_mbx_link_decode(u32 val, struct igx_mbx_link *link)
{
	link->admin = FIELD_GET(IGX_MBX_LINK_ADMIN, val);
	if (link->admin > IGX_MBX_LINK_DISABLE)
		return -EPROTO;
	link->up = val & IGX_MBX_LINK_UP;
	link->full_duplex = val & IGX_MBX_LINK_FDX;
	link->speed = FIELD_GET(IGX_MBX_LINK_SPEED, val);
	return 0;
}

static int igx_mbx_build_ack(const struct igx_mbx_reply *reply,
			     struct igx_mbx_msg *msg)
{
	const struct igx_mbx_caps *caps = &reply->caps;
	const struct igx_mbx_desc *d;

	switch (reply->id) {
	case IGX_MBX_VF_RESET:
		if (!is_valid_ether_addr(reply->mac))
			return -EINVAL;
		msg->len = IGX_MBX_LEN_MAC;
		ether_addr_copy(msg->mac.addr, reply->mac);
		return 0;
	case IGX_MBX_API_NEGOTIATE:
		if (!reply->version || reply->version > IGX_MBX_API_VERSION)
			return -EINVAL;
		msg->len = IGX_MBX_LEN_VAL;
		msg->val.val = cpu_to_le32(reply->version);
		return 0;
	case IGX_MBX_GET_CAPS:
		msg->len = IGX_MBX_LEN_CAPS;
		msg->caps.queues =
			cpu_to_le32(FIELD_PREP(IGX_MBX_CAPS_TXQ,
					       caps->tx_queues) |
				    FIELD_PREP(IGX_MBX_CAPS_RXQ,
					       caps->rx_queues));
		msg->caps.max_frame = cpu_to_le32(caps->max_frame);
		msg->caps.features = cpu_to_le32(caps->features);
		return 0;
	case IGX_MBX_GET_LINK_STATE:
		if (reply->link.admin > IGX_MBX_LINK_DISABLE)
			return -EINVAL;
		msg->len = IGX_MBX_LEN_VAL;
		msg->val.val = cpu_to_le32(igx_mbx_link_word(&reply->link));
		return 0;
	default:
		d = igx_mbx_desc(reply->id);
		return d && d->req_len ? 0 : -EINVAL;
	}
}

/**
 * igx_mbx_encode_reply() - build the PF's answer to a request
 * @reply: the answer; @reply->id and @reply->info come from the request
 * @api: the VF's negotiated enum igx_mbx_api
 * @msg: filled with the words and their number
 *
 * Word 0 is the request's ID and MSGINFO plus ACK or NACK, plus CTS when
 * @reply->cts. A VF_RESET reply never has CTS (igbvf compares it with
 * VF_RESET|ACK exactly) and is 3 words, the MAC with ACK or zeroes with
 * NACK. A NACK under IGX_MBX_API_1 carries @reply->reason in word 1.
 * Any ID may be NACKed; only known ones ACKed.
 *
 * Return: 0, or -EINVAL for an ACK that cannot be encoded (unknown ID,
 * VF_RESET without a valid MAC, bad version or link state).
 */
int igx_mbx_encode_reply(const struct igx_mbx_reply *reply, u32 api,
			 struct igx_mbx_msg *msg)
{
	u32 hdr = igx_mbx_req_hdr(reply->id, reply->info);

	hdr |= reply->ack ? IGX_MBX_HDR_ACK : IGX_MBX_HDR_NACK;
	if (reply->cts && reply->id != IGX_MBX_VF_RESET)
		hdr |= IGX_MBX_HDR_CTS;
	igx_mbx_msg_start(msg, hdr, IGX_MBX_LEN_HDR);

	if (reply->ack)
		return igx_mbx_build_ack(reply, msg);
	if (reply->id == IGX_MBX_VF_RESET) {
		msg->len = IGX_MBX_LEN_MAC;
	} else if (api >= IGX_MBX_API_1) {
		msg->len = IGX_MBX_LEN_VAL;
		msg->val.val = cpu_to_le32(reply->reason);
	}
	return 0;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_encode_reply, IGX);

static int igx_mbx_parse_ack(const struct igx_mbx_msg *msg,
			     struct igx_mbx_reply *reply)
{
	u32 val = le32_to_cpu(msg->val.val);
	u32 queues;

	switch (reply->id) {
	case IGX_MBX_VF_RESET:
		if (!is_valid_ether_addr(msg->mac.addr))
			return -EPROTO;
		ether_addr_copy(reply->mac, msg->mac.addr);
		return 0;
	case IGX_MBX_API_NEGOTIATE:
		if (!val || val & ~IGX_MBX_API_VERSION)
			return -EPROTO;
		reply->version = val;
		return 0;
	case IGX_MBX_GET_CAPS:
		queues = le32_to_cpu(msg->caps.queues);
		reply->caps.tx_queues = FIELD_GET(IGX_MBX_CAPS_TXQ, queues);
		reply->caps.rx_queues = FIELD_GET(IGX_MBX_CAPS_RXQ, queues);
		reply->caps.max_frame = le32_to_cpu(msg->caps.max_frame);
		reply->caps.features = le32_to_cpu(msg->caps.features);
		return 0;
	case IGX_MBX_GET_LINK_STATE:
		return igx_mbx_link_decode(val, &reply->link);
	default:
		return 0;
	}
}

/**
 * igx_mbx_parse_reply() - decode the PF's answer to a request
 * @msg: the words read from the mailbox
 * @req_id: ID of the request sent
 * @api: the VF's negotiated enum igx_mbx_api
 * @reply: filled on success
 *
 * Reserved bits are ignored, so a newer PF may use them; values with a
 * meaning are checked.
 *
 * Return: 0 for a well-formed ACK or NACK (see @reply->ack), -EPROTO when
 * it answers another ID, has both or neither of ACK and NACK, or carries
 * a bad payload, -EMSGSIZE when it is too short.
 */
int igx_mbx_parse_reply(const struct igx_mbx_msg *msg, u16 req_id, u32 api,
			struct igx_mbx_reply *reply)
{
	bool ack, nack;
	u32 hdr;

	memset(reply, 0, sizeof(*reply));
	if (!msg->len || msg->len > IGX_MBX_MAX_WORDS)
		return -EMSGSIZE;
	hdr = igx_mbx_hdr(msg);
	ack = hdr & IGX_MBX_HDR_ACK;
	nack = hdr & IGX_MBX_HDR_NACK;
	if (FIELD_GET(IGX_MBX_HDR_ID, hdr) != req_id || ack == nack)
		return -EPROTO;
	if (msg->len < igx_mbx_pf_msg_len(hdr, api))
		return -EMSGSIZE;

	reply->id = req_id;
	reply->info = FIELD_GET(IGX_MBX_HDR_INFO, hdr);
	reply->ack = ack;
	reply->cts = hdr & IGX_MBX_HDR_CTS;
	if (ack)
		return igx_mbx_parse_ack(msg, reply);
	if (req_id != IGX_MBX_VF_RESET && api >= IGX_MBX_API_1)
		reply->reason = min_t(u32, le32_to_cpu(msg->val.val), U8_MAX);
	return 0;
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_parse_reply, IGX);

/**
 * igx_mbx_encode_event() - build a message the PF sends on its own
 * @ev: IGX_MBX_PF_CONTROL, IGX_MBX_LINK_STATE, or IGX_MBX_ID_NONE (the
 *	bare NACK of an igb PF, for emulating one)
 * @msg: filled with the words and their number
 *
 * Return: 0, or -EINVAL for another ID or a bad link state.
 */
int igx_mbx_encode_event(const struct igx_mbx_event *ev,
			 struct igx_mbx_msg *msg)
{
	u32 hdr = FIELD_PREP(IGX_MBX_HDR_ID, ev->id);

	if (ev->cts)
		hdr |= IGX_MBX_HDR_CTS;
	switch (ev->id) {
	case IGX_MBX_ID_NONE:
		igx_mbx_msg_start(msg, IGX_MBX_HDR_NACK, IGX_MBX_LEN_HDR);
		return 0;
	case IGX_MBX_PF_CONTROL:
		igx_mbx_msg_start(msg, hdr, IGX_MBX_LEN_HDR);
		return 0;
	case IGX_MBX_LINK_STATE:
		if (ev->link.admin > IGX_MBX_LINK_DISABLE)
			return -EINVAL;
		igx_mbx_msg_start(msg, hdr, IGX_MBX_LEN_VAL);
		msg->val.val = cpu_to_le32(igx_mbx_link_word(&ev->link));
		return 0;
	default:
		return -EINVAL;
	}
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_encode_event, IGX);

/**
 * igx_mbx_parse_event() - decode a message the PF sent on its own
 * @msg: the words read from the mailbox
 * @ev: filled on success
 *
 * Return: 0; -EPROTO for a reply (ACK or NACK with an ID) or a bad link
 * state; -EOPNOTSUPP for an unknown ID; -EMSGSIZE when too short.
 */
int igx_mbx_parse_event(const struct igx_mbx_msg *msg,
			struct igx_mbx_event *ev)
{
	u32 hdr;
	u16 id;

	memset(ev, 0, sizeof(*ev));
	if (!msg->len || msg->len > IGX_MBX_MAX_WORDS)
		return -EMSGSIZE;
	hdr = igx_mbx_hdr(msg);
	id = FIELD_GET(IGX_MBX_HDR_ID, hdr);
	ev->id = id;
	/* igb's answer to an ACK from a VF without CTS: a bare NACK */
	if (id == IGX_MBX_ID_NONE)
		return hdr & IGX_MBX_HDR_NACK ? 0 : -EPROTO;
	if (hdr & (IGX_MBX_HDR_ACK | IGX_MBX_HDR_NACK))
		return -EPROTO;
	ev->cts = hdr & IGX_MBX_HDR_CTS;
	switch (id) {
	case IGX_MBX_PF_CONTROL:
		return 0;
	case IGX_MBX_LINK_STATE:
		if (msg->len < IGX_MBX_LEN_VAL)
			return -EMSGSIZE;
		return igx_mbx_link_decode(le32_to_cpu(msg->val.val),
					   &ev->link);
	default:
		return -EOPNOTSUPP;
	}
}
EXPORT_SYMBOL_NS_GPL(igx_mbx_parse_event, IGX);
