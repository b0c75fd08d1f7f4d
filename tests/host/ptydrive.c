// SPDX-License-Identifier: MIT
/* Pty driver (hosted C): runs CMD on a new pty as its controlling terminal, as a terminal would. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define POLL_MS		50
#define DRAIN_MS	200	/* quiet time on the master after CMD ended */
#define HUP_MS		1000	/* after a hangup, before SIGKILL */
#define TTY_COLS	1000	/* wide: no line editing redraws for long typed lines */
#define TTY_ROWS	50

/*
 * usage: ptydrive [-t SECONDS] -- CMD...
 * CMD runs as a session leader with a new pty's slave as controlling terminal
 * and fds 0-2. What ptydrive reads on its stdin is typed on the master; what
 * the master reads goes to stdout, CRs dropped. Once CMD ends (and the master
 * has been quiet DRAIN_MS) it prints "exited N" or "killed N". After SECONDS
 * (default 60) it prints "ptydrive: timeout", hangs up the terminal (SIGHUP to
 * CMD and, from an interactive shell, to its jobs), then SIGKILLs CMD.
 */

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static void put(const char *buf, ssize_t n)
{
	char out[4096];
	ssize_t i, k;

	for (i = k = 0; i < n; i++)
		if (buf[i] != '\r')
			out[k++] = buf[i];
	if (write(1, out, (size_t)k) != k)
		return;
}

/* Everything the master has now; 0 when it read something, -1 on EOF/EIO (no slave left). */
static int copy_out(int m)
{
	char buf[4096];
	ssize_t n = read(m, buf, sizeof(buf));

	if (n > 0) {
		put(buf, n);
		return 0;
	}
	return n < 0 && (errno == EINTR || errno == EAGAIN) ? 0 : -1;
}

static int start(char **cmd, int *master, pid_t *pid)
{
	struct winsize ws = { .ws_row = TTY_ROWS, .ws_col = TTY_COLS };
	int m, s;

	m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (m < 0 || grantpt(m) || unlockpt(m))
		return perror("ptydrive: posix_openpt"), -1;
	ioctl(m, TIOCSWINSZ, &ws);
	*pid = fork();
	if (*pid < 0)
		return perror("ptydrive: fork"), -1;
	if (*pid == 0) {
		if (setsid() < 0 || (s = open(ptsname(m), O_RDWR)) < 0 ||
		    ioctl(s, TIOCSCTTY, 0) < 0 || dup2(s, 0) < 0 || dup2(s, 1) < 0 || dup2(s, 2) < 0)
			_exit(126);
		if (s > 2)
			close(s);
		signal(SIGPIPE, SIG_DFL);
		execvp(cmd[0], cmd);
		_exit(127);
	}
	*master = m;
	return 0;
}

static void report(int st)
{
	char line[32];
	int n;

	if (WIFSIGNALED(st))
		n = snprintf(line, sizeof(line), "killed %d\n", WTERMSIG(st));
	else
		n = snprintf(line, sizeof(line), "exited %d\n", WEXITSTATUS(st));
	put(line, n);
}

int main(int argc, char **argv)
{
	struct pollfd p[2];
	long long deadline, quiet = 0;
	long secs = 60;
	char buf[4096];
	int m, st = 0, done = 0, in_open = 1;
	ssize_t n;
	pid_t c;

	if (argc > 2 && !strcmp(argv[1], "-t")) {
		secs = atol(argv[2]);
		argv += 2, argc -= 2;
	}
	if (argc < 3 || strcmp(argv[1], "--") || secs <= 0) {
		fprintf(stderr, "usage: ptydrive [-t SECONDS] -- CMD...\n");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	if (start(argv + 2, &m, &c))
		return 1;
	deadline = now_ms() + secs * 1000;
	for (;;) {
		if (!done && waitpid(c, &st, WNOHANG) == c) {
			done = 1;
			quiet = now_ms() + DRAIN_MS;
		}
		if (done && now_ms() >= quiet)
			break;
		if (now_ms() >= deadline) {
			put("ptydrive: timeout\n", 18);
			close(m);
			m = -1;
			for (n = 0; n < HUP_MS && !done; n += POLL_MS) {
				usleep(POLL_MS * 1000);
				done = waitpid(c, &st, WNOHANG) == c;
			}
			if (!done) {
				kill(c, SIGKILL);
				waitpid(c, &st, 0);
			}
			break;
		}
		p[0] = (struct pollfd){ .fd = in_open ? 0 : -1, .events = POLLIN };
		p[1] = (struct pollfd){ .fd = m, .events = POLLIN };
		if (poll(p, 2, POLL_MS) < 0 && errno != EINTR)
			break;
		if (p[1].revents & (POLLIN | POLLHUP | POLLERR)) {
			if (copy_out(m) < 0 && done)
				break;
			if (done)
				quiet = now_ms() + DRAIN_MS;
		}
		if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
			n = read(0, buf, sizeof(buf));
			if (n <= 0)
				in_open = 0;
			else if (write(m, buf, (size_t)n) != n)
				perror("ptydrive: write to the master");
		}
		/* No slave open yet, or none left while CMD lives: POLLHUP would spin. */
		if ((p[1].revents & POLLHUP) && !done)
			usleep(POLL_MS * 1000);
	}
	report(st);
	return 0;
}
