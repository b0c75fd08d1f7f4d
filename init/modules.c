// SPDX-License-Identifier: MIT
/* Load the config's kernel modules with finit_module, in order, before the network needs them. */
#include <asm/errno.h>
#include <linux/fcntl.h>
#include "../sys/syscalls.h"
#include "rawinit.h"
#include "conf.h"

/*
 * Each module is a .ko path (rawinit-conf and scripts/moddeps.sh turned names
 * into files, dependencies first) and its parameters. "Already loaded" (EEXIST)
 * is success: a module may be built in on one kernel and loadable on another.
 * On failure the object is the module file.
 */
int modules_load(const struct conf *c, struct fail *f)
{
	const struct rc_module *m;
	unsigned int i;
	long fd, r;

	for (i = 0; i < CONF_COUNT(c, RC_SEC_MODULES); i++) {
		m = CONF_AT(c, RC_SEC_MODULES, struct rc_module, i);
		f->obj = conf_str(c, m->path);
		fd = sys_openat(AT_FDCWD, f->obj, O_RDONLY | O_CLOEXEC, 0);
		if (fd < 0)
			return (int)fd;
		r = sys_finit_module((int)fd, conf_str(c, m->params), 0);
		sys_close((int)fd);
		if (r < 0 && r != -EEXIST)
			return (int)r;
		log_step("module", f->obj);
	}
	return 0;
}
