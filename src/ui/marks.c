/* marks.c: what the marks show, found after each change and read while
 * drawing: the document's problems (validate_document in parts: only the
 * top-level members that changed), split by section, and a template's
 * (template_check_document), which count in the section marks; the marks and
 * messages of the form screen's rows; the service's last complaint; the
 * runtime this session made. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/validate.h"
#include "wiz.h"

/* The value at path as text, to notice when it changes; NULL when it is
 * not a set scalar (then any change of the form counts). */
static char *marks_snapshot(const struct document *doc, const char *path)
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

void marks_svc_clear(struct wiz *w)
{
	free(w->marks.svc_path);
	free(w->marks.svc_msg);
	free(w->marks.svc_value);
	w->marks.svc_path = w->marks.svc_msg = w->marks.svc_value = NULL;
}

void marks_made_set(struct wiz *w, const char *id, const char *arn, const char *status)
{
	marks_made_clear(w);
	w->marks.made_id = xstrdup(id);
	w->marks.made_arn = arn ? xstrdup(arn) : NULL;
	w->marks.made_status = status ? xstrdup(status) : NULL;
}

/* Forget the runtime this session created (another form is loaded). */
void marks_made_clear(struct wiz *w)
{
	free(w->marks.made_id);
	free(w->marks.made_arn);
	free(w->marks.made_status);
	w->marks.made_id = w->marks.made_arn = w->marks.made_status = NULL;
}

/* Forget the service's complaint once the value it named has changed. */
static void svc_check(struct wiz *w)
{
	char *now;
	int same;

	if (!w->marks.svc_path || document_generation(w->data.doc) == w->marks.svc_gen)
		return;
	now = marks_snapshot(w->data.doc, w->marks.svc_path);
	same = now && w->marks.svc_value && !strcmp(now, w->marks.svc_value);
	free(now);
	if (!same)
		marks_svc_clear(w);
}

int marks_svc_active(const struct wiz *w)
{
	return w->marks.svc_path != NULL;
}

void marks_svc_set(struct wiz *w, const char *path, int sec, char *message)
{
	marks_svc_clear(w);
	w->marks.svc_path = xstrdup(path);
	w->marks.svc_msg = message;
	w->marks.svc_value = marks_snapshot(w->data.doc, path);
	w->marks.svc_sec = sec;
	w->marks.svc_gen = document_generation(w->data.doc);
}

/* Whether problem p is about a value that typing can still make valid (a
 * prefix such as "arn:aws:iam::" or 6 for a minimum of 60; a list with too
 * few items yet): the live check calls it incomplete, and so do the marks. */
static int still_typed(const struct wiz *w, const struct problem *p)
{
	const struct fnode *n = formdef_lookup(w->data.def, p->ref);
	char *m = NULL, num[32];
	const char *t;
	long long v;
	enum vstate st;

	if (n && (n->kind == FK_LIST || n->kind == FK_MAP || n->kind == FK_SUBLIST))
		return n->min_items > 0 &&
		       document_count(w->data.doc, p->ref) < (size_t)n->min_items;
	if (!n || (n->kind != FK_TEXT && n->kind != FK_INTEGER) ||
	    (n->parent && n->parent->kind == FK_MAP))
		return 0;
	t = document_text(w->data.doc, p->ref);
	if (!t && document_number(w->data.doc, p->ref, &v) == 0) {
		snprintf(num, sizeof num, "%lld", v);
		t = num;
	}
	if (!t)
		return 0;
	st = validate_scalar(n, t, NULL, &m);
	free(m);
	return st == VS_INCOMPLETE;
}

/* With a template, its own rules count in the section marks as in the
 * title's count, the review and F10: a yours value still empty makes its
 * section "..", a value against a team's pattern "!!". They are kept in
 * tprobs, apart from probs (the API's problems: PageDown's check, F2's
 * count), so that a form without a template is marked exactly as before. */
static void template_fold(struct wiz *w)
{
	const struct formdef *def = w->data.def;
	size_t i;

	problems_clear(&w->marks.tprobs);
	tmpl_problems(w, &w->marks.tprobs);
	for (i = 0; i < w->marks.tprobs.n; i++) {
		const struct problem *p = &w->marks.tprobs.v[i];
		const struct fnode *n = formdef_lookup(def, p->ref ? p->ref : p->path);

		if (n && n->section >= 0 && (size_t)n->section < def->nsections &&
		    p->state > w->marks.sec_worst[n->section])
			w->marks.sec_worst[n->section] = p->state;
	}
}

/* Check the document once per change, as validate_document does, but only
 * the top-level members that changed since they were last checked (typing
 * changes one), and split the problems by section (by the top-level member
 * of each problem's path). */
static void problems_check(struct wiz *w)
{
	const struct fnode *root = w->data.def->root;
	struct problems rest = {0};
	size_t i, j, len;
	char name[256];

	if (w->marks.probs_doc == w->data.doc &&
	    w->marks.probs_gen == document_generation(w->data.doc))
		return;
	if (!w->marks.member_probs) {
		w->marks.member_probs =
		    xcalloc(root->nchildren + 1, sizeof *w->marks.member_probs);
		w->marks.member_gen = xcalloc(root->nchildren + 1, sizeof *w->marks.member_gen);
	}
	problems_clear(&w->marks.probs);
	for (i = 0; i < root->nchildren; i++) {
		const struct fnode *top = root->children[i];
		struct problems *mp = &w->marks.member_probs[i];
		/* another document (loaded, resumed) is checked whole; its address
		 * cannot be the last one's, which was alive when it was made */
		unsigned long g = document_member_generation(w->data.doc, top->name);

		/* a member that applies only with another's value is checked always */
		if (w->marks.probs_doc != w->data.doc || w->marks.member_gen[i] != g + 1 ||
		    top->when_field) {
			problems_clear(mp);
			validate_member(w->data.def, w->data.doc, top, mp);
			w->marks.member_gen[i] = g + 1; /* 0: never checked */
		}
		for (j = 0; j < mp->n; j++)
			problems_add(&w->marks.probs, mp->v[j].state, mp->v[j].path, mp->v[j].ref,
				     "%s", mp->v[j].message);
	}
	validate_rest(w->data.def, w->data.doc, &rest);
	for (j = 0; j < rest.n; j++)
		problems_add(&w->marks.probs, rest.v[j].state, rest.v[j].path, rest.v[j].ref, "%s",
			     rest.v[j].message);
	problems_clear(&rest);
	/* what the form warns about although the API takes it */
	problems_clear(&w->marks.warns);
	validate_warnings(w->data.def, w->data.doc, &w->marks.warns);
	w->marks.probs_gen = document_generation(w->data.doc);
	w->marks.probs_doc = w->data.doc;
	free(w->marks.probs_st);
	free(w->marks.probs_sec);
	w->marks.probs_st = xcalloc(w->marks.probs.n + 1, sizeof *w->marks.probs_st);
	w->marks.probs_sec = xcalloc(w->marks.probs.n + 1, sizeof *w->marks.probs_sec);
	memset(w->marks.sec_worst, 0, w->data.def->nsections * sizeof *w->marks.sec_worst);
	for (i = 0; i < w->marks.probs.n; i++) {
		const struct problem *p = &w->marks.probs.v[i];
		const struct fnode *top;

		w->marks.probs_st[i] = p->state;
		w->marks.probs_sec[i] = -1;
		if (p->state == VS_INVALID && still_typed(w, p))
			w->marks.probs_st[i] = VS_INCOMPLETE;
		len = strcspn(p->ref, ".[");
		if (len >= sizeof name)
			continue;
		memcpy(name, p->ref, len);
		name[len] = 0;
		top = fnode_child(w->data.def->root, name);
		if (!top || top->section < 0 || (size_t)top->section >= w->data.def->nsections)
			continue;
		w->marks.probs_sec[i] = top->section;
		if (w->marks.probs_st[i] > w->marks.sec_worst[top->section])
			w->marks.sec_worst[top->section] = w->marks.probs_st[i];
	}
	template_fold(w);
}

size_t marks_problems(const struct wiz *w)
{
	size_t i, n = 0;

	for (i = 0; i < w->marks.probs.n; i++)
		if (w->marks.probs.v[i].state != VS_VALID)
			n++;
	return n;
}

void marks_visit_all(struct wiz *w)
{
	memset(w->marks.visited, 1, w->data.def->nsections);
}

void marks_update(struct wiz *w)
{
	svc_check(w);
	problems_check(w);
}

/* ok when nothing is missing or wrong, !! with an error, .. while something
 * is missing or still being typed (never !! for that). The section on
 * screen also counts its fields as drawn: a value that is not stored (an
 * integer that does not parse) and a required field still empty. */
enum sstate marks_section(const struct wiz *w, size_t i)
{
	enum vstate st;

	if (w->data.def->sections[i].review)
		return SS_NOT_VISITED;
	if (marks_svc_active(w) && (size_t)w->marks.svc_sec == i)
		return SS_ERRORS;
	if (!w->marks.visited[i])
		return SS_NOT_VISITED;
	st = w->marks.sec_worst[i];
	if (i == w->sec && w->marks.form_worst > st)
		st = w->marks.form_worst;
	return st == VS_VALID ? SS_VALID : st == VS_INCOMPLETE ? SS_INCOMPLETE : SS_ERRORS;
}

void marks_form_release(struct wiz *w)
{
	size_t i;

	for (i = 0; i < w->marks.nrow; i++)
		free(w->marks.row_msgs[i]);
	free(w->marks.row_msgs);
	free(w->marks.row_marks);
	free(w->marks.row_done);
	w->marks.row_msgs = NULL;
	w->marks.row_marks = NULL;
	w->marks.row_done = NULL;
	w->marks.nrow = 0;
}

void marks_form(struct wiz *w)
{
	size_t n = w->form.rows.n;

	marks_form_release(w);
	w->marks.row_msgs = xcalloc(n + 1, sizeof *w->marks.row_msgs);
	w->marks.row_marks = xcalloc(n + 1, 1);
	w->marks.row_done = xcalloc(n + 1, 1);
	w->marks.nrow = n;
	w->marks.form_worst = VS_VALID;
}

const char *marks_warning(const struct wiz *w, const char *path)
{
	size_t i;

	for (i = 0; i < w->marks.warns.n; i++)
		if (!strcmp(w->marks.warns.v[i].path, path))
			return w->marks.warns.v[i].message;
	return NULL;
}

const char *marks_row(struct wiz *w, size_t i)
{
	enum vstate st;
	char m;

	if (i >= w->marks.nrow)
		return NULL;
	if (w->marks.row_done[i])
		return w->marks.row_msgs[i];
	w->marks.row_done[i] = 1;
	w->marks.row_msgs[i] = screen_form_row_message(w, i, w->form.checked[w->sec], &st, &m);
	w->marks.row_marks[i] = m;
	/* '+' (required once its group is set, the group unset) leaves the
	 * section as it is: nothing is missing until the group is used */
	if (m == '!')
		w->marks.form_worst = VS_INVALID;
	else if (m != '+' && (m || st == VS_INCOMPLETE) && w->marks.form_worst == VS_VALID)
		w->marks.form_worst = VS_INCOMPLETE;
	return w->marks.row_msgs[i];
}

void marks_token_set(struct wiz *w, const char *token)
{
	free(w->marks.token);
	document_free(w->marks.token_doc);
	w->marks.token = token ? xstrdup(token) : NULL;
	w->marks.token_doc = token ? document_copy(w->data.doc) : NULL;
}

const char *marks_token(const struct wiz *w)
{
	if (!w->marks.token || !document_equal(w->marks.token_doc, w->data.doc))
		return NULL;
	return w->marks.token;
}

void marks_release(struct wiz *w)
{
	marks_token_set(w, NULL);
	size_t i;

	marks_form_release(w);
	free(w->marks.visited);
	free(w->marks.sec_worst);
	free(w->marks.probs_st);
	free(w->marks.probs_sec);
	problems_clear(&w->marks.probs);
	problems_clear(&w->marks.warns);
	problems_clear(&w->marks.tprobs);
	for (i = 0; w->marks.member_probs && i < w->data.def->root->nchildren; i++)
		problems_clear(&w->marks.member_probs[i]);
	free(w->marks.member_probs);
	free(w->marks.member_gen);
	marks_svc_clear(w);
	marks_made_clear(w);
}
