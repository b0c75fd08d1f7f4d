// SPDX-License-Identifier: MIT
/* The name tables behind the text format, dump and the OCI converter: one spelling each. */
#include <string.h>
#include <strings.h>
#include <linux/capability.h>
#include <linux/mount.h>
#include <linux/sched.h>
#include <asm-generic/resource.h>	/* the generic numbers: x86_64 and aarch64 use them */
#include <asm-generic/signal.h>		/* the same; SIGRTMIN 32 and SIGRTMAX 64, the kernel's */
#include <stdio.h>
#include "../../sys/fmt.h"
#include "../../init/conf_format.h"
#include "names.h"

#define COUNT(a)	(sizeof(a) / sizeof((a)[0]))

static const char *const modes[] = { "auto", "vm", "container", "subreaper", "exec" };
static const char *const shutdowns[] = { "poweroff", "reboot", "halt" };
/* In struct rc_caps order: bit i of rc_caps.set names the i-th mask. */
static const char *const capsets[] = {
	"bounding", "effective", "permitted", "inheritable", "ambient",
};
/* The words after signal SIG: enum rc_sig_action first, then two forward variants. */
static const char *const sig_actions[] = { "forward", "ignore", "shutdown", "group", "rewrite" };

const struct names mode_names = { modes, COUNT(modes) };
const struct names shutdown_names = { shutdowns, COUNT(shutdowns) };
const struct names capset_names = { capsets, COUNT(capsets) };
const struct names sig_action_names = { sig_actions, COUNT(sig_actions) };

_Static_assert(COUNT(modes) == RC_MODE_EXEC + 1, "a name per enum rc_mode");
_Static_assert(COUNT(shutdowns) == RC_SHUTDOWN_HALT + 1, "a name per enum rc_shutdown");
_Static_assert(1u << COUNT(capsets) == RC_CAPS_ALL + 1, "a name per RC_CAPS_* bit");
_Static_assert(RC_SIG_SHUTDOWN == SIG_ACT_GROUP - 1, "a name per enum rc_sig_action, then group");

int names_find(const struct names *n, const char *s)
{
	unsigned int i;

	for (i = 0; i < n->count; i++)
		if (n->name[i] && !strcmp(n->name[i], s))
			return (int)i;
	return -1;
}

#define N(x)	[x] = #x
static const char *const caps[RC_CAP_LAST + 1] = {
	N(CAP_CHOWN), N(CAP_DAC_OVERRIDE), N(CAP_DAC_READ_SEARCH), N(CAP_FOWNER),
	N(CAP_FSETID), N(CAP_KILL), N(CAP_SETGID), N(CAP_SETUID), N(CAP_SETPCAP),
	N(CAP_LINUX_IMMUTABLE), N(CAP_NET_BIND_SERVICE), N(CAP_NET_BROADCAST),
	N(CAP_NET_ADMIN), N(CAP_NET_RAW), N(CAP_IPC_LOCK), N(CAP_IPC_OWNER),
	N(CAP_SYS_MODULE), N(CAP_SYS_RAWIO), N(CAP_SYS_CHROOT), N(CAP_SYS_PTRACE),
	N(CAP_SYS_PACCT), N(CAP_SYS_ADMIN), N(CAP_SYS_BOOT), N(CAP_SYS_NICE),
	N(CAP_SYS_RESOURCE), N(CAP_SYS_TIME), N(CAP_SYS_TTY_CONFIG), N(CAP_MKNOD),
	N(CAP_LEASE), N(CAP_AUDIT_WRITE), N(CAP_AUDIT_CONTROL), N(CAP_SETFCAP),
	N(CAP_MAC_OVERRIDE), N(CAP_MAC_ADMIN), N(CAP_SYSLOG), N(CAP_WAKE_ALARM),
	N(CAP_BLOCK_SUSPEND), N(CAP_AUDIT_READ), N(CAP_PERFMON), N(CAP_BPF),
	N(CAP_CHECKPOINT_RESTORE),
};
_Static_assert(CAP_LAST_CAP >= RC_CAP_LAST, "the kernel headers know every capability");

static const char *const rlimits[RC_RLIMIT_LAST + 1] = {
	N(RLIMIT_CPU), N(RLIMIT_FSIZE), N(RLIMIT_DATA), N(RLIMIT_STACK), N(RLIMIT_CORE),
	N(RLIMIT_RSS), N(RLIMIT_NPROC), N(RLIMIT_NOFILE), N(RLIMIT_MEMLOCK), N(RLIMIT_AS),
	N(RLIMIT_LOCKS), N(RLIMIT_SIGPENDING), N(RLIMIT_MSGQUEUE), N(RLIMIT_NICE),
	N(RLIMIT_RTPRIO), N(RLIMIT_RTTIME),
};

/* The standard signals; from SIGRTMIN on they are named by RTMIN and RTMAX. */
static const char *const sigs[SIGRTMIN] = {
	N(SIGHUP), N(SIGINT), N(SIGQUIT), N(SIGILL), N(SIGTRAP), N(SIGABRT), N(SIGBUS),
	N(SIGFPE), N(SIGKILL), N(SIGUSR1), N(SIGSEGV), N(SIGUSR2), N(SIGPIPE), N(SIGALRM),
	N(SIGTERM), N(SIGSTKFLT), N(SIGCHLD), N(SIGCONT), N(SIGSTOP), N(SIGTSTP), N(SIGTTIN),
	N(SIGTTOU), N(SIGURG), N(SIGXCPU), N(SIGXFSZ), N(SIGVTALRM), N(SIGPROF), N(SIGWINCH),
	N(SIGIO), N(SIGPWR), N(SIGSYS),
};
#undef N
_Static_assert(SIGRTMIN == 32 && SIGRTMAX == RC_SIG_LAST, "the kernel's realtime numbering");

/* Full name with its prefix ("CAP_CHOWN") or without ("chown"), in any case. */
static int prefixed_lookup(const char *const *tab, unsigned int n, const char *prefix,
			   const char *s)
{
	size_t plen = strlen(prefix);
	unsigned int i;

	if (!strncasecmp(s, prefix, plen))
		s += plen;
	for (i = 0; i < n; i++)
		if (tab[i] && !strcasecmp(tab[i] + plen, s))
			return (int)i;
	return -1;
}

int cap_lookup(const char *s)
{
	return prefixed_lookup(caps, COUNT(caps), "CAP_", s);
}

const char *cap_name(unsigned int cap)
{
	return cap < COUNT(caps) ? caps[cap] : "?";
}

int rlimit_lookup(const char *s)
{
	return prefixed_lookup(rlimits, COUNT(rlimits), "RLIMIT_", s);
}

const char *rlimit_name(unsigned int res)
{
	return res < COUNT(rlimits) ? rlimits[res] : "?";
}

/*
 * RTMIN+n or RTMAX-n (s without its SIG): the signal, or -1. Without a libc
 * none is reserved: RTMIN is 32, where glibc's SIGRTMIN is 34.
 */
static int rt_lookup(const char *s)
{
	unsigned long n = 0;
	int max = !strncasecmp(s, "RTMAX", 5);

	if (!max && strncasecmp(s, "RTMIN", 5))
		return -1;
	s += 5;
	if (*s && (*s != (max ? '-' : '+') || parse_ulong(s + 1, &n) < 0 ||
		   n > SIGRTMAX - SIGRTMIN))
		return -1;
	return max ? SIGRTMAX - (int)n : SIGRTMIN + (int)n;
}

int sig_lookup(const char *s)
{
	int sig = prefixed_lookup(sigs, COUNT(sigs), "SIG", s);

	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	if (sig < 0 && !strcasecmp(s, "IOT"))
		sig = SIGIOT;
	if (sig < 0 && !strcasecmp(s, "POLL"))
		sig = SIGPOLL;
	return sig < 0 ? rt_lookup(s) : sig;
}

/* The realtime ones as RTMIN+n up to the middle (48), then as RTMAX-n. */
const char *sig_name(unsigned int sig, char buf[SIG_NAME_MAX])
{
	const unsigned int mid = (SIGRTMIN + SIGRTMAX) / 2;

	if (sig && sig < SIGRTMIN)
		return sigs[sig];
	if (sig == SIGRTMIN || sig == SIGRTMAX)
		return sig == SIGRTMIN ? "SIGRTMIN" : "SIGRTMAX";
	if (sig > SIGRTMIN && sig < SIGRTMAX)
		snprintf(buf, SIG_NAME_MAX, sig <= mid ? "SIGRTMIN+%u" : "SIGRTMAX-%u",
			 sig <= mid ? sig - SIGRTMIN : SIGRTMAX - sig);
	else
		snprintf(buf, SIG_NAME_MAX, "%u", sig);
	return buf;
}

/*
 * Dump prints the options that set something, in this order; rbind comes
 * before bind so MS_BIND|MS_REC reads as rbind.
 */
const struct mntopt mntopts[] = {
	{ "ro", MS_RDONLY, 0, 0, 0 },
	{ "nosuid", MS_NOSUID, 0, 0, 0 },
	{ "nodev", MS_NODEV, 0, 0, 0 },
	{ "noexec", MS_NOEXEC, 0, 0, 0 },
	{ "sync", MS_SYNCHRONOUS, 0, 0, 0 },
	{ "dirsync", MS_DIRSYNC, 0, 0, 0 },
	{ "noatime", MS_NOATIME, 0, 0, 0 },
	{ "nodiratime", MS_NODIRATIME, 0, 0, 0 },
	{ "relatime", MS_RELATIME, 0, 0, 0 },
	{ "strictatime", MS_STRICTATIME, 0, 0, 0 },
	{ "rbind", MS_BIND | MS_REC, 0, 0, 0 },
	{ "bind", MS_BIND, 0, 0, 0 },
	{ "private", 0, 0, MS_PRIVATE, 0 },
	{ "rprivate", 0, 0, MS_PRIVATE | MS_REC, 0 },
	{ "slave", 0, 0, MS_SLAVE, 0 },
	{ "rslave", 0, 0, MS_SLAVE | MS_REC, 0 },
	{ "shared", 0, 0, MS_SHARED, 0 },
	{ "rshared", 0, 0, MS_SHARED | MS_REC, 0 },
	{ "unbindable", 0, 0, MS_UNBINDABLE, 0 },
	{ "runbindable", 0, 0, MS_UNBINDABLE | MS_REC, 0 },
	{ "mkdir", 0, 0, 0, RC_MNT_MKDIR },
	{ "file", 0, 0, 0, RC_MNT_FILE },
	{ "rw", 0, MS_RDONLY, 0, 0 },
	{ "suid", 0, MS_NOSUID, 0, 0 },
	{ "dev", 0, MS_NODEV, 0, 0 },
	{ "exec", 0, MS_NOEXEC, 0, 0 },
	{ "norelatime", 0, MS_RELATIME, 0, 0 },
	{ NULL, 0, 0, 0, 0 },
};

const struct mntopt *mntopt_lookup(const char *s)
{
	const struct mntopt *o;

	for (o = mntopts; o->name; o++)
		if (!strcmp(o->name, s))
			return o;
	return NULL;
}

/*
 * The init makes a bind as a copy of the source tree (init/mount_cfg.c
 * bind_new), which takes per-mount flags only: filesystem data and the
 * superblock flags sync and dirsync would be dropped, so the compilers refuse them.
 */
const char *bind_unapplied(__u64 flags, const char *data)
{
	if (!(flags & MS_BIND))
		return NULL;
	if (*data)
		return "filesystem data";
	if (flags & MS_SYNCHRONOUS)
		return "sync";
	if (flags & MS_DIRSYNC)
		return "dirsync";
	return NULL;
}

const struct nstype nstypes[] = {
	{ "mount", "mount", CLONE_NEWNS },
	{ "uts", "uts", CLONE_NEWUTS },
	{ "ipc", "ipc", CLONE_NEWIPC },
	{ "net", "network", CLONE_NEWNET },
	{ "pid", "pid", CLONE_NEWPID },
	{ "user", "user", CLONE_NEWUSER },
	{ "cgroup", "cgroup", CLONE_NEWCGROUP },
	{ "time", "time", CLONE_NEWTIME },
	{ NULL, NULL, 0 },
};

const struct nstype *ns_by_name(const char *s)
{
	const struct nstype *n;

	for (n = nstypes; n->name && strcmp(n->name, s); n++)
		;
	return n->name ? n : NULL;
}

const struct nstype *ns_by_oci(const char *s)
{
	const struct nstype *n;

	for (n = nstypes; n->name && strcmp(n->oci, s); n++)
		;
	return n->name ? n : NULL;
}

const struct nstype *ns_by_flag(__u32 flag)
{
	const struct nstype *n;

	for (n = nstypes; n->name && n->flag != flag; n++)
		;
	return n->name ? n : NULL;
}
