/* submit.c: settings lines and submit with progress; see submit.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "commands.h"
#include "core/awsconfig.h"
#include "core/credentials.h"
#include "core/document.h"
#include "core/probe.h"
#include "core/service.h"
#include "core/util.h"
#include "curses.h"
#include "keys.h"
#include "submit.h"
#include "text.h"

#define POLL_INTERVAL 2.0
#define FOLLOW_LIMIT  3600.0

static void opts_from_globals(struct aws_options *o)
{
	memset(o, 0, sizeof *o);
	o->profile = global_opts.profile;
	o->region = global_opts.region;
	o->endpoint_url = global_opts.endpoint_url;
	o->ca_bundle = global_opts.ca_bundle;
	o->connect_timeout = global_opts.connect_timeout;
	o->read_timeout = global_opts.read_timeout;
}

static void lines_add(char ***v, size_t *n, char *s)
{
	*v = xrealloc(*v, (*n + 2) * sizeof **v);
	(*v)[(*n)++] = s;
	(*v)[*n] = NULL;
}

char **submit_settings_lines(void)
{
	struct aws_options o;
	struct aws_settings s = {0};
	struct aws_credentials c = {0};
	char **v = NULL, *cause = NULL, *m;
	size_t n = 0;
	int r;

	opts_from_globals(&o);
	if (aws_settings_resolve(&o, &s, &cause) != 0) {
		lines_add(&v, &n, xasprintf(_("AWS settings: %s"), cause));
		free(cause);
		aws_settings_free(&s);
		return v;
	}
	lines_add(&v, &n,
		  xasprintf(_("Region: %s (%s)"), s.region.value ? s.region.value : _("not set"),
			    s.region.origin ? s.region.origin : "-"));
	lines_add(&v, &n,
		  xasprintf(_("Profile: %s (%s)"), s.profile.value ? s.profile.value : "-",
			    s.profile.origin ? s.profile.origin : "-"));
	if (s.endpoint.value)
		lines_add(&v, &n,
			  xasprintf(_("Endpoint: %s (%s)"), s.endpoint.value,
				    s.endpoint.origin ? s.endpoint.origin : "-"));
	else
		lines_add(
		    &v, &n,
		    xasprintf(_("Endpoint: none: %s"), s.endpoint_error ? s.endpoint_error : "-"));
	r = credentials_resolve(&s, &c, &cause);
	if (r < 0) {
		lines_add(&v, &n, xasprintf(_("Credentials: %s"), cause));
		free(cause);
	} else if (r > 0) {
		lines_add(&v, &n,
			  xstrdup(_("Credentials: none found (the form can still be "
				    "filled and saved)")));
	} else {
		m = credentials_mask(c.access_key_id);
		lines_add(&v, &n,
			  xasprintf(_("Credentials: %s from %s"), m, c.source ? c.source : "-"));
		free(m);
	}
	credentials_free(&c);
	aws_settings_free(&s);
	return v;
}

void submit_lines_free(char **lines)
{
	size_t i;

	for (i = 0; lines && lines[i]; i++)
		free(lines[i]);
	free(lines);
}

struct progress {
	char **log;
	size_t n;
	const char *state;
	double start;
	int cancelled;
};

static void progress_draw(struct progress *p)
{
	size_t i, first, nw;
	int y;
	char *t, **wl;

	erase();
	curs_set(0);
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	mvaddstr(0, 1, _("Submitting CreateAgentRuntime"));
	attroff(A_REVERSE);
	t = xasprintf("%s (%.0f s)", p->state, util_monotonic() - p->start);
	ui_wrap_text(t, COLS - 4, 1, 1, 2, 2, A_NORMAL);
	free(t);
	/* the log wrapped to the screen (a failureReason is shown whole), its
	 * newest lines when it does not fit */
	wl = ui_wrap_lines(p->log, p->n, COLS - 4, &nw);
	first = nw > (size_t)(LINES - 7) ? nw - (LINES - 7) : 0;
	for (i = first, y = 4; i < nw && y < LINES - 2; i++, y++)
		ui_wrap_text(wl[i], COLS - 4, 1, 1, y, 2, A_NORMAL);
	ui_lines_free(wl, nw);
	attron(A_REVERSE);
	mvhline(LINES - 1, 0, ' ', COLS);
	mvaddnstr(LINES - 1, 1, _("Esc cancels"), COLS - 2);
	attroff(A_REVERSE);
	refresh();
}

static void progress_log(struct progress *p, char *line)
{
	p->log = xrealloc(p->log, (p->n + 1) * sizeof *p->log);
	p->log[p->n++] = line;
	progress_draw(p);
}

/* Esc pressed? Reads keys without waiting. */
static int esc_pressed(void)
{
	wint_t wc;
	int r, hit = 0;

	timeout(0);
	while ((r = get_wch(&wc)) != ERR)
		if (r == OK && (wc == 27 || wc == 3))
			hit = 1;
	timeout(250);
	return hit;
}

static int hook_cancel(void *arg)
{
	struct progress *p = arg;

	if (!p->cancelled && esc_pressed())
		p->cancelled = 1;
	return p->cancelled;
}

static void hook_attempt(void *arg, int attempt, int max, double delay, double elapsed,
			 const char *why)
{
	struct progress *p = arg;

	(void)elapsed;

	if (delay > 0)
		progress_log(p, xasprintf(_("attempt %d of %d failed (%s); retrying in %.1f s"),
					  attempt, max, why ? why : "?", delay));
	else
		progress_draw(p);
}

static void log_error(struct progress *p, const struct service_error *e)
{
	char *code = service_printable(e->code ? e->code : "", 200);
	char *msg = service_printable(e->message ? e->message : "?", 1000);
	size_t i;

	progress_log(p, xasprintf(_("Failed: %s%s%s"), code, *code ? ": " : "", msg));
	for (i = 0; i < e->nfields; i++)
		progress_log(p, service_printable(e->fields[i], 1000));
	if (e->request_id) {
		char *id = service_printable(e->request_id, 200);
		progress_log(p, xasprintf(_("Request id: %s"), id));
		free(id);
	}
	free(code);
	free(msg);
}

/* Wait up to secs, returning 1 early when Esc is pressed. */
static int wait_or_esc(struct progress *p, double secs)
{
	double end = util_monotonic() + secs;

	while (util_monotonic() < end) {
		if (esc_pressed())
			return 1;
		progress_draw(p);
		napms(100);
	}
	return 0;
}

int submit_run(const struct formdef *def, const struct document *doc, char **result, char **field)
{
	struct aws_options o;
	struct aws_settings s = {0};
	struct aws_credentials c = {0};
	struct service_client cl;
	struct progress p = {0};
	struct http_response resp;
	struct service_error err;
	char *cause = NULL, *token = NULL, *body = NULL, *id = NULL, *arn = NULL, *path = NULL;
	int rc = -1, r, key;
	size_t i;

	p.start = util_monotonic();
	p.state = _("Resolving settings and credentials");
	progress_draw(&p);
	opts_from_globals(&o);
	if (aws_settings_resolve(&o, &s, &cause) != 0 || !s.endpoint.value) {
		*result = xasprintf(_("Not submitted: %s"), cause ? cause
							    : s.endpoint_error
								? s.endpoint_error
								: _("no Region or endpoint"));
		free(cause);
		goto out;
	}
	r = credentials_resolve(&s, &c, &cause);
	if (r != 0) {
		*result = r < 0 ? xasprintf(_("Not submitted: %s"), cause)
				: xstrdup(_("Not submitted: no AWS credentials found"));
		free(cause);
		goto out;
	}
	progress_log(&p, xasprintf(_("Endpoint %s, Region %s"), s.endpoint.value,
				   s.region.value ? s.region.value : "-"));
	token = service_new_token();
	body = document_request_body(doc, def, token);
	cl = (struct service_client){&s, &c, {hook_attempt, hook_cancel, &p, 0}};
	p.state = _("Sending CreateAgentRuntime");
	progress_draw(&p);
	if (service_call(&cl, "PUT", "/runtimes/", NULL, body, &resp, &err) != 0) {
		log_error(&p, &err);
		if (err.nfields && err.fields[0])
			*field = xstrndup(err.fields[0], strcspn(err.fields[0], ": "));
		*result = xasprintf(_("Not created: %s"), p.cancelled   ? _("cancelled")
							  : err.message ? err.message
									: "?");
		{
			char *clean = service_printable(*result, 1000);
			free(*result);
			*result = clean;
		}
		service_error_free(&err);
		goto wait_key;
	}
	id = service_answer_string(resp.body, resp.body_len, "agentRuntimeId");
	if (id) {
		char *clean = service_printable(id, 200);
		free(id);
		id = clean;
	}
	arn = service_answer_string(resp.body, resp.body_len, "agentRuntimeArn");
	progress_log(&p, xasprintf(_("Created %s"), arn ? arn : id ? id : "?"));
	http_response_free(&resp);
	rc = 0;
	*result = xasprintf(_("Created %s"), id ? id : "?");
	if (!id || strchr(id, '/') || strchr(id, '?'))
		goto wait_key;
	path = xasprintf("/runtimes/%s/", id);
	p.state = _("Waiting until the runtime is READY (Esc stops following)");
	for (;;) {
		char *st, *why;

		if (util_monotonic() - p.start > FOLLOW_LIMIT)
			break;
		if (service_call(&cl, "GET", path, NULL, NULL, &resp, &err) != 0) {
			log_error(&p, &err);
			service_error_free(&err);
			break;
		}
		st = service_answer_string(resp.body, resp.body_len, "status");
		why = service_answer_string(resp.body, resp.body_len, "failureReason");
		if (why) {
			char *clean = service_printable(why, 1000);
			free(why);
			why = clean;
		}
		if (st) {
			char *clean = service_printable(st, 100);
			free(st);
			st = clean;
		}
		http_response_free(&resp);
		if (!p.n || !st || strstr(p.log[p.n - 1], st) == NULL)
			progress_log(&p, xasprintf(_("Status: %s"), st ? st : "?"));
		if (st && !strcmp(st, "READY")) {
			free(*result);
			*result = xasprintf(_("Runtime %s is READY."), id);
			free(st);
			free(why);
			break;
		}
		if (st && strstr(st, "FAILED")) {
			progress_log(
			    &p, xasprintf(_("Failure reason: %s"), why ? why : _("(none given)")));
			free(*result);
			*result = xasprintf(_("Runtime %s: %s %s"), id, st, why ? why : "");
			rc = -1;
			free(st);
			free(why);
			break;
		}
		free(st);
		free(why);
		if (p.cancelled || wait_or_esc(&p, POLL_INTERVAL)) {
			progress_log(&p, xstrdup(_("Stopped following; the runtime is still being "
						   "created.")));
			break;
		}
	}
wait_key:
	p.state = *result;
	progress_log(&p, xstrdup(_("Press any key to return to the review.")));
	timeout(-1);
	for (;;) {
		wint_t wc;
		key = get_wch(&wc);
		if (key != ERR && !(key == KEY_CODE_YES && wc == KEY_RESIZE))
			break;
		if (key == ERR && keys_terminal_gone())
			break;
		progress_draw(&p);
	}
	timeout(250);
out:
	for (i = 0; i < p.n; i++)
		free(p.log[i]);
	free(p.log);
	free(token);
	free(body);
	free(id);
	free(arn);
	free(path);
	credentials_free(&c);
	aws_settings_free(&s);
	return rc;
}

static int probe_cancelled(void *arg)
{
	(void)arg;
	return esc_pressed();
}

int submit_probe(const char *kind, const char *url, int in_curses, char **text)
{
	struct aws_options o;
	struct aws_settings s = {0};
	struct http_options h = {NULL, 10, 15, probe_cancelled, NULL};
	char *cause = NULL, *summary = NULL, *problem = NULL;
	int r = -1;

	*text = NULL;
	if (!in_curses)
		h.cancel = NULL; /* --plain: the timeouts bound it */
	if (strcmp(kind, PROBE_OPENID) != 0) {
		*text = xasprintf(_("no check is known for this field (%s)"), kind);
		return -1;
	}
	/* the CA bundle and timeouts the user set for AWS apply here too; a
	 * probe waits at most 10 s to connect and 15 s for data */
	opts_from_globals(&o);
	if (aws_settings_resolve(&o, &s, &cause) == 0) {
		h.ca_bundle = s.ca_bundle.value;
		if (s.connect_timeout > 0 && s.connect_timeout < h.connect_timeout)
			h.connect_timeout = s.connect_timeout;
		if (s.read_timeout > 0 && s.read_timeout < h.read_timeout)
			h.read_timeout = s.read_timeout;
	}
	free(cause);
	r = probe_openid(url, &h, &summary, &problem);
	*text = r == 0 ? summary : problem;
	if (r == 0)
		free(problem);
	else
		free(summary);
	aws_settings_free(&s);
	return r;
}
