/* cmd_validate.c: `agentcore-wizard validate [--json] FORM...`, and the
 * loading and checking of a form file that submit and cli share. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/formfile.h"
#include "form/getmap.h"
#include "form/template.h"
#include "base/printable.h"
#include "base/util.h"
#include "form/validate.h"

/* Add text to o as member key: JSON output is UTF-8, and file names and
 * the messages that quote them may not be. The JSON escapes controls; it is
 * for programs, so a name is kept as it is (not through printable_text). */
static void add_text(cJSON *o, const char *key, const char *text)
{
	char *clean = utf8_scrub(text);

	cJSON_AddStringToObject(o, key, clean);
	free(clean);
}

/* FILE's text ("-": standard input), at most UTIL_FORM_FILE_MAX bytes. */
static int read_text(const char *file, char **text, size_t *len, char **cause)
{
	if (!strcmp(file, "-"))
		return util_read_fd(STDIN_FILENO, _("standard input"), UTIL_FORM_FILE_MAX, text,
				    len, cause);
	return util_read_file(file, UTIL_FORM_FILE_MAX, text, len, cause);
}

/* Read a create form's text strictly and check it: the reader's problems
 * first, then the rules (validate_document does not report again what is
 * missing because the reader dropped a wrong value). */
static int check_create_text(const char *text, size_t len, const struct formdef *def,
			     struct document **doc_out, struct problems *probs, char **cause)
{
	struct document *doc = NULL;

	if (formfile_parse(text, len, def, FF_STRICT, &doc, probs, cause) != 0)
		return -1;
	validate_document(def, doc, probs);
	if (doc_out)
		*doc_out = doc;
	else
		document_free(doc);
	return 0;
}

/* Parse and check an update form's text as UpdateAgentRuntime takes it:
 * the reader's problems, then the rules' (a member the reader dropped is not
 * reported again as missing). 0 with *u (caller frees), or -1 with *cause. */
static int update_checked(const struct getmap *m, const struct formdef *def, const char *text,
			  size_t len, struct upform **u, struct problems *probs, char **cause)
{
	struct problems rules = {0};
	size_t i, k, read;

	if (upform_parse(m, def, text, len, u, probs, cause) != 0)
		return -1;
	read = probs->n;
	upform_validate(m, def, *u, &rules);
	for (i = 0; i < rules.n; i++) {
		const struct problem *q = &rules.v[i];

		for (k = 0; k < read && strcmp(probs->v[k].path, q->path); k++)
			;
		if (k == read)
			problems_add(probs, q->state, q->path, q->ref, "%s", q->message);
	}
	problems_clear(&rules);
	return 0;
}

/* Read an update form's text and check it; *doc_out (when not NULL)
 * receives the members it shares with the create request. */
static int check_update_text(const char *text, size_t len, const struct formdef *def,
			     struct document **doc_out, struct problems *probs, char **cause)
{
	struct getmap *m = getmap_load(def, cause);
	struct upform *u = NULL;
	int r;

	if (!m)
		return -1;
	r = update_checked(m, def, text, len, &u, probs, cause);
	if (r == 0 && doc_out) {
		*doc_out = u->doc;
		u->doc = NULL;
	}
	upform_free(u);
	getmap_free(m);
	return r;
}

int form_read_kind(const char *file, char **text, size_t *len, enum form_kind *kind, char **cause)
{
	*text = NULL;
	*len = 0;
	if (read_text(file, text, len, cause) != 0)
		return -1;
	*kind = formkind_of_text(*text, *len);
	return 0;
}

int form_kind_refuse(const char *cmd, const char *file, enum form_kind want, enum form_kind got)
{
	char *f = printable_text(file, 4096);

	if (want == FORM_UPDATE && got == FORM_CREATE)
		fprintf(stderr,
			_("%s: %s is a create form (it has no agentRuntimeId), and '%s %s' takes "
			  "an update form, which '%s get --update RUNTIME_ID' writes: create a "
			  "runtime from this form with '%s submit %s'\n"),
			PACKAGE_NAME, f, PACKAGE_NAME, cmd, PACKAGE_NAME, PACKAGE_NAME, f);
	else if (want == FORM_UPDATE)
		fprintf(
		    stderr,
		    _("%s: %s is a template (it has %s at its top level), and '%s %s' takes an "
		      "update form, which '%s get --update RUNTIME_ID' writes\n"),
		    PACKAGE_NAME, f, TEMPLATE_MARKER, PACKAGE_NAME, cmd, PACKAGE_NAME);
	else if (got == FORM_UPDATE)
		fprintf(stderr,
			_("%s: %s is an update form (it has agentRuntimeId at its top level), and "
			  "'%s %s' takes a create form: send an update form with '%s update %s' "
			  "(or write the runtime as a create form with '%s get RUNTIME_ID -o "
			  "FORM')\n"),
			PACKAGE_NAME, f, PACKAGE_NAME, cmd, PACKAGE_NAME, f, PACKAGE_NAME);
	else
		fprintf(
		    stderr,
		    _("%s: %s is a template (it has %s at its top level), and '%s %s' takes "
		      "a create form: start a form from it with '%s new --template %s FORM'\n"),
		    PACKAGE_NAME, f, TEMPLATE_MARKER, PACKAGE_NAME, cmd, PACKAGE_NAME, f);
	free(f);
	return EXIT_USAGE;
}

int form_check_any(const char *file, const struct formdef *def, struct document **doc_out,
		   enum form_kind *kind, struct problems *probs, char **cause)
{
	char *text = NULL;
	size_t len = 0;
	struct template *t = NULL;
	int r = form_read_kind(file, &text, &len, kind, cause);

	if (doc_out)
		*doc_out = NULL;
	if (r == 0 && *kind == FORM_TEMPLATE) {
		r = template_parse(text, len, def, 0, &t, probs, cause);
		template_free(t);
	} else if (r == 0) {
		r = (*kind == FORM_UPDATE ? check_update_text : check_create_text)(
		    text, len, def, doc_out, probs, cause);
	}
	free(text);
	if (r != 0)
		problems_clear(probs);
	return r;
}

void form_print_problems(FILE *fp, const char *file, const struct problems *probs)
{
	char *f = printable_text(file, 4096);
	size_t i;

	for (i = 0; i < probs->n; i++) {
		char *path = printable_text(*probs->v[i].path ? probs->v[i].path : "(form)", 4096);
		char *msg = printable_text(probs->v[i].message, 8192);

		fprintf(fp, "%s: %s: %s\n", f, path, msg);
		free(path);
		free(msg);
	}
	free(f);
}

/* "FILE: why it cannot be read", both safe for a terminal. */
static void print_unreadable(const char *file, const char *cause)
{
	char *f = printable_text(file, 4096), *c = printable_text(cause, 8192);

	fprintf(stderr, "%s: %s\n", f, c);
	free(f);
	free(c);
}

struct formdef *form_definitions(void)
{
	char *cause = NULL;
	struct formdef *def = formdef_load_default(&cause);

	if (!def) {
		char *c = printable_text(cause, 8192);

		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, c);
		free(c);
		free(cause);
	}
	return def;
}

/* A create form's text for c: its problems printed (EXIT_INVALID), or
 * c->create's exit code. */
static int run_create(const struct form_command *c, const struct formdef *def, const char *file,
		      const char *text, size_t len, const struct cmd_args *a)
{
	struct document *doc = NULL;
	struct problems p = {0};
	char *cause = NULL;
	int ret;

	if (check_create_text(text, len, def, &doc, &p, &cause) != 0) {
		print_unreadable(file, cause);
		free(cause);
		return EXIT_USAGE;
	}
	if (p.n) {
		form_print_problems(stderr, file, &p);
		ret = EXIT_INVALID;
	} else {
		ret = c->create(def, doc, a);
	}
	problems_clear(&p);
	document_free(doc);
	return ret;
}

/* The same for an update form and c->update. */
static int run_update(const struct form_command *c, const struct formdef *def, const char *file,
		      const char *text, size_t len, const struct cmd_args *a)
{
	struct getmap *m;
	struct upform *u = NULL;
	struct problems p = {0};
	char *cause = NULL;
	int ret = EXIT_USAGE;

	if (!(m = getmap_load(def, &cause))) {
		ret = EXIT_CONFIG;
	} else if (update_checked(m, def, text, len, &u, &p, &cause) != 0) {
		ret = EXIT_USAGE;
	} else if (p.n) {
		form_print_problems(stderr, file, &p);
		ret = EXIT_INVALID;
	} else {
		ret = c->update(def, m, u, a);
	}
	if (cause)
		print_unreadable(ret == EXIT_CONFIG ? PACKAGE_NAME : file, cause);
	free(cause);
	problems_clear(&p);
	upform_free(u);
	getmap_free(m);
	return ret;
}

int form_run(const struct cmd_args *a, const struct form_command *c)
{
	struct formdef *def;
	enum form_kind kind;
	char *text = NULL, *cause = NULL;
	size_t len = 0;
	const char *file;
	int ret;

	if (a->nwords != 1)
		return usage_error("%s", c->usage);
	if (!(def = form_definitions()))
		return EXIT_CONFIG;
	file = a->words[0];
	if (form_read_kind(file, &text, &len, &kind, &cause) != 0) {
		print_unreadable(file, cause);
		free(cause);
		ret = EXIT_USAGE;
	} else if (kind == FORM_UPDATE && c->update) {
		ret = run_update(c, def, file, text, len, a);
	} else if (kind != FORM_CREATE) {
		ret = form_kind_refuse(c->name, file, FORM_CREATE, kind);
	} else {
		ret = run_create(c, def, file, text, len, a);
	}
	free(text);
	formdef_free(def);
	return ret;
}

/* The problems of one file as members of the --json array. */
static void json_problems(cJSON *arr, const char *file, const struct problems *probs)
{
	size_t k;

	for (k = 0; k < probs->n; k++) {
		cJSON *o = cJSON_CreateObject();

		add_text(o, "file", file);
		add_text(o, "path", probs->v[k].path);
		add_text(o, "message", probs->v[k].message);
		cJSON_AddStringToObject(
		    o, "severity", probs->v[k].state == VS_INCOMPLETE ? "missing" : "invalid");
		cJSON_AddItemToArray(arr, o);
	}
}

/* Check one file, a template when its top level is one, else a form: its
 * problems printed (or added to arr); returns the exit code it alone would
 * give. */
static int validate_one(const char *file, const struct formdef *def, cJSON *arr)
{
	struct problems probs = {0};
	char *cause = NULL;
	enum form_kind kind;
	int ret = form_check_any(file, def, NULL, &kind, &probs, &cause);

	if (ret != 0) {
		print_unreadable(file, cause);
		if (arr) {
			cJSON *o = cJSON_CreateObject();

			add_text(o, "file", file);
			cJSON_AddNullToObject(o, "path");
			add_text(o, "message", cause);
			cJSON_AddStringToObject(o, "severity", "unreadable");
			cJSON_AddItemToArray(arr, o);
		}
		free(cause);
		return EXIT_USAGE;
	}
	ret = probs.n ? EXIT_INVALID : EXIT_OK;
	if (!arr)
		form_print_problems(stderr, file, &probs);
	else
		json_problems(arr, file, &probs);
	problems_clear(&probs);
	return ret;
}

static int validate_exec(const struct cmd_args *a)
{
	struct formdef *def;
	cJSON *arr = NULL;
	int i, r, ret = EXIT_OK;

	if (!a->nwords)
		return usage_error(_("validate: no form file given"));
	if (!(def = form_definitions()))
		return EXIT_CONFIG;
	if (cmd_has(a, 'j'))
		arr = cJSON_CreateArray();
	for (i = 0; i < a->nwords; i++) {
		r = validate_one(a->words[i], def, arr);
		if (r == EXIT_USAGE || (r == EXIT_INVALID && ret == EXIT_OK))
			ret = r;
	}
	if (arr) {
		char *s = cJSON_Print(arr);

		printf("%s\n", s);
		cJSON_free(s);
		cJSON_Delete(arr);
	}
	formdef_free(def);
	return ret;
}

static void validate_help(void)
{
	printf(_("Usage: %s validate [--json] FORM...\n"
		 "Check form files as the service would judge them, without a terminal.\n"
		 "A FORM of - is read from standard input; a file that holds a template is\n"
		 "checked as a template, and an update form (one with agentRuntimeId, as\n"
		 "'get --update' writes it) as the update request takes it.\n\n"
		 "      --json         print the problems as a JSON array on standard output\n"
		 "  -h, --help         display this help and exit\n\n"
		 "Each problem is printed on standard error as FILE: PATH: message.\n"),
	       PACKAGE_NAME);
	cli_global_options_note();
	printf(_("Exit status: 0 every form is valid, 1 a form is invalid, 2 usage error, or a\n"
		 "file that cannot be read or is not JSON, 3 the form definitions are missing,\n"
		 "70 out of memory or standard output not written.\n"));
}

static const struct option validate_options[] = {{"json", no_argument, NULL, 'j'},
						 {NULL, 0, NULL, 0}};

const struct cmd_entry cmd_validate_entry = {
    .name = "validate",
    .summary = N_("check form files without a terminal"),
    .opts = validate_options,
    .help = validate_help,
    .exec = validate_exec,
};
