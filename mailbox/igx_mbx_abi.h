/* SPDX-License-Identifier: GPL-2.0 */
/* Copyright (c) 2026 The igx authors */
/*
 * igx PF<->VF mailbox: the wire format.
 *
 * A message is up to 16 little-endian 32-bit words in the VF's VMBMEM
 * window. Word 0 is the header; its layout and the IDs 0x0001-0x0006 and
 * 0x0100 are those of the 82576 protocol spoken by the in-tree igb and
 * igbvf drivers, so igx_vf works on a stock igb host and igx_pf serves
 * stock igbvf guests. The igx extensions live in their own ID blocks
 * (0x1000 VF->PF, 0x1100 PF->VF) and are used only after API_NEGOTIATE
 * succeeds; the stock igb PF NACKs every ID it does not know.
 *
 * Every message has a fixed length in words (IGX_MBX_LEN_*), checked
 * against the wire structs below at build time. SET_MULTICAST is the only
 * variable-length request: 1 + DIV_ROUND_UP(count, 2) words, at most 16.
 * docs/mailbox.md describes who may send what, and the replies.
 */
#ifndef _IGX_MBX_ABI_H_
#define _IGX_MBX_ABI_H_

#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/if_ether.h>
#include <linux/math.h>
#include <linux/types.h>

#define IGX_MBX_MAX_WORDS	16

/* Word 0: the header. */
#define IGX_MBX_HDR_ID		GENMASK(15, 0)
#define IGX_MBX_HDR_INFO	GENMASK(23, 16)	/* MSGINFO, per message */
#define IGX_MBX_HDR_RSVD	GENMASK(28, 24)	/* zero on the wire */
#define IGX_MBX_HDR_CTS		BIT(29)		/* PF: VF is clear to send */
#define IGX_MBX_HDR_NACK	BIT(30)		/* PF: request refused */
#define IGX_MBX_HDR_ACK		BIT(31)		/* PF: request done */
#define IGX_MBX_HDR_FLAGS	(IGX_MBX_HDR_CTS | IGX_MBX_HDR_NACK | \
				 IGX_MBX_HDR_ACK)

/*
 * Message IDs. The 82576 base set must keep its values. The igx blocks
 * start at 0x1000 so that they cannot meet an ID that igb, igbvf or
 * Intel's out-of-tree igb use now (0x01-0x06, 0x0100) or are likely to add
 * next to them (the low IDs, as ixgbe did from 0x07 up).
 */
enum igx_mbx_id {
	IGX_MBX_ID_NONE		= 0x0000, /* bare NACK from an igb PF */
	/* 82576 base set, VF -> PF */
	IGX_MBX_VF_RESET	= 0x0001,
	IGX_MBX_SET_MAC_ADDR	= 0x0002,
	IGX_MBX_SET_MULTICAST	= 0x0003,
	IGX_MBX_SET_VLAN	= 0x0004,
	IGX_MBX_SET_LPE		= 0x0005,
	IGX_MBX_SET_PROMISC	= 0x0006,
	/* 82576 base set, PF -> VF */
	IGX_MBX_PF_CONTROL	= 0x0100,
	/* igx extensions, VF -> PF */
	IGX_MBX_API_NEGOTIATE	= 0x1001,
	IGX_MBX_GET_CAPS	= 0x1002,
	IGX_MBX_GET_LINK_STATE	= 0x1003,
	IGX_MBX_SET_XCAST_MODE	= 0x1004,
	/* igx extensions, PF -> VF */
	IGX_MBX_LINK_STATE	= 0x1101,
};

#define IGX_MBX_EXT_VF_FIRST	IGX_MBX_API_NEGOTIATE
#define IGX_MBX_EXT_VF_LAST	IGX_MBX_SET_XCAST_MODE

/* Protocol versions. BASE is the 82576 set and is never negotiated. */
enum igx_mbx_api {
	IGX_MBX_API_BASE	= 0,
	IGX_MBX_API_1		= 1,	/* the IGX_MBX_* extensions above */
};

#define IGX_MBX_API_LATEST	IGX_MBX_API_1

/* SET_MAC_ADDR: MSGINFO selects the operation (wire 0, 1 << 16, 2 << 16). */
enum igx_mbx_mac_op {
	IGX_MBX_MAC_PRIMARY	= 0,
	IGX_MBX_MAC_FILTER_CLR	= 1,	/* address words ignored */
	IGX_MBX_MAC_FILTER_ADD	= 2,
};

/* SET_MULTICAST: MSGINFO is the number of 16-bit MTA hashes. */
#define IGX_MBX_MC_MAX		30
#define IGX_MBX_MC_HASH		GENMASK(11, 0)	/* 4096-bit MTA */

/* SET_VLAN: MSGINFO is the add flag; word 1 is the VID. */
#define IGX_MBX_VLAN_ADD	1
#define IGX_MBX_VLAN_VID	GENMASK(11, 0)
#define IGX_MBX_VLAN_VID_MAX	4094	/* 4095 is reserved by 802.1Q */

/*
 * SET_LPE: word 1 is the largest frame the VF wants to receive, with
 * Ethernet header, FCS and one VLAN tag (igbvf adds VLAN_HLEN). The range
 * is a 68-byte MTU (ETH_MIN_MTU) without a tag up to 9728 (0x2600), the
 * igb PF's MAX_JUMBO_FRAME_SIZE; igbvf's largest request is 9238.
 */
#define IGX_MBX_LPE_MIN		(ETH_MIN_MTU + ETH_HLEN + ETH_FCS_LEN)
#define IGX_MBX_LPE_MAX		9728

/* SET_PROMISC: MSGINFO bits. igb refuses UNICAST; so does igx. */
#define IGX_MBX_PROMISC_UNICAST		BIT(0)
#define IGX_MBX_PROMISC_MULTICAST	BIT(1)

/* API_NEGOTIATE: word 1 is the version, proposed then agreed. */
#define IGX_MBX_API_VERSION	GENMASK(15, 0)

/* GET_CAPS reply. */
#define IGX_MBX_CAPS_TXQ	GENMASK(7, 0)	/* word 1 */
#define IGX_MBX_CAPS_RXQ	GENMASK(15, 8)	/* word 1 */
/* word 2: largest SET_LPE frame the PF accepts; word 3: feature bits */
#define IGX_MBX_F_LINK_STATE	BIT(0)	/* PF pushes LINK_STATE */
#define IGX_MBX_F_XCAST		BIT(1)	/* SET_XCAST_MODE is served */
#define IGX_MBX_F_TRUSTED	BIT(2)	/* ip link set ... trust on */
#define IGX_MBX_F_ADMIN_MAC	BIT(3)	/* MAC set by the host admin */
#define IGX_MBX_F_PORT_VLAN	BIT(4)	/* port VLAN: SET_VLAN refused */

/* GET_LINK_STATE reply and LINK_STATE push: word 1. */
#define IGX_MBX_LINK_ADMIN	GENMASK(1, 0)
#define IGX_MBX_LINK_UP		BIT(8)
#define IGX_MBX_LINK_FDX	BIT(9)
#define IGX_MBX_LINK_SPEED	GENMASK(31, 16)	/* Mb/s */
#define IGX_MBX_LINK_RSVD	(GENMASK(7, 2) | GENMASK(15, 10))

/* ip link set ... vf N state auto|enable|disable */
enum igx_mbx_link_admin {
	IGX_MBX_LINK_AUTO	= 0,
	IGX_MBX_LINK_ENABLE	= 1,
	IGX_MBX_LINK_DISABLE	= 2,
};

/* SET_XCAST_MODE: MSGINFO. ALLMULTI and PROMISC need a trusted VF. */
enum igx_mbx_xcast {
	IGX_MBX_XCAST_NONE	= 0,	/* own MAC filters only */
	IGX_MBX_XCAST_MULTI	= 1,	/* plus the SET_MULTICAST hashes */
	IGX_MBX_XCAST_ALLMULTI	= 2,
	IGX_MBX_XCAST_PROMISC	= 3,
};

#define IGX_MBX_XCAST_MAX	IGX_MBX_XCAST_PROMISC

/*
 * NACK reason, word 1 of a NACK to a VF that negotiated IGX_MBX_API_1.
 * A NACK without it (base protocol) means UNSPEC.
 */
enum igx_mbx_nack_reason {
	IGX_MBX_NACK_UNSPEC	= 0,
	IGX_MBX_NACK_INVAL	= 1,	/* malformed or out-of-range field */
	IGX_MBX_NACK_PERM	= 2,	/* refused by admin policy or trust */
	IGX_MBX_NACK_NOSPC	= 3,	/* no filter slot left */
	IGX_MBX_NACK_BUSY	= 4,	/* throttled: retry later */
	IGX_MBX_NACK_NOTSUPP	= 5,	/* unknown or not negotiated */
};

/* Lengths in words. */
#define IGX_MBX_LEN_HDR		1	/* every message without payload */
#define IGX_MBX_LEN_MAC		3	/* SET_MAC_ADDR, VF_RESET reply */
#define IGX_MBX_LEN_VAL		2	/* SET_VLAN, SET_LPE, API_NEGOTIATE,
					 * link state, NACK with reason
					 */
#define IGX_MBX_LEN_CAPS	4	/* GET_CAPS reply */
#define IGX_MBX_LEN_MC(n)	(1 + DIV_ROUND_UP(n, 2))

/* Wire layouts. All fields little-endian. */
struct igx_mbx_mac_msg {
	__le32 hdr;
	u8 addr[ETH_ALEN];	/* bytes in wire order, as igb packs them */
	__le16 rsvd;
};

struct igx_mbx_mc_msg {
	__le32 hdr;
	__le16 hash[IGX_MBX_MC_MAX];	/* hash[0] in the low half of word 1 */
};

struct igx_mbx_val_msg {
	__le32 hdr;
	__le32 val;
};

struct igx_mbx_caps_msg {
	__le32 hdr;
	__le32 queues;
	__le32 max_frame;
	__le32 features;
};

static_assert(sizeof(struct igx_mbx_mac_msg) == IGX_MBX_LEN_MAC * 4);
static_assert(sizeof(struct igx_mbx_mc_msg) ==
	      IGX_MBX_LEN_MC(IGX_MBX_MC_MAX) * 4);
static_assert(IGX_MBX_LEN_MC(IGX_MBX_MC_MAX) == IGX_MBX_MAX_WORDS);
static_assert(sizeof(struct igx_mbx_val_msg) == IGX_MBX_LEN_VAL * 4);
static_assert(sizeof(struct igx_mbx_caps_msg) == IGX_MBX_LEN_CAPS * 4);

#endif /* _IGX_MBX_ABI_H_ */
