/* SPDX-License-Identifier: MIT */
/* The text format (docs/config-text.md): parsing it into, and printing it from, a config. */
#ifndef CONF_TEXT_H
#define CONF_TEXT_H

#include <stdio.h>
#include "enc.h"

/* The most text rawinit-conf reads: generous, as a whole blob is at most RC_TOTAL_MAX. */
#define TEXT_INPUT_MAX	(1u << 20)

/* Parse all of f (file names it in messages) into e; 0, or -1 and "FILE:LINE:COL: ..." in err. */
int text_parse(FILE *f, const char *file, struct enc *e, char *err);

/* Print e in the canonical text form, which text_parse turns back into the same blob. */
void text_dump(const struct enc *e, FILE *out);

/* How a word is written: bare, or double-quoted with \" \\ \n \t when it must be. */
void text_word(FILE *out, const char *s);

#endif
