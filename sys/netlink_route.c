// SPDX-License-Identifier: MIT
/* rtnetlink requests the init sends, byte-exact with iproute2's, and link replies read. */
#include <asm-generic/errno.h>
#include "mem.h"
#include "netlink.h"

/* Requests. Flags and attribute order follow iproute2's for the same command. */

static void nl_req_link(struct nl_msg *m, void *buf, unsigned int cap, __u32 seq, int ifindex,
			unsigned int flags, unsigned int change)
{
	struct ifinfomsg ifi = { .ifi_index = ifindex, .ifi_flags = flags, .ifi_change = change };

	nl_msg_init(m, buf, cap, RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, seq);
	nl_put(m, &ifi, sizeof(ifi));
}

int nl_req_link_up(struct nl_msg *m, void *buf, unsigned int cap, __u32 seq, int ifindex,
		   int up)
{
	nl_req_link(m, buf, cap, seq, ifindex, up ? IFF_UP : 0, IFF_UP);
	return nl_msg_end(m);
}

/* Names are 1..IFNAMSIZ-1 bytes; the kernel judges the characters. */
static int nl_name_ok(const char *name)
{
	unsigned int n = 0;

	while (n < IFNAMSIZ && name[n])
		n++;
	return n > 0 && n < IFNAMSIZ;
}

/*
 * Rename, MTU and up in one RTM_NEWLINK: the kernel's do_setlink applies the
 * name, then the MTU, then the flags, so one round trip does what three would.
 * name NULL or mtu 0 leaves that attribute out; up 0 leaves the flags alone.
 */
int nl_req_link_set(struct nl_msg *m, void *buf, unsigned int cap, __u32 seq, int ifindex,
		    const char *name, __u32 mtu, int up)
{
	if (name && !nl_name_ok(name))
		return -EINVAL;
	nl_req_link(m, buf, cap, seq, ifindex, up ? IFF_UP : 0, up ? IFF_UP : 0);
	if (name)
		nl_attr_str(m, IFLA_IFNAME, name);
	if (mtu)
		nl_attr_u32(m, IFLA_MTU, mtu);
	return nl_msg_end(m);
}

/*
 * Link queries. iproute2 also sets RTEXT_FILTER_VF in IFLA_EXT_MASK, which
 * appends IFLA_VFINFO_LIST: an entry per SR-IOV VF (with per-VF counters in a
 * dump, where ip does not add SKIP_STATS), never read here and able to push one
 * link's message past NL_RX_MAX. We clear that bit and keep SKIP_STATS (which
 * only trims VF counters): the one difference from iproute2's bytes.
 */
#define NL_EXT_MASK	RTEXT_FILTER_SKIP_STATS

int nl_req_link_get(struct nl_msg *m, void *buf, unsigned int cap, __u32 seq, const char *name)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };

	if (!nl_name_ok(name))
		return -EINVAL;
	nl_msg_init(m, buf, cap, RTM_GETLINK, NLM_F_REQUEST, seq);
	nl_put(m, &ifi, sizeof(ifi));
	nl_attr_u32(m, IFLA_EXT_MASK, NL_EXT_MASK);
	nl_attr_str(m, IFLA_IFNAME, name);
	return nl_msg_end(m);
}

int nl_req_link_dump(struct nl_msg *m, void *buf, unsigned int cap, __u32 seq)
{
	struct ifinfomsg ifi = { .ifi_family = AF_PACKET };

	nl_msg_init(m, buf, cap, RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, seq);
	nl_put(m, &ifi, sizeof(ifi));
	nl_attr_u32(m, IFLA_EXT_MASK, NL_EXT_MASK);
	return nl_msg_end(m);
}

/* Address bytes of a family, or 0 when it is neither IPv4 nor IPv6. */
static unsigned int nl_addr_len(int family)
{
	return family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
}

/*
 * Flags that fit ifa_flags go there and IFA_FLAGS is left out, as iproute2
 * does; wider ones (IFA_F_NOPREFIXROUTE) go in IFA_FLAGS between IFA_LOCAL and
 * IFA_ADDRESS. 127.0.0.0/8 gets host scope, everything else universe (iproute2's
 * default_scope()).
 */
int nl_req_addr_add(struct nl_msg *m, void *buf, unsigned int cap, __u32 seq, int ifindex,
		    int family, const void *addr, unsigned int prefixlen, __u32 flags)
{
	unsigned int alen = nl_addr_len(family);
	struct ifaddrmsg ifa = {
		.ifa_family = (__u8)family,
		.ifa_prefixlen = (__u8)prefixlen,
		.ifa_flags = flags <= 0xff ? (__u8)flags : 0,
		.ifa_index = (__u32)ifindex,
	};

	if (!alen || prefixlen > alen * 8)
		return -EINVAL;
	if (family == AF_INET && *(const unsigned char *)addr == 127)
		ifa.ifa_scope = RT_SCOPE_HOST;
	nl_msg_init(m, buf, cap, RTM_NEWADDR,
		    NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE, seq);
	nl_put(m, &ifa, sizeof(ifa));
	nl_attr(m, IFA_LOCAL, addr, alen);
	if (flags > 0xff)
		nl_attr_u32(m, IFA_FLAGS, flags);
	nl_attr(m, IFA_ADDRESS, addr, alen);
	return nl_msg_end(m);
}

/*
 * A default route carries no RTA_DST (as `ip route add default via GW`). An
 * IPv4 route without a gateway gets scope link; IPv6 routes stay universe
 * (iproute2 does the same; the kernel ignores rtm_scope for IPv6 unicast).
 */
int nl_req_route_add(struct nl_msg *m, void *buf, unsigned int cap, __u32 seq,
		     const struct nl_route *r)
{
	unsigned int alen = nl_addr_len(r->family);
	struct rtmsg rtm = {
		.rtm_family = (unsigned char)r->family,
		.rtm_dst_len = (unsigned char)r->dst_len,
		.rtm_table = RT_TABLE_MAIN,
		.rtm_protocol = RTPROT_BOOT,
		.rtm_scope = !r->gw && r->family == AF_INET ? RT_SCOPE_LINK : RT_SCOPE_UNIVERSE,
		.rtm_type = RTN_UNICAST,
	};

	if (!alen || r->dst_len > alen * 8 || (r->dst_len && !r->dst))
		return -EINVAL;
	nl_msg_init(m, buf, cap, RTM_NEWROUTE,
		    NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE, seq);
	nl_put(m, &rtm, sizeof(rtm));
	if (r->dst_len)
		nl_attr(m, RTA_DST, r->dst, alen);
	if (r->gw)
		nl_attr(m, RTA_GATEWAY, r->gw, alen);
	if (r->metric)
		nl_attr_u32(m, RTA_PRIORITY, r->metric);
	if (r->oif)
		nl_attr_u32(m, RTA_OIF, (__u32)r->oif);
	return nl_msg_end(m);
}

int nl_link_parse(const struct nlmsghdr *h, struct nl_link *l)
{
	const struct ifinfomsg *ifi = NLMSG_DATA(h);
	const struct rtattr *rta;
	const char *name;
	struct nl_attrs a;
	unsigned int n;

	if (h->nlmsg_type != RTM_NEWLINK)
		return -EINVAL;
	if (nl_attrs_init(&a, h, sizeof(*ifi)) < 0)
		return a.err;
	memset(l, 0, sizeof(*l));
	l->index = ifi->ifi_index;
	l->flags = ifi->ifi_flags;
	while ((rta = nl_attrs_next(&a))) {
		n = nl_attr_len(rta);
		switch (nl_attr_type(rta)) {
		case IFLA_IFNAME:
			name = nl_attr_get_str(rta);
			if (!name || n > IFNAMSIZ)
				return -EBADMSG;
			memcpy(l->name, name, strlen(name) + 1);
			break;
		case IFLA_ADDRESS:
			if (n > NL_ADDR_MAX)
				return -EBADMSG;
			memcpy(l->addr, RTA_DATA(rta), n);
			l->addr_len = n;
			break;
		}
	}
	return a.err;
}

int nl_link_match_cb(const struct nlmsghdr *h, void *ctx)
{
	struct nl_link_match *mt = ctx;
	struct nl_link l;
	int r;

	if (h->nlmsg_type != RTM_NEWLINK)
		return 0;
	r = nl_link_parse(h, &l);
	if (r < 0)
		return r;
	if (mt->addr && (l.addr_len != mt->addr_len || memcmp(l.addr, mt->addr, l.addr_len)))
		return 0;
	if (!mt->found++)
		mt->link = l;
	return 0;
}
