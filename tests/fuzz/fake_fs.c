// SPDX-License-Identifier: MIT
/* The fake kernel's files and mounts: the config, made-up passwd and group, nodes, the mount API. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <asm/statfs.h>
#include <asm/unistd.h>
#include <linux/magic.h>
#include <linux/mount.h>
#include <linux/openat2.h>
#include <linux/stat.h>
#include "../../init/conf.h"
#include "../../init/rawinit.h"
#include "fake_priv.h"

#ifndef __has_feature
#define __has_feature(x) 0
#endif
#if __has_feature(address_sanitizer) || defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define FAKE_ASAN 1
#endif

#define MODE_CHR	0020000		/* S_IFCHR, S_IFDIR, S_IFREG: <linux/stat.h> keeps them from glibc users */
#define MODE_DIR	0040000
#define MODE_REG	0100000

static const char status_text[] = "Name:\trawinit\nSigIgn:\t0000000000000000\nSigCgt:\t0\n";

/* Calls that take only names: which arguments are strings (bit i: argument i), and whether they open. */
static const struct {
	long nr;
	unsigned char strs, opens;
} name_calls[] = {
	{ __NR_mount, 0x17, 0 },	{ __NR_move_mount, 0x0a, 0 },	{ __NR_symlinkat, 0x05, 0 },
	{ __NR_mkdirat, 0x02, 0 },	{ __NR_umount2, 0x01, 0 },	{ __NR_chdir, 0x01, 0 },
	{ __NR_chroot, 0x01, 0 },	{ __NR_pivot_root, 0x03, 0 },	{ __NR_finit_module, 0x02, 0 },
	{ __NR_open_tree, 0x02, 1 },	{ __NR_fsopen, 0x01, 1 },
};

void fake_release(void)
{
#ifdef FAKE_ASAN
	if (k.poisoned)
		__asan_unpoison_memory_region(k.poisoned, k.poisoned_len);
#endif
	k.poisoned = 0;
}

/* The config the init reads, decoded again here: the init passes its own only to its steps. */
const struct conf *fake_conf(void)
{
	static struct conf c;
	char msg[128];
	struct fmt f = FMT_INIT(msg);

	return k.conf && !conf_decode(k.conf, k.conf_len, &c, &f) ? &c : 0;
}

/* passwd and group lines naming the config's user and group, so the credentials step goes on. */
static void make_ids(void)
{
	const struct conf *c = fake_conf();
	const struct rc_process *p = c ? CONF_ONE(c, RC_SEC_PROCESS, struct rc_process) : 0;
	const char *user = p ? conf_str(c, p->user) : "", *group = p ? conf_str(c, p->group) : "";

	snprintf(k.passwd, sizeof(k.passwd), "root:x:0:0::/root:/bin/sh\n%s:x:1000:1000::/:/bin/sh\n",
		 *user ? user : "nobody");
	snprintf(k.group, sizeof(k.group), "root:x:0:\n%s:x:1000:%s\nwheel:x:10:%s\n",
		 *group ? group : "nogroup", user, user);
}

static long do_open(const char *path)
{
	touch_str(path);
	if (!strcmp(path, FAKE_CONF_PATH) && k.conf)
		return fd_new(K_CONF, (const char *)k.conf, k.conf_len);
	if (!strcmp(path, "/etc/passwd") || !strcmp(path, "/etc/group")) {
		make_ids();
		return path[5] == 'p' ? fd_new(K_TEXT, k.passwd, strlen(k.passwd)) :
					fd_new(K_TEXT, k.group, strlen(k.group));
	}
	if (!strcmp(path, "/proc/self/status"))
		return fd_new(K_TEXT, status_text, sizeof(status_text) - 1);
	if (!strcmp(path, "/dev/null"))
		return fd_new(K_NULL, 0, 0);
	return fd_new(K_OPEN, 0, 0);
}

/*
 * At the end of the config file, the rest of the caller's buffer is poisoned:
 * the init then reads its config in place exactly as long as the file, and a
 * read past its end is an ASan report, as with an exact-size heap copy.
 * Bytes ASan already guards (a redzone past the buffer) are left alone.
 */
static void poison_rest(unsigned char *buf, unsigned long n)
{
#ifdef FAKE_ASAN
	unsigned char *bad = __asan_region_is_poisoned(buf, n);

	fake_release();
	k.poisoned = buf;
	k.poisoned_len = bad ? (unsigned long)(bad - buf) : n;
	__asan_poison_memory_region(k.poisoned, k.poisoned_len);
#else
	(void)buf;
	(void)n;
#endif
}

static long do_read(long fd, unsigned char *buf, unsigned long want)
{
	struct file *f = fd_get(fd);
	unsigned long n;

	if (!f || (f->kind != K_CONF && f->kind != K_TEXT)) {
		if (want != 1)	/* a sync fd gives the parent's go-ahead; the rest is empty */
			return 0;
		*buf = 'G';
		return 1;
	}
	n = f->len - f->pos < want ? f->len - f->pos : want;
	if (!n && f->kind == K_CONF)
		poison_rest(buf, want);
	memcpy(buf, f->data + f->pos, n);	/* ASan checks buf has room for n */
	f->pos += n;
	return (long)n;
}

/* A node made by mknodat is what it was made as; /dev/null is 1:3; the rest a procfs root. */
static long do_statx(long fd, const char *path, struct statx *st)
{
	struct file *f = fd_get(fd);

	memset(st, 0, sizeof(*st));
	st->stx_ino = 1;
	if (touch_str(path)) {
		st->stx_mode = MODE_CHR | 0666;
		st->stx_rdev_major = (k.mknod_dev >> 8) & 0xfff;
		st->stx_rdev_minor = (k.mknod_dev & 0xff) | ((k.mknod_dev >> 12) & ~0xffu);
	} else if (f && (f->kind == K_TEXT || f->kind == K_CONF)) {
		st->stx_mode = MODE_REG | 0644;	/* passwd and group are read only as regular files */
		st->stx_size = f->len;
	} else if (f && f->kind == K_NULL) {
		st->stx_mode = MODE_CHR | 0666;
		st->stx_rdev_major = 1;
		st->stx_rdev_minor = 3;
	} else {
		st->stx_mode = MODE_DIR | 0755;
	}
	return 0;
}

static long name_call(long n, const long *arg)
{
	unsigned int i, j;

	for (i = 0; i < sizeof(name_calls) / sizeof(name_calls[0]); i++) {
		if (name_calls[i].nr != n)
			continue;
		for (j = 0; j < 6; j++)
			if (name_calls[i].strs >> j & 1)
				touch_str((const char *)arg[j]);
		return name_calls[i].opens ? fd_new(K_OPEN, 0, 0) : 0;
	}
	return FAKE_UNHANDLED;
}

long fake_fs(long n, const long *arg)
{
	switch (n) {
	case __NR_read:
		return do_read(arg[0], (unsigned char *)arg[1], (unsigned long)arg[2]);
	case __NR_write:
		touch((const void *)arg[1], (unsigned long)arg[2]);
		return arg[2];
	case __NR_openat:
		return do_open((const char *)arg[1]);
	case __NR_openat2:
		touch((const void *)arg[2], (unsigned long)arg[3]);
		return do_open((const char *)arg[1]);
	case __NR_statx:
		return do_statx(arg[0], (const char *)arg[1], (struct statx *)arg[4]);
	case __NR_fstatfs:
		memset((void *)arg[1], 0, sizeof(struct statfs));
		((struct statfs *)arg[1])->f_type = PROC_SUPER_MAGIC;
		return 0;
	case __NR_mknodat:
		touch_str((const char *)arg[1]);
		k.mknod_dev = (unsigned int)arg[3];
		return 0;
	case __NR_fsconfig:
		touch_str((const char *)arg[2]);
		if (arg[1] == FSCONFIG_SET_STRING)
			touch_str((const char *)arg[3]);
		return 0;
	case __NR_mount_setattr:
		touch_str((const char *)arg[1]);
		touch((const void *)arg[3], (unsigned long)arg[4]);
		return 0;
	case __NR_fsmount:
		return fd_new(K_OPEN, 0, 0);
	case __NR_getcwd:
		memcpy((char *)arg[0], "/", 2);
		return 2;
	case __NR_fchdir:
		return 0;
	default:
		return name_call(n, arg);
	}
}
