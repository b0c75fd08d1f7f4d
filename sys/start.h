/* SPDX-License-Identifier: MIT */
/* The entry contract: every freestanding program here defines main(). */
#ifndef SYS_START_H
#define SYS_START_H

int main(int argc, char **argv, char **envp);
__attribute__((noreturn)) void rawinit_entry(long *sp);

#endif
