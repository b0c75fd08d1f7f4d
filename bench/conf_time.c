// SPDX-License-Identifier: MIT
/* Host benchmark: time conf_decode on a maximum-size config (the init's decoder, built -Os). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "../init/conf.h"
#include "../tests/unit/conf_blob.h"

#define BATCHES		101
#define PER_BATCH	200

static struct tblob t;
static char strs[RC_STRINGS_MAX];
static __u32 argv[RC_ARGV_MAX], env[RC_ENV_MAX], masked[RC_PATHS_MAX], ro[RC_PATHS_MAX];
static struct rc_mount mounts[RC_MOUNTS_MAX];
static struct rc_sysctl sysctls[RC_SYSCTLS_MAX];
static struct rc_rlimit rlimits[RC_RLIMITS_MAX];
static struct rc_route routes[RC_ROUTES_MAX];

/* As many sections as fit under RC_TOTAL_MAX, every list at its limit, every strref distinct. */
static void build_max(void)
{
	unsigned int n = 1, i, paths[4096], envs[512], np = 0, ne = 0;

	while (n + 16 < sizeof(strs)) {
		if (ne < 512 && np % 4 == 0) {
			envs[ne++] = n;
			n += (unsigned int)sprintf(strs + n, "E%04u=value", ne) + 1;
		}
		paths[np++] = n;
		n += (unsigned int)sprintf(strs + n, "/path/%05u", np) + 1;
	}
	while (n < sizeof(strs))
		strs[n++] = 0;
	for (i = 0; i < RC_ARGV_MAX; i++)
		argv[i] = paths[i];
	for (i = 0; i < RC_ENV_MAX; i++)
		env[i] = envs[i];
	for (i = 0; i < RC_PATHS_MAX; i++) {
		masked[i] = paths[300 + i];
		ro[i] = paths[400 + i];
	}
	for (i = 0; i < RC_MOUNTS_MAX; i++)
		mounts[i] = (struct rc_mount){ paths[500 + i], paths[600 + i], 0, 0, 0, 0, 0 };
	for (i = 0; i < RC_SYSCTLS_MAX; i++)
		sysctls[i] = (struct rc_sysctl){ envs[300 + i] + 1, paths[700 + i] };
	for (i = 0; i < RC_RLIMITS_MAX; i++)
		rlimits[i] = (struct rc_rlimit){ i, 0, 1, 2 };
	for (i = 0; i < RC_ROUTES_MAX; i++)
		routes[i] = (struct rc_route){ .link = RC_NONE, .family = 2, .dst_len = 24 };
	tb_init(&t, 9);
	tb_add(&t, 0, RC_SEC_STRINGS, strs, sizeof(strs), sizeof(strs));
	tb_add(&t, 1, RC_SEC_ARGV, argv, sizeof(argv), RC_ARGV_MAX);
	tb_add(&t, 2, RC_SEC_ENV, env, sizeof(env), RC_ENV_MAX);
	tb_add(&t, 3, RC_SEC_MOUNTS, mounts, sizeof(mounts), RC_MOUNTS_MAX);
	tb_add(&t, 4, RC_SEC_MASKED, masked, sizeof(masked), RC_PATHS_MAX);
	tb_add(&t, 5, RC_SEC_READONLY, ro, sizeof(ro), RC_PATHS_MAX);
	tb_add(&t, 6, RC_SEC_SYSCTLS, sysctls, sizeof(sysctls), RC_SYSCTLS_MAX);
	tb_add(&t, 7, RC_SEC_RLIMITS, rlimits, sizeof(rlimits), RC_RLIMITS_MAX);
	tb_add(&t, 8, RC_SEC_ROUTES, routes, sizeof(routes), RC_ROUTES_MAX);
	tb_seal(&t);
}

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(void)
{
	static double per[BATCHES];
	char msg[256];
	struct fmt f = FMT_INIT(msg);
	struct conf c;
	int b, i;

	build_max();
	if (conf_decode(t.b, t.len, &c, &f)) {
		fprintf(stderr, "conf_time: the maximum config does not decode: %.*s\n", (int)f.len, msg);
		return 1;
	}
	for (b = 0; b < BATCHES; b++) {
		double t0 = now_us();

		for (i = 0; i < PER_BATCH; i++)
			conf_decode(t.b, t.len, &c, &f);
		per[b] = (now_us() - t0) / PER_BATCH;
	}
	qsort(per, BATCHES, sizeof(per[0]), cmp);
	/* bytes, median µs, p10 µs, p90 µs */
	printf("%u %.2f %.2f %.2f\n", t.len, per[BATCHES / 2], per[BATCHES / 10], per[BATCHES * 9 / 10]);
	return 0;
}
