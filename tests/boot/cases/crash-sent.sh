# test: SIGSEGV, SIGBUS, SIGILL, SIGFPE and SIGTRAP sent to PID 1 by a process are no crash: PID 1 carries on and reports the workload's own end
# reject: rawinit: crashed signal=11
# reject: rawinit: crashed signal=7
# expect: still supervised
# exit: status=3
for s in SEGV BUS ILL FPE TRAP; do kill -$s 1; done
sleep 1
echo still supervised
exit 3
