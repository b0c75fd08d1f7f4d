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

extern const struct names mode_names, shutdown_names, capset_names;

/* Index of s in n (exact match), or -1. */
int names_find(const struct names *n, const char *s);

/* "CAP_CHOWN" or "chown", any case: the capability number, or -1. */
int cap_lookup(const char *s);
const char *cap_name(unsigned int cap);	/* "CAP_CHOWN" */

/* "RLIMIT_NOFILE" or "nofile", any case: the resource, or -1. */
int rlimit_lookup(const char *s);
const char *rlimit_name(unsigned int res);	/* "RLIMIT_NOFILE" */

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
