# test: rawinit loads the virtio-net module chain (with parameters; a module loaded twice is no error), configures eth0 by rtnetlink, and the workload reaches the host over TCP
# boot: -- /bin/sh /t/net-qemu.sh {port}
# conf: net
# modules: virtio_pci virtio_net dummy
# module-params: dummy numdummies=3
# conf-line: module /lib/modules/virtio_net.ko
# qemu: -netdev user,id=n0 -device virtio-net-pci,netdev=n0
# listen: 80
# timeout: 80
# expect-re: ^rawinit: \[ *[0-9.]+\] module: /lib/modules/virtio_net\.ko$
# expect-re: inet 10\.0\.2\.15/24 .*eth0
# expect-re: ^default via 10\.0\.2\.2 dev eth0
# expect: nameserver 10.0.2.3
# expect: 10.0.2.15 rawvm
# expect: sent
# expect: dummies: dummy0 dummy1 dummy2
# expect-got: hello from the guest over virtio-net
# exit: status=0
ip -o addr show dev eth0
# numdummies=3 made three (the default is one); the parameter is not in sysfs.
echo "dummies: $(ls /sys/class/net | grep '^dummy' | tr '\n' ' ' | sed 's/ $//')"
ip route
cat /etc/resolv.conf /etc/hosts
echo "hello from the guest over virtio-net" | nc 10.0.2.2 "$1" && echo sent
