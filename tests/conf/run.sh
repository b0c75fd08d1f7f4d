#!/bin/sh
# SPDX-License-Identifier: MIT
# rawinit-conf on the host: exact round trips, golden blobs, runc's config.json, errors, embed.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
cd "$top" || exit 1
if ! make -s build/host/rawinit-conf build/host/rawinit-conf-asan build/host/conf-mutate >/dev/null; then
	fail "rawinit-conf builds" "make build/host/rawinit-conf (-asan, conf-mutate) failed"
	exit 1
fi
rc=$top/build/host/rawinit-conf
d=tests/conf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
# expect NAME CONDITION: ok when the shell condition (evaluated here) holds.
expect() {
	if eval "$2"; then ok "$1"; else fail "$1" "$2"; fi
}
missing=

# Every directive and every mount option appears in some tests/conf/*.conf.
for w in mode verbose shutdown grace rootfs root-readonly default-masks console sync-fd \
	argv env cwd user group groups umask oom-score-adj terminal no-new-privileges hostname \
	domainname apparmor selinux caps rlimit mount masked readonly sysctl link addr route \
	module resolv hosts namespace signal signal-group exit-zero parent-death; do
	grep -Eq "^[[:space:]]*$w([[:space:]]|\$)" $d/*.conf || missing="$missing $w"
done
for o in ro rw nosuid suid nodev dev noexec exec relatime norelatime noatime strictatime \
	nodiratime sync dirsync bind rbind private rprivate slave rslave shared rshared \
	unbindable runbindable mkdir file; do
	grep -Eq "^[[:space:]]*mount .*[ ,]$o(,|\$| )" $d/*.conf || missing="$missing $o"
done
check "the configs use every directive and mount option" [ -z "$missing" ]

# Text -> blob -> text: the dump is the checked-in canonical text, and it builds the
# same bytes as the source and as the golden blob.
for conf in $d/*.conf; do
	name=$(basename "$conf" .conf)
	if ! "$rc" build "$conf" -o "$tmp/$name.bin" 2>"$tmp/err"; then
		fail "$name: builds" "$(cat "$tmp/err")"
		continue
	fi
	"$rc" dump "$tmp/$name.bin" >"$tmp/$name.txt" 2>"$tmp/err"
	check "$name: dump equals $name.expected" cmp -s "$tmp/$name.txt" "$d/$name.expected"
	check "$name: dump warns of nothing" [ ! -s "$tmp/err" ]
	"$rc" build "$tmp/$name.txt" -o "$tmp/$name.again.bin"
	check "$name: build of the dump gives the same bytes" cmp -s "$tmp/$name.bin" "$tmp/$name.again.bin"
	"$rc" dump "$tmp/$name.again.bin" >"$tmp/$name.again.txt"
	check "$name: dump of the rebuilt blob gives the same text" cmp -s "$tmp/$name.txt" "$tmp/$name.again.txt"
	check "$name: build reproduces golden/$name.bin byte for byte" cmp -s "$tmp/$name.bin" "$d/golden/$name.bin"
	out=$("$rc" check "$d/golden/$name.bin")
	check "$name: check accepts golden/$name.bin" \
		[ "$out" = "$d/golden/$name.bin: ok ($(stat -c %s "$d/golden/$name.bin") bytes, $(od -An -tu2 -j16 -N2 "$d/golden/$name.bin" | tr -d ' ') sections)" ]
done

# OCI: every mapped field (oci-full.json), and runc spec's default config.json less its
# linux.resources: a device cgroup rule rawinit cannot enforce yet and refuses (refuse.sh).
if "$rc" oci $d/oci-full.json -o "$tmp/oci-full.bin" 2>"$tmp/err"; then
	"$rc" dump "$tmp/oci-full.bin" >"$tmp/oci-full.txt"
	check "oci-full: dump equals oci-full.expected" cmp -s "$tmp/oci-full.txt" $d/oci-full.expected
	"$rc" build "$tmp/oci-full.txt" -o "$tmp/oci-full.again.bin"
	check "oci-full: build of the dump gives the same bytes" \
		cmp -s "$tmp/oci-full.bin" "$tmp/oci-full.again.bin"
else
	fail "oci-full: converts" "$(cat "$tmp/err")"
fi
mkdir "$tmp/bundle"
if ! command -v runc >/dev/null; then
	fail "runc spec: converts" "runc is not installed"
elif ! (cd "$tmp/bundle" && runc spec) || ! python3 -c 'import json, sys
c = json.load(open(sys.argv[1])); del c["linux"]["resources"]; json.dump(c, open(sys.argv[2], "w"))' \
	"$tmp/bundle/config.json" "$tmp/bundle/nores.json" ||
	! "$rc" oci "$tmp/bundle/nores.json" -o "$tmp/runc.bin" 2>"$tmp/err"; then
	fail "runc spec: converts" "$(cat "$tmp/err")"
else
	ok "runc spec: the default config.json, less linux.resources, converts"
	"$rc" dump "$tmp/runc.bin" >"$tmp/runc.txt"
	has() { grep -Eq "$1" "$tmp/runc.txt"; }
	for c in CAP_AUDIT_WRITE CAP_KILL CAP_NET_BIND_SERVICE; do
		check "runc spec: bounding, effective, permitted, ambient hold $c" \
			sh -c "[ \$(grep -Ec '^caps (bounding|effective|permitted|ambient) .*$c' '$tmp/runc.txt') = 4 ]"
	done
	for m in '/proc proc' '/dev tmpfs' '/dev/pts devpts' '/dev/shm tmpfs' '/dev/mqueue mqueue' \
		'/sys sysfs' '/sys/fs/cgroup cgroup'; do
		check "runc spec: mount $m" has "^mount [^ ]+ $m "
	done
	check "runc spec: tmpfs /dev keeps its data" has '^mount tmpfs /dev tmpfs nosuid,strictatime,mkdir,mode=755,size=65536k$'
	for p in /proc/kcore /proc/keys /sys/firmware; do
		check "runc spec: masked $p" has "^masked $p\$"
	done
	check "runc spec: readonly /proc/sys" has '^readonly /proc/sys$'
	check "runc spec: rlimit, no-new-privileges, hostname" \
		sh -c "grep -qx 'rlimit RLIMIT_NOFILE 1024 1024' '$tmp/runc.txt' && grep -qx no-new-privileges '$tmp/runc.txt' && grep -qx 'hostname runc' '$tmp/runc.txt'"
	check "runc spec: namespaces pid, net, ipc, uts, mount in order" \
		[ "$(grep '^namespace' "$tmp/runc.txt" | tr '\n' ' ')" = "namespace pid namespace net namespace ipc namespace uts namespace mount " ]
	check "runc spec: root.path is made absolute from the bundle" \
		has "^rootfs $(cd "$tmp/bundle" && pwd -P)/rootfs\$"
	"$rc" build "$tmp/runc.txt" -o "$tmp/runc.again.bin"
	check "runc spec: build of the dump gives the same bytes" cmp -s "$tmp/runc.bin" "$tmp/runc.again.bin"
fi

# Bad text: exit 1 and exactly one line, FILE:LINE:COL: expected ...
bad_text() {
	printf '%b' "$2" >"$tmp/bad.conf"
	out=$(cd "$tmp" && "$rc" build bad.conf -o bad.bin 2>&1)
	st=$?
	if [ $st = 1 ] && [ "$out" = "$3" ]; then ok "text error: $1"; else fail "text error: $1" "exit $st: $out"; fi
}
bad_text "unknown directive" 'mode vm\n\nfrobnicate 1\n' \
	"bad.conf:3:1: expected a directive (see docs/config-text.md), got 'frobnicate'"
bad_text "bad number" 'grace 12x\n' "bad.conf:1:7: expected milliseconds 0..4294967295, got '12x'"
bad_text "number out of range" 'verbose 3\n' "bad.conf:1:9: expected a verbosity 0..2, got '3'"
bad_text "env without '='" 'env FOO\n' "bad.conf:1:5: expected KEY=VALUE, got 'FOO'"
bad_text "env starting with '='" 'env =x\n' "bad.conf:1:5: expected KEY=VALUE, got '=x'"
bad_text "unknown capability" 'caps bounding chown CAP_FLY\n' \
	"bad.conf:1:21: expected a capability (CAP_CHOWN or chown) or all, got 'CAP_FLY'"
words=$(i=0; while [ $i -lt 257 ]; do printf ' a'; i=$((i + 1)); done)
bad_text "argv over RC_ARGV_MAX" "argv$words\n" \
	"bad.conf:1:518: expected at most 256 argv words (RC_ARGV_MAX)"
printf 'argv%s\n' "${words% a}" >"$tmp/argv256.conf"
check "argv of RC_ARGV_MAX words builds" "$rc" build "$tmp/argv256.conf" -o "$tmp/argv256.bin"
bad_text "missing argument" 'mount proc /proc\n' "bad.conf:1:17: expected mount SOURCE TARGET TYPE [OPTIONS]"
bad_text "directive given twice" 'mode vm\nmode exec\n' "bad.conf:2:1: expected mode at most once (it is on line 1)"
bad_text "unclosed quote" 'argv /bin/sh "-c\n' "bad.conf:1:14: expected a closing '\"' for this quote on the same line"
bad_text "relative mount target" 'mount tmpfs tmp tmpfs\n' "bad.conf:1:13: expected an absolute path, got 'tmp'"
bad_text "unknown link" 'addr eth0 10.0.0.1/8\n' "bad.conf:1:6: expected lo or a link from an earlier link line, got 'eth0'"
bad_text "soft over hard" 'rlimit nofile 10 5\n' "bad.conf:1:15: expected a soft limit no higher than the hard one"
# Signals: names, numbers 1..64 and RTMIN/RTMAX as the kernel numbers them; each once; none the supervisor cannot take.
nosig="expected a signal 1..64 or a name (TERM, SIGTERM, RTMIN+3), got"
notake="expected a signal other than SIGKILL, SIGSTOP and SIGCHLD (rawinit cannot catch the first two and reaps with the third), got"
bad_text "signal: an unknown name" 'signal FOO ignore\n' "bad.conf:1:8: $nosig 'FOO'"
bad_text "signal: 0" 'signal 0 ignore\n' "bad.conf:1:8: $nosig '0'"
bad_text "signal: 65, past SIGRTMAX" 'signal 65 ignore\n' "bad.conf:1:8: $nosig '65'"
bad_text "signal: RTMIN+33, past SIGRTMAX" 'signal RTMIN+33 ignore\n' "bad.conf:1:8: $nosig 'RTMIN+33'"
bad_text "signal: RTMAX-33, below SIGRTMIN" 'signal RTMAX-33 ignore\n' "bad.conf:1:8: $nosig 'RTMAX-33'"
bad_text "signal: RTMIN-1" 'signal RTMIN-1 ignore\n' "bad.conf:1:8: $nosig 'RTMIN-1'"
bad_text "signal: a policy for SIGKILL" 'signal KILL ignore\n' "bad.conf:1:8: $notake 'KILL'"
bad_text "signal: a policy for SIGSTOP, as a number" 'signal 19 forward\n' "bad.conf:1:8: $notake '19'"
bad_text "signal: a policy for SIGCHLD" 'signal sigchld group\n' "bad.conf:1:8: $notake 'sigchld'"
bad_text "signal: the same signal twice, by two names" 'signal TERM forward\nsignal 15 ignore\n' \
	"bad.conf:2:8: expected each signal once (SIGTERM is on line 1)"
bad_text "signal: RTMIN+5 and 37 are one signal" 'signal 37 forward\nsignal RTMIN+5 ignore\n' \
	"bad.conf:2:8: expected each signal once (SIGRTMIN+5 is on line 1)"
bad_text "signal: an unknown action" 'signal TERM stop\n' \
	"bad.conf:1:13: expected forward, ignore, shutdown, group or rewrite, got 'stop'"
bad_text "signal: no action" 'signal TERM\n' \
	"bad.conf:1:12: expected signal SIG forward|group|ignore|shutdown|rewrite SIG2 [group]"
bad_text "signal: group after ignore" 'signal TERM ignore group\n' \
	"bad.conf:1:20: expected the end of the line after signal SIG ignore, got 'group'"
bad_text "signal: rewrite without a signal" 'signal TERM rewrite\n' "bad.conf:1:20: expected a signal after rewrite"
bad_text "signal: rewrite to an unknown signal" 'signal TERM rewrite QUITE\n' "bad.conf:1:21: $nosig 'QUITE'"
bad_text "signal: rewrite, then not group" 'signal TERM rewrite QUIT pgrp\n' \
	"bad.conf:1:26: expected group or the end of the line, got 'pgrp'"
bad_text "exit-zero: a status past 255" 'exit-zero 143 256\n' "bad.conf:1:15: expected an exit status 0..255, got '256'"
bad_text "parent-death: 0" 'parent-death 0\n' "bad.conf:1:14: $nosig '0'"
bad_text "parent-death: twice" 'parent-death KILL\nparent-death TERM\n' \
	"bad.conf:2:1: expected parent-death at most once (it is on line 1)"
bad_text "signal-group: takes no word" 'signal-group all\n' \
	"bad.conf:1:14: expected the end of the line after signal-group, got 'all'"

# Bad OCI: exit 1 and one line naming the JSON path.
bad_oci() {
	printf '%s\n' "$2" >"$tmp/config.json"
	out=$(cd "$tmp" && "$rc" oci config.json -o bad.bin 2>&1)
	st=$?
	if [ $st = 1 ] && [ "$out" = "$3" ]; then ok "oci error: $1"; else fail "oci error: $1" "exit $st: $out"; fi
}
bad_oci "unsupported field" '{"ociVersion":"1.0.2","linux":{"seccomp":{}}}' \
	'config.json: $.linux.seccomp: not supported by rawinit'
bad_oci "wrong type" '{"ociVersion":"1.0.2","process":{"args":"sh"}}' \
	'config.json: $.process.args: expected an array'
bad_oci "wrong element type" '{"ociVersion":"1.0.2","process":{"user":{"uid":"root"}}}' \
	'config.json: $.process.user.uid: expected an integer 0..4294967295'
bad_oci "unknown mount option rawinit cannot carry" \
	'{"ociVersion":"1.0.2","mounts":[{"destination":"/x","type":"tmpfs","options":["rro"]}]}' \
	"config.json: \$.mounts[0].options[0]: 'rro' not supported by rawinit"
bad_oci "version 2" '{"ociVersion":"2.0.0"}' "config.json: \$.ociVersion: expected a 1.x version, got '2.0.0'"
printf '{"ociVersion":\n' >"$tmp/config.json"
out=$(cd "$tmp" && "$rc" oci config.json -o bad.bin 2>&1)
st=$?
expect "oci error: a syntax error names FILE:LINE:COL" \
	'[ $st = 1 ] && [ "${out#config.json:[0-9]*:[0-9]*: }" != "$out" ]' 
. "$top/tests/conf/refuse.sh"	# what is refused because it would have no effect; input bounds

# check and dump refuse a damaged blob with the decoder's one line.
cp $d/golden/vm.bin "$tmp/damaged.bin"
printf 'X' | dd of="$tmp/damaged.bin" bs=1 seek=100 conv=notrunc 2>/dev/null
out=$("$rc" check "$tmp/damaged.bin" 2>&1)
st=$?
expect "check refuses a damaged blob: one line, exit 1" \
	'[ $st = 1 ] && [ "$(printf "%s\n" "$out" | wc -l)" = 1 ] &&
	 case $out in "rawinit-conf: $tmp/damaged.bin: "*checksum*) true ;; *) false ;; esac' 
check "dump refuses a damaged blob" sh -c "! '$rc' dump '$tmp/damaged.bin' >/dev/null 2>&1"

# argv with no records (issue #8): refused by check and dump with the decoder's one line.
build/host/conf-mutate noargv $d/golden/vm.bin "$tmp/noargv.bin"
out=$("$rc" check "$tmp/noargv.bin" 2>&1)
st=$?
expect "check refuses argv with no records: one line, exit 1" \
	'[ $st = 1 ] && [ "$out" = "rawinit-conf: $tmp/noargv.bin: argv: empty" ]'
out=$("$rc" dump "$tmp/noargv.bin" 2>&1)
st=$?
expect "dump refuses argv with no records: one line, exit 1, no crash" \
	'[ $st = 1 ] && [ "$out" = "rawinit-conf: $tmp/noargv.bin: argv: empty" ]'

# Damaged blobs with the checksum repaired (per section: no records in three places, one
# fewer, one more, unknown type; then seeded byte damage): check and dump under ASan and
# UBSan end with 0 or 1, never a signal or a sanitizer report; a refusal is one line.
mkdir "$tmp/mut"
n=0
for b in $d/golden/*.bin; do
	n=$((n + $(build/host/conf-mutate all "$b" "$tmp/mut" "$(basename "$b" .bin)")))
done
bad= accepted=0
for f in "$tmp"/mut/*.bin; do
	for cmd in check dump; do
		ASAN_OPTIONS=exitcode=86 UBSAN_OPTIONS=exitcode=86 \
			build/host/rawinit-conf-asan $cmd "$f" >"$tmp/out" 2>"$tmp/err"
		st=$?
		[ $cmd = check ] && [ $st = 0 ] && accepted=$((accepted + 1))
		if [ $st -gt 1 ] || { [ $cmd = check ] && [ $st = 1 ] && [ "$(wc -l <"$tmp/err")" != 1 ]; }; then
			bad="$bad $cmd:$(basename "$f")=$st"
		fi
	done
done
expect "check and dump survive $n damaged blobs ($accepted accepted), ASan and UBSan quiet" \
	'[ "$n" -ge 20 ] && [ -z "$bad" ]'
[ -z "$bad" ] || echo "crashed:$bad" | head -c 2000

# embed: the blob becomes a PT_LOAD the note points at; a second embed is refused.
le32() { printf '%02x %02x %02x %02x' $(($1 & 255)) $(($1 >> 8 & 255)) $(($1 >> 16 & 255)) $(($1 >> 24 & 255)); }
blob=$d/golden/vm.bin
size=$(stat -c %s $blob)
for isa in x86_64 aarch64; do
	if [ ! -f build/$isa/rawinit ]; then
		fail "embed $isa" "build/$isa/rawinit missing (run make)"
		continue
	fi
	cp build/$isa/rawinit "$tmp/rawinit-$isa"
	cp build/$isa/rawinit "$tmp/orig-$isa"
	out=$tmp/rawinit-$isa-conf
	if ! "$rc" embed "$tmp/rawinit-$isa" $blob -o "$out" 2>"$tmp/err"; then
		fail "embed $isa: embeds" "$(cat "$tmp/err")"
		continue
	fi
	loads=$(readelf -lW "$tmp/orig-$isa" | grep -c '^ *LOAD')
	check "embed $isa: one PT_LOAD more" [ "$(readelf -lW "$out" | grep -c '^ *LOAD')" = $((loads + 1)) ]
	# The blob's PT_LOAD: offset, vaddr, filesz, memsz, align.
	seg=$(readelf -lW "$out" | awk '$1 == "LOAD" && $7 == "R" && $8 ~ /^0x/ { print $2, $3, $5, $6, $8 }')
	off=$(echo "$seg" | cut -d' ' -f1)
	vaddr=$(echo "$seg" | cut -d' ' -f2)
	expect "embed $isa: the new PT_LOAD is R, 4096-aligned, blob-sized" \
		'[ $(echo "$seg" | wc -w) = 5 ] && [ $((off % 4096)) = 0 ] && [ $((vaddr % 4096)) = 0 ] &&
		 [ $(($(echo "$seg" | cut -d" " -f3))) = $size ] &&
		 [ $(($(echo "$seg" | cut -d" " -f4))) = $size ] && [ "${seg##* }" = 0x1000 ]' 
	check "embed $isa: the new PT_LOAD is the last one and lies above the others" \
		[ "$(readelf -lW "$out" | awk '$1 == "LOAD" { l = $3 } END { print l }')" = "$vaddr" ]
	check "embed $isa: the PT_NOTE is gone" sh -c "! readelf -lW '$out' | grep -q NOTE"
	check "embed $isa: the blob's bytes are at the PT_LOAD's offset" \
		sh -c "tail -c +$((off + 1)) '$out' | cmp -s - '$blob'"
	desc=$(readelf -nW "$out" | tr '\n' ' ' | sed -n 's/.*description data: *\([0-9a-f ]*\).*/\1/p' | tr -s ' ' | sed 's/ $//')
	check "embed $isa: the note holds the blob's address and length" \
		[ "$desc" = "$(le32 $((vaddr & 0xffffffff))) $(le32 $((vaddr >> 32))) $(le32 $size) 00 00 00 00" ]
	check "embed $isa: the output is mode 0755" [ "$(stat -c %a "$out")" = 755 ]
	check "embed $isa: the input binary is unchanged" cmp -s "$tmp/rawinit-$isa" "$tmp/orig-$isa"
	check "embed $isa: check still accepts the source blob" sh -c "'$rc' check '$blob' >/dev/null"
	msg=$("$rc" embed "$out" $blob -o "$tmp/twice" 2>&1)
	st=$?
	expect "embed $isa: embedding twice is refused" \
		'[ $st = 1 ] && [ "$msg" = "rawinit-conf: $out: not a rawinit binary or already carries a config" ]' 
done
msg=$("$rc" embed $blob $blob -o "$tmp/x" 2>&1)
check "embed refuses a file that is not ELF" [ "$msg" = "rawinit-conf: $blob: not an ELF file" ]
msg=$("$rc" embed build/x86_64/rawinit "$tmp/damaged.bin" -o "$tmp/x" 2>&1)
st=$?
expect "embed refuses a damaged blob" '[ $st = 1 ] && [ ! -e "$tmp/x" ]' 
