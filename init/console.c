// SPDX-License-Identifier: MIT
/* Put the console on fds 0, 1 and 2: /dev/console in a VM, or the config's console path. */
#include <linux/fcntl.h>
#include "../sys/syscalls.h"
#include "rawinit.h"
#include "conf.h"

/*
 * Opened without O_CLOEXEC on purpose: when 0..2 are closed (a kernel without
 * /dev/console leaves them so) the open lands on one of them and must survive
 * execve; any other fd is closed right after the dup3s, in a single thread.
 * A pty peer handed over by a parent as fd N works as `/proc/self/fd/N`.
 */
int console_open(const char *path)
{
	long fd = sys_openat(AT_FDCWD, path, O_RDWR | O_NOCTTY, 0), r = 0;
	int i;

	if (fd < 0)
		return (int)fd;
	for (i = 0; i <= 2 && r >= 0; i++)
		if (fd != i)
			r = sys_dup3((int)fd, i, 0);
	if (fd > 2)
		sys_close((int)fd);
	return r < 0 ? (int)r : 0;
}

/* The config's console, when it names one (a VM's /dev/console is taken at entry). */
int console_attach(const struct conf *c, struct fail *f)
{
	const struct rc_init *in = CONF_ONE(c, RC_SEC_INIT, struct rc_init);

	f->obj = in ? conf_str(c, in->console) : "";
	return *f->obj ? console_open(f->obj) : 0;
}
