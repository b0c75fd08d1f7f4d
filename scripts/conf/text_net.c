// SPDX-License-Identifier: MIT
/* Network directives: links by name or MAC, addresses and routes (IPv4 and IPv6). */
#include <arpa/inet.h>
#include <string.h>
#include "textp.h"

static __u32 ifname(struct text *t, const struct word *w)
{
	if (strlen(w->s) > 15)
		tx_fail(t, w->col, "expected an interface name of at most 15 bytes, got %s", tx_got(w));
	return tx_str(t, w);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return -1;
}

/* mac=AA:BB:CC:DD:EE:FF, hex digits in either case. */
static void mac(struct text *t, const struct word *w, __u8 out[6])
{
	const char *p = w->s + 4;
	unsigned int i;

	for (i = 0; i < 6; i++, p += 3) {
		if (hexval(p[0]) < 0 || hexval(p[1]) < 0 || p[2] != (i < 5 ? ':' : 0))
			tx_fail(t, w->col, "expected mac=AA:BB:CC:DD:EE:FF, got %s", tx_got(w));
		out[i] = (__u8)(hexval(p[0]) << 4 | hexval(p[1]));
	}
}

/* The name addr and route lines use for a link: its new name, else its match name. */
static const char *link_name(const struct enc *e, const struct rc_link *l)
{
	return *enc_get(e, l->rename) ? enc_get(e, l->rename) : enc_get(e, l->name);
}

static void d_link(struct text *t, const struct word *a, unsigned int n)
{
	struct rc_link *l = tx_add(t, RC_SEC_LINKS, t->w), *k;
	unsigned int i, seen = 0, self = t->e->sec[RC_SEC_LINKS].count - 1;
	const struct word *v;

	if (!strncmp(a->s, "mac=", 4)) {
		mac(t, a, l->mac);
		l->flags |= RC_LINK_BY_MAC;
	} else if (*a->s) {
		l->name = ifname(t, a);
	} else {
		tx_fail(t, a->col, "expected an interface name or mac=AA:BB:CC:DD:EE:FF, got ''");
	}
	for (i = 1; i < n; i++) {
		if (!strcmp(a[i].s, "rename") && !(seen & 1)) {
			v = tx_value(t, a, n, &i, "a new interface name");
			l->rename = ifname(t, v);
			seen |= 1;
		} else if (!strcmp(a[i].s, "mtu") && !(seen & 2)) {
			v = tx_value(t, a, n, &i, "an MTU");
			l->mtu = (__u32)tx_number(t, v, 0xffffffffu, "an MTU 0..4294967295");
			seen |= 2;
		} else if (!strcmp(a[i].s, "up") && !(seen & 4)) {
			l->flags |= RC_LINK_UP;
			seen |= 4;
		} else {
			tx_fail(t, a[i].col, "expected rename, mtu or up (each once), got %s", tx_got(&a[i]));
		}
	}
	if (!strcmp(link_name(t->e, l), "lo"))
		tx_fail(t, a->col, "expected a link other than lo (lo needs no link line)");
	for (i = 0; i < self; i++) {
		k = enc_at(t->e, RC_SEC_LINKS, i);
		if ((l->flags & RC_LINK_BY_MAC) ? (k->flags & RC_LINK_BY_MAC) &&
						  !memcmp(k->mac, l->mac, 6)
						: !strcmp(enc_get(t->e, k->name), a->s))
			tx_fail(t, a->col, "expected a link no earlier link line matches, got %s", tx_got(a));
		if (*link_name(t->e, l) && !strcmp(link_name(t->e, k), link_name(t->e, l)))
			tx_fail(t, a->col, "expected a link name no earlier link line gives, got '%s'",
				link_name(t->e, l));
	}
}

/* lo, a link's name, or mac=... of a link matched by its MAC: an index into LINKS. */
static __u32 link_ref(struct text *t, const struct word *w)
{
	const struct rc_link *l;
	__u8 m[6];
	unsigned int i;

	if (!strcmp(w->s, "lo"))
		return RC_LINK_LO;
	if (!strncmp(w->s, "mac=", 4))
		mac(t, w, m);
	for (i = 0; i < t->e->sec[RC_SEC_LINKS].count; i++) {
		l = enc_at(t->e, RC_SEC_LINKS, i);
		if (strncmp(w->s, "mac=", 4) ? !strcmp(link_name(t->e, l), w->s)
					     : (l->flags & RC_LINK_BY_MAC) && !memcmp(l->mac, m, 6))
			return i;
	}
	tx_fail(t, w->col, "expected lo or a link from an earlier link line, got %s", tx_got(w));
}

/* An IPv4 or IPv6 address into out[16]; its family. With prefix, "/LEN" too. */
static __u8 address(struct text *t, const struct word *w, __u8 out[16], __u8 *prefix)
{
	char s[64];
	const char *slash = prefix ? strrchr(w->s, '/') : NULL;
	size_t len = slash ? (size_t)(slash - w->s) : strlen(w->s);
	int v6 = !!memchr(w->s, ':', len);
	struct word pw;

	if ((prefix && !slash) || len >= sizeof(s))
		goto bad;
	memcpy(s, w->s, len);
	s[len] = 0;
	if (inet_pton(v6 ? AF_INET6 : AF_INET, s, out) != 1)
		goto bad;
	if (prefix) {
		pw.s = slash + 1;
		pw.col = w->col + (unsigned int)len + 1;
		*prefix = (__u8)tx_number(t, &pw, v6 ? 128 : 32,
					  v6 ? "a prefix length 0..128" : "a prefix length 0..32");
	}
	return v6 ? AF_INET6 : AF_INET;
bad:
	tx_fail(t, w->col, "expected an IPv4 or IPv6 address%s, got %s", prefix ? "/PREFIX" : "",
		tx_got(w));
}

static void d_addr(struct text *t, const struct word *a, unsigned int n)
{
	struct rc_addr *r = tx_add(t, RC_SEC_ADDRS, t->w);

	r->link = link_ref(t, &a[0]);
	r->family = address(t, &a[1], r->addr, &r->prefix);
	if (n > 2 && strcmp(a[2].s, "nodad"))
		tx_fail(t, a[2].col, "expected nodad or the end of the line, got %s", tx_got(&a[2]));
	if (n > 2)
		r->flags |= RC_ADDR_NODAD;
}

static void d_route(struct text *t, const struct word *a, unsigned int n)
{
	struct rc_route *r = tx_add(t, RC_SEC_ROUTES, t->w);
	const struct word *via = NULL, *v;
	unsigned int i, seen = 0;
	__u8 fam = 0, gwfam = 0;

	r->link = RC_NONE;
	if (!strcmp(a->s, "default6"))
		fam = AF_INET6;
	else if (strcmp(a->s, "default"))
		fam = address(t, a, r->dst, &r->dst_len);
	for (i = 1; i < n; i++) {
		if (!strcmp(a[i].s, "via") && !(seen & 1)) {
			via = tx_value(t, a, n, &i, "a gateway address");
			gwfam = address(t, via, r->gw, NULL);
			seen |= 1;
		} else if (!strcmp(a[i].s, "dev") && !(seen & 2)) {
			v = tx_value(t, a, n, &i, "lo or a link name");
			r->link = link_ref(t, v);
			seen |= 2;
		} else if (!strcmp(a[i].s, "metric") && !(seen & 4)) {
			v = tx_value(t, a, n, &i, "a metric");
			r->metric = (__u32)tx_number(t, v, 0xffffffffu, "a metric 0..4294967295");
			seen |= 4;
		} else {
			tx_fail(t, a[i].col, "expected via, dev or metric (each once), got %s", tx_got(&a[i]));
		}
	}
	if (!fam)
		fam = gwfam ? gwfam : AF_INET;
	if (via && gwfam != fam)
		tx_fail(t, via->col, "expected an %s gateway for an %s route, got %s",
			fam == AF_INET ? "IPv4" : "IPv6", fam == AF_INET ? "IPv4" : "IPv6", tx_got(via));
	r->family = fam;
}

const struct directive text_net[] = {
	FN("link", "NAME|mac=MAC [rename NEW] [mtu N] [up]", d_link, 1, 6, 0),
	FN("addr", "LINK ADDRESS/PREFIX [nodad]", d_addr, 2, 3, 0),
	FN("route", "default|default6|DST/LEN [via GW] [dev LINK] [metric N]", d_route, 1, 7, 0),
	FN(NULL, NULL, NULL, 0, 0, 0),
};
