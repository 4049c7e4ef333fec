// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * igx_common: code shared by igx_pf and igx_vf (the mailbox protocol and
 * transports, register and descriptor helpers). Exports live in the IGX
 * symbol namespace; the drivers import it.
 */

#include <linux/module.h>

MODULE_DESCRIPTION("igx: shared code for the 82576 SR-IOV PF and VF drivers");
MODULE_LICENSE("GPL");
