/* SPDX-License-Identifier: MIT */
/* A kernel without side effects, under the init's own code on the host: the fuzzer's and the unit tests'. */
#ifndef TESTS_FAKE_KERNEL_H
#define TESTS_FAKE_KERNEL_H

#include <setjmp.h>

/*
 * Every call succeeds as far as the init can tell, so each step goes on to read
 * all of its config records; what the init hands the kernel (paths, buffers,
 * argv, netlink requests) is read in full, so ASan sees any length that
 * overshoots. Files: the config at FAKE_CONF_PATH, /etc/passwd and /etc/group
 * made up to hold the config's user and group, /proc/self/status; the rest
 * read as empty. Netlink answers with ACKs and links (by name, or one per
 * configured MAC). The machine decides what getpid and reboot(CAD_OFF) say,
 * hence the mode the init detects. fork returns 0: the run continues in the
 * child, which ends in execve (always ENOENT, after every PATH entry).
 * Built with -DFAKE_DEBUG, it prints each call on stderr.
 */
enum fake_machine { FAKE_VM, FAKE_CONTAINER, FAKE_SUBREAPER };

#define FAKE_CONF_PATH	"/etc/rawinit.conf"

/* Why a run ended: exit_group, a shutdown reboot, a SIGKILL to itself, a wait that would block. */
enum fake_end_why { FAKE_EXIT = 1, FAKE_REBOOT, FAKE_KILLED, FAKE_BLOCKED };

struct fake_end {
	jmp_buf jmp;		/* setjmp it before calling the init; fake_syscall longjmps with the why */
	long status;		/* exit status, or the reboot command */
};
extern struct fake_end fake_end;

/* Forget every fd and answer; the config file holds these bytes (not copied: keep them alive). */
void fake_reset(enum fake_machine m, const void *conf, unsigned long conf_len);

/* Undo what fake_reset and the last run did to ASan's view of the init's buffers. */
void fake_release(void);

long fake_syscall(long n, long a, long b, long c, long d, long e, long f);

#endif
