/* checks_run.c: the account checks' engine: who the credentials are, one
 * worker thread per group of checks asked for, findings queued for the
 * caller; see checks.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aws/awsconfig.h"
#include "aws/checks_int.h"
#include "aws/sts.h"
#include "base/printable.h"
#include "base/util.h"

char *checks_not_run(const char *why)
{
	return xasprintf(_("the account checks did not run: %s"), why);
}

const char *check_severity_name(enum check_severity s)
{
	static const char *const names[] = {"ok", "warning", "error", "could-not-check"};

	return s <= CHECK_UNKNOWN ? names[s] : "?";
}

const char *check_severity_words(enum check_severity s)
{
	switch (s) {
	case CHECK_OK:
		return _("ok");
	case CHECK_WARNING:
		return _("warning");
	case CHECK_ERROR:
		return _("error");
	default:
		return _("could not check");
	}
}

struct check_finding *checks_not_run_finding(const char *why)
{
	struct check_finding *f = xcalloc(1, sizeof *f);

	f->path = xstrdup("");
	f->check = xstrdup("identity");
	f->severity = CHECK_UNKNOWN;
	f->message = printable_take(checks_not_run(why));
	f->group = -1;
	return f;
}

void check_findings_free(struct check_finding *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].path);
		free(v[i].check);
		free(v[i].message);
		free(v[i].suggestion);
	}
	free(v);
}

struct checks {
	struct check_input *in;
	const struct aws_settings *settings;
	const struct aws_credentials *creds;
	struct checks_options opt;
	pthread_t coordinator;
	int started;
	pthread_mutex_t lock;
	struct check_finding *v; /* not yet taken */
	size_t n;
	enum checks_state state;
	unsigned done; /* the groups that ended, not cancelled */
	atomic_int cancel;
	int pipe[2]; /* -1 until checks_fd */
	struct sts_identity id;
	int identified; /* id is set (under lock) */
	/* checks_release: the coordinator ended (it frees the run when it
	 * ends after being let go), let go, and what to call then */
	int ended, released;
	void (*after)(void *);
	void *after_arg;
};

/* Under r->lock. */
static void wake_locked(struct checks *r)
{
	char c = 1;

	/* non-blocking: a full pipe is readable already */
	if (r->pipe[1] >= 0 && write(r->pipe[1], &c, 1) < 0 && errno != EAGAIN)
		return;
}

static void wake(struct checks *r)
{
	if (r->opt.notify)
		r->opt.notify(r->opt.arg);
}

static void add_finding(struct checks *r, int group, const char *path, const char *check,
			enum check_severity sev, const char *suggestion, char *message)
{
	struct check_finding f = {xstrdup(path),
				  xstrdup(check),
				  sev,
				  message,
				  suggestion ? printable_text(suggestion, 2048) : NULL,
				  group};

	pthread_mutex_lock(&r->lock);
	r->v = xrealloc(r->v, (r->n + 1) * sizeof *r->v);
	r->v[r->n++] = f;
	wake_locked(r);
	pthread_mutex_unlock(&r->lock);
	wake(r);
}

void check_report(struct check_ctx *c, const char *path, const char *check,
		  enum check_severity sev, const char *suggestion, const char *fmt, ...)
{
	va_list ap;
	char *m, *safe;

	va_start(ap, fmt);
	m = xvasprintf(fmt, ap);
	va_end(ap);
	safe = printable_text(m, 1000);
	free(m);
	add_finding(c->run, c->group, path, check, sev, suggestion, safe);
}

void check_report_failure(struct check_ctx *c, const char *path, const char *check,
			  const struct service_error *e, const char *permission)
{
	if (e->http == HTTP_CANCELLED || check_cancelled(c))
		check_report(c, path, check, CHECK_UNKNOWN, NULL, "%s", _("cancelled"));
	else if (e->transport)
		check_report(c, path, check, CHECK_UNKNOWN, NULL, "%s", e->message);
	else if (awscall_denied(e))
		check_report(c, path, check, CHECK_UNKNOWN, NULL,
			     _("your credentials may not call %s (%s)"), permission,
			     e->code ? e->code : "AccessDenied");
	else
		check_report(c, path, check, CHECK_UNKNOWN, NULL,
			     _("%s answered %s (HTTP %ld): %s"), permission,
			     e->code ? e->code : _("an error"), e->status, e->message);
}

int check_cancelled(const struct check_ctx *c)
{
	return atomic_load(&c->run->cancel) != 0;
}

static int cancel_cb(void *arg)
{
	struct check_ctx *c = arg;

	return check_cancelled(c) ||
	       (c->client.deadline > 0 && util_monotonic() > c->client.deadline);
}

struct worker {
	void (*fn)(struct check_ctx *);
	struct check_ctx ctx;
	pthread_t t;
};

static void *worker_main(void *arg)
{
	struct worker *w = arg;

	w->ctx.client.deadline = util_monotonic() + w->ctx.timeout;
	w->ctx.client.cancel = cancel_cb;
	w->ctx.client.arg = &w->ctx;
	w->fn(&w->ctx);
	if (!check_cancelled(&w->ctx)) {
		pthread_mutex_lock(&w->ctx.run->lock);
		w->ctx.run->done |= CHECK_GROUP_BIT(w->ctx.group);
		wake_locked(w->ctx.run);
		pthread_mutex_unlock(&w->ctx.run->lock);
		wake(w->ctx.run);
	}
	return NULL;
}

static void set_state(struct checks *r, enum checks_state s)
{
	pthread_mutex_lock(&r->lock);
	r->state = s;
	wake_locked(r);
	pthread_mutex_unlock(&r->lock);
	wake(r);
}

/* Who the credentials are; a failure ends the run. 1 when STS has no
 * endpoint (the settings are unusable for it: the run did not run). */
static int identify(struct checks *r, struct check_ctx *base)
{
	struct service_error err;
	struct sts_identity id;
	char *sr = NULL, *why = NULL,
	     *url = awscall_endpoint(r->settings, AWS_STS, NULL, &sr, NULL, &why);

	free(sr);
	if (!url) {
		add_finding(r, -1, "", "identity", CHECK_UNKNOWN, NULL,
			    printable_take(checks_not_run(why ? why : "?")));
		free(why);
		return 1;
	}
	free(url);

	if (sts_caller_identity(&base->client, &id, &err) == 0) {
		pthread_mutex_lock(&r->lock);
		r->id = id;
		r->identified = 1;
		pthread_mutex_unlock(&r->lock);
		base->account = r->id.account;
		base->partition = r->id.partition;
		check_report(base, "", "identity", CHECK_OK, NULL,
			     _("credentials of account %s (%s)"), r->id.account, r->id.arn);
		return 0;
	}
	if (err.transport)
		check_report(base, "", "identity", CHECK_UNKNOWN, NULL,
			     _("could not reach STS to learn who the credentials are: %s"),
			     err.message);
	else
		check_report(base, "", "identity", CHECK_UNKNOWN, NULL,
			     _("STS refused the credentials (%s): %s"), err.code ? err.code : "?",
			     err.message);
	service_error_free(&err);
	return -1;
}

static void run_destroy(struct checks *r);

/* The coordinator's end: the run is freed here when it was let go. */
static void coordinator_end(struct checks *r)
{
	int released;

	pthread_mutex_lock(&r->lock);
	r->ended = 1;
	released = r->released;
	pthread_mutex_unlock(&r->lock);
	if (released) {
		if (r->after)
			r->after(r->after_arg);
		run_destroy(r);
	}
}

static void *coordinator_main(void *arg)
{
	struct checks *r = arg;
	struct check_ctx base = {r,
				 r->in,
				 {r->settings, r->creds, NULL, NULL, r->opt.debug, 0},
				 r->id.account,
				 r->id.partition,
				 r->settings->region.value,
				 r->opt.timeout > 0 ? r->opt.timeout : 30,
				 -1};
	struct worker w[CHECK_NGROUPS];
	void (*const fns[CHECK_NGROUPS])(struct check_ctx *) = {
	    [CHECK_GROUP_ROLE] = checks_role,
	    [CHECK_GROUP_IMAGE] = checks_image,
	    [CHECK_GROUP_CODE] = checks_code,
	    [CHECK_GROUP_NETWORK] = checks_network,
	    [CHECK_GROUP_AUTHORIZER] = checks_authorizer,
	    [CHECK_GROUP_NAME] = checks_name};
	unsigned groups = r->opt.groups ? r->opt.groups : CHECK_GROUPS_ALL;
	size_t i, n = 0;
	int who;

	base.client.cancel = cancel_cb;
	base.client.arg = &base;
	base.client.deadline = util_monotonic() + base.timeout;
	if (!r->identified && (who = identify(r, &base)) != 0) {
		/* STS without an endpoint: the settings were found unusable only now */
		set_state(r, check_cancelled(&base) ? CHECKS_CANCELLED
			     : who > 0              ? CHECKS_NO_SETTINGS
						    : CHECKS_UNREACHABLE);
		coordinator_end(r);
		return NULL;
	}
	for (i = 0; i < CHECK_NGROUPS; i++) {
		if (!(groups & CHECK_GROUP_BIT(i)))
			continue;
		w[n].fn = fns[i];
		w[n].ctx = base;
		w[n].ctx.group = (int)i;
		if (pthread_create(&w[n].t, NULL, worker_main, &w[n]) == 0)
			n++;
		else
			worker_main(&w[n]); /* no thread to be had: here, in turn */
	}
	for (i = 0; i < n; i++)
		pthread_join(w[i].t, NULL);
	set_state(r, check_cancelled(&base) ? CHECKS_CANCELLED : CHECKS_DONE);
	coordinator_end(r);
	return NULL;
}

/* Known who the credentials are (o->account and o->partition): kept. */
static void identity_given(struct checks *r, const struct checks_options *o)
{
	if (!o || !o->account || !o->partition)
		return;
	r->id.account = xstrdup(o->account);
	r->id.partition = xstrdup(o->partition);
	r->identified = 1;
}

struct checks *checks_start(struct check_input *in, const struct aws_settings *s,
			    const struct aws_credentials *creds, const struct checks_options *o)
{
	struct checks *r = xcalloc(1, sizeof *r);
	char *why;

	r->in = in;
	r->settings = s;
	r->creds = creds;
	if (o)
		r->opt = *o;
	r->opt.account = r->opt.partition = NULL; /* borrowed: copied into r->id */
	identity_given(r, o);
	r->pipe[0] = r->pipe[1] = -1;
	pthread_mutex_init(&r->lock, NULL);
	atomic_init(&r->cancel, 0);
	why = s ? aws_settings_unusable(s) : xstrdup(_("no AWS settings"));
	if (!why && !creds)
		why = xstrdup(_("no AWS credentials found"));
	if (why) {
		add_finding(r, -1, "", "identity", CHECK_UNKNOWN, NULL, checks_not_run(why));
		free(why);
		r->state = CHECKS_NO_SETTINGS;
		r->ended = 1;
		return r;
	}
	if (pthread_create(&r->coordinator, NULL, coordinator_main, r) == 0) {
		r->started = 1;
	} else {
		add_finding(
		    r, -1, "", "identity", CHECK_UNKNOWN, NULL,
		    xstrdup(_("the account checks did not run: no thread could be started")));
		r->state = CHECKS_NO_SETTINGS;
		r->ended = 1;
	}
	return r;
}

int checks_fd(struct checks *r)
{
	pthread_mutex_lock(&r->lock);
	if (r->pipe[0] < 0) {
		if (pipe(r->pipe) != 0)
			util_fatal("%s", _("cannot make a pipe"));
		fcntl(r->pipe[0], F_SETFL, O_NONBLOCK);
		fcntl(r->pipe[1], F_SETFL, O_NONBLOCK);
		fcntl(r->pipe[0], F_SETFD, FD_CLOEXEC);
		fcntl(r->pipe[1], F_SETFD, FD_CLOEXEC);
		if (r->n || r->state != CHECKS_RUNNING)
			wake_locked(r); /* what came before the pipe */
	}
	pthread_mutex_unlock(&r->lock);
	return r->pipe[0];
}

enum checks_state checks_take_groups(struct checks *r, struct check_finding **v, size_t *n,
				     unsigned *done)
{
	enum checks_state s;
	char buf[64];

	pthread_mutex_lock(&r->lock);
	while (r->pipe[0] >= 0 && read(r->pipe[0], buf, sizeof buf) > 0)
		;
	*v = r->v;
	*n = r->n;
	r->v = NULL;
	r->n = 0;
	s = r->state;
	*done = r->done;
	pthread_mutex_unlock(&r->lock);
	return s;
}

enum checks_state checks_take(struct checks *r, struct check_finding **v, size_t *n)
{
	unsigned done;

	return checks_take_groups(r, v, n, &done);
}

/* A member of the identity once it is known (read under the lock). */
static const char *identity_of(struct checks *r, const char *const *member)
{
	const char *a;

	pthread_mutex_lock(&r->lock);
	a = r->identified ? *member : NULL;
	pthread_mutex_unlock(&r->lock);
	return a;
}

const char *checks_account(struct checks *r)
{
	return identity_of(r, (const char *const *)&r->id.account);
}

const char *checks_caller(struct checks *r)
{
	return identity_of(r, (const char *const *)&r->id.arn);
}

void checks_cancel(struct checks *r)
{
	atomic_store(&r->cancel, 1);
}

void checks_wait(struct checks *r)
{
	if (r->started) {
		pthread_join(r->coordinator, NULL);
		r->started = 0;
	}
}

static void run_destroy(struct checks *r)
{
	check_findings_free(r->v, r->n);
	sts_identity_free(&r->id);
	checks_input_free(r->in);
	if (r->pipe[0] >= 0) {
		close(r->pipe[0]);
		close(r->pipe[1]);
	}
	pthread_mutex_destroy(&r->lock);
	free(r);
}

void checks_free(struct checks *r)
{
	if (!r)
		return;
	checks_cancel(r);
	checks_wait(r);
	run_destroy(r);
}

void checks_release(struct checks *r, void (*after)(void *arg), void *arg)
{
	pthread_t t;
	int ended, started;

	if (!r)
		return;
	checks_cancel(r);
	pthread_mutex_lock(&r->lock);
	r->released = 1;
	r->after = after;
	r->after_arg = arg;
	ended = r->ended;
	started = r->started;
	t = r->coordinator;
	pthread_mutex_unlock(&r->lock);
	/* from here on, a coordinator still running owns r */
	if (started)
		pthread_detach(t);
	if (ended) {
		if (after)
			after(arg);
		run_destroy(r);
	}
}
