/* SPDX-License-Identifier: MIT */
/* Filesystem and mount syscalls: openat2, the fd-based mount API, pivot_root, chroot, statx, fstatfs, ftruncate. */
#ifndef SYS_FS_H
#define SYS_FS_H

#include "syscalls.h"
#include <asm/statfs.h>
#include <linux/fcntl.h>
#include <linux/mount.h>
#include <linux/openat2.h>
#include <linux/stat.h>

#define L(x)	((long)(x))

/*
 * All of these are in the generic table (asm-generic/unistd.h), with the same
 * numbers on x86_64 and aarch64 from open_tree (428) on. Kernel quirks:
 * - openat2 takes the size of struct open_how and rejects unknown bits, so a
 *   RESOLVE_* flag the kernel lacks fails with EINVAL instead of being ignored
 *   (openat silently ignores unknown O_ flags). Linux 5.6.
 * - The fd-based mount API (5.2: open_tree, move_mount, fsopen, fsconfig,
 *   fsmount; 5.12: mount_setattr) mounts onto and from file descriptors, so no
 *   path is looked up twice between a check and a mount. A detached tree
 *   (open_tree OPEN_TREE_CLONE, fsmount) can be given its flags before it is
 *   attached, so it is never visible with fewer restrictions than asked.
 * - struct stat differs between x86_64 and aarch64; struct statx does not, so
 *   statx is the one stat here. struct statfs is asm-generic's on both 64-bit ISAs.
 * - mknodat's dev is the kernel's "new" encoding: minor's low byte, major, then
 *   minor's high bits (DEV_ENCODE below).
 */
#define MNT_DETACH	2	/* umount2: lazy unmount; in <sys/mount.h>, not in the UAPI headers */
#define DEV_ENCODE(ma, mi)	(((mi) & 0xffu) | ((ma) << 8) | (((mi) & ~0xffu) << 12))

static inline long sys_openat2(int dfd, const char *path, const struct open_how *how)
{ return syscall4(__NR_openat2, dfd, L(path), L(how), sizeof(*how)); }
static inline long sys_open_tree(int dfd, const char *path, unsigned int flags)
{ return syscall3(__NR_open_tree, dfd, L(path), flags); }
static inline long sys_move_mount(int from_dfd, const char *from, int to_dfd, const char *to,
				  unsigned int flags)
{ return syscall5(__NR_move_mount, from_dfd, L(from), to_dfd, L(to), flags); }
static inline long sys_fsopen(const char *fstype, unsigned int flags)
{ return syscall2(__NR_fsopen, L(fstype), flags); }
static inline long sys_fsconfig(int fd, unsigned int cmd, const char *key, const char *value,
				int aux)
{ return syscall5(__NR_fsconfig, fd, cmd, L(key), L(value), aux); }
static inline long sys_fsmount(int fd, unsigned int flags, unsigned int attr_flags)
{ return syscall3(__NR_fsmount, fd, flags, attr_flags); }
static inline long sys_mount_setattr(int dfd, const char *path, unsigned int flags,
				     const struct mount_attr *attr)
{ return syscall5(__NR_mount_setattr, dfd, L(path), flags, L(attr), sizeof(*attr)); }
static inline long sys_umount2(const char *path, int flags)
{ return syscall2(__NR_umount2, L(path), flags); }
static inline long sys_pivot_root(const char *new_root, const char *put_old)
{ return syscall2(__NR_pivot_root, L(new_root), L(put_old)); }
static inline long sys_chroot(const char *path)
{ return syscall1(__NR_chroot, L(path)); }
static inline long sys_fchdir(int fd)
{ return syscall1(__NR_fchdir, fd); }
static inline long sys_mknodat(int dfd, const char *path, unsigned int mode, unsigned int dev)
{ return syscall4(__NR_mknodat, dfd, L(path), mode, dev); }
static inline long sys_symlinkat(const char *target, int dfd, const char *path)
{ return syscall3(__NR_symlinkat, L(target), dfd, L(path)); }
static inline long sys_statx(int dfd, const char *path, int flags, unsigned int mask,
			     struct statx *st)
{ return syscall5(__NR_statx, dfd, L(path), flags, mask, L(st)); }
static inline long sys_fstatfs(int fd, struct statfs *st)
{ return syscall2(__NR_fstatfs, fd, L(st)); }
static inline long sys_ftruncate(int fd, long length)
{ return syscall2(__NR_ftruncate, fd, length); }

#undef L
#endif
