// SPDX-License-Identifier: MIT
/* The workload's LSM labels for its execve: AppArmor profile, SELinux label (DESIGN.md step 7). */
#include <asm/errno.h>
#include <linux/magic.h>
#include "../sys/fs.h"
#include "../sys/mem.h"
#include "rawinit.h"
#include "conf.h"

#define AA_EXEC		"exec "		/* AppArmor's change_onexec command */

static char attr[sizeof(AA_EXEC) + RC_STRING_MAX];

/*
 * prefix and value in one write (the kernel takes an attribute in one write)
 * to path, or to alt when path does not exist. The file must be on procfs: a
 * rootfs whose /proc is a look-alike would take the write and label nothing
 * (CVE-2019-16884 class).
 */
static long attr_write(const char *path, const char *alt, const char *prefix, const char *value)
{
	unsigned long n = strlen(prefix), m = strlen(value);
	long fd;

	memcpy(attr, prefix, n);
	memcpy(attr + n, value, m);	/* the decoder bounds m below RC_STRING_MAX */
	fd = sys_openat(AT_FDCWD, path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0);
	if (fd == -ENOENT && alt)
		fd = sys_openat(AT_FDCWD, alt, O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0);
	return procfs_write_close(fd, attr, n + m);
}

/*
 * As runc does: AppArmor's "exec PROFILE" goes to its own attr directory
 * (Linux 5.8+), else to the shared attr/exec (libcontainer/apparmor
 * setProcAttr). A label for an LSM that is not running fails in the kernel
 * (EINVAL: no LSM takes it), so the workload never runs unlabelled.
 */
int apparmor_apply(const struct conf *c, struct fail *f)
{
	const struct rc_process *p = CONF_ONE(c, RC_SEC_PROCESS, struct rc_process);

	f->obj = p ? conf_str(c, p->apparmor) : "";
	if (!*f->obj)
		return 0;
	return (int)attr_write("/proc/self/attr/apparmor/exec", "/proc/self/attr/exec", AA_EXEC,
			       f->obj);
}

/* SELinux has no attr directory of its own: the shared attr/exec (go-selinux SetExecLabel). */
int selinux_apply(const struct conf *c, struct fail *f)
{
	const struct rc_process *p = CONF_ONE(c, RC_SEC_PROCESS, struct rc_process);

	f->obj = p ? conf_str(c, p->selinux) : "";
	return *f->obj ? (int)attr_write("/proc/self/attr/exec", 0, "", f->obj) : 0;
}
