# test: a corrupted /etc/rawinit.conf gives one clear line, the exit record and a power-off, no workload
# boot: -- /bin/sh /t/conf-corrupt.sh
# file: /etc/rawinit.conf conf/corrupt.bin
# expect-re: ^rawinit: config: /etc/rawinit.conf: bad checksum [0-9]+, computed [0-9]+: EINVAL \(22\)$
# reject: the workload ran
# exit: status=111
echo "the workload ran"
