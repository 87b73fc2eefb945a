/* ui_main.c: the wizard's entry: arguments, terminal check, form loading,
 * then the curses wizard or the --plain prompts. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "form/document.h"
#include "form/formdef.h"
#include "form/formfile.h"
#include "form/template.h"
#include "base/util.h"
#include "form/validate.h"
#include "text.h"
#include "ui.h"

int ui_replaces_other(const char *path, const char *own)
{
	struct stat a, b;

	if (stat(path, &a) != 0)
		return 0;
	/* the same file by another name (./runtime.json) is the form's own */
	return !own || stat(own, &b) != 0 || a.st_dev != b.st_dev || a.st_ino != b.st_ino;
}

struct ui_settings ui_settings;

/* new --template: the template named, checked; EXIT_OK with *out, or an
 * exit code with what is wrong said. */
static int load_template(const struct formdef *def, const char *arg, struct template **out)
{
	struct problems p = {0};
	char *cause = NULL, *file;
	int bundled = 0, rc = EXIT_OK;
	size_t i;

	*out = NULL;
	file = template_find(def, arg, &bundled);
	if (!file) {
		char *m =
		    xasprintf(_("no template named '%s': expected a name that '%s templates' "
				"lists, or a file"),
			      arg, PACKAGE_NAME);

		ui_warn(PACKAGE_NAME, m);
		free(m);
		return EXIT_USAGE;
	}
	if (template_load(file, def, bundled, out, &p, &cause) != 0) {
		ui_warn(file, cause);
		free(cause);
		rc = EXIT_USAGE;
	} else if (p.n) {
		for (i = 0; i < p.n; i++)
			ui_warn(file, p.v[i].message);
		template_free(*out);
		*out = NULL;
		rc = EXIT_INVALID;
	}
	problems_clear(&p);
	free(file);
	return rc;
}

int ui_main(const struct ui_args *a)
{
	struct formdef *def;
	struct document *doc = NULL;
	struct problems p = {0};
	struct stat st;
	const char *file = a->form;
	struct template *tmpl = NULL;
	char *cause = NULL, *draft = NULL;
	int plain = a->plain, rc;
	size_t i;

	ui_settings.aws = a->aws;
	ui_settings.debug = a->debug;
	ui_settings.no_color = a->no_color;
	if (!plain && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		fprintf(stderr,
			_("%s: the wizard needs a terminal on standard input and output.\n"
			  "Use '%s validate FORM' to check a form file,\n'%s submit FORM' to "
			  "send it, or '%s --plain'\nto answer line by line.\n"),
			PACKAGE_NAME, PACKAGE_NAME, PACKAGE_NAME, PACKAGE_NAME);
		return EXIT_USAGE;
	}
	def = formdef_load_default(&cause);
	if (!def) {
		ui_warn(PACKAGE_NAME, cause);
		free(cause);
		return EXIT_CONFIG;
	}
	if (a->template) {
		file = file ? file : "runtime.json";
		rc = load_template(def, a->template, &tmpl);
		if (rc != EXIT_OK) {
			formdef_free(def);
			return rc;
		}
		doc = template_start(tmpl, def);
	} else if (file && stat(file, &st) == 0) {
		if (formfile_load(file, def, FF_SKELETON, &doc, &p, &cause) != 0) {
			ui_warn(PACKAGE_NAME, cause);
			free(cause);
			formdef_free(def);
			return EXIT_USAGE;
		}
		for (i = 0; i < p.n; i++)
			ui_warn(file, p.v[i].message);
		problems_clear(&p);
	} else {
		doc = document_new_form(def);
		draft = file ? NULL : ui_draft_path();
	}
	if (plain) {
		rc = ui_plain(def, doc, file, tmpl);
		template_free(tmpl);
	} else {
		rc = ui_curses(def, doc, file, draft, tmpl);
	}
	free(draft);
	formdef_free(def);
	return rc;
}
