// SPDX-License-Identifier: MIT
/* No fd above 2 reaches the workload (DESIGN.md step 10). */
#include "../sys/syscalls.h"
#include "rawinit.h"

/*
 * Just before execve (the PATH search opens nothing): an argv[0] or cwd of
 * /proc/self/fd/N then names nothing leaked (CVE-2024-21626 class).
 * close_range needs Linux 5.9.
 */
int fds_close(const struct conf *c, struct fail *f)
{
	(void)c;
	f->obj = "3..";
	return (int)sys_close_range(3, ~0U, 0);
}
