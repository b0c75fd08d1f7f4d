// SPDX-License-Identifier: MIT
/* Sysctls: each value written to /proc/sys/<key>, through a procfs checked to be the real one. */
#include <asm/errno.h>
#include <linux/magic.h>
#include "../sys/fs.h"
#include "../sys/mem.h"
#include "conf.h"
#include "rawinit.h"
#include "rootfs.h"

#define PROC_ROOT_INO	1	/* the inode number of every procfs root (fs/proc/root.c) */

/*
 * /proc must be the root of a procfs: not a symlink to a look-alike, not a
 * tmpfs or a bind of some directory holding files named like sysctls
 * (CVE-2019-16884 class: writes meant for the kernel landing in a fake).
 */
static long proc_open(void)
{
	struct open_how how = {
		.flags = O_PATH | O_DIRECTORY | O_CLOEXEC,
		.resolve = RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS,
	};
	long fd = sys_openat2(AT_FDCWD, "/proc", &how), r;
	struct statfs sf;
	struct statx st;

	if (fd < 0)
		return fd;
	r = sys_fstatfs((int)fd, &sf);
	if (r >= 0)
		r = sys_statx((int)fd, "", AT_EMPTY_PATH, STATX_INO, &st);
	if (r >= 0 && (sf.f_type != PROC_SUPER_MAGIC || st.stx_ino != PROC_ROOT_INO))
		r = -ENODEV;
	if (r < 0) {
		sys_close((int)fd);
		return r;
	}
	return fd;
}

/*
 * "sys/" and the key with its dots as slashes (net.ipv4.ip_forward ->
 * sys/net/ipv4/ip_forward): a key naming an interface with a dot in it
 * (eth0.100) cannot be said; the decoder refuses '/' and "..".
 */
static char sysctl_path[sizeof("sys/") + RC_STRING_MAX];

static long sysctl_write(int proc, const char *key, const char *value)
{
	struct open_how how = {
		.flags = O_WRONLY | O_CLOEXEC,
		.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS |
			   RESOLVE_NO_XDEV,
	};
	unsigned long i, n = strlen(value);
	long fd;

	memcpy(sysctl_path, "sys/", 4);
	for (i = 0; key[i] && i < RC_STRING_MAX; i++)
		sysctl_path[4 + i] = key[i] == '.' ? '/' : key[i];
	sysctl_path[4 + i] = 0;
	/* NO_XDEV: the file is on the procfs just checked, nothing mounted over it. */
	fd = sys_openat2(proc, sysctl_path, &how);
	return procfs_write_close(fd, value, n);
}

int sysctls_apply(const struct conf *c, struct fail *f)
{
	unsigned int i, n = CONF_COUNT(c, RC_SEC_SYSCTLS);
	const struct rc_sysctl *s;
	long proc, r = 0;

	if (!n)
		return 0;
	f->obj = "/proc";
	proc = proc_open();
	if (proc < 0)
		return (int)proc;
	for (i = 0; r >= 0 && i < n; i++) {
		s = CONF_AT(c, RC_SEC_SYSCTLS, struct rc_sysctl, i);
		f->obj = conf_str(c, s->key);
		r = sysctl_write((int)proc, f->obj, conf_str(c, s->value));
	}
	sys_close((int)proc);
	return r < 0 ? (int)r : 0;
}
