// SPDX-License-Identifier: MIT
/* PID 1's loop and its end: forward signals, reap every child; then SIGTERM, a grace period, SIGKILL. */
#include <asm/signal.h>
#include <asm/errno.h>
#include <linux/fcntl.h>
#include <linux/wait.h>
#include "../sys/syscalls.h"
#include "../sys/fmt.h"
#include "../sys/clock.h"
#include "rawinit.h"

/* Signals a user sends to PID 1 that are meant for the workload. */
#define FORWARD_SET (SIGNAL_BIT(SIGTERM) | SIGNAL_BIT(SIGINT) | SIGNAL_BIT(SIGHUP) | \
		     SIGNAL_BIT(SIGQUIT) | SIGNAL_BIT(SIGUSR1) | SIGNAL_BIT(SIGUSR2) | \
		     SIGNAL_BIT(SIGWINCH) | SIGNAL_BIT(SIGCONT))
#define CHILDREN_BUF_MAX	4096	/* one read of /proc/.../children; the list takes as many as it needs */
#define DRAIN_PIDS_MAX		4096	/* descendants a subreaper remembers having sent SIGTERM */
#define DRAIN_HASH_SIZE		(2 * DRAIN_PIDS_MAX)	/* a power of two, never more than half full */
#define PROC_PATH_MAX		64

/*
 * Reap every child that has ended, without blocking. When `child` is among
 * them its wait status goes to *status and *done is set. Returns -ECHILD when
 * no child is left at all, else 0.
 */
static int reap(int child, int *status, int *done)
{
	int st;
	long pid;

	for (;;) {
		pid = sys_wait4(-1, &st, WNOHANG);
		if (pid == -EINTR)
			continue;
		if (pid <= 0)
			return pid == -ECHILD ? -ECHILD : 0;
		if (pid == child) {
			*status = st;
			*done = 1;
		}
	}
}

/*
 * A subreaper's SIGTERM round: who got it, in the order found (a breadth-first
 * queue), and the same pids in an open-addressed set (0: empty) so that a
 * rescan after every SIGCHLD costs a lookup a pid, not a walk of the queue.
 */
static int termed[DRAIN_PIDS_MAX];
static unsigned int nterm;
static int termed_set[DRAIN_HASH_SIZE];

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
	int st, done;

	for (;;) {
		if (reap(0, &st, &done) == -ECHILD)
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

/* Called while children are left (the workload's own status is already taken). */
static void drain(int child, unsigned long grace_ns)
{
	int st, done;

	log_step("drain", "SIGTERM");
	signal_rest(SIGTERM, child);
	if (!reap_until(clock_mono_ns() + grace_ns))
		return;
	log_step("drain", "SIGKILL");
	do
		signal_rest(SIGKILL, child);	/* again after each wait: orphans reparented since */
	while (sys_wait4(-1, 0, 0) != -ECHILD && reap(0, &st, &done) != -ECHILD);
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
	struct ksiginfo si;
	int status = 0, done = 0, left;
	long sig;

	for (;;) {
		left = reap(child, &status, &done);
		if (done)
			break;
		sig = sys_rt_sigtimedwait(&all, &si, 0);
		if (sig > 0 && (FORWARD_SET & SIGNAL_BIT(sig))) {
			if (ri.verbose)
				log_line("forward signal=", sig);
			sys_kill(child, (int)sig);
		}
	}
	if (left != -ECHILD)
		drain(child, grace_ns);
	return status;
}
