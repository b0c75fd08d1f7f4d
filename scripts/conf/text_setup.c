// SPDX-License-Identifier: MIT
/* Directives with their own code for the workload's world: mounts, sysctls, modules, namespaces. */
#include <string.h>
#include <linux/mount.h>
#include "textp.h"

/* Comma-separated: known options set flags, anything else joins data in order. */
static void mount_options(struct text *t, const struct word *w, struct rc_mount *m)
{
	char opts[RC_STRING_MAX], data[RC_STRING_MAX], *item, *comma;
	const struct mntopt *o;
	size_t dlen = 0, k;

	if (strlen(w->s) >= RC_STRING_MAX)
		tx_fail(t, w->col, "expected options of at most %u bytes (RC_STRING_MAX)",
			RC_STRING_MAX - 1);
	strcpy(opts, w->s);
	data[0] = 0;
	for (item = opts; item; item = comma) {
		comma = strchr(item, ',');
		if (comma)
			*comma++ = 0;
		if (!*item)
			tx_fail(t, w->col, "expected a mount option between commas in %s", tx_got(w));
		o = mntopt_lookup(item);
		if (!o) {
			k = strlen(item);
			if (dlen)
				data[dlen++] = ',';
			memcpy(data + dlen, item, k + 1);
			dlen += k;
			continue;
		}
		if (o->propagation && m->propagation)
			tx_fail(t, w->col, "expected one propagation option, got a second one, '%s'",
				o->name);
		m->flags = (m->flags & ~o->clear) | o->set;
		m->propagation |= o->propagation;
		m->rflags |= o->rflags;
	}
	m->data = enc_str(t->e, data);
}

/* A bind has no type (none) and takes no option the init would drop (bind_unapplied). */
static void d_mount(struct text *t, const struct word *a, unsigned int n)
{
	struct rc_mount *m = tx_add(t, RC_SEC_MOUNTS, t->w);
	const char *drop;

	m->source = tx_str(t, &a[0]);
	m->target = tx_path(t, &a[1], 0);
	m->fstype = strcmp(a[2].s, "none") ? tx_str(t, &a[2]) : 0;
	if (n > 3)
		mount_options(t, &a[3], m);
	if ((m->flags & MS_BIND) && m->fstype)
		tx_fail(t, a[2].col, "expected none as the TYPE of a bind mount (rawinit does not "
			"use it), got %s", tx_got(&a[2]));
	drop = bind_unapplied(m->flags, enc_get(t->e, m->data));
	if (drop)
		tx_fail(t, a[3].col, "expected no %s on a bind mount (rawinit would not apply it), got %s",
			drop, tx_got(&a[3]));
}

static void d_sysctl(struct text *t, const struct word *a, unsigned int n)
{
	struct rc_sysctl *s = tx_add(t, RC_SEC_SYSCTLS, t->w);

	if (!*a->s || strchr(a->s, '/') || strstr(a->s, ".."))
		tx_fail(t, a->col, "expected a dotted name like net.ipv4.ip_forward, got %s", tx_got(a));
	s->key = tx_str(t, a);
	s->value = tx_joined(t, a + 1, n - 1);
}

static void d_module(struct text *t, const struct word *a, unsigned int n)
{
	struct rc_module *m = tx_add(t, RC_SEC_MODULES, t->w);

	m->path = tx_path(t, a, 0);
	m->params = tx_joined(t, a + 1, n - 1);
}

static void d_namespace(struct text *t, const struct word *a, unsigned int n)
{
	const struct nstype *ns = ns_by_name(a->s);
	struct rc_namespace *r;

	if (!ns)
		tx_fail(t, a->col, "expected mount, uts, ipc, net, pid, user, cgroup or time, got %s",
			tx_got(a));
	r = tx_add(t, RC_SEC_NAMESPACES, t->w);
	r->type = ns->flag;
	r->path = n > 1 ? tx_path(t, &a[1], 1) : 0;
}

const struct directive text_setup[] = {
	FN("mount", "SOURCE TARGET TYPE [OPTIONS]", d_mount, 3, 4, 0),
	FN("sysctl", "KEY VALUE", d_sysctl, 2, MANY, 0),
	FN("module", "PATH [PARAMS...]", d_module, 1, MANY, 0),
	FN("namespace", "mount|uts|ipc|net|pid|user|cgroup|time [PATH]", d_namespace, 1, 2, 0),
	FN(NULL, NULL, NULL, 0, 0, 0),
};
