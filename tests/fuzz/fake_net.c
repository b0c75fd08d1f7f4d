// SPDX-License-Identifier: MIT
/* The fake kernel's rtnetlink: the socket, ACKs, links by name and a dump of the configured MACs. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <asm/unistd.h>
#include <linux/rtnetlink.h>
#include "../../init/conf.h"
#include "../../init/rawinit.h"
#include "fake_priv.h"

#define FAKE_PORTID	4242		/* our netlink port, as getsockname says */
#define LINK_INDEX0	2		/* ifindex of the first link found (1 is lo) */

/* A netlink message of type t answering the last request, appended at *len. */
static void *nl_put_msg(unsigned char *buf, unsigned long cap, unsigned long *len, __u16 t,
			__u16 flags, unsigned int payload)
{
	struct nlmsghdr *h = (struct nlmsghdr *)(buf + *len);
	unsigned int size = NLMSG_LENGTH(payload);

	if (*len + NLMSG_ALIGN(size) > cap)
		return 0;
	memset(h, 0, NLMSG_ALIGN(size));
	h->nlmsg_len = size;
	h->nlmsg_type = t;
	h->nlmsg_flags = flags;
	h->nlmsg_seq = k.req.nlmsg_seq;
	h->nlmsg_pid = FAKE_PORTID;
	*len += NLMSG_ALIGN(size);
	return NLMSG_DATA(h);
}

/* One RTM_NEWLINK with an ifindex, and a MAC when given. */
static void nl_put_link(unsigned char *buf, unsigned long cap, unsigned long *len, int index,
			const __u8 *mac, __u16 flags)
{
	unsigned int alen = mac ? RTA_SPACE(6) : 0;
	struct ifinfomsg *ifi = nl_put_msg(buf, cap, len, RTM_NEWLINK, flags,
					   NLMSG_ALIGN(sizeof(*ifi)) + alen);
	struct rtattr *rta;

	if (!ifi)
		return;
	ifi->ifi_index = index;
	if (!mac)
		return;
	rta = (struct rtattr *)((unsigned char *)ifi + NLMSG_ALIGN(sizeof(*ifi)));
	rta->rta_len = RTA_LENGTH(6);
	rta->rta_type = IFLA_ADDRESS;
	memcpy(RTA_DATA(rta), mac, 6);
}

/* The answer to the last request: a link, a dump of the configured MACs, or an ACK. */
static long nl_answer(unsigned char *buf, unsigned long cap, struct sockaddr_nl *from, int *alen)
{
	const struct conf *c = fake_conf();
	const struct rc_link *l;
	unsigned long len = 0;
	struct nlmsgerr *e;
	unsigned int i;

	if (k.req.nlmsg_type == RTM_GETLINK && !(k.req.nlmsg_flags & NLM_F_DUMP)) {
		nl_put_link(buf, cap, &len, LINK_INDEX0, 0, 0);
	} else if (k.req.nlmsg_type == RTM_GETLINK) {
		for (i = 0; c && i < CONF_COUNT(c, RC_SEC_LINKS); i++) {
			l = CONF_AT(c, RC_SEC_LINKS, struct rc_link, i);
			nl_put_link(buf, cap, &len, LINK_INDEX0 + (int)i, l->mac, NLM_F_MULTI);
		}
		e = nl_put_msg(buf, cap, &len, NLMSG_DONE, NLM_F_MULTI, sizeof(int));
		if (e)
			e->error = 0;
	} else {
		e = nl_put_msg(buf, cap, &len, NLMSG_ERROR, NLM_F_CAPPED, sizeof(*e));
		if (e)
			e->msg = k.req;
	}
	if (from) {
		memset(from, 0, sizeof(*from));
		from->nl_family = AF_NETLINK;
		*alen = sizeof(*from);
	}
	return (long)len;
}

long fake_net(long n, const long *arg)
{
	struct sockaddr_nl *a = (struct sockaddr_nl *)arg[1];

	switch (n) {
	case __NR_socket:
		return fd_new(K_SOCK, 0, 0);
	case __NR_getsockname:
		memset(a, 0, sizeof(*a));
		a->nl_family = AF_NETLINK;
		a->nl_pid = FAKE_PORTID;
		*(int *)arg[2] = sizeof(*a);
		return 0;
	case __NR_sendto:
		touch((const void *)arg[1], (unsigned long)arg[2]);
		if ((unsigned long)arg[2] >= sizeof(k.req))
			memcpy(&k.req, (const void *)arg[1], sizeof(k.req));
		return arg[2];
	case __NR_recvfrom:
		return nl_answer((unsigned char *)arg[1], (unsigned long)arg[2],
				 (struct sockaddr_nl *)arg[4], (int *)arg[5]);
	case __NR_bind:
	case __NR_setsockopt:
		return 0;
	default:
		return FAKE_UNHANDLED;
	}
}
