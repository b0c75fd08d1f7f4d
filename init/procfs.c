// SPDX-License-Identifier: MIT
/* Files that must be on procfs: sysctls, LSM attributes, the signal state read before exec. */
#include <asm/errno.h>
#include <linux/magic.h>
#include "../sys/fs.h"
#include "rawinit.h"

/*
 * 0 when the open fd is on procfs, else -ENODEV (or fstatfs's error): a tmpfs
 * or bind mounted over /proc must not swallow a label or a knob, nor feed a
 * made-up state back (the CVE-2019-16884 class).
 */
long procfs_check(int fd)
{
	struct statfs sf;
	long r = sys_fstatfs(fd, &sf);

	return r < 0 ? r : sf.f_type == PROC_SUPER_MAGIC ? 0 : -ENODEV;
}

/*
 * fd is an open /proc file: refused unless procfs_check passes, then all n
 * bytes written in one write(2), as sysctls and attr files take their value.
 * Closes fd; 0 or -errno.
 */
long procfs_write_close(long fd, const void *buf, unsigned long n)
{
	long r;

	if (fd < 0)
		return fd;
	r = procfs_check((int)fd);
	if (r >= 0)
		r = sys_write((int)fd, buf, n);
	if (r >= 0 && (unsigned long)r != n)
		r = -EIO;
	sys_close((int)fd);
	return r < 0 ? r : 0;
}
