// SPDX-License-Identifier: MIT
/* The parent sync fd: wait for the go-ahead before touching the network; say how setup ended. */
#include <asm/errno.h>
#include "../sys/syscalls.h"
#include "rawinit.h"

#define SYNC_OK		"ok\n"	/* our answer when every setup step succeeded */

/* One byte, GO_BYTE, then nothing: 0; EOF or another byte: -EPIPE (the other side gave up). */
int go_wait(int fd)
{
	char ch = 0;
	long n;

	do
		n = sys_read(fd, &ch, 1);
	while (n == -EINTR);
	return n < 0 ? (int)n : n == 1 && ch == GO_BYTE ? 0 : -EPIPE;
}

/* The parent's go-ahead (a socketpair end or a pipe): the veth peer is in our namespace. */
int sync_wait(const struct conf *c, struct fail *f)
{
	(void)c;
	f->obj = "parent";
	if (ri.sync_fd < 0)
		return 0;
	log_step("sync", "waiting for the parent");
	return go_wait(ri.sync_fd);
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
