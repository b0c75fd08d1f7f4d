// SPDX-License-Identifier: MIT
/* Generic process entry: split the initial stack into argc/argv/envp and call main. */
#include "syscalls.h"
#include "start.h"

/* Called by arch/<isa>/start.S with the stack pointer the kernel gave us. */
__attribute__((noreturn, used)) void rawinit_entry(long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = argv + argc + 1;

	sys_exit_group(main(argc, argv, envp));
}
