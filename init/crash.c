// SPDX-License-Identifier: MIT
/* The last line of defence in a VM: a fault in PID 1 itself ends in a line, the exit record and a power-off. */
#include <asm/signal.h>
#include "../sys/syscalls.h"
#include "rawinit.h"

#define CRASH_STACK_SIZE	16384	/* arm64's frame alone can take 4.5 KiB (SIGSTKSZ is 16 KiB with SVE) */

/* The signals a fault of PID 1's own code raises (SIGTRAP: arm64's brk, __builtin_trap). */
#define CRASH_SET	(SIGNAL_BIT(SIGSEGV) | SIGNAL_BIT(SIGBUS) | SIGNAL_BIT(SIGILL) | \
			 SIGNAL_BIT(SIGFPE) | SIGNAL_BIT(SIGTRAP))

/* The kernel's stack_t: the same layout on both ISAs. */
struct kstack {
	void *sp;
	int flags;
	unsigned long size;
};

void arch_sigreturn(void);	/* x86_64's start.S: ARCH_RESTORER */

static char crash_stack[CRASH_STACK_SIZE] __attribute__((aligned(16)));

/*
 * si_code > 0 is the kernel reporting a fault; <= 0 (SI_USER, SI_QUEUE,
 * SI_TKILL) is a process sending the signal: not a crash, handled by the policy. In the workload's
 * child the fault is its own: with the default action back, returning re-runs
 * the faulting instruction, which then ends that process.
 */
static void crash_handler(int sig, struct ksiginfo *si, void *uc)
{
	const struct ksigaction dfl = { 0, 0, 0, 0 };

	(void)uc;
	if (si->code <= 0) {	/* sent by a process: a signal like any other */
		supervise_caught(sig, si);
		return;
	}
	if (sys_getpid() != 1) {
		sys_rt_sigaction(sig, &dfl, 0);
		return;
	}
	log_line("crashed signal=", sig);
	finish(EXIT_FATAL << 8);
}

/*
 * A fault with its signal blocked or at SIG_DFL kills the task, and PID 1's
 * death panics the kernel (force_sig_info_to_task clears SIGNAL_UNKILLABLE).
 * So these signals get a handler on a stack of its own (the faulting one may
 * be what broke) and are unblocked; every other signal stays blocked for
 * rt_sigtimedwait. Only a VM's PID 1: elsewhere a crash ends one process,
 * whose parent sees it.
 */
void crash_guard(void)
{
	const struct kstack ss = { crash_stack, 0, sizeof(crash_stack) };
	const struct ksigaction sa = {
		.handler = (void *)crash_handler,
		.flags = SA_SIGINFO | SA_ONSTACK | ARCH_SA_RESTORER,
		.restorer = ARCH_RESTORER,	/* arch_syscall.h: a trampoline, or none */
		.mask = ~0ULL,
	};
	const __u64 set = CRASH_SET;
	int sig;

	if (ri.mode != RC_MODE_VM || sys_sigaltstack(&ss, 0) < 0)
		return;
	for (sig = 1; sig <= KSIG_MAX; sig++)
		if ((CRASH_SET & SIGNAL_BIT(sig)) && sys_rt_sigaction(sig, &sa, 0) < 0)
			return;
	sys_rt_sigprocmask(SIG_UNBLOCK, &set, 0);
}
