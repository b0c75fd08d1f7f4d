// SPDX-License-Identifier: MIT
/* Host unit tests of the pure sys/ helpers: formatter, parser, errno names, mem/str. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "../../sys/fmt.h"
#include "../../sys/errname.h"
#include "check.h"

/* sys/mem.c is built with its symbols renamed (see the Makefile) so libc keeps its own. */
void *t_memcpy(void *, const void *, size_t);
void *t_memmove(void *, const void *, size_t);
void *t_memset(void *, int, size_t);
int t_memcmp(const void *, const void *, size_t);
size_t t_strlen(const char *);
int str_eq(const char *, const char *);
const char *env_get(char *const *, const char *);


/* Format with fn into a buffer of `cap` bytes and compare with want. */
#define FMT_CASE(cap, call, want, name) do {				\
	char b_[64] = { 0 };						\
	struct fmt f_ = { b_, 0, (cap), 0 };				\
	struct fmt *f = &f_;						\
	call;								\
	expect(f_.len == strlen(want) && !memcmp(b_, want, f_.len), name); \
} while (0)

static void test_fmt(void)
{
	FMT_CASE(64, fmt_udec(f, 0), "0", "fmt_udec prints 0");
	FMT_CASE(64, fmt_udec(f, 18446744073709551615UL), "18446744073709551615",
		 "fmt_udec prints 2^64-1");
	FMT_CASE(64, fmt_dec(f, -42), "-42", "fmt_dec prints negatives");
	FMT_CASE(64, fmt_dec(f, -9223372036854775807L - 1), "-9223372036854775808",
		 "fmt_dec prints LONG_MIN");
	FMT_CASE(64, fmt_hex(f, 0), "0x0", "fmt_hex prints 0");
	FMT_CASE(64, fmt_hex(f, 0xfee1dead), "0xfee1dead", "fmt_hex prints lowercase");
	FMT_CASE(64, fmt_hex(f, ~0UL), "0xffffffffffffffff", "fmt_hex prints 64 bits");
	FMT_CASE(64, fmt_udec_pad(f, 42, 5, ' '), "   42", "fmt_udec_pad pads with spaces");
	FMT_CASE(64, fmt_udec_pad(f, 1234, 6, '0'), "001234", "fmt_udec_pad pads with zeros");
	FMT_CASE(64, fmt_udec_pad(f, 123456, 3, '0'), "123456", "fmt_udec_pad never truncates");
	FMT_CASE(4, fmt_str(f, "abcdef"), "abcd", "fmt_str stops at cap");
	{
		char b[8];
		struct fmt f = FMT_INIT(b);

		fmt_str(&f, "12345678");
		expect(!f.full && f.len == 8, "fmt fills a buffer exactly without full");
		fmt_char(&f, 'x');
		expect(f.full && f.len == 8, "fmt marks full when it drops output");
	}
}

static void test_parse(void)
{
	unsigned long v = 7;

	expect(parse_ulong("0", &v) == 0 && v == 0, "parse_ulong 0");
	expect(parse_ulong("3600", &v) == 0 && v == 3600, "parse_ulong 3600");
	expect(parse_ulong("18446744073709551615", &v) == 0 && v == ~0UL,
	       "parse_ulong 2^64-1");
	expect(parse_ulong("18446744073709551616", &v) == -ERANGE, "parse_ulong overflow is ERANGE");
	expect(parse_ulong("", &v) == -EINVAL, "parse_ulong empty is EINVAL");
	expect(parse_ulong("12a", &v) == -EINVAL, "parse_ulong trailing junk is EINVAL");
	expect(parse_ulong("-1", &v) == -EINVAL, "parse_ulong sign is EINVAL");
}

static void test_errname(void)
{
	int e, all = 1;

	expect(!strcmp(errname(EPERM), "EPERM"), "errname EPERM");
	expect(!strcmp(errname(ENOENT), "ENOENT"), "errname ENOENT");
	expect(!strcmp(errname(EINVAL), "EINVAL"), "errname EINVAL");
	expect(!strcmp(errname(ERFKILL), "ERFKILL"), "errname last entry ERFKILL");
	expect(!strcmp(errname(0), "E?") && !strcmp(errname(4095), "E?"), "errname unknown is E?");
	/* Every name in the table maps back to its own number through the host's libc. */
	for (e = 1; e < 134; e++) {
		const char *n = errname(e);

		if (strcmp(n, "E?") && strcmp(strerrorname_np(e) ? strerrorname_np(e) : "", n))
			all = 0;
	}
	expect(all, "errname agrees with libc's strerrorname_np for every listed errno");
}

static void test_mem(void)
{
	char a[16] = "abcdefghij", b[16];

	t_memset(b, 'z', sizeof(b));
	expect(b[0] == 'z' && b[15] == 'z', "memset fills");
	t_memcpy(b, a, 11);
	expect(!strcmp(b, "abcdefghij"), "memcpy copies");
	t_memmove(a + 2, a, 5);
	expect(!memcmp(a, "ababcdehij", 10), "memmove handles forward overlap");
	t_memmove(a, a + 2, 5);
	expect(!memcmp(a, "abcdedehij", 10), "memmove handles backward overlap");
	expect(t_memcmp("abc", "abd", 3) < 0 && t_memcmp("abd", "abc", 3) > 0 &&
	       t_memcmp("abc", "abc", 3) == 0, "memcmp orders bytes");
	expect(t_memcmp("\xff", "\x01", 1) > 0, "memcmp compares unsigned");
	expect(t_strlen("") == 0 && t_strlen("rawinit") == 7, "strlen");
	expect(str_eq("ab", "ab") && !str_eq("ab", "abc") && !str_eq("abc", "ab"), "str_eq");
	{
		char *env[] = { "PATHX=no", "PATH=/bin", "EMPTY=", "NOEQ", 0 };

		expect(!strcmp(env_get(env, "PATH"), "/bin"), "env_get finds KEY, not a longer KEYX");
		expect(!strcmp(env_get(env, "EMPTY"), "") && !env_get(env, "NOEQ") &&
		       !env_get(env, "NONE"), "env_get: empty value, no '=', missing");
	}
}

int main(void)
{
	test_fmt();
	test_parse();
	test_errname();
	test_mem();
	return check_done();
}
