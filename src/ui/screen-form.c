/* screen-form.c: the form screen: one section's fields (or one sublist
 * entry's, "zoomed"), as rows (rows.c) with the cursor, the line editor of
 * the text field under it, marks and messages (marks.c finds them), and
 * the keys that move, edit, add, delete and open. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/printable.h"
#include "base/util.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/template.h"
#include "form/validate.h"
#include "curses.h"
#include "submit.h"
#include "text.h"
#include "wiz.h"

static char *row_key(const struct row *r)
{
	return xasprintf("%d:%s", (int)r->kind, r->path);
}

struct row *screen_form_row(const struct wiz *w)
{
	return w->form.cur < w->form.rows.n ? rows_at(&w->form.rows, w->form.cur) : NULL;
}

int screen_form_in_text(const struct wiz *w)
{
	struct row *r = screen_form_row(w);

	return w->screen == &screen_form && r && row_is_text(r);
}

static void ed_sync(struct wiz *w)
{
	struct row *r = screen_form_row(w);
	char *k, *v;

	if (!r) {
		free(w->form.ed_key);
		w->form.ed_key = NULL;
		return;
	}
	k = row_key(r);
	if (w->form.ed_key && !strcmp(k, w->form.ed_key)) {
		free(k);
		return;
	}
	if (w->form.key_refused) {
		/* the cursor left a map key that another entry has: say what
		 * the entry is still called */
		wiz_status(w, 1, "%s", w->form.key_refused);
		free(w->form.key_refused);
		w->form.key_refused = NULL;
	}
	if (w->form.ed_key)
		account_field_left(w, w->form.ed_key, w->form.ed_orig);
	free(w->form.ed_key);
	w->form.ed_key = k;
	v = row_value(r, w->data.doc);
	lineedit_load(&w->form.ed, v);
	free(w->form.ed_orig);
	w->form.ed_orig = v;
}

static int first_editable(const struct wiz *w, size_t from, int dir)
{
	size_t i = from;

	while (i < w->form.rows.n) {
		if (row_editable(rows_at(&w->form.rows, i)))
			return (int)i;
		if (dir < 0 && i == 0)
			break;
		i += dir;
	}
	return -1;
}

static int widest_label(const struct wiz *w);

/* The items of the list or map at path: counted once per change (the
 * header and the hint of a map of 60,000 tags ask on every key). */
static size_t items(const struct wiz *w, const char *path)
{
	static struct {
		const struct document *doc;
		unsigned long gen;
		char *path;
		size_t n;
	} last;

	if (last.doc != w->data.doc || last.gen != document_generation(w->data.doc) ||
	    strcmp(last.path, path)) {
		free(last.path);
		last.doc = w->data.doc;
		last.gen = document_generation(w->data.doc);
		last.path = xstrdup(path);
		last.n = document_count(w->data.doc, path);
	}
	return last.n;
}

/* Rebuild the rows from the model and put the cursor back on the same value. */
void screen_form_rebuild(struct wiz *w)
{
	size_t i;
	int j;

	rows_release(&w->form.rows);
	if (w->screen != &screen_form)
		return;
	if (w->form.zoom && !document_is_set(w->data.doc, w->form.zoom)) {
		free(w->form.zoom);
		w->form.zoom = NULL;
	}
	if (w->form.zoom)
		rows_build_entry(w->data.def, w->data.doc, w->form.zoom_node, w->form.zoom,
				 w->form.show_advanced | ROWS_LAZY, &w->form.rows);
	else
		rows_build(w->data.def, w->data.doc, w->sec,
			   w->form.show_advanced | ROWS_COLLAPSE | ROWS_LAZY, &w->form.rows);
	w->form.label_cols = widest_label(w);
	if (w->form.cur_key) {
		/* row_key's "kind:path", read back */
		char *path;
		long kind = strtol(w->form.cur_key, &path, 10);

		i = *path == ':' && kind >= 0 ? rows_find(&w->form.rows, path + 1, (int)kind)
					      : (size_t)-1;
		if (i != (size_t)-1) {
			w->form.cur = i;
			goto found;
		}
	}
	if (w->form.cur >= w->form.rows.n)
		w->form.cur = w->form.rows.n ? w->form.rows.n - 1 : 0;
	j = first_editable(w, w->form.cur, 1);
	if (j < 0)
		j = first_editable(w, w->form.cur, -1);
	w->form.cur = j < 0 ? 0 : (size_t)j;
found:
	free(w->form.cur_key);
	w->form.cur_key = w->form.rows.n ? row_key(rows_at(&w->form.rows, w->form.cur)) : NULL;
	ed_sync(w);
}

static void focus_key(struct wiz *w, char *key)
{
	free(w->form.cur_key);
	w->form.cur_key = key;
	screen_form_rebuild(w);
}

/* Open sublist entry row r as its own screen. */
static void zoom_in(struct wiz *w, const struct row *r)
{
	free(w->form.zoom);
	free(w->form.zoom_back);
	w->form.zoom = xstrdup(r->path);
	w->form.zoom_node = r->node;
	w->form.zoom_back = row_key(r);
	free(w->form.zoom_title);
	w->form.zoom_title = xstrndup(r->label, strcspn(r->label, ":"));
	free(w->form.cur_key);
	w->form.cur_key = NULL;
	w->form.cur = w->form.top = 0;
	screen_form_rebuild(w);
}

/* Back from an entry's screen to the section, on the entry's row. */
static int zoom_out(struct wiz *w)
{
	if (!w->form.zoom)
		return 0;
	free(w->form.zoom);
	w->form.zoom = NULL;
	free(w->form.cur_key);
	w->form.cur_key = w->form.zoom_back;
	w->form.zoom_back = NULL;
	w->form.top = 0;
	screen_form_rebuild(w);
	return 1;
}

/* The path of the member that holds path, or NULL at the top (caller frees). */
static char *path_up(const char *path)
{
	const char *dot = strrchr(path, '.'), *br = strrchr(path, '[');
	const char *cut = !dot ? br : !br ? dot : dot > br ? dot : br;

	return cut ? xstrndup(path, (size_t)(cut - path)) : NULL;
}

/* The outermost group above row r that is not set, or NULL: a required
 * member inside it is required only once that group is used (Protocol's
 * server protocol when no protocol is set). */
static const struct fnode *unset_group(const struct wiz *w, const struct row *r)
{
	const struct fnode *n = r->node->parent, *found = NULL;
	char *p = path_up(r->path), *up;

	while (p && n && n != w->data.def->root && n->kind == FK_GROUP &&
	       !document_is_set(w->data.doc, p)) {
		found = n;
		n = n->parent;
		up = path_up(p);
		free(p);
		p = up;
	}
	free(p);
	return found;
}

/* A problem (not yet solved) at path or at a member above it. */
static int problem_over(const struct wiz *w, const char *path)
{
	size_t k, len;

	for (k = 0; k < w->marks.probs.n; k++) {
		len = strlen(w->marks.probs.v[k].ref);
		if (w->marks.probs.v[k].state != VS_VALID &&
		    !strncmp(w->marks.probs.v[k].ref, path, len) &&
		    (!path[len] || path[len] == '.' || path[len] == '['))
			return 1;
	}
	return 0;
}

/* A required field, list or branch that has no value yet (text: the text
 * being typed into it, when the cursor is there). */
static int required_missing(const struct wiz *w, const struct row *r, const char *text)
{
	const struct fnode *n = r->node;
	long need;
	char *v;
	int missing;

	if (!n || r->owner)
		return 0;
	if (r->kind == RK_HEADER) {
		/* a list that is required, or there (a one-of's branch), with
		 * too few items */
		if ((n->kind != FK_LIST && n->kind != FK_MAP && n->kind != FK_SUBLIST) ||
		    (!n->required && !document_is_set(w->data.doc, r->path)))
			return 0;
		need = n->min_items > 0 ? n->min_items : n->required;
		return items(w, r->path) < (size_t)need;
	}
	if (!n->required)
		return 0;
	if (r->kind != RK_VALUE && r->kind != RK_BRANCH)
		return 0;
	if (text)
		return !*text;
	v = row_value(r, w->data.doc);
	missing = !*v;
	free(v);
	return missing;
}

/* The mark before a row: '!' invalid, '*' required and missing, '+'
 * required once its group is used, 0 for none; and the message shown under
 * it, or NULL: live errors of its value, and after a refused PageDown the
 * problems found at its path (on a list's title, not on its add row). */
char *screen_form_row_message(const struct wiz *w, size_t i, int checked, enum vstate *st,
			      char *mark)
{
	struct row *r = rows_at(&w->form.rows, i);
	char *msg = NULL, *t = NULL;
	size_t k;
	int k_err = 0;

	if (i == w->form.cur && row_is_text(r))
		t = lineedit_text(&w->form.ed);
	*st = row_check(r, w->data.doc, t, &msg);
	if (*st == VS_VALID && w->tmpl.t && row_is_text(r)) {
		/* the team's narrower pattern, under the field as the API's */
		char *v = t ? xstrdup(t) : row_value(r, w->data.doc);

		free(msg);
		msg = NULL;
		*st = template_check_value(w->tmpl.t, w->data.def, w->data.doc, r->path, v, &msg);
		free(v);
	}
	*mark = 0;
	if (*st == VS_INVALID)
		*mark = '!';
	else if (required_missing(w, r, t))
		*mark = problem_over(w, r->path) || !unset_group(w, r) ? '*' : '+';
	else if (tmpl_row_unfilled(w, r))
		*mark = '*'; /* a template's yours value, still empty */
	for (k = 0; r->kind == RK_ENTRY && !w->form.zoom && k < w->marks.probs.n; k++) {
		/* an entry shown as one row: the worst of the problems inside */
		size_t len = strlen(r->path);
		const char *ref = w->marks.probs.v[k].ref;

		if (strncmp(ref, r->path, len) || (ref[len] && ref[len] != '.' && ref[len] != '['))
			continue;
		if (w->marks.probs_st[k] == VS_INVALID)
			*mark = '!';
		else if (w->marks.probs_st[k] == VS_INCOMPLETE && !*mark)
			*mark = '*';
	}
	free(t);
	if (*st == VS_INVALID)
		return msg;
	free(msg);
	for (k = 0; checked && r->kind != RK_ADD && k < w->marks.probs.n; k++) {
		if (!strcmp(w->marks.probs.v[k].ref, r->path) && w->marks.probs.v[k].state) {
			if (w->marks.probs_st[k] == VS_INVALID) {
				*st = VS_INVALID;
				*mark = '!';
			}
			return xstrdup(w->marks.probs.v[k].message);
		}
	}
	if (marks_svc_active(w) && !strcmp(r->path, w->marks.svc_path)) {
		*st = VS_INVALID;
		return xstrdup(w->marks.svc_msg);
	}
	if (r->kind != RK_ADD && uichecks_path_message(w, r->path, &k_err)) {
		const char *m = uichecks_path_message(w, r->path, &k_err);

		if (k_err)
			*st = VS_INVALID;
		return xasprintf(k_err ? _("Account check: %s") : _("Account warning: %s"), m);
	}
	/* a warning (networkConfiguration unset, platformVersion set): under
	 * the field, never a mark; the value is valid */
	if (r->kind != RK_ADD && marks_warning(w, r->path))
		return xasprintf(_("Warning: %s"), marks_warning(w, r->path));
	return NULL;
}

/* The widest label of the rows (with its indent), found once per rebuild:
 * of a list's or map's items only the last (the number is widest there),
 * not 120,000 labels of a map of 60,000 tags. */
static int widest_label(const struct wiz *w)
{
	int cols = 0, c;
	size_t i;

	for (i = 0; i < w->form.rows.n; i++) {
		const struct row *r;

		i = rows_items_last(&w->form.rows, i);
		r = rows_at(&w->form.rows, i);
		if (r->kind != RK_VALUE && r->kind != RK_BRANCH && r->kind != RK_MAPKEY &&
		    r->kind != RK_MAPVAL)
			continue;
		c = r->depth * 2 + term_columns(r->label);
		if (c > cols)
			cols = c;
	}
	return cols;
}

/* The label column of the rows: as wide as their longest label (with its
 * indent), at most 40% of the screen; a longer label is cut with an ellipsis. */
static int label_columns(const struct wiz *w)
{
	int most = COLS * 2 / 5;

	return w->form.label_cols < most ? w->form.label_cols : most;
}

/* The text of a folded row, naming the key that unfolds it. */
static char *folded_text(const struct row *r)
{
	return xasprintf(P_("%zu advanced setting hidden: %s shows it",
			    "%zu advanced settings hidden: %s shows them", r->index),
			 r->index, keys_action_name(ACT_ADVANCED));
}

static void move_field(struct wiz *w, int dir)
{
	int j;

	if (!w->form.rows.n)
		return;
	if (dir > 0)
		j = w->form.cur + 1 < w->form.rows.n ? first_editable(w, w->form.cur + 1, 1) : -1;
	else
		j = w->form.cur > 0 ? first_editable(w, w->form.cur - 1, -1) : -1;
	if (j < 0)
		return;
	w->form.cur = (size_t)j;
	free(w->form.cur_key);
	w->form.cur_key = row_key(rows_at(&w->form.rows, w->form.cur));
	ed_sync(w);
}

/* Put the cursor on the row for document path ref (or the closest above it). */
void screen_form_focus(struct wiz *w, const char *ref)
{
	size_t best = rows_closest(&w->form.rows, ref);
	int j;

	if (best == (size_t)-1)
		return;
	j = first_editable(w, best, 1);
	if (j < 0)
		return;
	w->form.cur = (size_t)j;
	free(w->form.cur_key);
	w->form.cur_key = row_key(rows_at(&w->form.rows, w->form.cur));
	ed_sync(w);
}

/* PageDown: on to the next section when this one has no problems; else
 * stay, show the problems under their fields and put the cursor on the
 * first (the status says what is wrong with it, whole). */
static void next_section(struct wiz *w)
{
	size_t i, first = 0, count = 0;
	const struct problem *p;
	const struct row *r;

	w->marks.visited[w->sec] = 1;
	r = screen_form_row(w);
	if (r && screen_form_in_text(w)) {
		/* text the document does not hold (an integer that does not
		 * parse) would be lost on leaving */
		char *t = lineedit_text(&w->form.ed), *m = NULL, *v = row_value(r, w->data.doc);
		int held = !strcmp(t, v);

		free(v);
		if (!held && row_check(r, w->data.doc, t, &m) == VS_INVALID) {
			wiz_status(w, 1, _("To fix before going on: %s: %s"), r->label, m);
			free(m);
			free(t);
			return;
		}
		free(m);
		free(t);
	}
	marks_update(w);
	for (i = 0; i < w->marks.probs.n; i++)
		if (w->marks.probs_sec[i] == (int)w->sec &&
		    w->marks.probs.v[i].state != VS_VALID && !count++)
			first = i;
	if (count) {
		w->form.checked[w->sec] = 1;
		p = &w->marks.probs.v[first];
		screen_form_focus(w, p->ref);
		/* named by the label of its field (or list) on screen */
		i = rows_find(&w->form.rows, p->ref, -1);
		r = i != (size_t)-1 ? rows_at(&w->form.rows, i) : NULL;
		wiz_status(w, 1,
			   P_("%zu problem to fix before going on: %s: %s",
			      "%zu problems to fix before going on: %s: %s", count),
			   count, r ? r->label : p->path, p->message);
		return;
	}
	if (tmpl_step(w, w->sec, 1) != w->sec)
		wiz_enter_section(w, tmpl_step(w, w->sec, 1));
}

static void prev_section(struct wiz *w)
{
	if (tmpl_step(w, w->sec, -1) != w->sec)
		wiz_enter_section(w, tmpl_step(w, w->sec, -1));
}

/* F7: the field's network check (the discovery URL), only when asked, with
 * a visible note while it runs; its answer is a note or a warning on the
 * status line and never blocks anything. */
static void do_probe(struct wiz *w)
{
	struct row *r = screen_form_row(w);
	char *url, *text = NULL;

	if (!r || r->kind != RK_VALUE || !r->node->probe) {
		wiz_status(w, 0,
			   _("%s checks a field that can be fetched, such as the discovery URL "
			     "of a JWT authorizer."),
			   keys_action_name(ACT_PROBE));
		return;
	}
	url = row_value(r, w->data.doc);
	if (!*url) {
		wiz_status(w, 1, _("Type the URL first; %s then fetches it."),
			   keys_action_name(ACT_PROBE));
		free(url);
		return;
	}
	wiz_status(w, 0, _("Fetching %s (Esc cancels)..."), url);
	wiz_draw(w);
	if (submit_probe(r->node->probe, url, 1, &text) == 0)
		wiz_status(w, 0, _("Checked: %s"), text);
	else
		wiz_status(w, 1, _("Warning (the form can still be sent): %s"), text);
	free(text);
	free(url);
}

static void do_delete(struct wiz *w)
{
	struct row *r = screen_form_row(w);

	if (!r || !row_is_item(r)) {
		wiz_status(w, 1, _("%s deletes list items and entries; this is not one."),
			   keys_action_name(ACT_DELETE));
		return;
	}
	document_remove(w->data.doc, r->path);
	/* the last item of an optional list goes with its list: an empty list
	 * is not the same as none to the service; a list that is a one-of's
	 * branch stays (empty), or the branch would no longer be chosen */
	if (r->owner_path && !r->owner->required &&
	    document_count(w->data.doc, r->owner_path) == 0 &&
	    !(r->owner->parent && r->owner->parent->kind == FK_ONEOF))
		document_remove(w->data.doc, r->owner_path);
	if (r->owner_path)
		rows_keep_forget(&w->form.keep, r->owner_path);
	/* the next item now has this one's path, so its row the same key:
	 * without this ed_sync would keep the deleted text in the editor,
	 * and the next key typed would write it over that item */
	free(w->form.ed_key);
	w->form.ed_key = NULL;
	wiz_after_change(w);
}

static void do_move(struct wiz *w, int dir)
{
	struct row *r = screen_form_row(w);
	size_t to;

	if (!r || !row_is_item(r))
		return;
	if ((dir < 0 && r->index == 0) ||
	    (dir > 0 && r->index + 1 >= document_count(w->data.doc, r->owner_path)))
		return;
	to = dir < 0 ? r->index - 1 : r->index + 1;
	rows_keep_forget(&w->form.keep, r->owner_path);
	if (document_move(w->data.doc, r->owner_path, r->index, to) == 0) {
		char *k = xasprintf("%d:%s[%zu]", (int)r->kind, r->owner_path, to);
		w->data.last_edit = util_monotonic();
		focus_key(w, k);
	}
}

/* A choice, yes/no or branch row set to value (stepped when value is NULL,
 * by dir): what a branch or a `when` rule drops is kept for switching back. */
static void choose(struct wiz *w, const struct row *r, const char *value, int dir)
{
	if (value)
		row_choose_keep(r, w->data.doc, value, &w->form.keep);
	else
		row_cycle_keep(r, w->data.doc, dir, &w->form.keep);
	wiz_after_change(w);
}

static void activate(struct wiz *w)
{
	struct row *r = screen_form_row(w);
	size_t idx;
	enum row_kind k;
	char *path;

	if (!r)
		return;
	switch (r->kind) {
	case RK_ADD:
		idx = row_add_item(r, w->data.doc);
		k = r->owner->kind == FK_MAP       ? RK_MAPKEY
		    : r->owner->kind == FK_SUBLIST ? RK_ENTRY
						   : RK_VALUE;
		path = xasprintf("%d:%s[%zu]", (int)k, r->path, idx);
		w->data.last_edit = util_monotonic();
		focus_key(w, path);
		if (k == RK_ENTRY && !w->form.zoom && screen_form_row(w) &&
		    screen_form_row(w)->kind == RK_ENTRY)
			zoom_in(w, screen_form_row(w));
		else if (k == RK_ENTRY)
			move_field(w, 1);
		break;
	case RK_ENTRY:
		if (!w->form.zoom)
			zoom_in(w, r);
		else
			move_field(w, 1);
		break;
	case RK_BRANCH:
		if (dialog_menu(w, r))
			wiz_after_change(w);
		break;
	case RK_FOLDED:
		w->form.show_advanced = 1;
		screen_form_rebuild(w);
		break;
	case RK_VALUE:
		if (r->node->kind == FK_CHOICE) {
			if (dialog_menu(w, r))
				wiz_after_change(w);
			break;
		}
		if (r->node->kind == FK_BOOLEAN) {
			choose(w, r, NULL, 1);
			break;
		}
		/* fall through */
	default:
		move_field(w, 1);
	}
}

static int is_choice_row(const struct row *r)
{
	return r &&
	       (r->kind == RK_BRANCH || (r->kind == RK_VALUE && (r->node->kind == FK_CHOICE ||
								 r->node->kind == FK_BOOLEAN)));
}

/* A key in a text field: editing (action a from the key table) or a
 * character typed. */
static void text_key(struct wiz *w, enum action a, int key)
{
	struct row *r = screen_form_row(w);
	int changed = 0, rc;
	char *t;

	switch (a) {
	case ACT_BACKSPACE:
		changed = lineedit_backspace(&w->form.ed);
		break;
	case ACT_DELETE_CHAR:
		changed = lineedit_delete(&w->form.ed);
		break;
	case ACT_LEFT:
		lineedit_left(&w->form.ed);
		break;
	case ACT_RIGHT:
		lineedit_right(&w->form.ed);
		break;
	case ACT_HOME:
		lineedit_home(&w->form.ed);
		break;
	case ACT_END:
		lineedit_end(&w->form.ed);
		break;
	case ACT_CLEAR:
		lineedit_clear(&w->form.ed);
		changed = 1;
		break;
	default:
		if (a == ACT_NONE && key >= 32 && key < 0x110000 && key != 127) {
			lineedit_insert(&w->form.ed, (wchar_t)key);
			changed = 1;
		}
	}
	if (!changed)
		return;
	t = lineedit_text(&w->form.ed);
	rc = row_store_text(r, w->data.doc, t);
	free(w->form.key_refused);
	w->form.key_refused = NULL;
	if (rc == 1) {
		/* another entry has that name: the map keeps this entry's
		 * name (both entries stay) and the field shows why */
		const char *kept = document_key(w->data.doc, r->owner_path, r->index);

		w->form.key_refused =
		    xasprintf(_("\"%s\" is the name of another entry: this entry "
				"keeps the name \"%s\" until you give it another."),
			      t, kept ? kept : "");
	}
	free(t);
	if (r->kind == RK_MAPKEY || r->kind == RK_MAPVAL ||
	    (r->kind == RK_VALUE && row_is_item(r))) {
		/* an item's rows are named by its place, not its text: the
		 * rows stay as they are (a map of 60,000 tags is not walked
		 * again for each key typed) */
		w->data.last_edit = util_monotonic();
		free(w->status.text);
		w->status.text = NULL;
		return;
	}
	wiz_after_change(w);
}

/* Where the form pane's parts go: the fields from line top down to bottom,
 * the AWS settings (first screen) from line aws_y, or -1 when not shown. */
struct form_pane {
	int px, pw, top, bottom, aws_y;
	int vx, vw; /* the values' column and width */
};

static void form_pane(const struct wiz *w, struct form_pane *p)
{
	const char *help = w->data.def->sections[w->sec].help;
	int naws = 0;
	size_t i;

	p->px = SIDE_W + 2;
	p->pw = COLS - p->px;
	p->top = 2;
	p->bottom = LINES - 4 - w->status.foot;
	p->aws_y = -1;
	p->vx = p->px + 2 + label_columns(w) + 1;
	p->vw = COLS - p->vx - 1;
	/* the section's help on one or two lines above the fields */
	if (!w->form.zoom && help && ui_wrap_text(help, p->pw - 1, 2, 0, 0, 0, 0) == 2)
		p->top = 3;
	/* the first screen also shows the AWS settings in use, at the bottom */
	for (i = 0; w->sec == 0 && w->settings.aws && w->settings.aws[i]; i++)
		naws += ui_wrap_text(w->settings.aws[i], p->pw - 3, AWS_ITEM_LINES, 0, 0, 0, 0);
	if (naws && p->bottom - p->top > naws + 6) {
		p->aws_y = p->bottom - naws;
		p->bottom -= naws + 2;
	}
}

/* The lines row i takes above the cursor: itself and its message. */
static int row_lines(struct wiz *w, size_t i)
{
	return 1 + term_msg_lines(marks_row(w, i),
				  COLS - 2 - SIDE_W - 6 - rows_at(&w->form.rows, i)->depth * 2);
}

/* After a change: the marks of the rows, the scroll that keeps the cursor
 * row and its message visible, the text field's sideways scroll. */
static void form_update(struct wiz *w)
{
	struct form_pane p;
	struct row *r;
	int ph, need, y;
	size_t i;

	form_pane(w, &p);
	ph = p.bottom - p.top + 1;
	marks_form(w);
	if (w->form.cur < w->form.top)
		w->form.top = w->form.cur;
	/* the first row shown: the rows from it to the cursor's fit (the
	 * lines of the rows from the top to the cursor, added once and the
	 * top's taken off, not added again for each row scrolled off: the
	 * cursor may have gone to the 60,000th tag) */
	need = 0;
	for (i = w->form.top; i <= w->form.cur && i < w->form.rows.n; i++)
		need += row_lines(w, i);
	while (need > ph && w->form.top < w->form.cur)
		need -= row_lines(w, w->form.top++);
	if (w->form.top > 0 && w->form.cur == first_editable(w, 0, 1) + 0u)
		w->form.top = 0;
	/* the marks of the rows drawn (form_draw walks the same lines) */
	for (i = w->form.top, y = p.top; i < w->form.rows.n && y <= p.bottom; i++)
		y += 1 +
		     term_msg_lines(marks_row(w, i),
				    COLS - (p.px + 2 + rows_at(&w->form.rows, i)->depth * 2) - 4);
	marks_row(w, w->form.cur);
	r = screen_form_row(w);
	if (r && row_is_text(r) && r->kind != RK_HEADER && r->kind != RK_FOLDED &&
	    r->kind != RK_ENTRY && r->kind != RK_ADD) {
		lineedit_fit(&w->form.ed, p.vw);
		/* scrolled sideways: an ellipsis takes the first columns */
		if (w->form.ed.scroll > 0)
			lineedit_fit(&w->form.ed, p.vw - (MB_CUR_MAX > 1 ? 1 : 3));
	}
}

/* The text being edited in the field at y, x (width columns); returns
 * the cursor's column. */
static int draw_editor(const struct wiz *w, int y, int vx, int vw)
{
	int lead = 0, tw = vw, used = 0;
	size_t k;

	term_fill(y, vx, vw, A_REVERSE);
	if (w->form.ed.scroll > 0) {
		/* scrolled sideways: an ellipsis says that the text starts
		 * further left */
		lead = term_put(y, vx, vw, MB_CUR_MAX > 1 ? "\u2026" : "...", A_REVERSE);
		tw = vw - lead;
	}
	attron(A_REVERSE);
	move(y, vx + lead);
	for (k = w->form.ed.scroll; k < w->form.ed.len; k++) {
		int ww = lineedit_wcwidth(w->form.ed.buf[k]);
		wchar_t c = w->form.ed.buf[k];
		if (used + ww > tw)
			break;
		if (printable_codepoint_hidden((unsigned long)c))
			c = L'?';
		addnwstr(&c, 1);
		used += ww;
	}
	attroff(A_REVERSE);
	return vx + lead + lineedit_column(&w->form.ed);
}

/* A value row's value at y, from vx in vw columns. */
static void draw_value(const struct wiz *w, const struct row *r, int y, int vx, int vw, int focus)
{
	char *v = row_value(r, w->data.doc);
	const char *shown = v;

	if (r->kind == RK_MAPVAL && r->owner && r->owner->sensitive)
		shown = row_mask(v);
	if (r->kind == RK_BRANCH || r->node->kind == FK_CHOICE || r->node->kind == FK_BOOLEAN) {
		/* the brackets always show, around a cut value if need be */
		int a = focus ? A_REVERSE : A_NORMAL, x = vx;

		x += term_put(y, x, vw, "< ", a);
		x += term_put_cut(y, x, vw - 4, row_choice_label(r, v), a);
		term_put(y, x, 2, " >", a);
	} else {
		term_put_cut(y, vx, vw, shown, focus ? A_REVERSE : A_UNDERLINE);
	}
	free(v);
}

/* Row i at line y; *cy, *cx get the cursor in a text field. */
static void draw_row(const struct wiz *w, size_t i, int y, const struct form_pane *p, int *cy,
		     int *cx)
{
	const struct row *r = rows_at(&w->form.rows, i);
	int focus = i == w->form.cur, lx = p->px + 2 + r->depth * 2, vx = p->vx, vw = p->vw;
	char *v, mark[2] = {w->marks.row_marks[i], 0};
	const char *msg = w->marks.row_msgs[i];

	if (mark[0])
		term_put(y, p->px, 1, mark, mark[0] == '!' ? term_attr_err(w) : (int)A_BOLD);
	switch (r->kind) {
	case RK_HEADER:
		term_put_cut(y, lx, COLS - lx - 1, r->label, term_attr_head(w));
		break;
	case RK_FOLDED:
		v = folded_text(r);
		term_put_cut(y, lx, COLS - lx - 1, v, A_DIM | (focus ? A_REVERSE : 0));
		free(v);
		break;
	case RK_ENTRY:
		term_put_cut(y, lx, COLS - lx - 1, r->label, A_BOLD | (focus ? A_REVERSE : 0));
		break;
	case RK_ADD:
		term_put_cut(y, lx, COLS - lx - 1, r->label, focus ? A_REVERSE : A_NORMAL);
		break;
	default:
		term_put_cut(y, lx, vx - lx - 1, r->label, focus ? A_BOLD : A_NORMAL);
		if (focus && row_is_text(r)) {
			*cx = draw_editor(w, y, vx, vw);
			*cy = y;
		} else {
			draw_value(w, r, y, vx, vw, focus);
		}
	}
	if (focus && *cy < 0) {
		/* the cursor on the field, not in a corner: on a choice's value,
		 * a button's or an entry's text (a screen reader follows it) */
		*cy = y;
		*cx = r->kind == RK_HEADER || r->kind == RK_FOLDED || r->kind == RK_ENTRY ||
			      r->kind == RK_ADD
			  ? lx
			  : vx + 2;
	}
	if (msg)
		term_put_wrapped(y + 1, lx + 2, COLS - lx - 4, p->bottom - y, msg,
				 term_attr_err(w));
}

/* The fields from line `top` down to `bottom`, as form_update left them;
 * *cy, *cx get the cursor's place in a text field. */
static void form_draw(const struct wiz *w, int *cy, int *cx)
{
	struct form_pane p;
	int y;
	size_t i;

	form_pane(w, &p);
	if (!w->form.zoom && w->data.def->sections[w->sec].help)
		ui_wrap_text(w->data.def->sections[w->sec].help, p.pw - 1, 2, 1, 1, p.px, A_DIM);
	if (p.aws_y >= 0) {
		char *head = xasprintf(_("AWS settings in use (%s changes them):"),
				       keys_action_name(ACT_SETTINGS));

		y = p.aws_y;
		term_put(y++, p.px, p.pw, head, term_attr_head(w));
		free(head);
		for (i = 0; w->settings.aws[i]; i++)
			y += ui_wrap_text(w->settings.aws[i], p.pw - 3, AWS_ITEM_LINES, 1, y,
					  p.px + 2, A_NORMAL);
	}
	if (w->form.zoom) {
		char *z = xasprintf(_("%s (Esc or %s returns to the list)"), w->form.zoom_title,
				    keys_action_name(ACT_PREV_SECTION));
		term_put_cut(1, p.px, p.pw - 1, z, A_BOLD);
		free(z);
	}
	y = p.top;
	for (i = w->form.top; i < w->form.rows.n && i < w->marks.nrow && y <= p.bottom; i++) {
		if (!w->marks.row_done[i])
			break; /* form_update found the rows that fit */
		int lx = p.px + 2 + rows_at(&w->form.rows, i)->depth * 2;

		draw_row(w, i, y, &p, cy, cx);
		y += 1 + term_msg_lines(w->marks.row_msgs[i], COLS - lx - 4);
	}
	if (w->form.rows.n == 0)
		term_put(p.top, p.px, p.pw, _("This section has no fields."), A_NORMAL);
}

/* The hint for the field under the cursor. */
static char *form_hint(const struct wiz *w)
{
	const struct row *r = screen_form_row(w);
	const struct fnode *n;
	char *h;

	if (!r)
		return NULL;
	if ((h = tmpl_hint(w, r->path)))
		return h;
	if (r->kind == RK_ENTRY && !w->form.zoom)
		return xasprintf(_("Enter opens this entry; %s deletes it; %s/%s move it."),
				 keys_action_name(ACT_DELETE), keys_action_name(ACT_MOVE_UP),
				 keys_action_name(ACT_MOVE_DOWN));
	n = r->kind == RK_ADD || r->kind == RK_ENTRY ? r->owner : r->node;
	if (r->kind == RK_ADD && r->owner->item)
		n = r->owner->kind == FK_MAP ? r->owner : r->owner->item;
	if (!n || !n->help)
		return NULL;
	/* a field with a network check says so before the example */
	h = n->probe
		? xasprintf(_("%s %s fetches it to check."), n->help, keys_action_name(ACT_PROBE))
		: pick_hint(r->path, xstrdup(n->help));
	if (n->example && *n->example) {
		char *t = xasprintf(_("%s Example: %s"), h, n->example);

		free(h);
		h = t;
	}
	if (row_is_item(r) && r->kind != RK_ENTRY) {
		/* the keys first: a busy status line leaves the hint one
		 * line, and these are what no label on screen tells */
		int map = r->kind == RK_MAPKEY || r->kind == RK_MAPVAL;
		char *t;

		if (items(w, r->owner_path) > 1)
			t = xasprintf(map ? _("%s deletes this entry, %s/%s move it. %s")
					  : _("%s deletes this item, %s/%s move it. %s"),
				      keys_action_name(ACT_DELETE), keys_action_name(ACT_MOVE_UP),
				      keys_action_name(ACT_MOVE_DOWN), h);
		else
			t = xasprintf(map ? _("%s deletes this entry. %s")
					  : _("%s deletes this item. %s"),
				      keys_action_name(ACT_DELETE), h);
		free(h);
		h = t;
	}
	return h;
}

/* What the field under the cursor still needs, after its label (the line
 * is apart from the field); NULL for nothing. */
static char *form_status(const struct wiz *w)
{
	const struct row *r = screen_form_row(w);
	const struct fnode *g;
	char *msg = NULL, *t, *s = NULL;

	if (!r)
		return NULL;
	t = screen_form_in_text(w) ? lineedit_text(&w->form.ed) : NULL;
	if (row_check(r, w->data.doc, t, &msg) == VS_INCOMPLETE && msg) {
		if (required_missing(w, r, t) && !problem_over(w, r->path) &&
		    (g = unset_group(w, r)))
			s = xasprintf(_("%s: required once %s is set"), r->label, g->label);
		else
			s = xasprintf("%s: %s", r->label, msg);
	}
	free(msg);
	free(t);
	return s;
}

int screen_form_edited(const struct wiz *w)
{
	char *t;
	int edited;

	if (!screen_form_in_text(w) || !w->form.ed_orig)
		return 0;
	t = lineedit_text(&w->form.ed);
	edited = strcmp(t, w->form.ed_orig) != 0;
	free(t);
	return edited;
}

/* Esc: leave an entry's screen, or undo the field's edits since the cursor
 * came to it (a choice with what the change dropped: another branch). */
static void undo_field(struct wiz *w)
{
	struct row *r = screen_form_row(w);
	char *v;

	if (zoom_out(w) || !r || !w->form.ed_orig)
		return;
	if (screen_form_in_text(w)) {
		v = lineedit_text(&w->form.ed);
		if (strcmp(v, w->form.ed_orig)) {
			row_store_text(r, w->data.doc, w->form.ed_orig);
			lineedit_load(&w->form.ed, w->form.ed_orig);
			wiz_after_change(w);
			wiz_status(w, 0, "%s", _("Change undone."));
		}
	} else if (is_choice_row(r)) {
		v = row_value(r, w->data.doc);
		if (strcmp(v, w->form.ed_orig)) {
			choose(w, r, w->form.ed_orig, 0);
			wiz_status(w, 0, "%s", _("Change undone."));
		}
	} else {
		return;
	}
	free(v);
}

/* Whether key action a on row r would change the document (a template's
 * locked fields refuse those). */
static int changes(const struct wiz *w, const struct row *r, enum action a)
{
	switch (a) {
	case ACT_DELETE:
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
		return 1;
	case ACT_STEP:
	case ACT_ACTIVATE:
		return !screen_form_in_text(w) && r->kind != RK_ENTRY && r->kind != RK_HEADER &&
		       r->kind != RK_FOLDED;
	case ACT_LEFT:
	case ACT_RIGHT:
		return is_choice_row(r);
	case ACT_NONE: /* a character typed */
	case ACT_BACKSPACE:
	case ACT_DELETE_CHAR:
	case ACT_CLEAR:
		return screen_form_in_text(w);
	default:
		return 0;
	}
}

static enum screen_result form_key(struct wiz *w, enum action a, int key)
{
	struct row *r = screen_form_row(w);

	if (r && (w->tmpl.t || w->upd) && changes(w, r, a) && tmpl_refuse_row(w, r, a))
		return SCREEN_HANDLED;
	switch (a) {
	case ACT_REVIEW:
		wiz_enter_section(w, w->review_sec); /* leaves an entry's screen too */
		break;
	case ACT_NEXT_SECTION:
		if (!zoom_out(w))
			next_section(w);
		break;
	case ACT_PREV_SECTION:
		if (!zoom_out(w))
			prev_section(w);
		break;
	case ACT_NEXT_FIELD:
	case ACT_DOWN:
		move_field(w, 1);
		break;
	case ACT_PREV_FIELD:
	case ACT_UP:
		move_field(w, -1);
		break;
	case ACT_ACTIVATE:
		activate(w);
		break;
	case ACT_ADVANCED:
		w->form.show_advanced = !w->form.show_advanced;
		screen_form_rebuild(w);
		break;
	case ACT_PROBE:
		do_probe(w);
		break;
	case ACT_DELETE:
		do_delete(w);
		break;
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
		do_move(w, a == ACT_MOVE_UP ? -1 : 1);
		break;
	case ACT_CANCEL:
		undo_field(w);
		break;
	case ACT_STEP:
		if (is_choice_row(r))
			choose(w, r, NULL, 1);
		else
			activate(w);
		break;
	default:
		if (screen_form_in_text(w))
			text_key(w, a, key);
		else if (is_choice_row(r) && (a == ACT_LEFT || a == ACT_RIGHT))
			choose(w, r, NULL, a == ACT_LEFT ? -1 : 1);
		else
			return SCREEN_IGNORED;
	}
	return SCREEN_HANDLED;
}

static void form_enter(struct wiz *w)
{
	w->form.last_form_sec = w->sec;
	free(w->form.cur_key);
	w->form.cur_key = NULL;
	w->form.cur = 0;
	w->form.top = 0;
	screen_form_rebuild(w);
}

static enum key_screen form_keyset(const struct wiz *w)
{
	const struct row *r = screen_form_row(w);

	if (w->form.zoom)
		return KS_ENTRY;
	return r && pick_has_list(r->path) ? KS_PICK : KS_FORM;
}

void screen_form_reload(struct wiz *w)
{
	free(w->form.ed_key);
	w->form.ed_key = NULL;
	screen_form_rebuild(w);
}

void screen_form_release(struct wiz *w)
{
	rows_release(&w->form.rows);
	lineedit_release(&w->form.ed);
	free(w->form.checked);
	rows_keep_release(&w->form.keep);
	free(w->form.key_refused);
	free(w->form.cur_key);
	free(w->form.ed_key);
	free(w->form.ed_orig);
	free(w->form.zoom);
	free(w->form.zoom_back);
	free(w->form.zoom_title);
}

const struct screen_ops screen_form = {
    "form", form_keyset, form_enter, form_update, form_draw, form_hint, form_status, form_key,
};
