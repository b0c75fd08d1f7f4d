# test: signals sent to PID 1 by a process are each forwarded to the workload: the old eight (TERM INT HUP QUIT USR1 USR2 WINCH CONT) and the rest (ALRM PIPE URG XCPU SYS, RTMIN+2, RTMIN+3, RTMAX)
# boot: -- /bin/sh /t/forward.sh
# expect: got HUP INT QUIT USR1 USR2 WINCH CONT ALRM PIPE URG XCPU SYS 34 35 64 TERM
# exit: status=0
sigs="HUP INT QUIT USR1 USR2 WINCH CONT ALRM PIPE URG XCPU SYS 34 35 64 TERM"
got=
for s in $sigs; do
	trap "got=\"\$got $s\"" $s
done
for s in $sigs; do
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
