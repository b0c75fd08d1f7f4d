// SPDX-License-Identifier: MIT
/* Resolve and create paths inside a root directory without ever following a way out of it. */
#include <asm/errno.h>
#include "../sys/fs.h"
#include "../sys/mem.h"
#include "conf_format.h"
#include "rootfs.h"

/*
 * RESOLVE_IN_ROOT makes `/` and `..` stop at root, also inside symlinks, so a
 * rootfs link such as mnt -> /tmp/outside names <root>/tmp/outside, never the
 * host's (CVE-2021-30465 class). Magic links (/proc/<pid>/fd/N) jump anywhere
 * and are refused.
 */
long inroot_open(int root, const char *path, __u64 resolve)
{
	struct open_how how = {
		.flags = O_PATH | O_CLOEXEC,
		.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS | resolve,
	};

	return sys_openat2(root, path, &how);
}

/*
 * Create `name` in the directory `dir` (a directory, or an empty file when
 * `file`) and open what is there now. The open refuses any symlink: a link
 * planted in the meantime fails with ELOOP instead of being followed.
 */
static long create_in(int dir, const char *name, int file)
{
	struct open_how how = {
		.flags = O_PATH | O_CLOEXEC,
		.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS,
	};
	struct open_how mk = {
		.flags = O_CREAT | O_EXCL | O_RDONLY | O_CLOEXEC | O_NOFOLLOW,
		.mode = 0644,
		.resolve = how.resolve,
	};
	long r;

	r = file ? sys_openat2(dir, name, &mk) : sys_mkdirat(dir, name, 0755);
	if (r >= 0 && file)
		sys_close((int)r);
	if (r < 0 && r != -EEXIST)
		return r;
	return sys_openat2(dir, name, &how);
}

/*
 * Walk `path` one component at a time. Each prefix is resolved afresh from root
 * (so symlinks inside the rootfs, like var/run -> ../run, keep their meaning);
 * the first missing one is created in its parent's dirfd and so is every one
 * after it. The prefix is cut out of a copy of the path: the config is read-only.
 */
static char mkpath_buf[RC_STRING_MAX];

long inroot_target(int root, const char *path, int mkdir, int file, __u64 resolve)
{
	long fd = inroot_open(root, path, resolve), parent;
	unsigned long len = strlen(path);
	char *p, *end, save;

	if (fd != -ENOENT || !mkdir)
		return fd;
	if (len >= sizeof(mkpath_buf))
		return -ENAMETOOLONG;
	memcpy(mkpath_buf, path, len + 1);
	parent = inroot_open(root, "/", resolve);
	for (p = mkpath_buf; parent >= 0; p = end) {
		while (*p == '/')
			p++;
		if (!*p)
			return parent;
		for (end = p; *end && *end != '/'; end++)
			;
		save = *end;
		*end = 0;
		fd = inroot_open(root, mkpath_buf, resolve);
		if (fd == -ENOENT)
			fd = create_in((int)parent, p, file && !save);
		*end = save;
		sys_close((int)parent);
		parent = fd;
	}
	return parent;
}
