# test: a workload that does not exist gives status 127 and names itself
# boot: -- /nonexistent/prog
# expect: rawinit: exec: /nonexistent/prog: ENOENT (2)
# exit: status=127
