// SPDX-License-Identifier: MIT
/* OCI root, mounts and linux: namespaces, masked and read-only paths, sysctls, resources. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/mount.h>
#include "ocip.h"

/* root.path as runc takes it: relative to the bundle, the directory of config.json. */
static void root_path(struct oci *o, json_t *v)
{
	char dir[PATH_MAX], *slash, full[PATH_MAX + RC_STRING_MAX];
	const char *p = oci_string(o, v);

	if (p[0] != '/') {
		snprintf(full, sizeof(full), "%s", o->file);
		slash = strrchr(full, '/');
		if (slash)
			slash[1] = 0;
		else
			strcpy(full, ".");
		if (!realpath(full, dir))
			oci_bad(o, "cannot resolve the bundle directory '%s' for a relative path", full);
		while (!strncmp(p, "./", 2))
			p += 2;
		snprintf(full, sizeof(full), "%s/%s", strcmp(dir, "/") ? dir : "", p);
		if (strlen(full) >= RC_STRING_MAX)
			oci_bad(o, "expected a path of at most %u bytes (RC_STRING_MAX)", RC_STRING_MAX - 1);
		p = full;
	}
	((struct rc_init *)enc_one(o->e, RC_SEC_INIT))->rootfs = enc_str(o->e, p);
}

/* Only true makes an init section. */
static void root_readonly(struct oci *o, json_t *v)
{
	if (oci_bool(o, v))
		((struct rc_init *)enc_one(o->e, RC_SEC_INIT))->flags |= RC_INIT_ROOT_READONLY;
}

static const struct oci_member root_members[] = {
	M_SUB("path", root_path),
	M_SUB("readonly", root_readonly),
	M_SUB(NULL, NULL),
};

void oci_root(struct oci *o, json_t *r)
{
	oci_members(o, r, "root", root_members);
}

/* runc's option names beyond the text format's: what they clear, or that rawinit lacks them. */
static const struct mntopt runc_opts[] = {
	{ "defaults", 0, 0, 0, 0 },
	{ "async", 0, MS_SYNCHRONOUS, 0, 0 },
	{ "atime", 0, MS_NOATIME, 0, 0 },
	{ "diratime", 0, MS_NODIRATIME, 0, 0 },
	{ "nostrictatime", 0, MS_STRICTATIME, 0, 0 },
	{ "loud", 0, 0, 0, 0 },
	{ "nomand", 0, 0, 0, 0 },
	{ "noiversion", 0, 0, 0, 0 },
	{ "nolazytime", 0, 0, 0, 0 },
	{ NULL, 0, 0, 0, 0 },
};

static const char *const unsupported_opts[] = {
	"remount", "mand", "iversion", "lazytime", "silent", "nosymfollow", "idmap", "ridmap",
	"tmpcopyup", "mkdir", "file", "rro", "rrw", "rnosuid", "rsuid", "rnodev", "rdev",
	"rnoexec", "rexec", "rnodiratime", "rdiratime", "rrelatime", "rnorelatime", "rnoatime",
	"ratime", "rstrictatime", "rnostrictatime", "rnosymfollow", "rsymfollow", NULL,
};

static void mount_options(struct oci *o, json_t *j, struct rc_mount *m)
{
	char data[RC_STRING_MAX] = "";
	const struct mntopt *k;
	const char *s, *const *u;
	size_t i, n = oci_array(o, j, ~0u, ""), len = 0;

	for (i = 0; i < n; i++) {
		s = oci_string(o, oci_item(o, j, i));
		for (u = unsupported_opts; *u && strcmp(*u, s); u++)
			;
		if (*u)
			oci_bad(o, "'%s' not supported by rawinit", s);
		for (k = runc_opts; k->name && strcmp(k->name, s); k++)
			;
		if (!k->name)
			k = mntopt_lookup(s);
		if (!k) {
			if (len + !!len + strlen(s) >= sizeof(data))
				oci_bad(o, "expected options of at most %u bytes (RC_STRING_MAX)",
					RC_STRING_MAX - 1);
			len += (size_t)snprintf(data + len, sizeof(data) - len, "%s%s", len ? "," : "", s);
		} else if (k->propagation && m->propagation) {
			oci_bad(o, "expected one propagation option, got a second one, '%s'", s);
		} else {
			m->flags = (m->flags & ~k->clear) | k->set;
			m->propagation |= k->propagation;
		}
		oci_leave(o);
	}
	m->data = enc_str(o->e, data);
}

/* runc creates every mountpoint, hence mkdir; type "bind" means a bind mount, as in crun. */
void oci_mounts(struct oci *o, json_t *j)
{
	size_t i, n = oci_array(o, j, RC_MOUNTS_MAX, "RC_MOUNTS_MAX");
	const char *type, *drop;
	struct rc_mount *m;
	json_t *e, *v;

	for (i = 0; i < n; i++) {
		type = "";
		e = oci_item(o, j, i);
		oci_only(o, e, "destination", "type", "source", "options", NULL);
		m = oci_add(o, RC_SEC_MOUNTS);
		m->rflags = RC_MNT_MKDIR;
		if (!(v = oci_at(o, e, "destination")))
			oci_bad(o, "expected a destination");
		m->target = oci_abspath(o, v);
		oci_leave(o);
		if ((v = oci_at(o, e, "source"))) {
			m->source = oci_str(o, v);
			oci_leave(o);
		}
		if ((v = oci_at(o, e, "options"))) {
			mount_options(o, v, m);
			oci_leave(o);
		}
		if ((v = oci_at(o, e, "type"))) {
			type = oci_string(o, v);
			if (!strcmp(type, "bind"))
				m->flags |= MS_BIND;
			else if (!strcmp(type, "none") && !(m->flags & MS_BIND))
				oci_bad(o, "expected a filesystem type ('none' is for bind mounts)");
			oci_leave(o);
		}
		m->fstype = m->flags & MS_BIND ? 0 : enc_str(o->e, type);
		drop = bind_unapplied(m->flags, enc_get(o->e, m->data));
		if (drop) {
			oci_at(o, e, "options");
			oci_bad(o, "%s on a bind mount: rawinit would not apply it", drop);
		}
		oci_leave(o);
	}
}

static void namespaces(struct oci *o, json_t *j)
{
	size_t i, k, n = oci_array(o, j, RC_NAMESPACES_MAX, "RC_NAMESPACES_MAX");
	const struct nstype *ns;
	struct rc_namespace *r;
	json_t *e, *v;

	for (i = 0; i < n; i++) {
		e = oci_item(o, j, i);
		oci_only(o, e, "type", "path", NULL);
		r = oci_add(o, RC_SEC_NAMESPACES);
		if (!(v = oci_at(o, e, "type")))
			oci_bad(o, "expected a type");
		ns = ns_by_oci(oci_string(o, v));
		if (!ns)
			oci_bad(o, "expected pid, network, mount, ipc, uts, user, cgroup or time, got '%s'",
				json_string_value(v));
		for (k = 0; k < i; k++)
			if (((struct rc_namespace *)enc_at(o->e, RC_SEC_NAMESPACES, (unsigned int)k))->type ==
			    ns->flag)
				oci_bad(o, "expected each namespace type once, got %s again", ns->oci);
		r->type = ns->flag;
		oci_leave(o);
		if ((v = oci_at(o, e, "path"))) {
			r->path = oci_abspath(o, v);
			oci_leave(o);
		}
		oci_leave(o);
	}
}

static void sysctls(struct oci *o, json_t *j)
{
	struct rc_sysctl *s;
	const char *key;
	json_t *v;

	if (!json_is_object(j))
		oci_bad(o, "expected an object");
	json_object_foreach(j, key, v) {
		oci_enter_key(o, key);
		if (!*key || strchr(key, '/') || strstr(key, ".."))
			oci_bad(o, "expected a dotted name like net.ipv4.ip_forward");
		if (strlen(key) >= RC_STRING_MAX)
			oci_bad(o, "expected a name of at most %u bytes (RC_STRING_MAX)", RC_STRING_MAX - 1);
		s = oci_add(o, RC_SEC_SYSCTLS);
		s->key = enc_str(o->e, key);
		s->value = oci_str(o, v);
		oci_leave(o);
	}
}

/*
 * Every member of linux.resources is a cgroup setting, and rawinit makes no
 * cgroup yet: accepted, it would have no effect, so each is refused. runc
 * spec's "deny all devices" rule too: without cgroup device filtering a
 * workload holding CAP_MKNOD can make and open any device node.
 */
static void resources(struct oci *o, json_t *j)
{
	void *first = json_object_iter(j);
	json_t *v = json_object_iter_value(first);

	if (!json_is_object(j))
		oci_bad(o, "expected an object");
	if (!first)
		return;
	oci_enter_key(o, json_object_iter_key(first));
	if (!strcmp(json_object_iter_key(first), "devices") && json_array_size(v)) {
		oci_item(o, v, 0);
		oci_bad(o, "a device cgroup rule rawinit cannot enforce (no cgroup device "
			"filtering yet): remove linux.resources.devices");
	}
	oci_bad(o, "a cgroup setting rawinit cannot apply (it makes no cgroup yet): remove it");
}

static const struct oci_member linux_members[] = {
	M_SUB("resources", resources),
	M_SUB("namespaces", namespaces),
	M_ROW("maskedPaths"),
	M_ROW("readonlyPaths"),
	M_SUB("sysctl", sysctls),
	M_SUB(NULL, NULL),
};

void oci_linux(struct oci *o, json_t *l)
{
	oci_members(o, l, "linux", linux_members);
}
