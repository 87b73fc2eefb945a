/* cmd_create_role.c: `agentcore-wizard create-role [--name NAME] [--dry-run]
 * [--yes] FORM`: an execution role for the form's runtime (src/aws/roledocs.h),
 * its documents shown and confirmed first, then CreateRole and
 * PutRolePolicy; the new role's ARN is printed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aws/awscall.h"
#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "aws/iam.h"
#include "aws/roledocs.h"
#include "aws/sts.h"
#include "base/util.h"
#include "cli/commands.h"
#include "cli/newrole.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/validate.h"

#define ART "agentRuntimeArtifact."
#define S3  ART "codeConfiguration.code.s3."

static void print_error(const char *what, const struct service_error *e)
{
	if (e->transport)
		fprintf(stderr, "%s: %s: %s\n", PACKAGE_NAME, what, e->message);
	else
		fprintf(stderr, "%s: %s: %s (HTTP %ld): %s\n", PACKAGE_NAME, what,
			e->code ? e->code : _("error"), e->status, e->message);
}

/* Settings, credentials and who they are; an exit code with the reason printed. */
static int whoami(struct aws_settings *s, struct aws_credentials *c, struct sts_identity *id)
{
	struct aws_options o = cli_aws_options();
	struct awscall_client cl = {s, c, cli_cancel_cb, NULL, global_opts.debug, 0};
	struct credentials_hooks h = {cli_cancel_cb, NULL, 0};
	struct service_error err;
	char *cause = NULL;
	int r;

	if (aws_settings_resolve(&o, s, &cause) != 0 || (cause = aws_settings_unusable(s))) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, cause);
		free(cause);
		return EXIT_CONFIG;
	}
	if ((r = credentials_resolve_with(s, &h, c, &cause)) != 0) {
		if (r == CREDENTIALS_CANCELLED) {
			free(cause);
			return EXIT_CANCELLED;
		}
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME,
			r < 0 ? cause
			      : _("no AWS credentials found: set AWS_ACCESS_KEY_ID and "
				  "AWS_SECRET_ACCESS_KEY, or configure a profile"));
		free(cause);
		return EXIT_CONFIG;
	}
	if (sts_caller_identity(&cl, id, &err) != 0) {
		print_error("GetCallerIdentity", &err);
		if (cli_interrupted()) {
			service_error_free(&err);
			return EXIT_CANCELLED;
		}
		r = err.transport || !awscall_auth_failed(&err) ? EXIT_SERVICE : EXIT_CONFIG;
		service_error_free(&err);
		return r;
	}
	return EXIT_OK;
}

/* Ask on the terminal; 1 yes. */
static int confirm(const char *name)
{
	char line[16];

	fprintf(stderr, _("Create role %s with these documents? [y/N] "), name);
	fflush(stderr);
	if (!fgets(line, sizeof line, stdin))
		return 0;
	return line[0] == 'y' || line[0] == 'Y';
}

static int create(const struct aws_settings *s, const struct aws_credentials *c, const char *name,
		  const char *runtime, const char *trust, const char *perm)
{
	struct awscall_client cl = {s, c, cli_cancel_cb, NULL, global_opts.debug, 0};
	struct service_error err;
	char *arn = NULL, *desc, *pname;
	int ret = EXIT_OK;

	desc = xasprintf("Execution role for Bedrock AgentCore Runtime %s (agentcore-wizard)",
			 runtime ? runtime : "");
	pname = xasprintf("BedrockAgentCoreRuntimeExecutionPolicy-%s", runtime ? runtime : "");
	if (strlen(pname) > 128)
		pname[128] = '\0';
	if (iam_create_role(&cl, name, trust, desc, &arn, &err) != 0) {
		print_error("CreateRole", &err);
		if (err.code && !strcmp(err.code, "EntityAlreadyExists"))
			fprintf(stderr,
				_("%s: a role named %s exists already: put its ARN in roleArn, or "
				  "choose another name with --name\n"),
				PACKAGE_NAME, name);
		ret = cli_interrupted() ? EXIT_CANCELLED : EXIT_SERVICE;
	} else if (iam_put_role_policy(&cl, name, pname, perm, &err) != 0) {
		print_error("PutRolePolicy", &err);
		fprintf(stderr, _("%s: role %s was created without its permissions policy\n"),
			PACKAGE_NAME, arn);
		ret = cli_interrupted() ? EXIT_CANCELLED : EXIT_SERVICE;
	} else {
		printf("%s\n", arn);
		newrole_note(arn);
		fprintf(stderr,
			_("%s: IAM takes a few seconds to make a new role usable everywhere; a "
			  "submit of a form naming it within 15 minutes waits for it\n"),
			PACKAGE_NAME);
	}
	if (ret != EXIT_OK)
		service_error_free(&err);
	free(arn);
	free(desc);
	free(pname);
	return ret;
}

/* The operands and --name checked: -1, or a usage error's exit code. */
static int check_args(const struct cmd_args *a, const char *name, int dry, int yes)
{
	if (a->nwords != 1)
		return usage_error(_("create-role: expected one form file"));
	if (name && !roledocs_name_ok(name))
		return usage_error(_("create-role: \"%s\" is not a name to use: expected up to 64 "
				     "letters, digits and _+=,.@- containing BedrockAgentCore (so "
				     "that the BedrockAgentCoreFullAccess policy may pass it)"),
				   name);
	if (!dry && !yes && !isatty(STDIN_FILENO))
		return usage_error(_("create-role: standard input is not a terminal to ask on: "
				     "give --yes to create without asking, or --dry-run"));
	return -1;
}

/* Show the documents for the valid form doc, and make the role. */
static int role_for(const struct formdef *def, const struct document *doc,
		    const struct cmd_args *a)
{
	const char *name = cmd_value(a, 'N');
	int dry = cmd_has(a, 'n'), yes = cmd_has(a, 'y'), ret;
	struct aws_settings s = {0};
	struct aws_credentials cred = {0};
	struct sts_identity id = {0};
	char *trust = NULL, *perm = NULL, *dname = NULL;

	(void)def;
	if ((ret = whoami(&s, &cred, &id)) == EXIT_OK) {
		struct roledocs_scope sc = {
		    id.partition,
		    s.region.value,
		    id.account,
		    document_text(doc, "agentRuntimeName"),
		    document_text(doc, ART "containerConfiguration.containerUri"),
		    document_text(doc, S3 "bucket"),
		    document_text(doc, S3 "prefix"),
		    document_text(doc, S3 "versionId")};

		trust = roledocs_trust(&sc);
		perm = roledocs_permissions(&sc);
		dname = name ? xstrdup(name) : roledocs_default_name(&sc);
		/* the documents on standard output for --dry-run; otherwise there
		 * goes only the new ARN, for scripts */
		fprintf(dry ? stdout : stderr,
			_("Role name: %s\n\nTrust policy:\n%s\n\nPermissions policy:\n%s\n"),
			dname, trust, perm);
		fflush(stdout);
		if (!dry && (yes || confirm(dname)))
			ret = create(&s, &cred, dname, sc.runtime, trust, perm);
		else if (!dry)
			ret = EXIT_CANCELLED;
	}
	free(trust);
	free(perm);
	free(dname);
	sts_identity_free(&id);
	credentials_free(&cred);
	aws_settings_free(&s);
	return ret;
}

static int create_role_exec(const struct cmd_args *a)
{
	const struct form_command c = {"create-role", _("create-role: expected one form file"),
				       role_for, NULL};
	int ret = check_args(a, cmd_value(a, 'N'), cmd_has(a, 'n'), cmd_has(a, 'y'));

	if (ret >= 0)
		return ret;
	cli_catch_interrupts();
	return form_run(a, &c);
}

static void create_role_help(void)
{
	printf(_("Usage: %s create-role [--name NAME] [--dry-run] [--yes] FORM\n"
		 "Create an execution role for FORM's runtime: a trust policy for\n"
		 "bedrock-agentcore.amazonaws.com in this account and Region, and a\n"
		 "permissions policy scoped to the form's image or code object and the\n"
		 "runtime's logs. The documents are shown, and asked about, first.\n\n"
		 "      --name NAME    the role's name (it must contain BedrockAgentCore)\n"
		 "      --dry-run      print the documents and create nothing\n"
		 "      --yes          create without asking (for scripts)\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	cli_global_options_note();
	printf(_("Exit status: 0 created (or printed), 1 the form is invalid, 2 usage error\n"
		 "or a form that cannot be read, 3 credentials or configuration, 4 network or\n"
		 "service error, 6 not confirmed, 70 out of memory or standard output not\n"
		 "written.\n"));
}

static const struct option create_role_options[] = {{"name", required_argument, NULL, 'N'},
						    {"dry-run", no_argument, NULL, 'n'},
						    {"yes", no_argument, NULL, 'y'},
						    {NULL, 0, NULL, 0}};

const struct cmd_entry cmd_create_role_entry = {
    .name = "create-role",
    .summary = N_("create an execution role for a form"),
    .opts = create_role_options,
    .help = create_role_help,
    .exec = create_role_exec,
};
