// SPDX-License-Identifier: MIT
/* libFuzzer target: the config decoder over arbitrary bytes, raw and with a repaired header. */
#include <stdint.h>
#include <string.h>
#include "../../init/conf.h"
#include "../../sys/crc32c.h"

static _Alignas(8) unsigned char buf[RC_TOTAL_MAX + 8];

/* After a successful decode, touch everything a caller may touch. */
static void walk(const struct conf *c)
{
	unsigned int t, i, k;
	volatile size_t sum = 0;

	for (t = 0; t < RC_SEC_TYPES; t++)
		for (i = 0; i < c->sec[t].count; i++)
			sum += ((const unsigned char *)c->sec[t].rec)[i];
	for (k = 0; k < c->strings_len; k++)
		sum += strlen(conf_str(c, k));
}

static void one(unsigned long n)
{
	char msg[256];
	struct fmt f = FMT_INIT(msg);
	struct conf c;

	if (conf_decode(buf, n, &c, &f) == 0)
		walk(&c);
}

/*
 * Most random inputs die at the magic or the checksum. So each input runs twice:
 * as given, then with magic, version, total_len and CRC repaired, which lets the
 * fuzzer reach the section table and record checks.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rc_header *h = (struct rc_header *)buf;

	if (size > RC_TOTAL_MAX)
		return 0;
	memcpy(buf, data, size);
	one(size);
	if (size < sizeof(*h))
		return 0;
	memcpy(h->magic, RC_MAGIC, 4);
	h->version = RC_VERSION;
	h->total_len = (uint32_t)size;
	h->crc32c = crc32c(buf + 16, size - 16);
	one(size);
	return 0;
}
