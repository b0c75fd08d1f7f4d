#!/bin/sh
# SPDX-License-Identifier: MIT
# Build an initramfs for one ISA: rawinit as /init, static busybox with its applet
# links, the sigwrap test helper, plus any extra mkcpio list lines given on stdin.
#
# usage: [TREE=DIR] scripts/initramfs.sh ARCH OUT.cpio [< extra-list]
# TREE=DIR adds a second root at DIR (its own directories, busybox and applet links, no
# /init): a `rootfs DIR` for rawinit to switch to.
# There is no /dev/console node on purpose: rawinit must attach the console itself.
set -eu
arch=$1 out=$2
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${CACHE:-$top/.cache}
list=$out.list

# base PREFIX: the directories, busybox and its applet links, under PREFIX ("" for /).
base() {
	for d in /bin /sbin /usr /usr/bin /usr/sbin /dev /proc /sys /tmp /etc /root; do
		echo "dir $1$d 0755"
	done
	echo "file $1/bin/busybox $cache/$arch/busybox 0755"
	# Applet names from the host's busybox of the same Debian package version:
	# the other ISA's binary cannot run here.
	"$cache/x86_64/busybox" --list-full | while read -r a; do
		[ "$a" = bin/busybox ] || echo "slink $1/$a /bin/busybox"
	done
}

{
	base ""
	echo "file /init $top/build/$arch/rawinit 0755"
	echo "file /bin/sigwrap $top/build/$arch/sigwrap 0755"
	if [ -n "${TREE:-}" ]; then
		echo "dir $TREE 0755"
		base "$TREE"
	fi
	[ -t 0 ] || cat
} >"$list"
"$top/build/host/mkcpio" "$list" "$out"
