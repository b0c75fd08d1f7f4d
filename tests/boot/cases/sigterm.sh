# test: SIGTERM sent to PID 1 reaches the workload
# boot: -- /bin/sh /t/sigterm.sh
# expect: workload got TERM
# reject: no TERM
# exit: status=7
trap 'echo "workload got TERM"; exit 7' TERM
kill -TERM 1
i=0
while [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
echo "no TERM"
