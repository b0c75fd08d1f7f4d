// SPDX-License-Identifier: MIT
/* rawinit's entry: parse the command line, pick the mode, run the sequence. */
#include <asm/errno.h>
#include <linux/prctl.h>
#include <linux/reboot.h>
#include "../sys/syscalls.h"
#include "../sys/fmt.h"
#include "../sys/clock.h"
#include "rawinit.h"
#include "rootfs.h"
#include "conf.h"

struct rawinit ri = {
	.grace_ns = GRACE_NS_DEFAULT,
	.shutdown = LINUX_REBOOT_CMD_POWER_OFF,
	.sync_fd = -1,
	.gate_fd = -1,
};

#define USAGE	" (usage: rawinit [-v] [-g SECONDS] [-c CONFIG] [--] [COMMAND [ARG...]])"
#define ARG_MSG_MAX	160

/*
 * Options come first; the workload is everything after them (or after `--`);
 * it may be left to the config.
 * On a bad command line *bad names the offending word.
 * The kernel hands PID 1 what follows `--` on its command line, so a boot line
 * `... -- -v -- /bin/sh` reaches here as argv = { init, -v, --, /bin/sh }.
 */
static int parse_args(char **argv, const char **bad)
{
	unsigned long secs;

	for (argv++; *argv && (*argv)[0] == '-'; argv++) {
		const char *a = *argv;

		if (a[1] == '-' && !a[2]) {
			argv++;
			break;
		} else if (a[1] == 'v' && !a[2]) {
			ri.verbose++;
		} else if (a[1] == 'g' && !a[2] && argv[1] &&
			   !parse_ulong(argv[1], &secs) && secs < 3600) {
			ri.grace_ns = secs * NSEC_PER_SEC;
			ri.grace_from_args = 1;
			argv++;
		} else if (a[1] == 'c' && !a[2] && argv[1]) {
			ri.conf_path = *++argv;
		} else {
			*bad = a;
			return -1;
		}
	}
	if (*argv)
		ri.argv = argv;
	return 0;
}

/*
 * PID 1 of the machine, or PID 1 of a pid namespace? reboot(CAD_OFF) tells
 * them apart: in a child pid namespace the kernel's reboot_pid_ns() answers
 * EINVAL for every command but restart/halt/power-off, and without
 * CAP_SYS_BOOT it is EPERM. In the initial namespace it succeeds and routes
 * Ctrl-Alt-Del to us as SIGINT, which is what a VM init wants anyway.
 */
static enum mode detect_mode(void)
{
	if (sys_getpid() != 1)
		return MODE_SUBREAPER;
	if (sys_reboot(LINUX_REBOOT_CMD_CAD_OFF) == 0)
		return MODE_VM;
	return MODE_CONTAINER;
}

/* Anything that changes the mount namespace or kernel knobs: never on a host. */
static int touches_mount_ns(const struct conf *c)
{
	const struct rc_init *in = CONF_ONE(c, RC_SEC_INIT, struct rc_init);

	return (in && (*conf_str(c, in->rootfs) || in->flags)) ||
	       CONF_COUNT(c, RC_SEC_MOUNTS) || CONF_COUNT(c, RC_SEC_MASKED) ||
	       CONF_COUNT(c, RC_SEC_READONLY) || CONF_COUNT(c, RC_SEC_SYSCTLS);
}

/*
 * The config's setup steps, in the order DESIGN.md gives: modules, the parent's
 * go-ahead, the console, the network (while capabilities are still held), the
 * mount namespace (new root, mounts, /dev, pivot_root), /etc files and names
 * in the new root, sysctls, then masked and read-only paths and the read-only
 * root. Credentials and the last steps follow in workload_exec().
 */
static void setup(const struct conf *c)
{
	struct rootfs_mounts mounts;
	const char *what;
	int r;

	r = modules_load(c, &what);
	if (r < 0)
		fatal("module", what, r, EXIT_FATAL);
	r = sync_wait();
	if (r < 0)
		fatal("sync", "parent", r, EXIT_FATAL);
	if (ri.console && (r = console_attach(ri.console)) < 0)
		fatal("console", ri.console, r, EXIT_FATAL);
	r = net_setup(c, &what);
	if (r < 0)
		fatal("net", what, r, EXIT_FATAL);
	if (ri.mode == MODE_SUBREAPER && touches_mount_ns(c))
		fatal("mount", "a subreaper shares the host's mounts and sysctls", -EPERM, EXIT_FATAL);
	r = rootfs_setup(c, &mounts, &what);
	if (r < 0)
		fatal("mount", what, r, EXIT_FATAL);
	r = etc_files_write(c, &what);	/* into the new root, before it is sealed */
	if (r < 0)
		fatal("write", what, r, EXIT_FATAL);
	config_names(c);
	r = sysctls_apply(c, &what);	/* before /proc/sys turns read-only */
	if (r < 0)
		fatal("sysctl", what, r, EXIT_FATAL);
	r = rootfs_seal(c, &mounts, &what);
	if (r < 0)
		fatal("mount", what, r, EXIT_FATAL);
}

#ifdef RAWINIT_CRASH_TEST
void crash_test(char *const *envp);
#endif

static __attribute__((noreturn)) void bad_args(const char *bad)
{
	char msg[ARG_MSG_MAX];
	struct fmt f = FMT_INIT(msg);

	fmt_str(&f, bad);
	fmt_str(&f, USAGE);
	msg[f.len < sizeof(msg) ? f.len : sizeof(msg) - 1] = 0;
	fatal("args", msg, -EINVAL, EXIT_USAGE);
}

int main(int argc, char **argv, char **envp)
{
	const struct ksigaction dfl = { 0, 0, 0, 0 };
	const __u64 all = ~0ULL;
	const struct conf *conf;
	const char *what, *bad;
	long r;

	(void)argc;
	/* Before anything else: no signal may kill or interrupt PID 1 from here on. */
	sys_rt_sigprocmask(0 /* SIG_BLOCK */, &all, 0);
	/* An inherited SIG_IGN (or SA_NOCLDWAIT) on SIGCHLD would auto-reap: no statuses. */
	sys_rt_sigaction(17 /* SIGCHLD */, &dfl, 0);
	hygiene_enter();
	ri.envp = envp;
	ri.mode = detect_mode();
	crash_guard();
	bad = parse_args(argv, &what) < 0 ? what : 0;
	if (ri.mode == MODE_VM) {
		r = mounts_early(&what);
		if (r < 0)
			fatal("mount", what, r, EXIT_FATAL);
	}
	if (bad)	/* reported after the mounts: a VM has no console before them */
		bad_args(bad);
	conf = config_apply();
	if (!ri.argv)
		bad_args("COMMAND missing (none in the config either)");
	if (conf)
		setup(conf);
	if (ri.mode == MODE_SUBREAPER && !ri.exec) {
		r = sys_prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
		if (r < 0)
			fatal("prctl", "PR_SET_CHILD_SUBREAPER", r, EXIT_FATAL);
	}
	sync_done();
	if (ri.exec) {
		log_step("exec", ri.argv[0]);
		workload_exec();
	}
	r = spawn_workload();
	if (r < 0)
		fatal("spawn", ri.argv[0], r, EXIT_FATAL);
#ifdef RAWINIT_CRASH_TEST
	crash_test(envp);	/* tests/probe/crash.c, in the test build only: fault now */
#endif
	finish(supervise((int)r));
}
