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
