// SPDX-License-Identifier: MIT
/* Load the config and take from it what already has behaviour: workload, environment, names, policy. */
#include <asm/errno.h>
#include <linux/reboot.h>
#include "../sys/syscalls.h"
#include "../sys/mem.h"
#include "../sys/fmt.h"
#include "../sys/clock.h"
#include "rawinit.h"
#include "conf.h"

#define CONF_MSG_MAX	200

static struct conf conf;
static char *conf_argv[RC_ARGV_MAX + 1];
static char *conf_env[RC_ENV_MAX + 1];

static const unsigned int shutdown_cmds[] = {
	[RC_SHUTDOWN_POWEROFF] = LINUX_REBOOT_CMD_POWER_OFF,
	[RC_SHUTDOWN_REBOOT] = LINUX_REBOOT_CMD_RESTART,
	[RC_SHUTDOWN_HALT] = LINUX_REBOOT_CMD_HALT,
};

/* A strref list section as a NULL-terminated vector of pointers into the blob. */
static char **strvec(unsigned int type, char **vec)
{
	const __u32 *refs = conf.sec[type].rec;
	unsigned int i;

	for (i = 0; i < conf.sec[type].count; i++)
		vec[i] = (char *)conf_str(&conf, refs[i]);
	vec[i] = 0;
	return vec;
}

static void set_name(const char *step, const char *name,
		     long (*set)(const char *, unsigned long))
{
	long r;

	if (!*name)
		return;
	/* A subreaper shares the host's UTS namespace: never rename the host. */
	r = ri.mode == MODE_SUBREAPER ? -EPERM : set(name, strlen(name));
	if (r < 0)
		fatal(step, name, r, EXIT_FATAL);
	log_step(step, name);
}

/*
 * Namespace records: rawinit does not create or join namespaces (its parent
 * does), and does not yet check that it runs in the ones listed. Running as if
 * they were honoured would be a lie, so a config carrying them is refused.
 */
static void refuse_unapplied(void)
{
	if (conf.sec[RC_SEC_NAMESPACES].rec)
		fatal("config", conf_sec_name(RC_SEC_NAMESPACES), -ENOSYS, EXIT_FATAL);
}

static void take_init(const struct rc_init *in)
{
	/* exec is what a runtime's init does, wherever it runs: any pid will do. */
	if (in->mode != RC_MODE_AUTO && in->mode != RC_MODE_EXEC &&
	    in->mode != ri.mode + RC_MODE_VM)
		fatal("config", "mode: not the mode rawinit finds itself in", -EINVAL, EXIT_FATAL);
	ri.exec = in->mode == RC_MODE_EXEC;
	if (*conf_str(&conf, in->console))
		ri.console = conf_str(&conf, in->console);
	if (in->verbosity > ri.verbose)
		ri.verbose = in->verbosity;
	if (!ri.grace_from_args)
		ri.grace_ns = in->grace_ms * (NSEC_PER_SEC / 1000);
	ri.shutdown = shutdown_cmds[in->shutdown];
	if (in->sync_fd != RC_NONE)
		ri.sync_fd = (int)in->sync_fd;
}

/*
 * Every failure here is fatal: a config that cannot be read or trusted never
 * half-runs. Returns the decoded config for the later steps, or NULL when
 * there is none.
 */
const struct conf *config_apply(void)
{
	char msg[CONF_MSG_MAX];
	struct fmt f = FMT_INIT(msg);
	const struct rc_process *p;
	const struct rc_init *in;
	const char *src = "";
	int r;

	r = conf_load(&conf, ri.conf_path, &src, &f);
	if (r == 1)
		return 0;
	if (r < 0) {
		/* "<source>: <decoder's reason>", or just the source for a read error. */
		char obj[CONF_MSG_MAX + 64];
		struct fmt o = FMT_INIT(obj);

		fmt_str(&o, src);
		if (f.len) {
			fmt_str(&o, ": ");
			msg[f.len < sizeof(msg) ? f.len : sizeof(msg) - 1] = 0;
			fmt_str(&o, msg);
		}
		obj[o.len < sizeof(obj) ? o.len : sizeof(obj) - 1] = 0;
		fatal("config", obj, r, EXIT_FATAL);
	}
	in = CONF_ONE(&conf, RC_SEC_INIT, struct rc_init);
	p = CONF_ONE(&conf, RC_SEC_PROCESS, struct rc_process);
	refuse_unapplied();
	if (in)
		take_init(in);
	log_step("config", src);
	if (!ri.argv && conf.sec[RC_SEC_ARGV].rec)
		ri.argv = strvec(RC_SEC_ARGV, conf_argv);
	if (conf.sec[RC_SEC_ENV].rec)
		ri.envp = strvec(RC_SEC_ENV, conf_env);
	if (p && *conf_str(&conf, p->cwd))
		ri.cwd = conf_str(&conf, p->cwd);
	ri.conf = &conf;
	return &conf;
}

/* Hostname and domainname: a setup step of their own, after the network (DESIGN.md step 7). */
void config_names(const struct conf *c)
{
	const struct rc_process *p = CONF_ONE(c, RC_SEC_PROCESS, struct rc_process);

	if (!p)
		return;
	set_name("hostname", conf_str(c, p->hostname), sys_sethostname);
	set_name("domainname", conf_str(c, p->domainname), sys_setdomainname);
}
