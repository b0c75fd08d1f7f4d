// SPDX-License-Identifier: MIT
/* Test helper (hosted C): a concurrent writer of a rootfs that swaps its proc directory for a symlink and back. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

/*
 * usage: procswap ROOTFS
 * ROOTFS holds proc (a directory) and proc.swap (a symlink, e.g. to decoy).
 * One rename(2) with RENAME_EXCHANGE swaps the two names, so proc is at every
 * moment either the directory or the symlink (never missing), as fast as the
 * kernel allows, until ROOTFS/stop appears. Then proc is the directory again
 * and ROOTFS/stopped is created. From the host's mount namespace a mount on
 * ROOTFS/proc made in a container's namespace is not a mountpoint, so nothing
 * stops the rename. Prints the number of swaps.
 */
int main(int argc, char **argv)
{
	unsigned long n = 0;
	int dir, fd;

	if (argc != 2) {
		fprintf(stderr, "usage: procswap ROOTFS\n");
		return 2;
	}
	dir = open(argv[1], O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (dir < 0)
		return perror(argv[1]), 1;
	while (faccessat(dir, "stop", F_OK, AT_SYMLINK_NOFOLLOW) != 0) {
		if (renameat2(dir, "proc", dir, "proc.swap", RENAME_EXCHANGE))
			return perror("procswap: rename"), 1;
		n++;
	}
	if (n % 2 && renameat2(dir, "proc", dir, "proc.swap", RENAME_EXCHANGE))
		return perror("procswap: rename"), 1;
	fd = openat(dir, "stopped", O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0)
		return perror("procswap: stopped"), 1;
	close(fd);
	printf("%lu\n", n);
	return 0;
}
