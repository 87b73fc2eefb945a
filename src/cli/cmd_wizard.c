/* cmd_wizard.c: `agentcore-wizard [--plain] [FORM]` and `agentcore-wizard
 * edit FORM`: the wizard (src/ui), handed the options the command line
 * parsed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/commands.h"
#include "ui/ui.h"
#include "base/printable.h"
#include "base/util.h"

static int wizard_exec(const struct cmd_args *a)
{
	struct ui_args u = {0};

	if (a->nwords > 1) {
		char *w = printable_text(a->words[1], 200);
		int ret = usage_error(_("unexpected argument '%s'"), w);

		free(w);
		return ret;
	}
	if (a->named && !a->nwords)
		return usage_error(_("edit: expected a form file"));
	u.form = a->nwords ? a->words[0] : NULL;
	u.plain = cmd_has(a, 'p');
	return cli_run_ui(&u);
}

int cli_run_ui(struct ui_args *u)
{
	u->aws = cli_aws_options();
	u->debug = global_opts.debug;
	u->no_color = global_opts.no_color;
	return ui_main(u);
}

static void wizard_help(void)
{
	printf(_("Usage: %s [--plain] [OPTION]... [FORM]\n"
		 "  or:  %s edit [--plain] [OPTION]... FORM\n"
		 "Walk through the sections of a CreateAgentRuntime request in the terminal.\n"
		 "FORM is loaded when it exists and is where F2 saves by default.\n\n"
		 "      --plain        ask line by line on standard input and output\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME, PACKAGE_NAME);
	cli_global_options_note();
	printf(_("Exit status: 0 success, 1 the form is invalid (--plain), 2 usage error, no\n"
		 "terminal or a FORM that cannot be read, 3 the form definitions are missing,\n"
		 "6 cancelled, 70 out of memory.\n"));
}

static const struct option wizard_options[] = {{"plain", no_argument, NULL, 'p'},
					       {NULL, 0, NULL, 0}};

const struct cmd_entry cmd_wizard_entry = {
    .name = "edit",
    .summary = N_("open FORM in the wizard (the same as giving FORM alone)"),
    .opts = wizard_options,
    .help = wizard_help,
    .exec = wizard_exec,
    .flags = CMD_DEFAULT | CMD_SCREEN,
};
