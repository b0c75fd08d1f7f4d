#!/bin/sh
# SPDX-License-Identifier: MIT
# Host tests of the real rawinit binary as a subreaper (not PID 1) and as PID 1 of a pid namespace.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# status CMD...: run it, print its exit status.
status() { "$@" >/dev/null 2>&1; echo $?; }

# Exit statuses propagate unchanged (the workload says it ran); a signal N gives 128+N, like a shell.
for n in 0 1 42 255; do
	out=$("$RI" -- $BB sh -c "echo ran; exit $n" 2>&1)
	check "subreaper: workload exit $n gives rawinit exit $n" [ "$?:$out" = "$n:ran" ]
done
check "subreaper: workload killed by SIGKILL gives 137" \
	[ "$(status "$RI" -- $BB sh -c 'kill -KILL $$')" = 137 ]
check "subreaper: workload killed by SIGTERM gives 143" \
	[ "$(status "$RI" -- $BB sh -c 'kill -TERM $$')" = 143 ]
check "subreaper: missing workload gives 127" [ "$(status "$RI" -- "$T/none")" = 127 ]
printf 'echo hi\n' >"$T/noexec" && chmod 644 "$T/noexec"
check "subreaper: non-executable workload gives 126" [ "$(status "$RI" -- "$T/noexec")" = 126 ]
check "subreaper: bare name is found through PATH" [ "$("$RI" -- echo found 2>&1)" = found ]
check "subreaper: bad option gives usage status 100" [ "$(status "$RI" -x -- true)" = 100 ]

# A double fork: the grandchild is orphaned while the workload still runs, so the
# kernel reparents it to the nearest subreaper. It must be rawinit (its PPid),
# and once it exits rawinit reaps it: no zombie left behind.
"$RI" -- $BB sh -c '
	$0 sh -c "$0 sleep 0.3 & echo \$! > $1/orphan"
	sleep 0.1
	o=$(cat $1/orphan)
	echo "$PPID $(sed -n "s/^PPid:\t//p" /proc/$o/status)" > $1/ppids
	sleep 0.6
	[ -e /proc/$o ] && echo zombie > $1/reaped || echo gone > $1/reaped
' $BB "$T"
check "subreaper: an orphaned grandchild is reparented to rawinit" \
	sh -c 'read a b < "$1/ppids" && [ -n "$a" ] && [ "$a" = "$b" ]' sh "$T"
check "subreaper: the orphan is reaped when it exits (no zombie)" grep -qx gone "$T/reaped"

# After the workload ends, what it left behind gets SIGTERM; unrelated processes
# (not our descendants) are never touched: a subreaper must not kill(-1).
$BB sleep 30 &
bystander=$!
"$RI" -g 5 -- $BB sh -c '$0 setsid $0 sleep 30 & echo $! > $1/left; exit 5' $BB "$T"
rc=$?
left=$(cat "$T/left" 2>/dev/null)
# gone PID: the workload wrote PID (it ran) and that process no longer exists.
gone() { [ -n "$1" ] && ! kill -0 "$1" 2>/dev/null; }
check "subreaper: a process left behind is terminated at the end" gone "$left"
check "subreaper: unrelated processes are left alone" sh -c '[ -n "$1" ] && kill -0 "$2"' sh "$left" "$bystander"
check "subreaper: status stays the workload's after draining" [ "$rc:${left:+ran}" = 5:ran ]
kill "$bystander"

# A left-behind process that ignores SIGTERM is killed after the grace period.
"$RI" -g 1 -- $BB sh -c '$0 sh -c "trap \"\" TERM; exec $0 sleep 30" & echo $! > $1/stub' $BB "$T"
check "subreaper: a process ignoring SIGTERM is killed after the grace period" \
	gone "$(cat "$T/stub" 2>/dev/null)"

# Each forwarded signal sent to rawinit reaches the workload, which traps it.
for s in TERM INT HUP QUIT USR1 USR2 WINCH CONT; do
	rm -f "$T/ready"
	"$RI" -- $BB sh -c "trap 'exit 9' $s; echo \$\$ >$T/ready; while :; do $BB sleep 0.05; done" &
	pid=$!
	i=0
	while [ ! -s "$T/ready" ] && [ $i -lt 100 ]; do $BB sleep 0.05; i=$((i + 1)); done
	kill -s "$s" "$pid"
	# A workload the signal never reaches loops on: after 5 s, end both (a failure, not a hang).
	i=0
	while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do $BB sleep 0.05; i=$((i + 1)); done
	[ $i -lt 100 ] || kill -KILL "$pid" $(cat "$T/ready") 2>/dev/null
	wait "$pid"
	check "subreaper: SIG$s sent to rawinit is forwarded to the workload" [ $? = 9 ]
done

# Started with every signal blocked and ignored (SIGCHLD too), rawinit still
# reports statuses and hands the workload an empty mask and no ignored signal.
"$top/build/x86_64/sigwrap" "$RI" -- $BB cat /proc/self/status >"$T/status"
check "subreaper: workload signal mask is empty under a hostile parent" \
	grep -qx 'SigBlk:	0000000000000000' "$T/status"
check "subreaper: workload ignores no signal under a hostile parent" \
	grep -qx 'SigIgn:	0000000000000000' "$T/status"
check "subreaper: status is still reported when SIGCHLD was ignored" \
	[ "$(status "$top/build/x86_64/sigwrap" "$RI" -- $BB sh -c 'exit 5')" = 5 ]

# Without /proc (its SigIgn line is how rawinit finds inherited SIG_IGN cheaply),
# the reset falls back to all 64 signals: SIGTERM must still kill the workload.
check "subreaper: an inherited SIG_IGN is reset even with no /proc mounted" \
	[ "$(status unshare --mount sh -c "mount -t tmpfs none /proc &&
		exec '$top/build/x86_64/sigwrap' '$RI' -- $BB sh -c 'kill -TERM \$\$; exit 0'")" = 143 ]

# PID 1 of a fresh pid namespace (container mode): status, and kill(-1) drains
# the namespace so a left-behind process cannot keep the container alive.
check "container: workload exit 42 gives 42 as PID 1 of a pid namespace" \
	[ "$(status unshare --fork --pid --mount-proc "$RI" -- $BB sh -c 'exit 42')" = 42 ]
check "container: workload killed by SIGKILL gives 137" \
	[ "$(status unshare --fork --pid --mount-proc "$RI" -- $BB sh -c 'kill -KILL $$')" = 137 ]
out=$(unshare --fork --pid --mount-proc "$RI" -- $BB sh -c 'echo "pid=$$ ppid=$PPID"')
check "container: rawinit is PID 1 and the workload its child" [ "$out" = "pid=2 ppid=1" ]
start=$(date +%s)
timeout 50 unshare --fork --pid --mount-proc "$RI" -g 1 -- $BB sh -c \
	'$0 sh -c "trap \"\" TERM HUP; exec $0 sleep 60" & exit 3' $BB
rc=$?
took=$(($(date +%s) - start))
check "container: a left-behind process ignoring TERM is killed; status kept" [ "$rc" = 3 ]
# Not a speed assertion: only "it did not wait for the 60 s sleep".
check "container: the drain does not wait for the left-behind process" [ "$rc:$((took < 30))" = 3:1 ]
