// SPDX-License-Identifier: MIT
/* Message output: the one error line, the object buffer it may name, and the verbose timeline. */
#include "../sys/syscalls.h"
#include "../sys/fmt.h"
#include "../sys/errname.h"
#include "../sys/clock.h"
#include "rawinit.h"

#define LOG_LINE_MAX	256
#define LOG_TAIL_MAX	32	/* ": ENOTRECOVERABLE (131)" and the like */
#define LOG_OBJ_MAX	96	/* a formatted object: "setresuid 4294967294", "eth0 address" */

static char obj_buf[LOG_OBJ_MAX];

/* Start a line, keeping one byte of the buffer for its newline. */
static void log_open(struct fmt *f)
{
	f->cap--;
	fmt_str(f, "rawinit: ");
}

/* One write(2) per line so lines from concurrent processes do not interleave. */
static void log_flush_to(int fd, struct fmt *f)
{
	f->buf[f->len++] = '\n';
	sys_write(fd, f->buf, f->len);
}

static void log_flush(struct fmt *f)
{
	log_flush_to(2, f);
}

/*
 * `rawinit: <step>: <object>: <ERRNAME> (<n>)`, then `: <ext>` when the kernel
 * explained itself, to stderr and to the parent over the sync fd. The errno
 * part is always kept: a long object is cut to what fits before it and ends
 * in "..."; the ext is what is cut when the line is full.
 */
void log_err(const char *step, const char *obj, const char *ext, long err)
{
	char buf[LOG_LINE_MAX], tail[LOG_TAIL_MAX];
	struct fmt f = FMT_INIT(buf), t = FMT_INIT(tail);
	unsigned int i;

	fmt_str(&t, ": ");
	fmt_str(&t, errname(-err));
	fmt_str(&t, " (");
	fmt_dec(&t, -err);
	fmt_char(&t, ')');
	log_open(&f);
	f.cap -= t.len;
	fmt_str(&f, step);
	fmt_str(&f, ": ");
	fmt_str(&f, obj);
	if (f.full)
		for (i = f.len - 3; i < f.len; i++)
			buf[i] = '.';
	f.cap += t.len;
	for (i = 0; i < t.len; i++)
		fmt_char(&f, tail[i]);
	if (ext && *ext) {
		fmt_str(&f, ": ");
		fmt_str(&f, ext);
	}
	log_flush(&f);
	if (ri.sync_fd >= 0) {
		f.len--;
		log_flush_to(ri.sync_fd, &f);
	}
}

int fail_obj(struct fail *f, const char *a, const char *b, unsigned long n, int err)
{
	struct fmt o = FMT_INIT(obj_buf);

	o.cap--;
	fmt_str(&o, a);
	if (b)
		fmt_str(&o, b);
	else
		fmt_udec(&o, n);
	obj_buf[o.len] = 0;
	f->obj = obj_buf;
	return err;
}

/* `rawinit: <a><num>`: the exit record and the like. */
void log_line(const char *a, long num)
{
	char buf[LOG_LINE_MAX];
	struct fmt f = FMT_INIT(buf);

	log_open(&f);
	fmt_str(&f, a);
	fmt_dec(&f, num);
	log_flush(&f);
}

/* Verbose only: `rawinit: [   12.345678] <step>: <object>`, time since boot. */
void log_step(const char *step, const char *obj)
{
	char buf[LOG_LINE_MAX];
	struct fmt f = FMT_INIT(buf);
	unsigned long ns;

	if (!ri.verbose)
		return;
	ns = clock_mono_ns();
	log_open(&f);
	fmt_char(&f, '[');
	fmt_udec_pad(&f, ns / NSEC_PER_SEC, 5, ' ');
	fmt_char(&f, '.');
	fmt_udec_pad(&f, ns % NSEC_PER_SEC / 1000, 6, '0');
	fmt_str(&f, "] ");
	fmt_str(&f, step);
	fmt_str(&f, ": ");
	fmt_str(&f, obj);
	log_flush(&f);
}
