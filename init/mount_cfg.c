// SPDX-License-Identifier: MIT
/* One configured mount, done through file descriptors: a new filesystem or a bind, onto a target inside the root. */
#include <asm/errno.h>
#include "../sys/fs.h"
#include "../sys/mem.h"
#include "conf.h"
#include "rawinit.h"
#include "rootfs.h"

/* The MS_* flags a config may carry (docs/config-text.md); anything else is refused. */
#define MS_ATIME_ANY	(MS_NOATIME | MS_RELATIME | MS_STRICTATIME)
#define MS_CFG_OK	(MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_SYNCHRONOUS | \
			 MS_DIRSYNC | MS_NODIRATIME | MS_ATIME_ANY | MS_BIND | MS_REC)
#define MS_PROPAGATION	(MS_PRIVATE | MS_SLAVE | MS_SHARED | MS_UNBINDABLE)

/* Per-mount flags: mount(2) spells them MS_*, fsmount and mount_setattr MOUNT_ATTR_*. */
static const struct {
	__u32 ms;
	__u32 attr;
} ms_attrs[] = {
	{ MS_RDONLY, MOUNT_ATTR_RDONLY },	{ MS_NOSUID, MOUNT_ATTR_NOSUID },
	{ MS_NODEV, MOUNT_ATTR_NODEV },		{ MS_NOEXEC, MOUNT_ATTR_NOEXEC },
	{ MS_NOATIME, MOUNT_ATTR_NOATIME },	{ MS_STRICTATIME, MOUNT_ATTR_STRICTATIME },
	{ MS_NODIRATIME, MOUNT_ATTR_NODIRATIME },
};

/* Superblock flags of a new filesystem: mount(2) takes them as MS_*, fsconfig by name. */
static const struct {
	__u32 ms;
	const char *name;
} ms_sb[] = {
	{ MS_RDONLY, "ro" }, { MS_SYNCHRONOUS, "sync" }, { MS_DIRSYNC, "dirsync" },
};


static unsigned int attr_of(__u64 flags)
{
	unsigned int i, attr = 0;

	for (i = 0; i < ARRAY_LEN(ms_attrs); i++)
		if (flags & ms_attrs[i].ms)
			attr |= ms_attrs[i].attr;
	return attr;
}

/*
 * Filesystem data, "mode=755,size=64k,newinstance", given to fsconfig one
 * option at a time: KEY=VALUE as a string, KEY alone as a flag, empty ones
 * skipped. That is how mount(2) splits it in the kernel (generic_parse_monolithic).
 * Cut in a copy: the config is read-only.
 */
static char opts_buf[RC_STRING_MAX];

static long fs_options(int fs, const char *data)
{
	unsigned long len = strlen(data);
	char *key, *end, *val;
	long r = 0;

	if (len >= sizeof(opts_buf))
		return -ENAMETOOLONG;
	memcpy(opts_buf, data, len + 1);
	for (key = opts_buf; r >= 0 && *key; key = end) {
		for (end = key; *end && *end != ','; end++)
			;
		if (*end)
			*end++ = 0;
		for (val = key; *val && *val != '='; val++)
			;
		if (*val)
			*val++ = 0;
		else
			val = 0;
		if (*key)
			r = sys_fsconfig(fs, val ? FSCONFIG_SET_STRING : FSCONFIG_SET_FLAG, key, val, 0);
	}
	return r;
}

/*
 * A new filesystem as a detached mount: fsopen, source, options, create, fsmount.
 * OCI's type "cgroup" means "the container's cgroup view" to runc, which mounts
 * cgroup2 on a unified or hybrid host; a bare cgroup v1 mount fails there
 * (EBUSY), so "cgroup" is taken as cgroup2 too.
 */
static long fs_new(const struct conf *c, const struct rc_mount *m, unsigned int attr)
{
	const char *src = conf_str(c, m->source), *type = conf_str(c, m->fstype);
	long fs, r = 0;
	unsigned int i;

	fs = sys_fsopen(str_eq(type, "cgroup") ? "cgroup2" : type, FSOPEN_CLOEXEC);
	if (fs < 0)
		return fs;
	if (*src)
		r = sys_fsconfig((int)fs, FSCONFIG_SET_STRING, "source", src, 0);
	if (r >= 0)
		r = fs_options((int)fs, conf_str(c, m->data));
	for (i = 0; r >= 0 && i < ARRAY_LEN(ms_sb); i++)
		if (m->flags & ms_sb[i].ms)
			r = sys_fsconfig((int)fs, FSCONFIG_SET_FLAG, ms_sb[i].name, 0, 0);
	if (r >= 0)
		r = sys_fsconfig((int)fs, FSCONFIG_CMD_CREATE, 0, 0, 0);
	if (r >= 0)
		r = sys_fsmount((int)fs, FSMOUNT_CLOEXEC, attr);
	sys_close((int)fs);
	return r;
}

/*
 * A bind as a detached copy of the source tree, given its flags before it is
 * attached (mount(2) needs a second, remount call, and the mount is writable in
 * between). As with mount(2), the flags apply to the top mount of an rbind.
 */
static long bind_new(const struct conf *c, const struct rc_mount *m, unsigned int attr,
		     const char **what)
{
	const char *src = conf_str(c, m->source);
	struct mount_attr a = {
		.attr_set = attr,
		.attr_clr = m->flags & MS_ATIME_ANY ? MOUNT_ATTR__ATIME : 0,
	};
	long t, r;

	t = sys_open_tree(AT_FDCWD, src, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC |
			  (m->flags & MS_REC ? AT_RECURSIVE : 0));
	if (t < 0) {
		*what = src;
		return t;
	}
	if (!(a.attr_set | a.attr_clr))
		return t;
	r = sys_mount_setattr((int)t, "", AT_EMPTY_PATH, &a);
	if (r < 0) {
		sys_close((int)t);
		return r;
	}
	return t;
}

long mount_attach(int mnt, int target)
{
	return sys_move_mount(mnt, "", target, "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH);
}

/* Propagation after the mount is attached: one type, | MS_REC for the whole tree. */
static long set_propagation(int mnt, __u32 prop)
{
	struct mount_attr a = { .propagation = prop & MS_PROPAGATION };

	if (!prop)
		return 0;
	if (!a.propagation || (a.propagation & (a.propagation - 1)))
		return -EINVAL;
	return sys_mount_setattr(mnt, "", AT_EMPTY_PATH | (prop & MS_REC ? AT_RECURSIVE : 0), &a);
}

/*
 * proc and sysfs go only onto a path with no symlink in it (ELOOP otherwise),
 * as runc requires: a link there is a rootfs steering the kernel's files (and
 * the masks meant for them) somewhere of its choosing.
 */
static __u64 target_resolve(const struct conf *c, const struct rc_mount *m)
{
	const char *type = conf_str(c, m->fstype);

	return !(m->flags & MS_BIND) && (str_eq(type, "proc") || str_eq(type, "sysfs")) ?
	       RESOLVE_NO_SYMLINKS : 0;
}

long mount_cfg(int root, const struct conf *c, const struct rc_mount *m, const char **what)
{
	int bind = !!(m->flags & MS_BIND), file = !!(m->rflags & RC_MNT_FILE);
	struct statx st;
	long mnt, tgt, r = 0;

	*what = conf_str(c, m->target);
	if (m->flags & ~(__u64)MS_CFG_OK)
		return -EINVAL;
	mnt = bind ? bind_new(c, m, attr_of(m->flags), what) : fs_new(c, m, attr_of(m->flags));
	if (mnt < 0)
		return mnt;
	/* A bind of a file needs a file to mount on; everything else a directory. */
	if (bind && !file) {
		r = sys_statx((int)mnt, "", AT_EMPTY_PATH, STATX_TYPE, &st);
		file = r >= 0 && !S_ISDIR(st.stx_mode);
	}
	tgt = r < 0 ? r : inroot_target(root, *what, !!(m->rflags & (RC_MNT_MKDIR | RC_MNT_FILE)),
					file, target_resolve(c, m));
	if (tgt >= 0) {
		r = mount_attach((int)mnt, (int)tgt);
		sys_close((int)tgt);
		if (r >= 0)
			r = set_propagation((int)mnt, m->propagation);
	} else {
		r = tgt;
	}
	if (r < 0) {
		sys_close((int)mnt);
		return r;
	}
	return mnt;
}

/* An empty read-only tmpfs, detached: what masks a directory. */
long mount_tmpfs_ro(void)
{
	long fs = sys_fsopen("tmpfs", FSOPEN_CLOEXEC), r;

	if (fs < 0)
		return fs;
	r = sys_fsconfig((int)fs, FSCONFIG_CMD_CREATE, 0, 0, 0);
	if (r >= 0)
		r = sys_fsmount((int)fs, FSMOUNT_CLOEXEC, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID |
				MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC);
	sys_close((int)fs);
	return r;
}
