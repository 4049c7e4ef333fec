/* SPDX-License-Identifier: GPL-2.0 */
/* Copyright (c) 2026 The igx authors */
/*
 * Intel 82576 registers used by igx, each followed by its fields. Fields are
 * used only through FIELD_PREP()/FIELD_GET(). Offsets are from the 82576
 * datasheet; where QEMU's emulation differs, the comment says so.
 */
#ifndef _IGX_REGS_H_
#define _IGX_REGS_H_

#include <linux/bits.h>
#include <linux/types.h>

#define IGX_MAX_VFS		7	/* see pf/ for why not 8 */
#define IGX_MBX_WORDS		16	/* VMBMEM is 16 dwords per VF */

/* --- Device ------------------------------------------------------- */

#define IGX_CTRL		0x00000
#define IGX_CTRL_FD		BIT(0)
#define IGX_CTRL_SLU		BIT(6)
#define IGX_CTRL_FRCSPD		BIT(11)
#define IGX_CTRL_FRCDPX		BIT(12)
#define IGX_CTRL_RST		BIT(26)	/* self-clearing; on a VF: VF reset */
#define IGX_CTRL_VME		BIT(30)
#define IGX_CTRL_PHY_RST	BIT(31)

#define IGX_STATUS		0x00008
#define IGX_STATUS_FD		BIT(0)
#define IGX_STATUS_LU		BIT(1)
#define IGX_STATUS_SPEED	GENMASK(7, 6)
#define IGX_STATUS_SPEED_10	0
#define IGX_STATUS_SPEED_100	1
#define IGX_STATUS_SPEED_1000	2

#define IGX_CTRL_EXT		0x00018
#define IGX_CTRL_EXT_PFRSTD	BIT(14)	/* PF reset done: VFs see RSTD */
#define IGX_CTRL_EXT_DRV_LOAD	BIT(28)

#define IGX_MDIC		0x00020
#define IGX_MDIC_DATA		GENMASK(15, 0)
#define IGX_MDIC_REG		GENMASK(20, 16)
#define IGX_MDIC_PHY		GENMASK(25, 21)
#define IGX_MDIC_OP		GENMASK(27, 26)
#define IGX_MDIC_OP_WRITE	1
#define IGX_MDIC_OP_READ	2
#define IGX_MDIC_READY		BIT(28)
#define IGX_MDIC_ERROR		BIT(30)

#define IGX_VET			0x00038

/* --- Interrupts ------------------------------------------------------ */

#define IGX_ICR			0x000c0
#define IGX_ICS			0x000c8
#define IGX_IMS			0x000d0
#define IGX_IMC			0x000d8
#define IGX_ICR_TXDW		BIT(0)
#define IGX_ICR_LSC		BIT(2)
#define IGX_ICR_RXDMT0		BIT(4)
#define IGX_ICR_RXO		BIT(6)
#define IGX_ICR_RXT0		BIT(7)
#define IGX_ICR_VMMB		BIT(8)	/* VF mailbox or VF reset (VFLRE) */
#define IGX_ICR_DOUTSYNC	BIT(28)
#define IGX_ICR_DRSTA		BIT(30)

#define IGX_GPIE		0x01514
#define IGX_GPIE_NSICR		BIT(0)
#define IGX_GPIE_MSIX_MODE	BIT(4)
#define IGX_GPIE_EIAME		BIT(30)
#define IGX_GPIE_PBA		BIT(31)

/*
 * Extended causes. A PF's write or EICR read also touches the VFs' bits in
 * QEMU: only ever write the driver's own bits (never ~0), never read EICR.
 * On a VF these offsets address the VF's own three causes.
 */
#define IGX_EICS		0x01520
#define IGX_EIMS		0x01524
#define IGX_EIMC		0x01528
#define IGX_EIAC		0x0152c
#define IGX_EIAM		0x01530
#define IGX_EICR		0x01580
#define IGX_EITR(n)		(0x01680 + 4 * (n))
#define IGX_EITR_INTERVAL	GENMASK(14, 2)	/* microseconds */
#define IGX_EITR_CNT_IGNR	BIT(31)

/* IVAR(n): RX queue n, TX queue n, RX queue n+8, TX queue n+8, a byte each. */
#define IGX_IVAR(n)		(0x01700 + 4 * (n))
#define IGX_IVAR_MISC		0x01740	/* byte 1: "other" causes */
#define IGX_IVAR_VEC		GENMASK(4, 0)
#define IGX_IVAR_VALID		BIT(7)
#define IGX_IVAR_RX_LO		GENMASK(7, 0)
#define IGX_IVAR_TX_LO		GENMASK(15, 8)
#define IGX_IVAR_RX_HI		GENMASK(23, 16)
#define IGX_IVAR_TX_HI		GENMASK(31, 24)
#define IGX_IVAR_MISC_OTHER	GENMASK(15, 8)
/* In a VF's BAR, IVAR_MISC byte 0 maps the mailbox cause. */
#define IGX_VF_IVAR_MISC_MBX	GENMASK(7, 0)

/* --- Receive --------------------------------------------------------- */

#define IGX_RCTL		0x00100
#define IGX_RCTL_EN		BIT(1)
#define IGX_RCTL_SBP		BIT(2)
#define IGX_RCTL_UPE		BIT(3)
#define IGX_RCTL_MPE		BIT(4)
#define IGX_RCTL_LPE		BIT(5)
#define IGX_RCTL_LBM		GENMASK(7, 6)
#define IGX_RCTL_MO		GENMASK(13, 12)
#define IGX_RCTL_BAM		BIT(15)
#define IGX_RCTL_VFE		BIT(18)
#define IGX_RCTL_DPF		BIT(22)
#define IGX_RCTL_PMCF		BIT(23)
#define IGX_RCTL_SECRC		BIT(26)

#define IGX_RXCSUM		0x05000
#define IGX_RXCSUM_IPOFL	BIT(8)
#define IGX_RXCSUM_TUOFL	BIT(9)
#define IGX_RXCSUM_CRCOFL	BIT(11)
#define IGX_RXCSUM_PCSD		BIT(13)
#define IGX_RLPML		0x05004	/* global max frame, with RCTL.LPE */

/*
 * Queue registers. Queues 0-3 also have aliases at 0x2800/0x3800 + 0x100 q;
 * a VF's queue 0 and 1 are at those aliases in its own BAR (PF queues vf
 * and vf + 8).
 */
static inline u32 igx_rxq_base(unsigned int q)
{
	return q < 4 ? 0x02800 + 0x100 * q : 0x0c000 + 0x40 * q;
}

static inline u32 igx_txq_base(unsigned int q)
{
	return q < 4 ? 0x03800 + 0x100 * q : 0x0e000 + 0x40 * q;
}

#define IGX_RDBAL(q)		(igx_rxq_base(q) + 0x00)
#define IGX_RDBAH(q)		(igx_rxq_base(q) + 0x04)
#define IGX_RDLEN(q)		(igx_rxq_base(q) + 0x08)
#define IGX_SRRCTL(q)		(igx_rxq_base(q) + 0x0c)
#define IGX_RDH(q)		(igx_rxq_base(q) + 0x10)
#define IGX_RDT(q)		(igx_rxq_base(q) + 0x18)
#define IGX_RXDCTL(q)		(igx_rxq_base(q) + 0x28)
#define IGX_TDBAL(q)		(igx_txq_base(q) + 0x00)
#define IGX_TDBAH(q)		(igx_txq_base(q) + 0x04)
#define IGX_TDLEN(q)		(igx_txq_base(q) + 0x08)
#define IGX_TDH(q)		(igx_txq_base(q) + 0x10)
#define IGX_TDT(q)		(igx_txq_base(q) + 0x18)
#define IGX_TXDCTL(q)		(igx_txq_base(q) + 0x28)
#define IGX_TDWBAL(q)		(igx_txq_base(q) + 0x38)
#define IGX_TDWBAH(q)		(igx_txq_base(q) + 0x3c)

#define IGX_SRRCTL_BSIZEPKT	GENMASK(6, 0)	/* 1 KiB units */
#define IGX_SRRCTL_BSIZEHDR	GENMASK(11, 8)	/* 64 B units */
#define IGX_SRRCTL_DESCTYPE	GENMASK(27, 25)
#define IGX_SRRCTL_DESCTYPE_ADV_ONEBUF	1
#define IGX_SRRCTL_DROP_EN	BIT(31)

#define IGX_XDCTL_PTHRESH	GENMASK(4, 0)
#define IGX_XDCTL_HTHRESH	GENMASK(12, 8)
#define IGX_XDCTL_WTHRESH	GENMASK(20, 16)
#define IGX_XDCTL_ENABLE	BIT(25)
#define IGX_XDCTL_SWFLSH	BIT(26)

#define IGX_QDE			0x02408	/* per-queue drop enable */

/* --- Transmit -------------------------------------------------------- */

#define IGX_TCTL		0x00400
#define IGX_TCTL_EN		BIT(1)
#define IGX_TCTL_PSP		BIT(3)
#define IGX_TCTL_CT		GENMASK(11, 4)
#define IGX_TCTL_COLD		GENMASK(21, 12)
#define IGX_TCTL_RTLC		BIT(24)
#define IGX_TIPG		0x00410

#define IGX_DTXCTL		0x03590
#define IGX_DTXCTL_VLAN_ADDED	BIT(3)

/* --- Filters and the VMDq switch -------------------------------------- */

#define IGX_MTA(n)		(0x05200 + 4 * (n))	/* 128 words */
#define IGX_MTA_WORDS		128
#define IGX_VFTA(n)		(0x05600 + 4 * (n))	/* 128 words */

/* 24 receive address registers: 16 at 0x5400, 8 more at 0x54e0. */
#define IGX_RAR_ENTRIES		24
static inline u32 igx_ral(unsigned int n)
{
	return n < 16 ? 0x05400 + 8 * n : 0x054e0 + 8 * (n - 16);
}

#define IGX_RAL(n)		igx_ral(n)
#define IGX_RAH(n)		(igx_ral(n) + 4)
#define IGX_RAH_ADDR_HI		GENMASK(15, 0)
#define IGX_RAH_POOLSEL		GENMASK(25, 18)	/* bitmap of pools */
#define IGX_RAH_AV		BIT(31)

#define IGX_MRQC		0x05818
#define IGX_MRQC_MRQE		GENMASK(2, 0)
#define IGX_MRQC_MRQE_VMDQ	3

#define IGX_VT_CTL		0x0581c
#define IGX_VT_CTL_DEF_PL	GENMASK(9, 7)
#define IGX_VT_CTL_IGNORE_MAC	BIT(28)
#define IGX_VT_CTL_DIS_DEF_PL	BIT(29)
#define IGX_VT_CTL_VM_REPL_EN	BIT(30)

/* Per-pool offload and accept policy. */
#define IGX_VMOLR(pool)		(0x05ad0 + 4 * (pool))
#define IGX_VMOLR_RLPML		GENMASK(13, 0)
#define IGX_VMOLR_LPE		BIT(16)
#define IGX_VMOLR_RSSE		BIT(17)
#define IGX_VMOLR_AUPE		BIT(24)	/* accept untagged */
#define IGX_VMOLR_ROMPE		BIT(25)	/* accept MTA hash hits */
#define IGX_VMOLR_ROPE		BIT(26)	/* accept UTA hash hits */
#define IGX_VMOLR_BAM		BIT(27)	/* accept broadcast */
#define IGX_VMOLR_MPME		BIT(28)	/* multicast promiscuous */
#define IGX_VMOLR_STRVLAN	BIT(30)
#define IGX_VMOLR_STRCRC	BIT(31)

#define IGX_RPLOLR		0x05af0	/* policy for replicated frames */
#define IGX_RPLOLR_STRVLAN	BIT(30)

#define IGX_VLVF_ENTRIES	32
#define IGX_VLVF(n)		(0x05d00 + 4 * (n))
#define IGX_VLVF_VID		GENMASK(11, 0)
#define IGX_VLVF_POOLSEL	GENMASK(19, 12)
#define IGX_VLVF_VI_EN		BIT(31)

/* Per-pool VLAN insert (port VLAN). */
#define IGX_VMVIR(pool)		(0x03700 + 4 * (pool))
#define IGX_VMVIR_TCI		GENMASK(15, 0)
#define IGX_VMVIR_VLANA		GENMASK(31, 30)
#define IGX_VMVIR_VLANA_DEFAULT	1	/* always insert the default tag */

#define IGX_DTXSWC		0x03500
#define IGX_DTXSWC_MAC_SPOOF	GENMASK(7, 0)
#define IGX_DTXSWC_VLAN_SPOOF	GENMASK(15, 8)
#define IGX_DTXSWC_LLE		GENMASK(23, 16)
#define IGX_DTXSWC_LOOPBACK_EN	BIT(31)	/* switch VF<->VF and VF<->PF */

#define IGX_WVBR		0x03554	/* spoof events (not emulated) */
#define IGX_UTA(n)		(0x0a000 + 4 * (n))

/* 82576 per-queue transmit rate limiter (not emulated by QEMU). */
#define IGX_RTTDQSEL		0x03604
#define IGX_RTTBCNRM		0x03690
#define IGX_RTTBCNRC		0x036b0
#define IGX_RTTBCNRC_RF_DEC	GENMASK(13, 0)
#define IGX_RTTBCNRC_RF_INT	GENMASK(23, 14)
#define IGX_RTTBCNRC_RS_ENA	BIT(31)

/* --- Statistics (PF, clear on read; octets are 64-bit, read L then H) -- */

#define IGX_CRCERRS		0x04000
#define IGX_MPC			0x04010
#define IGX_GPRC		0x04074
#define IGX_BPRC		0x04078
#define IGX_MPRC		0x0407c
#define IGX_GPTC		0x04080
#define IGX_GORCL		0x04088
#define IGX_GORCH		0x0408c
#define IGX_GOTCL		0x04090
#define IGX_GOTCH		0x04094
#define IGX_RNBC		0x040a0
#define IGX_RUC			0x040a4
#define IGX_ROC			0x040ac
#define IGX_TPR			0x040d0
#define IGX_TPT			0x040d4
#define IGX_MPTC		0x040f0
#define IGX_BPTC		0x040f4
#define IGX_TSCTC		0x040f8

/*
 * Per-VF counters, 32-bit, wrapping, not clear on read, counted only in
 * VMDq mode. The VF reads them at VF_xxx in its BAR; the PF at
 * IGX_PVF(vf, VF_xxx).
 */
#define IGX_VFGPRC		0x00f10
#define IGX_VFGPTC		0x00f14
#define IGX_VFGORC		0x00f18
#define IGX_VFGOTC		0x00f34
#define IGX_VFMPRC		0x00f3c
#define IGX_PVF(vf, reg)	(0x10000 + 0x100 * (vf) + ((reg) - 0x00f00))

/* --- Mailbox, PF side ------------------------------------------------ */

/* Per-VF mailbox memory, 16 dwords each. */
#define IGX_VMBMEM(vf, word)	(0x00800 + 0x40 * (vf) + 4 * (word))

#define IGX_P2VMAILBOX(vf)	(0x00c00 + 4 * (vf))
#define IGX_P2VMAILBOX_STS	BIT(0)	/* message written for the VF */
#define IGX_P2VMAILBOX_ACK	BIT(1)	/* VF message consumed */
#define IGX_P2VMAILBOX_VFU	BIT(2)	/* buffer taken by the VF (RO) */
#define IGX_P2VMAILBOX_PFU	BIT(3)	/* buffer taken by the PF */
#define IGX_P2VMAILBOX_RVFU	BIT(4)	/* reset the VF's VFU bit */

/* VF interrupt causes, write 1 to clear. */
#define IGX_MBVFICR		0x00c80
#define IGX_MBVFICR_VFREQ	GENMASK(7, 0)
#define IGX_MBVFICR_VFACK	GENMASK(23, 16)
#define IGX_MBVFICR_VFREQ_BIT(vf)	BIT(vf)
#define IGX_MBVFICR_VFACK_BIT(vf)	BIT(16 + (vf))

#define IGX_MBVFIMR		0x00c84	/* ignored by QEMU */
#define IGX_VFLRE		0x00c88	/* VF reset events, W1C */
#define IGX_VFRE		0x00c8c	/* per-pool RX enable */
#define IGX_VFTE		0x00c90	/* per-pool TX enable */

/* --- Mailbox, VF side ------------------------------------------------ */

/* In the VF's own BAR. */
#define IGX_VF_VMBMEM(word)	(0x00800 + 4 * (word))

#define IGX_V2PMAILBOX		0x00c40
#define IGX_V2PMAILBOX_REQ	BIT(0)	/* message written for the PF */
#define IGX_V2PMAILBOX_ACK	BIT(1)	/* PF message consumed */
#define IGX_V2PMAILBOX_VFU	BIT(2)	/* buffer taken by the VF */
#define IGX_V2PMAILBOX_PFU	BIT(3)	/* buffer taken by the PF (RO) */
#define IGX_V2PMAILBOX_PFSTS	BIT(4)	/* PF wrote a message, read-to-clear */
#define IGX_V2PMAILBOX_PFACK	BIT(5)	/* PF consumed ours, read-to-clear */
#define IGX_V2PMAILBOX_RSTI	BIT(6)	/* PF reset in progress */
#define IGX_V2PMAILBOX_RSTD	BIT(7)	/* PF reset done, read-to-clear */
/* The bits a read clears: the VF driver keeps them in software. */
#define IGX_V2PMAILBOX_R2C	(IGX_V2PMAILBOX_PFSTS | IGX_V2PMAILBOX_PFACK | \
				 IGX_V2PMAILBOX_RSTD)

#endif /* _IGX_REGS_H_ */
