// SPDX-License-Identifier: MIT
/* Host unit tests of the config decoder: a valid blob, then every malformation with its own message. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "../../init/conf.h"
#include "conf_blob.h"

static int failed;

static void expect(int cond, const char *name, const char *detail)
{
	printf("%s - unit conf: %s%s%s\n", cond ? "ok" : "FAIL", name,
	       cond ? "" : ": ", cond ? "" : detail);
	failed += !cond;
}

static char msg[256];

/* Decode; the message (or "ok") lands in msg. */
static int decode(const void *b, unsigned long len, struct conf *c)
{
	struct fmt f = FMT_INIT(msg);
	int r;

	memset(msg, 0, sizeof(msg));
	r = conf_decode(b, len, c, &f);
	msg[f.len < sizeof(msg) ? f.len : sizeof(msg) - 1] = 0;
	if (!r)
		strcpy(msg, "ok");
	return r;
}

/* strings "\0/bin/sh\0-c\0A=1\0/work\0"; offsets 1, 9, 12, 16 */
static const char strs[] = "\0/bin/sh\0-c\0A=1\0/work";
static const __u32 argv[] = { 1, 9 };
static const __u32 env[] = { 12 };

/* A valid blob: strings, init, argv, env, process. */
static void build_valid(struct tblob *t)
{
	struct rc_init in = { .mode = RC_MODE_AUTO, .grace_ms = 500, .sync_fd = RC_NONE };
	struct rc_process p = { .cwd = 16, .umask = RC_NONE };

	tb_init(t, 5);
	tb_add(t, 0, RC_SEC_STRINGS, strs, sizeof(strs), sizeof(strs));
	tb_add(t, 1, RC_SEC_INIT, &in, sizeof(in), 1);
	tb_add(t, 2, RC_SEC_ARGV, argv, sizeof(argv), 2);
	tb_add(t, 3, RC_SEC_ENV, env, sizeof(env), 1);
	tb_add(t, 4, RC_SEC_PROCESS, &p, sizeof(p), 1);
	tb_seal(t);
}

/* Rebuild a valid blob, let `edit` break it, reseal, expect `want` in the message. */
#define BROKEN(name, want, edit) do {					\
	struct conf c_;							\
	build_valid(&t);						\
	{ edit; }							\
	tb_seal(&t);							\
	expect(decode(t.b, t.len, &c_) == -EINVAL && strstr(msg, want), name, msg); \
} while (0)

int main(void)
{
	static struct tblob t;
	struct conf c;
	unsigned int n, all;

	build_valid(&t);
	expect(decode(t.b, t.len, &c) == 0, "a valid blob decodes", msg);
	expect(c.sec[RC_SEC_ARGV].count == 2 && !strcmp(conf_str(&c, ((const __u32 *)
	       c.sec[RC_SEC_ARGV].rec)[1]), "-c"), "records are read in place", msg);
	expect(CONF_ONE(&c, RC_SEC_INIT, struct rc_init)->grace_ms == 500,
	       "the init record is the blob's own", msg);

	/* Every truncation point fails, and says so. */
	for (all = 1, n = 0; n < t.len; n++)
		if (decode(t.b, n, &c) != -EINVAL || !strstr(msg, "truncated"))
			all = 0;
	expect(all, "truncation at every byte offset is refused as truncated", msg);

	BROKEN("bad magic", "bad magic", t.b[0] = 'X');
	BROKEN("unknown version", "version 2, this rawinit reads 1", tb_hdr(&t)->version = 2);
	BROKEN("header flags", "header flags/reserved not 0", tb_hdr(&t)->flags = 1);
	{
		build_valid(&t);
		t.b[t.len - 1] ^= 1;	/* after sealing: the checksum no longer matches */
		expect(decode(t.b, t.len, &c) == -EINVAL && strstr(msg, "bad checksum"),
		       "bad checksum", msg);
	}
	BROKEN("section table past the end", "section table ends at",
	       tb_hdr(&t)->section_count = 30);
	BROKEN("too many sections", "40 sections, limit 32", tb_hdr(&t)->section_count = 40);
	BROKEN("offset past the end", "argv: offset", tb_sec(&t, 2)->offset = t.len + 8);
	BROKEN("length past the end", "past the end", tb_sec(&t, 2)->length = 4096);
	BROKEN("offset inside the header", "in the header", tb_sec(&t, 2)->offset = 8);
	BROKEN("misaligned offset", "not 8-aligned", tb_sec(&t, 2)->offset += 4);
	BROKEN("overlapping sections", "env: overlaps section 2",
	       tb_sec(&t, 3)->offset = tb_sec(&t, 2)->offset);
	BROKEN("a section twice", "appears twice", tb_sec(&t, 3)->type = RC_SEC_ARGV;
	       tb_sec(&t, 3)->length = 4);
	BROKEN("unterminated strings", "strings: missing or not NUL-bounded",
	       t.b[tb_sec(&t, 0)->offset + sizeof(strs) - 1] = 'x');
	BROKEN("no strings section", "strings: missing", tb_sec(&t, 0)->type = 200;
	       tb_sec(&t, 0)->flags = 0);
	BROKEN("string offset past the area", "argv[1]: string offset 4100 past string area (22 bytes)",
	       ((__u32 *)(t.b + tb_sec(&t, 2)->offset))[1] = 4100);
	BROKEN("count over the limit", "argv: count 300, limit 256",
	       tb_sec(&t, 2)->count = 300);
	BROKEN("singleton with two records", "init: count 2, limit 1",
	       tb_sec(&t, 1)->count = 2);
	BROKEN("length not count x size", "argv: length 8 not count x 4",
	       tb_sec(&t, 2)->count = 1);
	BROKEN("unknown must-understand section", "unknown must-understand type 77",
	       tb_sec(&t, 3)->type = 77);
	BROKEN("env entry without =", "env[0]: not KEY=VALUE",
	       ((__u32 *)(t.b + tb_sec(&t, 3)->offset))[0] = 1);
	BROKEN("relative working directory", "process.cwd: not an absolute path",
	       ((struct rc_process *)(t.b + tb_sec(&t, 4)->offset))->cwd = 9);
	BROKEN("mode out of range", "init.mode: value 9, maximum 4",
	       ((struct rc_init *)(t.b + tb_sec(&t, 1)->offset))->mode = 9);
	BROKEN("unknown init flags", "init.flags: unknown flags 128",
	       ((struct rc_init *)(t.b + tb_sec(&t, 1)->offset))->flags = 0x80);
	BROKEN("reserved field set", "init.reserved[1]: reserved field is 5",
	       ((struct rc_init *)(t.b + tb_sec(&t, 1)->offset))->reserved[1] = 5);
	BROKEN("empty program name", "argv: empty",
	       ((__u32 *)(t.b + tb_sec(&t, 2)->offset))[0] = 0);
	{
		/* An unknown section without must-understand is skipped. */
		build_valid(&t);
		tb_sec(&t, 3)->type = 77;
		tb_sec(&t, 3)->flags = 0;
		tb_seal(&t);
		expect(decode(t.b, t.len, &c) == 0 && !c.sec[RC_SEC_ENV].rec,
		       "an unknown optional section is skipped", msg);
	}
	{
		/* Capabilities past the last known one, and a link index out of range. */
		struct rc_caps caps = { .bounding = 1ULL << 45, .set = RC_CAPS_BOUNDING };
		struct rc_addr a = { .link = 3, .family = 2, .prefix = 24 };

		tb_init(&t, 2);
		tb_add(&t, 0, RC_SEC_STRINGS, "", 1, 1);
		tb_add(&t, 1, RC_SEC_CAPS, &caps, sizeof(caps), 1);
		tb_seal(&t);
		expect(decode(t.b, t.len, &c) == -EINVAL &&
		       strstr(msg, "caps.bounding: capability 45, last is 40"), "unknown capability", msg);
		tb_init(&t, 2);
		tb_add(&t, 0, RC_SEC_STRINGS, "", 1, 1);
		tb_add(&t, 1, RC_SEC_ADDRS, &a, sizeof(a), 1);
		tb_seal(&t);
		expect(decode(t.b, t.len, &c) == -EINVAL && strstr(msg, "addrs[0].link: link 3 of 0"),
		       "address on a link that does not exist", msg);
	}
	{
		/* The largest blob the limits allow still decodes. */
		static char big[RC_STRINGS_MAX];
		static __u32 refs[RC_ENV_MAX];

		memset(big, 'a', sizeof(big));
		big[0] = 0;
		big[1] = 'K';
		big[2] = '=';
		big[sizeof(big) - 1] = 0;
		for (n = 0; n < RC_ENV_MAX; n++)
			refs[n] = 1;
		tb_init(&t, 2);
		tb_add(&t, 0, RC_SEC_STRINGS, big, sizeof(big), sizeof(big));
		tb_add(&t, 1, RC_SEC_ENV, refs, sizeof(refs), RC_ENV_MAX);
		tb_seal(&t);
		expect(decode(t.b, t.len, &c) == -EINVAL && strstr(msg, "env[0]: string of 24574 bytes, limit 4095"),
		       "a string over RC_STRING_MAX is refused", msg);
	}
	return failed != 0;
}
