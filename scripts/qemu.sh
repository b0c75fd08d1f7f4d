#!/bin/sh
# SPDX-License-Identifier: MIT
# Boot a kernel + initramfs under qemu (TCG) with the serial console on stdout.
#
# usage: scripts/qemu.sh ARCH INITRD TIMEOUT_SECONDS [KERNEL_ARGS...]
#   KERNEL_ARGS are appended to "console=<serial> panic=-1 quiet"; what follows a
#   `--` among them reaches PID 1 as its argv. QEMU_INTERACTIVE=1 keeps stdin
#   (for `make shell`). Exit status: qemu's own (0 after the guest powers off),
#   or 124 when the timeout stopped it.
set -eu
[ $# -ge 3 ] || { echo "usage: $0 ARCH INITRD TIMEOUT [KERNEL_ARGS...]" >&2; exit 2; }
arch=$1 initrd=$2 limit=$3
shift 3
cache=${CACHE:-$(cd "$(dirname "$0")/.." && pwd)/.cache}

# Per-ISA table: qemu binary, machine, serial console device.
case $arch in
x86_64)	qemu=qemu-system-x86_64 machine="-M pc" console=ttyS0 ;;
aarch64) qemu=qemu-system-aarch64 machine="-M virt -cpu cortex-a57" console=ttyAMA0 ;;
*)	echo "qemu.sh: unknown ARCH $arch" >&2; exit 2 ;;
esac

# Never -enable-kvm here: nested KVM hangs on these machines (MACHINES.md).
set -- $machine -accel tcg -m 256 -smp 1 -nodefaults -no-reboot -display none \
	-kernel "$cache/$arch/vmlinuz" -initrd "$initrd" \
	-append "console=$console panic=-1 quiet $*" ${QEMU_EXTRA:-}
if [ "${QEMU_INTERACTIVE:-0}" = 1 ]; then
	exec $qemu "$@" -serial mon:stdio
fi
exec timeout -k 5 "$limit" $qemu "$@" -serial stdio </dev/null
