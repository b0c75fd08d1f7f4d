/* SPDX-License-Identifier: MIT */
/* aarch64 syscall primitives and ISA constants: the only per-ISA C in rawinit. */
#ifndef ARCH_SYSCALL_H
#define ARCH_SYSCALL_H

#include <asm/unistd.h>
#include <linux/audit.h>

#define ARCH_NAME	"aarch64"
#define ARCH_AUDIT	AUDIT_ARCH_AARCH64	/* seccomp_data.arch on this ISA */

/*
 * aarch64 Linux syscall ABI (arch/arm64/kernel/entry-common.c):
 *   number in x8; arguments in x0..x5; `svc #0`; result in x0, where
 *   -4095..-1 is -errno.
 * Clobbers: none but x0 (the result) and "memory" because the kernel reads and
 * writes through pointer arguments. All other registers are preserved.
 */
#define SC_ARGS(...)	__asm__ volatile("svc #0" : "=r"(x0) : __VA_ARGS__ : "memory")

static inline long syscall0(long n)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0");

	SC_ARGS("r"(x8));
	return x0;
}

static inline long syscall1(long n, long a)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;

	SC_ARGS("r"(x8), "0"(x0));
	return x0;
}

static inline long syscall2(long n, long a, long b)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;

	SC_ARGS("r"(x8), "0"(x0), "r"(x1));
	return x0;
}

static inline long syscall3(long n, long a, long b, long c)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;

	SC_ARGS("r"(x8), "0"(x0), "r"(x1), "r"(x2));
	return x0;
}

static inline long syscall4(long n, long a, long b, long c, long d)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	register long x3 __asm__("x3") = d;

	SC_ARGS("r"(x8), "0"(x0), "r"(x1), "r"(x2), "r"(x3));
	return x0;
}

static inline long syscall5(long n, long a, long b, long c, long d, long e)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	register long x3 __asm__("x3") = d;
	register long x4 __asm__("x4") = e;

	SC_ARGS("r"(x8), "0"(x0), "r"(x1), "r"(x2), "r"(x3), "r"(x4));
	return x0;
}

static inline long syscall6(long n, long a, long b, long c, long d, long e, long f)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	register long x3 __asm__("x3") = d;
	register long x4 __asm__("x4") = e;
	register long x5 __asm__("x5") = f;

	SC_ARGS("r"(x8), "0"(x0), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5));
	return x0;
}

/*
 * clone(2) argument order on aarch64 (CONFIG_CLONE_BACKWARDS):
 * flags, newsp, parent_tid, tls, child_tid.
 */
#define ARCH_CLONE(flags, sp, ptid, ctid, tls) \
	syscall5(__NR_clone, (flags), (sp), (ptid), (tls), (ctid))

#endif
