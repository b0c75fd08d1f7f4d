// SPDX-License-Identifier: MIT
/* libFuzzer target: /etc/passwd and /etc/group lookups over arbitrary bytes, read in arbitrary pieces. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../sys/passwd.h"

#define GIDS_MAX	8

static const uint8_t *in;
static size_t in_len, in_pos, piece;

/* read(2) of the input, at most `piece` bytes a call, as a file might come in. */
static long fake_read(int fd, void *buf, unsigned long n)
{
	(void)fd;
	if (n > piece)
		n = piece;
	if (n > in_len - in_pos)
		n = in_len - in_pos;
	memcpy(buf, in + in_pos, n);
	in_pos += n;
	return (long)n;
}

static struct pw_file *open_input(void)
{
	static struct pw_file f;

	f.fd = 0;
	f.read = fake_read;
	f.len = f.pos = 0;
	f.skip = f.eof = 0;
	in_pos = 0;
	return &f;
}

/* The first byte picks the read size (1..256); the rest is the file. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	__u32 uid = 0, gid = 0, list[GIDS_MAX];
	unsigned int n = 0, i;
	int r;

	if (!size)
		return 0;
	piece = (size_t)data[0] + 1;
	in = data + 1;
	in_len = size - 1;

	r = pw_user(open_input(), "alice", &uid, &gid);
	if (!(r == 0 || r == -ENOENT || r == -EINVAL) ||
	    (r == 0 && (uid == PW_ID_INVALID || gid == PW_ID_INVALID)))
		abort();
	r = pw_groups(open_input(), "staff", "alice", &gid, list, &n, GIDS_MAX);
	if (!(r == 0 || r == -ENOENT || r == -EINVAL || r == -E2BIG) || n > GIDS_MAX)
		abort();
	for (i = 0; i < n; i++)
		if (list[i] == PW_ID_INVALID)
			abort();
	return 0;
}
