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

void tx_set(struct text *t, const struct directive *d, const struct word *a, unsigned int n)
{
	unsigned char *rec = d->how >= H_PATHS ? tx_add(t, d->sec, t->w) : enc_one(t->e, d->sec);
	__u32 v = 0;

	switch (d->how) {
	case H_KEYWORD:
		v = tx_keyword(t, a, d->what);
		break;
	case H_NUM:
	case H_NUM_SET:
		v = (__u32)tx_number(t, a, d->arg, d->what);
		break;
	case H_STR:
		v = tx_str(t, a);
		break;
	case H_PATH0:
		v = tx_path(t, a, 1);
		break;
	case H_FLAG:
		memcpy(&v, rec + d->off, d->size);
		v |= d->arg;
		break;
	case H_PATHS:
		v = tx_path(t, a, 0);
		break;
	case H_LINES:
		v = tx_joined(t, a, n);
		break;
	}
	memcpy(rec + d->off, &v, d->size);
}
