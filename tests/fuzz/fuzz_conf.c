// SPDX-License-Identifier: MIT
/* libFuzzer target: the config decoder over arbitrary bytes, then the whole init reading what it accepted. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../init/conf.h"
#include "../../init/rawinit.h"
#include "../../sys/crc32c.h"
#include "fake_kernel.h"

#define INPUT_MAX	(RC_TOTAL_MAX + RC_ALIGN)	/* a little past the limit: the loader's edge */

int rawinit_main(int argc, char **argv, char **envp);	/* init/main.c, renamed */

/* After a successful decode, touch every record and every string. */
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

static enum fake_machine machine_for(const struct conf *c)
{
	const struct rc_init *in = CONF_ONE(c, RC_SEC_INIT, struct rc_init);

	if (in && in->mode == RC_MODE_CONTAINER)
		return FAKE_CONTAINER;
	if (in && in->mode == RC_MODE_SUBREAPER)
		return FAKE_SUBREAPER;
	return FAKE_VM;
}

/*
 * Decode from an exact-size heap copy: a read past the blob's end is an ASan
 * report. On success *m is the machine the config's mode runs on.
 */
static void decode(const unsigned char *data, size_t size, enum fake_machine *m)
{
	unsigned char *copy = malloc(size ? size : 1);
	char msg[256];
	struct fmt f = FMT_INIT(msg);
	struct conf c;

	memcpy(copy, data, size);
	if (!conf_decode(copy, size, &c, &f)) {
		walk(&c);
		*m = machine_for(&c);
	}
	free(copy);
}

/*
 * The init itself, from its main(), on the fake kernel with these bytes as
 * /etc/rawinit.conf: it loads them into its own buffer (whose tail the fake
 * kernel poisons), decodes, applies every section, forks and execs, on the
 * machine the config's mode asks for. A run ends in exit, reboot or kill.
 */
static void init_run(const unsigned char *blob, size_t size, enum fake_machine m)
{
	static char arg0[] = "rawinit", path[] = "PATH=/bin:/usr/bin";
	static char *argv[] = { arg0, 0 }, *envp[] = { path, 0 };
	static struct rawinit ri_start;
	static int saved;

	if (!saved) {
		ri_start = ri;
		saved = 1;
	}
	ri = ri_start;
	fake_reset(m, blob, size);
	if (!setjmp(fake_end.jmp))
		rawinit_main(1, argv, envp);
	fake_release();
}

/*
 * Most random inputs die at the magic or the checksum. So each input is
 * decoded as given, then with magic, version, total_len and CRC repaired,
 * which lets the fuzzer reach the section table and record checks; the
 * repaired bytes then go through the init.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static _Alignas(8) unsigned char fixed[INPUT_MAX];
	struct rc_header *h = (struct rc_header *)fixed;
	enum fake_machine m = FAKE_VM;

	if (size > INPUT_MAX)
		return 0;
	decode(data, size, &m);
	memcpy(fixed, data, size);
	if (size >= sizeof(*h)) {
		memcpy(h->magic, RC_MAGIC, 4);
		h->version = RC_VERSION;
		h->total_len = (uint32_t)size;
		h->crc32c = crc32c(fixed + RC_CRC_START, size - RC_CRC_START);
		m = FAKE_VM;
		decode(fixed, size, &m);
	}
	init_run(fixed, size, m);
	return 0;
}
