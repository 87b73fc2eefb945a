/* credentials.c: find AWS credentials as the AWS CLI does; see credentials.h. */
#include "config.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <openssl/crypto.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "aws/endpoint.h"
#include "aws/http.h"
#include "aws/sigv4.h"
#include "aws/xml.h"
#include "base/printable.h"
#include "base/util.h"

#define PROCESS_OUTPUT_MAX (64 * 1024)
#define AR_ACTION          "Action=AssumeRole&Version=2011-06-15"
#define WEB_ACTION         "Action=AssumeRoleWithWebIdentity&Version=2011-06-15"
#define MAX_ROLE_CHAIN     5

/* What every provider of the chain reads: the settings, and the caller's
 * hooks (never NULL inside; credentials_resolve gives empty ones). */
struct chain {
	const struct aws_settings *s;
	const struct credentials_hooks *hooks;
	int *cancelled; /* set once the hooks asked to cancel, and kept */
};

/* The cancel callback every wait of the chain polls (a process, a request):
 * the hooks', latched, so that the end knows it was cancelled. */
static int chain_cancel(void *arg)
{
	const struct chain *ch = arg;

	if (!*ch->cancelled && ch->hooks->cancel && ch->hooks->cancel(ch->hooks->arg))
		*ch->cancelled = 1;
	return *ch->cancelled;
}

void credentials_free(struct aws_credentials *c)
{
	free(c->access_key_id);
	secret_free(c->secret_access_key);
	secret_free(c->session_token);
	free(c->source);
	memset(c, 0, sizeof *c);
}

char *credentials_mask(const char *id)
{
	size_t n = id ? strlen(id) : 0, i;
	char *m;

	if (n <= 8)
		return xstrdup("****");
	m = xstrdup(id);
	for (i = 4; i < n - 4; i++)
		m[i] = '*';
	return m;
}

/* Two digits at p as a number, or -1. */
static int two_digits(const char *p)
{
	return isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1])
		   ? (p[0] - '0') * 10 + (p[1] - '0')
		   : -1;
}

/* An ISO 8601 time as credential_process helpers and STS write it:
 * "2026-11-25T10:00:00Z", with fractions of a second ("10:00:00.123Z",
 * dropped) and a UTC offset ("-05:00", "+0530", "+01") or none (UTC).
 * Returns the time, or 0 when s is not such a time. */
static time_t parse_time(const char *s)
{
	struct tm tm = {0};
	const char *p = strptime(s, "%Y-%m-%d", &tm);
	long offset = 0;

	if (!p || (*p != 'T' && *p != 't' && *p != ' '))
		return 0;
	p = strptime(p + 1, "%H:%M:%S", &tm);
	if (!p)
		return 0;
	if (*p == '.' || *p == ',') {
		if (!isdigit((unsigned char)*++p))
			return 0;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p == 'Z' || *p == 'z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		int sign = *p == '-' ? -1 : 1, hh = two_digits(p + 1), mm = 0;

		if (hh < 0 || hh > 23)
			return 0;
		p += 3;
		if (*p == ':' || isdigit((unsigned char)*p)) {
			p += *p == ':';
			if ((mm = two_digits(p)) < 0 || mm > 59)
				return 0;
			p += 2;
		}
		offset = sign * (hh * 3600L + mm * 60L);
	}
	if (*p)
		return 0;
	return timegm(&tm) - offset;
}

/* The part of a JSON credentials answer that credential_process output and
 * container endpoints share, once AccessKeyId and SecretAccessKey are known
 * to be there: the session token (named token_name), the expiration, and the
 * copies into out. Returns 0, or -1 with *cause. */
static int take_keys(const cJSON *j, const char *token_name, struct aws_credentials *out,
		     char **cause)
{
	const cJSON *token = cJSON_GetObjectItemCaseSensitive(j, token_name);
	const cJSON *exp = cJSON_GetObjectItemCaseSensitive(j, "Expiration");

	if (token && !cJSON_IsNull(token) && !cJSON_IsString(token)) {
		*cause = xasprintf(_("its %s is not text"), token_name);
		return -1;
	}
	if (exp && !cJSON_IsNull(exp)) {
		if (!cJSON_IsString(exp) || !(out->expiration = parse_time(exp->valuestring))) {
			*cause = xstrdup(_("its Expiration is not an ISO 8601 time"));
			return -1;
		}
		if (out->expiration <= time(NULL)) {
			*cause = xasprintf(_("the credentials it gave expired at %s"),
					   exp->valuestring);
			return -1;
		}
	}
	out->access_key_id =
	    xstrdup(cJSON_GetObjectItemCaseSensitive(j, "AccessKeyId")->valuestring);
	out->secret_access_key =
	    xstrdup(cJSON_GetObjectItemCaseSensitive(j, "SecretAccessKey")->valuestring);
	if (cJSON_IsString(token) && *token->valuestring)
		out->session_token = xstrdup(token->valuestring);
	return 0;
}

/* Wipe the secrets a parsed answer held, then free it. */
static void delete_cleansed(cJSON *j, const char *token_name)
{
	if (cJSON_IsObject(j)) {
		cJSON *s = cJSON_GetObjectItemCaseSensitive(j, "SecretAccessKey");

		if (cJSON_IsString(s))
			OPENSSL_cleanse(s->valuestring, strlen(s->valuestring));
		s = cJSON_GetObjectItemCaseSensitive(j, token_name);
		if (cJSON_IsString(s))
			OPENSSL_cleanse(s->valuestring, strlen(s->valuestring));
	}
	cJSON_Delete(j);
}

/* Both keys present, as non-empty text? */
static int has_keys(const cJSON *j)
{
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(j, "AccessKeyId");
	const cJSON *secret = cJSON_GetObjectItemCaseSensitive(j, "SecretAccessKey");

	return cJSON_IsString(id) && *id->valuestring && cJSON_IsString(secret) &&
	       *secret->valuestring;
}

int credentials_parse_process(const char *json, size_t len, struct aws_credentials *out,
			      char **cause)
{
	cJSON *j = cJSON_ParseWithLength(json, len);
	const cJSON *ver;
	int ret = -1;

	memset(out, 0, sizeof *out);
	if (!cJSON_IsObject(j)) {
		*cause = xstrdup(_("its output is not a JSON object"));
		goto out;
	}
	ver = cJSON_GetObjectItemCaseSensitive(j, "Version");
	if (!cJSON_IsNumber(ver) || ver->valuedouble != 1) {
		*cause = xstrdup(_("its output has no \"Version\": 1"));
		goto out;
	}
	if (!has_keys(j)) {
		*cause = xstrdup(_("its output lacks AccessKeyId or SecretAccessKey"));
		goto out;
	}
	ret = take_keys(j, "SessionToken", out, cause);
out:
	delete_cleansed(j, "SessionToken"); /* the parsed tree held the secret too */
	return ret;
}

int credentials_parse_sts(const char *xml, size_t len, struct aws_credentials *out, char **cause)
{
	char *exp;

	memset(out, 0, sizeof *out);
	out->access_key_id = xml_text(xml, len, "AccessKeyId");
	out->secret_access_key = xml_text(xml, len, "SecretAccessKey");
	out->session_token = xml_text(xml, len, "SessionToken");
	exp = xml_text(xml, len, "Expiration");
	if (!out->access_key_id || !out->secret_access_key || !out->session_token ||
	    !*out->access_key_id || !*out->secret_access_key) {
		char *code = xml_text(xml, len, "Code"), *msg = xml_text(xml, len, "Message");
		char *raw = code ? xasprintf("%s: %s", code, msg ? msg : "")
				 : xstrdup(_("the answer holds no credentials"));

		/* text from the network is printed: keep it safe for a terminal */
		*cause = printable_text(raw, 2000);
		free(raw);
		free(code);
		free(msg);
		free(exp);
		credentials_free(out);
		return -1;
	}
	out->expiration = exp ? parse_time(exp) : 0;
	free(exp);
	return 0;
}

double credentials_process_seconds(const struct credentials_hooks *h)
{
	const char *v = getenv("ACW_CREDENTIAL_PROCESS_TIMEOUT");
	char *end;
	double t;

	if (h && h->process_timeout > 0)
		return h->process_timeout;
	if (v && *v && (t = strtod(v, &end)) > 0 && !*end)
		return t;
	return CREDENTIALS_PROCESS_TIMEOUT;
}

/* A running credential_process: its pid (the leader of its own process
 * group) and the read ends of its standard output and error. */
struct proc {
	pid_t pid;
	int fd[2];
	int reaped, status; /* waited for already, and how it ended */
};

/* Start cmd with sh -c in a process group of its own, so that whatever it
 * starts can be stopped with it. 0, or -1 with *cause. */
static int proc_start(const char *cmd, struct proc *p, char **cause)
{
	int outp[2], errp[2];

	if (pipe(outp) != 0) {
		*cause = xasprintf(_("cannot run credential_process: %s"), strerror(errno));
		return -1;
	}
	if (pipe(errp) != 0) {
		*cause = xasprintf(_("cannot run credential_process: %s"), strerror(errno));
		close(outp[0]);
		close(outp[1]);
		return -1;
	}
	p->pid = fork();
	if (p->pid < 0) {
		*cause = xasprintf(_("cannot run credential_process: %s"), strerror(errno));
		close(outp[0]), close(outp[1]), close(errp[0]), close(errp[1]);
		return -1;
	}
	if (p->pid == 0) {
		setpgid(0, 0);
		dup2(outp[1], 1);
		dup2(errp[1], 2);
		close(outp[0]);
		close(errp[0]);
		close(outp[1]);
		close(errp[1]);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	setpgid(p->pid, p->pid); /* both sides: no race with the kill below */
	close(outp[1]);
	close(errp[1]);
	p->fd[0] = outp[0];
	p->fd[1] = errp[0];
	p->reaped = 0;
	return 0;
}

/* How reading a process's output ended. */
enum proc_end { PROC_EOF, PROC_TIMEOUT, PROC_CANCELLED, PROC_STOPPED };

/* Has the process been stopped (SIGTTIN: it read from the terminal, which
 * is not its own, as it runs in a process group of its own)? One that
 * exited is reaped here, its status kept. */
static int proc_stopped(struct proc *p)
{
	int st;

	if (p->reaped || waitpid(p->pid, &st, WNOHANG | WUNTRACED) != p->pid)
		return 0;
	if (WIFSTOPPED(st))
		return 1;
	p->reaped = 1;
	p->status = st;
	return 0;
}

/* Read standard output (secret: into o) and error (its start: into e)
 * until both are closed, the timeout passes or the hooks cancel; checked at
 * least every 100 ms. */
static enum proc_end proc_collect(struct proc *p, const struct chain *ch, double timeout,
				  struct strbuf *o, struct strbuf *e)
{
	struct pollfd fds[2] = {{p->fd[0], POLLIN, 0}, {p->fd[1], POLLIN, 0}};
	char buf[4096]; /* what the process prints passes through it: wiped */
	double deadline = util_monotonic() + timeout;
	enum proc_end end = PROC_EOF;
	int open_fds = 2, i;

	while (open_fds > 0) {
		if (chain_cancel((void *)ch)) {
			end = PROC_CANCELLED;
			break;
		}
		if (util_monotonic() > deadline) {
			end = PROC_TIMEOUT;
			break;
		}
		if (proc_stopped(p)) {
			end = PROC_STOPPED;
			break;
		}
		if (poll(fds, 2, 100) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (i = 0; i < 2; i++) {
			ssize_t r;

			if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			r = read(fds[i].fd, buf, sizeof buf);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0) {
				close(fds[i].fd);
				fds[i].fd = -1;
				open_fds--;
				continue;
			}
			if (i == 0 && o->len + (size_t)r <= PROCESS_OUTPUT_MAX)
				secret_buf_add(o, buf, (size_t)r);
			else if (i == 1 && e->len < 4096)
				strbuf_add(e, buf, (size_t)r);
		}
	}
	for (i = 0; i < 2; i++)
		if (fds[i].fd >= 0)
			close(fds[i].fd);
	OPENSSL_cleanse(buf, sizeof buf);
	return end;
}

/* Wait for the process; when it was given up on, stop its whole group
 * first (a child of it may hold its output open). Its wait status. */
static int proc_finish(struct proc *p, enum proc_end end)
{
	int status = 0;

	if (end != PROC_EOF)
		kill(-p->pid, SIGKILL);
	if (p->reaped)
		return p->status;
	while (waitpid(p->pid, &status, 0) < 0 && errno == EINTR)
		;
	return status;
}

/* Why a credential_process gave no credentials, in words. */
static char *proc_failure(const char *cmd, const char *profile, enum proc_end end, double timeout,
			  int status, const struct strbuf *e)
{
	char *line, *first, *why;

	if (end == PROC_TIMEOUT)
		return xasprintf(_("the credential_process of profile %s (%s) did not finish "
				   "within %g s and was stopped: it may be waiting for a login "
				   "or for input"),
				 profile, cmd, timeout);
	if (end == PROC_STOPPED)
		return xasprintf(_("the credential_process of profile %s (%s) was stopped, as "
				   "when it reads from the terminal: a credential_process must "
				   "not ask for input (log in first, then use it)"),
				 profile, cmd);
	if (end == PROC_CANCELLED)
		return xasprintf(_("cancelled: the credential_process of profile %s (%s) was "
				   "stopped"),
				 profile, cmd);
	line = e->s ? xstrndup(e->s, strcspn(e->s, "\n")) : xstrdup("");
	first = printable_text(line, 500);
	why = xasprintf(_("the credential_process of profile %s failed (exit %d)%s%s"), profile,
			WIFEXITED(status) ? WEXITSTATUS(status) : -1, *first ? ": " : "", first);
	free(line);
	free(first);
	return why;
}

/* Run a credential_process command and parse what it prints. 0, or -1
 * with *cause. */
static int run_process(const struct chain *ch, const char *cmd, const char *profile,
		       struct aws_credentials *out, char **cause)
{
	struct strbuf o = {0}, e = {0};
	struct proc p;
	double timeout = credentials_process_seconds(ch->hooks);
	enum proc_end end;
	int status, ret = -1;
	char *why = NULL;

	if (proc_start(cmd, &p, cause) != 0)
		return -1;
	end = proc_collect(&p, ch, timeout, &o, &e);
	status = proc_finish(&p, end);
	if (end != PROC_EOF || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		*cause = proc_failure(cmd, profile, end, timeout, status, &e);
	} else if (credentials_parse_process(o.s ? o.s : "", o.len, out, &why) != 0) {
		*cause = xasprintf(_("the credential_process of profile %s: %s"), profile, why);
		free(why);
	} else {
		out->source = xasprintf(_("credential_process of profile %s"), profile);
		ret = 0;
	}
	secret_buf_release(&o);
	strbuf_release(&e);
	return ret;
}

/* Append "&key=value" (value form-encoded) to an STS query body, which may
 * carry the web identity token: a secret buffer. */
static void form_param(struct strbuf *b, const char *key, const char *value)
{
	char *enc = sigv4_uri_encode(value, strlen(value), 0);

	secret_buf_add(b, "&", 1);
	secret_buf_add(b, key, strlen(key));
	secret_buf_add(b, "=", 1);
	secret_buf_add(b, enc, strlen(enc));
	secret_free(enc);
}

/* Does the profile hold a key of a static pair, in either file? */
static int has_static_keys(const struct aws_settings *s, const char *profile)
{
	return aws_profile_get(s, profile, "aws_access_key_id", NULL) ||
	       aws_profile_get(s, profile, "aws_secret_access_key", NULL);
}

static int resolve_profile(const struct chain *ch, const char *profile, int depth,
			   struct aws_credentials *out, char **cause);
static int profile_providers(const struct chain *ch, const char *profile, int use_env,
			     struct aws_credentials *out, char **cause);

/* One STS call (a form body) to the STS endpoint (the one configured for STS
 * as for any service: AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, the profile's
 * endpoint_url, unless configured endpoints are ignored; else STS's rules for
 * the region, with FIPS and dual-stack as set), signed with signer, or
 * unsigned when signer is NULL (AssumeRoleWithWebIdentity). 0 with *out, or
 * -1 with *why (caller frees) in words safe to print. */
static int sts_call(const struct chain *ch, const struct strbuf *body,
		    const struct aws_credentials *signer, struct aws_credentials *out, char **why)
{
	const struct aws_settings *s = ch->s;
	const char *region = s->region.value ? s->region.value : "us-east-1";
	char *ep_origin = NULL;
	const char *ep = aws_configured_endpoint(s, "STS", &ep_origin);
	struct headers h = {0};
	struct http_response resp = {0};
	struct http_options hopt = {s->ca_bundle.value, s->connect_timeout, s->read_timeout,
				    chain_cancel, (void *)ch};
	char *url = NULL, *host = NULL;
	int ret = -1;

	free(ep_origin);
	if (ep) {
		size_t n = strlen(ep);

		while (n && ep[n - 1] == '/')
			n--;
		url = xasprintf("%.*s/", (int)n, ep);
	} else if (!(url = endpoint_sts_url(region, s->use_fips, s->use_dualstack, why))) {
		goto out;
	}
	host = http_url_host(url);
	if (!host) {
		*why = xasprintf(_("bad STS endpoint URL %s"), url);
		goto out;
	}
	http_cleartext_notice(url);
	headers_add(&h, "Host", host);
	headers_add(&h, "Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
	if (signer) {
		struct sigv4_credentials sc = {signer->access_key_id, signer->secret_access_key,
					       signer->session_token};
		char *path = http_url_path(url);
		struct sigv4_request req = {"POST", path, NULL, &h, body->s, body->len};

		sigv4_sign(&req, &sc, region, "sts", time(NULL), NULL);
		free(path);
	}
	if (http_send("POST", url, &h, body->s, body->len, &hopt, &resp, why) != HTTP_DONE)
		goto out;
	if (resp.status != 200 || credentials_parse_sts(resp.body, resp.body_len, out, why) != 0) {
		if (!*why) {
			char *code = xml_text(resp.body, resp.body_len, "Code");
			char *msg = xml_text(resp.body, resp.body_len, "Message");
			char *redirect = http_redirect_text(resp.status, &resp.headers);
			char *raw = code       ? xasprintf("%s: %s", code, msg ? msg : "")
				    : redirect ? xstrdup(redirect)
					       : xasprintf(_("HTTP status %ld"), resp.status);

			free(redirect);

			*why = printable_text(raw, 2000);
			free(raw);
			free(code);
			free(msg);
		}
		goto out;
	}
	ret = 0;
out:
	http_response_free(&resp); /* wipes the answer's keys */
	headers_free(&h);
	free(url);
	free(host);
	return ret;
}

/* The credentials environment variables, for credential_source =
 * Environment: 0 with *base, or 1 when they are not set. */
static int environment_base(struct aws_credentials *base)
{
	const char *id = getenv("AWS_ACCESS_KEY_ID");
	const char *secret = getenv("AWS_SECRET_ACCESS_KEY");
	const char *token = getenv("AWS_SESSION_TOKEN");

	if (!(id && *id && secret && *secret))
		return 1;
	base->access_key_id = xstrdup(id);
	base->secret_access_key = xstrdup(secret);
	base->session_token = token && *token ? xstrdup(token) : NULL;
	base->source = xstrdup(_("environment variables (AWS_ACCESS_KEY_ID)"));
	return 0;
}

/* The credentials that sign the AssumeRole of a profile's role: from its
 * source_profile or its credential_source. 0 with *base, or -1 with *cause. */
static int role_base(const struct chain *ch, const char *profile, int depth,
		     struct aws_credentials *base, char **cause)
{
	const struct aws_settings *s = ch->s;
	const char *src = aws_profile_get(s, profile, "source_profile", NULL);
	const char *csrc = aws_profile_get(s, profile, "credential_source", NULL);
	int r;

	if (aws_profile_get(s, profile, "mfa_serial", NULL)) {
		*cause =
		    xasprintf(_("profile %s needs an MFA code (mfa_serial), which this program "
				"cannot ask for: use a credential_process profile such as "
				"'aws configure export-credentials --profile %s --format "
				"process'"),
			      profile, profile);
		return -1;
	}
	if (depth >= MAX_ROLE_CHAIN) {
		*cause =
		    xasprintf(_("profile %s: role chain longer than %d"), profile, MAX_ROLE_CHAIN);
		return -1;
	}
	if (src && csrc) {
		*cause = xasprintf(_("profile %s has both source_profile and credential_source: "
				     "keep one"),
				   profile);
		return -1;
	}
	if (src && (!strcmp(src, profile) || has_static_keys(s, src) ||
		    !aws_profile_get(s, src, "role_arn", NULL) ||
		    aws_profile_get(s, src, "web_identity_token_file", NULL))) {
		/* as botocore: a source profile with keys of its own (or without a
		 * role of its own, or naming itself) gives its own credentials, not
		 * its role's; only environment variables are not read for it */
		r = profile_providers(ch, src, 0, base, cause);
	} else if (src) {
		r = resolve_profile(ch, src, depth + 1, base, cause);
	} else if (csrc && !strcmp(csrc, "Environment")) {
		r = environment_base(base);
	} else if (csrc) {
		*cause = xasprintf(_("profile %s: credential_source = %s is not supported (only "
				     "Environment); use source_profile"),
				   profile, csrc);
		return -1;
	} else {
		*cause = xasprintf(_("profile %s has role_arn but neither source_profile nor "
				     "credential_source"),
				   profile);
		return -1;
	}
	if (r > 0) {
		*cause = xasprintf(_("profile %s: the source of its role (%s) has no credentials"),
				   profile, src ? src : "Environment");
		credentials_free(base);
		return -1;
	}
	return r;
}

/* STS AssumeRole for role_arn, signed with the source profile's credentials. */
static int assume_role(const struct chain *ch, const char *profile, const char *role_arn,
		       int depth, struct aws_credentials *out, char **cause)
{
	const struct aws_settings *s = ch->s;
	const char *src = aws_profile_get(s, profile, "source_profile", NULL);
	const char *ext = aws_profile_get(s, profile, "external_id", NULL);
	const char *name = aws_profile_get(s, profile, "role_session_name", NULL);
	const char *dur = aws_profile_get(s, profile, "duration_seconds", NULL);
	struct aws_credentials base = {0};
	struct strbuf body = {0};
	char *sname = NULL, *why = NULL;
	int ret = -1;

	if (role_base(ch, profile, depth, &base, cause) != 0)
		return -1;
	sname = name ? xstrdup(name) : xasprintf("agentcore-wizard-%ld", (long)time(NULL));
	secret_buf_add(&body, AR_ACTION, strlen(AR_ACTION));
	form_param(&body, "RoleArn", role_arn);
	form_param(&body, "RoleSessionName", sname);
	if (dur)
		form_param(&body, "DurationSeconds", dur);
	if (ext)
		form_param(&body, "ExternalId", ext);
	if (sts_call(ch, &body, &base, out, &why) != 0) {
		*cause = xasprintf(_("cannot assume role %s for profile %s: %s"), role_arn,
				   profile, why);
		free(why);
		goto out;
	}
	out->source =
	    src ? xasprintf(_("assumed role %s from profile %s (%s)"), role_arn, src, base.source)
		: xasprintf(_("assumed role %s from %s"), role_arn, base.source);
	ret = 0;
out:
	strbuf_release(&body);
	credentials_free(&base);
	free(sname);
	return ret;
}

#define WEB_TOKEN_MAX (64 * 1024)

/* A web identity setting as botocore reads it: the environment variable
 * first (unless use_env is 0: --profile, or a source profile), then the
 * profile. */
static const char *web_setting(const struct aws_settings *s, const char *profile, int use_env,
			       const char *key, const char *var)
{
	const char *v = use_env ? getenv(var) : NULL;

	return v ? v : aws_profile_get(s, profile, key, NULL);
}

/* STS AssumeRoleWithWebIdentity (unsigned): web_identity_token_file, role_arn
 * and role_session_name, each from AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN
 * and AWS_ROLE_SESSION_NAME (EKS, GitHub Actions) when use_env, else the
 * profile. 1 when no token file is configured. */
static int web_identity(const struct chain *ch, const char *profile, int use_env,
			struct aws_credentials *out, char **cause)
{
	const struct aws_settings *s = ch->s;
	const char *file = web_setting(s, profile, use_env, "web_identity_token_file",
				       "AWS_WEB_IDENTITY_TOKEN_FILE");
	const char *role = web_setting(s, profile, use_env, "role_arn", "AWS_ROLE_ARN");
	const char *name =
	    web_setting(s, profile, use_env, "role_session_name", "AWS_ROLE_SESSION_NAME");
	struct strbuf body = {0};
	char *token = NULL, *why = NULL, *sname;
	size_t len = 0, n;
	int ret = -1;

	if (!file || !*file)
		return 1;
	if (!role || !*role) {
		*cause = xasprintf(_("a web identity token file (%s) is set but no role_arn or "
				     "AWS_ROLE_ARN"),
				   file);
		return -1;
	}
	if (util_read_file(file, WEB_TOKEN_MAX, &token, &len, &why) != 0) {
		*cause = xasprintf(_("cannot read the web identity token: %s"), why);
		free(why);
		return -1;
	}
	n = len;
	while (n && (token[n - 1] == '\n' || token[n - 1] == '\r' || token[n - 1] == ' '))
		n--;
	token[n] = '\0';
	sname =
	    name && *name ? xstrdup(name) : xasprintf("agentcore-wizard-%ld", (long)time(NULL));
	secret_buf_add(&body, WEB_ACTION, strlen(WEB_ACTION));
	form_param(&body, "RoleArn", role);
	form_param(&body, "RoleSessionName", sname);
	form_param(&body, "WebIdentityToken", token);
	if (sts_call(ch, &body, NULL, out, &why) != 0) {
		*cause =
		    xasprintf(_("cannot assume role %s with the web identity token in %s: %s"),
			      role, file, why);
		free(why);
		goto out;
	}
	out->source =
	    xasprintf(_("assumed role %s with the web identity token in %s"), role, file);
	ret = 0;
out:
	OPENSSL_cleanse(token, len);
	free(token);
	secret_buf_release(&body);
	free(sname);
	return ret;
}

/* Static keys of profile in one file: 0, 1 when that file has none, -1 with
 * *cause when it has half a pair. */
static int static_keys(const struct ini *ini, const char *section, const char *profile,
		       const char *path, struct aws_credentials *out, char **cause)
{
	const char *id = ini_get(ini, section, "aws_access_key_id");
	const char *secret = ini_get(ini, section, "aws_secret_access_key");
	const char *token = ini_get(ini, section, "aws_session_token");
	char *d;

	if ((id && *id) != (secret && *secret)) {
		d = aws_display_path(path);
		*cause = xasprintf(_("profile %s in %s has %s but not %s"), profile, d,
				   id && *id ? "aws_access_key_id" : "aws_secret_access_key",
				   id && *id ? "aws_secret_access_key" : "aws_access_key_id");
		free(d);
		return -1;
	}
	if (!id || !*id)
		return 1;
	out->access_key_id = xstrdup(id);
	out->secret_access_key = xstrdup(secret);
	out->session_token = token && *token ? xstrdup(token) : NULL;
	d = aws_display_path(path);
	out->source = xasprintf(_("profile %s in %s"), profile, d);
	free(d);
	return 0;
}

/* Static keys from the credentials file, else the config file. */
static int profile_static_keys(const struct aws_settings *s, const char *profile,
			       struct aws_credentials *out, char **cause)
{
	char *sec = aws_profile_section(profile);
	int r = static_keys(&s->credentials, profile, profile, s->credentials_path, out, cause);

	if (r == 1)
		r = static_keys(&s->config, sec, profile, s->config_path, out, cause);
	if (r == 1 && !strcmp(profile, "default"))
		r = static_keys(&s->config, "profile default", profile, s->config_path, out,
				cause);
	free(sec);
	return r;
}

/* Credentials of one profile, in botocore's order: role assumption, then
 * the profile's own providers. 0, 1 when the profile holds none, -1 with
 * *cause. */
static int resolve_profile(const struct chain *ch, const char *profile, int depth,
			   struct aws_credentials *out, char **cause)
{
	const struct aws_settings *s = ch->s;
	const char *role = aws_profile_get(s, profile, "role_arn", NULL);

	memset(out, 0, sizeof *out);
	if (role && !aws_profile_get(s, profile, "web_identity_token_file", NULL))
		return assume_role(ch, profile, role, depth, out, cause);
	return profile_providers(ch, profile, !s->profile_explicit, out, cause);
}

/* botocore's profile providers, in its order: web identity (the environment
 * too when use_env), static keys of the credentials file, credential_process,
 * static keys of the config file. 0, 1 when the profile holds none, -1 with
 * *cause. */
static int profile_providers(const struct chain *ch, const char *profile, int use_env,
			     struct aws_credentials *out, char **cause)
{
	const struct aws_settings *s = ch->s;
	const char *proc;
	int r;

	memset(out, 0, sizeof *out);
	r = web_identity(ch, profile, use_env, out, cause);
	if (r <= 0)
		return r;
	r = static_keys(&s->credentials, profile, profile, s->credentials_path, out, cause);
	if (r <= 0)
		return r;
	proc = aws_profile_get(s, profile, "credential_process", NULL);
	if (proc)
		return run_process(ch, proc, profile, out, cause);
	r = profile_static_keys(s, profile, out, cause);
	if (r <= 0)
		return r;
	if (aws_profile_get(s, profile, "sso_start_url", NULL) ||
	    aws_profile_get(s, profile, "sso_session", NULL)) {
		*cause = xasprintf(_("profile %s uses single sign-on, which this program reads "
				     "through credential_process: add 'credential_process = aws "
				     "configure export-credentials --profile %s --format process' "
				     "to a profile and use that one"),
				   profile, profile);
		return -1;
	}
	return 1;
}

int credentials_parse_container(const char *json, size_t len, struct aws_credentials *out,
				char **cause)
{
	cJSON *j = cJSON_ParseWithLength(json, len);
	int ret = -1;

	memset(out, 0, sizeof *out);
	if (!cJSON_IsObject(j))
		*cause = xstrdup(_("the answer is not a JSON object"));
	else if (!has_keys(j))
		*cause = xstrdup(_("the answer lacks AccessKeyId or SecretAccessKey"));
	else
		ret = take_keys(j, "Token", out, cause);
	delete_cleansed(j, "Token");
	return ret;
}

/* May a full container-credentials URI be fetched? HTTPS anywhere; plain
 * HTTP only to a loopback address or the ECS and EKS agents' link-local
 * addresses, as botocore allows. */
static int container_host_allowed(const char *url)
{
	char *host = http_url_host(url), *h;
	int ok = 0;

	if (!host)
		return 0;
	if (!strncasecmp(url, "https://", 8)) {
		free(host);
		return 1;
	}
	h = host;
	if (*h == '[') { /* [::1]:port */
		char *e = strchr(h, ']');

		if (e)
			*e = '\0';
		h++;
	} else {
		h[strcspn(h, ":")] = '\0';
	}
	ok = !strncasecmp(url, "http://", 7) &&
	     (!strncmp(h, "127.", 4) || !strcmp(h, "::1") || !strcasecmp(h, "localhost") ||
	      !strcmp(h, "169.254.170.2") || !strcmp(h, "169.254.170.23") ||
	      !strcasecmp(h, "fd00:ec2::23"));
	free(host);
	return ok;
}

/* The container provider (ECS tasks, CodeBuild, EKS Pod Identity), last in
 * the chain as in botocore. Returns 1 when it is not configured. */
static int container_credentials(const struct chain *ch, struct aws_credentials *out, char **cause)
{
	const struct aws_settings *s = ch->s;
	const char *rel = getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
	const char *full = getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI");
	const char *tok = getenv("AWS_CONTAINER_AUTHORIZATION_TOKEN");
	const char *tokfile = getenv("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
	const char *var = rel && *rel ? "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"
				      : "AWS_CONTAINER_CREDENTIALS_FULL_URI";
	struct http_options opt = {s->ca_bundle.value, 2, 5, chain_cancel, (void *)ch};
	struct headers h = {0};
	struct http_response resp;
	char *url, *token = NULL, *why = NULL;
	enum http_result r;
	int ret = -1;

	if (rel && *rel)
		url = xasprintf("http://169.254.170.2%s%s", *rel == '/' ? "" : "/", rel);
	else if (full && *full)
		url = xstrdup(full);
	else
		return 1;
	if (!(rel && *rel) && !container_host_allowed(url)) {
		*cause = xasprintf(_("%s must be an HTTPS URL, or HTTP to a loopback address or "
				     "the container agent (169.254.170.2): %s"),
				   var, url);
		free(url);
		return -1;
	}
	if (tokfile && *tokfile) {
		size_t n = 0;

		if (util_read_file(tokfile, 16 * 1024, &token, &n, &why) != 0) {
			*cause = xasprintf(_("cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE "
					     "(%s): %s"),
					   tokfile, why);
			goto done;
		}
		while (n > 0 &&
		       (token[n - 1] == '\n' || token[n - 1] == '\r' || token[n - 1] == ' '))
			token[--n] = '\0';
	} else if (tok && *tok) {
		token = xstrdup(tok);
	}
	if (token && strpbrk(token, "\r\n")) {
		*cause = xstrdup(_("the container authorization token holds a line break"));
		goto done;
	}
	if (token)
		headers_add(&h, "Authorization", token);
	r = http_send("GET", url, &h, NULL, 0, &opt, &resp, &why);
	if (r != HTTP_DONE) {
		*cause = xasprintf(_("cannot get container credentials from %s (%s): %s"), url,
				   var, why);
		goto done;
	}
	if (resp.status != 200) {
		*cause = xasprintf(_("the container credentials endpoint %s (%s) answered HTTP "
				     "%ld"),
				   url, var, resp.status);
	} else if (credentials_parse_container(resp.body, resp.body_len, out, &why) != 0) {
		*cause = xasprintf(_("the container credentials from %s: %s"), url, why);
	} else {
		out->source = xasprintf(_("container credentials (%s)"), var);
		ret = 0;
	}
	http_response_free(&resp); /* wipes the answer's keys */
done:
	if (token)
		OPENSSL_cleanse(token, strlen(token));
	free(token);
	free(why);
	free(url);
	headers_free(&h);
	return ret;
}

static int chain_resolve(const struct chain *ch, struct aws_credentials *out, char **cause)
{
	const struct aws_settings *s = ch->s;
	const char *id = getenv("AWS_ACCESS_KEY_ID"), *secret = getenv("AWS_SECRET_ACCESS_KEY");
	const char *token = getenv("AWS_SESSION_TOKEN");
	int r;

	memset(out, 0, sizeof *out);
	if (!s->profile_explicit && (id && *id) != (secret && *secret)) {
		/* as botocore: half a key pair in the environment is an error, not a
		 * reason to fall back to a profile the user did not mean */
		*cause = xasprintf(_("%s is set but %s is not: set both, or unset both to use "
				     "profile %s"),
				   id && *id ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY",
				   id && *id ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID",
				   s->profile.value);
		return -1;
	}
	if (!s->profile_explicit && id && *id && secret && *secret) {
		out->access_key_id = xstrdup(id);
		out->secret_access_key = xstrdup(secret);
		out->session_token = token && *token ? xstrdup(token) : NULL;
		out->source = xstrdup(_("environment variables (AWS_ACCESS_KEY_ID)"));
		return 0;
	}
	r = resolve_profile(ch, s->profile.value, 0, out, cause);
	if (r != 1)
		return r;
	/* nothing in the environment or the profile: the container provider,
	 * also with --profile, as botocore (which drops only the environment's
	 * keys from its chain for an explicit profile) */
	return container_credentials(ch, out, cause);
}

int credentials_resolve_uncached(const struct aws_settings *s, const struct credentials_hooks *h,
				 struct aws_credentials *out, char **cause)
{
	static const struct credentials_hooks none;
	int cancelled = 0;
	struct chain ch = {s, h ? h : &none, &cancelled};
	int r = chain_resolve(&ch, out, cause);

	if (r < 0 && cancelled)
		r = CREDENTIALS_CANCELLED;
	/* what is said quotes profile names, commands, role ARNs and file
	 * names: shown only through the printable filter */
	if (r < 0)
		*cause = printable_take(*cause);
	if (r == 0)
		out->source = printable_take(out->source);
	return r;
}
