#!/bin/sh
# SPDX-License-Identifier: MIT
# Namespace tests (root): /etc files written only into real files, proc and sysfs never on a symlink, masks never skipped.
#
# Each run is rawinit as PID 1 of fresh namespaces (tests/host/parent.c, ns) with a busybox
# rootfs, as in rootfs.sh. The race: a writer on the host (tests/ns/procswap.c) swaps the
# rootfs's proc directory for a symlink and back while rawinit mounts and seals, over and
# over; RACE_RUNS=N runs (150 by default), bounded by RACE_SECONDS (120).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
SWAP=$top/build/host/procswap
T=$(mktemp -d)
R=$T/rootfs
RAN='echo the workload ran'
[ -x "$SWAP" ] || make -s -C "$top" build/host/procswap build/host/parent >&2

. "$top/tests/ns/nslib.sh"
trap cleanup EXIT

# run NAME SCRIPT: rawinit with config NAME (bounded: a FIFO could block it) and the
# workload `sh -c SCRIPT`; output in $T/out, status in $rc.
run() {
	timeout 20 "$PARENT" ns -- "$RI" -c "$T/$1.bin" -- /bin/sh -c "$2" >"$T/out" 2>&1
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
	"rawinit: etc: /etc/hosts: ENODEV (19)"
check "etc: ... and the hostname is unchanged" \
	[ "$(cat "$T/out" "$T/hostname")" = "rawinit: etc: /etc/hosts: ENODEV (19)
before" ]
# The same through a relative link; and into /proc/sysrq-trigger where the kernel has one.
links=../proc/sys/kernel/hostname
[ -e /proc/sysrq-trigger ] && links="$links /proc/sysrq-trigger ../proc/sysrq-trigger"
for l in $links; do
	rm -f "$R/etc/hosts"
	ln -s $l "$R/etc/hosts"
	run etc "$RAN"
	refused "etc: /etc/hosts a symlink to $l is refused" "rawinit: etc: /etc/hosts: ENODEV (19)"
done
rm -f "$R/etc/hosts"
mkfifo "$R/etc/hosts"
run etc "$RAN"
refused "etc: /etc/hosts a FIFO is refused (not opened: it would block)" \
	"rawinit: etc: /etc/hosts: EINVAL (22)"
rm -f "$R/etc/hosts"
mknod -m 666 "$R/etc/hosts" c 1 3
run etc "$RAN"
refused "etc: /etc/hosts a device node is refused" "rawinit: etc: /etc/hosts: EINVAL (22)"
rm -f "$R/etc/hosts"
ln -s /proc/sys/kernel "$R/etc/hosts"
run etc "$RAN"
refused "etc: /etc/hosts a symlink to a procfs directory is refused" \
	"rawinit: etc: /etc/hosts: EINVAL (22)"

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

# --- A masked or read-only path missing under a mount rawinit made is an error... ---
conf masknone "rootfs $R" "mount proc /proc proc" "masked /proc/nosuch"
run masknone "$RAN"
refused "masks: a configured masked path missing under rawinit's proc is an error" \
	"rawinit: seal: /proc/nosuch: ENOENT (2)"
conf ronone "rootfs $R" "mount proc /proc proc" "readonly /proc/sys/nosuch"
run ronone "$RAN"
refused "masks: a configured read-only path missing under rawinit's proc is an error" \
	"rawinit: seal: /proc/sys/nosuch: ENOENT (2)"
# ... but one of runc's lists that this kernel lacks is not (runc spec's config.json
# names them all; /proc/timer_stats left Linux in 4.11).
conf maskold "rootfs $R" "mount proc /proc proc" "mount tmpfs /dev tmpfs" \
	"masked /proc/timer_stats" "masked /proc/keys"
run maskold '[ -e /proc/timer_stats ] || echo absent; stat -c %t:%T /proc/keys'
check "masks: a path of runc's list that the kernel lacks is skipped, the others masked" \
	sh -c "[ $rc = 0 ] && [ \"\$(cat '$T/out')\" = 'absent
1:3' ]"

# --- The race: proc swapped for a symlink and back from the host, during mount and seal. ---
# The workload tells the writer to stop, waits until proc is a directory again, then
# reports every procfs it can reach (/proc, or /decoy when proc was mounted through the
# link): /proc/keys must be the /dev/null mask, /proc/sys must refuse a write (rewriting
# the hostname of the run's own uts namespace). A run that fails closed prints one line.
mkdir -p "$R/decoy"
ln -s decoy "$R/proc.swap"
cat >"$R/check.sh" <<'EOF'
touch /stop
i=0
while [ ! -e /stopped ] && [ $i -lt 100000 ]; do i=$((i + 1)); done
for d in /proc /decoy; do
	[ "$(stat -f -c %T $d/)" = proc ] || continue
	echo "procfs $d"
	[ -c $d/keys ] || echo "unmasked $d/keys"
	h=$(cat $d/sys/kernel/hostname)
	{ echo "$h" >$d/sys/kernel/hostname; } 2>/dev/null && echo "unmasked $d/sys"
done
echo checked
EOF
conf race "rootfs $R" default-masks "mount proc /proc proc nosuid,noexec,nodev" \
	"mount tmpfs /dev tmpfs nosuid,mode=755" "mount sysfs /sys sysfs nosuid,noexec,nodev,ro"
runs=${RACE_RUNS:-150}
end=$(($(date +%s) + ${RACE_SECONDS:-120}))
n=0 closed=0 sealed=0 unmasked=0 swaps=0 first=
: >"$T/closed"
while [ $n -lt "$runs" ] && [ "$(date +%s)" -lt $end ]; do
	rm -f "$R/stop" "$R/stopped"
	"$SWAP" "$R" >"$T/swaps" &
	swap=$!
	run race "sh /check.sh"
	touch "$R/stop"
	wait $swap
	swaps=$((swaps + $(cat "$T/swaps" 2>/dev/null || echo 0)))
	n=$((n + 1))
	if [ $rc = 0 ] && has checked && grep -q '^procfs ' "$T/out" && ! grep -q unmasked "$T/out"; then
		sealed=$((sealed + 1))
	elif [ $rc = 111 ] && [ "$(wc -l <"$T/out")" = 1 ] && grep -q '^rawinit: ' "$T/out"; then
		closed=$((closed + 1))
		cat "$T/out" >>"$T/closed"
	else
		unmasked=$((unmasked + 1))
		[ -n "$first" ] || first=$(tr '\n' ' ' <"$T/out")
	fi
done
echo "race: $n runs ($swaps swaps): $sealed sealed, $closed failed closed" \
	"($(sort -u "$T/closed" | tr '\n' ' ')), $unmasked unmasked"
check "race: proc swapped for a symlink during mount and seal: never an unmasked procfs ($unmasked of $n${first:+; first: $first})" \
	[ $unmasked = 0 ]
# Tied to runs that reached the workload: a rawinit that never ran would also "see" swaps.
check "race: ... and the writer did swap while rawinit ran" [ "$((swaps > 0 && sealed > 0))" = 1 ]
