/* SPDX-License-Identifier: MIT */
/* Name tables of rawinit-conf: capabilities, rlimits, mount options, namespaces, keywords. */
#ifndef CONF_NAMES_H
#define CONF_NAMES_H

#include <linux/types.h>

/* A keyword list: index = the value it stands for; NULL where there is none. */
struct names {
	const char *const *name;
	unsigned int count;
};

extern const struct names mode_names, shutdown_names, capset_names, sig_action_names;
/* The two sig_action_names after enum rc_sig_action's: forward to the group, rewrite. */
#define SIG_ACT_GROUP	3
#define SIG_ACT_REWRITE	4

/* Index of s in n (exact match), or -1. */
int names_find(const struct names *n, const char *s);

/* "CAP_CHOWN" or "chown", any case: the capability number, or -1. */
int cap_lookup(const char *s);
const char *cap_name(unsigned int cap);	/* "CAP_CHOWN" */

/* "RLIMIT_NOFILE" or "nofile", any case: the resource, or -1. */
int rlimit_lookup(const char *s);
const char *rlimit_name(unsigned int res);	/* "RLIMIT_NOFILE" */

/*
 * "SIGTERM", "TERM", "SIGRTMIN+3", "RTMAX-2" (any case; IOT and POLL too):
 * the signal as x86_64 and aarch64 number it, SIGRTMIN 32, SIGRTMAX 64; or -1.
 */
int sig_lookup(const char *s);
#define SIG_NAME_MAX	16
/* "SIGTERM", "SIGRTMIN+3"; buf holds a name made up (a number outside 1..64 as such). */
const char *sig_name(unsigned int sig, char buf[SIG_NAME_MAX]);

/* What a mount option does to a struct rc_mount. */
struct mntopt {
	const char *name;
	__u64 set, clear;	/* MS_* flags */
	__u32 propagation;	/* MS_PRIVATE..., | MS_REC; 0 = not a propagation */
	__u32 rflags;		/* RC_MNT_* */
};

/* The option called s, or NULL (then s is filesystem data). */
const struct mntopt *mntopt_lookup(const char *s);
/* The options in the order dump prints them; NULL-terminated by name. */
extern const struct mntopt mntopts[];
/* What the init would drop from a bind mount with these flags and data ("sync"...), or NULL. */
const char *bind_unapplied(__u64 flags, const char *data);

/* A namespace type: the text's name, the OCI name, the CLONE_NEW* bit. */
struct nstype {
	const char *name, *oci;
	__u32 flag;
};
extern const struct nstype nstypes[];
const struct nstype *ns_by_name(const char *s);
const struct nstype *ns_by_oci(const char *s);
const struct nstype *ns_by_flag(__u32 flag);

#endif
