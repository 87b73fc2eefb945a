/* role-ui.c: the execution role made from the role field (ACT_MAKE_ROLE):
 * the exact trust and permissions documents for this form (roledocs.h)
 * shown first, the name asked (the default contains BedrockAgentCore, so
 * that the BedrockAgentCoreFullAccess policy may pass it), a yes asked,
 * then IAM CreateRole and PutRolePolicy on a worker thread (never curses)
 * while the screen says so, and the field filled with the new ARN. The
 * first submission of it then waits out IAM's delay (runtime.h new_role). */
#include "config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "aws/awscall.h"
#include "aws/awsconfig.h"
#include "aws/iam.h"
#include "aws/roledocs.h"
#include "aws/sts.h"
#include "base/printable.h"
#include "base/util.h"
#include "form/document.h"
#include "curses.h"
#include "wiz.h"

#define ART "agentRuntimeArtifact."
#define S3_ ART "codeConfiguration.code.s3."

struct maker {
	pthread_t thread;
	atomic_int done;
	struct awscall_client cl;
	const char *name, *runtime, *trust, *perm;
	char *arn; /* the new role's, once made */
	char *err; /* why not, safe for a terminal */
};

static char *error_text(const char *op, const struct service_error *e)
{
	char *raw = e->transport || !e->code
			? xasprintf("%s: %s", op, e->message ? e->message : "?")
			: xasprintf("%s: %s: %s", op, e->code, e->message ? e->message : "");
	char *t = printable_text(raw, 1000);

	free(raw);
	return t;
}

static void *maker_run(void *arg)
{
	struct maker *m = arg;
	struct service_error err;
	char *desc = xasprintf(
	    "Execution role for Bedrock AgentCore Runtime %s (agentcore-wizard)", m->runtime);
	char *pname = xasprintf("BedrockAgentCoreRuntimeExecutionPolicy-%s", m->runtime);

	if (strlen(pname) > 128)
		pname[128] = '\0';
	if (iam_create_role(&m->cl, m->name, m->trust, desc, &m->arn, &err) != 0) {
		m->err = error_text("CreateRole", &err);
		service_error_free(&err);
	} else if (iam_put_role_policy(&m->cl, m->name, pname, m->perm, &err) != 0) {
		char *e = error_text("PutRolePolicy", &err);

		m->err =
		    xasprintf(_("role %s was made without its permissions policy: %s"), m->arn, e);
		free(e);
		service_error_free(&err);
	}
	free(desc);
	free(pname);
	atomic_store(&m->done, 1);
	return NULL;
}

static void maker_draw(struct wiz *w, void *state)
{
	struct maker *m = state;
	char *t = xasprintf(_("Creating role %s (CreateRole, PutRolePolicy)..."), m->name);

	wiz_status(w, 0, "%s", t);
	free(t);
	wiz_draw(w);
}

static int maker_idle(struct wiz *w, void *state)
{
	(void)w;
	return atomic_load(&((struct maker *)state)->done) ? 1 : DIALOG_MORE;
}

/* Keys while the role is made: none does anything (a role half made is
 * worse than a wait of a second). */
static int maker_key(struct wiz *w, void *state, enum action a, int key)
{
	(void)w;
	(void)state;
	(void)a;
	(void)key;
	beep();
	return DIALOG_MORE;
}

/* The documents as pager lines (lines and their count). */
static char **doc_lines(const char *name, const char *trust, const char *perm, size_t *n)
{
	char *all = xasprintf(_("Role name: %s\n\nTrust policy (who may use the role):\n%s\n\n"
				"Permissions policy (what the runtime may do):\n%s\n\n"
				"Esc or Enter closes this; the name and a yes are asked next."),
			      name, trust, perm);
	char **v = NULL, *p = all, *nl;

	*n = 0;
	for (;;) {
		nl = strchr(p, '\n');
		v = xrealloc(v, (*n + 1) * sizeof *v);
		v[(*n)++] = nl ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p);
		if (!nl)
			break;
		p = nl + 1;
	}
	free(all);
	return v;
}

/* Ask for the name until IAM would take it (and the managed policy may
 * pass it); NULL for Esc. Caller frees. */
static char *ask_name(struct wiz *w, const char *dflt)
{
	char *name = xstrdup(dflt), *typed;
	int r;

	for (;;) {
		typed = NULL;
		r = dialog_prompt_line(w, _("Role name:"), name,
				       _("Up to 64 letters, digits and _+=,.@-, containing "
					 "BedrockAgentCore; Enter takes it, Esc makes nothing."),
				       &typed);
		if (r == PROMPT_ESC) {
			free(name);
			return NULL;
		}
		if (r == PROMPT_TEXT) {
			free(name);
			name = typed;
		}
		if (roledocs_name_ok(name))
			return name;
		wiz_status(w, 1,
			   _("\"%s\" is not a name to use: expected up to 64 letters, digits and "
			     "_+=,.@- containing BedrockAgentCore."),
			   name);
	}
}

/* Create it in the background while the screen says so; the new ARN, or
 * NULL with the reason on the status line. */
static char *create(struct wiz *w, const struct aws_settings *s, const struct aws_credentials *c,
		    const char *name, const char *runtime, const char *trust, const char *perm)
{
	struct maker m = {0};
	struct dialog d = {maker_draw, maker_key, 0, 1, &m, maker_idle};

	m.cl = (struct awscall_client){s, c, NULL, NULL, 0, 0};
	m.name = name;
	m.runtime = runtime;
	m.trust = trust;
	m.perm = perm;
	if (pthread_create(&m.thread, NULL, maker_run, &m) != 0) {
		wiz_status(w, 1, "%s", _("The role was not made: no thread could be started."));
		return NULL;
	}
	dialog_run(w, &d);
	pthread_join(m.thread, NULL); /* done, or SIGTERM: IAM answers within its timeout */
	if (m.err) {
		wiz_status(w, 1, _("The role was not made: %s"), m.err);
		free(m.err);
		free(m.arn);
		return NULL;
	}
	return m.arn;
}

/* The documents, the name, the yes, then the role: its ARN, or NULL (the
 * status line says why). */
static char *make(struct wiz *w, const struct aws_settings *s, const struct aws_credentials *c,
		  const struct sts_identity *id)
{
	const struct document *doc = w->data.doc;
	const char *rt = document_text(doc, "agentRuntimeName");
	struct roledocs_scope sc = {id->partition,
				    s->region.value,
				    id->account,
				    rt && *rt ? rt : NULL,
				    document_text(doc, ART "containerConfiguration.containerUri"),
				    document_text(doc, S3_ "bucket"),
				    document_text(doc, S3_ "prefix"),
				    document_text(doc, S3_ "versionId")};
	char *trust = roledocs_trust(&sc), *perm = roledocs_permissions(&sc);
	char *dflt = roledocs_default_name(&sc), *name = NULL, *q, *arn = NULL, **lines;
	size_t n, i;

	lines = doc_lines(dflt, trust, perm, &n);
	dialog_pager(w, _("The execution role to make"), lines, n);
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	name = ask_name(w, dflt);
	if (name) {
		q = xasprintf(_("Create role %s in account %s with the documents shown? (y/n)"),
			      name, id->account);
		if (dialog_ask(w, q) == 'y')
			arn = create(w, s, c, name, rt ? rt : "", trust, perm);
		else
			wiz_status(w, 0, "%s", _("No role made."));
		free(q);
	} else {
		wiz_status(w, 0, "%s", _("No role made."));
	}
	free(name);
	free(dflt);
	free(trust);
	free(perm);
	return arn;
}

void role_make(struct wiz *w)
{
	const struct row *r = w->screen == &screen_form ? screen_form_row(w) : NULL;
	const struct aws_settings *s;
	const struct aws_credentials *c;
	const struct sts_identity *id;
	const char *why = NULL;
	char *arn;
	int st;

	if (!r || strcmp(r->path, "roleArn")) {
		wiz_status(w, 1, _("%s makes an execution role on the role field (Permissions)."),
			   keys_action_name(ACT_MAKE_ROLE));
		return;
	}
	if (w->tmpl.t && tmpl_refuse(w, r->path))
		return;
	st = account_get(w, &s, &c, &id, &why);
	if (st == 0) {
		wiz_status(
		    w, 0, "%s",
		    _("Still finding out who your credentials are; try again in a moment."));
		return;
	}
	if (st < 0) {
		wiz_status(w, 1, _("No role can be made here: %s"), why ? why : "?");
		return;
	}
	if (!(arn = make(w, s, c, id)))
		return;
	document_set_text(w->data.doc, "roleArn", arn);
	free(w->account.made_role);
	w->account.made_role = arn;
	w->data.last_edit = util_monotonic();
	screen_form_reload(w);
	uichecks_start(w); /* the account checks of the new role */
	wiz_status(w, 0,
		   _("Made role %s. IAM takes a few seconds to make it usable: the first "
		     "submission waits for it."),
		   arn);
}

const char *role_new(const struct wiz *w)
{
	const char *now = document_text(w->data.doc, "roleArn");

	return w->account.made_role && now && !strcmp(now, w->account.made_role)
		   ? w->account.made_role
		   : NULL;
}
