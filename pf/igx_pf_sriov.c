// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * SR-IOV: enabling and disabling VFs, VF resets and per-VF counters.
 */

#include <linux/bitfield.h>

#include "pf/igx_pf.h"

static const u32 igx_pvf_regs[] = {
	IGX_VFGPRC, IGX_VFGPTC, IGX_VFGORC, IGX_VFGOTC, IGX_VFMPRC,
};

/**
 * igx_pf_vf_stats_rebase() - new base readings for a VF's counters
 * @pf: the adapter; pf->lock held
 * @vf: VF number
 *
 * After VFs are enabled and after a PF reset, which restarts the hardware
 * counters: the 64-bit totals go on from there.
 */
void igx_pf_vf_stats_rebase(struct igx_pf *pf, unsigned int vf)
{
	struct igx_vf_stats *st = &pf->vports[vf].stats;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(igx_pvf_regs); i++)
		st->last[i] = igx_rd32(&pf->hw, IGX_PVF(vf, igx_pvf_regs[i]));
}

/**
 * igx_pf_update_vf_stats() - fold the VFs' 32-bit counters into 64 bits
 * @pf: the adapter; pf->lock held
 *
 * The per-pool counters wrap (bytes at 1 Gb/s in about 34 s) and are not
 * cleared on read; the watchdog calls this every 2 s. The totals survive
 * VF resets and FLRs; a PF reset restarts the hardware counters, after
 * which igx_pf_vf_stats_rebase() takes new readings.
 */
void igx_pf_update_vf_stats(struct igx_pf *pf)
{
	unsigned int vf, i;

	lockdep_assert_held(&pf->lock);
	if (igx_hw_gone(&pf->hw))
		return;
	for (vf = 0; vf < pf->num_vfs; vf++) {
		struct igx_vf_stats *st = &pf->vports[vf].stats;
		u64 *sums[] = {
			&st->rx_packets, &st->tx_packets, &st->rx_bytes,
			&st->tx_bytes, &st->multicast,
		};

		for (i = 0; i < ARRAY_SIZE(igx_pvf_regs); i++) {
			u32 now = igx_rd32(&pf->hw,
					   IGX_PVF(vf, igx_pvf_regs[i]));

			*sums[i] += (u32)(now - st->last[i]);
			st->last[i] = now;
		}
	}
}

/**
 * igx_pf_vf_reset() - a VF sent VF_RESET: start it from a clean VPort
 * @pf: the adapter; pf->lock held
 * @vf: VF number
 *
 * Drops what the VF configured through the mailbox, keeps what the host
 * admin set, and reprograms the pool. RX/TX stay off until the caller
 * enables them.
 */
void igx_pf_vf_reset(struct igx_pf *pf, unsigned int vf)
{
	struct igx_vport *vp = &pf->vports[vf];

	lockdep_assert_held(&pf->lock);
	igx_pf_vport_clear(pf, vf);
	igx_pf_vport_defaults(vp);
	igx_pf_vport_apply(pf, vf);
}

/**
 * igx_pf_vf_flr() - the VF was reset without a message (FLR, CTRL.RST,
 *	enable or disable): its driver is gone until it sends VF_RESET
 * @pf: the adapter; pf->lock held
 * @vf: VF number
 */
void igx_pf_vf_flr(struct igx_pf *pf, unsigned int vf)
{
	lockdep_assert_held(&pf->lock);
	igx_mbx_pf_vf_reset_event(&pf->vports[vf].mbx);
	clear_bit(vf, &pf->notify_pending);
	igx_pf_vf_reset(pf, vf);
}

static void igx_pf_vports_free(struct igx_pf *pf)
{
	kfree(pf->vports);
	pf->vports = NULL;
	pf->num_vfs = 0;
	pf->mbx_mute = 0;
}

static int igx_pf_sriov_enable(struct igx_pf *pf, unsigned int num_vfs)
{
	struct pci_dev *pdev = pf->pdev;
	struct igx_vport *vports;
	unsigned int vf;
	int err;

	vports = kcalloc(num_vfs, sizeof(*vports), GFP_KERNEL);
	if (!vports)
		return -ENOMEM;
	for (vf = 0; vf < num_vfs; vf++) {
		struct igx_vport *vp = &vports[vf];

		igx_mbx_pf_vf_init(&vp->mbx, vf);
		vp->spoofchk = true;
		vp->link_state = IFLA_VF_LINK_STATE_AUTO;
		igx_pf_vport_defaults(vp);
	}

	mutex_lock(&pf->lock);
	pf->vports = vports;
	pf->num_vfs = num_vfs;
	pf->notify_pending = 0;
	igx_pf_mbx_attach(pf);
	for (vf = 0; vf < num_vfs; vf++) {
		igx_pf_vport_clear(pf, vf);
		igx_pf_vport_apply(pf, vf);
		igx_pf_vf_stats_rebase(pf, vf);
	}
	mutex_unlock(&pf->lock);

	/*
	 * Not under pf->lock: VF drivers on this host probe from here and
	 * need the mailbox service to answer them.
	 */
	err = pci_enable_sriov(pdev, num_vfs);
	if (err) {
		dev_err(&pdev->dev, "enabling %u VFs failed: %pe\n", num_vfs,
			ERR_PTR(err));
		mutex_lock(&pf->lock);
		for (vf = 0; vf < num_vfs; vf++)
			igx_pf_vport_clear(pf, vf);
		igx_pf_vports_free(pf);
		igx_pf_mbx_attach(pf);
		mutex_unlock(&pf->lock);
		return err;
	}
	/*
	 * New VFs start with RSTI set ("PF resetting") until the PF says it
	 * is ready; a VF that keeps seeing RSTI keeps dropping its link.
	 */
	igx_wr32(&pf->hw, IGX_CTRL_EXT,
		 igx_rd32(&pf->hw, IGX_CTRL_EXT) | IGX_CTRL_EXT_PFRSTD);
	dev_info(&pdev->dev, "%u VFs enabled\n", num_vfs);
	return num_vfs;
}

/**
 * igx_pf_sriov_disable() - remove every VF and its VPort
 * @pf: the adapter
 */
void igx_pf_sriov_disable(struct igx_pf *pf)
{
	unsigned int vf, num_vfs = pf->num_vfs;

	if (!num_vfs)
		return;
	/* VF drivers may still talk to us while they are removed. */
	pci_disable_sriov(pf->pdev);

	mutex_lock(&pf->lock);
	for (vf = 0; vf < num_vfs; vf++)
		igx_pf_vport_clear(pf, vf);
	igx_pf_vports_free(pf);
	igx_pf_mbx_attach(pf);
	igx_pf_mta_sync(pf);
	/* VF resets from the disable are stale now. */
	igx_wr32(&pf->hw, IGX_VFLRE, GENMASK(IGX_MAX_VFS - 1, 0));
	mutex_unlock(&pf->lock);
	dev_info(&pf->pdev->dev, "%u VFs disabled\n", num_vfs);
}

/**
 * igx_pf_sriov_configure() - sriov_numvfs in sysfs
 * @pdev: the PF
 * @num_vfs: VFs wanted, 0 to disable
 *
 * The PCI core refuses a count above sriov_totalvfs and a new count while
 * VFs are enabled before calling this.
 *
 * Return: the number of VFs enabled, or a negative errno (no VF is left
 * enabled on failure).
 */
int igx_pf_sriov_configure(struct pci_dev *pdev, int num_vfs)
{
	struct igx_pf *pf = pci_get_drvdata(pdev);

	if (!num_vfs) {
		if (pci_vfs_assigned(pdev)) {
			dev_err(&pdev->dev,
				"VFs are assigned to guests: not disabling them\n");
			return -EPERM;
		}
		igx_pf_sriov_disable(pf);
		return 0;
	}
	if (pf->num_vfs) {
		dev_err(&pdev->dev, "%u VFs already enabled: disable them first\n",
			pf->num_vfs);
		return -EBUSY;
	}
	return igx_pf_sriov_enable(pf, num_vfs);
}
