#!/bin/sh
# SPDX-License-Identifier: MIT
# Modules + network in a qemu (TCG) guest: rawinit as /init beside a busybox script as /init; markdown to stdout.
#
# The job, the same for both: mount /dev, /proc, /sys; load the virtio-net chain
# (`virtio_pci virtio_net` through scripts/moddeps.sh: 8 .ko files, in order);
# lo up, eth0 up, 10.0.2.15/24, default via 10.0.2.2 (qemu's user network). Both
# variants boot the same kernel and initramfs; `rdinit=` picks the script. Times
# come from the guest's clocks, in the serial log. NET_VM_BOOTS=n boots per
# variant (5), NET_VM_ARCHES="x86_64 aarch64" the ISAs.
set -eu
cd "$(dirname "$0")/.."

BOOTS=${NET_VM_BOOTS:-5}
ARCHES=${NET_VM_ARCHES:-x86_64 aarch64}
QEMU_EXTRA="-netdev user,id=n0 -device virtio-net-pci,netdev=n0"
export QEMU_EXTRA
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
trap 'exit 130' INT TERM

# image ISA: $TMP/ISA.cpio holding both inits, the config and the modules.
image() {
	moddir=.cache/$1/root/lib/modules/$(cat .cache/$1/kver)
	mods=$(sh scripts/moddeps.sh "$moddir" virtio_pci virtio_net)
	{
		# The workload's first act marks "done" in the kernel log, then shows it.
		echo "argv /bin/sh -c \"echo 'bench: done' >/dev/kmsg; dmesg | grep -e 'Run /' -e 'bench: '\""
		echo "link eth0 up"
		echo "addr eth0 10.0.2.15/24"
		echo "route default via 10.0.2.2 dev eth0"
		for m in $mods; do echo "module /lib/modules/${m##*/}"; done
	} >"$TMP/$1.conf"
	build/host/rawinit-conf build "$TMP/$1.conf" -o "$TMP/$1.bin"
	# The busybox /init: kernel-log lines (printk time, µs) mark start, mounts,
	# modules and done; `echo` is a builtin, so a mark costs no process. The kernel
	# gives the script no stdio (no /dev/console in the image), hence the exec.
	{
		echo '#!/bin/sh'
		echo 'mount -t devtmpfs dev /dev'
		echo 'echo "bench: start" >/dev/kmsg'
		echo 'mount -t proc proc /proc'
		echo 'mount -t sysfs sys /sys'
		echo 'echo "bench: mounted" >/dev/kmsg'
		for m in $mods; do echo "insmod /lib/modules/${m##*/}"; done
		echo 'echo "bench: modules" >/dev/kmsg'
		echo 'ip link set lo up'
		echo 'ip link set eth0 up'
		echo 'ip addr add 10.0.2.15/24 dev eth0'
		echo 'ip route add default via 10.0.2.2 dev eth0'
		echo 'echo "bench: done" >/dev/kmsg'
		echo 'exec >/dev/console 2>&1'
		echo 'dmesg | grep -e "Run /" -e "bench: "'
		echo 'poweroff -f'
	} >"$TMP/bench-init.sh"
	{
		echo "file /etc/rawinit.conf $TMP/$1.bin 0644"
		echo "file /bench-init.sh $TMP/bench-init.sh 0755"
		echo "dir /lib 0755"
		echo "dir /lib/modules 0755"
		for m in $mods; do echo "file /lib/modules/${m##*/} $moddir/$m 0644"; done
	} | sh scripts/initramfs.sh "$1" "$TMP/$1.cpio" >/dev/null
}

# boot ISA NAME KERNEL-ARGS...: the serial log, CRs stripped, in $TMP/NAME.log.
boot() {
	isa=$1 name=$2
	shift 2
	sh scripts/qemu.sh "$isa" "$TMP/$isa.cpio" 60 "$@" 2>&1 | tr -d '\r' >"$TMP/$name.log"
	grep -q 'reboot: Power down' "$TMP/$name.log" || echo "bench: net-vm: $name: no power-off" >&2
}

# "exec own modules network" in ms from one log. exec: the kernel's "Run ... as
# init process" to the "bench: done" mark, both printk time (rawinit's workload
# writes that mark first thing; the script after its last `ip`). own: rawinit
# (-v on its command line) on its timeline's CLOCK_MONOTONIC, the first line
# (written once /dev is mounted and the console attached) to `spawn:`; modules =
# the last `mount:` (/sys) to the last `module:` (the config's load included);
# network = that to `net: configured`. The script on its kernel-log marks: the
# first also after /dev is mounted, then /sys mounted, modules loaded, done.
# The two clocks differ by tens of ms under TCG, so no figure mixes them.
ri_times() {
	{ sed -n 's/^\[ *\([0-9.]*\)\] Run .*/exec \1/p; s/^\[ *\([0-9.]*\)\] bench: done$/done \1/p' "$1"
	  sed -n 's/^rawinit: \[ *\([0-9.]*\)\] \([a-z]*\): .*/\2 \1/p' "$1"; } | awk '
		$1 == "exec" { e = $2 } $1 == "done" { d = $2 }
		!t0 && $1 == "mount" { t0 = $2 } $1 == "mount" { c = $2 } $1 == "module" { m = $2 }
		$1 == "net" { n = $2 } $1 == "spawn" { s = $2 }
		END { if (e && d && s && n && m && c) printf "%.1f %.1f %.1f %.1f\n",
			(d - e) * 1e3, (s - t0) * 1e3, (m - c) * 1e3, (n - m) * 1e3 }'
}
bb_times() {
	sed -n 's/^\[ *\([0-9.]*\)\] Run .*/exec \1/p; s/^\[ *\([0-9.]*\)\] bench: \([a-z]*\)$/\2 \1/p' "$1" | awk '
		{ t[$1] = $2 }
		END { if (t["exec"] && t["done"]) printf "%.1f %.1f %.1f %.1f\n", (t["done"] - t["exec"]) * 1e3,
			(t["done"] - t["start"]) * 1e3, (t["modules"] - t["mounted"]) * 1e3,
			(t["done"] - t["modules"]) * 1e3 }'
}

# "median (min–max)" of column $1 of $2, or n/a when no boot gave numbers.
col() {
	awk -v c="$1" '{ print $c }' "$2" | sort -n | awk '{ v[n++] = $1 }
		END { if (!n) print "n/a"; else printf "%.0f (%.0f–%.0f)\n", v[int((n - 1) / 2)], v[0], v[n - 1] }'
}

echo "| ISA, TCG | init | exec of /init → workload, ms (kernel clock) | first mark → workload, ms (own clock) | of which modules ×8 | of which network |"
echo '|---|---|--:|--:|--:|--:|'
for isa in $ARCHES; do
	image "$isa"
	: >"$TMP/ri.t"
	: >"$TMP/bb.t"
	b=1
	while [ $b -le "$BOOTS" ]; do
		boot "$isa" "$isa-ri$b" -- -v
		ri_times "$TMP/$isa-ri$b.log" >>"$TMP/ri.t"
		boot "$isa" "$isa-bb$b" rdinit=/bench-init.sh
		bb_times "$TMP/$isa-bb$b.log" >>"$TMP/bb.t"
		b=$((b + 1))
	done
	for v in "rawinit ri" "busybox sh script bb"; do
		echo "| $isa | ${v% *} | $(col 1 "$TMP/${v##* }.t") | $(col 2 "$TMP/${v##* }.t")" \
		     "| $(col 3 "$TMP/${v##* }.t") | $(col 4 "$TMP/${v##* }.t") |"
	done
done
