// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * igx_pf: PCI probe and remove, the "other" interrupt, the watchdog.
 */

#include <linux/bitfield.h>
#include <linux/module.h>

#include "pf/igx_pf.h"

#define IGX_PF_DRV_NAME		"igx_pf"
#define IGX_WATCHDOG_PERIOD	(2 * HZ)

struct workqueue_struct *igx_pf_wq;

static irqreturn_t igx_pf_misc_irq(int irq, void *data)
{
	struct igx_pf *pf = data;
	u32 icr;

	/* GPIE.NSICR: the read clears ICR, so a new event raises a new IRQ. */
	icr = igx_rd32(&pf->hw, IGX_ICR);
	if (igx_hw_gone(&pf->hw))
		return IRQ_NONE;
	atomic_inc(&pf->misc_irq_count);
	if (icr & IGX_ICR_VMMB)
		queue_work(igx_pf_wq, &pf->mbx_work);
	if (icr & IGX_ICR_LSC)
		mod_delayed_work(igx_pf_wq, &pf->link_work, 0);
	return IRQ_HANDLED;
}

/**
 * igx_pf_link_work() - follow the link; tell the VFs
 * @work: pf->link_work
 */
void igx_pf_link_work(struct work_struct *work)
{
	struct igx_pf *pf = container_of(to_delayed_work(work), struct igx_pf,
					 link_work);
	u32 speed = 0;
	bool up;

	mutex_lock(&pf->lock);
	up = igx_pf_read_link(pf, &speed);
	if (up != pf->link_up || (up && speed != pf->link_speed)) {
		pf->link_up = up;
		pf->link_speed = speed;
		if (up) {
			netdev_info(pf->netdev, "link up, %u Mb/s full duplex\n",
				    speed);
			netif_carrier_on(pf->netdev);
		} else {
			netdev_info(pf->netdev, "link down\n");
			netif_carrier_off(pf->netdev);
		}
		igx_pf_notify_all(pf);
	}
	mutex_unlock(&pf->lock);
}

/*
 * Every 2 s: per-VF counters (they wrap), the link (in case an LSC was
 * missed) and the mailbox (a lost interrupt must not strand a VF, nor
 * a VF_RESET reply without CTS that was its last message).
 */
static void igx_pf_watchdog(struct work_struct *work)
{
	struct igx_pf *pf = container_of(to_delayed_work(work), struct igx_pf,
					 watchdog);

	mutex_lock(&pf->lock);
	igx_pf_update_vf_stats(pf);
	igx_pf_mbx_watchdog(pf);
	mutex_unlock(&pf->lock);
	igx_pf_update_hw_stats(pf);
	mod_delayed_work(igx_pf_wq, &pf->link_work, 0);
	queue_work(igx_pf_wq, &pf->mbx_work);
	if (!READ_ONCE(pf->removing))
		queue_delayed_work(igx_pf_wq, &pf->watchdog,
				   IGX_WATCHDOG_PERIOD);
}

/* The permanent address, as the device loaded it into RAR0 at reset. */
static void igx_pf_read_mac(struct igx_pf *pf)
{
	u32 ral = igx_rd32(&pf->hw, IGX_RAL(0));
	u32 rah = igx_rd32(&pf->hw, IGX_RAH(0));
	u8 mac[ETH_ALEN];

	put_unaligned_le32(ral, mac);
	put_unaligned_le16(FIELD_GET(IGX_RAH_ADDR_HI, rah), mac + 4);
	if (is_valid_ether_addr(mac)) {
		eth_hw_addr_set(pf->netdev, mac);
	} else {
		eth_hw_addr_random(pf->netdev);
		dev_warn(&pf->pdev->dev,
			 "no valid MAC in the NVM, using random %pM\n",
			 pf->netdev->dev_addr);
	}
	ether_addr_copy(pf->netdev->perm_addr, pf->netdev->dev_addr);
}

/* Reset and program everything; the PF's VFs are told to start over. */
static int igx_pf_hw_up(struct igx_pf *pf)
{
	int err;

	err = igx_pf_hw_reset(pf);
	if (err)
		return err;
	igx_pf_hw_init(pf);
	igx_pf_switch_init(pf);
	/* VFs waiting on RSTI may go on now. */
	igx_wr32(&pf->hw, IGX_CTRL_EXT,
		 igx_rd32(&pf->hw, IGX_CTRL_EXT) | IGX_CTRL_EXT_PFRSTD);
	return igx_pf_phy_restart_aneg(pf);
}

/**
 * igx_pf_reset() - reset the whole adapter and bring it back as it was
 * @pf: the adapter; rtnl held
 *
 * The VFs lose CTS; the MAC reset raises RSTI at each of them and
 * PFRSTD, once the switch is programmed again from the software state,
 * RSTD; then each gets a NACK without CTS: they reset themselves and come
 * back. The per-VF
 * totals survive; the hardware counters restart.
 *
 * Return: 0 or a negative errno; the PF netdev stays closed on failure.
 */
int igx_pf_reset(struct igx_pf *pf)
{
	struct net_device *netdev = pf->netdev;
	bool running = netif_running(netdev);
	unsigned int vf;
	int err;

	ASSERT_RTNL();
	netdev_info(netdev, "resetting the adapter; VFs will reset too\n");
	if (running)
		igx_pf_stop(netdev);
	mutex_lock(&pf->lock);
	igx_pf_update_vf_stats(pf);
	for (vf = 0; vf < pf->num_vfs; vf++)
		igx_mbx_pf_vf_reset_event(&pf->vports[vf].mbx);
	pf->notify_pending = 0;
	pf->link_up = false;
	netif_carrier_off(netdev);
	err = igx_pf_hw_up(pf);
	igx_mbx_pf_device_reset(&pf->mbx);
	/*
	 * The reset wiped the mailboxes; a NACK without CTS, written now
	 * that the switch is programmed again, is what makes a VF that
	 * missed RSTD (or a stock igbvf, which looks at it only in its
	 * watchdog) reset itself. The link-up notification repeats it.
	 */
	for (vf = 0; vf < pf->num_vfs; vf++) {
		igx_pf_vf_stats_rebase(pf, vf);
		if (!err)
			igx_pf_notify_vf(pf, vf);
	}
	mutex_unlock(&pf->lock);
	if (err) {
		netdev_err(netdev, "adapter reset failed: %pe\n", ERR_PTR(err));
		if (running)
			dev_close(netdev);
		return err;
	}
	if (running) {
		err = igx_pf_open(netdev);
		if (err)
			dev_close(netdev);
	}
	return err;
}

static void igx_pf_reset_work(struct work_struct *work)
{
	struct igx_pf *pf = container_of(work, struct igx_pf, reset_work);

	rtnl_lock();
	if (!READ_ONCE(pf->removing))
		igx_pf_reset(pf);
	rtnl_unlock();
}

static void igx_pf_hw_down(struct igx_pf *pf)
{
	struct igx_hw *hw = &pf->hw;

	igx_wr32(hw, IGX_IMC, ~0U);
	igx_wr32(hw, IGX_EIMC, BIT(IGX_PF_VEC_MISC) | BIT(IGX_PF_VEC_QUEUE));
	igx_wr32(hw, IGX_CTRL_EXT,
		 igx_rd32(hw, IGX_CTRL_EXT) & ~IGX_CTRL_EXT_DRV_LOAD);
	igx_flush(hw);
}

static int igx_pf_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct net_device *netdev;
	struct igx_pf *pf;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (err) {
		dev_err(&pdev->dev, "no usable DMA configuration\n");
		return err;
	}
	err = pcim_iomap_regions(pdev, BIT(0), IGX_PF_DRV_NAME);
	if (err)
		return err;
	pci_set_master(pdev);

	netdev = alloc_etherdev_mqs(sizeof(*pf), 1, 1);
	if (!netdev)
		return -ENOMEM;
	SET_NETDEV_DEV(netdev, &pdev->dev);
	pf = netdev_priv(netdev);
	pf->pdev = pdev;
	pf->netdev = netdev;
	pf->hw.base = pcim_iomap_table(pdev)[0];
	pci_set_drvdata(pdev, pf);
	mutex_init(&pf->lock);
	INIT_WORK(&pf->mbx_work, igx_pf_mbx_work);
	INIT_DELAYED_WORK(&pf->mbx_retry, igx_pf_mbx_retry);
	INIT_DELAYED_WORK(&pf->link_work, igx_pf_link_work);
	INIT_DELAYED_WORK(&pf->watchdog, igx_pf_watchdog);
	INIT_WORK(&pf->reset_work, igx_pf_reset_work);
	igx_pf_mbx_init(pf);

	err = pci_alloc_irq_vectors(pdev, IGX_PF_NUM_VECS, IGX_PF_NUM_VECS,
				    PCI_IRQ_MSIX);
	if (err < 0) {
		dev_err(&pdev->dev, "MSI-X is required for SR-IOV: %pe\n",
			ERR_PTR(err));
		goto err_free_netdev;
	}
	pf->msix[IGX_PF_VEC_MISC] = pci_irq_vector(pdev, IGX_PF_VEC_MISC);
	pf->msix[IGX_PF_VEC_QUEUE] = pci_irq_vector(pdev, IGX_PF_VEC_QUEUE);

	igx_pf_read_mac(pf);
	err = igx_pf_netdev_setup(pf);
	if (err)
		goto err_free_vectors;

	err = request_irq(pf->msix[IGX_PF_VEC_MISC], igx_pf_misc_irq, 0,
			  IGX_PF_DRV_NAME "-misc", pf);
	if (err)
		goto err_netdev_teardown;

	/*
	 * A new netdev has carrier until told otherwise: no carrier until
	 * the link work has seen the link (after the reset below).
	 */
	netif_carrier_off(netdev);
	mutex_lock(&pf->lock);
	err = igx_pf_hw_up(pf);
	mutex_unlock(&pf->lock);
	if (err)
		goto err_hw_down;

	err = register_netdev(netdev);
	if (err)
		goto err_hw_down;

	err = pci_sriov_set_totalvfs(pdev, IGX_MAX_VFS);
	if (err)
		goto err_unregister;
	igx_pf_debugfs_init(pf);
	queue_delayed_work(igx_pf_wq, &pf->watchdog, IGX_WATCHDOG_PERIOD);
	dev_info(&pdev->dev, "%s: 82576 PF %pM, up to %u VFs\n", netdev->name,
		 netdev->dev_addr, IGX_MAX_VFS);
	return 0;

err_unregister:
	unregister_netdev(netdev);
err_hw_down:
	igx_pf_hw_down(pf);
	free_irq(pf->msix[IGX_PF_VEC_MISC], pf);
	cancel_delayed_work_sync(&pf->link_work);
	cancel_work_sync(&pf->mbx_work);
	cancel_delayed_work_sync(&pf->mbx_retry);
err_netdev_teardown:
	igx_pf_netdev_teardown(pf);
err_free_vectors:
	pci_free_irq_vectors(pdev);
err_free_netdev:
	free_netdev(netdev);
	return err;
}

static void igx_pf_remove(struct pci_dev *pdev)
{
	struct igx_pf *pf = pci_get_drvdata(pdev);

	WRITE_ONCE(pf->removing, true);
	cancel_work_sync(&pf->reset_work);
	cancel_delayed_work_sync(&pf->watchdog);
	igx_pf_sriov_disable(pf);
	igx_pf_debugfs_exit(pf);
	unregister_netdev(pf->netdev);
	igx_pf_hw_down(pf);
	free_irq(pf->msix[IGX_PF_VEC_MISC], pf);
	cancel_delayed_work_sync(&pf->link_work);
	cancel_work_sync(&pf->mbx_work);
	cancel_delayed_work_sync(&pf->mbx_retry);
	igx_pf_netdev_teardown(pf);
	pci_free_irq_vectors(pdev);
	free_netdev(pf->netdev);
}

static const struct pci_device_id igx_pf_ids[] = {
	{ PCI_VDEVICE(INTEL, 0x10c9) },	/* 82576 */
	{ }
};
MODULE_DEVICE_TABLE(pci, igx_pf_ids);

static struct pci_driver igx_pf_driver = {
	.name = IGX_PF_DRV_NAME,
	.id_table = igx_pf_ids,
	.probe = igx_pf_probe,
	.remove = igx_pf_remove,
	.sriov_configure = igx_pf_sriov_configure,
};

static int __init igx_pf_init(void)
{
	int err;

	igx_pf_wq = alloc_workqueue(IGX_PF_DRV_NAME,
				    WQ_UNBOUND | WQ_HIGHPRI | WQ_MEM_RECLAIM, 0);
	if (!igx_pf_wq)
		return -ENOMEM;
	igx_pf_debugfs_register();
	err = pci_register_driver(&igx_pf_driver);
	if (err) {
		igx_pf_debugfs_unregister();
		destroy_workqueue(igx_pf_wq);
	}
	return err;
}
module_init(igx_pf_init);

static void __exit igx_pf_exit(void)
{
	pci_unregister_driver(&igx_pf_driver);
	igx_pf_debugfs_unregister();
	destroy_workqueue(igx_pf_wq);
}
module_exit(igx_pf_exit);

MODULE_DESCRIPTION("igx: Intel 82576 SR-IOV physical function driver");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(IGX);
