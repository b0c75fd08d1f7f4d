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

static void args(struct oci *o, json_t *j)
{
	oci_strings(o, j, RC_SEC_ARGV, oci_str);
	if (json_array_size(j) && !json_string_length(json_array_get(j, 0))) {
		oci_item(o, j, 0);
		oci_bad(o, "expected a program, got \"\"");
	}
}

static void additional_gids(struct oci *o, json_t *v)
{
	size_t i, n = oci_array(o, v, RC_GROUPS_MAX, "RC_GROUPS_MAX");

	for (i = 0; i < n; i++) {
		*(__u32 *)oci_add(o, RC_SEC_GROUPS) = (__u32)oci_int(o, oci_item(o, v, i), 0, 0xffffffffll);
		oci_leave(o);
	}
}

static const struct oci_member user_members[] = {
	M_ROW("uid"),
	M_ROW("gid"),
	M_ROW("umask"),
	M_SUB("additionalGids", additional_gids),
	M_SUB(NULL, NULL),
};

/* A user object, even {}, makes a process section. */
static void user(struct oci *o, json_t *u)
{
	oci_proc(o);
	oci_members(o, u, "process.user", user_members);
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

static const struct oci_member process_members[] = {
	M_ROW("terminal"),
	M_SUB("user", user),
	M_SUB("args", args),
	M_ROW("env"),
	M_ROW("cwd"),
	M_SUB("capabilities", capabilities),
	M_SUB("rlimits", rlimits),
	M_ROW("noNewPrivileges"),
	M_ROW("apparmorProfile"),
	M_ROW("selinuxLabel"),
	M_ROW("oomScoreAdj"),
	M_SUB(NULL, NULL),
};

void oci_process(struct oci *o, json_t *p)
{
	oci_members(o, p, "process", process_members);
}
