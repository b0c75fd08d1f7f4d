// SPDX-License-Identifier: MIT
/* The text parser's argument readers: each fails saying what it expected. */
#include <stdio.h>
#include <string.h>
#include "textp.h"

/* A new record, or fail naming the RC_* limit: argv and groups count words, the rest lines. */
void *tx_add(struct text *t, unsigned int type, const struct word *at)
{
	void *r = enc_add(t->e, type);

	if (!r && (type == RC_SEC_ARGV || type == RC_SEC_GROUPS))
		tx_fail(t, at->col, "expected at most %u %s in all (%s)", enc_types[type].max,
			type == RC_SEC_ARGV ? "argv words" : "gids", enc_types[type].limit);
	if (!r)
		tx_fail(t, t->w[0].col, "expected at most %u %s lines (%s)", enc_types[type].max,
			t->w[0].s, enc_types[type].limit);
	return r;
}

_Static_assert(sizeof(unsigned long) == sizeof(__u64), "parse_ulong reads any rlimit");

/* A whole decimal number no larger than max (sys/fmt.c's parser, as the init's). */
unsigned long long tx_number(struct text *t, const struct word *w, unsigned long long max,
			     const char *what)
{
	unsigned long v;

	if (parse_ulong(w->s, &v) < 0 || v > max)
		tx_fail(t, w->col, "expected %s, got %s", what, tx_got(w));
	return v;
}

int tx_is_number(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

__u32 tx_str(struct text *t, const struct word *w)
{
	if (strlen(w->s) >= RC_STRING_MAX)
		tx_fail(t, w->col, "expected a string of at most %u bytes (RC_STRING_MAX)",
			RC_STRING_MAX - 1);
	return enc_str(t->e, w->s);
}

/* An absolute path; with empty_ok, "" too (it means the default). */
__u32 tx_path(struct text *t, const struct word *w, int empty_ok)
{
	if (w->s[0] != '/' && (w->s[0] || !empty_ok))
		tx_fail(t, w->col, "expected an absolute path%s, got %s", empty_ok ? " or \"\"" : "",
			tx_got(w));
	return tx_str(t, w);
}

/* n words joined by single spaces ("" for none). */
__u32 tx_joined(struct text *t, const struct word *a, unsigned int n)
{
	char s[RC_STRING_MAX];
	size_t len = 0, k;
	unsigned int i;

	s[0] = 0;
	for (i = 0; i < n; i++) {
		k = strlen(a[i].s);
		if (len + !!i + k >= RC_STRING_MAX)
			tx_fail(t, a[0].col, "expected a line of at most %u bytes (RC_STRING_MAX)",
				RC_STRING_MAX - 1);
		if (i)
			s[len++] = ' ';
		memcpy(s + len, a[i].s, k + 1);
		len += k;
	}
	return enc_str(t->e, s);
}

/* One of a keyword list. */
unsigned int tx_keyword(struct text *t, const struct word *w, const struct names *n)
{
	char list[256];
	size_t len = 0;
	unsigned int i;
	int k = names_find(n, w->s);

	if (k >= 0)
		return (unsigned int)k;
	for (i = 0; i < n->count; i++)
		len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s",
					!i ? "" : i + 1 == n->count ? " or " : ", ", n->name[i]);
	tx_fail(t, w->col, "expected %s, got %s", list, tx_got(w));
}

/* The text after the keyword at a[*i]: the next word. */
const struct word *tx_value(struct text *t, const struct word *a, unsigned int n,
				unsigned int *i, const char *what)
{
	if (*i + 1 >= n)
		tx_fail(t, t->end_col, "expected %s after %s", what, a[*i].s);
	return &a[++*i];
}

/* A line of a strref list: one path, or the words joined (env's KEY=VALUE checked first). */
static void list_line(struct text *t, const struct conf_field *f, const struct word *a,
		      unsigned int n)
{
	__u32 *rec = f->kind == RC_F_ENV ? NULL : tx_add(t, f->sec, t->w);
	__u32 v = f->kind == RC_F_PATH ? tx_path(t, a, 0) : tx_joined(t, a, n);
	const char *s = enc_get(t->e, v), *eq = strchr(s, '=');

	if (f->kind == RC_F_ENV && (!eq || eq == s))
		tx_fail(t, a->col, "expected KEY=VALUE, got %s", tx_got(a));
	if (!rec)
		rec = tx_add(t, f->sec, t->w);
	*rec = v;
}

void tx_set(struct text *t, const struct conf_field *f, const struct word *a, unsigned int n)
{
	unsigned char *rec;
	__u32 v = 0;

	if (f->list) {
		list_line(t, f, a, n);
		return;
	}
	rec = enc_one(t->e, f->sec);
	switch (f->how) {
	case TX_H_KEY:
		v = tx_keyword(t, a, f->what);
		break;
	case TX_H_NUM:
		v = (__u32)tx_number(t, a, f->arg, f->what);
		break;
	case TX_H_VALUE:
		v = f->kind == RC_F_STR ? tx_str(t, a) : tx_path(t, a, f->kind == RC_F_PATH0);
		break;
	case TX_H_FLAG:
		memcpy(&v, rec + f->off, f->size);
		v |= f->arg;
		break;
	}
	memcpy(rec + f->off, &v, f->size);
}
