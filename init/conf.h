/* SPDX-License-Identifier: MIT */
/* The config decoder: validate a whole blob, then read its records in place. */
#ifndef INIT_CONF_H
#define INIT_CONF_H

#include "conf_format.h"
#include "../sys/fmt.h"

/* Views into a validated blob; sec[t].rec is NULL when section t is absent. */
struct conf {
	const char *strings;
	__u32 strings_len;
	struct {
		const void *rec;
		__u32 count;
	} sec[RC_SEC_TYPES];
};

/*
 * Validate everything (header, checksum, section table, every record, every
 * string reference and limit) before anything is used. 0 and *c filled, or
 * -EINVAL with one line in *err naming where, e.g.
 * "mounts[2].target: string offset 4100 past string area (512 bytes)".
 * The blob must be RC_ALIGN-aligned; it is never copied or written.
 * Built into the init and, unchanged, into the host's rawinit-conf.
 */
int conf_decode(const void *blob, unsigned long len, struct conf *c, struct fmt *err);

/* A section type's name as messages spell it ("mounts"), "?" when unknown. */
const char *conf_sec_name(unsigned int type);

static inline const char *conf_str(const struct conf *c, __u32 ref)
{
	return c->strings + ref;
}

/* The one record of a singleton section, or NULL. */
#define CONF_ONE(c, type, T)	((const T *)(c)->sec[type].rec)
/* Record i of a list section (i < count). */
#define CONF_AT(c, type, T, i)	((const T *)(c)->sec[type].rec + (i))
#define CONF_COUNT(c, type)	((c)->sec[type].count)

#endif
