// SPDX-License-Identifier: MIT
/* The canonical encoder: every config has exactly one blob, byte for byte. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../sys/crc32c.h"
#include "enc.h"

#define ALIGN(n)	(((n) + RC_ALIGN - 1) & ~(size_t)(RC_ALIGN - 1))

#define SEC_TYPE(type, name, rec, max)	[RC_SEC_##type] = { #name, #max, sizeof(rec), max },
const struct enc_type enc_types[RC_SEC_TYPES] = { RC_SECTIONS(SEC_TYPE) };

/* Every checked field; str marks the strrefs, laid out in this order. */
#define F_FIELD(s, T, f, k, ...)	{ RC_SEC_##s, __builtin_offsetof(struct T, f), RC_F_STRREF(RC_F_##k) },
#define E_FIELD(s, k, ...)	{ RC_SEC_##s, 0, RC_F_STRREF(RC_F_##k) },
#define B_FIELD(s, T, f, how, lim, ...)	{ RC_SEC_##s, __builtin_offsetof(struct T, f), 0 },
static const struct {
	unsigned char sec, off, str;
} fields[] = { RC_FIELDS(F_FIELD, E_FIELD, B_FIELD) };

#define FIELDS	(sizeof(fields) / sizeof(fields[0]))

/* The next strref of record rec (of type t) from fields[*k] on, or NULL. */
static unsigned char *next_ref(unsigned int t, const void *rec, unsigned int *k)
{
	for (; *k < FIELDS; ++*k)
		if (fields[*k].sec == t && fields[*k].str)
			return (unsigned char *)rec + fields[(*k)++].off;
	return NULL;
}

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
			for (k = 0; (rec = next_ref(t, enc_at(e, t, i), &k)); ) {
				memcpy(&id, rec, 4);
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
			for (k = 0; (rec = next_ref(t, b + off[t] + (size_t)i * enc_types[t].size, &k)); ) {
				memcpy(&id, rec, 4);
				area_ref(&a, enc_get(e, id), &ref, err);	/* found: cannot fail */
				memcpy(rec, &ref, 4);
			}
	}
	h->crc32c = crc32c(b + RC_CRC_START, total - RC_CRC_START);
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
			for (k = 0; (rec = next_ref(t, enc_at(e, t, i), &k)); ) {
				memcpy(&ref, rec, 4);
				id = enc_str(e, conf_str(c, ref));
				memcpy(rec, &id, 4);
			}
	}
}
