// SPDX-License-Identifier: MIT
/* Host tool: write an initramfs (newc cpio) from a list of entries, without needing root. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/*
 * List format, one entry per line (blank lines and '#' comments skipped); every
 * entry is owned by root:
 *   dir   NAME MODE
 *   file  NAME SOURCE MODE
 *   slink NAME TARGET
 *   nod   NAME MODE c|b MAJOR MINOR
 * newc layout (the kernel's Documentation/driver-api/early-userspace/buffer-format.rst):
 * "070701", 13 fields of 8 hex digits, the name with its NUL, padding to 4, the
 * data, padding to 4; the archive ends with an entry named "TRAILER!!!".
 */
#define LINE_MAX_LEN	4096

static FILE *out;
static unsigned long offset, ino = 1;
static const char *list_name;
static unsigned int lineno;

static void die(const char *what)
{
	fprintf(stderr, "mkcpio: %s:%u: %s\n", list_name, lineno, what);
	exit(1);
}

static void pad4(void)
{
	while (offset & 3) {
		fputc(0, out);
		offset++;
	}
}

static void entry(const char *name, unsigned int mode, unsigned int nlink,
		  unsigned int rmaj, unsigned int rmin, const void *data, size_t size)
{
	size_t nlen = strlen(name) + 1;

	while (*name == '/')		/* archive names are relative */
		name++, nlen--;
	offset += fprintf(out, "070701%08lX%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X%08zX%08X",
			  ino++, mode, 0, 0, nlink, 0, size, 0, 0, rmaj, rmin, nlen, 0);
	fwrite(name, 1, nlen, out);
	offset += nlen;
	pad4();
	fwrite(data, 1, size, out);
	offset += size;
	pad4();
}

static void add_file(const char *name, const char *src, unsigned int mode)
{
	FILE *f = fopen(src, "rb");
	char *buf;
	long size;

	if (!f || fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET))
		die(src);
	buf = malloc(size ? size : 1);
	if (!buf || fread(buf, 1, size, f) != (size_t)size)
		die(src);
	fclose(f);
	entry(name, S_IFREG | mode, 1, 0, 0, buf, size);
	free(buf);
}

int main(int argc, char **argv)
{
	char line[LINE_MAX_LEN], kind[16], name[1024], a[1024], b[16];
	unsigned int mode, maj, min;
	FILE *list;

	if (argc != 3) {
		fprintf(stderr, "usage: mkcpio LIST OUT.cpio\n");
		return 2;
	}
	list_name = argv[1];
	list = strcmp(argv[1], "-") ? fopen(argv[1], "r") : stdin;
	out = fopen(argv[2], "wb");
	if (!list || !out)
		die(strerror(errno));
	while (fgets(line, sizeof(line), list)) {
		lineno++;
		if (sscanf(line, "%15s", kind) != 1 || kind[0] == '#')
			continue;
		if (!strcmp(kind, "dir") && sscanf(line, "%*s %1023s %o", name, &mode) == 2)
			entry(name, S_IFDIR | mode, 2, 0, 0, "", 0);
		else if (!strcmp(kind, "file") &&
			 sscanf(line, "%*s %1023s %1023s %o", name, a, &mode) == 3)
			add_file(name, a, mode);
		else if (!strcmp(kind, "slink") && sscanf(line, "%*s %1023s %1023s", name, a) == 2)
			entry(name, S_IFLNK | 0777, 1, 0, 0, a, strlen(a));
		else if (!strcmp(kind, "nod") &&
			 sscanf(line, "%*s %1023s %o %15s %u %u", name, &mode, b, &maj, &min) == 5 &&
			 (b[0] == 'c' || b[0] == 'b'))
			entry(name, (b[0] == 'c' ? S_IFCHR : S_IFBLK) | mode, 1, maj, min, "", 0);
		else
			die("expected: dir NAME MODE | file NAME SRC MODE | slink NAME TARGET | nod NAME MODE c|b MAJ MIN");
	}
	entry("TRAILER!!!", 0, 1, 0, 0, "", 0);
	if (fclose(out))
		die(strerror(errno));
	return 0;
}
