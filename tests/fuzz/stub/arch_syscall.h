/* SPDX-License-Identifier: MIT */
/* Host stand-in for arch/<isa>/arch_syscall.h: every syscall goes to the fake kernel, none to Linux. */
#ifndef ARCH_SYSCALL_H
#define ARCH_SYSCALL_H

/*
 * Put first on the include path of a host build (-Itests/fuzz/stub), this
 * header takes the place of the real one, so the init's own sys_*() wrappers,
 * unchanged, call fake_syscall() (tests/fuzz/fake_kernel.c): the init's code
 * runs on the host without touching it. Numbers are the host's.
 */
#include <asm/unistd.h>

#define ARCH_SA_RESTORER	0x04000000	/* as x86_64: the fake kernel's arch_sigreturn */
#define ARCH_RESTORER		((void *)arch_sigreturn)

long fake_syscall(long n, long a, long b, long c, long d, long e, long f);

static inline long syscall0(long n)
{ return fake_syscall(n, 0, 0, 0, 0, 0, 0); }
static inline long syscall1(long n, long a)
{ return fake_syscall(n, a, 0, 0, 0, 0, 0); }
static inline long syscall2(long n, long a, long b)
{ return fake_syscall(n, a, b, 0, 0, 0, 0); }
static inline long syscall3(long n, long a, long b, long c)
{ return fake_syscall(n, a, b, c, 0, 0, 0); }
static inline long syscall4(long n, long a, long b, long c, long d)
{ return fake_syscall(n, a, b, c, d, 0, 0); }
static inline long syscall5(long n, long a, long b, long c, long d, long e)
{ return fake_syscall(n, a, b, c, d, e, 0); }
static inline long syscall6(long n, long a, long b, long c, long d, long e, long f)
{ return fake_syscall(n, a, b, c, d, e, f); }

#define ARCH_CLONE(flags, sp, ptid, ctid, tls) \
	syscall5(__NR_clone, (flags), (sp), (ptid), (ctid), (tls))

#endif
