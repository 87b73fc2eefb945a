/* cmd_get.c: `get RUNTIME_ID [--update] [-o FILE]`: the deployed
 * configuration (GetAgentRuntime and its tags) as a create form, or with
 * --update as an update-agent-runtime --cli-input-json form. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aws/runtimes.h"
#include "base/util.h"
#include "cli/commands.h"
#include "cli/daytwo.h"
#include "cli/print.h"
#include "form/document.h"
#include "form/formfile.h"
#include "form/getmap.h"
#include "form/secret.h"
#include "form/validate.h"

static void get_help(void)
{
	printf(_("Usage: %s get [--update] [-o FILE [--force]] RUNTIME_ID\n"
		 "Print the deployed configuration of a runtime (GetAgentRuntime and its tags)\n"
		 "as a create-agent-runtime form (the name kept: a copy to start another\n"
		 "runtime from), or with --update as an update-agent-runtime form\n"
		 "(agentRuntimeId and every member UpdateAgentRuntime takes). A member that\n"
		 "the form cannot take is named on standard error.\n\n"
		 "      --update       an update form: change it, then send it with 'update'\n"
		 "  -o, --output FILE  write the form to FILE (a new file, mode 0600) instead\n"
		 "      --force        replace FILE when it exists\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	cli_global_options_note();
	fputs(_("Exit status: 0 success, 2 usage error or a file that cannot be written,\n"
		"3 credentials or configuration, 4 network or service error (also: no such\n"
		"runtime), 6 cancelled, 70 out of memory or standard output not written.\n"),
	      stdout);
}

/* The form's text for the answer; NULL (said why) when the answer is not one.
 * *secret: what to say when it holds secret values (secret_note), or NULL. */
static char *form_text(struct daytwo *d, const struct runtime_answer *a, int update, char **secret)
{
	struct problems notes = {0};
	char *cause = NULL, *text = NULL;

	if (update) {
		struct upform *u = getmap_update_form(d->map, d->def, a->get, a->get_len, a->tags,
						      a->tags_len, &notes, &cause);

		if (u) {
			text = upform_to_json(d->map, d->def, u, 1);
			*secret = secret_note(u->doc);
		}
		upform_free(u);
	} else {
		struct document *doc = getmap_create_form(d->map, d->def, a->get, a->get_len,
							  a->tags, a->tags_len, &notes, &cause);

		if (doc) {
			text = document_to_json(doc, d->def, 1);
			*secret = secret_note(doc);
		}
		document_free(doc);
	}
	daytwo_print_notes(&notes);
	problems_clear(&notes);
	if (!text) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, cause);
		free(cause);
	}
	return text;
}

static int get_run(const char *id, int update, const char *out)
{
	struct daytwo d = {0};
	struct runtime_answer a = {0};
	char *text = NULL, *cause = NULL, *secret = NULL;
	int ret = daytwo_forms(&d);

	if (ret == EXIT_OK)
		ret = daytwo_connect(&d);
	if (ret == EXIT_OK)
		ret = daytwo_get(&d, id, 1, &a);
	if (ret != EXIT_OK)
		goto out;
	if (!(text = form_text(&d, &a, update, &secret))) {
		ret = EXIT_SERVICE;
	} else if (!out) {
		fputs(text, stdout);
	} else if (util_write_atomic(out, text, strlen(text), 0600, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, cause);
		free(cause);
		ret = EXIT_USAGE;
	} else {
		fprintf(stderr, _("%s: wrote %s: %s of runtime %s (%s), version %s\n"),
			PACKAGE_NAME, out, update ? _("an update form") : _("a create form"),
			a.name ? a.name : "?", a.id ? a.id : id, a.version ? a.version : "?");
		if (secret) { /* the names come from the service */
			char *m = print_safe(secret);

			fprintf(stderr, "%s: %s\n", PACKAGE_NAME, m);
			free(m);
		}
	}
out:
	free(secret);
	free(text);
	runtimes_answer_free(&a);
	daytwo_end(&d);
	return ret;
}

static int get_exec(const struct cmd_args *a)
{
	int ret;

	if (a->nwords != 1)
		return usage_error(_("get: expected one runtime id"));
	if ((ret = daytwo_check_id("get", a->words[0])) != EXIT_OK)
		return ret;
	if (cmd_value(a, 'o') &&
	    (ret = cli_refuse_existing("get", cmd_value(a, 'o'), cmd_has(a, 'f'))) != EXIT_OK)
		return ret;
	return get_run(a->words[0], cmd_has(a, 'u'), cmd_value(a, 'o'));
}

static const struct option get_options[] = {{"update", no_argument, NULL, 'u'},
					    {"output", required_argument, NULL, 'o'},
					    {"force", no_argument, NULL, 'f'},
					    {NULL, 0, NULL, 0}};

const struct cmd_entry cmd_get_entry = {
    .name = "get",
    .summary = N_("print a runtime's configuration as a create or update form"),
    .opts = get_options,
    .help = get_help,
    .exec = get_exec,
    .shortopts = "o:",
};
