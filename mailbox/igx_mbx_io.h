/* SPDX-License-Identifier: GPL-2.0 */
/* Copyright (c) 2026 The igx authors */
/*
 * Register access and bounded waits shared by the PF and VF transports.
 * Internal to igx_common.ko.
 */
#ifndef _IGX_MBX_IO_H_
#define _IGX_MBX_IO_H_

#include <linux/delay.h>
#include <linux/minmax.h>

#include "mailbox/igx_mbx.h"

#define IGX_MBX_GONE		0xffffffffU	/* read from a vanished device */
#define IGX_MBX_POLL_MIN_US	20
#define IGX_MBX_POLL_MAX_US	1000

static inline u32 igx_mbx_rd(const struct igx_mbx_io *io, u32 reg)
{
	return io->ops->read32(io->ctx, reg);
}

static inline void igx_mbx_wr(const struct igx_mbx_io *io, u32 reg, u32 val)
{
	io->ops->write32(io->ctx, reg, val);
}

static inline void igx_mbx_sleep(const struct igx_mbx_io *io,
				 unsigned int min_us)
{
	if (io->ops->sleep)
		io->ops->sleep(io->ctx, min_us, 2 * min_us);
	else
		usleep_range(min_us, 2 * min_us);
}

/**
 * struct igx_mbx_wait - a bounded poll with exponential back-off
 * @waited_us: slept so far (the minimum of each sleep)
 * @step_us: next sleep
 * @limit_us: give up once @waited_us reaches it
 */
struct igx_mbx_wait {
	u32 waited_us;
	u32 step_us;
	u32 limit_us;
};

static inline void igx_mbx_wait_init(struct igx_mbx_wait *w, u32 limit_us)
{
	w->waited_us = 0;
	w->step_us = IGX_MBX_POLL_MIN_US;
	w->limit_us = limit_us;
}

/* Sleep once more; false when the budget is spent. */
static inline bool igx_mbx_wait_next(const struct igx_mbx_io *io,
				     struct igx_mbx_wait *w)
{
	if (w->waited_us >= w->limit_us)
		return false;
	igx_mbx_sleep(io, w->step_us);
	w->waited_us += w->step_us;
	w->step_us = min(2 * w->step_us, IGX_MBX_POLL_MAX_US);
	return true;
}

#endif /* _IGX_MBX_IO_H_ */
