// SPDX-License-Identifier: MIT
/* OCI process: args, env, cwd, user, capabilities, rlimits, flags, LSM labels, oom score. */
#include <limits.h>
#include <string.h>
#include "ocip.h"

/* A 64-bit limit: an integer, or 18446744073709551615 (RLIM_INFINITY). */
static __u64 limit(struct oci *o, json_t *j)
{
	if (o->reals && json_is_real(j) && json_real_value(j) == 18446744073709551616.0)
		return ~0ull;
	if (o->reals && json_is_real(j) && json_real_value(j) > 9007199254740992.0)
		oci_bad(o, "expected an integer below 2^53 or 18446744073709551615 (a larger one "
			"in the file makes all numbers doubles)");
	return (__u64)oci_int(o, j, 0, LLONG_MAX);
}

static __u32 env_entry(struct oci *o, json_t *j)
{
	const char *s = oci_string(o, j), *eq = strchr(s, '=');

	if (!eq || eq == s)
		oci_bad(o, "expected KEY=VALUE, got '%s'", s);
	return enc_str(o->e, s);
}

static void args(struct oci *o, json_t *j)
{
	oci_strings(o, j, RC_SEC_ARGV, oci_str);
	if (json_array_size(j) && !json_string_length(json_array_get(j, 0))) {
		oci_item(o, j, 0);
		oci_bad(o, "expected a program, got \"\"");
	}
}

static void user(struct oci *o, json_t *u)
{
	struct rc_process *p = oci_proc(o);
	json_t *v;
	size_t i, n;

	oci_only(o, u, "uid", "gid", "umask", "additionalGids", NULL);
	if ((v = oci_at(o, u, "uid"))) {
		p->uid = (__u32)oci_int(o, v, 0, 0xffffffffll);
		p->flags |= RC_PROC_UID;
		oci_leave(o);
	}
	if ((v = oci_at(o, u, "gid"))) {
		p->gid = (__u32)oci_int(o, v, 0, 0xffffffffll);
		p->flags |= RC_PROC_GID;
		oci_leave(o);
	}
	if ((v = oci_at(o, u, "umask"))) {
		p->umask = (__u32)oci_int(o, v, 0, 0777);
		oci_leave(o);
	}
	if ((v = oci_at(o, u, "additionalGids"))) {
		n = oci_array(o, v, RC_GROUPS_MAX, "RC_GROUPS_MAX");
		for (i = 0; i < n; i++) {
			*(__u32 *)oci_add(o, RC_SEC_GROUPS) = (__u32)oci_int(o, oci_item(o, v, i), 0, 0xffffffffll);
			oci_leave(o);
		}
		oci_leave(o);
	}
}

static void capabilities(struct oci *o, json_t *c)
{
	struct rc_caps *caps;
	unsigned int set;
	size_t i, n;
	json_t *v;
	int cap;

	oci_only(o, c, "bounding", "effective", "permitted", "inheritable", "ambient", NULL);
	for (set = 0; set < capset_names.count; set++) {
		if (!(v = oci_at(o, c, capset_names.name[set])))
			continue;
		caps = enc_one(o->e, RC_SEC_CAPS);
		n = oci_array(o, v, ~0u, "");
		for (i = 0; i < n; i++) {
			cap = cap_lookup(oci_string(o, oci_item(o, v, i)));
			if (cap < 0)
				oci_bad(o, "expected a capability like CAP_CHOWN, got '%s'",
					json_string_value(json_array_get(v, i)));
			(&caps->bounding)[set] |= 1ull << cap;
			oci_leave(o);
		}
		oci_leave(o);
	}
}

static void rlimits(struct oci *o, json_t *j)
{
	size_t i, k, n = oci_array(o, j, RC_RLIMITS_MAX, "RC_RLIMITS_MAX");
	struct rc_rlimit *r;
	json_t *l, *v;
	int res;

	for (i = 0; i < n; i++) {
		l = oci_item(o, j, i);
		oci_only(o, l, "type", "soft", "hard", NULL);
		r = oci_add(o, RC_SEC_RLIMITS);
		if (!(v = oci_at(o, l, "type")))
			oci_bad(o, "expected a type");
		res = rlimit_lookup(oci_string(o, v));
		if (res < 0)
			oci_bad(o, "expected a resource like RLIMIT_NOFILE, got '%s'", json_string_value(v));
		for (k = 0; k < i; k++)
			if (((struct rc_rlimit *)enc_at(o->e, RC_SEC_RLIMITS, (unsigned int)k))->resource ==
			    (__u32)res)
				oci_bad(o, "expected each resource once, got %s again", rlimit_name((unsigned int)res));
		r->resource = (__u32)res;
		oci_leave(o);
		if (!(v = oci_at(o, l, "soft")))
			oci_bad(o, "expected soft");
		r->soft = limit(o, v);
		oci_leave(o);
		if (!(v = oci_at(o, l, "hard")))
			oci_bad(o, "expected hard");
		r->hard = limit(o, v);
		if (r->soft > r->hard)
			oci_bad(o, "expected a hard limit no lower than the soft one");
		oci_leave(o);
		oci_leave(o);
	}
}

void oci_process(struct oci *o, json_t *p)
{
	json_t *v;

	oci_only(o, p, "terminal", "user", "args", "env", "cwd", "capabilities", "rlimits",
		 "noNewPrivileges", "apparmorProfile", "selinuxLabel", "oomScoreAdj", NULL);
	if ((v = oci_at(o, p, "terminal"))) {
		oci_proc(o)->flags |= oci_bool(o, v) ? RC_PROC_TERMINAL : 0;
		oci_leave(o);
	}
	if ((v = oci_at(o, p, "user"))) {
		user(o, v);
		oci_leave(o);
	}
	if ((v = oci_at(o, p, "args"))) {
		args(o, v);
		oci_leave(o);
	}
	if ((v = oci_at(o, p, "env"))) {
		oci_strings(o, v, RC_SEC_ENV, env_entry);
		oci_leave(o);
	}
	if ((v = oci_at(o, p, "cwd"))) {
		oci_proc(o)->cwd = oci_abspath(o, v);
		oci_leave(o);
	}
	if ((v = oci_at(o, p, "capabilities"))) {
		capabilities(o, v);
		oci_leave(o);
	}
	if ((v = oci_at(o, p, "rlimits"))) {
		rlimits(o, v);
		oci_leave(o);
	}
	if ((v = oci_at(o, p, "noNewPrivileges"))) {
		oci_proc(o)->flags |= oci_bool(o, v) ? RC_PROC_NO_NEW_PRIVS : 0;
		oci_leave(o);
	}
	if ((v = oci_at(o, p, "apparmorProfile"))) {
		oci_proc(o)->apparmor = oci_str(o, v);
		oci_leave(o);
	}
	if ((v = oci_at(o, p, "selinuxLabel"))) {
		oci_proc(o)->selinux = oci_str(o, v);
		oci_leave(o);
	}
	if ((v = oci_at(o, p, "oomScoreAdj"))) {
		oci_proc(o)->oom_score_adj = (__s32)oci_int(o, v, -1000, 1000);
		oci_proc(o)->flags |= RC_PROC_OOM;
		oci_leave(o);
	}
}
