#!/bin/sh
# SPDX-License-Identifier: MIT
# Namespace tests (root): a busybox rootfs with runc's default mounts, masks and sysctls; attacks; faults.
#
# Each run is `parent ns [-U] -- INIT -c CONF.bin -- /bin/sh -c SCRIPT`: INIT as PID 1 of fresh
# mount, pid, uts, ipc and net namespaces (container mode), with a workload that reports
# what it sees. INIT is rawinit (RI=... to try another build).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
T=$(mktemp -d)
R=$T/rootfs
RAN='echo the workload ran'

. "$top/tests/ns/nslib.sh"
trap cleanup EXIT

# conf NAME: compile the text on stdin into $T/NAME.bin.
conf() {
	cat >"$T/$1.conf"
	"$CONF" build "$T/$1.conf" -o "$T/$1.bin" || echo "config $1 did not build" >&2
}
# run [-U] NAME SCRIPT: INIT with config NAME and the workload `sh -c SCRIPT`;
# output (stdout+stderr) in $T/out, status in $rc.
run() {
	u=
	if [ "$1" = -U ]; then u=-U; shift; fi
	"$PARENT" ns $u -- "$RI" -c "$T/$1.bin" -- /bin/sh -c "$2" >"$T/out" 2>&1
	rc=$?
}
has() { grep -qxF -- "$1" "$T/out"; }
# refused NAME LINE: status 111, exactly one line, LINE, and the workload never ran.
refused() {
	check "$1" sh -c "[ $rc = 111 ] && [ \"\$(cat '$T/out')\" = '$2' ]"
}
# The workload's mountinfo line for a mountpoint (the top one), as printed by `report`:
# "mi ID PARENT DEV ROOT MOUNTPOINT OPTS [OPTIONAL...] - TYPE SOURCE SUPER".
mi() { grep "^mi [0-9]* [0-9]* [0-9:]* [^ ]* $1 " "$T/out" | tail -n 1; }
mi_opts() { mi "$1" | cut -d' ' -f7; }
mi_type() { mi "$1" | sed 's/.* - \([^ ]*\) .*/\1/'; }
mi_super() { mi "$1" | sed 's/.* - [^ ]* [^ ]* //'; }
mi_optional() { mi "$1" | sed 's/^\([^ ]* \)\{7\}//; s/ *- .*//'; }
# mnt NAME MOUNTPOINT TYPE OPTS: the mount is there with that type and exactly those options.
mnt() {
	check "$1" sh -c "[ \"$(mi_type "$2")\" = '$3' ] && [ \"$(mi_opts "$2")\" = '$4' ]"
}

mkroot "$R"
mkdir -p "$T/hostdir"
echo hello >"$T/hostdir/f"
echo hostfile >"$T/hostfile"
ln -s ../run "$R/var/run"
host_root_dev=$(awk '$5 == "/" { print $3 }' /proc/self/mountinfo | tail -n 1)
# The host's mounts, but for network namespaces that concurrent tests may bind under /run/netns.
host_mounts() { grep -v ' /run/netns/' /proc/self/mountinfo; }
host_mounts_before=$(host_mounts)
host_forward=$(cat /proc/sys/net/ipv4/ip_forward)

# runc's default config.json (`runc spec`), plus binds, propagation and sysctls. In a user
# namespace whose only id is 0, devpts cannot take gid=5 (runc drops it when rootless too).
base_conf() {
	conf "$1" <<EOF
rootfs $R
root-readonly
default-masks
mount proc /proc proc nosuid,noexec,nodev
mount tmpfs /dev tmpfs nosuid,strictatime,mode=755,size=65536k
mount devpts /dev/pts devpts nosuid,noexec,newinstance,ptmxmode=0666,mode=0620$2,mkdir
mount shm /dev/shm tmpfs nosuid,noexec,nodev,mode=1777,size=65536k,mkdir
mount mqueue /dev/mqueue mqueue nosuid,noexec,nodev,mkdir
mount sysfs /sys sysfs nosuid,noexec,nodev,ro
mount cgroup /sys/fs/cgroup cgroup2 nosuid,noexec,nodev,relatime,ro
mount $T/hostdir /data none rbind,ro,mkdir
mount $T/hostfile /etc/hostfile none bind,ro,nosuid,file
mount $T/hostfile /etc/sub/hostfile2 none bind,mkdir
mount tmpfs /shared tmpfs shared,mkdir
mount tmpfs /unbindable tmpfs unbindable,mkdir
mount tmpfs /var/run/inside tmpfs mkdir
sysctl net.ipv4.ip_forward 1
sysctl kernel.shmmax 123456789
EOF
}
base_conf base ,gid=5
base_conf base_userns ""
cat >"$R/report.sh" <<'EOF'
echo workload-ran
sed 's/^/mi /' /proc/self/mountinfo
echo "root: $(ls / | tr '\n' ' ')"
for n in null zero full random urandom tty; do stat -c "dev %n %F %t:%T %a" /dev/$n; done
for n in ptmx fd stdin stdout stderr; do echo "link /dev/$n $(readlink /dev/$n)"; done
echo x >/dev/null && echo "null-write ok $(wc -c </dev/null)"
echo "zero-read $(head -c 4 /dev/zero | wc -c)"
[ -c /dev/pts/ptmx ] && echo ptmx-ok
for p in /proc/acpi /proc/asound /proc/kcore /proc/keys /proc/latency_stats /proc/timer_list \
	/proc/timer_stats /proc/sched_debug /sys/firmware /proc/scsi; do
	if [ -d $p ]; then echo "masked $p dir $(ls -A $p | wc -l)"
	elif [ -e $p ]; then echo "masked $p file $(cat $p 2>/dev/null | wc -c)"
	else echo "masked $p absent"; fi
done
touch /sys/firmware/x 2>/dev/null && echo masked-dir-writable
echo 0 2>/dev/null >/proc/sys/net/ipv4/ip_forward && echo proc-sys-writable
touch /x 2>/dev/null && echo root-writable
touch /data/x 2>/dev/null && echo data-writable
echo "data: $(cat /data/f)"
echo "hostfile: $(cat /etc/hostfile)"
[ -f /etc/sub/hostfile2 ] && echo "hostfile2: $(cat /etc/sub/hostfile2)"
echo "ip_forward: $(cat /proc/sys/net/ipv4/ip_forward)"
echo "shmmax: $(cat /proc/sys/kernel/shmmax)"
echo "fds: $(ls /proc/self/fd | tr '\n' ' ')"
echo inside >/var/run/inside/f && echo "var-run-inside: $(ls /run/inside)"
EOF
run base "sh /report.sh"

check "mount: the workload runs in the new root (/ lists the rootfs)" \
	sh -c "[ $rc = 0 ] && grep -q '^root: ROOTFS_MARKER bin ' '$T/out'"
# ran: the workload of the base case got as far as its report (a positive marker for the
# checks below that look for something absent).
ran() { grep -q '^root: ROOTFS_MARKER bin ' "$T/out"; }
check "mount: the old root is gone (no mount of the host's / in the new namespace)" \
	sh -c "grep -q '^root: ROOTFS_MARKER bin ' '$T/out' && ! grep -q '^mi [0-9]* [0-9]* $host_root_dev / ' '$T/out'"
expected="/ /proc /dev /dev/pts /dev/shm /dev/mqueue /sys /sys/fs/cgroup /data /etc/hostfile"
expected="$expected /etc/sub/hostfile2 /shared /unbindable /run/inside "
check "mount: the mounts are exactly the configured ones (plus masks under /proc, /sys/firmware)" \
	[ "$(grep '^mi ' "$T/out" | cut -d' ' -f6 | grep -v '^/proc/' | grep -vx /sys/firmware |
		tr '\n' ' ')" = "$expected" ]
mnt "mount: the root is read-only (root-readonly)" / ext4 ro,relatime
check "mount: ... and cannot be written" sh -c "grep -q '^root: ' '$T/out' && ! grep -qx root-writable '$T/out'"
mnt "mount: proc on /proc, nosuid,nodev,noexec" /proc proc rw,nosuid,nodev,noexec,relatime
mnt "mount: tmpfs on /dev, nosuid, strictatime (no relatime)" /dev tmpfs rw,nosuid
check "mount: ... with its data (mode=755,size=65536k)" \
	sh -c "[ \"$(mi_super /dev)\" = 'rw,size=65536k,mode=755' ]"
mnt "mount: devpts on /dev/pts (created), nosuid,noexec" /dev/pts devpts rw,nosuid,noexec,relatime
check "mount: ... a new instance with ptmxmode=666,mode=620,gid=5" \
	sh -c "[ \"$(mi_super /dev/pts)\" = 'rw,gid=5,mode=620,ptmxmode=666' ]"
mnt "mount: tmpfs on /dev/shm, nosuid,nodev,noexec" /dev/shm tmpfs rw,nosuid,nodev,noexec,relatime
mnt "mount: mqueue on /dev/mqueue, nosuid,nodev,noexec" /dev/mqueue mqueue rw,nosuid,nodev,noexec,relatime
mnt "mount: sysfs on /sys, ro,nosuid,nodev,noexec" /sys sysfs ro,nosuid,nodev,noexec,relatime
mnt "mount: cgroup2 on /sys/fs/cgroup, ro" /sys/fs/cgroup cgroup2 ro,nosuid,nodev,noexec,relatime
mnt "mount: a host directory bound read-only (one call: never writable in between)" /data ext4 ro,relatime
check "mount: ... its files readable, not writable" \
	sh -c "grep -qx 'data: hello' '$T/out' && ! grep -qx data-writable '$T/out'"
mnt "mount: a host file bound read-only,nosuid onto a created file" /etc/hostfile ext4 ro,nosuid,relatime
check "mount: ... its content visible" has "hostfile: hostfile"
check "mount: a bind of a file with mkdir creates directories, then a file to mount on" \
	has "hostfile2: hostfile"
check "mount: shared propagation applied after the mount" \
	sh -c "echo '$(mi_optional /shared)' | grep -qE '^shared:[0-9]+$'"
check "mount: unbindable propagation applied" [ "$(mi_optional /unbindable)" = unbindable ]
check "mount: a symlink inside the rootfs (var/run -> ../run) is followed inside it" \
	sh -c "[ \"$(mi_type /run/inside)\" = tmpfs ] && grep -qx 'var-run-inside: f' '$T/out'"

for d in "null 1:3" "zero 1:5" "full 1:7" "random 1:8" "urandom 1:9" "tty 5:0"; do
	check "dev: /dev/${d% *} is a character device ${d#* }, mode 666" \
		has "dev /dev/${d% *} character special file ${d#* } 666"
done
for l in "ptmx pts/ptmx" "fd /proc/self/fd" "stdin /proc/self/fd/0" "stdout /proc/self/fd/1" \
	"stderr /proc/self/fd/2"; do
	check "dev: /dev/${l% *} -> ${l#* }" has "link /dev/$l"
done
check "dev: /dev/null takes writes and reads empty, /dev/zero reads zeros" \
	sh -c "grep -qx 'null-write ok 0' '$T/out' && grep -qx 'zero-read 4' '$T/out'"
check "dev: /dev/ptmx leads to the devpts instance's ptmx" has ptmx-ok

check "masks: every default masked path is empty or absent" \
	sh -c "[ \$(grep -c '^masked /[a-z/_]* \(absent\|dir 0\|file 0\)$' '$T/out') = 10 ]"
check "masks: /proc/keys and /proc/timer_list are /dev/null binds" \
	sh -c "[ \"$(mi /proc/keys | cut -d' ' -f5)\" = /null ] &&
		[ \"$(mi /proc/timer_list | cut -d' ' -f5)\" = /null ]"
mnt "masks: /sys/firmware is an empty read-only tmpfs" /sys/firmware tmpfs ro,nosuid,nodev,noexec,relatime
check "masks: ... which cannot be written" sh -c "grep -q '^root: ' '$T/out' && ! grep -qx masked-dir-writable '$T/out'"
for p in /proc/bus /proc/fs /proc/irq /proc/sys /proc/sysrq-trigger; do
	[ -e $p ] || continue	# not in every kernel: a missing path is skipped
	check "readonly: $p is bound read-only" sh -c "echo '$(mi_opts $p)' | grep -q '^ro,'"
done
check "readonly: /proc/sys cannot be written" sh -c "grep -q '^root: ' '$T/out' && ! grep -qx proc-sys-writable '$T/out'"
check "sysctl: net.ipv4.ip_forward = 1 in the new net namespace" has "ip_forward: 1"
check "sysctl: kernel.shmmax = 123456789 in the new ipc namespace" has "shmmax: 123456789"
check "fds: the workload inherits no fd from the steps" has "fds: 0 1 2 3 "
base_ran=$(ran && echo yes)
check "host: the host's mounts are unchanged" [ "$base_ran:$(host_mounts)" = "yes:$host_mounts_before" ]

# A rootfs on a shared mount: were / not made rslave first, the rootfs bind and every mount
# in it would propagate back to the parent's namespace (here a private one made by unshare).
mkdir -p "$T/sharedfs"
cat >"$T/shared.sh" <<EOF
mount -t tmpfs tmpfs "$T/sharedfs" && mount --make-shared "$T/sharedfs" &&
cp -a "$R" "$T/sharedfs/rootfs" && "$PARENT" ns -- "$RI" -c "$T/shared.bin" -- /bin/sh -c "$RAN" &&
grep -F " $T/sharedfs" /proc/self/mountinfo | cut -d' ' -f5
EOF
conf shared <<EOF
rootfs $T/sharedfs/rootfs
mount proc /proc proc
mount tmpfs /tmp tmpfs
EOF
unshare --mount --propagation unchanged sh "$T/shared.sh" >"$T/out" 2>&1
check "host: nothing propagates back from a rootfs on a shared mount (/ is made rslave first)" \
	[ "$(cat "$T/out")" = "$(printf 'the workload ran\n%s' "$T/sharedfs")" ]

# In a user namespace mknod is not allowed: the nodes are the host's, bound.
run -U base_userns "sh /report.sh"
check "userns: the same config runs in a user namespace" sh -c "[ $rc = 0 ] && grep -qx workload-ran '$T/out'"
check "userns: /dev/null is the host's node, bound (no mknod)" \
	sh -c "[ \"$(mi /dev/null | cut -d' ' -f5)\" = /null ] && [ \"$(mi_type /dev/null)\" = devtmpfs ]"
check "userns: ... and every node is the right device and works" \
	sh -c "[ \$(grep -c '^dev /dev/[a-z]* character special file [15]:[0-9] 666$' '$T/out') = 6 ] &&
		grep -qx 'null-write ok 0' '$T/out' && grep -qx 'zero-read 4' '$T/out'"
check "userns: masks, read-only paths and the read-only root hold" \
	sh -c "[ \"$(mi /proc/keys | cut -d' ' -f5)\" = /null ] && ! grep -qx proc-sys-writable '$T/out' &&
		! grep -qx root-writable '$T/out'"

# Without a rootfs the same steps act in the current root (a VM's, a container's).
mkdir -p "$T/noroot"
conf noroot <<EOF
mount tmpfs $T/noroot tmpfs nosuid,mode=700
sysctl net.ipv4.ip_forward 1
EOF
run noroot "grep ' $T/noroot ' /proc/self/mountinfo | cut -d' ' -f6,8,10; cat /proc/sys/net/ipv4/ip_forward"
check "noroot: without a rootfs the mounts and sysctls apply in the current root" \
	[ "$(cat "$T/out")" = "$(printf 'rw,nosuid,relatime tmpfs rw,mode=700\n1')" ]
check "noroot: ... in the namespaces only (the host's mounts and ip_forward are unchanged)" \
	[ "$(tail -n 1 "$T/out"; host_mounts; cat /proc/sys/net/ipv4/ip_forward)" = "1
$host_mounts_before
$host_forward" ]

# --- Attacks: each refused with one line, the workload never run. ---
mkdir -p "$T/outside"
echo untouched >"$T/outside/marker"
cp -a "$R" "$T/evil"
ln -s "$T/outside" "$T/evil/mnt"
conf escape <<EOF
rootfs $T/evil
mount tmpfs /mnt tmpfs
EOF
run escape "$RAN"
refused "attack: a mount target that is a symlink out of the rootfs is refused" \
	"rawinit: mount: /mnt: ENOENT (2)"
conf escape_mkdir <<EOF
rootfs $T/evil
mount tmpfs /mnt/sub tmpfs mkdir
EOF
run escape_mkdir "$RAN"
refused "attack: ... also when asked to create it (no directory made through the link)" \
	"rawinit: mount: /mnt/sub: ELOOP (40)"
conf dotdot <<EOF
rootfs $T/evil
mount tmpfs /../../../../$T/outside tmpfs
EOF
run dotdot "$RAN"
refused "attack: a target climbing out with .. stays in the rootfs (and is missing there)" \
	"rawinit: mount: /../../../../$T/outside: ENOENT (2)"
check "attack: ... the host's directory is untouched" \
	sh -c "grep -q ENOENT '$T/out' && [ \"\$(ls -A '$T/outside')\" = marker ] && ! grep -qF ' $T/outside ' /proc/self/mountinfo"
mkdir -p "$T/evil/$T/outside"
conf escape_inside <<EOF
rootfs $T/evil
mount proc /proc proc
mount tmpfs /mnt tmpfs
EOF
run escape_inside "echo landed >/mnt/landed && grep ' $T/outside ' /proc/self/mountinfo | cut -d' ' -f8"
check "attack: when the link's target exists inside the rootfs, the mount lands there" \
	sh -c "[ $rc = 0 ] && [ \"\$(cat '$T/out')\" = tmpfs ] && [ ! -e '$T/outside/landed' ] &&
		[ ! -e '$T/evil/$T/outside/landed' ]"

# /dev from the rootfs (no tmpfs on /dev): the masks' /dev/null must be the real device.
cp -a "$R" "$T/devroot"
mknod -m 666 "$T/devroot/dev/null" c 1 3
conf devroot <<EOF
rootfs $T/devroot
mount proc /proc proc nosuid,noexec,nodev
masked /proc/timer_list
EOF
run devroot "cat /proc/timer_list | wc -c"
check "attack: (control) a real /dev/null in the rootfs masks a file" sh -c "[ $rc = 0 ] && grep -qx 0 '$T/out'"
rm "$T/devroot/dev/null"
ln -s /proc/sys/kernel/core_pattern "$T/devroot/dev/null"
run devroot "$RAN"
refused "attack: /dev/null a symlink in the rootfs is refused before masking" \
	"rawinit: seal: /dev/null: ELOOP (40)"
rm "$T/devroot/dev/null"
echo 'not a device' >"$T/devroot/dev/null"
run devroot "$RAN"
refused "attack: /dev/null a regular file in the rootfs is refused before masking" \
	"rawinit: seal: /dev/null: ENODEV (19)"

# /proc must be a real procfs root before a sysctl is written through it.
cp -a "$R" "$T/procroot"
rmdir "$T/procroot/proc"
mkdir -p "$T/procroot/fakeproc/sys/net/ipv4"
echo 0 >"$T/procroot/fakeproc/sys/net/ipv4/ip_forward"
ln -s /fakeproc "$T/procroot/proc"
conf proclink <<EOF
rootfs $T/procroot
sysctl net.ipv4.ip_forward 1
EOF
run proclink "$RAN"
refused "attack: /proc a symlink (to a look-alike) is refused before sysctls" \
	"rawinit: sysctl: /proc: ELOOP (40)"
check "attack: ... the look-alike file is not written" \
	[ "$(cat "$T/out" "$T/procroot/fakeproc/sys/net/ipv4/ip_forward")" = "rawinit: sysctl: /proc: ELOOP (40)
0" ]
conf proctmpfs <<EOF
rootfs $R
mount tmpfs /proc tmpfs
sysctl net.ipv4.ip_forward 1
EOF
run proctmpfs "$RAN"
refused "attack: /proc a tmpfs is refused before sysctls" "rawinit: sysctl: /proc: ENODEV (19)"
conf procsys <<EOF
rootfs $R
mount proc /proc proc
mount tmpfs /proc/sys tmpfs
sysctl net.ipv4.ip_forward 1
EOF
run procsys "$RAN"
refused "attack: a tmpfs mounted over /proc/sys is refused (no sysctl written into it)" \
	"rawinit: sysctl: net.ipv4.ip_forward: EXDEV (18)"

# --- Faults: that step's one line, status 111, no workload. ---
conf norootfs <<EOF
rootfs $T/nosuch
mount proc /proc proc
EOF
run norootfs "$RAN"
refused "fault: a missing rootfs" "rawinit: mount: $T/nosuch: ENOENT (2)"
conf nosource <<EOF
rootfs $R
mount $T/nosuch /data none bind,mkdir
EOF
run nosource "$RAN"
refused "fault: a missing bind source names the source" "rawinit: mount: $T/nosuch: ENOENT (2)"
conf notarget <<EOF
rootfs $R
mount tmpfs /nosuch tmpfs
EOF
run notarget "$RAN"
refused "fault: a missing mountpoint without mkdir" "rawinit: mount: /nosuch: ENOENT (2)"
conf nofstype <<EOF
rootfs $R
mount x /tmp nosuchfs
EOF
run nofstype "$RAN"
refused "fault: an unknown filesystem type" "rawinit: mount: /tmp: ENODEV (19)"
conf badopt <<EOF
rootfs $R
mount tmpfs /tmp tmpfs size=lots
EOF
run badopt "$RAN"
refused "fault: a filesystem option the kernel refuses" "rawinit: mount: /tmp: EINVAL (22)"
conf nokey <<EOF
rootfs $R
mount proc /proc proc
sysctl kernel.nosuch 1
EOF
run nokey "$RAN"
refused "fault: an unknown sysctl key" "rawinit: sysctl: kernel.nosuch: ENOENT (2)"
conf rokey <<EOF
rootfs $R
mount proc /proc proc
sysctl kernel.osrelease 1.0
EOF
run rokey "$RAN"
refused "fault: a read-only sysctl key" "rawinit: sysctl: kernel.osrelease: EACCES (13)"
conf noproc <<EOF
rootfs $R
sysctl net.ipv4.ip_forward 1
EOF
run noproc "$RAN"
refused "fault: sysctls without a procfs in the new root" "rawinit: sysctl: /proc: ENODEV (19)"
check "host: the host's mounts are unchanged after every case" \
	[ "$base_ran:$(host_mounts)" = "yes:$host_mounts_before" ]
