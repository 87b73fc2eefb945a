/* cmd_status.c: `agentcore-wizard status [--wait] RUNTIME_ID`: GetAgentRuntime
 * printed as the AWS CLI prints it; --wait follows the runtime through
 * runtime.c's follow, as submit --wait does. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/commands.h"
#include "cli/daytwo.h"
#include "cli/print.h"
#include "aws/runtime.h"
#include "aws/runtimes.h"
#include "base/util.h"

/* How long --wait follows before it gives up. */
#define STATUS_WAIT_LIMIT 3600

static int status_exec(const struct cmd_args *a)
{
	struct aws_options o = cli_aws_options();
	struct runtime_outcome out;
	struct cli_follow f;
	int wait = cmd_has(a, 'w'), ret;

	if (a->nwords != 1)
		return usage_error(_("status: expected one runtime id"));
	if ((ret = daytwo_check_id("status", a->words[0])) != EXIT_OK)
		return ret;
	cli_catch_interrupts();
	cli_follow_init(&f, wait, 1);
	/* without --wait: one read (a limit of 0) */
	runtime_follow(&o, a->words[0], RUNTIME_WANT_READY, wait ? STATUS_WAIT_LIMIT : 0, &f.p,
		       &out);
	if (runtimes_missing(out.http_status, out.code)) /* as get, versions and delete say it */
		ret = daytwo_missing(a->words[0], NULL, out.code, out.message);
	else
		ret = cli_follow_finish(&f, &out);
	cli_follow_free(&f);
	runtime_outcome_free(&out);
	return ret;
}

static void status_help(void)
{
	printf(_("Usage: %s status [--wait] RUNTIME_ID\n"
		 "Show a runtime (GetAgentRuntime) as the AWS CLI prints it.\n\n"
		 "      --wait         follow the runtime until it is READY or has failed\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	cli_global_options_note();
	printf(_("Exit status: 0 success, 2 usage error, 3 credentials or configuration,\n"
		 "4 network or service error, 5 the runtime failed, 6 cancelled,\n"
		 "70 out of memory or standard output not written.\n"));
}

static const struct option status_options[] = {{"wait", no_argument, NULL, 'w'},
					       {NULL, 0, NULL, 0}};

const struct cmd_entry cmd_status_entry = {
    .name = "status",
    .summary = N_("show a runtime's status; --wait follows it"),
    .opts = status_options,
    .help = status_help,
    .exec = status_exec,
};
