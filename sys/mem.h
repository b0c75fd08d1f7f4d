/* SPDX-License-Identifier: MIT */
/* Memory and string primitives: the ones the compiler may call, plus small helpers. */
#ifndef SYS_MEM_H
#define SYS_MEM_H

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

/* True when a and b are the same string. */
int str_eq(const char *a, const char *b);

/* String n of a packed table ("a\0b\0c"): name tables cost their bytes and no pointers. */
static inline const char *str_at(const char *packed, unsigned int n)
{
	while (n--)
		while (*packed++)
			;
	return packed;
}

/* The value of KEY in a KEY=VALUE vector (environ), or NULL. */
const char *env_get(char *const *envp, const char *key);

#endif
