// SPDX-License-Identifier: MIT
/* Test parent (hosted C) for the hygiene suite: parents that die, a pty, a chroot keeping the cwd. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define POLL_MS		10
#define WAIT_MS		5000	/* for rawinit to reach a point */
#define DEATH_MS	2000	/* for a signal to land after the parent died */

/*
 * usage:
 *   hygparent pdeath COMM -- CMD...   a parent P starts CMD with PR_SET_PDEATHSIG(SIGKILL),
 *                                     waits until its comm is COMM (it has exec'd the
 *                                     workload), then dies; prints "killed N", "exited N"
 *                                     or "alive" (still running DEATH_MS later, then killed)
 *   hygparent orphan LOG -- CMD...    P starts CMD with a sync socket on fd 3, waits until
 *                                     LOG shows rawinit waiting on it, then dies; a sibling
 *                                     sends the go-ahead once P is gone; prints CMD's end
 *   hygparent pty -- CMD...           CMD with a pty's slave on fd 5 (opened O_NOCTTY);
 *                                     copies what the master reads (CRs dropped), then
 *                                     "exited N" or "killed N"
 *   hygparent nochdir DIR -- CMD...   chroot(DIR) without chdir: CMD's cwd stays outside
 * In pdeath and orphan this process is a subreaper, so CMD, reparented, is still ours to reap.
 */
static void ms_sleep(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };

	nanosleep(&ts, 0);
}

static void report(int st)
{
	if (WIFSIGNALED(st))
		printf("killed %d\n", WTERMSIG(st));
	else
		printf("exited %d\n", WEXITSTATUS(st));
}

/* Wait for pid up to ms; 0 and *st, or -1 when it is still running. */
static int wait_ms(pid_t pid, int *st, long ms)
{
	for (; ms > 0; ms -= POLL_MS) {
		if (waitpid(pid, st, WNOHANG) == pid)
			return 0;
		ms_sleep(POLL_MS);
	}
	return waitpid(pid, st, WNOHANG) == pid ? 0 : -1;
}

/* Poll until the file holds `what`; 0, or -1 after WAIT_MS. */
static int file_has(const char *path, const char *what)
{
	char buf[4096];
	long ms;

	for (ms = 0; ms < WAIT_MS; ms += POLL_MS) {
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);

		if (fd >= 0)
			close(fd);
		if (n > 0) {
			buf[n] = 0;
			if (strstr(buf, what))
				return 0;
		}
		ms_sleep(POLL_MS);
	}
	return -1;
}

/* The pid C that P started, sent over pfd by P before it dies. */
static pid_t read_pid(int pfd)
{
	pid_t c = 0;

	return read(pfd, &c, sizeof(c)) == sizeof(c) ? c : 0;
}

static int pdeath(const char *comm, char **cmd)
{
	char path[64], want[64];
	int pfd[2], st;
	pid_t p, c;
	long ms;

	snprintf(want, sizeof(want), "%s\n", comm);
	if (pipe(pfd))
		return perror("pipe"), 1;
	p = fork();
	if (p == 0) {
		pid_t me = getpid();

		c = fork();
		if (c == 0) {
			if (prctl(PR_SET_PDEATHSIG, SIGKILL) || getppid() != me)
				_exit(2);
			execvp(cmd[0], cmd);
			_exit(127);
		}
		if (write(pfd[1], &c, sizeof(c)) != sizeof(c))
			_exit(1);
		snprintf(path, sizeof(path), "/proc/%d/comm", c);
		if (file_has(path, want)) {
			kill(c, SIGKILL);
			_exit(1);
		}
		_exit(0);		/* the parent dies; C should get SIGKILL */
	}
	close(pfd[1]);
	c = read_pid(pfd[0]);
	if (waitpid(p, &st, 0) != p || !WIFEXITED(st) || WEXITSTATUS(st) || !c) {
		printf("not started\n");
		return 1;
	}
	/* C is ours now (subreaper). */
	for (ms = 0; ms < DEATH_MS; ms += POLL_MS) {
		if (waitpid(c, &st, WNOHANG) == c) {
			report(st);
			return 0;
		}
		ms_sleep(POLL_MS);
	}
	printf("alive\n");
	kill(c, SIGKILL);
	waitpid(c, &st, 0);
	return 0;
}

static int orphan(const char *log, char **cmd)
{
	int sv[2], pfd[2], st, n;
	pid_t p, c, g;
	char buf[256];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) || pipe(pfd))
		return perror("socketpair"), 1;
	p = fork();
	if (p == 0) {
		pid_t me = getpid();

		c = fork();
		if (c == 0) {
			close(sv[0]);
			if (dup2(sv[1], 3) < 0)
				_exit(2);
			execvp(cmd[0], cmd);
			_exit(127);
		}
		if (write(pfd[1], &c, sizeof(c)) != sizeof(c) ||
		    file_has(log, "waiting for the parent"))
			_exit(1);
		g = fork();
		if (g == 0) {
			close(sv[1]);
			while (getppid() == me)	/* P gone: C was reparented too */
				ms_sleep(POLL_MS);
			if (write(sv[0], "G", 1) != 1)
				_exit(1);
			while ((n = read(sv[0], buf, sizeof(buf) - 1)) > 0) {
				buf[n] = 0;
				printf("sync: %s", buf);
			}
			fflush(stdout);
			_exit(0);
		}
		_exit(0);
	}
	close(sv[0]);
	close(sv[1]);
	close(pfd[1]);
	c = read_pid(pfd[0]);
	if (waitpid(p, &st, 0) != p || !WIFEXITED(st) || WEXITSTATUS(st) || !c) {
		printf("not started\n");
		return 1;
	}
	/* C and the sibling are ours now: report C's end, reap both. */
	if (wait_ms(c, &st, WAIT_MS) == 0)
		report(st);
	else
		printf("alive\n"), kill(c, SIGKILL);
	while (waitpid(-1, &st, 0) > 0)
		;
	return 0;
}

static int pty(char **cmd)
{
	char buf[4096], out[4096];
	int m, s, st;
	ssize_t n, i, k;
	pid_t c;

	m = posix_openpt(O_RDWR | O_NOCTTY);
	if (m < 0 || grantpt(m) || unlockpt(m))
		return perror("posix_openpt"), 1;
	s = open(ptsname(m), O_RDWR | O_NOCTTY);
	if (s < 0)
		return perror("open pts"), 1;
	c = fork();
	if (c == 0) {
		close(m);
		if (dup2(s, 5) < 0)
			_exit(2);
		execvp(cmd[0], cmd);
		_exit(127);
	}
	close(s);
	while ((n = read(m, buf, sizeof(buf))) > 0) {
		for (i = k = 0; i < n; i++)
			if (buf[i] != '\r')
				out[k++] = buf[i];
		fwrite(out, 1, (size_t)k, stdout);
	}
	waitpid(c, &st, 0);
	report(st);
	return 0;
}

int main(int argc, char **argv)
{
	signal(SIGPIPE, SIG_IGN);
	if (argc >= 4 && !strcmp(argv[1], "pty") && !strcmp(argv[2], "--"))
		return pty(argv + 3);
	if (argc < 5 || strcmp(argv[3], "--"))
		goto usage;
	if (!strcmp(argv[1], "nochdir")) {
		if (chroot(argv[2]))
			return perror("chroot"), 1;
		execvp(argv[4], argv + 4);
		return perror("exec"), 127;
	}
	if (prctl(PR_SET_CHILD_SUBREAPER, 1))
		return perror("PR_SET_CHILD_SUBREAPER"), 1;
	if (!strcmp(argv[1], "pdeath"))
		return pdeath(argv[2], argv + 4);
	if (!strcmp(argv[1], "orphan"))
		return orphan(argv[2], argv + 4);
usage:
	fprintf(stderr, "usage: hygparent pdeath COMM|orphan LOG|nochdir DIR -- CMD..., "
		"hygparent pty -- CMD...\n");
	return 2;
}
