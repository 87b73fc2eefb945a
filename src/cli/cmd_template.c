/* cmd_template.c: `agentcore-wizard template FORM -o TEMPLATE [--lock PATH]...
 * [--yours PATH]... [--hide SECTION]... [--title T] [--description D]`:
 * a template made from a form, secrets taken out; and `template
 * --list-sections`, `--list-paths [FORM]`: what those options take, for the
 * shell completions. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/print.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/formfile.h"
#include "form/template.h"
#include "base/printable.h"
#include "base/util.h"
#include "form/validate.h"

static void template_help(void)
{
	printf(_("Usage: %s template FORM -o TEMPLATE [OPTION]...\n"
		 "  or:  %s template --list-sections | --list-paths [FORM]\n"
		 "Make a template from a form: the form's values, with each member locked,\n"
		 "yours (the newcomer fills it in) or hidden.\n\n"
		 "  -o, --output TEMPLATE   the template file to write (a new file)\n"
		 "      --force             replace TEMPLATE when it exists\n"
		 "      --lock PATH         the member at PATH cannot be changed\n"
		 "      --yours PATH        the member at PATH is filled in by the newcomer\n"
		 "      --hide SECTION      the section (basics, network, ...) is not shown\n"
		 "      --title TEXT        the template's title (one line)\n"
		 "      --description TEXT  a paragraph saying what the template is for\n"
		 "      --list-sections     print the sections --hide takes, one a line\n"
		 "      --list-paths        print the member paths --lock and --yours take, one\n"
		 "                          a line (with FORM, its map entries too)\n"
		 "  -h, --help              display this help and exit\n\n"
		 "Without options the role, network and authorizer are locked, and the name and\n"
		 "the image (or code location) are yours. Secrets never travel: environment\n"
		 "variables whose names hold KEY, SECRET, TOKEN, PASSWORD or CREDENTIAL are\n"
		 "written as yours with their values taken out, and so is every value marked\n"
		 "yours; the command says which. PATH is a member path as validate prints it,\n"
		 "e.g. networkConfiguration or environmentVariables.API_KEY.\n"),
	       PACKAGE_NAME, PACKAGE_NAME);
	cli_global_options_note();
	printf(_("Exit status: 0 success, 1 the form or the template made from it is invalid,\n"
		 "2 usage error, a FORM that cannot be read or is not JSON, or a TEMPLATE that\n"
		 "cannot be written, 3 the form definitions are missing, 70 out of memory or\n"
		 "standard output not written.\n"));
}

/* The person's choices over the first ones. */
static int apply_choices(struct template *t, const struct formdef *def, const struct cmd_args *a)
{
	size_t i;
	char *cause = NULL;
	int r = 0;

	/* each --lock, --yours and --hide in the order given: a later one wins */
	for (i = 0; i < a->ngiven; i++) {
		const struct cmd_given *c = &a->given[i];

		if (c->opt == 'H')
			r = template_hide_section(t, def, c->value, &cause);
		else if (c->opt == 'L' || c->opt == 'Y')
			r = template_mark(t, def, c->value, c->opt == 'L' ? TM_LOCKED : TM_YOURS,
					  NULL, &cause);
		if (r != 0) {
			char *m = print_safe(cause);

			usage_error("template: %s", m);
			free(m);
			free(cause);
			return EXIT_USAGE;
		}
	}
	template_set_title(t, cmd_value(a, 'T'), cmd_value(a, 'D'));
	return EXIT_OK;
}

/* Say what was taken out, and what the template leaves to the newcomer. */
static void print_made(const struct template *t, const char *output)
{
	size_t i;
	char *o = print_safe(output);

	for (i = 0; i < t->nremoved; i++) {
		char *p = print_safe(t->removed[i].path);

		if (t->removed[i].secret)
			printf(_("Took out the value of %s: its name looks secret, and a template "
				 "never holds secrets; it is yours to fill.\n"),
			       p);
		else
			printf(_("Took out the value of %s: it is yours to fill.\n"), p);
		free(p);
	}
	printf(_("Wrote %s:"), o);
	for (i = 0; i < t->nfields; i++) {
		static const char *const modes[] = {"", N_("locked"), N_("default"), N_("yours"),
						    N_("hidden")};
		char *p = print_safe(t->fields[i].path);

		printf("\n  %-9s %s", _(modes[t->fields[i].mode]), p);
		free(p);
	}
	for (i = 0; i < t->nhidden; i++)
		printf(_("\n  hidden    the section %s"), t->hidden_sections[i]);
	printf("\n");
	free(o);
}

/* The written text read back as a template: what the wizard will check. */
static int check_written(const char *json, const struct formdef *def, const char *output)
{
	struct template *back = NULL;
	struct problems p = {0};
	char *cause = NULL;
	int ret = EXIT_OK;

	if (template_parse(json, strlen(json), def, 0, &back, &p, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", output, cause); /* not expected */
		free(cause);
		return EXIT_INVALID;
	}
	if (p.n) {
		form_print_problems(stderr, output, &p);
		fprintf(stderr,
			_("%s: the template was not written: fix the form or the "
			  "choices first\n"),
			PACKAGE_NAME);
		ret = EXIT_INVALID;
	}
	problems_clear(&p);
	template_free(back);
	return ret;
}

/* One line of a list, through the printable filter. */
static void put_line(const char *s)
{
	char *m = print_safe(s);

	printf("%s\n", m);
	free(m);
}

/* --list-sections: the ids --hide takes (template_hide_section's), from
 * the form definitions, one a line (for the shell completions). */
static int list_sections(const struct cmd_args *a)
{
	struct formdef *def;
	size_t s;

	if (a->nwords)
		return usage_error(_("template: --list-sections takes no form file"));
	if (!(def = form_definitions()))
		return EXIT_CONFIG;
	for (s = 0; s < def->nsections; s++)
		if (!def->sections[s].review)
			put_line(def->sections[s].id);
	formdef_free(def);
	return EXIT_OK;
}

/* The paths of n and the members below it ("l[].c", as template_mark takes
 * them); with doc, each entry doc has of a map that is in no list
 * ("environmentVariables.API_KEY"). */
static void print_paths(const struct formdef *def, const struct document *doc,
			const struct fnode *n)
{
	size_t i;

	if (n->name && *n->name && n->path)
		put_line(n->path);
	if (doc && n->kind == FK_MAP && n->path && !strchr(n->path, '['))
		for (i = 0; i < document_count(doc, n->path); i++) {
			char *dp = xasprintf("%s[%zu]", n->path, i);
			char *tp = template_path_of(def, doc, dp);

			if (tp)
				put_line(tp);
			free(tp);
			free(dp);
		}
	for (i = 0; i < n->nchildren; i++)
		print_paths(def, doc, n->children[i]);
	if (n->item)
		print_paths(def, doc, n->item);
}

/* --list-paths [FORM]: what --lock and --yours take, one a line. */
static int list_paths(const struct cmd_args *a)
{
	struct formdef *def;
	struct document *doc = NULL;
	struct problems p = {0};
	char *cause = NULL, *m;

	if (a->nwords > 1)
		return usage_error(_("template: --list-paths takes at most one form file"));
	if (!(def = form_definitions()))
		return EXIT_CONFIG;
	if (a->nwords && formfile_load(a->words[0], def, FF_STRICT, &doc, &p, &cause) != 0) {
		m = print_safe(cause);
		fprintf(stderr, "%s: %s\n", a->words[0], m);
		free(m);
		free(cause);
		formdef_free(def);
		return EXIT_USAGE;
	}
	print_paths(def, doc, def->root);
	problems_clear(&p);
	document_free(doc);
	formdef_free(def);
	return EXIT_OK;
}

static int template_exec(const struct cmd_args *a)
{
	const char *output = cmd_value(a, 'o');
	struct formdef *def;
	struct document *doc = NULL;
	struct template *t = NULL;
	struct problems p = {0};
	char *cause = NULL, *json = NULL;
	enum form_kind kind;
	size_t len = 0;
	int ret;

	if (cmd_has(a, 'S'))
		return list_sections(a);
	if (cmd_has(a, 'P'))
		return list_paths(a);
	if (a->nwords != 1)
		return usage_error(_("template: expected one form file"));
	if (!output)
		return usage_error(_("template: expected -o TEMPLATE, the file to write"));
	if ((ret = cli_refuse_existing("template", output, cmd_has(a, 'f'))) != EXIT_OK)
		return ret;
	if (!(def = form_definitions()))
		return EXIT_CONFIG;
	ret = EXIT_USAGE;
	if (form_read_kind(a->words[0], &json, &len, &kind, &cause) == 0 && kind != FORM_CREATE) {
		/* a template starts new runtimes: it is made from a create form */
		ret = form_kind_refuse("template", a->words[0], FORM_CREATE, kind);
		goto out;
	}
	if (!cause && formfile_parse(json, len, def, FF_STRICT, &doc, &p, &cause) != 0)
		problems_clear(&p);
	free(json);
	json = NULL;
	if (cause) {
		char *f = print_safe(a->words[0]), *m = print_safe(cause);

		fprintf(stderr, "%s: %s\n", f, m);
		free(f);
		free(m);
		goto out;
	}
	if (p.n) {
		form_print_problems(stderr, a->words[0], &p);
		ret = EXIT_INVALID;
		goto out;
	}
	t = template_from_document(doc, def);
	if ((ret = apply_choices(t, def, a)) != EXIT_OK)
		goto out;
	json = template_to_json(t, def);
	if ((ret = check_written(json, def, output)) != EXIT_OK)
		goto out;
	if (template_save(t, def, output, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, cause);
		ret = EXIT_USAGE;
		goto out;
	}
	print_made(t, output);
out:
	free(cause);
	free(json);
	problems_clear(&p);
	template_free(t);
	document_free(doc);
	formdef_free(def);
	return ret;
}

static const struct option template_options[] = {
    {"output", required_argument, NULL, 'o'}, {"lock", required_argument, NULL, 'L'},
    {"yours", required_argument, NULL, 'Y'},  {"hide", required_argument, NULL, 'H'},
    {"title", required_argument, NULL, 'T'},  {"description", required_argument, NULL, 'D'},
    {"force", no_argument, NULL, 'f'},        {"list-sections", no_argument, NULL, 'S'},
    {"list-paths", no_argument, NULL, 'P'},   {NULL, 0, NULL, 0}};

const struct cmd_entry cmd_template_entry = {
    .name = "template",
    .summary = N_("make a template from a form; secrets are taken out"),
    .opts = template_options,
    .help = template_help,
    .exec = template_exec,
    .shortopts = "o:",
};
