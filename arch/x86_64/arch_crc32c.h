/* SPDX-License-Identifier: MIT */
/* x86_64 CRC32C in hardware (SSE4.2 `crc32`), when the CPU has it. */
#ifndef ARCH_CRC32C_H
#define ARCH_CRC32C_H

#include <cpuid.h>

/* SSE4.2 is not in the x86-64 baseline: ask CPUID leaf 1 (ECX bit 20), once (in a VM
 * every CPUID traps to the hypervisor: microseconds). */
static inline int arch_crc32c_ok(void)
{
	static int ok = -1;
	unsigned int a, b, c, d;

	if (ok < 0)
		ok = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSE4_2);
	return ok;
}

/* Fold n/8 little-endian words into the running (inverted) crc; `crc32q` uses the
 * Castagnoli polynomial, as the table code does. Returns the crc. */
__attribute__((target("sse4.2")))
static inline unsigned int arch_crc32c(unsigned int crc, const unsigned char *p, unsigned long n)
{
	unsigned long long c = crc, w;

	for (; n >= 8; n -= 8, p += 8) {
		__builtin_memcpy(&w, p, 8);
		c = __builtin_ia32_crc32di(c, w);
	}
	return (unsigned int)c;
}

#endif
