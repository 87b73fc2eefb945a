/* screen-review.c: the review screen: what was created, the problems, every
 * value by section, the AWS settings, the exact request body and the AWS
 * CLI command; scrolled as a pager, Enter goes to a line's section, F10
 * submits (progress.c). */
#include "aws/checks.h"
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/validate.h"
#include "curses.h"
#include "submit.h"
#include "text.h"
#include "wiz.h"

/* The entries of a large map in the request body, lines first ..
 * first + n - 1: each made when it is first drawn (review_text). */
struct review_lazy {
	size_t first, n;
	char *path; /* the map's (a top-level member's) */
};

/* Top-level maps of at least this many entries are shown so (a form of
 * 60,000 tags would otherwise make 60,000 lines each time it is opened). */
#define REVIEW_LAZY 256

void screen_review_free(struct wiz *w)
{
	size_t i;

	for (i = 0; i < w->review.nlines; i++)
		free(w->review.lines[i].text);
	free(w->review.lines);
	w->review.lines = NULL;
	w->review.nlines = w->review.cap = 0;
	for (i = 0; i < w->review.nlazy; i++)
		free(w->review.lazy[i].path);
	free(w->review.lazy);
	w->review.lazy = NULL;
	w->review.nlazy = 0;
}

static void review_push(struct wiz *w, int sec, int bold, int nowrap, char *text)
{
	if (w->review.nlines == w->review.cap) {
		w->review.cap = w->review.cap ? w->review.cap * 2 : 64;
		w->review.lines =
		    xrealloc(w->review.lines, w->review.cap * sizeof *w->review.lines);
	}
	w->review.lines[w->review.nlines].text = text;
	w->review.lines[w->review.nlines].sec = sec;
	w->review.lines[w->review.nlines].bold = bold;
	w->review.lines[w->review.nlines].nowrap = nowrap;
	w->review.nlines++;
}

/* Whether text is printable ASCII (no newline) in at most width columns. */
static int short_ascii(const char *text, int width)
{
	const unsigned char *p = (const unsigned char *)text;

	for (; *p; p++)
		if (*p < 0x20 || *p > 0x7e || p - (const unsigned char *)text >= width)
			return 0;
	return 1;
}

/* Whether text holds a word wider than a continued line of width columns
 * (ui_wrap_lines indents those by the text's own indent and two more). */
static int long_word(const char *text, int width)
{
	size_t lead = strspn(text, " "), n;
	const char *p = text + lead;
	int room = width - (int)lead - 2;
	char *word;
	int wide;

	while (*p) {
		n = strcspn(p, " ");
		word = xstrndup(p, n);
		wide = term_columns(word) > room;
		free(word);
		if (wide)
			return 1;
		p += n;
		p += strspn(p, " ");
	}
	return 0;
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
	/* a short line of plain ASCII is one line as it is (a form of 60,000
	 * tags has 120,000 of them) */
	if (short_ascii(text, COLS - (SIDE_W + 2) - 1)) {
		review_push(w, sec, bold, 0, text);
		return;
	}
	/* a word no line can hold (a URL, an ARN, a token) is never broken:
	 * the line stays whole, scrolled sideways as the request body is,
	 * so that copying it copies it */
	if (long_word(text, COLS - (SIDE_W + 2) - 1)) {
		review_push(w, sec, bold, 1, text);
		return;
	}
	/* wrapped to the pane, so that every value shows whole */
	wl = ui_wrap_lines(&text, 1, COLS - (SIDE_W + 2) - 1, &n);
	free(text);
	for (i = 0; i < n; i++)
		review_push(w, sec, bold, 0, wl[i]);
	free(wl);
}

/* Items of one list or map shown on the review: a file may hold 60,000
 * tags (the API takes 50); the request body below lists every one. */
#define REVIEW_ITEMS ROWS_ITEMS_MAX

/* One value row of the review. */
static void review_value(struct wiz *w, size_t s, const struct row *r, int lift)
{
	char *v = row_value(r, w->data.doc);

	if (r->kind == RK_BRANCH && fnode_child(r->node, v) && fnode_child(r->node, v)->label) {
		char *b = xstrdup(fnode_child(r->node, v)->label);
		free(v);
		v = b;
	}
	review_add(w, (int)s, 0, "  %*s%s: %s%s", (r->depth - lift) * 2, "", r->label,
		   r->kind == RK_MAPVAL && r->owner->sensitive ? row_mask(v) : v,
		   tmpl_locked(w, r->path) ? _("  [locked]") : "");
	free(v);
}

/* Whether row r is past the items shown (*skip: the depth of an entry left
 * out, whose rows go with it, or -1); the first one past says how many. */
static int review_past(struct wiz *w, size_t s, const struct row *r, int lift, int *skip)
{
	size_t more;
	char *m;

	if (*skip >= 0 && r->depth > *skip)
		return 1;
	*skip = -1;
	if (!r->owner || r->index < REVIEW_ITEMS)
		return 0;
	if (r->index == REVIEW_ITEMS && r->kind != RK_MAPVAL) {
		more = document_count(w->data.doc, r->owner_path) - REVIEW_ITEMS;
		m = xasprintf(P_("\u2026 and %zu more (the request body below has every one)",
				 "\u2026 and %zu more (the request body below has every one)",
				 more),
			      more);
		review_add(w, (int)s, 0, "  %*s%s", (r->depth - lift) * 2, "", m);
		free(m);
	}
	if (r->kind == RK_ENTRY)
		*skip = r->depth;
	return 1;
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
	int skip = -1;

	review_add(w, (int)s, 1, "%s", w->data.def->sections[s].title);
	rows_build(w->data.def, w->data.doc, s, ROWS_ADVANCED | ROWS_ITEMS, &rs);
	for (i = 0; i < rs.n; i++) {
		struct row *r = &rs.v[i];

		if (review_past(w, s, r, lift, &skip))
			continue;
		/* a heading or value at depth d ends the headings at d or deeper */
		while (npend && pend[npend - 1]->depth >= r->depth)
			npend--;
		if (nshown > npend)
			nshown = npend;
		if (r->depth == 0)
			lift = 0;
		if (r->kind == RK_HEADER || r->kind == RK_ENTRY) {
			/* a group that is the whole section needs no second title */
			if (r->depth == 0 && !strcmp(r->label, w->data.def->sections[s].title))
				lift = 1;
			else if (npend < sizeof pend / sizeof *pend)
				pend[npend++] = r;
			continue;
		}
		if (!row_editable(r) || r->kind == RK_ADD)
			continue;
		if (r->kind != RK_MAPKEY && !document_is_set(w->data.doc, r->path))
			continue;
		for (; nshown < npend; nshown++)
			review_add(w, (int)s, 0, "  %*s%s:", (pend[nshown]->depth - lift) * 2, "",
				   pend[nshown]->label);
		review_value(w, s, r, lift);
		values++;
	}
	if (!values)
		review_add(w, (int)s, 0, "  %s", _("(nothing set)"));
	rows_release(&rs);
}

/* The account checks' findings under a bold title, each line leading to
 * its field's section (none ran, as without credentials: nothing). */
static void review_checks(struct wiz *w)
{
	size_t i;

	if (w->checks.state < 0)
		return;
	review_add(w, -1, 1, "%s",
		   w->checks.state == CHECKS_RUNNING ? _("Account checks: running...")
						     : _("Account checks:"));
	for (i = 0; i < w->checks.n; i++) {
		const struct check_finding *x = &w->checks.v[i];
		struct problem p = {x->path, x->path, x->message, VS_INVALID};
		int sec = -1;

		if (!strcmp(x->check, "identity") && x->severity == CHECK_OK)
			continue;
		if (*x->path)
			free(row_problem_text(w->data.def, &p, &sec));
		review_add(w, sec, 0, "  %s: %s: %s", check_severity_words(x->severity),
			   *x->path ? x->path : _("(account)"), x->message);
	}
}

/* The name of the top-level map whose entries start after line (its
 * first line, `    "NAME": {`), or NULL. */
static const struct fnode *review_map_at(const struct wiz *w, const char *line)
{
	const struct fnode *n;
	size_t len;
	char *name;

	if (!line || strncmp(line, "    \"", 5) || line[5] == ' ')
		return NULL;
	len = strcspn(line + 5, "\"");
	if (strcmp(line + 5 + len, "\": {"))
		return NULL;
	name = xstrndup(line + 5, len);
	n = fnode_child(w->data.def->root, name);
	free(name);
	return n && n->kind == FK_MAP ? n : NULL;
}

/* The request body, each line as it is (the saved format,
 * src/form/jsonwrite.c, indents with four spaces and holds no tab); the
 * entries of a large map are lines made when drawn. A sensitive map's
 * values are masked on a copy (rows_display_json), all made now. */
static void review_body(struct wiz *w)
{
	const struct fnode *root = w->data.def->root, *map = NULL;
	char *json, *line, *prev = NULL;
	size_t i, n;

	for (i = 0; i < root->nchildren; i++)
		if (root->children[i]->kind == FK_MAP && root->children[i]->sensitive &&
		    document_count(w->data.doc, root->children[i]->name) > 0)
			break;
	json = i < root->nchildren
		   ? rows_display_json(w->data.def, w->data.doc)
		   : document_to_json_elided(w->data.doc, w->data.def, 1, REVIEW_LAZY);
	for (line = strtok(json, "\n"); line; prev = line, line = strtok(NULL, "\n")) {
		/* `        "\u0001": ""` in place of the entries */
		if ((map = review_map_at(w, prev)) && !strcmp(line, "        \"\\u0001\": \"\"")) {
			struct review_lazy *z;

			n = document_count(w->data.doc, map->name);
			w->review.lazy = xrealloc(w->review.lazy,
						  (w->review.nlazy + 1) * sizeof *w->review.lazy);
			z = &w->review.lazy[w->review.nlazy++];
			z->first = w->review.nlines;
			z->n = n;
			z->path = xstrdup(map->name);
			for (i = 0; i < n; i++)
				review_push(w, -1, 0, 1, NULL);
			continue;
		}
		review_push(w, -1, 0, 1, xstrdup(line));
	}
	free(json);
}

/* Line i's text, made now if it is one of a large map's entries. */
static const char *review_text(struct wiz *w, size_t i)
{
	struct review_line *l = &w->review.lines[i];
	const struct review_lazy *z = w->review.lazy;
	size_t k;
	char *e;

	if (l->text)
		return l->text;
	for (k = 0; k < w->review.nlazy; k++, z++)
		if (i >= z->first && i - z->first < z->n)
			break;
	if (k == w->review.nlazy)
		return l->text = xstrdup("");
	e = document_entry_json(w->data.doc, z->path, i - z->first);
	l->text = xasprintf("        %s%s", e, i - z->first + 1 < z->n ? "," : "");
	free(e);
	return l->text;
}

/* A line of an update's diff or request (update.c hands them over). */
static void review_upd_line(struct wiz *w, int sec, int bold, int nowrap, const char *text)
{
	if (nowrap)
		review_push(w, sec, bold, 1, xstrdup(text));
	else
		review_add(w, sec, bold, "%s", text);
}

/* The runtime this session created, when it did. */
static void review_made(struct wiz *w)
{
	if (!w->marks.made_id)
		return;
	review_add(w, -1, 1, _("Runtime %s was created from this form (%s)."), w->marks.made_id,
		   w->marks.made_status ? w->marks.made_status : "?");
	if (w->marks.made_arn)
		review_push(w, -1, 0, 1, xasprintf("  %s", w->marks.made_arn));
	review_add(w, -1, 0,
		   _("%s again would create a second runtime (it asks first); %s saves "
		     "the form."),
		   keys_action_name(ACT_REVIEW), keys_action_name(ACT_SAVE));
}

/* The JSON body and the CLI command (unwrapped: their text is exact). */
static void review_request(struct wiz *w)
{
	review_add(w, -1, 1, "%s",
		   _("Request body (a clientToken is added when it is sent; secrets masked):"));
	review_body(w);
	review_add(w, -1, 1, _("The same with the AWS CLI (after %s saves the file):"),
		   keys_action_name(ACT_SAVE));
	review_push(w, -1, 0, 1,
		    submit_cli_command("create-agent-runtime",
				       w->data.file ? w->data.file : "runtime.json"));
}

/* The review: what was created, problems, every value by section, the JSON
 * body and the CLI command (those two unwrapped: their text is exact). */
static void review_build(struct wiz *w)
{
	const struct problems *p = &w->marks.probs; /* marks_update: this change's */
	struct problems tp = {0};                   /* the template's own */
	size_t s, k;

	if (w->review.lines && w->review.gen == document_generation(w->data.doc) &&
	    w->review.cols == COLS &&
	    !strcmp(w->review.file ? w->review.file : "", w->data.file ? w->data.file : ""))
		return; /* scrolling a maximal form's review stays cheap */
	screen_review_free(w);
	w->review.gen = document_generation(w->data.doc);
	w->review.cols = COLS;
	free(w->review.file);
	w->review.file = w->data.file ? xstrdup(w->data.file) : NULL;
	review_made(w);
	/* an opened runtime: what the update changes first, then the request */
	upd_review(w, review_upd_line);
	if (p->n + tmpl_problems(w, &tp))
		review_add(w, -1, 1, "%s",
			   _("The form has problems (Enter on a line goes there):"));
	else if (marks_svc_active(w))
		review_add(w, -1, 1,
			   _("The service refused a value (Enter on the line goes there); %s "
			     "submits again."),
			   keys_action_name(ACT_REVIEW));
	else if (w->settings.aws_missing) {
		/* said before F10 asks anything, not after */
		char *m = settings_refusal(w);

		review_add(w, -1, 1,
			   _("The form is complete, but these AWS settings cannot submit it "
			     "(%s saves it):"),
			   keys_action_name(ACT_SAVE));
		review_add(w, -1, 0, "  ! %s", m);
		free(m);
	} else if (w->upd)
		review_add(w, -1, 1,
			   _("The form is complete. %s sends the update; %s saves it as an update "
			     "form."),
			   keys_action_name(ACT_REVIEW), keys_action_name(ACT_SAVE));
	else if (!w->marks.made_id)
		review_add(w, -1, 1, _("The form is complete. %s submits it; %s saves it."),
			   keys_action_name(ACT_REVIEW), keys_action_name(ACT_SAVE));
	if (marks_svc_active(w)) {
		const struct fnode *n = formdef_lookup(w->data.def, w->marks.svc_path);

		review_add(w, w->marks.svc_sec, 0, "  ! %s: %s",
			   n && n->label ? n->label : w->marks.svc_path, w->marks.svc_msg);
	}
	for (k = 0; k < p->n; k++)
		if (p->v[k].state != VS_VALID) {
			int sec;
			char *t = row_problem_text(w->data.def, &p->v[k], &sec);

			review_add(w, sec, 0, "  ! %s", t);
			free(t);
		}
	for (k = 0; k < tp.n; k++) {
		int sec;
		char *t = row_problem_text(w->data.def, &tp.v[k], &sec);

		review_add(w, sec, 0, _("  ! %s (the template's rule)"), t);
		free(t);
	}
	problems_clear(&tp);
	for (k = 0; k < w->marks.warns.n; k++) {
		int sec;
		char *t = row_problem_text(w->data.def, &w->marks.warns.v[k], &sec);

		review_add(w, sec, 0, _("  Warning: %s"), t);
		free(t);
	}
	review_checks(w);
	if (w->settings.aws_missing)
		review_add(w, -1, 1, "%s", _("AWS settings in use:"));
	else
		review_add(w, -1, 1, _("AWS settings (%s submits with these):"),
			   keys_action_name(ACT_REVIEW));
	for (k = 0; w->settings.aws && w->settings.aws[k]; k++)
		review_add(w, -1, 0, "  %s", w->settings.aws[k]);
	for (s = 0; s < w->data.def->nsections; s++)
		if (!w->data.def->sections[s].review && !tmpl_hidden(w, s))
			review_section(w, s);
	if (!w->upd) /* an update's request is above */
		review_request(w);
}

/* The widest unwrapped line's columns past the pane: how far Right scrolls. */
static int review_max_shift(struct wiz *w)
{
	int most = 0, c, pw = COLS - (SIDE_W + 2) - 1;
	size_t i;

	for (i = 0; i < w->review.nlines; i++)
		if (w->review.lines[i].nowrap && (c = term_columns(review_text(w, i)) - pw) > most)
			most = c;
	return most;
}

/* Before drawing: the lines (built again only when something they show
 * changed) and the view kept around the highlighted line. */
static void review_update(struct wiz *w)
{
	size_t ph = (size_t)(LINES - 4 - 2 + 1), i;

	review_build(w);
	if (w->review.lcur >= w->review.nlines)
		w->review.lcur = w->review.nlines ? w->review.nlines - 1 : 0;
	if (w->review.lcur < w->review.ltop)
		w->review.ltop = w->review.lcur;
	if (w->review.lcur >= w->review.ltop + ph)
		w->review.ltop = w->review.lcur - ph + 1;
	for (i = w->review.ltop; i < w->review.nlines && i <= w->review.ltop + ph; i++)
		review_text(w, i); /* what review_draw shows */
}

static void review_draw(const struct wiz *w, int *cy, int *cx)
{
	int px = SIDE_W + 2, pw = COLS - px, top = 2, bottom = LINES - 4, y;
	size_t i;

	(void)cy;
	(void)cx;
	term_put(1, px, pw, _("Every value, then the exact request body."), A_DIM);
	for (i = w->review.ltop, y = top; i < w->review.nlines && y <= bottom; i++, y++) {
		const struct review_line *l = &w->review.lines[i];
		int a = l->bold ? term_attr_head(w) : (int)A_NORMAL;

		if (!l->text) /* made by review_update before each draw */
			continue;
		if (l->text[0] == ' ' && l->text[1] == ' ' && l->text[2] == '!')
			a = term_attr_err(w);
		if (i == w->review.lcur) {
			a |= A_REVERSE;
			term_fill(y, px, pw - 1, A_REVERSE);
		}
		if (!l->nowrap) {
			term_put(y, px, pw - 1, l->text, a);
			continue;
		}
		/* never wrapped or changed; marks outside the text say there is more */
		term_put_skip(y, px, pw - 1, l->text, w->review.lshift, a);
		if (w->review.lshift > 0 && *l->text)
			term_put(y, px - 1, 1, "<", A_BOLD);
		if (term_columns(l->text) - w->review.lshift > pw - 1)
			term_put(y, COLS - 1, 1, ">", A_BOLD);
	}
}

/* Scroll the review by delta lines, as a pager does; the highlight (the
 * line Enter goes to) moves with the text, and past either end of the
 * text, where the view cannot move, it goes on alone to the first or last
 * line. */
static void review_scroll(struct wiz *w, long delta)
{
	long page = LINES - 5, most = (long)w->review.nlines - page,
	     top = (long)w->review.ltop + delta;
	long cur;

	if (most < 0)
		most = 0;
	top = top < 0 ? 0 : top > most ? most : top;
	cur = (long)w->review.lcur + delta;
	w->review.ltop = (size_t)top;
	w->review.lcur = cur < 0                         ? 0
			 : cur >= (long)w->review.nlines ? (long)w->review.nlines - 1
							 : cur;
	if (w->review.lcur < w->review.ltop)
		w->review.lcur = w->review.ltop;
	else if (w->review.lcur >= w->review.ltop + (size_t)page)
		w->review.lcur = w->review.ltop + (size_t)page - 1;
	if (!w->review.nlines)
		w->review.lcur = 0;
}

static enum screen_result review_key(struct wiz *w, enum action a, int key)
{
	long page = LINES - 5;

	(void)key;
	switch (a) {
	case ACT_REVIEW:
		progress_submit(w);
		break;
	case ACT_TEMPLATE:
		tmpl_save_as(w);
		break;
	case ACT_NEXT_SECTION:
		wiz_status(w, 0, _("The review is the last screen: %s submits, %s goes back."),
			   keys_action_name(ACT_REVIEW), keys_action_name(ACT_PREV_SECTION));
		break;
	case ACT_PREV_SECTION:
		if (w->sec > 0)
			wiz_enter_section(w, w->sec - 1);
		break;
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
		if (w->review.lcur < w->review.nlines && w->review.lines[w->review.lcur].sec >= 0)
			wiz_enter_section(w, (size_t)w->review.lines[w->review.lcur].sec);
		break;
	case ACT_CANCEL:
		wiz_enter_section(w, w->form.last_form_sec);
		break;
	case ACT_HOME:
		review_scroll(w, -(long)w->review.nlines);
		break;
	case ACT_END:
		review_scroll(w, (long)w->review.nlines);
		break;
	case ACT_LEFT:
		w->review.lshift =
		    w->review.lshift > SHIFT_STEP ? w->review.lshift - SHIFT_STEP : 0;
		break;
	case ACT_RIGHT:
		if (w->review.lshift < review_max_shift(w))
			w->review.lshift += SHIFT_STEP;
		break;
	default:
		return SCREEN_IGNORED;
	}
	return SCREEN_HANDLED;
}

/* Shown: from the top, no form rows behind it. */
static void review_enter(struct wiz *w)
{
	uichecks_start(w);
	w->review.lcur = w->review.ltop = 0;
	rows_release(&w->form.rows);
}

static enum key_screen review_keyset(const struct wiz *w)
{
	(void)w;
	return KS_REVIEW;
}

static char *review_hint(const struct wiz *w)
{
	(void)w;
	return xasprintf(_("Up/Down scroll, Space pages, Left/Right scroll the body sideways, "
			   "Enter jumps to the section, %s submits, %s saves, %s goes back."),
			 keys_action_name(ACT_REVIEW), keys_action_name(ACT_SAVE),
			 keys_action_name(ACT_PREV_SECTION));
}

void screen_review_release(struct wiz *w)
{
	screen_review_free(w);
	free(w->review.file);
	w->review.file = NULL;
}

const struct screen_ops screen_review = {
    "review",    review_keyset, review_enter, review_update,
    review_draw, review_hint,   NULL,         review_key,
};
