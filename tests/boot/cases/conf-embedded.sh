# test: a config embedded in the init binary drives the boot: argv, exact env, cwd, hostname, domainname, verbosity
# boot: rdinit=/rawinit
# file: /rawinit {isa}-embedded 0755
# expect-re: ^rawinit: \[ *[0-9.]+\] config: embedded$
# expect: env: GREETING=hello from the embedded config PATH=/bin:/sbin
# expect: cwd=/tmp hostname=rawvm domainname=example.test
# exit: status=7
echo "env: $(env | grep -vE '^(PWD|SHLVL)=' | sort | tr '\n' ' ' | sed 's/ $//')"
echo "cwd=$(pwd) hostname=$(hostname) domainname=$(cat /proc/sys/kernel/domainname)"
exit 7
