// SPDX-License-Identifier: MIT
/* The workload's environment and argv: the config's, pointing into the blob, or what rawinit was given. */
#include "rawinit.h"
#include "conf.h"

static char *conf_argv[RC_ARGV_MAX + 1];
static char *conf_env[RC_ENV_MAX + 1];

/* A strref list section as a NULL-terminated vector of pointers into the blob. */
static char **strvec(const struct conf *c, unsigned int type, char **vec)
{
	const __u32 *refs = c->sec[type].rec;
	unsigned int i;

	for (i = 0; i < CONF_COUNT(c, type); i++)
		vec[i] = (char *)conf_str(c, refs[i]);
	vec[i] = 0;
	return vec;
}

/* An ENV section, even empty, replaces the inherited environment (LoadContainerEnvironment). */
char **env_of(const struct conf *c)
{
	return c->sec[RC_SEC_ENV].rec ? strvec(c, RC_SEC_ENV, conf_env) : ri.envp;
}

/* The command line's workload wins over the config's; NULL when neither names one. */
char **argv_of(const struct conf *c)
{
	if (ri.argv || !c->sec[RC_SEC_ARGV].rec)
		return ri.argv;
	return strvec(c, RC_SEC_ARGV, conf_argv);
}
