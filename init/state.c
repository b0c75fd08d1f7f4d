// SPDX-License-Identifier: MIT
/* The run-time state (rawinit.h): its values before the command line and the config. */
#include <linux/reboot.h>
#include "rawinit.h"

struct rawinit ri = {
	.shutdown = LINUX_REBOOT_CMD_POWER_OFF,
	.sync_fd = -1,
	.gate_fd = -1,
};
