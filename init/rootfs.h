/* SPDX-License-Identifier: MIT */
/* The mount-namespace and sysctl steps (DESIGN.md steps 6 and 7) and the helpers they share. */
#ifndef INIT_ROOTFS_H
#define INIT_ROOTFS_H

#include <linux/types.h>
#include "conf_format.h"

struct conf;
struct rc_mount;

/*
 * The mount fds of the configured mounts: fd[i] is mount i's (a failed mount
 * ends the step; the decoder allows at most RC_MOUNTS_MAX). Filled by
 * rootfs_setup, used and closed by rootfs_seal; the caller holds it from one
 * step to the other, on its stack.
 */
#define ROOTFS_MOUNTS_MAX	RC_MOUNTS_MAX	/* one per configured mount */
struct rootfs_mounts {
	const struct conf *conf;
	unsigned int n;
	int fd[ROOTFS_MOUNTS_MAX];
};
/* mount_table.c: the table, filled by the mount step, used and closed by the seal. */
extern struct rootfs_mounts rootfs_mounts;

/*
 * The steps themselves are declared in rawinit.h; what they do, in order:
 *   mount  `/` made rslave, the rootfs bound onto itself, the configured mounts
 *          in order, /dev populated (when a tmpfs is mounted on it), pivot_root
 *          and the old root detached (from a VM's initramfs: move onto / and
 *          chroot). Only in a mount namespace of rawinit's own (vm, container).
 *   sysctl each key written through a verified procfs.
 *   seal   masked paths, read-only paths (runc's lists under default-masks),
 *          the root read-only; after the sysctls, as in runc (/proc/sys is a
 *          default read-only path). Paths below a mount the mount step made are
 *          found through that mount's fd, never through the rootfs again.
 */

/* inroot.c: an O_PATH fd for `path` resolved inside the tree at `root` (absolute
 * symlinks and ".." stop at root; no magic links), or -errno. `resolve` adds RESOLVE_*. */
long inroot_open(int root, const char *path, __u64 resolve);
/* The same, creating the missing components as directories when `mkdir`, the
 * last one as an empty file when `file`, one at a time through dirfds. */
long inroot_target(int root, const char *path, int mkdir, int file, __u64 resolve);

/*
 * mount_table.c: open gives an O_PATH fd for `path` through the last mount of
 * t whose target holds it, beneath that mount (*mounted = 1), else inside root
 * (*mounted = 0); close closes t's fds.
 */
long mount_table_open(const struct rootfs_mounts *t, int root, const char *path, __u64 resolve,
		      int *mounted);
void mount_table_close(struct rootfs_mounts *t);

/* mount_cfg.c: one configured mount under root; its mount fd, or -errno with
 * *what set (the source when the source is at fault, else the target). */
long mount_cfg(int root, const struct conf *c, const struct rc_mount *m, const char **what);
/* Attach the detached mount `mnt` on top of the object `target` refers to. */
long mount_attach(int mnt, int target);
/* A fresh, empty, read-only tmpfs as a detached mount fd (masks over directories). */
long mount_tmpfs_ro(void);
/* 1 when fd (or fd/name) is a character device major:minor, 0 when not, or -errno. */
long is_chardev(int fd, const char *name, unsigned int major, unsigned int minor);

/* devnodes.c: the standard nodes and links in the fresh /dev at devfd. */
int dev_populate(int devfd, const char **what);

#endif
