/* SPDX-License-Identifier: MIT */
/* CRC32C (Castagnoli), the config blob's checksum. */
#ifndef SYS_CRC32C_H
#define SYS_CRC32C_H

/* CRC32C of n bytes: initial value ~0, final xor ~0 (crc32c("123456789") = 0xe3069283). */
unsigned int crc32c(const void *data, unsigned long n);

#endif
