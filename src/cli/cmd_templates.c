/* cmd_templates.c: `agentcore-wizard templates` (the templates found, with
 * their titles) and `agentcore-wizard new --template NAME|FILE [FORM]` (a
 * form file started from a template). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/print.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/formfile.h"
#include "form/secret.h"
#include "form/template.h"
#include "base/printable.h"
#include "base/util.h"
#include "ui/ui.h"
#include "form/validate.h"

static void templates_help(void)
{
	printf(_("Usage: %s templates [--paths]\n"
		 "List the templates found, by name, with their titles.\n\n"
		 "      --paths        also print each template's file, and the folders searched\n"
		 "  -h, --help         display this help and exit\n\n"
		 "Folders, each later one taking a name over: the bundled templates, each\n"
		 "folder of $XDG_DATA_DIRS with /agentcore-wizard/templates,\n"
		 "$XDG_CONFIG_HOME/agentcore-wizard/templates, then the folders named by\n"
		 "AGENTCORE_WIZARD_TEMPLATES (separated by ':').\n"),
	       PACKAGE_NAME);
	cli_global_options_note();
	printf(_("Exit status: 0 success, 2 usage error, 3 the form definitions are missing,\n"
		 "70 out of memory or standard output not written.\n"));
}

static void new_help(void)
{
	printf(_("Usage: %s new [--template NAME|FILE] [--plain] [FORM]\n"
		 "Start a form from a template. At a terminal, the wizard opens on the\n"
		 "template's values, with only the fields yours to fill editable, and F2\n"
		 "saves to FORM (default runtime.json); without one, FORM is written with the\n"
		 "template's values and the fields that are yours to fill are listed.\n"
		 "Without --template, the wizard opens on the start screen, where 'New from\n"
		 "a template' lists the templates; with FORM, on an empty form saved to FORM\n"
		 "(only at a terminal, or with --plain).\n\n"
		 "      --template NAME|FILE\n"
		 "                     a name that '%s templates' lists, or a file\n"
		 "      --plain        ask the fields yours to fill (and the defaults) line\n"
		 "                     by line\n"
		 "  -h, --help         display this help and exit\n\n"
		 "FORM is an ordinary form file, with nothing of the template in it; FORM must\n"
		 "not exist yet.\n"),
	       PACKAGE_NAME, PACKAGE_NAME);
	cli_global_options_note();
	printf(_("Exit status: 0 success, 1 the template is invalid, 2 usage error, a\n"
		 "template that cannot be read or is not JSON, or a FORM that exists or cannot\n"
		 "be written, 3 the form definitions are missing, 70 out of memory or standard\n"
		 "output not written.\n"));
}

static int templates_exec(const struct cmd_args *a)
{
	int paths = cmd_has(a, 'P');
	struct formdef *def;
	struct tfound_list l;
	size_t i, width = 0;

	if (a->nwords)
		return usage_error(_("templates: unexpected argument '%s'"), a->words[0]);
	if (!(def = form_definitions()))
		return EXIT_CONFIG;
	template_list(def, &l);
	for (i = 0; i < l.n; i++) {
		char *name = print_safe(l.v[i].name);
		size_t c = (size_t)print_columns(name);

		if (c > width)
			width = c;
		free(name);
	}
	for (i = 0; i < l.n; i++) {
		char *name = print_safe(l.v[i].name), *title = print_safe(l.v[i].title);
		char *file = print_safe(l.v[i].file);

		/* the name padded by its columns (printf's width counts bytes) */
		printf("%s%*s  ", name, (int)width - print_columns(name), "");
		if (l.v[i].title && !l.v[i].nproblems)
			printf("%s\n", title);
		else if (l.v[i].title)
			printf(_("%s (invalid: '%s validate %s' says why)\n"), title, PACKAGE_NAME,
			       file);
		else
			printf(_("(cannot be read as a template: '%s validate %s' says why)\n"),
			       PACKAGE_NAME, file);
		if (paths)
			printf("%*s  %s\n", (int)width, "", file);
		free(name);
		free(title);
		free(file);
	}
	if (!l.n)
		printf(_("No templates found.\n"));
	if (paths) {
		char **dirs = NULL;
		size_t n = template_dirs(def, &dirs);

		printf(_("\nFolders searched, in order:\n"));
		for (i = 0; i < n; i++) {
			char *d = print_safe(dirs[i]);

			printf("  %s\n", d);
			free(d);
			free(dirs[i]);
		}
		free(dirs);
	}
	template_list_free(&l);
	formdef_free(def);
	return EXIT_OK;
}

/* Load and check a template named on the command line: EXIT_OK with *out,
 * or an exit code (problems printed as validate prints them). */
static int load_template(const struct formdef *def, const char *arg, struct template **out)
{
	char *file, *cause;
	struct problems p = {0};

	if (template_open(def, arg, out, &file, &p, &cause) != 0) {
		char *m = print_safe(cause);

		fprintf(stderr, "%s\n", m);
		free(m);
		free(cause);
		return EXIT_USAGE;
	}
	if (p.n) {
		form_print_problems(stderr, file, &p);
		problems_clear(&p);
		template_free(*out);
		*out = NULL;
		free(file);
		return EXIT_INVALID;
	}
	free(file);
	return EXIT_OK;
}

/* "  roleArn: the reason" lines for the entries of one mode. */
static void print_entries(const struct template *t, enum tmode mode)
{
	size_t i;

	for (i = 0; i < t->nfields; i++) {
		const struct tfield *f = &t->fields[i];
		char *path, *note, *example;

		if (f->mode != mode)
			continue;
		path = print_safe(f->path);
		note = print_safe(f->note);
		example = print_safe(f->example);
		if (f->note && f->example)
			printf(_("  %s: %s (for example %s)\n"), path, note, example);
		else if (f->example)
			printf(_("  %s (for example %s)\n"), path, example);
		else if (f->note)
			printf("  %s: %s\n", path, note);
		else
			printf("  %s\n", path);
		free(path);
		free(note);
		free(example);
	}
}

/* Tell what FORM now holds and what is left to the person. */
static void print_started(const struct template *t, const struct formdef *def,
			  const struct document *doc, const char *form)
{
	size_t filled, yours = template_yours_count(t, def, doc, &filled);
	size_t i, locked = 0;
	char *title = print_safe(t->title), *f = print_safe(form);

	printf(_("Wrote %s from the template \"%s\".\n"), f, title);
	for (i = 0; i < t->nfields; i++)
		locked += t->fields[i].mode == TM_LOCKED;
	if (yours) {
		printf(_("Yours to fill (%zu):\n"), yours);
		print_entries(t, TM_YOURS);
	}
	if (locked) {
		printf(_("Set by the template; leave them as they are:\n"));
		print_entries(t, TM_LOCKED);
	}
	printf(_("Then check it with '%s validate %s', or fill it in with '%s edit %s'.\n"),
	       PACKAGE_NAME, f, PACKAGE_NAME, f);
	free(title);
	free(f);
}

/* At a terminal, or with --plain: the wizard on the template's document
 * (--template), an empty form at form, or (form NULL, no template) the
 * start screen. */
static int new_wizard(const struct cmd_args *a, const char *form)
{
	struct ui_args u = {0};

	u.form = form;
	u.template = cmd_value(a, 't');
	u.plain = cmd_has(a, 'p');
	return cli_run_ui(&u);
}

/* FORM names a file that is there: a usage error saying what it is and
 * what to do with it instead. */
static int new_exists(const char *form)
{
	enum form_kind kind = FORM_CREATE;
	char *text = NULL, *cause = NULL;
	size_t len = 0;

	if (strcmp(form, "-")) /* "-" would be standard input */
		form_read_kind(form, &text, &len, &kind, &cause);
	free(text);
	free(cause);
	if (kind == FORM_UPDATE)
		return usage_error(_("new: %s exists: expected the name of a new file (it is an "
				     "update form: send it with '%s update %s')"),
				   form, PACKAGE_NAME, form);
	if (kind == FORM_TEMPLATE)
		return usage_error(_("new: %s exists: expected the name of a new file (it is a "
				     "template: start a form from it with '%s new --template %s "
				     "FORM')"),
				   form, PACKAGE_NAME, form);
	return usage_error(_("new: %s exists: expected the name of a new file (open an "
			     "existing form with '%s edit %s')"),
			   form, PACKAGE_NAME, form);
}

static int new_exec(const struct cmd_args *a)
{
	int ret;
	const char *name = cmd_value(a, 't'), *form = a->nwords ? a->words[0] : "runtime.json";
	struct formdef *def;
	struct template *t = NULL;
	struct document *doc;
	char *cause = NULL;

	if (a->nwords > 1)
		return usage_error(_("new: unexpected argument '%s'"), a->words[1]);
	if (!name && !cmd_has(a, 'p') && !(isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)))
		return usage_error(
		    _("new: expected --template NAME or FILE when not at a terminal "
		      "('%s templates' lists the names)"),
		    PACKAGE_NAME);
	if (!name && !a->nwords)
		return new_wizard(a, NULL); /* the start screen: choose a template there */
	if (access(form, F_OK) == 0)
		return new_exists(form);
	if (!(def = form_definitions()))
		return EXIT_CONFIG;
	if (!name || cmd_has(a, 'p') || (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))) {
		formdef_free(def);
		return new_wizard(a, form);
	}
	ret = load_template(def, name, &t);
	if (ret == EXIT_OK) {
		doc = template_start(t, def);
		if (formfile_save(form, doc, def, &cause) != 0) {
			fprintf(stderr, "%s: %s\n", PACKAGE_NAME, cause);
			free(cause);
			ret = EXIT_USAGE;
		} else {
			char *secret = secret_note(doc); /* a template written by hand */

			print_started(t, def, doc, form);
			if (secret) {
				char *m = print_safe(secret);

				fprintf(stderr, "%s: %s\n", PACKAGE_NAME, m);
				free(m);
			}
			free(secret);
		}
		document_free(doc);
	}
	template_free(t);
	formdef_free(def);
	return ret;
}

static const struct option templates_options[] = {{"paths", no_argument, NULL, 'P'},
						  {NULL, 0, NULL, 0}};

const struct cmd_entry cmd_templates_entry = {
    .name = "templates",
    .summary = N_("list the templates found, with their titles"),
    .opts = templates_options,
    .help = templates_help,
    .exec = templates_exec,
};

static const struct option new_options[] = {{"template", required_argument, NULL, 't'},
					    {"plain", no_argument, NULL, 'p'},
					    {NULL, 0, NULL, 0}};

const struct cmd_entry cmd_new_entry = {
    .name = "new",
    .summary = N_("start a form from a template"),
    .opts = new_options,
    .help = new_help,
    .exec = new_exec,
};
