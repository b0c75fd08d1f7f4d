// SPDX-License-Identifier: MIT
/* The supervisor's policy: what a received signal becomes, which exit statuses read as 0, the parent death signal. */
#include <asm/errno.h>
#include <asm/signal.h>
#include "../sys/fmt.h"
#include "../sys/mem.h"
#include "rawinit.h"
#include "conf.h"

#define EXIT_STATUS_MAX	255

/* Signal names 1..31 in the numbering x86_64 and aarch64 share, packed. */
static const char sig_names[] = "HUP\0INT\0QUIT\0ILL\0TRAP\0ABRT\0BUS\0FPE\0KILL\0USR1\0SEGV\0USR2\0"
	"PIPE\0ALRM\0TERM\0STKFLT\0CHLD\0CONT\0STOP\0TSTP\0TTIN\0TTOU\0URG\0XCPU\0XFSZ\0VTALRM\0"
	"PROF\0WINCH\0IO\0PWR\0SYS";

/* Per signal: what a received one becomes (rc_signal's meaning); set marks a flag's choice. */
static struct sig_rule rules[RC_SIG_LAST + 1];
static __u32 exit_zero[(EXIT_STATUS_MAX + 1) / 32];
static int pdeath, group_all;

/* "15", "TERM" or "SIGTERM"; the real-time signals by number (32..64: no libc reserves any). */
int sig_parse(const char *s)
{
	const char *n = sig_names;
	unsigned long v;
	int sig;

	if (!parse_ulong(s, &v))
		return v >= 1 && v <= RC_SIG_LAST ? (int)v : -EINVAL;
	if (s[0] == 'S' && s[1] == 'I' && s[2] == 'G')
		s += 3;
	for (sig = 1; *n; sig++, n += strlen(n) + 1)
		if (str_eq(s, n))
			return sig;
	return -EINVAL;
}

#define RULE_CONF	1	/* a record of the config's: its own group choice stands */
#define RULE_ARG	2	/* -r on the command line: wins over the config */

static void rule_set(int sig, int action, int to, int group, int set)
{
	if (rules[sig].set == RULE_ARG)
		return;
	rules[sig] = (struct sig_rule){ action, to, group, set };
}

/* -G, -r FROM:TO, -e CODE, -p SIG: 0, or -EINVAL for a bad argument (argv is ours to cut). */
int policy_arg(int opt, char *arg)
{
	unsigned long code;
	char *colon;
	int a, b;

	switch (opt) {
	case 'G':
		group_all = 1;
		return 0;
	case 'e':
		if (parse_ulong(arg, &code) || code > EXIT_STATUS_MAX)
			return -EINVAL;
		exit_zero[code / 32] |= 1U << (code % 32);
		return 0;
	case 'p':
		pdeath = sig_parse(arg);
		return pdeath < 0 ? pdeath : 0;
	case 'r':
		for (colon = arg; *colon && *colon != ':'; colon++)
			;
		if (!*colon)
			return -EINVAL;
		*colon = 0;
		a = sig_parse(arg);
		b = sig_parse(colon + 1);
		*colon = ':';
		if (a < 0 || b < 0 || a == SIGKILL || a == SIGSTOP || a == SIGCHLD)
			return -EINVAL;
		rule_set(a, RC_SIG_FORWARD, b, 0, RULE_ARG);
		return 0;
	}
	return -EINVAL;
}

/* The config's records and settings, under what the command line chose. */
void policy_conf(const struct conf *c)
{
	const struct rc_supervise *s = CONF_ONE(c, RC_SEC_SUPERVISE, struct rc_supervise);
	const struct rc_signal *r;
	unsigned int i;

	for (i = 0; i < CONF_COUNT(c, RC_SEC_SIGNALS); i++) {
		r = CONF_AT(c, RC_SEC_SIGNALS, struct rc_signal, i);
		rule_set(r->signo, r->action, r->to, r->flags & RC_SIG_GROUP, RULE_CONF);
	}
	if (!s)
		return;
	group_all |= s->flags & RC_SUP_GROUP;
	if (!pdeath)
		pdeath = (int)s->pdeathsig;
	for (i = 0; i < ARRAY_LEN(exit_zero); i++)
		exit_zero[i] |= s->exit_zero[i];
}

/*
 * What signal sig (1..RC_SIG_LAST) becomes: to is never 0. -G or signal-group
 * sends to the group every signal the config does not give a line of its own.
 */
struct sig_rule policy_rule(int sig)
{
	struct sig_rule r = rules[sig];

	if (!r.to)
		r.to = (unsigned char)sig;
	if (r.set != RULE_CONF)
		r.group |= (unsigned char)group_all;
	return r;
}

int policy_pdeathsig(void)
{
	return pdeath;
}

/* A wait status with the listed exit codes read as 0 (tini's -e); a death by signal stays. */
int policy_status(int ws)
{
	unsigned int code = (ws >> 8) & 0xff;

	if (!(ws & 0x7f) && (exit_zero[code / 32] >> (code % 32) & 1))
		return 0;
	return ws;
}
