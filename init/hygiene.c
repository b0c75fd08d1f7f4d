// SPDX-License-Identifier: MIT
/* Entry and exit hygiene: what rawinit hides and saves on entry, the last checks before execve. */
#include <asm/errno.h>
#include <linux/prctl.h>
#include "../sys/syscalls.h"
#include "rawinit.h"

#define CWD_MAX		4096	/* PATH_MAX: getcwd's own limit */

/*
 * DESIGN.md step 1. Not dumpable: while rawinit holds its privileges and the
 * config, a process of the same uid without CAP_SYS_PTRACE can neither ptrace
 * it nor open its /proc files (they turn root-owned). The workload is made
 * dumpable again by its execve (the kernel's rule: unless its ids differ or
 * its file is unreadable); rawinit itself stays undumpable while it
 * supervises, still privileged. The parent death signal and the parent are
 * kept for step 9.
 */
void hygiene_enter(void)
{
	int sig = 0;

	sys_prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	sys_prctl(PR_GET_PDEATHSIG, (long)&sig, 0, 0, 0);
	ri.pdeathsig = sig;
	ri.ppid = (int)sys_getppid();
}

/*
 * The end of step 8: the working directory, then proof that it lies inside the
 * root. A directory fd leaked by a parent (`cwd /proc/self/fd/N`) can put it
 * outside, and getcwd then reads "(unreachable)/..." (CVE-2024-21626 class).
 * Checked with no cwd configured too: an inherited one can be outside as well.
 * EXDEV, the kernel's own answer for a path escaping a root (openat2), with
 * *step saying so.
 */
int cwd_enter(const char **step, const char **what)
{
	char buf[CWD_MAX];
	long r = 0;

	*step = "chdir";
	*what = ri.cwd ? ri.cwd : "(inherited)";
	if (ri.cwd)
		r = sys_chdir(ri.cwd);
	if (r >= 0)
		r = sys_getcwd(buf, sizeof(buf));
	if (r >= 0 && buf[0] != '/') {
		*step = "cwd outside the root";
		r = -EXDEV;
	}
	return r < 0 ? (int)r : 0;
}

/*
 * Step 9, after the credentials: a change of uid or gid clears the parent
 * death signal, so it is set again; then a parent that died before that
 * (we were reparented) means nobody waits for this workload: -ESRCH, and the
 * caller kills itself rather than run it. The order leaves no gap.
 */
int parent_check(void)
{
	long r;

	if (ri.pdeathsig && (r = sys_prctl(PR_SET_PDEATHSIG, ri.pdeathsig, 0, 0, 0)) < 0)
		return (int)r;
	return sys_getppid() == ri.ppid ? 0 : -ESRCH;
}
