// SPDX-License-Identifier: MIT
/* Put /dev/console on fds 0, 1 and 2 (the kernel leaves them closed without it). */
#include <linux/fcntl.h>
#include "../sys/syscalls.h"
#include "rawinit.h"

int console_attach(void)
{
	long fd = sys_openat(AT_FDCWD, "/dev/console", O_RDWR | O_NOCTTY, 0);
	int i;

	if (fd < 0)
		return (int)fd;
	for (i = 0; i <= 2; i++)
		if (fd != i)
			sys_dup3((int)fd, i, 0);
	if (fd > 2)
		sys_close((int)fd);
	return 0;
}
