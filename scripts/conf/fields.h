/* SPDX-License-Identifier: MIT */
/* The rows of conf_format.h's RC_ROWS as rawinit-conf reads them: each field's text and OCI mapping. */
#ifndef CONF_FIELDS_H
#define CONF_FIELDS_H

#include "enc.h"

/* How a field's text directive reads its words and dump prints it (TX_* in conf_format.h). */
enum tx_how { TX_H_NONE, TX_H_VALUE, TX_H_KEY, TX_H_NUM, TX_H_FLAG, TX_H_OWN };
/* How its OCI member is read (OCI_* in conf_format.h; OCI_OWN and OCI_NONE are none). */
enum oci_how { OCI_H_NONE, OCI_H_VALUE, OCI_H_FLAG, OCI_H_INT };

struct conf_field {
	unsigned char sec, kind, off, size;	/* kind: RC_F_*, RC_F_BOUND for B and H rows */
	unsigned char list;			/* an E row: the whole record of a strref list */
	unsigned char none_ok;			/* MAX_NONE: RC_NONE is "unset" */
	unsigned int arg;			/* B: the limit; H: the limit or the bit */
	const char *name, *args;		/* the text directive, NULL for none */
	unsigned char how;			/* enum tx_how */
	const void *what;			/* TX_KEY: struct names; TX_NUM: its name in messages */
	const char *oci;			/* dotted path from the top, NULL for none */
	unsigned char oci_how;			/* enum oci_how */
	long long min, max;			/* OCI_INT */
	unsigned int flag;			/* OCI_INT: the process flag it sets */
};

/* Every row, in RC_ROWS order. */
extern const struct conf_field conf_fields[];
extern const unsigned int conf_fields_count;

#endif
