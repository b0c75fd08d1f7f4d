// SPDX-License-Identifier: MIT
/* Bench helper: SIGTERM to an init as PID 1 of a fresh pid namespace, until it has exited. */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

/*
 * Usage: sig_time ROUNDS WARMUP COMM INIT [ARG...]
 *
 * Each round clones INIT as PID 1 of a new pid namespace (its workload given in
 * ARG..., a `sleep` at default dispositions), waits until the workload's execve
 * is done (its /proc comm reads COMM), then times on CLOCK_MONOTONIC
 * from kill(INIT, SIGTERM) to the return of waitpid(): the forward, the
 * workload's death, the reap and the init's own exit. The first WARMUP rounds
 * are discarded. Output: MEDIAN_US P10_US P90_US FAILED_RUNS.
 */
#define WAIT_POLL_US	200
#define WAIT_MAX_US	5000000

static long long now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

/* 1 once pid's first child has exec'd `comm`, 0 after WAIT_MAX_US. */
static int workload_running(pid_t pid, const char *comm)
{
	char path[96], buf[64];
	FILE *f;
	int waited, child, ok;

	for (waited = 0; waited < WAIT_MAX_US; waited += WAIT_POLL_US, usleep(WAIT_POLL_US)) {
		snprintf(path, sizeof(path), "/proc/%d/task/%d/children", pid, pid);
		f = fopen(path, "r");
		if (!f)
			continue;
		ok = fscanf(f, "%d", &child) == 1;
		fclose(f);
		if (!ok)
			continue;
		snprintf(path, sizeof(path), "/proc/%d/comm", child);
		f = fopen(path, "r");
		if (!f)
			continue;
		ok = fgets(buf, sizeof(buf), f) && !strncmp(buf, comm, strlen(comm));
		fclose(f);
		if (ok)
			return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int rounds, warmup, i, n = 0, failed = 0, st;
	const char *comm;
	long long *us, t0;
	pid_t pid;

	if (argc < 6)
		return fprintf(stderr, "usage: sig_time ROUNDS WARMUP COMM INIT [ARG...]\n"), 2;
	rounds = atoi(argv[1]);
	warmup = atoi(argv[2]);
	comm = argv[3];
	us = calloc((size_t)rounds, sizeof(*us));
	for (i = 0; i < warmup + rounds; i++) {
		pid = (pid_t)syscall(SYS_clone, CLONE_NEWPID | SIGCHLD, 0, 0, 0, 0);
		if (pid == 0) {
			execv(argv[4], argv + 4);
			_exit(127);
		}
		if (pid < 0 || !workload_running(pid, comm)) {
			if (pid > 0)
				kill(pid, SIGKILL), waitpid(pid, &st, 0);
			failed++;
			continue;
		}
		t0 = now_ns();
		kill(pid, SIGTERM);
		waitpid(pid, &st, 0);
		if (i >= warmup)
			us[n++] = (now_ns() - t0) / 1000;
	}
	qsort(us, (size_t)n, sizeof(*us), cmp_ll);
	if (!n)
		return printf("n/a n/a n/a %d\n", failed), 1;
	printf("%lld %lld %lld %d\n", us[n / 2], us[n / 10], us[n * 9 / 10], failed);
	return 0;
}
