// SPDX-License-Identifier: MIT
/* rawinit's entry: the command line, the mode, and the two step lists it runs. */
#include <asm/errno.h>
#include <asm/signal.h>
#include <linux/prctl.h>
#include <linux/reboot.h>
#include "../sys/syscalls.h"
#include "../sys/fmt.h"
#include "../sys/clock.h"
#include "../sys/mem.h"
#include "rawinit.h"

#define USAGE	" (rawinit -h: the options)"
#define ARG_MSG_MAX	160
#define GRACE_SECS_MAX	3600

/*
 * The setup sequence, in PID 1 inside the namespaces, in DESIGN.md's order:
 * modules, the parent's go-ahead, the console, the network (while
 * capabilities are still held), the mount namespace, /etc files and names in
 * the new root, sysctls (before /proc/sys turns read-only), the seal.
 */
static const struct step setup_steps[] = {
	{ "module", modules_load },
	{ "sync", sync_wait },
	{ "console", console_attach },
	{ "net", net_setup },
	{ "mount", rootfs_setup },
	{ "etc", etc_files_write },
	{ "hostname", hostname_set },
	{ "domainname", domainname_set },
	{ "sysctl", sysctls_apply },
	{ "seal", rootfs_seal },
};

/*
 * The workload's steps, in the process that execs it (PID 1's child, or
 * rawinit itself in exec mode): its session, signals back to their defaults,
 * LSM labels (before the credentials, as runc does), credentials and limits,
 * the working directory, the parent death signal, PID 1's go-ahead, no fd
 * above 2; then execve (exec.c).
 */
static const struct step exec_steps[] = {
	{ "terminal", session_take },
	{ "signals", signals_reset },
	{ "apparmor", apparmor_apply },
	{ "selinux", selinux_apply },
	{ "creds", creds_apply },
	{ "chdir", cwd_enter },
	{ "pdeathsig", pdeathsig_restore },
	{ "gate", gate_wait },
	{ "fds", fds_close },
};

/* The one help text: `rawinit -h`. */
static const char help[] =
	"usage: rawinit [OPTION...] [--] [COMMAND [ARG...]]\n"
	" -c CONFIG   compiled config (default: embedded, /etc/rawinit.conf)\n"
	" -v          timeline (-v -v: more)\n"
	" -g SECS     SIGTERM to SIGKILL when draining (2)\n"
	" -G          signals to the workload's process group\n"
	" -r SIG:SIG  rewrite a signal (-r TERM:QUIT)\n"
	" -e CODE     exit status CODE reads as 0 (-e 143)\n"
	" -p SIG      signal on parent death, forwarded\n"
	" -h          this help\n"
	"SIG: TERM, SIGTERM or 1..64\n";

struct args {
	const char *conf_path;	/* -c PATH */
	unsigned long grace_ns;	/* -g SECONDS, or 0: the config's */
	int grace_set;
	int help;		/* -h, --help */
};

/*
 * Options come first; the workload is everything after them (or after `--`);
 * it may be left to the config. The kernel hands PID 1 what follows `--` on
 * its command line, so `... -- -v -- /bin/sh` arrives as { init, -v, --, /bin/sh }.
 * On a bad command line *bad names the offending word.
 */
static int parse_args(char **argv, struct args *a, const char **bad)
{
	unsigned long secs;

	for (argv++; *argv && (*argv)[0] == '-'; argv++) {
		const char *s = *argv;

		if (s[1] == '-' && !s[2]) {
			argv++;
			break;
		} else if ((s[1] == 'h' && !s[2]) || str_eq(s, "--help")) {
			a->help = 1;
		} else if (s[1] == 'G' && !s[2]) {
			policy_arg('G', 0);
		} else if ((s[1] == 'r' || s[1] == 'e' || s[1] == 'p') && !s[2] && argv[1] &&
			   !policy_arg(s[1], argv[1])) {
			argv++;
		} else if (s[1] == 'v' && !s[2]) {
			ri.verbose++;
		} else if (s[1] == 'g' && !s[2] && argv[1] &&
			   !parse_ulong(argv[1], &secs) && secs < GRACE_SECS_MAX) {
			a->grace_ns = secs * NSEC_PER_SEC;
			a->grace_set = 1;
			argv++;
		} else if (s[1] == 'c' && !s[2] && argv[1]) {
			a->conf_path = *++argv;
		} else {
			*bad = s;
			return -1;
		}
	}
	if (*argv)
		ri.argv = argv;
	return 0;
}

/*
 * reboot(CAD_OFF) tells a machine's PID 1 from a pid namespace's: in a child
 * namespace reboot_pid_ns() answers EINVAL (EPERM without CAP_SYS_BOOT); in
 * the initial one it succeeds and routes Ctrl-Alt-Del to us as SIGINT.
 */
static enum rc_mode detect_mode(void)
{
	if (sys_getpid() != 1)
		return RC_MODE_SUBREAPER;
	if (sys_reboot(LINUX_REBOOT_CMD_CAD_OFF) == 0)
		return RC_MODE_VM;
	return RC_MODE_CONTAINER;
}

static __attribute__((noreturn)) void bad_args(const char *bad)
{
	char msg[ARG_MSG_MAX];
	struct fmt f = FMT_INIT(msg);

	fmt_str(&f, bad);
	fmt_str(&f, USAGE);
	msg[f.len < sizeof(msg) ? f.len : sizeof(msg) - 1] = 0;
	fatal("args", msg, -EINVAL, EXIT_USAGE);
}

#ifdef RAWINIT_CRASH_TEST
void crash_test(char *const *envp);
#endif

int main(int argc, char **argv, char **envp)
{
	const struct ksigaction dfl = { 0, 0, 0, 0 };
	const __u64 all = ~0ULL;
	struct args a = { 0, 0, 0, 0 };
	const struct conf *c;
	const char *what, *bad;
	long r;

	(void)argc;
	/* Before anything else: no signal may kill or interrupt PID 1 from here on. */
	sys_rt_sigprocmask(SIG_BLOCK, &all, 0);
	/* An inherited SIG_IGN (or SA_NOCLDWAIT) on SIGCHLD would auto-reap: no statuses. */
	sys_rt_sigaction(SIGCHLD, &dfl, 0);
	/* Undumpable while privileged: the workload's execve makes it dumpable again. */
	sys_prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	pdeathsig_save();
	ri.envp = envp;
	ri.mode = detect_mode();
	crash_guard();
	bad = parse_args(argv, &a, &what) < 0 ? what : 0;
	if (ri.mode == RC_MODE_VM && (r = vm_mounts(&what)) < 0)
		fatal("mount", what, r, EXIT_FATAL);
	if (bad)	/* reported after the mounts: a VM has no console before them */
		bad_args(bad);
	if (a.help) {
		sys_write(1, help, sizeof(help) - 1);
		finish(0);
	}
	c = conf_apply(a.conf_path);
	policy_conf(c);
	if (!argv_of(c))
		bad_args("COMMAND missing (none in the config either)");
	steps_run(setup_steps, ARRAY_LEN(setup_steps), c);
	if (ri.mode == RC_MODE_SUBREAPER && !conf_exec_mode(c) &&
	    (r = sys_prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)) < 0)
		fatal("prctl", "PR_SET_CHILD_SUBREAPER", r, EXIT_FATAL);
	sync_done();
	if (conf_exec_mode(c))
		workload_exec(exec_steps, ARRAY_LEN(exec_steps), c);
	r = spawn_workload(exec_steps, ARRAY_LEN(exec_steps), c);
	if (r < 0)
		fatal("spawn", argv_of(c)[0], r, EXIT_FATAL);
#ifdef RAWINIT_CRASH_TEST
	crash_test(envp);	/* tests/probe/crash.c, in the test build only: fault now */
#endif
	finish(policy_status(supervise((int)r, a.grace_set ? a.grace_ns : conf_grace_ns(c))));
}
