#!/bin/sh
# SPDX-License-Identifier: MIT
# Host tests (root) of what the supervising rawinit keeps once its workload runs: seen from a
# workload that may ptrace it (CAP_SYS_PTRACE), its capabilities, no-new-privileges and fds.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
scratch
TAB=$(printf '\t')

# The workload reads its PID 1 (container) or its parent (subreaper, argument "parent") as a
# ptracer could: capability sets, no-new-privileges, open fds.
cat >"$T/look.sh" <<'E'
p=1
[ "${1:-}" = parent ] && p=$PPID
grep -E "^(Cap(Inh|Prm|Eff|Bnd|Amb)|NoNewPrivs):" /proc/$p/status
echo fds: $(ls /proc/$p/fd 2>&1)
echo fd7: $(cat /proc/$p/fd/7 2>/dev/null || echo unreadable)
E
LOOK="argv $BB sh $T/look.sh"
PTRACE="caps bounding sys_ptrace kill"
conf ptrace "$LOOK" "$PTRACE" "caps permitted sys_ptrace kill" "caps effective sys_ptrace kill"
conf sub "$LOOK parent" "$PTRACE" "caps permitted sys_ptrace kill" "caps effective sys_ptrace kill"
conf user "$LOOK parent"

# run ARGS...: output in $T/out, status in $rc. 7 and 9 are fds a careless parent leaked.
run() { "$@" >"$T/out" 2>&1 7</etc/hostname 9<"$T"; rc=$?; }
# is KEY VALUE: the status line KEY reads VALUE.
is() { [ "$(sed -n "s/^$1:$TAB//p" "$T/out")" = "$2" ]; }
fds() { [ "$(sed -n 's/^fds: //p' "$T/out")" = "$1" ]; }

run unshare --pid --fork --mount-proc "$RI" -c "$T/ptrace.bin"
check "pid1: container: a workload with CAP_SYS_PTRACE runs and reads PID 1's state" \
	sh -c "[ $rc = 0 ] && grep -q '^CapEff:' '$T/out'"
check "pid1: container: PID 1 keeps only CAP_KILL effective" is CapEff 0000000000000020
check "pid1: container: ... and permitted" is CapPrm 0000000000000020
check "pid1: container: its bounding set is CAP_KILL alone" is CapBnd 0000000000000020
check "pid1: container: no inheritable capabilities" is CapInh 0000000000000000
check "pid1: container: no ambient capabilities" is CapAmb 0000000000000000
check "pid1: container: no-new-privileges is set on PID 1" is NoNewPrivs 1
check "pid1: container: PID 1 holds fds 0 1 2 only (inherited 7 and 9 are closed)" fds "0 1 2"
check "pid1: container: the host file leaked to rawinit as fd 7 is not readable through /proc/1/fd/7" \
	grep -qx 'fd7: unreadable' "$T/out"

# Subreaper: rawinit is the workload's parent, not PID 1.
run "$RI" -c "$T/sub.bin"
check "pid1: subreaper: rawinit keeps only CAP_KILL, bounding set included, no-new-privileges" \
	sh -c "[ $rc = 0 ] && grep -qx 'CapEff:${TAB}0000000000000020' '$T/out' &&
		grep -qx 'CapBnd:${TAB}0000000000000020' '$T/out' && grep -qx 'NoNewPrivs:${TAB}1' '$T/out'"
check "pid1: subreaper: rawinit holds fds 0 1 2 only" fds "0 1 2"
check "pid1: subreaper: the leaked fd 7 is not readable through /proc/PPID/fd/7" \
	grep -qx 'fd7: unreadable' "$T/out"

# Unprivileged subreaper: no capability to shed; the bounding set cannot shrink without
# CAP_SETPCAP (nor matter: rawinit never calls execve), and the workload runs all the same.
run setpriv --reuid 1000 --regid 1000 --clear-groups "$RI" -c "$T/user.bin"
check "pid1: unprivileged subreaper: no capabilities, no-new-privileges, the workload runs" \
	sh -c "[ $rc = 0 ] && grep -qx 'CapEff:${TAB}0000000000000000' '$T/out' &&
		grep -qx 'NoNewPrivs:${TAB}1' '$T/out'"
