/* runtime.c: create a runtime and follow it; see runtime.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "form/document.h"
#include "aws/runtime.h"
#include "aws/service.h"
#include "base/printable.h"
#include "base/util.h"

/* seconds between status polls: from 1 s, growing by half, up to 10 s (as
 * submit --wait polls) */
#define POLL_FIRST 1.0
#define POLL_MAX   10.0

struct run {
	const struct runtime_progress *p;
	int following; /* a cancel now only stops following */
	int stopped;
};

static void say(struct run *r, char *text)
{
	if (r->p->line)
		r->p->line(r->p->arg, text);
	free(text);
}

static void state(struct run *r, const char *text)
{
	if (r->p->state)
		r->p->state(r->p->arg, text);
}

static int hook_cancel(void *arg)
{
	struct run *r = arg;

	if (!r->stopped && r->p->cancel && r->p->cancel(r->p->arg))
		r->stopped = 1;
	return r->stopped;
}

static void hook_attempt(void *arg, int attempt, int max, double delay, double elapsed,
			 const char *why)
{
	struct run *r = arg;
	char *w;

	(void)elapsed;
	if (delay <= 0) {
		if (r->p->retry && attempt > 1)
			r->p->retry(r->p->arg, attempt, max, 0, NULL);
		return;
	}
	w = printable_text(why ? why : "?", 200);
	if (r->p->retry)
		r->p->retry(r->p->arg, attempt, max, delay, w);
	else
		say(r, xasprintf(_("attempt %d of %d failed (%s); retrying in %.1f s"), attempt,
				 max, w, delay));
	free(w);
}

/* The error as the service gave it: the message, the field list, the request id. */
static void keep_error(struct run *r, struct runtime_outcome *out, const struct service_error *e)
{
	size_t i;

	free(out->message);
	out->message = printable_text(e->message ? e->message : "?", 1000);
	free(out->code);
	out->code = e->code ? printable_text(e->code, 200) : NULL;
	free(out->request_id);
	out->request_id = e->request_id ? printable_text(e->request_id, 200) : NULL;
	out->http_status = e->transport ? 0 : e->status;
	say(r, xasprintf(_("Failed: %s%s%s"), out->code ? out->code : "", out->code ? ": " : "",
			 out->message));
	for (i = 0; i < out->nfields; i++)
		free(out->fields[i]);
	free(out->fields);
	out->fields = e->nfields ? xcalloc(e->nfields, sizeof *out->fields) : NULL;
	out->nfields = e->nfields;
	for (i = 0; i < e->nfields; i++) {
		out->fields[i] = printable_text(e->fields[i], 1000);
		say(r, xstrdup(out->fields[i]));
	}
	if (out->request_id)
		say(r, xasprintf(_("Request id: %s"), out->request_id));
}

/* What a status means to someone waiting for `want` (RUNTIME_WANT_GONE:
 * the runtime's deletion): 1 arrived, -1 never will, 0 keep waiting. */
static int status_final(const char *status, const char *want)
{
	size_t n = strlen(status);

	if (want && !strcmp(status, want))
		return 1;
	if (n >= 7 && !strcmp(status + n - 7, "_FAILED"))
		return -1;
	return want && !strcmp(status, "DELETING") ? -1 : 0;
}

/* One poll: RUNTIME_CREATED to keep following, or how following ends. */
static enum runtime_end poll_once(struct run *r, const struct service_client *cl, const char *path,
				  const char *want, double start, struct runtime_outcome *out)
{
	struct http_response resp;
	struct service_error err;
	char *st, *why, *t;
	int final;

	if (service_call(cl, "GET", path, NULL, NULL, &resp, &err) != 0) {
		enum runtime_end end = RUNTIME_LOST;

		if (err.http == HTTP_CANCELLED || r->stopped)
			end = RUNTIME_STOPPED;
		else if (!want && err.code && !strcmp(err.code, "ResourceNotFoundException"))
			end = RUNTIME_GONE;
		else
			keep_error(r, out, &err);
		service_error_free(&err);
		return end;
	}
	if (r->p->answer)
		r->p->answer(r->p->arg, "GetAgentRuntime", resp.status, resp.body, resp.body_len);
	st = service_answer_string(resp.body, resp.body_len, "status");
	why = service_answer_string(resp.body, resp.body_len, "failureReason");
	http_response_free(&resp);
	if (!st) {
		free(why);
		free(out->message);
		out->message = xstrdup(_("the answer has no status"));
		say(r, xasprintf(_("Failed: %s"), out->message));
		return RUNTIME_LOST;
	}
	t = printable_text(st, 100);
	if (!out->status || strcmp(out->status, t))
		say(r, xasprintf(_("Status: %s"), t));
	free(out->status);
	out->status = t;
	if (r->p->status)
		r->p->status(r->p->arg, out->id, t, util_monotonic() - start);
	final = status_final(st, want);
	free(st);
	if (final < 0) {
		free(out->reason);
		out->reason = runtime_failure_reason(out->status, why);
		say(r, xasprintf(_("Failure reason: %s"),
				 out->reason ? out->reason : _("(none given)")));
	}
	free(why);
	return final > 0 ? RUNTIME_READY : final < 0 ? RUNTIME_FAILED : RUNTIME_CREATED;
}

/* Poll the runtime until its status is `want` (or it is gone), it has
 * failed, the time is up, or the user stops. */
static void follow(struct run *r, const struct service_client *cl, const char *want, double limit,
		   struct runtime_outcome *out)
{
	char *path = xasprintf("/runtimes/%s/", out->id);
	double delay = POLL_FIRST, start = util_monotonic();
	enum runtime_end end;
	char *t;

	r->following = 1;
	t = want ? xasprintf(_("Waiting until runtime %s is %s"), out->id, want)
		 : xasprintf(_("Waiting until runtime %s is deleted"), out->id);
	state(r, t);
	free(t);
	while ((end = poll_once(r, cl, path, want, start, out)) == RUNTIME_CREATED) {
		if (util_monotonic() - start >= limit) {
			end = RUNTIME_GAVE_UP;
			break;
		}
		if (r->stopped || (r->p->pause && r->p->pause(r->p->arg, delay))) {
			end = RUNTIME_STOPPED;
			break;
		}
		delay = delay * 1.5 > POLL_MAX ? POLL_MAX : delay * 1.5;
	}
	out->end = end;
	free(path);
}

/* Why settings and credentials cannot be used, in words from files and the
 * environment (not yet safe for a terminal); NULL when they can. */
static char *resolve_why(const struct aws_options *o, const struct credentials_hooks *h,
			 struct aws_settings *s, struct aws_credentials *c, int *rc)
{
	char *cause = NULL;

	*rc = -1;
	if (aws_settings_resolve(o, s, &cause) != 0)
		return cause;
	if ((cause = aws_settings_unusable(s)))
		return cause;
	*rc = credentials_resolve_with(s, h, c, &cause);
	if (*rc > 0) {
		free(cause);
		return xasprintf(
		    _("no AWS credentials found: set AWS_ACCESS_KEY_ID and "
		      "AWS_SECRET_ACCESS_KEY, or configure profile %s (aws configure), "
		      "or give --profile"),
		    s->profile.value);
	}
	return *rc < 0 ? cause : NULL;
}

int runtime_resolve_with(const struct aws_options *o, const struct credentials_hooks *h,
			 struct aws_settings *s, struct aws_credentials *c, char **why)
{
	int rc;
	char *raw = resolve_why(o, h, s, c, &rc);
	int ret = raw ? (rc == CREDENTIALS_CANCELLED ? rc : -1) : 0;

	*why = raw ? printable_text(raw, 4000) : NULL;
	free(raw);
	return ret;
}

int runtime_resolve(const struct aws_options *o, struct aws_settings *s, struct aws_credentials *c,
		    char **why)
{
	return runtime_resolve_with(o, NULL, s, c, why);
}

/* runtime_resolve with the front end's cancel (p): the outcome is
 * RUNTIME_NOT_SENT, cancelled, when it stopped the wait. */
static int run_resolve(const struct aws_options *o, struct run *r, struct aws_settings *s,
		       struct aws_credentials *c, struct runtime_outcome *out)
{
	struct credentials_hooks h = {hook_cancel, r, 0};
	int rc = runtime_resolve_with(o, &h, s, c, &out->message);

	out->cancelled = rc == CREDENTIALS_CANCELLED;
	return rc;
}

/* A runtime id is safe to put in a path: the service's ids are
 * NAME-XXXXXXXXXX; emulators make others, so only the characters are
 * checked here and the service judges the rest. */
int runtime_id_valid(const char *id)
{
	size_t n = id ? strlen(id) : 0;

	return n >= 1 && n <= 128 &&
	       strspn(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == n;
}

enum runtime_end runtime_follow(const struct aws_options *o, const char *id, const char *want,
				double follow_limit, const struct runtime_progress *p,
				struct runtime_outcome *out)
{
	struct aws_settings s = {0};
	struct aws_credentials c = {0};
	struct service_client cl;
	struct run r = {p, 1, 0};

	memset(out, 0, sizeof *out);
	out->end = RUNTIME_NOT_SENT;
	if (!runtime_id_valid(id)) {
		out->message = xstrdup(_("not a runtime id: expected NAME-XXXXXXXXXX (letters, "
					 "digits, _ and -)"));
		return out->end;
	}
	state(&r, _("Resolving settings and credentials"));
	if (run_resolve(o, &r, &s, &c, out) == 0) {
		out->id = xstrdup(id);
		cl = (struct service_client){&s, &c, {hook_attempt, hook_cancel, &r, p->debug}};
		follow(&r, &cl, want, follow_limit, out);
	}
	credentials_free(&c);
	aws_settings_free(&s);
	return out->end;
}

char *runtime_failure_reason(const char *status, const char *why)
{
	if (why)
		return printable_text(why, 2000);
	if (status && !strcmp(status, "DELETING"))
		return xstrdup(_("it is being deleted, so it will not become READY"));
	return NULL;
}

int runtime_status_final(const char *status)
{
	return status ? status_final(status, RUNTIME_WANT_READY) : 0;
}

/* A refusal: the error kept, and the member its first field names. */
static void keep_refusal(struct run *r, struct runtime_outcome *out, const struct service_error *e)
{
	const char *f;
	size_t n;

	out->end = RUNTIME_REFUSED;
	keep_error(r, out, e);
	if (!out->nfields)
		return;
	f = out->fields[0];
	n = strcspn(f, ": ");
	out->field = xstrndup(f, n);
	f += n;
	f += strspn(f, ": ");
	out->field_message = *f ? xstrdup(f) : NULL;
}

/* The created runtime's id, ARN and status from the create answer; 1 when
 * it is to be followed. */
static int keep_created(struct run *r, struct runtime_outcome *out,
			const struct http_response *resp)
{
	int usable = !r->p->answer || r->p->answer(r->p->arg, "CreateAgentRuntime", resp->status,
						   resp->body, resp->body_len) == 0;
	char *v;

	out->end = RUNTIME_CREATED;
	v = service_answer_string(resp->body, resp->body_len, "agentRuntimeId");
	out->id = v ? printable_text(v, 200) : NULL;
	free(v);
	v = service_answer_string(resp->body, resp->body_len, "agentRuntimeArn");
	out->arn = v ? printable_text(v, 400) : NULL;
	free(v);
	v = service_answer_string(resp->body, resp->body_len, "status");
	out->status = v ? printable_text(v, 100) : NULL;
	free(v);
	say(r, xasprintf(_("Created %s"), out->arn ? out->arn : out->id ? out->id : "?"));
	if (out->status)
		say(r, xasprintf(_("Status: %s"), out->status));
	/* only an id that is safe in a path is followed */
	return usable && runtime_id_valid(out->id);
}

int runtime_role_pending(const struct service_error *e)
{
	static const char said[] = "role validation failed";
	const char *m = e->message;
	size_t n = sizeof said - 1;

	if (e->transport || !e->code || strcmp(e->code, "ValidationException") || !m)
		return 0;
	for (; *m; m++)
		if (!strncasecmp(m, said, n))
			return 1;
	return 0;
}

/* CreateAgentRuntime, sent again (the same body and clientToken) while the
 * service refuses a role this session has just made: 0 with *resp, or -1
 * with *err, as service_call. */
static int create_call(struct run *r, const struct service_client *cl, const char *body,
		       struct http_response *resp, struct service_error *err)
{
	const struct runtime_progress *p = r->p;
	double wait = p->role_wait > 0 ? p->role_wait : 5;
	int tries = 0;

	for (;;) {
		if (service_call(cl, "PUT", "/runtimes/", NULL, body, resp, err) == 0)
			return 0;
		if (!p->new_role || tries >= RUNTIME_ROLE_RETRIES || err->http == HTTP_CANCELLED ||
		    r->stopped || !runtime_role_pending(err))
			return -1;
		tries++;
		if (p->retry)
			p->retry(p->arg, tries, RUNTIME_ROLE_RETRIES + 1, wait * tries,
				 _("the service cannot use the new role yet: IAM takes a few "
				   "seconds to make it usable; the same clientToken is sent"));
		else
			say(r,
			    xasprintf(_("The service cannot use the new role yet (IAM takes a "
					"few seconds to make it usable): trying again in %.0f s "
					"(%d of %d), with the same clientToken"),
				      wait * tries, tries, RUNTIME_ROLE_RETRIES));
		state(r, _("Waiting for IAM to make the new role usable"));
		if (p->pause && p->pause(p->arg, wait * tries)) {
			r->stopped = 1;
			return -1; /* the refusal stands */
		}
		service_error_free(err);
		state(r, _("Sending CreateAgentRuntime"));
	}
}

enum runtime_end runtime_submit(const struct aws_options *o, const struct formdef *def,
				const struct document *doc, double follow_limit,
				const struct runtime_progress *p, struct runtime_outcome *out)
{
	struct aws_settings s = {0};
	struct aws_credentials c = {0};
	struct service_client cl;
	struct http_response resp;
	struct service_error err;
	struct run r = {p, 0, 0};
	char *body;

	memset(out, 0, sizeof *out);
	out->end = RUNTIME_NOT_SENT;
	state(&r, _("Resolving settings and credentials"));
	if (run_resolve(o, &r, &s, &c, out) != 0)
		goto out;
	say(&r, xasprintf(_("Endpoint %s, Region %s"), s.endpoint.value, s.region.value));
	out->client_token = p->client_token ? xstrdup(p->client_token) : service_new_token();
	body = document_request_body(doc, def, out->client_token);
	cl = (struct service_client){&s, &c, {hook_attempt, hook_cancel, &r, p->debug}};
	state(&r, _("Sending CreateAgentRuntime"));
	if (create_call(&r, &cl, body, &resp, &err) != 0) {
		if (err.http == HTTP_CANCELLED)
			out->end = RUNTIME_CANCELLED;
		else
			keep_refusal(&r, out, &err);
		service_error_free(&err);
	} else {
		int go = keep_created(&r, out, &resp);

		http_response_free(&resp);
		if (go && follow_limit >= 0)
			follow(&r, &cl, RUNTIME_WANT_READY, follow_limit, out);
	}
	free(body);
out:
	credentials_free(&c);
	aws_settings_free(&s);
	return out->end;
}

void runtime_outcome_free(struct runtime_outcome *out)
{
	size_t i;

	free(out->id);
	free(out->arn);
	free(out->status);
	free(out->reason);
	free(out->message);
	free(out->code);
	free(out->request_id);
	for (i = 0; i < out->nfields; i++)
		free(out->fields[i]);
	free(out->fields);
	free(out->field);
	free(out->field_message);
	free(out->client_token);
	memset(out, 0, sizeof *out);
}

char *runtime_outcome_summary(const struct runtime_outcome *out)
{
	const char *id = out->id ? out->id : "?";
	const char *st = out->status ? out->status : "?";

	switch (out->end) {
	case RUNTIME_NOT_SENT:
		return xasprintf(_("Not submitted: %s"), out->message ? out->message : "?");
	case RUNTIME_REFUSED:
		return xasprintf(_("Not created: %s"), out->message ? out->message : "?");
	case RUNTIME_CANCELLED:
		return xstrdup(_("Cancelled before the service answered, but the request may "
				 "have reached it: the runtime may exist ('aws "
				 "bedrock-agentcore-control list-agent-runtimes' shows it)."));
	case RUNTIME_CREATED:
		return xasprintf(_("Created %s."), out->arn ? out->arn : id);
	case RUNTIME_READY:
		return xasprintf(_("Runtime %s is READY."), id);
	case RUNTIME_FAILED:
		return xasprintf(_("Runtime %s is %s: %s"), id, st,
				 out->reason ? out->reason : _("(none given)"));
	case RUNTIME_STOPPED:
		return xasprintf(_("Runtime %s exists (%s); only following it stopped. Check it "
				   "with: %s status %s"),
				 id, st, PACKAGE_NAME, id);
	case RUNTIME_LOST:
		return xasprintf(_("Runtime %s was created, but its status could not be read "
				   "(%s). Check it with: %s status %s"),
				 id, out->message ? out->message : "?", PACKAGE_NAME, id);
	case RUNTIME_GAVE_UP:
		return xasprintf(_("Runtime %s is still %s; gave up waiting. Check it with: %s "
				   "status %s"),
				 id, st, PACKAGE_NAME, id);
	case RUNTIME_GONE:
		return xasprintf(_("Runtime %s is deleted."), id);
	}
	return xstrdup("?");
}

int runtime_exit_code(const struct runtime_outcome *out)
{
	switch (out->end) {
	case RUNTIME_NOT_SENT:
		return out->cancelled ? EXIT_CANCELLED : EXIT_CONFIG;
	case RUNTIME_REFUSED:
	case RUNTIME_LOST:
	case RUNTIME_GAVE_UP:
		return EXIT_SERVICE;
	case RUNTIME_CANCELLED:
		return EXIT_CANCELLED;
	case RUNTIME_FAILED:
		return EXIT_FAILED;
	case RUNTIME_CREATED:
	case RUNTIME_READY:
	case RUNTIME_STOPPED:
	case RUNTIME_GONE:
		break;
	}
	return EXIT_OK;
}
