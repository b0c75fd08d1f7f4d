/* SPDX-License-Identifier: MIT */
/* The config rawinit-conf holds in memory, and its one canonical encoding as a v1 blob. */
#ifndef CONF_ENC_H
#define CONF_ENC_H

#include <stddef.h>
#include "../../init/conf.h"

#define ERR_MAX		512	/* one error line */
#define GRACE_MS_DEFAULT RC_GRACE_MS_DEFAULT	/* one definition, in conf_format.h */

/*
 * Records are the format's own structs, except that a strref field holds an
 * index into strs (0 is "") until enc_blob lays out the string area.
 */
struct enc {
	char **strs;
	unsigned int nstrs, strs_cap;
	struct {
		unsigned char *rec;	/* room for the type's maximum count */
		unsigned int count;
	} sec[RC_SEC_TYPES];
};

/* Each section type, from RC_SECTIONS. */
struct enc_type {
	const char *name;
	const char *limit;		/* the RC_* constant bounding count */
	unsigned int size, max;		/* record size; max 1 = a singleton */
};
extern const struct enc_type enc_types[RC_SEC_TYPES];

void enc_init(struct enc *e);
void enc_free(struct enc *e);
/* Store a string; its id (0 for ""). */
__u32 enc_str(struct enc *e, const char *s);
const char *enc_get(const struct enc *e, __u32 id);
/* The singleton record of type, created with the format's defaults on first use. */
void *enc_one(struct enc *e, unsigned int type);
/* A new zeroed record at the end of a list section; NULL when at its maximum. */
void *enc_add(struct enc *e, unsigned int type);
void *enc_at(const struct enc *e, unsigned int type, unsigned int i);

/* Lay out the canonical blob (malloc'd); 0, or -1 and one line in err. */
int enc_blob(const struct enc *e, unsigned char **blob, size_t *len, char *err);
/* Fill e from a decoded blob (records copied, strrefs turned back into strings). */
void enc_from_conf(struct enc *e, const struct conf *c);

#endif
