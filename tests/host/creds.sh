#!/bin/sh
# SPDX-License-Identifier: MIT
# Host tests of the credentials step (root): ids, groups, the five capability sets, no_new_privs,
# rlimits, umask, oom_score_adj, users and groups by name, and how each failure reads.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
TAB=$(printf '\t')
SHOW="argv $BB cat /proc/self/status /proc/self/limits /proc/self/oom_score_adj"
RAN="argv $BB sh -c \"echo the workload ran\""

# The workload's /etc (bound over the host's in a private mount namespace, never written to
# the host's): a user whose name is a prefix of alice's, groups listing alice first, in the
# middle, last, and one listing a name that alice is a prefix of.
mkdir -p "$T/etc" "$T/empty"
cat >"$T/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
alic:x:1001:1001::/:/bin/sh
alice:x:1000:1000:Alice:/home/alice:/bin/sh
bob:x:1002:1002::/:/bin/sh
broken:x:1003
EOF
cat >"$T/etc/group" <<'EOF'
root:x:0:
wheel:x:10:alice,root
audio:x:29:bob,alice,carol
staff:x:50:alicex,bob
video:x:44:bob,alice
alice:x:1000:
EOF

# run NAME [ETCDIR]: rawinit with $T/NAME.bin, ETCDIR (default $T/etc) bound over /etc;
# output in $T/out, status in $rc.
run() {
	unshare --mount sh -c "mount --bind '${2:-$T/etc}' /etc && exec '$RI' -c '$T/$1.bin'" \
		>"$T/out" 2>&1
	rc=$?
}
# field KEY: the value of a /proc/self/status line, without the blanks ending it.
field() { sed -n "s/^$1:$TAB//p" "$T/out" | sed 's/ *$//'; }
# is KEY VALUE: the workload printed the status line KEY, and it has exactly VALUE.
is() { grep -q "^$1:$TAB" "$T/out" && [ "$(field "$1")" = "$2" ]; }
# limit NAME: "soft hard" of a /proc/self/limits line.
limit() { awk -v n="$1" 'index($0, n) == 1 { s = substr($0, 27); split(s, f, " "); print f[1], f[2] }' "$T/out"; }
# refused LINE: status 111, the output is exactly LINE, the workload did not run.
refused() { [ "$rc" = 111 ] && [ "$(cat "$T/out")" = "$1" ]; }

host_bnd=$(sed -n "s/^CapBnd:$TAB//p" /proc/self/status)

conf all "$SHOW" "user 1000" "group 1000" "groups 7 10" \
	"caps bounding chown kill setuid net_bind_service" "caps permitted chown kill net_bind_service" \
	"caps inheritable kill net_bind_service" "caps effective chown" "caps ambient net_bind_service" \
	"no-new-privileges" "umask 027" "oom-score-adj 500" "rlimit nofile 1024 4096" "rlimit core 0 0"
run all
check "creds: the workload runs (status 0)" sh -c "[ $rc = 0 ] && grep -q '^Uid:' '$T/out'"
check "creds: uid 1000 real, effective, saved and fs" is Uid "1000${TAB}1000${TAB}1000${TAB}1000"
check "creds: gid 1000 real, effective, saved and fs" is Gid "1000${TAB}1000${TAB}1000${TAB}1000"
check "creds: supplementary groups are exactly the configured ones" is Groups "7 10"
check "creds: CapBnd is the configured bounding set (chown kill setuid net_bind_service)" \
	is CapBnd 00000000000004a1
check "creds: CapInh is the configured inheritable set (kill net_bind_service)" is CapInh 0000000000000420
check "creds: CapAmb is the configured ambient set (net_bind_service)" is CapAmb 0000000000000400
check "creds: CapPrm after exec as uid 1000 is the ambient set" is CapPrm 0000000000000400
check "creds: CapEff after exec as uid 1000 is the ambient set" is CapEff 0000000000000400
check "creds: no-new-privileges sets NoNewPrivs" is NoNewPrivs 1
check "creds: umask 027" is Umask 0027
check "creds: oom_score_adj 500 with a user (written before setresuid, as runc's parent does)" \
	[ "$(tail -n 1 "$T/out")" = 500 ]
check "creds: rlimit nofile 1024 4096" [ "$(limit 'Max open files')" = "1024 4096" ]
check "creds: rlimit core 0 0" [ "$(limit 'Max core file size')" = "0 0" ]

conf pid1 "argv $BB sh -c \"cat /proc/\$PPID/status\"" "user 1000" "caps bounding chown" \
	"caps permitted" "caps effective" "caps inheritable" "no-new-privileges"
run pid1
check "creds: rawinit itself keeps uid 0 and, of its capabilities, CAP_KILL (tests/host/pid1.sh)" \
	sh -c "[ $rc = 0 ] && grep -qx 'Uid:${TAB}0${TAB}0${TAB}0${TAB}0' '$T/out' &&
		grep -qx 'CapEff:${TAB}0000000000000020' '$T/out' && grep -qx 'CapBnd:${TAB}0000000000000020' '$T/out'"

conf nocaps "$SHOW" "user 1000"
run nocaps
check "creds: a user without caps lines has no capabilities (the kernel's rule for leaving uid 0)" \
	sh -c "[ $rc = 0 ] && [ \"\$(grep -E '^Cap(Inh|Prm|Eff|Amb):' '$T/out' | cut -f 2 | sort -u)\" = 0000000000000000 ]"
check "creds: ... and keeps the bounding set it was started with" is CapBnd "$host_bnd"
check "creds: a numeric user needs no /etc/passwd and keeps gid 0 (as runc, docker --user 1000)" \
	sh -c "grep -qx 'Uid:${TAB}1000${TAB}1000${TAB}1000${TAB}1000' '$T/out' &&
		grep -qx 'Gid:${TAB}0${TAB}0${TAB}0${TAB}0' '$T/out'"
check "creds: ... and drops root's supplementary groups" is Groups ""
run nocaps "$T/empty"
check "creds: a numeric user with no /etc/passwd at all" sh -c "[ $rc = 0 ] && grep -q '^Uid:${TAB}1000' '$T/out'"

conf root "$SHOW" "caps bounding chown dac_override kill" "caps inheritable kill" "groups 8 7 8"
run root
check "creds: root stays uid 0 when no user is given" is Uid "0${TAB}0${TAB}0${TAB}0"
check "creds: groups alone are set, deduplicated" is Groups "7 8"
check "creds: root's bounding set is dropped to chown dac_override kill" is CapBnd 0000000000000023
check "creds: root's inheritable set" is CapInh 0000000000000020
check "creds: root after exec: permitted and effective are the bounding set (kernel's root rule)" \
	sh -c "grep -qx 'CapPrm:${TAB}0000000000000023' '$T/out' && grep -qx 'CapEff:${TAB}0000000000000023' '$T/out'"
check "creds: the ambient set, not named, is left empty" is CapAmb 0000000000000000

# By name, from the /etc/passwd and /etc/group above.
conf alice "$SHOW" "user alice" "groups 7 10"
run alice
check "creds: user by name: uid from /etc/passwd" is Uid "1000${TAB}1000${TAB}1000${TAB}1000"
check "creds: user by name: gid from its /etc/passwd line" is Gid "1000${TAB}1000${TAB}1000${TAB}1000"
check "creds: user by name: config groups plus every group listing it (first, middle, last), once" \
	is Groups "7 10 29 44"
conf alicestaff "$SHOW" "user alice" "group staff"
run alicestaff
check "creds: group by name: gid from /etc/group" is Gid "50${TAB}50${TAB}50${TAB}50"
check "creds: with a group given, groups listing the user are not added (runc's rule)" is Groups ""
conf video "$SHOW" "group video"
run video
check "creds: a group alone sets the gid and keeps uid 0" \
	sh -c "grep -qx 'Gid:${TAB}44${TAB}44${TAB}44${TAB}44' '$T/out' && grep -qx 'Uid:${TAB}0${TAB}0${TAB}0${TAB}0' '$T/out'"
conf alic "$SHOW" "user alic"
run alic
check "creds: a name that is a prefix of another is its own user" is Uid "1001${TAB}1001${TAB}1001${TAB}1001"
check "creds: ... and the groups listing 'alice' or 'alicex' are not its" is Groups ""

# A big /etc: 64 KiB of other users and an overlong line (longer than the 4 KiB
# buffer) before the ones looked for, read through the fixed buffer.
mkdir -p "$T/big"
awk 'BEGIN {
	for (i = 0; i < 2000; i++) printf "user%d:x:%d:%d::/:/bin/sh\n", i, 20000 + i, 20000 + i
	s = "long:x:5:5:"; while (length(s) < 5000) s = s "g"; print s ":/:/bin/sh"
	print "zed:x:4242:4343::/:/bin/sh" }' >"$T/big/passwd"
awk 'BEGIN {
	for (i = 0; i < 2000; i++) printf "grp%d:x:%d:user%d,user%d\n", i, 20000 + i, i, i + 1
	s = "long:x:6:"; while (length(s) < 5000) s = s "zed,"; print s "zed"
	print "mid:x:77:a,zed,b"; print "last:x:88:zed" }' >"$T/big/group"
conf zed "$SHOW" "user zed"
run zed "$T/big"
check "creds: a user after 64 KiB of /etc/passwd and a line past the buffer is found" \
	is Uid "4242${TAB}4242${TAB}4242${TAB}4242"
check "creds: ... its groups after 64 KiB of /etc/group; the overlong line listing it is skipped" \
	is Groups "77 88"

mkdir -p "$T/nogroup"
cp "$T/etc/passwd" "$T/nogroup/"
run alice "$T/nogroup"
check "creds: user by name without /etc/group: only the config's groups (runc reads it as empty)" \
	sh -c "[ $rc = 0 ] && grep -qx 'Uid:${TAB}1000${TAB}1000${TAB}1000${TAB}1000' '$T/out' &&
		[ \"\$(sed -n 's/^Groups:${TAB}//p' '$T/out' | sed 's/ *\$//')\" = '7 10' ]"

# Failures: one line naming the object, status 111, the workload never runs.
conf nosuch "$RAN" "user nosuch"
run nosuch
check "creds: an unknown user is one line naming it, status 111, no workload" \
	refused "rawinit: creds: user nosuch: ENOENT (2)"
conf nogroup "$RAN" "user alice" "group nosuch"
run nogroup
check "creds: an unknown group is one line naming it, status 111, no workload" \
	refused "rawinit: creds: group nosuch: ENOENT (2)"
conf broken "$RAN" "user broken"
run broken
check "creds: a malformed /etc/passwd entry for the user is refused (EINVAL), not skipped" \
	refused "rawinit: creds: user broken: EINVAL (22)"
conf named "$RAN" "user alice"
run named "$T/empty"
check "creds: a user by name with no /etc/passwd names the file" \
	refused "rawinit: creds: /etc/passwd: ENOENT (2)"
conf staff "$RAN" "group staff"
run staff "$T/nogroup"
check "creds: a group by name with no /etc/group names the file" \
	refused "rawinit: creds: /etc/group: ENOENT (2)"
conf uidmax "$RAN" "user 4294967295"
run uidmax
check "creds: uid 4294967295 ('unchanged' to setresuid) is refused" \
	refused "rawinit: creds: uid 4294967295: EINVAL (22)"
nr_open=$(cat /proc/sys/fs/nr_open)
conf nofile "$RAN" "rlimit nofile 1024 $((nr_open + 1))"
run nofile
check "creds: a nofile hard limit above fs.nr_open fails in the kernel (EPERM), no workload" \
	refused "rawinit: creds: rlimit RLIMIT_NOFILE: EPERM (1)"
conf capset "$RAN" "user 1000" "caps permitted chown" "caps effective chown kill"
run capset
check "creds: an effective set outside the permitted one fails in capset (EPERM), no workload" \
	refused "rawinit: creds: capset: EPERM (1)"
conf ambient "$RAN" "user 1000" "caps permitted net_bind_service" "caps inheritable" \
	"caps ambient net_bind_service"
run ambient
check "creds: an ambient capability not inheritable is refused by the kernel, named by number" \
	refused "rawinit: creds: ambient cap 10: EPERM (1)"
printf '%s\n' "$RAN" "caps bounding chown CAP_NOSUCH" >"$T/badcap.conf"
rm -f "$T/badcap.bin"
"$CONF" build "$T/badcap.conf" -o "$T/badcap.bin" >"$T/out" 2>&1
rc=$?
check "creds: an unknown capability is refused by rawinit-conf (one line, status 1, no blob)" \
	sh -c "[ $rc = 1 ] && [ ! -e '$T/badcap.bin' ] && [ \$(wc -l <'$T/out') = 1 ] &&
		grep -q '^$T/badcap.conf:2:.*expected a capability.*got .CAP_NOSUCH.\$' '$T/out'"

# Without CAP_SETPCAP (an outer rawinit dropped it from the bounding set) every
# PR_CAPBSET_DROP is EPERM: asking for the set already in force must still work,
# asking to drop one that is present must fail closed, naming it.
conf inner_same "$SHOW" "caps bounding chown kill setuid setgid"
conf inner_less "$RAN" "caps bounding chown"
conf outer_same "argv $RI -c $T/inner_same.bin" "caps bounding chown kill setuid setgid"
conf outer_less "argv $RI -c $T/inner_less.bin" "caps bounding chown kill setuid setgid"
run outer_same
check "creds: without CAP_SETPCAP, a bounding set already in force is accepted" \
	sh -c "[ $rc = 0 ] && grep -qx 'CapBnd:	00000000000000e1' '$T/out'"
run outer_less
check "creds: without CAP_SETPCAP, a drop that is needed fails closed (one line, nothing runs)" \
	sh -c "[ $rc = 111 ] && grep -qx 'rawinit: creds: bounding cap 5: EPERM (1)' '$T/out' &&
		! grep -q 'workload ran' '$T/out'"
