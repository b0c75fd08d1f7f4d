/* SPDX-License-Identifier: MIT */
/* x86_64 syscall primitives and ISA constants: the only per-ISA C in rawinit. */
#ifndef ARCH_SYSCALL_H
#define ARCH_SYSCALL_H

#include <asm/unistd.h>
#include <linux/audit.h>

#define ARCH_NAME	"x86_64"
#define ARCH_AUDIT	AUDIT_ARCH_X86_64	/* seccomp_data.arch on this ISA */

/*
 * x86_64 Linux syscall ABI (arch/x86/entry/entry_64.S):
 *   number in rax; arguments in rdi, rsi, rdx, r10, r8, r9 (r10, not rcx: the
 *   `syscall` instruction overwrites rcx with the return rip and r11 with rflags);
 *   result in rax, where -4095..-1 is -errno.
 * Clobbers: rcx, r11, and "memory" because the kernel reads and writes through
 * pointer arguments. Every other register is preserved.
 */
static inline long syscall0(long n)
{
	long r;

	__asm__ volatile("syscall" : "=a"(r) : "a"(n) : "rcx", "r11", "memory");
	return r;
}

static inline long syscall1(long n, long a)
{
	long r;

	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a) : "rcx", "r11", "memory");
	return r;
}

static inline long syscall2(long n, long a, long b)
{
	long r;

	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b)
			 : "rcx", "r11", "memory");
	return r;
}

static inline long syscall3(long n, long a, long b, long c)
{
	long r;

	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return r;
}

static inline long syscall4(long n, long a, long b, long c, long d)
{
	register long r10 __asm__("r10") = d;
	long r;

	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10)
			 : "rcx", "r11", "memory");
	return r;
}

static inline long syscall5(long n, long a, long b, long c, long d, long e)
{
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	long r;

	__asm__ volatile("syscall" : "=a"(r)
			 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8)
			 : "rcx", "r11", "memory");
	return r;
}

static inline long syscall6(long n, long a, long b, long c, long d, long e, long f)
{
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	long r;

	__asm__ volatile("syscall" : "=a"(r)
			 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return r;
}

/*
 * clone(2) argument order on x86_64: flags, newsp, parent_tid, child_tid, tls
 * (aarch64 swaps the last two: CONFIG_CLONE_BACKWARDS).
 */
#define ARCH_CLONE(flags, sp, ptid, ctid, tls) \
	syscall5(__NR_clone, (flags), (sp), (ptid), (ctid), (tls))

#endif
