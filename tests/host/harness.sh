#!/bin/sh
# SPDX-License-Identifier: MIT
# The harness tested: an init built to skip one step must make the suites covering that step fail.
#
# build/x86_64/skip-STEP/rawinit is the init compiled with -DRAWINIT_SKIP_STEP='"STEP"': its
# step runner skips the step of that name (the Makefile's HARNESS_STEPS builds these). Each
# suite below runs through tests/run.sh with RI= pointing at it and must end with failures.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
scratch

# STEP:SUITE, a suite as tests/run.sh names it; keep the steps in the Makefile's HARNESS_STEPS.
for c in hostname:config chdir:config creds:creds signals:host; do
	step=${c%%:*} suite=${c#*:}
	name="harness: skipping $step fails the $suite suite"
	ri=$top/build/x86_64/skip-$step/rawinit
	if [ ! -x "$ri" ]; then
		fail "$name" "$ri is not built (make test builds it)"
		continue
	fi
	RI=$ri TEST_LOG=$T/$step.log SUITES=$suite sh "$top/tests/run.sh" >"$T/$step.out" 2>&1
	rc=$?
	last=$(tail -n 1 "$T/$step.out")
	case $rc:$last in
	0:* | *' 0 failed' | *:) fail "$name" "with RI=$ri: $last (status $rc)" ;;
	*) ok "$name" ;;
	esac
done
