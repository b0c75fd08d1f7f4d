# SPDX-License-Identifier: MIT
# Sourced by run.sh (its rc, tmp, bad_text, bad_oci): what rawinit-conf refuses because the init would not apply it, and its input bounds.

devrule='config.json: $.linux.resources.devices[0]: a device cgroup rule rawinit cannot enforce (no cgroup device filtering yet): remove linux.resources.devices'
cgroup='a cgroup setting rawinit cannot apply (it makes no cgroup yet): remove it'

# linux.resources: no cgroup yet, so every member is refused, runc spec's "deny all devices" too.
bad_oci "runc spec's deny-all devices rule is refused at its JSON path" \
	'{"ociVersion":"1.0.2","linux":{"resources":{"devices":[{"allow":false,"access":"rwm"}]}}}' "$devrule"
bad_oci "a devices rule that allows is refused at its JSON path" \
	'{"ociVersion":"1.0.2","linux":{"resources":{"devices":[{"allow":true,"type":"c","major":1,"minor":3,"access":"rwm"}]}}}' \
	"$devrule"
bad_oci "an empty devices list is refused" '{"ociVersion":"1.0.2","linux":{"resources":{"devices":[]}}}' \
	"config.json: \$.linux.resources.devices: $cgroup"
for r in memory cpu pids blockIO hugepageLimits network rdma unified; do
	bad_oci "linux.resources.$r is refused" "{\"ociVersion\":\"1.0.2\",\"linux\":{\"resources\":{\"$r\":{}}}}" \
		"config.json: \$.linux.resources.$r: $cgroup"
done
mkdir "$tmp/spec"
if ! command -v runc >/dev/null || ! (cd "$tmp/spec" && runc spec); then
	fail "runc spec's default config.json is refused" "runc spec failed or runc is not installed"
else
	out=$(cd "$tmp/spec" && "$rc" oci config.json -o spec.bin 2>&1)
	st=$?
	expect "runc spec's default config.json is refused, naming \$.linux.resources.devices[0]" \
		'[ $st = 1 ] && [ "$out" = "$devrule" ]'
fi

# Fields outside the mapping stay refused, each at its path (docs/config-text.md, "What is refused").
for f in hooks:'{}' process.ioPriority:'{}' process.scheduler:'{}' process.consoleSize:'{}' \
	process.user.username:'"x"' linux.seccomp:'{}' linux.intelRdt:'{}' linux.personality:'{}' \
	linux.mountLabel:'"x"' linux.uidMappings:'[]' linux.gidMappings:'[]' \
	linux.rootfsPropagation:'"private"' linux.devices:'[]' linux.cgroupsPath:'"x"' \
	linux.timeOffsets:'{}'; do
	path=${f%%:*}
	json=$(echo "$path" | awk -F. -v v="${f#*:}" '{ s = "\"" $NF "\":" v
		for (i = NF - 1; i > 0; i--) s = "\"" $i "\":{" s "}"; print "{\"ociVersion\":\"1.0.2\"," s "}" }')
	bad_oci "$path is refused" "$json" "config.json: \$.$path: not supported by rawinit"
done

# Capabilities: runc sets all five sets, a missing one empty; so does the converted blob.
caps_of() {
	printf '%s\n' "$1" >"$tmp/caps.json"
	"$rc" oci "$tmp/caps.json" -o "$tmp/caps.bin" && "$rc" dump "$tmp/caps.bin" | grep '^caps' | tr '\n' '|'
}
check "oci: a capability set the config leaves out is empty, not left alone" \
	[ "$(caps_of '{"ociVersion":"1.0.2","process":{"capabilities":{"bounding":["CAP_CHOWN"]}}}')" = \
	  "caps bounding CAP_CHOWN|caps effective|caps permitted|caps inheritable|caps ambient|" ]
check "oci: no process.capabilities means every set empty (as runc)" \
	[ "$(caps_of '{"ociVersion":"1.0.2"}')" = "caps bounding|caps effective|caps permitted|caps inheritable|caps ambient|" ]

# Bind mounts: the init copies a tree, which takes no filesystem data, sync or dirsync, and no type.
bad_text "filesystem data on a bind mount" 'mount /a /b none bind,mode=755\n' \
	"bad.conf:1:18: expected no filesystem data on a bind mount (rawinit would not apply it), got 'bind,mode=755'"
bad_text "sync on a bind mount" 'mount /a /b none rbind,sync\n' \
	"bad.conf:1:18: expected no sync on a bind mount (rawinit would not apply it), got 'rbind,sync'"
bad_text "dirsync on a bind mount" 'mount /a /b none bind,dirsync\n' \
	"bad.conf:1:18: expected no dirsync on a bind mount (rawinit would not apply it), got 'bind,dirsync'"
bad_text "a type on a bind mount" 'mount /a /b tmpfs bind\n' \
	"bad.conf:1:13: expected none as the TYPE of a bind mount (rawinit does not use it), got 'tmpfs'"
bad_oci "filesystem data on a bind mount" \
	'{"ociVersion":"1.0.2","mounts":[{"destination":"/b","type":"bind","source":"/a","options":["rbind","mode=755"]}]}' \
	'config.json: $.mounts[0].options: filesystem data on a bind mount: rawinit would not apply it'
bad_oci "sync on a bind mount" \
	'{"ociVersion":"1.0.2","mounts":[{"destination":"/b","type":"none","source":"/a","options":["bind","sync"]}]}' \
	'config.json: $.mounts[0].options: sync on a bind mount: rawinit would not apply it'

# Input bounds: an endless or oversized input ends at once with one line naming the file and the limit.
one_line() {	# NAME WANT COMMAND...: exit 1 within 10 s, printing exactly WANT
	n=$1 want=$2
	shift 2
	out=$(timeout 10 "$@" 2>&1)
	st=$?
	if [ $st = 1 ] && [ "$out" = "$want" ]; then ok "$n"; else fail "$n" "exit $st: $out"; fi
}
z='rawinit-conf: /dev/zero: larger than'
one_line "check /dev/zero ends: larger than RC_TOTAL_MAX" "$z 32768 bytes (RC_TOTAL_MAX)" "$rc" check /dev/zero
one_line "dump /dev/zero ends: larger than RC_TOTAL_MAX" "$z 32768 bytes (RC_TOTAL_MAX)" "$rc" dump /dev/zero
one_line "embed of blob /dev/zero ends: larger than RC_TOTAL_MAX" "$z 32768 bytes (RC_TOTAL_MAX)" \
	"$rc" embed build/x86_64/rawinit /dev/zero -o "$tmp/refused.bin"
one_line "embed into /dev/zero ends: larger than ELF_INPUT_MAX" "$z 16777216 bytes (ELF_INPUT_MAX)" \
	"$rc" embed /dev/zero $d/golden/vm.bin -o "$tmp/refused.bin"
one_line "build /dev/zero ends: larger than TEXT_INPUT_MAX" "$z 1048576 bytes (TEXT_INPUT_MAX)" \
	"$rc" build /dev/zero -o "$tmp/refused.bin"
one_line "oci /dev/zero ends: larger than JSON_INPUT_MAX" "$z 1048576 bytes (JSON_INPUT_MAX)" \
	"$rc" oci /dev/zero -o "$tmp/refused.bin"
yes '#234567' | head -c 1048576 >"$tmp/max.conf"
check "a text of exactly TEXT_INPUT_MAX bytes builds" "$rc" build "$tmp/max.conf" -o "$tmp/refused.bin"
{ cat "$tmp/max.conf"; echo; } >"$tmp/big.conf"
one_line "a text over TEXT_INPUT_MAX is refused" \
	"rawinit-conf: $tmp/big.conf: larger than 1048576 bytes (TEXT_INPUT_MAX)" "$rc" build "$tmp/big.conf" -o "$tmp/refused.bin"
{ printf '{"ociVersion":"1.0.2"}'; head -c $((1048576 - 22)) /dev/zero | tr '\0' ' '; } >"$tmp/max.json"
check "a JSON of exactly JSON_INPUT_MAX bytes converts" "$rc" oci "$tmp/max.json" -o "$tmp/refused.bin"
{ cat "$tmp/max.json"; echo; } >"$tmp/big.json"
one_line "a JSON over JSON_INPUT_MAX is refused" \
	"rawinit-conf: $tmp/big.json: larger than 1048576 bytes (JSON_INPUT_MAX)" "$rc" oci "$tmp/big.json" -o "$tmp/refused.bin"
