/* SPDX-License-Identifier: MIT */
/* One sys_<name>() per syscall: the raw result, or -errno (no global errno). */
#ifndef SYS_SYSCALLS_H
#define SYS_SYSCALLS_H

#include <arch_syscall.h>	/* arch/<isa>/: syscall0..6, ARCH_CLONE */
#include <asm/signal.h>
#include <linux/capability.h>
#include <linux/resource.h>
#include <linux/time_types.h>
#include <linux/types.h>

#define L(x)	((long)(x))

/* The kernel's sigset_t is one 64-bit word on both ISAs: signals 1..64. */
#define KSIG_SETSIZE	8
#define KSIG_MAX	64

/*
 * The kernel's struct sigaction for rt_sigaction(2). Same layout on x86_64 and
 * aarch64: both define SA_RESTORER, so the restorer slot is present on both.
 */
struct ksigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	__u64 mask;
};

/* The part of siginfo_t rawinit reads; the kernel writes 128 bytes. */
struct ksiginfo {
	int signo;
	int err;
	int code;
	int pad_;
	int pid;		/* si_pid for kill/sigqueue and SIGCHLD */
	int uid;
	char rest_[104];
};

static inline long sys_read(int fd, void *buf, unsigned long n)
{ return syscall3(__NR_read, fd, L(buf), L(n)); }
static inline long sys_write(int fd, const void *buf, unsigned long n)
{ return syscall3(__NR_write, fd, L(buf), L(n)); }
static inline long sys_openat(int dfd, const char *path, int flags, int mode)
{ return syscall4(__NR_openat, dfd, L(path), flags, mode); }
static inline long sys_close(int fd)
{ return syscall1(__NR_close, fd); }
static inline long sys_pipe2(int fds[2], int flags)
{ return syscall2(__NR_pipe2, L(fds), flags); }
static inline long sys_dup3(int oldfd, int newfd, int flags)
{ return syscall3(__NR_dup3, oldfd, newfd, flags); }
static inline long sys_fcntl(int fd, int cmd, long arg)
{ return syscall3(__NR_fcntl, fd, cmd, arg); }
static inline long sys_ioctl(int fd, unsigned long req, long arg)
{ return syscall3(__NR_ioctl, fd, L(req), arg); }
static inline long sys_mkdirat(int dfd, const char *path, int mode)
{ return syscall3(__NR_mkdirat, dfd, L(path), mode); }
static inline long sys_mount(const char *src, const char *dst, const char *type,
			     unsigned long flags, const void *data)
{ return syscall5(__NR_mount, L(src), L(dst), L(type), L(flags), L(data)); }
static inline long sys_chdir(const char *path)
{ return syscall1(__NR_chdir, L(path)); }
/* The length written, NUL included; an unreachable cwd reads "(unreachable)/...". */
static inline long sys_getcwd(char *buf, unsigned long size)
{ return syscall2(__NR_getcwd, L(buf), L(size)); }
/* Linux 5.9. flags 0: close every fd in [first, last]. */
static inline long sys_close_range(unsigned int first, unsigned int last, unsigned int flags)
{ return syscall3(__NR_close_range, first, last, flags); }
static inline long sys_sethostname(const char *name, unsigned long len)
{ return syscall2(__NR_sethostname, L(name), L(len)); }
static inline long sys_setdomainname(const char *name, unsigned long len)
{ return syscall2(__NR_setdomainname, L(name), L(len)); }
static inline long sys_finit_module(int fd, const char *params, int flags)
{ return syscall3(__NR_finit_module, fd, L(params), flags); }
static inline long sys_sync(void)
{ return syscall0(__NR_sync); }
static inline long sys_reboot(unsigned int cmd)
{ return syscall4(__NR_reboot, 0xfee1dead, 672274793, cmd, 0); }

static inline long sys_getpid(void)
{ return syscall0(__NR_getpid); }
static inline long sys_getppid(void)
{ return syscall0(__NR_getppid); }
static inline long sys_setsid(void)
{ return syscall0(__NR_setsid); }
static inline long sys_setpgid(int pid, int pgid)
{ return syscall2(__NR_setpgid, pid, pgid); }
static inline long sys_getpgid(int pid)
{ return syscall1(__NR_getpgid, pid); }
static inline long sys_kill(int pid, int sig)
{ return syscall2(__NR_kill, pid, sig); }
static inline long sys_wait4(int pid, int *status, int options)
{ return syscall4(__NR_wait4, pid, L(status), options, 0); }
static inline long sys_prctl(int op, long a, long b, long c, long d)
{ return syscall5(__NR_prctl, op, a, b, c, d); }
static inline long sys_umask(int mask)
{ return syscall1(__NR_umask, mask); }
static inline long sys_prlimit64(int pid, unsigned int res, const struct rlimit64 *new_lim,
				 struct rlimit64 *old)
{ return syscall4(__NR_prlimit64, pid, res, L(new_lim), L(old)); }

/*
 * Credentials: the 32-bit-id calls of the generic table (x86_64's setgroups and
 * setres*id take 32-bit ids too; the 16-bit ones exist only for i386).
 * (__u32)-1 means "unchanged" to setres*id: callers must not pass it by accident.
 */
static inline long sys_setgroups(unsigned int n, const __u32 *gids)
{ return syscall2(__NR_setgroups, n, L(gids)); }
static inline long sys_setresgid(__u32 r, __u32 e, __u32 s)
{ return syscall3(__NR_setresgid, r, e, s); }
static inline long sys_setresuid(__u32 r, __u32 e, __u32 s)
{ return syscall3(__NR_setresuid, r, e, s); }
/* Version 3: data points at two structs, capabilities 0..31 then 32..63. */
static inline long sys_capget(struct __user_cap_header_struct *h, struct __user_cap_data_struct *d)
{ return syscall2(__NR_capget, L(h), L(d)); }
static inline long sys_capset(struct __user_cap_header_struct *h,
			      const struct __user_cap_data_struct *d)
{ return syscall2(__NR_capset, L(h), L(d)); }

static inline long sys_execve(const char *path, char *const argv[], char *const envp[])
{ return syscall3(__NR_execve, L(path), L(argv), L(envp)); }
static inline __attribute__((noreturn)) void sys_exit_group(int status)
{
	for (;;)
		syscall1(__NR_exit_group, status);
}

/* fork(): clone with only the exit signal; no stack or tid arguments. */
static inline long sys_fork(void)
{ return ARCH_CLONE(SIGCHLD, 0, 0, 0, 0); }

static inline long sys_rt_sigprocmask(int how, const __u64 *set, __u64 *old)
{ return syscall4(__NR_rt_sigprocmask, how, L(set), L(old), KSIG_SETSIZE); }
static inline long sys_rt_sigaction(int sig, const struct ksigaction *act,
				    struct ksigaction *old)
{ return syscall4(__NR_rt_sigaction, sig, L(act), L(old), KSIG_SETSIZE); }
/* The stack a handler with SA_ONSTACK runs on (the crash guard's). */
static inline long sys_sigaltstack(const void *ss, void *old)
{ return syscall2(__NR_sigaltstack, L(ss), L(old)); }
static inline long sys_rt_sigtimedwait(const __u64 *set, struct ksiginfo *info,
				       const struct __kernel_timespec *timeout)
{ return syscall4(__NR_rt_sigtimedwait, L(set), L(info), L(timeout), KSIG_SETSIZE); }
static inline long sys_clock_gettime(int clock, struct __kernel_timespec *ts)
{ return syscall2(__NR_clock_gettime, clock, L(ts)); }

/* Sockets: the direct calls of the generic table (aarch64 has no socketcall). */
static inline long sys_socket(int domain, int type, int protocol)
{ return syscall3(__NR_socket, domain, type, protocol); }
static inline long sys_bind(int fd, const void *addr, int addrlen)
{ return syscall3(__NR_bind, fd, L(addr), addrlen); }
static inline long sys_getsockname(int fd, void *addr, int *addrlen)
{ return syscall3(__NR_getsockname, fd, L(addr), L(addrlen)); }
static inline long sys_setsockopt(int fd, int level, int name, const void *val, int len)
{ return syscall5(__NR_setsockopt, fd, level, name, L(val), len); }
static inline long sys_sendto(int fd, const void *buf, unsigned long n, int flags,
			      const void *addr, int addrlen)
{ return syscall6(__NR_sendto, fd, L(buf), L(n), flags, L(addr), addrlen); }
static inline long sys_recvfrom(int fd, void *buf, unsigned long n, int flags,
				void *addr, int *addrlen)
{ return syscall6(__NR_recvfrom, fd, L(buf), L(n), flags, L(addr), L(addrlen)); }

#undef L
#endif
