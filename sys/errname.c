// SPDX-License-Identifier: MIT
/* The errno name table: one byte per number and one packed string of names. */
#include <asm/errno.h>
#include "errname.h"

/*
 * Errno values are the same on x86_64 and aarch64 (both use asm-generic/errno.h).
 * Two parallel tables built from one list keep this under a kilobyte: a byte per
 * errno and the names packed NUL-separated, instead of a pointer per name.
 */
#define ERRNO_LIST(X) \
	X(EPERM) X(ENOENT) X(ESRCH) X(EINTR) X(EIO) X(ENXIO) X(E2BIG) X(ENOEXEC) \
	X(EBADF) X(ECHILD) X(EAGAIN) X(ENOMEM) X(EACCES) X(EFAULT) X(ENOTBLK) \
	X(EBUSY) X(EEXIST) X(EXDEV) X(ENODEV) X(ENOTDIR) X(EISDIR) X(EINVAL) \
	X(ENFILE) X(EMFILE) X(ENOTTY) X(ETXTBSY) X(EFBIG) X(ENOSPC) X(ESPIPE) \
	X(EROFS) X(EMLINK) X(EPIPE) X(EDOM) X(ERANGE) X(EDEADLK) X(ENAMETOOLONG) \
	X(ENOLCK) X(ENOSYS) X(ENOTEMPTY) X(ELOOP) X(ENOMSG) X(EIDRM) X(ENOSTR) \
	X(ENODATA) X(ETIME) X(ENOLINK) X(EPROTO) X(EBADMSG) X(EOVERFLOW) \
	X(EBADFD) X(ELIBBAD) X(EILSEQ) X(EUSERS) X(ENOTSOCK) X(EDESTADDRREQ) \
	X(EMSGSIZE) X(EPROTOTYPE) X(ENOPROTOOPT) X(EPROTONOSUPPORT) \
	X(EOPNOTSUPP) X(EAFNOSUPPORT) X(EADDRINUSE) X(EADDRNOTAVAIL) X(ENETDOWN) \
	X(ENETUNREACH) X(ECONNABORTED) X(ECONNRESET) X(ENOBUFS) X(EISCONN) \
	X(ENOTCONN) X(ETIMEDOUT) X(ECONNREFUSED) X(EHOSTUNREACH) X(EALREADY) \
	X(EINPROGRESS) X(ESTALE) X(EDQUOT) X(ECANCELED) X(ENOKEY) X(EKEYEXPIRED) \
	X(EKEYREVOKED) X(EKEYREJECTED) X(EOWNERDEAD) X(ERFKILL)

#define ERR_NUM(e)	e,
#define ERR_NAME(e)	#e "\0"

static const unsigned char errnums[] = { ERRNO_LIST(ERR_NUM) };
static const char errnames[] = ERRNO_LIST(ERR_NAME);

const char *errname(long err)
{
	const char *p = errnames;
	unsigned int i;

	for (i = 0; i < sizeof(errnums); i++) {
		if (errnums[i] == err)
			return p;
		while (*p++)
			;
	}
	return "E?";
}
