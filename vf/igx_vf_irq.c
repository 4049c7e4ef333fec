// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * igx_vf: MSI-X. Vector q serves queue pair q; vectors without a queue
 * pair (the mailbox vector 2, and vector 1 while one pair is used) only
 * kick the watchdog. QEMU 10 delivers the mailbox cause on the wrong
 * vector (IVAR_MISC 0x82 arrives on vector 1), so every vector checks for
 * mailbox work and the watchdog polls as well; nothing depends on it.
 */

#include <linux/bitfield.h>
#include <linux/interrupt.h>

#include "vf/igx_vf.h"

/* A queue interrupt kicks the watchdog at most this often. */
#define IGX_VF_KICK_MS		50

static irqreturn_t igx_vf_msix(int irq, void *data)
{
	struct igx_vf_vec *vec = data;
	struct igx_vf *vf = vec->vf;

	if (vec->qv)
		igx_qv_irq(vec->qv);
	if (!vec->qv || time_after_eq(jiffies, READ_ONCE(vf->kick_at))) {
		WRITE_ONCE(vf->kick_at,
			   jiffies + msecs_to_jiffies(IGX_VF_KICK_MS));
		igx_vf_service_kick(vf);
	}
	return IRQ_HANDLED;
}

/**
 * igx_vf_irq_init() - allocate the three MSI-X vectors and request them
 * @vf: the adapter; @vf->num_qp set and the q_vectors initialized
 *
 * Return: 0 or a negative errno.
 */
int igx_vf_irq_init(struct igx_vf *vf)
{
	struct pci_dev *pdev = vf->pdev;
	unsigned int i;
	int err;

	err = pci_alloc_irq_vectors(pdev, IGX_VF_NUM_VECTORS,
				    IGX_VF_NUM_VECTORS, PCI_IRQ_MSIX);
	if (err < 0)
		return dev_err_probe(&pdev->dev, err,
				     "%u MSI-X vectors not available\n",
				     IGX_VF_NUM_VECTORS);

	for (i = 0; i < IGX_VF_NUM_VECTORS; i++) {
		struct igx_vf_vec *vec = &vf->vec[i];

		vec->vf = vf;
		vec->qv = i < vf->num_qp ? &vf->qv[i] : NULL;
		vec->irq = pci_irq_vector(pdev, i);
		snprintf(vec->name, sizeof(vec->name), "%s-%s-%u",
			 IGX_VF_DRV_NAME, vec->qv ? "TxRx" : "mbx", i);
		err = request_irq(vec->irq, igx_vf_msix, 0, vec->name, vec);
		if (err)
			goto free_irqs;
	}
	return 0;

free_irqs:
	while (i--)
		free_irq(vf->vec[i].irq, &vf->vec[i]);
	pci_free_irq_vectors(pdev);
	return err;
}

/**
 * igx_vf_irq_deinit() - undo igx_vf_irq_init()
 * @vf: the adapter
 */
void igx_vf_irq_deinit(struct igx_vf *vf)
{
	unsigned int i;

	for (i = IGX_VF_NUM_VECTORS; i--;)
		free_irq(vf->vec[i].irq, &vf->vec[i]);
	pci_free_irq_vectors(vf->pdev);
}

/**
 * igx_vf_irq_sync() - wait for running interrupt handlers
 * @vf: the adapter
 */
void igx_vf_irq_sync(struct igx_vf *vf)
{
	unsigned int i;

	for (i = 0; i < IGX_VF_NUM_VECTORS; i++)
		synchronize_irq(vf->vec[i].irq);
}

/**
 * igx_vf_irq_configure() - map the causes to vectors after a VF reset
 * @vf: the adapter
 *
 * QEMU ORs VTIVAR into the PF's IVAR and never clears it: the mapping is
 * the same constant every time (queue pair q on vector q), so rewriting
 * it after each reset (which real hardware needs) changes nothing there.
 * EIAC auto-clears the causes, so none stays latched (QEMU only signals
 * newly raised causes). The mailbox vectors are unmasked here, the queue
 * vectors by igx_vf_start().
 */
void igx_vf_irq_configure(struct igx_vf *vf)
{
	u32 all = GENMASK(IGX_VF_NUM_VECTORS - 1, 0);
	struct igx_hw *hw = &vf->hw;
	u32 ivar, ring_bits = 0;
	unsigned int i;

	ivar = FIELD_PREP(IGX_IVAR_RX_LO, IGX_IVAR_VALID | 0) |
	       FIELD_PREP(IGX_IVAR_TX_LO, IGX_IVAR_VALID | 0);
	if (vf->num_qp > 1)
		ivar |= FIELD_PREP(IGX_IVAR_RX_HI, IGX_IVAR_VALID | 1) |
			FIELD_PREP(IGX_IVAR_TX_HI, IGX_IVAR_VALID | 1);
	igx_wr32(hw, IGX_IVAR(0), ivar);
	igx_wr32(hw, IGX_IVAR_MISC,
		 FIELD_PREP(IGX_VF_IVAR_MISC_MBX,
			    IGX_IVAR_VALID | IGX_VF_VEC_MBX));
	for (i = 0; i < vf->num_qp; i++)
		ring_bits |= vf->qv[i].eims;
	igx_wr32(hw, IGX_EIAC, all);
	igx_wr32(hw, IGX_EIMS, all & ~ring_bits);
}
