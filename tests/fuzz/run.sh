#!/bin/sh
# SPDX-License-Identifier: MIT
# Time-boxed libFuzzer runs over what reads untrusted bytes: the config decoder and the whole
# init reading what it accepts (from the seed corpus), and the passwd/group reader;
# FUZZ_TEST_SECONDS each (default 45). Then the init over damaged blobs, each run once.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
secs=${FUZZ_TEST_SECONDS:-45}
work=$top/build/fuzz-test
rm -rf "$work" && mkdir -p "$work/corpus"
cp "$top"/tests/fuzz/corpus/* "$work/corpus/" 2>/dev/null
"$top/build/host/fuzz_conf" -max_total_time="$secs" -max_len=32776 -print_final_stats=1 \
	-artifact_prefix="$work/" "$work/corpus" >"$work/log" 2>&1
rc=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
check "fuzz conf_decode and the init: ${runs:-0} inputs in ${secs}s, no crash, leak or UB (ASan+UBSan)" [ "$rc" = 0 ]
check "fuzz conf_decode: the seed corpus is not empty" [ -n "$(ls "$top/tests/fuzz/corpus")" ]

# The init's own consumers (all of it, on the fake kernel) over damaged blobs with the
# checksum repaired, as tests/conf gives check and dump: each blob run once.
mkdir -p "$work/mut"
make -s -C "$top" build/host/conf-mutate >/dev/null
n=0
for b in "$top"/tests/conf/golden/*.bin; do
	n=$((n + $("$top/build/host/conf-mutate" all "$b" "$work/mut" "$(basename "$b" .bin)")))
done
"$top/build/host/fuzz_conf" -artifact_prefix="$work/mut-" "$work"/mut/*.bin >"$work/mut.log" 2>&1
check "the init reads $n damaged blobs on the fake kernel: no crash, leak or UB" [ $? = 0 ]

mkdir -p "$work/passwd"
"$top/build/host/fuzz_passwd" -max_total_time="$secs" -max_len=8192 -print_final_stats=1 \
	-artifact_prefix="$work/passwd-" "$work/passwd" >"$work/passwd.log" 2>&1
rc=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/passwd.log")
check "fuzz passwd/group reader: ${runs:-0} inputs in ${secs}s, no crash, leak or UB (ASan+UBSan)" [ "$rc" = 0 ]
