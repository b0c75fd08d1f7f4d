#!/bin/sh
# SPDX-License-Identifier: MIT
# The layout DESIGN.md promises, read off the built objects and the sources: layers call
# downward only, no two init files call each other, one place prints errors, and every
# step the lists name is defined in a file of its own name's concern.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
scratch
obj=$top/build/x86_64

# defs/uses: "<symbol> <file>" for each object of the current sources of a layer.
for layer in sys init; do
	for c in "$top/$layer"/*.c; do
		o=$obj/$layer/$(basename "$c" .c).o
		[ -f "$o" ] || { fail "structure: $o built" "missing (make first)"; continue; }
		nm --defined-only "$o" | awk -v f="$layer/$(basename "$c")" '$2 ~ /[TDBRC]/ {print $3, f}'
	done
done | sort >"$T/defs"
for layer in sys init; do
	for c in "$top/$layer"/*.c; do
		nm -u "$obj/$layer/$(basename "$c" .c).o" 2>/dev/null |
			awk -v f="$layer/$(basename "$c")" '{print $2, f}'
	done
done | sort >"$T/uses"
# "<user> <definer>" edges between different files
# (sys/start.c calling main() is the entry, as crt1 calls it: not an edge.)
join "$T/uses" "$T/defs" | awk '$2 != $3 && $1 != "main" {print $2, $3}' | sort -u >"$T/edges"

check "structure: the objects were read ($(wc -l <"$T/edges") calls between files)" \
	[ "$(wc -l <"$T/edges")" -gt 50 ]
pairs=$(awk '{e[$1" "$2] = 1} END {for (k in e) {split(k, a, " ");
	if ((a[2] " " a[1]) in e && a[1] < a[2]) print a[1] "<->" a[2]}}' "$T/edges" | tr '\n' ' ')
check "structure: no two files call each other${pairs:+ ($pairs)}" [ -z "$pairs" ]
up=$(awk '$1 ~ /^sys\// && $2 ~ /^init\// {print $1 "->" $2}' "$T/edges" | tr '\n' ' ')
check "structure: sys/ never calls up into init/${up:+ ($up)}" [ -z "$up" ]
arch=$(grep -l '\.\./sys\|\.\./init\|sys_auxv' "$top"/arch/*/* 2>/dev/null | tr '\n' ' ')
check "structure: arch/ holds the syscall ABI only, nothing from sys/ or init/${arch:+ ($arch)}" \
	[ -z "$arch" ]

# One error grammar: only log.c writes to stderr; nothing else spells the prefix.
w=$(grep -ln 'sys_write(2\|"rawinit: ' "$top"/init/*.c | grep -v '/log\.c$' | tr '\n' ' ')
check "structure: only init/log.c writes the message lines${w:+ ($w)}" [ -z "$w" ]

# Each step of main.c's lists: its function is defined once, in an init file.
sed -n '/^static const struct step /,/^};/p' "$top/init/main.c" |
	sed -n 's/.*{ "\([a-z]*\)", \([a-z_]*\) },.*/\1 \2/p' >"$T/steps"
check "structure: main.c lists the steps ($(wc -l <"$T/steps") of them)" [ "$(wc -l <"$T/steps")" -ge 15 ]
while read -r name fn; do
	where=$(grep -l "^int $fn(const struct conf \*c, struct fail \*f)$" "$top"/init/*.c | wc -l)
	check "structure: step $name is $fn(), with the one signature, in one file" [ "$where" = 1 ]
done <"$T/steps"
dups=$(awk '{print $1}' "$T/steps" | sort | uniq -d | tr '\n' ' ')
check "structure: step names are unique (they are the error lines' <step>)${dups:+ ($dups)}" [ -z "$dups" ]
