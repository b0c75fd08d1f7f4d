# SPDX-License-Identifier: MIT
# rawinit-conf, the host config compiler, linking the init's own decoder; the top Makefile includes it.

CONF_TOOL_SRCS := $(wildcard scripts/conf/*.c) init/conf_decode.c sys/crc32c.c sys/fmt.c
CONF_TOOL_HDRS := $(wildcard scripts/conf/*.h) init/conf.h init/conf_format.h sys/fmt.h \
		  sys/crc32c.h sys/mem.h
JANSSON = $(shell pkg-config --cflags --libs jansson)

build/host/rawinit-conf: $(CONF_TOOL_SRCS) $(CONF_TOOL_HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) -o $@ $(CONF_TOOL_SRCS) $(JANSSON)
