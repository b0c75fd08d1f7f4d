# test: /etc/rawinit.conf is found with no command line; its shutdown action (reboot) is taken
# boot:
# file: /etc/rawinit.conf conf/etc.bin
# expect: ONLY=this
# end: reboot: Restarting system
# exit: status=0
env | grep -vE '^(PWD|SHLVL)='
