// SPDX-License-Identifier: MIT
/* Bench helper: run several commands round-robin, time each run and count its page faults. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>

/*
 * Usage: spawn_time ROUNDS WARMUP CMD [ARG...] [::: CMD [ARG...]]...
 *
 * Each round runs every command once; the starting command rotates so that no
 * variant always follows the same one, and machine noise lands on all alike.
 * The first WARMUP rounds are discarded (page cache, CPU frequency).  A run is
 * timed from just before fork() to the return of wait4() on CLOCK_MONOTONIC;
 * its faults are ru_minflt + ru_majflt of the waited child, which the kernel
 * sums over that child and every descendant it reaped (the whole tree here).
 *
 * Output, one line per command in argument order:
 *   INDEX MEDIAN_NS P10_NS P90_NS MEDIAN_FAULTS FAILED_RUNS
 */
#define MAX_CMDS	16

struct variant {
	char **argv;
	long long *ns, *faults;
	int failed;
};

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

/* Nearest-rank percentile of a sorted array. */
static long long pct(const long long *v, int n, int p)
{
	return v[(long)(n - 1) * p / 100];
}

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int run_once(struct variant *v, int slot)
{
	struct rusage ru;
	long long t0 = now_ns();
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		execvp(v->argv[0], v->argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		return -1;
	if (slot >= 0) {
		v->ns[slot] = now_ns() - t0;
		v->faults[slot] = ru.ru_minflt + ru.ru_majflt;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		v->failed++;
	return 0;
}

int main(int argc, char **argv)
{
	struct variant var[MAX_CMDS];
	int rounds, warmup, n = 0, i, r;

	if (argc < 4) {
		fprintf(stderr, "usage: spawn_time ROUNDS WARMUP CMD [ARG...] [::: CMD...]...\n");
		return 2;
	}
	rounds = atoi(argv[1]);
	warmup = atoi(argv[2]);
	if (rounds < 1 || warmup < 0)
		return 2;
	/* Split argv at ":::" in place; each piece becomes a NULL-terminated argv. */
	for (i = 3; i < argc && n < MAX_CMDS; i++) {
		if (strcmp(argv[i], ":::") == 0) {
			argv[i] = NULL;
			continue;
		}
		if (i == 3 || argv[i - 1] == NULL) {
			memset(&var[n], 0, sizeof(var[n]));
			var[n].argv = &argv[i];
			var[n].ns = calloc(rounds, sizeof(long long));
			var[n].faults = calloc(rounds, sizeof(long long));
			if (!var[n].ns || !var[n].faults)
				return 1;
			n++;
		}
	}
	for (r = 0; r < warmup + rounds; r++) {
		for (i = 0; i < n; i++) {
			struct variant *v = &var[(i + r) % n];

			if (run_once(v, r < warmup ? -1 : r - warmup) < 0) {
				perror("spawn_time");
				return 1;
			}
		}
	}
	for (i = 0; i < n; i++) {
		qsort(var[i].ns, rounds, sizeof(long long), cmp_ll);
		qsort(var[i].faults, rounds, sizeof(long long), cmp_ll);
		printf("%d %lld %lld %lld %lld %d\n", i, pct(var[i].ns, rounds, 50),
		       pct(var[i].ns, rounds, 10), pct(var[i].ns, rounds, 90),
		       pct(var[i].faults, rounds, 50), var[i].failed);
	}
	return 0;
}
