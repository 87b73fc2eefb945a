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

/* An update form (`get --update` writes one): a JSON object whose top level
 * has agentRuntimeId, which no create request takes. */
static int is_update_text(const char *text, size_t len)
{
	cJSON *j = getmap_read_json(text, len);
	int r = cJSON_IsObject(j) && cJSON_GetObjectItemCaseSensitive(j, "agentRuntimeId");

	cJSON_Delete(j);
	return r;
}

/* Read an update form's text as UpdateAgentRuntime takes it and check it;
 * *doc_out (when not NULL) receives the members it shares with the create
 * request. */
static int check_update_text(const char *text, size_t len, const struct formdef *def,
			     struct document **doc_out, struct problems *probs, char **cause)
{
	struct getmap *m = getmap_load(def, cause);
	struct upform *u = NULL;
	struct problems rules = {0};
	size_t i, k, read;

	if (!m)
		return -1;
	if (upform_parse(m, def, text, len, &u, probs, cause) != 0) {
		getmap_free(m);
		return -1;
	}
	read = probs->n;
	upform_validate(m, def, u, &rules);
	for (i = 0; i < rules.n; i++) {
		const struct problem *q = &rules.v[i];

		/* a member the reader dropped is not reported again as missing */
		for (k = 0; k < read && strcmp(probs->v[k].path, q->path); k++)
			;
		if (k == read)
			problems_add(probs, q->state, q->path, q->ref, "%s", q->message);
	}
	problems_clear(&rules);
	if (doc_out) {
		*doc_out = u->doc;
		u->doc = NULL;
	}
	upform_free(u);
	getmap_free(m);
	return 0;
}

int form_check_file(const char *file, const struct formdef *def, struct document **doc_out,
		    struct problems *probs, char **cause)
{
	char *text = NULL;
	size_t len = 0;
	int r = read_text(file, &text, &len, cause);

	if (r == 0)
		r = check_create_text(text, len, def, doc_out, probs, cause);
	free(text);
	if (r != 0)
		problems_clear(probs);
	return r;
}

int form_check_any(const char *file, const struct formdef *def, struct document **doc_out,
		   enum form_kind *kind, struct problems *probs, char **cause)
{
	char *text = NULL;
	size_t len = 0;
	int r = template_check_file(file, def, probs, cause);

	if (doc_out)
		*doc_out = NULL;
	*kind = FORM_TEMPLATE;
	if (r != 1)
		return r;
	if ((r = read_text(file, &text, &len, cause)) == 0) {
		*kind = is_update_text(text, len) ? FORM_UPDATE : FORM_CREATE;
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

/* Load and validate FILE: EXIT_OK with *doc (caller frees), or an exit code
 * with the problems or the cause printed. */
static int form_load_valid(const char *file, const struct formdef *def, struct document **doc)
{
	struct problems p = {0};
	char *cause = NULL;

	*doc = NULL;
	if (form_check_file(file, def, doc, &p, &cause) != 0) {
		print_unreadable(file, cause);
		free(cause);
		return EXIT_USAGE;
	}
	if (p.n) {
		form_print_problems(stderr, file, &p);
		problems_clear(&p);
		document_free(*doc);
		*doc = NULL;
		return EXIT_INVALID;
	}
	return EXIT_OK;
}

int form_run(const struct cmd_args *a, const char *usage,
	     int (*fn)(const struct formdef *def, const struct document *doc,
		       const struct cmd_args *a))
{
	struct formdef *def;
	struct document *doc = NULL;
	int ret;

	if (a->nwords != 1)
		return usage_error("%s", usage);
	if (!(def = form_definitions()))
		return EXIT_CONFIG;
	ret = form_load_valid(a->words[0], def, &doc);
	if (ret == EXIT_OK)
		ret = fn(def, doc, a);
	document_free(doc);
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
