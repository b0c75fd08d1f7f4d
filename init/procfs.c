// SPDX-License-Identifier: MIT
/* Write to a file that must be on procfs: sysctls and LSM attributes. */
#include <asm/errno.h>
#include <linux/magic.h>
#include "../sys/fs.h"
#include "rawinit.h"

/*
 * fd is an open /proc file. Refuse it unless fstatfs says procfs (a tmpfs or
 * bind mounted over /proc must not swallow a label or a knob: the
 * CVE-2019-16884 class), then write all n bytes in one write(2), as sysctls and
 * attr files take their value. Closes fd; 0 or -errno.
 */
long procfs_write_close(long fd, const void *buf, unsigned long n)
{
	struct statfs sf;
	long r;

	if (fd < 0)
		return fd;
	r = sys_fstatfs((int)fd, &sf);
	if (r >= 0 && sf.f_type != PROC_SUPER_MAGIC)
		r = -ENODEV;
	if (r >= 0)
		r = sys_write((int)fd, buf, n);
	if (r >= 0 && (unsigned long)r != n)
		r = -EIO;
	sys_close((int)fd);
	return r < 0 ? r : 0;
}
