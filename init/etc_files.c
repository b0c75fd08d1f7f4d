// SPDX-License-Identifier: MIT
/* Write /etc/resolv.conf and /etc/hosts from the config's lines, as microVM users expect. */
#include <linux/fcntl.h>
#include "../sys/syscalls.h"
#include "../sys/mem.h"
#include "rawinit.h"
#include "conf.h"

static const struct {
	unsigned int sec;
	const char *path;
} etc_files[] = {
	{ RC_SEC_RESOLV, "/etc/resolv.conf" },
	{ RC_SEC_HOSTS, "/etc/hosts" },
};

/* Each file the config has lines for is replaced whole. On failure *what names it. */
int etc_files_write(const struct conf *c, const char **what)
{
	const __u32 *lines;
	unsigned int f, i;
	long fd, r = 0;

	for (f = 0; f < sizeof(etc_files) / sizeof(etc_files[0]); f++) {
		if (!CONF_COUNT(c, etc_files[f].sec))
			continue;
		*what = etc_files[f].path;
		fd = sys_openat(AT_FDCWD, *what, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (fd < 0)
			return (int)fd;
		lines = c->sec[etc_files[f].sec].rec;
		for (i = 0; r >= 0 && i < CONF_COUNT(c, etc_files[f].sec); i++) {
			const char *l = conf_str(c, lines[i]);

			r = sys_write((int)fd, l, strlen(l));
			if (r >= 0)
				r = sys_write((int)fd, "\n", 1);
		}
		sys_close((int)fd);
		if (r < 0)
			return (int)r;
		log_step("write", *what);
	}
	return 0;
}
