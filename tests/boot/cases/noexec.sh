# test: a workload that is not executable gives status 126 (EACCES)
# boot: -- /t/noexec.sh
# expect: rawinit: exec: /t/noexec.sh: EACCES (13)
# exit: status=126
# mode: 0644
