# test: a workload killed by SIGKILL gives the exit record signal=9
# boot: -- /bin/sh /t/killed.sh
# exit: signal=9
kill -KILL $$
