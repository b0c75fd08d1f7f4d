// SPDX-License-Identifier: MIT
/* What PID 1 gives up once its workload is started: every capability supervision does not use. */
#include <linux/capability.h>
#include <linux/prctl.h>
#include "../sys/syscalls.h"
#include "rawinit.h"

#define CAP_BIT(c)	(1ULL << (c))

/*
 * What supervising still needs (docs/design.md, "What PID 1 keeps"):
 * CAP_KILL to forward signals to, and drain, processes running under another
 * uid; in a VM CAP_SYS_BOOT for the power-off (and the crash guard's).
 */
static __u64 shed_keep(void)
{
	return CAP_BIT(CAP_KILL) | (ri.mode == RC_MODE_VM ? CAP_BIT(CAP_SYS_BOOT) : 0);
}

/*
 * A workload that can ptrace PID 1 can make it run any syscall with its
 * credentials, so PID 1 keeps only what supervising needs. The bounding set
 * goes first, while CAP_SETPCAP is held; without it (an unprivileged
 * subreaper) the set cannot shrink and matters to nothing: PID 1 never execs.
 */
int supervisor_shed(struct fail *f)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	__u64 keep = shed_keep();
	unsigned int w;
	long r;

	f->obj = "capget";
	r = sys_capget(&h, d);
	if (r < 0)
		return (int)r;
	if ((d[CAP_TO_INDEX(CAP_SETPCAP)].effective & CAP_TO_MASK(CAP_SETPCAP)) &&
	    (r = creds_bounding_drop(keep, f)) < 0)
		return (int)r;
	f->obj = "ambient";
	r = sys_prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
	if (r < 0)
		return (int)r;
	for (w = 0; w < 2; w++) {
		d[w].permitted &= (__u32)(keep >> (32 * w));
		d[w].effective = d[w].permitted;
		d[w].inheritable = 0;
	}
	f->obj = "capset";
	r = sys_capset(&h, d);
	if (r < 0)
		return (int)r;
	f->obj = "no-new-privileges";
	return (int)sys_prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
}
