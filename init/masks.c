// SPDX-License-Identifier: MIT
/* Sealing the new root: read-only paths, masked paths (runc's lists under default-masks), read-only root. */
#include <asm/errno.h>
#include "../sys/fs.h"
#include "conf.h"
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

#define ARRAY_LEN(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * The /dev/null files are masked with, opened once and checked: no symlink on
 * the way (not even inside the root) and a character device 1:3. A rootfs
 * whose /dev/null is a link or a file would otherwise have the mask bind that
 * over /proc/... and expose or break it (CVE-2025-31133 class).
 */
static long null_open(int root)
{
	struct open_how how = {
		.flags = O_PATH | O_CLOEXEC,
		.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS,
	};
	long fd = sys_openat2(root, "/dev/null", &how), r;

	if (fd < 0)
		return fd;
	r = is_chardev((int)fd, 0, 1, 3);
	if (r > 0)
		return fd;
	sys_close((int)fd);
	return r < 0 ? r : -ENODEV;
}

/* A directory gets an empty read-only tmpfs, anything else /dev/null; missing is fine (runc). */
static long mask(int root, long *null, const char **what)
{
	long fd = inroot_open(root, *what, 0), mnt, r;
	struct statx st;

	if (fd == -ENOENT)
		return 0;
	if (fd < 0)
		return fd;
	r = sys_statx((int)fd, "", AT_EMPTY_PATH, STATX_TYPE, &st);
	if (r >= 0 && S_ISDIR(st.stx_mode)) {
		mnt = mount_tmpfs_ro();
	} else if (r >= 0) {
		if (*null < 0 && (*null = null_open(root)) < 0)
			*what = "/dev/null";
		mnt = *null < 0 ? *null : sys_open_tree((int)*null, "", OPEN_TREE_CLONE |
							OPEN_TREE_CLOEXEC | AT_EMPTY_PATH);
	} else {
		mnt = r;
	}
	r = mnt < 0 ? mnt : mount_attach((int)mnt, (int)fd);
	if (mnt >= 0)
		sys_close((int)mnt);
	sys_close((int)fd);
	return r;
}

/* The path bound onto itself, read-only through the whole copied tree. */
static long make_readonly(int root, const char *path)
{
	static const struct mount_attr ro = { .attr_set = MOUNT_ATTR_RDONLY };
	long fd = inroot_open(root, path, 0), t, r;

	if (fd == -ENOENT)
		return 0;
	if (fd < 0)
		return fd;
	t = sys_open_tree((int)fd, "", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_EMPTY_PATH |
			  AT_RECURSIVE);
	r = t < 0 ? t : sys_mount_setattr((int)t, "", AT_EMPTY_PATH | AT_RECURSIVE, &ro);
	if (r >= 0)
		r = mount_attach((int)t, (int)fd);
	if (t >= 0)
		sys_close((int)t);
	sys_close((int)fd);
	return r;
}

/* Path i of a strref section followed, under default-masks, by a default list. */
static const char *path_at(const struct conf *c, unsigned int type, unsigned int i,
			   const char *const *defaults)
{
	unsigned int n = CONF_COUNT(c, type);

	return i < n ? conf_str(c, *CONF_AT(c, type, __u32, i)) : defaults[i - n];
}

/*
 * In the new root, runc's order: read-only paths, then masked paths; then the
 * root itself read-only (its top mount, as runc does), last so that anything
 * written into the root before (/etc files) still can be.
 */
int rootfs_seal(const struct conf *c, const char **what)
{
	static const struct mount_attr ro = { .attr_set = MOUNT_ATTR_RDONLY };
	const struct rc_init *in = CONF_ONE(c, RC_SEC_INIT, struct rc_init);
	int defaults = in && (in->flags & RC_INIT_DEFAULT_MASKS);
	unsigned int i, nro, nmask;
	long root, null = -1, r = 0;

	nro = CONF_COUNT(c, RC_SEC_READONLY) + (defaults ? ARRAY_LEN(default_readonly) : 0);
	nmask = CONF_COUNT(c, RC_SEC_MASKED) + (defaults ? ARRAY_LEN(default_masked) : 0);
	if (!nro && !nmask && !(in && (in->flags & RC_INIT_ROOT_READONLY)))
		return 0;
	*what = "/";
	root = sys_openat(AT_FDCWD, "/", O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
	if (root < 0)
		return (int)root;
	for (i = 0; r >= 0 && i < nro; i++) {
		*what = path_at(c, RC_SEC_READONLY, i, default_readonly);
		r = make_readonly((int)root, *what);
	}
	for (i = 0; r >= 0 && i < nmask; i++) {
		*what = path_at(c, RC_SEC_MASKED, i, default_masked);
		r = mask((int)root, &null, what);
	}
	if (null >= 0)
		sys_close((int)null);
	if (r >= 0 && in && (in->flags & RC_INIT_ROOT_READONLY)) {
		*what = "/";
		r = sys_mount_setattr((int)root, "", AT_EMPTY_PATH, &ro);
	}
	sys_close((int)root);
	return r < 0 ? (int)r : 0;
}
