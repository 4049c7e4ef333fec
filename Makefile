# SPDX-License-Identifier: GPL-2.0
#
# igx: human entry point. The kbuild part is in Kbuild.
#
#   make            build igx_common.ko, igx_pf.ko, igx_vf.ko against KDIR
#   make lint       sparse (C=2) and checkpatch --strict, no findings allowed
#   make install    modules_install + depmod for KDIR's kernel
#   make kunit      build the KUnit modules against the debug kernel
#   make check      the whole suite (setup, build, lint, KUnit, scenarios)
#   make demo       boot the emulated 82576, make VFs, pass traffic
#   make bench      igx against the in-tree igb/igbvf in one guest boot
#   make soak       the long loops (50 reload cycles, ...) on both kernels

SHELL	:= /bin/bash
KVER	?= $(shell . scripts/lib.sh && stock_kver)
KDIR	?= /lib/modules/$(KVER)/build
IGX_CONFIG := CONFIG_IGX_COMMON=m CONFIG_IGX_PF=m CONFIG_IGX_VF=m
# Test-only modules (kunit/igx_hostile.c): built for the test bench, never
# installed.
IGX_TEST_CONFIG := CONFIG_IGX_HOSTILE_TEST=m
KBUILD	= $(MAKE) -C $(KDIR) M=$(CURDIR) $(IGX_CONFIG) W=1

# The KUnit modules need a kernel with CONFIG_KUNIT: the cached debug kernel.
# They are built in a copy of the tree, so the stock and debug objects never
# mix in one directory.
DEBUG_BUILD := $(CURDIR)/build/debug
SOURCES	:= Kbuild $(wildcard common/*.[ch] mailbox/*.[ch] pf/*.[ch] vf/*.[ch] kunit/*.[ch])

.PHONY: all modules lint install kunit check demo bench soak clean help

all: modules

modules:
	$(KBUILD) $(IGX_TEST_CONFIG) modules

# pipefail: a build that fails without printing "warning:" or "error:"
# (a missing KDIR, a kbuild crash) fails lint too.
lint:
	@mkdir -p build
	set -o pipefail; $(KBUILD) $(IGX_TEST_CONFIG) C=2 CHECK="sparse -Wno-unknown-attribute" modules 2>&1 | \
		tee build/lint.log | { ! grep -E 'warning:|error:'; }
	scripts/checkpatch $(filter %.c %.h,$(SOURCES))

install:
	$(KBUILD) modules
	$(KBUILD) modules_install
	depmod -a $(KVER)

kunit:
	@kdir=$$(scripts/debug-kernel) && \
	mkdir -p $(DEBUG_BUILD) && \
	rsync -a --relative $(SOURCES) $(DEBUG_BUILD)/ && \
	$(MAKE) -C $$kdir M=$(DEBUG_BUILD) $(IGX_CONFIG) $(IGX_TEST_CONFIG) \
		CONFIG_IGX_KUNIT_TEST=m W=1 modules

check:
	scripts/check

demo:
	scripts/demo

bench:
	scripts/bench

soak:
	scripts/soak

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean
	rm -rf build

help:
	@sed -n '3,12p' Makefile
