#!/bin/sh
# SPDX-License-Identifier: MIT
# Boot one case: tests/boot/boot1.sh OUTDIR ISA CASE -> OUTDIR/ISA-CASE.log and .rc
out=$1 isa=$2 c=$3
top=$(cd "$(dirname "$0")/../.." && pwd)
f=$top/tests/boot/cases/$c.sh
args=$(sed -n 's/^# boot: \{0,1\}//p' "$f")
grep -q '^# boot:' "$f" || args="-- /bin/sh /t/$c.sh"
t=$(sed -n 's/^# timeout: //p' "$f")
# $args is split on purpose: kernel arguments are words.
# A case with "# listen: SECONDS" gets a one-shot TCP listener on the host's
# loopback; {port} in its boot line becomes the port, what arrives lands in .got.
rm -f "$out/$isa-$c.port" "$out/$isa-$c.got"
if grep -q '^# listen:' "$f"; then
	"$top/build/host/listen1" "$out/$isa-$c.port" "$out/$isa-$c.got" \
		"$(sed -n 's/^# listen: //p' "$f")" 2>/dev/null &
	while [ ! -s "$out/$isa-$c.port" ]; do sleep 0.05; done
	args=$(echo "$args" | sed "s/{port}/$(cat "$out/$isa-$c.port")/g")
fi
QEMU_EXTRA=$(sed -n 's/^# qemu: //p' "$f")
export QEMU_EXTRA
img=$out/$isa.cpio
[ -f "$out/$isa-$c.cpio" ] && img=$out/$isa-$c.cpio
sh "$top/scripts/qemu.sh" "$isa" "$img" "${t:-90}" $args >"$out/$isa-$c.log" 2>&1
echo $? >"$out/$isa-$c.rc"
wait
