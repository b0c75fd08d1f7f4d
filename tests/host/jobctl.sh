#!/bin/sh
# SPDX-License-Identifier: MIT
# Host tests (root) of job control: an interactive shell on a pty runs rawinit in the
# background; SIGTSTP, SIGTTIN or SIGTTOU stops rawinit and its workload, fg, bg or SIGCONT
# resumes both, and the terminal stays the shell's.
#
# The shell is bash (Essential in Debian, so on every CI machine), `bash --norc -i` on a pty
# that build/host/ptydrive holds: lines written to a fifo are typed on it, what it shows goes
# to a file. Facts come from files the commands write and from /proc/PID/stat, every wait
# bounded. The workload writes its pid and, every 0.1 s, a line: the marker that it ran.
# Case conditions are single-quoted shell code that result() evaluates when the case is decided.
# shellcheck disable=SC2016,SC2034
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
scratch
PTYDRIVE=$top/build/host/ptydrive
SHELL_I=bash
DRIVE_S=60	# ptydrive hangs up a session still open after this
WAIT=50		# tenths of a second for one thing to happen
sh=0		# the session's shell, once known

# upto TENTHS CMD...: poll CMD every 0.1 s; fails once TENTHS have passed without success,
# or at once when the session's shell is gone.
upto() {
	n=$1
	shift
	while ! "$@"; do
		[ "$n" -gt 0 ] || return 1
		[ "$sh" = 0 ] || ! gone "$sh" || return 1
		n=$((n - 1))
		sleep 0.1
	done
}
# pstat PID: "STATE PGRP TPGID" of /proc/PID/stat, or "gone" (comm holds no space here).
pstat() {
	{ read -r _ _ _s _ _g _ _ _tp _ <"/proc/$1/stat" && echo "$_s $_g $_tp" || echo gone; } 2>/dev/null
}
state() { pstat "$1" | cut -d' ' -f1; }
stopped() { [ "$(state "$1")" = T ]; }
running() { case $(state "$1") in R | S | D) true ;; *) false ;; esac; }
gone() { [ "$(state "$1")" = gone ] || [ "$(state "$1")" = Z ]; }
# count: lines the workload appended (one each 0.1 s; a line is one write, never seen half-done).
count() { { wc -l <"$D/count"; } 2>/dev/null || echo 0; }
# ran: the workload's marker, its pid and a counter past 0.
ran() { [ -s "$D/wl.pid" ] && [ "$(count)" -gt 0 ]; }
# advances: the counter moves within a second.
advances() {
	c0=$(count)
	upto 10 sh -c "[ \"\$(wc -l <'$D/count')\" -gt $c0 ]"
}
# holds: the counter stays put for half a second.
holds() {
	c0=$(count)
	sleep 0.5
	[ "$(count)" = "$c0" ]
}
# say LINE: type LINE (and Enter) on the terminal.
say() { printf '%s\n' "$*" >&3; }
has() { [ -s "$1" ]; }
# both PRED: PRED holds for rawinit and the workload within the bound.
both() { upto "$WAIT" "$1" "$ri" && upto "$WAIT" "$1" "$wl"; }
why() { echo "rawinit $ri: $(pstat "$ri"); workload $wl: $(pstat "$wl"); count $(count); shell $sh: $(pstat "$sh")"; }

# session_open NAME: a fresh shell on a pty, its pid in $sh; `$ ` prompt, no history file.
session_open() {
	sh=0
	D=$T/$1
	mkdir "$D"
	mkfifo "$D/in"
	exec 3<>"$D/in"
	TERM=dumb PS1='$ ' HISTFILE=/dev/null "$PTYDRIVE" -t "$DRIVE_S" -- \
		"$SHELL_I" --norc --noprofile -i <"$D/in" >"$D/tty" 2>&1 3>&- &
	drv=$!
	say "echo \$\$ >$D/sh.pid"
	upto "$WAIT" has "$D/sh.pid"
	sh=$(cat "$D/sh.pid" 2>/dev/null || echo 0)
	ri=0 wl=0 bad=0
}
# start [REDIR]: rawinit in the background with the counting workload; $ri, $wl once it ran.
start() {
	say "$RI -- $BB sh -c 'echo \$\$ >$D/wl.pid; i=0; while :; do i=\$((i+1)); echo \$i >>$D/count; sleep 0.1; done' ${1:-}&"
	say "echo \$! >$D/ri.pid"
	upto "$WAIT" has "$D/ri.pid" && upto "$WAIT" ran
	ri=$(cat "$D/ri.pid" 2>/dev/null || echo 0)
	wl=$(cat "$D/wl.pid" 2>/dev/null || echo 0)
}
# finish [WAITCMD]: SIGTERM to rawinit from outside; the status the shell saw (after WAITCMD) in $D/rc.
finish() {
	kill -TERM "$ri" 2>/dev/null
	upto "$WAIT" gone "$ri"
	say "${1:+$1; }echo \$? >$D/rc"
	upto "$WAIT" has "$D/rc"
}
# result NAME CONDITION: ok when the shell code CONDITION succeeds, else FAIL with the processes' states.
result() {
	if eval "$2"; then ok "$1"; else fail "$1" "$(why)"; bad=1; fi
}
# session_close: nothing of this session left: rawinit, workload, shell, driver; after a
# failure, what the terminal showed, as comment lines.
session_close() {
	for p in "$ri" "$wl"; do
		[ "$p" -gt 0 ] && ! gone "$p" && kill -KILL "$p" 2>/dev/null
	done
	say exit
	exec 3>&-
	sh=0
	upto "$WAIT" sh -c "! kill -0 $drv 2>/dev/null" || kill -TERM "$drv"
	wait "$drv"
	[ "$bad" = 0 ] || sed 's/^/# tty: /' "$D/tty"
}

# The whole story on the terminal: rawinit & (the terminal stays the shell's), kill -TSTP
# (both stop, the shell sees it), fg (both run again), SIGTERM (both end, fg says 143).
session_open tstp
start
read -r _ sg tp <<EOF
$(pstat "$sh")
EOF
result "jobctl: rawinit started with & leaves the terminal's foreground group to the shell" \
	'ran && [ "$tp" = "$sg" ] && [ "$sg" = "$sh" ] || { echo "# shell $sh: pgrp $sg, terminal foreground $tp"; false; }'
say "echo \$((6*7)) >$D/typed"
upto "$WAIT" has "$D/typed"
result "jobctl: a command typed after rawinit & runs (the prompt keeps working)" \
	'ran && [ "$(cat "$D/typed" 2>/dev/null)" = 42 ]'
say "kill -TSTP $ri"
upto "$WAIT" stopped "$ri"
result "jobctl: kill -TSTP stops rawinit (state T)" 'ran && stopped "$ri"'
upto "$WAIT" stopped "$wl"
result "jobctl: kill -TSTP stops the workload too (state T, its counter holds)" 'ran && stopped "$wl" && holds'
was=$(state "$ri")$(state "$wl")
say "jobs -l >$D/jobs"
upto "$WAIT" has "$D/jobs"
result "jobctl: the shell reports the job stopped (jobs -l: Stopped)" \
	'ran && grep -q "^\[1\]+ *$ri Stopped" "$D/jobs" 2>/dev/null || { echo "# jobs -l: $(cat "$D/jobs" 2>/dev/null)"; false; }'
say fg
upto "$WAIT" running "$ri"
result "jobctl: fg resumes rawinit (it was stopped, now running)" '[ "$was" = TT ] && ran && running "$ri"'
upto "$WAIT" running "$wl"
result "jobctl: fg resumes the workload (it was stopped, now running, its counter advances)" \
	'[ "$was" = TT ] && ran && running "$wl" && advances'
finish
result "jobctl: SIGTERM to the resumed rawinit ends both; fg returns 143" \
	'ran && gone "$ri" && gone "$wl" && [ "$(cat "$D/rc" 2>/dev/null)" = 143 ] ||
		{ echo "# fg: $(cat "$D/rc" 2>/dev/null)"; false; }'
session_close

# SIGTTIN and SIGTTOU, briefly: both stop, the shell sees it; bg or kill -CONT resumes both.
# rawinit's stdin is /dev/null here: these cases hold whatever the terminal cases above say.
for sig in TTIN:bg TTOU:kill_-CONT_%1; do
	resume=$(echo "${sig#*:}" | tr _ ' ')
	sig=${sig%%:*}
	session_open "$sig"
	start "</dev/null "
	say "kill -$sig $ri"
	both stopped
	was=$(state "$ri")$(state "$wl")
	say "jobs -l >$D/jobs"
	upto "$WAIT" has "$D/jobs"
	result "jobctl: kill -$sig stops rawinit and the workload; jobs -l says Stopped" \
		'ran && [ "$was" = TT ] && holds && grep -q "^\[1\]+ *$ri Stopped" "$D/jobs" 2>/dev/null ||
			{ echo "# jobs -l: $(cat "$D/jobs" 2>/dev/null)"; false; }'
	say "$resume"
	both running
	result "jobctl: after $sig, $resume resumes both (they were stopped; the counter advances)" \
		'[ "$was" = TT ] && ran && running "$ri" && running "$wl" && advances'
	finish "wait $ri"
	result "jobctl: after $sig: SIGTERM ends both; wait returns 143" \
		'ran && gone "$ri" && gone "$wl" && [ "$(cat "$D/rc" 2>/dev/null)" = 143 ] ||
			{ echo "# wait: $(cat "$D/rc" 2>/dev/null)"; false; }'
	session_close
done
