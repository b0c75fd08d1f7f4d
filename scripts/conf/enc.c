// SPDX-License-Identifier: MIT
/* The canonical encoder: every config has exactly one blob, byte for byte. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../sys/crc32c.h"
#include "enc.h"

#define OFF(T, f)	__builtin_offsetof(struct T, f)
#define ALIGN(n)	(((n) + RC_ALIGN - 1) & ~(size_t)(RC_ALIGN - 1))
#define CRC_START	16	/* the checksum covers bytes [16, total_len) */

const struct enc_type enc_types[RC_SEC_TYPES] = {
	[RC_SEC_STRINGS] = { "strings", "RC_STRINGS_MAX", 1, RC_STRINGS_MAX, 0, { 0 } },
	[RC_SEC_INIT] = { "init", "", sizeof(struct rc_init), 1, 2,
			  { OFF(rc_init, rootfs), OFF(rc_init, console) } },
	[RC_SEC_ARGV] = { "argv", "RC_ARGV_MAX", 4, RC_ARGV_MAX, 1, { 0 } },
	[RC_SEC_ENV] = { "env", "RC_ENV_MAX", 4, RC_ENV_MAX, 1, { 0 } },
	[RC_SEC_PROCESS] = { "process", "", sizeof(struct rc_process), 1, 7,
			     { OFF(rc_process, cwd), OFF(rc_process, user), OFF(rc_process, group),
			       OFF(rc_process, hostname), OFF(rc_process, domainname),
			       OFF(rc_process, apparmor), OFF(rc_process, selinux) } },
	[RC_SEC_GROUPS] = { "groups", "RC_GROUPS_MAX", 4, RC_GROUPS_MAX, 0, { 0 } },
	[RC_SEC_CAPS] = { "caps", "", sizeof(struct rc_caps), 1, 0, { 0 } },
	[RC_SEC_RLIMITS] = { "rlimits", "RC_RLIMITS_MAX", sizeof(struct rc_rlimit),
			     RC_RLIMITS_MAX, 0, { 0 } },
	[RC_SEC_MOUNTS] = { "mounts", "RC_MOUNTS_MAX", sizeof(struct rc_mount), RC_MOUNTS_MAX, 4,
			    { OFF(rc_mount, source), OFF(rc_mount, target), OFF(rc_mount, fstype),
			      OFF(rc_mount, data) } },
	[RC_SEC_MASKED] = { "masked", "RC_PATHS_MAX", 4, RC_PATHS_MAX, 1, { 0 } },
	[RC_SEC_READONLY] = { "readonly", "RC_PATHS_MAX", 4, RC_PATHS_MAX, 1, { 0 } },
	[RC_SEC_SYSCTLS] = { "sysctls", "RC_SYSCTLS_MAX", sizeof(struct rc_sysctl), RC_SYSCTLS_MAX, 2,
			     { OFF(rc_sysctl, key), OFF(rc_sysctl, value) } },
	[RC_SEC_LINKS] = { "links", "RC_LINKS_MAX", sizeof(struct rc_link), RC_LINKS_MAX, 2,
			   { OFF(rc_link, name), OFF(rc_link, rename) } },
	[RC_SEC_ADDRS] = { "addrs", "RC_ADDRS_MAX", sizeof(struct rc_addr), RC_ADDRS_MAX, 0, { 0 } },
	[RC_SEC_ROUTES] = { "routes", "RC_ROUTES_MAX", sizeof(struct rc_route), RC_ROUTES_MAX, 0, { 0 } },
	[RC_SEC_MODULES] = { "modules", "RC_MODULES_MAX", sizeof(struct rc_module), RC_MODULES_MAX, 2,
			     { OFF(rc_module, path), OFF(rc_module, params) } },
	[RC_SEC_RESOLV] = { "resolv", "RC_RESOLV_MAX", 4, RC_RESOLV_MAX, 1, { 0 } },
	[RC_SEC_HOSTS] = { "hosts", "RC_HOSTS_MAX", 4, RC_HOSTS_MAX, 1, { 0 } },
	[RC_SEC_NAMESPACES] = { "namespaces", "RC_NAMESPACES_MAX", sizeof(struct rc_namespace),
				RC_NAMESPACES_MAX, 1, { OFF(rc_namespace, path) } },
};

static void oom(void)
{
	fputs("rawinit-conf: out of memory\n", stderr);
	exit(1);
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n, size);

	if (!p)
		oom();
	return p;
}

void enc_init(struct enc *e)
{
	memset(e, 0, sizeof(*e));
	enc_str(e, "");
}

void enc_free(struct enc *e)
{
	unsigned int i;

	for (i = 0; i < e->nstrs; i++)
		free(e->strs[i]);
	free(e->strs);
	for (i = 0; i < RC_SEC_TYPES; i++)
		free(e->sec[i].rec);
	memset(e, 0, sizeof(*e));
}

__u32 enc_str(struct enc *e, const char *s)
{
	char **n;

	if (!*s && e->nstrs)
		return 0;
	if (e->nstrs == e->strs_cap) {
		e->strs_cap = e->strs_cap ? 2 * e->strs_cap : 64;
		n = realloc(e->strs, e->strs_cap * sizeof(*n));
		if (!n)
			oom();
		e->strs = n;
	}
	e->strs[e->nstrs] = strdup(s);
	if (!e->strs[e->nstrs])
		oom();
	return e->nstrs++;
}

const char *enc_get(const struct enc *e, __u32 id)
{
	return id < e->nstrs ? e->strs[id] : "";
}

static unsigned char *sec_room(struct enc *e, unsigned int type)
{
	if (!e->sec[type].rec)
		e->sec[type].rec = xcalloc(enc_types[type].max, enc_types[type].size);
	return e->sec[type].rec;
}

void *enc_one(struct enc *e, unsigned int type)
{
	unsigned char *r = sec_room(e, type);

	if (e->sec[type].count)
		return r;
	e->sec[type].count = 1;
	if (type == RC_SEC_INIT) {
		struct rc_init *in = (void *)r;

		in->grace_ms = GRACE_MS_DEFAULT;
		in->sync_fd = RC_NONE;
	} else if (type == RC_SEC_PROCESS) {
		((struct rc_process *)r)->umask = RC_NONE;
	}
	return r;
}

void *enc_add(struct enc *e, unsigned int type)
{
	unsigned char *r = sec_room(e, type);

	if (e->sec[type].count >= enc_types[type].max)
		return NULL;
	return r + (size_t)e->sec[type].count++ * enc_types[type].size;
}

void *enc_at(const struct enc *e, unsigned int type, unsigned int i)
{
	return e->sec[type].rec + (size_t)i * enc_types[type].size;
}

/* The string area being laid out: strings in first-use order, each stored once. */
struct area {
	char buf[RC_STRINGS_MAX];
	__u32 len;
	__u32 *offs;		/* of each distinct string */
	unsigned int n;
};

static int area_ref(struct area *a, const char *s, __u32 *ref, char *err)
{
	size_t len = strlen(s);
	unsigned int i;

	if (!len) {
		*ref = 0;
		return 0;
	}
	for (i = 0; i < a->n; i++)
		if (!strcmp(a->buf + a->offs[i], s)) {
			*ref = a->offs[i];
			return 0;
		}
	if (len >= RC_STRING_MAX) {
		snprintf(err, ERR_MAX, "string of %zu bytes over the limit of %u (RC_STRING_MAX): \"%.32s...\"",
			 len, RC_STRING_MAX - 1, s);
		return -1;
	}
	if (a->len + len + 1 > RC_STRINGS_MAX) {
		snprintf(err, ERR_MAX, "strings need over %u bytes, the limit (RC_STRINGS_MAX)",
			 RC_STRINGS_MAX);
		return -1;
	}
	memcpy(a->buf + a->len, s, len + 1);
	*ref = a->offs[a->n++] = a->len;
	a->len += (__u32)len + 1;
	return 0;
}

/*
 * Sections in ascending type order, each 8-aligned after zero padding, all
 * must-understand; the string area in the order the strref fields are met
 * walking the sections in that order, each distinct string once, "" at 0.
 */
int enc_blob(const struct enc *e, unsigned char **blob, size_t *len, char *err)
{
	static struct area a;
	size_t off[RC_SEC_TYPES], size[RC_SEC_TYPES], total;
	unsigned int t, i, k, nsec = 0;
	struct rc_header *h;
	struct rc_section *s;
	unsigned char *b, *rec;
	__u32 id, ref;

	memset(&a, 0, sizeof(a));
	a.len = 1;
	a.offs = xcalloc(RC_STRINGS_MAX / 2 + 1, sizeof(*a.offs));
	for (t = RC_SEC_STRINGS + 1; t < RC_SEC_TYPES; t++)
		for (i = 0; i < e->sec[t].count; i++)
			for (k = 0; k < enc_types[t].nstr; k++) {
				memcpy(&id, (unsigned char *)enc_at(e, t, i) + enc_types[t].str[k], 4);
				if (area_ref(&a, enc_get(e, id), &ref, err) < 0)
					goto fail;
			}
	total = sizeof(*h);
	for (t = RC_SEC_STRINGS; t < RC_SEC_TYPES; t++)
		nsec += t == RC_SEC_STRINGS || e->sec[t].count;
	total += nsec * sizeof(*s);
	for (t = RC_SEC_STRINGS; t < RC_SEC_TYPES; t++) {
		size[t] = t == RC_SEC_STRINGS ? a.len : (size_t)e->sec[t].count * enc_types[t].size;
		if (!size[t])
			continue;
		off[t] = ALIGN(total);
		total = off[t] + size[t];
	}
	if (total > RC_TOTAL_MAX) {
		snprintf(err, ERR_MAX, "blob of %zu bytes over the limit of %u (RC_TOTAL_MAX)",
			 total, RC_TOTAL_MAX);
		goto fail;
	}
	b = xcalloc(1, total);
	h = (void *)b;
	memcpy(h->magic, RC_MAGIC, 4);
	h->version = RC_VERSION;
	h->total_len = (__u32)total;
	h->section_count = (__u16)nsec;
	s = (void *)(h + 1);
	for (t = RC_SEC_STRINGS; t < RC_SEC_TYPES; t++) {
		if (!size[t])
			continue;
		s->type = (__u16)t;
		s->flags = RC_SEC_MUST_UNDERSTAND;
		s->offset = (__u32)off[t];
		s->length = (__u32)size[t];
		s->count = t == RC_SEC_STRINGS ? a.len : e->sec[t].count;
		s++;
		memcpy(b + off[t], t == RC_SEC_STRINGS ? (void *)a.buf : (void *)e->sec[t].rec, size[t]);
		for (i = 0; i < e->sec[t].count && t != RC_SEC_STRINGS; i++)
			for (k = 0; k < enc_types[t].nstr; k++) {
				rec = b + off[t] + (size_t)i * enc_types[t].size + enc_types[t].str[k];
				memcpy(&id, rec, 4);
				area_ref(&a, enc_get(e, id), &ref, err);	/* found: cannot fail */
				memcpy(rec, &ref, 4);
			}
	}
	h->crc32c = crc32c(b + CRC_START, total - CRC_START);
	free(a.offs);
	*blob = b;
	*len = total;
	return 0;
fail:
	free(a.offs);
	return -1;
}

void enc_from_conf(struct enc *e, const struct conf *c)
{
	unsigned int t, i, k;
	unsigned char *rec;
	__u32 ref, id;

	enc_init(e);
	for (t = RC_SEC_STRINGS + 1; t < RC_SEC_TYPES; t++) {
		if (!c->sec[t].rec || !c->sec[t].count)
			continue;
		memcpy(sec_room(e, t), c->sec[t].rec, (size_t)c->sec[t].count * enc_types[t].size);
		e->sec[t].count = c->sec[t].count;
		for (i = 0; i < e->sec[t].count; i++)
			for (k = 0; k < enc_types[t].nstr; k++) {
				rec = (unsigned char *)enc_at(e, t, i) + enc_types[t].str[k];
				memcpy(&ref, rec, 4);
				id = enc_str(e, conf_str(c, ref));
				memcpy(rec, &id, 4);
			}
	}
}
