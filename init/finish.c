// SPDX-License-Identifier: MIT
/* The one place that decides how rawinit ends: exit record, then power-off or exit. */
#include <linux/reboot.h>
#include "../sys/syscalls.h"
#include "rawinit.h"

/*
 * `ws` is a wait status. The workload's child, failing before its execve,
 * just exits: its parent reports it. A VM syncs, prints the exit record and powers off:
 * PID 1 must never return (the kernel panics). Elsewhere rawinit exits with the
 * workload's code, 128+N for a workload killed by signal N, like a shell.
 */
void finish(int ws)
{
	const __u64 all = ~0ULL;
	struct ksiginfo si;
	int sig = ws & 0x7f, code = (ws >> 8) & 0xff;
	long r;

	if (ri.child)
		sys_exit_group(code);
	if (ri.mode == RC_MODE_VM)
		sys_sync();
	if (ri.mode == RC_MODE_VM || ri.verbose)
		log_line(sig ? "exit signal=" : "exit status=", sig ? sig : code);
	if (ri.mode != RC_MODE_VM)
		sys_exit_group(sig ? 128 + sig : code);
	r = sys_reboot(ri.shutdown);
	log_err("reboot", "shutdown", 0, r);
	for (;;)
		sys_rt_sigtimedwait(&all, &si, 0);
}

/* A setup step failed: report it once, never run the workload, end as above. */
void fatal(const char *step, const char *obj, long err, int code)
{
	log_err(step, obj, 0, err);
	finish(code << 8);
}
