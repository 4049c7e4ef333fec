/* SPDX-License-Identifier: GPL-2.0 */
/* Copyright (c) 2026 The igx authors */
/*
 * A fake 82576 mailbox for KUnit: one PF BAR and up to seven VF BARs over
 * shared state, with the register semantics QEMU 10 implements (see
 * reference/qemu-igb-emulation.md section 2), and a bench that runs the
 * igx PF policy as the PF driver's work item would, whenever a side
 * sleeps. Time is virtual: a sleep advances it and nothing else does.
 */
#ifndef _IGX_MBX_FAKE_H_
#define _IGX_MBX_FAKE_H_

#include <kunit/test.h>

#include "common/igx_regs.h"
#include "mailbox/igx_mbx.h"

#define IGX_FAKE_PF	(-1)

struct igx_fake;

/**
 * struct igx_fake_port - one BAR: the ctx of struct igx_mbx_ops
 * @fake: the device
 * @vf: VF number, or IGX_FAKE_PF
 */
struct igx_fake_port {
	struct igx_fake *fake;
	int vf;
};

/**
 * struct igx_fake - the emulated mailbox hardware
 * @mem: VMBMEM, 16 words per VF, shared by the PF and the VF
 * @pfu: P2VMAILBOX.PFU per VF
 * @vfu: V2PMAILBOX.VFU per VF
 * @v2p: the VF's PFSTS, PFACK, RSTI, RSTD bits
 * @mbvficr: VFREQ and VFACK bits, write-1-to-clear
 * @vflre: VF reset events, write-1-to-clear
 * @gone: every read returns all-ones (surprise removal)
 * @now_ns: virtual time
 * @sleeps: sleeps so far, on any side
 * @mem_reads: VMBMEM words read by the PF
 * @violations: VMBMEM touched by a side without its lock
 * @bad_regs: accesses to registers the mailbox has no business with
 * @hook: runs on every sleep (not nested): the other side
 * @hook_arg: for @hook
 * @in_hook: @hook is running
 * @pf_port: ctx for the PF's ops
 * @vf_port: ctx for each VF's ops
 */
struct igx_fake {
	u32 mem[IGX_MAX_VFS][IGX_MBX_WORDS];
	bool pfu[IGX_MAX_VFS];
	bool vfu[IGX_MAX_VFS];
	u32 v2p[IGX_MAX_VFS];
	u32 mbvficr;
	u32 vflre;
	bool gone;
	u64 now_ns;
	unsigned int sleeps;
	unsigned int mem_reads;
	unsigned int violations;
	unsigned int bad_regs;
	void (*hook)(struct igx_fake *fake, void *arg);
	void *hook_arg;
	bool in_hook;
	struct igx_fake_port pf_port;
	struct igx_fake_port vf_port[IGX_MAX_VFS];
};

extern const struct igx_mbx_ops igx_fake_ops;

void igx_fake_init(struct igx_fake *fake);
void igx_fake_pf_reset(struct igx_fake *fake);
void igx_fake_pf_reset_done(struct igx_fake *fake);
void igx_fake_vflr(struct igx_fake *fake, unsigned int vf);
void igx_fake_pf_write_msg(struct igx_fake *fake, unsigned int vf,
			   const u32 *words, unsigned int len);
void igx_fake_vf_write_msg(struct igx_fake *fake, unsigned int vf,
			   const u32 *words, unsigned int len);

/**
 * struct igx_bench - igx PF policy and VF transports over one fake
 * @test: the running test
 * @fake: the hardware
 * @dev: test-managed device for log messages
 * @num_vfs: VFs in use
 * @pf: PF transport
 * @pol: PF policy
 * @pvf: PF's per-VF state
 * @vf: VF transports
 * @pf_running: the PF work item runs on every sleep
 * @retry_at: when a request the throttle deferred may be served
 * @mac: MAC the host admin assigned per VF (zero: none)
 * @caps: what apply() reports for GET_CAPS
 * @link: what apply() reports for GET_LINK_STATE
 * @apply_err: apply() fails with this for requests other than VF_RESET
 * @applied: last request apply() saw per VF
 * @applies: apply() calls per VF
 * @logs: log hook calls per VF
 * @suppressed: suppressed counts the log hook reported per VF
 * @last_log_err: errno of the last log hook call
 * @extra: optional per-test hook, runs after the PF on every sleep
 */
struct igx_bench {
	struct kunit *test;
	struct igx_fake fake;
	struct device *dev;
	unsigned int num_vfs;
	struct igx_mbx_pf pf;
	struct igx_mbx_pf_policy pol;
	struct igx_mbx_pf_vf pvf[IGX_MAX_VFS];
	struct igx_mbx_vf vf[IGX_MAX_VFS];
	bool pf_running;
	u64 retry_at[IGX_MAX_VFS];
	u8 mac[IGX_MAX_VFS][ETH_ALEN];
	struct igx_mbx_caps caps;
	struct igx_mbx_link link;
	int apply_err;
	struct igx_mbx_req applied[IGX_MAX_VFS];
	unsigned int applies[IGX_MAX_VFS];
	unsigned int logs[IGX_MAX_VFS];
	unsigned int suppressed[IGX_MAX_VFS];
	int last_log_err;
	void (*extra)(struct igx_bench *b);
};

struct igx_bench *igx_bench_new(struct kunit *test, unsigned int num_vfs);
void igx_bench_pf_service(struct igx_bench *b);
void igx_bench_vf_ready(struct igx_bench *b, unsigned int vf, bool negotiate);

#endif /* _IGX_MBX_FAKE_H_ */
