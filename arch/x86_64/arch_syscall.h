/* SPDX-License-Identifier: MIT */
/* x86_64 syscall primitives and ISA constants: the only per-ISA C in rawinit. */
#ifndef ARCH_SYSCALL_H
#define ARCH_SYSCALL_H

#include <asm/unistd.h>

/* A signal handler needs SA_RESTORER: x86_64 has no kernel-side trampoline (start.S has one). */
#define ARCH_SA_RESTORER	0x04000000
#define ARCH_RESTORER		((void *)arch_sigreturn)

/*
 * x86_64 Linux syscall ABI (arch/x86/entry/entry_64.S):
 *   number in rax; arguments in rdi, rsi, rdx, r10, r8, r9 (r10, not rcx: the
 *   `syscall` instruction overwrites rcx with the return rip and r11 with rflags);
 *   result in rax, where -4095..-1 is -errno.
 * Clobbers: rcx, r11, and "memory" because the kernel reads and writes through
 * pointer arguments. Every other register is preserved.
 */
#define SC_ARGS(...)	__asm__ volatile("syscall" : "=a"(r) : "a"(n), ##__VA_ARGS__ \
					 : "rcx", "r11", "memory")
#define R(reg, v)	register long reg __asm__(#reg) = (v)	/* r10, r8, r9: no constraint letter */

static inline long syscall0(long n)
{
	long r;

	SC_ARGS();
	return r;
}

static inline long syscall1(long n, long a)
{
	long r;

	SC_ARGS("D"(a));
	return r;
}

static inline long syscall2(long n, long a, long b)
{
	long r;

	SC_ARGS("D"(a), "S"(b));
	return r;
}

static inline long syscall3(long n, long a, long b, long c)
{
	long r;

	SC_ARGS("D"(a), "S"(b), "d"(c));
	return r;
}

static inline long syscall4(long n, long a, long b, long c, long d)
{
	R(r10, d);
	long r;

	SC_ARGS("D"(a), "S"(b), "d"(c), "r"(r10));
	return r;
}

static inline long syscall5(long n, long a, long b, long c, long d, long e)
{
	R(r10, d); R(r8, e);
	long r;

	SC_ARGS("D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8));
	return r;
}

static inline long syscall6(long n, long a, long b, long c, long d, long e, long f)
{
	R(r10, d); R(r8, e); R(r9, f);
	long r;

	SC_ARGS("D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9));
	return r;
}

/* clone(2) argument order: flags, newsp, parent_tid, child_tid, tls (aarch64 swaps the last two). */
#define ARCH_CLONE(flags, sp, ptid, ctid, tls) \
	syscall5(__NR_clone, (flags), (sp), (ptid), (ctid), (tls))

#endif
