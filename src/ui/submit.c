/* submit.c: the AWS settings for people, the AWS CLI command, --plain's
 * submission and the network check of a field; see submit.h. */
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
#include "aws/runtimes.h"
#include "aws/service.h"
#include "base/util.h"
#include "curses.h"
#include "keys.h"
#include "submit.h"
#include "ui.h"
#include "text.h"
#include "wiz.h"

/* A credential_process or a request for credentials is cancelled by Esc or
 * Ctrl-C (the keys, with curses running; SIGINT before it), and ends at
 * once after SIGTERM or SIGHUP, whose handler only sets a flag: the loop
 * then saves a draft and restores the terminal. */
static int credentials_cancelled(void *arg)
{
	(void)arg;
	return term_cancel_pressed();
}

static const struct credentials_hooks cancel_hooks = {credentials_cancelled, NULL, 0};

void submit_options(struct aws_options *o)
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
	submit_options(&o);
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
	r = credentials_resolve_with(&s, &cancel_hooks, &c, &cause);
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

char *submit_cli_command(const char *op, const char *file)
{
	struct aws_options o;
	struct aws_settings s = {0};
	char *cause = NULL, *cmd;
	int ok;

	submit_options(&o);
	ok = aws_settings_resolve(&o, &s, &cause) == 0;
	free(cause);
	cmd = aws_cli_command(ok ? &s : NULL, op, NULL, file, NULL);
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

	submit_options(&o);
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
	r = credentials_resolve_with(&s, &cancel_hooks, &c, &cause);
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

char *submit_endpoint(char **unusable)
{
	struct aws_options o;
	struct aws_settings s = {0};
	char *cause = NULL, *where = NULL;

	submit_options(&o);
	if (aws_settings_resolve(&o, &s, &cause) != 0) {
		*unusable = cause;
	} else {
		*unusable = aws_settings_unusable(&s);
		if (s.endpoint.value)
			where = xasprintf(_("Endpoint: %s (%s)"), s.endpoint.value,
					  s.endpoint.origin ? s.endpoint.origin : "-");
	}
	aws_settings_free(&s);
	return where;
}

void submit_lines_free(char **lines)
{
	size_t i;

	for (i = 0; lines && lines[i]; i++)
		free(lines[i]);
	free(lines);
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
	struct runtime_progress rp = {.line = lines_line,
				      .state = lines_line,
				      .pause = lines_pause,
				      .cancel = lines_cancel,
				      .arg = out,
				      .debug = ui_settings.debug};
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
	submit_options(&o);
	runtime_submit(&o, def, doc, SUBMIT_FOLLOW_LIMIT, &rp, &res);
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
	return term_cancel_pressed();
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
	submit_options(&o);
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

int submit_connect_with(struct runtimes_session *rs, int (*cancel)(void *), void *arg,
			char **cause)
{
	struct aws_options o;
	struct credentials_hooks h = {cancel, arg, 0};
	int rc;

	submit_options(&o);
	if ((rc = runtimes_connect_with(&o, &h, rs, cause)) == 0)
		return 0;
	runtimes_disconnect(rs);
	return rc == CREDENTIALS_CANCELLED ? rc : -1;
}

int submit_connect(struct runtimes_session *rs, char **cause)
{
	return submit_connect_with(rs, NULL, NULL, cause);
}

int submit_connect_job(struct runtimes_session *rs, const struct runtime_progress *rp,
		       struct runtime_outcome *out)
{
	char *cause = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	/* the progress's cancel (Esc) stops a credential_process that waits too */
	if ((rc = submit_connect_with(rs, rp->cancel, rp->arg, &cause)) != 0) {
		out->end = RUNTIME_NOT_SENT;
		out->cancelled = rc == CREDENTIALS_CANCELLED;
		out->message = cause;
		return -1;
	}
	return 0;
}

void submit_refused(struct runtime_outcome *out, struct service_error *err)
{
	out->end = err->http == HTTP_CANCELLED ? RUNTIME_CANCELLED : RUNTIME_REFUSED;
	out->message =
	    xasprintf("%s%s%s", err->code ? err->code : "", err->code ? ": " : "", err->message);
	out->http_status = err->status;
	service_error_free(err);
}
