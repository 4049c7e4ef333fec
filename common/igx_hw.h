/* SPDX-License-Identifier: GPL-2.0 */
/* Copyright (c) 2026 The igx authors */
/*
 * Register access shared by igx_pf and igx_vf. A VF's BAR can vanish under
 * it (PF reset, FLR, surprise removal): a read of all ones marks the device
 * gone, after which reads return ~0 and writes are dropped, so callers
 * check igx_hw_gone() instead of acting on garbage.
 */
#ifndef _IGX_HW_H_
#define _IGX_HW_H_

#include <linux/io.h>
#include <linux/types.h>

#include "common/igx_regs.h"

struct igx_hw {
	u8 __iomem *base;
	bool gone;
};

static inline bool igx_hw_gone(const struct igx_hw *hw)
{
	return READ_ONCE(hw->gone);
}

/* STATUS always has a zero bit somewhere on a live device. */
static inline u32 igx_rd32(struct igx_hw *hw, u32 reg)
{
	u32 val;

	if (igx_hw_gone(hw))
		return ~0U;
	val = readl(hw->base + reg);
	if (unlikely(val == ~0U) && readl(hw->base + IGX_STATUS) == ~0U)
		WRITE_ONCE(hw->gone, true);
	return val;
}

static inline void igx_wr32(struct igx_hw *hw, u32 reg, u32 val)
{
	if (!igx_hw_gone(hw))
		writel(val, hw->base + reg);
}

/*
 * After a reset the function comes back from (FLR): trust reads again.
 * Returns false if it is still gone.
 */
static inline bool igx_hw_revive(struct igx_hw *hw)
{
	WRITE_ONCE(hw->gone, false);
	igx_rd32(hw, IGX_STATUS);
	return !igx_hw_gone(hw);
}

/* Post the writes before a delay that depends on them. */
static inline void igx_flush(struct igx_hw *hw)
{
	igx_rd32(hw, IGX_STATUS);
}

#endif /* _IGX_HW_H_ */
