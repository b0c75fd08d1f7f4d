#!/bin/sh
# SPDX-License-Identifier: MIT
# Install what make, make run and make test need on Debian 12; quiet when all is present.
#
# Two parts: apt packages (installed system-wide, as root), and per-ISA boot material
# (a Debian cloud kernel, its modules, a static busybox) fetched with `apt-get download`
# and unpacked into the git-ignored cache $CACHE/<isa>/ without touching the system.
set -eu

CACHE=${CACHE:-$(cd "$(dirname "$0")/.." && pwd)/.cache}
PKGS="gcc make libc6-dev gcc-aarch64-linux-gnu linux-libc-dev linux-libc-dev-arm64-cross
busybox-static cpio kmod strace util-linux libjansson-dev pkg-config clang runc
qemu-system-x86 qemu-system-arm tini dumb-init catatonit crun python3"

log() { printf 'deps: %s\n' "$*" >&2; }

need_root() {
	[ "$(id -u)" = 0 ] || { log "must run as root to install: $*"; exit 1; }
}

apt_updated=
apt_update() {
	[ -n "$apt_updated" ] && return 0
	apt-get update -qq >/dev/null
	apt_updated=1
}

# apt packages: only call apt when dpkg says something is missing.
missing=
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
	need_root "$missing"
	log "installing:$missing"
	apt_update
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# fetch ISA DEBARCH: kernel + busybox into $CACHE/ISA, once.
fetch() {
	isa=$1 debarch=$2
	dir=$CACHE/$isa
	[ -f "$dir/ready" ] && return 0
	log "fetching the $debarch cloud kernel and busybox into $dir"
	rm -rf "$dir" && mkdir -p "$dir/deb" "$dir/root"
	if [ "$debarch" = "$(dpkg --print-architecture)" ]; then
		o=
		apt_update
	else
		# A private list directory: the system's own architectures stay untouched.
		lists=$CACHE/apt-lists-$debarch
		mkdir -p "$lists/partial"
		o="-oAPT::Architecture=$debarch -oAPT::Architectures=$debarch -oDir::State::Lists=$lists"
		apt-get $o update -qq >/dev/null
	fi
	kpkg=$(apt-cache $o depends "linux-image-cloud-$debarch" |
		sed -n 's/^ *Depends: \(linux-image-[0-9].*\)$/\1/p' | head -n 1)
	[ -n "$kpkg" ] || { log "no cloud kernel package found for $debarch"; exit 1; }
	(cd "$dir/deb" && apt-get $o -oAPT::Sandbox::User=root download -qq "$kpkg" "busybox-static:$debarch" >/dev/null)
	for d in "$dir"/deb/*.deb; do dpkg-deb -x "$d" "$dir/root"; done
	kver=${kpkg#linux-image-}
	depmod -b "$dir/root" "$kver"
	ln -sf "root/boot/vmlinuz-$kver" "$dir/vmlinuz"
	ln -sf "root/bin/busybox" "$dir/busybox"
	echo "$kver" >"$dir/kver"
	rm -rf "$dir/deb"
	touch "$dir/ready"
}

fetch x86_64 amd64
fetch aarch64 arm64
