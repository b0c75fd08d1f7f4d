// SPDX-License-Identifier: MIT
/* The VM's first filesystems: devtmpfs on /dev, proc on /proc, sysfs on /sys. */
#include <linux/fcntl.h>
#include <linux/mount.h>
#include <asm/errno.h>
#include "../sys/syscalls.h"
#include "rawinit.h"

struct early_mount {
	const char *type;
	const char *target;
	unsigned long flags;
	const char *data;
};

#define MS_SAFE	(MS_NOSUID | MS_NODEV | MS_NOEXEC)

static const struct early_mount early_mounts[] = {
	{ "devtmpfs", "/dev", MS_NOSUID | MS_NOEXEC, "mode=0755" },
	{ "proc", "/proc", MS_SAFE, 0 },
	{ "sysfs", "/sys", MS_SAFE, 0 },
};



static int mount_one(const struct early_mount *m)
{
	long r = sys_mkdirat(AT_FDCWD, m->target, 0755);

	if (r < 0 && r != -EEXIST)
		return (int)r;
	r = sys_mount(m->type, m->target, m->type, m->flags, m->data);
	return r == -EBUSY ? 0 : (int)r;	/* EBUSY: already mounted */
}

/*
 * The console is attached right after /dev (or after /dev failed: the initramfs
 * may still hold a /dev/console node), so every later error has somewhere to go.
 * On failure *what names the mountpoint.
 */
int vm_mounts(const char **what)
{
	unsigned int i;
	int r;

	for (i = 0; i < ARRAY_LEN(early_mounts); i++) {
		*what = early_mounts[i].target;
		r = mount_one(&early_mounts[i]);
		if (i == 0)
			console_open("/dev/console");
		if (r < 0)
			return r;
		log_step("mount", *what);
	}
	return 0;
}
