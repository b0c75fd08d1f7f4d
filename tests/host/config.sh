#!/bin/sh
# SPDX-License-Identifier: MIT
# Host tests of the init taking its config: where it is found, what it drives, how it fails.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# run CMD...: output (stdout+stderr) in $T/out, status in $rc.
run() { "$@" >"$T/out" 2>&1; rc=$?; }
has() { grep -qxF -- "$1" "$T/out"; }

conf env "argv $BB env" "env A=1" "env B=two words"
run "$RI" -c "$T/env.bin"
check "config: the workload's environment is exactly the configured one" \
	[ "$(cat "$T/out")" = "$(printf 'A=1\nB=two words')" ]
run "$RI" -c "$T/env.bin" -- $BB sh -c 'echo cmdline'
check "config: a command-line workload wins over the config's argv" has cmdline

conf cwd "argv $BB pwd" "cwd /tmp"
run "$RI" -c "$T/cwd.bin"
check "config: the workload starts in the configured directory" has /tmp
conf nocwd "argv $BB sh -c \"echo the workload ran\"" "cwd /nonexistent"
run "$RI" -c "$T/nocwd.bin"
check "config: a missing working directory is one line, status 111, no workload" \
	sh -c "[ $rc = 111 ] && grep -qx 'rawinit: chdir: /nonexistent: ENOENT (2)' '$T/out' &&
		! grep -q 'workload ran' '$T/out'"

run env RAWINIT_CONF_FD=7 unshare --mount sh -c "mount -t tmpfs none /etc && exec '$RI'" 7<"$T/env.bin"
check "config: an inherited fd named by RAWINIT_CONF_FD is read" has A=1
conf fds "argv $BB ls /proc/self/fd"
run env RAWINIT_CONF_FD=7 unshare --mount sh -c "mount -t tmpfs none /etc && exec '$RI'" 7<"$T/fds.bin"
check "config: ... and closed, so the workload does not inherit it" \
	sh -c "grep -qx 0 '$T/out' && ! grep -qx 7 '$T/out'"

conf etc "argv $BB echo from-etc"
conf other "argv $BB echo from-c"
run unshare --mount sh -c "mount -t tmpfs none /etc && cp '$T/etc.bin' /etc/rawinit.conf &&
	'$RI' && '$RI' -c '$T/other.bin' && rawinit_conf='$T/other.bin' '$RI'"
check "config: /etc/rawinit.conf is found with no -c" sh -c "head -n 1 '$T/out' | grep -qx from-etc"
check "config: -c PATH wins over /etc/rawinit.conf" sh -c "sed -n 2p '$T/out' | grep -qx from-c"
check "config: rawinit_conf=PATH (the kernel command line key) wins over /etc/rawinit.conf" \
	sh -c "sed -n 3p '$T/out' | grep -qx from-c"

rm -f "$T/emb"
"$CONF" embed "$RI" "$T/etc.bin" -o "$T/emb" >/dev/null
run "$T/emb" -v -c "$T/other.bin"
check "config: an embedded config wins over every other source" \
	sh -c "grep -qx from-etc '$T/out' && grep -q '] config: embedded$' '$T/out'"

conf verbose "argv $BB true" "verbose 1"
run "$RI" -c "$T/verbose.bin"
check "config: verbosity from the config prints the step timeline" \
	grep -qE '^rawinit: \[ *[0-9.]+\] spawn: /bin/busybox$' "$T/out"

conf host "argv $BB hostname" "hostname rawtest"
run "$RI" -c "$T/host.bin"
check "config: a subreaper refuses to rename the host (one line, status 111)" \
	sh -c "[ $rc = 111 ] && grep -qx 'rawinit: hostname: rawtest: EPERM (1)' '$T/out'"
run unshare --uts --pid --fork --mount-proc "$RI" -c "$T/host.bin"
check "config: as PID 1 of a container (own UTS namespace) the hostname is set" has rawtest

conf vm "argv $BB true" "mode vm"
run "$RI" -c "$T/vm.bin"
check "config: a mode that is not where rawinit runs is refused" \
	has "rawinit: config: mode vm: EINVAL (22)"
conf exec "argv $BB echo exec ran" "mode exec"
run "$RI" -c "$T/exec.bin"
check "config: mode exec is taken where rawinit is not PID 1 (more in tests/host/hygiene.sh)" \
	sh -c "[ $rc = 0 ] && [ \"\$(cat '$T/out')\" = 'exec ran' ]"

# Records whose step is not built yet are refused, never silently skipped: a
# workload must not run with more privilege than its config asked for.
conf ns "argv $BB sh -c \"echo the workload ran\"" "namespace net"
run "$RI" -c "$T/ns.bin"
check "config: namespace records (not checked yet) are refused (ENOSYS), nothing runs" \
	sh -c "[ $rc = 111 ] && [ \"\$(cat '$T/out')\" = 'rawinit: config: namespaces: ENOSYS (38)' ]"
# A subreaper shares the host's mount namespace and sysctls: it must never touch them.
conf sysctl "argv $BB sh -c \"echo the workload ran\"" "sysctl net.ipv4.ip_forward 1"
run "$RI" -c "$T/sysctl.bin"
check "config: a subreaper refuses sysctls and mounts (they would change the host), nothing runs" \
	sh -c "[ $rc = 111 ] && [ \"\$(cat '$T/out')\" = 'rawinit: mount: sysctls: EPERM (1)' ]"

conf noargv "hostname x"
run "$RI" -c "$T/noargv.bin"
check "config: no workload anywhere is a usage error (status 100)" [ "$rc" = 100 ]
cp "$T/env.bin" "$T/bad.bin"
printf 'Z' | dd of="$T/bad.bin" bs=1 seek=30 conv=notrunc status=none
run "$RI" -c "$T/bad.bin" -- $BB echo the workload ran
check "config: a corrupt config names its path and the fault; nothing runs" \
	sh -c "[ $rc = 111 ] && grep -qE '^rawinit: config: $T/bad.bin: bad checksum [0-9]+, computed [0-9]+: EINVAL \(22\)$' '$T/out' &&
		! grep -q 'workload ran' '$T/out'"
