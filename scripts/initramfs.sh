#!/bin/sh
# SPDX-License-Identifier: MIT
# Build an initramfs for one ISA: rawinit as /init, static busybox with its applet
# links, the sigwrap test helper, plus any extra mkcpio list lines given on stdin.
#
# usage: scripts/initramfs.sh ARCH OUT.cpio [< extra-list]
# There is no /dev/console node on purpose: rawinit must attach the console itself.
set -eu
arch=$1 out=$2
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${CACHE:-$top/.cache}
list=$out.list

{
	for d in /bin /sbin /usr /usr/bin /usr/sbin /dev /proc /sys /tmp /etc /root; do
		echo "dir $d 0755"
	done
	echo "file /init $top/build/$arch/rawinit 0755"
	echo "file /bin/busybox $cache/$arch/busybox 0755"
	echo "file /bin/sigwrap $top/build/$arch/sigwrap 0755"
	# Applet names from the host's busybox of the same Debian package version:
	# the other ISA's binary cannot run here.
	"$cache/x86_64/busybox" --list-full | while read -r a; do
		[ "$a" = bin/busybox ] || echo "slink /$a /bin/busybox"
	done
	[ -t 0 ] || cat
} >"$list"
"$top/build/host/mkcpio" "$list" "$out"
