# test: in a VM, PID 1 supervises with CAP_KILL and CAP_SYS_BOOT alone, no-new-privileges and fds 0-2; the root workload keeps everything
# expect: pid1 CapEff 0000000000400020
# expect: pid1 CapPrm 0000000000400020
# expect: pid1 CapBnd 0000000000400020
# expect: pid1 CapInh 0000000000000000
# expect: pid1 NoNewPrivs 1
# expect: pid1 fds 0 1 2
# expect: workload CapEff 000001ffffffffff
# exit: status=0
awk '/^(Cap(Eff|Prm|Bnd|Inh)|NoNewPrivs):/ { sub(":", ""); print "pid1", $1, $2 }' /proc/1/status
echo pid1 fds $(ls /proc/1/fd)
awk '/^CapEff:/ { print "workload CapEff", $2 }' /proc/self/status
