// SPDX-License-Identifier: MIT
/* Test parent (hosted C): run a command as PID 1 of fresh mount, pid, uts, ipc and net namespaces. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * usage: nsparent [-U] COMMAND [ARG...]
 * The child is cloned into new mount, pid, uts, ipc and net namespaces (PID 1
 * of the new pid namespace) and execs COMMAND; the parent waits and exits with
 * its status (128+N when killed by signal N), with only fds 0-2. With -U the namespaces belong to
 * a new user namespace as well (and a new cgroup namespace, so cgroup2 can be
 * mounted) whose only id is 0, mapped to the caller's 0: root inside without
 * the initial namespace's capabilities (no mknod), as under a rootless runtime.
 */
#define NSPARENT_STACK	(256 * 1024)

static char stack[NSPARENT_STACK] __attribute__((aligned(16)));
static int go[2];		/* the parent closes its end when the id maps are written */
static char **cmd;

static int child(void *arg)
{
	char c;

	(void)arg;
	close(go[1]);
	if (read(go[0], &c, 1) != 0)
		_exit(121);
	close(go[0]);
	/* A runtime hands its container init only the fds it means to: none above 2. */
	close_range(3, ~0U, 0);
	execv(cmd[0], cmd);
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

int main(int argc, char **argv)
{
	int flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNET;
	int st, userns = argc > 1 && !strcmp(argv[1], "-U");
	pid_t pid;

	cmd = argv + 1 + userns;
	if (!*cmd) {
		fprintf(stderr, "usage: nsparent [-U] COMMAND [ARG...]\n");
		return 2;
	}
	if (userns)
		flags |= CLONE_NEWUSER | CLONE_NEWCGROUP;
	if (pipe2(go, O_CLOEXEC))
		return perror("pipe2"), 1;
	pid = clone(child, stack + sizeof(stack), flags | SIGCHLD, 0);
	if (pid < 0)
		return perror("clone"), 1;
	close(go[0]);
	if (userns && (write_file(pid, "uid_map", "0 0 1\n") ||
		       write_file(pid, "gid_map", "0 0 1\n"))) {
		perror("nsparent: id maps");
		kill(pid, SIGKILL);
	}
	close(go[1]);
	if (waitpid(pid, &st, 0) < 0)
		return perror("waitpid"), 1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
