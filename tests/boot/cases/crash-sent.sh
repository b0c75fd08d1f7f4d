# test: SIGSEGV, SIGBUS, SIGILL, SIGFPE and SIGTRAP sent to PID 1 by a process are no crash: PID 1 carries on, forwards each to the workload and reports its own end
# reject: rawinit: crashed signal=11
# reject: rawinit: crashed signal=7
# expect: workload got SEGV
# expect: workload got TRAP
# expect: still supervised
# exit: status=3
for s in SEGV BUS ILL FPE TRAP; do trap "echo workload got $s" $s; done
for s in SEGV BUS ILL FPE TRAP; do kill -$s 1; sleep 0.2; done
sleep 1
echo still supervised
exit 3
