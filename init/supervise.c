// SPDX-License-Identifier: MIT
/* PID 1's loop: wait for signals without handlers, forward some, reap every child. */
#include <asm/signal.h>
#include <asm/errno.h>
#include <linux/wait.h>
#include "../sys/syscalls.h"
#include "rawinit.h"

/* Signals a user sends to PID 1 that are meant for the workload. */
#define FORWARD_SET (SIGNAL_BIT(SIGTERM) | SIGNAL_BIT(SIGINT) | SIGNAL_BIT(SIGHUP) | \
		     SIGNAL_BIT(SIGQUIT) | SIGNAL_BIT(SIGUSR1) | SIGNAL_BIT(SIGUSR2) | \
		     SIGNAL_BIT(SIGWINCH) | SIGNAL_BIT(SIGCONT))

/*
 * Reap every child that has ended, without blocking. When `child` is among
 * them its wait status goes to *status and *done is set. Returns -ECHILD when
 * no child is left at all, else 0.
 */
int reap(int child, int *status, int *done)
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
 * All signals are blocked, so rt_sigtimedwait dequeues them one at a time;
 * SIGCHLD only wakes us to reap (the kernel merges SIGCHLDs, hence the loop in
 * reap). Reaping comes first in each round so a child that ended before we
 * started waiting is not missed. Returns the workload's wait status.
 */
int supervise(int child)
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
				log_line("forward signal=", 0, sig);
			sys_kill(child, (int)sig);
		}
	}
	if (left != -ECHILD)
		drain(child);
	return status;
}
