# SPDX-License-Identifier: MIT
# Shared test helpers: one line per case, `ok - NAME` or `FAIL - NAME: why`.

ok() { printf 'ok - %s\n' "$1"; }
fail() { printf 'FAIL - %s: %s\n' "$1" "$2"; }
# check NAME CONDITION-COMMAND...: ok when the command succeeds.
check() {
	n=$1
	shift
	if "$@"; then ok "$n"; else fail "$n" "$*"; fi
}

# For the host suites that run the real init with compiled configs.
RI=${RI:-$top/build/x86_64/rawinit}
CONF=$top/build/host/rawinit-conf
# The test parent (tests/host/parent.c): namespaces, a sync socket, dying parents, a pty.
PARENT=$top/build/host/parent
BB=/bin/busybox

# conf NAME LINE...: compile the text lines into $T/NAME.bin (mode 644: readable after a uid change).
conf() {
	n=$1
	shift
	printf '%s\n' "$@" >"$T/$n.conf"
	"$CONF" build "$T/$n.conf" -o "$T/$n.bin" || echo "config $n did not build" >&2
	chmod 644 "$T/$n.bin"
}

# scratch: $T, a temporary directory others may read (configs are read after a uid change),
# removed when the script exits.
scratch() {
	T=$(mktemp -d)
	trap 'rm -rf "$T"' EXIT
	chmod 755 "$T"
}
