/* SPDX-License-Identifier: MIT */
/* State and steps shared by the init's files; each step returns 0 or -errno. */
#ifndef INIT_RAWINIT_H
#define INIT_RAWINIT_H

#include <linux/types.h>
#include "conf_format.h"

struct conf;

enum mode {
	MODE_VM,		/* PID 1 of the machine: mounts, console, power-off */
	MODE_CONTAINER,		/* PID 1 of a pid namespace: supervise, then exit */
	MODE_SUBREAPER,		/* not PID 1: PR_SET_CHILD_SUBREAPER, then exit */
};

/* Fixed exit codes for rawinit's own failures (skarnet style). */
#define EXIT_USAGE	100	/* bad command line */
#define EXIT_FATAL	111	/* a setup step failed; the workload did not run */
#define EXIT_NOEXEC	126	/* workload found but not executable */
#define EXIT_NOENT	127	/* workload not found */

#define GRACE_NS_DEFAULT	(RC_GRACE_MS_DEFAULT * 1000000UL)
#define SIGNAL_BIT(s)		(1ULL << ((s) - 1))

struct rawinit {
	enum mode mode;
	int verbose;
	int grace_from_args;		/* -g given: the config does not override it */
	unsigned long grace_ns;		/* SIGTERM to SIGKILL when draining */
	unsigned int shutdown;		/* LINUX_REBOOT_CMD_* a VM ends with */
	const char *conf_path;		/* -c PATH */
	const char *cwd;		/* the workload's working directory, or NULL */
	int sync_fd;			/* pipe to the parent (errors go there too), or -1 */
	int gate_fd;			/* the workload's child: PID 1's go-ahead to exec, or -1 */
	int exec;			/* config mode exec: execve the workload in place */
	int ppid;			/* the parent at entry (the child's: rawinit) */
	int pdeathsig;			/* the parent death signal at entry (the child's: 0) */
	const char *console;		/* the config's console path, or NULL */
	char **argv;			/* the workload's argv, NULL-terminated */
	char **envp;
	const struct conf *conf;	/* the decoded config, or NULL */
};

extern struct rawinit ri;

/* log.c: the one message grammar. `err` is a negative errno. */
void log_err(const char *step, const char *obj, long err);
void log_step(const char *step, const char *obj);
void log_line(const char *a, const char *b, long num);

/* finish.c: the one place that decides what ending means for PID 1. */
__attribute__((noreturn)) void fatal(const char *step, const char *obj, long err, int code);
__attribute__((noreturn)) void finish(int wstatus);

int mounts_early(const char **what);
struct fmt;
const struct conf *config_apply(void);
void config_names(const struct conf *c);
int conf_load(struct conf *c, const char *path, const char **src, struct fmt *err);
long procfs_check(int fd);
long procfs_write_close(long fd, const void *buf, unsigned long n);
int console_attach(const char *path);
int modules_load(const struct conf *c, const char **what);
int net_setup(const struct conf *c, const char **what);
int etc_files_write(const struct conf *c, const char **what);
int creds_apply(const struct conf *c, const char **what);
int creds_bounding_drop(__u64 keep, const char **what);
int supervisor_shed(const char **what);
void crash_guard(void);
int sync_wait(void);
void sync_done(void);
void hygiene_enter(void);
int cwd_enter(const char **step, const char **what);
int parent_check(void);
int lsm_apply(const struct conf *c, const char **step, const char **what);
int spawn_workload(void);
__attribute__((noreturn)) void workload_exec(void);
int supervise(int child);
int reap(int child, int *status, int *done);
void drain(int child);

#endif
