// SPDX-License-Identifier: MIT
/* The parent death signal: saved at entry, set again after the credentials (DESIGN.md step 9). */
#include <asm/errno.h>
#include <asm/signal.h>
#include <linux/prctl.h>
#include "../sys/syscalls.h"
#include "rawinit.h"

void pdeathsig_save(void)
{
	int sig = 0;

	sys_prctl(PR_GET_PDEATHSIG, (long)&sig, 0, 0, 0);
	ri.pdeathsig = sig;
	ri.ppid = (int)sys_getppid();
}

/*
 * A change of uid or gid clears the parent death signal, so it is set again;
 * then a parent that died before that (we were reparented) means nobody waits
 * for this workload: ESRCH, and the process kills itself as the signal would
 * have (libcontainer's RestoreParentDeathSignal). The order leaves no gap.
 */
int pdeathsig_restore(const struct conf *c, struct fail *f)
{
	long r;

	(void)c;
	f->obj = "parent";
	if (ri.pdeathsig && (r = sys_prctl(PR_SET_PDEATHSIG, ri.pdeathsig, 0, 0, 0)) < 0)
		return (int)r;
	if (sys_getppid() == ri.ppid)
		return 0;
	f->sig = SIGKILL;
	return -ESRCH;
}
