#!/bin/sh
# SPDX-License-Identifier: MIT
# The namespace-init budget: rawinit's whole container set-up beside `runc run` and `crun run`; markdown to stdout.
#
# One busybox rootfs directory (plus bench/stamp.c as /bin/stamp, the workload) and one
# OCI config: `runc spec` with process.args [/bin/stamp], terminal false, user 1000,
# group 1000, additional group 29, root.path the rootfs (read-only), and an 8th mount,
# a tmpfs on /run (the cgroup mount typed cgroup2, the capabilities made inheritable
# too: see below). runc and crun run that bundle; rawinit runs the same config.json
# through `rawinit-conf oci` (its linux.namespaces dropped: the parent makes them; its
# linux.resources too: a device cgroup rule rawinit refuses until it makes cgroups)
# plus a veth peer renamed eth0, an address and a default route. rawinit is started by
# build/host/parent ns -t as PID 1 of new mount, pid, uts and ipc namespaces, inside a
# per-run net namespace holding the veth peer. Needs root; run.sh builds the helpers.
# NSI_ROUNDS=n sets rawinit's timed runs per mode (20), NSI_RT_ROUNDS=n runc's and crun's (10).
set -eu
cd "$(dirname "$0")/.."

ROUNDS=${NSI_ROUNDS:-20}
RT_ROUNDS=${NSI_RT_ROUNDS:-10}
RI=$PWD/build/x86_64/rawinit
CONF=$PWD/build/host/rawinit-conf
NSS=$PWD/build/host/parent
TIMER=$PWD/build/bench/spawn_time
BB=/bin/busybox
P=rwi$$				# netns names: ${P}h the holder, ${P}TAG one per run; container ids
TMP=$(mktemp -d)
R=$TMP/rootfs
B=$TMP/bundle
# crun refuses cgroup v1 + v2 hybrid ("cgroups in hybrid mode not supported, drop all
# controllers from cgroupv2"): it runs in a private mount namespace (unshare -m makes
# it private: nothing propagates back) with an empty tmpfs over the v2 mount.
CRUN_NS='mount -t tmpfs tmpfs /sys/fs/cgroup/unified && exec "$@"'
crun_ns() {
	if [ -d /sys/fs/cgroup/unified ]; then unshare -m sh -c "$CRUN_NS" sh "$@"; else "$@"; fi
}
cleanup() {
	command -v runc >/dev/null && runc delete -f ${P}r >/dev/null 2>&1
	command -v crun >/dev/null && crun delete -f ${P}c >/dev/null 2>&1
	for n in $(ip netns list | awk -v p="$P" 'index($1, p) == 1 { print $1 }'); do
		ip netns del "$n"
	done
	if grep -qF " $TMP" /proc/self/mountinfo; then
		echo "bench: ns_init: something is still mounted under $TMP; left in place" >&2
	else
		rm -rf "$TMP"
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The rootfs, as tests/ns/rootfs.sh makes it, with a user 1000 and the stamp workload.
mkdir -p "$R/bin" "$R/etc" "$R/proc" "$R/sys" "$R/dev" "$R/tmp" "$R/run" "$R/var" "$B"
cp $BB "$R/bin/busybox"
for a in $($BB --list); do
	[ -e "$R/bin/$a" ] || ln -s busybox "$R/bin/$a"
done
cp build/bench/stamp "$R/bin/stamp"
printf 'root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000::/:/bin/sh\n' >"$R/etc/passwd"
printf 'root:x:0:\nuser:x:1000:\naudio:x:29:user\n' >"$R/etc/group"

# The bundle: runc's default config.json (runc spec writes it; a copy of its defaults
# when runc is missing would be needed, so without runc everything is n/a).
if ! command -v runc >/dev/null; then
	echo '(runc is not installed: no runc spec, so no bundle; the whole table is n/a)'
	exit 0
fi
(cd "$B" && runc spec)
python3 - "$B/config.json" "$R" <<'PY'
import json, sys
path, rootfs = sys.argv[1], sys.argv[2]
c = json.load(open(path))
p = c["process"]
p["terminal"] = False
p["args"] = ["/bin/stamp"]
p["user"] = {"uid": 1000, "gid": 1000, "additionalGids": [29]}
# runc spec lists its 3 capabilities as ambient but not inheritable; the kernel raises
# an ambient capability only when it is permitted and inheritable. runc ignores that
# failure; rawinit refuses it (creds: ambient cap 5: EPERM). So: inheritable too.
p["capabilities"]["inheritable"] = p["capabilities"]["ambient"]
c["root"] = {"path": rootfs, "readonly": True}
# runc spec's "cgroup" type is runc's own word (v1: a tmpfs with a bind per
# controller; v2: cgroup2); rawinit-conf passes a type through, and the kernel's
# cgroup v1 with no controller named is EBUSY on this hybrid host. So: cgroup2.
for m in c["mounts"]:
    if m["type"] == "cgroup":
        m["type"] = "cgroup2"
c["mounts"].append({"destination": "/run", "type": "tmpfs", "source": "tmpfs",
                    "options": ["nosuid", "nodev", "mode=755"]})
json.dump(c, open(path, "w"), indent=1)
c["linux"].pop("namespaces")
c["linux"].pop("resources")
json.dump(c, open(path + ".rawinit", "w"), indent=1)
PY
# rawinit: the same config, plus the network and the mode. dump prints every INIT field.
"$CONF" oci "$B/config.json.rawinit" -o "$TMP/oci.bin"
"$CONF" dump "$TMP/oci.bin" >"$TMP/oci.conf"
mkconf() { # NAME MODE VERBOSE
	sed -e "s/^mode .*/mode $2/" -e "s/^verbose .*/verbose $3/" "$TMP/oci.conf" >"$TMP/$1.conf"
	cat >>"$TMP/$1.conf" <<-EOF
	link rwtmp0 rename eth0 up
	addr eth0 10.99.0.2/24
	route default via 10.99.0.1 dev eth0
	EOF
	"$CONF" build "$TMP/$1.conf" -o "$TMP/$1.bin"
}
mkconf exec_v exec 1
mkconf exec_q exec 0
mkconf cont_v auto 1
mkconf cont_q auto 0
mounts=$(grep -c '^mount ' "$TMP/oci.conf")

ip netns add ${P}h
. bench/lib.sh

# Syscalls from the strace -f file $1, every process but the first line's (the
# starter, which only waits): those after the line holding $2 (an execve), up to
# (not counting) the first execve of /bin/stamp; then the total of every process.
# "<... resumed>" halves and signal or exit notes are not calls.
count() {
	awk -v from="$2" '
		NR == 1 { first = $1 }
		$2 ~ /^(<\.\.\.|---|\+\+\+)/ { next }
		{ all++ }
		!on && (from == "" || index($0, from)) { on = 1; if (from != "") next }
		on && !done && index($0, "execve(\"/bin/stamp\"") { done = 1 }
		on && !done && (from == "" || $1 != first) { n++ }
		END { print (done ? n : "n/a"), all }' "$1"
}
mkns s1
mkns s2
in_ns s1 strace -f -qq -o "$TMP/exec.strace" "$NSS" ns -t -k -- "$RI" -c "$TMP/exec_q.bin" >/dev/null
in_ns s2 strace -f -qq -o "$TMP/cont.strace" "$NSS" ns -t -k -- "$RI" -c "$TMP/cont_q.bin" >/dev/null
set -- $(count "$TMP/exec.strace" "execve(\"$RI\"") $(count "$TMP/cont.strace" "execve(\"$RI\"")
ri_exec=$1 ri_cont=$3
strace -f -qq -o "$TMP/runc.strace" runc run --bundle "$B" ${P}r >/dev/null 2>&1 || true
set -- $(count "$TMP/runc.strace" "")
runc_to=$1 runc_all=$2
crun_to=n/a crun_all=n/a crun_err=
if command -v crun >/dev/null; then
	if crun_ns crun run --bundle "$B" ${P}c >/dev/null 2>"$TMP/crun.err"; then
		crun_ns strace -f -qq -o "$TMP/crun.strace" crun run --bundle "$B" ${P}c >/dev/null 2>&1 || true
		set -- $(count "$TMP/crun.strace" "")
		crun_to=$1 crun_all=$2
	else
		crun_err=$(head -n 1 "$TMP/crun.err")
	fi
else
	crun_err="crun is not installed"
fi

# rawinit, untraced: each run in a netns of its own, all made first, then a second's
# pause. parent ns -t stamps CLOCK_MONOTONIC just before it execs rawinit; the workload
# stamps it at its first instruction. A third variant execs /bin/stamp straight from
# the parent: one execve of the workload, subtracted from rawinit's span. Rounds rotate.
i=1
while [ $i -le "$ROUNDS" ]; do mkns e$i; mkns c$i; i=$((i + 1)); done
sleep 1
# run TAG BLOB: one rawinit run; "span_us wall_ms timeline_us" appended to $TMP/TAG.
run() {
	in_ns $1$i "$NSS" ns -t -k -- "$RI" -c "$TMP/$2.bin" 2>"$TMP/err" >"$TMP/out" ||
		echo "bench: ns_init: rawinit $2 run $i failed: $(head -n 1 "$TMP/err")" >&2
	t=$(sed -n -e 's/^rawinit: \[ *\([0-9.]*\)\] config: .*/\1/p' \
		   -e 's/^rawinit: \[ *\([0-9.]*\)\] \(exec\|spawn\): .*/\1/p' "$TMP/err" |
		awk 'NR == 1 { t = $1 } NR == 2 { printf "%.0f", ($1 - t) * 1e6 }')
	awk -v tl="$t" 'NR == 1 { t1 = $1 } NR == 2 { printf "%.0f %.3f %s\n", (t1 - $1) / 1e3, $2 / 1e6, tl }' \
		"$TMP/out" >>"$TMP/$1"
}
i=1
while [ $i -le "$ROUNDS" ]; do
	for v in e c b; do
		case $v in
		e) run e exec_v ;;
		c) run c cont_v ;;
		b) "$NSS" ns -t -- "$R/bin/stamp" | tr '\n' ' ' |
			awk '{ printf "%.0f %.3f\n", ($1 - $2) / 1e3, $3 / 1e6 }' >>"$TMP/b" ;;
		esac
	done
	i=$((i + 1))
done
base=$(awk '{ print $1 }' "$TMP/b" | med)
col() { awk -v c="$2" -v s="${3:-0}" '$c != "" { print $c - s }' "$TMP/$1" | stats "${4:-%.0f}"; }

# runc and crun: the whole `run`, wall time (spawn_time, fork to wait4), after 2
# warm-up runs; the stamp's own output lines are dropped.
"$TIMER" "$RT_ROUNDS" 2 runc run --bundle "$B" ${P}r 2>/dev/null | awk 'NF == 6' >"$TMP/runc.t"
runc_t=$(awk '{ printf "%.2f (%.2f–%.2f)", $2 / 1e6, $3 / 1e6, $4 / 1e6; if ($6) printf " [%d failed]", $6 }' "$TMP/runc.t")
crun_t=n/a
if [ -z "$crun_err" ]; then
	crun_ns "$TIMER" "$RT_ROUNDS" 2 crun run --bundle "$B" ${P}c 2>/dev/null | awk 'NF == 6' >"$TMP/crun.t"
	crun_t=$(awk '{ printf "%.2f (%.2f–%.2f)", $2 / 1e6, $3 / 1e6, $4 / 1e6; if ($6) printf " [%d failed]", $6 }' "$TMP/crun.t")
fi

echo '| runtime | syscalls to the workload'"'"'s execve | syscalls, whole run | set-up µs, untraced, median (p10–p90) | rawinit timeline `config:` → `'"exec:"'`/`spawn:` µs | whole run ms, median (p10–p90) |'
echo '|---|--:|--:|--:|--:|--:|'
echo "| rawinit, \`mode exec\` | $ri_exec | — | $(col e 1 "$base") | $(col e 3) | $(col e 2 0 %.2f) |"
echo "| rawinit, container mode (supervises) | $ri_cont | — | $(col c 1 "$base") | $(col c 3) | $(col c 2 0 %.2f) |"
echo "| \`runc run\` ($(runc --version | awk 'NR == 1 { print $3 }')) | $runc_to | $runc_all | — | — | $runc_t |"
if [ -n "$crun_err" ]; then
	echo "| \`crun run\` | n/a | n/a | — | — | n/a: $crun_err |"
else
	echo "| \`crun run\` ($(crun --version | awk 'NR == 1 { print $3 }'), private mount ns, tmpfs over /sys/fs/cgroup/unified) | $crun_to | $crun_all | — | — | $crun_t |"
fi
echo
echo "The job, the same for all: $mounts mounts (runc spec's 7 and a tmpfs on /run), /dev nodes and links," \
     "pivot_root, runc's masked and read-only paths, a read-only root, hostname, rlimit nofile," \
     "user 1000 with groups 1000 and 29, runc's 3 capabilities in all 5 sets, no-new-privileges;" \
     "rawinit also renames a veth peer to eth0, brings it and lo up, adds 10.99.0.2/24 and a default route" \
     "(runc and crun only bring lo up). Workload: /bin/stamp (bench/stamp.c)." \
     "One execve of it from the test parent, subtracted from the untraced span: $base µs median" \
     "(p10–p90 $(awk '{ print $1 }' "$TMP/b" | stats | sed 's/.*(//; s/)//'))."
echo
s=$(awk '{ print $1 - b }' b="$base" "$TMP/e" | med)
echo "Target for rawinit in exec mode: at most 150 syscalls and 1 ms:" \
     "syscalls $([ "$ri_exec" != n/a ] && [ "$ri_exec" -le 150 ] && echo met || echo missed) ($ri_exec)," \
     "time $([ "$s" -le 1000 ] && echo met || echo missed) ($s µs median, untraced span less one execve)."
