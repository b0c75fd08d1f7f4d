# SPDX-License-Identifier: MIT
# Host unit tests of the pure netlink layer (netlink.c, netlink_route.c; the socket part,
# netlink_sock.c, needs the kernel and is left out). -include'd by the Makefile.
build/host/test_netlink: tests/unit/test_netlink.c sys/netlink.c sys/netlink_route.c $(HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all \
		tests/unit/test_netlink.c sys/netlink.c sys/netlink_route.c -o $@
