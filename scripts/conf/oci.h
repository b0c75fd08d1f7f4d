/* SPDX-License-Identifier: MIT */
/* The OCI runtime-spec converter: config.json into a config (mapping: docs/config-text.md). */
#ifndef CONF_OCI_H
#define CONF_OCI_H

#include "enc.h"

/* 0, or -1 and "FILE: $.json.path: what was wrong" in err. */
int oci_parse(const char *file, struct enc *e, char *err);

#endif
