// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * igx_mbx_kunit.ko: the mailbox KUnit suites (igx_mbx_codec, igx_mbx_pf,
 * igx_mbx_vf), run when the module is loaded. Each suite lives in its own
 * kunit/<suite>_kunit.c; the fake hardware in kunit/igx_mbx_fake.c.
 */

#include <linux/module.h>

MODULE_DESCRIPTION("KUnit tests for the igx PF<->VF mailbox");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(IGX);
