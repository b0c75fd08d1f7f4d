# SPDX-License-Identifier: MIT
# Helpers the namespace tests share (sourced after tests/lib.sh, with $T set): cleanup, mkroot.

# Remove $T only when nothing is mounted under it in our namespace: a mount that leaked
# out of a test namespace must be seen, never recursed into.
cleanup() {
	if grep -qF " $T" /proc/self/mountinfo; then
		fail "cleanup: nothing mounted under $T on the host" "left in place"
	else
		rm -rf "$T"
	fi
}
# mkroot DIR: bin/busybox with its applets as links, the usual directories, a marker.
mkroot() {
	mkdir -p "$1/bin" "$1/etc" "$1/proc" "$1/sys" "$1/dev" "$1/tmp" "$1/run" "$1/var"
	cp "$BB" "$1/bin/busybox"
	for a in $("$BB" --list); do
		[ -e "$1/bin/$a" ] || ln -s busybox "$1/bin/$a"
	done
	echo rootfs >"$1/ROOTFS_MARKER"
}
