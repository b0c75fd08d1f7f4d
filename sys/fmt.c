// SPDX-License-Identifier: MIT
/* Fixed-buffer formatting of strings and integers, and decimal parsing. */
#include <asm-generic/errno-base.h>
#include "fmt.h"

#define FMT_DIGITS_MAX	20	/* digits in 2^64-1 */

void fmt_char(struct fmt *f, char c)
{
	if (f->len < f->cap)
		f->buf[f->len++] = c;
	else
		f->full = 1;
}

void fmt_str(struct fmt *f, const char *s)
{
	while (*s)
		fmt_char(f, *s++);
}

void fmt_udec_pad(struct fmt *f, unsigned long v, unsigned int width, char pad)
{
	char d[FMT_DIGITS_MAX];
	unsigned int n = 0;

	do {
		d[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (width-- > n)
		fmt_char(f, pad);
	while (n)
		fmt_char(f, d[--n]);
}

void fmt_udec(struct fmt *f, unsigned long v)
{
	fmt_udec_pad(f, v, 0, ' ');
}

void fmt_dec(struct fmt *f, long v)
{
	if (v < 0) {
		fmt_char(f, '-');
		fmt_udec(f, -(unsigned long)v);
	} else {
		fmt_udec(f, (unsigned long)v);
	}
}

void fmt_hex(struct fmt *f, unsigned long v)
{
	int shift = 60;

	fmt_str(f, "0x");
	while (shift > 0 && !(v >> shift))
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		fmt_char(f, "0123456789abcdef"[(v >> shift) & 15]);
}

int parse_ulong(const char *s, unsigned long *out)
{
	unsigned long v = 0;

	if (!*s)
		return -EINVAL;
	for (; *s; s++) {
		unsigned int d = (unsigned int)(*s - '0');

		if (d > 9)
			return -EINVAL;
		if (v > (~0UL - d) / 10)
			return -ERANGE;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}
