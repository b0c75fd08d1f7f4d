# test: rawinit_conf=PATH on the kernel command line names the config (and wins over /etc/rawinit.conf)
# boot: rawinit_conf=/etc/cmdline.bin
# file: /etc/cmdline.bin conf/cmdline.bin
# file: /etc/rawinit.conf conf/etc.bin
# expect: config from the kernel command line
# exit: status=5
