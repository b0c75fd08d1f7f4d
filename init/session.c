// SPDX-License-Identifier: MIT
/* The workload's session and controlling terminal (DESIGN.md step 4, its side). */
#include <asm/errno.h>
#include <asm/ioctls.h>
#include "../sys/syscalls.h"
#include "rawinit.h"
#include "conf.h"

/*
 * In a VM, or with a console or `terminal` configured: its own session with
 * fd 0 as controlling terminal (a VM's console is PID 1's to take: steal it;
 * elsewhere never steal). A console that is no terminal (a file, /dev/null)
 * is fine; `terminal` without one is not. Else a supervised workload gets its
 * own process group, made the terminal's foreground group only when rawinit's
 * was (a rawinit started with `&` leaves its shell the terminal; SIGTTOU is
 * still blocked, so TIOCSPGRP works); in exec mode the process group stays as
 * the parent made it.
 */
int session_take(const struct conf *c, struct fail *f)
{
	const struct rc_process *p = CONF_ONE(c, RC_SEC_PROCESS, struct rc_process);
	const struct rc_init *in = CONF_ONE(c, RC_SEC_INIT, struct rc_init);
	const char *console = in ? conf_str(c, in->console) : "";
	int terminal = p && (p->flags & RC_PROC_TERMINAL), pgid, fg = 0, was_fg;
	long r;

	f->obj = *console ? console : "fd 0";
	if (ri.mode == RC_MODE_VM || *console || terminal) {
		sys_setsid();
		r = sys_ioctl(0, TIOCSCTTY, ri.mode == RC_MODE_VM);
		if (r < 0 && (terminal || (*console && r != -ENOTTY)))
			return (int)r;
	} else if (ri.child) {
		pgid = (int)sys_getpid();
		was_fg = sys_ioctl(0, TIOCGPGRP, (long)&fg) == 0 && fg == sys_getpgid(0);
		sys_setpgid(0, 0);
		if (was_fg)
			sys_ioctl(0, TIOCSPGRP, (long)&pgid);
	}
	return 0;
}
