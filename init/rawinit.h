/* SPDX-License-Identifier: MIT */
/* The run-time state, the step table's types, and the steps the init's files share. */
#ifndef INIT_RAWINIT_H
#define INIT_RAWINIT_H

#include <linux/types.h>
#include "conf_format.h"

struct conf;

/* Fixed exit codes for rawinit's own failures (skarnet style). */
#define EXIT_USAGE	100	/* bad command line */
#define EXIT_FATAL	111	/* a setup step failed; the workload did not run */
#define EXIT_NOEXEC	126	/* workload found but not executable */
#define EXIT_NOENT	127	/* workload not found */

#define GO_BYTE		'G'	/* a go-ahead on a pipe: the parent's (sync fd), PID 1's (gate) */
#define SIGNAL_BIT(s)	(1ULL << ((s) - 1))
#define ARRAY_LEN(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * What this run is, found at entry and by the config; never a copy of a
 * config field the steps can read from the config itself.
 */
struct rawinit {
	enum rc_mode mode;	/* RC_MODE_VM, RC_MODE_CONTAINER or RC_MODE_SUBREAPER: where we run */
	int child;		/* this is the workload's process, forked: a failure ends only it */
	int verbose;		/* the timeline: -v, or the config's verbosity, the larger */
	unsigned int shutdown;	/* LINUX_REBOOT_CMD_* a VM ends with, failures and crashes too */
	int sync_fd;		/* pipe to the parent (errors go there too), or -1 */
	int gate_fd;		/* the workload's child: PID 1's go-ahead to exec, or -1 */
	int ppid;		/* the parent at entry (the child's: rawinit) */
	int pdeathsig;		/* the parent death signal at entry (the child's: 0) */
	char **argv;		/* the command line's workload, or NULL: the config's */
	char **envp;		/* the environment rawinit was given */
};

extern struct rawinit ri;

/* What a failed step names; the step's own name comes from its table. */
struct fail {
	const char *obj;	/* the object: a path, a name, a key, a syscall */
	const char *ext;	/* the kernel's own words (netlink extended ack), or NULL */
	int sig;		/* end by this signal, not by exiting (the parent is gone) */
};

/*
 * One step of the sequence: 0, or -errno with *f filled. Every step takes
 * the decoded config (an empty one when there is none) and nothing else, so
 * a list of them runs in whichever process is inside the namespaces.
 */
struct step {
	const char *name;	/* the <step> of its error line */
	int (*run)(const struct conf *c, struct fail *f);
};

/* policy.c: what the supervisor does with a received signal (enum rc_sig_action). */
struct sig_rule {
	unsigned char action;
	unsigned char to;	/* the signal sent (a rewrite, or the same) */
	unsigned char group;	/* to the workload's process group */
	unsigned char set;	/* 0, or who chose it: the config, or the command line (which wins) */
};
int sig_parse(const char *s);
int policy_arg(int opt, char *arg);
void policy_conf(const struct conf *c);
struct sig_rule policy_rule(int sig);
int policy_pdeathsig(void);
int policy_status(int ws);

/* steps.c: each step in order; on a failure the one error line, then finish(). */
void steps_run(const struct step *list, unsigned int n, const struct conf *c);

/* log.c: the one message grammar: `rawinit: <step>: <object>: <ERRNAME> (<n>)[: <ext>]`. */
void log_err(const char *step, const char *obj, const char *ext, long err);
void log_step(const char *step, const char *obj);
void log_line(const char *a, long num);
/* f->obj = "<a><b>", or "<a><n>" when b is NULL, in the one object buffer; returns err. */
int fail_obj(struct fail *f, const char *a, const char *b, unsigned long n, int err);

/* finish.c: the one place that decides what ending means for PID 1. */
__attribute__((noreturn)) void fatal(const char *step, const char *obj, long err, int code);
__attribute__((noreturn)) void finish(int wstatus);

/* The setup steps, in PID 1 (DESIGN.md order; init/main.c lists them). */
int modules_load(const struct conf *c, struct fail *f);
int sync_wait(const struct conf *c, struct fail *f);
int console_attach(const struct conf *c, struct fail *f);
int net_setup(const struct conf *c, struct fail *f);
int rootfs_setup(const struct conf *c, struct fail *f);
int etc_files_write(const struct conf *c, struct fail *f);
int hostname_set(const struct conf *c, struct fail *f);
int domainname_set(const struct conf *c, struct fail *f);
int sysctls_apply(const struct conf *c, struct fail *f);
int rootfs_seal(const struct conf *c, struct fail *f);

/* The workload's steps, in the process that execs it. */
int session_take(const struct conf *c, struct fail *f);
int signals_reset(const struct conf *c, struct fail *f);
int apparmor_apply(const struct conf *c, struct fail *f);
int selinux_apply(const struct conf *c, struct fail *f);
int creds_apply(const struct conf *c, struct fail *f);
int cwd_enter(const struct conf *c, struct fail *f);
int pdeathsig_restore(const struct conf *c, struct fail *f);
int gate_wait(const struct conf *c, struct fail *f);
int fds_close(const struct conf *c, struct fail *f);

/* Entry, config and the end of the sequence. */
int vm_mounts(const char **what);
int console_open(const char *path);
void pdeathsig_save(void);
void crash_guard(void);
const struct conf *conf_apply(const char *path);
unsigned long conf_grace_ns(const struct conf *c);
int conf_exec_mode(const struct conf *c);
struct fmt;
int conf_load(struct conf *c, const char *path, const char **src, struct fmt *err);
char **env_of(const struct conf *c);
char **argv_of(const struct conf *c);
__attribute__((noreturn)) void workload_exec(const struct step *list, unsigned int n,
					      const struct conf *c);
int spawn_workload(const struct step *list, unsigned int n, const struct conf *c);
int supervisor_shed(struct fail *f);
void sync_done(void);
int go_wait(int fd);
int supervise(int child, unsigned long grace_ns);
struct ksiginfo;
void supervise_caught(int sig, const struct ksiginfo *si);

/* Shared by the steps. */
long procfs_check(int fd);
long procfs_write_close(long fd, const void *buf, unsigned long n);
int creds_bounding_drop(__u64 keep, struct fail *f);

#endif
