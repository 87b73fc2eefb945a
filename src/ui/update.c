/* update.c: a deployed runtime opened to be updated (`open RUNTIME_ID`, or
 * from the start screen's list): loaded with GetAgentRuntime and its tags,
 * edited in the same section screens (the name and the tags, which no
 * update can change, refused with the reason as a template's locked
 * fields are), the review's diff against the deployed configuration and
 * the UpdateAgentRuntime request, and F10: the question saying what an
 * update does, the request (one clientToken per submission), following it
 * to READY, and offering to move the named endpoints. Owns struct
 * wiz_update. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "aws/runtime.h"
#include "aws/runtimes.h"
#include "base/printable.h"
#include "base/util.h"
#include "form/diff.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/getmap.h"
#include "form/validate.h"
#include "curses.h"
#include "submit.h"
#include "ui.h"
#include "wiz.h"

struct wiz_update {
	char *id, *name, *version;
	struct getmap *map;
	struct upform *old; /* the deployed configuration as an update form */
	char *notes;        /* what the mapping left out, or NULL */
	/* the clientToken of an update that got no answer and the form it
	 * sent (upform_to_json): F10 on that form again sends the same token */
	char *token, *token_form;
};

static void update_free(struct wiz_update *u)
{
	if (!u)
		return;
	free(u->id);
	free(u->name);
	free(u->version);
	free(u->notes);
	free(u->token);
	free(u->token_form);
	upform_free(u->old);
	getmap_free(u->map);
	free(u);
}

/* Members an update cannot change, and why. */
static const char *fixed_reason(const char *path)
{
	size_t n = strcspn(path, ".[");

	if (n == strlen("agentRuntimeName") && !strncmp(path, "agentRuntimeName", n))
		return _("The name cannot change after the runtime is created (UpdateAgentRuntime "
			 "does not take it).");
	if (n == strlen("tags") && !strncmp(path, "tags", n))
		return _("Tags are not part of an update (UpdateAgentRuntime does not take them): "
			 "change them with 'aws bedrock-agentcore-control tag-resource'.");
	return NULL;
}

struct fetch_cancel {
	int (*cancel)(void *);
	void *arg;
};

static int fetch_cancelled(void *arg)
{
	struct fetch_cancel *f = arg;

	return f->cancel && f->cancel(f->arg);
}

/* The answer as the two forms; EXIT_OK or EXIT_SERVICE with *cause. */
static int fetch_forms(const struct formdef *def, struct wiz_update *u,
		       const struct runtime_answer *a, struct document **doc, char **cause)
{
	struct problems notes = {0};
	struct strbuf b = {0};
	size_t i;

	*doc = getmap_create_form(u->map, def, a->get, a->get_len, a->tags, a->tags_len, &notes,
				  cause);
	if (*doc)
		u->old = getmap_update_form(u->map, def, a->get, a->get_len, a->tags, a->tags_len,
					    &notes, cause);
	if (!*doc || !u->old) {
		document_free(*doc);
		*doc = NULL;
		problems_clear(&notes);
		return EXIT_SERVICE;
	}
	for (i = 0; i < notes.n; i++) {
		/* the name and the tags are shown, read-only: no note for them */
		if (fixed_reason(notes.v[i].path))
			continue;
		strbuf_addf(&b, "%s%s: %s", b.len ? "; " : "", notes.v[i].path,
			    notes.v[i].message);
	}
	u->notes = b.len ? strbuf_finish(&b) : (strbuf_release(&b), NULL);
	problems_clear(&notes);
	return EXIT_OK;
}

int ui_update_fetch(const struct formdef *def, const char *id, int (*cancel)(void *), void *arg,
		    struct document **doc, struct wiz_update **upd, char **cause)
{
	struct runtimes_session rs;
	struct runtime_answer a = {0};
	struct service_error err;
	struct fetch_cancel fc = {cancel, arg};
	/* a credential_process that waits is stopped by the same cancel */
	struct credentials_hooks h = {fetch_cancelled, &fc, 0};
	struct aws_options o;
	struct wiz_update *u;
	int rc;

	*doc = NULL;
	*upd = NULL;
	*cause = NULL;
	if (!runtime_id_valid(id)) {
		char *p = printable_text(id, 200);

		*cause = xasprintf(_("\"%s\" is not a runtime id: expected NAME-XXXXXXXXXX "
				     "(letters, digits, _ and -)"),
				   p);
		free(p);
		return EXIT_USAGE;
	}
	u = xcalloc(1, sizeof *u);
	if (!(u->map = getmap_load(def, cause))) {
		update_free(u);
		return EXIT_CONFIG;
	}
	submit_options(&o);
	if ((rc = runtimes_connect_with(&o, &h, &rs, cause)) != 0) {
		runtimes_disconnect(&rs);
		update_free(u);
		return rc == CREDENTIALS_CANCELLED ? EXIT_CANCELLED : EXIT_CONFIG;
	}
	if (runtimes_get(&rs.cl, id, 1, &a, &err) != 0) {
		if (!err.transport && runtimes_not_found(&err))
			*cause = xasprintf(_("there is no runtime %s in %s (the service answered "
					     "%s: %s); '%s list' shows the runtimes there are"),
					   id, rs.s.region.value, err.code ? err.code : "404",
					   err.message, PACKAGE_NAME);
		else
			*cause = xasprintf(_("could not read runtime %s: %s"), id, err.message);
		rc = err.http == HTTP_CANCELLED ? EXIT_CANCELLED : EXIT_SERVICE;
		service_error_free(&err);
	} else {
		u->id = xstrdup(id);
		u->name = xstrdup(a.name ? a.name : id);
		u->version = xstrdup(a.version ? a.version : "?");
		rc = fetch_forms(def, u, &a, doc, cause);
	}
	runtimes_answer_free(&a);
	runtimes_disconnect(&rs);
	if (rc != EXIT_OK)
		update_free(u);
	else
		*upd = u;
	return rc;
}

void upd_begin(struct wiz *w, struct wiz_update *u)
{
	w->upd = u;
	if (!u)
		return;
	/* the document is the deployed runtime, not a draft of a new one */
	free(w->draft.path);
	w->draft.path = NULL;
}

void upd_enter(struct wiz *w)
{
	wiz_enter_section(w, 0);
	if (w->upd->notes)
		wiz_status(w, 0, _("Not editable here, kept as deployed: %s"), w->upd->notes);
}

const char *upd_id(const struct wiz *w)
{
	return w->upd ? w->upd->id : NULL;
}

void upd_release(struct wiz *w)
{
	update_free(w->upd);
	w->upd = NULL;
}

char *upd_title(const struct wiz *w)
{
	if (!w->upd)
		return NULL;
	return xasprintf(_("Updating %s (version %s)"), w->upd->name, w->upd->version);
}

const char *upd_locked(const struct wiz *w, const char *path)
{
	return w->upd && path ? fixed_reason(path) : NULL;
}

int upd_refuse(struct wiz *w, const char *path)
{
	const char *why = upd_locked(w, path);

	if (!why)
		return 0;
	wiz_status(w, 1, "%s", why);
	return 1;
}

/* The form as an update: the deployed one's id and members outside forms/,
 * the screens' document without the name and the tags. Caller frees. */
static struct upform *edited(const struct wiz *w, int masked)
{
	struct upform *u = upform_copy(w->upd->old);
	const struct formdef *def = w->data.def;
	size_t i, k, n;

	document_free(u->doc);
	u->doc = document_copy(w->data.doc);
	document_remove(u->doc, "agentRuntimeName");
	document_remove(u->doc, "tags");
	for (i = 0; masked && i < def->root->nchildren; i++) {
		const struct fnode *f = def->root->children[i];

		if (f->kind != FK_MAP || !f->sensitive)
			continue;
		n = document_count(u->doc, f->name);
		for (k = 0; k < n; k++) {
			char *p = xasprintf("%s[%zu]", f->name, k);

			document_set_text(u->doc, p, "********");
			free(p);
		}
	}
	return u;
}

/* One diff entry as a line. Caller frees. */
static char *diff_line(const struct diff_entry *e)
{
	switch (e->kind) {
	case DIFF_ADDED:
		return xasprintf(_("  + %s: %s"), e->path, e->new_text);
	case DIFF_REMOVED:
		return xasprintf(_("  - %s: %s (removed)"), e->path, e->old_text);
	default:
		return xasprintf(_("  ~ %s: %s -> %s%s"), e->path, e->old_text, e->new_text,
				 e->secret ? _(" (secret: values hidden)") : "");
	}
}

/* The section that shows top-level member name, or -1. */
static int member_section(const struct formdef *def, const char *name)
{
	const struct fnode *n = name ? formdef_lookup(def, name) : NULL;

	return n ? n->section : -1;
}

int upd_review(struct wiz *w,
	       void (*add)(struct wiz *w, int sec, int bold, int nowrap, const char *text))
{
	struct upform *u;
	struct diff d = {0};
	size_t i, changed = 0, all = 0;
	char *t, *json, *line, *save;

	if (!w->upd)
		return 0;
	u = edited(w, 0);
	diff_upforms(w->upd->map, w->data.def, w->upd->old, u, &d);
	upform_free(u);
	t = xasprintf(_("Changes to %s (%s), version %s:"), w->upd->name, w->upd->id,
		      w->upd->version);
	add(w, -1, 1, 0, t);
	free(t);
	for (i = 0; i < d.n; i++) {
		t = diff_line(&d.v[i]);
		add(w, member_section(w->data.def, d.v[i].member), 1, 0, t);
		free(t);
	}
	if (!d.n)
		add(w, -1, 0, 0,
		    _("  (no change: the form is the deployed configuration; F10 sends nothing)"));
	/* the members left as they are, folded into one line */
	for (i = 0; i < w->data.def->root->nchildren; i++) {
		const char *name = w->data.def->root->children[i]->name;
		size_t k;
		int hit = 0;

		if (fixed_reason(name) || !document_is_set(w->upd->old->doc, name))
			continue;
		for (k = 0; k < d.n; k++)
			hit |= !strcmp(d.v[k].member, name);
		all++;
		changed += hit;
	}
	if (all > changed) {
		t = xasprintf(P_("  %zu member unchanged (folded)",
				 "  %zu members unchanged (folded)", all - changed),
			      all - changed);
		add(w, -1, 0, 0, t);
		free(t);
	}
	diff_clear(&d);
	add(w, -1, 1, 0,
	    _("UpdateAgentRuntime request (agentRuntimeId goes in the path; a clientToken is "
	      "added when it is sent; secrets masked):"));
	u = edited(w, 1);
	json = upform_to_json(w->upd->map, w->data.def, u, 1);
	upform_free(u);
	for (line = strtok_r(json, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		add(w, -1, 0, 1, line);
	free(json);
	t = xasprintf(_("The same with the AWS CLI (after %s saves the file):"),
		      keys_action_name(ACT_SAVE));
	add(w, -1, 1, 0, t);
	free(t);
	t = submit_cli_command("update-agent-runtime",
			       w->data.file ? w->data.file : "runtime.json");
	add(w, -1, 0, 1, t);
	free(t);
	return 1;
}

/* ---- F10 ------------------------------------------------------------------------ */

struct update_job {
	struct wiz *w;
	const char *body;
	char *version; /* of the answer */
};

static void update_run(void *arg, const struct runtime_progress *rp, struct runtime_outcome *out)
{
	struct update_job *j = arg;
	struct aws_options o;
	struct runtimes_session rs;
	struct http_response resp;
	struct service_error err;
	char *v;

	if (submit_connect_job(&rs, rp, out) != 0)
		return;
	rp->state(rp->arg, _("Sending UpdateAgentRuntime"));
	if (runtimes_update(&rs.cl, j->w->upd->id, j->body, &resp, &err) != 0) {
		submit_refused(out, &err);
		runtimes_disconnect(&rs);
		return;
	}
	runtimes_disconnect(&rs);
	v = service_answer_string(resp.body, resp.body_len, "agentRuntimeVersion");
	j->version = v ? printable_text(v, 20) : NULL;
	free(v);
	http_response_free(&resp);
	v = xasprintf(_("Updating to version %s"), j->version ? j->version : "?");
	rp->line(rp->arg, v);
	free(v);
	submit_options(&o);
	runtime_follow(&o, j->w->upd->id, RUNTIME_WANT_READY, SUBMIT_FOLLOW_LIMIT, rp, out);
}

static char *update_said(void *arg, const struct runtime_outcome *out)
{
	struct update_job *j = arg;
	const char *v = j->version ? j->version : "?";

	switch (out->end) {
	case RUNTIME_READY:
		return xasprintf(_("Runtime %s is READY at version %s."), j->w->upd->name, v);
	case RUNTIME_NOT_SENT:
	case RUNTIME_REFUSED:
		return xasprintf(_("Not updated: %s"), out->message ? out->message : "?");
	case RUNTIME_CANCELLED:
		return xstrdup(
		    _("The update was cancelled before an answer came: the runtime may "
		      "be updating ('agentcore-wizard versions' shows its versions). F10 "
		      "on this form, unchanged, sends the same clientToken."));
	default: {
		char *s = runtime_outcome_summary(out), *r;

		r = xasprintf(_("Update to version %s: %s"), v, s);
		free(s);
		return r;
	}
	}
}

static char *update_next(void *arg, const struct runtime_outcome *out)
{
	(void)arg;
	(void)out;
	return xstrdup(_("Press any key to return to the review; every value is kept."));
}

static int open_cancel(void *arg)
{
	(void)arg;
	return term_cancel_pressed();
}

/* submit_connect on the main thread: Esc stops a credential_process that
 * waits; the calls then keep no cancel. 0, or -1 with *cause. */
static int connect_waiting(struct runtimes_session *rs, char **cause)
{
	struct credentials_hooks h = {open_cancel, NULL, 0};
	struct aws_options o;

	submit_options(&o);
	if (runtimes_connect_with(&o, &h, rs, cause) != 0) {
		runtimes_disconnect(rs);
		return -1;
	}
	rs->cl.hooks.cancel = NULL;
	rs->cl.hooks.arg = NULL;
	return 0;
}

/* The named endpoints of the runtime (never DEFAULT), listed now, as
 * "prod (version 3), beta (version 4)"; *eps gets the list. NULL when
 * there are none or they cannot be listed (*why). Caller frees. */
static char *named_endpoints(const char *id, struct runtimes_list *eps, char **why)
{
	struct runtimes_session rs;
	struct service_error err;
	struct strbuf b = {0};
	size_t i;

	*why = NULL;
	if (connect_waiting(&rs, why) != 0)
		return NULL;
	if (runtimes_endpoints(&rs.cl, id, eps, &err) != 0) {
		*why = xstrdup(err.message);
		service_error_free(&err);
	}
	runtimes_disconnect(&rs);
	for (i = 0; i < eps->nep; i++) {
		const struct runtime_endpoint *e = &eps->ep[i];

		if (!e->name || !strcmp(e->name, RUNTIMES_DEFAULT_ENDPOINT))
			continue;
		strbuf_addf(&b, _("%s%s (version %s)"), b.len ? ", " : "", e->name,
			    e->live_version ? e->live_version : "?");
	}
	return b.len ? strbuf_finish(&b) : (strbuf_release(&b), NULL);
}

/* After READY: offer to move each named endpoint to the new version. */
static void offer_moves(struct wiz *w, const struct runtimes_list *eps, const char *version)
{
	struct runtimes_session rs;
	struct service_error err;
	struct strbuf b = {0};
	char *cause = NULL, *q;
	size_t i;

	if (connect_waiting(&rs, &cause) != 0) {
		wiz_status(w, 1, _("The endpoints cannot be moved: %s"), cause);
		free(cause);
		return;
	}
	for (i = 0; i < eps->nep; i++) {
		const struct runtime_endpoint *e = &eps->ep[i];

		if (!e->name || !strcmp(e->name, RUNTIMES_DEFAULT_ENDPOINT) ||
		    (e->live_version && !strcmp(e->live_version, version)))
			continue;
		q = xasprintf(_("Endpoint %s stays on version %s. Move it to version %s (its "
				"callers then reach the new code)? (y/n)"),
			      e->name, e->live_version ? e->live_version : "?", version);
		if (dialog_ask_box(w, _("Move an endpoint?"), q, _("y: move it    n: leave it"),
				   ASK_ESC | ASK_FLUSH) == 'y') {
			if (runtimes_move_endpoint(&rs.cl, w->upd->id, e->name, version, &err) ==
			    0)
				strbuf_addf(&b, _(" Endpoint %s moved to version %s."), e->name,
					    version);
			else {
				strbuf_addf(&b, _(" Endpoint %s not moved: %s."), e->name,
					    err.message);
				service_error_free(&err);
			}
		}
		free(q);
	}
	runtimes_disconnect(&rs);
	if (b.len) {
		/* after what the status says (wiz_status frees it first) */
		char *was = w->status.text ? xstrdup(w->status.text) : xstrdup("");

		wiz_status(w, 0, "%s%s", was, b.s);
		free(was);
	}
	strbuf_release(&b);
}

/* After an update that may have reached the service (any end but one
 * where nothing went out or the service refused it): the deployed
 * configuration is read again as the baseline of the next diff and F10.
 * When it cannot be read, the form sent (sent) is the baseline. */
static void reload(struct wiz *w, const char *version, const struct upform *sent)
{
	struct document *doc = NULL;
	struct wiz_update *u = NULL;
	char *cause = NULL, *was;

	/* no cancel: keys typed after the progress are the wizard's */
	if (ui_update_fetch(w->data.def, w->upd->id, NULL, NULL, &doc, &u, &cause) == EXIT_OK) {
		u->token = w->upd->token;
		u->token_form = w->upd->token_form;
		w->upd->token = w->upd->token_form = NULL;
		update_free(w->upd);
		w->upd = u;
		document_free(doc); /* the form on screen is kept as edited */
		return;
	}
	upform_free(w->upd->old);
	w->upd->old = upform_copy(sent);
	if (version) {
		free(w->upd->version);
		w->upd->version = xstrdup(version);
	}
	was = w->status.text ? xstrdup(w->status.text) : xstrdup(""); /* wiz_status frees it */
	wiz_status(w, 1,
		   _("%s The runtime could not be read again (%s): the review compares with "
		     "the form sent."),
		   was, cause);
	free(was);
	free(cause);
}

/* Whether the update may have changed the runtime. */
static int may_have_reached(const struct runtime_outcome *res)
{
	return res->end != RUNTIME_NOT_SENT &&
	       !(res->end == RUNTIME_REFUSED && res->http_status != 0);
}

/* The clientToken for sending form (its upform_to_json): the one of an
 * unanswered update of the same form, else a new one. Caller frees. */
static char *pick_token(struct wiz_update *up, const char *form)
{
	if (up->token && up->token_form && !strcmp(up->token_form, form))
		return xstrdup(up->token);
	free(up->token);
	free(up->token_form);
	up->token = up->token_form = NULL;
	return service_new_token(); /* one per submission: a retry sends the same bytes */
}

/* After the run: an update that got no answer keeps its token for the same
 * form (as a create does); any other end forgets it. */
static void keep_token(struct wiz_update *up, const struct runtime_outcome *res, char *token,
		       char *form)
{
	int lost = res->end == RUNTIME_CANCELLED ||
		   (res->end == RUNTIME_REFUSED && res->http_status == 0);

	free(up->token);
	free(up->token_form);
	up->token = up->token_form = NULL;
	if (lost) {
		up->token = token;
		up->token_form = form;
		return;
	}
	free(token);
	free(form);
}

/* The question before sending: what an update does. 'y' to send. */
static int ask_update(struct wiz *w, size_t changes, const char *named)
{
	char *q = xasprintf(P_("Update runtime %s (%s), now at version %s, with %zu change?\n"
			       "An update makes a new version from the whole form:\n"
			       "- the DEFAULT endpoint moves to the new version;\n"
			       "- named endpoints stay where they are: %s;\n"
			       "- the runtime's session storage is wiped.\n"
			       "Send UpdateAgentRuntime? (y/n)",
			       "Update runtime %s (%s), now at version %s, with %zu changes?\n"
			       "An update makes a new version from the whole form:\n"
			       "- the DEFAULT endpoint moves to the new version;\n"
			       "- named endpoints stay where they are: %s;\n"
			       "- the runtime's session storage is wiped.\n"
			       "Send UpdateAgentRuntime? (y/n)",
			       changes),
			    w->upd->name, w->upd->id, w->upd->version, changes,
			    named ? named : _("there are none"));
	int a = dialog_ask_box(w, _("Update the runtime?"), q,
			       _("y: send the update    n or Esc: not now"), ASK_ESC | ASK_FLUSH);

	free(q);
	return a;
}

void upd_submit(struct wiz *w)
{
	struct problems p = {0};
	struct upform *u;
	struct diff d = {0};
	struct runtimes_list eps = {0};
	struct runtime_outcome res;
	struct update_job j = {w, NULL, NULL};
	struct progress_job pj = {_("Updating the runtime (UpdateAgentRuntime)"),
				  NULL,
				  update_run,
				  update_said,
				  update_next,
				  &j};
	char *named, *why = NULL, *token, *body, *form, *summary = NULL;
	size_t changes;

	if (validate_document(w->data.def, w->data.doc, &p) != VS_VALID) {
		wiz_status(w, 1,
			   P_("Not sent: %zu problem to fix first (listed above).",
			      "Not sent: %zu problems to fix first (listed above).", p.n),
			   p.n);
		problems_clear(&p);
		return;
	}
	problems_clear(&p);
	if (w->settings.aws_missing) {
		char *m = settings_refusal(w);

		wiz_status(w, 1, _("Not sent: %s"), m);
		free(m);
		return;
	}
	u = edited(w, 0);
	diff_upforms(w->upd->map, w->data.def, w->upd->old, u, &d);
	changes = d.n;
	diff_clear(&d);
	if (!changes) {
		wiz_status(w, 1,
			   _("Nothing to update: the form matches version %s of %s; nothing was "
			     "sent."),
			   w->upd->version, w->upd->name);
		upform_free(u);
		return;
	}
	named = named_endpoints(w->upd->id, &eps, &why);
	if (ask_update(w, changes, named ? named : why) != 'y') {
		wiz_status(w, 0, "%s", _("Not sent."));
		goto out;
	}
	form = upform_to_json(w->upd->map, w->data.def, u, 0);
	token = pick_token(w->upd, form);
	body = upform_request_body(w->upd->map, w->data.def, u, token);
	j.body = body;
	progress_run(&pj, &res, &summary);
	free(body);
	keep_token(w->upd, &res, token, form);
	wiz_status(w, res.end != RUNTIME_READY, "%s", summary);
	if (may_have_reached(&res))
		reload(w, j.version, u);
	if (res.end == RUNTIME_READY && j.version) {
		/* the form is what is deployed now: nothing unsaved */
		w->data.saved_gen = document_generation(w->data.doc);
		w->data.dirty_extra = 0;
		offer_moves(w, &eps, j.version);
	}
	free(summary);
	runtime_outcome_free(&res);
	screen_review_free(w);
	clearok(curscr, TRUE);
out:
	free(j.version);
	free(named);
	free(why);
	runtimes_list_free(&eps);
	upform_free(u);
}

int upd_save(struct wiz *w, const char *file, char **cause)
{
	struct upform *u;
	int r;

	if (!w->upd)
		return 1;
	u = edited(w, 0);
	r = upform_save(w->upd->map, w->data.def, u, file, cause);
	upform_free(u);
	return r;
}

int upd_open_first(struct wiz *w, const char *id, char **cause)
{
	struct document *doc = NULL;
	struct wiz_update *u = NULL;
	char *t = xasprintf(_("Loading runtime %s: finding the AWS credentials (a "
			      "credential_process may take a while), then GetAgentRuntime...\n"
			      "Esc or Ctrl-C cancels."),
			    id);
	int rc;

	wiz_wait_note(t);
	free(t);
	rc = ui_update_fetch(w->data.def, id, open_cancel, NULL, &doc, &u, cause);
	if (rc != EXIT_OK)
		return rc;
	document_free(w->data.doc);
	w->data.doc = doc;
	w->data.saved_gen = w->draft.gen = document_generation(doc);
	upd_begin(w, u);
	return EXIT_OK;
}

int upd_open(struct wiz *w, const char *id)
{
	struct document *doc = NULL;
	struct wiz_update *u = NULL;
	char *cause = NULL;

	wiz_status(w, 0, _("Loading runtime %s... (Esc cancels)"), id);
	wiz_draw(w);
	if (ui_update_fetch(w->data.def, id, open_cancel, NULL, &doc, &u, &cause) != EXIT_OK) {
		wiz_status(w, 1, _("Could not open runtime %s: %s"), id, cause);
		free(cause);
		return -1;
	}
	document_free(w->data.doc);
	w->data.doc = doc;
	free(w->data.file);
	w->data.file = NULL;
	w->data.saved_gen = w->draft.gen = document_generation(doc);
	w->data.dirty_extra = 0;
	upd_release(w);
	free(w->status.text);
	w->status.text = NULL;
	upd_begin(w, u);
	screen_form_reload(w);
	marks_visit_all(w);
	upd_enter(w);
	return 0;
}
