// SPDX-License-Identifier: MIT
/* CRC32C (Castagnoli), a byte at a time through one 256-entry table. */
#include "crc32c.h"

#define CRC32C_POLY	0x82f63b78u	/* reflected Castagnoli polynomial */

/* Built on first use: 1 KiB of .bss costs no file size, a const table 1 KiB. */
static unsigned int tab[256];

unsigned int crc32c(const void *data, unsigned long n)
{
	const unsigned char *p = data;
	unsigned int c, i, k;

	if (!tab[1]) {
		for (i = 0; i < 256; i++) {
			for (c = i, k = 0; k < 8; k++)
				c = (c >> 1) ^ (CRC32C_POLY & (0u - (c & 1)));
			tab[i] = c;
		}
	}
	for (c = ~0u; n--; p++)
		c = (c >> 8) ^ tab[(c ^ *p) & 0xff];
	return ~c;
}
