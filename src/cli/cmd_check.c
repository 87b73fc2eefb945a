/* cmd_check.c: `agentcore-wizard check [--json] [--offline] FORM...`: the
 * forms validated as validate does, then their values checked against the
 * account (src/aws/checks.h): who the credentials are first, then one line
 * (or JSON object) per finding. */
#include "config.h"

#include <cjson/cJSON.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aws/awscall.h"
#include "aws/awsconfig.h"
#include "aws/checks.h"
#include "aws/credentials.h"
#include "base/util.h"
#include "cli/commands.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/validate.h"

/* One form's outcome. */
struct checked {
	const char *file;
	struct problems probs;
	struct check_finding *v;
	size_t n;
	enum checks_state state;
	int unreadable;
};

static int finding_cmp(const void *a, const void *b)
{
	const struct check_finding *x = a, *y = b;
	int c = util_pathcmp(x->path, y->path);

	return c ? c : strcmp(x->check, y->check);
}

int cli_run_checks(const struct document *doc, const struct aws_settings *s,
		   const struct aws_credentials *cr, struct check_finding **vp, size_t *np)
{
	struct checks_options o = {30, global_opts.debug, NULL, NULL, 0, NULL, NULL};
	struct checks *r = checks_start(checks_input_read(doc), s, cr, &o);
	struct check_finding *all = NULL;
	size_t count = 0;
	int cancelled = 0;
	enum checks_state st;

	for (;;) {
		struct pollfd p = {checks_fd(r), POLLIN, 0};
		struct check_finding *v;
		size_t n;

		poll(&p, 1, 100);
		if (cli_interrupted() && !cancelled) {
			checks_cancel(r);
			cancelled = 1;
		}
		st = checks_take(r, &v, &n);
		if (n) {
			all = xrealloc(all, (count + n) * sizeof *v);
			memcpy(all + count, v, n * sizeof *v);
			count += n;
			free(v);
		}
		if (st != CHECKS_RUNNING)
			break;
	}
	checks_free(r);
	if (count)
		qsort(all, count, sizeof *all, finding_cmp);
	*vp = all;
	*np = count;
	return (int)st;
}

void cli_print_finding(FILE *fp, const char *file, const struct check_finding *x)
{
	fprintf(fp, "%s: %s: %s: %s\n", file, *x->path ? x->path : _("(account)"),
		check_severity_words(x->severity), x->message);
	if (x->suggestion)
		fprintf(fp, _("%s: %s: suggested value: %s\n"), file, x->path, x->suggestion);
}

static void print_text(const struct checked *f, int *identity_shown)
{
	size_t i;

	form_print_problems(stderr, f->file, &f->probs);
	for (i = 0; i < f->n; i++) {
		const struct check_finding *x = &f->v[i];

		if (!strcmp(x->check, "identity") && x->severity == CHECK_OK) {
			if (!*identity_shown)
				printf(_("Checking with the %s\n"), x->message);
			*identity_shown = 1;
			continue;
		}
		cli_print_finding(stdout, f->file, x);
	}
}

static void add_text(cJSON *o, const char *key, const char *text)
{
	char *clean = utf8_scrub(text);

	cJSON_AddStringToObject(o, key, clean);
	free(clean);
}

static void add_json(cJSON *arr, const struct checked *f)
{
	size_t i;

	for (i = 0; i < f->probs.n; i++) {
		cJSON *o = cJSON_CreateObject();

		add_text(o, "file", f->file);
		add_text(o, "path", f->probs.v[i].path);
		cJSON_AddStringToObject(o, "check", "validate");
		cJSON_AddStringToObject(o, "severity", "error");
		add_text(o, "message", f->probs.v[i].message);
		cJSON_AddItemToArray(arr, o);
	}
	for (i = 0; i < f->n; i++) {
		cJSON *o = cJSON_CreateObject();

		add_text(o, "file", f->file);
		add_text(o, "path", f->v[i].path);
		add_text(o, "check", f->v[i].check);
		cJSON_AddStringToObject(o, "severity", check_severity_name(f->v[i].severity));
		add_text(o, "message", f->v[i].message);
		if (f->v[i].suggestion)
			add_text(o, "suggestion", f->v[i].suggestion);
		cJSON_AddItemToArray(arr, o);
	}
}

/* Settings and credentials for the checks: EXIT_OK, or EXIT_CONFIG with *why
 * (caller frees: each form's one finding says it), or EXIT_CANCELLED with
 * the reason printed. */
static int resolve(struct aws_settings *s, struct aws_credentials *c, char **why)
{
	struct aws_options o = cli_aws_options();
	struct credentials_hooks h = {cli_cancel_cb, NULL, 0};
	char *cause = NULL;
	int r = awscall_setup_with(&o, &h, s, c, &cause);

	if (r == 0)
		return EXIT_OK;
	if (r != CREDENTIALS_CANCELLED) {
		*why = cause ? cause : xstrdup("?");
		return EXIT_CONFIG;
	}
	fprintf(stderr, "%s: %s\n", PACKAGE_NAME, cause);
	free(cause);
	return EXIT_CANCELLED;
}

/* The exit code for what was found. */
static int outcome(const struct checked *f, size_t nf, int setup)
{
	int err = 0, net = 0, conf = setup == EXIT_CONFIG;
	size_t i, k;

	for (i = 0; i < nf; i++) {
		if (f[i].unreadable)
			return EXIT_USAGE;
		err |= f[i].probs.n > 0;
		for (k = 0; k < f[i].n; k++)
			err |= f[i].v[k].severity == CHECK_ERROR;
		net |= f[i].state == CHECKS_UNREACHABLE;
		conf |= f[i].state == CHECKS_NO_SETTINGS;
	}
	if (cli_interrupted())
		return EXIT_CANCELLED;
	return err ? EXIT_INVALID : conf ? EXIT_CONFIG : net ? EXIT_SERVICE : EXIT_OK;
}

static int check_exec(const struct cmd_args *a)
{
	int json = cmd_has(a, 'j'), offline = cmd_has(a, 'o'), i, ret, setup = EXIT_OK;
	int resolved = 0, shown = 0, n = a->nwords;
	struct formdef *def;
	struct aws_settings s = {0};
	struct aws_credentials cred = {0};
	struct checked *f;
	char *cause = NULL, *why = NULL;
	cJSON *arr = NULL;

	if (!n)
		return usage_error(_("check: no form file given"));
	if (!(def = form_definitions()))
		return EXIT_CONFIG;
	cli_catch_interrupts();
	f = xcalloc((size_t)n, sizeof *f);
	for (i = 0; i < n; i++) {
		struct checked *x = &f[i];
		struct document *doc = NULL;
		enum form_kind kind;

		x->file = a->words[i];
		x->state = CHECKS_DONE;
		if (form_check_any(x->file, def, &doc, &kind, &x->probs, &cause) != 0) {
			fprintf(stderr, "%s: %s\n", x->file, cause);
			free(cause);
			cause = NULL;
			x->unreadable = 1;
			continue;
		}
		if (kind == FORM_TEMPLATE && !offline && !json)
			/* checked as validate does: the account checks take forms */
			fprintf(stderr,
				_("%s: a template: checked as 'validate' checks it; the "
				  "account checks take forms\n"),
				x->file);
		if (doc && !offline && !resolved) {
			/* only a form needs the account: templates alone need no
			 * Region and no credentials */
			setup = resolve(&s, &cred, &why);
			resolved = 1;
		}
		if (doc && resolved && setup == EXIT_OK && !cli_interrupted()) {
			x->state = (enum checks_state)cli_run_checks(doc, &s, &cred, &x->v, &x->n);
		} else if (doc && why) {
			/* the run that could not start: said as its one finding */
			x->v = checks_not_run_finding(why);
			x->n = 1;
			x->state = CHECKS_NO_SETTINGS;
		}
		document_free(doc);
	}
	if (json)
		arr = cJSON_CreateArray();
	for (i = 0; i < n; i++) {
		if (json)
			add_json(arr, &f[i]);
		else
			print_text(&f[i], &shown);
	}
	if (json) {
		char *out = cJSON_Print(arr);

		printf("%s\n", out);
		cJSON_free(out);
		cJSON_Delete(arr);
	}
	ret = setup == EXIT_CANCELLED ? EXIT_CANCELLED : outcome(f, (size_t)n, setup);
	for (i = 0; i < n; i++) {
		problems_clear(&f[i].probs);
		check_findings_free(f[i].v, f[i].n);
	}
	free(f);
	free(why);
	credentials_free(&cred);
	aws_settings_free(&s);
	formdef_free(def);
	return ret;
}

static void check_help(void)
{
	printf(_("Usage: %s check [--json] [--offline] FORM...\n"
		 "Validate forms, then check their values against your AWS account: the\n"
		 "execution role, the image or code object, the network, the authorizer and\n"
		 "the runtime name. A FORM of - is read from standard input. An update form\n"
		 "('get --update') is validated as the update request takes it; a template\n"
		 "is validated as 'validate' does, without account checks.\n\n"
		 "      --json         print the findings as a JSON array on standard output\n"
		 "      --offline      validate only; send nothing\n"
		 "  -h, --help         display this help and exit\n"),
	       PACKAGE_NAME);
	cli_global_options_note();
	printf(_("Exit status: 0 no error (warnings are printed), 1 a form is invalid or a\n"
		 "check found an error, 2 usage error or a form that cannot be read,\n"
		 "3 credentials or configuration, 4 network or service error, 6 cancelled,\n"
		 "70 out of memory or standard output not written.\n"));
}

static const struct option check_options[] = {
    {"json", no_argument, NULL, 'j'}, {"offline", no_argument, NULL, 'o'}, {NULL, 0, NULL, 0}};

const struct cmd_entry cmd_check_entry = {
    .name = "check",
    .summary = N_("check forms against your AWS account"),
    .opts = check_options,
    .help = check_help,
    .exec = check_exec,
};
