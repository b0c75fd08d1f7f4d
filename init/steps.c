// SPDX-License-Identifier: MIT
/* The step runner: a list of steps in order; the first failure is one line and the end. */
#include "../sys/syscalls.h"
#include "../sys/mem.h"
#include "rawinit.h"

/*
 * A failed step prints its line and never lets the next one run; finish()
 * decides what ending means (a VM powers off, the workload's child exits).
 * RAWINIT_SKIP_STEP, a step's name, builds a deliberately broken init for
 * tests/host/harness.sh: the suite must notice the step is missing.
 */
void steps_run(const struct step *list, unsigned int n, const struct conf *c)
{
	const struct step *s;
	struct fail f;
	int r;

	for (s = list; s < list + n; s++) {
#ifdef RAWINIT_SKIP_STEP
		if (str_eq(s->name, RAWINIT_SKIP_STEP))
			continue;
#endif
		f = (struct fail){ s->name, 0, 0 };
		r = s->run(c, &f);
		if (r >= 0)
			continue;
		log_err(s->name, f.obj, f.ext, r);
		if (f.sig)
			sys_kill((int)sys_getpid(), f.sig);	/* PID 1 of a namespace survives it */
		finish(EXIT_FATAL << 8);
	}
}
