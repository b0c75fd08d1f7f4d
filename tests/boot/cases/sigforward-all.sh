# test: signals outside the old forward list (ALRM PIPE URG XCPU SYS, RTMIN+2, RTMIN+3, RTMAX) sent to a VM's PID 1 by the workload are each forwarded to it
# boot: -- /bin/sh /t/sigforward-all.sh
# expect: got ALRM PIPE URG XCPU SYS 34 35 64
# exit: status=0
got=
for s in ALRM PIPE URG XCPU SYS 34 35 64; do
	trap "got=\"\$got $s\"" $s
done
for s in ALRM PIPE URG XCPU SYS 34 35 64; do
	kill -$s 1
	# Traps run between commands: wait (bounded) until this one has arrived.
	i=0
	while [ $i -lt 30 ]; do
		case "$got " in *" $s "*) break ;; esac
		sleep 0.1
		i=$((i + 1))
	done
done
echo "got$got"
