/* cmd_update.c: `update [--wait] [--dry-run] FORM`: validate an update form,
 * show what it changes, send UpdateAgentRuntime (one clientToken for every
 * attempt) and follow the runtime until the new version is READY. An
 * update that changes nothing is not sent. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "aws/runtimes.h"
#include "aws/service.h"
#include "base/printable.h"
#include "base/util.h"
#include "cli/commands.h"
#include "cli/daytwo.h"
#include "cli/print.h"
#include "form/diff.h"
#include "form/getmap.h"
#include "form/validate.h"

static void update_help(void)
{
	printf(_("Usage: %s update [--wait] [--dry-run] FORM\n"
		 "Validate the update form FORM (written by 'get --update'), show what it\n"
		 "changes, and send UpdateAgentRuntime. An update replaces the whole\n"
		 "configuration and makes a new version; DEFAULT moves to it, named endpoints\n"
		 "stay where they are, and the runtime's session storage is wiped. A form that\n"
		 "changes nothing is not sent. A FORM of - is read from standard input.\n\n"
		 "      --wait         follow the runtime until the new version is READY\n"
		 "      --dry-run      print the signed request and send nothing\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	cli_global_options_note();
	fputs(_("Exit status: 0 success (or nothing to change), 1 the form is invalid,\n"
		"2 usage error or a form that cannot be read, 3 credentials or\n"
		"configuration, 4 network or service error (also: no such runtime), 5 the\n"
		"update failed (--wait), 6 cancelled, 70 out of memory or standard output\n"
		"not written.\n"),
	      stdout);
}

/* Print the signed request instead of sending it. */
static void dry_run(struct daytwo *d, const char *id, const char *body)
{
	struct service_request r;
	struct sigv4_trace tr = {0};
	char *path = runtimes_path(id), *text;

	service_prepare(&d->cl, "PUT", path, NULL, body, time(NULL), &r,
			global_opts.debug ? &tr : NULL);
	text = service_request_describe(&r);
	fputs(text, stdout);
	if (global_opts.debug)
		service_print_trace(stderr, &tr);
	free(text);
	free(path);
	sigv4_trace_free(&tr);
	service_request_free(&r);
}

/* Send it; the answer printed as the AWS CLI prints it, *version set. */
static int send_update(struct daytwo *d, const char *id, const char *body, char **version)
{
	struct http_response resp;
	struct service_error err;
	char *v;
	int ret;

	if (runtimes_update(&d->cl, id, body, &resp, &err) != 0) {
		ret = daytwo_error(d, &err, id);
		service_error_free(&err);
		return ret;
	}
	ret = print_json(stdout, "UpdateAgentRuntime", resp.status, resp.body, resp.body_len) == 0
		  ? EXIT_OK
		  : EXIT_SERVICE;
	fflush(stdout);
	v = service_answer_string(resp.body, resp.body_len, "agentRuntimeVersion");
	*version = v ? printable_text(v, 20) : NULL;
	free(v);
	http_response_free(&resp);
	fprintf(stderr,
		_("%s: runtime %s is updating to version %s: DEFAULT moves to it, named "
		  "endpoints stay on their versions ('%s endpoints %s' shows them), and the "
		  "runtime's session storage is wiped\n"),
		PACKAGE_NAME, id, *version ? *version : "?", PACKAGE_NAME, id);
	return ret;
}

/* The form, checked against the rules and against what is deployed. */
static int prepare(struct daytwo *d, const char *file, struct upform **u, struct runtime_answer *a,
		   struct diff *df)
{
	struct upform *old = NULL;
	struct problems p = {0};
	int ret = daytwo_read_upform(d, "update", file, u);

	if (ret == EXIT_OK)
		ret = daytwo_connect(d);
	if (ret == EXIT_OK)
		ret = daytwo_deployed(d, (*u)->id, a, &old);
	if (ret != EXIT_OK) {
		upform_free(old);
		return ret;
	}
	free((*u)->name);
	(*u)->name = old->name ? xstrdup(old->name) : NULL;
	if (upform_validate(d->map, d->def, *u, &p) != VS_VALID) {
		form_print_problems(stderr, file, &p);
		ret = EXIT_INVALID;
	} else {
		diff_upforms(d->map, d->def, old, *u, df);
	}
	problems_clear(&p);
	upform_free(old);
	return ret;
}

static int update_run(const char *file, int wait, int dry)
{
	struct daytwo d = {0};
	struct runtime_answer a = {0};
	struct upform *u = NULL;
	struct diff df = {0};
	char *token = NULL, *body = NULL, *version = NULL;
	int ret = daytwo_forms(&d);

	if (ret == EXIT_OK)
		ret = prepare(&d, file, &u, &a, &df);
	if (ret != EXIT_OK)
		goto out;
	if (!df.n) {
		fprintf(stderr,
			_("%s: nothing to update: %s matches version %s of runtime %s; nothing "
			  "was sent\n"),
			PACKAGE_NAME, file, a.version ? a.version : "?", u->id);
		goto out;
	}
	fprintf(stderr,
		P_("%s: %zu change to runtime %s (%s), version %s:\n",
		   "%s: %zu changes to runtime %s (%s), version %s:\n", df.n),
		PACKAGE_NAME, df.n, a.name ? a.name : "?", u->id, a.version ? a.version : "?");
	daytwo_print_diff(stderr, &df);
	token = service_new_token();
	body = upform_request_body(d.map, d.def, u, token);
	if (dry) {
		dry_run(&d, u->id, body);
		goto out;
	}
	ret = send_update(&d, u->id, body, &version);
	if (ret == EXIT_OK && wait)
		ret = daytwo_follow(u->id, version);
out:
	free(version);
	free(token);
	free(body);
	diff_clear(&df);
	upform_free(u);
	runtimes_answer_free(&a);
	daytwo_end(&d);
	return ret;
}

static int update_exec(const struct cmd_args *a)
{
	if (a->nwords != 1)
		return usage_error(_("update: expected one update form"));
	return update_run(a->words[0], cmd_has(a, 'w'), cmd_has(a, 'n'));
}

static const struct option update_options[] = {
    {"wait", no_argument, NULL, 'w'}, {"dry-run", no_argument, NULL, 'n'}, {NULL, 0, NULL, 0}};

const struct cmd_entry cmd_update_entry = {
    .name = "update",
    .summary = N_("validate, show and send an update form; --wait follows it"),
    .opts = update_options,
    .help = update_help,
    .exec = update_exec,
};
