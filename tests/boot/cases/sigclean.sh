# test: the workload's signal mask is empty and nothing is ignored, though rawinit started with all blocked and ignored
# boot: rdinit=/bin/sigwrap -- /init /bin/cat /proc/self/status /proc/1/status
# expect: SigBlk:	0000000000000000
# expect: SigIgn:	0000000000000000
# expect: SigIgn:	fffffffffffafa27
# expect: SigCgt:	00000000000004d8
# exit: status=0
# cat is the workload itself, so /proc/self/status shows the state rawinit handed
# it; /proc/1/status proves sigwrap did start rawinit with every signal ignored
# (all but SIGKILL, SIGSTOP and SIGCHLD, which rawinit resets for itself, and the
# crash guard's SIGILL, SIGTRAP, SIGBUS, SIGFPE and SIGSEGV: caught, SigCgt 4d8).
