/* SPDX-License-Identifier: MIT */
/* The fake kernel's state, shared by its files: fake_kernel.c (fds, processes), fake_fs.c, fake_net.c. */
#ifndef TESTS_FAKE_PRIV_H
#define TESTS_FAKE_PRIV_H

#include <linux/netlink.h>
#include "../../init/conf_format.h"
#include "fake_kernel.h"

#define FAKE_FDS	64		/* open files at once; the init closes what it opens */
#define FAKE_TEXT_MAX	(3 * RC_STRING_MAX + 64)	/* made-up passwd or group lines */
#define FAKE_UNHANDLED	(-0x7fffffffL)	/* a handler's "not mine": the next one is asked */

enum kind { K_FREE, K_OPEN, K_CONF, K_TEXT, K_NULL, K_SOCK };

struct file {
	enum kind kind;
	const char *data;
	unsigned long len, pos;
};

struct fake {
	enum fake_machine machine;
	const unsigned char *conf;
	unsigned long conf_len;
	struct file fd[FAKE_FDS];
	long pid, ppid, calls;
	unsigned int mknod_dev;
	struct nlmsghdr req;		/* the last netlink request */
	char passwd[FAKE_TEXT_MAX], group[FAKE_TEXT_MAX];
	unsigned char *poisoned;	/* conf_buf's tail past the config, while poisoned */
	unsigned long poisoned_len;
};
extern struct fake k;

/* Read every byte the init hands over, so ASan checks the length it gave. */
void touch(const void *p, unsigned long n);
unsigned long touch_str(const void *s);
long fd_new(enum kind kind, const char *data, unsigned long len);
struct file *fd_get(long fd);
struct conf;
const struct conf *fake_conf(void);
__attribute__((noreturn)) void fake_stop(enum fake_end_why why, long status);

/* Handlers by concern: the call's result, or FAKE_UNHANDLED. arg holds its six arguments. */
long fake_fs(long n, const long *arg);
long fake_net(long n, const long *arg);

#endif
