// SPDX-License-Identifier: MIT
/* Write /etc/resolv.conf and /etc/hosts from the config's lines, as microVM users expect, only into a regular file of a real filesystem. */
#include <asm/errno.h>
#include <linux/magic.h>
#include "../sys/fs.h"
#include "../sys/mem.h"
#include "rawinit.h"
#include "conf.h"
#include "rootfs.h"

static const struct {
	unsigned int sec;
	const char *path;
} etc_files[] = {
	{ RC_SEC_RESOLV, "/etc/resolv.conf" },
	{ RC_SEC_HOSTS, "/etc/hosts" },
};

#define CONFIGFS_MAGIC	0x62656570	/* not in <linux/magic.h> */
#define FUSECTL_MAGIC	0x65735543

/*
 * The kernel's interface filesystems, whose regular files are knobs, not data
 * (sysctls, sysrq-trigger, cgroup files, binfmt_misc's register). A deny list,
 * not "the root's own filesystem": a tmpfs or a bind the config mounts on /etc,
 * or a resolv.conf linked into /run, is where a user means the file to be.
 */
static const __u32 knob_fs[] = {
	PROC_SUPER_MAGIC, SYSFS_MAGIC, CGROUP_SUPER_MAGIC, CGROUP2_SUPER_MAGIC,
	DEBUGFS_MAGIC, TRACEFS_MAGIC, SECURITYFS_MAGIC, SELINUX_MAGIC, SMACK_MAGIC,
	AAFS_MAGIC, BPF_FS_MAGIC, EFIVARFS_MAGIC, PSTOREFS_MAGIC, BINFMTFS_MAGIC,
	RDTGROUP_SUPER_MAGIC, CONFIGFS_MAGIC, FUSECTL_MAGIC, XENFS_SUPER_MAGIC,
};

/* A regular file (EINVAL: no FIFO, device or directory) on no kernel interface filesystem (ENODEV). */
static long etc_check(int fd)
{
	struct statfs sf;
	struct statx st;
	unsigned int i;
	long r = sys_statx(fd, "", AT_EMPTY_PATH, STATX_TYPE, &st);

	if (r >= 0 && !S_ISREG(st.stx_mode))
		r = -EINVAL;
	if (r >= 0)
		r = sys_fstatfs(fd, &sf);
	for (i = 0; r >= 0 && i < ARRAY_LEN(knob_fs); i++)
		if (sf.f_type == knob_fs[i])
			r = -ENODEV;
	return r;
}

/*
 * The file resolved inside the root as mount targets are (a link like
 * resolv.conf -> ../run/resolv.conf keeps its meaning; none leads out), first
 * as O_PATH, so that a FIFO or a device is refused before anything opens it;
 * then opened to write, created if missing, and checked again on that fd (the
 * rootfs may have changed in between: O_NONBLOCK and O_NOCTTY keep that open
 * harmless). Truncated only once it passed, so a refused file is left whole.
 */
static long etc_open(int root, const char *path)
{
	struct open_how how = {
		.flags = O_WRONLY | O_CREAT | O_NONBLOCK | O_NOCTTY | O_CLOEXEC,
		.mode = 0644,
		.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
	};
	long fd = inroot_open(root, path, 0), r;

	r = fd < 0 ? fd : etc_check((int)fd);
	if (fd >= 0)
		sys_close((int)fd);
	if (r < 0 && r != -ENOENT)
		return r;
	fd = sys_openat2(root, path, &how);
	r = fd < 0 ? fd : etc_check((int)fd);
	if (r >= 0)
		r = sys_ftruncate((int)fd, 0);
	if (r < 0 && fd >= 0)
		sys_close((int)fd);
	return r < 0 ? r : fd;
}

/* Each file the config has lines for is replaced whole, in the new root before it is sealed. */
int etc_files_write(const struct conf *c, struct fail *f)
{
	const __u32 *lines;
	unsigned int e, i;
	long root, fd, r = 0;

	if (!CONF_COUNT(c, RC_SEC_RESOLV) && !CONF_COUNT(c, RC_SEC_HOSTS))
		return 0;
	f->obj = "/";
	root = sys_openat(AT_FDCWD, "/", O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
	if (root < 0)
		return (int)root;
	for (e = 0; r >= 0 && e < ARRAY_LEN(etc_files); e++) {
		if (!CONF_COUNT(c, etc_files[e].sec))
			continue;
		f->obj = etc_files[e].path;
		fd = r = etc_open((int)root, f->obj);
		lines = c->sec[etc_files[e].sec].rec;
		for (i = 0; r >= 0 && i < CONF_COUNT(c, etc_files[e].sec); i++) {
			const char *l = conf_str(c, lines[i]);

			r = sys_write((int)fd, l, strlen(l));
			if (r >= 0)
				r = sys_write((int)fd, "\n", 1);
		}
		if (fd >= 0)
			sys_close((int)fd);
		if (r >= 0)
			log_step("etc", f->obj);
	}
	sys_close((int)root);
	return r < 0 ? (int)r : 0;
}
