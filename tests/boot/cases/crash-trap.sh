# test: a trap instruction in PID 1 (test build; SIGILL on x86_64, SIGTRAP on aarch64) is one line, the exit record and a power-off
# boot: rdinit=/init-crash crash=trap -- /bin/sh /t/crash-trap.sh
# file: /init-crash ../{isa}/rawinit-crash 0755
# expect-re: ^rawinit: crashed signal=(4|5)$
# exit: status=111
sleep 30
