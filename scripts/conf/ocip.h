/* SPDX-License-Identifier: MIT */
/* Inside the OCI converter: the walk's state and the typed reads that name their JSON path. */
#ifndef CONF_OCIP_H
#define CONF_OCIP_H

#include <jansson.h>
#include <setjmp.h>
#include "fields.h"
#include "names.h"
#include "oci.h"

struct oci {
	const char *file;
	struct enc *e;
	char *err;
	jmp_buf jmp;
	char path[1024];	/* JSON path of the value at hand, "$.process.args[0]" */
	size_t mark[32];	/* path lengths to return to */
	unsigned int depth;
	int reals;		/* numbers were read as reals (one did not fit 64 bits) */
};

/* "FILE: PATH: " and the message into o->err, then back to oci_parse. */
__attribute__((noreturn, format(printf, 2, 3)))
void oci_bad(struct oci *o, const char *fmt, ...);

/* Path steps: the member key (NULL when absent) or element i; oci_leave() undoes one. */
json_t *oci_at(struct oci *o, json_t *obj, const char *key);
json_t *oci_item(struct oci *o, json_t *arr, size_t i);
void oci_enter_key(struct oci *o, const char *key);
void oci_leave(struct oci *o);

/* obj must be an object with no key outside the NULL-terminated list. */
void oci_only(struct oci *o, json_t *obj, ...);
/* Typed reads of the value at the current path. */
size_t oci_array(struct oci *o, json_t *j, unsigned int max, const char *limit);
const char *oci_string(struct oci *o, json_t *j);
__u32 oci_str(struct oci *o, json_t *j);
__u32 oci_abspath(struct oci *o, json_t *j);
int oci_bool(struct oci *o, json_t *j);
long long oci_int(struct oci *o, json_t *j, long long min, long long max);

struct rc_process *oci_proc(struct oci *o);
void *oci_add(struct oci *o, unsigned int type);
/* An array of strings into a strref list section, each read by get. */
void oci_strings(struct oci *o, json_t *j, unsigned int type,
		 __u32 (*get)(struct oci *, json_t *));

/*
 * A member of a JSON object: read by its own code, fn (conf_format.h says which
 * and why), or, with no fn, the place in the reading order of the member a row
 * of conf_format.h maps (key only: the row says what it is). missing: the
 * message when the member is absent.
 */
struct oci_member {
	const char *key;
	void (*fn)(struct oci *o, json_t *v);
	const char *missing;
};
#define M_SUB(key, fn)	{ key, fn, NULL }
#define M_ROW(key)	{ key, NULL, NULL }

/*
 * obj, the object at the dotted path at ("" for the top), holds no key outside
 * members (NULL-terminated by key) and the rows of conf_format.h whose OCI
 * member it is; each present one is read: members in order, then the rows no
 * member places, in row order. The order only decides which of two errors is
 * reported; the M_ROW places keep the one reported before the rows held the
 * mapping.
 */
void oci_members(struct oci *o, json_t *obj, const char *at, const struct oci_member *members);

/* The parts: oci_process.c, oci_linux.c. */
void oci_process(struct oci *o, json_t *p);
void oci_root(struct oci *o, json_t *r);
void oci_mounts(struct oci *o, json_t *j);
void oci_linux(struct oci *o, json_t *l);

#endif
