// SPDX-License-Identifier: MIT
/* Test helper (hosted C): accept one TCP connection on 127.0.0.1 and save what it sends. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

/*
 * usage: listen1 PORTFILE OUTFILE SECONDS
 * Binds 127.0.0.1 on a port the kernel picks, writes the port to PORTFILE (so a
 * guest can be told where to connect), accepts one connection, copies it to
 * OUTFILE, and gives up after SECONDS. Loopback only: qemu's user network
 * forwards the guest's 10.0.2.2 to the host's 127.0.0.1.
 */
int main(int argc, char **argv)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t alen = sizeof(a);
	char buf[4096];
	FILE *pf, *of;
	int s, c;
	ssize_t n;

	if (argc != 4)
		return fprintf(stderr, "usage: listen1 PORTFILE OUTFILE SECONDS\n"), 2;
	alarm((unsigned int)atoi(argv[3]));
	s = socket(AF_INET, SOCK_STREAM, 0);
	if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof(a)) || listen(s, 1) ||
	    getsockname(s, (struct sockaddr *)&a, &alen))
		return perror("listen1"), 1;
	of = fopen(argv[2], "w");
	pf = fopen(argv[1], "w");
	if (!of || !pf || fprintf(pf, "%d\n", ntohs(a.sin_port)) < 0 || fclose(pf))
		return perror("listen1"), 1;
	c = accept(s, 0, 0);
	if (c < 0)
		return perror("listen1: accept"), 1;
	while ((n = read(c, buf, sizeof(buf))) > 0)
		fwrite(buf, 1, (size_t)n, of);
	return fclose(of) != 0;
}
