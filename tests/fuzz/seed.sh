#!/bin/sh
# SPDX-License-Identifier: MIT
# Rebuild tests/fuzz/corpus: every section type from text configs and OCI, and the regressions.
#
# tests/conf/*.conf and tests/fuzz/seeds/*.conf between them hold every section type
# (namespaces only where the init refuses the config, so the others carry the rest);
# oci-full is the OCI way in. Regressions: argv with no records (issue #8, item 3) in
# place, at the blob's end and on the string area; a file one byte over RC_TOTAL_MAX
# (item 6c, the loader's buffer).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
make -s build/host/rawinit-conf build/host/conf-mutate
out=tests/fuzz/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
for f in tests/conf/*.conf tests/fuzz/seeds/*.conf; do
	build/host/rawinit-conf build "$f" -o "$out/$(basename "$f" .conf).bin"
done
build/host/rawinit-conf oci tests/conf/oci-full.json -o "$out/oci-full.bin"
build/host/conf-mutate all "$out/vm.bin" "$tmp" vm >/dev/null
for m in empty empty-at-end empty-on-strings; do
	cp "$tmp/vm-s3-$m.bin" "$out/regress-argv-$m.bin"
done
{ cat "$out/vm.bin"; head -c $((32769 - $(stat -c %s "$out/vm.bin"))) /dev/zero; } \
	>"$out/regress-oversized-32769.bin"
ls "$out" | wc -l
