// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * igx_vf: PCI driver for the 82576 virtual function: probe and remove,
 * FLR (reset_prepare/reset_done) and shutdown.
 */

#include <linux/etherdevice.h>
#include <linux/module.h>
#include <linux/rtnetlink.h>

#include "vf/igx_vf.h"

static void igx_vf_init_qvs(struct igx_vf *vf)
{
	unsigned int i;

	for (i = 0; i < IGX_VF_MAX_QP; i++)
		igx_qv_init(&vf->qv[i], vf->netdev, &vf->pdev->dev, &vf->hw,
			    i, i, i);
}

static void igx_vf_deinit_qvs(struct igx_vf *vf)
{
	unsigned int i;

	for (i = IGX_VF_MAX_QP; i--;)
		igx_qv_deinit(&vf->qv[i]);
}

/* Register with the PF once before the netdev exists: it gives the MAC. */
static void igx_vf_first_handshake(struct igx_vf *vf)
{
	int err;

	err = igx_vf_handshake(vf);
	if (!err)
		return;
	dev_warn(&vf->pdev->dev,
		 "the PF did not answer the reset handshake (%pe); is the PF interface up? Retrying in the background\n",
		 ERR_PTR(err));
	set_bit(IGX_VF_S_RESET_NEEDED, &vf->state);
	if (!is_valid_ether_addr(vf->netdev->dev_addr)) {
		eth_hw_addr_random(vf->netdev);
		dev_info(&vf->pdev->dev, "using random MAC %pM for now\n",
			 vf->netdev->dev_addr);
	}
}

static int igx_vf_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct net_device *netdev;
	void __iomem *base;
	struct igx_vf *vf;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (err)
		return dev_err_probe(&pdev->dev, err, "no usable DMA mask\n");
	base = pcim_iomap_region(pdev, 0, IGX_VF_DRV_NAME);
	if (IS_ERR(base))
		return dev_err_probe(&pdev->dev, PTR_ERR(base),
				     "cannot map BAR 0\n");
	/* DMA of the VF's queues uses its requester ID: master first. */
	pci_set_master(pdev);

	netdev = alloc_etherdev_mqs(sizeof(*vf), IGX_VF_MAX_QP,
				    IGX_VF_MAX_QP);
	if (!netdev)
		return -ENOMEM;
	SET_NETDEV_DEV(netdev, &pdev->dev);
	pci_set_drvdata(pdev, netdev);
	vf = netdev_priv(netdev);
	vf->netdev = netdev;
	vf->pdev = pdev;
	vf->hw.base = base;
	vf->num_qp = IGX_VF_USABLE_QP;
	vf->max_qp = IGX_VF_USABLE_QP;
	vf->tx_count = IGX_RING_DEFAULT;
	vf->rx_count = IGX_RING_DEFAULT;
	vf->retry_at = jiffies;
	vf->stats_at = jiffies;
	vf->kick_at = jiffies;
	spin_lock_init(&vf->stats_lock);
	igx_vf_service_init(vf);
	igx_vf_mbx_init(vf);
	igx_vf_init_qvs(vf);

	err = igx_vf_irq_init(vf);
	if (err)
		goto deinit_qvs;

	igx_vf_netdev_setup(vf);
	err = netif_set_real_num_queues(netdev, vf->num_qp, vf->num_qp);
	if (err)
		goto free_irqs;
	igx_vf_first_handshake(vf);
	netif_carrier_off(netdev);
	err = register_netdev(netdev);
	if (err)
		goto free_irqs;
	igx_vf_service_start(vf);
	return 0;

free_irqs:
	igx_vf_irq_deinit(vf);
deinit_qvs:
	igx_vf_deinit_qvs(vf);
	igx_mbx_vf_destroy(&vf->mbx);
	free_netdev(netdev);
	return err;
}

/* Leave the VF reset: queues off, and the PF knows (VFLRE). */
static void igx_vf_hw_quiesce(struct igx_vf *vf)
{
	igx_wr32(&vf->hw, IGX_EIMC, GENMASK(IGX_VF_NUM_VECTORS - 1, 0));
	igx_wr32(&vf->hw, IGX_CTRL, IGX_CTRL_RST);
	igx_flush(&vf->hw);
}

static void igx_vf_remove(struct pci_dev *pdev)
{
	struct net_device *netdev = pci_get_drvdata(pdev);
	struct igx_vf *vf = netdev_priv(netdev);

	igx_vf_service_stop(vf);
	unregister_netdev(netdev);
	igx_vf_hw_quiesce(vf);
	igx_vf_irq_deinit(vf);
	igx_vf_deinit_qvs(vf);
	igx_mbx_vf_destroy(&vf->mbx);
	free_netdev(netdev);
}

static void igx_vf_shutdown(struct pci_dev *pdev)
{
	struct net_device *netdev = pci_get_drvdata(pdev);
	struct igx_vf *vf = netdev_priv(netdev);

	igx_vf_service_stop(vf);
	rtnl_lock();
	netif_device_detach(netdev);
	if (test_bit(IGX_VF_S_STARTED, &vf->state))
		igx_vf_stop(vf);
	rtnl_unlock();
	igx_vf_hw_quiesce(vf);
}

/* FLR (echo 1 > .../reset): quiesce before, register again after. */
static void igx_vf_reset_prepare(struct pci_dev *pdev)
{
	struct net_device *netdev = pci_get_drvdata(pdev);
	struct igx_vf *vf = netdev_priv(netdev);

	igx_vf_service_stop(vf);
	rtnl_lock();
	if (test_bit(IGX_VF_S_STARTED, &vf->state))
		igx_vf_stop(vf);
	set_bit(IGX_VF_S_RESET_NEEDED, &vf->state);
	rtnl_unlock();
}

static void igx_vf_reset_done(struct pci_dev *pdev)
{
	struct net_device *netdev = pci_get_drvdata(pdev);
	struct igx_vf *vf = netdev_priv(netdev);

	/* A read during the FLR may have seen all ones: look again. */
	igx_hw_revive(&vf->hw);
	pci_set_master(pdev);
	vf->retry_at = jiffies;
	/* The watchdog redoes the handshake and restarts the queues. */
	igx_vf_service_start(vf);
}

static const struct pci_error_handlers igx_vf_err_handlers = {
	.reset_prepare	= igx_vf_reset_prepare,
	.reset_done	= igx_vf_reset_done,
};

static const struct pci_device_id igx_vf_pci_tbl[] = {
	{ PCI_VDEVICE(INTEL, 0x10ca) },	/* 82576 VF */
	{ }
};
MODULE_DEVICE_TABLE(pci, igx_vf_pci_tbl);

static struct pci_driver igx_vf_driver = {
	.name		= IGX_VF_DRV_NAME,
	.id_table	= igx_vf_pci_tbl,
	.probe		= igx_vf_probe,
	.remove		= igx_vf_remove,
	.shutdown	= igx_vf_shutdown,
	.err_handler	= &igx_vf_err_handlers,
};
module_pci_driver(igx_vf_driver);

MODULE_DESCRIPTION("igx: Intel 82576 SR-IOV virtual function driver");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(IGX);
