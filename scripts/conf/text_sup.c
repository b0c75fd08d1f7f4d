// SPDX-License-Identifier: MIT
/* Directives with their own code for the supervisor: signal policies, parent-death, exit-zero. */
#include <string.h>
#include <asm-generic/signal.h>
#include "textp.h"

static struct rc_supervise *sup(struct text *t)
{
	return enc_one(t->e, RC_SEC_SUPERVISE);
}

/* A signal: a number 1..RC_SIG_LAST, or a name (sig_lookup). */
static __u8 signal_word(struct text *t, const struct word *w)
{
	unsigned long v;
	int sig;

	if (parse_ulong(w->s, &v) < 0)
		sig = sig_lookup(w->s);
	else
		sig = v && v <= RC_SIG_LAST ? (int)v : -1;
	if (sig < 0)
		tx_fail(t, w->col, "expected a signal 1..%u or a name (TERM, SIGTERM, RTMIN+3), got %s",
			RC_SIG_LAST, tx_got(w));
	return (__u8)sig;
}

/* signal SIG forward|group|ignore|shutdown, or signal SIG rewrite SIG2 [group] */
static void d_signal(struct text *t, const struct word *a, unsigned int n)
{
	char name[SIG_NAME_MAX];
	unsigned int act, i = 1, sig = signal_word(t, a);
	struct rc_signal *r;

	if (sig == SIGKILL || sig == SIGSTOP || sig == SIGCHLD)
		tx_fail(t, a->col, "expected a signal other than SIGKILL, SIGSTOP and SIGCHLD (rawinit "
			"cannot catch the first two and reaps with the third), got %s", tx_got(a));
	if (t->signal[sig])
		tx_fail(t, a->col, "expected each signal once (%s is on line %u)", sig_name(sig, name),
			t->signal[sig]);
	t->signal[sig] = t->line;
	act = tx_keyword(t, &a[1], &sig_action_names);
	r = tx_add(t, RC_SEC_SIGNALS, t->w);
	r->signo = (__u8)sig;
	r->action = act < SIG_ACT_GROUP ? (__u8)act : RC_SIG_FORWARD;
	r->flags = act == SIG_ACT_GROUP ? RC_SIG_GROUP : 0;
	if (act == SIG_ACT_REWRITE) {
		r->to = signal_word(t, tx_value(t, a, n, &i, "a signal"));
		if (n > 3 && strcmp(a[3].s, "group"))
			tx_fail(t, a[3].col, "expected group or the end of the line, got %s", tx_got(&a[3]));
		r->flags = n > 3 ? RC_SIG_GROUP : 0;
	} else if (n > 2) {
		tx_fail(t, a[2].col, "expected the end of the line after signal SIG %s, got %s", a[1].s,
			tx_got(&a[2]));
	}
}

static void d_pdeath(struct text *t, const struct word *a, unsigned int n)
{
	(void)n;
	sup(t)->pdeathsig = signal_word(t, a);
}

static void d_exit_zero(struct text *t, const struct word *a, unsigned int n)
{
	struct rc_supervise *s = sup(t);
	unsigned int i, v;

	for (i = 0; i < n; i++) {
		v = (unsigned int)tx_number(t, &a[i], 255, "an exit status 0..255");
		s->exit_zero[v / 32] |= 1u << (v % 32);
	}
}

/* signal SIG and what it does, as d_signal reads it. */
void dump_signal(FILE *o, const struct rc_signal *s)
{
	char a[SIG_NAME_MAX], b[SIG_NAME_MAX];
	unsigned int act = s->action;

	if (s->action == RC_SIG_FORWARD && s->to)
		act = SIG_ACT_REWRITE;
	else if (s->action == RC_SIG_FORWARD && (s->flags & RC_SIG_GROUP))
		act = SIG_ACT_GROUP;
	fprintf(o, "signal %s %s", sig_name(s->signo, a), sig_action_names.name[act]);
	if (act == SIG_ACT_REWRITE)
		fprintf(o, " %s%s", sig_name(s->to, b), s->flags & RC_SIG_GROUP ? " group" : "");
	fputc('\n', o);
}

static int dump_pdeath(const struct enc *e, FILE *o, const struct directive *d, const void *rec)
{
	const struct rc_supervise *s = rec;
	char name[SIG_NAME_MAX];

	(void)e, (void)d;
	return s->pdeathsig && fprintf(o, "parent-death %s\n", sig_name(s->pdeathsig, name)) > 0;
}

/* The statuses in one line, in order. */
static int dump_exit_zero(const struct enc *e, FILE *o, const struct directive *d, const void *rec)
{
	const struct rc_supervise *s = rec;
	unsigned int v, any = 0;

	(void)e, (void)d;
	for (v = 0; v < 256; v++) {
		if (!(s->exit_zero[v / 32] & (1u << (v % 32))))
			continue;
		fprintf(o, "%s %u", any ? "" : "exit-zero", v);
		any = 1;
	}
	if (any)
		fputc('\n', o);
	return any;
}

const struct directive text_sup[] = {
	FN("signal", "SIG forward|group|ignore|shutdown|rewrite SIG2 [group]", d_signal, 2, 4, 0),
	FN_SHOW("parent-death", "SIG", d_pdeath, 0, dump_pdeath),
	{ "exit-zero", "N...", d_exit_zero, 1, MANY, 0, 0, dump_exit_zero },
	FN(NULL, NULL, NULL, 0, 0, 0),
};
