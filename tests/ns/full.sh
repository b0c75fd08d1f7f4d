#!/bin/sh
# SPDX-License-Identifier: MIT
# The whole namespace-init sequence in one run on the host: sync, network, mounts, names, credentials.
#
# A runtime-like parent (build/host/parent sync) gives rawinit a fresh network namespace and a
# sync socket on fd 3; unshare adds mount, pid, uts and ipc namespaces, so rawinit is PID 1
# of them (container mode). The parent moves a veth peer in, then says go. rawinit renames
# it, builds the new root (a busybox tree), pivots, seals it, drops to a named user with
# capabilities and limits, and the workload reports what it sees.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
T=$(mktemp -d)
R=$T/root
L=rwf$$
cleanup() { ip netns del $L 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT

mkdir -p "$R/bin" "$R/etc" "$R/proc" "$R/sys" "$R/dev" "$R/tmp" "$R/work"
cp "$BB" "$R/bin/busybox"
for a in $("$BB" --list); do [ -e "$R/bin/$a" ] || ln -s busybox "$R/bin/$a"; done
printf 'root:x:0:0::/:/bin/sh\nalice:x:1000:1000::/work:/bin/sh\n' >"$R/etc/passwd"
printf 'root:x:0:\nwheel:x:10:alice\nalice:x:1000:\n' >"$R/etc/group"
chmod 777 "$R/work"
cat >"$R/report.sh" <<'EOS'
echo "pid=$$ hostname=$(hostname) domainname=$(cat /proc/sys/kernel/domainname)"
echo "env: $(env | grep -vE '^(PWD|SHLVL)=' | sort | tr '\n' ' ')"
grep -E '^(Uid|Gid|Groups|CapInh|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs|Umask):' /proc/self/status
echo "nofile=$(ulimit -n) cwd=$(pwd) fds=$(ls /proc/self/fd | tr '\n' ' ')"
ip -o link show eth0
ip -o addr show dev eth0 | grep -o 'inet [0-9./]*'
grep -E ' / | /proc | /dev | /sys ' /proc/self/mountinfo | awk '{print $5, $6}'
grep ' /sys/fs/cgroup ' /proc/self/mountinfo | awk '{print "cgroup mount", $6, $(NF-2)}'
stat -c 'null %F %t:%T' /dev/null
[ -e /ROOTFS_OK ] && echo "in the new root"
touch /x 2>/dev/null && echo "root writable" || echo "root read-only"
head -c 1 /proc/kcore 2>/dev/null | wc -c | sed 's/^/kcore bytes /'
EOS
touch "$R/ROOTFS_OK"
cat >"$T/full.conf" <<EOS
sync-fd 3
rootfs $R
root-readonly
default-masks
mount proc /proc proc nosuid,noexec,nodev
mount tmpfs /dev tmpfs nosuid,strictatime,mode=755,size=65536k
mount devpts /dev/pts devpts nosuid,noexec,newinstance,ptmxmode=0666,mode=0620,mkdir
mount shm /dev/shm tmpfs nosuid,noexec,nodev,mode=1777,size=65536k,mkdir
mount mqueue /dev/mqueue mqueue nosuid,noexec,nodev,mkdir
mount sysfs /sys sysfs nosuid,noexec,nodev,ro
mount cgroup /sys/fs/cgroup cgroup nosuid,noexec,nodev,relatime,ro
link tmp$$ rename eth0 mtu 1400 up
addr eth0 10.97.0.2/24
hostname fullns
domainname full.test
sysctl net.ipv4.ip_forward 1
user alice
groups 200
caps bounding chown kill
caps permitted chown
caps effective chown
caps inheritable chown
caps ambient chown
no-new-privileges
rlimit nofile 512 1024
umask 027
cwd /work
env PATH=/bin
env CASE=full
argv /bin/sh /report.sh
EOS
"$CONF" build "$T/full.conf" -o "$T/full.bin" || exit 1
ip netns add $L
setup="ip link add rwf2$$ type veth peer name tmp$$ && ip link set rwf2$$ netns $L &&
	ip link set tmp$$ netns \$CHILD"
"$PARENT" sync "$setup" -- /usr/bin/unshare --mount --pid --uts --ipc --fork "$RI" -c "$T/full.bin" \
	>"$T/out" 2>&1
rc=$?
has() { grep -qxF -- "$1" "$T/out"; }
re() { grep -qE -- "$1" "$T/out"; }
check "full: the parent's go-ahead is answered ok" has "sync: ok"
check "full: the workload's status is rawinit's" sh -c "[ $rc = 0 ] && grep -q '^kcore bytes ' '$T/out'"
check "full: the workload is PID 2 (rawinit is PID 1) with hostname and domainname" \
	has "pid=2 hostname=fullns domainname=full.test"
check "full: the environment is exactly the configured one" has "env: CASE=full PATH=/bin "
check "full: uid and gid are alice's" sh -c "grep -qx 'Uid:	1000	1000	1000	1000' '$T/out' &&
	grep -qx 'Gid:	1000	1000	1000	1000' '$T/out'"
check "full: groups are the configured one plus those listing alice" re '^Groups:	(10 200|200 10) ?$'
check "full: all five capability sets" sh -c "for s in CapInh CapPrm CapEff CapAmb; do
	grep -qx \"\$s:	0000000000000001\" '$T/out' || exit 1; done;
	grep -qx 'CapBnd:	0000000000000021' '$T/out'"
check "full: NoNewPrivs, umask, rlimit, cwd" sh -c "grep -qx 'NoNewPrivs:	1' '$T/out' &&
	grep -qx 'Umask:	0027' '$T/out' && grep -q '^nofile=512 cwd=/work ' '$T/out'"
check "full: no fd above 2 reaches the workload" re '^nofile=.* fds=0 1 2 3 $'
check "full: the veth peer is eth0, MTU 1400, with its address" sh -c "
	grep -qE '^[0-9]+: eth0(@[a-z0-9]+)?: <.*UP.*> mtu 1400 ' '$T/out' && grep -qx 'inet 10.97.0.2/24' '$T/out'"
check "full: / is the new root, read-only" sh -c "grep -qx 'in the new root' '$T/out' &&
	grep -qx 'root read-only' '$T/out' && grep -qE '^/ ro,' '$T/out'"
check "full: proc, /dev and sysfs (ro) are mounted in the new root" sh -c "grep -qE '^/proc rw,nosuid,nodev,noexec' '$T/out' &&
	grep -qE '^/dev rw,nosuid' '$T/out' && grep -qE '^/sys ro,nosuid,nodev,noexec' '$T/out'"
check "full: /dev/null is the 1:3 character device" has "null character special file 1:3"
check "full: OCI's \"cgroup\" type mounts cgroup2 read-only, as runc does" re '^cgroup mount ro,.* cgroup2$'
check "full: a masked path reads nothing" has "kcore bytes 0"
