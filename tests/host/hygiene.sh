#!/bin/sh
# SPDX-License-Identifier: MIT
# Host tests (root) of the setup's entry and exit: exec mode, leaked fds and cwd, the parent
# death signal, dumpable, LSM labels and the console.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
chmod 755 "$T"
RAN="argv $BB sh -c \"echo the workload ran\""
# The workload's session, process group... from /proc/$$/stat: "pid=P sid=S tty=N".
STAT='read -r pid comm state ppid pgrp sid tty rest </proc/$$/stat; echo pid=$pid sid=$sid tty=$tty'

# run CMD...: output (stdout+stderr) in $T/out, status in $rc.
run() { "$@" >"$T/out" 2>&1; rc=$?; }
out() { cat "$T/out"; }
# refused LINE: status 111, the output is exactly LINE, the workload did not run.
refused() { [ "$rc" = 111 ] && [ "$(out)" = "$1" ]; }
# session: the workload on the pty ran, a session leader with a controlling terminal.
session() {
	grep -qx 'exited 0' "$T/out" && grep -qE '^pid=([0-9]+) sid=\1 tty=[1-9][0-9]*$' "$T/out" &&
		grep -qx '/dev/pts/[0-9]*' "$T/out"
}

# Exec mode: the whole setup, then execve in place.
conf exec 'argv /bin/busybox sh -c "echo $$ $(/bin/busybox id -u); exit 7"' "mode exec" "user 1000"
run sh -c 'echo $$; exec "$1" -c "$2"' sh "$RI" "$T/exec.bin"
check "hygiene: exec mode: the workload has rawinit's pid (execve in place, no fork)" \
	[ "$(sed -n 1p "$T/out")" = "$(sed -n 2p "$T/out" | cut -d' ' -f1)" ]
check "hygiene: exec mode: the setup steps applied first (user 1000)" \
	[ "$(sed -n 2p "$T/out" | cut -d' ' -f2)" = 1000 ]
check "hygiene: exec mode: the workload's status is the parent's to take (7), nothing between" \
	[ "$rc" = 7 ]
conf exec1 'argv /bin/busybox sh -c "echo $$"' "mode exec"
run unshare --pid --fork "$RI" -c "$T/exec1.bin"
check "hygiene: exec mode as PID 1 of a pid namespace: the workload is PID 1" \
	sh -c "[ $rc = 0 ] && [ \"\$(cat '$T/out')\" = 1 ]"
conf execbad "$RAN" "mode exec" "user nosuch"
run "$RI" -c "$T/execbad.bin"
check "hygiene: exec mode: a failing step is one line, status 111, nothing runs" \
	refused "rawinit: creds: user nosuch: ENOENT (2)"

# Leaked fds: nothing above 2 reaches the workload (ls's own directory fd is 3).
conf fds "argv $BB ls /proc/self/fd"
run "$RI" -c "$T/fds.bin" 5</etc/hostname 9</tmp
check "hygiene: no fd above 2 reaches the workload, though rawinit inherited 5 and 9" \
	sh -c "[ $rc = 0 ] && [ \"\$(tr '\n' ' ' <'$T/out')\" = '0 1 2 3 ' ]"
conf fdsexec "argv $BB ls /proc/self/fd" "mode exec"
run "$RI" -c "$T/fdsexec.bin" 5</etc/hostname 9</tmp
check "hygiene: exec mode: no fd above 2 either" sh -c "[ $rc = 0 ] && [ \"\$(tr '\n' ' ' <'$T/out')\" = '0 1 2 3 ' ]"
conf argv0 "argv /proc/self/fd/5"
run $BB sh -c 'exec /proc/self/fd/5' 5</bin/true
ctl=$rc
run "$RI" -c "$T/argv0.bin" 5</bin/true
check "hygiene: argv[0] /proc/self/fd/5 naming a leaked executable does not run: 127, one line" \
	sh -c "[ $ctl = 0 ] && [ $rc = 127 ] && [ \"\$(cat '$T/out')\" = 'rawinit: exec: /proc/self/fd/5: ENOENT (2)' ]"

# A cwd outside the root (CVE-2024-21626 class): rawinit chrooted, fd 9 on a directory outside.
mkdir -p "$T/root/bin" "$T/root/proc" "$T/root/tmp"
cp "$BB" "$T/root/bin/busybox"
cp "$RI" "$T/root/rawinit"
conf cwd9 "$RAN" "cwd /proc/self/fd/9"
conf cwd9exec "$RAN" "cwd /proc/self/fd/9" "mode exec"
conf cwdtmp "argv $BB pwd" "cwd /tmp"
conf nocwd "$RAN"
cp "$T/cwd9.bin" "$T/cwd9exec.bin" "$T/cwdtmp.bin" "$T/nocwd.bin" "$T/root/"
inroot() { run unshare --mount sh -c "mount --bind /proc '$T/root/proc' && $*"; }
inroot "chroot '$T/root' /rawinit -c /cwd9.bin 9<'$T'"
check "hygiene: cwd /proc/self/fd/9, a leaked directory: closed by PID 1 before the fork: one line, 111" \
	refused "rawinit: chdir: /proc/self/fd/9: ENOENT (2)"
inroot "chroot '$T/root' /rawinit -c /cwd9exec.bin 9<'$T'"
check "hygiene: exec mode: cwd /proc/self/fd/9 outside the root: one line, 111, no workload" \
	refused "rawinit: chdir: /proc/self/fd/9: EXDEV (18)"
inroot "'$PARENT' nochdir '$T/root' -- /rawinit -c /nocwd.bin"
check "hygiene: an inherited cwd outside the root is refused too" \
	refused "rawinit: chdir: (inherited): EXDEV (18)"
inroot "chroot '$T/root' /rawinit -c /cwdtmp.bin"
check "hygiene: a cwd inside the chroot is taken (/tmp)" sh -c "[ $rc = 0 ] && [ \"\$(cat '$T/out')\" = /tmp ]"

# The parent death signal: a uid change clears it (the control, setpriv, survives its
# parent); rawinit sets it again after its own.
conf pdeath "argv /bin/sleep 30" "mode exec" "user 1000"
run "$PARENT" pdeath sleep -- setpriv --reuid 1000 /bin/sleep 30
ctl=$(out)
run "$PARENT" pdeath sleep -- "$RI" -c "$T/pdeath.bin"
check "hygiene: the parent death signal outlives the uid change: parent dies, workload SIGKILLed" \
	sh -c "[ '$ctl' = alive ] && [ \"\$(cat '$T/out')\" = 'killed 9' ]"
conf orphan "$RAN" "mode exec" "sync-fd 3" "verbose 1"
"$PARENT" orphan "$T/orphan.log" -- "$RI" -c "$T/orphan.bin" >"$T/out" 2>"$T/orphan.log"
check "hygiene: a parent that died during setup: rawinit says so and kills itself, nothing runs" \
	sh -c "grep -qx 'killed 9' '$T/out' && ! grep -q 'workload ran' '$T/out' '$T/orphan.log' &&
		grep -qx 'rawinit: pdeathsig: parent: ESRCH (3)' '$T/orphan.log'"

# Dumpable: rawinit run as uid 1000 (a subreaper); its workload, same uid, looks at it.
LOOK='/bin/busybox stat -c %u /proc/$PPID/status /proc/$$/status; cat /proc/$PPID/environ >/dev/null && echo readable'
run setpriv --reuid 1000 --regid 1000 --clear-groups $BB sh -c "$BB sh -c '$LOOK'; true"
ctl=$(out | tr '\n' ' ')
run setpriv --reuid 1000 --regid 1000 --clear-groups "$RI" -- $BB sh -c "$LOOK"
check "hygiene: rawinit is not dumpable: its /proc files are root's, its environ closed to its own uid" \
	sh -c "[ '$ctl' = '1000 1000 readable ' ] && [ \"\$(sed -n 1p '$T/out')\" = 0 ] &&
		grep -q 'environ.*Permission denied' '$T/out'"
check "hygiene: the workload is dumpable again after its execve (its /proc files are its own)" \
	[ "$(sed -n 2p "$T/out")" = 1000 ]
conf dumpexec 'argv /bin/busybox stat -c %u /proc/self/status' "mode exec" "user 1000"
run "$RI" -c "$T/dumpexec.bin"
check "hygiene: exec mode: the workload is dumpable again after its execve" [ "$(out)" = 1000 ]

# LSM labels. `selinux x` is refused by SELinux (not a context) and by a kernel without it.
lsm=/sys/kernel/security/lsm
lsms=$(cat $lsm 2>/dev/null ||
	unshare --mount sh -c "mount -t securityfs none ${lsm%/lsm} && cat $lsm" 2>/dev/null)
conf selinux "$RAN" "selinux x"
run "$RI" -c "$T/selinux.bin"
check "hygiene: selinux x is refused by the kernel (LSMs here: $lsms): one line, 111, nothing runs" \
	refused "rawinit: selinux: x: EINVAL (22)"
case ",$lsms," in
*,apparmor,*)
	conf apparmor "argv $BB cat /proc/self/attr/current" "apparmor unconfined"
	run "$RI" -c "$T/apparmor.bin"
	check "hygiene: apparmor unconfined: the workload runs under that profile" \
		sh -c "[ $rc = 0 ] && grep -q '^unconfined' '$T/out'"
	;;
*)
	conf apparmor "$RAN" "apparmor unconfined"
	run "$RI" -c "$T/apparmor.bin"
	check "hygiene: apparmor on a kernel without AppArmor: one line, 111, nothing runs" \
		refused "rawinit: apparmor: unconfined: EINVAL (22)"
	;;
esac
run unshare --mount sh -c "mount -t tmpfs none /proc && mkdir -p /proc/self/attr && : >/proc/self/attr/exec &&
	exec '$RI' -c '$T/selinux.bin'"
check "hygiene: a label goes only to the real procfs (a tmpfs /proc look-alike: ENODEV)" \
	refused "rawinit: selinux: x: ENODEV (19)"

# Console.
conf console "argv $BB sh -c \"ls -l /proc/\$\$/fd/0 /proc/\$\$/fd/1 /proc/\$\$/fd/2\"" "console $T/cons"
: >"$T/cons"
run "$RI" -c "$T/console.bin"
check "hygiene: console PATH: the workload's fds 0, 1 and 2 are that file" \
	sh -c "[ $rc = 0 ] && [ \"\$(grep -c -- '/fd/[012] -> $T/cons\$' '$T/cons')\" = 3 ]"
conf pty "argv $BB sh -c \"$STAT; /bin/busybox tty\"" "console /proc/self/fd/5"
run "$PARENT" pty -- "$RI" -c "$T/pty.bin"
check "hygiene: console /proc/self/fd/5 (a pty from the parent): the workload's controlling terminal" \
	session
conf ptyexec "argv $BB sh -c \"$STAT; /bin/busybox tty\"" "console /proc/self/fd/5" "mode exec"
run "$PARENT" pty -- "$RI" -c "$T/ptyexec.bin"
check "hygiene: exec mode: the console pty is the workload's controlling terminal" session
conf term "argv $BB sh -c \"$STAT; /bin/busybox tty\"" "terminal"
run "$PARENT" pty -- sh -c "exec '$RI' -c '$T/term.bin' <&5 >&5 2>&5 5>&-"
check "hygiene: terminal with a pty on fd 0: it becomes the workload's controlling terminal" session
conf noterm "$RAN" "terminal"
run "$RI" -c "$T/noterm.bin" </dev/null
check "hygiene: terminal without a terminal on fd 0: one line, 111, nothing runs" \
	refused "rawinit: terminal: fd 0: ENOTTY (25)"
conf nocons "$RAN" "console /nonexistent"
run "$RI" -c "$T/nocons.bin"
check "hygiene: a console that cannot be opened: one line, 111, nothing runs" \
	refused "rawinit: console: /nonexistent: ENOENT (2)"
