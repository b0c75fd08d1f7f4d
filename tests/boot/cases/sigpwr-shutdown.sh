# test: SIGPWR to a VM's PID 1 under `signal PWR shutdown` drains (SIGTERM to the workload and what it left), then the exit record and a power-off
# boot: -- /bin/sh /t/sigpwr-shutdown.sh
# conf: signals
# conf-line: signal PWR shutdown
# expect: workload ran
# expect: workload got TERM
# expect: left-behind got TERM
# expect-re: ^rawinit: \[ *[0-9.]+\] drain: SIGTERM$
# reject: workload got PWR
# reject: no TERM
# exit: status=7
# The left-behind process ignores SIGHUP, as in grace.sh: the kernel sends one to the
# console's foreground group when the workload (a session leader) exits.
/bin/sh -c '
	trap "" HUP
	trap "echo left-behind got TERM; exit 0" TERM
	: >/left-behind.ready
	while :; do sleep 0.1; done' &
echo "workload ran"
i=0
while [ ! -e /left-behind.ready ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
trap 'echo "workload got PWR"' PWR
trap 'echo "workload got TERM"; exit 7' TERM
kill -PWR 1
i=0
while [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
echo "no TERM"
