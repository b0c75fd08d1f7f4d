// SPDX-License-Identifier: MIT
/* Load the config, refuse what rawinit cannot honour, and take the run-time state it sets. */
#include <asm/errno.h>
#include <linux/reboot.h>
#include "../sys/fmt.h"
#include "../sys/mem.h"
#include "../sys/clock.h"
#include "rawinit.h"
#include "conf.h"

#define CONF_MSG_MAX	200

static struct conf conf;

static const unsigned int shutdown_cmds[] = {
	[RC_SHUTDOWN_POWEROFF] = LINUX_REBOOT_CMD_POWER_OFF,
	[RC_SHUTDOWN_REBOOT] = LINUX_REBOOT_CMD_RESTART,
	[RC_SHUTDOWN_HALT] = LINUX_REBOOT_CMD_HALT,
};

/* Mode names as the text config spells them, in enum rc_mode order, packed. */
static const char mode_names[] = "auto\0vm\0container\0subreaper\0exec";

/* "<source>: <decoder's reason>", or just the source for a read error; then the end. */
static __attribute__((noreturn)) void load_failed(const char *src, struct fmt *why, int r)
{
	char obj[CONF_MSG_MAX + 64];
	struct fmt o = FMT_INIT(obj);

	fmt_str(&o, src);
	if (why->len) {
		fmt_str(&o, ": ");
		why->buf[why->len < why->cap ? why->len : why->cap - 1] = 0;
		fmt_str(&o, why->buf);
	}
	obj[o.len < sizeof(obj) ? o.len : sizeof(obj) - 1] = 0;
	fatal("config", obj, r, EXIT_FATAL);
}

/*
 * A config that cannot be read or trusted never half-runs: every failure here
 * is fatal. Namespace records are refused (ENOSYS): rawinit neither creates
 * nor checks them yet, and running as if they were honoured would be a lie.
 * A mode other than auto must be where rawinit runs (exec runs anywhere).
 * Returns the config, or an empty one when there is none.
 */
const struct conf *conf_apply(const char *path)
{
	char msg[CONF_MSG_MAX];
	struct fmt f = FMT_INIT(msg);
	const struct rc_init *in;
	const char *src = "";
	struct fail e;
	int r;

	r = conf_load(&conf, path, &src, &f);
	if (r == 1) {	/* none: every section absent, every strref reads "" */
		conf.strings = "";
		conf.strings_len = 1;
		return &conf;
	}
	if (r < 0)
		load_failed(src, &f, r);
	if (conf.sec[RC_SEC_NAMESPACES].rec)
		fatal("config", conf_sec_name(RC_SEC_NAMESPACES), -ENOSYS, EXIT_FATAL);
	in = CONF_ONE(&conf, RC_SEC_INIT, struct rc_init);
	if (in && in->mode != RC_MODE_AUTO && in->mode != RC_MODE_EXEC && in->mode != ri.mode)
		fatal("config", (fail_obj(&e, "mode ", str_at(mode_names, in->mode), 0, 0), e.obj), -EINVAL,
		      EXIT_FATAL);
	if (in && in->verbosity > ri.verbose)
		ri.verbose = in->verbosity;
	if (in)
		ri.shutdown = shutdown_cmds[in->shutdown];
	if (in && in->sync_fd != RC_NONE)
		ri.sync_fd = (int)in->sync_fd;
	log_step("config", src);
	return &conf;
}

int conf_exec_mode(const struct conf *c)
{
	const struct rc_init *in = CONF_ONE(c, RC_SEC_INIT, struct rc_init);

	return in && in->mode == RC_MODE_EXEC;
}

/* SIGTERM to SIGKILL when draining: the config's, else the default. */
unsigned long conf_grace_ns(const struct conf *c)
{
	const struct rc_init *in = CONF_ONE(c, RC_SEC_INIT, struct rc_init);

	return (in ? in->grace_ms : RC_GRACE_MS_DEFAULT) * (NSEC_PER_SEC / 1000);
}
