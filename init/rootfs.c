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
 * Is the root we are leaving the kernel's rootfs, i.e. the initramfs? pivot_root
 * refuses that one as the old root with EINVAL: rootfs is the namespace's root
 * mount, with no parent to move it under (Documentation/filesystems/
 * ramfs-rootfs-initramfs.rst: "you can neither pivot_root rootfs, nor unmount
 * it"; overmount it instead: mount --move . /; chroot .). EINVAL alone is not proof, so all three must hold: pivot_root said
 * EINVAL; we are a VM's PID 1 (the kernel ran us, so "/" is whatever it
 * unpacked or mounted, never a container runtime's choice); and "/" is ramfs or
 * tmpfs, the two filesystems rootfs can be. Anything else keeps pivot_root's
 * error and the setup fails closed; a container (PID 1 of a pid namespace)
 * never gets here and always pivots.
 */
static int is_initramfs(int oldroot)
{
	struct statfs st;

	return ri.mode == MODE_VM && sys_fstatfs(oldroot, &st) == 0 &&
	       (st.f_type == RAMFS_MAGIC || st.f_type == TMPFS_MAGIC);
}

/*
 * switch_root, as busybox and util-linux do it: move the new root's mount (its
 * fd, so no path is looked up again) on top of "/", then chroot into it (cwd is
 * already there). The initramfs stays underneath, unreachable by path; so do
 * the early /dev, /proc and /sys mounted on it (mountinfo, which lists only
 * mounts below the reader's root, does not show them). Its files are not
 * deleted to free their memory as switch_root does: the new root is a directory
 * of that same filesystem (same st_dev), so a walk telling the two apart would
 * have to skip it by inode; left for later. A workload that keeps CAP_SYS_CHROOT
 * could climb back out of a chroot, as after any switch_root: drop it from the
 * bounding set where that matters.
 */
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
 * from its fd make it rslave (so the detach does not propagate to the host)
 * and detach it, then step into the new root. No directory for the old root
 * is needed inside the rootfs. From a VM's initramfs: switch_root above.
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

int rootfs_setup(const struct conf *c, struct rootfs_mounts *t, const char **what)
{
	const struct rc_init *in = CONF_ONE(c, RC_SEC_INIT, struct rc_init);
	const char *rootfs = in ? conf_str(c, in->rootfs) : "";
	long root, devfd = -1, r;

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
