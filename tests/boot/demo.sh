#!/bin/sh
# SPDX-License-Identifier: MIT
# `make run` on each ISA: the demo microVM boots, its workload reports, and it powers off by itself.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
for isa in ${ARCHES:-x86_64 aarch64}; do
	log=$top/build/boot-tests/demo-$isa.log
	mkdir -p "$(dirname "$log")"
	make -s -C "$top" run ARCH=$isa </dev/null 2>&1 | tr -d '\r' >"$log"
	check "demo $isa: make run shows PID 1 and its mounts" \
		grep -q '^devtmpfs /dev devtmpfs' "$log"
	check "demo $isa: make run ends in one exit record and a power-off" \
		sh -c '[ "$(grep "^rawinit: exit " "$1")" = "rawinit: exit status=3" ] &&
			grep -q "reboot: Power down" "$1"' sh "$log"
done
