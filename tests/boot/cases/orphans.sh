# test: a burst of 1000 orphaned processes is reaped: no zombie is left
# boot: -- /bin/sh /t/orphans.sh
# timeout: 240
# expect: spawned=1000
# expect: zombies=0
# exit: status=0
i=0
while [ $i -lt 1000 ]; do
	# The subshell exits at once; its background child becomes an orphan of PID 1.
	( /bin/true & )
	i=$((i + 1))
done
echo "spawned=$i"
sleep 1
z=0
for s in /proc/[0-9]*/stat; do
	read -r l < "$s" 2>/dev/null || continue
	case "$l" in *") Z "*) z=$((z + 1)) ;; esac
done
echo "zombies=$z"
