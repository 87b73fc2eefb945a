/* submit.c: settings lines and submit with progress; see submit.h. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "form/document.h"
#include "aws/endpoint.h"
#include "form/formdef.h"
#include "aws/probe.h"
#include "aws/runtime.h"
#include "aws/service.h"
#include "base/util.h"
#include "curses.h"
#include "keys.h"
#include "submit.h"
#include "ui.h"
#include "text.h"

#define FOLLOW_LIMIT 3600.0

static void opts_from_session(struct aws_options *o)
{
	*o = ui_settings.aws;
}

static void lines_add(char ***v, size_t *n, char *s)
{
	*v = xrealloc(*v, (*n + 2) * sizeof **v);
	(*v)[(*n)++] = s;
	(*v)[*n] = NULL;
}

/* What keeps settings s (and credentials_resolve's answer r, cause) from
 * submitting, as runtime_submit would refuse them before sending; NULL
 * when nothing does. Caller frees. */
static char *settings_missing(const struct aws_settings *s, int r, const char *cause)
{
	char *why = aws_settings_unusable(s);

	if (why)
		return why;
	if (r < 0)
		return xstrdup(cause ? cause : "?");
	if (r > 0)
		return xstrdup(_("no AWS credentials found: set AWS_ACCESS_KEY_ID and "
				 "AWS_SECRET_ACCESS_KEY, use --profile, or add keys to "
				 "~/.aws/credentials"));
	return NULL;
}

char **submit_settings_lines(char **missing)
{
	struct aws_options o;
	struct aws_settings s = {0};
	struct aws_credentials c = {0};
	char **v = NULL, *cause = NULL, *m;
	size_t n = 0;
	int r;

	if (missing)
		*missing = NULL;
	opts_from_session(&o);
	if (aws_settings_resolve(&o, &s, &cause) != 0) {
		lines_add(&v, &n, xasprintf(_("AWS settings: %s"), cause));
		if (missing)
			*missing = cause;
		else
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
	if (missing)
		*missing = settings_missing(&s, r, cause);
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

char *submit_cli_command(const char *file)
{
	struct aws_options o;
	struct aws_settings s = {0};
	char *cause = NULL, *cmd;
	int ok;

	opts_from_session(&o);
	ok = aws_settings_resolve(&o, &s, &cause) == 0;
	free(cause);
	cmd = aws_cli_command(ok ? &s : NULL, NULL, file, NULL);
	aws_settings_free(&s);
	return cmd;
}

int submit_settings_check(char **summary, char **region, char **profile)
{
	struct aws_options o;
	struct aws_settings s = {0};
	struct aws_credentials c = {0};
	char *cause = NULL, *cred, *m;
	int r, works = 0;

	opts_from_session(&o);
	if (region)
		*region = NULL;
	if (profile)
		*profile = NULL;
	if (aws_settings_resolve(&o, &s, &cause) != 0) {
		*summary = cause;
		aws_settings_free(&s);
		return -1;
	}
	if (region && s.region.value)
		*region = xstrdup(s.region.value);
	if (profile && s.profile.value)
		*profile = xstrdup(s.profile.value);
	if (s.region.value && !endpoint_valid_region(s.region.value)) {
		*summary = xasprintf(_("\"%s\" (from %s) is not a valid AWS Region name: expected "
				       "lowercase letters, digits and hyphens, such as us-east-1"),
				     s.region.value, s.region.origin);
		aws_settings_free(&s);
		return -1;
	}
	r = credentials_resolve(&s, &c, &cause);
	if (r < 0) {
		*summary = cause;
		credentials_free(&c);
		aws_settings_free(&s);
		return -1;
	}
	if (r == 0) {
		m = credentials_mask(c.access_key_id);
		cred = xasprintf(_("credentials %s from %s"), m, c.source ? c.source : "-");
		free(m);
		works |= SETTINGS_CREDENTIALS;
	} else {
		cred = xstrdup(_("no credentials found"));
	}
	if (s.region.value)
		works |= SETTINGS_REGION;
	*summary = xasprintf(_("Region %s (%s), profile %s (%s), %s."),
			     s.region.value ? s.region.value : _("not set"),
			     s.region.origin ? s.region.origin : "-", s.profile.value,
			     s.profile.origin ? s.profile.origin : "-", cred);
	free(cred);
	credentials_free(&c);
	aws_settings_free(&s);
	return works;
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
	char *state;
	const char *footer;
	double start;
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
	t = xasprintf("%s (%.0f s)", p->state ? p->state : "", util_monotonic() - p->start);
	ui_wrap_text(t, COLS - 4, 2, 1, 2, 2, A_BOLD);
	free(t);
	/* the log wrapped to the screen (a failureReason is shown whole), its
	 * newest lines when it does not fit */
	wl = ui_wrap_lines(p->log, p->n, COLS - 4, &nw);
	first = nw > (size_t)(LINES - 7) ? nw - (LINES - 7) : 0;
	for (i = first, y = 5; i < nw && y < LINES - 2; i++, y++)
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

static int progress_cancel(void *arg)
{
	struct progress *p = arg;

	if (esc_pressed())
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
		if (esc_pressed())
			return 1;
		progress_draw(p);
		napms(100);
	}
	return 0;
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

int submit_run(const struct formdef *def, const struct document *doc, struct submit_result *res)
{
	struct aws_options o;
	struct progress p = {0};
	struct runtime_outcome out;
	struct runtime_progress rp = {
	    progress_line, progress_state, progress_pause, progress_cancel, &p, ui_settings.debug};
	char *next;
	int key;
	size_t i;

	memset(res, 0, sizeof *res);
	p.start = util_monotonic();
	p.footer = _("Esc cancels the call; while following, Esc stops following");
	opts_from_session(&o);
	signal(SIGPIPE, SIG_IGN); /* a TLS peer closing is an error to show, not a kill */
	runtime_submit(&o, def, doc, FOLLOW_LIMIT, &rp, &out);
	res->summary = runtime_outcome_summary(&out);
	res->end = out.end;
	res->id = out.id ? xstrdup(out.id) : NULL;
	res->arn = out.arn ? xstrdup(out.arn) : NULL;
	res->status = out.status ? xstrdup(out.status) : NULL;
	res->field = out.field ? xstrdup(out.field) : NULL;
	res->field_message = out.field_message ? xstrdup(out.field_message) : NULL;
	progress_state(&p, res->summary);
	next = where_next(def, res->field);
	progress_line(&p, next);
	free(next);
	p.footer = _("Any key continues");
	progress_draw(&p);
	flushinp(); /* keys pressed while it ran are not the answer */
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
	for (i = 0; i < p.n; i++)
		free(p.log[i]);
	free(p.log);
	free(p.state);
	runtime_outcome_free(&out);
	return RUNTIME_EXISTS(res->end) ? 0 : -1;
}

void submit_result_free(struct submit_result *res)
{
	free(res->summary);
	free(res->id);
	free(res->arn);
	free(res->status);
	free(res->field);
	free(res->field_message);
	memset(res, 0, sizeof *res);
}

/* ---- --plain: the same submission, progress as lines ---------------------- */

static volatile sig_atomic_t lines_stop; /* Ctrl-C while submitting from --plain */

static void lines_on_sigint(int sig)
{
	(void)sig;
	lines_stop = 1;
}

/* A progress line, wrapped as --plain's messages are (an ARN stays whole). */
static void lines_line(void *arg, const char *text)
{
	char *t = xasprintf("  %s", text);

	ui_print_wrapped(arg, t, ui_text_width(arg));
	free(t);
	fflush(arg);
}

static int lines_cancel(void *arg)
{
	(void)arg;
	return lines_stop;
}

static int lines_pause(void *arg, double secs)
{
	double end = util_monotonic() + secs;

	(void)arg;
	while (!lines_stop && util_monotonic() < end) {
		struct timespec ts = {0, 50 * 1000 * 1000};

		nanosleep(&ts, NULL);
	}
	return lines_stop;
}

int submit_lines(const struct formdef *def, const struct document *doc, FILE *out)
{
	struct aws_options o;
	struct runtime_outcome res;
	struct runtime_progress rp = {lines_line,   lines_line, lines_pause,
				      lines_cancel, out,        ui_settings.debug};
	struct sigaction sa, old_int, old_pipe;
	char *summary;
	int rc;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = lines_on_sigint;
	lines_stop = 0;
	sigaction(SIGINT, &sa, &old_int);
	/* a peer closing a TLS connection must be an error to report, not a kill */
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, &old_pipe);
	ui_print_wrapped(out,
			 _("Submitting (Ctrl-C cancels the call, or stops following once the "
			   "runtime is created):"),
			 ui_text_width(out));
	opts_from_session(&o);
	runtime_submit(&o, def, doc, FOLLOW_LIMIT, &rp, &res);
	summary = runtime_outcome_summary(&res);
	ui_print_wrapped(out, summary, ui_text_width(out));
	fflush(out);
	rc = runtime_exit_code(&res);
	free(summary);
	runtime_outcome_free(&res);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGPIPE, &old_pipe, NULL);
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
	opts_from_session(&o);
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
