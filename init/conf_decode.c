// SPDX-License-Identifier: MIT
/* Config decoder: validate a whole v1 blob (conf_format.h), then expose its records in place. */
#include <asm-generic/errno-base.h>
#include <asm/signal.h>
#include <linux/mount.h>
#include "../sys/crc32c.h"
#include "../sys/mem.h"
#include "conf.h"

#define RC_HEADER_SIZE	sizeof(struct rc_header)
#define IFNAME_MAX	15		/* IFNAMSIZ - 1 */

/* The section names in type order after "?", then the field names in RULES order. */
#define SEC_NAME(type, name, rec, max)	"\0" #name
#define F_NAME(s, T, f, k, ...)	"\0" #f
#define E_NAME(s, k, ...)		"\0"
#define B_NAME(s, T, f, how, lim, ...)	"\0" #f
#define SEC_NAMES			"?" RC_SECTIONS(SEC_NAME)
static const char names[] = SEC_NAMES RC_FIELDS(F_NAME, E_NAME, B_NAME);

/* Per known type: record size, maximum count (1 = exactly one record). */
#define SEC_RULE(type, name, rec, max)	{ sizeof(rec), max },
static const struct {
	unsigned char size;
	unsigned short max;
} sec_rules[RC_SEC_TYPES] = { { 0, 0 }, RC_SECTIONS(SEC_RULE) };

/*
 * Messages, packed: \1 and \2 stand for the two numbers a failure carries.
 * Numbered by enum msg so a call site passes one small integer.
 */
enum msg {
	M_TRUNC, M_ALIGN, M_MAGIC, M_VERSION, M_HDR, M_LEN, M_TOTAL, M_CRC, M_NSEC,
	M_TABLE, M_OFFSET, M_PAST, M_OVERLAP, M_MUST, M_TWICE, M_COUNT, M_RECLEN,
	M_STRINGS, M_STROFF, M_STRLEN, M_EMPTY, M_ABS, M_ENV, M_DOTDOT, M_IFNAME,
	M_MAX, M_FLAGS, M_ZERO, M_CAP, M_LINK, M_SIGNO, M_SIGTWICE, M_SIGTO,
};

static const char messages[] =
	"truncated: \1 bytes, header is \2\0"
	"blob not 8-aligned in memory\0"
	"bad magic\0"
	"version \1, this rawinit reads \2\0"
	"header flags/reserved not 0\0"
	"truncated: header says \1 bytes, have \2\0"
	"\1 bytes, limit \2\0"
	"bad checksum \1, computed \2\0"
	"\1 sections, limit \2\0"
	"section table ends at \1, past the end (\2)\0"
	"offset \1 in the header or not 8-aligned\0"
	"offset \1 + length past the end (\2)\0"
	"overlaps section \1\0"
	"unknown must-understand type \1\0"
	"appears twice\0"
	"count \1, limit \2\0"
	"length \1 not count x \2\0"
	"missing or not NUL-bounded\0"
	"string offset \1 past string area (\2 bytes)\0"
	"string of \1 bytes, limit \2\0"
	"empty\0"
	"not an absolute path\0"
	"not KEY=VALUE\0"
	"'/' or \"..\" in a name\0"
	"name of \1 bytes, limit \2\0"
	"value \1, maximum \2\0"
	"unknown flags \1\0"
	"reserved field is \1\0"
	"capability \1, last is \2\0"
	"link \1 of \2\0"
	"value \1 is KILL, STOP, CHLD or not 1..\2\0"
	"value \1 also at [\2]\0"
	"value \1 with action \2, not forward";

const char *conf_sec_name(unsigned int type)
{
	return str_at(names, type < RC_SEC_TYPES ? type : 0);
}

/*
 * Field checks, 3 bytes a rule: the section, the field's byte offset in its
 * record, and a kind; a bounded field's kind indexes its bound.
 */
#define B_MAX		0
#define B_MAX_NONE	1
#define B_FLAGS		2

#define NO_F(s, T, f, k, ...)
#define NO_E(s, k, ...)
#define B_INDEX(s, T, f, how, lim, ...)	FB_##s##_##f,
enum { RC_FIELDS(NO_F, NO_E, B_INDEX) };

#define B_BOUND(s, T, f, how, lim, ...)	{ sizeof(((struct T *)0)->f), B_##how, lim },
static const struct {
	unsigned char size, how;
	unsigned int limit;
} field_bounds[] = { RC_FIELDS(NO_F, NO_E, B_BOUND) };

struct field_rule {
	unsigned char sec, off, kind;
};

#define F_RULE(s, T, f, k, ...)	{ RC_SEC_##s, __builtin_offsetof(struct T, f), RC_F_##k },
#define E_RULE(s, k, ...)	{ RC_SEC_##s, 0, RC_F_##k },
#define B_RULE(s, T, f, how, lim, ...) \
	{ RC_SEC_##s, __builtin_offsetof(struct T, f), RC_F_BOUND + FB_##s##_##f },
static const struct field_rule field_rules[] = { RC_FIELDS(F_RULE, E_RULE, B_RULE) };

#define FIELD_RULES	(sizeof(field_rules) / sizeof(field_rules[0]))

/* Where a message points: "<section>[<index>].<field>: ". */
struct where {
	struct fmt *err;
	unsigned int sec;
	long idx;		/* -1: the section itself, or a singleton */
	const char *field;
};

/* Write "<where>: <message>" with \1 and \2 replaced by n1 and n2; -EINVAL. */
static __attribute__((noinline)) int fail(const struct where *w, enum msg m,
					  unsigned long n1, unsigned long n2)
{
	struct fmt *f = w->err;
	const char *p;

	f->len = 0;
	if (w->sec) {
		fmt_str(f, conf_sec_name(w->sec));
		if (w->idx >= 0) {
			fmt_char(f, '[');
			fmt_udec(f, (unsigned long)w->idx);
			fmt_char(f, ']');
		}
		if (*w->field) {
			fmt_char(f, '.');
			fmt_str(f, w->field);
		}
		fmt_str(f, ": ");
	}
	for (p = str_at(messages, m); *p; p++) {
		if (*p == 1 || *p == 2)
			fmt_udec(f, *p == 1 ? n1 : n2);
		else
			fmt_char(f, *p);
	}
	return -EINVAL;
}

static int check_str(const struct conf *c, const struct where *w, __u32 ref, unsigned int kind)
{
	const char *s, *p;
	size_t n;

	if (ref >= c->strings_len)
		return fail(w, M_STROFF, ref, c->strings_len);
	s = conf_str(c, ref);
	n = strlen(s);
	if (n >= RC_STRING_MAX)
		return fail(w, M_STRLEN, n, RC_STRING_MAX - 1);
	if ((kind == RC_F_PATH || kind == RC_F_SYSCTL) && !n)
		return fail(w, M_EMPTY, 0, 0);
	if ((kind == RC_F_PATH || kind == RC_F_PATH0) && n && s[0] != '/')
		return fail(w, M_ABS, 0, 0);
	if (kind == RC_F_IFNAME && n > IFNAME_MAX)
		return fail(w, M_IFNAME, n, IFNAME_MAX);
	for (p = s; kind == RC_F_SYSCTL && *p; p++)
		if (*p == '/' || (*p == '.' && p[1] == '.'))
			return fail(w, M_DOTDOT, 0, 0);
	if (kind == RC_F_ENV) {
		for (p = s; *p && *p != '='; p++)
			;
		if (!*p || p == s)
			return fail(w, M_ENV, 0, 0);
	}
	return 0;
}

/*
 * A signal policy's signo or to (__u8 fields, read as bytes). to is checked
 * after action, by row order: set only to rewrite a forwarded signal.
 */
static int check_signal(const struct conf *c, const struct where *w, unsigned int kind,
			const unsigned char *v)
{
	const struct rc_signal *s = CONF_AT(c, RC_SEC_SIGNALS, struct rc_signal, 0);
	long i;

	if (kind == RC_F_SIGTO) {
		if (*v > RC_SIG_LAST)
			return fail(w, M_MAX, *v, RC_SIG_LAST);
		if (*v && s[w->idx].action != RC_SIG_FORWARD)
			return fail(w, M_SIGTO, *v, s[w->idx].action);
		return 0;
	}
	if (!*v || *v > RC_SIG_LAST || *v == SIGKILL || *v == SIGSTOP || *v == SIGCHLD)
		return fail(w, M_SIGNO, *v, RC_SIG_LAST);
	for (i = 0; i < w->idx; i++)
		if (s[i].signo == *v)
			return fail(w, M_SIGTWICE, *v, (unsigned long)i);
	return 0;
}

static int check_field(const struct conf *c, const struct where *w,
		       unsigned int kind, const unsigned char *v)
{
	__u32 v32 = 0;
	__u64 v64;

	if (kind == RC_F_SIGNO || kind == RC_F_SIGTO)
		return check_signal(c, w, kind, v);
	if (kind >= RC_F_BOUND) {
		unsigned int lim = field_bounds[kind - RC_F_BOUND].limit;
		unsigned int how = field_bounds[kind - RC_F_BOUND].how;

		memcpy(&v32, v, field_bounds[kind - RC_F_BOUND].size);
		if (how == B_FLAGS)
			return v32 & ~lim ? fail(w, M_FLAGS, v32 & ~lim, 0) : 0;
		if (v32 > lim && !(how == B_MAX_NONE && v32 == RC_NONE))
			return fail(w, M_MAX, v32, lim);
		return 0;
	}
	memcpy(&v32, v, 4);
	switch (kind) {
	case RC_F_ZERO32:
		return v32 ? fail(w, M_ZERO, v32, 0) : 0;
	case RC_F_CAPS:
		memcpy(&v64, v, 8);
		if (v64 >> (RC_CAP_LAST + 1))
			return fail(w, M_CAP, 63 - (unsigned long)__builtin_clzll(v64), RC_CAP_LAST);
		return 0;
	case RC_F_LINK:
	case RC_F_LINK_NONE:
		if (v32 == RC_LINK_LO || (kind == RC_F_LINK_NONE && v32 == RC_NONE) ||
		    v32 < CONF_COUNT(c, RC_SEC_LINKS))
			return 0;
		return fail(w, M_LINK, v32, CONF_COUNT(c, RC_SEC_LINKS));
	default:
		return check_str(c, w, v32, kind);
	}
}

/* Header, checksum and section table: bounds, alignment, overlap, limits. */
static int check_layout(const unsigned char *b, unsigned long len, struct conf *c,
			struct where *w)
{
	const struct rc_header *h = (const void *)b;
	const struct rc_section *t = (const void *)(h + 1), *s;
	unsigned long table_end;
	unsigned int i, k, crc;

	if (len < RC_HEADER_SIZE)
		return fail(w, M_TRUNC, len, RC_HEADER_SIZE);
	if ((unsigned long)b % RC_ALIGN)
		return fail(w, M_ALIGN, 0, 0);
	if (memcmp(h->magic, RC_MAGIC, 4))
		return fail(w, M_MAGIC, 0, 0);
	if (h->version != RC_VERSION)
		return fail(w, M_VERSION, h->version, RC_VERSION);
	if (h->flags || h->reserved || h->reserved2)
		return fail(w, M_HDR, 0, 0);
	if (h->total_len != len)
		return fail(w, M_LEN, h->total_len, len);
	if (len > RC_TOTAL_MAX)
		return fail(w, M_TOTAL, len, RC_TOTAL_MAX);
	crc = crc32c(b + RC_CRC_START, len - RC_CRC_START);
	if (crc != h->crc32c)
		return fail(w, M_CRC, h->crc32c, crc);
	table_end = RC_HEADER_SIZE + (unsigned long)h->section_count * sizeof(*t);
	if (h->section_count > RC_SECTIONS_MAX)
		return fail(w, M_NSEC, h->section_count, RC_SECTIONS_MAX);
	if (table_end > len)
		return fail(w, M_TABLE, table_end, len);
	for (i = 0; i < h->section_count; i++) {
		s = &t[i];
		w->sec = s->type < RC_SEC_TYPES ? s->type : 0;
		w->idx = -1;
		if (s->offset < table_end || s->offset % RC_ALIGN)
			return fail(w, M_OFFSET, s->offset, 0);
		if (s->offset > len || s->length > len - s->offset)
			return fail(w, M_PAST, s->offset, len);
		for (k = 0; k < i; k++)
			if (s->offset < t[k].offset + t[k].length &&
			    t[k].offset < s->offset + s->length)
				return fail(w, M_OVERLAP, k, 0);
		if (!w->sec || !s->type) {
			if (s->flags & RC_SEC_MUST_UNDERSTAND)
				return fail(w, M_MUST, s->type, 0);
			continue;	/* unknown and optional: skipped */
		}
		if (c->sec[s->type].rec)
			return fail(w, M_TWICE, 0, 0);
		if (s->count > sec_rules[s->type].max ||
		    (sec_rules[s->type].max == 1 && s->count != 1))
			return fail(w, M_COUNT, s->count, sec_rules[s->type].max);
		if ((unsigned long)s->count * sec_rules[s->type].size != s->length)
			return fail(w, M_RECLEN, s->length, sec_rules[s->type].size);
		c->sec[s->type].rec = b + s->offset;
		c->sec[s->type].count = s->count;
	}
	w->sec = RC_SEC_STRINGS;
	c->strings = c->sec[RC_SEC_STRINGS].rec;
	c->strings_len = c->sec[RC_SEC_STRINGS].count;
	if (!c->strings_len || c->strings[0] || c->strings[c->strings_len - 1])
		return fail(w, M_STRINGS, 0, 0);
	return 0;
}

int conf_decode(const void *blob, unsigned long len, struct conf *c, struct fmt *err)
{
	struct where w = { err, 0, -1, "" };
	const struct field_rule *r;
	const char *name = names + sizeof(SEC_NAMES);
	const unsigned char *rec;
	unsigned int i, size;
	int ret;

	memset(c, 0, sizeof(*c));
	ret = check_layout(blob, len, c, &w);
	for (r = field_rules; !ret && r < field_rules + FIELD_RULES; r++, name = str_at(name, 1)) {
		size = sec_rules[r->sec].size;
		w.sec = r->sec;
		for (i = 0; !ret && i < CONF_COUNT(c, r->sec); i++) {
			w.idx = sec_rules[r->sec].max == 1 ? -1 : (long)i;
			w.field = name;
			rec = (const unsigned char *)c->sec[r->sec].rec + i * size;
			ret = check_field(c, &w, r->kind, rec + r->off);
		}
	}
	/* argv, when present, names a program: its consumers read argv[0] unchecked. */
	w.sec = RC_SEC_ARGV;
	w.idx = -1;
	w.field = "";
	rec = c->sec[RC_SEC_ARGV].rec;
	if (!ret && rec && (!CONF_COUNT(c, RC_SEC_ARGV) || !*conf_str(c, *(const __u32 *)rec)))
		ret = fail(&w, M_EMPTY, 0, 0);
	if (ret)
		memset(c, 0, sizeof(*c));
	return ret;
}
