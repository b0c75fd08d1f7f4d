// SPDX-License-Identifier: MIT
/* The mounts rawinit made, kept by fd from the mount step to the seal, so no path below them is looked up through the rootfs again. */
#include "../sys/fs.h"
#include "conf.h"
#include "rootfs.h"

struct rootfs_mounts rootfs_mounts;

/*
 * From the host (another mount namespace) a mountpoint in the rootfs is a plain
 * directory: a writer there can rename it away and plant a symlink between the
 * mount and the seal. A mount's fd reaches the mount itself, wherever its
 * mountpoint went, and stays valid across pivot_root.
 */
void mount_table_close(struct rootfs_mounts *t)
{
	while (t->n)
		sys_close(t->fd[--t->n]);
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
 * inside root as inroot_open does.
 */
long mount_table_open(const struct rootfs_mounts *t, int root, const char *path, __u64 resolve,
		      int *mounted)
{
	struct open_how how = {
		.flags = O_PATH | O_CLOEXEC,
		.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS | resolve,
	};
	const char *rest = 0;
	unsigned int i = t->n;

	while (i > 0 && !(rest = below(conf_str(t->conf, CONF_AT(t->conf, RC_SEC_MOUNTS,
								   struct rc_mount, i - 1)->target), path)))
		i--;
	*mounted = !!rest;
	if (rest) {
		root = t->fd[i - 1];
		path = *rest ? rest : ".";
		how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS | resolve;
	}
	return sys_openat2(root, path, &how);
}
