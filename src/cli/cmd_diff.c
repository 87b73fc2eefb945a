/* cmd_diff.c: `diff FORM`: what an update form would change against the
 * deployed configuration, member by member, secrets masked; exit 0 when
 * nothing, 1 when something. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aws/runtimes.h"
#include "base/printable.h"
#include "base/util.h"
#include "cli/commands.h"
#include "cli/daytwo.h"
#include "form/diff.h"
#include "form/getmap.h"
#include "form/validate.h"

static void diff_help(void)
{
	printf(_("Usage: %s diff FORM\n"
		 "Show what the update form FORM (written by 'get --update') would change in\n"
		 "the runtime it names, member by member: added, removed, changed (old -> new).\n"
		 "Values of secrets (environment variables named like *KEY*, *SECRET*,\n"
		 "*TOKEN*, *PASSWORD*, *CREDENTIAL*) are hidden. A FORM of - is read from\n"
		 "standard input.\n\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	cli_global_options_note();
	fputs(_("Exit status: 0 no change, 1 changes, 2 usage error or a form that cannot\n"
		"be read, 3 credentials or configuration, 4 network or service error (also:\n"
		"no such runtime), 6 cancelled, 70 out of memory or standard output not\n"
		"written.\n"),
	      stdout);
}

int daytwo_read_upform(struct daytwo *d, const char *cmd, const char *file, struct upform **u)
{
	struct problems p = {0};
	enum form_kind kind;
	char *cause = NULL, *text = NULL;
	size_t len = 0;
	int r = form_read_kind(file, &text, &len, &kind, &cause);

	*u = NULL;
	if (r == 0 && kind != FORM_UPDATE) {
		free(text);
		return form_kind_refuse(cmd, file, FORM_UPDATE, kind);
	}
	if (r == 0)
		r = upform_parse(d->map, d->def, text, len, u, &p, &cause);
	free(text);
	if (r != 0) {
		char *f = printable_text(file, 4096), *c = printable_text(cause, 8192);

		fprintf(stderr, "%s: %s\n", f, c);
		free(f);
		free(c);
		free(cause);
		return EXIT_USAGE;
	}
	if (p.n) {
		form_print_problems(stderr, file, &p);
		problems_clear(&p);
		upform_free(*u);
		*u = NULL;
		return EXIT_INVALID;
	}
	if (!(*u)->id) {
		fprintf(stderr,
			_("%s: agentRuntimeId: is required: an update form names the "
			  "runtime it changes ('%s get --update ID' writes one)\n"),
			file, PACKAGE_NAME);
		upform_free(*u);
		*u = NULL;
		return EXIT_INVALID;
	}
	return daytwo_check_id(file, (*u)->id);
}

int daytwo_deployed(struct daytwo *d, const char *id, struct runtime_answer *a,
		    struct upform **old)
{
	struct problems notes = {0};
	char *cause = NULL;
	size_t i;
	int ret = daytwo_get(d, id, 0, a);

	if (ret != EXIT_OK)
		return ret;
	*old = getmap_update_form(d->map, d->def, a->get, a->get_len, NULL, 0, &notes, &cause);
	if (!*old) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, cause);
		free(cause);
		return EXIT_SERVICE;
	}
	/* the name is never part of an update; anything else left out is said */
	for (i = 0; i < notes.n; i++)
		if (strcmp(notes.v[i].path, "agentRuntimeName"))
			fprintf(stderr, _("%s: the deployed %s is not compared: %s\n"),
				PACKAGE_NAME, notes.v[i].path, notes.v[i].message);
	problems_clear(&notes);
	return EXIT_OK;
}

static int diff_run(const char *file)
{
	struct daytwo d = {0};
	struct runtime_answer a = {0};
	struct upform *u = NULL, *old = NULL;
	struct diff df = {0};
	int ret = daytwo_forms(&d);

	if (ret == EXIT_OK)
		ret = daytwo_read_upform(&d, "diff", file, &u);
	if (ret == EXIT_INVALID)
		ret = EXIT_USAGE; /* 1 means "changes" here */
	if (ret == EXIT_OK)
		ret = daytwo_connect(&d);
	if (ret == EXIT_OK)
		ret = daytwo_deployed(&d, u->id, &a, &old);
	if (ret != EXIT_OK)
		goto out;
	diff_upforms(d.map, d.def, old, u, &df);
	daytwo_print_diff(stdout, &df);
	if (df.n)
		fprintf(stderr,
			P_("%s: %zu change to runtime %s (%s), version %s\n",
			   "%s: %zu changes to runtime %s (%s), version %s\n", df.n),
			PACKAGE_NAME, df.n, a.name ? a.name : "?", u->id,
			a.version ? a.version : "?");
	else
		fprintf(stderr, _("%s: no change: %s matches version %s of runtime %s\n"),
			PACKAGE_NAME, file, a.version ? a.version : "?", u->id);
	ret = df.n ? 1 : EXIT_OK;
out:
	diff_clear(&df);
	upform_free(u);
	upform_free(old);
	runtimes_answer_free(&a);
	daytwo_end(&d);
	return ret;
}

static int diff_exec(const struct cmd_args *a)
{
	if (a->nwords != 1)
		return usage_error(_("diff: expected one update form"));
	return diff_run(a->words[0]);
}

static const struct option diff_options[] = {{NULL, 0, NULL, 0}};

const struct cmd_entry cmd_diff_entry = {
    .name = "diff",
    .summary = N_("show what an update form would change"),
    .opts = diff_options,
    .help = diff_help,
    .exec = diff_exec,
};
