# test: SIGPWR sent to a VM's PID 1 with no signal policy is forwarded to the workload
# boot: -- /bin/sh /t/sigpwr-forward.sh
# expect: workload got PWR
# reject: no PWR
# exit: status=5
trap 'echo "workload got PWR"; exit 5' PWR
kill -PWR 1
i=0
while [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
echo "no PWR"
