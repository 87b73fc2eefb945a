/* cmd_open.c: `open RUNTIME_ID`: the wizard on a deployed runtime, to be
 * updated: loaded with GetAgentRuntime and its tags, edited in the same
 * section screens, the review showing the diff and the UpdateAgentRuntime
 * request, F10 sending it (src/ui/update.c). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/commands.h"
#include "cli/daytwo.h"
#include "ui/ui.h"
#include "base/util.h"

static int open_exec(const struct cmd_args *a)
{
	struct ui_args u = {0};
	int ret;

	if (a->nwords != 1)
		return usage_error(_("open: expected one runtime id"));
	if ((ret = daytwo_check_id("open", a->words[0])) != EXIT_OK)
		return ret;
	u.open_id = a->words[0];
	return cli_run_ui(&u);
}

static void open_help(void)
{
	printf(_("Usage: %s open [OPTION]... RUNTIME_ID\n"
		 "Open a deployed runtime in the wizard to change it: its configuration\n"
		 "(GetAgentRuntime) in the same sections; the name and the tags cannot change\n"
		 "in an update and are shown read-only. The review shows what changes against\n"
		 "the deployed configuration, then the UpdateAgentRuntime request; F10 sends\n"
		 "it (a new version; DEFAULT moves to it, named endpoints stay where they are\n"
		 "and are offered to move; the runtime's session storage is wiped) and\n"
		 "follows the runtime until the new version is READY.\n\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	cli_global_options_note();
	printf(_("Exit status: 0 success, 2 usage error or no terminal, 3 credentials or\n"
		 "configuration, 4 network or service error (also: no such runtime),\n"
		 "6 cancelled, 70 out of memory.\n"));
}

static const struct option open_options[] = {{NULL, 0, NULL, 0}};

const struct cmd_entry cmd_open_entry = {
    .name = "open",
    .summary = N_("open a deployed runtime in the wizard to update it"),
    .opts = open_options,
    .help = open_help,
    .exec = open_exec,
    .flags = CMD_SCREEN,
};
