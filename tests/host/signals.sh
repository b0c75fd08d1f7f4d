#!/bin/sh
# SPDX-License-Identifier: MIT
# Host tests of rawinit's signals (issue #10): every forwardable signal, group forwarding, the
# policy table, kernel-raised signals, exit-status mapping, parent death, the supervisor's cwd, -h.
#
# The workload is build/host/sigprint: all 64 signals blocked, one line "sig N" per signal it
# receives. Every check needs a positive marker that the workload ran (its READY file, or a
# line it printed): a rawinit that fails before the workload never passes. Every wait is
# bounded (ticks of 20 ms); a rawinit that hangs is killed and the case fails.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
scratch
SP=$top/build/host/sigprint
ulimit -c 0	# the default-disposition cases kill with core-dumping signals

# Signals 1..64 but SIGKILL (9) and SIGSTOP (19), which cannot be caught or forwarded.
SENDABLE=$(seq 1 64 | grep -vxE '9|19')
# Forwardable: those but SIGCHLD (17).
FORWARDABLE=$(echo "$SENDABLE" | grep -vx 17)
# Whose default action ends a process: not CHLD CONT STOP TSTP TTIN TTOU URG WINCH (17-23, 28).
TERMINATING=$(echo "$FORWARDABLE" | grep -vxE '1[78]|2[0-3]|28')

tick() { $BB sleep 0.02; }
# has FILE LINE: FILE holds the exact line.
has() { grep -qxF -- "$2" "$1" 2>/dev/null; }
# count FILE LINE: how many times.
count() { cn=$(grep -cxF -- "$2" "$1" 2>/dev/null); echo "${cn:-0}"; }
# wait_for FILE LINE TICKS [N]: until FILE holds LINE N times (default 1); 1 after TICKS.
wait_for() {
	i=0
	while [ "$(count "$1" "$2")" -lt "${4:-1}" ]; do
		[ $i -ge "$3" ] && return 1
		tick
		i=$((i + 1))
	done
}
state() { sed 's/.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null; }
# alive PID: running (or stopped), not a zombie.
alive() { [ -n "$1" ] || return 1; as=$(state "$1"); [ -n "$as" ] && [ "$as" != Z ]; }
# child_of PID: its first child (polled up to 5 s, while PID lives), or nothing.
child_of() {
	i=0
	while [ $i -lt 250 ] && alive "$1"; do
		c=$(cat "/proc/$1/task/$1/children" 2>/dev/null)
		[ -n "$c" ] && echo "${c%% *}" && return
		tick
		i=$((i + 1))
	done
}

# start MODE ARGS...: rawinit ARGS in the background, as PID 1 of new namespaces (ns) or as a
# subreaper (sub). The subreaper too runs in a pid namespace of its own, under a shell as its
# PID 1: a rawinit that wrongly signals -1 or a wrong group while it forwards or drains hits
# that namespace, not this machine. Each in a session of its own. Sets job (what to wait
# for: its status is rawinit's) and ri (rawinit's pid, to signal).
start() {
	if [ "$1" = sub ]; then
		shift
		setsid "$PARENT" ns -- $BB sh -c '"$@"; exit $?' sh "$RI" "$@" &
		job=$!
		ri=$(child_of "$(child_of $job)")
	else
		shift
		setsid "$PARENT" ns -- "$RI" "$@" &
		job=$!
		ri=$(child_of $job)
	fi
}
# ready FILE: the workload wrote its READY file (up to 5 s, less when the job ended first).
ready() {
	i=0
	while ! has "$1" ready; do
		{ [ $i -ge 250 ] || ! alive "$job"; } && ! has "$1" ready && return 1
		tick
		i=$((i + 1))
	done
}
# finish TICKS: wait for the job to end; after TICKS kill it and what it ran. Status in rc.
finish() {
	i=0
	while alive "$job" && [ $i -lt "$1" ]; do
		tick
		i=$((i + 1))
	done
	if alive "$job"; then
		echo "# $job still running: killed, with its workload's process group" >&2
		for k in $(cat "/proc/$ri/task/$ri/children" 2>/dev/null); do
			kill -KILL -"$k" "$k" 2>/dev/null
		done
		kill -KILL "$ri" "$job" 2>/dev/null
	fi
	wait "$job" 2>/dev/null
	rc=$?
}
# pids READY: the members' pids as the workload saw them.
pids() { sed -n 's/^member [0-9]* pid \([0-9]*\) .*/\1/p' "$1" 2>/dev/null; }
# sp NAME ARGS...: the sigprint command line writing $T/NAME.out and $T/NAME.ready.
sp() { n=$1; shift; echo "$SP -o $T/$n.out -r $T/$n.ready -t 30 $*"; }

# sweep NAME STOPS OUT...: send rawinit every signal but KILL, STOP and TERM, one at a time,
# each followed by a wait for its line in every OUT (standard signals do not queue); then
# TERM, the workload's exit (-x 15). STOPS=yes (a subreaper): after TSTP, TTIN and TTOU
# rawinit stops itself; once it has, CONT resumes it (and reaches the workload again).
# Sets conts (the CONT lines each OUT should have) and nostop (signals it did not stop on).
sweep() {
	name=$1 stops=$2
	shift 2
	w=50 misses=0 conts=1 nostop=
	for s in $SENDABLE; do
		[ "$s" = 15 ] && continue
		kill -"$s" "$ri" 2>/dev/null
		if [ "$s" = 17 ]; then tick && tick && continue; fi
		for o in "$@"; do
			# After two misses, stop waiting long: the tally at the end is the judge.
			wait_for "$o" "sig $s" $w || { misses=$((misses + 1)); [ $misses -lt 2 ] || w=5; }
		done
		case $stops:$s in
		yes:20 | yes:21 | yes:22)
			i=0
			while [ "$(state "$ri")" != T ] && [ $i -lt 50 ]; do tick; i=$((i + 1)); done
			if [ "$(state "$ri")" = T ]; then
				conts=$((conts + 1))
				kill -CONT "$ri"
				for o in "$@"; do wait_for "$o" "sig 18" 50 $conts; done
			else
				nostop="$nostop $s"
			fi
			;;
		esac
	done
	kill -TERM "$ri" 2>/dev/null
	for o in "$@"; do wait_for "$o" "sig 15" 50; done
	finish 150
}
# tally OUT...: "" when every forwardable signal is in each OUT exactly once (CONT $conts
# times) and CHLD never; else what is wrong.
tally() {
	bad=
	for o in "$@"; do
		miss= dup=
		for s in $FORWARDABLE; do
			want=1
			[ "$s" = 18 ] && want=$conts
			c=$(count "$o" "sig $s")
			[ "$c" = 0 ] && miss="$miss $s"
			[ "$c" -gt 0 ] && [ "$c" != "$want" ] && dup="$dup $s:${c}x"
		done
		has "$o" "sig 17" && dup="$dup 17(CHLD)"
		[ -z "$miss$dup" ] || bad="$bad ${o##*/}:${miss:+ missing$miss}${dup:+ wrong count$dup};"
	done
	echo "$bad"
}
# the_sweep MODE STOPS NAME MEMBERS RAWINIT-ARGS...: a whole sweep and its checks.
the_sweep() {
	mode=$1 stops=$2 label=$3 m=$4
	shift 4
	rm -f "$T/$mode$m.out"*
	outs=$T/$mode$m.out
	[ "$m" = 0 ] || outs="$outs $T/$mode$m.out.1 $T/$mode$m.out.2"
	start "$mode" "$@" -- $(sp "$mode$m" -x 15 -m "$m")
	nostop=
	if ready "$T/$mode$m.ready"; then
		sweep "$label" "$stops" $outs
		bad=$(tally $outs)
	else
		finish 50
		bad="the workload never became ready (rawinit status $rc)"
		rc=never
	fi
	if [ "$m" != 0 ]; then
		g=$(sed -n 's/^member 0 pid \([0-9]*\) pgid \([0-9]*\)$/\1 \2/p' "$T/$mode$m.ready" 2>/dev/null)
		check "$label: the three members are in the workload's own process group" \
			[ -n "$g" -a "$(sed -n 's/.* pgid //p' "$T/$mode$m.ready" 2>/dev/null | sort -u)" = \
				"${g#* }" -a "${g% *}" = "${g#* }" -a "$(grep -sc '^member' "$T/$mode$m.ready")" = 3 ]
	fi
	if [ -z "$bad" ]; then
		ok "$label: every forwardable signal 1-64 reaches the workload exactly once"
	else
		fail "$label: every forwardable signal 1-64 reaches the workload exactly once" "$bad"
	fi
	# Marker: the workload saw the last signal, TERM, and ended on it.
	check "$label: SIGCHLD sent to rawinit is not forwarded; TERM ends the workload, status 0" \
		sh -c "[ $rc = 0 ] && ! grep -sqx 'sig 17' $outs && grep -sqx 'sig 15' $T/$mode$m.out"
	if [ "$stops" = yes ]; then
		check "$label: after forwarding TSTP TTIN TTOU rawinit stops itself; CONT resumes it" \
			sh -c "[ -z '$nostop' ] && grep -sqx 'sig 20' $T/$mode$m.out"
	fi
}

# 1. Every signal sent to rawinit, one at a time: each forwardable one arrives exactly once.
the_sweep ns no "container" 0
the_sweep sub yes "subreaper" 0
# ... and to each of the three members of the workload's process group with group forwarding.
conf grp "signal-group"
the_sweep sub yes "subreaper -G" 2 -G
the_sweep ns no "container signal-group" 2 -c "$T/grp.bin"

# 2. A workload at default dispositions dies by each default-terminating signal N sent to
# rawinit, whose status is then 128+N. All at once: one rawinit per (mode, signal).
for mode in sub ns; do
	jobs=
	for s in $TERMINATING; do
		rm -f "$T/dd$mode$s"
		start $mode -- $BB sh -c "echo ran >$T/dd$mode$s; exec /bin/sleep 30"
		jobs="$jobs $s:$job:$ri"
	done
	# The marker: the workload wrote its file and is sleep now (exec'd: default dispositions).
	for j in $jobs; do
		s=${j%%:*} ri=${j##*:}
		i=0
		while [ $i -lt 250 ]; do
			w=$(cat "/proc/$ri/task/$ri/children" 2>/dev/null)
			w=${w%% *}
			[ -s "$T/dd$mode$s" ] && [ -n "$w" ] &&
				[ "$(cat "/proc/$w/comm" 2>/dev/null)" = sleep ] && break
			tick
			i=$((i + 1))
		done
		kill -"$s" "$ri" 2>/dev/null
	done
	bad= budget=0
	for j in $jobs; do
		s=${j%%:*} job=${j#*:}
		job=${job%:*} ri=${j##*:}
		while alive "$job" && [ $budget -lt 150 ]; do tick; budget=$((budget + 1)); done
		finish 0
		[ -s "$T/dd$mode$s" ] || rc="$rc(no workload)"
		[ "$rc" = $((128 + s)) ] || bad="$bad $s:$rc"
	done
	label=container
	[ $mode = sub ] && label=subreaper
	if [ -z "$bad" ]; then
		ok "$label: a default-disposition workload dies by each terminating signal N, status 128+N"
	else
		fail "$label: a default-disposition workload dies by each terminating signal N, status 128+N" \
			"signal:status$bad"
	fi
done

# 3. A signal the kernel raised at rawinit itself is not forwarded: with -v and stderr a pipe
# whose reader is gone, logging the USR1 it forwards earns rawinit a SIGPIPE of its own.
for mode in sub ns; do
	rm -f "$T/kr$mode".* "$T/err.fifo"
	mkfifo "$T/err.fifo"
	cat "$T/err.fifo" >"$T/kr$mode.err" &
	reader=$!
	start $mode -v -- $(sp "kr$mode" -x 15) 2>"$T/err.fifo"
	ready "$T/kr$mode.ready"
	kill "$reader" 2>/dev/null
	wait "$reader"
	kill -USR1 "$ri"
	wait_for "$T/kr$mode.out" "sig 10" 100
	tick
	kill -TERM "$ri"
	wait_for "$T/kr$mode.out" "sig 15" 100
	finish 150
	label=container
	[ $mode = sub ] && label=subreaper
	check "$label: a SIGPIPE from rawinit's own write to a dead pipe is not forwarded (USR1 is)" \
		sh -c "[ -s '$T/kr$mode.err' ] && grep -sqx 'sig 10' '$T/kr$mode.out' &&
			grep -sqx 'sig 15' '$T/kr$mode.out' && ! grep -sqx 'sig 13' '$T/kr$mode.out' && [ $rc = 0 ]"
done

# 4. The policy table. one NAME SEND... -- RAWINIT-ARGS...: sigprint exits on its -x; each
# signal is sent once the one before had time to arrive.
policy() {
	n=$1
	shift
	sends=
	while [ "$1" != -- ]; do sends="$sends $1"; shift; done
	shift
	rm -f "$T/$n".out* "$T/$n".ready	# not its config
	start sub "$@"
	if ! ready "$T/$n.ready"; then
		finish 50
		return
	fi
	for s in $sends; do
		kill -"$s" "$ri" 2>/dev/null
		for i in 1 2 3 4 5 6 7 8 9 10; do tick; done
	done
	finish 150
}
conf rw "signal TERM rewrite QUIT"
policy rw TERM -- -c "$T/rw.bin" -- $(sp rw -x 3)
check "policy: signal TERM rewrite QUIT: the workload gets QUIT, not TERM" \
	sh -c "grep -sqx 'sig 3' $T/rw.out && ! grep -sqx 'sig 15' $T/rw.out && [ $rc = 0 ]"
policy rwn TERM -- -r 15:3 -- $(sp rwn -x 3)
check "policy: -r 15:3 rewrites TERM to QUIT" \
	sh -c "grep -sqx 'sig 3' $T/rwn.out && ! grep -sqx 'sig 15' $T/rwn.out && [ $rc = 0 ]"
policy rws TERM -- -r TERM:QUIT -- $(sp rws -x 3)
check "policy: -r TERM:QUIT (names) rewrites TERM to QUIT" \
	sh -c "grep -sqx 'sig 3' $T/rws.out && ! grep -sqx 'sig 15' $T/rws.out && [ $rc = 0 ]"
conf ign "signal USR1 ignore"
policy ign USR1 USR2 -- -c "$T/ign.bin" -- $(sp ign -x 12)
check "policy: signal USR1 ignore: USR1 never reaches the workload (USR2 after it does)" \
	sh -c "grep -sqx 'sig 12' $T/ign.out && ! grep -sqx 'sig 10' $T/ign.out && [ $rc = 0 ]"
conf names "signal RTMIN+3 rewrite SIGUSR2" "signal 36 ignore" "signal SIGRTMAX ignore" \
	"signal HUP ignore"
policy names 36 64 1 35 -- -c "$T/names.bin" -- $(sp names -x 12)
check "policy: RTMIN+3, SIGRTMAX, 36, HUP and SIGUSR2 name the signals 35, 64, 36, 1, 12" \
	sh -c "grep -sqx 'sig 12' $T/names.out && ! grep -sqxE 'sig (1|35|36|64)' $T/names.out &&
		[ $rc = 0 ]"
conf pwr "signal PWR shutdown"
policy pwr PWR -- -c "$T/pwr.bin" -- $(sp pwr -x 15 -s 7)
check "policy: signal PWR shutdown: the drain's SIGTERM reaches the workload, PWR does not" \
	sh -c "grep -sqx 'sig 15' $T/pwr.out && ! grep -sqx 'sig 30' $T/pwr.out"
check "policy: signal PWR shutdown: rawinit ends with the workload's status (7)" \
	sh -c "grep -sqx 'sig 15' $T/pwr.out && [ $rc = 7 ]"
# A workload that keeps TERM blocked is killed at the end of the grace period.
policy pwrk PWR -- -g 1 -c "$T/pwr.bin" -- $(sp pwrk)
check "policy: signal PWR shutdown: a workload holding TERM is killed after the grace (137)" \
	sh -c "grep -sqx 'sig 15' $T/pwrk.out && ! grep -sqx 'sig 30' $T/pwrk.out && [ $rc = 137 ]"
conf g1 "signal USR2 group"
policy g1 USR2 HUP TERM -- -c "$T/g1.bin" -- $(sp g1 -x 15 -m 2)
check "policy: signal USR2 group: USR2 reaches all three members, HUP and TERM the leader only" \
	sh -c "grep -sqx 'sig 12' $T/g1.out && grep -sqx 'sig 12' $T/g1.out.1 &&
		grep -sqx 'sig 12' $T/g1.out.2 && grep -sqx 'sig 1' $T/g1.out &&
		! grep -sqxE 'sig (1|15)' $T/g1.out.1 $T/g1.out.2 && [ $rc = 0 ]"

# 5. Exit status mapping: only a listed exit code becomes 0; a signal N stays 128+N.
# ex ARGS...: "STATUS:OUTPUT" of rawinit ARGS ("ran" is the workload's marker).
ex() { out=$("$@" 2>&1); echo "$?:$out"; }
conf ez "exit-zero 143"
conf ez2 "exit-zero 3 143"
check "exit: -e 143 reports a workload's exit 143 as 0" \
	[ "$(ex "$RI" -e 143 -- $BB sh -c 'echo ran; exit 143')" = 0:ran ]
check "exit: config exit-zero 143 reports exit 143 as 0" \
	[ "$(ex "$RI" -c "$T/ez.bin" -- $BB sh -c 'echo ran; exit 143')" = 0:ran ]
check "exit: -e 143 leaves exit 1 as 1" \
	[ "$(ex "$RI" -e 143 -- $BB sh -c 'echo ran; exit 1')" = 1:ran ]
check "exit: -e 143 leaves a workload killed by TERM at 143 (codes map, signals do not)" \
	[ "$(ex "$RI" -e 143 -- $BB sh -c 'echo ran; kill -TERM $$')" = 143:ran ]
check "exit: -e is repeatable (-e 3 -e 143: exit 3 gives 0)" \
	[ "$(ex "$RI" -e 3 -e 143 -- $BB sh -c 'echo ran; exit 3')" = 0:ran ]
check "exit: config exit-zero 3 143 maps both (exit 3 gives 0, exit 4 stays 4)" \
	[ "$(ex "$RI" -c "$T/ez2.bin" -- $BB sh -c 'echo ran; exit 3'):$(ex "$RI" -c \
		"$T/ez2.bin" -- $BB sh -c 'echo ran; exit 4')" = 0:ran:4:ran ]
check "exit: -e 143 as PID 1 of a pid namespace" \
	[ "$(ex "$PARENT" ns -- "$RI" -e 143 -- $BB sh -c 'echo ran; exit 143')" = 0:ran ]

# 6. Parent death (subreaper): the parent dies once the workload is ready; rawinit gets the
# -p signal and forwards it; the workload exits 0 on it (sigprint parent reports "exited 0").
rm -f "$T"/pd*
"$SP" parent "$T/pd.ready" -- "$RI" -p USR1 -- $(sp pd -x 10) >"$T/pd.res" 2>&1
check "parent death: -p USR1: the parent dies, the workload gets USR1, rawinit exits 0" \
	sh -c "grep -sqx 'sig 10' $T/pd.out && grep -sqx 'exited 0' $T/pd.res"
conf pdc "parent-death SIGUSR1"
"$SP" parent "$T/pdc.ready" -- "$RI" -c "$T/pdc.bin" -- $(sp pdc -x 10) >"$T/pdc.res" 2>&1
check "parent death: config parent-death SIGUSR1 does the same" \
	sh -c "grep -sqx 'sig 10' $T/pdc.out && grep -sqx 'exited 0' $T/pdc.res"
# The race: the parent dies while rawinit waits for its go-ahead (sync-fd), before the
# workload runs; rawinit must notice it was reparented and act as if it got the signal.
# Forwarded at once, USR1 may reach the workload before it blocked it: then it dies of it
# and rawinit exits 138 (128+10), which only a workload killed by USR1 gives; or it
# printed it and exited 0.
conf race "sync-fd 3" "verbose 1"
"$PARENT" orphan "$T/race.log" -- "$RI" -p USR1 -c "$T/race.bin" -- $(sp race -x 10 -t 8) \
	>"$T/race.res" 2>"$T/race.log"
check "parent death: a parent that died before -p was set still gets the workload USR1" \
	sh -c "grep -sqx 'exited 138' $T/race.res ||
		{ grep -sqx 'sig 10' $T/race.out && grep -sqx 'exited 0' $T/race.res; }"

# 7. The supervisor's working directory is / (it keeps no filesystem busy); the workload's
# stays where rawinit was started.
for mode in sub ns; do
	rm -rf "$T/cwd$mode".*
	mkdir "$T/cwd$mode.d"
	cd "$T/cwd$mode.d" || exit 1
	start $mode -- $(sp "cwd$mode" -x 15)
	cd "$top" || exit 1
	ready "$T/cwd$mode.ready"
	w=$(cat "/proc/$ri/task/$ri/children" 2>/dev/null)
	w=${w%% *}
	sup=$(readlink "/proc/$ri/cwd")
	wl=$(readlink "/proc/$w/cwd" 2>/dev/null)
	kill -TERM "$ri"
	finish 150
	label=container
	[ $mode = sub ] && label=subreaper
	check "$label: rawinit's cwd is / while it supervises (started in a temporary directory)" \
		sh -c "[ -n '$w' ] && [ '$sup' = / ] && grep -sqx 'sig 15' $T/cwd$mode.out"
	check "$label: the workload's cwd is the directory rawinit was started in" \
		sh -c "[ '$wl' = '$T/cwd$mode.d' ] && grep -sqx 'sig 15' $T/cwd$mode.out"
done

# 8. -h and --help: the usage with every flag, on stdout, status 0.
for h in -h --help; do
	out=$("$RI" $h 2>/dev/null)
	rc=$?
	miss=
	for f in -v -g -c -G -r -e -p -h; do
		printf '%s\n' "$out" | grep -qE -- "(^|[^A-Za-z])$f([^A-Za-z]|$)" || miss="$miss $f"
	done
	printf '%s\n' "$out" | grep -qi usage && u=1 || u=0
	check "usage: rawinit $h prints the usage with every flag on stdout, status 0" \
		[ "$rc:$u:$miss" = 0:1: ]
done
