#!/bin/sh
# SPDX-License-Identifier: MIT
# A time-boxed libFuzzer run over the config decoder (FUZZ_TEST_SECONDS, default 60), from the seed corpus.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
secs=${FUZZ_TEST_SECONDS:-60}
work=$top/build/fuzz-test
rm -rf "$work" && mkdir -p "$work/corpus"
cp "$top"/tests/fuzz/corpus/* "$work/corpus/" 2>/dev/null
"$top/build/host/fuzz_conf" -max_total_time="$secs" -max_len=32768 -print_final_stats=1 \
	-artifact_prefix="$work/" "$work/corpus" >"$work/log" 2>&1
rc=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
check "fuzz conf_decode: ${runs:-0} inputs in ${secs}s, no crash, leak or UB (ASan+UBSan)" [ "$rc" = 0 ]
check "fuzz conf_decode: the seed corpus is not empty" [ -n "$(ls "$top/tests/fuzz/corpus")" ]
