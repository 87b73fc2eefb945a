/* progress.c: F10 on the review: the checks and the question before
 * submitting, the submission's progress on the whole screen (through
 * runtime_submit's callbacks), and where it leads after: the runtime made
 * noted on the review, or the field a service error names. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aws/runtime.h"
#include "base/util.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/validate.h"
#include "curses.h"
#include "submit.h"
#include "text.h"
#include "ui.h"
#include "wiz.h"

struct progress {
	char **log;
	size_t n;
	char *state;
	const char *footer;
	const char *title;
	double start;
};

static void progress_draw(struct progress *p)
{
	size_t i, first, nw;
	int y, sn;
	char *t, **wl;

	erase();
	curs_set(0);
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	mvaddstr(0, 1, p->title);
	attroff(A_REVERSE);
	/* the state whole (a summary ends with the command to check the
	 * runtime, its id last), up to half the screen */
	t = xasprintf("%s (%.0f s)", p->state ? p->state : "", util_monotonic() - p->start);
	sn = ui_wrap_text(t, COLS - 4, LINES / 2, 1, 2, 2, A_BOLD);
	free(t);
	sn = sn < 2 ? 2 : sn;
	/* the log wrapped to the screen (a failureReason is shown whole), its
	 * newest lines when it does not fit */
	wl = ui_wrap_lines(p->log, p->n, COLS - 4, &nw);
	first = nw > (size_t)(LINES - 5 - sn) ? nw - (size_t)(LINES - 5 - sn) : 0;
	for (i = first, y = 3 + sn; i < nw && y < LINES - 2; i++, y++)
		ui_wrap_text(wl[i], COLS - 4, 1, 1, y, 2, A_NORMAL);
	ui_lines_free(wl, nw);
	attron(A_REVERSE);
	mvhline(LINES - 1, 0, ' ', COLS);
	mvaddnstr(LINES - 1, 1, p->footer, COLS - 2);
	attroff(A_REVERSE);
	refresh();
}

static void progress_line(void *arg, const char *text)
{
	struct progress *p = arg;

	p->log = xrealloc(p->log, (p->n + 1) * sizeof *p->log);
	p->log[p->n++] = xstrdup(text);
	progress_draw(p);
}

static void progress_state(void *arg, const char *text)
{
	struct progress *p = arg;

	free(p->state);
	p->state = xstrdup(text);
	progress_draw(p);
}

static int progress_cancel(void *arg)
{
	struct progress *p = arg;

	if (term_cancel_pressed())
		return 1;
	progress_draw(p); /* the elapsed time goes on */
	return 0;
}

/* Wait up to secs, returning 1 early when Esc is pressed. */
static int progress_pause(void *arg, double secs)
{
	struct progress *p = arg;
	double end = util_monotonic() + secs;

	while (util_monotonic() < end) {
		if (term_cancel_pressed())
			return 1;
		progress_draw(p);
		napms(100);
	}
	return 0;
}

/* The member a service error names, and what it said about it (*message,
 * may be NULL): a ValidationException's first field, or the runtime's name
 * for a ConflictException (the name is taken: the one thing a create can
 * conflict with); NULL when none. */
static const char *outcome_field(const struct runtime_outcome *o, const char **message)
{
	*message = o->field_message;
	if (o->field)
		return o->field;
	if (o->code && !strcmp(o->code, "ConflictException")) {
		*message = o->message;
		return "agentRuntimeName";
	}
	return NULL;
}

/* Where the key after the end leads: to the member a service error names
 * (its label and section), else back to the review. */
static char *where_next(const struct formdef *def, const char *field)
{
	const struct fnode *n = field ? formdef_lookup(def, field) : NULL;

	if (n && n->section >= 0 && (size_t)n->section < def->nsections)
		return xasprintf(_("Press any key to go to %s (%s), where the service's message "
				   "is shown; every value is kept."),
				 n->label ? n->label : n->name, def->sections[n->section].title);
	return xstrdup(_("Press any key to return to the review."));
}

/* Run a job (progress_job), drawing its progress on the whole screen;
 * Esc cancels the call or stops following; a key after the end returns.
 * Fills *out (runtime_outcome_free) and *summary. */
void progress_run(const struct progress_job *j, struct runtime_outcome *out, char **summary)
{
	struct progress p = {0};
	struct runtime_progress rp = {.line = progress_line,
				      .state = progress_state,
				      .pause = progress_pause,
				      .cancel = progress_cancel,
				      .arg = &p,
				      .debug = ui_settings.debug,
				      .client_token = j->token};
	char *next;
	size_t i;

	p.start = util_monotonic();
	p.title = j->title;
	p.footer = _("Esc cancels the call; while following, Esc stops following");
	signal(SIGPIPE, SIG_IGN); /* a TLS peer closing is an error to show, not a kill */
	j->run(j->arg, &rp, out);
	*summary = j->said ? j->said(j->arg, out) : runtime_outcome_summary(out);
	progress_state(&p, *summary);
	next = j->next(j->arg, out);
	progress_line(&p, next);
	free(next);
	p.footer = _("Any key continues");
	progress_draw(&p);
	flushinp(); /* keys pressed while it ran are not the answer */
	timeout(-1);
	for (;;) {
		wint_t wc;
		int key = get_wch(&wc);

		if (key != ERR && !(key == KEY_CODE_YES && wc == KEY_RESIZE))
			break;
		if (key == ERR && (term_sig_leave || keys_terminal_gone()))
			break;
		progress_draw(&p);
	}
	timeout(250);
	for (i = 0; i < p.n; i++)
		free(p.log[i]);
	free(p.log);
	free(p.state);
}

/* CreateAgentRuntime of the form, followed until READY. */
struct create_job {
	const struct formdef *def;
	const struct document *doc;
	const char *new_role; /* the role in the form was made this session, or NULL */
};

static void create_run(void *arg, const struct runtime_progress *rp, struct runtime_outcome *out)
{
	struct create_job *c = arg;
	struct runtime_progress r = *rp;
	struct aws_options o;

	r.new_role = c->new_role; /* the service's role validation error is waited out */
	submit_options(&o);
	runtime_submit(&o, c->def, c->doc, SUBMIT_FOLLOW_LIMIT, &r, out);
}

static char *create_next(void *arg, const struct runtime_outcome *out)
{
	struct create_job *c = arg;
	const char *said;

	return where_next(c->def, outcome_field(out, &said));
}

/* Send CreateAgentRuntime and follow the runtime (progress_run). new_role:
 * the role in the form was made this session, or NULL. */
static void submit_run(const struct formdef *def, const struct document *doc, const char *token,
		       const char *new_role, struct runtime_outcome *out, char **summary)
{
	struct create_job c = {def, doc, new_role};
	struct progress_job j = {
	    _("Submitting CreateAgentRuntime"), token, create_run, NULL, create_next, &c};

	progress_run(&j, out, summary);
}

/* After a submission that got no answer (Esc while it was sent, or the
 * connection failed after sending), the runtime may exist: keep its
 * clientToken for this form and say so, with how to check. Any other end
 * that sent the request forgets the token. Returns the summary to show. */
static char *no_answer(struct wiz *w, const struct runtime_outcome *res, char *summary)
{
	int lost = res->end == RUNTIME_REFUSED && res->http_status == 0;
	char *s;

	if (res->end == RUNTIME_NOT_SENT)
		return summary; /* nothing went out: a token kept still stands */
	if (!res->client_token || (res->end != RUNTIME_CANCELLED && !lost)) {
		marks_token_set(w, NULL);
		return summary;
	}
	marks_token_set(w, res->client_token);
	s = xasprintf("%s %s%s", summary,
		      lost ? _("No answer came, so the request may have reached the service and "
			       "the runtime may exist ('aws bedrock-agentcore-control "
			       "list-agent-runtimes' lists them). ")
			   : "",
		      _("F10 on this form, unchanged, sends the same clientToken: the service "
			"then answers with that runtime instead of making a second one."));
	free(summary);
	return s;
}

/* Back to the field the service names, with nothing lost; its message
 * stays under it, and its section marked, until the value changes. */
static void go_to_field(struct wiz *w, const struct runtime_outcome *res, const char *summary)
{
	const char *said, *field = outcome_field(res, &said);
	const struct fnode *n = field ? formdef_lookup(w->data.def, field) : NULL;

	if (!n || n->section < 0 || (size_t)n->section >= w->data.def->nsections)
		return;
	wiz_enter_section(w, (size_t)n->section);
	screen_form_focus(w, field);
	if (screen_form_row(w))
		marks_svc_set(w, screen_form_row(w)->path, n->section,
			      xasprintf(_("The service says: %s"), said ? said : summary));
}

void progress_submit(struct wiz *w)
{
	struct problems p = {0};
	struct runtime_outcome res;
	const char *name = document_text(w->data.doc, "agentRuntimeName");
	char *q, *summary = NULL;
	int rc, a;

	if (w->upd) {
		upd_submit(w); /* update.c: an opened runtime is updated, never created */
		return;
	}
	if (validate_document(w->data.def, w->data.doc, &p) != VS_VALID) {
		wiz_status(w, 1,
			   P_("Not submitted: %zu problem to fix first (listed above).",
			      "Not submitted: %zu problems to fix first (listed above).", p.n),
			   p.n);
		problems_clear(&p);
		return;
	}
	problems_clear(&p);
	if (tmpl_check(w, &q) != VS_VALID) {
		/* the template's own rules: a yours field empty, a narrower pattern */
		wiz_status(w, 1, _("Not submitted: %s"), q);
		free(q);
		return;
	}
	if (w->settings.aws_missing) {
		/* once more: a credential_process may have failed only then */
		settings_refresh(w);
		screen_review_free(w);
	}
	if (w->settings.aws_missing) {
		q = settings_refusal(w);
		wiz_status(w, 1, _("Not submitted: %s"), q);
		free(q);
		return;
	}
	if (w->marks.made_id) {
		/* a second F10 is a second request, with a new clientToken */
		q = xasprintf(_("Runtime %s was already created from this form. Sending it "
				"again is a new request (a new clientToken): it creates a second "
				"runtime, or the service refuses it when the name '%s' is taken.\n"
				"Create a second runtime? (y/n)"),
			      w->marks.made_id, name ? name : "?");
		a = dialog_ask_box(w, _("Submit again?"), q,
				   _("y: create a second runtime    n: no    Esc: cancel"),
				   ASK_ESC);
	} else if (uichecks_errors(w)) {
		/* findings never block: they ask (issue 10) */
		q = xasprintf(P_("The account checks found %zu error: submit anyway? (y/n)",
				 "The account checks found %zu errors: submit anyway? (y/n)",
				 uichecks_errors(w)),
			      uichecks_errors(w));
		a = dialog_ask(w, q);
	} else {
		q = xasprintf(_("Create runtime '%s' now? (y/n)"), name ? name : "?");
		a = dialog_ask(w, q);
	}
	free(q);
	if (a != 'y') {
		wiz_status(w, 0, "%s", _("Not submitted."));
		return;
	}
	submit_run(w->data.def, w->data.doc, marks_token(w), role_new(w), &res, &summary);
	rc = RUNTIME_EXISTS(res.end) ? 0 : -1;
	summary = no_answer(w, &res, summary);
	marks_svc_clear(w);
	if (rc == 0)
		marks_made_set(w, res.id ? res.id : res.arn ? res.arn : "?", res.arn, res.status);
	go_to_field(w, &res, summary);
	screen_review_free(w); /* it says what was created */
	wiz_status(w,
		   rc != 0 || res.end == RUNTIME_FAILED || res.end == RUNTIME_LOST ||
		       res.end == RUNTIME_GAVE_UP,
		   "%s", summary);
	free(summary);
	runtime_outcome_free(&res);
	clearok(curscr, TRUE);
}
