/* SPDX-License-Identifier: MIT */
/* aarch64 syscall primitives and ISA constants: the only per-ISA C in rawinit. */
#ifndef ARCH_SYSCALL_H
#define ARCH_SYSCALL_H

#include <asm/unistd.h>

/* No SA_RESTORER needed: a signal handler returns through the vDSO's sigtramp. */
#define ARCH_SA_RESTORER	0
#define ARCH_RESTORER		((void *)0)

/*
 * aarch64 Linux syscall ABI (arch/arm64/kernel/entry-common.c):
 *   number in x8; arguments in x0..x5; `svc #0`; result in x0, where
 *   -4095..-1 is -errno.
 * Clobbers: none but x0 (the result) and "memory" because the kernel reads and
 * writes through pointer arguments. All other registers are preserved.
 */
#define SC_ARGS(...)	__asm__ volatile("svc #0" : "=r"(x0) : __VA_ARGS__ : "memory")
#define R(reg, v)	register long reg __asm__(#reg) = (v)	/* an "r" operand then names reg */

static inline long syscall0(long n)
{
	R(x8, n);
	register long x0 __asm__("x0");

	SC_ARGS("r"(x8));
	return x0;
}

static inline long syscall1(long n, long a)
{
	R(x8, n); R(x0, a);

	SC_ARGS("r"(x8), "0"(x0));
	return x0;
}

static inline long syscall2(long n, long a, long b)
{
	R(x8, n); R(x0, a); R(x1, b);

	SC_ARGS("r"(x8), "0"(x0), "r"(x1));
	return x0;
}

static inline long syscall3(long n, long a, long b, long c)
{
	R(x8, n); R(x0, a); R(x1, b); R(x2, c);

	SC_ARGS("r"(x8), "0"(x0), "r"(x1), "r"(x2));
	return x0;
}

static inline long syscall4(long n, long a, long b, long c, long d)
{
	R(x8, n); R(x0, a); R(x1, b); R(x2, c); R(x3, d);

	SC_ARGS("r"(x8), "0"(x0), "r"(x1), "r"(x2), "r"(x3));
	return x0;
}

static inline long syscall5(long n, long a, long b, long c, long d, long e)
{
	R(x8, n); R(x0, a); R(x1, b); R(x2, c); R(x3, d); R(x4, e);

	SC_ARGS("r"(x8), "0"(x0), "r"(x1), "r"(x2), "r"(x3), "r"(x4));
	return x0;
}

static inline long syscall6(long n, long a, long b, long c, long d, long e, long f)
{
	R(x8, n); R(x0, a); R(x1, b); R(x2, c); R(x3, d); R(x4, e); R(x5, f);

	SC_ARGS("r"(x8), "0"(x0), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5));
	return x0;
}

/* clone(2) argument order (CONFIG_CLONE_BACKWARDS): flags, newsp, parent_tid, tls, child_tid. */
#define ARCH_CLONE(flags, sp, ptid, ctid, tls) \
	syscall5(__NR_clone, (flags), (sp), (ptid), (tls), (ctid))

#endif
