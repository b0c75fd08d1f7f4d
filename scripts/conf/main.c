// SPDX-License-Identifier: MIT
/* rawinit-conf: compile, convert, check, dump and embed rawinit's binary config. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "embed.h"
#include "oci.h"
#include "text.h"

static const char usage[] =
	"usage: rawinit-conf build FILE.conf -o FILE.bin    text to blob\n"
	"       rawinit-conf oci config.json -o FILE.bin    OCI runtime-spec to blob\n"
	"       rawinit-conf dump FILE.bin                  blob to text, on stdout\n"
	"       rawinit-conf check FILE.bin                 validate with the init's decoder\n"
	"       rawinit-conf embed RAWINIT FILE.bin -o OUT  a rawinit binary carrying the blob\n";

static __attribute__((noreturn, format(printf, 1, 2))) void die(const char *fmt, ...)
{
	va_list ap;

	fputs("rawinit-conf: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/*
 * All of a file, at most max bytes, in a malloc'd buffer (aligned for the
 * decoder); one byte more is read to tell "exactly max" from "too large", so
 * an endless input (/dev/zero) ends at once. limit names max in the message.
 */
static unsigned char *read_file(const char *path, size_t max, const char *limit, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *b = NULL, *nb;
	size_t cap = 0, n;

	if (!f)
		die("%s: %s", path, strerror(errno));
	*len = 0;
	do {
		if (*len == cap) {
			cap = cap ? 2 * cap : 65536;
			if (cap > max + 1)
				cap = max + 1;
			nb = realloc(b, cap);
			if (!nb)
				die("%s: out of memory", path);
			b = nb;
		}
		n = fread(b + *len, 1, cap - *len, f);
		*len += n;
	} while (n && *len <= max);
	if (*len > max)
		die("%s: larger than %zu bytes (%s)", path, max, limit);
	if (ferror(f))
		die("%s: read error", path);
	fclose(f);
	/* Exactly len bytes (1 for an empty file): a read past the input is then visible to ASan. */
	nb = realloc(b, *len ? *len : 1);
	if (!nb)
		die("%s: out of memory", path);
	return nb;
}

/* A read stream over len bytes of buf (fmemopen refuses a size of 0: give it one newline). */
static FILE *mem_file(void *buf, size_t len)
{
	FILE *m = len ? fmemopen(buf, len, "r") : fmemopen("\n", 1, "r");

	if (!m)
		die("out of memory");
	return m;
}

/* Write a file; mode is exact when exact is set, else umask applies. */
static void write_file(const char *path, const void *buf, size_t len, mode_t mode, int exact)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
	const char *p = buf;
	ssize_t n;

	if (fd < 0 || (exact && fchmod(fd, mode) < 0))
		die("%s: %s", path, strerror(errno));
	for (; len; len -= (size_t)n, p += n) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			n = 0;
		else if (n < 0)
			die("%s: %s", path, strerror(errno));
	}
	if (close(fd) < 0)
		die("%s: %s", path, strerror(errno));
}

/* The init's own decoder: exits with its message when the blob is not valid. */
static void decode(const char *path, const void *blob, size_t len, struct conf *c)
{
	char msg[256];
	struct fmt f = FMT_INIT(msg);

	if (conf_decode(blob, len, c, &f) < 0)
		die("%s: %.*s", path, (int)f.len, msg);
}

/* Encode e, check the result with the decoder, write it to out. */
static void emit(const char *src, struct enc *e, const char *out)
{
	char err[ERR_MAX];
	unsigned char *blob;
	struct conf c;
	size_t len;

	if (enc_blob(e, &blob, &len, err) < 0)
		die("%s: %s", src, err);
	decode(src, blob, len, &c);
	write_file(out, blob, len, 0644, 0);
	free(blob);
}

static void cmd_build(const char *in, const char *out)
{
	char err[ERR_MAX];
	unsigned char *text;
	struct enc e;
	size_t len;
	FILE *f;

	text = read_file(in, TEXT_INPUT_MAX, "TEXT_INPUT_MAX", &len);
	f = mem_file(text, len);
	enc_init(&e);
	if (text_parse(f, in, &e, err) < 0) {
		fprintf(stderr, "%s\n", err);
		exit(1);
	}
	fclose(f);
	free(text);
	emit(in, &e, out);
	enc_free(&e);
}

static void cmd_oci(const char *in, const char *out)
{
	char err[ERR_MAX];
	unsigned char *json;
	struct enc e;
	size_t len;

	json = read_file(in, JSON_INPUT_MAX, "JSON_INPUT_MAX", &len);
	enc_init(&e);
	if (oci_parse(in, (const char *)json, len, &e, err) < 0) {
		fprintf(stderr, "%s\n", err);
		exit(1);
	}
	free(json);
	emit(in, &e, out);
	enc_free(&e);
}

/*
 * Print the text, then prove the round trip: parse the text just printed and
 * encode it; a blob that rawinit-conf did not lay out may come back different.
 */
static void cmd_dump(const char *path)
{
	char err[ERR_MAX] = "", *text = NULL;
	unsigned char *blob, *again = NULL;
	size_t len, tlen, alen = 0;
	struct enc e, e2;
	struct conf c;
	FILE *m;

	blob = read_file(path, RC_TOTAL_MAX, "RC_TOTAL_MAX", &len);
	decode(path, blob, len, &c);
	enc_from_conf(&e, &c);
	m = open_memstream(&text, &tlen);
	if (!m)
		die("out of memory");
	text_dump(&e, m);
	fclose(m);
	fwrite(text, 1, tlen, stdout);
	if (fflush(stdout) || ferror(stdout))
		die("stdout: write error");

	enc_init(&e2);
	m = mem_file(text, tlen);
	if (text_parse(m, "(dump)", &e2, err) < 0 || enc_blob(&e2, &again, &alen, err) < 0)
		fprintf(stderr, "rawinit-conf: %s: warning: the dump does not build: %s\n", path, err);
	else if (alen != len || memcmp(again, blob, len))
		fprintf(stderr, "rawinit-conf: %s: warning: not in canonical form: building the "
			"dump gives other bytes\n", path);
	fclose(m);
	free(again);
	free(text);
	free(blob);
	enc_free(&e);
	enc_free(&e2);
}

static void cmd_check(const char *path)
{
	unsigned char *blob;
	struct conf c;
	size_t len;

	blob = read_file(path, RC_TOTAL_MAX, "RC_TOTAL_MAX", &len);
	decode(path, blob, len, &c);
	printf("%s: ok (%zu bytes, %u sections)\n", path, len,
	       ((const struct rc_header *)blob)->section_count);
	free(blob);
}

static void cmd_embed(const char *elf_path, const char *blob_path, const char *out)
{
	unsigned char *elf, *blob, *img;
	size_t elen, blen, ilen;
	char err[ERR_MAX];
	struct conf c;

	blob = read_file(blob_path, RC_TOTAL_MAX, "RC_TOTAL_MAX", &blen);
	decode(blob_path, blob, blen, &c);
	elf = read_file(elf_path, ELF_INPUT_MAX, "ELF_INPUT_MAX", &elen);
	if (embed(elf, elen, blob, blen, &img, &ilen, err) < 0)
		die("%s: %s", elf_path, err);
	write_file(out, img, ilen, 0755, 1);
	free(img);
	free(elf);
	free(blob);
}

int main(int argc, char **argv)
{
	const char *pos[3], *out = NULL, *cmd = argc > 1 ? argv[1] : "";
	int i, n = 0;

	if (!strcmp(cmd, "help") || !strcmp(cmd, "-h") || !strcmp(cmd, "--help")) {
		fputs(usage, stdout);
		return 0;
	}
	for (i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc && !out)
			out = argv[++i];
		else if (n < 3 && strcmp(argv[i], "-o"))
			pos[n++] = argv[i];
		else
			n = 9;
	}
	if (!strcmp(cmd, "build") && n == 1 && out)
		cmd_build(pos[0], out);
	else if (!strcmp(cmd, "oci") && n == 1 && out)
		cmd_oci(pos[0], out);
	else if (!strcmp(cmd, "dump") && n == 1 && !out)
		cmd_dump(pos[0]);
	else if (!strcmp(cmd, "check") && n == 1 && !out)
		cmd_check(pos[0]);
	else if (!strcmp(cmd, "embed") && n == 2 && out)
		cmd_embed(pos[0], pos[1], out);
	else
		die("usage: rawinit-conf build|oci|dump|check|embed ... (rawinit-conf help lists them)");
	return 0;
}
