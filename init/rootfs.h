/* SPDX-License-Identifier: MIT */
/* The helpers the mount, sysctl and seal steps share (DESIGN.md steps 6 and 7). */
#ifndef INIT_ROOTFS_H
#define INIT_ROOTFS_H

#include <linux/types.h>
#include "conf_format.h"

struct conf;
struct rc_mount;

/* The mount fds of the configured mounts, fd[i] mount i's: from the mount step to the seal. */
#define ROOTFS_MOUNTS_MAX	RC_MOUNTS_MAX	/* one per configured mount */
struct rootfs_mounts {
	const struct conf *conf;
	unsigned int n;
	int fd[ROOTFS_MOUNTS_MAX];
};
/* mount_table.c: the table, filled by the mount step, used and closed by the seal. */
extern struct rootfs_mounts rootfs_mounts;

/* The steps (mount, sysctl, seal) are in rawinit.h and docs/design.md; their helpers: */

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
