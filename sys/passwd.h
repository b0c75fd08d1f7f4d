/* SPDX-License-Identifier: MIT */
/* Users and groups by name from /etc/passwd and /etc/group, streamed through one fixed buffer. */
#ifndef SYS_PASSWD_H
#define SYS_PASSWD_H

#include <linux/types.h>

/*
 * One line of either file, its newline included: lines of up to PW_LINE_MAX - 1
 * bytes are read whole; a longer line is skipped to its newline, never split
 * or read past the buffer (a user or group on such a line is "not found").
 */
#define PW_LINE_MAX	4096
#define PW_FILE_MAX	(16u << 20)	/* a larger /etc/passwd or /etc/group is refused (EFBIG) */
#define PW_ID_INVALID	0xffffffffu	/* (uid_t)-1: "leave unchanged" to setres*id(2) */

/*
 * A file read line by line through buf. The caller opens it and sets fd and
 * read (sys_read in the init, a fake in the unit tests); the rest starts at 0.
 */
struct pw_file {
	int fd;
	long (*read)(int fd, void *buf, unsigned long n);
	unsigned int len;	/* bytes held in buf */
	unsigned int pos;	/* where the next line starts */
	int skip;		/* dropping the rest of an overlong line */
	int eof;
	char buf[PW_LINE_MAX];
};

/* The next line, without its newline: 1, or 0 at the end, or -errno from read. */
int pw_next_line(struct pw_file *f, const char **line, unsigned int *len);

/*
 * Lines are "name:password:UID:GID:gecos:home:shell" and "name:password:GID:
 * member,member,...", with blanks around the line, blank lines and lines that
 * start with '#' ignored, as runc's libcontainer/user reads them; names match
 * exactly (no prefix matches); ids are decimal, 0..PW_ID_INVALID - 1.
 * A line that would be used but is malformed (wrong field count, a bad id) is
 * an error, never skipped: a later line or a default must not win instead.
 *
 * pw_passwd_line: 1 and *uid, *gid when the line is name's; 0 when it is
 * another line; -EINVAL when it is name's but malformed (*uid, *gid untouched).
 */
int pw_passwd_line(const char *line, unsigned int len, const char *name, __u32 *uid, __u32 *gid);

#define PW_GROUP_NAMED	1	/* the group's name is `group` */
#define PW_GROUP_MEMBER	2	/* its member list names `user` */
/*
 * pw_group_line: PW_GROUP_* bits and *gid, 0 when neither applies, -EINVAL
 * when one does but the line is malformed. group or user may be NULL.
 */
int pw_group_line(const char *line, unsigned int len, const char *group, const char *user,
		  __u32 *gid);

/* The first entry for name in a passwd file: 0, -ENOENT, -EINVAL (malformed), -errno. */
int pw_user(struct pw_file *f, const char *name, __u32 *uid, __u32 *gid);

/*
 * One pass over a group file. With group: *gid of the first group so named
 * (-ENOENT when none is). With user: the gid of every group listing user is
 * added to list (n held, at most max; -E2BIG past it), without duplicates.
 */
int pw_groups(struct pw_file *f, const char *group, const char *user, __u32 *gid,
	      __u32 *list, unsigned int *n, unsigned int max);

/* Add gid to list unless it is there already: 0, or -E2BIG when max are held. */
int pw_add_gid(__u32 *list, unsigned int *n, unsigned int max, __u32 gid);

#endif
