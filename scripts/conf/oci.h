/* SPDX-License-Identifier: MIT */
/* The OCI runtime-spec converter: config.json into a config (mapping: docs/config-text.md). */
#ifndef CONF_OCI_H
#define CONF_OCI_H

#include "enc.h"

/* The most JSON rawinit-conf reads: generous (runc spec writes about 3 KiB). */
#define JSON_INPUT_MAX	(1u << 20)

/* The len bytes of file's JSON at json into e; 0, or -1 and "FILE: $.json.path: what was wrong" in err. */
int oci_parse(const char *file, const char *json, size_t len, struct enc *e, char *err);

#endif
