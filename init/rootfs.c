// SPDX-License-Identifier: MIT
/* The mount namespace: rootfs bound onto itself, the configured mounts, /dev, pivot_root
 * (or, from a VM's initramfs, move + chroot). */
#include <asm/errno.h>
#include <linux/magic.h>
#include "../sys/fs.h"
#include "../sys/mem.h"
#include "conf.h"
#include "rawinit.h"
#include "rootfs.h"

/* The rootfs bound onto itself (rbind): a mount pivot_root can take, as an fd on its root. */
static long bind_root(const char *rootfs)
{
	long t, dir, r;

	t = sys_open_tree(AT_FDCWD, rootfs, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_RECURSIVE);
	if (t < 0)
		return t;
	dir = sys_openat(AT_FDCWD, rootfs, O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
	r = dir < 0 ? dir : mount_attach((int)t, (int)dir);
	if (dir >= 0)
		sys_close((int)dir);
	if (r < 0) {
		sys_close((int)t);
		return r;
	}
	return t;
}

/* Only a tmpfs mounted on /dev itself is a fresh /dev to populate. */
static int is_dev(const struct conf *c, const struct rc_mount *m)
{
	const char *t = conf_str(c, m->target);

	return str_eq(t, "/dev") || str_eq(t, "/dev/");
}

/* The mounts in config order, their fds kept in t; *devfd ends as the fd of a tmpfs mounted last on /dev, or -1. */
static long mounts_apply(int root, const struct conf *c, struct rootfs_mounts *t, long *devfd,
			 const char **what)
{
	unsigned int i, n = CONF_COUNT(c, RC_SEC_MOUNTS);
	const struct rc_mount *m;
	long mnt;

	for (i = 0; i < n; i++) {
		m = CONF_AT(c, RC_SEC_MOUNTS, struct rc_mount, i);
		mnt = mount_cfg(root, c, m, what);
		if (mnt < 0)
			return mnt;
		t->fd[t->n++] = (int)mnt;
		if (is_dev(c, m))
			*devfd = str_eq(conf_str(c, m->fstype), "tmpfs") && !(m->flags & MS_BIND) ?
				 mnt : -1;
	}
	return 0;
}

/*
 * Is the root we are leaving the initramfs, which pivot_root refuses with
 * EINVAL (Documentation/filesystems/ramfs-rootfs-initramfs.rst)? Only a VM's
 * PID 1 whose "/" is ramfs or tmpfs; anything else keeps the error (docs/design.md).
 */
static int is_initramfs(int oldroot)
{
	struct statfs st;

	return ri.mode == RC_MODE_VM && sys_fstatfs(oldroot, &st) == 0 &&
	       (st.f_type == RAMFS_MAGIC || st.f_type == TMPFS_MAGIC);
}

/* switch_root as busybox does it: the new root's mount fd moved onto "/", then chroot. */
static long switch_root(int newroot)
{
	long r = sys_move_mount(newroot, "", AT_FDCWD, "/", MOVE_MOUNT_F_EMPTY_PATH);

	if (r >= 0)
		r = sys_chroot(".");
	if (r >= 0)
		r = sys_chdir("/");
	return r;
}

/*
 * runc's pivot_root(".", "."): the old root ends up stacked on the new one;
 * made rslave (the detach must not propagate to the host), then detached.
 */
static long pivot(int newroot)
{
	long old = sys_openat(AT_FDCWD, "/", O_PATH | O_DIRECTORY | O_CLOEXEC, 0), r;

	if (old < 0)
		return old;
	r = sys_fchdir(newroot);
	if (r >= 0)
		r = sys_pivot_root(".", ".");
	if (r == -EINVAL && is_initramfs((int)old)) {
		sys_close((int)old);
		log_step("switch-root", "initramfs: move + chroot");
		return switch_root(newroot);
	}
	if (r >= 0)
		r = sys_fchdir((int)old);
	if (r >= 0)
		r = sys_mount(0, ".", 0, MS_SLAVE | MS_REC, 0);
	if (r >= 0)
		r = sys_umount2(".", MNT_DETACH);
	if (r >= 0)
		r = sys_chdir("/");
	sys_close((int)old);
	return r;
}

/*
 * A subreaper shares the host's mount namespace and sysctls: the config item
 * that would touch them, or NULL. Checked before anything is applied there.
 */
static const char *host_touched(const struct conf *c)
{
	static const unsigned char secs[] = {
		RC_SEC_MOUNTS, RC_SEC_MASKED, RC_SEC_READONLY, RC_SEC_SYSCTLS,
	};
	const struct rc_init *in = CONF_ONE(c, RC_SEC_INIT, struct rc_init);
	unsigned int i;

	if (in && *conf_str(c, in->rootfs))
		return "rootfs";
	if (in && in->flags)
		return "init flags";
	for (i = 0; i < ARRAY_LEN(secs); i++)
		if (CONF_COUNT(c, secs[i]))
			return conf_sec_name(secs[i]);
	return 0;
}

int rootfs_setup(const struct conf *c, struct fail *f)
{
	const struct rc_init *in = CONF_ONE(c, RC_SEC_INIT, struct rc_init);
	const char *rootfs = in ? conf_str(c, in->rootfs) : "";
	struct rootfs_mounts *t = &rootfs_mounts;
	const char **what = &f->obj;
	long root, devfd = -1, r;

	if (ri.mode == RC_MODE_SUBREAPER && (*what = host_touched(c)))
		return -EPERM;
	t->conf = c;
	t->n = 0;
	if (!*rootfs && !CONF_COUNT(c, RC_SEC_MOUNTS))
		return 0;
	/* Nothing below may propagate back to the parent's mounts (runc's default). */
	*what = "/";
	r = sys_mount(0, "/", 0, MS_SLAVE | MS_REC, 0);
	if (r < 0)
		return (int)r;
	if (*rootfs) {
		*what = rootfs;
		root = bind_root(rootfs);
	} else {
		root = sys_openat(AT_FDCWD, "/", O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
	}
	if (root < 0)
		return (int)root;
	r = mounts_apply((int)root, c, t, &devfd, what);
	if (r >= 0 && devfd >= 0)
		r = dev_populate((int)devfd, what);
	if (r >= 0 && *rootfs) {
		*what = rootfs;
		r = pivot((int)root);
	}
	sys_close((int)root);
	return r < 0 ? (int)r : 0;
}
