// SPDX-License-Identifier: MIT
/* Host unit tests of sys/passwd.c: the line reader, the passwd and group line parsers, lookups. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "../../sys/passwd.h"
#define CHECK_PREFIX "passwd: "
#include "check.h"

/* A fake file: read() hands out `text` at most `chunk` bytes a call, then -EIO if `err`. */
static const char *fake_text;
static size_t fake_pos, fake_chunk;
static int fake_err;

static long fake_read(int fd, void *buf, unsigned long n)
{
	size_t left = strlen(fake_text) - fake_pos;

	(void)fd;
	if (!left && fake_err)
		return -EIO;
	if (n > fake_chunk)
		n = fake_chunk;
	if (n > left)
		n = left;
	memcpy(buf, fake_text + fake_pos, n);
	fake_pos += n;
	return (long)n;
}

static struct pw_file *fake_open(const char *text, size_t chunk)
{
	static struct pw_file f;

	memset(&f, 0xa5, sizeof(f));	/* the fields the caller must set, and the buffer, dirty */
	f.fd = 3;
	f.read = fake_read;
	f.len = f.pos = 0;
	f.skip = f.eof = 0;
	fake_text = text;
	fake_pos = 0;
	fake_chunk = chunk;
	fake_err = 0;
	return &f;
}

/* Every line of text, as read through the buffer, joined with '|'. */
static const char *lines_of(const char *text, size_t chunk)
{
	static char out[3 * PW_LINE_MAX];
	struct pw_file *f = fake_open(text, chunk);
	const char *line;
	unsigned int len;
	size_t o = 0;
	int r;

	while ((r = pw_next_line(f, &line, &len)) > 0) {
		if (o + len + 2 > sizeof(out))
			return "(too long)";
		memcpy(out + o, line, len);
		o += len;
		out[o++] = '|';
	}
	if (r < 0)
		return "(error)";
	out[o] = 0;
	return out;
}

static void test_reader(void)
{
	static char big[3 * PW_LINE_MAX + 64];
	size_t chunks[] = { 1, 7, 4096, 65536 };
	char name[96];
	unsigned int i;

	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		snprintf(name, sizeof(name), "reader: lines, an empty one, no final newline (reads of %zu)",
			 chunks[i]);
		expect(!strcmp(lines_of("a:1\n\nb:2\nc", chunks[i]), "a:1||b:2|c|"), name);
	}
	expect(!strcmp(lines_of("", 4096), ""), "reader: an empty file has no lines");
	expect(!strcmp(lines_of("x\n", 4096), "x|"), "reader: a final newline adds no empty line");

	/* A line of PW_LINE_MAX - 1 bytes plus its newline fills the buffer and is read. */
	memset(big, 'a', PW_LINE_MAX - 1);
	strcpy(big + PW_LINE_MAX - 1, "\nnext\n");
	expect(strlen(lines_of(big, 4096)) == PW_LINE_MAX - 1 + 1 + 5,
	       "reader: a line of PW_LINE_MAX - 1 bytes is read whole");
	/* One byte more and it is skipped, whatever the read sizes. */
	memset(big, 'a', PW_LINE_MAX);
	strcpy(big + PW_LINE_MAX, "\nnext\n");
	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		snprintf(name, sizeof(name), "reader: a line of PW_LINE_MAX bytes is skipped (reads of %zu)",
			 chunks[i]);
		expect(!strcmp(lines_of(big, chunks[i]), "next|"), name);
	}
	memset(big, 'b', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	memcpy(big, "a:1\n", 4);
	memcpy(big + 2 * PW_LINE_MAX, "\nmid\n", 5);
	expect(!strcmp(lines_of(big, 4096), "a:1|mid|"),
	       "reader: a line of twice the buffer is skipped, so is an unterminated overlong tail");

	{
		struct pw_file *f = fake_open("a\nb", 4096);
		const char *line;
		unsigned int len;
		int r1, r2, r3;

		fake_err = 1;
		r1 = pw_next_line(f, &line, &len);
		r2 = pw_next_line(f, &line, &len);
		r3 = pw_next_line(f, &line, &len);
		expect(r1 == 1 && r2 == -EIO && r3 == -EIO,
		       "reader: a read error is returned, not taken for the end");
	}
}

/* pw_passwd_line on a string: its result, uid and gid as "r uid gid". */
static const char *pwl(const char *line, const char *name)
{
	static char out[64];
	__u32 uid = 7777, gid = 7777;
	int r = pw_passwd_line(line, (unsigned int)strlen(line), name, &uid, &gid);

	snprintf(out, sizeof(out), "%d %u %u", r, uid, gid);
	return out;
}

#define PW_CASE(line, name, want, what) do {					\
	const char *got_ = pwl((line), (name));					\
	char why_[160];								\
	snprintf(why_, sizeof(why_), "got \"%s\", want \"%s\"", got_, (want));	\
	expect_why(!strcmp(got_, (want)), (what), why_);			\
} while (0)

static void test_passwd_line(void)
{
	PW_CASE("alice:x:1000:100:Alice:/home/alice:/bin/sh", "alice", "1 1000 100",
		"passwd: a normal line gives uid and gid");
	PW_CASE("root:x:0:0:root:/root:/bin/sh", "root", "1 0 0", "passwd: root is 0 0");
	PW_CASE("alice:x:1000:100:::", "alice", "1 1000 100", "passwd: empty gecos, home, shell");
	PW_CASE("  alice:x:1:2:::/bin/sh \r", "alice", "1 1 2",
		"passwd: blanks and a CR around the line are trimmed (as runc)");
	PW_CASE("bob:x:1001:100:::", "alice", "0 7777 7777", "passwd: another user's line is 0");
	PW_CASE("alicex:x:1:1:::", "alice", "0 7777 7777",
		"passwd: a name that the wanted one is a prefix of does not match");
	PW_CASE("alic:x:1:1:::", "alice", "0 7777 7777",
		"passwd: a name that is a prefix of the wanted one does not match");
	PW_CASE("ALICE:x:1:1:::", "alice", "0 7777 7777", "passwd: names are case-sensitive");
	PW_CASE("# alice:x:1:1:::", "alice", "0 7777 7777", "passwd: a comment is ignored");
	PW_CASE("#alice:x:1:1:::", "#alice", "0 7777 7777",
		"passwd: '#' at the start is a comment even for a name that begins with it");
	PW_CASE("", "alice", "0 7777 7777", "passwd: an empty line is ignored");
	PW_CASE(" \t ", "alice", "0 7777 7777", "passwd: a blank line is ignored");
	PW_CASE("alice:x:1000", "alice", "-22 7777 7777",
		"passwd: the user's line without gid is an error, not skipped");
	PW_CASE("alice:x:1000:100", "alice", "-22 7777 7777",
		"passwd: the user's line with 4 of 7 fields is an error");
	PW_CASE("alice:x:1:1:a:b:c:d", "alice", "-22 7777 7777",
		"passwd: the user's line with 8 fields is an error");
	PW_CASE("alice", "alice", "-22 7777 7777", "passwd: a bare name is an error");
	PW_CASE("bob:x:1000", "alice", "0 7777 7777",
		"passwd: another user's malformed line is skipped");
	PW_CASE("alice:x::100:::", "alice", "-22 7777 7777", "passwd: an empty uid is an error");
	PW_CASE("alice:x:1000::::", "alice", "-22 7777 7777", "passwd: an empty gid is an error");
	PW_CASE("alice:x:-1:100:::", "alice", "-22 7777 7777", "passwd: a negative uid is an error");
	PW_CASE("alice:x:+1:100:::", "alice", "-22 7777 7777", "passwd: a signed uid is an error");
	PW_CASE("alice:x: 1:100:::", "alice", "-22 7777 7777", "passwd: a blank in a uid is an error");
	PW_CASE("alice:x:1x:100:::", "alice", "-22 7777 7777", "passwd: a uid with a letter is an error");
	PW_CASE("alice:x:4294967294:4294967294:::", "alice", "1 4294967294 4294967294",
		"passwd: the largest valid ids, 2^32 - 2, are read");
	PW_CASE("alice:x:4294967295:1:::", "alice", "-22 7777 7777",
		"passwd: uid 2^32 - 1 ((uid_t)-1, 'unchanged' to setresuid) is an error");
	PW_CASE("alice:x:4294967296:1:::", "alice", "-22 7777 7777",
		"passwd: uid 2^32 (overflow) is an error");
	PW_CASE("alice:x:1:18446744073709551617:::", "alice", "-22 7777 7777",
		"passwd: a gid past 2^64 is an error, no wrap-around");
	PW_CASE("alice:x:00000000001:1:::", "alice", "-22 7777 7777",
		"passwd: more than 10 digits is an error even with leading zeros");
	PW_CASE("alice:x:0000000001:1:::", "alice", "1 1 1", "passwd: leading zeros within 10 digits");
	{
		static const char line[] = "alice\0:x:1:1:::";
		__u32 uid = 0, gid = 0;

		expect(pw_passwd_line(line, sizeof(line) - 1, "alice", &uid, &gid) == 0,
		       "passwd: a NUL inside the name field does not match");
	}
	{
		static const char line[] = "alice:x:1000:100:::/bin/shXXXX";
		__u32 uid = 0, gid = 0;

		/* Only len bytes are looked at: the X's are past the line. */
		expect(pw_passwd_line(line, sizeof(line) - 5, "alice", &uid, &gid) == 1 && uid == 1000,
		       "passwd: the parser reads only len bytes");
	}
}

/* pw_group_line on a string: "r gid". */
static const char *grl(const char *line, const char *group, const char *user)
{
	static char out[64];
	__u32 gid = 7777;
	int r = pw_group_line(line, (unsigned int)strlen(line), group, user, &gid);

	snprintf(out, sizeof(out), "%d %u", r, gid);
	return out;
}

#define GR_CASE(line, group, user, want, what) do {				\
	const char *got_ = grl((line), (group), (user));			\
	char why_[160];								\
	snprintf(why_, sizeof(why_), "got \"%s\", want \"%s\"", got_, (want));	\
	expect_why(!strcmp(got_, (want)), (what), why_);			\
} while (0)

static void test_group_line(void)
{
	GR_CASE("staff:x:50:", "staff", NULL, "1 50", "group: a named group gives its gid");
	GR_CASE("staff:x:50:", "staf", NULL, "0 7777", "group: a prefix of the name does not match");
	GR_CASE("staff:x:50:", "stafff", NULL, "0 7777", "group: a longer name does not match");
	GR_CASE("audio:x:29:alice,bob,carol", NULL, "alice", "2 29", "group: the user first in the list");
	GR_CASE("audio:x:29:bob,alice,carol", NULL, "alice", "2 29", "group: the user in the middle");
	GR_CASE("audio:x:29:bob,carol,alice", NULL, "alice", "2 29", "group: the user last");
	GR_CASE("audio:x:29:alice", NULL, "alice", "2 29", "group: the user alone");
	GR_CASE("audio:x:29:bob,carol", NULL, "alice", "0 7777", "group: the user absent");
	GR_CASE("audio:x:29:", NULL, "alice", "0 7777", "group: an empty member list");
	GR_CASE("audio:x:29:alicex,xalice,alic", NULL, "alice", "0 7777",
		"group: members that contain the name, or are a prefix of it, do not match");
	GR_CASE("audio:x:29:bob,,alice", NULL, "alice", "2 29", "group: an empty member is skipped");
	GR_CASE("audio:x:29:bob,alice \r", NULL, "alice", "2 29",
		"group: blanks ending the line are trimmed (as runc)");
	GR_CASE("audio:x:29:bob, alice", NULL, "alice", "0 7777",
		"group: a blank inside the list is part of the member's name");
	GR_CASE("alice:x:1000:alice", "alice", "alice", "3 1000",
		"group: named and listing the user at once");
	GR_CASE("audio:x:29:alice", "staff", NULL, "0 7777",
		"group: membership is not looked at without a user");
	GR_CASE("# staff:x:50:", "staff", "alice", "0 7777", "group: a comment is ignored");
	GR_CASE("", "staff", "alice", "0 7777", "group: an empty line is ignored");
	GR_CASE("staff:x:50", "staff", NULL, "-22 7777",
		"group: the named group's line without a member field is an error");
	GR_CASE("staff:x:50:a:b", "staff", NULL, "-22 7777",
		"group: the named group's line with 5 fields is an error");
	GR_CASE("staff:x::alice", "staff", NULL, "-22 7777", "group: an empty gid is an error");
	GR_CASE("audio:x:x29:alice", NULL, "alice", "-22 7777",
		"group: a line listing the user with a bad gid is an error");
	GR_CASE("audio:x:29:alice:more", NULL, "alice", "0 7777",
		"group: another group's line with 5 fields is skipped");
	GR_CASE("other:x:bad:bob", "staff", "alice", "0 7777",
		"group: a bad gid on a line that does not matter is skipped");
	GR_CASE("big:x:4294967295:alice", NULL, "alice", "-22 7777",
		"group: gid 2^32 - 1 is an error");
	GR_CASE("big:x:99999999999999999999:alice", NULL, "alice", "-22 7777",
		"group: a gid of 20 digits is an error");
}

static const char passwd_file[] =
	"# users\n"
	"root:x:0:0:root:/root:/bin/sh\n"
	"alic:x:1001:1001::/:/bin/sh\n"
	"\n"
	"alice:x:1000:100:Alice:/home/alice:/bin/sh\n"
	"alice:x:2000:200:second entry:/:/bin/sh\n"
	"broken:x:12\n"
	"last:x:3000:300:::";

static void test_lookups(void)
{
	__u32 uid = 7777, gid = 7777, list[4];
	unsigned int n = 0;
	int r;

	r = pw_user(fake_open(passwd_file, 4096), "alice", &uid, &gid);
	expect(r == 0 && uid == 1000 && gid == 100, "lookup: the first entry for a name wins");
	r = pw_user(fake_open(passwd_file, 3), "last", &uid, &gid);
	expect(r == 0 && uid == 3000 && gid == 300,
	       "lookup: the last line without a newline, read 3 bytes at a time");
	r = pw_user(fake_open(passwd_file, 4096), "nosuch", &uid, &gid);
	expect(r == -ENOENT, "lookup: an unknown user is ENOENT");
	r = pw_user(fake_open(passwd_file, 4096), "broken", &uid, &gid);
	expect(r == -EINVAL, "lookup: a malformed entry for the user is EINVAL");
	r = pw_user(fake_open("", 4096), "root", &uid, &gid);
	expect(r == -ENOENT, "lookup: an empty passwd file is ENOENT");
	{
		static char f[PW_LINE_MAX + 128];

		memset(f, 'z', sizeof(f));
		memcpy(f, "alice:x:5:5:", 12);	/* alice's line, but longer than the buffer */
		strcpy(f + PW_LINE_MAX + 32, "\nbob:x:6:6:::\n");
		r = pw_user(fake_open(f, 4096), "alice", &uid, &gid);
		expect(r == -ENOENT, "lookup: a user on an overlong line is not found (never truncated)");
		r = pw_user(fake_open(f, 4096), "bob", &uid, &gid);
		expect(r == 0 && uid == 6, "lookup: the line after an overlong one is read");
	}
	{
		struct pw_file *f = fake_open("alice", 4096);

		fake_err = 1;
		expect(pw_user(f, "bob", &uid, &gid) == -EIO, "lookup: a read error is returned");
	}

	static const char group_file[] =
		"root:x:0:\n"
		"wheel:x:10:root,alice\n"
		"audio:x:29:bob,alice,carol\n"
		"staff:x:50:alicex,bob\n"
		"video:x:44:alice\n"
		"staff:x:51:\n"
		"again:x:10:alice\n";
	gid = 7777;
	r = pw_groups(fake_open(group_file, 5), "staff", "alice", &gid, list, &n, 4);
	expect(r == 0 && gid == 50 && n == 3 && list[0] == 10 && list[1] == 29 && list[2] == 44,
	       "groups: one pass finds the group (first wins) and every group listing the user, once");
	n = 0;
	r = pw_groups(fake_open(group_file, 4096), "nosuch", NULL, &gid, list, &n, 4);
	expect(r == -ENOENT && n == 0, "groups: an unknown group is ENOENT");
	n = 0;
	r = pw_groups(fake_open(group_file, 4096), NULL, "nobody", &gid, list, &n, 4);
	expect(r == 0 && n == 0, "groups: a user no group lists has none, and that is no error");
	n = 0;
	r = pw_groups(fake_open(group_file, 4096), NULL, "alice", &gid, list, &n, 2);
	expect(r == -E2BIG && n == 2, "groups: more than max is E2BIG, never written past");
	n = 0;
	r = pw_groups(fake_open("staff:x:50:\nstaff:x:bad:\n", 4096), "staff", NULL, &gid, list, &n, 4);
	expect(r == 0 && gid == 50, "groups: a malformed duplicate after the first match is ignored");
	r = pw_groups(fake_open("staff:x:bad:\nstaff:x:50:\n", 4096), "staff", NULL, &gid, list, &n, 4);
	expect(r == -EINVAL, "groups: a malformed first match is an error, the later one never wins");

	n = 0;
	expect(!pw_add_gid(list, &n, 2, 5) && !pw_add_gid(list, &n, 2, 5) && n == 1,
	       "add_gid: a duplicate is added once");
	expect(!pw_add_gid(list, &n, 2, 6) && pw_add_gid(list, &n, 2, 7) == -E2BIG && n == 2 &&
	       !pw_add_gid(list, &n, 2, 6), "add_gid: E2BIG past max, but a duplicate still fits");
}

int main(void)
{
	test_reader();
	test_passwd_line();
	test_group_line();
	test_lookups();
	return check_done();
}
