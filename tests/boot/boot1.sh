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
img=$out/$isa.cpio
[ -f "$out/$isa-$c.cpio" ] && img=$out/$isa-$c.cpio
sh "$top/scripts/qemu.sh" "$isa" "$img" "${t:-90}" $args >"$out/$isa-$c.log" 2>&1
echo $? >"$out/$isa-$c.rc"
