// SPDX-License-Identifier: MIT
/* Test parent (hosted C): start rawinit in a fresh netns with a sync socket on fd 3, as a runtime would. */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * usage: netparent SETUP -- RAWINIT [ARGS...]
 * The child unshares its network namespace, says 'U' on the socket and execs
 * rawinit with the socket on fd 3 (the config says sync-fd 3). The parent then
 * runs SETUP (a shell command; $CHILD is the child's pid, so it can move a veth
 * peer into /proc/$CHILD/ns/net), sends the go-ahead 'G', prints what rawinit
 * answers ("sync: ok" or "sync: <its error line>") and exits with its status.
 * With NETPARENT_GIVE_UP set it closes the socket instead of sending 'G', as a
 * runtime that failed or died would.
 */
int main(int argc, char **argv)
{
	char buf[512], env[32];
	int sv[2], st;
	ssize_t n, got = 0;
	pid_t pid;

	if (argc < 4 || strcmp(argv[2], "--")) {
		fprintf(stderr, "usage: netparent SETUP -- RAWINIT [ARGS...]\n");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		return perror("socketpair"), 1;
	pid = fork();
	if (pid == 0) {
		close(sv[0]);
		if (dup2(sv[1], 3) < 0 || unshare(CLONE_NEWNET) || write(3, "U", 1) != 1)
			_exit(121);
		if (sv[1] != 3)
			close(sv[1]);
		execv(argv[3], argv + 3);
		_exit(127);
	}
	close(sv[1]);
	if (read(sv[0], buf, 1) != 1 || buf[0] != 'U')
		return fprintf(stderr, "netparent: child did not start\n"), 1;
	snprintf(env, sizeof(env), "%d", (int)pid);
	setenv("CHILD", env, 1);
	if (system(argv[1]) != 0)
		fprintf(stderr, "netparent: setup failed (going on: rawinit must say why)\n");
	if (getenv("NETPARENT_GIVE_UP"))
		close(sv[0]);
	else if (write(sv[0], "G", 1) != 1)
		perror("netparent: go-ahead");
	while (got < (ssize_t)sizeof(buf) - 1 && (n = read(sv[0], buf + got, sizeof(buf) - 1 - got)) > 0)
		got += n;
	buf[got] = 0;
	if (got && buf[got - 1] == '\n')
		buf[got - 1] = 0;
	printf("sync: %s\n", got ? buf : "(nothing)");
	fflush(stdout);
	if (waitpid(pid, &st, 0) < 0)
		return 1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
