/* SPDX-License-Identifier: MIT */
/* x86_64 process entry: hand the initial stack pointer to generic C. */

/*
 * At entry (System V x86_64 ABI, 3.4.1) rsp points at argc, followed by argv[],
 * NULL, envp[], NULL, auxv. rbp is zeroed to end frame chains; the stack is
 * realigned to 16 bytes before the call, as the C ABI requires.
 */
	.text
	.global	_start
	.type	_start, @function
_start:
	xor	%ebp, %ebp
	mov	%rsp, %rdi
	and	$-16, %rsp
	call	rawinit_entry
	hlt

	.section .note.GNU-stack, "", @progbits
