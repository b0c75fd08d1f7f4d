// SPDX-License-Identifier: MIT
/* Monotonic clock read through clock_gettime(2). */
#include <linux/time.h>
#include "syscalls.h"
#include "clock.h"

unsigned long clock_mono_ns(void)
{
	struct __kernel_timespec ts = { 0, 0 };

	sys_clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long)ts.tv_sec * NSEC_PER_SEC + (unsigned long)ts.tv_nsec;
}
