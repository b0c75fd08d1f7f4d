// SPDX-License-Identifier: MIT
/* The workload's identity, capabilities and limits, set in its child just before exec. */
#include <asm/errno.h>
#include <linux/fcntl.h>
#include <linux/prctl.h>
#include "../sys/fs.h"
#include "../sys/fmt.h"
#include "../sys/mem.h"
#include "../sys/passwd.h"
#include "rawinit.h"
#include "conf.h"

#define CAP_NUM_MAX	64	/* capability numbers tried: the kernel's own last one ends it */
#define OOM_TEXT_MAX	8	/* "-1000\n" */

/* A config without a PROCESS section: no user, group, umask or flags (strref 0 is ""). */
static const struct rc_process no_process = { .umask = RC_NONE };

/* RLIMIT_* names in the generic numbering both ISAs use, NUL-separated. */
static const char rlimit_names[] = "CPU\0FSIZE\0DATA\0STACK\0CORE\0RSS\0NPROC\0NOFILE\0"
	"MEMLOCK\0AS\0LOCKS\0SIGPENDING\0MSGQUEUE\0NICE\0RTPRIO\0RTTIME";

struct ids {
	__u32 uid, gid;
	int set_uid, set_gid, set_groups;
	unsigned int ngroups;
	__u32 groups[RC_GROUPS_MAX];
};

static long read_fd(int fd, void *buf, unsigned long n)
{
	return sys_read(fd, buf, n);
}

/*
 * Only a regular file of at most PW_FILE_MAX bytes: a FIFO, /dev/zero or
 * /dev/urandom in a rootfs would keep the privileged child reading forever.
 * O_NONBLOCK so that opening a FIFO with no writer does not wait either.
 */
static int pw_open(struct pw_file *pw, const char *path, struct fail *f)
{
	long fd = sys_openat(AT_FDCWD, path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0), r;
	struct statx st;

	f->obj = path;
	if (fd < 0)
		return (int)fd;
	r = sys_statx((int)fd, "", AT_EMPTY_PATH, STATX_TYPE | STATX_SIZE, &st);
	if (r >= 0 && !S_ISREG(st.stx_mode))
		r = -EINVAL;
	else if (r >= 0 && st.stx_size > PW_FILE_MAX)
		r = -EFBIG;
	if (r < 0) {
		sys_close((int)fd);
		return (int)r;
	}
	pw->fd = (int)fd;
	pw->read = read_fd;
	pw->len = pw->pos = 0;
	pw->skip = pw->eof = 0;
	return 0;
}

/*
 * Who the workload will be, worked out before anything changes (as root, with
 * the files readable). Supplementary groups follow runc (libcontainer/user
 * GetExecUser): the GROUPS section, plus, for a user given by name and no
 * group given, every group in /etc/group listing that name; the primary gid is
 * not added; no /etc/group then means no such groups (runc reads a missing
 * file as empty). A numeric user needs no file and keeps the current gid
 * unless a group is given (as `docker run --user 1000` runs with gid 0).
 */
static int ids_resolve(const struct conf *c, const struct rc_process *p, struct ids *id,
		       struct fail *f)
{
	const __u32 *g = c->sec[RC_SEC_GROUPS].rec;
	const char *user = conf_str(c, p->user), *group = conf_str(c, p->group);
	int members, r;
	struct pw_file pw;
	unsigned int i;
	__u32 pw_gid;

	id->ngroups = 0;
	for (i = 0; i < CONF_COUNT(c, RC_SEC_GROUPS); i++)
		pw_add_gid(id->groups, &id->ngroups, RC_GROUPS_MAX, g[i]);
	id->uid = p->uid;
	id->gid = p->gid;
	id->set_uid = *user || (p->flags & RC_PROC_UID);
	id->set_gid = *group || (p->flags & RC_PROC_GID);
	id->set_groups = g || id->set_uid || id->set_gid;
	members = *user && !id->set_gid;
	if (*user) {
		if ((r = pw_open(&pw, "/etc/passwd", f)) < 0)
			return r;
		r = pw_user(&pw, user, &id->uid, &pw_gid);
		sys_close(pw.fd);
		if (r < 0)
			return fail_obj(f, "user ", user, 0, r);
		if (!id->set_gid)
			id->gid = pw_gid;
		id->set_gid = 1;
	}
	if (*group || members) {
		if ((r = pw_open(&pw, "/etc/group", f)) < 0)
			return r == -ENOENT && !*group ? 0 : r;
		r = pw_groups(&pw, *group ? group : 0, members ? user : 0, &id->gid, id->groups,
			      &id->ngroups, RC_GROUPS_MAX);
		sys_close(pw.fd);
		if (r < 0)
			return fail_obj(f, *group ? "group " : "groups of ", *group ? group : user, 0, r);
	}
	/* (__u32)-1 would mean "unchanged" to setres*id: never let it through. */
	if (id->set_uid && id->uid == PW_ID_INVALID)
		return fail_obj(f, "uid ", 0, id->uid, -EINVAL);
	if (id->set_gid && id->gid == PW_ID_INVALID)
		return fail_obj(f, "gid ", 0, id->gid, -EINVAL);
	return 0;
}

/* Applied while still privileged: raising a hard limit or lowering the score needs CAP_SYS_RESOURCE. */
static int limits_apply(const struct conf *c, const struct rc_process *p, struct fail *f)
{
	const struct rc_rlimit *rl;
	char text[OOM_TEXT_MAX];
	struct fmt t = FMT_INIT(text);
	struct rlimit64 lim;
	unsigned int i;
	long r, fd;

	for (i = 0; i < CONF_COUNT(c, RC_SEC_RLIMITS); i++) {
		rl = CONF_AT(c, RC_SEC_RLIMITS, struct rc_rlimit, i);
		lim.rlim_cur = rl->soft;
		lim.rlim_max = rl->hard;
		r = sys_prlimit64(0, rl->resource, &lim, 0);
		if (r < 0) {
			return fail_obj(f, "rlimit RLIMIT_", str_at(rlimit_names, rl->resource), 0,
					(int)r);
		}
	}
	if (!(p->flags & RC_PROC_OOM))
		return 0;
	f->obj = "/proc/self/oom_score_adj";
	fd = sys_openat(AT_FDCWD, f->obj, O_WRONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return (int)fd;
	fmt_dec(&t, p->oom_score_adj);
	r = sys_write((int)fd, text, t.len);
	sys_close((int)fd);
	return r < 0 ? (int)r : 0;
}

/* Drop every capability `keep` lacks from the bounding set, up to the kernel's last. */
int creds_bounding_drop(__u64 keep, struct fail *f)
{
	unsigned int cap;
	long r;

	for (cap = 0; cap < CAP_NUM_MAX; cap++) {
		if (keep >> cap & 1)
			continue;
		/*
		 * Drop first: one syscall per capability in the usual case. Without
		 * CAP_SETPCAP every drop is EPERM (checked before the cap's validity),
		 * which is fine where the capability is gone already.
		 */
		r = sys_prctl(PR_CAPBSET_DROP, cap, 0, 0, 0);
		if (r == -EPERM) {
			r = sys_prctl(PR_CAPBSET_READ, cap, 0, 0, 0);
			r = r > 0 ? -EPERM : r;
		}
		if (r == -EINVAL)	/* past the kernel's last capability */
			break;
		if (r < 0)
			return fail_obj(f, "bounding cap ", 0, cap, (int)r);
	}
	return 0;
}

/*
 * Effective, permitted and inheritable in one capset (v3: two 32-bit words per
 * set); a set the config leaves out keeps its value, except that an unnamed
 * effective set is cut to the new permitted one (the kernel requires E <= P).
 */
static int caps_set(const struct rc_caps *k, struct fail *f)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	const __u64 *m = &k->effective;
	unsigned int s, w;
	long r;

	f->obj = "capset";
	r = sys_capget(&h, d);
	if (r < 0)
		return (int)r;
	for (s = 0; s < 3; s++)		/* rc_caps and the kernel's struct: E, P, I in order */
		if (k->set & (RC_CAPS_EFFECTIVE << s))
			for (w = 0; w < 2; w++)
				((__u32 *)&d[w])[s] = (__u32)(m[s] >> (32 * w));
	if (!(k->set & RC_CAPS_EFFECTIVE))
		for (w = 0; w < 2; w++)
			d[w].effective &= d[w].permitted;
	return (int)sys_capset(&h, d);
}

static int ambient_set(__u64 amb, struct fail *f)
{
	unsigned int cap;
	long r;

	f->obj = "ambient";
	r = sys_prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
	for (cap = 0; r >= 0 && cap <= RC_CAP_LAST; cap++)
		if ((amb >> cap & 1) &&
		    (r = sys_prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap, 0, 0)) < 0)
			return fail_obj(f, "ambient cap ", 0, cap, (int)r);
	return (int)r;
}

/*
 * DESIGN.md step 8, in the workload's child (PID 1 keeps its privileges):
 * rlimits and oom_score_adj first, while they can still be raised and
 * lowered (runc sets both from its privileged parent; after setresuid the
 * process is no longer dumpable and /proc/self/oom_score_adj is root's), then
 * the bounding set, keepcaps, groups, gid, uid, capset, ambient,
 * no_new_privs, umask.
 */
int creds_apply(const struct conf *c, struct fail *f)
{
	const struct rc_process *p;
	const struct rc_caps *k;
	struct ids id;
	int r;

	p = CONF_ONE(c, RC_SEC_PROCESS, struct rc_process);
	if (!p)
		p = &no_process;
	k = CONF_ONE(c, RC_SEC_CAPS, struct rc_caps);
	if ((r = ids_resolve(c, p, &id, f)) < 0 || (r = limits_apply(c, p, f)) < 0)
		return r;
	if (k && (k->set & RC_CAPS_BOUNDING) && (r = creds_bounding_drop(k->bounding, f)) < 0)
		return r;
	/* Keep permitted across the uid change only when the config says what to keep. */
	f->obj = "PR_SET_KEEPCAPS";
	if (k && (r = (int)sys_prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0)) < 0)
		return r;
	f->obj = "setgroups";
	if (id.set_groups && (r = (int)sys_setgroups(id.ngroups, id.groups)) < 0)
		return r;
	if (id.set_gid && (r = (int)sys_setresgid(id.gid, id.gid, id.gid)) < 0)
		return fail_obj(f, "setresgid ", 0, id.gid, r);
	if (id.set_uid && (r = (int)sys_setresuid(id.uid, id.uid, id.uid)) < 0)
		return fail_obj(f, "setresuid ", 0, id.uid, r);
	if (k) {
		f->obj = "PR_SET_KEEPCAPS";
		if ((r = (int)sys_prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0)) < 0 ||
		    (r = caps_set(k, f)) < 0 ||
		    ((k->set & RC_CAPS_AMBIENT) && (r = ambient_set(k->ambient, f)) < 0))
			return r;
	}
	f->obj = "no-new-privileges";
	if ((p->flags & RC_PROC_NO_NEW_PRIVS) &&
	    (r = (int)sys_prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)) < 0)
		return r;
	if (p->umask != RC_NONE)
		sys_umask((int)p->umask);
	return 0;
}
