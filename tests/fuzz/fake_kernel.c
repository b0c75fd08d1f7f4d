// SPDX-License-Identifier: MIT
/* The fake kernel behind tests/fuzz/stub/arch_syscall.h: fds, processes, credentials; no side effects. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <asm/unistd.h>
#include <linux/capability.h>
#include <linux/prctl.h>
#include <linux/reboot.h>
#include "fake_priv.h"

#define FAKE_CALLS_MAX	100000		/* syscalls in one run: more is a hang */
#define RLIMIT64_SIZE	16		/* struct rlimit64: <linux/resource.h> clashes with glibc's */
#define SIGKILL_NR	9

struct fake k;
struct fake_end fake_end;

/* The crash guard's SA_RESTORER (arch/<isa>/start.S): never called, the fake kernel delivers no signal. */
void arch_sigreturn(void)
{
}

void fake_reset(enum fake_machine m, const void *conf, unsigned long conf_len)
{
	unsigned int i;

	fake_release();
	memset(&k, 0, sizeof(k));
	for (i = 0; i <= 2; i++)
		k.fd[i].kind = K_OPEN;
	k.machine = m;
	k.conf = conf;
	k.conf_len = conf_len;
	k.pid = m == FAKE_SUBREAPER ? 4000 : 1;
	k.ppid = m == FAKE_SUBREAPER ? 3999 : 0;
	fake_end.status = 0;
}

void fake_stop(enum fake_end_why why, long status)
{
	fake_end.status = status;
	longjmp(fake_end.jmp, why);
}

void touch(const void *p, unsigned long n)
{
	const volatile unsigned char *b = p;
	unsigned long i;
	unsigned char sum = 0;

	for (i = 0; i < n; i++)
		sum ^= b[i];
	(void)sum;
}

unsigned long touch_str(const void *s)
{
	return s ? strlen(s) : 0;
}

long fd_new(enum kind kind, const char *data, unsigned long len)
{
	long i;

	for (i = 3; i < FAKE_FDS; i++)
		if (k.fd[i].kind == K_FREE) {
			k.fd[i] = (struct file){ kind, data, len, 0 };
			return i;
		}
	return -EMFILE;
}

struct file *fd_get(long fd)
{
	return fd >= 0 && fd < FAKE_FDS && k.fd[fd].kind != K_FREE ? &k.fd[fd] : 0;
}

static long fd_call(long n, const long *arg)
{
	long i;

	if (n == __NR_dup3)
		return fd_get(arg[0]) && arg[1] >= 0 && arg[1] < FAKE_FDS ?
		       (k.fd[arg[1]] = k.fd[arg[0]], arg[1]) : -EBADF;
	if (n == __NR_close_range) {
		for (i = arg[0]; i < FAKE_FDS && i <= (long)(unsigned int)arg[1]; i++)
			k.fd[i].kind = K_FREE;
		return 0;
	}
	if (!fd_get(arg[0]))	/* close */
		return -EBADF;
	k.fd[arg[0]].kind = K_FREE;
	return 0;
}

static long do_prctl(long op, long a)
{
	switch (op) {
	case PR_GET_PDEATHSIG:
		*(int *)a = 0;
		return 0;
	case PR_CAPBSET_DROP:
		return a > RC_CAP_LAST ? -EINVAL : 0;
	case PR_CAPBSET_READ:
		return a > RC_CAP_LAST ? -EINVAL : 1;
	default:
		return 0;
	}
}

static long do_execve(const char *path, char *const *argv, char *const *envp)
{
	touch_str(path);
	while (*argv)
		touch_str(*argv++);
	while (*envp)
		touch_str(*envp++);
	return -ENOENT;
}

/* Processes, signals, credentials, names: what the init asks of itself and its child. */
static long proc_call(long n, const long *arg)
{
	switch (n) {
	case __NR_getpid:
	case __NR_setsid:
		return k.pid;
	case __NR_getppid:
		return k.ppid;
	case __NR_pipe2:	/* the workload's gate: its read end gives the go-ahead */
		((int *)arg[0])[0] = (int)fd_new(K_OPEN, 0, 0);
		((int *)arg[0])[1] = (int)fd_new(K_OPEN, 0, 0);
		return 0;
	case __NR_clone:	/* fork: go on as the child */
		k.ppid = k.pid++;
		return 0;
	case __NR_execve:
		return do_execve((const char *)arg[0], (char *const *)arg[1], (char *const *)arg[2]);
	case __NR_exit_group:
	case __NR_exit:
		fake_stop(FAKE_EXIT, arg[0]);
	case __NR_reboot:
		if (arg[2] == LINUX_REBOOT_CMD_CAD_OFF)
			return k.machine == FAKE_VM ? 0 : -EINVAL;
		fake_stop(FAKE_REBOOT, arg[2]);
	case __NR_kill:
		if (arg[1] == SIGKILL_NR && (arg[0] == k.pid || !arg[0]))
			fake_stop(FAKE_KILLED, SIGKILL_NR);
		return 0;
	case __NR_rt_sigtimedwait:
		fake_stop(FAKE_BLOCKED, 0);
	case __NR_wait4:
		return -ECHILD;
	case __NR_prctl:
		return do_prctl(arg[0], arg[1]);
	case __NR_prlimit64:
		if (arg[2])
			touch((const void *)arg[2], RLIMIT64_SIZE);
		return 0;
	case __NR_setgroups:
		touch((const void *)arg[1], (unsigned long)arg[0] * 4);
		return 0;
	case __NR_capget:
		memset((void *)arg[1], 0, 2 * sizeof(struct __user_cap_data_struct));
		return 0;
	case __NR_capset:
		touch((const void *)arg[1], 2 * sizeof(struct __user_cap_data_struct));
		return 0;
	case __NR_sethostname:
	case __NR_setdomainname:
		touch((const void *)arg[0], (unsigned long)arg[1]);
		return 0;
	case __NR_clock_gettime:
		memset((void *)arg[1], 0, 16);
		return 0;
	case __NR_umask:
		return 022;
	case __NR_ioctl:
	case __NR_fcntl:
	case __NR_setpgid:
	case __NR_sync:
	case __NR_setresuid:
	case __NR_setresgid:
	case __NR_rt_sigaction:
	case __NR_rt_sigprocmask:
	case __NR_sigaltstack:
		return 0;
	default:
		return -ENOSYS;
	}
}

long fake_syscall(long n, long a, long b, long c, long d, long e, long f)
{
	const long arg[6] = { a, b, c, d, e, f };
	long r;

#ifdef FAKE_DEBUG
	fprintf(stderr, "fake: %ld(%lx, %lx, %lx)%s%s\n", n, a, b, c, n == __NR_write ? " " : "",
		n == __NR_write ? (const char *)b : "");
#endif
	if (++k.calls > FAKE_CALLS_MAX)
		__builtin_trap();	/* the init loops: a hang is a finding too */
	if (n == __NR_close || n == __NR_close_range || n == __NR_dup3)
		return fd_call(n, arg);
	if ((r = fake_fs(n, arg)) != FAKE_UNHANDLED || (r = fake_net(n, arg)) != FAKE_UNHANDLED)
		return r;
	return proc_call(n, arg);
}
