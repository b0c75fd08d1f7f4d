// SPDX-License-Identifier: MIT
/* Host unit tests of the pure netlink layer: request bytes, reply and error parsing, exchanges. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "../../sys/netlink.h"
#include "check.h"

/* r == 0 and the built message is exactly want[]; the reason names the first difference. */
static void expect_bytes(int r, const struct nl_msg *m, const unsigned char *want,
			 unsigned int n, const char *name)
{
	char why[96];
	unsigned int i;

	if (r) {
		snprintf(why, sizeof(why), "builder returned %d", r);
		expect_why(0, name, why);
		return;
	}
	if (m->len != n) {
		snprintf(why, sizeof(why), "length %u, want %u", m->len, n);
		expect_why(0, name, why);
		return;
	}
	for (i = 0; i < n && m->buf[i] == want[i]; i++)
		;
	snprintf(why, sizeof(why), "byte %u is 0x%02x, want 0x%02x", i, i < n ? m->buf[i] : 0,
		 i < n ? want[i] : 0);
	expect_why(i == n, name, why);
}

/* The arrays are string literals (16 bytes a line, as strace prints them): LEN drops the NUL. */
#define LEN(s)	(sizeof(s) - 1)
#define EXPECT_BYTES(r, m, want, name) \
	expect_bytes((r), (m), (const unsigned char *)(want), LEN(want), (name))

/*
 * Requests. Every array below is what iproute2 6.1 sent for the command in its
 * comment, captured on this host with `strace -e trace=sendmsg,sendto -e write=3,4`
 * inside `unshare -n` (veth va is ifindex 3, lo is 1; the sequence numbers are
 * the ones iproute2 picked). The only edit: the IFLA_EXT_MASK word of the link
 * queries, where iproute2 sets RTEXT_FILTER_VF too (see NL_EXT_MASK in netlink_route.c).
 */
#define SEQ_LINK	0x6b0c4c36
#define SEQ_ADDR	0x6b0c4c37
#define SEQ_ADDR2	0x6b0c4c79
#define VA		3

/* ip link set dev va up */
static const char want_link_up[] =
	"\x20\x00\x00\x00\x10\x00\x05\x00\x36\x4c\x0c\x6b\x00\x00\x00\x00"
	"\x00\x00\x00\x00\x03\x00\x00\x00\x01\x00\x00\x00\x01\x00\x00\x00";
/* ip link set dev va down */
static const char want_link_down[] =
	"\x20\x00\x00\x00\x10\x00\x05\x00\x36\x4c\x0c\x6b\x00\x00\x00\x00"
	"\x00\x00\x00\x00\x03\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00";
/* ip link set dev va mtu 1400 */
static const char want_link_mtu[] =
	"\x28\x00\x00\x00\x10\x00\x05\x00\x36\x4c\x0c\x6b\x00\x00\x00\x00"
	"\x00\x00\x00\x00\x03\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	"\x08\x00\x04\x00\x78\x05\x00\x00";
/* ip link set dev va name eth7 */
static const char want_link_rename[] =
	"\x2c\x00\x00\x00\x10\x00\x05\x00\x36\x4c\x0c\x6b\x00\x00\x00\x00"
	"\x00\x00\x00\x00\x03\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	"\x09\x00\x03\x00\x65\x74\x68\x37\x00\x00\x00\x00";
/* rename + mtu + up in one request (hand-written: ip sends the same attributes, one per argument) */
static const char want_link_set[] =
	"\x34\x00\x00\x00\x10\x00\x05\x00\x36\x4c\x0c\x6b\x00\x00\x00\x00"
	"\x00\x00\x00\x00\x03\x00\x00\x00\x01\x00\x00\x00\x01\x00\x00\x00"
	"\x09\x00\x03\x00\x65\x74\x68\x37\x00\x00\x00\x00"
	"\x08\x00\x04\x00\x78\x05\x00\x00";
/* ip link set dev va up: the RTM_GETLINK it sends first to resolve "va" (mask 0x09 -> 0x08) */
static const char want_link_get[] =
	"\x30\x00\x00\x00\x12\x00\x01\x00\x36\x4c\x0c\x6b\x00\x00\x00\x00"
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	"\x08\x00\x1d\x00\x08\x00\x00\x00\x07\x00\x03\x00\x76\x61\x00\x00";
/* ip link show (mask 0x01 -> 0x08) */
static const char want_link_dump[] =
	"\x28\x00\x00\x00\x12\x00\x01\x03\x36\x4c\x0c\x6b\x00\x00\x00\x00"
	"\x11\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	"\x08\x00\x1d\x00\x08\x00\x00\x00";
/* ip addr add 10.9.9.1/24 dev va */
static const char want_addr4[] =
	"\x28\x00\x00\x00\x14\x00\x05\x06\x37\x4c\x0c\x6b\x00\x00\x00\x00"
	"\x02\x18\x00\x00\x03\x00\x00\x00\x08\x00\x02\x00\x0a\x09\x09\x01"
	"\x08\x00\x01\x00\x0a\x09\x09\x01";
/* ip addr add fd00::1/64 dev va nodad */
static const char want_addr6_nodad[] =
	"\x40\x00\x00\x00\x14\x00\x05\x06\x37\x4c\x0c\x6b\x00\x00\x00\x00"
	"\x0a\x40\x02\x00\x03\x00\x00\x00\x14\x00\x02\x00\xfd\x00\x00\x00"
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x14\x00\x01\x00"
	"\xfd\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01";
/* ip addr add fd00::5/64 dev va nodad noprefixroute (flags past 8 bits: IFA_FLAGS) */
static const char want_addr6_flags[] =
	"\x48\x00\x00\x00\x14\x00\x05\x06\x79\x4c\x0c\x6b\x00\x00\x00\x00"
	"\x0a\x40\x00\x00\x03\x00\x00\x00\x14\x00\x02\x00\xfd\x00\x00\x00"
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x05\x08\x00\x08\x00"
	"\x02\x02\x00\x00\x14\x00\x01\x00\xfd\x00\x00\x00\x00\x00\x00\x00"
	"\x00\x00\x00\x00\x00\x00\x00\x05";
/* ip addr add 127.0.0.2/8 dev lo (scope host) */
static const char want_addr_lo[] =
	"\x28\x00\x00\x00\x14\x00\x05\x06\x79\x4c\x0c\x6b\x00\x00\x00\x00"
	"\x02\x08\x00\xfe\x01\x00\x00\x00\x08\x00\x02\x00\x7f\x00\x00\x02"
	"\x08\x00\x01\x00\x7f\x00\x00\x02";
/* ip route add default via 10.9.9.254 dev va proto boot metric 100 */
static const char want_route4_default[] =
	"\x34\x00\x00\x00\x18\x00\x05\x06\x37\x4c\x0c\x6b\x00\x00\x00\x00"
	"\x02\x00\x00\x00\xfe\x03\x00\x01\x00\x00\x00\x00\x08\x00\x05\x00"
	"\x0a\x09\x09\xfe\x08\x00\x06\x00\x64\x00\x00\x00\x08\x00\x04\x00"
	"\x03\x00\x00\x00";
/* ip route add 192.168.5.0/24 via 10.9.9.253 dev va */
static const char want_route4_static[] =
	"\x34\x00\x00\x00\x18\x00\x05\x06\x37\x4c\x0c\x6b\x00\x00\x00\x00"
	"\x02\x18\x00\x00\xfe\x03\x00\x01\x00\x00\x00\x00\x08\x00\x01\x00"
	"\xc0\xa8\x05\x00\x08\x00\x05\x00\x0a\x09\x09\xfd\x08\x00\x04\x00"
	"\x03\x00\x00\x00";
/* ip route add 172.16.0.0/16 dev va (no gateway: scope link) */
static const char want_route4_link[] =
	"\x2c\x00\x00\x00\x18\x00\x05\x06\x37\x4c\x0c\x6b\x00\x00\x00\x00"
	"\x02\x10\x00\x00\xfe\x03\xfd\x01\x00\x00\x00\x00\x08\x00\x01\x00"
	"\xac\x10\x00\x00\x08\x00\x04\x00\x03\x00\x00\x00";
/* ip route add default via fd00::fe dev va metric 1024 */
static const char want_route6_default[] =
	"\x40\x00\x00\x00\x18\x00\x05\x06\x37\x4c\x0c\x6b\x00\x00\x00\x00"
	"\x0a\x00\x00\x00\xfe\x03\x00\x01\x00\x00\x00\x00\x14\x00\x05\x00"
	"\xfd\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xfe"
	"\x08\x00\x06\x00\x00\x04\x00\x00\x08\x00\x04\x00\x03\x00\x00\x00";
/* ip -6 route add fd01::/48 via fd00::fd dev va */
static const char want_route6_static[] =
	"\x4c\x00\x00\x00\x18\x00\x05\x06\x37\x4c\x0c\x6b\x00\x00\x00\x00"
	"\x0a\x30\x00\x00\xfe\x03\x00\x01\x00\x00\x00\x00\x14\x00\x01\x00"
	"\xfd\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	"\x14\x00\x05\x00\xfd\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	"\x00\x00\x00\xfd\x08\x00\x04\x00\x03\x00\x00\x00";
/* ip -6 route add fd02::/64 dev va (no gateway: IPv6 stays scope universe) */
static const char want_route6_link[] =
	"\x38\x00\x00\x00\x18\x00\x05\x06\x37\x4c\x0c\x6b\x00\x00\x00\x00"
	"\x0a\x40\x00\x00\xfe\x03\x00\x01\x00\x00\x00\x00\x14\x00\x01\x00"
	"\xfd\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
	"\x08\x00\x04\x00\x03\x00\x00\x00";

static const unsigned char ip4_local[4] = { 10, 9, 9, 1 }, ip4_gw[4] = { 10, 9, 9, 254 };
static const unsigned char ip4_gw2[4] = { 10, 9, 9, 253 }, ip4_net[4] = { 192, 168, 5, 0 };
static const unsigned char ip4_172[4] = { 172, 16, 0, 0 }, ip4_lo2[4] = { 127, 0, 0, 2 };
static const unsigned char ip6_1[16] = { 0xfd, 0, [15] = 1 }, ip6_5[16] = { 0xfd, 0, [15] = 5 };
static const unsigned char ip6_fe[16] = { 0xfd, 0, [15] = 0xfe };
static const unsigned char ip6_fd[16] = { 0xfd, 0, [15] = 0xfd };
static const unsigned char ip6_fd01[16] = { 0xfd, 1 }, ip6_fd02[16] = { 0xfd, 2 };

static void test_requests(void)
{
	__u32 b[NL_TX_MAX / 4];
	struct nl_msg m;
	struct nl_route rt;
	int r;

	r = nl_req_link_up(&m, b, sizeof(b), SEQ_LINK, VA, 1);
	EXPECT_BYTES(r, &m, want_link_up, "link up request is byte-exact with ip link set up");
	r = nl_req_link_up(&m, b, sizeof(b), SEQ_LINK, VA, 0);
	EXPECT_BYTES(r, &m, want_link_down,
		     "link down request is byte-exact with ip link set down");
	r = nl_req_link_set(&m, b, sizeof(b), SEQ_LINK, VA, 0, 1400, 0);
	EXPECT_BYTES(r, &m, want_link_mtu, "link set with only an mtu is byte-exact with ip link set mtu");
	r = nl_req_link_set(&m, b, sizeof(b), SEQ_LINK, VA, "eth7", 0, 0);
	EXPECT_BYTES(r, &m, want_link_rename, "link set with only a name is byte-exact with ip link set name");
	r = nl_req_link_set(&m, b, sizeof(b), SEQ_LINK, VA, "eth7", 1400, 1);
	EXPECT_BYTES(r, &m, want_link_set, "rename, mtu and up in one request, byte-exact");
	r = nl_req_link_set(&m, b, sizeof(b), SEQ_LINK, VA, 0, 0, 1);
	EXPECT_BYTES(r, &m, want_link_up, "link set with only up equals the plain up request");
	r = nl_req_link_get(&m, b, sizeof(b), SEQ_LINK, "va");
	EXPECT_BYTES(r, &m, want_link_get, "get-link-by-name request matches ip's name lookup");
	r = nl_req_link_dump(&m, b, sizeof(b), SEQ_LINK);
	EXPECT_BYTES(r, &m, want_link_dump, "link dump request matches ip link show");
	r = nl_req_addr_add(&m, b, sizeof(b), SEQ_ADDR, VA, AF_INET, ip4_local, 24, 0);
	EXPECT_BYTES(r, &m, want_addr4, "IPv4 address request is byte-exact with ip addr add");
	r = nl_req_addr_add(&m, b, sizeof(b), SEQ_ADDR, VA, AF_INET6, ip6_1, 64, IFA_F_NODAD);
	EXPECT_BYTES(r, &m, want_addr6_nodad,
		     "IPv6 nodad address request is byte-exact (ifa_flags)");
	r = nl_req_addr_add(&m, b, sizeof(b), SEQ_ADDR2, VA, AF_INET6, ip6_5, 64,
			    IFA_F_NODAD | IFA_F_NOPREFIXROUTE);
	EXPECT_BYTES(r, &m, want_addr6_flags,
		     "address flags past 8 bits go in IFA_FLAGS as ip does");
	r = nl_req_addr_add(&m, b, sizeof(b), SEQ_ADDR2, 1, AF_INET, ip4_lo2, 8, 0);
	EXPECT_BYTES(r, &m, want_addr_lo, "127.0.0.0/8 address gets scope host as ip does");

	rt = (struct nl_route){ .family = AF_INET, .gw = ip4_gw, .oif = VA, .metric = 100 };
	r = nl_req_route_add(&m, b, sizeof(b), SEQ_ADDR, &rt);
	EXPECT_BYTES(r, &m, want_route4_default, "IPv4 default route request is byte-exact");
	rt = (struct nl_route){ .family = AF_INET, .dst = ip4_net, .dst_len = 24, .gw = ip4_gw2,
				.oif = VA };
	r = nl_req_route_add(&m, b, sizeof(b), SEQ_ADDR, &rt);
	EXPECT_BYTES(r, &m, want_route4_static, "IPv4 static route via gateway is byte-exact");
	rt = (struct nl_route){ .family = AF_INET, .dst = ip4_172, .dst_len = 16, .oif = VA };
	r = nl_req_route_add(&m, b, sizeof(b), SEQ_ADDR, &rt);
	EXPECT_BYTES(r, &m, want_route4_link,
		     "IPv4 route without gateway is scope link, byte-exact");
	rt = (struct nl_route){ .family = AF_INET6, .gw = ip6_fe, .oif = VA, .metric = 1024 };
	r = nl_req_route_add(&m, b, sizeof(b), SEQ_ADDR, &rt);
	EXPECT_BYTES(r, &m, want_route6_default, "IPv6 default route request is byte-exact");
	rt = (struct nl_route){ .family = AF_INET6, .dst = ip6_fd01, .dst_len = 48, .gw = ip6_fd,
				.oif = VA };
	r = nl_req_route_add(&m, b, sizeof(b), SEQ_ADDR, &rt);
	EXPECT_BYTES(r, &m, want_route6_static, "IPv6 static route via gateway is byte-exact");
	rt = (struct nl_route){ .family = AF_INET6, .dst = ip6_fd02, .dst_len = 64, .oif = VA };
	r = nl_req_route_add(&m, b, sizeof(b), SEQ_ADDR, &rt);
	EXPECT_BYTES(r, &m, want_route6_link,
		     "IPv6 route without gateway stays universe, byte-exact");

	rt = (struct nl_route){ .family = AF_INET6, .dst = ip6_fd01, .dst_len = 128, .gw = ip6_fd,
				.oif = VA, .metric = 1 };
	r = nl_req_route_add(&m, b, sizeof(b), 1, &rt);
	expect(r == 0 && m.len == 84,
	       "the largest request (IPv6 route, all attributes) fits NL_TX_MAX");
}

static void test_request_bounds(void)
{
	__u32 b[NL_TX_MAX / 4 + 1];
	struct nl_msg m;
	struct nl_route rt = { .family = AF_INET, .dst = ip4_net, .dst_len = 33, .oif = 1 };
	unsigned char *bytes = (unsigned char *)b;

	expect(nl_req_link_set(&m, b, 39, 1, 1, 0, 1400, 0) == -ENOBUFS,
	       "a request one byte over cap is ENOBUFS");
	expect(nl_req_link_set(&m, b, 40, 1, 1, 0, 1400, 0) == 0 && m.len == 40,
	       "a request that fills cap exactly is built");
	expect(nl_req_link_up(&m, b, 8, 1, 1, 1) == -ENOBUFS, "a cap below the header is ENOBUFS");
	expect(nl_req_link_up(&m, bytes + 1, 64, 1, 1, 1) == -EINVAL,
	       "a misaligned buffer is EINVAL");
	memset(b, 0xaa, sizeof(b));
	nl_msg_init(&m, b, sizeof(b), 1, 0, 0);
	nl_attr(&m, 7, "x", 1);
	expect(nl_msg_end(&m) == 0 && m.len == 24 && bytes[16] == 5 && bytes[20] == 'x' &&
	       !bytes[21] && !bytes[22] && !bytes[23],
	       "attribute padding is zeroed, rta_len unpadded");
	nl_msg_init(&m, b, sizeof(b), 1, 0, 0);
	nl_attr(&m, 7, b, 0x10000);
	expect(nl_msg_end(&m) == -ENOBUFS, "an attribute longer than rta_len can say is ENOBUFS");
	expect(nl_req_link_set(&m, b, sizeof(b), 1, 1, "0123456789abcdef", 0, 0) == -EINVAL,
	       "a 16-byte name is EINVAL (no room for NUL)");
	expect(nl_req_link_set(&m, b, sizeof(b), 1, 1, "0123456789abcde", 0, 0) == 0 && m.len == 52,
	       "a 15-byte name is built");
	expect(nl_req_link_get(&m, b, sizeof(b), 1, "") == -EINVAL, "an empty name is EINVAL");
	expect(nl_req_addr_add(&m, b, sizeof(b), 1, 1, AF_INET, ip4_local, 33, 0) == -EINVAL,
	       "IPv4 prefix length 33 is EINVAL");
	expect(nl_req_addr_add(&m, b, sizeof(b), 1, 1, AF_INET6, ip6_1, 128, 0) == 0,
	       "IPv6 prefix length 128 is built");
	expect(nl_req_addr_add(&m, b, sizeof(b), 1, 1, AF_PACKET, ip4_local, 8, 0) == -EINVAL,
	       "an address family other than IPv4/IPv6 is EINVAL");
	expect(nl_req_route_add(&m, b, sizeof(b), 1, &rt) == -EINVAL, "route prefix 33 is EINVAL");
	rt.dst = NULL;
	rt.dst_len = 8;
	expect(nl_req_route_add(&m, b, sizeof(b), 1, &rt) == -EINVAL,
	       "a route with a prefix length and no destination is EINVAL");
}

/*
 * Replies. Real kernel answers (6.18, NETLINK_CAP_ACK and NETLINK_EXT_ACK set,
 * our port 0x1200) captured from the init's socket code in `unshare -n`.
 */
#define PORT	0x1200

/* ACK of "lo up", seq 2: NLM_F_CAPPED, error 0, the request's header. */
static const char real_ack[] =
	"\x24\x00\x00\x00\x02\x00\x00\x01\x02\x00\x00\x00\x00\x12\x00\x00"
	"\x00\x00\x00\x00\x20\x00\x00\x00\x10\x00\x05\x00\x02\x00\x00\x00"
	"\x00\x00\x00\x00";
/* RTM_GETLINK of "nope0", seq 3: -ENODEV, no TLVs. */
static const char real_enodev[] =
	"\x24\x00\x00\x00\x02\x00\x00\x01\x03\x00\x00\x00\x00\x12\x00\x00"
	"\xed\xff\xff\xff\x34\x00\x00\x00\x12\x00\x01\x00\x03\x00\x00\x00"
	"\x00\x00\x00\x00";
/* mtu 100000, seq 7: -EINVAL, CAPPED | ACK_TLVS, NLMSGERR_ATTR_MSG. */
static const char real_einval_ext[] =
	"\x48\x00\x00\x00\x02\x00\x00\x03\x07\x00\x00\x00\x00\x12\x00\x00"
	"\xea\xff\xff\xff\x28\x00\x00\x00\x10\x00\x05\x00\x07\x00\x00\x00"
	"\x00\x00\x00\x00\x24\x00\x01\x00\x6d\x74\x75\x20\x67\x72\x65\x61"
	"\x74\x65\x72\x20\x74\x68\x61\x6e\x20\x64\x65\x76\x69\x63\x65\x20"
	"\x6d\x61\x78\x69\x6d\x75\x6d\x00";
/* The same error to iproute2 (no CAP_ACK, port 0x7e12, seq 0x6b0c4c3a): the request echoed. */
static const char real_einval_uncapped[] =
	"\x60\x00\x00\x00\x02\x00\x00\x02\x3a\x4c\x0c\x6b\x12\x7e\x00\x00"
	"\xea\xff\xff\xff\x28\x00\x00\x00\x10\x00\x05\x00\x3a\x4c\x0c\x6b"
	"\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00\x00\x00\x00\x00\x00\x00"
	"\x00\x00\x00\x00\x08\x00\x04\x00\xa0\x86\x01\x00\x24\x00\x01\x00"
	"\x6d\x74\x75\x20\x67\x72\x65\x61\x74\x65\x72\x20\x74\x68\x61\x6e"
	"\x20\x64\x65\x76\x69\x63\x65\x20\x6d\x61\x78\x69\x6d\x75\x6d\x00";
/* A second 10.9.9.1/24, seq 9: -EEXIST with a 35-byte attribute (string 31 + NUL, padded). */
static const char real_eexist_ext[] =
	"\x48\x00\x00\x00\x02\x00\x00\x03\x09\x00\x00\x00\x00\x12\x00\x00"
	"\xef\xff\xff\xff\x28\x00\x00\x00\x14\x00\x05\x06\x09\x00\x00\x00"
	"\x00\x00\x00\x00\x23\x00\x01\x00\x69\x70\x76\x34\x3a\x20\x41\x64"
	"\x64\x72\x65\x73\x73\x20\x61\x6c\x72\x65\x61\x64\x79\x20\x61\x73"
	"\x73\x69\x67\x6e\x65\x64\x00\x00";

/* A 4-aligned receive buffer that cases fill, like the init's. */
static __u32 rxw[1024];
static unsigned char *const rx = (unsigned char *)rxw;
static unsigned int rxlen;
static struct nl_msg rxm;

static void rx_reset(void)
{
	memset(rxw, 0, sizeof(rxw));
	rxlen = 0;
}

static void rx_copy(const char *bytes, unsigned int n)
{
	memcpy(rx + rxlen, bytes, n);
	rxlen += (n + 3) & ~3U;
}

#define RX_COPY(real)	rx_copy((real), LEN(real))

/* Start a message at the end of rx; rx_end() closes it with pid and returns it. */
static void rx_begin(__u16 type, __u16 flags, __u32 seq)
{
	nl_msg_init(&rxm, rx + rxlen, sizeof(rxw) - rxlen, type, flags, seq);
}

static struct nlmsghdr *rx_end(__u32 pid)
{
	struct nlmsghdr *h = (struct nlmsghdr *)rxm.buf;

	nl_msg_end(&rxm);
	h->nlmsg_pid = pid;
	rxlen += rxm.len;
	return h;
}

/* An RTM_NEWLINK as the kernel sends it, with attributes around the ones we read. */
static struct nlmsghdr *rx_link(__u16 flags, __u32 seq, int index, const char *name,
				const unsigned char *mac)
{
	struct ifinfomsg ifi = { .ifi_type = 1, .ifi_index = index, .ifi_flags = 0x1003 };
	__u32 nested[3] = { 0x00000008, 0x00000000, 0 };

	rx_begin(RTM_NEWLINK, flags, seq);
	nl_put(&rxm, &ifi, sizeof(ifi));
	nl_attr_str(&rxm, IFLA_IFNAME, name);
	nl_attr_u32(&rxm, IFLA_TXQLEN, 1000);
	nl_attr_u32(&rxm, IFLA_MTU, 1500);
	nl_attr(&rxm, IFLA_AF_SPEC | NLA_F_NESTED, nested, sizeof(nested));
	if (mac)
		nl_attr(&rxm, IFLA_ADDRESS, mac, 6);
	nl_attr(&rxm, IFLA_BROADCAST, "\xff\xff\xff\xff\xff\xff", 6);
	return rx_end(PORT);
}

static void rx_done(__u32 seq, int err)
{
	rx_begin(NLMSG_DONE, NLM_F_MULTI, seq);
	nl_put(&rxm, &err, sizeof(err));
	rx_end(PORT);
}

static void test_reply_iter(void)
{
	struct nl_reply r;
	const struct nlmsghdr *h1, *h2, *h3;
	struct nlmsghdr *h;

	rx_reset();
	RX_COPY(real_ack);
	RX_COPY(real_enodev);
	nl_reply_init(&r, rx, rxlen);
	h1 = nl_reply_next(&r);
	h2 = nl_reply_next(&r);
	h3 = nl_reply_next(&r);
	expect(h1 == (void *)rx && h2 == (void *)(rx + 36) && !h3 && !r.err,
	       "two messages in one datagram are walked, then the end");

	nl_reply_init(&r, rx, 10);
	expect(!nl_reply_next(&r) && r.err == -EBADMSG,
	       "a datagram shorter than a header is EBADMSG");
	nl_reply_init(&r, rx, 36 + 10);
	expect(nl_reply_next(&r) && !nl_reply_next(&r) && r.err == -EBADMSG,
	       "a truncated second header is EBADMSG after the first message");
	nl_reply_init(&r, rx, 35);
	expect(!nl_reply_next(&r) && r.err == -EBADMSG, "nlmsg_len past the buffer is EBADMSG");
	h = (struct nlmsghdr *)rx;
	h->nlmsg_len = 8;
	nl_reply_init(&r, rx, rxlen);
	expect(!nl_reply_next(&r) && r.err == -EBADMSG,
	       "nlmsg_len smaller than a header is EBADMSG");
	h->nlmsg_len = 0;
	nl_reply_init(&r, rx, rxlen);
	expect(!nl_reply_next(&r) && r.err == -EBADMSG && !nl_reply_next(&r),
	       "nlmsg_len 0 is EBADMSG and the walk stays stopped");
	h->nlmsg_len = 21;
	nl_reply_init(&r, rx, 21);
	expect(nl_reply_next(&r) == h && !nl_reply_next(&r) && !r.err,
	       "a last message without its padding is accepted");
	rx_reset();
	rx_begin(NLMSG_NOOP, 0, 1);
	nl_put(&rxm, "12345", 5);
	rx_end(PORT)->nlmsg_len = 21;		/* 5 bytes of payload, 3 of padding */
	RX_COPY(real_ack);
	nl_reply_init(&r, rx, rxlen);
	h1 = nl_reply_next(&r);
	h2 = nl_reply_next(&r);
	expect(h1 && h2 == (void *)(rx + 24) && !nl_reply_next(&r) && !r.err,
	       "the next message starts at the aligned end of the previous");
	nl_reply_init(&r, rx + 2, 32);
	expect(!nl_reply_next(&r) && r.err == -EINVAL, "a misaligned receive buffer is EINVAL");
}

static void test_attrs(void)
{
	static const unsigned char mac[6] = { 2, 0x11, 0x22, 0x33, 0x44, 0x55 };
	const struct rtattr *rta;
	struct nlmsghdr *h;
	struct nl_attrs a;
	struct rtattr *bad;
	unsigned int n = 0, nested = 0;

	rx_reset();
	h = rx_link(0, 1, 3, "va", mac);
	expect(nl_attrs_init(&a, h, sizeof(struct ifinfomsg)) == 0,
	       "attributes start after ifinfomsg");
	while ((rta = nl_attrs_next(&a))) {
		n++;
		nested += nl_attr_type(rta) == IFLA_AF_SPEC;
	}
	expect(n == 6 && !a.err, "every attribute is walked to the end of the message");
	expect(nested == 1, "nl_attr_type masks NLA_F_NESTED");

	bad = (struct rtattr *)(rx + 16 + 16 + 8 + 8 + 8);	/* IFLA_AF_SPEC */
	bad->rta_len = 0x200;
	nl_attrs_init(&a, h, sizeof(struct ifinfomsg));
	for (n = 0; nl_attrs_next(&a); n++)
		;
	expect(n == 3 && a.err == -EBADMSG,
	       "an rta_len past the message is EBADMSG after the good ones");
	bad->rta_len = 2;
	nl_attrs_init(&a, h, sizeof(struct ifinfomsg));
	for (n = 0; nl_attrs_next(&a); n++)
		;
	expect(n == 3 && a.err == -EBADMSG, "an rta_len below the attribute header is EBADMSG");
	h->nlmsg_len = 16 + 12;
	expect(nl_attrs_init(&a, h, sizeof(struct ifinfomsg)) == -EBADMSG && !nl_attrs_next(&a),
	       "a message shorter than its fixed header has no attributes (EBADMSG)");
}

static void test_errors(void)
{
	struct nlmsghdr *h = (struct nlmsghdr *)rx;
	const char *ext = "x";
	int err = 1, r;

	rx_reset();
	RX_COPY(real_ack);
	r = nl_error_parse(h, &err, &ext);
	expect(r == 0 && err == 0 && !ext, "a real ACK (error 0, capped) parses as success");

	rx_reset();
	RX_COPY(real_enodev);
	r = nl_error_parse(h, &err, &ext);
	expect(r == 0 && err == -ENODEV && !ext,
	       "a real error without TLVs gives its errno, no text");

	rx_reset();
	RX_COPY(real_einval_ext);
	r = nl_error_parse(h, &err, &ext);
	expect(r == 0 && err == -EINVAL && ext && !strcmp(ext, "mtu greater than device maximum"),
	       "a real capped error gives its errno and the extended-ack text");

	rx_reset();
	RX_COPY(real_einval_uncapped);
	r = nl_error_parse(h, &err, &ext);
	expect(r == 0 && err == -EINVAL && ext && !strcmp(ext, "mtu greater than device maximum"),
	       "an uncapped error (request echoed) finds the text after the echo");

	rx_reset();
	RX_COPY(real_eexist_ext);
	r = nl_error_parse(h, &err, &ext);
	expect(r == 0 && err == -EEXIST && ext && !strcmp(ext, "ipv4: Address already assigned"),
	       "a text attribute with an unaligned rta_len is read");

	rx[LEN(real_eexist_ext) - 2] = 'd';	/* the NUL; the pad byte after it is outside */
	r = nl_error_parse(h, &err, &ext);
	expect(r == 0 && err == -EEXIST && !ext,
	       "an ext-ack string not NUL-terminated inside its attribute is dropped, errno kept");

	rx_reset();
	RX_COPY(real_einval_ext);
	rx[36] = 0x40;				/* rta_len 64: past the message */
	r = nl_error_parse(h, &err, &ext);
	expect(r == 0 && err == -EINVAL && !ext, "a broken TLV area loses the text, not the errno");

	rx_reset();
	RX_COPY(real_einval_uncapped);
	rx[20] = 0xa0;				/* echoed nlmsg_len 160 > 96 */
	r = nl_error_parse(h, &err, &ext);
	expect(r == -EBADMSG, "an echoed request longer than the error message is EBADMSG");

	rx_reset();
	RX_COPY(real_ack);
	h->nlmsg_len = 20;
	r = nl_error_parse(h, &err, &ext);
	expect(r == -EBADMSG, "an NLMSG_ERROR too short for struct nlmsgerr is EBADMSG");

	rx_reset();
	RX_COPY(real_ack);
	rx[16] = 5;
	r = nl_error_parse(h, &err, &ext);
	expect(r == -EBADMSG, "a positive error code is EBADMSG");
}

/* A callback that counts the messages it is given and fails when asked. */
struct count {
	unsigned int n;
	int fail;
};

static int count_cb(const struct nlmsghdr *h, void *ctx)
{
	struct count *c = ctx;

	(void)h;
	c->n++;
	return c->fail;
}

/* A request with these flags and seq, for nl_exchange_init (one static message, reused). */
static struct nl_msg *req_of(__u16 type, __u16 flags, __u32 seq)
{
	static __u32 b[NL_TX_MAX / 4];
	static struct nl_msg m;

	nl_msg_init(&m, b, sizeof(b), type, flags, seq);
	nl_msg_end(&m);
	return &m;
}

static void test_exchange(void)
{
	static const unsigned char mac1[6] = { 2, 0, 0, 0, 0, 1 }, mac2[6] = { 2, 0, 0, 0, 0, 2 };
	struct nl_link_match mt = { .addr = mac2, .addr_len = 6 };
	struct nl_exchange x;
	struct count c = { 0, 0 };
	int r;

	/* The ACK for seq 2, then the error for seq 7, in one datagram. */
	rx_reset();
	RX_COPY(real_ack);
	RX_COPY(real_einval_ext);
	nl_exchange_init(&x, req_of(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, 7), PORT, 0, 0);
	r = nl_exchange_feed(&x, rx, rxlen);
	expect(r == 1 && x.result == -EINVAL && x.ext &&
	       !strcmp(x.ext, "mtu greater than device maximum"),
	       "an answer with another seq is skipped; ours ends the exchange with its error");

	rx_reset();
	RX_COPY(real_einval_ext);
	((struct nlmsghdr *)rx)->nlmsg_pid = PORT + 1;
	nl_exchange_init(&x, req_of(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, 7), PORT, 0, 0);
	expect(nl_exchange_feed(&x, rx, rxlen) == 0, "an answer for another port is skipped");

	rx_reset();
	RX_COPY(real_ack);
	nl_exchange_init(&x, req_of(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, 2), PORT, 0, 0);
	r = nl_exchange_feed(&x, rx, rxlen);
	expect(r == 1 && x.result == 0 && !x.ext, "an ACK ends the exchange with 0");

	/* A link dump over two datagrams: 2 links, then 1 link and NLMSG_DONE. */
	nl_exchange_init(&x, req_of(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 40), PORT,
			 nl_link_match_cb, &mt);
	rx_reset();
	rx_link(NLM_F_MULTI, 40, 1, "lo", (const unsigned char *)"\0\0\0\0\0\0");
	rx_link(NLM_F_MULTI, 40, 2, "eth0", mac1);
	r = nl_exchange_feed(&x, rx, rxlen);
	expect(r == 0 && mt.found == 0, "a multipart datagram without NLMSG_DONE asks for more");
	rx_reset();
	rx_link(NLM_F_MULTI, 40, 3, "eth1", mac2);
	rx_done(40, 0);
	r = nl_exchange_feed(&x, rx, rxlen);
	expect(r == 1 && x.result == 0, "NLMSG_DONE ends a multipart dump with 0");
	expect(mt.found == 1 && mt.link.index == 3 && !strcmp(mt.link.name, "eth1"),
	       "the link dump matches the link with the wanted MAC");

	mt = (struct nl_link_match){ .addr = mac1, .addr_len = 6 };
	nl_exchange_init(&x, req_of(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 41), PORT,
			 nl_link_match_cb, &mt);
	rx_reset();
	rx_link(NLM_F_MULTI, 41, 2, "eth0", mac1);
	rx_link(NLM_F_MULTI, 41, 5, "eth0.10", mac1);
	rx_done(41, 0);
	r = nl_exchange_feed(&x, rx, rxlen);
	expect(r == 1 && mt.found == 2 && mt.link.index == 2,
	       "two links with one MAC are both counted (the caller refuses to guess)");

	nl_exchange_init(&x, req_of(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 42), PORT, 0, 0);
	rx_reset();
	rx_done(42, -ENOBUFS);
	r = nl_exchange_feed(&x, rx, rxlen);
	expect(r == 1 && x.result == -ENOBUFS, "an error in NLMSG_DONE is the dump's result");

	nl_exchange_init(&x, req_of(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 43), PORT, 0, 0);
	rx_reset();
	{
		int e = -EINVAL;

		rx_begin(NLMSG_DONE, NLM_F_MULTI | NLM_F_ACK_TLVS, 43);
		nl_put(&rxm, &e, sizeof(e));
		nl_attr_str(&rxm, NLMSGERR_ATTR_MSG, "bad dump filter");
		rx_end(PORT);
	}
	r = nl_exchange_feed(&x, rx, rxlen);
	expect(r == 1 && x.result == -EINVAL && x.ext && !strcmp(x.ext, "bad dump filter"),
	       "NLMSG_DONE carries an extended-ack text too");

	nl_exchange_init(&x, req_of(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 48), PORT, 0, 0);
	rx_reset();
	rx_link(NLM_F_MULTI | NLM_F_DUMP_INTR, 48, 1, "lo", 0);
	rx_done(48, 0);
	r = nl_exchange_feed(&x, rx, rxlen);
	expect(r == 1 && x.result == -EAGAIN, "a dump marked NLM_F_DUMP_INTR ends in EAGAIN");

	/* A get without NLM_F_ACK: its one reply ends it. */
	mt = (struct nl_link_match){ 0 };
	nl_exchange_init(&x, req_of(RTM_GETLINK, NLM_F_REQUEST, 44), PORT, nl_link_match_cb, &mt);
	rx_reset();
	rx_link(0, 44, 3, "va", mac2);
	r = nl_exchange_feed(&x, rx, rxlen);
	expect(r == 1 && x.result == 0 && mt.found == 1 && mt.link.index == 3,
	       "a get's single reply ends the exchange and is kept");

	/* A get with NLM_F_ACK: the reply, then the ACK in the next datagram. */
	c.n = 0;
	nl_exchange_init(&x, req_of(RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, 2), PORT, count_cb, &c);
	rx_reset();
	rx_link(0, 2, 3, "va", mac2);
	r = nl_exchange_feed(&x, rx, rxlen);
	rx_reset();
	RX_COPY(real_ack);
	expect(r == 0 && nl_exchange_feed(&x, rx, rxlen) == 1 && c.n == 1,
	       "with NLM_F_ACK a reply is followed by the ACK that ends it");

	c = (struct count){ 0, -ENOSPC };
	nl_exchange_init(&x, req_of(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 45),
			 PORT, count_cb, &c);
	rx_reset();
	rx_link(NLM_F_MULTI, 45, 1, "lo", 0);
	rx_link(NLM_F_MULTI, 45, 2, "eth0", mac1);
	expect(nl_exchange_feed(&x, rx, rxlen) == -ENOSPC && c.n == 1,
	       "a callback error ends the exchange at once");

	c = (struct count){ 0, 0 };
	nl_exchange_init(&x, req_of(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 46),
			 PORT, count_cb, &c);
	rx_reset();
	rx_begin(NLMSG_NOOP, 0, 46);
	rx_end(PORT);
	rx_link(NLM_F_MULTI, 46, 1, "lo", 0);
	rx_done(46, 0);
	expect(nl_exchange_feed(&x, rx, rxlen) == 1 && c.n == 1, "NLMSG_NOOP is skipped");

	nl_exchange_init(&x, req_of(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 47),
			 PORT, count_cb, &c);
	rx_reset();
	rx_link(NLM_F_MULTI, 47, 1, "lo", 0);
	((struct nlmsghdr *)rx)->nlmsg_len = rxlen + 4;
	expect(nl_exchange_feed(&x, rx, rxlen) == -EBADMSG,
	       "a malformed datagram ends it with EBADMSG");

	nl_exchange_init(&x, req_of(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, 7), PORT, 0, 0);
	rx_reset();
	RX_COPY(real_einval_ext);
	rx[19] = 0x7f;				/* error 0x7fffffea */
	expect(nl_exchange_feed(&x, rx, rxlen) == -EBADMSG,
	       "a malformed NLMSG_ERROR ends it with EBADMSG");
}

static void test_link_parse(void)
{
	static const unsigned char mac[6] = { 2, 0x11, 0x22, 0x33, 0x44, 0x55 };
	static const unsigned char long_addr[NL_ADDR_MAX + 1];
	struct nl_link l;
	struct nlmsghdr *h;

	rx_reset();
	h = rx_link(0, 1, 3, "va", mac);
	expect(nl_link_parse(h, &l) == 0 && l.index == 3 && l.flags == 0x1003 &&
	       !strcmp(l.name, "va") && l.addr_len == 6 && !memcmp(l.addr, mac, 6),
	       "a link reply gives ifindex, flags, IFLA_IFNAME and IFLA_ADDRESS");

	rx[32 + 4 + 2] = 'x';			/* "vax" with no NUL inside rta_len 7 */
	expect(nl_link_parse(h, &l) == -EBADMSG, "an IFLA_IFNAME without NUL is EBADMSG");

	rx_reset();
	h = rx_link(0, 1, 3, "0123456789abcdefg", mac);
	expect(nl_link_parse(h, &l) == -EBADMSG, "an IFLA_IFNAME longer than IFNAMSIZ is EBADMSG");

	rx_reset();
	rx_begin(RTM_NEWLINK, 0, 1);
	{
		struct ifinfomsg ifi = { .ifi_index = 4 };

		nl_put(&rxm, &ifi, sizeof(ifi));
	}
	nl_attr(&rxm, IFLA_ADDRESS, long_addr, sizeof(long_addr));
	h = rx_end(PORT);
	expect(nl_link_parse(h, &l) == -EBADMSG,
	       "an IFLA_ADDRESS longer than MAX_ADDR_LEN is EBADMSG");

	rx_reset();
	RX_COPY(real_ack);
	expect(nl_link_parse((struct nlmsghdr *)rx, &l) == -EINVAL, "a non-RTM_NEWLINK is EINVAL");
}

int main(void)
{
	test_requests();
	test_request_bounds();
	test_reply_iter();
	test_attrs();
	test_errors();
	test_exchange();
	test_link_parse();
	return check_done();
}
