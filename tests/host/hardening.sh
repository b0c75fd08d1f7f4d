#!/bin/sh
# SPDX-License-Identifier: MIT
# Host tests (root) of the smaller holes an attacker found: a fake /proc/self/status, a passwd
# file that never ends, a subreaper's drain of a large tree, a long error line.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
scratch
RAN="argv $BB sh -c \"echo the workload ran\""

run() { "$@" >"$T/out" 2>&1; rc=$?; }
out() { cat "$T/out"; }
refused() { [ "$rc" = 111 ] && [ "$(out)" = "$1" ]; }

# The signal reset: a tmpfs over /proc whose self/status claims no signal is ignored. rawinit
# inherited SIGUSR1 at SIG_IGN; the workload must still die of its own SIGUSR1 (138).
conf usr1 "argv $BB sh -c \"kill -USR1 \$\$; echo survived\""
FAKE="mount -t tmpfs none /proc && mkdir /proc/self &&
	printf 'Name:\tx\nSigIgn:\t0000000000000000\n' >/proc/self/status"
run unshare --mount sh -c "$FAKE && trap '' USR1 && exec '$RI' -c '$T/usr1.bin'"
ctl=$(sh -c "trap '' USR1; $BB sh -c 'kill -USR1 \$\$; echo survived'")
check "hardening: a fake /proc/self/status (not procfs) does not leave SIGUSR1 ignored: 138" \
	sh -c "[ '$ctl' = survived ] && [ $rc = 138 ]"
run sh -c "trap '' USR1 && exec '$RI' -c '$T/usr1.bin'"
check "hardening: with the real procfs the inherited SIG_IGN is reset too: 138" [ "$rc" = 138 ]

# /etc/passwd and /etc/group that are no regular file: refused at once, never read forever.
mkdir -p "$T/fifo" "$T/zero" "$T/rand" "$T/grp"
mkfifo "$T/fifo/passwd"
ln -s /dev/zero "$T/zero/passwd"
ln -s /dev/urandom "$T/rand/passwd"
echo 'alice:x:1000:1000::/:/bin/sh' >"$T/grp/passwd"
mkfifo "$T/grp/group"
conf alice "$RAN" "user alice"
conf staff "$RAN" "user 1000" "group staff"
# etcrun DIR NAME: rawinit with DIR bound over /etc, at most 10 s.
etcrun() {
	run timeout 10 unshare --mount sh -c "mount --bind '$T/$1' /etc && exec '$RI' -c '$T/$2.bin'"
}
etcrun fifo alice
check "hardening: /etc/passwd a FIFO: one line, 111, at once" \
	refused "rawinit: creds: /etc/passwd: EINVAL (22)"
etcrun zero alice
check "hardening: /etc/passwd a link to /dev/zero: one line, 111, at once" \
	refused "rawinit: creds: /etc/passwd: EINVAL (22)"
etcrun rand alice
check "hardening: /etc/passwd a link to /dev/urandom: one line, 111, at once" \
	refused "rawinit: creds: /etc/passwd: EINVAL (22)"
etcrun grp staff
check "hardening: /etc/group a FIFO: one line, 111, at once" \
	refused "rawinit: creds: /etc/group: EINVAL (22)"
mkdir -p "$T/big"
truncate -s 17M "$T/big/passwd"
etcrun big alice
check "hardening: /etc/passwd over 16 MiB (sparse): one line, 111" \
	refused "rawinit: creds: /etc/passwd: EFBIG (27)"

# A long object is cut, the errno kept: a missing argv[0] of 300 characters.
long=/$(printf 'dir%03d/' $(seq 1 40))x
conf long "argv $long"
run "$RI" -c "$T/long.bin"
check "hardening: a 322-character object: the line is cut to 255 characters, errno kept, 127" \
	sh -c "[ $rc = 127 ] && [ \$(wc -l <'$T/out') = 1 ] && [ \$(head -c 1000 '$T/out' | wc -c) = 256 ] &&
		grep -q '^rawinit: exec: /dir001/dir002/.*\.\.\.: ENOENT (2)\$' '$T/out'"

# A subreaper's drain reaches every descendant with SIGTERM before SIGKILL: 10 branches of 100
# leaves each (each leaf a shell with a sleep: 2000 processes and more), plus an orphan the
# workload double-forked, reparented to rawinit before the drain. Every shell records its
# SIGTERM; SIGKILL comes only after the grace (60 s), if one was missed.
cat >"$T/leaf.sh" <<'E'
trap 'echo term >>"$1/termed"; exit 0' TERM
echo >>"$1/ready"
sleep 1000 &
wait
E
cat >"$T/branch.sh" <<'E'
trap 'echo term >>"$1/termed"; exit 0' TERM
i=0
while [ $i -lt 100 ]; do sh "$1/leaf.sh" "$1" & i=$((i + 1)); done
echo >>"$1/ready"
wait
E
cat >"$T/tree.sh" <<'E'
i=0
while [ $i -lt 10 ]; do sh "$1/branch.sh" "$1" & i=$((i + 1)); done
(sh "$1/leaf.sh" "$1" &)
n=0
while [ "$n" -lt 1011 ]; do sleep 0.2; n=$(wc -l <"$1/ready"); done
E
: >"$T/ready"
: >"$T/termed"
conf tree "argv $BB sh $T/tree.sh $T" "grace 60000" "verbose 1"
run timeout 120 "$RI" -c "$T/tree.bin"
check "hardening: subreaper drain: all 1011 shells of a 2000-process tree got SIGTERM" \
	sh -c "[ $rc = 0 ] && [ \$(wc -l <'$T/termed') = 1011 ]"
check "hardening: subreaper drain: it never came to SIGKILL (the grace is 60 s)" \
	sh -c "grep -q 'drain: SIGTERM' '$T/out' && ! grep -q 'drain: SIGKILL' '$T/out'"
