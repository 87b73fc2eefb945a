/* wizard.c: the curses wizard: layout, the generic form screen, review,
 * prompts, drafts and signals. Every value lives in the document; the screen
 * is rebuilt from it on every change and on resize. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "form/document.h"
#include "form/formdef.h"
#include "form/formfile.h"
#include "aws/runtime.h"
#include "base/util.h"
#include "form/validate.h"
#include "curses.h"
#include "edit.h"
#include "keys.h"
#include "rows.h"
#include "submit.h"
#include "text.h"
#include "ui.h"

#define MIN_COLS  80
#define MIN_LINES 24
/* section list width (it fits "   Environment variables"); the rule is at column SIDE_W */
#define SIDE_W         25
#define AUTOSAVE_DELAY 1.0
#define SHIFT_STEP     20  /* columns Left/Right scroll the review's body */
#define AWS_ITEM_LINES 4   /* lines an AWS setting may wrap to on the first screen */
#define ANSWER_SETTLE  0.5 /* seconds after a key that is no answer when y/n are not taken */
#define STATUS_MAX     6   /* lines a status may take (it then ends in an ellipsis) */

static volatile sig_atomic_t sig_quit;  /* SIGINT: ask, as Ctrl-C does */
static volatile sig_atomic_t sig_leave; /* SIGHUP/SIGTERM: save a draft and exit */
static int curses_on;

enum sstate { SS_NOT_VISITED, SS_VALID, SS_INCOMPLETE, SS_ERRORS };

struct line {
	char *text;
	int sec; /* section to jump to, or -1 */
	int bold;
	int nowrap; /* the request body and the CLI line: shown unwrapped, scrolled sideways */
};

struct wiz {
	const struct formdef *def;
	struct document *doc;
	char *file;
	char *draft;
	unsigned long saved_gen, draft_gen;
	int dirty_extra; /* resumed from a draft: unsaved even before an edit */
	int draft_own;   /* the draft file is this session's: written or resumed */
	double last_edit;

	size_t sec, review_sec, last_form_sec;
	unsigned char *visited, *checked;
	int show_advanced;

	struct rows rows;
	size_t cur, top;
	char *zoom; /* sublist entry open as its own screen, or NULL */
	const struct fnode *zoom_node;
	char *zoom_back; /* cursor key to return to */
	char *zoom_title;
	char *cur_key;
	struct lineedit ed;
	char *ed_key;
	char *ed_orig; /* the value when the cursor came to the field: Esc restores it */

	/* review */
	struct line *lines;
	size_t nlines, lcur, ltop;
	/* what the lines were built from: rebuilt only when one changes */
	unsigned long review_gen;
	int review_cols;
	char *review_file; /* (new settings free the lines: do_settings) */
	int lshift;        /* columns the unwrapped lines are scrolled left */

	/* the last service error naming a member: shown under that row and its
	 * section marked, until the value there changes */
	char *svc_path, *svc_msg, *svc_value;
	int svc_sec;
	unsigned long svc_gen;
	/* the runtime this session created (NULL when none) */
	char *made_id, *made_arn, *made_status;

	/* the document's problems, found once per change (validate_document)
	 * and split by section; each with the state the marks show: a value
	 * that is still being typed (a valid prefix) counts as incomplete */
	struct problems probs;
	enum vstate *probs_st;
	int *probs_sec;         /* section of each problem, -1 for none */
	enum vstate *sec_worst; /* per section */
	unsigned long probs_gen;
	const struct document *probs_doc;
	struct problems *member_probs; /* per member of the form's root, as last checked */
	unsigned long *member_gen;     /* its document_member_generation then, plus 1 */
	enum vstate form_worst;        /* the fields on screen, as last drawn */
	struct rows_keep keep;         /* branches and members switched away from */
	char *key_refused;             /* why a map key typed was not taken, or NULL */
	/* the document as last saved or loaded, to tell real changes */
	struct document *saved_doc;
	const struct document *saved_of;
	unsigned long saved_doc_gen, dirty_gen;
	int dirty;
	int foot; /* lines a long status takes above its usual two */

	char *status;
	int status_err;
	char **aws;             /* resolved AWS settings, for the review */
	char *aws_missing;      /* what keeps them from submitting, or NULL */
	char *region, *profile; /* set with F9; ui_settings points at them */
	int colour;
};

/* ---- terminal ---------------------------------------------------------- */

static void term_restore(void)
{
	if (curses_on) {
		curses_on = 0;
		endwin();
	}
}

static void on_fatal_signal(int sig)
{
	term_restore();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void on_signal(int sig)
{
	if (sig == SIGINT)
		sig_quit = 1;
	else
		sig_leave = 1;
}

static void signals_install(void)
{
	struct sigaction sa;
	static const int fatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
	size_t i;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	{
		/* started under nohup: the hangup stays ignored; when the terminal
		 * then goes away, read_key sees it and leaves the same way */
		struct sigaction old;

		if (sigaction(SIGHUP, NULL, &old) != 0 || old.sa_handler != SIG_IGN)
			sigaction(SIGHUP, &sa, NULL);
	}
	sa.sa_handler = on_fatal_signal;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		sigaction(fatal[i], &sa, NULL);
	util_set_fatal_hook(term_restore);
}

static int attr_err(const struct wiz *w)
{
	return A_BOLD | (w->colour ? COLOR_PAIR(1) : 0);
}

static int attr_ok(const struct wiz *w)
{
	return w->colour ? COLOR_PAIR(2) : A_NORMAL;
}

static int attr_head(const struct wiz *w)
{
	return A_BOLD | (w->colour ? COLOR_PAIR(3) : 0);
}

static void term_start(struct wiz *w)
{
	ESCDELAY = 25;
	initscr();
	curses_on = 1;
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(250);
	keys_init();
	w->colour = 0;
	if (!ui_settings.no_color && has_colors()) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_RED, -1);
		init_pair(2, COLOR_GREEN, -1);
		init_pair(3, COLOR_CYAN, -1);
		w->colour = 1;
	}
}

/* Print UTF-8 text at y, x in at most width columns, leaving out its first
 * `skip` columns; returns columns used. Only what fits is read (a value may
 * be thousands of characters long). */
static int put_skip(int y, int x, int width, const char *s, int skip, int attr)
{
	mbstate_t st;
	size_t k, n = strlen(s);
	int used = 0, cw;
	wchar_t c;

	if (width <= 0)
		return 0;
	memset(&st, 0, sizeof st);
	attron(attr);
	move(y, x);
	while ((k = lineedit_decode(s, n, &st, &c)) > 0) {
		cw = lineedit_wcwidth(c);
		s += k;
		n -= k;
		if (skip > 0) {
			skip -= cw;
			continue;
		}
		if (used + cw > width)
			break;
		if (c < 32 || c == 127 || (c >= 0x80 && c < 0xa0))
			c = L'?';
		addnwstr(&c, 1);
		used += cw;
	}
	attroff(attr);
	return used;
}

/* Print UTF-8 text at y, x in at most width columns; returns columns used. */
static int put(int y, int x, int width, const char *s, int attr)
{
	return put_skip(y, x, width, s, 0, attr);
}

static int text_columns(const char *s);

/* Print text in width columns; when it is wider, cut it with an ellipsis
 * (so that a cut is seen). Returns the columns used. */
static int put_cut(int y, int x, int width, const char *s, int attr)
{
	int ew = MB_CUR_MAX > 1 ? 1 : 3;

	if (width <= 0)
		return 0;
	if (lineedit_columns(s, width) <= width || width <= ew)
		return put(y, x, width, s, attr);
	x += put(y, x, width - ew, s, attr);
	attron(attr);
	mvaddstr(y, x, MB_CUR_MAX > 1 ? "\u2026" : "...");
	attroff(attr);
	return width;
}

/* Lines a message under a field needs at width columns (all of it: a
 * message is never cut). */
static int msg_lines(const char *text, int width)
{
	return ui_wrap_text(text, width, 1000, 0, 0, 0, 0);
}

/* Print text over up to maxlines lines of width columns. */
static void put_wrapped(int y, int x, int width, int maxlines, const char *text, int attr)
{
	ui_wrap_text(text, width, maxlines, 1, y, x, attr);
}

static void fill(int y, int x, int width, int attr)
{
	int i;

	attron(attr);
	for (i = 0; i < width; i++)
		mvaddch(y, x + i, ' ');
	attroff(attr);
}

/* ---- model helpers ------------------------------------------------------ */

static void status_set(struct wiz *w, int err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void status_set(struct wiz *w, int err, const char *fmt, ...)
{
	va_list ap;

	free(w->status);
	va_start(ap, fmt);
	w->status = xvasprintf(fmt, ap);
	va_end(ap);
	w->status_err = err;
}

/* Unsaved changes: the document differs from the one last saved or loaded
 * (edits undone with Esc are no change). */
static int is_dirty(struct wiz *w)
{
	unsigned long g = document_generation(w->doc);
	int fresh = w->saved_doc && w->saved_of == w->doc && w->saved_doc_gen == w->saved_gen;

	if (w->dirty_extra)
		return 1;
	if (g == w->saved_gen) {
		if (!fresh) {
			document_free(w->saved_doc);
			w->saved_doc = document_copy(w->doc);
			w->saved_of = w->doc;
			w->saved_doc_gen = w->saved_gen;
		}
		w->dirty_gen = g;
		w->dirty = 0;
		return 0;
	}
	if (!fresh)
		return 1;
	if (g != w->dirty_gen) {
		w->dirty_gen = g;
		w->dirty = !document_equal_since(w->doc, w->saved_doc, w->saved_doc_gen);
	}
	return w->dirty;
}

static char *row_key(const struct row *r)
{
	return xasprintf("%d:%s", (int)r->kind, r->path);
}

static struct row *cur_row(struct wiz *w)
{
	return w->cur < w->rows.n ? &w->rows.v[w->cur] : NULL;
}

static int cur_in_text(struct wiz *w)
{
	struct row *r = cur_row(w);

	return w->sec != w->review_sec && r && row_is_text(r);
}

static void ed_sync(struct wiz *w)
{
	struct row *r = cur_row(w);
	char *k, *v;

	if (!r) {
		free(w->ed_key);
		w->ed_key = NULL;
		return;
	}
	k = row_key(r);
	if (w->ed_key && !strcmp(k, w->ed_key)) {
		free(k);
		return;
	}
	if (w->key_refused) {
		/* the cursor left a map key that another entry has: say what
		 * the entry is still called */
		status_set(w, 1, "%s", w->key_refused);
		free(w->key_refused);
		w->key_refused = NULL;
	}
	free(w->ed_key);
	w->ed_key = k;
	v = row_value(r, w->doc);
	lineedit_load(&w->ed, v);
	free(w->ed_orig);
	w->ed_orig = v;
}

static int first_editable(const struct wiz *w, size_t from, int dir)
{
	size_t i = from;

	while (i < w->rows.n) {
		if (row_editable(&w->rows.v[i]))
			return (int)i;
		if (dir < 0 && i == 0)
			break;
		i += dir;
	}
	return -1;
}

/* Rebuild the rows from the model and put the cursor back on the same value. */
static void rebuild(struct wiz *w)
{
	size_t i;
	int j;

	rows_release(&w->rows);
	if (w->sec == w->review_sec)
		return;
	if (w->zoom && !document_is_set(w->doc, w->zoom)) {
		free(w->zoom);
		w->zoom = NULL;
	}
	if (w->zoom)
		rows_build_entry(w->def, w->doc, w->zoom_node, w->zoom, w->show_advanced,
				 &w->rows);
	else
		rows_build(w->def, w->doc, w->sec, w->show_advanced | ROWS_COLLAPSE, &w->rows);
	if (w->cur_key) {
		for (i = 0; i < w->rows.n; i++) {
			char *k = row_key(&w->rows.v[i]);
			int same = !strcmp(k, w->cur_key);
			free(k);
			if (same) {
				w->cur = i;
				goto found;
			}
		}
	}
	if (w->cur >= w->rows.n)
		w->cur = w->rows.n ? w->rows.n - 1 : 0;
	j = first_editable(w, w->cur, 1);
	if (j < 0)
		j = first_editable(w, w->cur, -1);
	w->cur = j < 0 ? 0 : (size_t)j;
found:
	free(w->cur_key);
	w->cur_key = w->rows.n ? row_key(&w->rows.v[w->cur]) : NULL;
	ed_sync(w);
}

static void focus_key(struct wiz *w, char *key)
{
	free(w->cur_key);
	w->cur_key = key;
	rebuild(w);
}

/* Open sublist entry row r as its own screen. */
static void zoom_in(struct wiz *w, const struct row *r)
{
	free(w->zoom);
	free(w->zoom_back);
	w->zoom = xstrdup(r->path);
	w->zoom_node = r->node;
	w->zoom_back = row_key(r);
	free(w->zoom_title);
	w->zoom_title = xstrndup(r->label, strcspn(r->label, ":"));
	free(w->cur_key);
	w->cur_key = NULL;
	w->cur = w->top = 0;
	rebuild(w);
}

/* Back from an entry's screen to the section, on the entry's row. */
static int zoom_out(struct wiz *w)
{
	if (!w->zoom)
		return 0;
	free(w->zoom);
	w->zoom = NULL;
	free(w->cur_key);
	w->cur_key = w->zoom_back;
	w->zoom_back = NULL;
	w->top = 0;
	rebuild(w);
	return 1;
}

static void enter_section(struct wiz *w, size_t sec)
{
	free(w->zoom);
	w->zoom = NULL;
	w->sec = sec;
	w->visited[sec] = 1;
	if (sec != w->review_sec)
		w->last_form_sec = sec;
	free(w->cur_key);
	w->cur_key = NULL;
	w->cur = 0;
	w->top = 0;
	w->lcur = w->ltop = 0;
	free(w->status);
	w->status = NULL;
	rebuild(w);
}

/* ---- a service error's mark ---------------------------------------------- */

/* The value at path as text, to notice when it changes; NULL when it is
 * not a set scalar (then any change of the form counts). */
static char *svc_snapshot(const struct document *doc, const char *path)
{
	const char *t = document_text(doc, path);
	long long n;
	int b;

	if (t)
		return xstrdup(t);
	if (document_number(doc, path, &n) == 0)
		return xasprintf("%lld", n);
	if (document_bool(doc, path, &b) == 0)
		return xstrdup(b ? "true" : "false");
	return NULL;
}

static void svc_clear(struct wiz *w)
{
	free(w->svc_path);
	free(w->svc_msg);
	free(w->svc_value);
	w->svc_path = w->svc_msg = w->svc_value = NULL;
}

/* Forget the runtime this session created (another form is loaded). */
static void made_clear(struct wiz *w)
{
	free(w->made_id);
	free(w->made_arn);
	free(w->made_status);
	w->made_id = w->made_arn = w->made_status = NULL;
}

/* Whether the service's complaint still stands: the value it named has not
 * changed since. Forgets it once it has. */
static int svc_active(struct wiz *w)
{
	char *now;
	int same;

	if (!w->svc_path)
		return 0;
	if (document_generation(w->doc) == w->svc_gen)
		return 1;
	now = svc_snapshot(w->doc, w->svc_path);
	same = now && w->svc_value && !strcmp(now, w->svc_value);
	free(now);
	if (!same)
		svc_clear(w);
	return same;
}

/* Whether problem p is about a value that typing can still make valid (a
 * prefix such as "arn:aws:iam::" or 6 for a minimum of 60; a list with too
 * few items yet): the live check calls it incomplete, and so do the marks. */
static int still_typed(const struct wiz *w, const struct problem *p)
{
	const struct fnode *n = formdef_lookup(w->def, p->ref);
	char *m = NULL, num[32];
	const char *t;
	long long v;
	enum vstate st;

	if (n && (n->kind == FK_LIST || n->kind == FK_MAP || n->kind == FK_SUBLIST))
		return n->min_items > 0 && document_count(w->doc, p->ref) < (size_t)n->min_items;
	if (!n || (n->kind != FK_TEXT && n->kind != FK_INTEGER) ||
	    (n->parent && n->parent->kind == FK_MAP))
		return 0;
	t = document_text(w->doc, p->ref);
	if (!t && document_number(w->doc, p->ref, &v) == 0) {
		snprintf(num, sizeof num, "%lld", v);
		t = num;
	}
	if (!t)
		return 0;
	st = validate_scalar(n, t, NULL, &m);
	free(m);
	return st == VS_INCOMPLETE;
}

/* Check the document once per change, as validate_document does, but only
 * the top-level members that changed since they were last checked (typing
 * changes one), and split the problems by section (by the top-level member
 * of each problem's path). */
static void problems_update(struct wiz *w)
{
	const struct fnode *root = w->def->root;
	struct problems rest = {0};
	size_t i, j, len;
	char name[256];

	if (w->probs_doc == w->doc && w->probs_gen == document_generation(w->doc))
		return;
	if (!w->member_probs) {
		w->member_probs = xcalloc(root->nchildren + 1, sizeof *w->member_probs);
		w->member_gen = xcalloc(root->nchildren + 1, sizeof *w->member_gen);
	}
	problems_clear(&w->probs);
	for (i = 0; i < root->nchildren; i++) {
		const struct fnode *top = root->children[i];
		struct problems *mp = &w->member_probs[i];
		/* another document (loaded, resumed) is checked whole; its address
		 * cannot be the last one's, which was alive when it was made */
		unsigned long g = document_member_generation(w->doc, top->name);

		/* a member that applies only with another's value is checked always */
		if (w->probs_doc != w->doc || w->member_gen[i] != g + 1 || top->when_field) {
			problems_clear(mp);
			validate_member(w->def, w->doc, top, mp);
			w->member_gen[i] = g + 1; /* 0: never checked */
		}
		for (j = 0; j < mp->n; j++)
			problems_add(&w->probs, mp->v[j].state, mp->v[j].path, mp->v[j].ref, "%s",
				     mp->v[j].message);
	}
	validate_rest(w->def, w->doc, &rest);
	for (j = 0; j < rest.n; j++)
		problems_add(&w->probs, rest.v[j].state, rest.v[j].path, rest.v[j].ref, "%s",
			     rest.v[j].message);
	problems_clear(&rest);
	w->probs_gen = document_generation(w->doc);
	w->probs_doc = w->doc;
	free(w->probs_st);
	free(w->probs_sec);
	w->probs_st = xcalloc(w->probs.n + 1, sizeof *w->probs_st);
	w->probs_sec = xcalloc(w->probs.n + 1, sizeof *w->probs_sec);
	memset(w->sec_worst, 0, w->def->nsections * sizeof *w->sec_worst);
	for (i = 0; i < w->probs.n; i++) {
		const struct problem *p = &w->probs.v[i];
		const struct fnode *top;

		w->probs_st[i] = p->state;
		w->probs_sec[i] = -1;
		if (p->state == VS_INVALID && still_typed(w, p))
			w->probs_st[i] = VS_INCOMPLETE;
		len = strcspn(p->ref, ".[");
		if (len >= sizeof name)
			continue;
		memcpy(name, p->ref, len);
		name[len] = 0;
		top = fnode_child(w->def->root, name);
		if (!top || top->section < 0 || (size_t)top->section >= w->def->nsections)
			continue;
		w->probs_sec[i] = top->section;
		if (w->probs_st[i] > w->sec_worst[top->section])
			w->sec_worst[top->section] = w->probs_st[i];
	}
}

/* ok when nothing is missing or wrong, !! with an error, .. while something
 * is missing or still being typed (never !! for that). The section on
 * screen also counts its fields as drawn: a value that is not stored (an
 * integer that does not parse) and a required field still empty. */
static enum sstate section_state(struct wiz *w, size_t i)
{
	enum vstate st;

	if (w->def->sections[i].review)
		return SS_NOT_VISITED;
	if (svc_active(w) && (size_t)w->svc_sec == i)
		return SS_ERRORS;
	if (!w->visited[i])
		return SS_NOT_VISITED;
	problems_update(w);
	st = w->sec_worst[i];
	if (i == w->sec && w->form_worst > st)
		st = w->form_worst;
	return st == VS_VALID ? SS_VALID : st == VS_INCOMPLETE ? SS_INCOMPLETE : SS_ERRORS;
}

/* ---- drafts -------------------------------------------------------------- */

char *ui_draft_path(void)
{
	const char *x = getenv("XDG_STATE_HOME"), *h = getenv("HOME");

	if (x && *x == '/')
		return xasprintf("%s/agentcore-wizard/draft.json", x);
	if (h && *h)
		return xasprintf("%s/.local/state/agentcore-wizard/draft.json", h);
	return NULL;
}

static int draft_save(struct wiz *w, char **cause)
{
	char *dir, *slash;
	int rc;

	if (!w->draft)
		return 0;
	dir = xstrdup(w->draft);
	slash = strrchr(dir, '/');
	if (slash)
		*slash = 0;
	rc = util_mkdir_p(dir, 0700, cause);
	free(dir);
	if (rc == 0)
		rc = formfile_save(w->draft, w->doc, w->def, cause);
	if (rc == 0) {
		w->draft_gen = document_generation(w->doc);
		w->draft_own = 1;
	}
	return rc;
}

static void draft_autosave(struct wiz *w)
{
	char *cause = NULL;

	if (!w->draft || document_generation(w->doc) == w->draft_gen)
		return;
	if (util_monotonic() - w->last_edit < AUTOSAVE_DELAY)
		return;
	if (draft_save(w, &cause) != 0) {
		status_set(w, 1, _("Draft not saved: %s"), cause);
		free(cause);
		w->draft_gen = document_generation(w->doc);
	}
}

/* ---- drawing ------------------------------------------------------------ */

static void draw_small(void)
{
	char *m = xasprintf(_("Terminal too small: %dx%d."), COLS, LINES);
	char *n = xasprintf(_("The wizard needs at least %dx%d; make the window larger."),
			    MIN_COLS, MIN_LINES);

	/* keys typed now would change fields no one can see: only quitting
	 * works until the window is large enough (handle_key) */
	char *qk = keys_action_names(ACT_QUIT);
	char *q = xasprintf(_("Until then keys are ignored; %s quits."), qk);

	erase();
	put(0, 0, COLS, m, A_BOLD);
	ui_wrap_text(n, COLS, 2, 1, LINES > 2 ? 2 : 1, 0, A_NORMAL);
	if (LINES > 5)
		ui_wrap_text(q, COLS, 2, 1, 5, 0, A_NORMAL);
	free(m);
	free(n);
	free(q);
	free(qk);
}

static void draw_sections(struct wiz *w)
{
	static const char *marks[] = {"  ", "ok", "..", "!!"};
	size_t i;
	int y = 1, a;

	for (i = 0; i < w->def->nsections && y < LINES - 3; i++, y++) {
		enum sstate st = section_state(w, i);
		char *t = xasprintf("%s %s", w->def->sections[i].review ? "  " : marks[st],
				    w->def->sections[i].title);
		a = st == SS_ERRORS ? attr_err(w) : st == SS_VALID ? attr_ok(w) : (int)A_NORMAL;
		if (i == w->sec) {
			a |= A_REVERSE;
			fill(y, 0, SIDE_W - 1, A_REVERSE);
		}
		put(y, 0, SIDE_W - 1, t, a);
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

static const char *mask(const char *s)
{
	return *s ? "********" : "";
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

	while (p && n && n != w->def->root && n->kind == FK_GROUP && !document_is_set(w->doc, p)) {
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

	for (k = 0; k < w->probs.n; k++) {
		len = strlen(w->probs.v[k].ref);
		if (w->probs.v[k].state != VS_VALID && !strncmp(w->probs.v[k].ref, path, len) &&
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
		    (!n->required && !document_is_set(w->doc, r->path)))
			return 0;
		need = n->min_items > 0 ? n->min_items : n->required;
		return document_count(w->doc, r->path) < (size_t)need;
	}
	if (!n->required)
		return 0;
	if (r->kind != RK_VALUE && r->kind != RK_BRANCH)
		return 0;
	if (text)
		return !*text;
	v = row_value(r, w->doc);
	missing = !*v;
	free(v);
	return missing;
}

/* The mark before a row: '!' invalid, '*' required and missing, '+'
 * required once its group is used, 0 for none; and the message shown under
 * it, or NULL: live errors of its value, and after a refused PageDown the
 * problems found at its path (on a list's title, not on its add row). */
static char *row_message(struct wiz *w, size_t i, int checked, enum vstate *st, char *mark)
{
	struct row *r = &w->rows.v[i];
	char *msg = NULL, *t = NULL;
	size_t k;

	if (i == w->cur && row_is_text(r))
		t = lineedit_text(&w->ed);
	*st = row_check(r, w->doc, t, &msg);
	*mark = 0;
	if (*st == VS_INVALID)
		*mark = '!';
	else if (required_missing(w, r, t))
		*mark = problem_over(w, r->path) || !unset_group(w, r) ? '*' : '+';
	for (k = 0; r->kind == RK_ENTRY && !w->zoom && k < w->probs.n; k++) {
		/* an entry shown as one row: the worst of the problems inside */
		size_t len = strlen(r->path);
		const char *ref = w->probs.v[k].ref;

		if (strncmp(ref, r->path, len) || (ref[len] && ref[len] != '.' && ref[len] != '['))
			continue;
		if (w->probs_st[k] == VS_INVALID)
			*mark = '!';
		else if (w->probs_st[k] == VS_INCOMPLETE && !*mark)
			*mark = '*';
	}
	free(t);
	if (*st == VS_INVALID)
		return msg;
	free(msg);
	for (k = 0; checked && r->kind != RK_ADD && k < w->probs.n; k++) {
		if (!strcmp(w->probs.v[k].ref, r->path) && w->probs.v[k].state) {
			if (w->probs_st[k] == VS_INVALID) {
				*st = VS_INVALID;
				*mark = '!';
			}
			return xstrdup(w->probs.v[k].message);
		}
	}
	if (svc_active(w) && !strcmp(r->path, w->svc_path)) {
		*st = VS_INVALID;
		return xstrdup(w->svc_msg);
	}
	return NULL;
}

/* What a choice's value is called on screen. */
static const char *choice_label(const struct row *r, const char *v)
{
	return row_choice_label(r, v);
}

/* The label column of the rows: as wide as their longest label (with its
 * indent), at most 40% of the screen; a longer label is cut with an ellipsis. */
static int label_columns(const struct wiz *w)
{
	int cols = 0, c, most = COLS * 2 / 5;
	size_t i;

	for (i = 0; i < w->rows.n; i++) {
		const struct row *r = &w->rows.v[i];

		if (r->kind != RK_VALUE && r->kind != RK_BRANCH && r->kind != RK_MAPKEY &&
		    r->kind != RK_MAPVAL)
			continue;
		c = r->depth * 2 + text_columns(r->label);
		if (c > cols)
			cols = c;
	}
	return cols < most ? cols : most;
}

/* The text of a folded row, naming the key that unfolds it. */
static char *folded_text(const struct row *r)
{
	return xasprintf(P_("%zu advanced setting hidden: %s shows it",
			    "%zu advanced settings hidden: %s shows them", r->index),
			 r->index, keys_action_name(ACT_ADVANCED));
}

/* Draw the fields from line `top` down to `bottom`; *cy, *cx get the
 * cursor's place in a text field. */
static void draw_form(struct wiz *w, int *cy, int *cx)
{
	int px = SIDE_W + 2, pw = COLS - px, top = 2, bottom = LINES - 4 - w->foot, naws = 0;
	int ph, y, h, need, vx, vw, lx, lw;
	char **msgs, *marks;
	enum vstate *sts;
	size_t i;

	problems_update(w);
	/* the section's help on one or two lines above the fields */
	if (!w->zoom && w->def->sections[w->sec].help &&
	    ui_wrap_text(w->def->sections[w->sec].help, pw - 1, 2, 1, 1, px, A_DIM) == 2)
		top = 3;
	/* the first screen also shows the AWS settings in use, at the bottom */
	for (i = 0; w->sec == 0 && w->aws && w->aws[i]; i++)
		naws += ui_wrap_text(w->aws[i], pw - 3, AWS_ITEM_LINES, 0, 0, 0, 0);
	if (naws && bottom - top > naws + 6) {
		y = bottom - naws;
		char *head = xasprintf(_("AWS settings in use (%s changes them):"),
				       keys_action_name(ACT_SETTINGS));

		put(y++, px, pw, head, attr_head(w));
		free(head);
		for (i = 0; w->aws[i]; i++)
			y += ui_wrap_text(w->aws[i], pw - 3, AWS_ITEM_LINES, 1, y, px + 2,
					  A_NORMAL);
		bottom -= naws + 2;
	}
	ph = bottom - top + 1;
	msgs = xcalloc(w->rows.n + 1, sizeof *msgs);
	sts = xcalloc(w->rows.n + 1, sizeof *sts);
	marks = xcalloc(w->rows.n + 1, 1);
	w->form_worst = VS_VALID;
	for (i = 0; i < w->rows.n; i++) {
		msgs[i] = row_message(w, i, w->checked[w->sec], &sts[i], &marks[i]);
		if (marks[i] == '!')
			w->form_worst = VS_INVALID;
		else if ((marks[i] || sts[i] == VS_INCOMPLETE) && w->form_worst == VS_VALID)
			w->form_worst = VS_INCOMPLETE;
	}
	/* scroll so the cursor row and its message are visible */
	if (w->cur < w->top)
		w->top = w->cur;
	for (;;) {
		need = 0;
		for (i = w->top; i <= w->cur && i < w->rows.n; i++)
			need +=
			    1 + msg_lines(msgs[i], COLS - 2 - SIDE_W - 6 - w->rows.v[i].depth * 2);
		if (need <= ph || w->top >= w->cur)
			break;
		w->top++;
	}
	if (w->top > 0 && w->cur == first_editable(w, 0, 1) + 0u)
		w->top = 0;
	if (w->zoom) {
		char *z = xasprintf(_("%s (Esc or %s returns to the list)"), w->zoom_title,
				    keys_action_name(ACT_PREV_SECTION));
		put_cut(1, px, pw - 1, z, A_BOLD);
		free(z);
	}
	y = top;
	vx = px + 2 + label_columns(w) + 1;
	vw = COLS - vx - 1;
	for (i = w->top; i < w->rows.n && y <= bottom; i++) {
		struct row *r = &w->rows.v[i];
		int focus = i == w->cur;
		char *v, mark[2] = {marks[i], 0};
		const char *shown;

		lx = px + 2 + r->depth * 2;
		h = 1 + msg_lines(msgs[i], COLS - lx - 4);
		lw = vx - lx - 1;
		if (mark[0])
			put(y, px, 1, mark, mark[0] == '!' ? attr_err(w) : (int)A_BOLD);
		switch (r->kind) {
		case RK_HEADER:
			put_cut(y, lx, COLS - lx - 1, r->label, attr_head(w));
			break;
		case RK_FOLDED:
			v = folded_text(r);
			put_cut(y, lx, COLS - lx - 1, v, A_DIM | (focus ? A_REVERSE : 0));
			free(v);
			break;
		case RK_ENTRY:
			put_cut(y, lx, COLS - lx - 1, r->label, A_BOLD | (focus ? A_REVERSE : 0));
			break;
		case RK_ADD:
			put_cut(y, lx, COLS - lx - 1, r->label, focus ? A_REVERSE : A_NORMAL);
			break;
		default:
			put_cut(y, lx, lw, r->label, focus ? A_BOLD : A_NORMAL);
			if (focus && row_is_text(r)) {
				int cw = lineedit_fit(&w->ed, vw), lead = 0, tw = vw;
				size_t k;
				int used = 0;

				fill(y, vx, vw, A_REVERSE);
				if (w->ed.scroll > 0) {
					/* scrolled sideways: an ellipsis says that
					 * the text starts further left */
					lead = put(y, vx, vw, MB_CUR_MAX > 1 ? "\u2026" : "...",
						   A_REVERSE);
					tw = vw - lead;
					cw = lineedit_fit(&w->ed, tw);
				}
				attron(A_REVERSE);
				move(y, vx + lead);
				for (k = w->ed.scroll; k < w->ed.len; k++) {
					int ww = lineedit_wcwidth(w->ed.buf[k]);
					wchar_t c = w->ed.buf[k];
					if (used + ww > tw)
						break;
					if (c < 32 || (c >= 0x80 && c < 0xa0))
						c = L'?';
					addnwstr(&c, 1);
					used += ww;
				}
				attroff(A_REVERSE);
				*cy = y;
				*cx = vx + lead + cw;
				break;
			}
			v = row_value(r, w->doc);
			shown = v;
			if (r->kind == RK_MAPVAL && r->owner && r->owner->sensitive)
				shown = mask(v);
			if (r->kind == RK_BRANCH || r->node->kind == FK_CHOICE ||
			    r->node->kind == FK_BOOLEAN) {
				/* the brackets always show, around a cut value if need be */
				int a = focus ? A_REVERSE : A_NORMAL, x = vx;

				x += put(y, x, vw, "< ", a);
				x += put_cut(y, x, vw - 4, choice_label(r, v), a);
				put(y, x, 2, " >", a);
			} else {
				put_cut(y, vx, vw, shown, focus ? A_REVERSE : A_UNDERLINE);
			}
			free(v);
		}
		if (msgs[i])
			put_wrapped(y + 1, lx + 2, COLS - lx - 4, bottom - y, msgs[i],
				    attr_err(w));
		y += h;
	}
	if (w->rows.n == 0)
		put(top, px, pw, _("This section has no fields."), A_NORMAL);
	for (i = 0; i < w->rows.n; i++)
		free(msgs[i]);
	free(msgs);
	free(sts);
	free(marks);
}

static void review_free(struct wiz *w)
{
	size_t i;

	for (i = 0; i < w->nlines; i++)
		free(w->lines[i].text);
	free(w->lines);
	w->lines = NULL;
	w->nlines = 0;
}

static int text_columns(const char *s);

static void review_push(struct wiz *w, int sec, int bold, int nowrap, char *text)
{
	w->lines = xrealloc(w->lines, (w->nlines + 1) * sizeof *w->lines);
	w->lines[w->nlines].text = text;
	w->lines[w->nlines].sec = sec;
	w->lines[w->nlines].bold = bold;
	w->lines[w->nlines].nowrap = nowrap;
	w->nlines++;
}

static void review_add(struct wiz *w, int sec, int bold, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void review_add(struct wiz *w, int sec, int bold, const char *fmt, ...)
{
	va_list ap;
	char *text, **wl;
	size_t n, i;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	/* wrapped to the pane, so that every value shows whole */
	wl = ui_wrap_lines(&text, 1, COLS - (SIDE_W + 2) - 1, &n);
	free(text);
	for (i = 0; i < n; i++)
		review_push(w, sec, bold, 0, wl[i]);
	free(wl);
}

/* Section s's values, each under the headings of the groups, lists and
 * entries it is in ("Custom claim 1:"); a heading shows only above a value,
 * and a section with none says so. */
static void review_section(struct wiz *w, size_t s)
{
	struct rows rs = {0};
	const struct row *pend[32]; /* the headings above the next value */
	size_t i, npend = 0, nshown = 0, values = 0;
	int lift = 0; /* 1 under a top heading left out (it is the section's title) */

	review_add(w, (int)s, 1, "%s", w->def->sections[s].title);
	rows_build(w->def, w->doc, s, ROWS_ADVANCED, &rs);
	for (i = 0; i < rs.n; i++) {
		struct row *r = &rs.v[i];
		char *v;

		/* a heading or value at depth d ends the headings at d or deeper */
		while (npend && pend[npend - 1]->depth >= r->depth)
			npend--;
		if (nshown > npend)
			nshown = npend;
		if (r->depth == 0)
			lift = 0;
		if (r->kind == RK_HEADER || r->kind == RK_ENTRY) {
			/* a group that is the whole section needs no second title */
			if (r->depth == 0 && !strcmp(r->label, w->def->sections[s].title))
				lift = 1;
			else if (npend < sizeof pend / sizeof *pend)
				pend[npend++] = r;
			continue;
		}
		if (!row_editable(r) || r->kind == RK_ADD)
			continue;
		if (r->kind != RK_MAPKEY && !document_is_set(w->doc, r->path))
			continue;
		for (; nshown < npend; nshown++)
			review_add(w, (int)s, 0, "  %*s%s:", (pend[nshown]->depth - lift) * 2, "",
				   pend[nshown]->label);
		v = row_value(r, w->doc);
		if (r->kind == RK_BRANCH && fnode_child(r->node, v) &&
		    fnode_child(r->node, v)->label) {
			char *b = xstrdup(fnode_child(r->node, v)->label);
			free(v);
			v = b;
		}
		review_add(w, (int)s, 0, "  %*s%s: %s", (r->depth - lift) * 2, "", r->label,
			   r->kind == RK_MAPVAL && r->owner->sensitive ? mask(v) : v);
		free(v);
		values++;
	}
	if (!values)
		review_add(w, (int)s, 0, "  %s", _("(nothing set)"));
	rows_release(&rs);
}

/* Why F10 cannot submit with the AWS settings in use, with the command
 * line ways to set them and the key that changes them here; NULL when it
 * can. Caller frees. */
static char *settings_refusal(const struct wiz *w)
{
	if (!w->aws_missing)
		return NULL;
	return xasprintf(_("%s; or %s sets the Region and profile for this session."),
			 w->aws_missing, keys_action_name(ACT_SETTINGS));
}

/* Resolve the AWS settings again (at the start, after F9): the lines the
 * first screen and the review show, and what keeps them from submitting. */
static void settings_refresh(struct wiz *w)
{
	submit_lines_free(w->aws);
	free(w->aws_missing);
	w->aws = submit_settings_lines(&w->aws_missing);
}

/* The review: what was created, problems, every value by section, the JSON
 * body and the CLI command (those two unwrapped: their text is exact). */
static void review_build(struct wiz *w)
{
	struct problems p = {0};
	size_t s, k;
	char *json, *line;

	if (w->lines && w->review_gen == document_generation(w->doc) && w->review_cols == COLS &&
	    !strcmp(w->review_file ? w->review_file : "", w->file ? w->file : ""))
		return; /* scrolling a maximal form's review stays cheap */
	review_free(w);
	w->review_gen = document_generation(w->doc);
	w->review_cols = COLS;
	free(w->review_file);
	w->review_file = w->file ? xstrdup(w->file) : NULL;
	validate_document(w->def, w->doc, &p);
	if (w->made_id) {
		review_add(w, -1, 1, _("Runtime %s was created from this form (%s)."), w->made_id,
			   w->made_status ? w->made_status : "?");
		if (w->made_arn)
			review_push(w, -1, 0, 1, xasprintf("  %s", w->made_arn));
		review_add(w, -1, 0,
			   _("%s again would create a second runtime (it asks first); %s saves "
			     "the form."),
			   keys_action_name(ACT_REVIEW), keys_action_name(ACT_SAVE));
	}
	if (p.n)
		review_add(w, -1, 1, "%s",
			   _("The form has problems (Enter on a line goes there):"));
	else if (svc_active(w))
		review_add(w, -1, 1,
			   _("The service refused a value (Enter on the line goes there); %s "
			     "submits again."),
			   keys_action_name(ACT_REVIEW));
	else if (w->aws_missing) {
		/* said before F10 asks anything, not after */
		char *m = settings_refusal(w);

		review_add(w, -1, 1,
			   _("The form is complete, but these AWS settings cannot submit it "
			     "(%s saves it):"),
			   keys_action_name(ACT_SAVE));
		review_add(w, -1, 0, "  ! %s", m);
		free(m);
	} else if (!w->made_id)
		review_add(w, -1, 1, _("The form is complete. %s submits it; %s saves it."),
			   keys_action_name(ACT_REVIEW), keys_action_name(ACT_SAVE));
	if (svc_active(w)) {
		const struct fnode *n = formdef_lookup(w->def, w->svc_path);

		review_add(w, w->svc_sec, 0, "  ! %s: %s", n && n->label ? n->label : w->svc_path,
			   w->svc_msg);
	}
	for (k = 0; k < p.n; k++)
		if (p.v[k].state != VS_VALID) {
			const struct fnode *n =
			    formdef_lookup(w->def, p.v[k].ref ? p.v[k].ref : p.v[k].path);
			/* which field, unless the message names it */
			if (n && n->label && p.v[k].path &&
			    strncmp(p.v[k].message, p.v[k].path, strlen(p.v[k].path)))
				review_add(w, n->section, 0, "  ! %s: %s", n->label,
					   p.v[k].message);
			else
				review_add(w, n ? n->section : -1, 0, "  ! %s", p.v[k].message);
		}
	if (w->aws_missing)
		review_add(w, -1, 1, "%s", _("AWS settings in use:"));
	else
		review_add(w, -1, 1, _("AWS settings (%s submits with these):"),
			   keys_action_name(ACT_REVIEW));
	for (k = 0; w->aws && w->aws[k]; k++)
		review_add(w, -1, 0, "  %s", w->aws[k]);
	for (s = 0; s < w->def->nsections; s++)
		if (!w->def->sections[s].review)
			review_section(w, s);
	review_add(w, -1, 1, "%s",
		   _("Request body (a clientToken is added when it is sent; secrets masked):"));
	json = rows_display_json(w->def, w->doc);
	for (line = strtok(json, "\n"); line; line = strtok(NULL, "\n")) {
		/* the saved format indents with tabs: two columns each on screen */
		struct strbuf b = {0};
		char *t;
		for (t = line; *t; t++)
			if (*t == '\t')
				strbuf_adds(&b, t == line || t[-1] == '\t' ? "  " : " ");
			else
				strbuf_addc(&b, *t);
		review_push(w, -1, 0, 1, strbuf_finish(&b));
	}
	free(json);
	review_add(w, -1, 1, _("The same with the AWS CLI (after %s saves the file):"),
		   keys_action_name(ACT_SAVE));
	review_push(w, -1, 0, 1, submit_cli_command(w->file ? w->file : "runtime.json"));
	problems_clear(&p);
}

/* The widest unwrapped line's columns past the pane: how far Right scrolls. */
static int review_max_shift(const struct wiz *w)
{
	int most = 0, c, pw = COLS - (SIDE_W + 2) - 1;
	size_t i;

	for (i = 0; i < w->nlines; i++)
		if (w->lines[i].nowrap && (c = text_columns(w->lines[i].text) - pw) > most)
			most = c;
	return most;
}

static void draw_review(struct wiz *w)
{
	int px = SIDE_W + 2, pw = COLS - px, top = 2, bottom = LINES - 4;
	int ph = bottom - top + 1, y;
	size_t i;

	review_build(w);
	if (w->lcur >= w->nlines)
		w->lcur = w->nlines ? w->nlines - 1 : 0;
	if (w->lcur < w->ltop)
		w->ltop = w->lcur;
	if (w->lcur >= w->ltop + (size_t)ph)
		w->ltop = w->lcur - ph + 1;
	put(1, px, pw, _("Every value, then the exact request body."), A_DIM);
	for (i = w->ltop, y = top; i < w->nlines && y <= bottom; i++, y++) {
		const struct line *l = &w->lines[i];
		int a = l->bold ? attr_head(w) : (int)A_NORMAL;
		if (l->text[0] == ' ' && l->text[1] == ' ' && l->text[2] == '!')
			a = attr_err(w);
		if (i == w->lcur) {
			a |= A_REVERSE;
			fill(y, px, pw - 1, A_REVERSE);
		}
		if (!l->nowrap) {
			put(y, px, pw - 1, l->text, a);
			continue;
		}
		/* never wrapped or changed; marks outside the text say there is more */
		put_skip(y, px, pw - 1, l->text, w->lshift, a);
		if (w->lshift > 0 && *l->text)
			put(y, px - 1, 1, "<", A_BOLD);
		if (text_columns(l->text) - w->lshift > pw - 1)
			put(y, COLS - 1, 1, ">", A_BOLD);
	}
}

/* The hint for the field under the cursor on the line above the key bar;
 * when it is longer and the status line above it is free, over both lines,
 * otherwise cut with an ellipsis (F1 shows it whole). */
static void draw_hint(struct wiz *w, int status_free)
{
	struct row *r = cur_row(w);
	const struct fnode *n;
	char *h;

	if (w->sec == w->review_sec) {
		h = xasprintf(_("Up/Down scroll, Space pages, Left/Right scroll the body "
				"sideways, Enter jumps to the section, %s submits, %s saves, "
				"%s goes back."),
			      keys_action_name(ACT_REVIEW), keys_action_name(ACT_SAVE),
			      keys_action_name(ACT_PREV_SECTION));
	} else if (!r) {
		return;
	} else if (r->kind == RK_ENTRY && !w->zoom) {
		h = xasprintf(_("Enter opens this entry; %s deletes it; %s/%s move it."),
			      keys_action_name(ACT_DELETE), keys_action_name(ACT_MOVE_UP),
			      keys_action_name(ACT_MOVE_DOWN));
	} else {
		n = r->kind == RK_ADD || r->kind == RK_ENTRY ? r->owner : r->node;
		if (r->kind == RK_ADD && r->owner->item)
			n = r->owner->kind == FK_MAP ? r->owner : r->owner->item;
		if (!n || !n->help)
			return;
		/* a field with a network check says so before the example */
		h = n->probe ? xasprintf(_("%s %s fetches it to check."), n->help,
					 keys_action_name(ACT_PROBE))
			     : xstrdup(n->help);
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

			if (document_count(w->doc, r->owner_path) > 1)
				t = xasprintf(map ? _("%s deletes this entry, %s/%s move it. %s")
						  : _("%s deletes this item, %s/%s move it. %s"),
					      keys_action_name(ACT_DELETE),
					      keys_action_name(ACT_MOVE_UP),
					      keys_action_name(ACT_MOVE_DOWN), h);
			else
				t = xasprintf(map ? _("%s deletes this entry. %s")
						  : _("%s deletes this item. %s"),
					      keys_action_name(ACT_DELETE), h);
			free(h);
			h = t;
		}
	}
	if (status_free && ui_wrap_text(h, COLS, 2, 0, 0, 0, 0) == 2)
		ui_wrap_text(h, COLS, 2, 1, LINES - 3, 0, A_DIM);
	else
		ui_wrap_text(h, COLS, 1, 1, LINES - 2, 0, A_DIM);
	free(h);
}

/* Screen columns of UTF-8 text. */
static int text_columns(const char *s)
{
	return lineedit_columns(s, INT_MAX - 64);
}

/* The key bar, from the key table: for each action on it the first key
 * that works on this terminal, with the label for the screen shown (on an
 * entry's screen PageDown goes back to the list, on the review F10
 * submits). When the labels (translated) do not fit, the least needed ones
 * are left out whole, never cut: help, review and quit always stay. */
static void draw_keybar(struct wiz *w)
{
	enum { N = 16 };
	enum key_screen ks = w->sec == w->review_sec ? KS_REVIEW : w->zoom ? KS_ENTRY : KS_FORM;
	const char *key[N], *label[N];
	int drop[N], shown[N], width = 0, level, x = 0, pos;
	size_t nt, i, j, n = 0;
	const struct keybinding *t = keys_table(&nt);

	for (pos = 1; pos <= KEYBAR_POSITIONS && n < N; pos++)
		for (i = 0; i < nt && n < N; i++) {
			if (t[i].bar_pos != pos || !t[i].bar[ks])
				continue;
			for (j = 0; t[i].keys[j] && !keys_available(t[i].keys[j]); j++)
				;
			if (!t[i].keys[j])
				continue;
			key[n] = xstrdup(keys_name(t[i].keys[j], 1));
			label[n] = _(t[i].bar[ks]);
			drop[n] = t[i].drop;
			shown[n] = 1;
			width += text_columns(key[n]) + text_columns(label[n]) + 2;
			n++;
		}
	for (level = 9; level > 0 && width > COLS; level--)
		for (i = 0; i < n; i++)
			if (shown[i] && drop[i] == level) {
				shown[i] = 0;
				width -= text_columns(key[i]) + text_columns(label[i]) + 2;
			}
	fill(LINES - 1, 0, COLS, A_REVERSE);
	for (i = 0; i < n; i++) {
		if (shown[i] && x < COLS) {
			x += put(LINES - 1, x, COLS - x, key[i], A_REVERSE | A_BOLD);
			x += put(LINES - 1, x, COLS - x, " ", A_REVERSE);
			x += put(LINES - 1, x, COLS - x, label[i], A_REVERSE);
			x += put(LINES - 1, x, COLS - x, " ", A_REVERSE);
		}
		free((char *)key[i]);
	}
}

/* What the status line says: the last message, or else what the field
 * under the cursor still needs, after its label (the line is apart from
 * the field). *attr gets its look. Caller frees; NULL for nothing. */
static char *status_text(struct wiz *w, int *attr)
{
	struct row *r = cur_row(w);
	const struct fnode *g;
	char *msg = NULL, *t, *s = NULL;

	if (w->status) {
		*attr = w->status_err ? attr_err(w) : (int)A_BOLD;
		return *w->status ? xstrdup(w->status) : NULL;
	}
	*attr = A_NORMAL;
	if (w->sec == w->review_sec || !r)
		return NULL;
	t = cur_in_text(w) ? lineedit_text(&w->ed) : NULL;
	if (row_check(r, w->doc, t, &msg) == VS_INCOMPLETE && msg) {
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

static void draw(struct wiz *w)
{
	int cy = -1, cx = -1, sattr, sn, k;
	char *title, *st;
	size_t n = 0, i;

	if (COLS < MIN_COLS || LINES < MIN_LINES) {
		curs_set(0);
		draw_small();
		refresh();
		return;
	}
	erase();
	for (i = 0; i <= w->sec; i++)
		if (!w->def->sections[i].review)
			n++;
	/* the sections are counted; the review is not one more of them (it
	 * showed as "12/12 Review" after "12/12 Tags") */
	if (w->sec == w->review_sec)
		title = xasprintf(_("agentcore-wizard  %s%s%s%s"), w->def->sections[w->sec].title,
				  w->file ? "  " : "", w->file ? w->file : "",
				  is_dirty(w) ? _("  (changed)") : "");
	else
		title =
		    xasprintf(_("agentcore-wizard  %zu/%zu %s%s%s%s"), n, w->def->nsections - 1,
			      w->def->sections[w->sec].title, w->file ? "  " : "",
			      w->file ? w->file : "", is_dirty(w) ? _("  (changed)") : "");
	fill(0, 0, COLS, A_REVERSE);
	put(0, 1, COLS - 2, title, A_REVERSE | A_BOLD);
	free(title);
	/* the status is shown whole: a long one (a warning, a save error, a
	 * problem with its reason) takes the hint's line too, and lines above
	 * it, which the form then leaves free */
	st = status_text(w, &sattr);
	sn = st ? ui_wrap_text(st, COLS, STATUS_MAX, 0, 0, 0, 0) : 0;
	w->foot = sn > 2 ? sn - 2 : 0;
	if (w->sec == w->review_sec)
		draw_review(w);
	else
		draw_form(w, &cy, &cx);
	draw_sections(w); /* after the form: its marks count the fields as drawn */
	for (k = LINES - 1 - (sn < 2 ? 2 : sn); sn && k < LINES - 1; k++)
		fill(k, 0, COLS, A_NORMAL);
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

/* ---- modal prompts ------------------------------------------------------ */

/* Read a key. An escape sequence curses does not know (F12 on a vt100
 * entry, say) is swallowed whole rather than typed into a field. Esc and a
 * digit is KEYESC(digit) (F1..F10, as in mc): at once when the digit comes
 * with the Esc (Alt-digit on many terminals), and on a terminal that lacks
 * some of F1..F10 also when it is typed within a second after a lone Esc;
 * there Esc Esc is an Esc at once. */
static int read_key(int *key)
{
	wint_t wc;
	int r = get_wch(&wc), n, waited = 0;

	if (r == ERR) {
		if (keys_terminal_gone())
			sig_leave = 1; /* as after SIGHUP: save a draft and leave */
		return 0;
	}
	*key = r == KEY_CODE_YES ? KEYFN(wc) : (int)wc;
	if (*key != 27)
		return 1;
	timeout(0);
	r = get_wch(&wc);
	if (r == ERR && keys_esc_waits()) {
		timeout(1000);
		r = get_wch(&wc);
		if (r == OK && wc == 27) {
			timeout(250);
			return 1;
		}
		waited = 1; /* what follows now was typed: not a sequence */
	}
	if (r == OK && wc >= '0' && wc <= '9') {
		timeout(250);
		*key = KEYESC(wc);
		return 1;
	}
	if (r == OK && !waited && (wc == '[' || wc == 'O')) {
		char seq[20];

		seq[0] = (char)wc;
		for (n = 1; n < 18 && (r = get_wch(&wc)) != ERR; n++) {
			seq[n] = r == OK && wc < 0x80 ? (char)wc : '?';
			if (r == OK && wc >= 0x40 && wc <= 0x7e) {
				n++;
				break;
			}
		}
		seq[n] = 0;
		timeout(250);
		/* Home and End as terminals send them when the terminfo entry
		 * in use names other sequences (tmux or screen under xterm) */
		if (!strcmp(seq, "[1~") || !strcmp(seq, "[7~") || !strcmp(seq, "[H") ||
		    !strcmp(seq, "OH")) {
			*key = KEYFN(KEY_HOME);
			return 1;
		}
		if (!strcmp(seq, "[4~") || !strcmp(seq, "[8~") || !strcmp(seq, "[F") ||
		    !strcmp(seq, "OF")) {
			*key = KEYFN(KEY_END);
			return 1;
		}
		return 0;
	}
	/* Esc typed just before another key: keep both */
	if (r == KEY_CODE_YES)
		ungetch((int)wc);
	else if (r == OK)
		unget_wch((wchar_t)wc);
	timeout(250);
	return 1;
}

static void draw_frame(int y, int x, int h, int width);

#define ASK_ESC   1 /* Esc, Ctrl-C and F12 answer (0) */
#define ASK_FLUSH 2 /* keys typed before the question showed are dropped */

/* The question box of ask_box, centred on the screen. */
static void draw_question(const char *title, const char *text, const char *answers,
			  const char *note, int attr_note)
{
	int iw = COLS - 10 < 70 ? COLS - 10 : 70, tl, kl, bh, bw, bx, by, y;

	tl = ui_wrap_text(text, iw, LINES - 12, 0, 0, 0, 0);
	kl = ui_wrap_text(answers, iw, 3, 0, 0, 0, 0);
	bh = tl + kl + 5;
	bw = iw + 4;
	bx = (COLS - bw) / 2;
	by = (LINES - bh) / 2;
	for (y = by; y < by + bh; y++)
		fill(y, bx, bw, A_NORMAL);
	draw_frame(by, bx, bh, bw);
	if (title) {
		char *t = xasprintf(" %s ", title);

		put(by, bx + 2, bw - 4, t, A_BOLD);
		free(t);
	}
	ui_wrap_text(text, iw, tl, 1, by + 2, bx + 2, A_NORMAL);
	ui_wrap_text(answers, iw, kl, 1, by + 3 + tl, bx + 2, A_BOLD);
	if (note)
		ui_wrap_text(note, iw, 1, 1, by + 3 + tl + kl, bx + 2, attr_note);
}

/* A question in a box over the screen (title may be NULL; text and answers
 * are wrapped, a newline breaks a line; answers says which keys answer).
 * Only y and n answer, and Esc, Ctrl-C or F12 with ASK_ESC; any other key
 * beeps and says so in the box, and an answer pressed within ANSWER_SETTLE
 * seconds after another printable key is not taken either: someone typing
 * into the field they believe has the cursor must not answer by chance. With
 * ASK_FLUSH (a question no key of the user's asked for) keys typed before
 * the box shows are dropped. Returns 'y', 'n', or 0 for Esc. */
static int ask_box(struct wiz *w, const char *title, const char *text, const char *answers,
		   int flags)
{
	double last_ignored = -ANSWER_SETTLE;
	int key, answer, ignored = 0;

	if (flags & ASK_FLUSH)
		flushinp();
	for (;;) {
		draw(w);
		if (COLS >= MIN_COLS && LINES >= MIN_LINES) {
			curs_set(0);
			draw_question(title, text, answers,
				      ignored ? _("That key does not answer this question.")
					      : NULL,
				      attr_err(w));
			refresh();
		}
		if (sig_leave)
			return 0;
		if (!read_key(&key) || key == KEYFN(KEY_RESIZE))
			continue;
		if (key == 'y' || key == 'Y')
			answer = 'y';
		else if (key == 'n' || key == 'N')
			answer = 'n';
		else if ((flags & ASK_ESC) && (key == 27 || key == 3 || key == KEYFN(KEY_F(12))))
			answer = 0;
		else
			answer = -1;
		if (answer >= 0 && util_monotonic() - last_ignored >= ANSWER_SETTLE)
			return answer;
		beep();
		ignored = 1;
		/* the pause counts from the last text typed that is no answer:
		 * a function key pressed twice is no typing */
		if (answer < 0 && key >= ' ' && key < KEYFN(0))
			last_ignored = util_monotonic();
	}
}

/* A yes/no question; returns 'y', 'n' or 0 for Esc. */
static int ask(struct wiz *w, const char *question)
{
	return ask_box(w, NULL, question, _("y: yes    n: no    Esc: cancel"), ASK_ESC);
}

enum { PROMPT_ESC = -1, PROMPT_KEPT = 0, PROMPT_TEXT = 1 };

/* Read a line on the status line; hint (may be NULL) says on the line above
 * what an answer does. The initial text shows selected: the first printable
 * key replaces it, Backspace or Delete clears it, Left/Right/Home/End start
 * editing it (the line below says so). Returns PROMPT_ESC, PROMPT_KEPT (Enter
 * before any other key; *out untouched), or PROMPT_TEXT with *out (caller
 * frees; may be empty, may equal the initial text when typed again). */
static int prompt_line(struct wiz *w, const char *question, const char *initial, const char *hint,
		       char **out)
{
	struct lineedit e = {0};
	int key, x, qw, done = 0, selected, edited = 0;
	size_t k;

	lineedit_load(&e, initial ? initial : "");
	selected = e.len > 0;
	while (!done) {
		status_set(w, 0, "%s", ""); /* the prompt's line: no field message */
		draw(w);
		if (COLS >= MIN_COLS && LINES >= MIN_LINES) {
			int used = 0, a = A_REVERSE | (selected ? A_BOLD | A_UNDERLINE : 0);

			fill(LINES - 4, 0, COLS, A_NORMAL);
			fill(LINES - 3, 0, COLS, A_NORMAL);
			fill(LINES - 2, 0, COLS, A_NORMAL);
			if (hint)
				ui_wrap_text(hint, COLS, 1, 1, LINES - 4, 0, A_BOLD);
			ui_wrap_text(selected ? _("Typing replaces it; arrows, Home, End edit "
						  "it; Enter keeps it; Esc cancels.")
					      : _("Enter takes the line; Ctrl-U clears it; Esc "
						  "cancels."),
				     COLS, 1, 1, LINES - 2, 0, A_DIM);
			qw = put(LINES - 3, 0, COLS / 2, question, A_BOLD) + 1;
			x = lineedit_fit(&e, COLS - qw - 1);
			move(LINES - 3, qw);
			attron(a);
			for (k = e.scroll; k < e.len && used < COLS - qw - 1; k++) {
				addnwstr(&e.buf[k], 1);
				used += lineedit_wcwidth(e.buf[k]);
			}
			attroff(a);
			curs_set(1);
			move(LINES - 3, qw + x);
			refresh();
		}
		if (sig_leave) {
			done = -1;
			break;
		}
		if (!read_key(&key))
			continue;
		switch (key) {
		case 27:
		case 3:
			done = -1;
			break;
		case '\r':
		case '\n':
		case KEYFN(KEY_ENTER):
			done = 1;
			break;
		case KEYFN(KEY_BACKSPACE):
		case 127:
		case 8:
			if (selected)
				lineedit_clear(&e);
			else
				lineedit_backspace(&e);
			break;
		case KEYFN(KEY_DC):
			if (selected)
				lineedit_clear(&e);
			else
				lineedit_delete(&e);
			break;
		case KEYFN(KEY_LEFT):
			lineedit_left(&e);
			break;
		case KEYFN(KEY_RIGHT):
			lineedit_right(&e);
			break;
		case KEYFN(KEY_HOME):
		case 1:
			lineedit_home(&e);
			break;
		case KEYFN(KEY_END):
		case 5:
			lineedit_end(&e);
			break;
		case 21:
			lineedit_clear(&e);
			break;
		default:
			if (key >= 32 && key < 0x110000 && key != 127) {
				if (selected)
					lineedit_clear(&e);
				lineedit_insert(&e, (wchar_t)key);
			} else {
				continue; /* the selection stays */
			}
		}
		if (done == 0)
			edited = 1;
		selected = 0;
	}
	if (done == 1 && !edited)
		done = 0;
	else if (done == 1)
		*out = lineedit_text(&e);
	lineedit_release(&e);
	return done == 1 ? PROMPT_TEXT : done == 0 ? PROMPT_KEPT : PROMPT_ESC;
}

/* Read a line (a file name); 1 with *out (caller frees), 0 when cancelled
 * or empty. */
static int prompt(struct wiz *w, const char *question, const char *initial, char **out)
{
	int r = prompt_line(w, question, initial, NULL, out);

	if (r == PROMPT_ESC)
		return 0;
	if (r == PROMPT_KEPT)
		*out = xstrdup(initial ? initial : "");
	if (!**out) {
		free(*out);
		return 0;
	}
	return 1;
}

/* Show lines full-screen until a key is pressed; Up/Down scroll. */
static void show_lines(struct wiz *w, const char *title, char **lines, size_t n)
{
	size_t top = 0, i, nw = 0;
	int key, y;
	char **wl = NULL;

	(void)w;
	for (;;) {
		ui_lines_free(wl, nw);
		wl = ui_wrap_lines(lines, n, COLS - 2, &nw); /* again after a resize */
		if (top >= nw)
			top = nw ? nw - 1 : 0;
		erase();
		curs_set(0);
		fill(0, 0, COLS, A_REVERSE);
		put(0, 1, COLS - 2, title, A_REVERSE | A_BOLD);
		for (i = top, y = 2; i < nw && y < LINES - 2; i++, y++)
			put(y, 1, COLS - 2, wl[i], A_NORMAL);
		put(LINES - 1, 0, COLS, _("Up/Down scroll; any other key returns."), A_REVERSE);
		refresh();
		if (sig_leave)
			break;
		if (!read_key(&key))
			continue;
		if (key == KEYFN(KEY_RESIZE))
			continue;
		if (key == KEYFN(KEY_DOWN) && top + 1 < nw)
			top++;
		else if (key == KEYFN(KEY_UP) && top)
			top--;
		else
			break;
	}
	ui_lines_free(wl, nw);
}

/* F1: the field's help, what the marks mean, and every key with what it
 * does (only the keys this terminal has). */
static void show_help(struct wiz *w)
{
	size_t n, i, k = 0;
	const struct keybinding *t = keys_table(&n);
	char **lines = xcalloc(n + 16, sizeof *lines), **names = xcalloc(n, sizeof *names);
	struct row *r = cur_row(w);
	int width = 0, c;

	if (w->sec != w->review_sec && r && r->kind != RK_FOLDED && r->node && r->node->help) {
		/* an add row shows its list's help, an entry its item's, under
		 * their names (not the button's text or the entry's summary) */
		lines[k++] = xasprintf(
		    "%s: %s", r->kind == RK_ADD || r->kind == RK_ENTRY ? r->node->label : r->label,
		    r->node->help);
		if (r->node->expect)
			lines[k++] = xasprintf(_("Expected: %s"), r->node->expect);
		if (r->node->example)
			lines[k++] = xasprintf(_("Example: %s"), r->node->example);
		lines[k++] = xstrdup("");
	}
	lines[k++] = xstrdup(_("Sections: ok valid, !! has errors, .. being filled (something "
			       "missing or still being typed)."));
	lines[k++] = xstrdup(_("Fields: ! invalid (the reason is under it), * required and "
			       "empty, + required once its group is set."));
	if (keys_esc_waits())
		lines[k++] = xstrdup(_("Esc then a digit stands for F1 to F10 (Esc 0 is F10), as "
				       "this terminal lacks some of them; a lone Esc acts after a "
				       "second, Esc Esc at once."));
	lines[k++] = xstrdup("");
	lines[k++] = xstrdup(_("Keys (those this terminal has):"));
	for (i = 0; i < n; i++) {
		names[i] = keys_names(&t[i]);
		c = text_columns(names[i]);
		if (c > width && c <= 24)
			width = c;
	}
	for (i = 0; i < n; i++) {
		if (*names[i])
			lines[k++] = xasprintf("  %-*s %s", width, names[i], _(t[i].help));
		free(names[i]);
	}
	free(names);
	show_lines(w, _("Help"), lines, k);
	for (i = 0; i < k; i++)
		free(lines[i]);
	free(lines);
}

/* ---- actions ------------------------------------------------------------ */

static void after_change(struct wiz *w)
{
	w->last_edit = util_monotonic();
	free(w->status);
	w->status = NULL;
	rebuild(w);
}

static void move_field(struct wiz *w, int dir)
{
	int j;

	if (!w->rows.n)
		return;
	if (dir > 0)
		j = w->cur + 1 < w->rows.n ? first_editable(w, w->cur + 1, 1) : -1;
	else
		j = w->cur > 0 ? first_editable(w, w->cur - 1, -1) : -1;
	if (j < 0)
		return;
	w->cur = (size_t)j;
	free(w->cur_key);
	w->cur_key = row_key(&w->rows.v[w->cur]);
	ed_sync(w);
}

/* Put the cursor on the row for document path ref (or the closest above it). */
static void focus_ref(struct wiz *w, const char *ref)
{
	size_t i, best = (size_t)-1, bestlen = 0, l;
	int j;

	for (i = 0; i < w->rows.n; i++) {
		l = strlen(w->rows.v[i].path);
		if (!strncmp(w->rows.v[i].path, ref, l) &&
		    (ref[l] == 0 || ref[l] == '.' || ref[l] == '[') && l >= bestlen &&
		    (best == (size_t)-1 || l > bestlen || w->rows.v[i].kind != RK_ADD)) {
			if (l == bestlen && best != (size_t)-1)
				continue;
			best = i;
			bestlen = l;
		}
	}
	if (best == (size_t)-1)
		return;
	j = first_editable(w, best, 1);
	if (j < 0)
		return;
	w->cur = (size_t)j;
	free(w->cur_key);
	w->cur_key = row_key(&w->rows.v[w->cur]);
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

	if (w->sec == w->review_sec) {
		status_set(w, 0, _("The review is the last screen: %s submits, %s goes back."),
			   keys_action_name(ACT_REVIEW), keys_action_name(ACT_PREV_SECTION));
		return;
	}
	w->visited[w->sec] = 1;
	r = cur_row(w);
	if (r && cur_in_text(w)) {
		/* text the document does not hold (an integer that does not
		 * parse) would be lost on leaving */
		char *t = lineedit_text(&w->ed), *m = NULL, *v = row_value(r, w->doc);
		int held = !strcmp(t, v);

		free(v);
		if (!held && row_check(r, w->doc, t, &m) == VS_INVALID) {
			status_set(w, 1, _("To fix before going on: %s: %s"), r->label, m);
			free(m);
			free(t);
			return;
		}
		free(m);
		free(t);
	}
	problems_update(w);
	for (i = 0; i < w->probs.n; i++)
		if (w->probs_sec[i] == (int)w->sec && w->probs.v[i].state != VS_VALID && !count++)
			first = i;
	if (count) {
		w->checked[w->sec] = 1;
		p = &w->probs.v[first];
		focus_ref(w, p->ref);
		/* named by the label of its field (or list) on screen */
		for (r = NULL, i = 0; !r && i < w->rows.n; i++)
			if (!strcmp(w->rows.v[i].path, p->ref) && w->rows.v[i].kind != RK_ADD)
				r = &w->rows.v[i];
		status_set(w, 1,
			   P_("%zu problem to fix before going on: %s: %s",
			      "%zu problems to fix before going on: %s: %s", count),
			   count, r ? r->label : p->path, p->message);
		return;
	}
	if (w->sec + 1 < w->def->nsections)
		enter_section(w, w->sec + 1);
}

static void prev_section(struct wiz *w)
{
	if (w->sec > 0)
		enter_section(w, w->sec - 1);
}

static void do_save(struct wiz *w)
{
	char *file = NULL, *cause = NULL;

	if (!prompt(w, _("Save to file:"), w->file ? w->file : "runtime.json", &file)) {
		status_set(w, 0, "%s", _("Not saved."));
		return;
	}
	if (ui_replaces_other(file, w->file)) {
		/* runtime.json of an earlier session, or any other file: Enter
		 * on the name offered must not replace it unasked */
		char *q =
		    xasprintf(_("%s exists already. Replace it with this form? (y/n)"), file);
		int a = ask(w, q);

		free(q);
		if (a != 'y') {
			status_set(w, 0, _("Not saved: %s is kept as it was."), file);
			free(file);
			return;
		}
	}
	if (formfile_save(file, w->doc, w->def, &cause) != 0) {
		status_set(w, 1, _("Could not save: %s"), cause);
		free(cause);
		free(file);
		return;
	}
	free(w->file);
	w->file = file;
	w->saved_gen = document_generation(w->doc);
	w->dirty_extra = 0;
	status_set(w, 0, _("Saved to %s."), file);
}

static void do_load(struct wiz *w)
{
	char *file = NULL, *cause = NULL;
	struct problems p = {0};
	struct document *doc = NULL;
	char **lines;
	size_t i;

	if (is_dirty(w) &&
	    ask(w, _("Loading replaces your unsaved changes. Go on? (y/n)")) != 'y') {
		status_set(w, 0, "%s", _("Not loaded."));
		return;
	}
	if (!prompt(w, _("Load file:"), w->file ? w->file : "", &file))
		return;
	if (formfile_load(file, w->def, FF_SKELETON, &doc, &p, &cause) != 0) {
		status_set(w, 1, _("Could not load: %s"), cause);
		free(cause);
		free(file);
		problems_clear(&p);
		return;
	}
	document_free(w->doc);
	w->doc = doc;
	/* what the service said and made belongs to the form it came from */
	svc_clear(w);
	made_clear(w);
	free(w->file);
	w->file = file;
	w->saved_gen = document_generation(doc);
	w->dirty_extra = 0;
	/* the draft held the form replaced: a hang-up now would leave it to
	 * be offered next time instead of the form loaded; the loaded one is
	 * in its file, so no draft until it is changed */
	if (w->draft && w->draft_own)
		unlink(w->draft);
	w->draft_own = 0;
	w->draft_gen = w->saved_gen;
	free(w->ed_key);
	w->ed_key = NULL;
	rebuild(w);
	status_set(w, 0, _("Loaded %s."), file);
	if (p.n) {
		lines = xcalloc(p.n, sizeof *lines);
		for (i = 0; i < p.n; i++)
			lines[i] = p.v[i].path && strncmp(p.v[i].message, p.v[i].path,
							  strlen(p.v[i].path))
				       ? xasprintf("%s: %s", p.v[i].path, p.v[i].message)
				       : xstrdup(p.v[i].message);
		show_lines(w, _("Problems in the file (those members were left out)"), lines, p.n);
		for (i = 0; i < p.n; i++)
			free(lines[i]);
		free(lines);
	}
	problems_clear(&p);
}

/* Returns 1 when the wizard should end. */
static int do_quit(struct wiz *w)
{
	int a;

	if (!is_dirty(w))
		return 1;
	a = ask(w, _("Save your changes before quitting? (y/n, Esc stays)"));
	if (a == 'n')
		return 1;
	if (a == 'y') {
		do_save(w);
		if (!is_dirty(w))
			return 1;
	} else {
		status_set(w, 0, "%s", "");
	}
	return 0;
}

/* F7: the field's network check (the discovery URL), only when asked, with
 * a visible note while it runs; its answer is a note or a warning on the
 * status line and never blocks anything. */
static void do_probe(struct wiz *w)
{
	struct row *r = cur_row(w);
	char *url, *text = NULL;

	if (!r || r->kind != RK_VALUE || !r->node->probe) {
		status_set(w, 0,
			   _("%s checks a field that can be fetched, such as the discovery URL "
			     "of a JWT authorizer."),
			   keys_action_name(ACT_PROBE));
		return;
	}
	url = row_value(r, w->doc);
	if (!*url) {
		status_set(w, 1, _("Type the URL first; %s then fetches it."),
			   keys_action_name(ACT_PROBE));
		free(url);
		return;
	}
	status_set(w, 0, _("Fetching %s (Esc cancels)..."), url);
	draw(w);
	if (submit_probe(r->node->probe, url, 1, &text) == 0)
		status_set(w, 0, _("Checked: %s"), text);
	else
		status_set(w, 1, _("Warning (the form can still be sent): %s"), text);
	free(text);
	free(url);
}

/* F9: another Region or profile for this session (as --region/--profile).
 * Each prompt starts with the value in use, selected; Enter keeps it, an
 * empty answer goes back to where it is found without options (AWS_REGION,
 * the environment's keys, AWS_PROFILE, default). New settings that fail, or
 * lose the Region or credentials the old ones had, are not taken. */
static void do_settings(struct wiz *w)
{
	const char *old_region = ui_settings.aws.region, *old_profile = ui_settings.aws.profile;
	char *region = NULL, *profile = NULL, *now_r = NULL, *now_p = NULL, *before = NULL,
	     *after = NULL;
	int had, has, rr, rp;

	had = submit_settings_check(&before, &now_r, &now_p);
	rr = prompt_line(w, _("AWS Region:"), now_r,
			 _("The Region for this session; empty: AWS_REGION or the profile's "
			   "region."),
			 &region);
	if (rr == PROMPT_ESC) {
		status_set(w, 0, _("AWS settings unchanged: %s"), before);
		goto out;
	}
	rp = prompt_line(w, _("AWS profile:"), now_p,
			 _("The profile for this session; empty: no --profile (environment, "
			   "AWS_PROFILE)."),
			 &profile);
	if (rr != PROMPT_TEXT && rp != PROMPT_TEXT) {
		status_set(w, 0, _("AWS settings unchanged: %s"), before);
		goto out;
	}
	if (rr == PROMPT_TEXT)
		ui_settings.aws.region = *region ? region : NULL;
	if (rp == PROMPT_TEXT)
		ui_settings.aws.profile = *profile ? profile : NULL;
	has = submit_settings_check(&after, NULL, NULL);
	if (had >= 0 && (has < 0 || (had & ~has))) {
		ui_settings.aws.region = old_region;
		ui_settings.aws.profile = old_profile;
		if (has < 0)
			status_set(w, 1, _("Not changed (%s). Still in use: %s"), after, before);
		else
			status_set(w, 1,
				   _("Not changed: with these settings %s. Still in use: %s"),
				   (had & ~has) & SETTINGS_CREDENTIALS
				       ? _("no credentials are found (with a profile given, only "
					   "that profile's are used)")
				       : _("no AWS Region is set"),
				   before);
		goto out;
	}
	if (rr == PROMPT_TEXT) {
		free(w->region);
		w->region = region;
		region = NULL;
	}
	if (rp == PROMPT_TEXT) {
		free(w->profile);
		w->profile = profile;
		profile = NULL;
	}
	if (has < 0)
		status_set(w, 1, _("Changed, but these settings do not work either: %s"), after);
	else
		status_set(w, 0, _("AWS settings changed. Now in use: %s"), after);
	settings_refresh(w);
	review_free(w); /* the review shows the settings: build it again */
out:
	free(region);
	free(profile);
	free(now_r);
	free(now_p);
	free(before);
	free(after);
}

static void do_delete(struct wiz *w)
{
	struct row *r = cur_row(w);

	if (!r || !row_is_item(r)) {
		status_set(w, 1, _("%s deletes list items and entries; this is not one."),
			   keys_action_name(ACT_DELETE));
		return;
	}
	document_remove(w->doc, r->path);
	/* the last item of an optional list goes with its list: an empty list
	 * is not the same as none to the service; a list that is a one-of's
	 * branch stays (empty), or the branch would no longer be chosen */
	if (r->owner_path && !r->owner->required && document_count(w->doc, r->owner_path) == 0 &&
	    !(r->owner->parent && r->owner->parent->kind == FK_ONEOF))
		document_remove(w->doc, r->owner_path);
	if (r->owner_path)
		rows_keep_forget(&w->keep, r->owner_path);
	/* the next item now has this one's path, so its row the same key:
	 * without this ed_sync would keep the deleted text in the editor,
	 * and the next key typed would write it over that item */
	free(w->ed_key);
	w->ed_key = NULL;
	after_change(w);
}

static void do_move(struct wiz *w, int dir)
{
	struct row *r = cur_row(w);
	size_t to;

	if (!r || !row_is_item(r))
		return;
	if ((dir < 0 && r->index == 0) ||
	    (dir > 0 && r->index + 1 >= document_count(w->doc, r->owner_path)))
		return;
	to = dir < 0 ? r->index - 1 : r->index + 1;
	rows_keep_forget(&w->keep, r->owner_path);
	if (document_move(w->doc, r->owner_path, r->index, to) == 0) {
		char *k = xasprintf("%d:%s[%zu]", (int)r->kind, r->owner_path, to);
		w->last_edit = util_monotonic();
		focus_key(w, k);
	}
}

/* One border character: box drawing in UTF-8 locales, ASCII elsewhere (as
 * the section rule: the same on every terminal, whatever its alternate
 * character set does). */
static void put_border(int y, int x, wchar_t wide, char ascii)
{
	if (MB_CUR_MAX > 1) {
		cchar_t cc;
		wchar_t s[2] = {wide, 0};

		setcchar(&cc, s, A_NORMAL, 0, NULL);
		mvadd_wch(y, x, &cc);
	} else {
		mvaddch(y, x, (chtype)(unsigned char)ascii);
	}
}

/* A box's frame: h lines of width columns from y, x. */
static void draw_frame(int y, int x, int h, int width)
{
	int i;

	for (i = 1; i + 1 < width; i++) {
		put_border(y, x + i, L'\u2500', '-');
		put_border(y + h - 1, x + i, L'\u2500', '-');
	}
	for (i = y + 1; i < y + h - 1; i++) {
		put_border(i, x, L'\u2502', '|');
		put_border(i, x + width - 1, L'\u2502', '|');
	}
	put_border(y, x, L'\u250c', '+');
	put_border(y, x + width - 1, L'\u2510', '+');
	put_border(y + h - 1, x, L'\u2514', '+');
	put_border(y + h - 1, x + width - 1, L'\u2518', '+');
}

/* Choose a choice's or one-of's value from a list, as menuconfig and
 * dialog's menu do: Up/Down, Home/End, a letter jumps to the next value
 * starting with it, Enter takes the value, Esc keeps the old one. The list
 * starts on the current value, or on the first value when none is set.
 * Returns 1 when a value was taken. */
static int pick_choice(struct wiz *w, const struct row *r)
{
	size_t n, i, sel = 0, top = 0, shown;
	const char **v = row_choices(r, &n);
	char *now = row_value(r, w->doc);
	int key, taken = 0, bw, bh, bx, by, y;

	if (!n) {
		free(now);
		free(v);
		return 0;
	}
	sel = n > 1 && !*v[0] ? 1 : 0;
	for (i = 0; *now && i < n; i++)
		if (!strcmp(v[i], now))
			sel = i;
	for (;;) {
		draw(w);
		if (COLS < MIN_COLS || LINES < MIN_LINES)
			goto wait;
		bw = text_columns(r->label) + 6;
		for (i = 0; i < n; i++)
			if (text_columns(choice_label(r, v[i])) + 6 > bw)
				bw = text_columns(choice_label(r, v[i])) + 6;
		if (bw > COLS - SIDE_W - 4)
			bw = COLS - SIDE_W - 4;
		shown = n < (size_t)(LINES - 8) ? n : (size_t)(LINES - 8);
		bh = (int)shown + 2;
		bx = SIDE_W + 2 + (COLS - SIDE_W - 2 - bw) / 2;
		by = 2 + (LINES - 6 - bh) / 2;
		if (sel < top)
			top = sel;
		if (sel >= top + shown)
			top = sel - shown + 1;
		for (y = by; y < by + bh; y++)
			fill(y, bx, bw, A_NORMAL);
		draw_frame(by, bx, bh, bw);
		put(by, bx + 2, bw - 4, r->label, A_BOLD);
		for (i = top; i < top + shown; i++) {
			y = by + 1 + (int)(i - top);
			if (i == sel)
				fill(y, bx + 1, bw - 2, A_REVERSE);
			put(y, bx + 2, bw - 4, choice_label(r, v[i]),
			    i == sel ? A_REVERSE : A_NORMAL);
		}
		if (top > 0)
			put_border(by, bx + bw - 3, L'\u2191', '^');
		if (top + shown < n)
			put_border(by + bh - 1, bx + bw - 3, L'\u2193', 'v');
		move(by + 1 + (int)(sel - top), bx + 1);
		refresh();
	wait:
		if (sig_leave)
			break;
		if (!read_key(&key))
			continue;
		if (key == KEYFN(KEY_UP) && sel > 0)
			sel--;
		else if (key == KEYFN(KEY_DOWN) && sel + 1 < n)
			sel++;
		else if (key == KEYFN(KEY_HOME) || key == KEYFN(KEY_PPAGE))
			sel = 0;
		else if (key == KEYFN(KEY_END) || key == KEYFN(KEY_NPAGE))
			sel = n - 1;
		else if (key == '\r' || key == '\n' || key == KEYFN(KEY_ENTER) || key == ' ') {
			taken = 1;
			break;
		} else if (key == 27 || key == 3 || key == KEYFN(KEY_F(12))) {
			break;
		} else if (key > ' ' && key < 0x7f) {
			/* the next value whose name starts with that letter */
			for (i = 1; i <= n; i++) {
				const char *l = choice_label(r, v[(sel + i) % n]);

				if ((l[0] | 0x20) == (key | 0x20)) {
					sel = (sel + i) % n;
					break;
				}
			}
		}
	}
	if (taken)
		row_choose_keep(r, w->doc, v[sel], &w->keep);
	free(now);
	free(v);
	return taken;
}

/* A choice, yes/no or branch row set to value (stepped when value is NULL,
 * by dir): what a branch or a `when` rule drops is kept for switching back. */
static void choose(struct wiz *w, const struct row *r, const char *value, int dir)
{
	if (value)
		row_choose_keep(r, w->doc, value, &w->keep);
	else
		row_cycle_keep(r, w->doc, dir, &w->keep);
	after_change(w);
}

static void activate(struct wiz *w)
{
	struct row *r = cur_row(w);
	size_t idx;
	enum row_kind k;
	char *path;

	if (!r)
		return;
	switch (r->kind) {
	case RK_ADD:
		idx = row_add_item(r, w->doc);
		k = r->owner->kind == FK_MAP       ? RK_MAPKEY
		    : r->owner->kind == FK_SUBLIST ? RK_ENTRY
						   : RK_VALUE;
		path = xasprintf("%d:%s[%zu]", (int)k, r->path, idx);
		w->last_edit = util_monotonic();
		focus_key(w, path);
		if (k == RK_ENTRY && !w->zoom && cur_row(w) && cur_row(w)->kind == RK_ENTRY)
			zoom_in(w, cur_row(w));
		else if (k == RK_ENTRY)
			move_field(w, 1);
		break;
	case RK_ENTRY:
		if (!w->zoom)
			zoom_in(w, r);
		else
			move_field(w, 1);
		break;
	case RK_BRANCH:
		if (pick_choice(w, r))
			after_change(w);
		break;
	case RK_FOLDED:
		w->show_advanced = 1;
		rebuild(w);
		break;
	case RK_VALUE:
		if (r->node->kind == FK_CHOICE) {
			if (pick_choice(w, r))
				after_change(w);
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
	struct row *r = cur_row(w);
	int changed = 0, rc;
	char *t;

	switch (a) {
	case ACT_BACKSPACE:
		changed = lineedit_backspace(&w->ed);
		break;
	case ACT_DELETE_CHAR:
		changed = lineedit_delete(&w->ed);
		break;
	case ACT_LEFT:
		lineedit_left(&w->ed);
		break;
	case ACT_RIGHT:
		lineedit_right(&w->ed);
		break;
	case ACT_HOME:
		lineedit_home(&w->ed);
		break;
	case ACT_END:
		lineedit_end(&w->ed);
		break;
	case ACT_CLEAR:
		lineedit_clear(&w->ed);
		changed = 1;
		break;
	default:
		if (a == ACT_NONE && key >= 32 && key < 0x110000 && key != 127) {
			lineedit_insert(&w->ed, (wchar_t)key);
			changed = 1;
		}
	}
	if (!changed)
		return;
	t = lineedit_text(&w->ed);
	rc = row_store_text(r, w->doc, t);
	free(w->key_refused);
	w->key_refused = NULL;
	if (rc == 1) {
		/* another entry has that name: the map keeps this entry's
		 * name (both entries stay) and the field shows why */
		const char *kept = document_key(w->doc, r->owner_path, r->index);

		w->key_refused = xasprintf(_("\"%s\" is the name of another entry: this entry "
					     "keeps the name \"%s\" until you give it another."),
					   t, kept ? kept : "");
	}
	free(t);
	after_change(w);
}

/* Scroll the review by delta lines, as a pager does; the highlight (the
 * line Enter goes to) moves with the text, and past either end of the
 * text, where the view cannot move, it goes on alone to the first or last
 * line. */
static void review_scroll(struct wiz *w, long delta)
{
	long page = LINES - 5, most = (long)w->nlines - page, top = (long)w->ltop + delta;
	long cur;

	if (most < 0)
		most = 0;
	top = top < 0 ? 0 : top > most ? most : top;
	cur = (long)w->lcur + delta;
	w->ltop = (size_t)top;
	w->lcur = cur < 0 ? 0 : cur >= (long)w->nlines ? (long)w->nlines - 1 : cur;
	if (w->lcur < w->ltop)
		w->lcur = w->ltop;
	else if (w->lcur >= w->ltop + (size_t)page)
		w->lcur = w->ltop + (size_t)page - 1;
	if (!w->nlines)
		w->lcur = 0;
}

static void review_key(struct wiz *w, enum action a, int key)
{
	long page = LINES - 5;

	switch (a) {
	case ACT_DOWN:
	case ACT_NEXT_FIELD:
		review_scroll(w, 1);
		break;
	case ACT_UP:
	case ACT_PREV_FIELD:
		review_scroll(w, -1);
		break;
	case ACT_STEP: /* Space pages, as in a pager */
		review_scroll(w, page);
		break;
	case ACT_ACTIVATE:
		if (w->lcur < w->nlines && w->lines[w->lcur].sec >= 0)
			enter_section(w, (size_t)w->lines[w->lcur].sec);
		break;
	case ACT_CANCEL:
		enter_section(w, w->last_form_sec);
		break;
	default:
		if (key == KEYFN(KEY_HOME))
			review_scroll(w, -(long)w->nlines);
		else if (key == KEYFN(KEY_END))
			review_scroll(w, (long)w->nlines);
		else if (key == KEYFN(KEY_LEFT))
			w->lshift = w->lshift > SHIFT_STEP ? w->lshift - SHIFT_STEP : 0;
		else if (key == KEYFN(KEY_RIGHT) && w->lshift < review_max_shift(w))
			w->lshift += SHIFT_STEP;
	}
}

static void do_submit(struct wiz *w);

/* Handle one key; returns 1 when the wizard should end. */
static int handle_key(struct wiz *w, int key)
{
	int in_text = cur_in_text(w);
	enum action a = keys_lookup(key, in_text);
	struct row *r;

	if (COLS < MIN_COLS || LINES < MIN_LINES)
		return a == ACT_QUIT ? do_quit(w) : 0;
	if (a != ACT_NONE && a != ACT_REDRAW && w->status && !in_text) {
		free(w->status);
		w->status = NULL;
	}
	switch (a) {
	case ACT_QUIT:
		return do_quit(w);
	case ACT_HELP:
		show_help(w);
		return 0;
	case ACT_SAVE:
		do_save(w);
		return 0;
	case ACT_LOAD:
		do_load(w);
		return 0;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return 0;
	case ACT_SETTINGS:
		do_settings(w);
		return 0;
	case ACT_REVIEW:
		if (w->sec == w->review_sec)
			do_submit(w);
		else
			enter_section(w, w->review_sec); /* leaves an entry's screen too */
		return 0;
	case ACT_NEXT_SECTION:
		if (!zoom_out(w))
			next_section(w);
		return 0;
	case ACT_PREV_SECTION:
		if (!zoom_out(w))
			prev_section(w);
		return 0;
	default:
		break;
	}
	if (w->sec == w->review_sec) {
		review_key(w, a, key);
		return 0;
	}
	r = cur_row(w);
	switch (a) {
	case ACT_NEXT_FIELD:
	case ACT_DOWN:
		move_field(w, 1);
		return 0;
	case ACT_PREV_FIELD:
	case ACT_UP:
		move_field(w, -1);
		return 0;
	case ACT_ACTIVATE:
		activate(w);
		return 0;
	case ACT_ADVANCED:
		w->show_advanced = !w->show_advanced;
		rebuild(w);
		return 0;
	case ACT_PROBE:
		do_probe(w);
		return 0;
	case ACT_DELETE:
		do_delete(w);
		return 0;
	case ACT_MOVE_UP:
		do_move(w, -1);
		return 0;
	case ACT_MOVE_DOWN:
		do_move(w, 1);
		return 0;
	case ACT_CANCEL:
		if (zoom_out(w))
			return 0;
		if (in_text && r && w->ed_orig) {
			char *t = lineedit_text(&w->ed);
			if (strcmp(t, w->ed_orig)) {
				row_store_text(r, w->doc, w->ed_orig);
				lineedit_load(&w->ed, w->ed_orig);
				after_change(w);
				status_set(w, 0, "%s", _("Change undone."));
			}
			free(t);
		} else if (is_choice_row(r) && w->ed_orig) {
			/* a choice back to its value when the cursor came to
			 * it, with what the change dropped (another branch) */
			char *v = row_value(r, w->doc);

			if (strcmp(v, w->ed_orig)) {
				choose(w, r, w->ed_orig, 0);
				status_set(w, 0, "%s", _("Change undone."));
			}
			free(v);
		}
		return 0;
	case ACT_STEP:
		if (is_choice_row(r))
			choose(w, r, NULL, 1);
		else
			activate(w);
		return 0;
	default:
		break;
	}
	if (in_text)
		text_key(w, a, key);
	else if (is_choice_row(r) && (a == ACT_LEFT || a == ACT_RIGHT))
		choose(w, r, NULL, a == ACT_LEFT ? -1 : 1);
	return 0;
}

static void do_submit(struct wiz *w)
{
	struct problems p = {0};
	struct submit_result res;
	const struct fnode *n;
	const char *name = document_text(w->doc, "agentRuntimeName");
	char *q;
	int rc, a;

	if (validate_document(w->def, w->doc, &p) != VS_VALID) {
		status_set(w, 1, _("Not submitted: %zu problem(s) to fix first (listed above)."),
			   p.n);
		problems_clear(&p);
		return;
	}
	problems_clear(&p);
	if (w->aws_missing) {
		/* once more: a credential_process may have failed only then */
		settings_refresh(w);
		review_free(w);
	}
	if (w->aws_missing) {
		q = settings_refusal(w);
		status_set(w, 1, _("Not submitted: %s"), q);
		free(q);
		return;
	}
	if (w->made_id) {
		/* a second F10 is a second request, with a new clientToken */
		q = xasprintf(_("Runtime %s was already created from this form. Sending it "
				"again is a new request (a new clientToken): it creates a second "
				"runtime, or the service refuses it when the name '%s' is taken.\n"
				"Create a second runtime? (y/n)"),
			      w->made_id, name ? name : "?");
		a = ask_box(w, _("Submit again?"), q,
			    _("y: create a second runtime    n: no    Esc: cancel"), ASK_ESC);
	} else {
		q = xasprintf(_("Create runtime '%s' now? (y/n)"), name ? name : "?");
		a = ask(w, q);
	}
	free(q);
	if (a != 'y') {
		status_set(w, 0, "%s", _("Not submitted."));
		return;
	}
	rc = submit_run(w->def, w->doc, &res);
	svc_clear(w);
	if (rc == 0) {
		made_clear(w);
		w->made_id = xstrdup(res.id ? res.id : res.arn ? res.arn : "?");
		w->made_arn = res.arn ? xstrdup(res.arn) : NULL;
		w->made_status = res.status ? xstrdup(res.status) : NULL;
	}
	/* back to the field the service names, with nothing lost; its message
	 * stays under it, and its section marked, until the value changes */
	n = res.field ? formdef_lookup(w->def, res.field) : NULL;
	if (n && n->section >= 0 && (size_t)n->section < w->def->nsections) {
		enter_section(w, (size_t)n->section);
		focus_ref(w, res.field);
		if (cur_row(w)) {
			w->svc_path = xstrdup(cur_row(w)->path);
			w->svc_msg =
			    xasprintf(_("The service says: %s"),
				      res.field_message ? res.field_message : res.summary);
			w->svc_value = svc_snapshot(w->doc, w->svc_path);
			w->svc_sec = n->section;
			w->svc_gen = document_generation(w->doc);
		}
	}
	review_free(w); /* it says what was created */
	status_set(w,
		   rc != 0 || res.end == RUNTIME_FAILED || res.end == RUNTIME_LOST ||
		       res.end == RUNTIME_GAVE_UP,
		   "%s", res.summary ? res.summary : "");
	submit_result_free(&res);
	clearok(curscr, TRUE);
}

/* ---- entry -------------------------------------------------------------- */

/* Move a draft the user did not resume aside, to draft-YYYYmmdd-HHMMSS.json
 * (its own time) in the same folder, never over another file. Returns the
 * new path (caller frees), or NULL with *cause. */
static char *draft_keep(const char *draft, time_t when, char **cause)
{
	const char *slash = strrchr(draft, '/');
	int dirlen = slash ? (int)(slash - draft) : 0, i;
	char stamp[32];

	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime(&when));
	for (i = 1; i < 100; i++) {
		char *to = i == 1 ? xasprintf("%.*s/draft-%s.json", dirlen, draft, stamp)
				  : xasprintf("%.*s/draft-%s-%d.json", dirlen, draft, stamp, i);

		/* link then unlink: never replaces a file of that name */
		if (link(draft, to) == 0) {
			unlink(draft);
			return to;
		}
		if (errno != EEXIST) {
			struct stat st;

			if (stat(to, &st) != 0 && rename(draft, to) == 0)
				return to;
			*cause = xasprintf("%s: %s", to, strerror(errno));
			free(to);
			return NULL;
		}
		free(to);
	}
	*cause = xasprintf(_("%s: too many kept drafts of that time"), draft);
	return NULL;
}

/* What a draft holds, in a few lines: its runtime name and the sections
 * that have values. Caller frees. */
static char *draft_describe(const struct wiz *w, const struct document *doc, const char *when)
{
	struct strbuf b = {0};
	const char *name = document_text(doc, "agentRuntimeName");
	size_t s, f, n = 0;

	strbuf_addf(&b, _("Saved %s."), when);
	strbuf_addc(&b, '\n');
	if (name && *name)
		strbuf_addf(&b, _("Runtime name: %s"), name);
	else
		strbuf_adds(&b, _("It has no runtime name yet."));
	strbuf_addc(&b, '\n');
	for (s = 0; s < w->def->nsections; s++)
		for (f = 0; f < w->def->sections[s].nfields; f++)
			if (document_is_set(doc, w->def->sections[s].fields[f]->name)) {
				strbuf_adds(&b, n++ ? ", " : _("Values in: "));
				strbuf_adds(&b, w->def->sections[s].title);
				break;
			}
	if (!n)
		strbuf_adds(&b, _("It holds no values."));
	return strbuf_finish(&b);
}

/* Keep an earlier session's draft under its dated name (draft_keep), so
 * that this session's autosave cannot write over it, and say where on the
 * status line (declined: the user said n to resuming it; otherwise this
 * session started with a form file); when it cannot be moved, this session
 * saves no draft. */
static void draft_set_aside(struct wiz *w, time_t when, int declined)
{
	char *cause = NULL, *kept = draft_keep(w->draft, when, &cause);

	if (kept) {
		char *slash = strrchr(kept, '/');

		*slash = 0; /* the name first: a long folder is what gets cut */
		if (declined)
			status_set(
			    w, 0, _("Started with an empty form; the draft was kept as %s in %s."),
			    slash + 1, kept);
		else
			status_set(w, 0, _("An earlier session's draft was kept as %s in %s."),
				   slash + 1, kept);
	} else {
		status_set(w, 1,
			   _("The draft could not be kept aside (%s): it stays as %s "
			     "and this session saves no draft."),
			   cause, w->draft);
		free(w->draft);
		w->draft = NULL;
	}
	free(kept);
	free(cause);
}

/* A draft from an earlier session: a box says when it was saved and what it
 * holds; y resumes it, n (or Esc) starts empty and keeps it under a dated
 * name, so that nothing is lost whatever is pressed. */
static void offer_draft(struct wiz *w)
{
	struct stat st;
	struct problems p = {0};
	struct document *doc = NULL;
	char when[64] = "", stamp[32] = "", *text, *answers, *kept, *cause = NULL;
	int a;

	if (!w->draft || stat(w->draft, &st) != 0)
		return;
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime(&st.st_mtime));
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime(&st.st_mtime));
	if (formfile_load(w->draft, w->def, FF_SKELETON, &doc, &p, &cause) != 0) {
		problems_clear(&p);
		kept = draft_keep(w->draft, st.st_mtime, &cause);
		if (kept)
			status_set(w, 1, _("The draft could not be read; it was kept as %s."),
				   kept);
		else
			status_set(w, 1, _("Could not read the draft: %s"), cause);
		free(kept);
		free(cause);
		return;
	}
	problems_clear(&p);
	text = draft_describe(w, doc, when);
	answers = xasprintf(_("y: resume it\nn or Esc: start with an empty form; the draft is "
			      "kept, as draft-%s.json beside it"),
			    stamp);
	a = ask_box(w, _("A draft from an earlier session was found"), text, answers,
		    ASK_ESC | ASK_FLUSH);
	if (a == 'y') {
		document_free(w->doc);
		w->doc = doc;
		w->saved_gen = document_generation(doc);
		w->draft_gen = w->saved_gen;
		w->dirty_extra = 1;
		w->draft_own = 1;
		status_set(w, 0, "%s", _("Draft resumed."));
	} else {
		document_free(doc);
		draft_set_aside(w, st.st_mtime, 1);
	}
	free(text);
	free(answers);
	free(w->ed_key);
	w->ed_key = NULL;
	rebuild(w);
}

int ui_curses(const struct formdef *def, struct document *doc, const char *file, const char *draft)
{
	struct wiz w;
	struct stat st;
	int key, rc = EXIT_OK, done = 0;
	size_t i;
	char *cause = NULL;

	memset(&w, 0, sizeof w);
	w.def = def;
	w.doc = doc;
	w.file = file ? xstrdup(file) : NULL;
	w.draft = ui_draft_path();
	w.saved_gen = w.draft_gen = document_generation(doc);
	w.visited = xcalloc(def->nsections, 1);
	w.checked = xcalloc(def->nsections, 1);
	w.sec_worst = xcalloc(def->nsections, sizeof *w.sec_worst);
	w.review_sec = def->nsections - 1;
	for (i = 0; i < def->nsections; i++)
		if (def->sections[i].review)
			w.review_sec = i;
	settings_refresh(&w);
	signals_install();
	term_start(&w);
	enter_section(&w, 0);
	if (draft)
		offer_draft(&w);
	else if (w.draft && stat(w.draft, &st) == 0)
		/* started with FORM: an earlier session's draft is not offered,
		 * and this session's autosave must not write over it */
		draft_set_aside(&w, st.st_mtime, 0);
	else if (file && stat(file, &st) != 0 && errno == ENOENT)
		/* the title names it: say that it is not there yet */
		status_set(&w, 0, _("%s is a new file: it is written when you save (%s)."), file,
			   keys_action_name(ACT_SAVE));
	while (!done) {
		if (sig_leave) {
			if (is_dirty(&w) && draft_save(&w, &cause) != 0) {
				term_restore();
				fprintf(stderr, "%s: %s\n", PACKAGE_NAME, cause);
				free(cause);
			}
			rc = EXIT_CANCELLED;
			break;
		}
		if (sig_quit) {
			sig_quit = 0;
			/* keep a draft first: the question may never be answered */
			if (is_dirty(&w) && draft_save(&w, &cause) != 0) {
				status_set(&w, 1, _("Draft not saved: %s"), cause);
				free(cause);
				cause = NULL;
			}
			if (do_quit(&w))
				break;
		}
		draft_autosave(&w);
		draw(&w);
		if (!read_key(&key))
			continue;
		if (key == KEYFN(KEY_RESIZE))
			continue;
		done = handle_key(&w, key);
	}
	term_restore();
	/* only this session's: started with FORM, a draft of an earlier
	 * session is never offered, and must not go unasked */
	if (!sig_leave && w.draft && w.draft_own && (!is_dirty(&w) || done))
		unlink(w.draft);
	rows_release(&w.rows);
	review_free(&w);
	free(w.review_file);
	lineedit_release(&w.ed);
	document_free(w.doc);
	free(w.file);
	free(w.draft);
	free(w.visited);
	free(w.checked);
	free(w.sec_worst);
	free(w.probs_st);
	free(w.probs_sec);
	problems_clear(&w.probs);
	for (i = 0; w.member_probs && i < def->root->nchildren; i++)
		problems_clear(&w.member_probs[i]);
	free(w.member_probs);
	free(w.member_gen);
	rows_keep_release(&w.keep);
	document_free(w.saved_doc);
	free(w.key_refused);
	free(w.cur_key);
	free(w.ed_key);
	free(w.ed_orig);
	free(w.zoom);
	free(w.zoom_back);
	free(w.zoom_title);
	free(w.status);
	svc_clear(&w);
	made_clear(&w);
	submit_lines_free(w.aws);
	free(w.aws_missing);
	ui_settings.aws.region =
	    ui_settings.aws.region == w.region ? NULL : ui_settings.aws.region;
	ui_settings.aws.profile =
	    ui_settings.aws.profile == w.profile ? NULL : ui_settings.aws.profile;
	free(w.region);
	free(w.profile);
	return rc;
}
