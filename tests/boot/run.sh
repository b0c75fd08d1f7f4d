#!/bin/sh
# SPDX-License-Identifier: MIT
# Boot tests: each tests/boot/cases/*.sh booted under qemu on each ISA, judged from the serial log.
#
# A case file is the workload script (packed as /t/NAME.sh) with directives in comments:
#   # test: what it proves           # boot: kernel args (default: -- /bin/sh /t/NAME.sh)
#   # expect: exact line             # expect-re: ERE some line matches
#   # reject: exact line             # exit: status=N | signal=N (the one exit record)
#   # check: FUNC ARGS (below)       # timeout: seconds (default 90)   # mode: file mode
#   # file: DEST SRC [MODE]  an extra file for this case's own initramfs; SRC is under
#     build/boot-tests/, where {isa} stands for the ISA (configs from tests/boot/conf/
#     are compiled to conf/NAME.bin, tests/boot/files/ is copied to files/, and
#     {isa}-embedded is rawinit carrying conf/embedded.bin)
#   # tree: DIR  a second root at DIR in this case's initramfs (scripts/initramfs.sh TREE=:
#     directories, busybox, applet links), with the case script as DIR/NAME.sh
#   # end: the kernel's last line (default "reboot: Power down")
#   # conf: NAME   tests/boot/conf/NAME.conf, plus a `module` line per .ko of
#   # modules: NAMES  (resolved with the ISA's modules.dep, packed in /lib/modules/),
#     compiled and packed as this case's /etc/rawinit.conf
#   # module-params: NAME PARAMS  parameters for that module's line
#   # conf-line: LINE  a config line after the module lines (repeatable)
#   # qemu: ARGS  extra qemu arguments    # listen: SECONDS  a TCP listener (see boot1.sh)
#   # expect-got: LINE  a line the listener must have received
# Every case also needs: qemu exited by itself (the guest powered off, not the
# timeout), that last line, and no kernel panic.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
arches=${ARCHES:-x86_64 aarch64}
jobs=${JOBS:-2}
out=$top/build/boot-tests
cases=$(cd "$top/tests/boot/cases" && ls *.sh | sed 's/\.sh$//')
[ -n "${CASES:-}" ] && cases=$CASES
mkdir -p "$out"

directive() { sed -n "s/^# $1: \{0,1\}//p" "$top/tests/boot/cases/$2.sh"; }

# Configs: compile each tests/boot/conf/*.conf; a corrupted copy (one byte of the
# string area flipped: the checksum no longer matches); noargv's with argv emptied
# (checksum repaired); the init with one embedded.
conf=$top/build/host/rawinit-conf
mkdir -p "$out/conf"
rm -rf "$out/files" && cp -R "$top/tests/boot/files" "$out/files" || exit 1
for f in "$top"/tests/boot/conf/*.conf; do
	"$conf" build "$f" -o "$out/conf/$(basename "$f" .conf).bin" || exit 1
done
cp "$out/conf/etc.bin" "$out/conf/corrupt.bin"
printf 'X' | dd of="$out/conf/corrupt.bin" bs=1 seek=$(($(stat -c %s "$out/conf/corrupt.bin") - 2)) \
	conv=notrunc status=none
make -s -C "$top" build/host/conf-mutate >/dev/null &&
	"$top/build/host/conf-mutate" noargv "$out/conf/noargv.bin" "$out/conf/noargv-empty.bin" || exit 1
for isa in $arches; do
	rm -f "$out/$isa-embedded"
	"$conf" embed "$top/build/$isa/rawinit" "$out/conf/embedded.bin" -o "$out/$isa-embedded" || exit 1
done

# Pack every case into one initramfs per ISA, plus one of its own for a case with files.
for isa in $arches; do
	list=$(
		echo "dir /t 0755"
		for c in $cases; do
			m=$(directive mode "$c")
			echo "file /t/$c.sh $top/tests/boot/cases/$c.sh ${m:-0755}"
		done)
	echo "$list" | TREE= sh "$top/scripts/initramfs.sh" "$isa" "$out/$isa.cpio" || exit 1
	moddir=$top/.cache/$isa/root/lib/modules/$(cat "$top/.cache/$isa/kver")
	for c in $cases; do
		rm -f "$out/$isa-$c.cpio"
		files=$(directive file "$c")
		cname=$(directive conf "$c")
		tree=$(directive tree "$c")
		[ -n "$files$cname$tree" ] || continue
		mods=
		if [ -n "$cname" ]; then
			m=$(directive modules "$c")
			[ -z "$m" ] || mods=$(sh "$top/scripts/moddeps.sh" "$moddir" $m) || exit 1
			{
				cat "$top/tests/boot/conf/$cname.conf"
				for m in $mods; do
					b=${m##*/}
					p=$(directive module-params "$c" | sed -n "s/^${b%.ko} //p")
					echo "module /lib/modules/$b $p"
				done
				directive conf-line "$c"
			} >"$out/$isa-$c.conf"
			"$conf" build "$out/$isa-$c.conf" -o "$out/$isa-$c.bin" || exit 1
		fi
		{
			echo "$list"
			[ -z "$tree" ] || echo "file $tree/$c.sh $top/tests/boot/cases/$c.sh 0755"
			[ -n "$files" ] && echo "$files" | while read -r dest src mode; do
				src=$(echo "$src" | sed "s/{isa}/$isa/g")
				echo "file $dest $out/$src ${mode:-0644}"
			done
			if [ -n "$cname" ]; then
				echo "file /etc/rawinit.conf $out/$isa-$c.bin 0644"
				echo "dir /lib 0755"
				echo "dir /lib/modules 0755"
				for m in $mods; do echo "file /lib/modules/${m##*/} $moddir/$m 0644"; done
			fi
		} | TREE=$tree sh "$top/scripts/initramfs.sh" "$isa" "$out/$isa-$c.cpio" || exit 1
	done
done

# Boot all (isa, case) pairs, $jobs at a time; each leaves NAME.log and NAME.rc.
for isa in $arches; do for c in $cases; do echo "$isa $c"; done; done |
	xargs -P "$jobs" -L 1 sh "$top/tests/boot/boot1.sh" "$out"

# grace_at_least SECONDS: the verbose timeline shows SIGKILL at least that long after SIGTERM.
grace_at_least() {
	awk -v min="$1" '
		/rawinit: \[ *[0-9.]+\] drain: SIGTERM/ { gsub(/.*\[ */, ""); term = $0 + 0 }
		/rawinit: \[ *[0-9.]+\] drain: SIGKILL/ { gsub(/.*\[ */, ""); kill = $0 + 0 }
		END { exit !(term > 0 && kill - term >= min) }' "$log"
}

for isa in $arches; do
	for c in $cases; do
		name="boot $isa $c: $(directive test "$c")"
		log=$out/$isa-$c.log
		rc=$(cat "$out/$isa-$c.rc" 2>/dev/null)
		tr -d '\r' <"$log" >"$log.txt" && log=$log.txt
		why=
		[ "$rc" = 0 ] || why="qemu exit $rc (124 = timeout)"
		grep -q 'Kernel panic' "$log" && why="kernel panic"
		end=$(directive end "$c")
		grep -qF "${end:-reboot: Power down}" "$log" || why="${why:-no '${end:-reboot: Power down}'}"
		want=$(directive exit "$c")
		got=$(grep '^rawinit: exit ' "$log")
		[ "$got" = "rawinit: exit $want" ] || why="${why:-exit record '$got', want 'rawinit: exit $want'}"
		while IFS= read -r l; do
			[ -z "$l" ] || grep -qxF -- "$l" "$log" || why="${why:-missing line '$l'}"
		done <<-E
		$(directive expect "$c")
		E
		while IFS= read -r l; do
			[ -z "$l" ] || grep -qE -- "$l" "$log" || why="${why:-no line matches '$l'}"
		done <<-E
		$(directive expect-re "$c")
		E
		while IFS= read -r l; do
			[ -z "$l" ] || ! grep -qxF -- "$l" "$log" || why="${why:-unwanted line '$l'}"
		done <<-E
		$(directive reject "$c")
		E
		while IFS= read -r l; do
			[ -z "$l" ] || tr -d '\r' <"$out/$isa-$c.got" 2>/dev/null | grep -qxF -- "$l" ||
				why="${why:-the listener did not get '$l'}"
		done <<-E
		$(directive expect-got "$c")
		E
		chk=$(directive check "$c")
		[ -z "$chk" ] || $chk || why="${why:-check failed: $chk}"
		if [ -z "$why" ]; then ok "$name"; else fail "$name" "$why (log: $log)"; fi
	done
done
