#!/bin/sh
# SPDX-License-Identifier: MIT
# `make run` / `make shell`: boot a demo microVM with rawinit as PID 1.
#
# usage: scripts/demo.sh ARCH [shell]
#   run:   a workload that shows what rawinit did, then exits; the VM powers off.
#   shell: an interactive busybox shell on the serial console; `exit` powers off.
set -eu
arch=$1 what=${2:-run}
top=$(cd "$(dirname "$0")/.." && pwd)
img=$top/build/$arch/demo.cpio
printf 'file /demo.sh %s 0755\n' "$top/scripts/demo-workload.sh" |
	sh "$top/scripts/initramfs.sh" "$arch" "$img"
if [ "$what" = shell ]; then
	echo "rawinit: booting $arch; type 'exit' to power off (Ctrl-A X quits qemu)"
	QEMU_INTERACTIVE=1 exec sh "$top/scripts/qemu.sh" "$arch" "$img" 0 -- -v /bin/sh -l
fi
exec sh "$top/scripts/qemu.sh" "$arch" "$img" 120 -- -v -g 1 /bin/sh /demo.sh
