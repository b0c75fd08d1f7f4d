// SPDX-License-Identifier: MIT
/* The hostname and the domainname (DESIGN.md step 7), after the network, in the UTS namespace. */
#include <asm/errno.h>
#include "../sys/syscalls.h"
#include "../sys/mem.h"
#include "rawinit.h"
#include "conf.h"

/* A subreaper shares the host's UTS namespace: never rename the host. */
static int name_set(const char *step, const char *name, long (*set)(const char *, unsigned long),
		    struct fail *f)
{
	long r;

	f->obj = name;
	if (!*name)
		return 0;
	r = ri.mode == RC_MODE_SUBREAPER ? -EPERM : set(name, strlen(name));
	if (r < 0)
		return (int)r;
	log_step(step, name);
	return 0;
}

int hostname_set(const struct conf *c, struct fail *f)
{
	const struct rc_process *p = CONF_ONE(c, RC_SEC_PROCESS, struct rc_process);

	return p ? name_set("hostname", conf_str(c, p->hostname), sys_sethostname, f) : 0;
}

int domainname_set(const struct conf *c, struct fail *f)
{
	const struct rc_process *p = CONF_ONE(c, RC_SEC_PROCESS, struct rc_process);

	return p ? name_set("domainname", conf_str(c, p->domainname), sys_setdomainname, f) : 0;
}
