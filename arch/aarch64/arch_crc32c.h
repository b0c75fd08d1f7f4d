/* SPDX-License-Identifier: MIT */
/* aarch64 CRC32C in hardware (the CRC32 extension, `crc32cx`), when the CPU has it. */
#ifndef ARCH_CRC32C_H
#define ARCH_CRC32C_H

#include <asm/hwcap.h>
#include <linux/auxvec.h>

extern unsigned long *sys_auxv;	/* sys/start.c */

/* Optional in ARMv8.0 (Cortex-A57 has it), mandatory from 8.1: ask AT_HWCAP. */
static inline int arch_crc32c_ok(void)
{
	unsigned long *a;

	for (a = sys_auxv; a && a[0] != AT_NULL; a += 2)
		if (a[0] == AT_HWCAP)
			return !!(a[1] & HWCAP_CRC32);
	return 0;
}

/* Fold n/8 little-endian words into the running (inverted) crc. Returns the crc. */
__attribute__((target("+crc")))
static inline unsigned int arch_crc32c(unsigned int crc, const unsigned char *p, unsigned long n)
{
	unsigned long w;

	for (; n >= 8; n -= 8, p += 8) {
		__builtin_memcpy(&w, p, 8);
		crc = __builtin_aarch64_crc32cx(crc, w);
	}
	return crc;
}

#endif
