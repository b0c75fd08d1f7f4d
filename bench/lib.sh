# SPDX-License-Identifier: MIT
# Shared by the bench scripts (sourced after cd to the repo root, with $P, a netns name prefix, set).

# mkns TAG: netns ${P}TAG holding a new veth peer rwtmp0 (down, as a runtime leaves it);
# the other ends live in the holder ${P}h, which the caller created.
mkns() {
	ip netns add $P$1
	ip -n ${P}h link add h$1 type veth peer name rwtmp0 netns $P$1
	ip -n ${P}h link set h$1 up
}
in_ns() { tag=$1; shift; ip netns exec $P$tag "$@"; }

# "median (p10–p90)" of the numbers on stdin, nearest rank as in spawn_time.c.
stats() {
	sort -n | awk -v f="${1:-%.0f}" '{ v[n++] = $1 }
		END { if (!n) { print "n/a"; exit }
		      printf f " (" f "–" f ")\n", v[int((n - 1) / 2)], v[int((n - 1) / 10)], v[int((n - 1) * 9 / 10)] }'
}
med() { stats "$@" | awk '{ print $1 }'; }
