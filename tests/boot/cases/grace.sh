# test: a child left behind that traps SIGTERM gets the grace period (-g 1), then SIGKILL
# boot: -- -v -g 1 /bin/sh /t/grace.sh
# expect: left-behind got TERM
# expect: left-behind alive after TERM
# check: grace_at_least 1.0
# exit: status=0
# It ignores SIGHUP: the kernel sends one to the console's foreground group when
# the workload (a session leader) exits, and a real daemon survives that.
/bin/sh -c '
	trap "" HUP
	trap "echo left-behind got TERM; t=1" TERM
	t=0
	while :; do
		sleep 0.2
		[ $t = 1 ] && echo "left-behind alive after TERM"
	done' &
sleep 1
exit 0
