// SPDX-License-Identifier: MIT
/* conf-mutate: damaged copies of a valid blob with the checksum repaired, for the decoder's consumers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../init/conf_format.h"
#include "../../sys/crc32c.h"

#define RANDOM_MUTANTS	24	/* byte-level mutants per input, after the per-section ones */
#define TYPE_UNKNOWN	0x7e	/* a section type no reader knows */

static _Alignas(8) unsigned char in[RC_TOTAL_MAX], out[RC_TOTAL_MAX];
static unsigned long in_len;

static void die(const char *what, const char *why)
{
	fprintf(stderr, "conf-mutate: %s: %s\n", what, why);
	exit(1);
}

static void load(const char *path)
{
	FILE *f = fopen(path, "rb");

	if (!f)
		die(path, "cannot open");
	in_len = fread(in, 1, sizeof(in), f);
	if (in_len < sizeof(struct rc_header) || fgetc(f) != EOF)
		die(path, "not a blob of 24 to RC_TOTAL_MAX bytes");
	fclose(f);
}

static struct rc_header *hdr(void)
{
	return (struct rc_header *)out;
}

static struct rc_section *sec(unsigned int i)
{
	return (struct rc_section *)(hdr() + 1) + i;
}

/* Write out[] with total_len and the checksum repaired: only the mutation is wrong. */
static void save(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	hdr()->total_len = (__u32)in_len;
	hdr()->crc32c = crc32c(out + RC_CRC_START, in_len - RC_CRC_START);
	snprintf(path, sizeof(path), "%s/%s.bin", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(out, 1, in_len, f) != in_len || fclose(f))
		die(path, "cannot write");
}

/* The table index of the first section of type t, or -1. */
static int find(unsigned int t)
{
	unsigned int i;

	for (i = 0; i < hdr()->section_count && (i + 1) * sizeof(struct rc_section) +
	     sizeof(struct rc_header) <= in_len; i++)
		if (sec(i)->type == t)
			return (int)i;
	return -1;
}

/* The section left in place with no records: what crashed PID 1 (issue #8, item 3). */
static void noargv(const char *dst)
{
	int i;
	FILE *f;

	memcpy(out, in, in_len);
	i = find(RC_SEC_ARGV);
	if (i < 0)
		die("noargv", "the blob has no argv section");
	sec(i)->count = 0;
	sec(i)->length = 0;
	hdr()->crc32c = crc32c(out + RC_CRC_START, in_len - RC_CRC_START);
	f = fopen(dst, "wb");
	if (!f || fwrite(out, 1, in_len, f) != in_len || fclose(f))
		die(dst, "cannot write");
}

/* xorshift32: the same mutants on every run. */
static unsigned int rnd(unsigned int *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static const __u32 interesting[] = { 0, 1, 4, 8, 0x7f, 0xff, 0xffff, RC_NONE, RC_LINK_LO };

/*
 * Per section: no records in place, at the blob's end or at the string area's
 * start; one record fewer, one more; its type unknown and optional. Then byte and word damage at
 * seeded positions past the checksum. Prints how many files it wrote.
 */
static void all(const char *dir, const char *prefix, unsigned int seed)
{
	unsigned int i, k, n = 0, nsec = ((struct rc_header *)in)->section_count, size, pos;
	char name[256];
	int strings;
	__u32 v;

	memcpy(out, in, in_len);
	strings = find(RC_SEC_STRINGS);

	for (i = 0; i < nsec && i < RC_SECTIONS_MAX; i++) {
		memcpy(out, in, in_len);
		if (!sec(i)->count)
			continue;
		size = sec(i)->length / sec(i)->count;
		for (k = 0; k < 6; k++) {
			memcpy(out, in, in_len);
			if (k == 0 || k == 1 || k == 5) {
				sec(i)->count = sec(i)->length = 0;
				if (k == 1)
					sec(i)->offset = (__u32)in_len & ~(RC_ALIGN - 1u);
				if (k == 5 && strings >= 0)
					sec(i)->offset = sec(strings)->offset;
			} else if (k == 2 && sec(i)->count > 1) {
				sec(i)->count--;
				sec(i)->length -= size;
			} else if (k == 3) {
				sec(i)->count++;
				sec(i)->length += size;
			} else if (k == 4) {
				sec(i)->type = TYPE_UNKNOWN;
				sec(i)->flags = 0;
			} else {
				continue;
			}
			snprintf(name, sizeof(name), "%s-s%u-%s", prefix, ((struct rc_section *)
				 ((struct rc_header *)in + 1))[i].type,
				 (const char *[]){ "empty", "empty-at-end", "one-fewer", "one-more",
						   "unknown", "empty-on-strings" }[k]);
			save(dir, name);
			n++;
		}
	}
	for (i = 0; i < RANDOM_MUTANTS; i++) {
		memcpy(out, in, in_len);
		for (k = 0; k <= rnd(&seed) % 3; k++) {
			pos = RC_CRC_START + 4 + rnd(&seed) % (unsigned int)(in_len - RC_CRC_START - 4);
			if (i % 2) {
				out[pos] = (unsigned char)rnd(&seed);
				continue;
			}
			pos &= ~3u;
			if (pos + 4 > in_len || pos < RC_CRC_START + 4)
				continue;
			v = interesting[rnd(&seed) % (sizeof(interesting) / sizeof(interesting[0]))];
			memcpy(out + pos, &v, 4);
		}
		snprintf(name, sizeof(name), "%s-r%02u", prefix, i);
		save(dir, name);
		n++;
	}
	printf("%u\n", n);
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "noargv")) {
		load(argv[2]);
		noargv(argv[3]);
	} else if ((argc == 5 || argc == 6) && !strcmp(argv[1], "all")) {
		load(argv[2]);
		all(argv[3], argv[4], argc == 6 ? (unsigned int)strtoul(argv[5], 0, 0) : 0x2545f491u);
	} else {
		fputs("usage: conf-mutate noargv IN.bin OUT.bin\n"
		      "       conf-mutate all IN.bin OUTDIR PREFIX [SEED]   (prints the count)\n", stderr);
		return 2;
	}
	return 0;
}
