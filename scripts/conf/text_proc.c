// SPDX-License-Identifier: MIT
/* Directives with their own code for the process: argv, user, group, groups, umask, oom, caps, rlimits. */
#include <string.h>
#include "textp.h"

static struct rc_process *proc(struct text *t)
{
	return enc_one(t->e, RC_SEC_PROCESS);
}

static void d_argv(struct text *t, const struct word *a, unsigned int n)
{
	unsigned int i;

	if (n > RC_ARGV_MAX)
		tx_fail(t, a[RC_ARGV_MAX].col, "expected at most %u argv words (RC_ARGV_MAX)",
			RC_ARGV_MAX);
	if (!*a[0].s)
		tx_fail(t, a[0].col, "expected a program, got ''");
	for (i = 0; i < n; i++)
		*(__u32 *)tx_add(t, RC_SEC_ARGV, &a[i]) = tx_str(t, &a[i]);
}

/* user and group: a number sets the id and its flag, anything else is a name. */
static void id_or_name(struct text *t, const struct word *a, __u32 *id, __u32 *name,
		       __u32 flag, const char *what)
{
	char buf[64];

	if (tx_is_number(a->s)) {
		snprintf(buf, sizeof(buf), "a %s 0..4294967295 or a name", what);
		*id = (__u32)tx_number(t, a, 0xffffffffu, buf);
		proc(t)->flags |= flag;
	} else if (*a->s) {
		*name = tx_str(t, a);
	} else {
		tx_fail(t, a->col, "expected a %s or a name, got ''", what);
	}
}

static void d_user(struct text *t, const struct word *a, unsigned int n)
{
	struct rc_process *p = proc(t);

	(void)n;
	id_or_name(t, a, &p->uid, &p->user, RC_PROC_UID, "uid");
}

static void d_group(struct text *t, const struct word *a, unsigned int n)
{
	struct rc_process *p = proc(t);

	(void)n;
	id_or_name(t, a, &p->gid, &p->group, RC_PROC_GID, "gid");
}

static void d_groups(struct text *t, const struct word *a, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		*(__u32 *)tx_add(t, RC_SEC_GROUPS, &a[i]) = (__u32)tx_number(t, &a[i], 0xffffffffu,
								"a gid 0..4294967295");
}

static void d_umask(struct text *t, const struct word *a, unsigned int n)
{
	const char *p = a->s;
	__u32 v = 0;

	(void)n;
	for (; *p >= '0' && *p <= '7' && v <= 0777; p++)
		v = v * 8 + (__u32)(*p - '0');
	if (!*a->s || *p || v > 0777)
		tx_fail(t, a->col, "expected an octal umask 0..0777, got %s", tx_got(a));
	proc(t)->umask = v;
}

static void d_oom(struct text *t, const struct word *a, unsigned int n)
{
	struct rc_process *p = proc(t);
	unsigned long v;

	(void)n;
	if (parse_ulong(a->s + (*a->s == '-'), &v) < 0 || v > 1000)
		tx_fail(t, a->col, "expected a score -1000..1000, got %s", tx_got(a));
	p->oom_score_adj = *a->s == '-' ? -(int)v : (int)v;
	p->flags |= RC_PROC_OOM;
}

static void d_caps(struct text *t, const struct word *a, unsigned int n)
{
	struct rc_caps *c = enc_one(t->e, RC_SEC_CAPS);
	unsigned int set = tx_keyword(t, a, &capset_names), i;
	__u64 *mask = &c->bounding + set;
	int cap;

	if (t->capset[set])
		tx_fail(t, a->col, "expected each capability set once (%s is on line %u)", a->s,
			t->capset[set]);
	t->capset[set] = t->line;
	c->set |= 1u << set;
	for (i = 1; i < n; i++) {
		if (!strcmp(a[i].s, "all")) {
			*mask = (2ull << RC_CAP_LAST) - 1;
			continue;
		}
		cap = cap_lookup(a[i].s);
		if (cap < 0)
			tx_fail(t, a[i].col, "expected a capability (CAP_CHOWN or chown) or all, got %s",
				tx_got(&a[i]));
		*mask |= 1ull << cap;
	}
}

static __u64 rlimit_value(struct text *t, const struct word *w)
{
	if (!strcmp(w->s, "unlimited"))
		return ~0ull;
	return tx_number(t, w, ~0ull, "a number or unlimited");
}

static void d_rlimit(struct text *t, const struct word *a, unsigned int n)
{
	int res = rlimit_lookup(a[0].s);
	struct rc_rlimit *r;

	(void)n;
	if (res < 0)
		tx_fail(t, a[0].col, "expected a resource (RLIMIT_NOFILE or nofile), got %s", tx_got(a));
	if (t->rlimit[res])
		tx_fail(t, a[0].col, "expected each resource once (%s is on line %u)",
			rlimit_name((unsigned int)res), t->rlimit[res]);
	t->rlimit[res] = t->line;
	r = tx_add(t, RC_SEC_RLIMITS, t->w);
	r->resource = (__u32)res;
	r->soft = rlimit_value(t, &a[1]);
	r->hard = rlimit_value(t, &a[2]);
	if (r->soft > r->hard)
		tx_fail(t, a[1].col, "expected a soft limit no higher than the hard one");
}

const struct directive text_proc[] = {
	FN("argv", "WORD...", d_argv, 1, MANY, 1),
	FN_SHOW("user", "UID|NAME", d_user, RC_PROC_UID, dump_id),
	FN_SHOW("group", "GID|NAME", d_group, RC_PROC_GID, dump_id),
	FN("groups", "GID...", d_groups, 1, MANY, 0),
	FN_SHOW("umask", "OCTAL", d_umask, 0, dump_umask),
	FN_SHOW("oom-score-adj", "-1000..1000", d_oom, 0, dump_oom),
	FN("caps", "bounding|effective|permitted|inheritable|ambient [CAP...]", d_caps, 1, MANY, 0),
	FN("rlimit", "NAME SOFT HARD", d_rlimit, 3, 3, 0),
	FN(NULL, NULL, NULL, 0, 0, 0),
};
