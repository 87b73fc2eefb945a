/* plain.c: the --plain front end: the same sections and rows as line
 * prompts, checked by the same validators. Works with a pipe. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "form/document.h"
#include "form/formdef.h"
#include "form/formfile.h"
#include "form/secret.h"
#include "form/template.h"
#include "base/util.h"
#include "form/validate.h"
#include "rows.h"
#include "submit.h"
#include "text.h"
#include "ui.h"

#define PLAIN_LINE_MAX 8192

/* A message (not a question: those stay on their line, with the answer
 * after them) wrapped at the terminal's width, or 80 columns, at spaces:
 * the terminal would otherwise break its words. */
/* Everything --plain prints goes through here or say(): text from the form
 * file, the environment or the network is made safe (ui_printable). */
static void plain_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void plain_printf(const char *fmt, ...)
{
	va_list ap;
	char *t, *safe;

	va_start(ap, fmt);
	t = xvasprintf(fmt, ap);
	va_end(ap);
	safe = ui_printable(t);
	fputs(safe, stdout);
	free(safe);
	free(t);
}

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	va_list ap;
	char *t;

	va_start(ap, fmt);
	t = xvasprintf(fmt, ap);
	va_end(ap);
	ui_print_wrapped(stdout, t, ui_text_width(stdout));
	free(t);
}

/* Each problem on a line of its own, naming its field as the screens do. */
static void say_problems(const struct formdef *def, const struct problems *p)
{
	size_t k;
	int sec;
	char *t;

	for (k = 0; k < p->n; k++) {
		t = row_problem_text(def, &p->v[k], &sec);
		say("  %s", t);
		free(t);
	}
}

/* One line from stdin without its newline (caller frees), NULL at end of input. */
static char *read_answer(void)
{
	char buf[PLAIN_LINE_MAX];
	size_t n;

	fflush(stdout);
	if (!fgets(buf, sizeof buf, stdin))
		return NULL;
	n = strlen(buf);
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = 0;
	return xstrdup(buf);
}

/* A field with a network check (the discovery URL): asked the same at a
 * terminal and from a pipe, so that answers recorded at one replay at the
 * other. */
static int ask_yes(const char *question, int depth, const struct fnode *help, int dflt);

static void offer_probe(const struct row *r, const char *value)
{
	char *text = NULL;

	if (ask_yes(_("  Fetch it now to check that it answers? (y/N): "), 0, NULL, 0) == 1) {
		if (submit_probe(r->node->probe, value, 0, &text) == 0)
			say(_("  Checked: %s\n"), text);
		else
			say(_("  Warning (the form can still be sent): %s\n"), text);
		free(text);
	}
}

static int is_choice(const struct row *r)
{
	return r->kind == RK_BRANCH || r->node->kind == FK_CHOICE || r->node->kind == FK_BOOLEAN;
}

/* The choices after the label: "(PUBLIC, VPC)", "(yes, no)"; a one-of's
 * branches, whose labels differ from their API names, on lines of their own,
 * numbered, with the API name in parentheses. */
static void print_choices(const struct row *r)
{
	size_t n, i, k = 0;
	const char **ch = row_choices(r, &n);

	if (r->kind == RK_BRANCH) {
		plain_printf(":\n");
		for (i = 0; i < n; i++)
			if (*ch[i])
				plain_printf("%*s  %zu  %s (%s)\n", r->depth * 2, "", ++k,
					     row_choice_label(r, ch[i]), ch[i]);
		plain_printf("%*s%s", r->depth * 2, "", r->label);
	} else {
		plain_printf(" (");
		for (i = 0; i < n; i++)
			if (*ch[i])
				plain_printf("%s%s", k++ ? ", " : "", row_choice_label(r, ch[i]));
		plain_printf(")");
	}
	free(ch);
}

/* The value an answer names: a value's own name, its label (any case), or
 * a branch's number in the list. NULL when it names none. */
static const char *match_choice(const struct row *r, const char *a)
{
	size_t n, i, k = 0;
	const char **ch = row_choices(r, &n);
	const char *found = NULL;
	char *end;
	unsigned long num = strtoul(a, &end, 10);

	for (i = 0; i < n && !found; i++) {
		if (!*ch[i])
			continue;
		k++;
		if (!strcmp(a, ch[i]) || !strcasecmp(a, row_choice_label(r, ch[i])) ||
		    (r->kind == RK_BRANCH && *a && !*end && num == k))
			found = ch[i];
	}
	free(ch);
	return found;
}

/* `?`: the help F1 gives for the field (help, what is expected, an example). */
static void print_help(const struct fnode *n, int depth)
{
	char *t;

	if (n->help)
		say("%*s  %s", depth * 2, "", n->help);
	if (n->expect) {
		t = xasprintf(_("Expected: %s"), n->expect);
		say("%*s  %s", depth * 2, "", t);
		free(t);
	}
	if (n->example) {
		t = xasprintf(_("Example: %s"), n->example);
		say("%*s  %s", depth * 2, "", t);
		free(t);
	}
	if (!n->help && !n->expect && !n->example)
		say("%*s  %s", depth * 2, "", _("No help for this field."));
}

/* What a template says of the row being asked (all NULL without one). */
struct plain_team {
	const struct template *t;
	const struct formdef *def;
	char *hint; /* said before the first question and with '?' */
};

/* An answer the API takes but the team's narrower pattern does not: said,
 * and 1, so that it is asked again at once. */
static int team_refuses(const struct plain_team *team, const struct document *doc,
			const struct row *r, const char *a)
{
	char *msg = NULL;
	int bad = team->t && *a &&
		  template_check_value(team->t, team->def, doc, r->path, a, &msg) == VS_INVALID;

	if (bad)
		say("  %s", msg);
	free(msg);
	return bad;
}

/* Ask for row r until the answer is acceptable, to the API and to the
 * team's template. Returns 0, -1 at end of input. */
static int ask_row(struct document *doc, const struct row *r, const struct plain_team *team)
{
	char *cur = row_value(r, doc), *a, *msg = NULL;
	enum vstate st;
	int rc = 0;
	/* values of sensitive maps (environment variables) are never echoed */
	int secret = r->kind == RK_MAPVAL && r->owner && r->owner->sensitive;

	if (team->hint)
		say("%*s  %s", r->depth * 2, "", team->hint);
	for (;;) {
		plain_printf("%*s%s", r->depth * 2, "", r->label);
		if (is_choice(r))
			print_choices(r);
		if (*cur)
			plain_printf(" [%s]", secret         ? "********"
					      : is_choice(r) ? row_choice_label(r, cur)
							     : cur);
		plain_printf(": ");
		a = read_answer();
		if (!a) {
			rc = -1;
			break;
		}
		if (!isatty(STDIN_FILENO))
			plain_printf("%s\n", secret && *a ? "********" : a);
		if (!strcmp(a, "?")) {
			if (team->hint)
				say("%*s  %s", r->depth * 2, "", team->hint);
			print_help(r->node, r->depth);
			free(a);
			continue;
		}
		if (!*a) {
			/* keep the value, or leave it unset: the section check says
			 * what is still missing */
			free(a);
			break;
		}
		if (!strcmp(a, "-"))
			a[0] = 0;
		if (is_choice(r)) {
			const char *v = *a ? match_choice(r, a) : NULL;

			if (v || (!*a && row_can_unset(r))) {
				row_choose(r, doc, v);
				free(a);
				break;
			}
			free(a);
			say("%s",
			    r->kind == RK_BRANCH
				? _("  Type one of the values listed, or its number ('?' says "
				    "more).\n")
				: _("  Type one of the values listed ('?' says more).\n"));
			continue;
		}
		st = row_check(r, doc, a, &msg);
		if (st == VS_INVALID || (st == VS_INCOMPLETE && *a)) {
			say("  %s", msg ? msg : _("not valid"));
			free(msg);
			free(a);
			continue;
		}
		if (st == VS_INCOMPLETE && r->node->required && !r->owner) {
			say("  %s", msg ? msg : _("a value is required"));
			free(msg);
			free(a);
			continue;
		}
		free(msg);
		if (team_refuses(team, doc, r, a)) {
			free(a);
			continue;
		}
		row_store_text(r, doc, a);
		free(a);
		break;
	}
	free(cur);
	if (rc == 0 && r->node->probe) {
		char *v = row_value(r, doc);

		if (*v)
			offer_probe(r, v);
		free(v);
	}
	return rc;
}

/* A y/N question; '?' prints help (when given). Returns 1 for yes, 0 for no
 * (Enter: dflt), -1 at end of input. Any other answer is asked again (a
 * typo never passes for no). */
static int ask_yes(const char *question, int depth, const struct fnode *help, int dflt)
{
	char *a;
	int yes;

	for (;;) {
		plain_printf("%*s%s", depth * 2, "", question);
		a = read_answer();
		if (!a) {
			putchar('\n');
			return -1;
		}
		if (!isatty(STDIN_FILENO))
			plain_printf("%s\n", a);
		if (!strcmp(a, "?") && help)
			print_help(help, depth);
		else if ((yes = !a[0] ? dflt : rpmatch(a)) >= 0)
			break;
		else
			say("%*s  %s", depth * 2, "", _("Answer y (yes) or n (no)."));
		free(a);
	}
	free(a);
	return yes;
}

/* An add row: "Filesystems: add one? (y/N)"; for lists of scalars the value
 * is asked at once. */
static int ask_add(struct document *doc, const struct row *r, int *added)
{
	const char *what = r->owner->label ? r->owner->label : r->owner->name;
	long need = r->owner->min_items > 0 ? r->owner->min_items : r->owner->required;
	/* a list that needs more items: Enter adds one (it is not "no", which
	 * would only lead to the whole section asked again) */
	int more = document_count(doc, r->path) < (size_t)need;
	char *q = xasprintf(more       ? _("%s: add one (required)? (Y/n): ")
			    : r->index ? _("%s: add another? (y/N): ")
				       : _("%s: add one? (y/N): "),
			    what);
	int yes = ask_yes(q, r->depth, r->owner, more);

	free(q);
	*added = 0;
	if (yes < 0)
		return -1;
	if (yes) {
		row_add_item(r, doc);
		*added = 1;
	}
	return 0;
}

/* After the review: submit with the settings in use, as the wizard's F10
 * and `submit --wait` do. Returns the exit code, or -1 when not asked to. */
static int offer_submit(const struct formdef *def, const struct document *doc)
{
	struct problems p = {0};
	char *settings = NULL, *q, *endpoint, *unusable = NULL;
	int yes, rc;

	rc = submit_settings_check(&settings, NULL, NULL);
	say(rc < 0 ? _("AWS settings: %s (they do not work)\n") : _("AWS settings: %s\n"),
	    settings);
	free(settings);
	/* where it would go, before the question; and the check F10 and
	 * runtime_submit make (a partition without dual-stack, ...) */
	endpoint = submit_endpoint(&unusable);
	if (endpoint)
		say("%s\n", endpoint);
	free(endpoint);
	if (unusable && rc >= 0) {
		say(_("Not submitted: these AWS settings cannot submit it: %s"), unusable);
		free(unusable);
		return -1;
	}
	free(unusable);
	if (rc < 0 || !(rc & SETTINGS_REGION) || !(rc & SETTINGS_CREDENTIALS)) {
		/* as the wizard's F10: nothing is offered that cannot be sent */
		say("%s", _("Not submitted: these AWS settings cannot submit it. Set the Region "
			    "(--region, AWS_REGION) and credentials (AWS_ACCESS_KEY_ID, "
			    "--profile), then run agentcore-wizard --plain again, or "
			    "agentcore-wizard submit with the file saved."));
		return -1;
	}
	q = xstrdup(_("Submit it now (CreateAgentRuntime), and follow it until READY? (y/N): "));
	yes = ask_yes(q, 0, NULL, 0);
	free(q);
	if (yes <= 0) {
		plain_printf("%s\n", _("Not submitted."));
		return -1;
	}
	if (validate_document(def, doc, &p) != VS_VALID) {
		say("%s", _("Not submitted: the form has problems:"));
		say_problems(def, &p);
		problems_clear(&p);
		return EXIT_INVALID;
	}
	problems_clear(&p);
	return submit_lines(def, doc, stdout);
}

/* Ask where to save (Enter: the name offered; '-' skips) and save there. A
 * file that is there already and is not the form's own (file, the one it
 * was loaded from) is replaced only when the user says so; otherwise the
 * name is asked again. Returns 0 when saved or skipped, 1 at the end of
 * input, -1 when saving failed (said on stderr). */
static int save_answer(const struct formdef *def, const struct document *doc, const char *file)
{
	const char *offer = file ? file : "runtime.json", *path;
	char *a, *q, *cause = NULL;
	int yes;

	for (;;) {
		plain_printf(_("Save to file [%s] ('-' skips): "), offer);
		a = read_answer();
		if (!a)
			return 1;
		if (!isatty(STDIN_FILENO))
			plain_printf("%s\n", a);
		if (!strcmp(a, "-")) {
			free(a);
			return 0;
		}
		path = *a ? a : offer;
		if (ui_replaces_other(path, file)) {
			q = xasprintf(_("%s exists already. Replace it with this form? (y/N): "),
				      path);
			yes = ask_yes(q, 0, NULL, 0);
			free(q);
			if (yes <= 0) {
				say(_("Not saved: %s is kept as it was."), path);
				free(a);
				if (yes < 0)
					return 1;
				continue;
			}
		}
		if (formfile_save(path, doc, def, &cause) != 0) {
			ui_warn(PACKAGE_NAME, cause);
			free(cause);
			free(a);
			return -1;
		}
		say(_("Saved to %s.\n"), path);
		if ((q = secret_note(doc))) { /* once: the one save of the run */
			say("%s\n", q);
			free(q);
		}
		free(a);
		return 0;
	}
}

/* Whether section s of doc has a problem at path (a required member
 * missing, a value the API refuses). */
static int plain_has_problem(const struct formdef *def, const struct document *doc, size_t s,
			     const char *path)
{
	struct problems p = {0};
	size_t i;
	int found = 0;

	validate_section(def, doc, s, &p);
	for (i = 0; i < p.n && !found; i++)
		found = !strcmp(p.v[i].path, path);
	problems_clear(&p);
	return found;
}

/* With a template, only its yours and default fields are asked, and its
 * hidden sections are left out; the rest keeps the template's values. A
 * field the template says nothing of is asked too when it has a problem
 * (a required one the team left unset): else the section could only be
 * said again, with nothing to answer. */
static int plain_skips(const struct template *t, const struct formdef *def,
		       const struct document *doc, size_t s, const struct row *r)
{
	enum tmode m;

	if (!t)
		return 0;
	m = template_mode(t, def, doc, r->path);
	if (m == TM_NONE && r->kind != RK_HEADER && r->kind != RK_ENTRY)
		return !plain_has_problem(def, doc, s, r->path);
	return m != TM_YOURS && m != TM_DEFAULT;
}

/* Ask for row r, with the template's hint for it (its note and example)
 * and its narrower pattern. */
static int plain_ask(const struct template *t, const struct formdef *def, struct document *doc,
		     const struct row *r)
{
	struct plain_team team = {t, def, NULL};
	int rc;

	if (t)
		team.hint = template_hint(template_rule(t, def, doc, r->path));
	rc = ask_row(doc, r, &team);
	free(team.hint);
	return rc;
}

/* A map entry the template names keeps its key (the team's): shown as
 * given, not asked; its value is asked after it. Returns 1 when shown. */
static int plain_given_key(const struct template *t, const struct formdef *def,
			   const struct document *doc, const struct row *r)
{
	char *key;

	if (!t || r->kind != RK_MAPKEY || !template_names_entry(t, def, doc, r->path))
		return 0;
	key = row_value(r, doc);
	plain_printf("%*s%s: %s\n", r->depth * 2, "", r->label, key);
	free(key);
	return 1;
}

/* The template's own rules (a yours field empty, a narrower pattern, a
 * locked value) broken in section sec: appended to p, as the wizard's F2
 * and F10 check them; returns how many. */
static size_t plain_template_problems(const struct template *t, const struct formdef *def,
				      const struct document *doc, size_t sec, struct problems *p)
{
	struct problems tp = {0};
	size_t i, n = 0;

	if (!t)
		return 0;
	template_check_document(t, def, doc, &tp);
	for (i = 0; i < tp.n; i++) {
		const struct fnode *f =
		    formdef_lookup(def, tp.v[i].ref ? tp.v[i].ref : tp.v[i].path);

		if (f && f->section == (int)sec) {
			problems_add(p, tp.v[i].state, tp.v[i].path, tp.v[i].ref, "%s",
				     tp.v[i].message);
			n++;
		}
	}
	problems_clear(&tp);
	return n;
}

/* A section's title and help, once, before the first thing said in it:
 * a template's section with nothing to ask is passed over in silence. */
static void section_head(const struct formdef *def, size_t s, int *shown)
{
	if (*shown)
		return;
	*shown = 1;
	plain_printf("\n== %s ==\n", def->sections[s].title);
	if (def->sections[s].help)
		say("%s", def->sections[s].help);
}

/* Ask section s's questions once: 0 when it is then valid (for the API and
 * the template), 1 when it still has problems (said), -1 at end of input. */
static int ask_section(const struct template *tmpl, const struct formdef *def,
		       struct document *doc, size_t s, struct rows *rows, struct problems *p)
{
	const struct row *r;
	int shown = 0, added;
	size_t i;

	for (i = 0;; i++) {
		rows_release(rows);
		rows_build(def, doc, s, 0, rows);
		if (i >= rows->n)
			break;
		r = &rows->v[i];
		if (r->kind == RK_FOLDED || plain_skips(tmpl, def, doc, s, r))
			continue;
		section_head(def, s, &shown);
		if (plain_given_key(tmpl, def, doc, r))
			continue;
		if (r->kind == RK_HEADER || r->kind == RK_ENTRY) {
			/* an entry's values follow, under its name */
			plain_printf("%*s%s:\n", r->depth * 2, "", r->label);
			continue;
		}
		if (r->kind == RK_ADD) {
			if (ask_add(doc, r, &added) != 0)
				return -1;
			if (added)
				i--; /* the new item's row is where the add row was */
			continue;
		}
		if (plain_ask(tmpl, def, doc, r) != 0)
			return -1;
	}
	problems_clear(p);
	if (validate_section(def, doc, s, p) == VS_VALID &&
	    !plain_template_problems(tmpl, def, doc, s, p))
		return 0;
	section_head(def, s, &shown);
	say("%s", _("This section has problems:\n"));
	say_problems(def, p);
	return 1;
}

int ui_plain(const struct formdef *def, struct document *doc, const char *file,
	     const struct template *tmpl)
{
	struct rows rows = {0};
	struct problems p = {0};
	size_t s;
	int rc = EXIT_OK, tries, sent, saved;
	char *a;

	say(_("%s: answer each question; Enter keeps the value in [brackets], "
	      "'-' clears it, '?' explains the field.\n"),
	    PACKAGE_NAME);
	if (file && access(file, F_OK) != 0 && errno == ENOENT)
		say(_("%s is a new file: it is written when you save it at the end."), file);
	for (s = 0; s < def->nsections; s++) {
		if (def->sections[s].review ||
		    (tmpl && template_section_hidden(tmpl, def->sections[s].id)))
			continue;
		for (tries = 0; tries < 5; tries++) {
			int r = ask_section(tmpl, def, doc, s, &rows, &p);

			if (r < 0)
				goto eof;
			if (r == 0)
				break;
		}
		if (tries == 5) {
			rc = EXIT_INVALID;
			goto done;
		}
	}
	a = rows_display_json(def, doc);
	plain_printf(_("\nThe request body:\n%s"), a);
	free(a);
	saved = save_answer(def, doc, file);
	if (saved > 0)
		goto done; /* answers piped in end here, as they always did */
	if (saved < 0)
		rc = EXIT_USAGE;
	if (rc == EXIT_OK && (sent = offer_submit(def, doc)) >= 0)
		rc = sent;
	goto done;
eof:
	say("%s", _("\nEnd of input: nothing saved.\n"));
	rc = EXIT_CANCELLED;
done:
	rows_release(&rows);
	problems_clear(&p);
	document_free(doc);
	return rc;
}
