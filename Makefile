# SPDX-License-Identifier: MIT
# rawinit: build for both ISAs, boot under qemu, test, measure. `make help` lists targets.

ARCH	?= x86_64
ARCHS	:= x86_64 aarch64
V	?= 0
Q	:= $(if $(filter 1,$(V)),,@)

# Cross prefix per ISA; CROSS_COMPILE=... sets the one of $(ARCH).
CROSS_COMPILE_x86_64	?=
CROSS_COMPILE_aarch64	?= aarch64-linux-gnu-
ifdef CROSS_COMPILE
CROSS_COMPILE_$(ARCH)	:= $(CROSS_COMPILE)
endif

# The init: freestanding, static, no libc, no unwind tables, sections for --gc-sections.
CFLAGS	:= -Os -std=gnu11 -Wall -Wextra -Werror -ffreestanding -fno-stack-protector \
	   -fno-asynchronous-unwind-tables -fno-unwind-tables -fno-pic -fno-pie \
	   -ffunction-sections -fdata-sections -fno-ident -fno-tree-loop-distribute-patterns
LDFLAGS	:= -nostdlib -static -no-pie -Wl,--gc-sections -Wl,--build-id=none \
	   -Wl,-z,noexecstack -Wl,-z,norelro -Wl,-z,noseparate-code -Wl,-z,max-page-size=4096 -Wl,-z,common-page-size=64
HOSTCC	:= gcc
HOSTCFLAGS := -O2 -g -Wall -Wextra -Werror
SAN	:= -fsanitize=address,undefined -fno-sanitize-recover=all
JANSSON	= $(shell pkg-config --cflags --libs jansson 2>/dev/null || echo -ljansson)

SYS_SRCS  := sys/fmt.c sys/mem.c sys/errname.c sys/clock.c sys/start.c sys/crc32c.c \
	     sys/netlink.c sys/netlink_route.c sys/netlink_sock.c sys/passwd.c
INIT_SRCS := $(wildcard init/*.c)
HDRS	  := $(wildcard sys/*.h init/*.h arch/*/*.h)
TEST_HDRS := $(wildcard tests/unit/*.h tests/fuzz/*.h tests/fuzz/stub/*.h)
FAKE_SRCS := tests/fuzz/fake_kernel.c tests/fuzz/fake_fs.c tests/fuzz/fake_net.c

# Host programs: build/NAME from SRC_NAME, with FLAGS_NAME and LIBS_NAME.
SRC_host/mkcpio		:= scripts/mkcpio.c
SRC_host/rawinit-conf	:= $(wildcard scripts/conf/*.c) init/conf_decode.c sys/crc32c.c sys/fmt.c
LIBS_host/rawinit-conf	 = $(JANSSON)
SRC_host/rawinit-conf-asan := $(SRC_host/rawinit-conf)
FLAGS_host/rawinit-conf-asan := $(SAN)
LIBS_host/rawinit-conf-asan  = $(JANSSON)
SRC_host/parent		:= tests/host/parent.c
SRC_host/listen1	:= tests/host/listen1.c
SRC_host/ptydrive	:= tests/host/ptydrive.c
SRC_host/sigprint	:= tests/host/sigprint.c
SRC_host/procswap	:= tests/ns/procswap.c
SRC_host/conf-mutate	:= tests/conf/mutate.c sys/crc32c.c
SRC_bench/spawn_time	:= bench/spawn_time.c
SRC_bench/stamp		:= bench/stamp.c
FLAGS_bench/stamp	:= -static -nostdlib -fno-stack-protector -fno-pie -no-pie
SRC_bench/conf_time	:= bench/conf_time.c init/conf_decode.c sys/crc32c.c sys/fmt.c
SRC_bench/sig_time	:= bench/sig_time.c
FLAGS_bench/conf_time	:= -Os
PROGS	:= host/mkcpio host/rawinit-conf host/rawinit-conf-asan host/parent host/listen1 \
	   host/procswap host/conf-mutate host/ptydrive host/sigprint
BENCH	:= bench/spawn_time bench/stamp bench/conf_time bench/sig_time

# Unit tests: every tests/unit/test_NAME.c, with the sources in SRC_host/test_NAME, sys/mem.c
# renamed (libc keeps its own) and the fake kernel's arch header (no syscall reaches the host).
SRC_host/test_sys	:= sys/fmt.c sys/errname.c
SRC_host/test_conf	:= init/conf_decode.c init/conf_find.c sys/crc32c.c sys/fmt.c $(FAKE_SRCS)
SRC_host/test_netlink	:= sys/netlink.c sys/netlink_route.c
SRC_host/test_passwd	:= sys/passwd.c
UNITS	:= $(patsubst tests/unit/%.c,host/%,$(wildcard tests/unit/test_*.c))
MEM_RENAME := -Dmemcpy=t_memcpy -Dmemmove=t_memmove -Dmemset=t_memset -Dmemcmp=t_memcmp \
	      -Dstrlen=t_strlen -fno-builtin

# Test builds of the init skipping one step (-DRAWINIT_SKIP_STEP): tests/host/harness.sh.
HARNESS_STEPS := hostname chdir creds signals

all: $(foreach a,$(ARCHS),build/$(a)/rawinit build/$(a)/sigwrap build/$(a)/rawinit-crash) \
	build/host/mkcpio build/host/rawinit-conf

# Per-ISA rules: objects, the unstripped .elf (symbols for checks), the stripped binary.
define isa_rules
build/$(1)/%.o: %.c $(HDRS)
	@mkdir -p $$(@D)
	$(Q)$(CROSS_COMPILE_$(1))gcc $(CFLAGS) -Iarch/$(1) -c $$< -o $$@
build/$(1)/start.o: arch/$(1)/start.S
	@mkdir -p $$(@D)
	$(Q)$(CROSS_COMPILE_$(1))gcc -c $$< -o $$@
build/$(1)/rawinit.elf: build/$(1)/start.o $(patsubst %.c,build/$(1)/%.o,$(SYS_SRCS) $(INIT_SRCS))
build/$(1)/sigwrap.elf: build/$(1)/start.o $(patsubst %.c,build/$(1)/%.o,$(SYS_SRCS) tests/probe/sigwrap.c)
# Test build: main.c with the crash hook (tests/probe/crash.c), for the crash guard's boot cases.
build/$(1)/crashtest/main.o: init/main.c $(HDRS)
	@mkdir -p $$(@D)
	$(Q)$(CROSS_COMPILE_$(1))gcc $(CFLAGS) -DRAWINIT_CRASH_TEST -Iarch/$(1) -c $$< -o $$@
build/$(1)/rawinit-crash.elf: build/$(1)/start.o build/$(1)/crashtest/main.o \
		build/$(1)/tests/probe/crash.o \
		$(patsubst %.c,build/$(1)/%.o,$(SYS_SRCS) $(filter-out init/main.c,$(INIT_SRCS)))
build/$(1)/%.elf:
	$(Q)$(CROSS_COMPILE_$(1))gcc $(LDFLAGS) -o $$@ $$^
build/$(1)/skip-%/rawinit.elf: arch/$(1)/start.S $(SYS_SRCS) $(INIT_SRCS) $(HDRS)
	@mkdir -p $$(@D)
	$(Q)$(CROSS_COMPILE_$(1))gcc $(CFLAGS) $(LDFLAGS) -Iarch/$(1) -DRAWINIT_SKIP_STEP='"$$*"' \
		-o $$@ $$(filter %.S %.c,$$^)
build/$(1)/%: build/$(1)/%.elf
	$(Q)$(CROSS_COMPILE_$(1))strip --strip-all -R .comment -o $$@ $$<
endef
$(foreach a,$(ARCHS),$(eval $(call isa_rules,$(a))))

.SECONDEXPANSION:
$(PROGS:%=build/%) $(BENCH:%=build/%): build/%: $$(SRC_$$*) $(HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) $(FLAGS_$*) $(SRC_$*) -o $@ $(LIBS_$*)
$(UNITS:%=build/%): build/%: tests/unit/$$(*F).c $$(SRC_$$*) build/host/mem-t.o $(HDRS) $(TEST_HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) $(SAN) -Itests/fuzz/stub $(filter %.c %.o,$^) -o $@
build/host/mem-t.o: sys/mem.c $(HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) $(SAN) $(MEM_RENAME) -c $< -o $@

# libFuzzer (ASan + UBSan) over the decoder, then over the whole init reading what it accepted
# (the init's own sources on the fake kernel), and over the passwd/group reader. `make fuzz`
# runs until stopped (FUZZ_SECONDS=N to bound it); make test runs each for 45 seconds.
FUZZ_SECONDS ?= 0
# RC_TOTAL_MAX + RC_ALIGN: inputs just past the limit reach the loader's edge.
FUZZ_LEN  := 32776
FUZZ_CC   := clang -O1 -g $(SAN) -Itests/fuzz/stub
FUZZ_SRCS := tests/fuzz/fuzz_conf.c $(FAKE_SRCS) $(filter-out init/main.c,$(INIT_SRCS)) \
	     $(filter-out sys/mem.c sys/start.c,$(SYS_SRCS))
build/host/fuzz_conf: $(FUZZ_SRCS) init/main.c sys/mem.c $(HDRS) $(TEST_HDRS)
	@mkdir -p $(@D)
	$(Q)$(FUZZ_CC) -fsanitize=fuzzer-no-link -Dmain=rawinit_main -c init/main.c -o $@-main.o
	$(Q)$(FUZZ_CC) -fsanitize=fuzzer-no-link $(MEM_RENAME) -c sys/mem.c -o $@-mem.o
	$(Q)$(FUZZ_CC) -fsanitize=fuzzer $(FUZZ_SRCS) $@-main.o $@-mem.o -o $@
build/host/fuzz_passwd: tests/fuzz/fuzz_passwd.c sys/passwd.c $(HDRS)
	@mkdir -p $(@D)
	$(Q)$(FUZZ_CC) -fsanitize=fuzzer $(filter %.c,$^) -o $@

fuzz: build/host/fuzz_conf
	@mkdir -p build/fuzz-corpus
	build/host/fuzz_conf -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_LEN) -print_final_stats=1 \
		build/fuzz-corpus tests/fuzz/corpus

deps:
	$(Q)sh scripts/deps.sh

size: all
	$(Q)for a in $(ARCHS); do printf '%-8s %6s bytes  build/%s/rawinit\n' $$a \
		$$(stat -c %s build/$$a/rawinit) $$a; done

run shell: deps all
	$(Q)sh scripts/demo.sh $(ARCH) $(filter shell,$@)

test: deps all $(PROGS:%=build/%) $(UNITS:%=build/%) build/host/fuzz_conf build/host/fuzz_passwd \
	$(HARNESS_STEPS:%=build/x86_64/skip-%/rawinit)
	$(Q)sh tests/run.sh

bench: deps all build/host/parent $(BENCH:%=build/%)
	$(Q)sh bench/run.sh

clean:
	rm -rf build

help:
	@echo 'make            build build/{x86_64,aarch64}/rawinit and the host tools (no apt)'
	@echo 'make deps       install what is missing (apt, kernels, busybox: scripts/deps.sh)'
	@echo 'make run        boot the demo microVM (ARCH=$(ARCH); ARCH=aarch64 for the other)'
	@echo 'make shell      boot into a busybox shell; leaving it powers the VM off'
	@echo 'make test       the whole suite: unit, host, size and boot tests on both ISAs'
	@echo 'make bench      sizes, start-up, faults, syscalls, RSS vs peers; decoder; network (netns, VM)'
	@echo 'make fuzz       libFuzzer over the config decoder and the init reading it (FUZZ_SECONDS=N)'
	@echo 'make size       print the size of each stripped init'
	@echo 'make clean      remove build/'
	@echo 'V=1             show the commands'
	@echo 'CROSS_COMPILE=  cross prefix for ARCH (or CROSS_COMPILE_x86_64=, CROSS_COMPILE_aarch64=)'
	@echo 'build/x86_64/skip-STEP/rawinit   the init skipping STEP (tests/host/harness.sh)'

.PHONY: all deps size run shell test bench fuzz clean help
.SECONDARY:
