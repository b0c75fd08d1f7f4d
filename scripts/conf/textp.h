/* SPDX-License-Identifier: MIT */
/* Inside the text parser: its state, the argument readers and the directive tables. */
#ifndef CONF_TEXTP_H
#define CONF_TEXTP_H

#include <setjmp.h>
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
	unsigned int once[64];		/* line a once-only directive was first on */
	unsigned int capset[5];		/* line each capability set was given on */
	unsigned int rlimit[RC_RLIMIT_LAST + 1];
};

/* How a directive without fn reads its words into a field, and dump prints it. */
enum how {
	H_FN,		/* fn reads, show prints (if there is a show) */
	H_KEYWORD,	/* __u8, one of *what (a struct names) */
	H_NUM,		/* a number up to arg; what says what it is */
	H_NUM_SET,	/* the same, not printed when RC_NONE */
	H_STR,		/* a strref, not printed when "" */
	H_PATH0,	/* the same, "" or an absolute path */
	H_FLAG,		/* bit arg of the field; no words */
	H_PATHS,	/* a strref list: one absolute path a line */
	H_LINES,	/* a strref list: the words joined a line */
};

/* A directive: its words after the name are a[0..n-1], min <= n <= max. */
struct directive {
	const char *name, *args;
	void (*fn)(struct text *t, const struct word *a, unsigned int n);
	unsigned int min, max, once;
	unsigned char how, sec, off, size;	/* the field of the section's record */
	unsigned int arg;
	const void *what;
	/* dump, for fields how does not print: whether it printed a line */
	int (*show)(const struct enc *e, FILE *o, const struct directive *d, const void *rec);
};

/* Words read by fn, printed by dump's own code. */
#define FN(name, args, fn, min, max, once) \
	{ name, args, fn, min, max, once, H_FN, 0, 0, 0, 0, NULL, NULL }
/* One word read by fn into the singleton section sec, printed by show. */
#define FN_SHOW(name, args, fn, sec, arg, show) \
	{ name, args, fn, 1, 1, 1, H_FN, RC_SEC_##sec, 0, 0, arg, NULL, show }
#define FIELD(T, f)	__builtin_offsetof(struct T, f), sizeof(((struct T *)0)->f)
/* One word into field f of the singleton section sec. */
#define SET(name, args, how, sec, T, f, arg, what) \
	{ name, args, NULL, 1, 1, 1, how, RC_SEC_##sec, FIELD(T, f), arg, what, NULL }
#define SET_FLAG(name, sec, T, bit) \
	{ name, "", NULL, 0, 0, 1, H_FLAG, RC_SEC_##sec, FIELD(T, flags), bit, NULL, NULL }
/* A line of a strref list section. */
#define LIST(name, args, how, sec, max) \
	{ name, args, NULL, 1, max, 0, how, RC_SEC_##sec, 0, 4, 0, NULL, NULL }

/* What dump prints of the directives with a show (dump.c). */
int dump_id(const struct enc *e, FILE *o, const struct directive *d, const void *rec);
int dump_umask(const struct enc *e, FILE *o, const struct directive *d, const void *rec);
int dump_oom(const struct enc *e, FILE *o, const struct directive *d, const void *rec);

/* NULL-terminated, by concern: text_proc.c, text_setup.c, text_net.c. */
extern const struct directive text_proc[], text_setup[], text_net[];
/* All three, NULL-terminated. */
extern const struct directive *const text_tables[];

/* What a directive without fn does (see enum how). */
void tx_set(struct text *t, const struct directive *d, const struct word *a, unsigned int n);

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
