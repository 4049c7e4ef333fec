// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * A read-only view of the switch: /sys/kernel/debug/igx_pf/<PCI>/vports.
 * One line per VPort with the admin settings, what the VF asked for, the
 * mailbox counters, and the registers read back from the device, so a test
 * (or an admin) can check the programming even of features QEMU does not
 * emulate (anti-spoof, rate limit). Beside it, mbx_mute: mailbox fault
 * injection (below).
 */

#include <linux/bitfield.h>
#include <linux/debugfs.h>
#include <linux/seq_file.h>

#include "pf/igx_pf.h"

static struct dentry *igx_pf_debugfs_root;

static const char *const igx_link_state_name[] = {
	[IFLA_VF_LINK_STATE_AUTO] = "auto",
	[IFLA_VF_LINK_STATE_ENABLE] = "enable",
	[IFLA_VF_LINK_STATE_DISABLE] = "disable",
};

static void igx_pf_show_vport(struct seq_file *s, struct igx_pf *pf,
			      unsigned int vf)
{
	const struct igx_vport *vp = &pf->vports[vf];
	const struct igx_mbx_pf_vf_stats *ms = &vp->mbx.stats;
	struct igx_hw *hw = &pf->hw;
	u32 dtxswc = igx_rd32(hw, IGX_DTXSWC);
	u32 rah = igx_rd32(hw, IGX_RAH(IGX_RAR_VF(vf)));

	seq_printf(s, "vf %u mac %pM admin_mac %u vlan %u qos %u spoofchk %u trust %u link %s rate %u",
		   vf, vp->mac, vp->admin_mac, vp->port_vlan, vp->qos,
		   vp->spoofchk, vp->mbx.trusted,
		   igx_link_state_name[vp->link_state], vp->max_tx_rate);
	seq_printf(s, " rx %u tx %u cts %u api %u max_frame %u xcast %u mc %u filters %u",
		   !!(igx_rd32(hw, IGX_VFRE) & BIT(vf)),
		   !!(igx_rd32(hw, IGX_VFTE) & BIT(vf)), vp->mbx.cts,
		   vp->mbx.api, vp->max_frame, vp->xcast, vp->mc_count,
		   vp->num_filters);
	seq_printf(s, " msgs %llu nacks %llu malformed %llu throttled %llu resets %llu cts_owed %llu",
		   ms->msgs, ms->nacks, ms->malformed, ms->throttled,
		   ms->resets, ms->cts_owed);
	/* Read back from the device. */
	seq_printf(s, " hw_rar_pool %#lx hw_vmvir %#x hw_vmolr %#x hw_mac_spoof %u hw_vlan_spoof %u\n",
		   (rah & IGX_RAH_AV) ? FIELD_GET(IGX_RAH_POOLSEL, rah) : 0,
		   igx_rd32(hw, IGX_VMVIR(vf)), igx_rd32(hw, IGX_VMOLR(vf)),
		   !!(FIELD_GET(IGX_DTXSWC_MAC_SPOOF, dtxswc) & BIT(vf)),
		   !!(FIELD_GET(IGX_DTXSWC_VLAN_SPOOF, dtxswc) & BIT(vf)));
}

static int igx_pf_vports_show(struct seq_file *s, void *unused)
{
	struct igx_pf *pf = s->private;
	unsigned int vf;

	mutex_lock(&pf->lock);
	seq_printf(s, "pf pool %u mac %pM link %s speed %u vfs %u loopback %u\n",
		   IGX_PF_POOL, pf->netdev->dev_addr,
		   pf->link_up ? "up" : "down", pf->link_speed, pf->num_vfs,
		   !!(igx_rd32(&pf->hw, IGX_DTXSWC) & IGX_DTXSWC_LOOPBACK_EN));
	for (vf = 0; vf < pf->num_vfs; vf++)
		igx_pf_show_vport(s, pf, vf);
	mutex_unlock(&pf->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(igx_pf_vports);

/*
 * Fault injection: mbx_mute is a bitmask of VFs whose mailbox requests the
 * PF leaves unanswered (no ACK, no reply) and to which it sends nothing,
 * as if its mailbox service had hung for them. The VFs' resets are still
 * handled, and the other VFs are served as usual. Clearing a bit lets the
 * PF answer that VF's next request and sends what it held back. It shows
 * how a VF driver copes with a PF that stops answering (the pair-pflost
 * scenario); it is root-only, like all of debugfs.
 */
static int igx_pf_mbx_mute_get(void *data, u64 *val)
{
	struct igx_pf *pf = data;

	*val = READ_ONCE(pf->mbx_mute);
	return 0;
}

static int igx_pf_mbx_mute_set(void *data, u64 val)
{
	struct igx_pf *pf = data;
	int err = 0;

	mutex_lock(&pf->lock);
	if (val >> pf->num_vfs) {	/* only VFs that exist */
		err = -EINVAL;
		goto out;
	}
	if (val != pf->mbx_mute)
		dev_warn(&pf->pdev->dev,
			 "fault injection: mailbox of VFs %#llx left unanswered (was %#lx)\n",
			 val, pf->mbx_mute);
	WRITE_ONCE(pf->mbx_mute, val);
	/* Serve what came meanwhile; send the notifications held back. */
	queue_work(igx_pf_wq, &pf->mbx_work);
out:
	mutex_unlock(&pf->lock);
	return err;
}
DEFINE_DEBUGFS_ATTRIBUTE(igx_pf_mbx_mute_fops, igx_pf_mbx_mute_get,
			 igx_pf_mbx_mute_set, "%#llx\n");

/**
 * igx_pf_debugfs_init() - create the PF's debugfs directory
 * @pf: the adapter
 */
void igx_pf_debugfs_init(struct igx_pf *pf)
{
	pf->debugfs = debugfs_create_dir(pci_name(pf->pdev),
					 igx_pf_debugfs_root);
	debugfs_create_file("vports", 0400, pf->debugfs, pf,
			    &igx_pf_vports_fops);
	debugfs_create_file_unsafe("mbx_mute", 0600, pf->debugfs, pf,
				   &igx_pf_mbx_mute_fops);
}

/**
 * igx_pf_debugfs_exit() - remove the PF's debugfs directory
 * @pf: the adapter
 */
void igx_pf_debugfs_exit(struct igx_pf *pf)
{
	debugfs_remove_recursive(pf->debugfs);
	pf->debugfs = NULL;
}

/**
 * igx_pf_debugfs_register() - the driver's debugfs root
 */
void igx_pf_debugfs_register(void)
{
	igx_pf_debugfs_root = debugfs_create_dir("igx_pf", NULL);
}

/**
 * igx_pf_debugfs_unregister() - remove the driver's debugfs root
 */
void igx_pf_debugfs_unregister(void)
{
	debugfs_remove_recursive(igx_pf_debugfs_root);
}
