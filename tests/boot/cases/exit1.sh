# test: a workload that exits 1 gives the exit record status=1
# boot: -- /bin/false
# exit: status=1
