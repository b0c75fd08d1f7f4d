# test: a workload that exits 42 gives the exit record status=42
# boot: -- /bin/sh /t/exit42.sh
# exit: status=42
exit 42
