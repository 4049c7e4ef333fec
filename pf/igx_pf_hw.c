// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * Device reset, global setup and the PHY of the 82576 PF.
 */

#include <linux/bitfield.h>
#include <linux/delay.h>
#include <linux/iopoll.h>
#include <linux/mii.h>

#include "pf/igx_pf.h"

/* The datasheet gives the reset 1 ms; allow for slow emulation. */
#define IGX_RESET_TIMEOUT_US	(100 * USEC_PER_MSEC)
#define IGX_MDIC_TIMEOUT_US	(10 * USEC_PER_MSEC)

static u32 igx_pf_rd_ctrl(struct igx_pf *pf)
{
	return igx_rd32(&pf->hw, IGX_CTRL);
}

/**
 * igx_pf_hw_reset() - reset the MAC and mask every PF interrupt
 * @pf: the adapter
 *
 * A PF reset also raises RSTI at every VF; they wait for PFRSTD, which
 * igx_pf_hw_init() sets once the switch is programmed again.
 *
 * Return: 0, or -ETIMEDOUT if the reset bit never cleared, -ENODEV if the
 * device is gone.
 */
int igx_pf_hw_reset(struct igx_pf *pf)
{
	struct igx_hw *hw = &pf->hw;
	u32 ctrl;
	int err;

	igx_wr32(hw, IGX_IMC, ~0U);
	igx_wr32(hw, IGX_EIMC, BIT(IGX_PF_VEC_MISC) | BIT(IGX_PF_VEC_QUEUE));
	igx_wr32(hw, IGX_RCTL, 0);
	igx_wr32(hw, IGX_TCTL, IGX_TCTL_PSP);
	igx_flush(hw);
	usleep_range(10000, 20000);	/* let DMA in flight finish */

	igx_wr32(hw, IGX_CTRL, igx_rd32(hw, IGX_CTRL) | IGX_CTRL_RST);
	err = read_poll_timeout(igx_pf_rd_ctrl, ctrl, !(ctrl & IGX_CTRL_RST),
				1000, IGX_RESET_TIMEOUT_US, true, pf);
	if (igx_hw_gone(hw))
		return -ENODEV;
	if (err) {
		dev_err(&pf->pdev->dev, "MAC reset did not complete\n");
		return err;
	}
	igx_wr32(hw, IGX_IMC, ~0U);
	igx_wr32(hw, IGX_EIMC, BIT(IGX_PF_VEC_MISC) | BIT(IGX_PF_VEC_QUEUE));
	return 0;
}

/**
 * igx_pf_hw_init() - global MAC setup after a reset
 * @pf: the adapter
 *
 * VMDq mode with the PF in pool 7 and loopback switching on, receive and
 * transmit enabled globally (the PF netdev only opens its own queue), and
 * the "other" interrupt on vector 0 for link and mailbox events. The
 * switch tables are cleared; igx_pf_switch_init() fills them.
 */
void igx_pf_hw_init(struct igx_pf *pf)
{
	struct igx_hw *hw = &pf->hw;

	igx_wr32(hw, IGX_CTRL, (igx_rd32(hw, IGX_CTRL) | IGX_CTRL_SLU) &
		 ~(IGX_CTRL_FRCSPD | IGX_CTRL_FRCDPX));
	igx_wr32(hw, IGX_CTRL_EXT,
		 igx_rd32(hw, IGX_CTRL_EXT) | IGX_CTRL_EXT_DRV_LOAD);

	/* MSI-X mode is what routes the VFs' interrupts too. */
	igx_wr32(hw, IGX_GPIE, IGX_GPIE_MSIX_MODE | IGX_GPIE_NSICR |
		 IGX_GPIE_PBA);
	igx_wr32(hw, IGX_IVAR_MISC,
		 FIELD_PREP(IGX_IVAR_MISC_OTHER,
			    IGX_PF_VEC_MISC | IGX_IVAR_VALID));
	/* Queue 7 (pool 7) RX and TX on vector 1. Never rewrite a VF's IVAR. */
	igx_wr32(hw, IGX_IVAR(IGX_PF_QUEUE),
		 FIELD_PREP(IGX_IVAR_RX_LO, IGX_PF_VEC_QUEUE | IGX_IVAR_VALID) |
		 FIELD_PREP(IGX_IVAR_TX_LO, IGX_PF_VEC_QUEUE | IGX_IVAR_VALID));
	/* Auto-clear our causes after each MSI-X; never touch the VFs'. */
	igx_wr32(hw, IGX_EIAC, BIT(IGX_PF_VEC_MISC) | BIT(IGX_PF_VEC_QUEUE));

	igx_wr32(hw, IGX_MRQC, FIELD_PREP(IGX_MRQC_MRQE, IGX_MRQC_MRQE_VMDQ));
	igx_wr32(hw, IGX_VT_CTL, FIELD_PREP(IGX_VT_CTL_DEF_PL, IGX_PF_POOL) |
		 IGX_VT_CTL_VM_REPL_EN);
	igx_wr32(hw, IGX_RPLOLR, IGX_RPLOLR_STRVLAN);
	/* An idle or hostile VF must not block the others' receive. */
	igx_wr32(hw, IGX_QDE, GENMASK(15, 0));

	igx_wr32(hw, IGX_RXCSUM, IGX_RXCSUM_IPOFL | IGX_RXCSUM_TUOFL |
		 IGX_RXCSUM_CRCOFL);
	/* The global limit admits the largest pool limit (VMOLR.RLPML). */
	igx_wr32(hw, IGX_RLPML, IGX_MBX_LPE_MAX);
	igx_wr32(hw, IGX_RCTL, IGX_RCTL_EN | IGX_RCTL_BAM | IGX_RCTL_LPE |
		 IGX_RCTL_VFE | IGX_RCTL_SECRC | IGX_RCTL_DPF);
	igx_wr32(hw, IGX_TCTL, IGX_TCTL_EN | IGX_TCTL_PSP | IGX_TCTL_RTLC |
		 FIELD_PREP(IGX_TCTL_CT, 15) | FIELD_PREP(IGX_TCTL_COLD, 0x3f));

	igx_wr32(hw, IGX_IMS, IGX_ICR_LSC | IGX_ICR_VMMB);
	igx_wr32(hw, IGX_EIMS, BIT(IGX_PF_VEC_MISC));
	igx_flush(hw);
}

static int igx_pf_mdic(struct igx_pf *pf, u32 op, u32 reg, u16 *data)
{
	struct igx_hw *hw = &pf->hw;
	u32 mdic;
	int err;

	igx_wr32(hw, IGX_MDIC, FIELD_PREP(IGX_MDIC_DATA, *data) |
		 FIELD_PREP(IGX_MDIC_REG, reg) |
		 FIELD_PREP(IGX_MDIC_PHY, IGX_PHY_ADDR) |
		 FIELD_PREP(IGX_MDIC_OP, op));
	err = read_poll_timeout(igx_rd32, mdic, mdic & IGX_MDIC_READY, 20,
				IGX_MDIC_TIMEOUT_US, false, hw, IGX_MDIC);
	if (err || (mdic & IGX_MDIC_ERROR)) {
		dev_err(&pf->pdev->dev, "PHY register %u %s failed\n", reg,
			op == IGX_MDIC_OP_READ ? "read" : "write");
		return err ?: -EIO;
	}
	*data = FIELD_GET(IGX_MDIC_DATA, mdic);
	return 0;
}

/**
 * igx_pf_phy_restart_aneg() - restart PHY autonegotiation
 * @pf: the adapter
 *
 * After a reset the link stays down until autonegotiation is restarted;
 * link comes up (LSC) some hundreds of milliseconds later.
 *
 * Return: 0 or a negative errno from the MDI access.
 */
int igx_pf_phy_restart_aneg(struct igx_pf *pf)
{
	u16 bmcr;
	int err;

	err = igx_pf_mdic(pf, IGX_MDIC_OP_READ, MII_BMCR, &bmcr);
	if (err)
		return err;
	bmcr &= ~(BMCR_LOOPBACK | BMCR_PDOWN | BMCR_ISOLATE);
	bmcr |= BMCR_ANENABLE | BMCR_ANRESTART;
	return igx_pf_mdic(pf, IGX_MDIC_OP_WRITE, MII_BMCR, &bmcr);
}

/**
 * igx_pf_read_link() - current link state from STATUS
 * @pf: the adapter
 * @speed: set to the speed in Mb/s when the link is up
 *
 * Return: true when the link is up.
 */
bool igx_pf_read_link(struct igx_pf *pf, u32 *speed)
{
	static const u32 mbps[] = { 10, 100, 1000, 1000 };
	u32 status = igx_rd32(&pf->hw, IGX_STATUS);

	if (igx_hw_gone(&pf->hw) || !(status & IGX_STATUS_LU))
		return false;
	*speed = mbps[FIELD_GET(IGX_STATUS_SPEED, status)];
	return true;
}
