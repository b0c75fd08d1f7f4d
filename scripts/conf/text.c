// SPDX-License-Identifier: MIT
/* The text format's reader: lines into words, words into directives, errors as FILE:LINE:COL. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "textp.h"

static const struct directive *const own_tables[] = { text_proc, text_setup, text_net, text_sup, NULL };

const struct directive *tx_own(const char *name, unsigned int *k)
{
	const struct directive *const *tab, *d;

	*k = conf_fields_count;
	for (tab = own_tables; *tab; tab++)
		for (d = *tab; d->name; d++, ++*k)
			if (!strcmp(d->name, name))
				return d;
	return NULL;
}

void tx_fail(struct text *t, unsigned int col, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(t->err, ERR_MAX, "%s:%u:%u: ", t->file, t->line, col);
	va_start(ap, fmt);
	vsnprintf(t->err + n, ERR_MAX - (size_t)n, fmt, ap);
	va_end(ap);
	longjmp(t->jmp, 1);
}

const char *tx_got(const struct word *w)
{
	static char b[64];

	snprintf(b, sizeof(b), strlen(w->s) > 40 ? "'%.40s...'" : "'%s'", w->s);
	return b;
}

/* Split a line into words: blanks separate, '#' starts a comment, "..." quotes. */
static void split(struct text *t, const char *line)
{
	const char *p = line;
	char *o = t->buf;
	unsigned int q;

	t->nw = 0;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#' || *p == '\n')
			break;
		t->w[t->nw].s = o;
		t->w[t->nw++].col = (unsigned int)(p - line) + 1;
		while (*p && *p != ' ' && *p != '\t' && *p != '#' && *p != '\n') {
			if (*p != '"') {
				*o++ = *p++;
				continue;
			}
			q = (unsigned int)(p++ - line) + 1;
			for (; *p != '"'; p++) {
				if (!*p || *p == '\n')
					tx_fail(t, q, "expected a closing '\"' for this quote on the same line");
				if (*p != '\\') {
					*o++ = *p;
					continue;
				}
				switch (*++p) {
				case '"':
				case '\\':
					*o++ = *p;
					break;
				case 'n':
					*o++ = '\n';
					break;
				case 't':
					*o++ = '\t';
					break;
				default:
					tx_fail(t, (unsigned int)(p - line), "expected \\\" \\\\ \\n or \\t");
				}
			}
			p++;
		}
		*o++ = 0;
		t->end_col = (unsigned int)(p - line) + 1;
	}
}

/* The row of a plain field whose directive is name, or NULL; *k numbers it. */
static const struct conf_field *plain(const char *name, unsigned int *k)
{
	const struct conf_field *f;

	for (*k = 0; *k < conf_fields_count; ++*k) {
		f = &conf_fields[*k];
		if (f->name && f->how != TX_H_OWN && !strcmp(f->name, name))
			return f;
	}
	return NULL;
}

/*
 * Find the line's directive and check its word count; k numbers it for once[].
 * A plain field's takes one word, once; a flag none; a line of a list section
 * one path (PATH) or any words (the rest), any number of times.
 */
static void directive(struct text *t)
{
	const struct conf_field *f;
	const struct directive *d = NULL;
	unsigned int n = t->nw - 1, k, min = 1, max = 1, once = 1;
	const char *name, *args;

	if ((f = plain(t->w[0].s, &k))) {
		name = f->name;
		args = f->args;
		if (f->how == TX_H_FLAG)
			min = max = 0;
		if (f->list)
			once = 0, max = f->kind == RC_F_PATH ? 1 : MANY;
	} else if ((d = tx_own(t->w[0].s, &k))) {
		name = d->name;
		args = d->args;
		min = d->min, max = d->max, once = d->once;
	} else {
		tx_fail(t, t->w[0].col, "expected a directive (see docs/config-text.md), got %s",
			tx_got(&t->w[0]));
	}
	if (k >= sizeof(t->once) / sizeof(t->once[0]))
		tx_fail(t, t->w[0].col, "internal: once[] too small");
	if (once && t->once[k])
		tx_fail(t, t->w[0].col, "expected %s at most once (it is on line %u)", name,
			t->once[k]);
	t->once[k] = t->line;
	if (n < min)
		tx_fail(t, t->end_col, "expected %s %s", name, args);
	if (n > max)
		tx_fail(t, t->w[max + 1].col, "expected the end of the line after %s%s%s, got %s",
			name, *args ? " " : "", args, tx_got(&t->w[max + 1]));
	if (d)
		d->fn(t, t->w + 1, n);
	else
		tx_set(t, f, t->w + 1, n);
}

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	*cap = need;
	p = realloc(p, need * size);
	if (!p) {
		fputs("rawinit-conf: out of memory\n", stderr);
		exit(1);
	}
	return p;
}

int text_parse(FILE *f, const char *file, struct enc *e, char *err)
{
	struct text *t = calloc(1, sizeof(*t));
	ssize_t n;
	volatile int ret = -1;

	if (!t)
		return snprintf(err, ERR_MAX, "%s: out of memory", file), -1;
	t->file = file;
	t->e = e;
	t->err = err;
	if (setjmp(t->jmp))
		goto out;
	while ((n = getline(&t->line_buf, &t->line_cap, f)) > 0) {
		t->line++;
		if (memchr(t->line_buf, 0, (size_t)n))
			tx_fail(t, (unsigned int)strlen(t->line_buf) + 1, "expected text, got a NUL byte");
		if (n >= 2 && t->line_buf[n - 2] == '\r' && t->line_buf[n - 1] == '\n')
			t->line_buf[n - 2] = 0;	/* CRLF line ends read as LF */
		t->buf = grow(t->buf, &t->buf_cap, (size_t)n + 1, 1);
		t->w = grow(t->w, &t->w_cap, (size_t)n + 1, sizeof(*t->w));
		split(t, t->line_buf);
		if (t->nw)
			directive(t);
	}
	if (ferror(f)) {
		snprintf(err, ERR_MAX, "%s: read error", file);
		goto out;
	}
	ret = 0;
out:
	free(t->line_buf);
	free(t->buf);
	free(t->w);
	free(t);
	return ret;
}
