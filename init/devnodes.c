// SPDX-License-Identifier: MIT
/* Populate a fresh /dev through its dirfd: the standard character devices and links, as runc does. */
#include <asm/errno.h>
#include "../sys/fs.h"
#include "rawinit.h"
#include "rootfs.h"

/* runc's default devices (libcontainer/specconv AllowedDevices), mode 0666, owned by root. */
static const struct devnode {
	const char *path;	/* "/dev/<name>": the message names it, name is path + 5 */
	unsigned char major, minor;
} devnodes[] = {
	{ "/dev/null", 1, 3 },	{ "/dev/zero", 1, 5 },		{ "/dev/full", 1, 7 },
	{ "/dev/random", 1, 8 }, { "/dev/urandom", 1, 9 },	{ "/dev/tty", 5, 0 },
};

/* runc's /dev links (setupDevSymlinks, setupPtmx): ptmx into the devpts instance. */
static const struct {
	const char *target;
	const char *path;
} devlinks[] = {
	{ "pts/ptmx", "/dev/ptmx" },		{ "/proc/self/fd", "/dev/fd" },
	{ "/proc/self/fd/0", "/dev/stdin" },	{ "/proc/self/fd/1", "/dev/stdout" },
	{ "/proc/self/fd/2", "/dev/stderr" },
};


long is_chardev(int fd, const char *name, unsigned int major, unsigned int minor)
{
	struct statx st;
	long r = sys_statx(fd, name ? name : "", name ? AT_SYMLINK_NOFOLLOW : AT_EMPTY_PATH,
			   STATX_TYPE, &st);

	if (r < 0)
		return r;
	return S_ISCHR(st.stx_mode) && st.stx_rdev_major == major && st.stx_rdev_minor == minor;
}

/*
 * Without CAP_MKNOD in the initial user namespace mknod is EPERM (rawinit in a
 * user namespace): bind the host's node onto an empty file instead, as runc
 * does. A bind keeps the host mount's permission to open devices, which a
 * tmpfs mounted in a user namespace (SB_I_NODEV) would not give a node.
 */
static long dev_bind(int devfd, const struct devnode *d)
{
	struct open_how mk = {
		.flags = O_CREAT | O_EXCL | O_RDONLY | O_CLOEXEC | O_NOFOLLOW,
		.mode = 0666,
		.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS,
	};
	long src, dst, r;

	src = sys_open_tree(AT_FDCWD, d->path, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
	if (src < 0)
		return src;
	dst = sys_openat2(devfd, d->path + 5, &mk);
	r = dst < 0 ? dst : mount_attach((int)src, (int)dst);
	if (dst >= 0)
		sys_close((int)dst);
	sys_close((int)src);
	return r;
}

/*
 * Before pivot_root (the host's /dev is still reachable for dev_bind), with the
 * umask cleared so nodes get exactly 0666. Each node is checked afterwards:
 * a character device with the expected numbers, or the step fails.
 */
int dev_populate(int devfd, const char **what)
{
	long mask = sys_umask(0), r = 0;
	unsigned int i;

	for (i = 0; r >= 0 && i < ARRAY_LEN(devnodes); i++) {
		const struct devnode *d = &devnodes[i];

		*what = d->path;
		r = sys_mknodat(devfd, d->path + 5, S_IFCHR | 0666, DEV_ENCODE(d->major, d->minor));
		if (r == -EPERM)
			r = dev_bind(devfd, d);
		if (r >= 0)
			r = is_chardev(devfd, d->path + 5, d->major, d->minor);
		if (r == 0)
			r = -ENODEV;
	}
	for (i = 0; r >= 0 && i < ARRAY_LEN(devlinks); i++) {
		*what = devlinks[i].path;
		r = sys_symlinkat(devlinks[i].target, devfd, devlinks[i].path + 5);
	}
	sys_umask((int)mask);
	return r < 0 ? (int)r : 0;
}
