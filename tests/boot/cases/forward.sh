# test: TERM INT HUP QUIT USR1 USR2 WINCH CONT sent to PID 1 are each forwarded to the workload
# boot: -- /bin/sh /t/forward.sh
# expect: got HUP INT QUIT USR1 USR2 WINCH CONT TERM
# exit: status=0
got=
for s in HUP INT QUIT USR1 USR2 WINCH CONT TERM; do
	trap "got=\"\$got $s\"" $s
done
for s in HUP INT QUIT USR1 USR2 WINCH CONT TERM; do
	kill -$s 1
	# Traps run between commands: wait (bounded) until this one has arrived.
	i=0
	while [ $i -lt 50 ]; do
		case "$got " in *" $s "*) break ;; esac
		sleep 0.1
		i=$((i + 1))
	done
done
echo "got$got"
