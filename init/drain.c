// SPDX-License-Identifier: MIT
/* After the workload: SIGTERM to what is left, a grace period, SIGKILL, reap to the last. */
#include <asm/signal.h>
#include <asm/errno.h>
#include <linux/fcntl.h>
#include "../sys/syscalls.h"
#include "../sys/fmt.h"
#include "../sys/clock.h"
#include "rawinit.h"

#define CHILDREN_BUF_MAX	4096	/* one read of /proc/.../children per round */
#define PROC_PATH_MAX		64

/*
 * A subreaper must not use kill(-1): that is every process the user may signal
 * on the host. It signals its own children instead, listed by the kernel in
 * /proc/self/task/<tid>/children; orphans further down are reparented to us as
 * their parents die and are signalled in a later round. Returns the number
 * signalled, or -errno when the list cannot be read.
 */
static int signal_children(int sig)
{
	char path[PROC_PATH_MAX], buf[CHILDREN_BUF_MAX];
	struct fmt f = FMT_INIT(path);
	long fd, n, i, pid = 0;
	int count = 0;

	fmt_str(&f, "/proc/self/task/");
	fmt_udec(&f, (unsigned long)sys_getpid());
	fmt_str(&f, "/children");
	fmt_char(&f, 0);
	fd = sys_openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return (int)fd;
	n = sys_read((int)fd, buf, sizeof(buf));
	sys_close((int)fd);
	if (n < 0)
		return (int)n;
	for (i = 0; i < n; i++) {
		if (buf[i] >= '0' && buf[i] <= '9') {
			pid = pid * 10 + (buf[i] - '0');
			continue;
		}
		if (pid > 0 && sys_kill((int)pid, sig) == 0)
			count++;
		pid = 0;
	}
	return count;
}

static void signal_rest(int sig, int child)
{
	if (ri.mode != MODE_SUBREAPER)
		sys_kill(-1, sig);	/* everyone in our pid namespace but us */
	else if (signal_children(sig) < 0)
		sys_kill(-child, sig);	/* no /proc: the workload's process group */
}

/* Wait for SIGCHLD until the deadline; 0 when the tree is empty, 1 on timeout. */
static int reap_until(unsigned long deadline)
{
	const __u64 chld = SIGNAL_BIT(SIGCHLD);
	struct __kernel_timespec ts;
	struct ksiginfo si;
	unsigned long now;
	int st, done;

	for (;;) {
		if (reap(0, &st, &done) == -ECHILD)
			return 0;
		now = clock_mono_ns();
		if (now >= deadline)
			return 1;
		ts.tv_sec = (long long)((deadline - now) / NSEC_PER_SEC);
		ts.tv_nsec = (long long)((deadline - now) % NSEC_PER_SEC);
		sys_rt_sigtimedwait(&chld, &si, &ts);
	}
}

/* Called while children are left (the workload's own status is already taken). */
void drain(int child)
{
	log_step("drain", "SIGTERM");
	signal_rest(SIGTERM, child);
	if (!reap_until(clock_mono_ns() + ri.grace_ns))
		return;
	log_step("drain", "SIGKILL");
	do
		signal_rest(SIGKILL, child);
	while (sys_wait4(-1, 0, 0) != -ECHILD);
}
