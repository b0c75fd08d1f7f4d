/* SPDX-License-Identifier: MIT */
/* rtnetlink spoken directly: requests built in caller buffers, replies validated, the socket. */
/*
 * One module in three files: netlink.c (message builder and reply parser),
 * netlink_route.c (the rtnetlink requests and link replies) are pure and unit
 * tested on the host; netlink_sock.c holds the syscalls.
 */
#ifndef SYS_NETLINK_H
#define SYS_NETLINK_H

#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>
#include <linux/if_addr.h>

/*
 * Socket-API constants the kernel keeps out of its UAPI headers (they live in
 * include/linux/socket.h and libc). Same values on x86_64 and aarch64. Guarded
 * so a hosted file may include libc's <sys/socket.h> or <net/if.h> first.
 * <linux/if.h> is not used: it includes libc's <sys/socket.h>.
 */
#ifndef AF_UNSPEC
#define AF_UNSPEC	0
#define AF_INET		2
#define AF_INET6	10
#define AF_NETLINK	16
#define AF_PACKET	17
#endif
#ifndef IFF_UP
#define IFF_UP		0x1
#endif
#ifndef IFNAMSIZ
#define IFNAMSIZ	16	/* interface name with its NUL */
#endif

#define NL_TX_MAX	128	/* largest request built here: an IPv6 route is 84 bytes */
#define NL_RX_MAX	8192	/* one receive; a dump spans several (see nl_dump) */
#define NL_ADDR_MAX	32	/* MAX_ADDR_LEN: the longest link-layer address */

/*
 * A request under construction in a caller's buffer (4-aligned: declare it
 * `__u32 b[NL_TX_MAX / 4]`). Appends past cap are dropped and remembered in
 * err (sticky), so a builder checks once, at nl_msg_end.
 */
struct nl_msg {
	unsigned char *buf;
	unsigned int cap;
	unsigned int len;
	int err;		/* 0, -ENOBUFS (did not fit) or -EINVAL (misaligned buf) */
};

void nl_msg_init(struct nl_msg *m, void *buf, unsigned int cap, __u16 type, __u16 flags,
		 __u32 seq);
/* A fixed header (ifinfomsg, ifaddrmsg, rtmsg), zero-padded to NLMSG_ALIGNTO. */
void nl_put(struct nl_msg *m, const void *data, unsigned int len);
/* An attribute, its payload zero-padded to RTA_ALIGNTO. */
void nl_attr(struct nl_msg *m, __u16 type, const void *data, unsigned int len);
void nl_attr_u32(struct nl_msg *m, __u16 type, __u32 v);
/* A string attribute with its NUL, as iproute2 sends IFLA_IFNAME. */
void nl_attr_str(struct nl_msg *m, __u16 type, const char *s);
/* Set nlmsg_len; 0, or the first error met while building. */
int nl_msg_end(struct nl_msg *m);

/*
 * Requests, byte-exact with what iproute2 6.1 sends for the same job (the unit
 * tests hold its bytes). Each fills buf through m and returns nl_msg_end().
 */
int nl_req_link_up(struct nl_msg *m, void *buf, unsigned int cap, __u32 seq, int ifindex,
		   int up);
/*
 * Rename, MTU and up in one RTM_NEWLINK: name NULL or mtu 0 leaves that
 * attribute out; up 0 leaves the flags alone.
 */
int nl_req_link_set(struct nl_msg *m, void *buf, unsigned int cap, __u32 seq, int ifindex,
		    const char *name, __u32 mtu, int up);
/* RTM_GETLINK of one link by name; the reply is one RTM_NEWLINK (or -ENODEV). */
int nl_req_link_get(struct nl_msg *m, void *buf, unsigned int cap, __u32 seq, const char *name);
/* RTM_GETLINK dump of every link: RTM_NEWLINK parts ending in NLMSG_DONE. */
int nl_req_link_dump(struct nl_msg *m, void *buf, unsigned int cap, __u32 seq);
/* RTM_NEWADDR; addr is 4 or 16 bytes by family; flags are IFA_F_* (IFA_F_NODAD). */
int nl_req_addr_add(struct nl_msg *m, void *buf, unsigned int cap, __u32 seq, int ifindex,
		    int family, const void *addr, unsigned int prefixlen, __u32 flags);

/* A route to add to the main table with protocol boot. */
struct nl_route {
	int family;		/* AF_INET or AF_INET6 */
	const void *dst;	/* network byte order; unused when dst_len is 0 */
	unsigned int dst_len;	/* prefix length; 0 is the default route */
	const void *gw;		/* gateway, or NULL for an on-link route */
	int oif;		/* output ifindex, or 0 */
	__u32 metric;		/* RTA_PRIORITY, or 0 for the kernel's default */
};
int nl_req_route_add(struct nl_msg *m, void *buf, unsigned int cap, __u32 seq,
		     const struct nl_route *r);

/*
 * Replies. A received datagram holds one or more messages; nl_reply_next
 * returns each only after checking its length against what remains, and NULL
 * at the end, with err set to -EBADMSG when a header was malformed.
 */
struct nl_reply {
	const unsigned char *p;
	unsigned int left;
	int err;
};

void nl_reply_init(struct nl_reply *r, const void *buf, unsigned int len);
const struct nlmsghdr *nl_reply_next(struct nl_reply *r);

/* The attributes after a message's fixed header of hdrlen bytes, each rta_len checked. */
struct nl_attrs {
	const unsigned char *p;
	unsigned int left;
	int err;
};

int nl_attrs_init(struct nl_attrs *a, const struct nlmsghdr *h, unsigned int hdrlen);
const struct rtattr *nl_attrs_next(struct nl_attrs *a);
static inline unsigned int nl_attr_type(const struct rtattr *rta)
{ return rta->rta_type & NLA_TYPE_MASK; }
static inline unsigned int nl_attr_len(const struct rtattr *rta)
{ return rta->rta_len - RTA_LENGTH(0); }
/* The payload as a C string, or NULL when no NUL lies inside the attribute. */
const char *nl_attr_get_str(const struct rtattr *rta);

/*
 * NLMSG_ERROR (or NLMSG_DONE, which carries the same int and may carry the
 * same TLVs): *err gets the kernel's result, 0 or -errno; *ext its extended-ack
 * text (NLMSGERR_ATTR_MSG), pointing into the message, or NULL when there is
 * none or it is not NUL-terminated inside its attribute. 0, or -EBADMSG.
 */
int nl_error_parse(const struct nlmsghdr *h, int *err, const char **ext);

/* What a link reply (RTM_NEWLINK) says about one link. */
struct nl_link {
	int index;
	unsigned int flags;			/* ifi_flags: IFF_UP ... */
	char name[IFNAMSIZ];			/* IFLA_IFNAME, NUL-terminated */
	unsigned char addr[NL_ADDR_MAX];	/* IFLA_ADDRESS */
	unsigned int addr_len;
};

/* 0; -EINVAL when h is not RTM_NEWLINK; -EBADMSG when a length is wrong. */
int nl_link_parse(const struct nlmsghdr *h, struct nl_link *l);

/*
 * A callback for nl_dump over link replies: with addr NULL it keeps the first
 * link (a get by name), else every link whose IFLA_ADDRESS is addr; found
 * counts the matches and link holds the first.
 */
struct nl_link_match {
	const unsigned char *addr;
	unsigned int addr_len;
	unsigned int found;
	struct nl_link link;
};

int nl_link_match_cb(const struct nlmsghdr *h, void *ctx);

/* A callback gets each data message of the exchange; a negative return ends it. */
typedef int (*nl_cb)(const struct nlmsghdr *h, void *ctx);

/*
 * One request's exchange, fed one datagram at a time. Messages whose seq or
 * pid is not the request's are skipped. It ends at NLMSG_ERROR (the ACK, or the
 * error), at NLMSG_DONE (a dump), or after the one reply of a request sent
 * without NLM_F_ACK or NLM_F_DUMP (a get). A dump the kernel marks
 * NLM_F_DUMP_INTR (the table changed under it) ends in -EAGAIN: ask again.
 */
struct nl_exchange {
	__u32 seq;
	__u32 portid;
	__u16 req_flags;
	nl_cb cb;
	void *ctx;
	int intr;		/* a dump part carried NLM_F_DUMP_INTR */
	int result;		/* the kernel's answer once over: 0 or -errno */
	const char *ext;	/* its extended-ack text (in the last datagram) or NULL */
};

void nl_exchange_init(struct nl_exchange *x, const struct nl_msg *req, __u32 portid, nl_cb cb,
		      void *ctx);
/* 1 when the exchange is over, 0 when more is due, -errno on a bad datagram or cb error. */
int nl_exchange_feed(struct nl_exchange *x, const void *buf, unsigned int len);

/*
 * The socket (sys/netlink_sock.c). NETLINK_EXT_ACK and NETLINK_CAP_ACK are
 * asked for; a kernel without them still works, without the text. rx is a
 * 4-aligned caller buffer (NL_RX_MAX); *ext, when set, points into it.
 */
struct nl_sock {
	int fd;
	__u32 portid;		/* ours, as the kernel numbered it at bind */
	__u32 seq;		/* the last sequence number handed out */
};

int nl_open(struct nl_sock *s);
void nl_close(struct nl_sock *s);
static inline __u32 nl_seq(struct nl_sock *s)
{ return ++s->seq; }
/*
 * Send req (built with NLM_F_ACK) and wait for its ACK: 0 or -errno, *ext as
 * above (the kernel may attach a warning text to a success, too). Blocking: a
 * request that asks for neither an ACK nor a reply would wait forever.
 */
int nl_talk(const struct nl_sock *s, const struct nl_msg *req, void *rx, unsigned int rxcap,
	    const char **ext);
/* Send req and hand every reply message to cb until the exchange ends (dumps and gets). */
int nl_dump(const struct nl_sock *s, const struct nl_msg *req, void *rx, unsigned int rxcap,
	    nl_cb cb, void *ctx, const char **ext);
/*
 * Look a link up: by name (RTM_GETLINK; the kernel also matches altnames;
 * -ENODEV when there is none) or by link-layer address (a dump: -ENODEV when
 * no link has it, -ENOTUNIQ when several do, e.g. a VLAN and its parent).
 */
int nl_link_by_name(struct nl_sock *s, const char *name, void *rx, unsigned int rxcap,
		    struct nl_link *l, const char **ext);
int nl_link_by_addr(struct nl_sock *s, const unsigned char *addr, unsigned int addr_len,
		    void *rx, unsigned int rxcap, struct nl_link *l, const char **ext);

#endif
