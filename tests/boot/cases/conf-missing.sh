# test: a config named with -c that does not exist is fatal: ENOENT named, no workload
# boot: -- -c /nope.bin /bin/sh /t/conf-missing.sh
# expect: rawinit: config: /nope.bin: ENOENT (2)
# reject: the workload ran
# exit: status=111
echo "the workload ran"
