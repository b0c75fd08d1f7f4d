#!/bin/sh
# SPDX-License-Identifier: MIT
# Network set-up in fresh network namespaces: rawinit's rtnetlink beside a busybox `ip` script; markdown to stdout.
#
# The job, the same for both: lo up; the veth peer found by its temporary name
# rwtmp0, renamed eth0, MTU 1400, up; 10.99.0.2/24 and fd99::2/64 without DAD;
# a default route via 10.99.0.1 and fd98::/64 via fd99::1. Every run gets a
# netns of its own holding a fresh peer; the other ends sit in one holder netns,
# also made here, so nothing touches the host's namespaces. Needs root; run.sh
# builds the timer first. NET_ROUNDS=n changes the number of timed runs (20).
set -eu
cd "$(dirname "$0")/.."

ROUNDS=${NET_ROUNDS:-20}
RI=$PWD/build/x86_64/rawinit
BB=/bin/busybox
TIMER=$PWD/build/bench/spawn_time
P=rwb$$				# netns names: ${P}h the holder, ${P}TAG one per run
TMP=$(mktemp -d)
cleanup() {
	for n in $(ip netns list | awk -v p="$P" 'index($1, p) == 1 { print $1 }'); do
		ip netns del "$n"
	done
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cat >"$TMP/net.conf" <<EOF
argv $BB true
link rwtmp0 rename eth0 mtu 1400 up
addr eth0 10.99.0.2/24
addr eth0 fd99::2/64 nodad
route default via 10.99.0.1 dev eth0
route fd98::/64 via fd99::1 dev eth0
EOF
build/host/rawinit-conf build "$TMP/net.conf" -o "$TMP/net.bin"

# The busybox way: one `ip` per rawinit step. Busybox ip has no `nodad`, so DAD
# is switched off for eth0 before its IPv6 address (echo is a builtin: no process).
cat >"$TMP/bb.sh" <<EOF
$BB ip link set lo up
$BB ip link set rwtmp0 name eth0 mtu 1400 up
echo 0 >/proc/sys/net/ipv6/conf/eth0/accept_dad
$BB ip addr add 10.99.0.2/24 dev eth0
$BB ip addr add fd99::2/64 dev eth0
$BB ip route add default via 10.99.0.1 dev eth0
$BB ip route add fd98::/64 via fd99::1 dev eth0
EOF

ip netns add ${P}h
. bench/lib.sh

# Syscalls, from one strace -f run each. rawinit (with -v): socket(AF_NETLINK ...)
# to the close of that fd, inclusive, once counting everything and once without
# the timeline's clock_gettime + write(2). Busybox: every syscall of every process
# from the shell's execve to the last exit_group ("resumed" halves and signal or
# exit notes are not calls).
mkns s1
mkns s2
in_ns s1 strace -f -qq -o "$TMP/ri.strace" "$RI" -v -c "$TMP/net.bin" 2>/dev/null
set -- $(awk '
	!on && /socket\(AF_NETLINK/ { on = 1; fd = $NF }
	on { n++; if ($2 !~ /^(clock_gettime|write\(2,)/) q++ }
	on && index($2, "close(" fd ")") == 1 { print n, q; exit }' "$TMP/ri.strace") n/a n/a
ri_all=$1 ri_quiet=$2
in_ns s2 strace -f -qq -o "$TMP/bb.strace" $BB sh "$TMP/bb.sh"
set -- $(awk '$2 !~ /^(<\.\.\.|---|\+\+\+)/ { n++ } { pid[$1] = 1 }
	END { k = 0; for (p in pid) k++; print n, k }' "$TMP/bb.strace")
bb_calls=$1 bb_procs=$2

# Timing: every namespace made first, then a second's pause, so the kernel's
# deferred work from making them is not inside a run. Runs alternate rawinit and
# busybox. spawn_time times one run from fork to wait4. rawinit's network part is
# its own timeline (CLOCK_MONOTONIC, no tracer): the `config:` line to `net: configured`.
i=1
while [ $i -le "$ROUNDS" ]; do mkns a$i; mkns b$i; mkns p$i; i=$((i + 1)); done
sleep 1
i=1
while [ $i -le "$ROUNDS" ]; do
	in_ns a$i "$TIMER" 1 0 "$RI" -v -c "$TMP/net.bin" 2>"$TMP/ri.$i" | awk '{ print $2 }' >>"$TMP/ri.whole"
	in_ns b$i "$TIMER" 1 0 $BB sh "$TMP/bb.sh" | awk '{ print $2 } $6 { print "bench: net: busybox run failed" >"/dev/stderr" }' >>"$TMP/bb.whole"
	sed -n -e 's/^rawinit: \[ *\([0-9.]*\)\] config: .*/\1/p' \
	       -e 's/^rawinit: \[ *\([0-9.]*\)\] net: .*/\1/p' "$TMP/ri.$i" |
		awk 'NR == 1 { t = $1 } NR == 2 { printf "%.0f\n", ($1 - t) * 1e6 }' >>"$TMP/ri.net"
	grep -q '^rawinit: exit status=0$' "$TMP/ri.$i" || echo "bench: net: rawinit run $i failed" >&2
	i=$((i + 1))
done

# Where rawinit's time goes: `perf trace record` on quiet runs, decoded after the
# run. It samples the kernel's syscall tracepoints into a buffer nobody reads
# during the run (~1 µs a call; strace's ptrace stops, or a live `perf trace`
# waking its reader, tripled the total). tracefs is mounted in the run's own
# mount namespace only. A step is its syscalls' durations summed; "between" is the
# rest of socket→close: rawinit's own code and any preemption. One line per run:
# total, in-syscalls, then each step, in µs.
perf_ok=0
i=1
while [ $i -le "$ROUNDS" ]; do
	in_ns p$i unshare --mount sh -c 'mount -t tracefs nodev /sys/kernel/tracing &&
		perf trace record -q -o "$1.data" -- "$2" -c "$3" >/dev/null 2>&1 &&
		perf trace -i "$1.data" -o "$1"' sh "$TMP/perf" "$RI" "$TMP/net.bin" 2>/dev/null || break
	awk '
		!match($0, /\( *[0-9.]+ ms\)/) { next }
		{ d = substr($0, RSTART + 1, RLENGTH - 5) * 1000; c = $0; sub(/^[^)]*\): [^ ]+ /, "", c) }
		!on && c ~ /^socket\(family: NETLINK/ { on = 1; k = 0; fd = $NF; t0 = $1 * 1000 }
		!on { next }
		c ~ /^sendto\(/ { k++ }
		c ~ "^close\\(fd: " fd "[,)<]" { k = 8 }
		{ s[k] += d; in_sys += d }
		k == 8 { printf "%.0f %.0f", $1 * 1000 + d - t0, in_sys
			 for (j = 0; j <= 8; j++) printf " %.0f", s[j]; print ""; exit }' "$TMP/perf" >>"$TMP/perf.runs"
	perf_ok=1
	i=$((i + 1))
done

echo '| way | processes | syscalls | network part µs, median (p10–p90) | whole run ms, median (p10–p90) |'
echo '|---|--:|--:|--:|--:|'
echo "| rawinit \`-c net.bin\` | 1 + workload | $ri_quiet ($ri_all with \`-v\`) | $(stats <"$TMP/ri.net")" \
     "| $(awk '{ print $1 / 1e6 }' "$TMP/ri.whole" | stats %.2f) |"
echo "| busybox sh + $((bb_procs - 1)) × \`busybox ip\` | $bb_procs | $bb_calls | = whole run" \
     "| $(awk '{ print $1 / 1e6 }' "$TMP/bb.whole" | stats %.2f) |"
echo
med=$(stats <"$TMP/ri.net" | awk '{ print $1 }')
echo "Target for rawinit: at most 20 syscalls and 200 µs for the network part:" \
     "syscalls $([ "$ri_quiet" != n/a ] && [ "$ri_quiet" -le 20 ] && echo met || echo missed) ($ri_quiet)," \
     "time $([ "$med" != n/a ] && [ "$med" -le 200 ] && echo met || echo missed) ($med µs median)."
echo
if [ $perf_ok = 0 ] || [ ! -s "$TMP/perf.runs" ]; then
	echo '(perf trace unavailable: no per-step breakdown)'
	exit 0
fi
echo "rawinit's network part step by step (\`perf trace\`, $(wc -l <"$TMP/perf.runs") quiet runs; µs):"
echo
echo '| step | syscalls | µs, median (p10–p90) |'
echo '|---|--:|--:|'
col() { awk -v c="$1" '{ print $c }' "$TMP/perf.runs" | stats; }
n=3
for s in 'open: socket, 2 × setsockopt, bind, getsockname:5' 'lo up:2' 'find rwtmp0 (RTM_GETLINK):2' \
	 'rename eth0, MTU 1400, up (one RTM_NEWLINK):2' 'add 10.99.0.2/24:2' 'add fd99::2/64 nodad:2' \
	 'add default via 10.99.0.1:2' 'add fd98::/64 via fd99::1:2' 'close:1'; do
	echo "| ${s%:*} | ${s##*:} | $(col $n) |"
	n=$((n + 1))
done
echo "| **in syscalls** (sum) | $ri_quiet | $(col 2) |"
echo "| **between syscalls** (rawinit's code, scheduling) | — |" \
     "$(awk '{ print $1 - $2 }' "$TMP/perf.runs" | stats) |"
echo "| **socket → close** (traced) | $ri_quiet | $(col 1) |"
