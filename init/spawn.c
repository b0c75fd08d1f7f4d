// SPDX-License-Identifier: MIT
/* Start the workload as a child: its own session or group, clean signal state, PATH lookup. */
#include <asm/errno.h>
#include <asm/ioctls.h>
#include <linux/fcntl.h>
#include "../sys/syscalls.h"
#include "../sys/mem.h"
#include "rawinit.h"

#define EXEC_PATH_MAX	4096	/* PATH_MAX: one candidate path dir/name */
#define STATUS_BUF_MAX	4096	/* /proc/self/status is about 1.5 KiB on 6.x */
#define DEFAULT_PATH	"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

/*
 * execvp without the /bin/sh fallback: a name without '/' is tried in each PATH
 * entry; EACCES anywhere wins over ENOENT, as in POSIX execvp, so a file that
 * exists but cannot run gives 126 rather than 127.
 */
static long exec_path(char **argv, char **envp)
{
	char buf[EXEC_PATH_MAX];
	const char *name = argv[0], *p;
	size_t nlen = strlen(name);
	long r, seen = -ENOENT;

	for (p = name; *p; p++)
		if (*p == '/')
			return sys_execve(name, argv, envp);
	p = env_get(envp, "PATH");
	if (!p)
		p = DEFAULT_PATH;
	while (*p) {
		const char *end = p;
		size_t dlen;

		while (*end && *end != ':')
			end++;
		dlen = (size_t)(end - p);
		if (dlen + 1 + nlen + 1 <= sizeof(buf)) {
			memcpy(buf, p, dlen);
			buf[dlen] = '/';
			memcpy(buf + dlen + 1, name, nlen + 1);
			r = sys_execve(dlen ? buf : name, argv, envp);
			if (r == -EACCES)
				seen = r;
			else if (r != -ENOENT && r != -ENOTDIR)
				return r;
		}
		p = *end ? end + 1 : end;
	}
	return seen;
}

/*
 * The signals this process has at SIG_IGN, from the SigIgn line of
 * /proc/self/status (16 hex digits); every signal when that cannot be read, so
 * the caller falls back to resetting all 64. Reading it costs 3 syscalls where
 * the blind reset costs 64.
 */
static __u64 ignored_signals(void)
{
	static const char key[] = "\nSigIgn:\t";
	char buf[STATUS_BUF_MAX];
	long fd, n, i, k;
	__u64 mask = 0;

	fd = sys_openat(AT_FDCWD, "/proc/self/status", O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return ~0ULL;
	n = sys_read((int)fd, buf, sizeof(buf));
	sys_close((int)fd);
	for (i = 0; i + (long)sizeof(key) - 1 + 16 <= n; i++) {
		if (memcmp(buf + i, key, sizeof(key) - 1))
			continue;
		for (k = i + (long)sizeof(key) - 1; k < i + (long)sizeof(key) - 1 + 16; k++) {
			unsigned int c = (unsigned char)buf[k], d = c - '0';

			if (d > 9)
				d = (c | 0x20) - 'a' + 10;
			if (d > 15)
				return ~0ULL;
			mask = mask << 4 | d;
		}
		return mask;
	}
	return ~0ULL;
}

/*
 * In the child: a VM workload gets its own session with the console as its
 * controlling terminal; elsewhere its own process group, made the terminal's
 * foreground group when there is a terminal (SIGTTOU is still blocked here, so
 * TIOCSPGRP from the background works). Then every signal back to its default
 * disposition (SIG_IGN survives execve) and an empty mask; then the config's
 * credentials and limits (PID 1 keeps its own privileges to supervise).
 */
static __attribute__((noreturn)) void child_exec(void)
{
	const struct ksigaction dfl = { 0, 0, 0, 0 };
	const __u64 none = 0;
	const char *what;
	__u64 ign;
	int sig;
	long r;

	if (ri.mode == MODE_VM) {
		sys_setsid();
		sys_ioctl(0, TIOCSCTTY, 1);
	} else {
		int pgid = (int)sys_getpid();

		sys_setpgid(0, 0);
		sys_ioctl(0, TIOCSPGRP, (long)&pgid);
	}
	ign = ignored_signals();
	for (sig = 1; sig <= KSIG_MAX; sig++)
		if ((ign & SIGNAL_BIT(sig)) && sig != 9 && sig != 19)	/* KILL, STOP */
			sys_rt_sigaction(sig, &dfl, 0);
	sys_rt_sigprocmask(2 /* SIG_SETMASK */, &none, 0);
	r = creds_apply(ri.conf, &what);
	if (r < 0) {
		log_err("creds", what, r);
		sys_exit_group(EXIT_FATAL);
	}
	if (ri.cwd && (r = sys_chdir(ri.cwd)) < 0) {
		log_err("chdir", ri.cwd, r);
		sys_exit_group(EXIT_FATAL);
	}
	r = exec_path(ri.argv, ri.envp);
	log_err("exec", ri.argv[0], r);
	sys_exit_group(r == -ENOENT || r == -ENOTDIR ? EXIT_NOENT : EXIT_NOEXEC);
}

/* The child's pid, or -errno when fork fails. */
int spawn_workload(void)
{
	long pid;

	log_step("spawn", ri.argv[0]);
	pid = sys_fork();
	if (pid == 0)
		child_exec();
	return (int)pid;
}
