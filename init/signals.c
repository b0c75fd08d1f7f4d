// SPDX-License-Identifier: MIT
/* The workload's signals: every disposition back to default, an empty mask. */
#include <asm/errno.h>
#include <asm/signal.h>
#include <linux/fcntl.h>
#include "../sys/syscalls.h"
#include "../sys/mem.h"
#include "rawinit.h"

#define STATUS_BUF_MAX	4096	/* /proc/self/status is about 1.5 KiB on 6.x */
#define SIGSET_HEX	16	/* digits of a 64-signal mask in /proc/<pid>/status */

/*
 * The signals this process has at SIG_IGN, from the SigIgn line of
 * /proc/self/status; every signal when that cannot be read, or is not
 * procfs's (a file on a tmpfs over /proc would leave signals ignored), so the
 * caller falls back to resetting all 64. Reading costs 4 syscalls, the blind
 * reset 64.
 */
static __u64 ignored_signals(void)
{
	static const char key[] = "\nSigIgn:\t";
	const long klen = sizeof(key) - 1;
	char buf[STATUS_BUF_MAX];
	long fd, n, i, k;
	__u64 mask = 0;

	fd = sys_openat(AT_FDCWD, "/proc/self/status", O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return ~0ULL;
	n = procfs_check((int)fd) < 0 ? -ENODEV : sys_read((int)fd, buf, sizeof(buf));
	sys_close((int)fd);
	for (i = 0; i + klen + SIGSET_HEX <= n; i++) {
		if (memcmp(buf + i, key, klen))
			continue;
		for (k = i + klen; k < i + klen + SIGSET_HEX; k++) {
			unsigned int ch = (unsigned char)buf[k], d = ch - '0';

			if (d > 9)
				d = (ch | 0x20) - 'a' + 10;
			if (d > 15)
				return ~0ULL;
			mask = mask << 4 | d;
		}
		return mask;
	}
	return ~0ULL;
}

/*
 * SIG_IGN survives execve, and rawinit blocked every signal at entry: each
 * ignored one goes back to SIG_DFL (KILL and STOP cannot be set), then the
 * mask is emptied. Handled signals (the crash guard's) revert by themselves.
 */
int signals_reset(const struct conf *c, struct fail *f)
{
	const struct ksigaction dfl = { 0, 0, 0, 0 };
	const __u64 none = 0, ign = ignored_signals();
	int sig;

	(void)c;
	f->obj = "mask";
	for (sig = 1; sig <= KSIG_MAX; sig++)
		if ((ign & SIGNAL_BIT(sig)) && sig != SIGKILL && sig != SIGSTOP)
			sys_rt_sigaction(sig, &dfl, 0);
	return (int)sys_rt_sigprocmask(SIG_SETMASK, &none, 0);
}
