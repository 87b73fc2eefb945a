/* cmd_cli.c: `agentcore-wizard cli FORM`: the AWS CLI command that sends the
 * same request (create-agent-runtime for a create form, update-agent-runtime
 * for an update form), quoted for a POSIX shell. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "aws/awsconfig.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/getmap.h"
#include "base/printable.h"
#include "base/util.h"

/* Print the command of op for json, the form read from a->words[0]. */
static int print_command(const char *op, const char *json, const struct cmd_args *a)
{
	const char *file = a->words[0];
	struct aws_options o = cli_aws_options();
	struct aws_settings s = {0};
	char *cause = NULL, *cmd, *path = realpath(file, NULL);
	int resolved = aws_settings_resolve(&o, &s, &cause) == 0, from_file = 0;

	if (!resolved) {
		char *c = printable_text(cause, 4000);

		fprintf(stderr, _("%s: %s; the command carries no region, endpoint or profile\n"),
			PACKAGE_NAME, c);
		free(c);
		free(cause);
	}
	cmd = aws_cli_command(resolved ? &s : NULL, op, json, path ? path : file, &from_file);
	if (from_file) {
		char *p = printable_text(path ? path : file, 4096);

		fprintf(stderr,
			_("%s: the form is %zu KiB, too long for one argument of a command "
			  "(Linux takes at most 128 KiB): the command reads it from %s\n"),
			PACKAGE_NAME, (strlen(json) + 1023) / 1024, p);
		free(p);
	}
	puts(cmd);
	free(cmd);
	free(path);
	aws_settings_free(&s);
	return EXIT_OK;
}

static int print_create(const struct formdef *def, const struct document *doc,
			const struct cmd_args *a)
{
	char *json = document_to_json(doc, def, 0);
	int ret = print_command("create-agent-runtime", json, a);

	free(json);
	return ret;
}

/* An update form as the AWS CLI's update-agent-runtime takes it:
 * agentRuntimeId among the members (the CLI puts it in the path). */
static int print_update(const struct formdef *def, const struct getmap *m, const struct upform *u,
			const struct cmd_args *a)
{
	char *json = upform_to_json(m, def, u, 0);
	int ret = print_command("update-agent-runtime", json, a);

	free(json);
	return ret;
}

static int cli_exec(const struct cmd_args *a)
{
	const struct form_command c = {"cli", _("cli: expected one form file"), print_create,
				       print_update};

	return form_run(a, &c);
}

static void cli_help(void)
{
	printf(_("Usage: %s cli FORM\n"
		 "Print the AWS CLI command that sends the same request, quoted for a POSIX\n"
		 "shell: create-agent-runtime for a create form, update-agent-runtime for an\n"
		 "update form (one with agentRuntimeId, as 'get --update' writes it). The\n"
		 "form is validated first. A FORM of - is read from standard input.\n\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	cli_global_options_note();
	printf(_("Exit status: 0 success, 1 the form is invalid, 2 usage error or a form that\n"
		 "cannot be read, 3 the form definitions are missing, 70 out of memory or\n"
		 "standard output not written.\n"));
}

static const struct option no_options[] = {{NULL, 0, NULL, 0}};

const struct cmd_entry cmd_cli_entry = {
    .name = "cli",
    .summary = N_("print the equivalent AWS CLI command"),
    .opts = no_options,
    .help = cli_help,
    .exec = cli_exec,
};
