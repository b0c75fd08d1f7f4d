/* SPDX-License-Identifier: MIT */
/* Embedding a blob into a rawinit binary: a new read-only PT_LOAD the init's note points at. */
#ifndef CONF_EMBED_H
#define CONF_EMBED_H

#include <stddef.h>

/* The largest init binary embed reads: rawinit itself is well under 1 MiB. */
#define ELF_INPUT_MAX	(16u << 20)

/* A malloc'd copy of the ELF image elf carrying blob; 0, or -1 and one line in err. */
int embed(const unsigned char *elf, size_t size, const void *blob, size_t blen,
	  unsigned char **out, size_t *outlen, char *err);

#endif
