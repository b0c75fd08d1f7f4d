# SPDX-License-Identifier: MIT
# Host unit tests and a libFuzzer target of the /etc/passwd and /etc/group reader (pure:
# the file's read() is a parameter). -include'd by the Makefile.
build/host/test_passwd: tests/unit/test_passwd.c sys/passwd.c $(HDRS)
	@mkdir -p $(@D)
	$(Q)$(HOSTCC) $(HOSTCFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all \
		tests/unit/test_passwd.c sys/passwd.c -o $@

# libFuzzer over the lookups (ASan + UBSan): build/host/fuzz_passwd -max_total_time=60
build/host/fuzz_passwd: tests/fuzz/fuzz_passwd.c sys/passwd.c $(HDRS)
	@mkdir -p $(@D)
	$(Q)clang -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		tests/fuzz/fuzz_passwd.c sys/passwd.c -o $@
