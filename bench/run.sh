#!/bin/sh
# SPDX-License-Identifier: MIT
# `make bench`: compare rawinit with tini-static, catatonit and dumb-init; table to stdout and bench/RESULTS.md.
#
# Every init runs as `INIT -- /bin/busybox ...`, as PID 1 of a fresh pid+mount
# namespace (unshare), which is how a container runtime starts it. Needs root.
# bench/README.md says what each column measures. ROUNDS=n overrides the run count.
set -eu
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-200}		# timed runs per variant, interleaved round-robin
WARMUP=10			# discarded rounds before them
WORK=/bin/busybox
NS="unshare --fork --pid --mount --mount-proc"
TIMER=build/bench/spawn_time
OUT=bench/RESULTS.md
# name:path, rawinit first; the path must be absolute so strace output matches it.
INITS="rawinit:$PWD/build/x86_64/rawinit tini-static:/usr/bin/tini-static
catatonit:/usr/bin/catatonit dumb-init:/usr/bin/dumb-init"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

# The timer is host C, rebuilt only when its source changes.
if [ ! -x $TIMER ] || [ bench/spawn_time.c -nt $TIMER ]; then
	mkdir -p build/bench
	gcc -O2 -Wall -Wextra -Werror bench/spawn_time.c -o $TIMER
fi

# The inits present on this machine, one "name path" per line; missing peers print n/a.
for e in $INITS; do
	[ -x "${e#*:}" ] && echo "${e%%:*} ${e#*:}"
done >"$TMP/present"

# Columns 2 and 3: one timer call with every variant, so all share the same noise.
# Its output is "index median p10 p90 faults failed" per variant, baseline first.
set -- $NS $WORK true
while read -r name path; do
	set -- "$@" ::: $NS "$path" -- $WORK true
done <"$TMP/present"
$TIMER "$ROUNDS" $WARMUP "$@" >"$TMP/time"

# Column 4: syscalls the init makes (with its forked child) after its own execve
# returns and before the child's execve of the workload. Lines from unshare's
# own pid (it only waits), "<... resumed>" halves and signal/exit notes are skipped.
syscalls() {
	strace -f -qq -o "$TMP/strace" $NS "$1" -- $WORK true
	awk -v init="execve(\"$1\"" -v work="execve(\"$WORK\"" '
		NR == 1 { ns = $1 }
		!on && index($0, init) { on = 1; next }
		on && index($0, work) { print n; found = 1; exit }
		on && $1 != ns && $2 !~ /^(<\.\.\.|---|\+\+\+)/ { n++ }
		END { if (!found) print "n/a" }' "$TMP/strace"
}

# Column 5: VmRSS of the init (unshare's only child) 0.5 s into `busybox sleep 2`.
rss() {
	$NS "$1" -- $WORK sleep 2 &
	sleep 0.5
	pid=$(cat /proc/$!/task/$!/children)
	awk '/^VmRSS/ { print $2 }' /proc/${pid% }/status
	wait $!
}

# One markdown row per variant; index 0 of the timer output is the baseline.
ms() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e6 }'; }
table() {
	echo '| init | size (bytes) | start-up ms, median (p10–p90) | overhead ms | extra page faults | syscalls to exec | RSS (kB) |'
	echo '|---|--:|--:|--:|--:|--:|--:|'
	read -r _ b_med b_p10 b_p90 b_flt b_fail <"$TMP/time"
	[ "$b_fail" = 0 ] || echo "bench: no init: $b_fail runs exited non-zero" >&2
	echo "| no init | — | $(ms $b_med) ($(ms $b_p10)–$(ms $b_p90)) | — | — | — | — |"
	i=0
	for e in $INITS; do
		name=${e%%:*} path=${e#*:}
		if ! grep -q "^$name " "$TMP/present"; then
			echo "| $name | n/a | n/a | n/a | n/a | n/a | n/a |"
			continue
		fi
		i=$((i + 1))
		set -- $(sed -n "$((i + 1))p" "$TMP/time")
		[ "$6" = 0 ] || echo "bench: $name: $6 runs exited non-zero" >&2
		echo "| $name | $(stat -c %s "$path") | $(ms $2) ($(ms $3)–$(ms $4))" \
		     "| $(ms $(($2 - b_med))) | $(($5 - b_flt)) | $(syscalls "$path")" \
		     "| $(rss "$path") |"
	done
}
table >"$TMP/table"

{
	echo '<!-- SPDX-License-Identifier: MIT -->'
	echo '# rawinit benchmark results'
	echo
	echo 'Written by `make bench` (bench/run.sh); bench/README.md explains the columns.'
	echo
	echo "- date: $(date -u)"
	echo "- kernel: $(uname -r), $(nproc) CPUs, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
	echo "- rawinit: $(git rev-parse --short HEAD 2>/dev/null || echo ?)$(git diff --quiet HEAD 2>/dev/null || echo ' (dirty tree)'), build/x86_64/rawinit, stripped"
	echo "- packages: $(dpkg-query -W -f '${Package} ${Version}, ' tini catatonit dumb-init busybox-static 2>/dev/null | sed 's/, $//')"
	echo "- runs: $ROUNDS timed per variant after $WARMUP warm-up rounds, interleaved round-robin"
	echo
	cat "$TMP/table"
	echo
	echo '## Commands'
	echo
	echo '```sh'
	echo "# size"
	echo "stat -c %s INIT"
	echo "# start-up and page faults (baseline first; each ::: starts another variant)"
	echo "$TIMER $ROUNDS $WARMUP $NS $WORK true ::: $NS INIT -- $WORK true ::: ..."
	echo "# syscalls: lines after INIT's execve up to the workload's execve"
	echo "strace -f -qq -o FILE $NS INIT -- $WORK true"
	echo "# RSS: VmRSS in /proc/<unshare's child>/status after 0.5 s"
	echo "$NS INIT -- $WORK sleep 2 &"
	echo '```'
} >$OUT
cat "$TMP/table"
echo "(written to $OUT)"
