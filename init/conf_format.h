/* SPDX-License-Identifier: MIT */
/* Config format v1: the one definition of the binary blob, shared by the init and rawinit-conf. */
#ifndef INIT_CONF_FORMAT_H
#define INIT_CONF_FORMAT_H

/*
 * docs/config-format.md describes this layout in prose; this header is the
 * authority. All integers are little-endian (both ISAs and the host are), every
 * section starts 8-byte aligned, every record is a fixed size, and strings are
 * referenced by byte offset into the single STRINGS section ("strref").
 *
 *   header (24 bytes) | section table (16 bytes each) | sections ...
 */
#include <linux/types.h>

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "config format v1 is read in place and is little-endian"
#endif

#define RC_MAGIC		"RWIC"
#define RC_VERSION		1
#define RC_ALIGN		8		/* section offsets and the blob */
#define RC_NONE			0xffffffffu	/* "not set" for u32 fields */
#define RC_GRACE_MS_DEFAULT	2000		/* SIGTERM to SIGKILL, without a config */

/* Limits: the init's buffers and the compiler's checks both come from here. */
#define RC_TOTAL_MAX		32768		/* whole blob, bytes */
#define RC_SECTIONS_MAX		32
#define RC_STRINGS_MAX		24576		/* string area, bytes */
#define RC_STRING_MAX		4096		/* one string, NUL included */
#define RC_ARGV_MAX		256
#define RC_ENV_MAX		256
#define RC_GROUPS_MAX		64
#define RC_RLIMITS_MAX		16
#define RC_MOUNTS_MAX		64
#define RC_PATHS_MAX		64		/* masked paths; read-only paths */
#define RC_SYSCTLS_MAX		64
#define RC_LINKS_MAX		8
#define RC_ADDRS_MAX		32
#define RC_ROUTES_MAX		32
#define RC_MODULES_MAX		64
#define RC_RESOLV_MAX		16		/* resolv.conf lines */
#define RC_HOSTS_MAX		32		/* /etc/hosts lines */
#define RC_NAMESPACES_MAX	8
#define RC_CAP_LAST		40		/* CAP_CHECKPOINT_RESTORE (Linux 5.9) */
#define RC_RLIMIT_LAST		15		/* RLIMIT_RTTIME */

struct rc_header {
	__u8 magic[4];		/* RC_MAGIC */
	__u16 version;		/* RC_VERSION */
	__u16 flags;		/* none defined: must be 0 */
	__u32 total_len;	/* whole blob, header included, <= RC_TOTAL_MAX */
	__u32 crc32c;		/* CRC32C (Castagnoli) of bytes [16, total_len) */
	__u16 section_count;	/* entries in the table after the header */
	__u16 reserved;		/* 0 */
	__u32 reserved2;	/* 0 */
};

#define RC_SEC_MUST_UNDERSTAND	0x0001	/* reject the blob if the type is unknown */

struct rc_section {
	__u16 type;		/* RC_SEC_* */
	__u16 flags;		/* RC_SEC_MUST_UNDERSTAND */
	__u32 offset;		/* from the blob's start; multiple of RC_ALIGN */
	__u32 length;		/* bytes: count * record size for known types */
	__u32 count;		/* records */
};

/* Section types. Each known type appears at most once. */
enum rc_section_type {
	RC_SEC_STRINGS = 1,	/* NUL-terminated strings; byte 0 is "" (strref 0), the last
				   byte is NUL; records are bytes, so count = length */
	RC_SEC_INIT,		/* 1 x struct rc_init */
	RC_SEC_ARGV,		/* strref[]: the workload's argv */
	RC_SEC_ENV,		/* strref[]: KEY=VALUE; present = start from empty */
	RC_SEC_PROCESS,		/* 1 x struct rc_process */
	RC_SEC_GROUPS,		/* __u32[]: additional gids */
	RC_SEC_CAPS,		/* 1 x struct rc_caps */
	RC_SEC_RLIMITS,		/* struct rc_rlimit[] */
	RC_SEC_MOUNTS,		/* struct rc_mount[], in order */
	RC_SEC_MASKED,		/* strref[]: paths to mask */
	RC_SEC_READONLY,	/* strref[]: paths to make read-only */
	RC_SEC_SYSCTLS,		/* struct rc_sysctl[] */
	RC_SEC_LINKS,		/* struct rc_link[] */
	RC_SEC_ADDRS,		/* struct rc_addr[] */
	RC_SEC_ROUTES,		/* struct rc_route[] */
	RC_SEC_MODULES,		/* struct rc_module[], in load order */
	RC_SEC_RESOLV,		/* strref[]: lines of /etc/resolv.conf */
	RC_SEC_HOSTS,		/* strref[]: lines of /etc/hosts */
	RC_SEC_NAMESPACES,	/* struct rc_namespace[] */
	RC_SEC_TYPES		/* one past the last known type */
};

enum rc_mode { RC_MODE_AUTO, RC_MODE_VM, RC_MODE_CONTAINER, RC_MODE_SUBREAPER, RC_MODE_EXEC };
enum rc_shutdown { RC_SHUTDOWN_POWEROFF, RC_SHUTDOWN_REBOOT, RC_SHUTDOWN_HALT };

#define RC_INIT_ROOT_READONLY	0x01	/* remount the new root read-only */
#define RC_INIT_DEFAULT_MASKS	0x02	/* add runc's default masked/read-only paths */
#define RC_INIT_FLAGS		0x03

struct rc_init {
	__u8 mode;		/* enum rc_mode */
	__u8 verbosity;		/* 0 quiet, 1 timeline, 2 more */
	__u8 shutdown;		/* enum rc_shutdown: what a VM does at the end */
	__u8 flags;		/* RC_INIT_* */
	__u32 grace_ms;		/* SIGTERM to SIGKILL when draining */
	__u32 rootfs;		/* strref: new root ("" = stay) */
	__u32 console;		/* strref: console device ("" = default) */
	__u32 sync_fd;		/* inherited pipe to the parent, or RC_NONE */
	__u32 reserved[3];	/* 0 */
};

#define RC_PROC_TERMINAL	0x01	/* the workload gets a controlling terminal */
#define RC_PROC_NO_NEW_PRIVS	0x02
#define RC_PROC_UID		0x04	/* uid is set */
#define RC_PROC_GID		0x08	/* gid is set */
#define RC_PROC_OOM		0x10	/* oom_score_adj is set */
#define RC_PROC_FLAGS		0x1f

struct rc_process {
	__u32 cwd;		/* strref: absolute, "" = "/" */
	__u32 user;		/* strref: name in the root's /etc/passwd ("" = uid) */
	__u32 group;		/* strref: name in /etc/group ("" = gid) */
	__u32 uid;
	__u32 gid;
	__u32 umask;		/* <= 0777, or RC_NONE */
	__s32 oom_score_adj;	/* -1000..1000 when RC_PROC_OOM */
	__u32 flags;		/* RC_PROC_* */
	__u32 hostname;		/* strref, "" = leave */
	__u32 domainname;	/* strref, "" = leave */
	__u32 apparmor;		/* strref: profile for the next exec, "" = none */
	__u32 selinux;		/* strref: label for the next exec, "" = none */
};

/* Which capability sets the config names; an unnamed set is left alone. */
#define RC_CAPS_BOUNDING	0x01
#define RC_CAPS_EFFECTIVE	0x02
#define RC_CAPS_PERMITTED	0x04
#define RC_CAPS_INHERITABLE	0x08
#define RC_CAPS_AMBIENT		0x10
#define RC_CAPS_ALL		0x1f

struct rc_caps {
	__u64 bounding;		/* bit n = capability n, n <= RC_CAP_LAST */
	__u64 effective;
	__u64 permitted;
	__u64 inheritable;
	__u64 ambient;
	__u32 set;		/* RC_CAPS_* */
	__u32 reserved;
};

struct rc_rlimit {
	__u32 resource;		/* RLIMIT_*, <= RC_RLIMIT_LAST; each at most once */
	__u32 reserved;
	__u64 soft;		/* ~0 = RLIM_INFINITY; soft <= hard */
	__u64 hard;
};

#define RC_MNT_MKDIR		0x01	/* create the mountpoint (component by component) */
#define RC_MNT_FILE		0x02	/* the mountpoint is a file (bind of a file) */
#define RC_MNT_FLAGS		0x03

struct rc_mount {
	__u32 source;		/* strref */
	__u32 target;		/* strref: absolute, inside the root */
	__u32 fstype;		/* strref: "" for bind mounts */
	__u32 data;		/* strref: filesystem options ("" = none) */
	__u64 flags;		/* MS_* given to mount(2) (MS_BIND, MS_REC, MS_RDONLY, ...) */
	__u32 propagation;	/* MS_PRIVATE/MS_SLAVE/MS_SHARED/MS_UNBINDABLE, | MS_REC; 0 = none */
	__u32 rflags;		/* RC_MNT_* */
};

struct rc_sysctl {
	__u32 key;		/* strref: dotted name, e.g. net.ipv4.ip_forward */
	__u32 value;		/* strref */
};

#define RC_LINK_BY_MAC		0x01	/* match on mac, not name */
#define RC_LINK_UP		0x02
#define RC_LINK_FLAGS		0x03

struct rc_link {
	__u32 name;		/* strref: current name to match ("" when RC_LINK_BY_MAC) */
	__u32 rename;		/* strref: new name, "" = keep */
	__u8 mac[6];
	__u16 flags;		/* RC_LINK_* */
	__u32 mtu;		/* 0 = leave */
	__u32 reserved;
};

#define RC_LINK_LO		0xfffffffeu	/* link index meaning the loopback */
#define RC_ADDR_NODAD		0x01		/* IPv6: skip duplicate address detection */

struct rc_addr {
	__u32 link;		/* index into LINKS, or RC_LINK_LO */
	__u8 family;		/* AF_INET (2) or AF_INET6 (10) */
	__u8 prefix;		/* <= 32 or <= 128 */
	__u16 flags;		/* RC_ADDR_* */
	__u8 addr[16];		/* IPv4 in the first 4 bytes */
};

struct rc_route {
	__u32 link;		/* index into LINKS, RC_LINK_LO, or RC_NONE */
	__u8 family;		/* AF_INET or AF_INET6 */
	__u8 dst_len;		/* prefix length of dst; 0 with dst all zero = default */
	__u16 flags;		/* none defined: 0 */
	__u8 dst[16];
	__u8 gw[16];		/* all zero = no gateway */
	__u32 metric;		/* 0 = kernel default */
	__u32 reserved;
};

struct rc_module {
	__u32 path;		/* strref: .ko file, absolute */
	__u32 params;		/* strref: "name=value ..." ("" = none) */
};

struct rc_namespace {
	__u32 type;		/* one CLONE_NEW* bit */
	__u32 path;		/* strref: namespace file to join, "" = a new one */
};

/*
 * The embedded config: an ELF note in the init binary, named "rawinit", whose
 * descriptor rawinit-conf embed fills with the address and length of a blob it
 * appends as a new read-only PT_LOAD (the note's own PT_NOTE header is reused).
 */
#define RC_NOTE_NAME		"rawinit"
#define RC_NOTE_TYPE		0x52430001u
struct rc_note_desc {
	__u32 addr_lo;		/* virtual address of the blob, 0 = none embedded */
	__u32 addr_hi;
	__u32 len;
	__u32 reserved;
};

#endif
