// SPDX-License-Identifier: MIT
/* Sealing the new root: masked paths, read-only paths (runc's lists under default-masks), read-only root. */
#include <asm/errno.h>
#include "../sys/fs.h"
#include "../sys/mem.h"
#include "conf.h"
#include "rawinit.h"
#include "rootfs.h"

/*
 * runc's defaults, from `runc spec` (runc 1.1.5, spec 1.0.2-dev): config.json
 * linux.maskedPaths and linux.readonlyPaths, in that order.
 */
static const char *const default_masked[] = {
	"/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
	"/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/sys/firmware",
	"/proc/scsi",
};
static const char *const default_readonly[] = {
	"/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger",
};


/*
 * The /dev/null files are masked with, opened once and checked: no symlink on
 * the way (not even inside the root) and a character device 1:3. A rootfs
 * whose /dev/null is a link or a file would otherwise have the mask bind that
 * over /proc/... and expose or break it (CVE-2025-31133 class). Through the
 * /dev tmpfs's own fd when rawinit mounted one.
 */
static long null_open(const struct rootfs_mounts *t, int root)
{
	int mounted;
	long fd = mount_table_open(t, root, "/dev/null", RESOLVE_NO_SYMLINKS, &mounted), r;

	if (fd < 0)
		return fd;
	r = is_chardev((int)fd, 0, 1, 3);
	if (r > 0)
		return fd;
	sys_close((int)fd);
	return r < 0 ? r : -ENODEV;
}

/* A directory gets an empty read-only tmpfs, anything else /dev/null. */
static long mask(const struct rootfs_mounts *t, int root, int fd, long *null, const char **what)
{
	struct statx st;
	long mnt, r;

	r = sys_statx(fd, "", AT_EMPTY_PATH, STATX_TYPE, &st);
	if (r >= 0 && S_ISDIR(st.stx_mode)) {
		mnt = mount_tmpfs_ro();
	} else if (r >= 0) {
		if (*null < 0 && (*null = null_open(t, root)) < 0)
			*what = "/dev/null";
		mnt = *null < 0 ? *null : sys_open_tree((int)*null, "", OPEN_TREE_CLONE |
							OPEN_TREE_CLOEXEC | AT_EMPTY_PATH);
	} else {
		mnt = r;
	}
	r = mnt < 0 ? mnt : mount_attach((int)mnt, fd);
	if (mnt >= 0)
		sys_close((int)mnt);
	return r;
}

/* The object bound onto itself, read-only through the whole copied tree. */
static long make_readonly(int fd)
{
	static const struct mount_attr ro = { .attr_set = MOUNT_ATTR_RDONLY };
	long t, r;

	t = sys_open_tree(fd, "", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_EMPTY_PATH | AT_RECURSIVE);
	r = t < 0 ? t : sys_mount_setattr((int)t, "", AT_EMPTY_PATH | AT_RECURSIVE, &ro);
	if (r >= 0)
		r = mount_attach((int)t, fd);
	if (t >= 0)
		sys_close((int)t);
	return r;
}

/*
 * Masks first, then read-only paths (runc does the reverse): a read-only
 * bind copies the tree below it, masks included, while a mask made after it
 * would land on the mount rawinit kept, now hidden under the copy.
 */
static const struct seal_list {
	unsigned int sec;
	const char *const *defaults;
	unsigned int ndefaults;
} seal_lists[] = {
	{ RC_SEC_MASKED, default_masked, ARRAY_LEN(default_masked) },
	{ RC_SEC_READONLY, default_readonly, ARRAY_LEN(default_readonly) },
};

/*
 * Path i of a list (the config's, then runc's under default-masks): found (1,
 * *fd set), missing where that may be skipped (0), or -errno. Below a mount
 * rawinit made, only a path of runc's lists may be missing: the kernel lacks
 * it; the rootfs cannot cause that (docs/design.md, the mount namespace).
 */
static long seal_open(const struct conf *c, const struct rootfs_mounts *t, int root,
		      const struct seal_list *l, unsigned int i, const char **what, long *fd)
{
	unsigned int n = CONF_COUNT(c, l->sec), d;
	int mounted, listed;

	*what = i < n ? conf_str(c, *CONF_AT(c, l->sec, __u32, i)) : l->defaults[i - n];
	*fd = mount_table_open(t, root, *what, 0, &mounted);
	if (*fd >= 0)
		return 1;
	for (listed = 0, d = 0; d < l->ndefaults; d++)
		listed |= str_eq(*what, l->defaults[d]);
	return *fd == -ENOENT && (!mounted || listed) ? 0 : *fd;
}

/*
 * In the new root: masked paths, read-only paths, then the root itself
 * read-only (its top mount, as runc does), last so that anything written into
 * the root before (/etc files) still can be.
 */
static long seal(const struct conf *c, const struct rootfs_mounts *t, const char **what)
{
	static const struct mount_attr ro = { .attr_set = MOUNT_ATTR_RDONLY };
	const struct rc_init *in = CONF_ONE(c, RC_SEC_INIT, struct rc_init);
	int defaults = in && (in->flags & RC_INIT_DEFAULT_MASKS);
	int root_ro = in && (in->flags & RC_INIT_ROOT_READONLY);
	const struct seal_list *l;
	long root, null = -1, fd, r = 0;
	unsigned int i, n;

	if (!defaults && !root_ro && !CONF_COUNT(c, RC_SEC_MASKED) && !CONF_COUNT(c, RC_SEC_READONLY))
		return 0;
	*what = "/";
	root = sys_openat(AT_FDCWD, "/", O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
	if (root < 0)
		return root;
	for (l = seal_lists; r >= 0 && l < seal_lists + ARRAY_LEN(seal_lists); l++) {
		n = CONF_COUNT(c, l->sec) + (defaults ? l->ndefaults : 0);
		for (i = 0; r >= 0 && i < n; i++) {
			r = seal_open(c, t, (int)root, l, i, what, &fd);
			if (r > 0) {
				r = l->sec == RC_SEC_MASKED ? mask(t, (int)root, (int)fd, &null, what) :
							      make_readonly((int)fd);
				sys_close((int)fd);
			}
		}
	}
	if (null >= 0)
		sys_close((int)null);
	if (r >= 0 && root_ro) {
		*what = "/";
		r = sys_mount_setattr((int)root, "", AT_EMPTY_PATH, &ro);
	}
	sys_close((int)root);
	return r;
}

/* The seal is the last use of the mount table: its fds are closed here, sealed or not. */
int rootfs_seal(const struct conf *c, struct fail *f)
{
	long r = seal(c, &rootfs_mounts, &f->obj);

	mount_table_close(&rootfs_mounts);
	return r < 0 ? (int)r : 0;
}
