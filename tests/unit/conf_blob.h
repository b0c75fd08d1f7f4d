/* SPDX-License-Identifier: MIT */
/* Test-side blob builder, written apart from rawinit-conf so the format is checked from two sides. */
#ifndef TESTS_CONF_BLOB_H
#define TESTS_CONF_BLOB_H

#include <string.h>
#include "../../init/conf_format.h"
#include "../../sys/crc32c.h"

#define TB_MAX	RC_TOTAL_MAX

/* A blob under construction: header, a table of `nsec` entries, then sections. */
struct tblob {
	_Alignas(8) unsigned char b[TB_MAX + 64];
	unsigned int len, nsec;
};

static inline struct rc_header *tb_hdr(struct tblob *t) { return (struct rc_header *)t->b; }
static inline struct rc_section *tb_sec(struct tblob *t, unsigned int i)
{
	return (struct rc_section *)(t->b + sizeof(struct rc_header)) + i;
}

/* Start a blob whose table will hold nsec sections. */
static inline void tb_init(struct tblob *t, unsigned int nsec)
{
	memset(t, 0, sizeof(*t));
	memcpy(tb_hdr(t)->magic, RC_MAGIC, 4);
	tb_hdr(t)->version = RC_VERSION;
	tb_hdr(t)->section_count = (__u16)nsec;
	t->len = sizeof(struct rc_header) + nsec * sizeof(struct rc_section);
	t->len = (t->len + 7) & ~7u;
}

/* Append section number `i` of `type` with `count` records of `data`. */
static inline void tb_add(struct tblob *t, unsigned int i, unsigned int type,
			  const void *data, unsigned int len, unsigned int count)
{
	struct rc_section *s = tb_sec(t, i);

	s->type = (__u16)type;
	s->flags = RC_SEC_MUST_UNDERSTAND;
	s->offset = t->len;
	s->length = len;
	s->count = count;
	memcpy(t->b + t->len, data, len);
	t->len = (t->len + len + 7) & ~7u;
}

/* Fix total_len and the checksum after edits. */
static inline void tb_seal(struct tblob *t)
{
	tb_hdr(t)->total_len = t->len;
	tb_hdr(t)->crc32c = crc32c(t->b + RC_CRC_START, t->len - RC_CRC_START);
}

#endif
