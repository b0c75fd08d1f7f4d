# SPDX-License-Identifier: MIT
# The demo microVM's workload: show what rawinit set up, then exit so it powers off.
echo "== rawinit demo on $(uname -srm)"
echo "== this workload is pid $$; its parent is pid $PPID: $(tr '\0' ' ' </proc/1/cmdline)"
echo "== PID 1's status (blocked in rt_sigtimedwait, every signal blocked):"
grep -E '^(Name|State|Threads|VmRSS|SigBlk)' /proc/1/status
echo "== what rawinit mounted:"
grep -E ' /(dev|proc|sys) ' /proc/mounts
echo "== processes:"
ps -o pid,ppid,stat,args | grep -v ' \[' # kernel threads left out
echo "== uptime $(cut -d' ' -f1 /proc/uptime) s; leaving an orphan behind for rawinit to drain"
sleep 60 &
echo "== exiting with status 3: rawinit drains, syncs, prints the exit record, powers off"
exit 3
