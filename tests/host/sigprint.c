// SPDX-License-Identifier: MIT
/* Test workload (hosted C): prints every signal it receives, one line each, for tests/host/signals.sh. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MEMBERS_MAX	8
#define POLL_MS		10
#define REAP_MS		1000	/* for the other members to take the last signal too */
#define READY_MS	5000	/* parent mode: for the workload to say ready */
#define END_MS		5000	/* parent mode: for CMD to end once its parent died */
#define PATH_MAX_T	4096

/*
 * usage:
 *   sigprint [-o OUT] [-r READY] [-x SIG] [-s STATUS] [-t SECONDS] [-m N]
 *     Blocks all 64 signals (raw rt_sigprocmask: glibc would keep 32 and 33 out), forks N more
 *     members of its process group (-m, each printing to OUT.1 .. OUT.N), then writes READY:
 *     one line "member I pid P pgid G" each, then "ready" (renamed into place: atomic). Then
 *     each member prints "sig N" for every signal it receives (rt_sigtimedwait), one write
 *     each to OUT (default stdout), except SIGCHLD the kernel sends about a member. On SIG
 *     (-x) a member exits with STATUS (-s, default 0); the leader first gives the others
 *     REAP_MS to do the same, then kills and reaps them. After SECONDS (-t, default 20) it
 *     prints "timeout" and exits 124.
 *   sigprint parent READY -- CMD...
 *     A parent P starts CMD, waits until READY says "ready", then dies; this process, a
 *     subreaper, reaps CMD and prints "exited N", "killed N" or "alive" (still running END_MS
 *     later: then it and what it left are killed).
 */

static void ms_sleep(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };

	nanosleep(&ts, 0);
}

static void say(int fd, const char *s)
{
	size_t n = strlen(s);

	if (write(fd, s, n) != (ssize_t)n)
		_exit(125);
}

/* The children this process has: SIGKILL each, then reap them all (bounded). */
static void kill_reap(pid_t *pids, int n, long grace_ms)
{
	int i, left, st;
	long ms;

	for (ms = 0;; ms += POLL_MS) {
		for (i = left = 0; i < n; i++) {
			if (pids[i] > 0 && waitpid(pids[i], &st, WNOHANG) == pids[i])
				pids[i] = 0;
			left += pids[i] > 0;
		}
		if (!left)
			return;
		if (ms >= grace_ms)
			break;
		ms_sleep(POLL_MS);
	}
	for (i = 0; i < n; i++)
		if (pids[i] > 0) {
			kill(pids[i], SIGKILL);
			waitpid(pids[i], &st, 0);
		}
}

static int printer(int fd, int exit_sig, int status, long secs, pid_t *members, int n)
{
	unsigned long long all = ~0ULL;
	struct timespec end, now, ts;
	siginfo_t si;
	char line[64];
	long sig;

	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += secs;
	for (;;) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		ts.tv_sec = end.tv_sec - now.tv_sec;
		ts.tv_nsec = end.tv_nsec - now.tv_nsec;
		if (ts.tv_nsec < 0)
			ts.tv_sec--, ts.tv_nsec += 1000000000;
		if (ts.tv_sec < 0)
			break;
		sig = syscall(SYS_rt_sigtimedwait, &all, &si, &ts, sizeof(all));
		if (sig < 0 && errno == EAGAIN)
			break;
		if (sig <= 0)
			continue;
		if (sig == SIGCHLD && si.si_code > 0)
			continue;	/* a member ended: the kernel's, not a forwarded one */
		snprintf(line, sizeof(line), "sig %ld\n", sig);
		say(fd, line);
		if (sig == exit_sig) {
			kill_reap(members, n, REAP_MS);
			return status;
		}
	}
	say(fd, "timeout\n");
	kill_reap(members, n, 0);
	return 124;
}

static int open_out(const char *out, int member)
{
	char path[PATH_MAX_T];

	if (!out)
		return dup(1);
	if (member)
		snprintf(path, sizeof(path), "%s.%d", out, member);
	else
		snprintf(path, sizeof(path), "%s", out);
	return open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
}

static int run(const char *out, const char *ready, int exit_sig, int status, long secs, int n)
{
	unsigned long long all = ~0ULL;
	pid_t members[MEMBERS_MAX];
	char path[PATH_MAX_T], line[128];
	int pfd[2], fd, i;
	FILE *f;

	if (syscall(SYS_rt_sigprocmask, SIG_BLOCK, &all, 0, sizeof(all)))
		return perror("rt_sigprocmask"), 1;
	if (pipe(pfd))
		return perror("pipe"), 1;
	for (i = 0; i < n; i++) {
		members[i] = fork();
		if (members[i] < 0)
			return perror("fork"), 1;
		if (members[i] == 0) {
			close(pfd[0]);
			fd = open_out(out, i + 1);
			if (fd < 0 || write(pfd[1], "m", 1) != 1)
				_exit(1);
			close(pfd[1]);
			_exit(printer(fd, exit_sig, status, secs, 0, 0));
		}
	}
	close(pfd[1]);
	for (i = 0; i < n; i++)
		if (read(pfd[0], line, 1) != 1)
			return fprintf(stderr, "sigprint: a member did not start\n"), 1;
	close(pfd[0]);
	fd = open_out(out, 0);
	if (fd < 0)
		return perror(out), 1;
	if (ready) {
		snprintf(path, sizeof(path), "%s.tmp", ready);
		f = fopen(path, "w");
		if (!f)
			return perror(path), 1;
		fprintf(f, "member 0 pid %d pgid %d\n", (int)getpid(), (int)getpgrp());
		for (i = 0; i < n; i++)
			fprintf(f, "member %d pid %d pgid %d\n", i + 1, (int)members[i],
				(int)getpgid(members[i]));
		fprintf(f, "ready\n");
		if (fclose(f) || rename(path, ready))
			return perror(ready), 1;
	} else {
		say(fd, "ready\n");
	}
	return printer(fd, exit_sig, status, secs, members, n);
}

/* Poll until the file holds the line "ready"; 0, or -1 after ms or once child c ended. */
static int ready_within(const char *path, long ms, pid_t c)
{
	char buf[4096];
	ssize_t n;
	int fd;

	for (; ms > 0; ms -= POLL_MS) {
		if (waitpid(c, 0, WNOHANG) == c)
			return -1;
		fd = open(path, O_RDONLY | O_CLOEXEC);
		n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
		if (fd >= 0)
			close(fd);
		if (n > 0) {
			buf[n] = 0;
			if (strstr(buf, "ready\n"))
				return 0;
		}
		ms_sleep(POLL_MS);
	}
	return -1;
}

/* Every process left under this subreaper: SIGKILL, reaped, until none is left (bounded). */
static void kill_all_children(void)
{
	char path[64], buf[4096], *p, *e;
	long ms;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/children", (int)getpid(), (int)getpid());
	for (ms = 0; ms < END_MS; ms += POLL_MS) {
		while (waitpid(-1, 0, WNOHANG) > 0)
			;
		fd = open(path, O_RDONLY | O_CLOEXEC);
		n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
		if (fd >= 0)
			close(fd);
		if (n <= 0)
			return;
		buf[n] = 0;
		for (p = buf; *p; p = e) {
			long pid = strtol(p, &e, 10);

			if (e == p)
				break;
			if (pid > 0)
				kill((pid_t)pid, SIGKILL);
		}
		ms_sleep(POLL_MS);
	}
}

static int parent(const char *ready, char **cmd)
{
	int pfd[2], st;
	pid_t p, c = 0;
	long ms;

	if (prctl(PR_SET_CHILD_SUBREAPER, 1) || pipe(pfd))
		return perror("sigprint parent"), 1;
	p = fork();
	if (p == 0) {
		c = fork();
		if (c == 0) {
			close(pfd[0]);
			close(pfd[1]);
			execvp(cmd[0], cmd);
			_exit(127);
		}
		if (write(pfd[1], &c, sizeof(c)) != sizeof(c) || ready_within(ready, READY_MS, c)) {
			kill(c, SIGKILL);
			_exit(1);
		}
		_exit(0);	/* the parent dies: CMD's parent death signal */
	}
	close(pfd[1]);
	if (read(pfd[0], &c, sizeof(c)) != sizeof(c))
		c = 0;
	if (waitpid(p, &st, 0) != p || !WIFEXITED(st) || WEXITSTATUS(st) || c <= 0) {
		printf("not started\n");
		kill_all_children();
		return 1;
	}
	for (ms = 0; ms < END_MS; ms += POLL_MS) {
		if (waitpid(c, &st, WNOHANG) == c) {
			if (WIFSIGNALED(st))
				printf("killed %d\n", WTERMSIG(st));
			else
				printf("exited %d\n", WEXITSTATUS(st));
			fflush(stdout);
			kill_all_children();
			return 0;
		}
		ms_sleep(POLL_MS);
	}
	printf("alive\n");
	fflush(stdout);
	kill(c, SIGKILL);
	kill_all_children();
	return 0;
}

static void usage(void)
{
	fprintf(stderr, "usage: sigprint [-o OUT] [-r READY] [-x SIG] [-s STATUS] [-t SECONDS] "
		"[-m N] | sigprint parent READY -- CMD...\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *out = 0, *ready = 0;
	int opt, exit_sig = 0, status = 0, n = 0;
	long secs = 20;

	if (argc > 3 && !strcmp(argv[1], "parent") && !strcmp(argv[3], "--") && argv[4])
		return parent(argv[2], argv + 4);
	while ((opt = getopt(argc, argv, "o:r:x:s:t:m:")) != -1) {
		switch (opt) {
		case 'o': out = optarg; break;
		case 'r': ready = optarg; break;
		case 'x': exit_sig = atoi(optarg); break;
		case 's': status = atoi(optarg); break;
		case 't': secs = atol(optarg); break;
		case 'm': n = atoi(optarg); break;
		default: usage();
		}
	}
	if (optind != argc || n < 0 || n > MEMBERS_MAX || secs <= 0)
		usage();
	return run(out, ready, exit_sig, status, secs, n);
}
