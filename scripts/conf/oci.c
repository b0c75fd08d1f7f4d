// SPDX-License-Identifier: MIT
/* OCI runtime-spec config.json to a config: the JSON walk and typed reads naming their path. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "ocip.h"

void oci_bad(struct oci *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(o->err, ERR_MAX, "%s: %s: ", o->file, o->path);
	va_start(ap, fmt);
	vsnprintf(o->err + n, ERR_MAX - (size_t)n, fmt, ap);
	va_end(ap);
	longjmp(o->jmp, 1);
}

/* Remember where the path ends, to cut it back there on oci_leave(). */
static size_t push(struct oci *o)
{
	size_t n = strlen(o->path);

	if (o->depth < sizeof(o->mark) / sizeof(o->mark[0]))
		o->mark[o->depth] = n;
	o->depth++;
	return n;
}

void oci_leave(struct oci *o)
{
	if (--o->depth < sizeof(o->mark) / sizeof(o->mark[0]))
		o->path[o->mark[o->depth]] = 0;
}

/* .key, or ["key"] when key is not an identifier. */
void oci_enter_key(struct oci *o, const char *key)
{
	size_t n = push(o);
	const char *p = key;

	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
	       *p == '_')
		p++;
	snprintf(o->path + n, sizeof(o->path) - n, *p || !*key ? "[\"%s\"]" : ".%s", key);
}

/* The member key of obj with the path pointing at it (oci_leave() after), or NULL. */
json_t *oci_at(struct oci *o, json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	if (v)
		oci_enter_key(o, key);
	return v;
}

json_t *oci_item(struct oci *o, json_t *arr, size_t i)
{
	size_t n = push(o);

	snprintf(o->path + n, sizeof(o->path) - n, "[%zu]", i);
	return json_array_get(arr, i);
}

/* obj must be an object holding no key outside the NULL-terminated list. */
void oci_only(struct oci *o, json_t *obj, ...)
{
	const char *key, *k;
	json_t *v;
	va_list ap;

	if (!json_is_object(obj))
		oci_bad(o, "expected an object");
	json_object_foreach(obj, key, v) {
		va_start(ap, obj);
		while ((k = va_arg(ap, const char *)) && strcmp(k, key))
			;
		va_end(ap);
		if (!k) {
			oci_enter_key(o, key);
			oci_bad(o, "not supported by rawinit");
		}
	}
}

size_t oci_array(struct oci *o, json_t *j, unsigned int max, const char *limit)
{
	if (!json_is_array(j))
		oci_bad(o, "expected an array");
	if (json_array_size(j) > max)
		oci_bad(o, "expected at most %u entries (%s)", max, limit);
	return json_array_size(j);
}

const char *oci_string(struct oci *o, json_t *j)
{
	if (!json_is_string(j))
		oci_bad(o, "expected a string");
	if (strlen(json_string_value(j)) != json_string_length(j))
		oci_bad(o, "expected a string without NUL bytes");
	if (json_string_length(j) >= RC_STRING_MAX)
		oci_bad(o, "expected a string of at most %u bytes (RC_STRING_MAX)", RC_STRING_MAX - 1);
	return json_string_value(j);
}

__u32 oci_str(struct oci *o, json_t *j)
{
	return enc_str(o->e, oci_string(o, j));
}

__u32 oci_abspath(struct oci *o, json_t *j)
{
	const char *s = oci_string(o, j);

	if (s[0] != '/')
		oci_bad(o, "expected an absolute path, got '%s'", s);
	return enc_str(o->e, s);
}

int oci_bool(struct oci *o, json_t *j)
{
	if (!json_is_boolean(j))
		oci_bad(o, "expected true or false");
	return json_is_true(j);
}

/* An integer in [min, max]; a value past 2^63 made every number a real (see oci_parse). */
long long oci_int(struct oci *o, json_t *j, long long min, long long max)
{
	double d;

	if (json_is_integer(j) && json_integer_value(j) >= min && json_integer_value(j) <= max)
		return json_integer_value(j);
	if (o->reals && json_is_real(j)) {
		d = json_real_value(j);
		if (d >= (double)min && d <= (double)max && d == (double)(long long)d)
			return (long long)d;
	}
	oci_bad(o, "expected an integer %lld..%lld", min, max);
}

struct rc_process *oci_proc(struct oci *o)
{
	return enc_one(o->e, RC_SEC_PROCESS);
}

void *oci_add(struct oci *o, unsigned int type)
{
	void *r = enc_add(o->e, type);

	if (!r)
		oci_bad(o, "expected at most %u %s entries (%s)", enc_types[type].max,
			enc_types[type].name, enc_types[type].limit);
	return r;
}
/* An array of strings into a strref list section, each read by get. */
void oci_strings(struct oci *o, json_t *j, unsigned int type,
		 __u32 (*get)(struct oci *, json_t *))
{
	size_t i, n = oci_array(o, j, enc_types[type].max, enc_types[type].limit);

	for (i = 0; i < n; i++) {
		*(__u32 *)oci_add(o, type) = get(o, oci_item(o, j, i));
		oci_leave(o);
	}
}

/* The key of row f's OCI member in the object at at, or NULL when it is not one of its members. */
static const char *row_key(const struct conf_field *f, const char *at)
{
	size_t n = strlen(at);

	if (!f->oci || (n && (strncmp(f->oci, at, n) || f->oci[n] != '.')))
		return NULL;
	return strchr(f->oci + n + !!n, '.') ? NULL : f->oci + n + !!n;
}

static __u32 env_entry(struct oci *o, json_t *j)
{
	const char *s = oci_string(o, j), *eq = strchr(s, '=');

	if (!eq || eq == s)
		oci_bad(o, "expected KEY=VALUE, got '%s'", s);
	return enc_str(o->e, s);
}

/* A plain field's member (OCI in conf_format.h). */
static void read_row(struct oci *o, const struct conf_field *f, json_t *v)
{
	unsigned char *rec;
	__u32 x;

	if (f->list) {
		oci_strings(o, v, f->sec, f->kind == RC_F_STR ? oci_str :
					  f->kind == RC_F_ENV ? env_entry : oci_abspath);
		return;
	}
	rec = enc_one(o->e, f->sec);
	memcpy(&x, rec + f->off, f->size);
	if (f->oci_how == OCI_H_VALUE)
		x = f->kind == RC_F_STR ? oci_str(o, v) : oci_abspath(o, v);
	else if (f->oci_how == OCI_H_FLAG)
		x |= oci_bool(o, v) ? f->arg : 0;
	else
		x = (__u32)oci_int(o, v, f->min, f->max);
	memcpy(rec + f->off, &x, f->size);
	if (f->flag)
		((struct rc_process *)rec)->flags |= f->flag;
}

/* The row whose OCI member key is in the object at at, or NULL. */
static const struct conf_field *row_at(const char *at, const char *key)
{
	const struct conf_field *f;
	const char *k;

	for (f = conf_fields; f < conf_fields + conf_fields_count; f++)
		if ((k = row_key(f, at)) && !strcmp(k, key))
			return f;
	return NULL;
}

/* Whether members lists key. */
static int listed(const struct oci_member *members, const char *key)
{
	const struct oci_member *m;

	for (m = members; m->key && strcmp(m->key, key); m++)
		;
	return !!m->key;
}

void oci_members(struct oci *o, json_t *obj, const char *at, const struct oci_member *members)
{
	const struct oci_member *m;
	const struct conf_field *f;
	const char *key;
	json_t *v;

	if (!json_is_object(obj))
		oci_bad(o, "expected an object");
	json_object_foreach(obj, key, v) {
		for (m = members; m->key && strcmp(m->key, key); m++)
			;
		if ((!m->key || !m->fn) && !row_at(at, key)) {
			oci_enter_key(o, key);
			oci_bad(o, "not supported by rawinit");
		}
	}
	for (m = members; m->key; m++) {
		if (!(v = oci_at(o, obj, m->key))) {
			if (m->missing) {
				oci_enter_key(o, m->key);
				oci_bad(o, "%s", m->missing);
			}
			continue;
		}
		if (m->fn)
			m->fn(o, v);
		else
			read_row(o, row_at(at, m->key), v);
		oci_leave(o);
	}
	for (f = conf_fields; f < conf_fields + conf_fields_count; f++) {
		key = row_key(f, at);
		if (!key || listed(members, key) || !(v = oci_at(o, obj, key)))
			continue;
		read_row(o, f, v);
		oci_leave(o);
	}
}

static void version(struct oci *o, json_t *v)
{
	const char *ver = oci_string(o, v);

	if (strncmp(ver, "1.", 2))
		oci_bad(o, "expected a 1.x version, got '%s'", ver);
}

/* Metadata for tools: nothing to do. */
static void annotations(struct oci *o, json_t *v)
{
	if (!json_is_object(v))
		oci_bad(o, "expected an object");
}

static const struct oci_member config_members[] = {
	{ "ociVersion", version, "missing (expected 1.x)" },
	M_SUB("annotations", annotations),
	M_SUB("process", oci_process),
	M_SUB("root", oci_root),
	M_ROW("hostname"),
	M_ROW("domainname"),
	M_SUB("mounts", oci_mounts),
	M_SUB("linux", oci_linux),
	M_SUB(NULL, NULL),
};

/*
 * Jansson keeps integers in 64 signed bits: a file holding a larger one (say
 * RLIM_INFINITY, 18446744073709551615) is read again with every number a
 * double, where integers stay exact up to 2^53 and that one value is caught.
 */
int oci_parse(const char *file, const char *json, size_t len, struct enc *e, char *err)
{
	struct oci *o = calloc(1, sizeof(*o));
	json_error_t je;
	json_t *c;
	volatile int ret = -1;

	if (!o)
		return snprintf(err, ERR_MAX, "%s: out of memory", file), -1;
	o->file = file;
	o->e = e;
	o->err = err;
	strcpy(o->path, "$");
	c = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
	if (!c && strstr(je.text, "too big integer")) {
		o->reals = 1;
		c = json_loadb(json, len, JSON_REJECT_DUPLICATES | JSON_DECODE_INT_AS_REAL, &je);
	}
	if (!c) {
		if (je.line > 0)
			snprintf(err, ERR_MAX, "%s:%d:%d: %s", file, je.line, je.column, je.text);
		else
			snprintf(err, ERR_MAX, "%s: %s", file, je.text);
		free(o);
		return -1;
	}
	if (!setjmp(o->jmp)) {
		/*
		 * runc sets all five capability sets, one the config leaves out (or all
		 * of them, with no process.capabilities) empty; the init leaves a set the
		 * blob does not name as it was, root's full set. So every set is named.
		 */
		((struct rc_caps *)enc_one(e, RC_SEC_CAPS))->set = RC_CAPS_ALL;
		oci_members(o, c, "", config_members);
		ret = 0;
	}
	json_decref(c);
	free(o);
	return ret;
}
