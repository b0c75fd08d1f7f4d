# test: a fault in PID 1 itself (test build; SIGSEGV while it supervises) is one line, the exit record and a power-off, not a kernel panic
# boot: rdinit=/init-crash crash=segv -- /bin/sh /t/crash-segv.sh
# file: /init-crash ../{isa}/rawinit-crash 0755
# expect: rawinit: crashed signal=11
# exit: status=111
sleep 30
