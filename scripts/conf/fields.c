// SPDX-License-Identifier: MIT
/* conf_format.h's rows with their host columns: what the text parser, dump and the OCI walk read. */
#include <linux/mount.h>
#include "fields.h"
#include "names.h"

#define FIELD(T, f)	.off = __builtin_offsetof(struct T, f), .size = sizeof(((struct T *)0)->f)
#define UNSET_MAX	0
#define UNSET_MAX_NONE	1
#define UNSET_FLAGS	0

#define F(s, T, f, k, text, oci) \
	{ .sec = RC_SEC_##s, .kind = RC_F_##k, FIELD(T, f), text, oci },
#define E(s, k, text, oci) \
	{ .sec = RC_SEC_##s, .kind = RC_F_##k, .size = 4, .list = 1, text, oci },
#define B(s, T, f, how, lim, text, oci) \
	{ .sec = RC_SEC_##s, .kind = RC_F_BOUND, FIELD(T, f), .arg = lim, \
	  .none_ok = UNSET_##how, text, oci },
#define H(s, T, f, a, text, oci) \
	{ .sec = RC_SEC_##s, .kind = RC_F_BOUND, FIELD(T, f), .arg = a, text, oci },

#define TX(n, a)		.name = n, .args = a, .how = TX_H_VALUE
#define TX_KEY(n, a, names)	.name = n, .args = a, .how = TX_H_KEY, .what = &names
#define TX_NUM(n, a, w)		.name = n, .args = a, .how = TX_H_NUM, .what = w
#define TX_FLAG(n)		.name = n, .args = "", .how = TX_H_FLAG
#define TX_OWN(n)		.name = n, .how = TX_H_OWN
#define TX_NONE			.name = NULL
#define OCI(p)			.oci = p, .oci_how = OCI_H_VALUE
#define OCI_FLAG(p)		.oci = p, .oci_how = OCI_H_FLAG
#define OCI_INT(p, lo, hi, f)	.oci = p, .oci_how = OCI_H_INT, .min = lo, .max = hi, .flag = f
#define OCI_OWN(p)		.oci = NULL
#define OCI_NONE		.oci = NULL

const struct conf_field conf_fields[] = { RC_ROWS(F, E, B, H) };
const unsigned int conf_fields_count = sizeof(conf_fields) / sizeof(conf_fields[0]);
