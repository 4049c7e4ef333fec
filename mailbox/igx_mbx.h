/* SPDX-License-Identifier: GPL-2.0 */
/* Copyright (c) 2026 The igx authors */
/*
 * igx PF<->VF mailbox: codec, register transports and the PF request
 * policy, exported from igx_common.ko in the IGX symbol namespace.
 *
 * Layers, bottom up:
 *  - struct igx_mbx_ops: 32-bit register access (and an optional sleep),
 *    so the same code runs on a BAR or on a KUnit fake;
 *  - codec (igx_mbx_msg.c): pure encode/parse of every message;
 *  - transports (igx_mbx_pf.c, igx_mbx_vf.c): the 82576 lock, status and
 *    acknowledge handshakes, with bounded sleeping waits;
 *  - PF policy (igx_mbx_policy.c): per-VF counters, throttle, CTS, trust
 *    and API gating; the PF driver only applies parsed requests.
 */
#ifndef _IGX_MBX_H_
#define _IGX_MBX_H_

#include <linux/mutex.h>
#include <linux/time64.h>
#include <linux/types.h>

#include "mailbox/igx_mbx_abi.h"

struct device;

/* --- Codec ----------------------------------------------------------- */

/**
 * struct igx_mbx_msg - one message as it is stored in memory
 * @w: the words, little-endian
 * @mac: @w seen as SET_MAC_ADDR or a VF_RESET reply
 * @mc: @w seen as SET_MULTICAST
 * @val: @w seen as a header plus one value word
 * @caps: @w seen as a GET_CAPS reply
 * @len: words in use
 */
struct igx_mbx_msg {
	union {
		__le32 w[IGX_MBX_MAX_WORDS];
		struct igx_mbx_mac_msg mac;
		struct igx_mbx_mc_msg mc;
		struct igx_mbx_val_msg val;
		struct igx_mbx_caps_msg caps;
	};
	unsigned int len;
};

/**
 * struct igx_mbx_link - link state as the PF reports it to a VF
 * @admin: enum igx_mbx_link_admin
 * @up: link up as the VF should see it (admin state applied)
 * @full_duplex: full duplex
 * @speed: Mb/s, 0 when down
 */
struct igx_mbx_link {
	u8 admin;
	bool up;
	bool full_duplex;
	u16 speed;
};

/**
 * struct igx_mbx_caps - GET_CAPS reply
 * @tx_queues: TX queues the VF may use
 * @rx_queues: RX queues the VF may use
 * @max_frame: largest SET_LPE frame the PF accepts
 * @features: IGX_MBX_F_* bits; a VF ignores bits it does not know
 */
struct igx_mbx_caps {
	u8 tx_queues;
	u8 rx_queues;
	u32 max_frame;
	u32 features;
};

/**
 * struct igx_mbx_req - a VF request, decoded
 * @id: enum igx_mbx_id
 * @mac: SET_MAC_ADDR: @mac.op is enum igx_mbx_mac_op
 * @mc: SET_MULTICAST: @mc.count hashes in @mc.hash
 * @vlan: SET_VLAN
 * @lpe: SET_LPE
 * @promisc: SET_PROMISC
 * @api: API_NEGOTIATE: proposed version
 * @xcast: SET_XCAST_MODE: @xcast.mode is enum igx_mbx_xcast
 *
 * Fields of other messages are zero after igx_mbx_parse_req().
 */
struct igx_mbx_req {
	u16 id;
	union {
		struct {
			u8 op;
			u8 addr[ETH_ALEN];
		} mac;
		struct {
			u8 count;
			u16 hash[IGX_MBX_MC_MAX];
		} mc;
		struct {
			u16 vid;
			bool add;
		} vlan;
		struct {
			u32 max_frame;
		} lpe;
		struct {
			bool multicast;
		} promisc;
		struct {
			u32 version;
		} api;
		struct {
			u8 mode;
		} xcast;
	};
};

/**
 * struct igx_mbx_reply - the PF's answer to a request, decoded
 * @id: ID of the request answered
 * @info: MSGINFO of the request, echoed as igb does
 * @ack: true for ACK, false for NACK
 * @cts: the VF is clear to send (never set in a VF_RESET reply)
 * @reason: enum igx_mbx_nack_reason, for a NACK under IGX_MBX_API_1
 * @mac: VF_RESET ACK: the VF's MAC address
 * @version: API_NEGOTIATE ACK: the agreed version
 * @caps: GET_CAPS ACK
 * @link: GET_LINK_STATE ACK
 */
struct igx_mbx_reply {
	u16 id;
	u8 info;
	bool ack;
	bool cts;
	u8 reason;
	union {
		u8 mac[ETH_ALEN];
		u32 version;
		struct igx_mbx_caps caps;
		struct igx_mbx_link link;
	};
};

/**
 * struct igx_mbx_event - a message the PF sent on its own
 * @id: IGX_MBX_PF_CONTROL, IGX_MBX_LINK_STATE, or IGX_MBX_ID_NONE for the
 *	bare NACK an igb PF sends to a VF that lost CTS
 * @cts: the VF is still clear to send; false means: do a VF reset
 * @link: IGX_MBX_LINK_STATE only
 */
struct igx_mbx_event {
	u16 id;
	bool cts;
	struct igx_mbx_link link;
};

unsigned int igx_mbx_req_len(u32 hdr);
unsigned int igx_mbx_pf_msg_len(u32 hdr, u32 api);
int igx_mbx_encode_req(const struct igx_mbx_req *req, struct igx_mbx_msg *msg);
int igx_mbx_parse_req(const struct igx_mbx_msg *msg, struct igx_mbx_req *req);
int igx_mbx_encode_reply(const struct igx_mbx_reply *reply, u32 api,
			 struct igx_mbx_msg *msg);
int igx_mbx_parse_reply(const struct igx_mbx_msg *msg, u16 req_id, u32 api,
			struct igx_mbx_reply *reply);
int igx_mbx_encode_event(const struct igx_mbx_event *ev,
			 struct igx_mbx_msg *msg);
int igx_mbx_parse_event(const struct igx_mbx_msg *msg,
			struct igx_mbx_event *ev);
int igx_mbx_nack_errno(u8 reason);
u8 igx_mbx_errno_nack(int err);
bool igx_mbx_id_is_ext(u16 id);
const char *igx_mbx_id_name(u16 id);

/* --- Register access ------------------------------------------------- */

/**
 * struct igx_mbx_ops - register access for a mailbox transport
 * @read32: read a 32-bit register at a BAR offset; all-ones means the
 *	device is gone
 * @write32: write a 32-bit register
 * @sleep: optional; sleep at least @min_us. NULL means usleep_range().
 *	A KUnit fake advances its clock here and runs the other side.
 */
struct igx_mbx_ops {
	u32 (*read32)(void *ctx, u32 reg);
	void (*write32)(void *ctx, u32 reg, u32 val);
	void (*sleep)(void *ctx, unsigned int min_us, unsigned int max_us);
};

/**
 * struct igx_mbx_io - register access plus its context
 * @ops: the accessors
 * @ctx: passed to every accessor
 * @dev: for log messages, may be NULL
 */
struct igx_mbx_io {
	const struct igx_mbx_ops *ops;
	void *ctx;
	struct device *dev;
};

/* Lock attempts (write, read back) before a side gives up with -EBUSY. */
#define IGX_MBX_LOCK_TRIES	10
#define IGX_MBX_LOCK_SLEEP_US	100
/* A VF waits this long for the PF's ACK, then as long for the reply. */
#define IGX_MBX_VF_TIMEOUT_US	(2 * USEC_PER_SEC)

/* --- PF transport ---------------------------------------------------- */

/**
 * struct igx_mbx_pf - the PF's side of all VF mailboxes
 * @io: register access to the PF BAR
 * @num_vfs: VFs enabled (at most IGX_MAX_VFS)
 * @req_pending: VFs whose REQ was seen and whose message is not read yet
 *	(MBVFICR is write-1-to-clear, so the PF keeps the bits itself)
 * @unacked: VFs that have not acknowledged the PF's last reply yet; a
 *	message the PF sends on its own must not overwrite it
 *
 * All calls for one VF must be serialized by the caller (the PF driver
 * handles mailboxes from one work item). They may sleep.
 */
struct igx_mbx_pf {
	struct igx_mbx_io io;
	unsigned int num_vfs;
	unsigned long req_pending;
	unsigned long unacked;
};

/**
 * struct igx_mbx_pf_events - what igx_mbx_pf_poll() found, one bit per VF
 * @req: a message is waiting (including ones seen before and not read)
 * @ack: the VF consumed a message from the PF
 * @rst: the VF was reset (FLR, VF enable, VTCTRL.RST): VFLRE
 */
struct igx_mbx_pf_events {
	unsigned long req;
	unsigned long ack;
	unsigned long rst;
};

void igx_mbx_pf_init(struct igx_mbx_pf *pf, const struct igx_mbx_ops *ops,
		     void *ctx, struct device *dev, unsigned int num_vfs);
int igx_mbx_pf_poll(struct igx_mbx_pf *pf, struct igx_mbx_pf_events *ev);
int igx_mbx_pf_lock(struct igx_mbx_pf *pf, unsigned int vf);
void igx_mbx_pf_unlock(struct igx_mbx_pf *pf, unsigned int vf);
int igx_mbx_pf_read(struct igx_mbx_pf *pf, unsigned int vf,
		    struct igx_mbx_msg *msg);
int igx_mbx_pf_reply(struct igx_mbx_pf *pf, unsigned int vf,
		     const struct igx_mbx_msg *msg);
int igx_mbx_pf_send(struct igx_mbx_pf *pf, unsigned int vf,
		    const struct igx_mbx_msg *msg);
void igx_mbx_pf_reset_vfu(struct igx_mbx_pf *pf, unsigned int vf);
void igx_mbx_pf_drop(struct igx_mbx_pf *pf, unsigned int vf);
void igx_mbx_pf_device_reset(struct igx_mbx_pf *pf);

/* --- VF transport ---------------------------------------------------- */

/**
 * struct igx_mbx_vf_stats - VF mailbox counters
 * @tx: requests written
 * @rx: messages read from the PF
 * @nacks: requests the PF refused
 * @timeouts: waits that ran out
 * @resets: PF resets seen (RSTI or RSTD)
 * @events: unsolicited PF messages
 */
struct igx_mbx_vf_stats {
	u64 tx;
	u64 rx;
	u64 nacks;
	u64 timeouts;
	u64 resets;
	u64 events;
};

/**
 * struct igx_mbx_vf - the VF's side of its mailbox
 * @io: register access to the VF BAR
 * @lock: serializes transactions (requests come from several contexts)
 * @v2p: V2PMAILBOX read-to-clear bits seen and not consumed yet
 * @api: negotiated enum igx_mbx_api; IGX_MBX_API_BASE after a reset
 * @timeout_us: bound of each wait (PF ACK, then PF reply)
 * @event_pending: @event holds an unsolicited message not yet polled
 * @event: the newest unsolicited PF message
 * @stats: counters
 *
 * The VF polls: it never needs the mailbox interrupt, which QEMU 10
 * delivers on the wrong MSI-X vector.
 */
struct igx_mbx_vf {
	struct igx_mbx_io io;
	struct mutex lock; /* see above */
	u32 v2p;
	u32 api;
	u32 timeout_us;
	bool event_pending;
	struct igx_mbx_event event;
	struct igx_mbx_vf_stats stats;
};

void igx_mbx_vf_init(struct igx_mbx_vf *vf, const struct igx_mbx_ops *ops,
		     void *ctx, struct device *dev);
void igx_mbx_vf_destroy(struct igx_mbx_vf *vf);
int igx_mbx_vf_reset_pending(struct igx_mbx_vf *vf);
int igx_mbx_vf_wait_pf_ready(struct igx_mbx_vf *vf);
int igx_mbx_vf_request(struct igx_mbx_vf *vf, const struct igx_mbx_req *req,
		       struct igx_mbx_reply *reply);
int igx_mbx_vf_reset(struct igx_mbx_vf *vf, u8 *mac);
int igx_mbx_vf_negotiate(struct igx_mbx_vf *vf);
int igx_mbx_vf_poll(struct igx_mbx_vf *vf, struct igx_mbx_event *ev);

/* --- PF request policy ----------------------------------------------- */

/**
 * struct igx_mbx_pf_vf_stats - per-VF mailbox counters on the PF
 * @msgs: requests read
 * @acks: requests answered with ACK
 * @nacks: requests answered with NACK
 * @malformed: requests refused by the parser
 * @deferred: times a request was left waiting by the throttle
 * @throttled: requests NACKed because the VF exceeded its rate
 * @resets: VF resets (VF_RESET requests and VFLRE events)
 * @lock_busy: mailbox lock not obtained
 * @cts_owed: CTS sent to a VF silent after its VF_RESET (igx_mbx_pf_cts_owed())
 */
struct igx_mbx_pf_vf_stats {
	u64 msgs;
	u64 acks;
	u64 nacks;
	u64 malformed;
	u64 deferred;
	u64 throttled;
	u64 resets;
	u64 lock_busy;
	u64 cts_owed;
};

/**
 * struct igx_mbx_pf_vf - what the PF's mailbox policy knows about one VF
 * @vf: VF number
 * @cts: the VF completed VF_RESET: clear to send other requests
 * @trusted: ip link set ... trust on
 * @api: negotiated enum igx_mbx_api
 * @tat_ns: throttle state (theoretical arrival time, GCRA)
 * @lock_fails: consecutive failures to take the mailbox lock
 * @log_start_ns: start of the current log window
 * @log_count: messages logged in the window
 * @log_suppressed: messages not logged in the window
 * @cts_owed: the last message to the VF was the VF_RESET reply, which has
 *	no CTS; see igx_mbx_pf_cts_owed()
 * @cts_owed_ns: when that reply was sent
 * @stats: counters
 */
struct igx_mbx_pf_vf {
	unsigned int vf;
	bool cts;
	bool cts_owed;
	u64 cts_owed_ns;
	bool trusted;
	u32 api;
	u64 tat_ns;
	unsigned int lock_fails;
	u64 log_start_ns;
	unsigned int log_count;
	unsigned int log_suppressed;
	struct igx_mbx_pf_vf_stats stats;
};

/**
 * struct igx_mbx_pf_policy_ops - the PF driver's part of the policy
 * @apply: program the hardware for a valid, admitted request and fill the
 *	reply payload (VF_RESET: @reply->mac, zero if none; GET_CAPS,
 *	GET_LINK_STATE). Return 0 for ACK or a negative errno for NACK.
 *	Not called for API_NEGOTIATE, which the policy answers itself.
 * @log: optional; called rate-limited per VF for each refused request,
 *	with the request header, the errno and how many earlier reports were
 *	suppressed.
 */
struct igx_mbx_pf_policy_ops {
	int (*apply)(void *priv, struct igx_mbx_pf_vf *vf,
		     const struct igx_mbx_req *req,
		     struct igx_mbx_reply *reply);
	void (*log)(void *priv, const struct igx_mbx_pf_vf *vf, u32 hdr,
		    int err, unsigned int suppressed);
};

/**
 * struct igx_mbx_pf_policy - PF mailbox policy, shared by all VFs
 * @ops: the PF driver's callbacks
 * @priv: passed to @ops
 * @api_max: highest enum igx_mbx_api offered; IGX_MBX_API_BASE makes the
 *	PF answer like a stock igb PF
 * @rate: requests per second each VF may send, 0 for no limit
 * @burst: requests a VF may send at once before @rate applies
 * @max_defer_ns: a request that would wait longer is NACKed (BUSY)
 * @log_burst: reports per VF per @log_interval_ns
 * @log_interval_ns: see @log_burst
 */
struct igx_mbx_pf_policy {
	const struct igx_mbx_pf_policy_ops *ops;
	void *priv;
	u32 api_max;
	u32 rate;
	u32 burst;
	u64 max_defer_ns;
	u32 log_burst;
	u64 log_interval_ns;
};

void igx_mbx_pf_policy_init(struct igx_mbx_pf_policy *pol,
			    const struct igx_mbx_pf_policy_ops *ops,
			    void *priv);
void igx_mbx_pf_vf_init(struct igx_mbx_pf_vf *vfp, unsigned int vf);
void igx_mbx_pf_vf_reset_event(struct igx_mbx_pf_vf *vfp);
u64 igx_mbx_pf_throttle(const struct igx_mbx_pf_policy *pol,
			struct igx_mbx_pf_vf *vfp, u64 now_ns);
int igx_mbx_pf_check(const struct igx_mbx_pf_policy *pol,
		     const struct igx_mbx_pf_vf *vfp,
		     const struct igx_mbx_req *req);
s64 igx_mbx_pf_serve(struct igx_mbx_pf *pf,
		     const struct igx_mbx_pf_policy *pol,
		     struct igx_mbx_pf_vf *vfp, u64 now_ns);
int igx_mbx_pf_notify(struct igx_mbx_pf *pf, struct igx_mbx_pf_vf *vfp,
		      const struct igx_mbx_link *link);
bool igx_mbx_pf_cts_owed(const struct igx_mbx_pf_vf *vfp, u64 now_ns);

#endif /* _IGX_MBX_H_ */
