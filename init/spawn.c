// SPDX-License-Identifier: MIT
/* Start the workload: as a child, or in place in exec mode; the last steps before its execve. */
#include <asm/errno.h>
#include <asm/ioctls.h>
#include <linux/fcntl.h>
#include "../sys/syscalls.h"
#include "../sys/mem.h"
#include "rawinit.h"
#include "conf.h"

#define EXEC_PATH_MAX	4096	/* PATH_MAX: one candidate path dir/name */
#define STATUS_BUF_MAX	4096	/* /proc/self/status is about 1.5 KiB on 6.x */
#define GATE_GO		'G'	/* PID 1 to the workload's child: privileges shed, exec */
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
 * /proc/self/status (16 hex digits); every signal when that cannot be read, or
 * is not procfs's (a file on a tmpfs over /proc would leave signals ignored),
 * so the caller falls back to resetting all 64. Reading it costs 4 syscalls
 * where the blind reset costs 64.
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
	n = procfs_check((int)fd) < 0 ? -ENODEV : sys_read((int)fd, buf, sizeof(buf));
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
 * The workload's child waits, just before its execve, until PID 1 has shed
 * its capabilities: one byte, then EOF. Without the byte (PID 1 failed and is
 * about to kill us, or is gone) the workload must not run. Exec mode: no gate.
 */
static long gate_wait(void)
{
	char c = 0;
	long n;

	if (ri.gate_fd < 0)
		return 0;
	do
		n = sys_read(ri.gate_fd, &c, 1);
	while (n == -EINTR);
	return n < 0 ? n : n == 1 && c == GATE_GO ? 0 : -EPIPE;
}

/* A failure in the workload's process: the child reports and exits; exec mode ends in fatal(). */
static __attribute__((noreturn)) void exec_fail(const char *step, const char *what, long err,
						 int code)
{
	if (ri.exec)
		fatal(step, what, err, code);
	log_err(step, what, err);
	sys_exit_group(code);
}

/*
 * The workload's session (DESIGN.md step 4, its side). In a VM, or with a
 * console or `terminal` configured, its own session with fd 0 as controlling
 * terminal (a VM's console is PID 1's to take: steal it; elsewhere never
 * steal). A console that is no terminal (a file, /dev/null) is fine; `terminal`
 * without one is not. Else a supervised workload gets its own process group,
 * made the terminal's foreground group when there is one (SIGTTOU is still
 * blocked, so TIOCSPGRP from the background works); in exec mode the process
 * group stays as the parent made it.
 */
static void session_take(void)
{
	const struct rc_process *p = ri.conf ? CONF_ONE(ri.conf, RC_SEC_PROCESS,
							struct rc_process) : 0;
	int terminal = p && (p->flags & RC_PROC_TERMINAL), pgid;
	long r;

	if (ri.mode == MODE_VM || ri.console || terminal) {
		sys_setsid();
		r = sys_ioctl(0, TIOCSCTTY, ri.mode == MODE_VM);
		if (r < 0 && (terminal || (ri.console && r != -ENOTTY)))
			exec_fail("terminal", ri.console ? ri.console : "fd 0", r, EXIT_FATAL);
	} else if (!ri.exec) {
		pgid = (int)sys_getpid();
		sys_setpgid(0, 0);
		sys_ioctl(0, TIOCSPGRP, (long)&pgid);
	}
}

/*
 * The end of the setup sequence, in the process that execs the workload (the
 * child in supervised modes, rawinit itself in exec mode), in DESIGN.md's
 * order: its session (4); every signal back to its default disposition
 * (SIG_IGN survives execve) and an empty mask; LSM labels (7, before the
 * credentials as runc does); the credentials and limits (8, PID 1 keeps its
 * own), the working directory, checked to be inside the root; the parent
 * death signal back and the parent still there (9); no fd above 2 (10: an
 * argv[0] or cwd of /proc/self/fd/N can then name nothing leaked); execve.
 */
__attribute__((noreturn)) void workload_exec(void)
{
	const struct ksigaction dfl = { 0, 0, 0, 0 };
	const __u64 none = 0;
	const char *step, *what;
	__u64 ign;
	int sig;
	long r;

	session_take();
	ign = ignored_signals();
	for (sig = 1; sig <= KSIG_MAX; sig++)
		if ((ign & SIGNAL_BIT(sig)) && sig != 9 && sig != 19)	/* KILL, STOP */
			sys_rt_sigaction(sig, &dfl, 0);
	sys_rt_sigprocmask(2 /* SIG_SETMASK */, &none, 0);
	if ((r = lsm_apply(ri.conf, &step, &what)) < 0)
		exec_fail(step, what, r, EXIT_FATAL);
	if ((r = creds_apply(ri.conf, &what)) < 0)
		exec_fail("creds", what, r, EXIT_FATAL);
	if ((r = cwd_enter(&step, &what)) < 0)
		exec_fail(step, what, r, EXIT_FATAL);
	if ((r = parent_check()) < 0) {
		log_err("parent", "gone before exec", r);
		sys_kill((int)sys_getpid(), 9 /* SIGKILL */);
		sys_exit_group(EXIT_FATAL);	/* PID 1 of a namespace cannot SIGKILL itself */
	}
	if ((r = gate_wait()) < 0)
		exec_fail("supervisor", "no go-ahead", r, EXIT_FATAL);
	if ((r = sys_close_range(3, ~0U, 0)) < 0)
		exec_fail("close_range", "3..", r, EXIT_FATAL);
	r = exec_path(ri.argv, ri.envp);
	exec_fail("exec", ri.argv[0], r, r == -ENOENT || r == -ENOTDIR ? EXIT_NOENT : EXIT_NOEXEC);
}

/*
 * The supervised modes: PID 1 closes every fd above 2 (whatever its parent
 * leaked stays unreadable through /proc/1/fd), forks, drops the capabilities
 * supervision does not use, then lets the child exec (the gate). A workload
 * that can ptrace PID 1 thus never meets it privileged. A failed drop kills
 * the child before it has run anything. The child's pid, or -errno.
 */
int spawn_workload(void)
{
	int self = (int)sys_getpid(), gate[2];
	const char *what;
	long pid, r;

	log_step("spawn", ri.argv[0]);
	r = sys_close_range(3, ~0U, 0);
	if (r >= 0)
		r = sys_pipe2(gate, O_CLOEXEC);
	if (r < 0)
		return (int)r;
	pid = sys_fork();
	if (pid == 0) {
		ri.ppid = self;		/* the child's parent is rawinit, */
		ri.pdeathsig = 0;	/* and fork cleared the signal */
		ri.gate_fd = gate[0];
		sys_close(gate[1]);
		workload_exec();
	}
	sys_close(gate[0]);
	r = pid < 0 ? pid : supervisor_shed(&what);
	if (r < 0 && pid > 0) {
		sys_kill((int)pid, 9 /* SIGKILL */);
		sys_wait4((int)pid, 0, 0);
		fatal("supervisor", what, r, EXIT_FATAL);
	}
	if (r >= 0)
		sys_write(gate[1], &(char){ GATE_GO }, 1);
	sys_close(gate[1]);
	return (int)pid;
}
