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
#include "form/formkind.h"
#include "form/template.h"
#include "base/util.h"
#include "form/validate.h"
#include "text.h"
#include "ui.h"
#include "wiz.h"

int ui_replaces_other(const char *path, const char *own)
{
	struct stat a, b;

	if (stat(path, &a) != 0)
		return 0;
	/* the same file by another name (./runtime.json) is the form's own */
	return !own || stat(own, &b) != 0 || a.st_dev != b.st_dev || a.st_ino != b.st_ino;
}

struct ui_settings ui_settings;

int ui_load_template(const struct formdef *def, const char *arg, struct template **out,
		     char **cause)
{
	struct problems p = {0};
	struct strbuf b = {0};
	char *file;
	int rc = EXIT_OK;
	size_t i;

	if (template_open(def, arg, out, &file, &p, cause) != 0)
		return EXIT_USAGE;
	if (p.n) {
		for (i = 0; i < p.n; i++)
			strbuf_addf(&b, "%s%s: %s", i ? "\n" : "", file, p.v[i].message);
		*cause = strbuf_finish(&b);
		template_free(*out);
		*out = NULL;
		rc = EXIT_INVALID;
	}
	problems_clear(&p);
	free(file);
	return rc;
}

/* A member left out of FORM, said on standard error with its path. */
static void warn_left_out(const char *file, const struct problem *q)
{
	char *m = q->path && *q->path && strncmp(q->message, q->path, strlen(q->path))
		      ? xasprintf(_("%s: %s (left out)"), q->path, q->message)
		      : xasprintf(_("%s (left out)"), q->message);

	ui_warn(file, m);
	free(m);
}

/* The kind of FILE (formkind_of_text); FORM_CREATE when it cannot be read
 * (formfile_load says why). */
static enum form_kind file_kind(const char *file)
{
	char *text = NULL, *cause = NULL;
	size_t len = 0;
	enum form_kind k = FORM_CREATE;

	if (util_read_file(file, UTIL_FORM_FILE_MAX, &text, &len, &cause) == 0)
		k = formkind_of_text(text, len);
	free(text);
	free(cause);
	return k;
}

char *ui_kind_refusal(const char *file)
{
	enum form_kind k = file_kind(file);
	char *f, *m;

	if (k == FORM_CREATE)
		return NULL;
	f = ui_printable(file);
	if (k == FORM_UPDATE)
		m = xasprintf(
		    _("Not loaded: %s is an update form (it has agentRuntimeId): '%s open "
		      "RUNTIME_ID' changes its runtime, '%s update %s' sends it."),
		    f, PACKAGE_NAME, PACKAGE_NAME, f);
	else
		m = xasprintf(_("Not loaded: %s is a template: New from a template (or '%s new "
				"--template %s FORM') starts a form from it."),
			      f, PACKAGE_NAME, f);
	free(f);
	return m;
}

/* Is FORM an update form (get --update writes agentRuntimeId first) or a
 * template?  The wizard edits create forms: an update form read as one
 * would lose the id and become a request for another runtime, a template
 * would become an empty form (and F2 would write it over the template), so
 * either is refused, saying what to use. */
static int refused_kind(const char *file)
{
	enum form_kind k = file_kind(file);
	char *f;

	if (k == FORM_CREATE)
		return 0;
	f = ui_printable(file);
	if (k == FORM_UPDATE)
		fprintf(stderr,
			_("%s: %s is an update form (it has agentRuntimeId): the wizard "
			  "opens create forms.\nTo change that runtime in the wizard, use "
			  "'%s open RUNTIME_ID'; to send the file, '%s update %s'.\n"),
			PACKAGE_NAME, f, PACKAGE_NAME, PACKAGE_NAME, f);
	else
		fprintf(stderr,
			_("%s: %s is a template (it has %s): the wizard opens forms.\nTo start "
			  "a form from it, use '%s new --template %s FORM'.\n"),
			PACKAGE_NAME, f, TEMPLATE_MARKER, PACKAGE_NAME, f);
	free(f);
	return 1;
}

int ui_main(const struct ui_args *a)
{
	struct formdef *def;
	struct document *doc = NULL;
	struct problems p = {0};
	struct stat st;
	const char *file = a->form;
	struct template *tmpl = NULL;
	struct ui_begin b = {0};
	char *cause = NULL, *draft = NULL;
	int plain = a->plain && !a->open_id, rc;
	size_t i;

	ui_settings.aws = a->aws;
	ui_settings.debug = a->debug;
	ui_settings.no_color = a->no_color;
	if (!plain && a->open_id && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		/* `open` has no --plain: the commands that change a runtime say how */
		fprintf(stderr,
			_("%s: the wizard needs a terminal on standard input and output.\n"
			  "To change the runtime without it, write its update form with "
			  "'%s get --update %s -o FORM',\nedit FORM, and send it with '%s "
			  "update FORM'.\n"),
			PACKAGE_NAME, PACKAGE_NAME, a->open_id, PACKAGE_NAME);
		return EXIT_USAGE;
	}
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
	if (a->open_id) {
		/* `open` has no --plain (an update is not asked line by line) */
		doc = document_new_form(def); /* until ui_curses loads the runtime */
		b.open_id = a->open_id;
	} else if (a->template) {
		file = file ? file : "runtime.json";
		rc = ui_load_template(def, a->template, &tmpl, &cause);
		if (rc != EXIT_OK) {
			/* each line names the file (or the program) already */
			char *line, *save = NULL;

			for (line = strtok_r(cause, "\n", &save); line;
			     line = strtok_r(NULL, "\n", &save)) {
				char *t = ui_printable(line);

				fprintf(stderr, "%s\n", t);
				free(t);
			}
			free(cause);
			formdef_free(def);
			return rc;
		}
		doc = template_start(tmpl, def);
	} else if (file && stat(file, &st) == 0) {
		if (refused_kind(file)) {
			formdef_free(def);
			return EXIT_USAGE;
		}
		if (formfile_load(file, def, FF_SKELETON, &doc, &p, &cause) != 0) {
			ui_warn(PACKAGE_NAME, cause);
			free(cause);
			formdef_free(def);
			return EXIT_USAGE;
		}
		/* --plain says them now; the screens say them once started */
		for (i = 0; plain && i < p.n; i++)
			warn_left_out(file, &p.v[i]);
	} else {
		doc = document_new_form(def);
		draft = file ? NULL : ui_draft_path();
	}
	if (plain) {
		rc = ui_plain(def, doc, file, tmpl);
		template_free(tmpl);
	} else {
		b.file = file;
		b.draft = draft;
		b.tmpl = tmpl;
		/* no FORM: the start screen, whose entries include the drafts */
		b.start = !file && !a->template && !a->open_id;
		b.left_out = &p;
		rc = ui_curses(def, doc, &b);
	}
	problems_clear(&p);
	free(draft);
	formdef_free(def);
	return rc;
}
