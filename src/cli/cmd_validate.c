/* cmd_validate.c: `agentcore-wizard validate [--json] FORM...`. */
#include "config.h"

#include <cjson/cJSON.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/formfile.h"
#include "base/util.h"
#include "form/validate.h"

/* Add text to o as member key: JSON output is UTF-8, and file names and
 * the messages that quote them may not be. */
static void add_text(cJSON *o, const char *key, const char *text)
{
	char *clean = utf8_scrub(text);

	cJSON_AddStringToObject(o, key, clean);
	free(clean);
}

/* Load a form strictly ("-": standard input) and check it: load problems
 * first, then the rules (a member dropped for a wrong type is not reported
 * again as missing). */
int form_check_file(const char *file, const struct formdef *def, struct document **doc_out,
		    struct problems *probs, char **cause)
{
	struct document *doc = NULL;

	if (!strcmp(file, "-")) {
		char *text = NULL;
		size_t len = 0;
		int r = util_read_fd(STDIN_FILENO, _("standard input"), UTIL_FORM_FILE_MAX, &text,
				     &len, cause);

		if (r == 0)
			r = formfile_parse(text, len, def, FF_STRICT, &doc, probs, cause);
		free(text);
		if (r != 0)
			goto fail;
	} else if (formfile_load(file, def, FF_STRICT, &doc, probs, cause) != 0) {
		goto fail;
	}
	/* the reader's problems come first: validate_document does not report
	 * again what is missing because the reader dropped a wrong value */
	validate_document(def, doc, probs);
	if (doc_out)
		*doc_out = doc;
	else
		document_free(doc);
	return 0;
fail:
	problems_clear(probs);
	return -1;
}

void form_print_problems(FILE *fp, const char *file, const struct problems *probs)
{
	size_t i;

	for (i = 0; i < probs->n; i++)
		fprintf(fp, "%s: %s: %s\n", file, *probs->v[i].path ? probs->v[i].path : "(form)",
			probs->v[i].message);
}

int cmd_validate(int argc, char **argv)
{
	static const struct option opts[] = {
	    GLOBAL_LONG_OPTIONS,
	    {"json", no_argument, NULL, 'j'},
	    {NULL, 0, NULL, 0},
	};
	int json = 0, c, i, ret = EXIT_OK;
	struct formdef *def;
	char *cause = NULL;
	cJSON *arr = NULL;

	/* main.c has checked the options (and answered --help) */
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'j')
			json = 1;
		else
			global_option(c, optarg);
	}
	if (optind >= argc)
		return usage_error(_("validate: no form file given"));
	def = formdef_load_default(&cause);
	if (!def) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, cause);
		free(cause);
		return EXIT_CONFIG;
	}
	if (json)
		arr = cJSON_CreateArray();
	for (i = optind; i < argc; i++) {
		struct problems probs = {0};
		size_t k;

		if (form_check_file(argv[i], def, NULL, &probs, &cause) != 0) {
			fprintf(stderr, "%s: %s\n", argv[i], cause);
			if (json) {
				cJSON *o = cJSON_CreateObject();

				add_text(o, "file", argv[i]);
				cJSON_AddNullToObject(o, "path");
				add_text(o, "message", cause);
				cJSON_AddStringToObject(o, "severity", "unreadable");
				cJSON_AddItemToArray(arr, o);
			}
			free(cause);
			cause = NULL;
			ret = EXIT_USAGE;
			continue;
		}
		if (probs.n && ret == EXIT_OK)
			ret = EXIT_INVALID;
		if (!json) {
			form_print_problems(stderr, argv[i], &probs);
		} else {
			for (k = 0; k < probs.n; k++) {
				cJSON *o = cJSON_CreateObject();

				add_text(o, "file", argv[i]);
				add_text(o, "path", probs.v[k].path);
				add_text(o, "message", probs.v[k].message);
				cJSON_AddStringToObject(
				    o, "severity",
				    probs.v[k].state == VS_INCOMPLETE ? "missing" : "invalid");
				cJSON_AddItemToArray(arr, o);
			}
		}
		problems_clear(&probs);
	}
	if (json) {
		char *s = cJSON_Print(arr);

		printf("%s\n", s);
		cJSON_free(s);
		cJSON_Delete(arr);
	}
	formdef_free(def);
	return ret;
}
