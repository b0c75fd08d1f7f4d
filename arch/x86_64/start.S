/* SPDX-License-Identifier: MIT */
/* x86_64 process entry: hand the initial stack pointer to generic C; the signal return path. */
#include <asm/unistd.h>

/* At entry (System V x86_64 ABI, 3.4.1) rsp points at argc, argv[], NULL, envp[], NULL, auxv.
 * rbp is zeroed to end frame chains; the stack realigned to 16 bytes, as the C ABI requires. */
	.text
	.global	_start
	.type	_start, @function
_start:
	xor	%ebp, %ebp
	mov	%rsp, %rdi
	and	$-16, %rsp
	call	rawinit_entry
	hlt

/* The crash guard's SA_RESTORER: rt_sigreturn puts back the context saved on the signal stack. */
	.global	arch_sigreturn
	.type	arch_sigreturn, @function
arch_sigreturn:
	mov	$__NR_rt_sigreturn, %eax
	syscall
	hlt

	.section .note.GNU-stack, "", @progbits
