# test: no workload on the command line is a fatal usage error: one line, exit record, power-off
# boot:
# expect-re: ^rawinit: args: COMMAND missing .*: EINVAL \(22\)$
# exit: status=100
