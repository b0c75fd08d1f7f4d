// SPDX-License-Identifier: MIT
/* Test helper: exec a command with every signal blocked and every ignorable one ignored. */
#include "../../sys/syscalls.h"
#include "../../sys/start.h"

/*
 * What a careless parent (or a hostile one) can hand to an init: a full signal
 * mask and SIG_IGN everywhere, SIGCHLD included. Both survive execve; rawinit
 * must give its workload a clean state anyway, and must still reap.
 */
int main(int argc, char **argv, char **envp)
{
	const struct ksigaction ign = { SIG_IGN, 0, 0, 0 };
	const __u64 all = ~0ULL;
	int sig;

	if (argc < 2)
		return 2;
	for (sig = 1; sig <= KSIG_MAX; sig++)
		sys_rt_sigaction(sig, &ign, 0);
	sys_rt_sigprocmask(SIG_SETMASK, &all, 0);
	sys_execve(argv[1], argv + 1, envp);
	return 127;
}
