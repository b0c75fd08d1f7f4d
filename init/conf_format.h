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
#define RC_SIGNALS_MAX		64		/* one policy per signal 1..64 */
#define RC_SIG_LAST		64		/* SIGRTMAX as the kernel numbers it (_NSIG) */
#define RC_CAP_LAST		40		/* CAP_CHECKPOINT_RESTORE (Linux 5.9) */
#define RC_RLIMIT_LAST		15		/* RLIMIT_RTTIME */

struct rc_header {
	__u8 magic[4];		/* RC_MAGIC */
	__u16 version;		/* RC_VERSION */
	__u16 flags;		/* none defined: must be 0 */
	__u32 total_len;	/* whole blob, header included, <= RC_TOTAL_MAX */
	__u32 crc32c;		/* CRC32C (Castagnoli) of bytes [RC_CRC_START, total_len) */
	__u16 section_count;	/* entries in the table after the header */
	__u16 reserved;		/* 0 */
	__u32 reserved2;	/* 0 */
};

#define RC_CRC_START	16	/* the checksum covers all that follows it */

#define RC_SEC_MUST_UNDERSTAND	0x0001	/* reject the blob if the type is unknown */

struct rc_section {
	__u16 type;		/* RC_SEC_* */
	__u16 flags;		/* RC_SEC_MUST_UNDERSTAND */
	__u32 offset;		/* from the blob's start; multiple of RC_ALIGN */
	__u32 length;		/* bytes: count * record size for known types */
	__u32 count;		/* records */
};

/*
 * The sections, in type order (type 1 first): RC_SEC_<TYPE>, the name messages
 * and dump use, the record type, the most records (1: exactly one). Each known
 * type appears at most once. A strref list is __u32 records. STRINGS holds
 * NUL-terminated strings, one byte a record: byte 0 is "" (strref 0), the last
 * byte is NUL.
 */
#define RC_SECTIONS(X) \
	X(STRINGS, strings, __u8, RC_STRINGS_MAX) \
	X(INIT, init, struct rc_init, 1) \
	X(ARGV, argv, __u32, RC_ARGV_MAX)		/* strref[]: the workload's argv */ \
	X(ENV, env, __u32, RC_ENV_MAX)			/* strref[]: KEY=VALUE; present = start from empty */ \
	X(PROCESS, process, struct rc_process, 1) \
	X(GROUPS, groups, __u32, RC_GROUPS_MAX)		/* additional gids */ \
	X(CAPS, caps, struct rc_caps, 1) \
	X(RLIMITS, rlimits, struct rc_rlimit, RC_RLIMITS_MAX) \
	X(MOUNTS, mounts, struct rc_mount, RC_MOUNTS_MAX)	/* in order */ \
	X(MASKED, masked, __u32, RC_PATHS_MAX)		/* strref[]: paths to mask */ \
	X(READONLY, readonly, __u32, RC_PATHS_MAX)	/* strref[]: paths to make read-only */ \
	X(SYSCTLS, sysctls, struct rc_sysctl, RC_SYSCTLS_MAX) \
	X(LINKS, links, struct rc_link, RC_LINKS_MAX) \
	X(ADDRS, addrs, struct rc_addr, RC_ADDRS_MAX) \
	X(ROUTES, routes, struct rc_route, RC_ROUTES_MAX) \
	X(MODULES, modules, struct rc_module, RC_MODULES_MAX)	/* in load order */ \
	X(RESOLV, resolv, __u32, RC_RESOLV_MAX)		/* strref[]: lines of /etc/resolv.conf */ \
	X(HOSTS, hosts, __u32, RC_HOSTS_MAX)		/* strref[]: lines of /etc/hosts */ \
	X(NAMESPACES, namespaces, struct rc_namespace, RC_NAMESPACES_MAX) \
	X(SIGNALS, signals, struct rc_signal, RC_SIGNALS_MAX)	/* the signal policy */ \
	X(SUPERVISE, supervise, struct rc_supervise, 1)

#define RC_SEC_ENUM(type, name, rec, max)	RC_SEC_##type,
enum rc_section_type {
	RC_SEC_UNKNOWN,		/* 0, and any type from RC_SEC_TYPES on */
	RC_SECTIONS(RC_SEC_ENUM)
	RC_SEC_TYPES		/* one past the last known type */
};
#undef RC_SEC_ENUM
_Static_assert(RC_SEC_STRINGS == 1 && RC_SEC_NAMESPACES == 19, "v1 types keep their numbers");

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

/* What the supervisor does with a signal it receives; without a record: forward it. */
enum rc_sig_action { RC_SIG_FORWARD, RC_SIG_IGNORE, RC_SIG_SHUTDOWN };
#define RC_SIG_GROUP		0x01	/* forward to the workload's process group */
#define RC_SIG_FLAGS		0x01

struct rc_signal {
	__u8 signo;		/* 1..RC_SIG_LAST, not SIGKILL, SIGSTOP or SIGCHLD; each at most once */
	__u8 action;		/* enum rc_sig_action */
	__u8 to;		/* RC_SIG_FORWARD: the signal sent instead (rewrite), 0 = the same */
	__u8 flags;		/* RC_SIG_GROUP */
};

#define RC_SUP_GROUP		0x01	/* forward every signal to the workload's process group */
#define RC_SUP_FLAGS		0x01

struct rc_supervise {
	__u32 flags;		/* RC_SUP_* */
	__u32 pdeathsig;	/* subreaper: the signal rawinit gets when its parent dies, 0 = none */
	__u32 exit_zero[8];	/* bit n (of 256): workload exit status n is reported as 0 */
};

/*
 * The fields, one row each: by section in type order, each in record order.
 * The decoder reads the first columns (what it checks, where the strrefs are);
 * rawinit-conf reads those and two more: the field's text directive and its
 * OCI member. F(section, struct, field, kind, text, oci) is a field of a
 * record, E(section, kind, text, oci) a whole record of a strref list, and
 * B(section, struct, field, how, limit, text, oci) a number: at most limit
 * (MAX), the same or RC_NONE (MAX_NONE), or no bit outside limit (FLAGS; MS_*
 * are from <linux/mount.h>). H(section, struct, field, arg, text, oci) is a row
 * for rawinit-conf alone, which the decoder does not check: a number up to
 * arg, or one bit arg of a flags field. Messages name fields as written here.
 *
 * The text column, read by the text parser and by dump, in row order:
 *   TX(name, args)             a string (STR), a path (PATH, PATH0: abs or ""),
 *                              or a line of a strref list: PATH one absolute
 *                              path, STR and ENV the words joined (ENV: KEY=VALUE)
 *   TX_KEY(name, args, names)  a keyword of struct names (scripts/conf/names.c)
 *   TX_NUM(name, args, what)   a decimal number up to the limit (MAX_NONE: RC_NONE
 *                              is not printed); what names it in messages
 *   TX_FLAG(name)              no words: sets bit arg
 *   TX_OWN(name)               read and printed by its own code in scripts/conf,
 *                              printed at this row's place
 *   TX_NONE
 * The OCI column, read by the config.json walker (a dotted path from the top):
 *   OCI(path)                  a string (a path kind: absolute), or an array of
 *                              them for a strref list
 *   OCI_FLAG(path)             true sets bit arg
 *   OCI_INT(path, min, max, flag)  an integer min..max; sets process flag bit flag
 *   OCI_OWN(path)              read by its own code in scripts/conf/oci*.c
 *   OCI_NONE
 * An object's members are read in the order of its own code's table, then of
 * these rows.
 *
 * Own code, because a line or a member is more than one field: user and group
 * (a number or a name), umask (octal), oom-score-adj (signed), argv (words on
 * one line; the first not empty), groups (a u32 list, no row), parent-death
 * (a signal name or number), exit-zero (statuses into the 256-bit mask, its
 * row naming exit_zero[0]); in OCI root.path (relative to the bundle) and
 * root.readonly (only true makes the section). And whole records: caps (names into five masks), rlimits (names,
 * unlimited, soft <= hard), mounts (an option list), sysctls, links, addrs and
 * routes (names, MACs, addresses, link references), modules (path and joined
 * params), namespaces (type names, each once), signals (a signal, an action,
 * each signal once).
 */
enum rc_field_kind {
	RC_F_STR,		/* strref: any string */
	RC_F_PATH,		/* strref: absolute path */
	RC_F_PATH0,		/* strref: "" or absolute path */
	RC_F_ENV,		/* strref: KEY=VALUE, KEY non-empty */
	RC_F_IFNAME,		/* strref: at most 15 bytes (IFNAMSIZ - 1) */
	RC_F_SYSCTL,		/* strref: non-empty, no '/' and no ".." */
	RC_F_ZERO32,		/* reserved __u32: 0 */
	RC_F_CAPS,		/* __u64 capability mask up to RC_CAP_LAST */
	RC_F_LINK,		/* index into LINKS, or RC_LINK_LO */
	RC_F_LINK_NONE,		/* the same, or RC_NONE */
	RC_F_SIGNO,		/* rc_signal.signo: 1..RC_SIG_LAST, not KILL, STOP or CHLD, once a section */
	RC_F_SIGTO,		/* rc_signal.to: 0..RC_SIG_LAST, not 0 only with RC_SIG_FORWARD */
	RC_F_BOUND,		/* the B() fields, in order, from here on */
};
#define RC_F_STRREF(kind)	((kind) <= RC_F_SYSCTL)

/* The decoder's view: the rows without H. */
#define RC_FIELDS(F, E, B)	RC_ROWS(F, E, B, RC_ROW_SKIP)
#define RC_ROW_SKIP(...)

#define RC_ROWS(F, E, B, H) \
	B(INIT, rc_init, mode, MAX, RC_MODE_EXEC, \
	  TX_KEY("mode", "auto|vm|container|subreaper|exec", mode_names), OCI_NONE) \
	B(INIT, rc_init, verbosity, MAX, 2, TX_NUM("verbose", "0..2", "a verbosity 0..2"), OCI_NONE) \
	B(INIT, rc_init, shutdown, MAX, RC_SHUTDOWN_HALT, \
	  TX_KEY("shutdown", "poweroff|reboot|halt", shutdown_names), OCI_NONE) \
	H(INIT, rc_init, grace_ms, 0xffffffffu, \
	  TX_NUM("grace", "MILLISECONDS", "milliseconds 0..4294967295"), OCI_NONE) \
	B(INIT, rc_init, flags, FLAGS, RC_INIT_FLAGS, TX_NONE, OCI_NONE) \
	F(INIT, rc_init, rootfs, PATH0, TX("rootfs", "PATH"), OCI_OWN("root.path")) \
	H(INIT, rc_init, flags, RC_INIT_ROOT_READONLY, TX_FLAG("root-readonly"), \
	  OCI_OWN("root.readonly")) \
	H(INIT, rc_init, flags, RC_INIT_DEFAULT_MASKS, TX_FLAG("default-masks"), OCI_NONE) \
	F(INIT, rc_init, console, PATH0, TX("console", "PATH"), OCI_NONE) \
	B(INIT, rc_init, sync_fd, MAX_NONE, 1023, TX_NUM("sync-fd", "FD", "an fd number 0..1023"), \
	  OCI_NONE) \
	F(INIT, rc_init, reserved[0], ZERO32, TX_NONE, OCI_NONE) \
	F(INIT, rc_init, reserved[1], ZERO32, TX_NONE, OCI_NONE) \
	F(INIT, rc_init, reserved[2], ZERO32, TX_NONE, OCI_NONE) \
	E(ARGV, STR, TX_OWN("argv"), OCI_OWN("process.args")) \
	E(ENV, ENV, TX("env", "KEY=VALUE"), OCI("process.env")) \
	F(PROCESS, rc_process, cwd, PATH0, TX("cwd", "PATH"), OCI("process.cwd")) \
	H(PROCESS, rc_process, uid, 0, TX_NONE, \
	  OCI_INT("process.user.uid", 0, 0xffffffffll, RC_PROC_UID)) \
	F(PROCESS, rc_process, user, STR, TX_OWN("user"), OCI_NONE) \
	H(PROCESS, rc_process, gid, 0, TX_NONE, \
	  OCI_INT("process.user.gid", 0, 0xffffffffll, RC_PROC_GID)) \
	F(PROCESS, rc_process, group, STR, TX_OWN("group"), OCI_NONE) \
	B(PROCESS, rc_process, umask, MAX_NONE, 0777, TX_OWN("umask"), \
	  OCI_INT("process.user.umask", 0, 0777, 0)) \
	H(PROCESS, rc_process, oom_score_adj, 0, TX_OWN("oom-score-adj"), \
	  OCI_INT("process.oomScoreAdj", -1000, 1000, RC_PROC_OOM)) \
	B(PROCESS, rc_process, flags, FLAGS, RC_PROC_FLAGS, TX_NONE, OCI_NONE) \
	H(PROCESS, rc_process, flags, RC_PROC_TERMINAL, TX_FLAG("terminal"), \
	  OCI_FLAG("process.terminal")) \
	H(PROCESS, rc_process, flags, RC_PROC_NO_NEW_PRIVS, TX_FLAG("no-new-privileges"), \
	  OCI_FLAG("process.noNewPrivileges")) \
	F(PROCESS, rc_process, hostname, STR, TX("hostname", "NAME"), OCI("hostname")) \
	F(PROCESS, rc_process, domainname, STR, TX("domainname", "NAME"), OCI("domainname")) \
	F(PROCESS, rc_process, apparmor, STR, TX("apparmor", "PROFILE"), \
	  OCI("process.apparmorProfile")) \
	F(PROCESS, rc_process, selinux, STR, TX("selinux", "LABEL"), OCI("process.selinuxLabel")) \
	F(CAPS, rc_caps, bounding, CAPS, TX_NONE, OCI_NONE) \
	F(CAPS, rc_caps, effective, CAPS, TX_NONE, OCI_NONE) \
	F(CAPS, rc_caps, permitted, CAPS, TX_NONE, OCI_NONE) \
	F(CAPS, rc_caps, inheritable, CAPS, TX_NONE, OCI_NONE) \
	F(CAPS, rc_caps, ambient, CAPS, TX_NONE, OCI_NONE) \
	B(CAPS, rc_caps, set, FLAGS, RC_CAPS_ALL, TX_NONE, OCI_NONE) \
	F(CAPS, rc_caps, reserved, ZERO32, TX_NONE, OCI_NONE) \
	B(RLIMITS, rc_rlimit, resource, MAX, RC_RLIMIT_LAST, TX_NONE, OCI_NONE) \
	F(RLIMITS, rc_rlimit, reserved, ZERO32, TX_NONE, OCI_NONE) \
	F(MOUNTS, rc_mount, source, STR, TX_NONE, OCI_NONE) \
	F(MOUNTS, rc_mount, target, PATH, TX_NONE, OCI_NONE) \
	F(MOUNTS, rc_mount, fstype, STR, TX_NONE, OCI_NONE) \
	F(MOUNTS, rc_mount, data, STR, TX_NONE, OCI_NONE) \
	B(MOUNTS, rc_mount, propagation, FLAGS, \
	  MS_PRIVATE | MS_SLAVE | MS_SHARED | MS_UNBINDABLE | MS_REC, TX_NONE, OCI_NONE) \
	B(MOUNTS, rc_mount, rflags, FLAGS, RC_MNT_FLAGS, TX_NONE, OCI_NONE) \
	E(MASKED, PATH, TX("masked", "PATH"), OCI("linux.maskedPaths")) \
	E(READONLY, PATH, TX("readonly", "PATH"), OCI("linux.readonlyPaths")) \
	F(SYSCTLS, rc_sysctl, key, SYSCTL, TX_NONE, OCI_NONE) \
	F(SYSCTLS, rc_sysctl, value, STR, TX_NONE, OCI_NONE) \
	F(LINKS, rc_link, name, IFNAME, TX_NONE, OCI_NONE) \
	F(LINKS, rc_link, rename, IFNAME, TX_NONE, OCI_NONE) \
	B(LINKS, rc_link, flags, FLAGS, RC_LINK_FLAGS, TX_NONE, OCI_NONE) \
	F(LINKS, rc_link, reserved, ZERO32, TX_NONE, OCI_NONE) \
	F(ADDRS, rc_addr, link, LINK, TX_NONE, OCI_NONE) \
	B(ADDRS, rc_addr, flags, FLAGS, RC_ADDR_NODAD, TX_NONE, OCI_NONE) \
	F(ROUTES, rc_route, link, LINK_NONE, TX_NONE, OCI_NONE) \
	B(ROUTES, rc_route, flags, FLAGS, 0, TX_NONE, OCI_NONE) \
	F(ROUTES, rc_route, reserved, ZERO32, TX_NONE, OCI_NONE) \
	F(MODULES, rc_module, path, PATH, TX_NONE, OCI_NONE) \
	F(MODULES, rc_module, params, STR, TX_NONE, OCI_NONE) \
	E(RESOLV, STR, TX("resolv", "LINE"), OCI_NONE) \
	E(HOSTS, STR, TX("hosts", "LINE"), OCI_NONE) \
	F(NAMESPACES, rc_namespace, path, PATH0, TX_NONE, OCI_NONE) \
	F(SIGNALS, rc_signal, signo, SIGNO, TX_NONE, OCI_NONE) \
	B(SIGNALS, rc_signal, action, MAX, RC_SIG_SHUTDOWN, TX_NONE, OCI_NONE) \
	F(SIGNALS, rc_signal, to, SIGTO, TX_NONE, OCI_NONE) \
	B(SIGNALS, rc_signal, flags, FLAGS, RC_SIG_FLAGS, TX_NONE, OCI_NONE) \
	B(SUPERVISE, rc_supervise, flags, FLAGS, RC_SUP_FLAGS, TX_NONE, OCI_NONE) \
	H(SUPERVISE, rc_supervise, flags, RC_SUP_GROUP, TX_FLAG("signal-group"), OCI_NONE) \
	B(SUPERVISE, rc_supervise, pdeathsig, MAX, RC_SIG_LAST, TX_OWN("parent-death"), OCI_NONE) \
	H(SUPERVISE, rc_supervise, exit_zero[0], 0, TX_OWN("exit-zero"), OCI_NONE)

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
