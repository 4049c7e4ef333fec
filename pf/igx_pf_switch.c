// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * The 82576's internal switch: MAC and VLAN filters with pool select, the
 * per-pool accept policy (VMOLR), port VLAN insertion (VMVIR), anti-spoof
 * and loopback (DTXSWC), the rate limiter and per-pool RX/TX enables.
 *
 * The software state in struct igx_vport is the truth; these functions
 * write it to the device and can rebuild everything after a reset. All
 * are called with pf->lock held.
 */

#include <linux/bitfield.h>
#include <linux/if_vlan.h>

#include "pf/igx_pf.h"

#define IGX_VF_DEFAULT_FRAME	(ETH_FRAME_LEN + ETH_FCS_LEN + VLAN_HLEN)

/**
 * igx_pf_rar_set() - point a receive address entry at a pool
 * @pf: the adapter
 * @idx: RAR index
 * @mac: address
 * @pool: the pool that receives frames for @mac
 */
void igx_pf_rar_set(struct igx_pf *pf, unsigned int idx, const u8 *mac,
		    unsigned int pool)
{
	u32 ral = get_unaligned_le32(mac);
	u32 rah = get_unaligned_le16(mac + 4);

	/* Clear AV first so the entry never matches half written. */
	igx_wr32(&pf->hw, IGX_RAH(idx), 0);
	igx_wr32(&pf->hw, IGX_RAL(idx), ral);
	igx_wr32(&pf->hw, IGX_RAH(idx), rah | IGX_RAH_AV |
		 FIELD_PREP(IGX_RAH_POOLSEL, BIT(pool)));
}

/**
 * igx_pf_mac_taken() - is an address filtered for a pool other than @pool?
 * @pf: the adapter
 * @mac: address
 * @pool: the pool asking (a VF number)
 *
 * Read back from the RAR table itself, so that the PF's own address, its
 * secondary addresses and every VF's primary and extra filters count. A
 * second entry for an address would hand a VF its neighbour's unicast.
 *
 * Return: true when another pool receives frames for @mac.
 */
bool igx_pf_mac_taken(struct igx_pf *pf, const u8 *mac, unsigned int pool)
{
	u32 ral = get_unaligned_le32(mac);
	u32 rah = get_unaligned_le16(mac + 4);
	unsigned int i;

	for (i = 0; i < IGX_RAR_ENTRIES; i++) {
		u32 hi = igx_rd32(&pf->hw, IGX_RAH(i));

		if (!(hi & IGX_RAH_AV) ||
		    FIELD_GET(IGX_RAH_ADDR_HI, hi) != rah ||
		    igx_rd32(&pf->hw, IGX_RAL(i)) != ral)
			continue;
		if (FIELD_GET(IGX_RAH_POOLSEL, hi) & ~BIT(pool))
			return true;
	}
	return false;
}

/**
 * igx_pf_rar_clear() - invalidate a receive address entry
 * @pf: the adapter
 * @idx: RAR index
 */
void igx_pf_rar_clear(struct igx_pf *pf, unsigned int idx)
{
	igx_wr32(&pf->hw, IGX_RAH(idx), 0);
	igx_wr32(&pf->hw, IGX_RAL(idx), 0);
}

static void igx_pf_vfta_set(struct igx_pf *pf, u16 vid, bool on)
{
	u32 reg = IGX_VFTA(vid / 32);
	u32 val = igx_rd32(&pf->hw, reg);

	if (on)
		val |= BIT(vid % 32);
	else
		val &= ~BIT(vid % 32);
	igx_wr32(&pf->hw, reg, val);
}

/*
 * VLAN 0 (priority tags) has one VLVF entry of its own, IGX_VLVF_VID0,
 * written at switch init for the PF's pool and never changed: 8021q adds
 * and deletes VLAN 0 at every PF up and down, and a VF's VLAN 0 request
 * needs no filter. Entries 1..31 are the shared ones.
 */
#define IGX_VLVF_VID0	0

/* The shared VLVF entry that holds @vid, or -ENOENT. */
static int igx_pf_vlvf_find(struct igx_pf *pf, u16 vid)
{
	int i;

	for (i = IGX_VLVF_VID0 + 1; i < IGX_VLVF_ENTRIES; i++) {
		u32 vlvf = igx_rd32(&pf->hw, IGX_VLVF(i));

		if ((vlvf & IGX_VLVF_VI_EN) && FIELD_GET(IGX_VLVF_VID, vlvf) == vid)
			return i;
	}
	return -ENOENT;
}

/* The first free shared VLVF entry, or -ENOSPC. */
static int igx_pf_vlvf_free(struct igx_pf *pf)
{
	int i;

	for (i = IGX_VLVF_VID0 + 1; i < IGX_VLVF_ENTRIES; i++)
		if (!(igx_rd32(&pf->hw, IGX_VLVF(i)) & IGX_VLVF_VI_EN))
			return i;
	return -ENOSPC;
}

/**
 * igx_pf_vlan_add() - let a pool receive a VLAN
 * @pf: the adapter
 * @vid: VLAN ID, 0..4094
 * @pool: the pool
 *
 * The 31 shared VLVF entries serve all pools; one entry per VLAN carries
 * a bitmap of its pools. VLAN 0 takes none of them (IGX_VLVF_VID0).
 *
 * Return: 0, or -ENOSPC when all entries hold other VLANs.
 */
int igx_pf_vlan_add(struct igx_pf *pf, u16 vid, unsigned int pool)
{
	int idx;
	u32 vlvf;

	if (!vid)
		return 0;
	idx = igx_pf_vlvf_find(pf, vid);
	if (idx < 0)
		idx = igx_pf_vlvf_free(pf);
	if (idx < 0)
		return idx;
	vlvf = igx_rd32(&pf->hw, IGX_VLVF(idx));
	vlvf = (vlvf & IGX_VLVF_POOLSEL) | FIELD_PREP(IGX_VLVF_VID, vid) |
	       FIELD_PREP(IGX_VLVF_POOLSEL, BIT(pool)) | IGX_VLVF_VI_EN;
	igx_wr32(&pf->hw, IGX_VLVF(idx), vlvf);
	igx_pf_vfta_set(pf, vid, true);
	return 0;
}

/**
 * igx_pf_vlan_fits() - whether @pool could take @vid once it is cleared
 * @pf: the adapter
 * @vid: VLAN ID
 * @pool: the pool about to be cleared (igx_pf_vport_clear())
 *
 * True when @vid has an entry, an entry is free, or an entry holds only
 * @pool (the clear frees it). Changes nothing: an admin command checks
 * this before it takes anything down.
 */
bool igx_pf_vlan_fits(struct igx_pf *pf, u16 vid, unsigned int pool)
{
	int i;

	if (!vid || igx_pf_vlvf_find(pf, vid) >= 0 || igx_pf_vlvf_free(pf) >= 0)
		return true;
	for (i = IGX_VLVF_VID0 + 1; i < IGX_VLVF_ENTRIES; i++)
		if (FIELD_GET(IGX_VLVF_POOLSEL, igx_rd32(&pf->hw, IGX_VLVF(i))) ==
		    BIT(pool))
			return true;
	return false;
}

/**
 * igx_pf_vlan_del() - stop a pool receiving a VLAN
 * @pf: the adapter
 * @vid: VLAN ID
 * @pool: the pool
 */
void igx_pf_vlan_del(struct igx_pf *pf, u16 vid, unsigned int pool)
{
	int idx;
	u32 vlvf;

	if (!vid)
		return;
	idx = igx_pf_vlvf_find(pf, vid);
	if (idx < 0)
		return;
	vlvf = igx_rd32(&pf->hw, IGX_VLVF(idx));
	vlvf &= ~FIELD_PREP(IGX_VLVF_POOLSEL, BIT(pool));
	if (!FIELD_GET(IGX_VLVF_POOLSEL, vlvf)) {
		vlvf = 0;
		igx_pf_vfta_set(pf, vid, false);
	}
	igx_wr32(&pf->hw, IGX_VLVF(idx), vlvf);
}

static u32 igx_pf_vmolr(const struct igx_vport *vp)
{
	u32 vmolr = IGX_VMOLR_BAM | IGX_VMOLR_STRVLAN | IGX_VMOLR_LPE |
		    FIELD_PREP(IGX_VMOLR_RLPML, vp->max_frame);

	if (!vp->port_vlan)
		vmolr |= IGX_VMOLR_AUPE;
	if (vp->mc_count || vp->xcast >= IGX_MBX_XCAST_MULTI)
		vmolr |= IGX_VMOLR_ROMPE;
	/* Multicast promiscuous per pool: not emulated by QEMU. */
	if (vp->xcast >= IGX_MBX_XCAST_ALLMULTI)
		vmolr |= IGX_VMOLR_MPME;
	if (vp->xcast == IGX_MBX_XCAST_PROMISC)
		vmolr |= IGX_VMOLR_ROPE;
	return vmolr;
}

/**
 * igx_pf_vport_policy() - write a VF's accept policy and the shared MTA
 * @pf: the adapter
 * @vf: VF number
 */
void igx_pf_vport_policy(struct igx_pf *pf, unsigned int vf)
{
	igx_wr32(&pf->hw, IGX_VMOLR(vf), igx_pf_vmolr(&pf->vports[vf]));
	igx_pf_mta_sync(pf);
}

/**
 * igx_pf_mta_sync() - write the shared multicast table
 * @pf: the adapter
 *
 * The MTA is one table for all pools (VMOLR.ROMPE selects who listens):
 * the union of the PF's addresses and every VF's hashes.
 */
void igx_pf_mta_sync(struct igx_pf *pf)
{
	u32 mta[IGX_MTA_WORDS] = {};
	unsigned int vf, i;

	bitmap_to_arr32(mta, pf->pf_mta, IGX_MTA_WORDS * 32);
	for (vf = 0; vf < pf->num_vfs; vf++) {
		struct igx_vport *vp = &pf->vports[vf];

		for (i = 0; i < vp->mc_count; i++) {
			u16 hash = vp->mc_hash[i] & IGX_MBX_MC_HASH;

			mta[hash / 32] |= BIT(hash % 32);
		}
	}
	for (i = 0; i < IGX_MTA_WORDS; i++)
		igx_wr32(&pf->hw, IGX_MTA(i), mta[i]);
}

/**
 * igx_pf_set_spoofchk() - MAC and VLAN anti-spoofing for a VF's pool
 * @pf: the adapter
 * @vf: VF number
 * @on: drop frames whose source MAC or VLAN is not the VF's own
 *
 * QEMU stores these bits but does not act on them.
 */
void igx_pf_set_spoofchk(struct igx_pf *pf, unsigned int vf, bool on)
{
	u32 bits = FIELD_PREP(IGX_DTXSWC_MAC_SPOOF, BIT(vf)) |
		   FIELD_PREP(IGX_DTXSWC_VLAN_SPOOF, BIT(vf));
	u32 val = igx_rd32(&pf->hw, IGX_DTXSWC);

	igx_wr32(&pf->hw, IGX_DTXSWC, on ? val | bits : val & ~bits);
}

/**
 * igx_pf_set_rate() - the 82576 transmit rate limiter of a VF's queue 0
 * @pf: the adapter
 * @vf: VF number
 * @mbps: limit in Mb/s, 0 to switch it off
 *
 * The rate factor is link speed / rate in 10.14 fixed point. QEMU does not
 * emulate the limiter (nor store these registers).
 */
void igx_pf_set_rate(struct igx_pf *pf, unsigned int vf, u32 mbps)
{
	u32 val = 0;

	if (mbps) {
		u32 rf_int = IGX_LINK_SPEED_MBPS / mbps;
		u32 rem = IGX_LINK_SPEED_MBPS % mbps;
		u32 rf_dec = div_u64((u64)rem << 14, mbps);

		val = IGX_RTTBCNRC_RS_ENA |
		      FIELD_PREP(IGX_RTTBCNRC_RF_INT, rf_int) |
		      FIELD_PREP(IGX_RTTBCNRC_RF_DEC, rf_dec);
	}
	igx_wr32(&pf->hw, IGX_RTTDQSEL, vf);
	/* Maximum memory window for 9728-byte frames, per the datasheet. */
	igx_wr32(&pf->hw, IGX_RTTBCNRM, 0x14);
	igx_wr32(&pf->hw, IGX_RTTBCNRC, val);
}

/**
 * igx_pf_vport_enable() - per-pool receive and transmit enable
 * @pf: the adapter
 * @vf: VF number (or IGX_PF_POOL)
 * @on: enable
 */
void igx_pf_vport_enable(struct igx_pf *pf, unsigned int vf, bool on)
{
	struct igx_hw *hw = &pf->hw;
	u32 re = igx_rd32(hw, IGX_VFRE), te = igx_rd32(hw, IGX_VFTE);

	if (on) {
		re |= BIT(vf);
		te |= BIT(vf);
	} else {
		re &= ~BIT(vf);
		te &= ~BIT(vf);
	}
	igx_wr32(hw, IGX_VFRE, re);
	igx_wr32(hw, IGX_VFTE, te);
}

/**
 * igx_pf_vf_filter_add() - an extra unicast address for a VF
 * @pf: the adapter
 * @vf: VF number
 * @mac: the address
 *
 * Return: 0, or -ENOSPC when the shared RAR entries are all taken.
 */
int igx_pf_vf_filter_add(struct igx_pf *pf, unsigned int vf, const u8 *mac)
{
	unsigned int i;

	for (i = IGX_RAR_SHARED_FIRST; i < IGX_RAR_ENTRIES; i++) {
		if (pf->rar_owner[i] >= 0)
			continue;
		pf->rar_owner[i] = vf;
		pf->vports[vf].num_filters++;
		igx_pf_rar_set(pf, i, mac, vf);
		return 0;
	}
	return -ENOSPC;
}

/**
 * igx_pf_vf_filters_clear() - drop every extra unicast address of a VF
 * @pf: the adapter
 * @vf: VF number
 */
void igx_pf_vf_filters_clear(struct igx_pf *pf, unsigned int vf)
{
	unsigned int i;

	for (i = IGX_RAR_SHARED_FIRST; i < IGX_RAR_ENTRIES; i++) {
		if (pf->rar_owner[i] != vf)
			continue;
		pf->rar_owner[i] = -1;
		igx_pf_rar_clear(pf, i);
	}
	pf->vports[vf].num_filters = 0;
}

/**
 * igx_pf_vport_apply() - write a VF's whole VPort from its software state
 * @pf: the adapter
 * @vf: VF number
 *
 * Does not touch the pool's RX/TX enable: that follows the VF's reset
 * handshake and the admin link state.
 */
void igx_pf_vport_apply(struct igx_pf *pf, unsigned int vf)
{
	struct igx_vport *vp = &pf->vports[vf];
	struct igx_hw *hw = &pf->hw;
	unsigned int vid;

	if (is_valid_ether_addr(vp->mac))
		igx_pf_rar_set(pf, IGX_RAR_VF(vf), vp->mac, vf);
	else
		igx_pf_rar_clear(pf, IGX_RAR_VF(vf));

	if (vp->port_vlan) {
		igx_pf_vlan_add(pf, vp->port_vlan, vf);
		igx_wr32(hw, IGX_VMVIR(vf),
			 FIELD_PREP(IGX_VMVIR_TCI, vp->port_vlan |
				    (vp->qos << VLAN_PRIO_SHIFT)) |
			 FIELD_PREP(IGX_VMVIR_VLANA, IGX_VMVIR_VLANA_DEFAULT));
	} else {
		igx_wr32(hw, IGX_VMVIR(vf), 0);
		for_each_set_bit(vid, vp->vlans, VLAN_N_VID)
			igx_pf_vlan_add(pf, vid, vf);
	}
	igx_wr32(hw, IGX_VMOLR(vf), igx_pf_vmolr(vp));
	igx_pf_set_spoofchk(pf, vf, vp->spoofchk);
	igx_pf_set_rate(pf, vf, vp->max_tx_rate);
	igx_pf_mta_sync(pf);
}

/**
 * igx_pf_vport_clear() - take a VF's pool out of every shared table
 * @pf: the adapter
 * @vf: VF number
 *
 * Used before reprogramming a VF (reset, port VLAN change) and when VFs
 * are disabled. The software state is left alone.
 */
void igx_pf_vport_clear(struct igx_pf *pf, unsigned int vf)
{
	unsigned int i;

	igx_pf_vport_enable(pf, vf, false);
	igx_pf_rar_clear(pf, IGX_RAR_VF(vf));
	igx_pf_vf_filters_clear(pf, vf);
	for (i = 0; i < IGX_VLVF_ENTRIES; i++) {
		u32 vlvf = igx_rd32(&pf->hw, IGX_VLVF(i));

		if ((vlvf & IGX_VLVF_VI_EN) &&
		    (FIELD_GET(IGX_VLVF_POOLSEL, vlvf) & BIT(vf)))
			igx_pf_vlan_del(pf, FIELD_GET(IGX_VLVF_VID, vlvf), vf);
	}
	igx_wr32(&pf->hw, IGX_VMVIR(vf), 0);
	igx_wr32(&pf->hw, IGX_VMOLR(vf), 0);
	igx_pf_set_rate(pf, vf, 0);
}

/**
 * igx_pf_pool_apply() - the PF's own pool: address and accept policy
 * @pf: the adapter
 */
void igx_pf_pool_apply(struct igx_pf *pf)
{
	u32 vmolr = IGX_VMOLR_BAM | IGX_VMOLR_AUPE | IGX_VMOLR_ROMPE |
		    IGX_VMOLR_STRVLAN | IGX_VMOLR_LPE |
		    FIELD_PREP(IGX_VMOLR_RLPML, pf->pf_max_frame);

	if (pf->pf_allmulti)
		vmolr |= IGX_VMOLR_MPME;
	igx_pf_rar_set(pf, IGX_RAR_PF, pf->netdev->dev_addr, IGX_PF_POOL);
	igx_wr32(&pf->hw, IGX_VMOLR(IGX_PF_POOL), vmolr);
}

/**
 * igx_pf_switch_init() - program the switch from scratch
 * @pf: the adapter
 *
 * After a reset: clears every table, installs the PF's pool and address,
 * loopback switching, then each enabled VF's VPort.
 */
void igx_pf_switch_init(struct igx_pf *pf)
{
	struct igx_hw *hw = &pf->hw;
	unsigned int i;

	for (i = 1; i < IGX_RAR_ENTRIES; i++) {
		igx_pf_rar_clear(pf, i);
		pf->rar_owner[i] = -1;
	}
	pf->rar_owner[IGX_RAR_PF] = IGX_PF_POOL;
	for (i = 0; i < IGX_VLVF_ENTRIES; i++)
		igx_wr32(hw, IGX_VLVF(i), 0);
	for (i = 0; i < VLAN_N_VID / 32; i++)
		igx_wr32(hw, IGX_VFTA(i), 0);
	igx_wr32(hw, IGX_VLVF(IGX_VLVF_VID0), IGX_VLVF_VI_EN |
		 FIELD_PREP(IGX_VLVF_POOLSEL, BIT(IGX_PF_POOL)));
	igx_pf_vfta_set(pf, 0, true);
	for (i = 0; i < IGX_MTA_WORDS; i++)
		igx_wr32(hw, IGX_UTA(i), 0);

	igx_pf_pool_apply(pf);
	igx_wr32(hw, IGX_VFRE, BIT(IGX_PF_POOL));
	igx_wr32(hw, IGX_VFTE, BIT(IGX_PF_POOL));
	igx_wr32(hw, IGX_DTXSWC, IGX_DTXSWC_LOOPBACK_EN);
	for_each_set_bit(i, pf->pf_vlans, VLAN_N_VID)
		igx_pf_vlan_add(pf, i, IGX_PF_POOL);

	for (i = 0; i < pf->num_vfs; i++)
		igx_pf_vport_apply(pf, i);
	igx_pf_mta_sync(pf);
}

/**
 * igx_pf_vport_defaults() - a VPort as a freshly reset VF sees it
 * @vp: the VPort
 *
 * Keeps what the host admin configured (MAC if set by the admin, port
 * VLAN, spoofchk, trust, link state, rate) and forgets what the VF asked
 * for (filters, multicast, VLANs, frame size, xcast mode).
 */
void igx_pf_vport_defaults(struct igx_vport *vp)
{
	if (!vp->admin_mac)
		eth_zero_addr(vp->mac);
	vp->max_frame = IGX_VF_DEFAULT_FRAME;
	vp->xcast = IGX_MBX_XCAST_NONE;
	vp->mc_count = 0;
	bitmap_zero(vp->vlans, VLAN_N_VID);
	vp->num_filters = 0;
}
