/* SPDX-License-Identifier: MIT */
/* A formatter into a caller's fixed buffer (decimal, hex, strings) and a number parser. */
#ifndef SYS_FMT_H
#define SYS_FMT_H

/*
 * Output that does not fit is dropped, never written past cap; `full` records
 * that something was dropped so a caller can mark the line as cut.
 */
struct fmt {
	char *buf;
	unsigned int len;
	unsigned int cap;
	int full;
};

#define FMT_INIT(array)	{ (array), 0, sizeof(array), 0 }

void fmt_char(struct fmt *f, char c);
void fmt_str(struct fmt *f, const char *s);
void fmt_udec(struct fmt *f, unsigned long v);
void fmt_dec(struct fmt *f, long v);
void fmt_hex(struct fmt *f, unsigned long v);
/* v as decimal, right-aligned in at least `width` characters, padded with `pad`. */
void fmt_udec_pad(struct fmt *f, unsigned long v, unsigned int width, char pad);

/* Parse a whole string of decimal digits; 0, or -EINVAL / -ERANGE. */
int parse_ulong(const char *s, unsigned long *out);

#endif
