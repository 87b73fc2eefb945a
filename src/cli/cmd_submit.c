/* cmd_submit.c: `agentcore-wizard submit [--wait] [--dry-run] FORM`: validate
 * a form, send CreateAgentRuntime through runtime.c (the path the wizard
 * takes) and print the answer as the AWS CLI does; --wait follows it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/commands.h"
#include "cli/print.h"
#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "aws/runtime.h"
#include "aws/service.h"
#include "form/document.h"
#include "form/formdef.h"
#include "base/util.h"

/* --dry-run: the signed request printed, nothing sent. */
static int dry_run(const struct formdef *def, const struct document *doc)
{
	struct aws_options o = cli_aws_options();
	struct aws_settings s = {0};
	struct aws_credentials cred = {0};
	struct service_client cl = {&s, &cred, {NULL, NULL, NULL, global_opts.debug}};
	struct service_request r;
	struct sigv4_trace tr = {0};
	char *why = NULL, *token, *body, *d;

	if (runtime_resolve(&o, &s, &cred, &why) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, why);
		free(why);
		credentials_free(&cred);
		aws_settings_free(&s);
		return EXIT_CONFIG;
	}
	token = service_new_token();
	body = document_request_body(doc, def, token);
	service_prepare(&cl, "PUT", "/runtimes/", NULL, body, time(NULL), &r,
			global_opts.debug ? &tr : NULL);
	d = service_request_describe(&r);
	fputs(d, stdout);
	if (global_opts.debug)
		service_print_trace(stderr, &tr);
	free(d);
	sigv4_trace_free(&tr);
	service_request_free(&r);
	free(body);
	free(token);
	credentials_free(&cred);
	aws_settings_free(&s);
	return EXIT_OK;
}

/* Standard output failed after the runtime was made: its id and ARN must
 * not be lost with it (issue 13, item 8). */
static void say_created_runtime(const struct runtime_outcome *out)
{
	fprintf(stderr,
		_("%s: standard output could not be written, but the runtime was created: "
		  "id %s, ARN %s\n"),
		PACKAGE_NAME, out->id ? out->id : "?", out->arn ? out->arn : "?");
}

/* Send the form and, with --wait, follow the runtime made. */
static int send_form(const struct formdef *def, const struct document *doc, int wait)
{
	struct aws_options o = cli_aws_options();
	struct runtime_outcome out;
	struct cli_follow f;
	int ret;

	cli_catch_interrupts();
	cli_follow_init(&f, wait, 0);
	runtime_submit(&o, def, doc, wait ? 3600 : -1, &f.p, &out);
	switch (out.end) {
	case RUNTIME_NOT_SENT:
	case RUNTIME_CANCELLED: {
		char *summary = runtime_outcome_summary(&out);

		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, out.message ? out.message : summary);
		free(summary);
		ret = runtime_exit_code(&out);
		break;
	}
	case RUNTIME_REFUSED:
		print_outcome_error(&out);
		ret = EXIT_SERVICE;
		break;
	case RUNTIME_CREATED:
		ret = EXIT_OK;
		if (f.create_unusable) {
			ret = EXIT_SERVICE;
		} else if (wait) {
			fprintf(stderr, _("%s: the answer has no runtime id to follow\n"),
				PACKAGE_NAME);
			ret = EXIT_SERVICE;
		}
		break;
	default:
		ret = cli_follow_finish(&f, &out);
	}
	if (RUNTIME_EXISTS(out.end) && ferror(stdout))
		say_created_runtime(&out);
	cli_follow_free(&f);
	runtime_outcome_free(&out);
	return ret;
}

/* Submit, or with --dry-run show, the valid form. */
static int submit_form(const struct formdef *def, const struct document *doc,
		       const struct cmd_args *a)
{
	return cmd_has(a, 'n') ? dry_run(def, doc) : send_form(def, doc, cmd_has(a, 'w'));
}

static int submit_exec(const struct cmd_args *a)
{
	return form_run(a, _("submit: expected one form file"), submit_form);
}

static void submit_help(void)
{
	printf(_("Usage: %s submit [--wait] [--dry-run] FORM\n"
		 "Validate FORM, sign it and send CreateAgentRuntime; print the answer.\n"
		 "A FORM of - is read from standard input.\n\n"
		 "      --wait         follow the runtime until it is READY or has failed\n"
		 "      --dry-run      print the signed request and send nothing (with --debug,\n"
		 "                     also the canonical request and the string to sign)\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	cli_global_options_note();
	printf(_("Exit status: 0 success, 1 the form is invalid, 2 usage error or a form that\n"
		 "cannot be read, 3 credentials or configuration, 4 network or service error,\n"
		 "5 the runtime failed (--wait), 6 cancelled, 70 out of memory or standard\n"
		 "output not written.\n"));
}

static const struct option submit_options[] = {
    {"wait", no_argument, NULL, 'w'}, {"dry-run", no_argument, NULL, 'n'}, {NULL, 0, NULL, 0}};

const struct cmd_entry cmd_submit_entry = {
    .name = "submit",
    .summary = N_("validate, sign and send a form; --wait follows it"),
    .opts = submit_options,
    .help = submit_help,
    .exec = submit_exec,
};
