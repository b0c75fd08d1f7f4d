// SPDX-License-Identifier: MIT
/* The NETLINK_ROUTE socket: open it, send a request, read its answer to the end. */
#include <asm-generic/errno.h>
#include "syscalls.h"
#include "netlink.h"

/*
 * Socket constants outside the UAPI headers (include/linux/socket.h, net.h);
 * the same on x86_64 and aarch64 (SOCK_CLOEXEC is O_CLOEXEC, 02000000, on both).
 */
#define SOCK_RAW	3
#define SOCK_CLOEXEC	02000000
#define SOL_NETLINK	270
#define MSG_TRUNC	0x20

/* A SOL_NETLINK flag; a kernel too old to know it is not an error. */
static long nl_setopt(long fd, int opt)
{
	int one = 1;
	long r = sys_setsockopt((int)fd, SOL_NETLINK, opt, &one, sizeof(one));

	return r == -ENOPROTOOPT ? 0 : r;
}

/*
 * EXT_ACK: errors (and warnings on success) carry the kernel's text.
 * CAP_ACK: an error does not echo the whole request back. The kernel numbers
 * our port at bind (nl_pid 0); getsockname tells us which, to match replies.
 */
int nl_open(struct nl_sock *s)
{
	struct sockaddr_nl a = { .nl_family = AF_NETLINK };
	int alen = sizeof(a);
	long fd, r;

	fd = sys_socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (fd < 0)
		return (int)fd;
	r = nl_setopt(fd, NETLINK_EXT_ACK);
	if (!r)
		r = nl_setopt(fd, NETLINK_CAP_ACK);
	if (!r)
		r = sys_bind((int)fd, &a, sizeof(a));
	if (!r)
		r = sys_getsockname((int)fd, &a, &alen);
	if (!r && (alen != sizeof(a) || a.nl_family != AF_NETLINK))
		r = -EPROTO;
	if (r < 0) {
		sys_close((int)fd);
		return (int)r;
	}
	s->fd = (int)fd;
	s->portid = a.nl_pid;
	s->seq = 0;
	return 0;
}

void nl_close(struct nl_sock *s)
{
	sys_close(s->fd);
	s->fd = -1;
}

/*
 * Each recv returns one datagram (a dump comes as several). MSG_TRUNC makes
 * recvfrom return the datagram's real length, so one larger than rx is an
 * error (-EMSGSIZE), never a silently cut message. Datagrams not from the
 * kernel (nl_pid 0) are dropped: another process may send to our port.
 */
int nl_dump(const struct nl_sock *s, const struct nl_msg *req, void *rx, unsigned int rxcap,
	    nl_cb cb, void *ctx, const char **ext)
{
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK }, from;
	struct nl_exchange x;
	int alen, r = 0;
	long n;

	if (ext)
		*ext = 0;
	if (req->err)
		return req->err;
	nl_exchange_init(&x, req, s->portid, cb, ctx);
	do
		n = sys_sendto(s->fd, req->buf, req->len, 0, &kernel, sizeof(kernel));
	while (n == -EINTR);
	if (n < 0)
		return (int)n;
	if (n != req->len)
		return -EIO;
	while (!r) {
		alen = sizeof(from);
		do
			n = sys_recvfrom(s->fd, rx, rxcap, MSG_TRUNC, &from, &alen);
		while (n == -EINTR);
		if (n < 0)
			return (int)n;
		if (n > rxcap)
			return -EMSGSIZE;
		if (alen == sizeof(from) && from.nl_pid == 0)
			r = nl_exchange_feed(&x, rx, (unsigned int)n);
	}
	if (r < 0)
		return r;
	if (ext)
		*ext = x.ext;
	return x.result;
}

int nl_talk(const struct nl_sock *s, const struct nl_msg *req, void *rx, unsigned int rxcap,
	    const char **ext)
{
	return nl_dump(s, req, rx, rxcap, 0, 0, ext);
}

int nl_link_by_name(struct nl_sock *s, const char *name, void *rx, unsigned int rxcap,
		    struct nl_link *l, const char **ext)
{
	__u32 b[NL_TX_MAX / 4];
	struct nl_link_match mt = { 0 };
	struct nl_msg m;
	int r;

	*ext = 0;
	r = nl_req_link_get(&m, b, sizeof(b), nl_seq(s), name);
	if (!r)
		r = nl_dump(s, &m, rx, rxcap, nl_link_match_cb, &mt, ext);
	if (!r && !mt.found)
		r = -ENODEV;
	if (!r)
		*l = mt.link;
	return r;
}

int nl_link_by_addr(struct nl_sock *s, const unsigned char *addr, unsigned int addr_len,
		    void *rx, unsigned int rxcap, struct nl_link *l, const char **ext)
{
	__u32 b[NL_TX_MAX / 4];
	struct nl_link_match mt = { .addr = addr, .addr_len = addr_len };
	struct nl_msg m;
	int r;

	*ext = 0;
	r = nl_req_link_dump(&m, b, sizeof(b), nl_seq(s));
	if (!r)
		r = nl_dump(s, &m, rx, rxcap, nl_link_match_cb, &mt, ext);
	if (!r && mt.found != 1)
		r = mt.found ? -ENOTUNIQ : -ENODEV;
	if (!r)
		*l = mt.link;
	return r;
}
