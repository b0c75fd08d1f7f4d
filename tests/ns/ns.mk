# SPDX-License-Identifier: MIT
# Namespace tests: the hosted test parent that starts rawinit as PID 1 of fresh namespaces.
# -include'd by the Makefile.
build/host/nsparent: tests/ns/nsparent.c
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) $< -o $@
