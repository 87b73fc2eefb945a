/* cmd_submit.c: `agentcore-wizard submit [--wait] [--dry-run] [--no-check]
 * FORM`: validate a form, run the account checks (listed, never blocking
 * without a terminal), send CreateAgentRuntime through runtime.c (the path the wizard
 * takes) and print the answer as the AWS CLI does; --wait follows it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/newrole.h"
#include "cli/print.h"
#include "aws/awscall.h"
#include "aws/awsconfig.h"
#include "aws/checks.h"
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
	struct credentials_hooks h = {cli_cancel_cb, NULL, 0};
	char *why = NULL, *token, *body, *d;
	int rc;

	cli_catch_interrupts();
	if ((rc = runtime_resolve_with(&o, &h, &s, &cred, &why)) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, why);
		free(why);
		credentials_free(&cred);
		aws_settings_free(&s);
		return rc == CREDENTIALS_CANCELLED ? EXIT_CANCELLED : EXIT_CONFIG;
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
	/* a role create-role made lately: the service's role validation error
	 * is waited out */
	if (newrole_recent(document_text(doc, "roleArn")))
		f.p.new_role = document_text(doc, "roleArn");
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

/* Ask on the terminal whether to send despite the errors; 1 yes. */
static int ask_anyway(size_t errors)
{
	char line[16];

	fprintf(stderr,
		P_("The account checks found %zu error. Submit anyway? (y/N) ",
		   "The account checks found %zu errors. Submit anyway? (y/N) ", errors),
		errors);
	fflush(stderr);
	if (!fgets(line, sizeof line, stdin))
		return 0;
	return line[0] == 'y' || line[0] == 'Y';
}

/* The account checks before sending (issue 10): their errors and warnings
 * listed on standard error as check prints them; at a terminal an error
 * asks first. EXIT_OK to send, EXIT_CANCELLED not to. Without credentials
 * the checks are skipped: the sending says what is missing. */
static int precheck(const struct document *doc, const char *file)
{
	struct aws_options o = cli_aws_options();
	struct aws_settings s = {0};
	struct aws_credentials c = {0};
	struct check_finding *v = NULL;
	size_t n = 0, i, errors = 0;
	char *cause = NULL;
	int ret = EXIT_OK;

	struct credentials_hooks h = {cli_cancel_cb, NULL, 0};

	if (awscall_setup_with(&o, &h, &s, &c, &cause) == 0) {
		cli_run_checks(doc, &s, &c, &v, &n);
		for (i = 0; i < n; i++) {
			if (v[i].severity != CHECK_ERROR && v[i].severity != CHECK_WARNING)
				continue;
			cli_print_finding(stderr, file, &v[i]);
			errors += v[i].severity == CHECK_ERROR;
		}
		if (errors && !cli_interrupted() && isatty(STDIN_FILENO) && !ask_anyway(errors))
			ret = EXIT_CANCELLED;
	}
	if (cli_interrupted())
		ret = EXIT_CANCELLED;
	free(cause);
	check_findings_free(v, n);
	credentials_free(&c);
	aws_settings_free(&s);
	return ret;
}

/* Submit, or with --dry-run show, the valid form. */
static int submit_form(const struct formdef *def, const struct document *doc,
		       const struct cmd_args *a)
{
	int ret;

	if (cmd_has(a, 'n'))
		return dry_run(def, doc);
	cli_catch_interrupts();
	if (!cmd_has(a, 'C') && (ret = precheck(doc, a->words[0])) != EXIT_OK)
		return ret;
	return send_form(def, doc, cmd_has(a, 'w'));
}

static int submit_exec(const struct cmd_args *a)
{
	const struct form_command c = {"submit", _("submit: expected one form file"), submit_form,
				       NULL};

	return form_run(a, &c);
}

static void submit_help(void)
{
	printf(_("Usage: %s submit [--wait] [--dry-run] [--no-check] FORM\n"
		 "Validate FORM, check it against your account as check does (its errors\n"
		 "and warnings are printed; at a terminal an error asks first), sign it\n"
		 "and send CreateAgentRuntime; print the answer.\n"
		 "A FORM of - is read from standard input.\n\n"
		 "      --wait         follow the runtime until it is READY or has failed\n"
		 "      --dry-run      print the signed request and send nothing (with --debug,\n"
		 "                     also the canonical request and the string to sign)\n"
		 "      --no-check     skip the account checks\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	cli_global_options_note();
	printf(_("Exit status: 0 success, 1 the form is invalid, 2 usage error or a form that\n"
		 "cannot be read, 3 credentials or configuration, 4 network or service error,\n"
		 "5 the runtime failed (--wait), 6 cancelled, 70 out of memory or standard\n"
		 "output not written.\n"));
}

static const struct option submit_options[] = {{"wait", no_argument, NULL, 'w'},
					       {"dry-run", no_argument, NULL, 'n'},
					       {"no-check", no_argument, NULL, 'C'},
					       {NULL, 0, NULL, 0}};

const struct cmd_entry cmd_submit_entry = {
    .name = "submit",
    .summary = N_("validate, sign and send a form; --wait follows it"),
    .opts = submit_options,
    .help = submit_help,
    .exec = submit_exec,
};
