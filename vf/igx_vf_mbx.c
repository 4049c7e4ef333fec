// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * igx_vf: what the VF asks of its PF. The transport (mailbox/) moves the
 * words; this file decides what to send: the reset handshake and the
 * configuration the PF must hold for the VF (MAC, frame size, VLANs,
 * multicast), replayed after every reset. It works against the stock igb
 * PF (82576 base protocol) and uses the igx extensions when the PF
 * negotiates them.
 */

#include <linux/etherdevice.h>

#include "vf/igx_vf.h"

/* Stale PF messages dropped after a handshake, at most. */
#define IGX_MBX_VF_STALE_MAX	4

static u32 igx_vf_mbx_read32(void *ctx, u32 reg)
{
	return igx_rd32(ctx, reg);
}

static void igx_vf_mbx_write32(void *ctx, u32 reg, u32 val)
{
	igx_wr32(ctx, reg, val);
}

static const struct igx_mbx_ops igx_vf_mbx_ops = {
	.read32 = igx_vf_mbx_read32,
	.write32 = igx_vf_mbx_write32,
};

/**
 * igx_vf_mbx_init() - set up the mailbox transport on BAR 0
 * @vf: the adapter
 */
void igx_vf_mbx_init(struct igx_vf *vf)
{
	igx_mbx_vf_init(&vf->mbx, &igx_vf_mbx_ops, &vf->hw, &vf->pdev->dev);
}

/**
 * igx_vf_request() - send one request, outside the reset handshake
 * @vf: the adapter
 * @req: the request
 *
 * A PF that is resetting, lost our CTS or does not answer makes the
 * watchdog redo the handshake; the caller gets -EAGAIN at once instead
 * of waiting for it.
 *
 * Return: 0 on ACK, the NACK's errno (-EPERM from a stock igb PF),
 * -EAGAIN while the PF is unreachable, -ENODEV, or another transport
 * errno.
 */
int igx_vf_request(struct igx_vf *vf, const struct igx_mbx_req *req)
{
	struct igx_mbx_reply reply;
	int err;

	if (test_bit(IGX_VF_S_RESET_NEEDED, &vf->state) ||
	    test_bit(IGX_VF_S_PF_LOST, &vf->state))
		return -EAGAIN;
	err = igx_mbx_vf_request(&vf->mbx, req, &reply);
	switch (err) {
	case -ETIMEDOUT:
		set_bit(IGX_VF_S_PF_LOST, &vf->state);
		fallthrough;
	case -ENETRESET:
	case -ENOTCONN:
		igx_vf_schedule_reset(vf);
		return -EAGAIN;
	default:
		return err;
	}
}

/* One line per refused request: what was not done, and why. */
static void igx_vf_refused(struct igx_vf *vf, int err, const char *what)
{
	if (err == -EAGAIN)
		netdev_warn(vf->netdev,
			    "%s: the PF is resetting or not answering, try again\n",
			    what);
	else
		netdev_warn(vf->netdev, "%s: refused by the PF (%pe)\n", what,
			    ERR_PTR(err));
}

/**
 * igx_vf_set_mac() - ask the PF to filter a new primary MAC for the VF
 * @vf: the adapter
 * @addr: the address
 *
 * Return: 0, or the errno of igx_vf_request(); a refusal is logged.
 */
int igx_vf_set_mac(struct igx_vf *vf, const u8 *addr)
{
	struct igx_mbx_req req = {
		.id = IGX_MBX_SET_MAC_ADDR,
		.mac.op = IGX_MBX_MAC_PRIMARY,
	};

	char what[32];
	int err;

	ether_addr_copy(req.mac.addr, addr);
	err = igx_vf_request(vf, &req);
	if (err) {
		snprintf(what, sizeof(what), "MAC %pM not set", addr);
		igx_vf_refused(vf, err, what);
	}
	return err;
}

/**
 * igx_vf_set_vlan() - add or remove a VLAN filter of the VF
 * @vf: the adapter
 * @vid: VLAN ID
 * @add: add, else remove
 *
 * Return: 0, or the errno of igx_vf_request(); a refusal is logged.
 */
int igx_vf_set_vlan(struct igx_vf *vf, u16 vid, bool add)
{
	const struct igx_mbx_req req = {
		.id = IGX_MBX_SET_VLAN,
		.vlan.vid = vid,
		.vlan.add = add,
	};
	char what[32];
	int err;

	err = igx_vf_request(vf, &req);
	if (err) {
		snprintf(what, sizeof(what), "VLAN %u not %s", vid,
			 add ? "added" : "removed");
		igx_vf_refused(vf, err, what);
	}
	return err;
}

/**
 * igx_vf_set_lpe() - tell the PF the largest frame the VF receives
 * @vf: the adapter
 * @mtu: the MTU; one VLAN tag is added, as igbvf does
 *
 * Return: 0, or the errno of igx_vf_request(); a refusal is logged.
 */
int igx_vf_set_lpe(struct igx_vf *vf, unsigned int mtu)
{
	const struct igx_mbx_req req = {
		.id = IGX_MBX_SET_LPE,
		.lpe.max_frame = mtu + ETH_HLEN + ETH_FCS_LEN + VLAN_HLEN,
	};
	char what[32];
	int err;

	err = igx_vf_request(vf, &req);
	if (err) {
		snprintf(what, sizeof(what), "MTU %u not set", mtu);
		igx_vf_refused(vf, err, what);
	}
	return err;
}

/* 82576 MTA hash with RCTL.MO = 0: bits 47:36 of the address. */
static u16 igx_vf_mc_hash(const u8 *addr)
{
	return ((addr[5] << 4) | (addr[4] >> 4)) & IGX_MBX_MC_HASH;
}

static int igx_vf_set_xcast(struct igx_vf *vf, u8 mode)
{
	struct igx_mbx_req req = {};
	int err;

	if (vf->api >= IGX_MBX_API_1 && vf->caps.features & IGX_MBX_F_XCAST) {
		req.id = IGX_MBX_SET_XCAST_MODE;
		req.xcast.mode = mode;
		err = igx_vf_request(vf, &req);
		/* An untrusted VF gets ALLMULTI at most. */
		if (err == -EPERM && mode == IGX_MBX_XCAST_PROMISC)
			return igx_vf_set_xcast(vf, IGX_MBX_XCAST_ALLMULTI);
		if (!err)
			vf->xcast = mode;
		return err;
	}
	/* Base protocol: multicast promiscuous is all there is. */
	if (mode == IGX_MBX_XCAST_PROMISC)
		mode = IGX_MBX_XCAST_ALLMULTI;
	if (mode == vf->xcast)
		return 0;
	req.id = IGX_MBX_SET_PROMISC;
	req.promisc.multicast = mode == IGX_MBX_XCAST_ALLMULTI;
	err = igx_vf_request(vf, &req);
	if (!err)
		vf->xcast = mode;
	return err;
}

/*
 * The secondary unicast addresses (macvlan, bridges, ...) as extra MAC
 * filters: CLR, then one ADD each, sent only when the list changed or
 * the PF forgot it at a handshake. Returns how many of the netdev's
 * addresses the PF does not filter for us, or -EAGAIN to try again.
 */
static int igx_vf_sync_uc(struct igx_vf *vf)
{
	struct igx_mbx_req req = { .id = IGX_MBX_SET_MAC_ADDR };
	struct net_device *netdev = vf->netdev;
	u8 addrs[IGX_VF_MAX_UC][ETH_ALEN];
	unsigned int count, n = 0, i;
	struct netdev_hw_addr *ha;
	int err = 0;

	netif_addr_lock_bh(netdev);
	count = netdev_uc_count(netdev);
	netdev_for_each_uc_addr(ha, netdev) {
		if (n == IGX_VF_MAX_UC)
			break;
		ether_addr_copy(addrs[n++], ha->addr);
	}
	netif_addr_unlock_bh(netdev);

	if (vf->uc_synced && n == vf->uc_count &&
	    !memcmp(addrs, vf->uc_addrs, n * ETH_ALEN))
		return count - vf->uc_filtered;

	vf->uc_synced = false;
	if (n || vf->uc_filtered) {
		req.mac.op = IGX_MBX_MAC_FILTER_CLR;
		err = igx_vf_request(vf, &req);
		if (err == -EAGAIN)
			return err;
	}
	vf->uc_filtered = 0;
	req.mac.op = IGX_MBX_MAC_FILTER_ADD;
	for (i = 0; i < n; i++) {
		ether_addr_copy(req.mac.addr, addrs[i]);
		err = igx_vf_request(vf, &req);
		if (err == -EAGAIN)
			return err;
		/* Refused (no room, no trust): the rest would be too. */
		if (err)
			break;
		vf->uc_filtered++;
	}
	memcpy(vf->uc_addrs, addrs, n * ETH_ALEN);
	vf->uc_count = n;
	vf->uc_synced = true;
	if (count > vf->uc_filtered)
		netdev_info(netdev,
			    "the PF filters %u of %u unicast addresses (%pe): promiscuous requested\n",
			    vf->uc_filtered, count,
			    ERR_PTR(i < n ? err : -ENOSPC));
	return count - vf->uc_filtered;
}

/**
 * igx_vf_sync_rx_mode() - give the PF the address lists and the mode
 * @vf: the adapter
 *
 * Secondary unicast addresses become extra MAC filters. Up to 30
 * multicast addresses fit the hash list. More, IFF_ALLMULTI or
 * IFF_PROMISC ask for all-multicast; IFF_PROMISC or unicast addresses
 * the PF did not take ask for promiscuous, which an igx PF grants only
 * to a trusted VF. What the PF refuses is logged once: nothing is
 * dropped silently. Runs under RTNL from the watchdog.
 */
void igx_vf_sync_rx_mode(struct igx_vf *vf)
{
	struct igx_mbx_req req = { .id = IGX_MBX_SET_MULTICAST };
	struct net_device *netdev = vf->netdev;
	struct netdev_hw_addr *ha;
	unsigned int count, flags;
	int err, uc_lost;
	u8 mode;

	clear_bit(IGX_VF_S_RX_MODE, &vf->state);
	uc_lost = igx_vf_sync_uc(vf);
	if (uc_lost < 0)
		goto retry;
	netif_addr_lock_bh(netdev);
	flags = netdev->flags;
	count = netdev_mc_count(netdev);
	netdev_for_each_mc_addr(ha, netdev) {
		if (req.mc.count == IGX_MBX_MC_MAX)
			break;
		req.mc.hash[req.mc.count++] = igx_vf_mc_hash(ha->addr);
	}
	netif_addr_unlock_bh(netdev);

	err = igx_vf_request(vf, &req);
	if (err)
		goto retry;

	if (flags & IFF_PROMISC || uc_lost)
		mode = IGX_MBX_XCAST_PROMISC;
	else if (flags & IFF_ALLMULTI || count > IGX_MBX_MC_MAX)
		mode = IGX_MBX_XCAST_ALLMULTI;
	else
		mode = IGX_MBX_XCAST_MULTI;
	err = igx_vf_set_xcast(vf, mode);
	if (err == -EAGAIN)
		goto retry;
	if (err && mode != IGX_MBX_XCAST_MULTI) {
		if (!vf->mc_warned)
			netdev_warn(netdev,
				    "the PF refused all-multicast (%pe): %u of %u multicast addresses are filtered\n",
				    ERR_PTR(err), req.mc.count, count);
		vf->mc_warned = true;
		return;
	}
	if (mode != IGX_MBX_XCAST_MULTI && !vf->mc_warned) {
		vf->drv.mc_promisc++;
		if (count > IGX_MBX_MC_MAX)
			netdev_info(netdev,
				    "%u multicast addresses exceed the %u the PF filters: all-multicast requested\n",
				    count, IGX_MBX_MC_MAX);
		if (mode == IGX_MBX_XCAST_PROMISC &&
		    vf->xcast != IGX_MBX_XCAST_PROMISC)
			netdev_info(netdev,
				    "unicast promiscuous needs a trusted VF on an igx PF: all-multicast only, %d unicast addresses not received\n",
				    uc_lost);
	}
	vf->mc_warned = mode != IGX_MBX_XCAST_MULTI;
	return;

retry:
	/* The handshake after the PF comes back sends it again. */
	set_bit(IGX_VF_S_RX_MODE, &vf->state);
}

static void igx_vf_restore_vlans(struct igx_vf *vf)
{
	unsigned int vid;

	for_each_set_bit(vid, vf->active_vlans, VLAN_N_VID)
		igx_vf_set_vlan(vf, vid, true);
}

/* The PF's MAC for the VF, or our own if it has none. */
static int igx_vf_handshake_mac(struct igx_vf *vf, const u8 *pf_mac)
{
	struct net_device *netdev = vf->netdev;

	if (is_valid_ether_addr(pf_mac)) {
		if (ether_addr_equal(netdev->dev_addr, pf_mac))
			return 0;
		if (netdev->reg_state == NETREG_REGISTERED)
			netdev_info(netdev, "the PF assigned MAC %pM\n",
				    pf_mac);
		eth_hw_addr_set(netdev, pf_mac);
		ether_addr_copy(netdev->perm_addr, pf_mac);
		if (netdev->reg_state == NETREG_REGISTERED) {
			call_netdevice_notifiers(NETDEV_CHANGEADDR, netdev);
			/* Peers still have the old MAC in their caches. */
			set_bit(IGX_VF_S_ANNOUNCE, &vf->state);
		}
		return 0;
	}
	if (!is_valid_ether_addr(netdev->dev_addr)) {
		eth_hw_addr_random(netdev);
		dev_info(&vf->pdev->dev,
			 "the PF assigned no MAC address: using random %pM\n",
			 netdev->dev_addr);
	}
	return igx_vf_set_mac(vf, netdev->dev_addr);
}

static int igx_vf_handshake_ext(struct igx_vf *vf)
{
	struct igx_mbx_req req = { .id = IGX_MBX_GET_CAPS };
	struct igx_mbx_reply reply;
	int err;

	err = igx_mbx_vf_request(&vf->mbx, &req, &reply);
	if (err)
		return err;
	vf->caps = reply.caps;
	if (!(vf->caps.features & IGX_MBX_F_LINK_STATE))
		return 0;
	req.id = IGX_MBX_GET_LINK_STATE;
	err = igx_mbx_vf_request(&vf->mbx, &req, &reply);
	if (!err)
		vf->ext_link = reply.link;
	return err;
}

/*
 * A message the PF sent before it saw VF_RESET (an igb PF pings without
 * CTS when its link changes) is read during the handshake and kept as an
 * event; it describes the time before the reset, so drop it. A PF reset
 * meanwhile still shows in RSTI/RSTD.
 */
static void igx_vf_drain_stale_events(struct igx_vf *vf)
{
	struct igx_mbx_event ev;
	unsigned int i;

	for (i = 0; i < IGX_MBX_VF_STALE_MAX; i++) {
		if (igx_mbx_vf_poll(&vf->mbx, &ev) <= 0)
			break;
		if (ev.id == IGX_MBX_LINK_STATE)
			vf->ext_link = ev.link;
	}
}

/**
 * igx_vf_reset_exchange() - reset the VF and make it clear to send
 * @vf: the adapter; queues stopped
 * @mac: filled with the MAC the PF gave the VF (zero: none)
 *
 * CTRL.RST stops the VF's queues and tells the PF; VF_RESET makes the
 * VF clear to send and returns its MAC. This is the part that waits for
 * a PF that may not answer, so the watchdog runs it without RTNL.
 *
 * Return: 0, or an errno of the transport: -ETIMEDOUT or -ENETRESET
 * while the PF is away, -ENODEV once the VF is gone.
 */
int igx_vf_reset_exchange(struct igx_vf *vf, u8 *mac)
{
	struct igx_hw *hw = &vf->hw;
	int err;

	/* A PF in reset answers nothing: do not wait for it. */
	err = igx_mbx_vf_reset_pending(&vf->mbx);
	if (err < 0)
		return err;
	if (READ_ONCE(vf->mbx.v2p) & IGX_V2PMAILBOX_RSTI)
		return -ENETRESET;

	igx_wr32(hw, IGX_CTRL, IGX_CTRL_RST);
	igx_flush(hw);
	if (igx_hw_gone(hw))
		return -ENODEV;
	return igx_mbx_vf_reset(&vf->mbx, mac);
}

/**
 * igx_vf_register() - register a VF that is clear to send with the PF
 * @vf: the adapter; queues stopped; RTNL held once registered
 * @mac: the MAC of igx_vf_reset_exchange()
 *
 * The protocol version, then everything the PF forgot: MAC, frame size,
 * VLANs, multicast. A PF that answered VF_RESET answers these at once.
 *
 * Return: 0, or an errno of the transport, which the watchdog retries.
 */
int igx_vf_register(struct igx_vf *vf, const u8 *mac)
{
	int api, err;

	/*
	 * A PF that refused the extensions once keeps refusing them: the PF
	 * driver cannot change under a VF without removing it. Asking again
	 * would only add a NACK and a log line per reset.
	 */
	if (vf->pf_base_only) {
		api = IGX_MBX_API_BASE;
	} else {
		api = igx_mbx_vf_negotiate(&vf->mbx);
		if (api < 0)
			return api;
		vf->pf_base_only = api == IGX_MBX_API_BASE;
	}
	vf->api = api;
	memset(&vf->caps, 0, sizeof(vf->caps));
	memset(&vf->ext_link, 0, sizeof(vf->ext_link));
	if (api >= IGX_MBX_API_1) {
		err = igx_vf_handshake_ext(vf);
		if (err)
			return err;
	}

	igx_vf_drain_stale_events(vf);
	clear_bit(IGX_VF_S_RESET_NEEDED, &vf->state);
	clear_bit(IGX_VF_S_PF_LOST, &vf->state);
	vf->xcast = IGX_MBX_XCAST_MULTI;
	vf->mc_warned = false;
	/*
	 * An igx PF drops the extra MAC filters at VF_RESET; send them again
	 * (after a CLR, for a PF that kept them).
	 */
	vf->uc_synced = false;

	err = igx_vf_handshake_mac(vf, mac);
	if (!err)
		err = igx_vf_set_lpe(vf, vf->netdev->mtu);
	if (err == -EAGAIN)
		return -ENETRESET;
	/* A refused MAC or MTU is logged; the VF still works with the rest. */
	igx_vf_restore_vlans(vf);
	/* The address lists are usable once registered; else later. */
	if (vf->netdev->reg_state == NETREG_REGISTERED)
		igx_vf_sync_rx_mode(vf);
	else
		set_bit(IGX_VF_S_RX_MODE, &vf->state);
	igx_vf_irq_configure(vf);
	igx_vf_read_hw_stats(vf, true);
	vf->drv.resets++;
	return test_bit(IGX_VF_S_RESET_NEEDED, &vf->state) ? -ENETRESET : 0;
}

/**
 * igx_vf_handshake() - reset the VF and (re)register it with the PF
 * @vf: the adapter; queues stopped; RTNL held once registered
 *
 * Probe and ndo_open wait for the PF here; the watchdog runs the two
 * halves itself, the first without RTNL (igx_vf_recover()).
 *
 * Return: 0, or the errno of either half.
 */
int igx_vf_handshake(struct igx_vf *vf)
{
	u8 mac[ETH_ALEN];
	int err;

	err = igx_vf_reset_exchange(vf, mac);
	return err ?: igx_vf_register(vf, mac);
}

/**
 * igx_vf_poll_events() - act on messages the PF sent on its own
 * @vf: the adapter
 *
 * A PF_CONTROL without CTS (stock igb: PF reset or down) and a lost CTS
 * mean: redo the handshake. LINK_STATE (igx PF) carries the link.
 */
void igx_vf_poll_events(struct igx_vf *vf)
{
	struct igx_mbx_event ev;
	int ret;

	ret = igx_mbx_vf_poll(&vf->mbx, &ev);
	if (ret <= 0)
		return;
	if (!ev.cts) {
		if (!test_and_set_bit(IGX_VF_S_RESET_NEEDED, &vf->state))
			vf->drv.pf_resets++;
		return;
	}
	if (ev.id == IGX_MBX_LINK_STATE)
		vf->ext_link = ev.link;
}
