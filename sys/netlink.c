// SPDX-License-Identifier: MIT
/* Netlink messages without syscalls: built in a fixed buffer, replies walked length-checked. */
#include <asm-generic/errno.h>
#include "mem.h"
#include "netlink.h"

/*
 * The UAPI length macros mix int and size_t (NLMSG_HDRLEN is an int); these
 * are the same numbers as unsigned int, so comparisons stay unsigned.
 */
#define NL_HDR		((unsigned int)sizeof(struct nlmsghdr))	/* 16, aligned */
#define NL_RTA		((unsigned int)sizeof(struct rtattr))	/* 4 */
#define NL_ALIGN(n)	(((n) + 3U) & ~3U)
#define NL_ERRNO_MAX	4095	/* a kernel error is -1..-4095 */

/* Room for n bytes (plus padding, zeroed) at the end of m, or NULL with m->err set. */
static unsigned char *nl_grow(struct nl_msg *m, unsigned int n)
{
	unsigned char *p;
	unsigned long need = ((unsigned long)n + 3) & ~3UL;

	if (m->err)
		return 0;
	if (need > m->cap - m->len) {
		m->err = -ENOBUFS;
		return 0;
	}
	p = m->buf + m->len;
	memset(p + n, 0, need - n);
	m->len += (unsigned int)need;
	return p;
}

void nl_msg_init(struct nl_msg *m, void *buf, unsigned int cap, __u16 type, __u16 flags,
		 __u32 seq)
{
	struct nlmsghdr h = { NL_HDR, type, flags, seq, 0 };
	unsigned char *p;

	m->buf = buf;
	m->cap = cap;
	m->len = 0;
	m->err = ((unsigned long)buf % NLMSG_ALIGNTO) ? -EINVAL : 0;
	p = nl_grow(m, NL_HDR);
	if (p)
		memcpy(p, &h, sizeof(h));
}

void nl_put(struct nl_msg *m, const void *data, unsigned int len)
{
	unsigned char *p = nl_grow(m, len);

	if (p)
		memcpy(p, data, len);
}

void nl_attr(struct nl_msg *m, __u16 type, const void *data, unsigned int len)
{
	struct rtattr rta;
	unsigned char *p;

	if (len > 0xffff - NL_RTA) {		/* rta_len is 16 bits */
		if (!m->err)
			m->err = -ENOBUFS;
		return;
	}
	p = nl_grow(m, NL_RTA + len);
	if (!p)
		return;
	rta.rta_len = (unsigned short)(NL_RTA + len);
	rta.rta_type = type;
	memcpy(p, &rta, NL_RTA);
	memcpy(p + NL_RTA, data, len);
}

void nl_attr_u32(struct nl_msg *m, __u16 type, __u32 v)
{
	nl_attr(m, type, &v, sizeof(v));
}

void nl_attr_str(struct nl_msg *m, __u16 type, const char *s)
{
	nl_attr(m, type, s, (unsigned int)strlen(s) + 1);
}

int nl_msg_end(struct nl_msg *m)
{
	if (m->err)
		return m->err;
	((struct nlmsghdr *)m->buf)->nlmsg_len = m->len;
	return 0;
}

/* Replies. */

void nl_reply_init(struct nl_reply *r, const void *buf, unsigned int len)
{
	r->p = buf;
	r->left = len;
	r->err = 0;
	if ((unsigned long)buf % NLMSG_ALIGNTO) {
		r->left = 0;
		r->err = -EINVAL;
	}
}

/*
 * A message is used only when its header fits, nlmsg_len covers at least the
 * header and no more than what remains. The next one starts at the aligned
 * end; the last may omit its padding.
 */
const struct nlmsghdr *nl_reply_next(struct nl_reply *r)
{
	const struct nlmsghdr *h = (const void *)r->p;
	unsigned int step;

	if (r->err || !r->left)
		return 0;
	if (r->left < NL_HDR || h->nlmsg_len < NL_HDR || h->nlmsg_len > r->left) {
		r->left = 0;
		r->err = -EBADMSG;
		return 0;
	}
	step = NL_ALIGN(h->nlmsg_len);
	if (step > r->left)
		step = r->left;
	r->p += step;
	r->left -= step;
	return h;
}

/* Attributes from offset off of h (validated by nl_reply_next) to its end. */
static int nl_attrs_at(struct nl_attrs *a, const struct nlmsghdr *h, unsigned int off)
{
	a->p = 0;
	a->left = 0;
	a->err = 0;
	if (off > h->nlmsg_len) {
		a->err = -EBADMSG;
		return a->err;
	}
	a->p = (const unsigned char *)h + off;
	a->left = h->nlmsg_len - off;
	return 0;
}

int nl_attrs_init(struct nl_attrs *a, const struct nlmsghdr *h, unsigned int hdrlen)
{
	return nl_attrs_at(a, h, NL_HDR + NL_ALIGN(hdrlen));
}

const struct rtattr *nl_attrs_next(struct nl_attrs *a)
{
	const struct rtattr *rta = (const void *)a->p;
	unsigned int step;

	if (a->err || !a->left)
		return 0;
	if (a->left < NL_RTA || rta->rta_len < NL_RTA || rta->rta_len > a->left) {
		a->left = 0;
		a->err = -EBADMSG;
		return 0;
	}
	step = NL_ALIGN(rta->rta_len);
	if (step > a->left)
		step = a->left;
	a->p += step;
	a->left -= step;
	return rta;
}

const char *nl_attr_get_str(const struct rtattr *rta)
{
	const char *s = RTA_DATA(rta);
	unsigned int i, n = nl_attr_len(rta);

	for (i = 0; i < n; i++)
		if (!s[i])
			return s;
	return 0;
}

/*
 * Layout: nlmsghdr, int error, then for NLMSG_ERROR the request's header and,
 * unless NLM_F_CAPPED, the rest of the request; then, with NLM_F_ACK_TLVS,
 * attributes at the next aligned offset. A broken TLV area loses only the text,
 * never the error code.
 */
int nl_error_parse(const struct nlmsghdr *h, int *err, const char **ext)
{
	const struct nlmsgerr *e = NLMSG_DATA(h);
	const struct rtattr *rta;
	struct nl_attrs a;
	unsigned int off = sizeof(int);
	int code;

	*err = 0;
	*ext = 0;
	if (h->nlmsg_type == NLMSG_DONE && h->nlmsg_len < NL_HDR + off)
		return 0;			/* a bare DONE: success */
	if (h->nlmsg_type == NLMSG_ERROR) {
		off = sizeof(*e);
		if (h->nlmsg_len < NL_HDR + off)
			return -EBADMSG;
		if (!(h->nlmsg_flags & NLM_F_CAPPED)) {
			if (e->msg.nlmsg_len < NL_HDR || e->msg.nlmsg_len > h->nlmsg_len)
				return -EBADMSG;
			off += e->msg.nlmsg_len - NL_HDR;
		}
	}
	memcpy(&code, NLMSG_DATA(h), sizeof(code));
	if (code > 0 || code < -NL_ERRNO_MAX)
		return -EBADMSG;
	*err = code;
	if (!(h->nlmsg_flags & NLM_F_ACK_TLVS) || nl_attrs_at(&a, h, NL_HDR + NL_ALIGN(off)) < 0)
		return 0;
	while ((rta = nl_attrs_next(&a)))
		if (nl_attr_type(rta) == NLMSGERR_ATTR_MSG)
			*ext = nl_attr_get_str(rta);
	return 0;
}

void nl_exchange_init(struct nl_exchange *x, const struct nl_msg *req, __u32 portid, nl_cb cb,
		      void *ctx)
{
	const struct nlmsghdr *h = (const void *)req->buf;

	x->seq = req->len >= NL_HDR ? h->nlmsg_seq : 0;
	x->req_flags = req->len >= NL_HDR ? h->nlmsg_flags : 0;
	x->portid = portid;
	x->cb = cb;
	x->ctx = ctx;
	x->intr = 0;
	x->result = 0;
	x->ext = 0;
}

int nl_exchange_feed(struct nl_exchange *x, const void *buf, unsigned int len)
{
	const struct nlmsghdr *h;
	struct nl_reply r;
	int e;

	nl_reply_init(&r, buf, len);
	while ((h = nl_reply_next(&r))) {
		if (h->nlmsg_seq != x->seq || h->nlmsg_pid != x->portid)
			continue;		/* a late answer to an earlier request */
		x->intr |= !!(h->nlmsg_flags & NLM_F_DUMP_INTR);
		if (h->nlmsg_type == NLMSG_ERROR || h->nlmsg_type == NLMSG_DONE) {
			e = nl_error_parse(h, &x->result, &x->ext);
			if (!e && !x->result && x->intr)
				x->result = -EAGAIN;
			return e < 0 ? e : 1;
		}
		if (h->nlmsg_type < NLMSG_MIN_TYPE)
			continue;		/* NLMSG_NOOP, NLMSG_OVERRUN */
		if (x->cb && (e = x->cb(h, x->ctx)) < 0)
			return e;
		if (!(h->nlmsg_flags & NLM_F_MULTI) && !(x->req_flags & (NLM_F_ACK | NLM_F_DUMP)))
			return 1;		/* the one reply to a get */
	}
	return r.err;
}
