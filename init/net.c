// SPDX-License-Identifier: MIT
/* The network from the config over raw rtnetlink: lo up, links found, renamed, sized, up; addresses; routes. */
#include <asm/errno.h>
#include "../sys/syscalls.h"
#include "../sys/netlink.h"
#include "rawinit.h"
#include "conf.h"

#define LO_IFINDEX	1	/* the loopback is created first in every netns */

static _Alignas(8) unsigned char rx[NL_RX_MAX];
static _Alignas(8) unsigned char tx[NL_TX_MAX];

struct net {
	struct nl_sock s;
	const struct conf *c;
	struct fail *f;
	int ifindex[RC_LINKS_MAX];
};

/* A link's name in messages: its new name, else the one matched, else "link by mac". */
static const char *link_label(const struct conf *c, __u32 i)
{
	const struct rc_link *l;

	if (i == RC_LINK_LO)
		return "lo";
	l = CONF_AT(c, RC_SEC_LINKS, struct rc_link, i);
	if (*conf_str(c, l->rename))
		return conf_str(c, l->rename);
	return *conf_str(c, l->name) ? conf_str(c, l->name) : "link by mac";
}

/* The object "<label><what>" and the kernel's reason; returns err. */
static int net_fail(struct net *n, const char *label, const char *what, const char *ext, int err)
{
	n->f->ext = ext;
	return fail_obj(n->f, label, what, 0, err);
}

/* Send a built request and wait for its ACK; on error, say what failed and why. */
static int talk(struct net *n, struct nl_msg *m, int built, const char *label, const char *what)
{
	const char *ext = 0;
	int r = built;

	if (!r)
		r = nl_talk(&n->s, m, rx, sizeof(rx), &ext);
	return r < 0 ? net_fail(n, label, what, ext, r) : 0;
}

static int link_setup(struct net *n, __u32 i)
{
	const struct rc_link *l = CONF_AT(n->c, RC_SEC_LINKS, struct rc_link, i);
	const char *label = link_label(n->c, i), *ext = 0, *rename;
	struct nl_link found;
	struct nl_msg m;
	int r;

	if (l->flags & RC_LINK_BY_MAC)
		r = nl_link_by_addr(&n->s, l->mac, sizeof(l->mac), rx, sizeof(rx), &found, &ext);
	else
		r = nl_link_by_name(&n->s, conf_str(n->c, l->name), rx, sizeof(rx), &found, &ext);
	if (r < 0)	/* named by what was looked for: the new name does not exist yet */
		return net_fail(n, l->flags & RC_LINK_BY_MAC ? label : conf_str(n->c, l->name),
				"", ext, r);
	n->ifindex[i] = found.index;
	rename = conf_str(n->c, l->rename);
	if (!*rename)
		rename = 0;
	if (!rename && !l->mtu && !(l->flags & RC_LINK_UP))
		return 0;
	r = nl_req_link_set(&m, tx, sizeof(tx), nl_seq(&n->s), found.index, rename, l->mtu,
			    l->flags & RC_LINK_UP);
	r = talk(n, &m, r, label, "");
	if (!r)
		log_step("link", label);
	return r;
}

static int ifindex_of(const struct net *n, __u32 link)
{
	return link == RC_LINK_LO ? LO_IFINDEX : link == RC_NONE ? 0 : n->ifindex[link];
}

static int addr_add(struct net *n, const struct rc_addr *a)
{
	struct nl_msg m;
	int r;

	r = nl_req_addr_add(&m, tx, sizeof(tx), nl_seq(&n->s), ifindex_of(n, a->link), a->family,
			    a->addr, a->prefix, (a->flags & RC_ADDR_NODAD) ? IFA_F_NODAD : 0);
	return talk(n, &m, r, link_label(n->c, a->link), " address");
}

static int route_add(struct net *n, const struct rc_route *rt)
{
	static const __u8 zero[16];
	struct nl_route q = {
		.family = rt->family,
		.dst = rt->dst,
		.dst_len = rt->dst_len,
		.gw = __builtin_memcmp(rt->gw, zero, sizeof(zero)) ? rt->gw : 0,
		.oif = ifindex_of(n, rt->link),
		.metric = rt->metric,
	};
	struct nl_msg m;
	int r;

	r = nl_req_route_add(&m, tx, sizeof(tx), nl_seq(&n->s), &q);
	return talk(n, &m, r, rt->dst_len ? "route" : "default route", "");
}

/*
 * In order: lo up, every link (found by name or MAC, then renamed, sized and
 * brought up in one request), every address, every route (routes last: a
 * gateway must be reachable through an address that is already there).
 * The object is the link, "<link> address", "route" or "default route".
 */
int net_setup(const struct conf *c, struct fail *f)
{
	static struct net n;
	struct nl_msg m;
	unsigned int i;
	int r;

	if (!CONF_COUNT(c, RC_SEC_LINKS) && !CONF_COUNT(c, RC_SEC_ADDRS) &&
	    !CONF_COUNT(c, RC_SEC_ROUTES))
		return 0;
	n.c = c;
	n.f = f;
	f->obj = "netlink";
	r = nl_open(&n.s);
	if (r < 0)
		return r;
	r = nl_req_link_up(&m, tx, sizeof(tx), nl_seq(&n.s), LO_IFINDEX, 1);
	r = talk(&n, &m, r, "lo", "");
	for (i = 0; !r && i < CONF_COUNT(c, RC_SEC_LINKS); i++)
		r = link_setup(&n, i);
	for (i = 0; !r && i < CONF_COUNT(c, RC_SEC_ADDRS); i++)
		r = addr_add(&n, CONF_AT(c, RC_SEC_ADDRS, struct rc_addr, i));
	for (i = 0; !r && i < CONF_COUNT(c, RC_SEC_ROUTES); i++)
		r = route_add(&n, CONF_AT(c, RC_SEC_ROUTES, struct rc_route, i));
	nl_close(&n.s);
	if (!r)
		log_step("net", "configured");
	return r;
}
