/* wizard.c: the curses wizard's loop and the state it shares: the document
 * and its file, the status line, the frame around the screen on show (title,
 * section list, status, hint, key bar), the keys every screen shares, F2, F3
 * and quitting. The screens (screen-*.c) and dialogs (dialog-*.c) do the
 * rest; wiz.h says who owns which part of struct wiz. Every value lives in
 * the document; the screen is drawn from the state after every change and
 * on resize. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/util.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/formfile.h"
#include "curses.h"
#include "lineedit.h"
#include "submit.h"
#include "text.h"
#include "ui.h"
#include "wiz.h"

void wiz_status(struct wiz *w, int err, const char *fmt, ...)
{
	va_list ap;

	free(w->status.text);
	va_start(ap, fmt);
	w->status.text = xvasprintf(fmt, ap);
	va_end(ap);
	w->status.err = err;
}

/* Unsaved changes: the document differs from the one last saved or loaded
 * (edits undone with Esc are no change). */
int wiz_dirty(struct wiz *w)
{
	unsigned long g = document_generation(w->data.doc);
	int fresh = w->data.saved_doc && w->data.saved_of == w->data.doc &&
		    w->data.saved_doc_gen == w->data.saved_gen;

	if (w->data.dirty_extra)
		return 1;
	if (g == w->data.saved_gen) {
		if (!fresh) {
			document_free(w->data.saved_doc);
			w->data.saved_doc = document_copy(w->data.doc);
			w->data.saved_of = w->data.doc;
			w->data.saved_doc_gen = w->data.saved_gen;
		}
		w->data.dirty_gen = g;
		w->data.dirty = 0;
		return 0;
	}
	if (!fresh)
		return 1;
	if (g != w->data.dirty_gen) {
		w->data.dirty_gen = g;
		w->data.dirty =
		    !document_equal_since(w->data.doc, w->data.saved_doc, w->data.saved_doc_gen);
	}
	return w->data.dirty;
}

void wiz_enter_section(struct wiz *w, size_t sec)
{
	free(w->form.zoom);
	w->form.zoom = NULL;
	w->sec = sec;
	w->screen = sec == w->review_sec ? &screen_review : &screen_form;
	w->marks.visited[sec] = 1;
	free(w->status.text);
	w->status.text = NULL;
	w->screen->enter(w);
}

static void draw_sections(const struct wiz *w)
{
	static const char *marks[] = {"  ", "ok", "..", "!!"};
	size_t i;
	int y = 1, a;

	for (i = 0; i < w->data.def->nsections && y < LINES - 3; i++, y++) {
		enum sstate st;
		char *t;

		if (tmpl_hidden(w, i)) {
			y--;
			continue;
		}
		st = marks_section(w, i);
		t = xasprintf("%s %s", w->data.def->sections[i].review ? "  " : marks[st],
			      w->data.def->sections[i].title);
		a = st == SS_ERRORS  ? term_attr_err(w)
		    : st == SS_VALID ? term_attr_ok(w)
				     : (int)A_NORMAL;
		if (i == w->sec) {
			a |= A_REVERSE;
			term_fill(y, 0, SIDE_W - 1, A_REVERSE);
		}
		term_put(y, 0, SIDE_W - 1, t, a);
		free(t);
	}
	/* a box-drawing rule in UTF-8 locales, '|' elsewhere: the same on
	 * every terminal, whatever its alternate character set does */
	if (MB_CUR_MAX > 1) {
		cchar_t cc;
		setcchar(&cc, L"\u2502", A_NORMAL, 0, NULL);
		mvvline_set(1, SIDE_W, &cc, LINES - 4);
	} else {
		mvvline(1, SIDE_W, '|', LINES - 4);
	}
}

/* The key bar, from the key table: for each action on it the first key
 * that works on this terminal, with the label for the screen shown (on an
 * entry's screen PageDown goes back to the list, on the review F10
 * submits). When the labels (translated) do not fit, the least needed ones
 * are left out whole, never cut: help, review and quit always stay. */
static void draw_keybar(const struct wiz *w)
{
	enum { N = 16 };
	enum key_screen ks = w->screen->keyset(w);
	int undo = screen_form_edited(w);
	const char *key[N], *label[N];
	int drop[N], shown[N], width = 0, level, x = 0, pos;
	size_t nt, i, j, n = 0;
	const struct keybinding *t = keys_table(&nt);

	for (pos = 1; pos <= KEYBAR_POSITIONS && n < N; pos++)
		for (i = 0; i < nt && n < N; i++) {
			/* in a text field typed into, Esc gives back the value
			 * the field had (the bar says so then: it has no room
			 * to say it always) */
			const char *lab =
			    t[i].action == ACT_CANCEL && undo ? N_("Undo") : t[i].bar[ks];

			if (t[i].bar_pos != pos || !lab)
				continue;
			for (j = 0; t[i].keys[j] && !keys_available(t[i].keys[j]); j++)
				;
			if (!t[i].keys[j])
				continue;
			key[n] = xstrdup(keys_name(t[i].keys[j], 1));
			label[n] = _(lab);
			drop[n] = t[i].drop;
			shown[n] = 1;
			width += term_columns(key[n]) + term_columns(label[n]) + 2;
			n++;
		}
	for (level = 9; level > 0 && width > COLS; level--)
		for (i = 0; i < n; i++)
			if (shown[i] && drop[i] == level) {
				shown[i] = 0;
				width -= term_columns(key[i]) + term_columns(label[i]) + 2;
			}
	term_fill(LINES - 1, 0, COLS, A_REVERSE);
	for (i = 0; i < n; i++) {
		if (shown[i] && x < COLS) {
			x += term_put(LINES - 1, x, COLS - x, key[i], A_REVERSE | A_BOLD);
			x += term_put(LINES - 1, x, COLS - x, " ", A_REVERSE);
			x += term_put(LINES - 1, x, COLS - x, label[i], A_REVERSE);
			x += term_put(LINES - 1, x, COLS - x, " ", A_REVERSE);
		}
		free((char *)key[i]);
	}
}

/* What the status line says: the last message, or else what the screen
 * says (the field under the cursor still needs). *attr gets its look.
 * Caller frees; NULL for nothing. */
static char *status_text(const struct wiz *w, int *attr)
{
	if (w->status.text) {
		*attr = w->status.err ? term_attr_err(w) : (int)A_BOLD;
		return *w->status.text ? xstrdup(w->status.text) : NULL;
	}
	*attr = A_NORMAL;
	return w->screen->status ? w->screen->status(w) : NULL;
}

/* The title's text; drop: 0 all of it, 1 the file's last name only (a
 * folder's path goes first), 2 without the file (or the runtime updated),
 * 3 also without the program's name. Caller frees. */
static char *title_text(struct wiz *w, size_t n, size_t all, const char *f, const char *yours,
			int drop)
{
	const char *title = w->data.def->sections[w->sec].title;
	const char *changed = wiz_dirty(w) ? _("  (changed)") : "";
	const char *slash = strrchr(f, '/');
	const char *gap;
	char *t, *s;

	if (drop == 1 && slash && slash[1] && !upd_id(w))
		f = slash + 1;
	else if (drop >= 1)
		f = "";
	gap = *f ? "  " : "";
	drop = drop >= 2 ? drop - 1 : 0;
	if (w->screen == &screen_review)
		t = xasprintf(_("agentcore-wizard  %s%s%s%s"), title, gap, f, changed);
	else
		t = xasprintf(_("agentcore-wizard  %zu/%zu %s%s%s%s"), n, all, title, gap, f,
			      changed);
	if (drop > 1 && w->screen != &screen_review) {
		free(t);
		t = xasprintf(_("%zu/%zu %s%s"), n, all, title, changed);
	} else if (drop > 1) {
		free(t);
		t = xasprintf("%s%s", title, changed);
	}
	s = xasprintf("%s%s", t, yours);
	free(t);
	return s;
}

/* The title line: the section (counted; the review is not one more of
 * them: it showed as "12/12 Review" after "12/12 Tags"), the file, whether
 * it changed, a template's count. When it does not fit, the file's folder
 * goes first, then the file, then the program's name: the count stays
 * whole. */
static void draw_title(struct wiz *w)
{
	size_t n = 0, all = 0, i;
	char *upd = upd_title(w);
	const char *f = upd ? upd : w->data.file ? w->data.file : "";
	char *t, *yours = tmpl_title(w);
	int drop;

	if (w->screen == &screen_start) {
		free(upd);
		free(yours);
		term_fill(0, 0, COLS, A_REVERSE);
		term_put(0, 1, COLS - 2, _("agentcore-wizard  Start"), A_REVERSE | A_BOLD);
		return;
	}
	for (i = 0; i < w->data.def->nsections; i++)
		if (!w->data.def->sections[i].review && !tmpl_hidden(w, i)) {
			all++;
			n += i <= w->sec;
		}
	for (drop = 0, t = title_text(w, n, all, f, yours, 0);
	     drop < 3 && term_columns(t) > COLS - 2;) {
		free(t);
		t = title_text(w, n, all, f, yours, ++drop);
	}
	free(yours);
	free(upd);
	term_fill(0, 0, COLS, A_REVERSE);
	term_put(0, 1, COLS - 2, t, A_REVERSE | A_BOLD);
	free(t);
}

/* The hint for the screen on the line above the key bar; when it is longer
 * and the status line above it is free, over both lines, otherwise cut
 * with an ellipsis (F1 shows it whole). */
static void draw_hint(const struct wiz *w, int status_free)
{
	char *h = w->screen->hint(w), *more;
	int lines = status_free ? 2 : 1, y = LINES - 1 - lines, mw, cy, cx, need;

	if (!h)
		return;
	need = ui_wrap_text(h, COLS, 100, 0, 0, 0, 0);
	if (need <= lines) {
		ui_wrap_text(h, COLS, need, 1, LINES - 1 - need, 0, A_DIM);
	} else {
		/* cut: the key that shows it whole closes the last line, the
		 * lines before it as wide as ever */
		struct lineedit e = {0};
		size_t start = 0, end;
		char *rest;

		lineedit_load(&e, h);
		rest = lineedit_text(&e);
		if (lines == 2 && ui_wrap_next(&e, &start, COLS, &end)) {
			char *first = xstrndup(rest, utf8_offset(rest, strlen(rest), end));

			term_put(y++, 0, COLS, first, A_DIM);
			free(first);
		}
		more = xasprintf(" (%s)", keys_action_name(ACT_HELP));
		mw = term_columns(more);
		ui_wrap_text(rest + utf8_offset(rest, strlen(rest), start), COLS - mw, 1, 1, y, 0,
			     A_DIM);
		getyx(stdscr, cy, cx); /* right after the ellipsis */
		term_put(cy, cx, mw, more, A_DIM);
		free(more);
		free(rest);
		lineedit_release(&e);
	}
	free(h);
}

void wiz_draw(struct wiz *w)
{
	int cy = -1, cx = -1, sattr, sn, k;
	char *st;

	if (COLS < MIN_COLS || LINES < MIN_LINES) {
		curs_set(0);
		term_draw_small();
		refresh();
		return;
	}
	/* the state first (the marks of this change, where the view scrolls
	 * to); drawing then only reads it. The status is shown whole: a long
	 * one (a warning, a save error, a problem with its reason) takes the
	 * hint's line too, and lines above it, which the form then leaves free */
	marks_update(w);
	st = status_text(w, &sattr);
	sn = st ? ui_wrap_text(st, COLS, STATUS_MAX, 0, 0, 0, 0) : 0;
	w->status.foot = sn > 2 ? sn - 2 : 0;
	w->screen->update(w);
	erase();
	draw_title(w);
	w->screen->draw(w, &cy, &cx);
	if (w->screen != &screen_start)
		draw_sections(w);
	for (k = LINES - 1 - (sn < 2 ? 2 : sn); sn && k < LINES - 1; k++)
		term_fill(k, 0, COLS, A_NORMAL);
	if (sn)
		ui_wrap_text(st, COLS, STATUS_MAX, 1, LINES - 1 - (sn < 2 ? 2 : sn), 0, sattr);
	free(st);
	if (sn < 2)
		draw_hint(w, sn == 0);
	draw_keybar(w);
	if (cy >= 0) {
		curs_set(1);
		move(cy, cx);
	} else {
		curs_set(0);
	}
	refresh();
}

void wiz_after_change(struct wiz *w)
{
	w->data.last_edit = util_monotonic();
	free(w->status.text);
	w->status.text = NULL;
	screen_form_rebuild(w);
}

/* What F2 says once the form is saved: where, its problems, the template's
 * first one (tm, may be NULL), and once a session that it holds a secret. */
static void saved_status(struct wiz *w, const char *file, const char *tm)
{
	struct strbuf said = {0};
	char *secret;
	size_t n;

	/* no one should share a broken file unknowingly */
	marks_update(w);
	n = marks_problems(w);
	if (n)
		strbuf_addf(&said,
			    P_("Saved to %s, with %zu problem: the review (%s) lists it.",
			       "Saved to %s, with %zu problems: the review (%s) lists them.", n),
			    file, n, keys_action_name(ACT_REVIEW));
	else
		strbuf_addf(&said, _("Saved to %s."), file);
	if (w->data.left_out)
		strbuf_addf(&said,
			    P_(" The %zu member left out when the form was loaded is not in it.",
			       " The %zu members left out when the form was loaded are not in it.",
			       w->data.left_out),
			    w->data.left_out);
	if (tm)
		strbuf_addf(&said, _(" Not yet as the template wants: %s"), tm);
	if ((secret = tmpl_secret_note(w)))
		strbuf_addf(&said, " %s", secret);
	free(secret);
	wiz_status(w, n > 0 || tm || w->data.left_out, "%s", said.s);
	strbuf_release(&said);
}

void wiz_save(struct wiz *w)
{
	char *file = NULL, *cause = NULL, *tm = NULL, *q;
	enum vstate ts;
	int a;

	if (!dialog_prompt(w, _("Save to file:"), w->data.file ? w->data.file : "runtime.json",
			   &file)) {
		wiz_status(w, 0, "%s", _("Not saved."));
		return;
	}
	if (ui_replaces_other(file, w->data.file)) {
		/* runtime.json of an earlier session, or any other file: Enter
		 * on the name offered must not replace it unasked */
		q = xasprintf(_("%s exists already. Replace it with this form? (y/n)"), file);
		a = dialog_ask(w, q);
		free(q);
		if (a != 'y') {
			wiz_status(w, 0, _("Not saved: %s is kept as it was."), file);
			free(file);
			return;
		}
	}
	/* a value against the template's own rules is asked about first */
	ts = tmpl_check(w, &tm);
	if (ts == VS_INVALID) {
		q = xasprintf(_("%s\nSave anyway? (y/n)"), tm);
		if (dialog_ask(w, q) != 'y') {
			wiz_status(w, 1, _("Not saved: %s"), tm);
			free(q);
			free(tm);
			free(file);
			return;
		}
		free(q);
	}
	/* an opened runtime is saved as an update form ('update FILE' sends it) */
	if ((w->upd ? upd_save(w, file, &cause)
		    : formfile_save(file, w->data.doc, w->data.def, &cause)) != 0) {
		wiz_status(w, 1, _("Could not save: %s"), cause);
		free(cause);
		free(file);
		free(tm);
		return;
	}
	free(w->data.file);
	w->data.file = file;
	w->data.saved_gen = document_generation(w->data.doc);
	w->data.dirty_extra = 0;
	saved_status(w, file, tm);
	free(tm);
}

/* A file loaded: say so, and list the members reading it left out (p),
 * which the form no longer holds: a save writes the file without them. */
static void say_left_out(struct wiz *w, const char *file, const struct problems *p)
{
	char **lines;
	size_t i;

	w->data.left_out = p->n;
	if (!p->n) {
		wiz_status(w, 0, _("Loaded %s."), file);
		return;
	}
	wiz_status(w, 1,
		   P_("Loaded %s; %zu member was left out (F3 on it lists why).",
		      "Loaded %s; %zu members were left out (F3 on it lists why).", p->n),
		   file, p->n);
	lines = xcalloc(p->n, sizeof *lines);
	for (i = 0; i < p->n; i++)
		lines[i] =
		    p->v[i].path && strncmp(p->v[i].message, p->v[i].path, strlen(p->v[i].path))
			? xasprintf("%s: %s", p->v[i].path, p->v[i].message)
			: xstrdup(p->v[i].message);
	dialog_pager(w, _("Problems in the file (those members were left out)"), lines, p->n);
	for (i = 0; i < p->n; i++)
		free(lines[i]);
	free(lines);
}

static void do_load(struct wiz *w)
{
	char *file = NULL, *cause = NULL;
	struct problems p = {0};
	struct document *doc = NULL;

	if (w->upd) {
		/* the form is the runtime's; another would update it unasked */
		wiz_status(w, 1,
			   _("Not loaded: this session updates runtime %s; start the wizard "
			     "without it to open a form file."),
			   upd_id(w));
		return;
	}
	if (wiz_dirty(w) &&
	    dialog_ask(w, _("Loading replaces your unsaved changes. Go on? (y/n)")) != 'y') {
		wiz_status(w, 0, "%s", _("Not loaded."));
		return;
	}
	if (!dialog_prompt(w, _("Load file:"), w->data.file ? w->data.file : "", &file))
		return;
	if ((cause = ui_kind_refusal(file))) {
		wiz_status(w, 1, "%s", cause);
		free(cause);
		free(file);
		return;
	}
	if (formfile_load(file, w->data.def, FF_SKELETON, &doc, &p, &cause) != 0) {
		wiz_status(w, 1, _("Could not load: %s"), cause);
		free(cause);
		free(file);
		problems_clear(&p);
		return;
	}
	document_free(w->data.doc);
	w->data.doc = doc;
	/* what the service said and made belongs to the form it came from */
	marks_svc_clear(w);
	marks_made_clear(w);
	free(w->data.file);
	w->data.file = file;
	w->data.saved_gen = document_generation(doc);
	w->data.dirty_extra = 0;
	/* the draft held the form replaced: a hang-up now would leave it to
	 * be offered next time instead of the form loaded; the loaded one is
	 * in its file, so no draft until it is changed */
	if (w->draft.path && w->draft.own)
		unlink(w->draft.path);
	w->draft.own = 0;
	w->draft.gen = w->data.saved_gen;
	screen_form_reload(w);
	marks_visit_all(w);
	say_left_out(w, file, &p);
	problems_clear(&p);
}

/* Returns 1 when the wizard should end. */
static int do_quit(struct wiz *w)
{
	char *q;
	int a;

	if (!wiz_dirty(w))
		return 1;
	/* n deletes the autosaved draft too (a clean quit leaves none): say so */
	q = w->draft.path
		? xasprintf("%s\n%s", _("Save your changes before quitting? (y/n, Esc stays)"),
			    _("n quits without saving them and deletes the autosaved draft."))
		: xstrdup(_("Save your changes before quitting? (y/n, Esc stays)"));
	a = dialog_ask(w, q);
	free(q);
	if (a == 'n')
		return 1;
	if (a == 'y') {
		wiz_save(w);
		if (!wiz_dirty(w))
			return 1;
	} else {
		wiz_status(w, 0, "%s", "");
	}
	return 0;
}

/* Handle one key: the keys every screen shares here, the others by the
 * screen on show. Returns 1 when the wizard should end. */
static int handle_key(struct wiz *w, int key)
{
	int in_text = screen_form_in_text(w) || start_in_text(w);
	enum action a = keys_lookup(key, in_text);

	if (COLS < MIN_COLS || LINES < MIN_LINES)
		return a == ACT_QUIT ? do_quit(w) : 0;
	if (a != ACT_NONE && a != ACT_REDRAW && w->status.text && !in_text) {
		free(w->status.text);
		w->status.text = NULL;
	}
	/* no form yet; Ctrl-C there cancels the list's loading first */
	if (w->screen == &screen_start && (a == ACT_SAVE || a == ACT_LOAD || a == ACT_QUIT))
		return w->screen->key(w, a, key) == SCREEN_QUIT;
	switch (a) {
	case ACT_QUIT:
		return do_quit(w);
	case ACT_HELP:
		dialog_help(w);
		return 0;
	case ACT_SAVE:
		wiz_save(w);
		return 0;
	case ACT_LOAD:
		do_load(w);
		return 0;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return 0;
	case ACT_SETTINGS:
		settings_edit(w);
		return 0;
	case ACT_TEMPLATE:
		if (w->screen != &screen_form) /* the review's (screen-review.c) */
			return w->screen->key(w, a, key) == SCREEN_QUIT;
		wiz_status(w, 0, _("%s on the review saves the form as a template."),
			   keys_action_name(ACT_TEMPLATE));
		return 0;
	case ACT_PICK:
		pick_open(w);
		return 0;
	case ACT_MAKE_ROLE:
		role_make(w);
		return 0;
	default:
		return w->screen->key(w, a, key) == SCREEN_QUIT;
	}
}

/* The start: an earlier session's draft offered (no FORM) or kept aside
 * (FORM given), or a FORM that does not exist yet named. */
static void wiz_begin(struct wiz *w, const char *file, const char *draft, int start)
{
	struct stat st;

	if ((file && stat(file, &st) == 0) || w->upd)
		marks_visit_all(w); /* its sections say at once what they hold */
	if (start) {
		draft_refused(w); /* said on the start screen, and after it */
		start_begin(w);   /* its entries offer the drafts */
		return;
	}
	if (w->upd)
		upd_enter(w);
	else if (!tmpl_start(w))
		wiz_enter_section(w, 0);
	if (draft_refused(w))
		return;
	if (draft)
		draft_offer(w);
	else if (w->draft.path && stat(w->draft.path, &st) == 0)
		/* started with FORM: an earlier session's draft is not offered,
		 * and this session's autosave must not write over it */
		draft_set_aside(w, st.st_mtime, 0);
	else if (file && stat(file, &st) != 0 && errno == ENOENT)
		/* the title names it: say that it is not there yet */
		wiz_status(w, 0, _("%s is a new file: it is written when you save (%s)."), file,
			   keys_action_name(ACT_SAVE));
}

/* The loop: keys until quitting, SIGINT asking as Ctrl-C does, SIGTERM or
 * SIGHUP saving a draft. Returns an exit code; *done when the user quit. */
static int wiz_loop(struct wiz *w, int *done)
{
	char *cause = NULL;
	int key;

	while (!*done) {
		if (term_sig_leave) {
			if (wiz_dirty(w) && draft_save(w, &cause) != 0) {
				term_restore();
				ui_warn(PACKAGE_NAME, cause);
				free(cause);
			}
			return EXIT_CANCELLED;
		}
		if (term_sig_quit) {
			term_sig_quit = 0;
			/* keep a draft first: the question may never be answered */
			if (wiz_dirty(w) && draft_save(w, &cause) != 0) {
				wiz_status(w, 1, _("Draft not saved: %s"), cause);
				free(cause);
				cause = NULL;
			}
			if (do_quit(w)) {
				*done = 1; /* as Ctrl-C: the draft goes with the answer */
				return EXIT_OK;
			}
		}
		draft_autosave(w);
		account_poll(w);
		if (uichecks_poll(w)) {
			screen_review_free(w); /* the review lists them, */
			marks_form(w);         /* the fields show them */
		}
		wiz_draw(w);
		uichecks_idle(w); /* checks the key asked for: once it shows */
		if (!term_read_key(&key))
			continue;
		if (key == KEYFN(KEY_RESIZE))
			continue;
		*done = handle_key(w, key);
	}
	return EXIT_OK;
}

static void wiz_release(struct wiz *w)
{
	uichecks_release(w);
	account_forget(w);
	free(w->account.made_role);
	screen_form_release(w);
	screen_review_release(w);
	tmpl_release(w);
	upd_release(w);
	start_release(w);
	marks_release(w);
	settings_release(w);
	document_free(w->data.doc);
	document_free(w->data.saved_doc);
	free(w->data.file);
	free(w->draft.path);
	free(w->status.text);
}

void wiz_wait_note(const char *text)
{
	erase();
	curs_set(0);
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	mvaddnstr(0, 1, PACKAGE_NAME, COLS - 2);
	attroff(A_REVERSE);
	ui_wrap_text(text, COLS - 4, LINES - 3, 1, 2, 2, A_BOLD);
	refresh();
}

int ui_curses(const struct formdef *def, struct document *doc, const struct ui_begin *b)
{
	struct wiz w;
	int rc, done = 0;
	size_t i;
	char *cause = NULL;

	memset(&w, 0, sizeof w);
	w.checks.state = -1;
	w.data.def = def;
	w.data.doc = doc;
	w.data.file = b->file ? xstrdup(b->file) : NULL;
	tmpl_begin(&w, b->tmpl);
	w.draft.path = ui_draft_path();
	upd_begin(&w, b->upd);
	w.data.saved_gen = w.draft.gen = document_generation(doc);
	w.marks.visited = xcalloc(def->nsections, 1);
	w.form.checked = xcalloc(def->nsections, 1);
	w.marks.sec_worst = xcalloc(def->nsections, sizeof *w.marks.sec_worst);
	w.review_sec = def->nsections - 1;
	for (i = 0; i < def->nsections; i++)
		if (def->sections[i].review)
			w.review_sec = i;
	if (term_check(&cause) != 0) {
		fprintf(stderr,
			_("%s: the wizard cannot run on this terminal: %s\nUse '%s --plain' to "
			  "answer line by line, or set TERM to the terminal's type (such as "
			  "xterm-256color).\n"),
			PACKAGE_NAME, cause, PACKAGE_NAME);
		free(cause);
		wiz_release(&w);
		return EXIT_USAGE;
	}
	term_signals(); /* first: a credential_process may wait (SIGTERM, Ctrl-C) */
	if (term_start(&w, &cause) != 0) {
		ui_warn(PACKAGE_NAME, cause);
		free(cause);
		wiz_release(&w);
		return EXIT_USAGE;
	}
	/* the runtime first: a wait cancelled there ends the session (6) */
	if (b->open_id && (rc = upd_open_first(&w, b->open_id, &cause)) != EXIT_OK) {
		term_restore();
		ui_warn(PACKAGE_NAME, cause);
		free(cause);
		wiz_release(&w);
		return rc;
	}
	/* never a blank screen while the credentials are found */
	wiz_wait_note(_("Finding the AWS credentials (a credential_process or a role to "
			"assume may take a while)...\nEsc or Ctrl-C cancels the wait: the form "
			"can be filled and saved without them."));
	settings_refresh(&w);
	wiz_begin(&w, b->file, b->draft, b->start);
	if (b->left_out && b->left_out->n)
		say_left_out(&w, b->file, b->left_out);
	rc = wiz_loop(&w, &done);
	term_restore();
	/* only this session's: started with FORM, a draft of an earlier
	 * session is never offered, and must not go unasked */
	if (!term_sig_leave && w.draft.path && w.draft.own && (!wiz_dirty(&w) || done))
		unlink(w.draft.path);
	wiz_release(&w);
	return rc;
}
