#!/bin/sh
# SPDX-License-Identifier: MIT
# `make bench`: compare rawinit with tini-static, catatonit and dumb-init; tables to stdout and bench/RESULTS.md.
#
# Every init runs as `INIT -- /bin/busybox ...`, as PID 1 of a fresh pid+mount
# namespace (unshare), which is how a container runtime starts it. Needs root.
# bench/README.md says what each column measures. ROUNDS=n overrides the run count.
# bench/net_host.sh and bench/net_vm.sh add the network tables, bench/ns_init.sh
# the whole container set-up beside runc and crun (own knobs there).
set -eu
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-200}		# timed runs per variant, interleaved round-robin
WARMUP=10			# discarded rounds before them
WORK=/bin/busybox
NS="unshare --fork --pid --mount --mount-proc"
TIMER=build/bench/spawn_time
OUT=bench/RESULTS.md
# name:path, rawinit first; the path must be absolute so strace output matches it.
INITS="rawinit:$PWD/build/x86_64/rawinit tini-static:/usr/bin/tini-static
catatonit:/usr/bin/catatonit dumb-init:/usr/bin/dumb-init"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

# The helpers (the timer, the decoder timer, the stamp workload, the test parent) are the
# Makefile's: `make bench` builds them first.
for h in $TIMER build/bench/conf_time build/bench/stamp build/bench/sig_time build/host/parent; do
	[ -x $h ] || { echo "bench: $h is missing: run make bench" >&2; exit 1; }
done

# The inits present on this machine, one "name path" per line; missing peers print n/a.
for e in $INITS; do
	[ -x "${e#*:}" ] && echo "${e%%:*} ${e#*:}"
done >"$TMP/present"

# Columns 2 and 3: one timer call with every variant, so all share the same noise.
# Its output is "index median p10 p90 faults failed" per variant, baseline first.
set -- $NS $WORK true
while read -r name path; do
	set -- "$@" ::: $NS "$path" -- $WORK true
done <"$TMP/present"
$TIMER "$ROUNDS" $WARMUP "$@" >"$TMP/time"

# Column 4: syscalls the init makes (with its forked child) after its own execve
# returns and before the child's execve of the workload. Lines from unshare's
# own pid (it only waits), "<... resumed>" halves and signal/exit notes are skipped.
syscalls() {
	strace -f -qq -o "$TMP/strace" $NS "$1" -- $WORK true
	awk -v init="execve(\"$1\"" -v work="execve(\"$WORK\"" '
		NR == 1 { ns = $1 }
		!on && index($0, init) { on = 1; next }
		on && index($0, work) { print n; found = 1; exit }
		on && $1 != ns && $2 !~ /^(<\.\.\.|---|\+\+\+)/ { n++ }
		END { if (!found) print "n/a" }' "$TMP/strace"
}

# Column 5: VmRSS of the init (unshare's only child) 0.5 s into `busybox sleep 2`.
rss() {
	$NS "$1" -- $WORK sleep 2 &
	sleep 0.5
	pid=$(cat /proc/$!/task/$!/children)
	awk '/^VmRSS/ { print $2 }' /proc/${pid% }/status
	wait $!
}

# One markdown row per variant; index 0 of the timer output is the baseline.
ms() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e6 }'; }
table() {
	echo '| init | size (bytes) | start-up ms, median (p10–p90) | overhead ms | extra page faults | syscalls to exec | RSS (kB) |'
	echo '|---|--:|--:|--:|--:|--:|--:|'
	read -r _ b_med b_p10 b_p90 b_flt b_fail <"$TMP/time"
	[ "$b_fail" = 0 ] || echo "bench: no init: $b_fail runs exited non-zero" >&2
	echo "| no init | — | $(ms $b_med) ($(ms $b_p10)–$(ms $b_p90)) | — | — | — | — |"
	i=0
	for e in $INITS; do
		name=${e%%:*} path=${e#*:}
		if ! grep -q "^$name " "$TMP/present"; then
			echo "| $name | n/a | n/a | n/a | n/a | n/a | n/a |"
			continue
		fi
		i=$((i + 1))
		set -- $(sed -n "$((i + 1))p" "$TMP/time")
		[ "$6" = 0 ] || echo "bench: $name: $6 runs exited non-zero" >&2
		echo "| $name | $(stat -c %s "$path") | $(ms $2) ($(ms $3)–$(ms $4))" \
		     "| $(ms $(($2 - b_med))) | $(($5 - b_flt)) | $(syscalls "$path")" \
		     "| $(rss "$path") |"
	done
}
table >"$TMP/table"

# SIGTERM to the init as PID 1 of a fresh pid namespace until it has exited: the forward,
# the workload's death (busybox sleep, default dispositions), the reap, the init's exit.
{
	echo '| init | SIGTERM → exit µs, median (p10–p90) |'
	echo '|---|--:|'
	while read -r name path; do
		set -- $(build/bench/sig_time "$ROUNDS" $WARMUP busybox "$path" -- $WORK sleep 100)
		echo "| $name | $1 ($2–$3) |"
	done <"$TMP/present"
} >"$TMP/sig"

# The config decoder: its bytes in each init (symbol sizes from the unstripped .elf:
# text, rodata and data, not .bss), and the time to validate a maximum-size config.
# The timer is host C around the init's own decoder source, built -Os (the Makefile's
# build/bench/conf_time) with the init's arch/ header, as in the init.
DECODER='conf_decode|fail|check_layout|check_str|check_field|packed_at|messages|field_rules|names|field_bounds|sec_rules'
CRC='crc32c|crc32c_init'
LOADER='conf_load|read_all|read_path|env_value|config_apply|take_init|set_name|strvec|shutdown_cmds|rawinit_note_desc'
symbytes() {
	${2}nm -S --size-sort "$1" | awk -v re="^($3)(\\..*)?$" '$3 !~ /^[bB]$/ && $4 ~ re { print $2 }' |
		{ n=0; while read -r h; do n=$((n + 0x$h)); done; echo $n; }
}
set -- $(build/bench/conf_time)
conf_bytes=$1 conf_med=$2 conf_p10=$3 conf_p90=$4
{
	echo '| ISA | decoder (bytes) | CRC32C (bytes) | loader and wiring (bytes) | validate a maximum config, µs median (p10–p90) |'
	echo '|---|--:|--:|--:|--:|'
	for isa in x86_64 aarch64; do
		cross=
		[ $isa = aarch64 ] && cross=aarch64-linux-gnu-
		elf=build/$isa/rawinit.elf
		t="n/a (host is x86_64)"
		[ $isa = x86_64 ] && t="$conf_med ($conf_p10–$conf_p90), $conf_bytes-byte blob"
		echo "| $isa | $(symbytes $elf "$cross" "$DECODER") | $(symbytes $elf "$cross" "$CRC")" \
		     "| $(symbytes $elf "$cross" "$LOADER") | $t |"
	done
} >"$TMP/conf"

# The network: rtnetlink set-up in fresh namespaces on this host, then modules
# plus network in a TCG guest; each script prints its own markdown.
sh bench/net_host.sh >"$TMP/net_host"
sh bench/net_vm.sh >"$TMP/net_vm"
# The whole container set-up: rawinit beside runc and crun on one busybox bundle.
sh bench/ns_init.sh >"$TMP/ns_init"

cp "$OUT" "$OUT.old" 2>/dev/null || : >"$OUT.old"
{
	echo '<!-- SPDX-License-Identifier: MIT -->'
	echo '# rawinit benchmark results'
	echo
	echo 'Written by `make bench` (bench/run.sh); bench/README.md explains the columns.'
	echo
	echo "- date: $(date -u)"
	echo "- kernel: $(uname -r), $(nproc) CPUs, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
	echo "- rawinit: $(git rev-parse --short HEAD 2>/dev/null || echo ?)$(git diff --quiet HEAD 2>/dev/null || echo ' (dirty tree)'), build/x86_64/rawinit, stripped"
	echo "- packages: $(dpkg-query -W -f '${Package} ${Version}, ' tini catatonit dumb-init busybox-static \
		strace linux-perf runc crun qemu-system-x86 qemu-system-arm 2>/dev/null | sed 's/, $//')"
	echo "- VM guests: Debian kernels $(cat .cache/x86_64/kver 2>/dev/null) and $(cat .cache/aarch64/kver 2>/dev/null), qemu TCG, 1 vCPU, 256 MiB"
	echo "- runs: $ROUNDS timed per variant after $WARMUP warm-up rounds, interleaved round-robin"
	echo
	cat "$TMP/table"
	echo
	echo '## SIGTERM to exit, as PID 1 of a pid namespace'
	echo
	cat "$TMP/sig"
	echo
	echo '## Config decoder'
	echo
	cat "$TMP/conf"
	echo
	echo '## Network set-up in a fresh network namespace (x86_64 host)'
	echo
	cat "$TMP/net_host"
	echo
	echo '## Modules and network in a VM (qemu TCG, not KVM)'
	echo
	cat "$TMP/net_vm"
	echo
	echo '## Namespace init: the whole container set-up beside runc and crun (x86_64 host)'
	echo
	cat "$TMP/ns_init"
	echo
	# The fuzzing figures come from `make fuzz`, not from this script: kept as they are.
	sed -n '/^## Config fuzzing/,/^## /{/^## Commands/!p}' "$OUT.old"
	echo '## Commands'
	echo
	echo '```sh'
	echo "# size"
	echo "stat -c %s INIT"
	echo "# start-up and page faults (baseline first; each ::: starts another variant)"
	echo "$TIMER $ROUNDS $WARMUP $NS $WORK true ::: $NS INIT -- $WORK true ::: ..."
	echo "# syscalls: lines after INIT's execve up to the workload's execve"
	echo "strace -f -qq -o FILE $NS INIT -- $WORK true"
	echo "# RSS: VmRSS in /proc/<unshare's child>/status after 0.5 s"
	echo "$NS INIT -- $WORK sleep 2 &"
	echo "# SIGTERM to exit: clone(CLONE_NEWPID) INIT, wait for its workload's exec, kill, waitpid"
	echo "build/bench/sig_time $ROUNDS $WARMUP busybox INIT -- $WORK sleep 100"
	echo "# config decoder: bytes from symbol sizes; time on a maximum-size blob"
	echo "nm -S --size-sort build/ISA/rawinit.elf"
	echo "build/bench/conf_time   # prints: blob bytes, median, p10, p90 (µs per decode)"
	echo "# network, host: one fresh netns per run holding the veth peer rwtmp0"
	echo "ip netns exec NS strace -f -qq -o FILE build/x86_64/rawinit -v -c net.bin"
	echo "ip netns exec NS strace -f -qq -o FILE /bin/busybox sh bb.sh"
	echo "ip netns exec NS $TIMER 1 0 build/x86_64/rawinit -v -c net.bin   # and: ... /bin/busybox sh bb.sh"
	echo "ip netns exec NS unshare --mount sh -c 'mount -t tracefs nodev /sys/kernel/tracing &&"
	echo "	perf trace record -o DATA -- rawinit -c net.bin && perf trace -i DATA -o FILE'"
	echo "# network, VM: scripts/qemu.sh with -netdev user + virtio-net-pci; rawinit, then the script"
	echo "sh scripts/qemu.sh ISA IMAGE 60 -- -v"
	echo "sh scripts/qemu.sh ISA IMAGE 60 rdinit=/bench-init.sh"
	echo "# namespace init: one fresh netns per rawinit run holding the veth peer rwtmp0"
	echo "ip netns exec NS strace -f -qq -o FILE build/host/parent ns -t -k -- rawinit -c exec.bin"
	echo "ip netns exec NS build/host/parent ns -t -k -- rawinit -c exec-v.bin   # stamps; -v timeline on stderr"
	echo "build/host/parent ns -t -- ROOTFS/bin/stamp                        # one execve, the baseline"
	echo "strace -f -qq -o FILE runc run --bundle B ID; $TIMER 10 2 runc run --bundle B ID"
	echo "unshare -m sh -c 'mount -t tmpfs tmpfs /sys/fs/cgroup/unified && exec \"\$@\"' sh \\"
	echo "	$TIMER 10 2 crun run --bundle B ID                       # and strace -f ... crun run"
	echo '```'
} >$OUT
rm -f "$OUT.old"
cat "$TMP/table"
echo
cat "$TMP/sig"
echo
cat "$TMP/conf"
echo
cat "$TMP/net_host"
echo
cat "$TMP/net_vm"
echo
cat "$TMP/ns_init"
echo "(written to $OUT)"
