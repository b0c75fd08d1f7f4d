// SPDX-License-Identifier: MIT
/* Config decoder: validate a whole v1 blob (conf_format.h), then expose its records in place. */
#include <asm-generic/errno-base.h>
#include <linux/mount.h>
#include "../sys/crc32c.h"
#include "../sys/mem.h"
#include "conf.h"

#define RC_HEADER_SIZE	sizeof(struct rc_header)
#define RC_CRC_START	16		/* the checksum covers what follows it */
#define IFNAME_MAX	15		/* IFNAMSIZ - 1 */

/* Section names, in type order, as they appear in messages: one packed string. */
static const char sec_names[] =
	"?\0strings\0init\0argv\0env\0process\0groups\0caps\0rlimits\0mounts\0masked\0"
	"readonly\0sysctls\0links\0addrs\0routes\0modules\0resolv\0hosts\0namespaces";

/* Per known type: record size, maximum count (1 = exactly one record). */
static const struct {
	unsigned char size;
	unsigned short max;
} sec_rules[RC_SEC_TYPES] = {
	[RC_SEC_STRINGS] = { 1, RC_STRINGS_MAX },
	[RC_SEC_INIT] = { sizeof(struct rc_init), 1 },
	[RC_SEC_ARGV] = { 4, RC_ARGV_MAX },
	[RC_SEC_ENV] = { 4, RC_ENV_MAX },
	[RC_SEC_PROCESS] = { sizeof(struct rc_process), 1 },
	[RC_SEC_GROUPS] = { 4, RC_GROUPS_MAX },
	[RC_SEC_CAPS] = { sizeof(struct rc_caps), 1 },
	[RC_SEC_RLIMITS] = { sizeof(struct rc_rlimit), RC_RLIMITS_MAX },
	[RC_SEC_MOUNTS] = { sizeof(struct rc_mount), RC_MOUNTS_MAX },
	[RC_SEC_MASKED] = { 4, RC_PATHS_MAX },
	[RC_SEC_READONLY] = { 4, RC_PATHS_MAX },
	[RC_SEC_SYSCTLS] = { sizeof(struct rc_sysctl), RC_SYSCTLS_MAX },
	[RC_SEC_LINKS] = { sizeof(struct rc_link), RC_LINKS_MAX },
	[RC_SEC_ADDRS] = { sizeof(struct rc_addr), RC_ADDRS_MAX },
	[RC_SEC_ROUTES] = { sizeof(struct rc_route), RC_ROUTES_MAX },
	[RC_SEC_MODULES] = { sizeof(struct rc_module), RC_MODULES_MAX },
	[RC_SEC_RESOLV] = { 4, RC_RESOLV_MAX },
	[RC_SEC_HOSTS] = { 4, RC_HOSTS_MAX },
	[RC_SEC_NAMESPACES] = { sizeof(struct rc_namespace), RC_NAMESPACES_MAX },
};

/*
 * Messages, packed: \1 and \2 stand for the two numbers a failure carries.
 * Numbered by enum msg so a call site passes one small integer.
 */
enum msg {
	M_TRUNC, M_ALIGN, M_MAGIC, M_VERSION, M_HDR, M_LEN, M_TOTAL, M_CRC, M_NSEC,
	M_TABLE, M_OFFSET, M_PAST, M_OVERLAP, M_MUST, M_TWICE, M_COUNT, M_RECLEN,
	M_STRINGS, M_STROFF, M_STRLEN, M_EMPTY, M_ABS, M_ENV, M_DOTDOT, M_IFNAME,
	M_MAX, M_FLAGS, M_ZERO, M_CAP, M_LINK,
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
	"link \1 of \2";

/* Skip n NUL-terminated strings of a packed table. */
static const char *packed_at(const char *p, unsigned int n)
{
	while (n--)
		while (*p++)
			;
	return p;
}

const char *conf_sec_name(unsigned int type)
{
	return packed_at(sec_names, type < RC_SEC_TYPES ? type : 0);
}

/*
 * Field checks, table-driven so each rule costs 3 bytes plus its name: the
 * section, the field's byte offset in its record, and a kind; the kinds that
 * compare carry their bound in the kind itself. Names are packed in rule order.
 */
enum field_kind {
	F_STR,		/* any string */
	F_PATH,		/* absolute path */
	F_PATH0,	/* "" or absolute path */
	F_ENV,		/* KEY=VALUE, KEY non-empty */
	F_IFNAME,	/* at most IFNAME_MAX bytes */
	F_SYSCTL,	/* non-empty, no '/' and no ".." */
	F_ZERO32,	/* reserved __u32: 0 */
	F_CAPS,		/* __u64 capability mask up to RC_CAP_LAST */
	F_LINK,		/* index into links or RC_LINK_LO */
	F_LINK_NONE,	/* the same, or RC_NONE */
	F_BOUND,	/* first kind with an entry in field_bounds[] */
};

/* Bounds: size in bytes (1, 2, 4), how to compare, and the limit. */
#define B_MAX		0	/* value <= limit */
#define B_MAX_NONE	1	/* value <= limit, or RC_NONE */
#define B_FLAGS		2	/* no bit outside limit */

static const struct {
	unsigned char size, how;
	unsigned int limit;
} field_bounds[] = {
	{ 1, B_MAX, RC_MODE_EXEC },
	{ 1, B_MAX, 2 },			/* verbosity */
	{ 1, B_MAX, RC_SHUTDOWN_HALT },
	{ 1, B_FLAGS, RC_INIT_FLAGS },
	{ 4, B_MAX_NONE, 1023 },		/* sync_fd */
	{ 4, B_MAX_NONE, 0777 },		/* umask */
	{ 4, B_FLAGS, RC_PROC_FLAGS },
	{ 4, B_FLAGS, RC_CAPS_ALL },
	{ 4, B_MAX, RC_RLIMIT_LAST },
	{ 4, B_FLAGS, MS_PRIVATE | MS_SLAVE | MS_SHARED | MS_UNBINDABLE | MS_REC },
	{ 4, B_FLAGS, RC_MNT_FLAGS },
	{ 2, B_FLAGS, RC_LINK_FLAGS },
	{ 2, B_FLAGS, RC_ADDR_NODAD },
	{ 2, B_FLAGS, 0 },			/* route flags */
};

struct field_rule {
	unsigned char sec, off, kind;
};

#define FR(s, T, f, k)	{ RC_SEC_##s, __builtin_offsetof(struct T, f), k }
#define FS(s, k)	{ RC_SEC_##s, 0, k }

static const struct field_rule field_rules[] = {
	FR(INIT, rc_init, mode, F_BOUND + 0),
	FR(INIT, rc_init, verbosity, F_BOUND + 1),
	FR(INIT, rc_init, shutdown, F_BOUND + 2),
	FR(INIT, rc_init, flags, F_BOUND + 3),
	FR(INIT, rc_init, rootfs, F_PATH0),
	FR(INIT, rc_init, console, F_PATH0),
	FR(INIT, rc_init, sync_fd, F_BOUND + 4),
	FR(INIT, rc_init, reserved[0], F_ZERO32),
	FR(INIT, rc_init, reserved[1], F_ZERO32),
	FR(INIT, rc_init, reserved[2], F_ZERO32),
	FS(ARGV, F_STR),
	FS(ENV, F_ENV),
	FR(PROCESS, rc_process, cwd, F_PATH0),
	FR(PROCESS, rc_process, user, F_STR),
	FR(PROCESS, rc_process, group, F_STR),
	FR(PROCESS, rc_process, umask, F_BOUND + 5),
	FR(PROCESS, rc_process, flags, F_BOUND + 6),
	FR(PROCESS, rc_process, hostname, F_STR),
	FR(PROCESS, rc_process, domainname, F_STR),
	FR(PROCESS, rc_process, apparmor, F_STR),
	FR(PROCESS, rc_process, selinux, F_STR),
	FR(CAPS, rc_caps, bounding, F_CAPS),
	FR(CAPS, rc_caps, effective, F_CAPS),
	FR(CAPS, rc_caps, permitted, F_CAPS),
	FR(CAPS, rc_caps, inheritable, F_CAPS),
	FR(CAPS, rc_caps, ambient, F_CAPS),
	FR(CAPS, rc_caps, set, F_BOUND + 7),
	FR(CAPS, rc_caps, reserved, F_ZERO32),
	FR(RLIMITS, rc_rlimit, resource, F_BOUND + 8),
	FR(RLIMITS, rc_rlimit, reserved, F_ZERO32),
	FR(MOUNTS, rc_mount, source, F_STR),
	FR(MOUNTS, rc_mount, target, F_PATH),
	FR(MOUNTS, rc_mount, fstype, F_STR),
	FR(MOUNTS, rc_mount, data, F_STR),
	FR(MOUNTS, rc_mount, propagation, F_BOUND + 9),
	FR(MOUNTS, rc_mount, rflags, F_BOUND + 10),
	FS(MASKED, F_PATH),
	FS(READONLY, F_PATH),
	FR(SYSCTLS, rc_sysctl, key, F_SYSCTL),
	FR(SYSCTLS, rc_sysctl, value, F_STR),
	FR(LINKS, rc_link, name, F_IFNAME),
	FR(LINKS, rc_link, rename, F_IFNAME),
	FR(LINKS, rc_link, flags, F_BOUND + 11),
	FR(LINKS, rc_link, reserved, F_ZERO32),
	FR(ADDRS, rc_addr, link, F_LINK),
	FR(ADDRS, rc_addr, flags, F_BOUND + 12),
	FR(ROUTES, rc_route, link, F_LINK_NONE),
	FR(ROUTES, rc_route, flags, F_BOUND + 13),
	FR(ROUTES, rc_route, reserved, F_ZERO32),
	FR(MODULES, rc_module, path, F_PATH),
	FR(MODULES, rc_module, params, F_STR),
	FS(RESOLV, F_STR),
	FS(HOSTS, F_STR),
	FR(NAMESPACES, rc_namespace, path, F_PATH0),
};

/* The field names of field_rules, in the same order ("" for list elements). */
static const char field_names[] =
	"mode\0verbosity\0shutdown\0flags\0rootfs\0console\0sync_fd\0reserved[0]\0"
	"reserved[1]\0reserved[2]\0\0\0cwd\0user\0group\0umask\0flags\0hostname\0"
	"domainname\0apparmor\0selinux\0bounding\0effective\0permitted\0inheritable\0"
	"ambient\0set\0reserved\0resource\0reserved\0source\0target\0fstype\0data\0"
	"propagation\0rflags\0\0\0key\0value\0name\0rename\0flags\0reserved\0link\0"
	"flags\0link\0flags\0reserved\0path\0params\0\0\0path";

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
	for (p = packed_at(messages, m); *p; p++) {
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
	if ((kind == F_PATH || kind == F_SYSCTL) && !n)
		return fail(w, M_EMPTY, 0, 0);
	if ((kind == F_PATH || kind == F_PATH0) && n && s[0] != '/')
		return fail(w, M_ABS, 0, 0);
	if (kind == F_IFNAME && n > IFNAME_MAX)
		return fail(w, M_IFNAME, n, IFNAME_MAX);
	for (p = s; kind == F_SYSCTL && *p; p++)
		if (*p == '/' || (*p == '.' && p[1] == '.'))
			return fail(w, M_DOTDOT, 0, 0);
	if (kind == F_ENV) {
		for (p = s; *p && *p != '='; p++)
			;
		if (!*p || p == s)
			return fail(w, M_ENV, 0, 0);
	}
	return 0;
}

static int check_field(const struct conf *c, const struct where *w,
		       unsigned int kind, const unsigned char *v)
{
	__u32 v32 = 0;
	__u64 v64;

	if (kind >= F_BOUND) {
		unsigned int lim = field_bounds[kind - F_BOUND].limit;
		unsigned int how = field_bounds[kind - F_BOUND].how;

		memcpy(&v32, v, field_bounds[kind - F_BOUND].size);
		if (how == B_FLAGS)
			return v32 & ~lim ? fail(w, M_FLAGS, v32 & ~lim, 0) : 0;
		if (v32 > lim && !(how == B_MAX_NONE && v32 == RC_NONE))
			return fail(w, M_MAX, v32, lim);
		return 0;
	}
	memcpy(&v32, v, 4);
	switch (kind) {
	case F_ZERO32:
		return v32 ? fail(w, M_ZERO, v32, 0) : 0;
	case F_CAPS:
		memcpy(&v64, v, 8);
		if (v64 >> (RC_CAP_LAST + 1))
			return fail(w, M_CAP, 63 - (unsigned long)__builtin_clzll(v64), RC_CAP_LAST);
		return 0;
	case F_LINK:
	case F_LINK_NONE:
		if (v32 == RC_LINK_LO || (kind == F_LINK_NONE && v32 == RC_NONE) ||
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
	const char *name = field_names;
	const unsigned char *rec;
	unsigned int i, size;
	int ret;

	memset(c, 0, sizeof(*c));
	ret = check_layout(blob, len, c, &w);
	for (r = field_rules; !ret && r < field_rules + FIELD_RULES; r++, name = packed_at(name, 1)) {
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
