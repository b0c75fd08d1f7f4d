// SPDX-License-Identifier: MIT
/* PID 1's loop and its end: act on signals by the policy, reap every child; then SIGTERM, a grace period, SIGKILL. */
#include <asm/signal.h>
#include <asm/errno.h>
#include <asm/siginfo.h>
#include <linux/fcntl.h>
#include <linux/prctl.h>
#include <linux/wait.h>
#include "../sys/syscalls.h"
#include "../sys/fmt.h"
#include "../sys/clock.h"
#include "rawinit.h"

/*
 * Signals the kernel sends on a user's behalf (a terminal's keys and hangup,
 * Ctrl-Alt-Del, a resize, a power event): forwarded like a process's. Any other
 * signal the kernel raised at rawinit (SIGPIPE or SIGXFSZ from its own write,
 * SIGXCPU from its own limit, a fault) concerns rawinit only.
 */
#define USER_KERNEL_SET (SIGNAL_BIT(SIGINT) | SIGNAL_BIT(SIGQUIT) | SIGNAL_BIT(SIGHUP) | \
			 SIGNAL_BIT(SIGTSTP) | SIGNAL_BIT(SIGWINCH) | SIGNAL_BIT(SIGCONT) | \
			 SIGNAL_BIT(SIGPWR))
/* Job control (dumb-init's): forwarded, then the supervisor stops too, so its shell sees the job stop. */
#define JOB_STOP_SET (SIGNAL_BIT(SIGTSTP) | SIGNAL_BIT(SIGTTIN) | SIGNAL_BIT(SIGTTOU))
#define CHILDREN_BUF_MAX	4096	/* one read of /proc/.../children; the list takes as many as it needs */
#define DRAIN_PIDS_MAX		4096	/* descendants a subreaper remembers having sent SIGTERM */
#define DRAIN_HASH_SIZE		(2 * DRAIN_PIDS_MAX)	/* a power of two, never more than half full */
#define PROC_PATH_MAX		64

/*
 * A subreaper's SIGTERM round: who got it, in the order found (a breadth-first
 * queue), and the same pids in an open-addressed set (0: empty) so that a
 * rescan after every SIGCHLD costs a lookup a pid, not a walk of the queue.
 */
static int termed[DRAIN_PIDS_MAX];
static unsigned int nterm;
static int termed_set[DRAIN_HASH_SIZE];

/* The workload: its pid, its wait status once reaped (done); a shutdown asked for. */
static struct {
	int pid, status, done, stop;
} wl;

/* A reaped child: the workload's status is kept, any other dropped. */
static void reaped(long pid, int st)
{
	if (pid == wl.pid) {
		wl.status = st;
		wl.done = 1;
	}
}

/* Reap every child that has ended, without blocking: -ECHILD when none is left, else 0. */
static int reap(void)
{
	int st;
	long pid;

	for (;;) {
		pid = sys_wait4(-1, &st, WNOHANG);
		if (pid == -EINTR)
			continue;
		if (pid <= 0)
			return pid == -ECHILD ? -ECHILD : 0;
		reaped(pid, st);
	}
}


/* 1 when pid is new (and now remembered, while there is room), 0 when it had SIGTERM already. */
static int termed_add(int pid)
{
	unsigned int h = (unsigned int)pid * 2654435761u;	/* Knuth's multiplicative hash */

	if (nterm == DRAIN_PIDS_MAX)
		return 1;	/* full: SIGTERM again rather than not at all */
	for (h &= DRAIN_HASH_SIZE - 1; termed_set[h]; h = (h + 1) & (DRAIN_HASH_SIZE - 1))
		if (termed_set[h] == pid)
			return 0;
	termed_set[h] = pid;
	termed[nterm++] = pid;
	return 1;
}

/* One pid of a children list: SIGTERM once each, any other signal every time. */
static int signal_one(int pid, int sig)
{
	if (sig == SIGTERM && !termed_add(pid))
		return 0;
	return sys_kill(pid, sig) == 0;
}

/*
 * A subreaper must not use kill(-1): that is every process the user may signal
 * on the host. It signals the children of `of` instead, as the kernel lists
 * them in /proc/<of>/task/<of>/children, read to the end (a pid may straddle
 * two reads). Returns the number signalled, or -errno when the list cannot be
 * read.
 */
static int signal_children(int of, int sig)
{
	char path[PROC_PATH_MAX], buf[CHILDREN_BUF_MAX];
	struct fmt f = FMT_INIT(path);
	long fd, n, i, pid = 0;
	int count = 0;

	fmt_str(&f, "/proc/");
	fmt_udec(&f, (unsigned long)of);
	fmt_str(&f, "/task/");
	fmt_udec(&f, (unsigned long)of);
	fmt_str(&f, "/children");
	fmt_char(&f, 0);
	fd = sys_openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return (int)fd;
	while ((n = sys_read((int)fd, buf, sizeof(buf))) > 0) {
		for (i = 0; i < n; i++) {
			if (buf[i] >= '0' && buf[i] <= '9') {
				pid = pid * 10 + (buf[i] - '0');
				continue;
			}
			if (pid > 0)
				count += signal_one((int)pid, sig);
			pid = 0;
		}
	}
	if (pid > 0)
		count += signal_one((int)pid, sig);
	sys_close((int)fd);
	return n < 0 ? (int)n : count;
}

/*
 * Everyone but us: kill(-1) in our own pid namespace. A subreaper must not
 * (that is the host): it walks its tree breadth first, children before their
 * own children are reparented to us (docs/design.md, "The end").
 */
static void signal_rest(int sig, int child)
{
	int self = (int)sys_getpid();
	unsigned int i;

	if (ri.mode != RC_MODE_SUBREAPER) {
		sys_kill(-1, sig);
		return;
	}
	if (signal_children(self, sig) < 0) {
		sys_kill(-child, sig);
		return;
	}
	for (i = 0; sig == SIGTERM && i < nterm; i++)
		signal_children(termed[i], sig);
}

/* A subreaper, while it waits: SIGTERM to what was reparented to it since. */
static void signal_new(void)
{
	if (ri.mode == RC_MODE_SUBREAPER)
		signal_children((int)sys_getpid(), SIGTERM);
}

/* Wait for SIGCHLD until the deadline; 0 when the tree is empty, 1 on timeout. */
static int reap_until(unsigned long deadline)
{
	const __u64 chld = SIGNAL_BIT(SIGCHLD);
	struct __kernel_timespec ts;
	struct ksiginfo si;
	unsigned long now;

	for (;;) {
		if (reap() == -ECHILD)
			return 0;
		now = clock_mono_ns();
		if (now >= deadline)
			return 1;
		signal_new();
		ts.tv_sec = (long long)((deadline - now) / NSEC_PER_SEC);
		ts.tv_nsec = (long long)((deadline - now) % NSEC_PER_SEC);
		sys_rt_sigtimedwait(&chld, &si, &ts);
	}
}

/* Called while children are left: the workload too, on a shutdown. */
static void drain(int child, unsigned long grace_ns)
{
	long pid;
	int st;

	log_step("drain", "SIGTERM");
	signal_rest(SIGTERM, child);
	if (!reap_until(clock_mono_ns() + grace_ns))
		return;
	log_step("drain", "SIGKILL");
	do {
		signal_rest(SIGKILL, child);	/* again after each wait: orphans reparented since */
		pid = sys_wait4(-1, &st, 0);
		if (pid > 0)
			reaped(pid, st);
	} while (pid != -ECHILD && reap() != -ECHILD);
}

/*
 * Sent by a process (si_code <= 0), but not rawinit's own doing (SI_USER from
 * our own pid is the kernel's send_sig() on our behalf: SIGPIPE, SIGXFSZ), or
 * sent by the kernel for a user (USER_KERNEL_SET).
 */
static int from_user(long sig, const struct ksiginfo *si, int self)
{
	if (si->code <= 0)
		return !(si->code == SI_USER && si->pid == self);
	return si->code == SI_KERNEL && (USER_KERNEL_SET & SIGNAL_BIT(sig));
}

/* The policy's answer to sig: forwarded (rewritten, to the group), ignored, or 1: shut down. */
static int act(int sig, int self)
{
	struct sig_rule r = policy_rule(sig);

	if (r.action == RC_SIG_SHUTDOWN) {
		log_step("shutdown", "signal");
		return 1;
	}
	if (r.action != RC_SIG_FORWARD)
		return 0;
	if (ri.verbose)
		log_line("forward signal=", r.to);
	if (!r.group || sys_kill(-wl.pid, r.to) == -ESRCH)	/* its setpgid may not have run yet */
		sys_kill(wl.pid, r.to);
	/* Only a subreaper can stop: the kernel ignores init's own SIGSTOP, and a VM's PID 1 must run. */
	if ((JOB_STOP_SET & SIGNAL_BIT(sig)) && ri.mode == RC_MODE_SUBREAPER)
		sys_kill(self, SIGSTOP);
	return 0;
}

/*
 * A process-sent SEGV, BUS, ILL, FPE or TRAP that reached the VM's crash guard
 * while PID 1 was not waiting (in rt_sigtimedwait it is dequeued like any
 * other): acted on the same way, the loop told of a shutdown.
 */
void supervise_caught(int sig, const struct ksiginfo *si)
{
	int self = (int)sys_getpid();

	if (wl.pid && from_user(sig, si, self) && act(sig, self))
		wl.stop = 1;
}

/*
 * The parent death signal (tini's -p), outside a VM: set on ourselves, then a
 * parent already gone (we were reparented before it was set) counts as its
 * signal received. 1 when that asks for a shutdown.
 */
static int pdeath_arm(int self)
{
	int sig = policy_pdeathsig();

	if (!sig || ri.mode == RC_MODE_VM || sys_prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0) < 0)
		return 0;
	return (int)sys_getppid() != ri.ppid ? act(sig, self) : 0;
}

/*
 * All signals are blocked, so rt_sigtimedwait dequeues them one at a time;
 * SIGCHLD only wakes us to reap (the kernel merges SIGCHLDs, hence the loop in
 * reap). Reaping comes first in each round so a child that ended before we
 * started waiting is not missed. Returns the workload's wait status.
 */
int supervise(int child, unsigned long grace_ns)
{
	const __u64 all = ~0ULL;
	int self = (int)sys_getpid(), left;
	struct ksiginfo si;
	long sig;

	wl.pid = child;
	wl.done = 0;
	wl.stop = pdeath_arm(self);
	for (;;) {
		left = reap();
		if (wl.done || wl.stop)
			break;
		sig = sys_rt_sigtimedwait(&all, &si, 0);
		if (sig > 0 && sig <= RC_SIG_LAST && sig != SIGCHLD && from_user(sig, &si, self))
			wl.stop |= act((int)sig, self);
	}
	if (left != -ECHILD)
		drain(child, grace_ns);
	return wl.status;
}
