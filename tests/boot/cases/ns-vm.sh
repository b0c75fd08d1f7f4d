# test: a VM switches root from its initramfs (move + chroot: pivot_root refuses rootfs) into /newroot, with runc's default mounts and masks, a read-only root, a named user with its groups, capabilities, limits, and the workload reports all of it
# boot:
# conf: ns-vm
# tree: /newroot
# file: /newroot/etc/passwd files/ns-vm.passwd
# file: /newroot/etc/group files/ns-vm.group
# expect-re: ^rawinit: \[ *[0-9.]+\] switch-root: initramfs: move \+ chroot$
# expect-re: ^rawinit: \[ *[0-9.]+\] hostname: nsvm$
# expect: workload: /ns-vm.sh in /tmp
# reject: visible /t
# reject: visible /init
# reject: visible /etc/rawinit.conf
# reject: visible /bin/sigwrap
# reject: visible /newroot
# expect: root: bin dev etc linuxrc ns-vm.sh proc root sbin sys tmp usr
# expect: devtmpfs mounts: 0
# expect: mnt / rootfs ro
# expect: mnt /proc proc rw,nosuid,nodev,noexec,relatime
# expect: mnt /dev tmpfs rw,nosuid
# expect: mnt /dev/pts devpts rw,nosuid,noexec,relatime
# expect: mnt /dev/shm tmpfs rw,nosuid,nodev,noexec,relatime
# expect: mnt /dev/mqueue mqueue rw,nosuid,nodev,noexec,relatime
# expect: mnt /sys sysfs ro,nosuid,nodev,noexec,relatime
# expect: mnt /tmp tmpfs rw,nosuid,nodev,relatime
# expect: mnt /proc/sys proc ro,nosuid,nodev,noexec,relatime
# expect: mnt /proc/sysrq-trigger proc ro,nosuid,nodev,noexec,relatime
# expect: mnt /proc/kcore tmpfs rw,nosuid
# expect: mnt /sys/firmware tmpfs ro,nosuid,nodev,noexec,relatime
# expect: dev /dev/null character special file 1:3
# expect: dev /dev/zero character special file 1:5
# expect: dev /dev/full character special file 1:7
# expect: dev /dev/random character special file 1:8
# expect: dev /dev/urandom character special file 1:9
# expect: dev /dev/tty character special file 5:0
# expect: link /dev/ptmx pts/ptmx
# expect: link /dev/fd /proc/self/fd
# expect: link /dev/stdin /proc/self/fd/0
# expect: kcore bytes: 0
# expect: firmware entries: 0
# expect: touch: /x: Read-only file system
# expect: touch: /sys/x: Read-only file system
# expect: tmp file: 640 alice:alice
# expect: id: uid=1000(alice) gid=1000(alice) groups=10(wheel),29(audio),200
# expect: Uid: 1000 1000 1000 1000
# expect: Gid: 1000 1000 1000 1000
# expect: Groups: 10 29 200
# expect: CapInh: 0000000000000401
# expect: CapPrm: 0000000000000401
# expect: CapEff: 0000000000000401
# expect: CapBnd: 0000000000000421
# expect: CapAmb: 0000000000000401
# expect: NoNewPrivs: 1
# expect: hostname: nsvm
# expect: umask: 0027
# expect: nofile: 1024 2048
# expect: env: CASE=ns-vm HOME=/tmp PATH=/usr/sbin:/usr/bin:/sbin:/bin
# exit: status=0
# The workload: /newroot/ns-vm.sh of the initramfs, seen as /ns-vm.sh. Groups: 200 from the
# config, 10 and 29 from /etc/group listing alice (user by name, no group). Capabilities:
# CHOWN|NET_BIND_SERVICE = 0x401 survive the exec as uid 1000 through the ambient set; the
# bounding set adds KILL (0x20). The mask over /proc/kcore is /dev/null (on the /dev tmpfs).
echo "workload: $0 in $(pwd)"
# The initramfs is gone from view: its /t, /init, config and early mounts.
for p in /t /init /etc/rawinit.conf /bin/sigwrap /newroot; do [ -e $p ] && echo "visible $p"; done
echo root: $(ls /)
echo "devtmpfs mounts: $(grep -c devtmpfs /proc/self/mountinfo)"
# "mnt MOUNTPOINT TYPE OPTS" from mountinfo (the fields after the optional ones' "-").
awk '{ for (i = 7; $i != "-"; i++); print "mnt", $5, $(i + 1), $6 }' /proc/self/mountinfo
for n in null zero full random urandom tty; do stat -c "dev %n %F %t:%T" /dev/$n; done
for n in ptmx fd stdin; do echo "link /dev/$n $(readlink /dev/$n)"; done
echo "kcore bytes: $(cat /proc/kcore 2>&1 | wc -c)"
echo "firmware entries: $(ls -A /sys/firmware | wc -l)"
touch /x 2>&1
touch /sys/x 2>&1
echo hi >/tmp/f && echo "tmp file: $(stat -c '%a %U:%G' /tmp/f)"
echo "id: $(id)"
grep -E '^(Uid|Gid|Groups|CapInh|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs):' /proc/self/status |
	tr '\t' ' ' | sed 's/ *$//'
echo "hostname: $(hostname)"
echo "umask: $(umask)"
echo "nofile: $(ulimit -n) $(ulimit -Hn)"
echo env: $(env | grep -vE '^(PWD|SHLVL|OLDPWD)=' | sort)
