#!/bin/sh
# SPDX-License-Identifier: MIT
# Network tests on the host: rawinit configures a veth peer inside a fresh netns over raw rtnetlink.
#
# Two namespaces, both made here (no traffic touches the host's own): L holds the
# listener end of a veth pair; the child's netns gets the peer under a temporary
# name after rawinit has started and is waiting on its sync socket.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
T=$(mktemp -d)
L=rwl$$
tmp=rwp$$
port=$((20000 + $$ % 20000))
cleanup() { ip netns del $L 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$T"; }
trap cleanup EXIT

cat >"$T/check.sh" <<EOS
$BB ip -o link show eth0
$BB ip -o link show eth1
$BB ip -o addr show dev eth0
$BB ip -o addr show dev eth1
$BB ip route
$BB ip -6 route
echo "hello over tcp from rawinit" | $BB nc 10.99.0.1 $port && echo sent
EOS
cat >"$T/net.conf" <<EOS
sync-fd 3
argv $BB sh $T/check.sh
link $tmp rename eth0 mtu 1400 up
link mac=02:52:49:00:00:02 rename eth1 up
addr eth0 10.99.0.2/24
addr eth1 10.98.0.2/24
addr eth0 fd99::2/64 nodad
route default via 10.99.0.1 dev eth0
route fd98::/64 via fd99::1 dev eth0 metric 50
resolv "nameserver 10.99.0.1"
EOS
"$CONF" build "$T/net.conf" -o "$T/net.bin" || exit 1

ip netns add $L
ip netns exec $L $BB nc -l -p $port >"$T/got" 2>&1 &
listener=$!
setup="ip link add rwh$$ type veth peer name $tmp &&
	ip link set rwh$$ netns $L && ip link set $tmp netns \$CHILD &&
	ip -n $L addr add 10.99.0.1/24 dev rwh$$ && ip -n $L addr add fd99::1/64 dev rwh$$ nodad &&
	ip -n $L link set rwh$$ up &&
	ip link add rwh2$$ type veth peer name rwq$$ address 02:52:49:00:00:02 &&
	ip link set rwh2$$ netns $L && ip link set rwq$$ netns \$CHILD"
# rawinit runs in its own mount namespace so its /etc/resolv.conf is private.
"$PARENT" sync "$setup" -- /usr/bin/unshare --mount sh -c \
	"mount -t tmpfs none /etc && exec $RI -c $T/net.bin" >"$T/out" 2>&1
rc=$?
sleep 0.2
kill $listener 2>/dev/null
out() { grep -qE -- "$1" "$T/out"; }
check "net: the parent's go-ahead is answered with ok on the sync socket" out '^sync: ok$'
check "net: the peer is renamed eth0, MTU 1400, up" out "^[0-9]+: eth0(@[a-z0-9]+)?: <.*,UP[,>].* mtu 1400 "
check "net: a second link found by its MAC is renamed eth1 and up" \
	out "^[0-9]+: eth1(@[a-z0-9]+)?: <.*,UP[,>].* link/ether 02:52:49:00:00:02"
check "net: the second link has its own address" out 'inet 10\.98\.0\.2/24 .*eth1'
check "net: the IPv4 address is on eth0" out 'inet 10\.99\.0\.2/24 '
check "net: the IPv6 address is on eth0, usable at once (nodad: not tentative)" \
	sh -c "grep -E 'inet6 fd99::2/64 ' '$T/out' | grep -vq tentative"
check "net: the IPv4 default route goes via the gateway on eth0" out '^default via 10\.99\.0\.1 dev eth0'
check "net: the IPv6 static route has its gateway and metric" out '^fd98::/64 via fd99::1 dev eth0 .*metric 50'
check "net: a line sent over TCP from the workload reaches the listener" \
	grep -qx "hello over tcp from rawinit" "$T/got"
check "net: the workload's status is rawinit's" sh -c "[ $rc = 0 ] && grep -qx sent '$T/out'"

# Bad input: one clear line naming the object and the kernel's reason; no workload.
# Each wanted line is an ERE: the kernel's wording and errno vary a little by version.
bad() {
	name=$1 want=$2
	shift 2
	printf 'argv %s sh -c "echo the workload ran"\n' $BB >"$T/bad.conf"
	for l in "$@"; do echo "$l" >>"$T/bad.conf"; done
	"$CONF" build "$T/bad.conf" -o "$T/bad.bin" || { fail "$name" "config did not build"; return; }
	unshare --net "$RI" -c "$T/bad.bin" >"$T/bad.out" 2>&1
	rc=$?
	if [ $rc = 111 ] && grep -qxE -- "$want" "$T/bad.out" && ! grep -q 'workload ran' "$T/bad.out"; then
		ok "$name"
	else
		fail "$name" "status $rc, output: $(tr '\n' '|' <"$T/bad.out")"
	fi
}
bad "net: a missing interface is named, with ENODEV, and nothing runs" \
	"rawinit: net: nosuch0: ENODEV \(19\)" "link nosuch0 up"
bad "net: a missing module file is named, with ENOENT, and nothing runs" \
	"rawinit: module: /nonexistent/virtio_net.ko: ENOENT \(2\)" "module /nonexistent/virtio_net.ko" \
	"addr lo 10.1.2.3/8"
bad "net: an address the kernel refuses gives its extended-ack reason, and nothing runs" \
	'rawinit: net: lo address: E[A-Z]+ \([0-9]+\): ipv6: Cannot assign multicast address without "IFA_F_MCAUTOJOIN" flag\.?' \
	"addr lo ff02::5/64"
bad "net: an unreachable gateway gives the kernel's reason, and nothing runs" \
	"rawinit: net: default route: ENETUNREACH \(101\): Nexthop has invalid gateway\.?" \
	"route default via 10.123.0.1"

# A parent that gives up (closes the socket without the go-ahead) stops everything.
"$PARENT" sync -g "exit 0" -- "$RI" -c "$T/net.bin" >"$T/giveup" 2>&1
check "net: no go-ahead from the parent means no workload (status 111)" [ $? = 111 ]
check "net: ... and the one line says so" grep -qx "rawinit: sync: parent: EPIPE (32)" "$T/giveup"
