// SPDX-License-Identifier: MIT
/* CRC32C: the CPU's instruction where arch/ has one, else slicing-by-4 tables built at first use. */
#include "crc32c.h"

/*
 * The init gets arch/<isa>/arch_crc32c.h (SSE4.2 crc32q, ARMv8 crc32cx: ~0.2
 * ns/byte against ~0.75 for the tables); host builds of the same file (rawinit-conf,
 * tests) have no arch/ on their include path and use the tables only.
 */
#if __has_include(<arch_crc32c.h>)
#include <arch_crc32c.h>
#else
static inline int arch_crc32c_ok(void) { return 0; }
static inline unsigned int arch_crc32c(unsigned int c, const unsigned char *p, unsigned long n)
{
	(void)p;
	(void)n;
	return c;
}
#endif

#define CRC32C_POLY	0x82f63b78u	/* reflected Castagnoli polynomial */

/*
 * Four 256-entry tables let the loop fold 4 bytes per step (slicing-by-4,
 * ~1.5 cycles/byte) instead of 1 (~5). Built once on first use: 4 KiB of
 * zeroed memory rather than 4 KiB of file.
 */
static unsigned int tab[4][256];

static void crc32c_init(void)
{
	unsigned int i, k, c;

	for (i = 0; i < 256; i++) {
		c = i;
		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ (CRC32C_POLY & (0u - (c & 1)));
		tab[0][i] = c;
	}
	for (i = 0; i < 256; i++)
		for (k = 1; k < 4; k++)
			tab[k][i] = (tab[k - 1][i] >> 8) ^ tab[0][tab[k - 1][i] & 0xff];
}

unsigned int crc32c(const void *data, unsigned long n)
{
	const unsigned char *p = data;
	unsigned int c = ~0u, k;

	if (arch_crc32c_ok()) {
		/* Whole words in hardware; the last 0..7 bytes bit by bit, no table. */
		c = arch_crc32c(c, p, n);
		for (p += n & ~7UL, n &= 7; n--; )
			for (c ^= *p++, k = 0; k < 8; k++)
				c = (c >> 1) ^ (CRC32C_POLY & (0u - (c & 1)));
		return ~c;
	}
	if (!tab[0][1])
		crc32c_init();
	for (; n >= 4; n -= 4, p += 4) {
		c ^= (unsigned int)p[0] | (unsigned int)p[1] << 8 |
		     (unsigned int)p[2] << 16 | (unsigned int)p[3] << 24;
		c = tab[3][c & 0xff] ^ tab[2][(c >> 8) & 0xff] ^
		    tab[1][(c >> 16) & 0xff] ^ tab[0][c >> 24];
	}
	while (n--)
		c = (c >> 8) ^ tab[0][(c ^ *p++) & 0xff];
	return ~c;
}
