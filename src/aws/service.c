/* service.c: signed calls with standard-mode retries and error parsing; see service.h. */
#include "config.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <openssl/rand.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "aws/service.h"
#include "aws/xml.h"
#include "base/printable.h"
#include "base/util.h"

void service_error_free(struct service_error *e)
{
	size_t i;

	free(e->code);
	free(e->message);
	free(e->request_id);
	for (i = 0; i < e->nfields; i++)
		free(e->fields[i]);
	free(e->fields);
	memset(e, 0, sizeof *e);
}

/* The error code as restJson1 clients read it: the part before the first
 * ':' (a URL may follow, and may hold a '#'), then the part after the first
 * '#' of that (a namespace may come first). */
static char *trim_code(const char *c)
{
	size_t n = strcspn(c, ":");
	const char *hash = memchr(c, '#', n);

	if (hash) {
		n -= (size_t)(hash + 1 - c);
		c = hash + 1;
	}
	while (n && isspace((unsigned char)*c))
		c++, n--;
	while (n && isspace((unsigned char)c[n - 1]))
		n--;
	return xstrndup(c, n);
}

#define MESSAGE_MAX 2000
#define EXCERPT_MAX 160 /* bytes of a body that is not JSON, in a message */

static const char *status_code_name(long status)
{
	switch (status) {
	case 400:
		return "ValidationException";
	case 402:
		return "ServiceQuotaExceededException";
	case 403:
		return "AccessDeniedException";
	case 404:
		return "ResourceNotFoundException";
	case 409:
		return "ConflictException";
	case 429:
		return "ThrottlingException";
	case 500:
		return "InternalServerException";
	default:
		return NULL;
	}
}

/* A printable excerpt of a body that is not JSON (an HTML page, XML): its
 * text without the tags, spaces and C0 controls run together. */
static char *excerpt(const char *body, size_t len)
{
	struct strbuf b = {0};
	char *x;
	size_t i;
	int space = 0, in_tag = 0;

	for (i = 0; i < len && b.len < EXCERPT_MAX + 40; i++) {
		unsigned char c = (unsigned char)body[i];

		if (c == '<') {
			in_tag = 1;
			continue;
		}
		if (c == '>') {
			in_tag = 0;
			space = 1;
			continue;
		}
		if (in_tag)
			continue;
		if (isspace(c) || c < 0x20 || c == 0x7f) {
			space = 1;
			continue;
		}
		if (space && b.len)
			strbuf_addc(&b, ' ');
		space = 0;
		strbuf_addc(&b, (char)c);
	}
	if (b.len > EXCERPT_MAX || i < len) {
		/* cut at a space, never inside a word or a UTF-8 sequence */
		size_t cut = b.len > EXCERPT_MAX ? EXCERPT_MAX : b.len;

		while (cut > EXCERPT_MAX / 2 && b.s[cut] != ' ')
			cut--;
		if (b.s[cut] != ' ')
			while (cut && ((unsigned char)b.s[cut] & 0xc0) == 0x80)
				cut--;
		b.len = cut;
		b.s[cut] = '\0';
		strbuf_add(&b, "...", 3);
	}
	/* C1 controls, bidirectional overrides and bytes that are not UTF-8
	 * are left: the one filter shows them as escapes */
	x = printable_mem(b.s, b.len, SIZE_MAX);
	strbuf_release(&b);
	return x;
}

/* The fieldList of a ValidationException, as "name: message". */
static void error_fields(const cJSON *v, struct service_error *e)
{
	const cJSON *f;

	e->fields = xcalloc((size_t)cJSON_GetArraySize(v) + 1, sizeof *e->fields);
	cJSON_ArrayForEach (f, v) {
		const cJSON *n = cJSON_GetObjectItemCaseSensitive(f, "name");
		const cJSON *m = cJSON_GetObjectItemCaseSensitive(f, "message");

		if (cJSON_IsString(n)) {
			char *raw = xasprintf("%s: %s", n->valuestring,
					      cJSON_IsString(m) ? m->valuestring : "");

			e->fields[e->nfields++] = printable_text(raw, MESSAGE_MAX);
			free(raw);
		}
	}
}

/* The message and fieldList of a JSON error body. */
static void error_from_json(const cJSON *j, struct service_error *e)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, "message");

	if (!cJSON_IsString(v))
		v = cJSON_GetObjectItemCaseSensitive(j, "Message");
	if (cJSON_IsString(v))
		e->message = printable_text(v->valuestring, MESSAGE_MAX);
	v = cJSON_GetObjectItemCaseSensitive(j, "fieldList");
	if (cJSON_IsArray(v))
		error_fields(v, e);
}

/* An error body that is not JSON: an XML error (a proxy or gateway in the
 * AWS style) gives its Code and Message; anything else (an HTML page) an
 * excerpt of its text. */
static void error_from_text(const char *body, size_t len, struct service_error *e)
{
	char *code = xml_text(body, len, "Code");
	char *msg = xml_text(body, len, "Message");

	if (code && *code) {
		char *raw = trim_code(code);

		free(e->code);
		e->code = printable_text(raw, 200);
		free(raw);
		e->message = printable_text(msg && *msg ? msg : code, MESSAGE_MAX);
	} else {
		char *x = excerpt(body, len);

		e->message = xasprintf(_("the answer is not JSON: %s"), *x ? x : _("(no text)"));
		free(x);
	}
	free(code);
	free(msg);
}

/* The error code: x-amzn-ErrorType, else the body's __type or code, else
 * the one the status implies. */
static void error_code(long status, const char *t, const cJSON *j, struct service_error *e)
{
	const cJSON *v;

	if (!t && cJSON_IsObject(j)) {
		v = cJSON_GetObjectItemCaseSensitive(j, "__type");
		if (!cJSON_IsString(v))
			v = cJSON_GetObjectItemCaseSensitive(j, "code");
		if (cJSON_IsString(v))
			t = v->valuestring;
	}
	if (t && *t) {
		char *raw = trim_code(t);

		e->code = printable_text(raw, 200);
		free(raw);
	} else if (status_code_name(status))
		e->code = xstrdup(status_code_name(status));
}

void service_parse_error(long status, const struct headers *h, const char *body, size_t len,
			 struct service_error *e)
{
	cJSON *j = body && len ? cJSON_ParseWithLength(body, len) : NULL;
	const char *t = h ? headers_get(h, "x-amzn-ErrorType") : NULL;
	const char *rid = h ? headers_get(h, "x-amzn-RequestId") : NULL;

	memset(e, 0, sizeof *e);
	e->status = status;
	if (rid)
		e->request_id = printable_text(rid, 200);
	error_code(status, t, j, e);
	if (cJSON_IsObject(j))
		error_from_json(j, e);
	else if (body && len)
		error_from_text(body, len, e);
	if (status >= 300 && status <= 399) {
		/* a redirect: where to, rather than what its page says */
		free(e->message);
		e->message = http_redirect_text(status, h);
	}
	if (!e->message)
		e->message = xasprintf(_("HTTP status %ld"), status);
	cJSON_Delete(j);
}

enum retry_kind service_retry_kind(enum http_result http, long status, const char *code)
{
	static const char *const throttling[] = {
	    "Throttling",
	    "ThrottlingException",
	    "ThrottledException",
	    "RequestThrottledException",
	    "TooManyRequestsException",
	    "ProvisionedThroughputExceededException",
	    "TransactionInProgressException",
	    "RequestLimitExceeded",
	    "BandwidthLimitExceeded",
	    "LimitExceededException",
	    "RequestThrottled",
	    "SlowDown",
	    "PriorRequestNotComplete",
	    "EC2ThrottledException",
	    NULL,
	};
	static const char *const transient[] = {
	    "RequestTimeout",
	    "RequestTimeoutException",
	    "InternalError",
	    NULL,
	};
	size_t i;

	if (http == HTTP_CONNECT || http == HTTP_TIMEOUT || http == HTTP_DROPPED)
		return RETRY_TRANSIENT;
	if (http != HTTP_DONE)
		return RETRY_NO;
	if (code) {
		for (i = 0; throttling[i]; i++)
			if (!strcmp(code, throttling[i]))
				return RETRY_THROTTLE;
		for (i = 0; transient[i]; i++)
			if (!strcmp(code, transient[i]))
				return RETRY_TRANSIENT;
	}
	if (status == 429)
		return RETRY_THROTTLE;
	if (status == 500 || status == 502 || status == 503 || status == 504)
		return RETRY_TRANSIENT;
	return RETRY_NO;
}

double service_backoff(enum retry_kind kind, int attempt, double rand01)
{
	double base = kind == RETRY_THROTTLE ? 1.0 : 0.05;
	double cap = base * pow(2.0, attempt - 2);

	return rand01 * (cap < 20.0 ? cap : 20.0);
}

/* Random bytes from the kernel (getrandom), else OpenSSL's RAND_bytes. The
 * first RAND_bytes call sets up OpenSSL's DRBG, which cost a quarter of a
 * submit's CPU time; the kernel's generator is the one that seeds it. */
static int random_bytes(unsigned char *b, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = getrandom(b + got, n - got, 0);

		if (r < 0) {
			if (errno == EINTR)
				continue;
			return RAND_bytes(b, (int)n) == 1 ? 0 : -1;
		}
		got += (size_t)r;
	}
	return 0;
}

char *service_new_token(void)
{
	unsigned char b[16];

	if (random_bytes(b, sizeof b) != 0)
		util_fatal("%s", _("no random numbers available"));
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	return xasprintf("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
			 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11],
			 b[12], b[13], b[14], b[15]);
}

char *service_answer_string(const char *body, size_t len, const char *name)
{
	cJSON *j = body ? cJSON_ParseWithLength(body, len) : NULL;
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, name);
	char *r = cJSON_IsString(v) ? xstrdup(v->valuestring) : NULL;

	cJSON_Delete(j);
	return r;
}

void service_request_free(struct service_request *r)
{
	free(r->url);
	free(r->path);
	free(r->query);
	headers_free(&r->headers);
	free(r->body);
	memset(r, 0, sizeof *r);
}

void service_prepare(const struct service_client *c, const char *method, const char *path,
		     const char *query, const char *body, time_t t, struct service_request *r,
		     struct sigv4_trace *trace)
{
	const char *ep = c->settings->endpoint.value;
	size_t n = strlen(ep);
	char *host;
	struct sigv4_credentials sc = {c->creds->access_key_id, c->creds->secret_access_key,
				       c->creds->session_token};
	struct sigv4_request sr;

	memset(r, 0, sizeof *r);
	while (n && ep[n - 1] == '/')
		n--;
	r->method = method;
	r->query = query ? xstrdup(query) : NULL;
	r->url = xasprintf("%.*s%s%s%s", (int)n, ep, path, query ? "?" : "", query ? query : "");
	/* an endpoint with a path (a gateway's prefix) puts it before ours: the
	 * request line and the signature must both carry it */
	r->path = http_url_path(r->url);
	if (!r->path)
		r->path = xstrdup(path);
	host = http_url_host(r->url);
	headers_add(&r->headers, "Host", host ? host : "");
	free(host);
	if (body) {
		r->body = xstrdup(body);
		r->body_len = strlen(body);
		headers_add(&r->headers, "Content-Type", "application/json");
	}
	sr = (struct sigv4_request){method, r->path, r->query, &r->headers, r->body, r->body_len};
	sigv4_sign(&sr, &sc, c->settings->region.value, SIGNING_NAME, t, trace);
}

char *service_request_describe(const struct service_request *r)
{
	struct strbuf b = {0};
	size_t i;

	strbuf_addf(&b, "%s %s\n", r->method, r->url);
	for (i = 0; i < r->headers.n; i++) {
		const char *v = r->headers.v[i].value;

		if (!strcasecmp(r->headers.v[i].name, "X-Amz-Security-Token")) {
			v = _("(redacted)");
		} else if (!strcasecmp(r->headers.v[i].name, "Authorization")) {
			const char *sig = strstr(v, "Signature=");

			strbuf_addf(&b, "%s: %.*sSignature=%s\n", r->headers.v[i].name,
				    sig ? (int)(sig - v) : (int)strlen(v), v, _("(redacted)"));
			continue;
		}
		strbuf_addf(&b, "%s: %s\n", r->headers.v[i].name, v);
	}
	strbuf_addc(&b, '\n');
	if (r->body)
		strbuf_addf(&b, "%s\n", r->body);
	return strbuf_finish(&b);
}

void service_print_trace(FILE *fp, const struct sigv4_trace *t)
{
	const char *c = t->canonical_request ? t->canonical_request : "";
	static const char tok[] = "x-amz-security-token:";

	fputs("--- canonical request\n", fp);
	while (*c) {
		size_t n = strcspn(c, "\n");

		if (n >= sizeof tok - 1 && !strncasecmp(c, tok, sizeof tok - 1))
			fprintf(fp, "%s%s\n", tok, _("(redacted)"));
		else
			fprintf(fp, "%.*s\n", (int)n, c);
		c += n + (c[n] ? 1 : 0);
	}
	fprintf(fp, "--- string to sign\n%s\n---\n", t->string_to_sign ? t->string_to_sign : "");
}

static double rand01(void)
{
	unsigned int x;

	if (random_bytes((unsigned char *)&x, sizeof x) != 0)
		return 0.5;
	return (double)x / 4294967296.0;
}

/* Sleep in small steps so a cancel is noticed. Returns -1 when cancelled. */
static int wait_for(const struct service_client *c, double seconds)
{
	double end = util_monotonic() + seconds;

	while (util_monotonic() < end) {
		double left = end - util_monotonic();
		struct timespec ts = {0, (long)((left < 0.05 ? left : 0.05) * 1e9)};

		if (c->hooks.cancel && c->hooks.cancel(c->hooks.arg))
			return -1;
		nanosleep(&ts, NULL);
	}
	return 0;
}

/* Find the credentials again when they expire within SERVICE_REFRESH_AHEAD
 * seconds. 0 (renewed, or still good enough), or -1 with *cause when they
 * are about to expire and cannot be renewed. */
static int refresh_credentials(const struct service_client *c, char **cause)
{
	struct aws_credentials fresh;
	struct credentials_hooks h = {c->hooks.cancel, c->hooks.arg, 0};
	time_t now = time(NULL);
	char *why = NULL;
	int r;

	if (!c->creds->expiration || c->creds->expiration - now >= SERVICE_REFRESH_AHEAD)
		return 0;
	r = credentials_resolve_with(c->settings, &h, &fresh, &why);
	if (r == 0) {
		credentials_free(c->creds);
		*c->creds = fresh;
		return 0;
	}
	if (c->creds->expiration - now > 60) {
		/* still valid: use them while they last, try again next time */
		free(why);
		return 0;
	}
	*cause = xasprintf(_("the credentials from %s expire now and cannot be renewed: %s"),
			   c->creds->source ? c->creds->source : "?",
			   why ? why : _("none found any more"));
	free(why);
	return -1;
}

/* The error of a failed attempt into *err (what an earlier one met is
 * dropped): the service's answer, or the transport's cause (taken). */
static void attempt_error(enum http_result h, const struct http_response *resp, char **cause,
			  struct service_error *err)
{
	service_error_free(err);
	if (h == HTTP_DONE) {
		service_parse_error(resp->status, &resp->headers, resp->body, resp->body_len, err);
	} else {
		err->transport = 1;
		err->message = *cause;
		*cause = NULL;
	}
	err->http = h;
}

/* The wait before the next attempt: the back-off, or the service's
 * x-amz-retry-after when longer, never more than 5 s past our own choice. */
static double retry_delay(enum retry_kind kind, int next, enum http_result h,
			  const struct http_response *resp)
{
	double delay = service_backoff(kind, next, rand01());
	const char *ra = h == HTTP_DONE ? headers_get(&resp->headers, "x-amz-retry-after") : NULL;

	if (ra) {
		double want = atof(ra) / 1000.0; /* milliseconds */

		if (want > delay)
			delay = want < delay + 5 ? want : delay + 5;
	}
	return delay;
}

/* A call that ends without an HTTP answer: *err says why (message taken). */
static int call_failed(struct service_error *err, enum http_result h, char *message)
{
	service_error_free(err);
	err->transport = 1;
	err->http = h;
	err->message = message;
	return -1;
}

/* One attempt: renew the credentials if needed, sign, send. */
static enum http_result call_once(const struct service_client *c, const char *method,
				  const char *path, const char *query, const char *body,
				  const struct http_options *hopt, struct http_response *resp,
				  char **cause)
{
	struct service_request r;
	struct sigv4_trace tr = {0};
	enum http_result h;

	service_prepare(c, method, path, query, body, time(NULL), &r, c->hooks.debug ? &tr : NULL);
	if (c->hooks.debug) {
		service_print_trace(stderr, &tr);
		sigv4_trace_free(&tr);
	}
	h = http_send(method, r.url, &r.headers, r.body, r.body_len, hopt, resp, cause);
	service_request_free(&r);
	return h;
}

int service_call(const struct service_client *c, const char *method, const char *path,
		 const char *query, const char *body, struct http_response *resp,
		 struct service_error *err)
{
	const struct aws_settings *s = c->settings;
	struct http_options hopt = {s->ca_bundle.value, s->connect_timeout, s->read_timeout,
				    c->hooks.cancel, c->hooks.arg};
	int attempt;
	double start = util_monotonic();

	memset(err, 0, sizeof *err);
	http_cleartext_notice(s->endpoint.value);
	for (attempt = 1;; attempt++) {
		enum http_result h;
		enum retry_kind kind;
		char *cause = NULL;
		double delay;

		if (c->hooks.attempt)
			c->hooks.attempt(c->hooks.arg, attempt, s->attempts, 0,
					 util_monotonic() - start, NULL);
		if (refresh_credentials(c, &cause) != 0)
			return call_failed(err, HTTP_FAILED, cause);
		h = call_once(c, method, path, query, body, &hopt, resp, &cause);
		if (h == HTTP_DONE && resp->status >= 200 && resp->status < 300) {
			service_error_free(err); /* what an earlier attempt met */
			return 0;
		}
		attempt_error(h, resp, &cause, err);
		free(cause);
		kind = service_retry_kind(h, err->status, err->code);
		if (kind == RETRY_NO || attempt >= s->attempts) {
			if (h == HTTP_DONE)
				http_response_free(resp);
			return -1;
		}
		delay = retry_delay(kind, attempt + 1, h, resp);
		if (h == HTTP_DONE)
			http_response_free(resp);
		if (c->hooks.attempt)
			c->hooks.attempt(c->hooks.arg, attempt, s->attempts, delay,
					 util_monotonic() - start,
					 err->code ? err->code : err->message);
		if (wait_for(c, delay) != 0)
			return call_failed(err, HTTP_CANCELLED, xstrdup(_("cancelled")));
	}
}
