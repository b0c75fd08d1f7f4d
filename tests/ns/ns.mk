# SPDX-License-Identifier: MIT
# Namespace tests: the hosted helpers, the test parent that starts rawinit as PID 1 of fresh
# namespaces and a concurrent rootfs writer (procswap). -include'd by the Makefile.
build/host/nsparent build/host/procswap: build/host/%: tests/ns/%.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) $< -o $@
