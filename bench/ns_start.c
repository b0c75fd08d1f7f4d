// SPDX-License-Identifier: MIT
/* Bench helper: start a command as PID 1 of fresh namespaces, stamping the clock just before its execve. */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

/*
 * Usage: ns_start [-k] COMMAND [ARG...]
 *
 * As build/host/nsparent: the child is cloned into new mount, pid, uts, ipc and
 * net namespaces (-k keeps the caller's net namespace, so `ip netns exec NS
 * ns_start -k ...` hands the command a namespace holding a prepared veth peer),
 * closes every fd above 2 and execs COMMAND. Its last act before execve is to
 * read CLOCK_MONOTONIC into a page shared with the parent. After the child is
 * reaped the parent prints one line on stdout:
 *   T0_NS WALL_NS STATUS
 * T0_NS is that stamp; WALL_NS runs from before clone to the return of waitpid;
 * STATUS is the exit status (128+N for signal N). The workload bench/stamp.c
 * prints its own first-instruction stamp on the same clock, before this line.
 */
#define STACK_SIZE	(256 * 1024)

static char stack[STACK_SIZE] __attribute__((aligned(16)));
static char **cmd;
static volatile long long *t0;

static long long now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int child(void *arg)
{
	(void)arg;
	close_range(3, ~0U, 0);
	*t0 = now();
	execv(cmd[0], cmd);
	perror(cmd[0]);
	_exit(127);
}

int main(int argc, char **argv)
{
	int flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNET;
	int st, keep = argc > 1 && !strcmp(argv[1], "-k");
	long long start, end;
	pid_t pid;

	cmd = argv + 1 + keep;
	if (!*cmd) {
		fprintf(stderr, "usage: ns_start [-k] COMMAND [ARG...]\n");
		return 2;
	}
	if (keep)
		flags &= ~CLONE_NEWNET;
	t0 = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (t0 == MAP_FAILED)
		return perror("mmap"), 1;
	fflush(stdout);
	start = now();
	pid = clone(child, stack + sizeof(stack), flags | SIGCHLD, 0);
	if (pid < 0)
		return perror("clone"), 1;
	if (waitpid(pid, &st, 0) < 0)
		return perror("waitpid"), 1;
	end = now();
	st = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	printf("%lld %lld %d\n", *t0, end - start, st);
	return st;
}
