# test: the workload runs as a child of PID 1 with /dev, /proc, /sys mounted and the console on 0/1/2
# boot: -- /bin/sh /t/mounts.sh
# expect: ppid=1
# expect-re: ^devtmpfs /dev devtmpfs rw,nosuid,noexec
# expect-re: ^proc /proc proc rw,nosuid,nodev,noexec
# expect-re: ^sysfs /sys sysfs rw,nosuid,nodev,noexec
# expect: fd0=/dev/console fd1=/dev/console fd2=/dev/console
# expect: own-session=yes ctty=yes
# expect: pid1=init
# exit: status=0
echo "ppid=$PPID"
cat /proc/mounts
echo "fd0=$(readlink /proc/$$/fd/0) fd1=$(readlink /proc/$$/fd/1) fd2=$(readlink /proc/$$/fd/2)"
# /proc/PID/stat fields 6 and 7: session id and controlling tty (0 = none).
set -- $(cat /proc/$$/stat)
[ "$6" = $$ ] && s=yes || s=no
[ "$7" != 0 ] && t=yes || t=no
echo "own-session=$s ctty=$t"
# PID 1 is rawinit, the /init of the initramfs, and is sleeping in rt_sigtimedwait.
read -r cmd < /proc/1/cmdline
case "$cmd" in /init*) echo pid1=init ;; *) echo "pid1=$cmd" ;; esac
