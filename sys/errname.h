/* SPDX-License-Identifier: MIT */
/* errno value to its symbolic name, for one-line error messages. */
#ifndef SYS_ERRNAME_H
#define SYS_ERRNAME_H

/* The name of errno `err` (positive), or "E?" when it is not in the table. */
const char *errname(long err);

#endif
