// SPDX-License-Identifier: MIT
/* /etc/passwd and /etc/group: a line reader over a fixed buffer and the two line parsers. */
#include <asm-generic/errno-base.h>
#include "mem.h"
#include "passwd.h"

#define PW_PASSWD_FIELDS	7
#define PW_GROUP_FIELDS		4
#define PW_ID_DIGITS		10	/* digits in 2^32 - 1 */

struct span {
	const char *s;
	unsigned int len;
};

int pw_next_line(struct pw_file *f, const char **line, unsigned int *len)
{
	unsigned int i, start;
	long n;

	for (;;) {
		for (i = f->pos; i < f->len && f->buf[i] != '\n'; i++)
			;
		if (i < f->len || (f->eof && f->pos < f->len)) {
			start = f->pos;
			f->pos = i < f->len ? i + 1 : i;
			if (f->skip) {		/* the tail of an overlong line */
				f->skip = 0;
				continue;
			}
			*line = f->buf + start;
			*len = i - start;
			return 1;
		}
		if (f->eof)
			return 0;
		if (f->pos == 0 && f->len == sizeof(f->buf)) {
			f->skip = 1;		/* no newline in a full buffer */
			f->len = 0;
		} else {
			memmove(f->buf, f->buf + f->pos, f->len - f->pos);
			f->len -= f->pos;
			f->pos = 0;
		}
		n = f->read(f->fd, f->buf + f->len, sizeof(f->buf) - f->len);
		if (n < 0)
			return (int)n;
		if (n == 0)
			f->eof = 1;
		f->len += (unsigned int)n;
	}
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/*
 * Split at ':' into at most max fields after trimming blanks at both ends:
 * the field count (max + 1 when there are more), 0 for a line to ignore.
 */
static unsigned int split(const char *s, unsigned int len, struct span *f, unsigned int max)
{
	unsigned int n = 0, i;

	while (len && is_blank(*s))
		s++, len--;
	while (len && is_blank(s[len - 1]))
		len--;
	if (!len || *s == '#')
		return 0;
	f[0].s = s;
	for (i = 0; i < len; i++) {
		if (s[i] != ':')
			continue;
		f[n].len = (unsigned int)(s + i - f[n].s);
		if (++n == max)
			return max + 1;
		f[n].s = s + i + 1;
	}
	f[n].len = (unsigned int)(s + len - f[n].s);
	return n + 1;
}

static int span_is(const struct span *f, const char *name)
{
	return name && f->len == strlen(name) && !memcmp(f->s, name, f->len);
}

/* 1..PW_ID_DIGITS decimal digits, below PW_ID_INVALID. */
static int parse_id(const struct span *f, __u32 *id)
{
	unsigned long long v = 0;
	unsigned int i, d;

	if (!f->len || f->len > PW_ID_DIGITS)
		return -EINVAL;
	for (i = 0; i < f->len; i++) {
		d = (unsigned int)(f->s[i] - '0');
		if (d > 9)
			return -EINVAL;
		v = v * 10 + d;
	}
	if (v >= PW_ID_INVALID)
		return -EINVAL;
	*id = (__u32)v;
	return 0;
}

int pw_passwd_line(const char *line, unsigned int len, const char *name, __u32 *uid, __u32 *gid)
{
	struct span f[PW_PASSWD_FIELDS];
	unsigned int n = split(line, len, f, PW_PASSWD_FIELDS);
	__u32 u, g;

	if (!n || !span_is(&f[0], name))
		return 0;
	if (n != PW_PASSWD_FIELDS || parse_id(&f[2], &u) || parse_id(&f[3], &g))
		return -EINVAL;
	*uid = u;
	*gid = g;
	return 1;
}

/* Is name one of the comma-separated members? */
static int has_member(const struct span *m, const char *name)
{
	struct span one = { m->s, 0 };
	unsigned int i;

	for (i = 0; i <= m->len; i++) {
		if (i < m->len && m->s[i] != ',')
			continue;
		one.len = (unsigned int)(m->s + i - one.s);
		if (span_is(&one, name))
			return 1;
		one.s = m->s + i + 1;
	}
	return 0;
}

int pw_group_line(const char *line, unsigned int len, const char *group, const char *user,
		  __u32 *gid)
{
	struct span f[PW_GROUP_FIELDS];
	unsigned int n = split(line, len, f, PW_GROUP_FIELDS);
	int bits;

	if (!n)
		return 0;
	bits = span_is(&f[0], group) ? PW_GROUP_NAMED : 0;
	if (n != PW_GROUP_FIELDS)	/* a member list cannot be trusted: only the name counts */
		return bits ? -EINVAL : 0;
	if (user && has_member(&f[3], user))
		bits |= PW_GROUP_MEMBER;
	if (bits && parse_id(&f[2], gid))
		return -EINVAL;
	return bits;
}

int pw_user(struct pw_file *f, const char *name, __u32 *uid, __u32 *gid)
{
	const char *line;
	unsigned int len;
	int r;

	while ((r = pw_next_line(f, &line, &len)) > 0) {
		r = pw_passwd_line(line, len, name, uid, gid);
		if (r)
			return r < 0 ? r : 0;
	}
	return r < 0 ? r : -ENOENT;
}

int pw_add_gid(__u32 *list, unsigned int *n, unsigned int max, __u32 gid)
{
	unsigned int i;

	for (i = 0; i < *n; i++)
		if (list[i] == gid)
			return 0;
	if (*n >= max)
		return -E2BIG;
	list[(*n)++] = gid;
	return 0;
}

int pw_groups(struct pw_file *f, const char *group, const char *user, __u32 *gid,
	      __u32 *list, unsigned int *n, unsigned int max)
{
	const char *line;
	unsigned int len;
	int r, found = 0;
	__u32 id;

	while ((r = pw_next_line(f, &line, &len)) > 0) {
		r = pw_group_line(line, len, found ? 0 : group, user, &id);
		if (r < 0)
			return r;
		if ((r & PW_GROUP_NAMED) && !found) {
			*gid = id;
			found = 1;
		}
		if ((r & PW_GROUP_MEMBER) && (r = pw_add_gid(list, n, max, id)) < 0)
			return r;
	}
	if (r < 0)
		return r;
	return group && !found ? -ENOENT : 0;
}
