# test: a workload that exits 0 gives the exit record status=0
# boot: -- /bin/true
# exit: status=0
