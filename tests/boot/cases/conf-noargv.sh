# test: a config whose argv has no records is refused in one line, then the exit record and a power-off, no panic
# boot:
# file: /etc/rawinit.conf conf/noargv-empty.bin
# expect: rawinit: config: /etc/rawinit.conf: argv: empty: EINVAL (22)
# reject: the workload ran
# exit: status=111
echo "the workload ran"
