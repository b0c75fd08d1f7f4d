// SPDX-License-Identifier: MIT
/* The mounts rawinit made, kept by fd from the mount step to the seal, so no path below them is looked up through the rootfs again. */
#include <asm/errno.h>
#include "../sys/fs.h"
#include "conf.h"
#include "rootfs.h"

/*
 * From the host (another mount namespace) a mountpoint in the rootfs is a plain
 * directory: a writer there can rename it away and plant a symlink between the
 * mount and the seal. A mount's fd reaches the mount itself, wherever its
 * mountpoint went, and stays valid across pivot_root. fds[i] is the mount of
 * the config's mount i: they are added in config order, and the first failure
 * ends the step.
 */
static const struct conf *conf;
static int fds[ROOTFS_MOUNTS_MAX];
static unsigned int nfds;

int mount_table_add(const struct conf *c, long fd)
{
	if (nfds == ROOTFS_MOUNTS_MAX) {
		sys_close((int)fd);
		return -EMFILE;
	}
	conf = c;
	fds[nfds++] = (int)fd;
	return 0;
}

void mount_table_close(void)
{
	while (nfds)
		sys_close(fds[--nfds]);
}

/* What is left of path below target ("" when they are equal), or 0 when target
 * does not hold path; whole components compared, repeated slashes ignored. */
static const char *below(const char *target, const char *path)
{
	for (;;) {
		while (*target == '/')
			target++;
		while (*path == '/')
			path++;
		if (!*target)
			return path;
		while (*target && *target != '/' && *target == *path)
			target++, path++;
		if ((*target && *target != '/') || (*path && *path != '/'))
			return 0;
	}
}

/*
 * A mount made later over an earlier one's target, or over a directory above
 * it, hides it: the last mount whose target holds path is the one path
 * reaches. Below it the rest of path is resolved beneath the mount's root (a
 * symlink or ".." leading out of it fails with EXDEV); with no such mount,
 * inside root as always.
 */
long mount_table_open(int root, const char *path, __u64 resolve, int *mounted)
{
	struct open_how how = {
		.flags = O_PATH | O_CLOEXEC,
		.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS | resolve,
	};
	const char *rest = 0;
	unsigned int i = nfds;

	while (i > 0 && !(rest = below(conf_str(conf, CONF_AT(conf, RC_SEC_MOUNTS, struct rc_mount,
								  i - 1)->target), path)))
		i--;
	*mounted = !!rest;
	if (!rest)
		return inroot_open(root, path, resolve);
	return sys_openat2(fds[i - 1], *rest ? rest : ".", &how);
}
