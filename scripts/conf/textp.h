/* SPDX-License-Identifier: MIT */
/* Inside the text parser: its state, the argument readers and the directive tables. */
#ifndef CONF_TEXTP_H
#define CONF_TEXTP_H

#include <setjmp.h>
#include "fields.h"
#include "names.h"
#include "text.h"

#define MANY	(~0u)	/* no upper bound on a directive's words */

struct word {
	const char *s;
	unsigned int col;
};

struct text {
	const char *file;
	struct enc *e;
	char *err;
	jmp_buf jmp;
	unsigned int line, end_col;	/* end_col: just after the line's last word */
	char *line_buf, *buf;		/* the raw line; its words, unquoted */
	size_t line_cap, buf_cap, w_cap;
	struct word *w;			/* w[0] is the directive */
	unsigned int nw;
	unsigned int once[128];		/* line a once-only directive was first on */
	unsigned int capset[5];		/* line each capability set was given on */
	unsigned int rlimit[RC_RLIMIT_LAST + 1];
	unsigned int signal[RC_SIG_LAST + 1];	/* line each signal's policy is on */
};

/*
 * A directive with its own code (conf_format.h says which and why): its words
 * after the name are a[0..n-1], min <= n <= max, read by fn. The directives of
 * plain fields are the TX columns of conf_format.h's rows (fields.h).
 */
struct directive {
	const char *name, *args;
	void (*fn)(struct text *t, const struct word *a, unsigned int n);
	unsigned int min, max, once;
	unsigned int arg;
	/* dump, at the TX_OWN row of this name: whether it printed a line */
	int (*show)(const struct enc *e, FILE *o, const struct directive *d, const void *rec);
};

/* Words read by fn, printed by dump's own code. */
#define FN(name, args, fn, min, max, once)	{ name, args, fn, min, max, once, 0, NULL }
/* One word read by fn, printed by show where conf_format.h's TX_OWN row is. */
#define FN_SHOW(name, args, fn, arg, show)	{ name, args, fn, 1, 1, 1, arg, show }

/* What dump prints of the directives with a show (dump.c). */
int dump_id(const struct enc *e, FILE *o, const struct directive *d, const void *rec);
int dump_umask(const struct enc *e, FILE *o, const struct directive *d, const void *rec);
int dump_oom(const struct enc *e, FILE *o, const struct directive *d, const void *rec);
/* A signals record as its line (text_sup.c). */
void dump_signal(FILE *o, const struct rc_signal *s);

/* NULL-terminated, by concern: text_proc.c, text_setup.c, text_net.c, text_sup.c. */
extern const struct directive text_proc[], text_setup[], text_net[], text_sup[];
/* The directive with its own code called name, or NULL; *k numbers it after the rows. */
const struct directive *tx_own(const char *name, unsigned int *k);

/* What the directive of a plain field does with its words (TX in conf_format.h). */
void tx_set(struct text *t, const struct conf_field *f, const struct word *a, unsigned int n);

/* "FILE:LINE:COL: " and the message into t->err, then back to text_parse. */
__attribute__((noreturn, format(printf, 3, 4)))
void tx_fail(struct text *t, unsigned int col, const char *fmt, ...);
/* A word as messages quote it, cut at 40 bytes. */
const char *tx_got(const struct word *w);

/* A new record, or fail naming the RC_* limit. */
void *tx_add(struct text *t, unsigned int type, const struct word *at);
/* A whole decimal number no larger than max; what says what was expected. */
unsigned long long tx_number(struct text *t, const struct word *w, unsigned long long max,
			     const char *what);
int tx_is_number(const char *s);
__u32 tx_str(struct text *t, const struct word *w);
/* An absolute path; with empty_ok, "" too (it means the default). */
__u32 tx_path(struct text *t, const struct word *w, int empty_ok);
/* n words joined by single spaces ("" for none). */
__u32 tx_joined(struct text *t, const struct word *a, unsigned int n);
/* One of a keyword list: its index. */
unsigned int tx_keyword(struct text *t, const struct word *w, const struct names *n);
/* The word after the keyword at a[*i], which *i then points at. */
const struct word *tx_value(struct text *t, const struct word *a, unsigned int n,
			    unsigned int *i, const char *what);

#endif
