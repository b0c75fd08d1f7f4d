#!/bin/sh
# SPDX-License-Identifier: MIT
# Namespace tests (root): /etc files written only into real files, proc and sysfs never on a symlink.
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

# --- proc and sysfs only onto a path without symlinks. ---
mkdir -p "$R/decoy" "$R/mnt/proc"
mv "$R/proc" "$R/proc.real"
ln -s decoy "$R/proc"
conf proclink "rootfs $R" "mount proc /proc proc"
run proclink "$RAN"
refused "mount: proc onto a symlink is refused, naming the target" "rawinit: mount: /proc: ELOOP (40)"
rm "$R/proc"
mv "$R/proc.real" "$R/proc"
mv "$R/sys" "$R/sys.real"
ln -s /decoy "$R/sys"
conf syslink "rootfs $R" "mount sysfs /sys sysfs ro"
run syslink "$RAN"
refused "mount: sysfs onto a symlink is refused" "rawinit: mount: /sys: ELOOP (40)"
rm "$R/sys"
mv "$R/sys.real" "$R/sys"
ln -s mnt "$R/link"
conf procdeep "rootfs $R" "mount proc /link/proc proc"
run procdeep "$RAN"
refused "mount: proc onto a path with a symlink on the way is refused" \
	"rawinit: mount: /link/proc: ELOOP (40)"
rm -r "$R/link" "$R/mnt" "$R/decoy"
