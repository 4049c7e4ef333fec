/* SPDX-License-Identifier: GPL-2.0 */
/* Copyright (c) 2026 The igx authors */
/*
 * 82576 advanced transmit and receive descriptors, as the device sees
 * them: little-endian words, fields as GENMASK/BIT masks used only through
 * FIELD_PREP()/FIELD_GET() on the CPU-order value. Only the advanced
 * formats are used: QEMU's igb does not implement the legacy ones.
 */
#ifndef _IGX_DESC_H_
#define _IGX_DESC_H_

#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/sizes.h>
#include <linux/types.h>

/* --- Transmit ------------------------------------------------------- */

/**
 * struct igx_tx_desc - advanced transmit data descriptor
 * @addr: buffer DMA address
 * @cmd_type_len: IGX_TXD_LEN, IGX_TXD_DTYP and IGX_TXD_CMD_* bits
 * @olinfo_status: IGX_TXD_POPTS_*, IGX_TXD_PAYLEN; on write-back the
 *	low bits hold IGX_TXD_STA_DD
 */
struct igx_tx_desc {
	__le64 addr;
	__le32 cmd_type_len;
	__le32 olinfo_status;
};

#define IGX_TXD_LEN		GENMASK(15, 0)
#define IGX_TXD_DTYP		GENMASK(23, 20)
#define IGX_TXD_DTYP_CTXT	2
#define IGX_TXD_DTYP_DATA	3
#define IGX_TXD_CMD_EOP		BIT(24)
#define IGX_TXD_CMD_IFCS	BIT(25)
#define IGX_TXD_CMD_RS		BIT(27)
#define IGX_TXD_CMD_DEXT	BIT(29)
#define IGX_TXD_CMD_VLE		BIT(30)
#define IGX_TXD_CMD_TSE		BIT(31)

#define IGX_TXD_STA_DD		BIT(0)
#define IGX_TXD_IDX		GENMASK(6, 4)	/* context slot */
#define IGX_TXD_POPTS_IXSM	BIT(8)		/* insert IPv4 checksum */
#define IGX_TXD_POPTS_TXSM	BIT(9)		/* insert L4 checksum */
#define IGX_TXD_PAYLEN		GENMASK(31, 14)

/* Largest buffer one data descriptor takes (DTALEN is 16 bits). */
#define IGX_TXD_MAX_DATA	SZ_32K

/**
 * struct igx_tx_ctx_desc - advanced transmit context descriptor
 * @vlan_macip_lens: IGX_TXC_IPLEN, IGX_TXC_MACLEN, IGX_TXC_VLAN
 * @seqnum_seed: unused
 * @type_tucmd_mlhl: IGX_TXC_TUCMD_*, IGX_TXD_DTYP, IGX_TXD_CMD_DEXT
 * @mss_l4len_idx: IGX_TXC_IDX, IGX_TXC_L4LEN, IGX_TXC_MSS
 */
struct igx_tx_ctx_desc {
	__le32 vlan_macip_lens;
	__le32 seqnum_seed;
	__le32 type_tucmd_mlhl;
	__le32 mss_l4len_idx;
};

#define IGX_TXC_IPLEN		GENMASK(8, 0)
#define IGX_TXC_MACLEN		GENMASK(15, 9)
#define IGX_TXC_VLAN		GENMASK(31, 16)
#define IGX_TXC_TUCMD_IPV4	BIT(10)
#define IGX_TXC_TUCMD_L4T	GENMASK(12, 11)
#define IGX_TXC_L4T_UDP		0
#define IGX_TXC_L4T_TCP		1
#define IGX_TXC_L4T_SCTP	2
#define IGX_TXC_IDX		GENMASK(6, 4)
#define IGX_TXC_L4LEN		GENMASK(15, 8)
#define IGX_TXC_MSS		GENMASK(31, 16)

/* --- Receive -------------------------------------------------------- */

/**
 * union igx_rx_desc - advanced receive descriptor, one buffer
 * @read: what the driver writes
 * @read.pkt_addr: packet buffer DMA address
 * @read.hdr_addr: header buffer (unused, zero); its low word becomes
 *	@wb.status_error, so writing zero also clears DD
 * @wb: what the device writes back
 * @wb.pkt_info: IGX_RXD_RSSTYPE, IGX_RXD_PKTTYPE_*
 * @wb.hdr_info: header length for split modes (unused)
 * @wb.rss: RSS hash, or the IPv4 ID without RXCSUM.PCSD
 * @wb.status_error: IGX_RXD_STAT_* and IGX_RXD_ERR_*
 * @wb.length: bytes written to this buffer
 * @wb.vlan: stripped VLAN tag when IGX_RXD_STAT_VP
 */
union igx_rx_desc {
	struct {
		__le64 pkt_addr;
		__le64 hdr_addr;
	} read;
	struct {
		__le16 pkt_info;
		__le16 hdr_info;
		__le32 rss;
		__le32 status_error;
		__le16 length;
		__le16 vlan;
	} wb;
};

#define IGX_RXD_RSSTYPE		GENMASK(3, 0)
#define IGX_RXD_PKTTYPE_IPV4	BIT(4)
#define IGX_RXD_PKTTYPE_IPV6	BIT(6)
#define IGX_RXD_PKTTYPE_TCP	BIT(8)
#define IGX_RXD_PKTTYPE_UDP	BIT(9)

#define IGX_RXD_STAT_DD		BIT(0)
#define IGX_RXD_STAT_EOP	BIT(1)
#define IGX_RXD_STAT_VP		BIT(3)
#define IGX_RXD_STAT_UDPCS	BIT(4)
#define IGX_RXD_STAT_L4CS	BIT(5)
#define IGX_RXD_STAT_IPCS	BIT(6)
#define IGX_RXD_ERR_CE		BIT(24)
#define IGX_RXD_ERR_SE		BIT(25)
#define IGX_RXD_ERR_SEQ		BIT(26)
#define IGX_RXD_ERR_CXE		BIT(28)
#define IGX_RXD_ERR_L4E		BIT(29)
#define IGX_RXD_ERR_IPE		BIT(30)
#define IGX_RXD_ERR_RXE		BIT(31)
/* Errors that make the frame itself bad, not just a checksum. */
#define IGX_RXD_ERR_FRAME	(IGX_RXD_ERR_CE | IGX_RXD_ERR_SE | \
				 IGX_RXD_ERR_SEQ | IGX_RXD_ERR_CXE | \
				 IGX_RXD_ERR_RXE)

static_assert(sizeof(struct igx_tx_desc) == 16);
static_assert(sizeof(struct igx_tx_ctx_desc) == 16);
static_assert(sizeof(union igx_rx_desc) == 16);

#endif /* _IGX_DESC_H_ */
