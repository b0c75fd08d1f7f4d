// SPDX-License-Identifier: MIT
/* memcpy/memmove/memset/memcmp/strlen: gcc emits calls to these even when freestanding. */
#include "mem.h"

/*
 * Byte loops on purpose: the init copies a few hundred bytes in its lifetime, and
 * size matters more than speed. mem.c is built with -fno-tree-loop-distribute-patterns
 * so gcc does not turn these loops back into calls to themselves.
 */
void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

int str_eq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

const char *env_get(char *const *envp, const char *key)
{
	size_t n = strlen(key);

	for (; *envp; envp++)
		if (!memcmp(*envp, key, n) && (*envp)[n] == '=')
			return *envp + n + 1;
	return 0;
}
