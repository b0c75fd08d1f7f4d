// SPDX-License-Identifier: MIT
/* Blob to text: the canonical text form, one directive per line, sections in type order. */
#include <arpa/inet.h>
#include <string.h>
#include "textp.h"

/* A byte that cannot stand bare in a word: a blank, a control, # " or \. */
static int special(char c)
{
	return (unsigned char)c <= ' ' || c == '#' || c == '"' || c == '\\' || c == 0x7f;
}

static int needs_quotes(const char *s)
{
	if (!*s)
		return 1;
	for (; *s; s++)
		if (special(*s))
			return 1;
	return 0;
}

void text_word(FILE *o, const char *s)
{
	if (!needs_quotes(s)) {
		fputs(s, o);
		return;
	}
	fputc('"', o);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', o);
		if (*s == '\n')
			fputs("\\n", o);
		else if (*s == '\t')
			fputs("\\t", o);
		else
			fputc(*s, o);
	}
	fputc('"', o);
}

/* " word" */
static void arg(FILE *o, const char *s)
{
	fputc(' ', o);
	text_word(o, s);
}

/*
 * A value the parser rebuilds by joining words with single spaces: as its
 * words when that reads the same, else as one quoted word.
 */
static void joined(FILE *o, const char *s)
{
	const char *p;
	int plain = *s && *s != ' ';

	for (p = s; plain && *p; p++)
		if (*p == ' ' ? p[1] == ' ' || !p[1] : special(*p))
			plain = 0;
	if (plain) {
		fputc(' ', o);
		fputs(s, o);
	} else {
		arg(o, s);
	}
}

static void line_str(FILE *o, const char *dir, const char *s)
{
	fputs(dir, o);
	arg(o, s);
	fputc('\n', o);
}

/* A keyword by value; "?" past the list (which the text then refuses). */
static const char *name(const struct names *n, unsigned int i)
{
	return i < n->count ? n->name[i] : "?";
}

/* user and group: the number when its flag is set, else the name when there is one. */
int dump_id(const struct enc *e, FILE *o, const struct directive *d, const void *rec)
{
	const struct rc_process *p = rec;
	int uid = d->arg == RC_PROC_UID;

	if (p->flags & d->arg)
		return fprintf(o, "%s %u\n", d->name, uid ? p->uid : p->gid) > 0;
	if (uid ? !p->user : !p->group)
		return 0;
	line_str(o, d->name, enc_get(e, uid ? p->user : p->group));
	return 1;
}

int dump_umask(const struct enc *e, FILE *o, const struct directive *d, const void *rec)
{
	const struct rc_process *p = rec;

	(void)e, (void)d;
	return p->umask != RC_NONE && fprintf(o, "umask %04o\n", p->umask) > 0;
}

int dump_oom(const struct enc *e, FILE *o, const struct directive *d, const void *rec)
{
	const struct rc_process *p = rec;

	(void)e, (void)d;
	return (p->flags & RC_PROC_OOM) && fprintf(o, "oom-score-adj %d\n", p->oom_score_adj) > 0;
}

/* A plain field of a record (TX in conf_format.h); whether it printed a line. */
static int dump_field(const struct enc *e, FILE *o, const struct conf_field *f,
		      const unsigned char *rec)
{
	const struct directive *d;
	unsigned int k;
	__u32 v = 0;

	memcpy(&v, rec + f->off, f->size);
	switch (f->how) {
	case TX_H_OWN:
		d = tx_own(f->name, &k);
		return d && d->show && d->show(e, o, d, rec);
	case TX_H_KEY:
		return fprintf(o, "%s %s\n", f->name, name(f->what, v)) > 0;
	case TX_H_NUM:
		return !(f->none_ok && v == RC_NONE) && fprintf(o, "%s %u\n", f->name, v) > 0;
	case TX_H_FLAG:
		return (v & f->arg) && fprintf(o, "%s\n", f->name) > 0;
	}
	if (f->list && f->kind != RC_F_PATH) {
		fputs(f->name, o);
		joined(o, enc_get(e, v));
		fputc('\n', o);
		return 1;
	}
	if (!f->list && !v)
		return 0;
	line_str(o, f->name, enc_get(e, v));
	return 1;
}

/*
 * Record i of a section whose fields have directives, in row order; one that
 * would print nothing prints its first string directive with "" (cwd ""), or
 * nothing when it has none (SUPERVISE: the text cannot say an empty one). 0
 * when no row of type has a directive.
 */
static int dump_directives(const struct enc *e, FILE *o, unsigned int type, unsigned int i)
{
	const struct conf_field *f, *str = NULL;
	unsigned int printed = 0, rows = 0;

	for (f = conf_fields; f < conf_fields + conf_fields_count; f++)
		if (f->sec == type && f->name) {
			str = str || f->how != TX_H_VALUE ? str : f;
			rows++;
			printed += dump_field(e, o, f, enc_at(e, type, i));
		}
	if (str && !printed)
		line_str(o, str->name, "");
	return !!rows;
}

static void dump_caps(FILE *o, const struct rc_caps *c)
{
	const __u64 all = (2ull << RC_CAP_LAST) - 1;
	unsigned int set, cap;
	__u64 m;

	for (set = 0; set < capset_names.count; set++) {
		if (!(c->set & (1u << set)))
			continue;
		m = (&c->bounding)[set];
		fprintf(o, "caps %s", capset_names.name[set]);
		if (m == all)
			fputs(" all", o);
		for (cap = 0; m != all && cap <= RC_CAP_LAST; cap++)
			if (m & (1ull << cap))
				fprintf(o, " %s", cap_name(cap));
		fputc('\n', o);
	}
}

static void limit(FILE *o, __u64 v)
{
	if (v == ~0ull)
		fputs(" unlimited", o);
	else
		fprintf(o, " %llu", (unsigned long long)v);
}

/* Options: flags in table order, the propagation, mkdir/file, then data's items. */
static void dump_mount(const struct enc *e, FILE *o, const struct rc_mount *m)
{
	char opts[2 * RC_STRING_MAX] = "";
	const struct mntopt *k;
	__u64 flags = m->flags;
	size_t n = 0;

	for (k = mntopts; k->name; k++) {
		if ((k->set && (flags & k->set) == k->set) ||
		    (k->propagation && k->propagation == m->propagation) ||
		    (k->rflags & m->rflags)) {
			n += (size_t)snprintf(opts + n, sizeof(opts) - n, "%s%s", n ? "," : "", k->name);
			flags &= ~k->set;
		}
	}
	if (*enc_get(e, m->data))
		snprintf(opts + n, sizeof(opts) - n, "%s%s", n ? "," : "", enc_get(e, m->data));
	fputs("mount", o);
	arg(o, enc_get(e, m->source));
	arg(o, enc_get(e, m->target));
	arg(o, m->fstype ? enc_get(e, m->fstype) : "none");
	if (*opts)
		arg(o, opts);
	fputc('\n', o);
}

static void mac(FILE *o, const __u8 *m)
{
	fprintf(o, "mac=%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
}

static void dump_link(const struct enc *e, FILE *o, const struct rc_link *l)
{
	fputs("link ", o);
	if (l->flags & RC_LINK_BY_MAC)
		mac(o, l->mac);
	else
		text_word(o, enc_get(e, l->name));
	if (l->rename) {
		fputs(" rename", o);
		arg(o, enc_get(e, l->rename));
	}
	if (l->mtu)
		fprintf(o, " mtu %u", l->mtu);
	if (l->flags & RC_LINK_UP)
		fputs(" up", o);
	fputc('\n', o);
}

/* How addr and route lines name a link (see link_ref in text.c). */
static void link_ref(const struct enc *e, FILE *o, __u32 i)
{
	const struct rc_link *l;

	fputc(' ', o);
	if (i == RC_LINK_LO || i >= e->sec[RC_SEC_LINKS].count) {
		fputs("lo", o);
		return;
	}
	l = enc_at(e, RC_SEC_LINKS, i);
	if (l->rename)
		text_word(o, enc_get(e, l->rename));
	else if (l->flags & RC_LINK_BY_MAC)
		mac(o, l->mac);
	else
		text_word(o, enc_get(e, l->name));
}

/* An address as inet_ntop writes it; "?" for a family it does not know. */
static void ip(FILE *o, __u8 family, const __u8 *a)
{
	char s[INET6_ADDRSTRLEN];
	const char *p = family == AF_INET || family == AF_INET6 ? inet_ntop(family, a, s, sizeof(s))
								: NULL;

	fputs(p ? p : "?", o);
}

static void dump_addr(const struct enc *e, FILE *o, const struct rc_addr *a)
{
	fputs("addr", o);
	link_ref(e, o, a->link);
	fputc(' ', o);
	ip(o, a->family, a->addr);
	fprintf(o, "/%u%s\n", a->prefix, a->flags & RC_ADDR_NODAD ? " nodad" : "");
}

static int zero(const __u8 *a)
{
	static const __u8 z[16];

	return !memcmp(a, z, 16);
}

static void dump_route(const struct enc *e, FILE *o, const struct rc_route *r)
{
	fputs("route ", o);
	if (!r->dst_len && zero(r->dst)) {
		fputs(r->family == AF_INET ? "default" : "default6", o);
	} else {
		ip(o, r->family, r->dst);
		fprintf(o, "/%u", r->dst_len);
	}
	if (!zero(r->gw)) {
		fputs(" via ", o);
		ip(o, r->family, r->gw);
	}
	if (r->link != RC_NONE) {
		fputs(" dev", o);
		link_ref(e, o, r->link);
	}
	if (r->metric)
		fprintf(o, " metric %u", r->metric);
	fputc('\n', o);
}

static void dump_record(const struct enc *e, FILE *o, unsigned int type, const void *r)
{
	switch (type) {
	case RC_SEC_CAPS:
		return dump_caps(o, r);
	case RC_SEC_RLIMITS: {
		const struct rc_rlimit *l = r;

		fprintf(o, "rlimit %s", rlimit_name(l->resource));
		limit(o, l->soft);
		limit(o, l->hard);
		return (void)fputc('\n', o);
	}
	case RC_SEC_MOUNTS:
		return dump_mount(e, o, r);
	case RC_SEC_SYSCTLS: {
		const struct rc_sysctl *s = r;

		fputs("sysctl", o);
		arg(o, enc_get(e, s->key));
		joined(o, enc_get(e, s->value));
		return (void)fputc('\n', o);
	}
	case RC_SEC_LINKS:
		return dump_link(e, o, r);
	case RC_SEC_ADDRS:
		return dump_addr(e, o, r);
	case RC_SEC_ROUTES:
		return dump_route(e, o, r);
	case RC_SEC_MODULES: {
		const struct rc_module *m = r;

		fputs("module", o);
		arg(o, enc_get(e, m->path));
		if (m->params)
			joined(o, enc_get(e, m->params));
		return (void)fputc('\n', o);
	}
	case RC_SEC_NAMESPACES: {
		const struct rc_namespace *n = r;
		const struct nstype *ns = ns_by_flag(n->type);

		fprintf(o, "namespace %s", ns ? ns->name : "?");
		if (n->path)
			arg(o, enc_get(e, n->path));
		return (void)fputc('\n', o);
	}
	case RC_SEC_SIGNALS:
		return dump_signal(o, r);
	}
}

/* Sections in type order, a blank line between them; argv and groups on one line each. */
void text_dump(const struct enc *e, FILE *o)
{
	unsigned int t, i, first = 1;

	for (t = RC_SEC_STRINGS + 1; t < RC_SEC_TYPES; t++) {
		if (!e->sec[t].count)
			continue;
		if (!first)
			fputc('\n', o);
		first = 0;
		if (t == RC_SEC_ARGV || t == RC_SEC_GROUPS)
			fputs(t == RC_SEC_ARGV ? "argv" : "groups", o);
		for (i = 0; i < e->sec[t].count; i++) {
			if (t == RC_SEC_ARGV)
				arg(o, enc_get(e, *(const __u32 *)enc_at(e, t, i)));
			else if (t == RC_SEC_GROUPS)
				fprintf(o, " %u", *(const __u32 *)enc_at(e, t, i));
			else if (!dump_directives(e, o, t, i))
				dump_record(e, o, t, enc_at(e, t, i));
		}
		if (t == RC_SEC_ARGV || t == RC_SEC_GROUPS)
			fputc('\n', o);
	}
}
