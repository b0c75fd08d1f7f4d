// SPDX-License-Identifier: MIT
/* The parent sync fd: wait for the go-ahead before touching the network; say how setup ended. */
#include <asm/errno.h>
#include "../sys/syscalls.h"
#include "rawinit.h"

#define SYNC_GO		'G'	/* the parent's go-ahead: the veth peer is in our namespace */
#define SYNC_OK		"ok\n"	/* our answer when every setup step succeeded */

/*
 * One byte from the parent (a socketpair end or a pipe it holds the other side
 * of). EOF means the parent died or gave up: nothing may be set up then.
 */
int sync_wait(const struct conf *c, struct fail *f)
{
	char ch = 0;
	long n;

	(void)c;
	f->obj = "parent";
	if (ri.sync_fd < 0)
		return 0;
	log_step("sync", "waiting for the parent");
	do
		n = sys_read(ri.sync_fd, &ch, 1);
	while (n == -EINTR);
	if (n < 0)
		return (int)n;
	return n == 1 && ch == SYNC_GO ? 0 : -EPIPE;
}

/* Setup succeeded: tell the parent, then close the fd so the workload never holds it. */
void sync_done(void)
{
	if (ri.sync_fd < 0)
		return;
	sys_write(ri.sync_fd, SYNC_OK, sizeof(SYNC_OK) - 1);
	sys_close(ri.sync_fd);
	ri.sync_fd = -1;
}
