# SPDX-License-Identifier: MIT
# rawinit: build for both ISAs, boot under qemu, test, measure. `make help` lists targets.

ARCH	?= x86_64
ARCHS	:= x86_64 aarch64
V	?= 0
Q	:= $(if $(filter 1,$(V)),,@)

CROSS_x86_64	:=
CROSS_aarch64	:= aarch64-linux-gnu-

# The init: freestanding, static, no libc, no unwind tables, sections for --gc-sections.
CFLAGS	:= -Os -std=gnu11 -Wall -Wextra -Werror -ffreestanding -fno-stack-protector \
	   -fno-asynchronous-unwind-tables -fno-unwind-tables -fno-pic -fno-pie \
	   -ffunction-sections -fdata-sections -fno-ident -fno-tree-loop-distribute-patterns
LDFLAGS	:= -nostdlib -static -no-pie -Wl,--gc-sections -Wl,--build-id=none \
	   -Wl,-z,noexecstack -Wl,-z,norelro -Wl,-z,noseparate-code -Wl,-z,max-page-size=4096 -Wl,-z,common-page-size=64
HOSTCC	:= gcc
HOSTCFLAGS := -O2 -g -Wall -Wextra -Werror

SYS_SRCS  := sys/fmt.c sys/mem.c sys/errname.c sys/clock.c sys/start.c sys/crc32c.c \
	     sys/netlink.c sys/netlink_route.c sys/netlink_sock.c sys/passwd.c
INIT_SRCS := $(wildcard init/*.c)
HDRS	  := $(wildcard sys/*.h init/*.h arch/*/*.h)

all: deps $(foreach a,$(ARCHS),build/$(a)/rawinit build/$(a)/sigwrap build/$(a)/rawinit-crash) \
	build/host/mkcpio \
	build/host/rawinit-conf

# Per-ISA rules: objects, the unstripped .elf (symbols for checks), the stripped binary.
define isa_rules
build/$(1)/%.o: %.c $(HDRS)
	@mkdir -p $$(@D)
	$(Q)$(CROSS_$(1))gcc $(CFLAGS) -Iarch/$(1) -c $$< -o $$@
build/$(1)/start.o: arch/$(1)/start.S
	@mkdir -p $$(@D)
	$(Q)$(CROSS_$(1))gcc -c $$< -o $$@
build/$(1)/rawinit.elf: build/$(1)/start.o $(patsubst %.c,build/$(1)/%.o,$(SYS_SRCS) $(INIT_SRCS))
	$(Q)$(CROSS_$(1))gcc $(LDFLAGS) -o $$@ $$^
build/$(1)/sigwrap.elf: build/$(1)/start.o $(patsubst %.c,build/$(1)/%.o,$(SYS_SRCS) tests/probe/sigwrap.c)
	$(Q)$(CROSS_$(1))gcc $(LDFLAGS) -o $$@ $$^
# Test build: main.c with the crash hook (tests/probe/crash.c), for the crash guard's boot cases.
build/$(1)/crashtest/main.o: init/main.c $(HDRS)
	@mkdir -p $$(@D)
	$(Q)$(CROSS_$(1))gcc $(CFLAGS) -DRAWINIT_CRASH_TEST -Iarch/$(1) -c $$< -o $$@
build/$(1)/rawinit-crash.elf: build/$(1)/start.o build/$(1)/crashtest/main.o \
		build/$(1)/tests/probe/crash.o \
		$(patsubst %.c,build/$(1)/%.o,$(SYS_SRCS) $(filter-out init/main.c,$(INIT_SRCS)))
	$(Q)$(CROSS_$(1))gcc $(LDFLAGS) -o $$@ $$^
build/$(1)/%: build/$(1)/%.elf
	$(Q)$(CROSS_$(1))strip --strip-all -R .comment -o $$@ $$<
endef
$(foreach a,$(ARCHS),$(eval $(call isa_rules,$(a))))

build/host/mkcpio: scripts/mkcpio.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) $< -o $@

# Unit tests of sys/ on the host; mem.c's symbols renamed so libc keeps its own.
MEM_RENAME := -Dmemcpy=t_memcpy -Dmemmove=t_memmove -Dmemset=t_memset -Dmemcmp=t_memcmp \
	      -Dstrlen=t_strlen -fno-builtin
build/host/test_sys: tests/unit/test_sys.c sys/fmt.c sys/errname.c sys/mem.c $(HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) -fsanitize=address,undefined -c sys/mem.c $(MEM_RENAME) -o $@-mem.o
	$(Q)$(HOSTCC) $(HOSTCFLAGS) -fsanitize=address,undefined tests/unit/test_sys.c sys/fmt.c \
		sys/errname.c $@-mem.o -o $@

# The fake kernel: the init's own code on the host, with no syscall reaching it (tests/fuzz/stub
# stands in for arch/<isa>/arch_syscall.h). test_conf: the decoder, and the loader on it.
FAKE_SRCS := tests/fuzz/fake_kernel.c tests/fuzz/fake_fs.c tests/fuzz/fake_net.c
FAKE_HDRS := tests/fuzz/fake_kernel.h tests/fuzz/fake_priv.h tests/fuzz/stub/arch_syscall.h
TEST_CONF_SRCS := tests/unit/test_conf.c init/conf_decode.c init/conf_find.c $(FAKE_SRCS) sys/crc32c.c sys/fmt.c
build/host/test_conf: $(TEST_CONF_SRCS) tests/unit/conf_blob.h $(FAKE_HDRS) sys/mem.c $(HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) -fsanitize=address,undefined -c sys/mem.c $(MEM_RENAME) -o $@-mem.o
	$(Q)$(HOSTCC) $(HOSTCFLAGS) -fsanitize=address,undefined -Itests/fuzz/stub $(TEST_CONF_SRCS) \
		$@-mem.o -o $@

# Damaged copies of valid blobs (checksum repaired), for tests/conf and the boot tests.
build/host/conf-mutate: tests/conf/mutate.c sys/crc32c.c init/conf_format.h
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) tests/conf/mutate.c sys/crc32c.c -o $@

# libFuzzer (ASan + UBSan) over the decoder, then over the whole init reading what it accepted:
# the init's own sources, unchanged, on the fake kernel of tests/fuzz/stub (no syscall reaches
# the host). `make fuzz` runs until stopped (FUZZ_SECONDS=N to bound it); make test runs it for
# 45 seconds from the checked-in corpus (tests/fuzz/seed.sh rebuilds it).
FUZZ_SECONDS ?= 0
# RC_TOTAL_MAX + RC_ALIGN: inputs just past the limit reach the loader's edge.
FUZZ_LEN  := 32776
FUZZ_CC   := clang -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -Itests/fuzz/stub
FUZZ_SRCS := tests/fuzz/fuzz_conf.c $(FAKE_SRCS) $(filter-out init/main.c,$(INIT_SRCS)) \
	     $(filter-out sys/mem.c sys/start.c,$(SYS_SRCS))
build/host/fuzz_conf: $(FUZZ_SRCS) init/main.c sys/mem.c $(FAKE_HDRS) $(HDRS)
	@mkdir -p $(@D)
	$(Q)$(FUZZ_CC) -fsanitize=fuzzer-no-link -Dmain=rawinit_main -c init/main.c -o $@-main.o
	$(Q)$(FUZZ_CC) -fsanitize=fuzzer-no-link $(MEM_RENAME) -c sys/mem.c -o $@-mem.o
	$(Q)$(FUZZ_CC) -fsanitize=fuzzer $(FUZZ_SRCS) $@-main.o $@-mem.o -o $@

fuzz: build/host/fuzz_conf
	@mkdir -p build/fuzz-corpus
	build/host/fuzz_conf -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_LEN) -print_final_stats=1 \
		build/fuzz-corpus tests/fuzz/corpus

build/host/netparent: tests/host/netparent.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) $< -o $@

build/host/listen1: tests/host/listen1.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) $< -o $@

build/host/hygparent: tests/host/hygparent.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) $< -o $@

-include sys/netlink.mk
-include tests/ns/ns.mk
-include scripts/conf/conf.mk
-include sys/passwd.mk

# rawinit-conf under ASan and UBSan: tests/conf runs check and dump on damaged blobs with it.
build/host/rawinit-conf-asan: $(CONF_TOOL_SRCS) $(CONF_TOOL_HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all -o $@ \
		$(CONF_TOOL_SRCS) $(JANSSON)

deps:
	$(Q)sh scripts/deps.sh

size: all
	$(Q)for a in $(ARCHS); do printf '%-8s %6s bytes  build/%s/rawinit\n' $$a \
		$$(stat -c %s build/$$a/rawinit) $$a; done

run: all
	$(Q)sh scripts/demo.sh $(ARCH)

shell: all
	$(Q)sh scripts/demo.sh $(ARCH) shell

test: all build/host/test_sys build/host/test_conf build/host/test_netlink build/host/fuzz_conf \
	build/host/fuzz_passwd build/host/netparent build/host/listen1 build/host/test_passwd \
	build/host/hygparent build/host/nsparent build/host/procswap build/host/conf-mutate \
	build/host/rawinit-conf-asan
	$(Q)sh tests/run.sh

bench: all
	$(Q)sh bench/run.sh

clean:
	rm -rf build

help:
	@echo 'make            build build/{x86_64,aarch64}/rawinit (installs deps if missing)'
	@echo 'make run        boot the demo microVM (ARCH=$(ARCH); ARCH=aarch64 for the other)'
	@echo 'make shell      boot into a busybox shell; leaving it powers the VM off'
	@echo 'make test       the whole suite: unit, host, size and boot tests on both ISAs'
	@echo 'make bench      sizes, start-up, faults, syscalls, RSS vs peers; decoder; network (netns, VM)'
	@echo 'make fuzz       libFuzzer over the config decoder and the init reading it (FUZZ_SECONDS=N)'
	@echo 'make size       print the size of each stripped init'
	@echo 'make clean      remove build/'
	@echo 'V=1             show the commands'

.PHONY: all deps size run shell test bench fuzz clean help
.SECONDARY:
