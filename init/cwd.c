// SPDX-License-Identifier: MIT
/* The workload's working directory, proven to lie inside the root (the end of DESIGN.md step 8). */
#include <asm/errno.h>
#include "../sys/syscalls.h"
#include "rawinit.h"
#include "conf.h"

#define CWD_MAX		4096	/* PATH_MAX: getcwd's own limit */

/*
 * A directory fd leaked by a parent (`cwd /proc/self/fd/N`) can put the cwd
 * outside the root, and getcwd then reads "(unreachable)/..." (CVE-2024-21626
 * class). Checked with no cwd configured too: an inherited one can be outside
 * as well. EXDEV, the kernel's own answer for a path escaping a root (openat2).
 */
int cwd_enter(const struct conf *c, struct fail *f)
{
	const struct rc_process *p = CONF_ONE(c, RC_SEC_PROCESS, struct rc_process);
	const char *cwd = p ? conf_str(c, p->cwd) : "";
	char buf[CWD_MAX];
	long r = 0;

	f->obj = *cwd ? cwd : "(inherited)";
	if (*cwd)
		r = sys_chdir(cwd);
	if (r >= 0)
		r = sys_getcwd(buf, sizeof(buf));
	if (r >= 0 && buf[0] != '/')
		r = -EXDEV;
	return r < 0 ? (int)r : 0;
}
