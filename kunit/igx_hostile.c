// SPDX-License-Identifier: GPL-2.0
/* Copyright (c) 2026 The igx authors */
/*
 * igx_hostile: a VF driver that misbehaves on purpose, for tests only.
 *
 * It binds only through driver_override (it has no ID table), maps the
 * VF's registers and lets a test write the mailbox as a buggy or malicious
 * guest would, through debugfs (igx_hostile/<pci address>/):
 *
 *   send   write hex words: one request (lock, words, REQ), then wait for
 *          the PF's ACK and reply; read: the outcome of the last one
 *   v2p    write a hex value to V2PMAILBOX as is (REQ without the lock,
 *          ACK without a message: out of order)
 *   flood  write "N [hex words]": N requests back to back, each waiting
 *          for its reply; read: how many were ACKed, NACKed, unanswered
 *
 * The words are sent as given: wrong lengths, unknown IDs, reply flags,
 * reserved bits, requests before VF_RESET. No netdev, no DMA.
 */

#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/pci.h>

#include "common/igx_hw.h"

#define IGX_HOSTILE_NAME	"igx_hostile"
#define IGX_HOSTILE_WAIT_US	500000	/* for the PF's ACK, then its reply */
#define IGX_HOSTILE_LOCK_TRIES	10

struct igx_hostile {
	struct pci_dev *pdev;
	struct igx_hw hw;
	struct dentry *dir;
	struct mutex lock;	/* one exchange at a time; protects below */
	u32 v2p;		/* read-to-clear bits seen, not yet used */
	char last[160];		/* outcome of the last send or flood */
};

static struct dentry *igx_hostile_root;

static u32 igx_hostile_v2p(struct igx_hostile *h)
{
	h->v2p |= igx_rd32(&h->hw, IGX_V2PMAILBOX);
	return h->v2p;
}

/* Wait for a read-to-clear bit of V2PMAILBOX and consume it. */
static bool igx_hostile_wait(struct igx_hostile *h, u32 bit)
{
	ktime_t end = ktime_add_us(ktime_get(), IGX_HOSTILE_WAIT_US);

	do {
		if (igx_hostile_v2p(h) & bit) {
			h->v2p &= ~bit;
			return true;
		}
		usleep_range(50, 100);
	} while (ktime_before(ktime_get(), end) && !igx_hw_gone(&h->hw));
	return false;
}

static bool igx_hostile_lock(struct igx_hostile *h)
{
	unsigned int i;

	for (i = 0; i < IGX_HOSTILE_LOCK_TRIES; i++) {
		igx_wr32(&h->hw, IGX_V2PMAILBOX, IGX_V2PMAILBOX_VFU);
		if (igx_hostile_v2p(h) & IGX_V2PMAILBOX_VFU)
			return true;
		usleep_range(1000, 2000);
	}
	return false;
}

enum igx_hostile_outcome { IGX_H_ACK, IGX_H_NACK, IGX_H_NOREPLY, IGX_H_NOLOCK };

/*
 * One exchange. @reply gets the first four words of the answer. A reply
 * that is neither ACK nor NACK counts as NACK (it is not a yes).
 */
static enum igx_hostile_outcome
igx_hostile_xfer(struct igx_hostile *h, const u32 *w, unsigned int n,
		 u32 *reply)
{
	unsigned int i;

	h->v2p &= ~(IGX_V2PMAILBOX_PFACK | IGX_V2PMAILBOX_PFSTS);
	if (!igx_hostile_lock(h))
		return IGX_H_NOLOCK;
	for (i = 0; i < n; i++)
		igx_wr32(&h->hw, IGX_VF_VMBMEM(i), w[i]);
	igx_wr32(&h->hw, IGX_V2PMAILBOX, IGX_V2PMAILBOX_REQ);
	if (!igx_hostile_wait(h, IGX_V2PMAILBOX_PFACK) ||
	    !igx_hostile_wait(h, IGX_V2PMAILBOX_PFSTS))
		return IGX_H_NOREPLY;
	if (!igx_hostile_lock(h))
		return IGX_H_NOLOCK;
	for (i = 0; i < 4; i++)
		reply[i] = igx_rd32(&h->hw, IGX_VF_VMBMEM(i));
	igx_wr32(&h->hw, IGX_V2PMAILBOX, IGX_V2PMAILBOX_ACK);
	return reply[0] & BIT(31) ? IGX_H_ACK : IGX_H_NACK;
}

/* Parse up to @max hex words from user space. */
static int igx_hostile_words(const char __user *ubuf, size_t len, u32 *w,
			     unsigned int max, unsigned int *first)
{
	char buf[256], *p = buf, *tok;
	unsigned int n = 0;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	while ((tok = strsep(&p, " \t\n"))) {
		if (!*tok)
			continue;
		if (n == max || kstrtou32(tok, 16, &w[n]))
			return -EINVAL;
		n++;
	}
	if (first)
		*first = n;
	return n ? 0 : -EINVAL;
}

static const char * const igx_hostile_names[] = {
	[IGX_H_ACK] = "ack", [IGX_H_NACK] = "nack",
	[IGX_H_NOREPLY] = "noreply", [IGX_H_NOLOCK] = "nolock",
};

static ssize_t igx_hostile_send_write(struct file *file,
				      const char __user *ubuf, size_t len,
				      loff_t *ppos)
{
	struct igx_hostile *h = file->private_data;
	u32 w[IGX_MBX_WORDS + 4], reply[4] = {};
	enum igx_hostile_outcome out;
	unsigned int n;
	ktime_t t0;
	int err;

	/* More than the 16 mailbox words is refused here, not sent. */
	err = igx_hostile_words(ubuf, len, w, IGX_MBX_WORDS, &n);
	if (err)
		return err;
	mutex_lock(&h->lock);
	t0 = ktime_get();
	out = igx_hostile_xfer(h, w, n, reply);
	snprintf(h->last, sizeof(h->last), "%s %08x %08x %08x %08x %lld us\n",
		 igx_hostile_names[out], reply[0], reply[1], reply[2],
		 reply[3], ktime_us_delta(ktime_get(), t0));
	mutex_unlock(&h->lock);
	return len;
}

static ssize_t igx_hostile_last_read(struct file *file, char __user *ubuf,
				     size_t len, loff_t *ppos)
{
	struct igx_hostile *h = file->private_data;
	char buf[sizeof(h->last)];

	mutex_lock(&h->lock);
	strscpy(buf, h->last, sizeof(buf));
	mutex_unlock(&h->lock);
	return simple_read_from_buffer(ubuf, len, ppos, buf, strlen(buf));
}

static ssize_t igx_hostile_v2p_write(struct file *file,
				     const char __user *ubuf, size_t len,
				     loff_t *ppos)
{
	struct igx_hostile *h = file->private_data;
	u32 val;
	int err;

	err = igx_hostile_words(ubuf, len, &val, 1, NULL);
	if (err)
		return err;
	mutex_lock(&h->lock);
	igx_wr32(&h->hw, IGX_V2PMAILBOX, val);
	mutex_unlock(&h->lock);
	return len;
}

static ssize_t igx_hostile_flood_write(struct file *file,
				       const char __user *ubuf, size_t len,
				       loff_t *ppos)
{
	struct igx_hostile *h = file->private_data;
	u32 w[IGX_MBX_WORDS + 1], reply[4];
	unsigned int n, i, count[4] = {};
	ktime_t t0;
	int err;

	err = igx_hostile_words(ubuf, len, w, IGX_MBX_WORDS + 1, &n);
	if (err)
		return err;
	if (n < 2 || w[0] > 100000)	/* "N words...", N in hex */
		return -EINVAL;
	mutex_lock(&h->lock);
	t0 = ktime_get();
	for (i = 0; i < w[0] && !igx_hw_gone(&h->hw); i++) {
		count[igx_hostile_xfer(h, w + 1, n - 1, reply)]++;
		cond_resched();
	}
	snprintf(h->last, sizeof(h->last),
		 "flood %u: ack %u nack %u noreply %u nolock %u in %lld ms\n",
		 i, count[IGX_H_ACK], count[IGX_H_NACK], count[IGX_H_NOREPLY],
		 count[IGX_H_NOLOCK], ktime_ms_delta(ktime_get(), t0));
	mutex_unlock(&h->lock);
	return len;
}

static const struct file_operations igx_hostile_send_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = igx_hostile_send_write,
	.read = igx_hostile_last_read,
	.llseek = default_llseek,
};

static const struct file_operations igx_hostile_v2p_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = igx_hostile_v2p_write,
	.llseek = default_llseek,
};

static const struct file_operations igx_hostile_flood_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = igx_hostile_flood_write,
	.read = igx_hostile_last_read,
	.llseek = default_llseek,
};

static int igx_hostile_probe(struct pci_dev *pdev,
			     const struct pci_device_id *id)
{
	struct igx_hostile *h;
	int err;

	h = devm_kzalloc(&pdev->dev, sizeof(*h), GFP_KERNEL);
	if (!h)
		return -ENOMEM;
	err = pcim_enable_device(pdev);
	if (err)
		return err;
	h->hw.base = pcim_iomap_region(pdev, 0, IGX_HOSTILE_NAME);
	if (IS_ERR(h->hw.base))
		return PTR_ERR(h->hw.base);
	h->pdev = pdev;
	mutex_init(&h->lock);
	strscpy(h->last, "none\n", sizeof(h->last));
	pci_set_drvdata(pdev, h);
	h->dir = debugfs_create_dir(pci_name(pdev), igx_hostile_root);
	debugfs_create_file("send", 0600, h->dir, h, &igx_hostile_send_fops);
	debugfs_create_file("v2p", 0200, h->dir, h, &igx_hostile_v2p_fops);
	debugfs_create_file("flood", 0600, h->dir, h, &igx_hostile_flood_fops);
	dev_warn(&pdev->dev, "hostile test driver bound: this VF will misbehave\n");
	return 0;
}

static void igx_hostile_remove(struct pci_dev *pdev)
{
	struct igx_hostile *h = pci_get_drvdata(pdev);

	debugfs_remove_recursive(h->dir);
	mutex_destroy(&h->lock);
}

static struct pci_driver igx_hostile_driver = {
	.name = IGX_HOSTILE_NAME,
	.probe = igx_hostile_probe,
	.remove = igx_hostile_remove,
};

static int __init igx_hostile_init(void)
{
	int err;

	igx_hostile_root = debugfs_create_dir(IGX_HOSTILE_NAME, NULL);
	err = pci_register_driver(&igx_hostile_driver);
	if (err)
		debugfs_remove_recursive(igx_hostile_root);
	return err;
}
module_init(igx_hostile_init);

static void __exit igx_hostile_exit(void)
{
	pci_unregister_driver(&igx_hostile_driver);
	debugfs_remove_recursive(igx_hostile_root);
}
module_exit(igx_hostile_exit);

MODULE_DESCRIPTION("igx test-only hostile VF (mailbox abuse through debugfs)");
MODULE_LICENSE("GPL");
