#!/bin/sh
# SPDX-License-Identifier: MIT
# Resolve kernel module names to the .ko files to load, dependencies first, from modules.dep.
#
# usage: scripts/moddeps.sh MODDIR NAME...
#   MODDIR is a kernel's /lib/modules/<version> (with modules.dep: depmod -b makes one).
#   Prints one path per line, relative to MODDIR, in load order, each once. Names may
#   use '-' or '_'; a module built into the kernel (modules.builtin) prints nothing.
set -eu
[ $# -ge 2 ] || { echo "usage: $0 MODDIR NAME..." >&2; exit 2; }
dir=$1
shift
[ -f "$dir/modules.dep" ] || { echo "moddeps: $dir/modules.dep: missing (run depmod)" >&2; exit 1; }
builtin=$dir/modules.builtin
[ -f "$builtin" ] || builtin=/dev/null

# A dependency's own dependencies come before it (depth first); modules.dep lists a
# module's dependencies with the ones to load first at the end, as modprobe reads it.
awk -v names="$*" -v builtin="$builtin" '
	function base(p,   n) { n = p; sub(/.*\//, "", n); sub(/\.ko(\..*)?$/, "", n); gsub("-", "_", n); return n }
	function visit(p,   k, i, d) {
		if (p in seen) return
		seen[p] = 1
		k = split(deps[p], d, " ")
		for (i = k; i >= 1; i--) visit(d[i])
		print p
	}
	FILENAME == builtin { inkernel[base($0)] = 1; next }
	{ p = $1; sub(/:$/, "", p); rest = $0; sub(/^[^:]*:[ \t]*/, "", rest); deps[p] = rest; path[base(p)] = p }
	END {
		k = split(names, want, " ")
		for (i = 1; i <= k; i++) {
			m = want[i]; gsub("-", "_", m)
			if (m in path) visit(path[m])
			else if (!(m in inkernel)) { print "moddeps: " m ": no such module in " FILENAME > "/dev/stderr"; bad = 1 }
		}
		exit bad
	}' "$builtin" "$dir/modules.dep"
