/* SPDX-License-Identifier: MIT */
/* The monotonic clock, in nanoseconds. */
#ifndef SYS_CLOCK_H
#define SYS_CLOCK_H

#define NSEC_PER_SEC	1000000000UL

/* CLOCK_MONOTONIC in ns; a raw syscall (no vDSO: one call costs ~100 ns more). */
unsigned long clock_mono_ns(void);

#endif
