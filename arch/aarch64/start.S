/* SPDX-License-Identifier: MIT */
/* aarch64 process entry: hand the initial stack pointer to generic C. */

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

	.section .note.GNU-stack, "", %progbits
