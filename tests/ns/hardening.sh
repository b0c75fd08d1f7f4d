#!/bin/sh
# SPDX-License-Identifier: MIT
# Namespace tests (root): /etc files written only into real files.
#
# Each run is rawinit as PID 1 of fresh namespaces (tests/ns/nsparent.c) with a busybox
# rootfs, as in rootfs.sh.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
NSP=$top/build/host/nsparent
T=$(mktemp -d)
R=$T/rootfs
RAN='echo the workload ran'

. "$top/tests/ns/nslib.sh"
trap cleanup EXIT

# run NAME SCRIPT: rawinit with config NAME (bounded: a FIFO could block it) and the
# workload `sh -c SCRIPT`; output in $T/out, status in $rc.
run() {
	timeout 20 "$NSP" "$RI" -c "$T/$1.bin" -- /bin/sh -c "$2" >"$T/out" 2>&1
	rc=$?
}
has() { grep -qxF -- "$1" "$T/out"; }
# refused NAME LINE: status 111, exactly one line, LINE, and the workload never ran.
refused() {
	check "$1" sh -c "[ $rc = 111 ] && [ \"\$(cat '$T/out')\" = '$2' ]"
}

mkroot "$R"

# --- /etc/hosts and /etc/resolv.conf: a regular file on a real filesystem, or refused. ---
# The first line starts with '#': written to /proc/sysrq-trigger (the bug) it is no command.
conf etc "rootfs $R" "mount proc /proc proc nosuid,noexec,nodev" \
	'hosts "# hosts from rawinit"' 'hosts "127.0.0.1 localhost"' 'resolv "nameserver 10.0.2.3"'
# The link into /proc/sys/kernel/hostname, with rawinit in a uts namespace the test reads
# after it ended: one more unshare inside an outer one.
ln -s /proc/sys/kernel/hostname "$R/etc/hosts"
unshare --uts sh -c "hostname before; timeout 20 unshare --mount --pid --fork --propagation private \
	'$RI' -c '$T/etc.bin' -- /bin/sh -c '$RAN' >'$T/out' 2>&1; echo \$? >'$T/rc';
	hostname >'$T/hostname'"
rc=$(cat "$T/rc")
refused "etc: /etc/hosts a symlink to /proc/sys/kernel/hostname is refused" \
	"rawinit: write: /etc/hosts: ENODEV (19)"
check "etc: ... and the hostname is unchanged" [ "$(cat "$T/hostname")" = before ]
# The same through a relative link; and into /proc/sysrq-trigger where the kernel has one.
links=../proc/sys/kernel/hostname
[ -e /proc/sysrq-trigger ] && links="$links /proc/sysrq-trigger ../proc/sysrq-trigger"
for l in $links; do
	rm -f "$R/etc/hosts"
	ln -s $l "$R/etc/hosts"
	run etc "$RAN"
	refused "etc: /etc/hosts a symlink to $l is refused" "rawinit: write: /etc/hosts: ENODEV (19)"
done
rm -f "$R/etc/hosts"
mkfifo "$R/etc/hosts"
run etc "$RAN"
refused "etc: /etc/hosts a FIFO is refused (not opened: it would block)" \
	"rawinit: write: /etc/hosts: EINVAL (22)"
rm -f "$R/etc/hosts"
mknod -m 666 "$R/etc/hosts" c 1 3
run etc "$RAN"
refused "etc: /etc/hosts a device node is refused" "rawinit: write: /etc/hosts: EINVAL (22)"
rm -f "$R/etc/hosts"
ln -s /proc/sys/kernel "$R/etc/hosts"
run etc "$RAN"
refused "etc: /etc/hosts a symlink to a procfs directory is refused" \
	"rawinit: write: /etc/hosts: EINVAL (22)"

# A normal rootfs: an old, longer /etc/hosts replaced whole; resolv.conf a link inside the
# root (as systemd images have it) written where it leads.
rm -f "$R/etc/hosts" "$R/etc/resolv.conf"
printf 'old line one, longer than the new content\nold line two\n' >"$R/etc/hosts"
ln -s ../run/resolv.conf "$R/etc/resolv.conf"
run etc 'cat /etc/hosts; echo; cat /run/resolv.conf'
check "etc: a regular /etc/hosts is replaced whole" \
	sh -c "[ $rc = 0 ] && [ \"\$(cat '$R/etc/hosts')\" = '# hosts from rawinit
127.0.0.1 localhost' ]"
check "etc: resolv.conf, a link inside the root, is written where it leads" \
	sh -c "[ -L '$R/etc/resolv.conf' ] && [ \"\$(cat '$R/run/resolv.conf')\" = 'nameserver 10.0.2.3' ]"
rm -f "$R/etc/resolv.conf" "$R/run/resolv.conf" "$R/etc/hosts"
