#!/bin/sh
# SPDX-License-Identifier: MIT
# The whole suite: unit, size, host supervision and boot tests; ends with `N passed, N failed`.
#
# Each suite prints one line per case, `ok - NAME` or `FAIL - NAME: why`; a suite
# that dies without printing counts as one failure. SUITES=... picks some.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
suites=${SUITES:-unit size host config ns creds net hygiene conf fuzz signals jobctl boot demo harness}
log=${TEST_LOG:-$top/build/test-results.txt}
: >"$log"

run_suite() {
	name=$1
	shift
	ok0=$(grep -c '^ok - ' "$log")
	fail0=$(grep -c '^FAIL - ' "$log")
	"$@" 2>&1 | tee -a "$log" | grep -E '^(ok|FAIL) - ' | grep -v '^ok' || true
	oks=$(($(grep -c '^ok - ' "$log") - ok0))
	fails=$(($(grep -c '^FAIL - ' "$log") - fail0))
	if [ $((oks + fails)) = 0 ]; then
		echo "FAIL - suite $name: printed no test result" | tee -a "$log"
		fails=1
	fi
	printf '%s: %s ok, %s failed\n' "$name" "$oks" "$fails"
}

# Every unit test: build/host/test_NAME for each tests/unit/test_NAME.c (make test builds them).
# One that is missing, crashes or ends badly without a FAIL line, or passes no case, fails here.
units() {
	for src in tests/unit/test_*.c; do
		bin=build/host/$(basename "$src" .c)
		"$bin" >"$log.unit" 2>&1
		rc=$?
		cat "$log.unit"
		grep -q '^FAIL - ' "$log.unit" && continue
		if [ $rc != 0 ] || ! grep -q '^ok - ' "$log.unit"; then
			echo "FAIL - unit $bin: status $rc, no case failed, $(grep -c '^ok - ' "$log.unit") passed"
		fi
	done
	rm -f "$log.unit"
}

for s in $suites; do
	case $s in
	unit) run_suite unit units ;;
	conf) run_suite conf sh tests/conf/run.sh ;;
	fuzz) run_suite fuzz sh tests/fuzz/run.sh ;;
	size) run_suite size sh -c 'sh tests/host/size.sh; sh tests/host/structure.sh' ;;
	host) run_suite host sh tests/host/supervise.sh ;;
	signals) run_suite signals sh tests/host/signals.sh ;;
	net) run_suite net sh tests/host/net.sh ;;
	config) run_suite config sh tests/host/config.sh ;;
	ns) run_suite ns sh -c 'sh tests/ns/rootfs.sh; sh tests/ns/full.sh; sh tests/ns/hardening.sh' ;;
	creds) run_suite creds sh tests/host/creds.sh ;;
	hygiene) run_suite hygiene sh -c 'sh tests/host/hygiene.sh; sh tests/host/pid1.sh; sh tests/host/hardening.sh' ;;
	jobctl) run_suite jobctl sh tests/host/jobctl.sh ;;
	boot) run_suite boot sh tests/boot/run.sh ;;
	demo) run_suite demo sh tests/boot/demo.sh ;;
	harness) run_suite harness sh tests/host/harness.sh ;;
	*) echo "FAIL - suite $s: unknown" | tee -a "$log" ;;
	esac
done

passed=$(grep -c '^ok - ' "$log")
failed=$(grep -c '^FAIL - ' "$log")
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
