// SPDX-License-Identifier: MIT
/* Test parent (hosted C): starts rawinit as a runtime, a dying parent or a terminal would. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define POLL_MS		10
#define WAIT_MS		5000	/* for rawinit to reach a point */
#define DEATH_MS	2000	/* for a signal to land after the parent died */
#define NS_STACK	(256 * 1024)

/*
 * usage: parent MODE [OPTIONS] ... -- CMD...; exits with CMD's status (128+N for signal N)
 * unless the mode says otherwise.
 *   parent ns [-U] [-k] [-t] -- CMD...  CMD as PID 1 of new mount, pid, uts, ipc and net
 *                                     namespaces, with only fds 0-2. -U adds a user namespace
 *                                     (and a cgroup one, so cgroup2 can be mounted) whose only
 *                                     id is 0, mapped to the caller's 0: root without the
 *                                     initial namespace's capabilities, as a rootless runtime.
 *                                     -k keeps the caller's net namespace (`ip netns exec NS
 *                                     parent ns -k ...` hands CMD a prepared veth peer). -t
 *                                     (bench) reads CLOCK_MONOTONIC as the child's last act
 *                                     before execve and prints "T0_NS WALL_NS STATUS" once
 *                                     CMD is reaped (WALL from before clone to waitpid).
 *   parent sync [-g] SETUP -- CMD...  CMD in a new net namespace with a sync socket on fd 3;
 *                                     once it started, runs the shell command SETUP ($CHILD is
 *                                     its pid: move a veth peer into /proc/$CHILD/ns/net),
 *                                     sends the go-ahead 'G' and prints "sync: ANSWER" (ok or
 *                                     rawinit's error line). -g closes the socket instead, as
 *                                     a runtime that failed would.
 *   parent pdeath COMM -- CMD...      a parent P starts CMD with PR_SET_PDEATHSIG(SIGKILL),
 *                                     waits until its comm is COMM (it has exec'd the
 *                                     workload), then dies; prints "killed N", "exited N"
 *                                     or "alive" (still running DEATH_MS later, then killed)
 *   parent orphan LOG -- CMD...       P starts CMD with a sync socket on fd 3, waits until
 *                                     LOG shows rawinit waiting on it, then dies; a sibling
 *                                     sends the go-ahead once P is gone; prints CMD's end
 *   parent pty -- CMD...              CMD with a pty's slave on fd 5 (opened O_NOCTTY);
 *                                     copies what the master reads (CRs dropped), then
 *                                     "exited N" or "killed N"
 *   parent nochdir DIR -- CMD...      chroot(DIR) without chdir: CMD's cwd stays outside
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


static int status(int st)
{
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static char ns_stack[NS_STACK] __attribute__((aligned(16)));
static int ns_go[2] = { -1, -1 };	/* -U: the parent closes its end once the id maps are written */
static volatile long long *ns_t0;	/* -t: the stamp, in a page shared with the parent */

static int ns_child(void *arg)
{
	char **cmd = arg, c;

	if (ns_go[0] >= 0) {
		close(ns_go[1]);
		if (read(ns_go[0], &c, 1) != 0)
			_exit(121);
	}
	/* A runtime hands its container init only the fds it means to: none above 2. */
	close_range(3, ~0U, 0);
	if (ns_t0)
		*ns_t0 = now_ns();
	execvp(cmd[0], cmd);
	perror(cmd[0]);
	_exit(127);
}

static int write_file(int pid, const char *name, const char *text)
{
	char path[64];
	int fd, ok;

	snprintf(path, sizeof(path), "/proc/%d/%s", pid, name);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ok = write(fd, text, strlen(text)) == (ssize_t)strlen(text);
	close(fd);
	return ok ? 0 : -1;
}

static int ns(const char *opts, char **cmd)
{
	int flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNET;
	long long start, end;
	int st;
	pid_t pid;

	if (strchr(opts, 'U')) {
		flags |= CLONE_NEWUSER | CLONE_NEWCGROUP;
		if (pipe2(ns_go, O_CLOEXEC))
			return perror("pipe2"), 1;
	}
	if (strchr(opts, 'k'))
		flags &= ~CLONE_NEWNET;
	if (strchr(opts, 't')) {
		ns_t0 = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
		if (ns_t0 == MAP_FAILED)
			return perror("mmap"), 1;
	}
	fflush(stdout);
	start = now_ns();
	pid = clone(ns_child, ns_stack + sizeof(ns_stack), flags | SIGCHLD, cmd);
	if (pid < 0)
		return perror("clone"), 1;
	if (ns_go[0] >= 0) {
		close(ns_go[0]);
		if (write_file(pid, "uid_map", "0 0 1\n") || write_file(pid, "gid_map", "0 0 1\n")) {
			perror("parent: id maps");
			kill(pid, SIGKILL);
		}
		close(ns_go[1]);
	}
	if (waitpid(pid, &st, 0) < 0)
		return perror("waitpid"), 1;
	end = now_ns();
	if (ns_t0)
		printf("%lld %lld %d\n", *ns_t0, end - start, status(st));
	return status(st);
}

static int sync_parent(const char *setup, int give_up, char **cmd)
{
	char buf[512], env[32];
	int sv[2], st;
	ssize_t n, got = 0;
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		return perror("socketpair"), 1;
	pid = fork();
	if (pid == 0) {
		close(sv[0]);
		if (dup2(sv[1], 3) < 0 || unshare(CLONE_NEWNET) || write(3, "U", 1) != 1)
			_exit(121);
		if (sv[1] != 3)
			close(sv[1]);
		execvp(cmd[0], cmd);
		_exit(127);
	}
	close(sv[1]);
	if (read(sv[0], buf, 1) != 1 || buf[0] != 'U')
		return fprintf(stderr, "parent: child did not start\n"), 1;
	snprintf(env, sizeof(env), "%d", (int)pid);
	setenv("CHILD", env, 1);
	if (system(setup) != 0)
		fprintf(stderr, "parent: setup failed (going on: rawinit must say why)\n");
	if (give_up)
		close(sv[0]);
	else if (write(sv[0], "G", 1) != 1)
		perror("parent: go-ahead");
	while (got < (ssize_t)sizeof(buf) - 1 && (n = read(sv[0], buf + got, sizeof(buf) - 1 - got)) > 0)
		got += n;
	buf[got] = 0;
	if (got && buf[got - 1] == '\n')
		buf[got - 1] = 0;
	printf("sync: %s\n", got ? buf : "(nothing)");
	fflush(stdout);
	if (waitpid(pid, &st, 0) < 0)
		return 1;
	return status(st);
}

/* The words before "--": argv[2] up to it; *cmd after it. The count of them, or -1. */
static int split(int argc, char **argv, char ***cmd)
{
	int i;

	for (i = 2; i < argc; i++)
		if (!strcmp(argv[i], "--")) {
			*cmd = argv + i + 1;
			return i + 1 < argc ? i - 2 : -1;
		}
	return -1;
}

int main(int argc, char **argv)
{
	char **cmd, opts[8] = "";
	const char *mode = argc > 1 ? argv[1] : "";
	int i, n = split(argc, argv, &cmd);

	signal(SIGPIPE, SIG_IGN);
	if (n < 0)
		goto usage;
	if (!strcmp(mode, "ns")) {
		for (i = 2; i < 2 + n; i++) {
			if (argv[i][0] != '-' || !strchr("Ukt", argv[i][1]) || argv[i][2] ||
			    strlen(opts) + 1 >= sizeof(opts))
				goto usage;
			strncat(opts, argv[i] + 1, 1);
		}
		return ns(opts, cmd);
	}
	if (!strcmp(mode, "sync") && (n == 1 || (n == 2 && !strcmp(argv[2], "-g"))))
		return sync_parent(argv[1 + n], n == 2, cmd);
	if (!strcmp(mode, "pty") && n == 0)
		return pty(cmd);
	if (n != 1)
		goto usage;
	if (!strcmp(mode, "nochdir")) {
		if (chroot(argv[2]))
			return perror("chroot"), 1;
		execvp(cmd[0], cmd);
		return perror("exec"), 127;
	}
	if (prctl(PR_SET_CHILD_SUBREAPER, 1))
		return perror("PR_SET_CHILD_SUBREAPER"), 1;
	if (!strcmp(mode, "pdeath"))
		return pdeath(argv[2], cmd);
	if (!strcmp(mode, "orphan"))
		return orphan(argv[2], cmd);
usage:
	fprintf(stderr, "usage: parent ns [-U] [-k] [-t] | sync [-g] SETUP | pdeath COMM | "
		"orphan LOG | pty | nochdir DIR -- CMD...\n");
	return 2;
}
