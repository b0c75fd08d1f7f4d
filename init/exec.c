// SPDX-License-Identifier: MIT
/* The end of the sequence: the workload's steps, then execve through PATH. */
#include <asm/errno.h>
#include "../sys/syscalls.h"
#include "../sys/mem.h"
#include "rawinit.h"

#define EXEC_PATH_MAX	4096	/* PATH_MAX: one candidate path dir/name */
#define DEFAULT_PATH	"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

/*
 * execvp without the /bin/sh fallback: a name without '/' is tried in each PATH
 * entry; EACCES anywhere wins over ENOENT, as in POSIX execvp, so a file that
 * exists but cannot run gives 126 rather than 127.
 */
static long exec_path(char **argv, char **envp)
{
	char buf[EXEC_PATH_MAX];
	const char *name = argv[0], *p;
	size_t nlen = strlen(name);
	long r, seen = -ENOENT;

	for (p = name; *p; p++)
		if (*p == '/')
			return sys_execve(name, argv, envp);
	p = env_get(envp, "PATH");
	if (!p)
		p = DEFAULT_PATH;
	while (*p) {
		const char *end = p;
		size_t dlen;

		while (*end && *end != ':')
			end++;
		dlen = (size_t)(end - p);
		if (dlen + 1 + nlen + 1 <= sizeof(buf)) {
			memcpy(buf, p, dlen);
			buf[dlen] = '/';
			memcpy(buf + dlen + 1, name, nlen + 1);
			r = sys_execve(dlen ? buf : name, argv, envp);
			if (r == -EACCES)
				seen = r;
			else if (r != -ENOENT && r != -ENOTDIR)
				return r;
		}
		p = *end ? end + 1 : end;
	}
	return seen;
}

/* In the process that becomes the workload (PID 1's child, or rawinit in exec mode). */
void workload_exec(const struct step *list, unsigned int n, const struct conf *c)
{
	char **argv = argv_of(c);
	long r;

	if (!ri.child)
		log_step("exec", argv[0]);
	steps_run(list, n, c);
	r = exec_path(argv, env_of(c));
	fatal("exec", argv[0], r, r == -ENOENT || r == -ENOTDIR ? EXIT_NOENT : EXIT_NOEXEC);
}
