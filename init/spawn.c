// SPDX-License-Identifier: MIT
/* The supervised modes' fork: the workload's child waits at a gate until PID 1 has shed its privileges. */
#include <asm/errno.h>
#include <asm/signal.h>
#include <linux/fcntl.h>
#include "../sys/syscalls.h"
#include "rawinit.h"

/*
 * The child's step, just before its execve: PID 1's go-ahead. Without it (PID
 * 1 failed and is about to kill us, or is gone) the workload must not run.
 * Exec mode has no gate.
 */
int gate_wait(const struct conf *c, struct fail *f)
{
	(void)c;
	f->obj = "supervisor";
	return ri.gate_fd < 0 ? 0 : go_wait(ri.gate_fd);
}

/*
 * PID 1 closes every fd above 2 (whatever its parent leaked stays unreadable
 * through /proc/1/fd), forks, drops the capabilities supervision does not use,
 * then opens the gate. A workload that can ptrace PID 1 thus never meets it
 * privileged; a failed drop kills the child before it has run anything. The
 * child runs `list` and execs. Returns the child's pid, or -errno.
 */
int spawn_workload(const struct step *list, unsigned int n, const struct conf *c)
{
	int self = (int)sys_getpid(), gate[2];
	struct fail f = { 0, 0, 0 };
	long pid, r;

	log_step("spawn", argv_of(c)[0]);
	r = sys_close_range(3, ~0U, 0);
	if (r >= 0)
		r = sys_pipe2(gate, O_CLOEXEC);
	if (r < 0)
		return (int)r;
	pid = sys_fork();
	if (pid == 0) {
		ri.child = 1;
		ri.ppid = self;		/* the child's parent is rawinit, */
		ri.pdeathsig = 0;	/* and fork cleared the signal */
		ri.gate_fd = gate[0];
		sys_close(gate[1]);
		workload_exec(list, n, c);
	}
	sys_close(gate[0]);
	r = pid < 0 ? pid : supervisor_shed(&f);
	if (r < 0 && pid > 0) {
		sys_kill((int)pid, SIGKILL);
		sys_wait4((int)pid, 0, 0);
		fatal("supervisor", f.obj, r, EXIT_FATAL);
	}
	if (r >= 0)
		sys_write(gate[1], &(char){ GO_BYTE }, 1);
	sys_close(gate[1]);
	sys_chdir("/");		/* the supervisor keeps no filesystem busy (dumb-init does the same) */
	return (int)pid;
}
