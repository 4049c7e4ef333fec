# SPDX-License-Identifier: GPL-2.0
# Runner self-test: a DMA-API debug report in the kernel log fails the scenario.
echo "DMA-API: igx_vf 0000:01:10.0: device driver frees DMA memory with wrong function" > /dev/kmsg
