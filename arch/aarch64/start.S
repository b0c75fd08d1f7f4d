/* SPDX-License-Identifier: MIT */
/* aarch64 process entry: hand the initial stack pointer to generic C; the signal return path. */
#include <asm/unistd.h>

/*
 * At entry (Linux arm64 ELF ABI) sp points at argc, followed by argv[], NULL,
 * envp[], NULL, auxv, and is already 16-byte aligned. The frame pointer and
 * link register are zeroed to end frame chains.
 */
	.text
	.global	_start
	.type	_start, %function
_start:
	mov	x29, #0
	mov	x30, #0
	mov	x0, sp
	bl	rawinit_entry
	brk	#0

/*
 * Where a handler installed with SA_RESTORER returns to: rt_sigreturn puts back
 * the context the kernel saved on the signal stack. arm64 would fall back to
 * the vDSO's trampoline; an explicit one keeps both ISAs the same in C.
 */
	.global	arch_sigreturn
	.type	arch_sigreturn, %function
arch_sigreturn:
	mov	x8, #__NR_rt_sigreturn
	svc	#0
	brk	#0

	.section .note.GNU-stack, "", %progbits
