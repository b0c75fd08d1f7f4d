// SPDX-License-Identifier: MIT
/* Find the config (embedded, path, /etc/rawinit.conf, inherited fd), read it and decode it. */
#include <asm/errno.h>
#include <linux/fcntl.h>
#include "../sys/syscalls.h"
#include "../sys/mem.h"
#include "../sys/fmt.h"
#include "rawinit.h"
#include "conf.h"

#define CONF_DEFAULT_PATH	"/etc/rawinit.conf"
#define CONF_ENV_PATH		"rawinit_conf"		/* kernel cmdline key: no dot */
#define CONF_ENV_FD		"RAWINIT_CONF_FD"

/*
 * The ELF note rawinit-conf embed looks for: owner "rawinit", type
 * RC_NOTE_TYPE, a 16-byte descriptor it fills with the blob's address and
 * length. Its own PT_NOTE header is what embed turns into the blob's PT_LOAD.
 * Written in asm because C cannot give a section the SHT_NOTE type.
 */
__asm__(".pushsection .note.rawinit, \"a\", %note\n"
	".balign 4\n"
	".long 8, 16, 0x52430001\n"
	".asciz \"rawinit\"\n"
	"rawinit_note_desc: .long 0, 0, 0, 0\n"
	".popsection");
_Static_assert(RC_NOTE_TYPE == 0x52430001u, "the asm above spells RC_NOTE_TYPE");
extern const volatile struct rc_note_desc rawinit_note_desc;

/*
 * A read config lives here, aligned for in-place reads; .bss costs no file size.
 * One word more than the largest blob: the byte read past RC_TOTAL_MAX, which
 * tells a file that is too big, lands inside it.
 */
static __u64 conf_buf[RC_TOTAL_MAX / 8 + 1];
_Static_assert(sizeof(conf_buf) > RC_TOTAL_MAX, "read_all reads RC_TOTAL_MAX + 1 bytes");

/* Read all of fd into conf_buf: its length, or -EFBIG past RC_TOTAL_MAX. */
static long read_all(int fd)
{
	char *p = (char *)conf_buf;
	long n, got = 0;

	do {
		n = sys_read(fd, p + got, RC_TOTAL_MAX + 1 - got);
		if (n == -EINTR)
			continue;
		if (n < 0)
			return n;
		got += n;
	} while (n > 0 && got <= RC_TOTAL_MAX);
	return got > RC_TOTAL_MAX ? -EFBIG : got;
}

static long read_path(const char *path)
{
	long fd = sys_openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC, 0);
	long n;

	if (fd < 0)
		return fd;
	n = read_all((int)fd);
	sys_close((int)fd);
	return n;
}

/*
 * First found wins: embedded; -c PATH or rawinit_conf=PATH; /etc/rawinit.conf;
 * RAWINIT_CONF_FD. 1 when there is none, 0 when *c holds a valid config, or
 * -errno with *src naming the source (and the decoder's reason in *err).
 */
int conf_load(struct conf *c, const char *path, const char **src, struct fmt *err)
{
	const void *blob = conf_buf;
	unsigned long fdnum;
	const char *fds;
	long n;

	if (rawinit_note_desc.len) {
		*src = "embedded";
		blob = (const void *)((unsigned long)rawinit_note_desc.addr_hi << 32 |
				      rawinit_note_desc.addr_lo);
		n = rawinit_note_desc.len;
	} else if (path || (path = env_get(ri.envp, CONF_ENV_PATH))) {
		*src = path;
		n = read_path(path);
	} else if ((n = read_path(CONF_DEFAULT_PATH)) != -ENOENT) {
		*src = CONF_DEFAULT_PATH;
	} else if ((fds = env_get(ri.envp, CONF_ENV_FD))) {
		*src = CONF_ENV_FD;
		if (parse_ulong(fds, &fdnum) < 0 || fdnum > 1023)
			return -EBADF;
		n = read_all((int)fdnum);
		sys_close((int)fdnum);	/* the workload must not inherit it */
	} else {
		return 1;
	}
	if (n < 0)
		return (int)n;
	return conf_decode(blob, (unsigned long)n, c, err);
}
