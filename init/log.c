// SPDX-License-Identifier: MIT
/* Message output: `rawinit: <step>: <object>: <ERRNAME> (<n>)` and the verbose timeline. */
#include "../sys/syscalls.h"
#include "../sys/fmt.h"
#include "../sys/errname.h"
#include "../sys/clock.h"
#include "rawinit.h"

#define LOG_LINE_MAX	256
#define LOG_TAIL_MAX	32	/* ": ENOTRECOVERABLE (131)" and the like */

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
 * The error line to stderr, and to the parent over the sync fd when there is
 * one. The errno part is formatted first and always kept: a long object is
 * cut to what fits before it and ends in "...".
 */
void log_err(const char *step, const char *obj, long err)
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
	log_flush(&f);
	if (ri.sync_fd >= 0) {
		f.len--;
		log_flush_to(ri.sync_fd, &f);
	}
}

/* `rawinit: <a><num>` or, with num < 0, `rawinit: <a><b>`. */
void log_line(const char *a, const char *b, long num)
{
	char buf[LOG_LINE_MAX];
	struct fmt f = FMT_INIT(buf);

	log_open(&f);
	fmt_str(&f, a);
	if (num < 0)
		fmt_str(&f, b);
	else
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
