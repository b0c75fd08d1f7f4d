/* SPDX-License-Identifier: MIT */
/* The unit tests' one harness: a line per case, `ok - unit NAME` or `FAIL - unit NAME: WHY`. */
#ifndef TESTS_UNIT_CHECK_H
#define TESTS_UNIT_CHECK_H

#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

/* A file may name its cases' prefix before including this: #define CHECK_PREFIX "passwd: ". */
#ifndef CHECK_PREFIX
#define CHECK_PREFIX ""
#endif

#define CHECK_CASE_FAILED	3	/* an isolated case ran and failed; anything else is a crash */

static int check_passed, check_failed;

static inline void expect_why(int cond, const char *name, const char *why)
{
	if (cond) {
		printf("ok - unit " CHECK_PREFIX "%s\n", name);
		check_passed++;
	} else {
		printf("FAIL - unit " CHECK_PREFIX "%s: %s\n", name, why);
		check_failed++;
	}
}

static inline void expect(int cond, const char *name)
{
	expect_why(cond, name, "condition false");
}

/*
 * Run a case in a child, which prints its own lines: a crash or a sanitizer
 * report there fails that case here instead of ending the whole test.
 */
static inline void check_isolated(const char *name, void (*body)(void))
{
	pid_t pid;
	int st;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		check_passed = check_failed = 0;
		body();
		fflush(stdout);
		_exit(check_failed ? CHECK_CASE_FAILED : check_passed ? 0 : 1);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
	    (WEXITSTATUS(st) && WEXITSTATUS(st) != CHECK_CASE_FAILED))
		expect_why(0, name, "crashed, or printed no result (the sanitizer's report is above)");
	else if (WEXITSTATUS(st))
		check_failed++;
	else
		check_passed++;
}

/* main's status: 0 only when at least one case ran and none failed. */
static inline int check_done(void)
{
	if (!check_passed && !check_failed)
		expect_why(0, "cases", "none ran");
	return check_failed != 0;
}

#endif
