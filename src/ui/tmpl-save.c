/* tmpl-save.c: "Save as template" from the review (issue 12). A screen
 * lists the filled form's values by section; for each the user chooses
 * locked, default, yours or hidden (and hides whole sections), starting
 * from template_from_document's first choices (role, network, authorizer
 * locked; name and image yours). Then a title, a paragraph and a file;
 * the template is written atomically (template_save), with every secret
 * value left out and said so. The screen draws over the wizard through
 * dialog_run; the title, paragraph and file are asked with dialog_prompt.
 * Owns nothing past the call: the template made is freed before it
 * returns. Every text from the form reaches the terminal through term_put's
 * printable filter; secret values are shown masked. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/secret.h"
#include "form/template.h"
#include "curses.h"
#include "text.h"
#include "ui.h"
#include "wiz.h"

/* A line of the screen: a section (shown or hidden) or a value in it. */
struct tsave_item {
	size_t sec;
	int header;
	char *label; /* "Runtime name: my_agent" (a secret masked) */
	char *path;  /* the template path of the value; NULL for a section */
	int secret;  /* its name looks secret: always yours, its value left out */
};

struct tsave {
	struct wiz *w;
	struct template *t;
	struct tsave_item *v;
	size_t n, sel, top;
	char *note;     /* why the last key was refused, or NULL */
	char **secrets; /* secret_paths of the form */
	size_t nsecrets;
};

static int tsave_secret(const struct tsave *s, const char *path)
{
	size_t i;

	for (i = 0; i < s->nsecrets; i++)
		if (!strcmp(s->secrets[i], path))
			return 1;
	return 0;
}

static const char *mode_word(enum tmode m)
{
	switch (m) {
	case TM_LOCKED:
		return _("locked");
	case TM_YOURS:
		return _("yours");
	case TM_HIDDEN:
		return _("hidden");
	default:
		return _("default");
	}
}

static void tsave_push(struct tsave *s, size_t sec, char *label, char *path, int secret)
{
	s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
	s->v[s->n].sec = sec;
	s->v[s->n].header = !path;
	s->v[s->n].label = label;
	s->v[s->n].path = path;
	s->v[s->n].secret = secret;
	s->n++;
}

/* The value rows of section sec that are set, one line per template path
 * (the items of a list share one), as the review lists them. */
static void tsave_section(struct tsave *s, size_t sec)
{
	const struct formdef *def = s->w->data.def;
	const struct document *doc = s->w->data.doc;
	struct rows rs = {0};
	size_t i;

	tsave_push(s, sec, xstrdup(def->sections[sec].title), NULL, 0);
	rows_build(def, doc, sec, ROWS_ADVANCED | ROWS_ITEMS, &rs);
	for (i = 0; i < rs.n; i++) {
		const struct row *r = &rs.v[i];
		char *path, *v, *label;
		int secret = 0;

		if ((r->kind != RK_VALUE && r->kind != RK_MAPKEY) ||
		    (r->kind == RK_VALUE && !document_is_set(doc, r->path)))
			continue;
		if (!(path = template_path_of(def, doc, r->path)))
			continue;
		if (s->n && s->v[s->n - 1].path && !strcmp(s->v[s->n - 1].path, path)) {
			free(path); /* the next item of the same list */
			continue;
		}
		if (r->kind == RK_MAPKEY) {
			const char *key = document_key(doc, r->owner_path, r->index);
			const char *val = document_text(doc, r->path);

			secret = tsave_secret(s, path);
			label = xasprintf("%s = %s", key ? key : "",
					  r->owner->sensitive || secret ? row_mask(val ? val : "")
					  : val                         ? val
									: "");
		} else {
			v = row_value(r, doc);
			label = xasprintf("%s: %s", r->label, v);
			free(v);
		}
		tsave_push(s, sec, label, path, secret);
	}
	rows_release(&rs);
}

/* What the line says of the choice: the mode, and why it is so. */
static char *tsave_choice(const struct tsave *s, const struct tsave_item *it)
{
	const struct tfield *f;
	const char *sec_id = s->w->data.def->sections[it->sec].id;

	if (it->header)
		return xstrdup(template_section_hidden(s->t, sec_id) ? _("hidden section")
								     : _("shown"));
	if (template_section_hidden(s->t, sec_id))
		return xstrdup(_("hidden (its section)"));
	if (it->secret)
		return xstrdup(_("yours: a secret, left out"));
	f = template_rule(s->t, s->w->data.def, NULL, it->path);
	return xstrdup(mode_word(f ? f->mode : TM_NONE));
}

static void tsave_draw(struct wiz *w, void *state)
{
	struct tsave *s = state;
	int y, top = 3, bottom = LINES - 4, cw = 26, lw = COLS - cw - 3;
	size_t i, shown = (size_t)(bottom - top + 1);

	(void)w;
	if (s->sel < s->top)
		s->top = s->sel;
	if (s->sel >= s->top + shown)
		s->top = s->sel - shown + 1;
	erase();
	curs_set(0);
	term_fill(0, 0, COLS, A_REVERSE);
	term_put(0, 1, COLS - 2, _("Save as template: what may whoever starts from it change?"),
		 A_REVERSE | A_BOLD);
	ui_wrap_text(_("locked: shown, not to be changed. default: prefilled, may be changed. "
		       "yours: left empty for them to fill. hidden: kept, never shown."),
		     COLS - 2, 2, 1, 1, 1, A_DIM);
	for (i = s->top, y = top; i < s->n && y <= bottom; i++, y++) {
		const struct tsave_item *it = &s->v[i];
		char *c = tsave_choice(s, it);
		int a = it->header ? A_BOLD : A_NORMAL;

		if (i == s->sel) {
			a |= A_REVERSE;
			term_fill(y, 0, COLS, A_REVERSE);
		}
		term_put_cut(y, it->header ? 1 : 3, lw - (it->header ? 0 : 2), it->label, a);
		term_put(y, COLS - cw - 1, cw, c, a);
		free(c);
	}
	if (s->note)
		ui_wrap_text(s->note, COLS, 1, 1, LINES - 3, 0, term_attr_err(w));
	ui_wrap_text(_("Space or Enter: the next choice; l, d, y, h: locked, default, yours, "
		       "hidden; F2: go on to the title and the file; Esc: cancel."),
		     COLS, 2, 1, LINES - 2, 0, A_DIM);
	refresh();
}

/* Mark one value; a locked or hidden entry above it (networkConfiguration
 * as a whole) is first split into the values listed under it, each keeping
 * that mode, so that this one alone changes. */
static int tsave_mark(struct tsave *s, const char *path, enum tmode mode, char **cause)
{
	const struct formdef *def = s->w->data.def;
	const struct tfield *f = template_rule(s->t, def, NULL, path);
	size_t i;

	if (f && strcmp(f->path, path) && (f->mode == TM_LOCKED || f->mode == TM_HIDDEN) &&
	    f->mode != mode) {
		char *outer = xstrdup(f->path), *note = f->note ? xstrdup(f->note) : NULL;
		enum tmode was = f->mode;

		template_mark(s->t, def, outer, TM_NONE, NULL, cause);
		for (i = 0; i < s->n; i++)
			if (s->v[i].path && template_path_covers(outer, s->v[i].path) &&
			    template_mark(s->t, def, s->v[i].path, was, note, cause) != 0) {
				free(*cause);
				*cause = NULL;
			}
		free(outer);
		free(note);
	}
	if (mode == TM_DEFAULT) {
		/* no entry is default, unless one above it says otherwise */
		if (template_mark(s->t, def, path, TM_NONE, NULL, cause) != 0)
			return -1;
		f = template_rule(s->t, def, NULL, path);
		if (!f || f->mode == TM_DEFAULT)
			return 0;
	}
	return template_mark(s->t, def, path, mode, NULL, cause);
}

/* Give the line under the cursor mode (or the next one: mode TM_NONE). */
static void tsave_choose(struct tsave *s, enum tmode mode)
{
	static const enum tmode order[] = {TM_DEFAULT, TM_LOCKED, TM_YOURS, TM_HIDDEN};
	const struct tsave_item *it = &s->v[s->sel];
	const char *sec_id = s->w->data.def->sections[it->sec].id;
	char *cause = NULL;
	size_t k;

	free(s->note);
	s->note = NULL;
	if (it->header) {
		if (template_section_hidden(s->t, sec_id) && mode != TM_HIDDEN)
			template_show_section(s->t, sec_id);
		else if (mode == TM_NONE || mode == TM_HIDDEN)
			template_hide_section(s->t, s->w->data.def, sec_id, &cause);
	} else if (template_section_hidden(s->t, sec_id)) {
		s->note =
		    xstrdup(_("Its section is hidden: show the section first (on its line)."));
	} else if (it->secret) {
		s->note = xstrdup(_("A secret's value never goes into a template: it stays yours "
				    "to fill, and its value is left out."));
	} else {
		if (mode == TM_NONE) {
			const struct tfield *f =
			    template_rule(s->t, s->w->data.def, NULL, it->path);
			enum tmode now = f && f->mode != TM_NONE ? f->mode : TM_DEFAULT;

			for (k = 0; order[k] != now; k++)
				;
			mode = order[(k + 1) % 4];
		}
		tsave_mark(s, it->path, mode, &cause);
	}
	if (cause)
		s->note = cause;
}

static int tsave_key(struct wiz *w, void *state, enum action a, int key)
{
	struct tsave *s = state;
	size_t page = (size_t)(LINES - 6 > 1 ? LINES - 6 : 1);

	(void)w;
	switch (a) {
	case ACT_UP:
	case ACT_PREV_FIELD:
		s->sel -= s->sel > 0;
		break;
	case ACT_DOWN:
	case ACT_NEXT_FIELD:
		s->sel += s->sel + 1 < s->n;
		break;
	case ACT_PREV_SECTION:
		s->sel = s->sel > page ? s->sel - page : 0;
		break;
	case ACT_NEXT_SECTION:
		s->sel = s->sel + page < s->n ? s->sel + page : s->n - 1;
		break;
	case ACT_HOME:
		s->sel = 0;
		break;
	case ACT_END:
		s->sel = s->n - 1;
		break;
	case ACT_STEP:
	case ACT_ACTIVATE:
	case ACT_RIGHT:
		tsave_choose(s, TM_NONE);
		break;
	case ACT_SAVE:
	case ACT_REVIEW:
		return 1;
	case ACT_CANCEL:
	case ACT_QUIT:
		return 0;
	default:
		if (key == 'l' || key == 'd' || key == 'y' || key == 'h')
			tsave_choose(s, key == 'l'   ? TM_LOCKED
					: key == 'd' ? TM_DEFAULT
					: key == 'y' ? TM_YOURS
						     : TM_HIDDEN);
	}
	return DIALOG_MORE;
}

/* The file offered: the form's name with -template, or template.json. */
static char *tsave_offer(const struct wiz *w)
{
	const char *f = w->data.file;
	size_t n = f ? strlen(f) : 0;

	if (n > 5 && !strcmp(f + n - 5, ".json"))
		return xasprintf("%.*s-template.json", (int)(n - 5), f);
	return xstrdup("template.json");
}

/* The title, the paragraph and the file: 1 with *file (caller frees), 0
 * when one was cancelled. */
static int tsave_ask(struct wiz *w, struct template *t, char **file)
{
	char *text = NULL, *offer, *q;
	int r;

	r = dialog_prompt_line(w, _("Template title:"), t->title,
			       _("One line, shown in the list of templates."), &text);
	if (r == PROMPT_ESC)
		return 0;
	if (r == PROMPT_TEXT && *text)
		template_set_title(t, text, NULL);
	free(text);
	text = NULL;
	r = dialog_prompt_line(w, _("Paragraph:"), t->description ? t->description : "",
			       _("What it is for and what is left to fill in (may be empty)."),
			       &text);
	if (r == PROMPT_ESC)
		return 0;
	if (r == PROMPT_TEXT)
		template_set_title(t, NULL, text);
	free(text);
	offer = tsave_offer(w);
	r = dialog_prompt(w, _("Save the template to file:"), offer, file);
	free(offer);
	if (!r)
		return 0;
	if (ui_replaces_other(*file, NULL)) {
		q = xasprintf(_("%s exists already. Replace it with this template? (y/n)"), *file);
		r = dialog_ask(w, q);
		free(q);
		if (r != 'y') {
			free(*file);
			return 0;
		}
	}
	return 1;
}

/* What the status says once the file is written: where, how many fields
 * are left to fill, and the secret values left out, named. */
static void tsave_said(struct wiz *w, const struct template *t, const char *file)
{
	struct strbuf secrets = {0};
	size_t i, nsecret = 0, yours = 0;
	char *saved;

	for (i = 0; i < t->nfields; i++)
		yours += t->fields[i].mode == TM_YOURS;
	for (i = 0; i < t->nremoved; i++)
		if (t->removed[i].secret) {
			strbuf_addf(&secrets, "%s%s", nsecret ? ", " : "", t->removed[i].path);
			nsecret++;
		}
	saved = xasprintf(P_("Saved the template to %s (%zu field yours to fill).",
			     "Saved the template to %s (%zu fields yours to fill).", yours),
			  file, yours);
	if (nsecret)
		wiz_status(w, 0,
			   P_("%s The secret value of %s was left out: whoever starts from it "
			      "fills in their own.",
			      "%s The secret values of %s were left out: whoever starts from it "
			      "fills in their own.",
			      nsecret),
			   saved, secrets.s);
	else
		wiz_status(w, 0, "%s", saved);
	free(saved);
	strbuf_release(&secrets);
}

/* Start from the session's own template: its choices, title and paragraph. */
static void tsave_inherit(struct wiz *w, struct template *t)
{
	const struct template *from = w->tmpl.t;
	size_t i;
	char *cause = NULL;

	if (!from)
		return;
	template_set_title(t, from->title, from->description ? from->description : "");
	for (i = 0; i < from->nfields; i++) {
		if (template_mark(t, w->data.def, from->fields[i].path, from->fields[i].mode,
				  from->fields[i].note, &cause) != 0)
			free(cause);
		cause = NULL;
	}
	for (i = 0; i < from->nhidden; i++)
		template_hide_section(t, w->data.def, from->hidden_sections[i], &cause);
	free(cause);
}

/* Written, or why not (a choice the reader refuses: said, nothing written). */
static void tsave_write(struct wiz *w, struct template *t, const char *file)
{
	struct problems p = {0};
	char *cause = NULL, *m;

	if (template_verify(t, w->data.def, &p)) {
		struct problem first = p.v[0];

		int sec;

		m = row_problem_text(w->data.def, &first, &sec);
		wiz_status(w, 1, _("Template not saved: %s"), m);
		free(m);
	} else if (template_save(t, w->data.def, file, &cause) != 0) {
		wiz_status(w, 1, _("Could not save the template: %s"), cause);
		free(cause);
	} else {
		tsave_said(w, t, file);
	}
	problems_clear(&p);
}

void tmpl_save_as(struct wiz *w)
{
	struct tsave s = {0};
	struct dialog d = {tsave_draw, tsave_key, 0, 0, &s, NULL};
	char *file = NULL;
	size_t i;

	s.w = w;
	s.t = template_from_document(w->data.doc, w->data.def);
	s.nsecrets = secret_paths(w->data.doc, &s.secrets);
	tsave_inherit(w, s.t);
	for (i = 0; i < w->data.def->nsections; i++)
		if (!w->data.def->sections[i].review)
			tsave_section(&s, i);
	if (dialog_run(w, &d) && tsave_ask(w, s.t, &file))
		tsave_write(w, s.t, file);
	else
		wiz_status(w, 0, "%s", _("No template saved."));
	free(file);
	for (i = 0; i < s.n; i++) {
		free(s.v[i].label);
		free(s.v[i].path);
	}
	free(s.v);
	free(s.note);
	secret_paths_free(s.secrets, s.nsecrets);
	template_free(s.t);
	clearok(curscr, TRUE);
}
