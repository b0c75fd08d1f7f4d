// SPDX-License-Identifier: MIT
/* Host unit tests of the config decoder and loader: a valid blob, then every malformation with its own message. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../init/conf.h"
#include "../../init/rawinit.h"
#include "../fuzz/fake_kernel.h"
#define CHECK_PREFIX "conf: "
#include "check.h"
#include "conf_blob.h"

struct rawinit ri;	/* conf_load reads ri.envp; init/main.c is not linked here */

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

/*
 * Decode from an exact-size heap copy: a read past the blob's end is an ASan
 * report, as the init's own buffer would hide it. The copy lives until the
 * next call (the conf points into it).
 */
static int decode_exact(const void *b, unsigned long len, struct conf *c)
{
	static void *copy;

	free(copy);
	copy = malloc(len);
	memcpy(copy, b, len);
	return decode(copy, len, c);
}

static const char *case_name;	/* the isolated case running, for its own line */

/* An isolated case (check_isolated): its name, for the one line it prints. */
static void isolated(const char *name, void (*body)(void))
{
	case_name = name;
	check_isolated(name, body);
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
	expect_why(decode(t.b, t.len, &c_) == -EINVAL && strstr(msg, want), name, msg); \
} while (0)

static struct tblob tb;	/* the blob of the isolated cases below */

/*
 * argv with no records, its offset left on its old records, at the blob's
 * end, or on the string area: the decoder must refuse it without reading a
 * record (the init read argv[0] of it, then ran with argv = { NULL }).
 */
static void argv_empty(int where)
{
	struct conf c;

	build_valid(&tb);
	tb_sec(&tb, 2)->count = 0;
	tb_sec(&tb, 2)->length = 0;
	if (where == 1)
		tb_sec(&tb, 2)->offset = tb.len;
	else if (where == 2)
		tb_sec(&tb, 2)->offset = tb_sec(&tb, 0)->offset;
	tb_seal(&tb);
	expect_why(decode_exact(tb.b, tb.len, &c) == -EINVAL && !strcmp(msg, "argv: empty"), case_name, msg);
}

static void argv_empty_in_place(void)
{
	argv_empty(0);
}

static void argv_empty_at_end(void)
{
	argv_empty(1);
}

static void argv_empty_on_strings(void)
{
	argv_empty(2);
}

/* The loader on the fake kernel: /etc/rawinit.conf holds len bytes of file. */
static int load(const void *file, unsigned long len, struct conf *c)
{
	static char *no_env[] = { 0 };
	const char *src = "";
	struct fmt f = FMT_INIT(msg);
	int r;

	ri.envp = no_env;
	fake_reset(FAKE_VM, file, len);
	r = conf_load(c, 0, &src, &f);
	msg[f.len < sizeof(msg) ? f.len : sizeof(msg) - 1] = 0;
	fake_release();
	return r;
}

/* Issue #8, 6c: read_all asks for RC_TOTAL_MAX + 1 bytes to tell a file that is too big. */
static void oversized(void)
{
	static unsigned char big[RC_TOTAL_MAX + 1];
	struct conf c;

	expect_why(load(big, sizeof(big), &c) == -EFBIG, case_name, msg);
}

/* A valid blob of exactly RC_TOTAL_MAX bytes: an unknown optional section pads it. */
static void largest_file(void)
{
	static const unsigned char pad[RC_TOTAL_MAX];
	static const char s[] = "\0/bin/sh";
	const __u32 a0 = 1;
	struct conf c;
	int r;

	tb_init(&tb, 3);
	tb_add(&tb, 0, RC_SEC_STRINGS, s, sizeof(s), sizeof(s));
	tb_add(&tb, 1, RC_SEC_ARGV, &a0, 4, 1);
	tb_add(&tb, 2, 77, pad, RC_TOTAL_MAX - tb.len, 0);
	tb_sec(&tb, 2)->flags = 0;
	tb_seal(&tb);
	r = load(tb.b, tb.len, &c);
	expect_why(tb.len == RC_TOTAL_MAX && r == 0 && CONF_COUNT(&c, RC_SEC_ARGV) == 1, case_name, msg);
}

/*
 * The signal policy and the supervisor's settings: three valid records (a
 * rewrite to a group, an ignore, a shutdown on SIGRTMAX) and a SUPERVISE whose
 * exit_zero takes any bit; SIG_BROKEN edits a copy and expects the exact line.
 */
static const struct rc_signal good_sigs[3] = {
	{ SIGTERM, RC_SIG_FORWARD, SIGQUIT, RC_SIG_GROUP },
	{ SIGUSR1, RC_SIG_IGNORE, 0, 0 },
	{ RC_SIG_LAST, RC_SIG_SHUTDOWN, 0, 0 },
};
static const struct rc_supervise good_sup = {
	.flags = RC_SUP_GROUP, .pdeathsig = RC_SIG_LAST,
	.exit_zero = { 0xffffffff, 0, 0, 0, 1u << (143 - 128), 0, 0, 0x80000000 },
};

static int decode_signals(const struct rc_signal *s, unsigned int n,
			  const struct rc_supervise *sup, struct conf *c)
{
	static struct tblob ts;

	tb_init(&ts, 3);
	tb_add(&ts, 0, RC_SEC_STRINGS, "", 1, 1);
	tb_add(&ts, 1, RC_SEC_SIGNALS, s, n * (unsigned int)sizeof(*s), n);
	tb_add(&ts, 2, RC_SEC_SUPERVISE, sup, sizeof(*sup), 1);
	tb_seal(&ts);
	return decode_exact(ts.b, ts.len, c);
}

#define SIG_BROKEN(name, want, edit) do {				\
	struct rc_signal s[3];						\
	struct rc_supervise sup = good_sup;				\
	struct conf c_;							\
	memcpy(s, good_sigs, sizeof(s));				\
	{ edit; }							\
	expect_why(decode_signals(s, 3, &sup, &c_) == -EINVAL && !strcmp(msg, want), name, msg); \
} while (0)

static void signal_cases(void)
{
	struct rc_signal s[3];
	struct conf c;

	expect_why(decode_signals(good_sigs, 3, &good_sup, &c) == 0 &&
		   CONF_COUNT(&c, RC_SEC_SIGNALS) == 3 &&
		   CONF_AT(&c, RC_SEC_SIGNALS, struct rc_signal, 2)->signo == RC_SIG_LAST &&
		   CONF_ONE(&c, RC_SEC_SUPERVISE, struct rc_supervise)->exit_zero[7] == 0x80000000,
		   "signals: a policy per signal and the supervisor's settings decode", msg);
	memcpy(s, good_sigs, sizeof(s));
	s[0].to = SIGKILL;
	s[1] = (struct rc_signal){ SIGINT, RC_SIG_FORWARD, SIGSTOP, 0 };
	expect_why(decode_signals(s, 3, &good_sup, &c) == 0,
		   "signals: SIGKILL and SIGSTOP are allowed as rewrite targets", msg);
	expect_why(decode_signals(s, 0, &good_sup, &c) == 0 && c.sec[RC_SEC_SIGNALS].rec,
		   "signals: an empty policy decodes (every signal forwarded)", msg);
	SIG_BROKEN("signals: signal 0 is refused", "signals[1].signo: value 0 is KILL, STOP, CHLD or not 1..64",
		   s[1].signo = 0);
	SIG_BROKEN("signals: a signal past SIGRTMAX (64) is refused",
		   "signals[2].signo: value 65 is KILL, STOP, CHLD or not 1..64", s[2].signo = 65);
	SIG_BROKEN("signals: a policy for SIGKILL is refused",
		   "signals[2].signo: value 9 is KILL, STOP, CHLD or not 1..64", s[2].signo = SIGKILL);
	SIG_BROKEN("signals: a policy for SIGSTOP is refused",
		   "signals[0].signo: value 19 is KILL, STOP, CHLD or not 1..64", s[0].signo = SIGSTOP);
	SIG_BROKEN("signals: a policy for SIGCHLD (the supervisor's own) is refused",
		   "signals[1].signo: value 17 is KILL, STOP, CHLD or not 1..64", s[1].signo = SIGCHLD);
	SIG_BROKEN("signals: the same signal twice is refused, naming the first",
		   "signals[2].signo: value 15 also at [0]", s[2].signo = SIGTERM);
	SIG_BROKEN("signals: an action past shutdown is refused",
		   "signals[1].action: value 3, maximum 2", s[1].action = 3);
	SIG_BROKEN("signals: a rewrite past SIGRTMAX is refused",
		   "signals[0].to: value 65, maximum 64", s[0].to = 65);
	SIG_BROKEN("signals: a rewrite of an ignored signal is refused",
		   "signals[1].to: value 3 with action 1, not forward", s[1].to = SIGQUIT);
	SIG_BROKEN("signals: a rewrite of a shutdown signal is refused",
		   "signals[2].to: value 1 with action 2, not forward", s[2].to = SIGHUP);
	SIG_BROKEN("signals: unknown flags are refused", "signals[1].flags: unknown flags 2",
		   s[1].flags = 2);
	SIG_BROKEN("supervise: unknown flags are refused", "supervise.flags: unknown flags 6",
		   sup.flags = 7);
	SIG_BROKEN("supervise: a parent-death signal past SIGRTMAX is refused",
		   "supervise.pdeathsig: value 65, maximum 64", sup.pdeathsig = 65);
}

int main(void)
{
	static struct tblob t;
	struct conf c;
	unsigned int n, all;

	build_valid(&t);
	expect_why(decode(t.b, t.len, &c) == 0, "a valid blob decodes", msg);
	expect_why(c.sec[RC_SEC_ARGV].count == 2 && !strcmp(conf_str(&c, ((const __u32 *)
	       c.sec[RC_SEC_ARGV].rec)[1]), "-c"), "records are read in place", msg);
	expect_why(CONF_ONE(&c, RC_SEC_INIT, struct rc_init)->grace_ms == 500,
	       "the init record is the blob's own", msg);

	/* Every truncation point fails, and says so. */
	for (all = 1, n = 0; n < t.len; n++)
		if (decode(t.b, n, &c) != -EINVAL || !strstr(msg, "truncated"))
			all = 0;
	expect_why(all, "truncation at every byte offset is refused as truncated", msg);

	BROKEN("bad magic", "bad magic", t.b[0] = 'X');
	BROKEN("unknown version", "version 2, this rawinit reads 1", tb_hdr(&t)->version = 2);
	BROKEN("header flags", "header flags/reserved not 0", tb_hdr(&t)->flags = 1);
	{
		build_valid(&t);
		t.b[t.len - 1] ^= 1;	/* after sealing: the checksum no longer matches */
		expect_why(decode(t.b, t.len, &c) == -EINVAL && strstr(msg, "bad checksum"),
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
	isolated("argv with no records is refused", argv_empty_in_place);
	isolated("argv with no records at the blob's end is refused, nothing read past it",
		 argv_empty_at_end);
	isolated("argv with no records on the string area is refused, no string looked up",
		 argv_empty_on_strings);
	BROKEN("init with no records", "init: count 0, limit 1",
	       tb_sec(&t, 1)->count = 0; tb_sec(&t, 1)->length = 0);
	BROKEN("process with no records", "process: count 0, limit 1",
	       tb_sec(&t, 4)->count = 0; tb_sec(&t, 4)->length = 0);
	BROKEN("shutdown past the last action (an index into the init's table)",
	       "init.shutdown: value 3, maximum 2",
	       ((struct rc_init *)(t.b + tb_sec(&t, 1)->offset))->shutdown = 3);
	{
		/* A list section may be present with no records: env then means "start empty". */
		build_valid(&t);
		tb_sec(&t, 3)->count = 0;
		tb_sec(&t, 3)->length = 0;
		tb_seal(&t);
		expect_why(decode_exact(t.b, t.len, &c) == 0 && c.sec[RC_SEC_ENV].rec &&
		       !CONF_COUNT(&c, RC_SEC_ENV), "env with no records decodes as present and empty", msg);
	}
	{
		/* Indexes the init uses unchecked: a route's link, an rlimit's resource. */
		struct rc_link l = { .name = 1, .flags = RC_LINK_UP };
		struct rc_route rt = { .link = 1, .family = 2 };
		struct rc_rlimit rl = { .resource = RC_RLIMIT_LAST + 1 };

		tb_init(&t, 3);
		tb_add(&t, 0, RC_SEC_STRINGS, "\0eth0", 6, 6);
		tb_add(&t, 1, RC_SEC_LINKS, &l, sizeof(l), 1);
		tb_add(&t, 2, RC_SEC_ROUTES, &rt, sizeof(rt), 1);
		tb_seal(&t);
		expect_why(decode_exact(t.b, t.len, &c) == -EINVAL && strstr(msg, "routes[0].link: link 1 of 1"),
		       "a route on the link one past the last is refused", msg);
		tb_init(&t, 2);
		tb_add(&t, 0, RC_SEC_STRINGS, "", 1, 1);
		tb_add(&t, 1, RC_SEC_RLIMITS, &rl, sizeof(rl), 1);
		tb_seal(&t);
		expect_why(decode_exact(t.b, t.len, &c) == -EINVAL &&
		       strstr(msg, "rlimits[0].resource: value 16, maximum 15"),
		       "an rlimit past RLIMIT_RTTIME is refused", msg);
	}
	signal_cases();
	isolated("a config file of RC_TOTAL_MAX + 1 bytes is EFBIG, nothing written past the buffer",
		 oversized);
	isolated("a config file of exactly RC_TOTAL_MAX bytes loads", largest_file);
	{
		/* An unknown section without must-understand is skipped. */
		build_valid(&t);
		tb_sec(&t, 3)->type = 77;
		tb_sec(&t, 3)->flags = 0;
		tb_seal(&t);
		expect_why(decode(t.b, t.len, &c) == 0 && !c.sec[RC_SEC_ENV].rec,
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
		expect_why(decode(t.b, t.len, &c) == -EINVAL &&
		       strstr(msg, "caps.bounding: capability 45, last is 40"), "unknown capability", msg);
		tb_init(&t, 2);
		tb_add(&t, 0, RC_SEC_STRINGS, "", 1, 1);
		tb_add(&t, 1, RC_SEC_ADDRS, &a, sizeof(a), 1);
		tb_seal(&t);
		expect_why(decode(t.b, t.len, &c) == -EINVAL && strstr(msg, "addrs[0].link: link 3 of 0"),
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
		expect_why(decode(t.b, t.len, &c) == -EINVAL && strstr(msg, "env[0]: string of 24574 bytes, limit 4095"),
		       "a string over RC_STRING_MAX is refused", msg);
	}
	return check_done();
}
