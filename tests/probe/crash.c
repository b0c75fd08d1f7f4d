// SPDX-License-Identifier: MIT
/* Test builds only (rawinit-crash): make PID 1 fault on purpose, to prove the crash guard. */
#include "../../sys/mem.h"

void crash_test(char *const *envp);

/*
 * `crash=segv` (a write through NULL: SIGSEGV on both ISAs) or `crash=trap`
 * (__builtin_trap: ud2's SIGILL on x86_64, brk's SIGTRAP on aarch64) on the
 * kernel command line reaches PID 1 as an environment entry.
 */
void crash_test(char *const *envp)
{
	const char *how = env_get(envp, "crash");

	if (!how)
		return;
	if (str_eq(how, "segv"))
		*(volatile int *)0 = 1;
	if (str_eq(how, "trap"))
		__builtin_trap();
}
