/* awscall.c: signed calls to STS, IAM, ECR, EC2, S3 and the control plane's
 * list calls, with their endpoint rules; see awscall.h. */
#include "config.h"

#include <ctype.h>
#include <openssl/crypto.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <time.h>

#include "aws/awscall.h"
#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "aws/endpoint.h"
#include "base/util.h"

static const struct {
	const char *env; /* AWS_ENDPOINT_URL_<env> */
	const char *signing;
} services[] = {
    [AWS_STS] = {"STS", "sts"}, [AWS_IAM] = {"IAM", "iam"},
    [AWS_ECR] = {"ECR", "ecr"}, [AWS_EC2] = {"EC2", "ec2"},
    [AWS_S3] = {"S3", "s3"},    [AWS_AGENTCORE] = {"BEDROCK_AGENTCORE_CONTROL", SIGNING_NAME},
};

int awscall_setup(const struct aws_options *o, struct aws_settings *s, struct aws_credentials *c,
		  char **cause)
{
	return awscall_setup_with(o, NULL, s, c, cause);
}

int awscall_setup_with(const struct aws_options *o, const struct credentials_hooks *h,
		       struct aws_settings *s, struct aws_credentials *c, char **cause)
{
	int r;

	*cause = NULL;
	if (aws_settings_resolve(o, s, cause) != 0 || (*cause = aws_settings_unusable(s)))
		return -1;
	r = credentials_resolve_with(s, h, c, cause);
	if (r == CREDENTIALS_CANCELLED)
		return r;
	if (r > 0)
		*cause =
		    xstrdup(_("no AWS credentials found: set AWS_ACCESS_KEY_ID and "
			      "AWS_SECRET_ACCESS_KEY, or configure a profile (aws configure), "
			      "or give --profile"));
	return r == 0 ? 0 : -1;
}

const char *awscall_signing_name(enum aws_service svc)
{
	return services[svc].signing;
}

/* The DNS suffix of region's partition ("amazonaws.com", "api.aws" for
 * dual-stack), read from the STS rule that endpoint.h gives: one table of
 * partitions for every service. NULL with *cause. */
static char *partition_suffix(const char *region, int dualstack, char **cause)
{
	char *sts = endpoint_sts_url(region, 0, dualstack, cause), *r;
	size_t skip;

	if (!sts)
		return NULL;
	skip = strlen("https://sts.") + strlen(region) + 1;
	r = xstrndup(sts + skip, strlen(sts) - skip - 1); /* without the final '/' */
	free(sts);
	return r;
}

/* IAM's global endpoint and the Region it is signed for (botocore's rules). */
static char *iam_url(const char *region, int fips, int ds, const char *suffix, char **sign)
{
	if (!strncmp(region, "cn-", 3)) {
		*sign = xstrdup("cn-north-1");
		return ds ? xstrdup("https://iam.global.api.amazonwebservices.com.cn")
			  : xstrdup("https://iam.cn-north-1.amazonaws.com.cn");
	}
	if (!strncmp(region, "us-gov-", 7)) {
		*sign = xstrdup("us-gov-west-1");
		return ds ? xstrdup("https://iam.us-gov.api.aws")
			  : xstrdup("https://iam.us-gov.amazonaws.com");
	}
	if (!strcmp(suffix, "amazonaws.com")) {
		*sign = xstrdup("us-east-1");
		return xasprintf("https://iam%s.%s", fips ? "-fips" : "",
				 ds ? "global.api.aws" : "amazonaws.com");
	}
	*sign = xstrdup(region);
	return xasprintf("https://iam%s.%s", fips ? "-fips" : "", suffix);
}

static char *rule_url(enum aws_service svc, const char *region, int fips, int ds,
		      const char *suffix, char **sign)
{
	const char *f = fips ? "-fips" : "";

	*sign = xstrdup(region);
	switch (svc) {
	case AWS_IAM:
		free(*sign);
		return iam_url(region, fips, ds, suffix, sign);
	case AWS_ECR:
		return ds ? xasprintf("https://ecr%s.%s.%s", f, region, suffix)
			  : xasprintf("https://api.ecr%s.%s.%s", f, region, suffix);
	case AWS_EC2:
		return xasprintf("https://ec2%s.%s.%s", f, region, suffix);
	case AWS_S3:
		/* botocore's us-east-1 host: it answers for a bucket of any Region */
		if (!fips && !ds && !strcmp(region, "us-east-1"))
			return xstrdup("https://s3.amazonaws.com");
		return xasprintf("https://s3%s%s.%s.%s", f, ds ? ".dualstack" : "", region,
				 suffix);
	default:
		return NULL;
	}
}

/* The endpoint, and whether it was configured (*custom) rather than made
 * from the service's rules. */
static char *resolve(const struct aws_settings *s, enum aws_service svc, const char *region,
		     char **signing_region, char **origin, int *custom, char **cause)
{
	const char *conf;
	char *o = NULL, *suffix, *url;

	*signing_region = NULL;
	*origin = NULL;
	*custom = 1;
	if (!region)
		region = s->region.value;
	if (!region || !endpoint_valid_region(region)) {
		*cause = region ? xasprintf(_("\"%s\" is not a valid AWS Region name"), region)
				: aws_settings_unusable(s);
		return NULL;
	}
	if (svc == AWS_AGENTCORE) {
		if (!s->endpoint.value) {
			*cause = xstrdup(s->endpoint_error ? s->endpoint_error : "?");
			return NULL;
		}
		*signing_region = xstrdup(region);
		*origin = xstrdup(s->endpoint.origin ? s->endpoint.origin : "");
		*custom = s->endpoint_custom;
		return xstrdup(s->endpoint.value);
	}
	if ((conf = aws_configured_endpoint(s, services[svc].env, &o)) != NULL) {
		url = endpoint_resolve(region, s->use_fips, s->use_dualstack, conf, cause);
		if (!url) {
			free(o);
			return NULL;
		}
		/* a configured endpoint (an emulator) is signed for the Region
		 * asked; IAM's for the settings' Region */
		*signing_region =
		    xstrdup(svc == AWS_IAM && s->region.value ? s->region.value : region);
		*origin = o;
		return url;
	}
	*custom = 0;
	/* as the control plane's endpoint says it (awsconfig.c) */
	*origin = xasprintf(_("the service's rules for %s%s%s"), region,
			    s->use_fips ? ", FIPS" : "", s->use_dualstack ? ", dual-stack" : "");
	if (svc == AWS_STS) {
		*signing_region = xstrdup(region);
		return endpoint_sts_url(region, s->use_fips, s->use_dualstack, cause);
	}
	suffix = partition_suffix(region, s->use_dualstack, cause);
	if (!suffix)
		return NULL;
	url = rule_url(svc, region, s->use_fips, s->use_dualstack, suffix, signing_region);
	free(suffix);
	return url;
}

char *awscall_endpoint(const struct aws_settings *s, enum aws_service svc, const char *region,
		       char **signing_region, char **origin, char **cause)
{
	char *o = NULL;
	int custom;
	char *url = resolve(s, svc, region, signing_region, &o, &custom, cause);

	if (!url) {
		free(*signing_region);
		*signing_region = NULL;
		free(o);
		o = NULL;
	}
	if (origin)
		*origin = o;
	else
		free(o);
	return url;
}

char *awscall_form_add(char *body, const char *name, const char *value)
{
	char *v = sigv4_uri_encode(value, strlen(value), 0);
	char *r = xasprintf("%s&%s=%s", body, name, v);

	free(v);
	free(body);
	return r;
}

char *awscall_form(const char *action, const char *version, ...)
{
	char *body = xasprintf("Action=%s&Version=%s", action, version);
	const char *name, *value;
	va_list ap;

	va_start(ap, version);
	while ((name = va_arg(ap, const char *)) != NULL) {
		value = va_arg(ap, const char *);
		body = awscall_form_add(body, name, value ? value : "");
	}
	va_end(ap);
	return body;
}

int awscall_denied(const struct service_error *e)
{
	static const char *const codes[] = {"AccessDenied",
					    "AccessDeniedException",
					    "UnauthorizedOperation",
					    "UnauthorizedAccess",
					    "Forbidden",
					    NULL};
	size_t i;

	if (e->transport)
		return 0;
	for (i = 0; e->code && codes[i]; i++)
		if (!strcmp(e->code, codes[i]))
			return 1;
	return e->status == 403 && (!e->code || !strcmp(e->code, "AccessDeniedException"));
}

int awscall_auth_failed(const struct service_error *e)
{
	static const char *const codes[] = {"InvalidClientTokenId",
					    "SignatureDoesNotMatch",
					    "ExpiredToken",
					    "ExpiredTokenException",
					    "RequestExpired",
					    "AuthFailure",
					    "UnrecognizedClientException",
					    "InvalidSignatureException",
					    "InvalidAccessKeyId",
					    "IncompleteSignature",
					    "MissingAuthenticationToken",
					    NULL};
	size_t i;

	for (i = 0; e->code && codes[i]; i++)
		if (!strcmp(e->code, codes[i]))
			return 1;
	return 0;
}

/* An S3 bucket name that can go into a host name: lowercase letters, digits
 * and hyphens (no dots, which break the certificate's wildcard). */
static int virtual_host_bucket(const char *b)
{
	size_t n = strlen(b), i;

	if (n < 3 || n > 63 || b[0] == '-' || b[n - 1] == '-')
		return 0;
	for (i = 0; i < n; i++)
		if (!islower((unsigned char)b[i]) && !isdigit((unsigned char)b[i]) && b[i] != '-')
			return 0;
	return 1;
}

/* The URL of a request and its path as the signer sees it (for S3, the
 * path unencoded: S3 encodes once). */
static char *request_url(const struct awscall_request *r, const char *endpoint, int custom,
			 char **sign_path)
{
	size_t n = strlen(endpoint);
	char *url, *p;

	while (n && endpoint[n - 1] == '/')
		n--;
	if (r->service == AWS_S3 && r->bucket) {
		char *key = sigv4_uri_encode(r->path, strlen(r->path), 1);
		char *bkt = sigv4_uri_encode(r->bucket, strlen(r->bucket), 0);

		if (!custom && virtual_host_bucket(r->bucket)) {
			const char *host = strstr(endpoint, "://") + 3;

			url = xasprintf("%.*s%s.%.*s/%s", (int)(host - endpoint), endpoint, bkt,
					(int)(n - (size_t)(host - endpoint)), host, key);
			*sign_path = xasprintf("/%s", r->path);
		} else {
			url = xasprintf("%.*s/%s/%s", (int)n, endpoint, bkt, key);
			p = http_url_path(endpoint);
			*sign_path = xasprintf("%s/%s/%s", p && strcmp(p, "/") ? p : "", r->bucket,
					       r->path);
			free(p);
		}
		free(key);
		free(bkt);
	} else {
		url = xasprintf("%.*s%s", (int)n, endpoint, r->path);
		*sign_path = http_url_path(url);
		if (!*sign_path)
			*sign_path = xstrdup(r->path);
	}
	if (r->query) {
		p = xasprintf("%s?%s", url, r->query);
		free(url);
		url = p;
	}
	return url;
}

/* Sign with S3's rules: x-amz-content-sha256 sent and signed, the path
 * encoded once and never normalised. */
static void sign_s3(struct sigv4_request *sr, const struct aws_credentials *cr, const char *region,
		    time_t t)
{
	char amz[17], date8[9], payload[65], sig[65], *scope, *canon, *sts, *sh, *auth;
	unsigned char key[32];

	sigv4_amz_date(t, amz);
	memcpy(date8, amz, 8);
	date8[8] = '\0';
	sigv4_sha256_hex(sr->body ? sr->body : "", sr->body_len, payload);
	headers_set(sr->headers, "X-Amz-Date", amz);
	headers_set(sr->headers, "x-amz-content-sha256", payload);
	if (cr->session_token && *cr->session_token)
		headers_set(sr->headers, "X-Amz-Security-Token", cr->session_token);
	scope = xasprintf("%s/%s/s3/aws4_request", date8, region);
	canon = sigv4_canonical_request(sr, payload, 0, &sh);
	sts = sigv4_string_to_sign(amz, scope, canon);
	sigv4_signing_key(cr->secret_access_key, date8, region, "s3", key);
	sigv4_signature(key, sts, sig);
	auth = xasprintf("AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s",
			 cr->access_key_id, scope, sh, sig);
	headers_set(sr->headers, "Authorization", auth);
	OPENSSL_cleanse(key, sizeof key);
	secret_free(canon);
	free(sts);
	free(auth);
	free(sh);
	free(scope);
}

struct prepared {
	char *url, *sign_path, *region;
	struct headers h;
};

static int prepare(const struct awscall_client *c, const struct awscall_request *r, time_t t,
		   struct prepared *p, struct service_error *err)
{
	char *cause = NULL, *origin = NULL, *ep, *host, *q = NULL;
	int custom = 0;
	struct sigv4_credentials sc = {c->creds->access_key_id, c->creds->secret_access_key,
				       c->creds->session_token};
	struct sigv4_request sr;
	struct sigv4_trace tr = {0};

	memset(p, 0, sizeof *p);
	ep = resolve(c->settings, r->service, r->region, &p->region, &origin, &custom, &cause);
	free(origin);
	if (!ep) {
		free(p->region);
		p->region = NULL;
		err->transport = 1;
		err->http = HTTP_FAILED;
		err->message = cause;
		return -1;
	}
	p->url = request_url(r, ep, custom, &p->sign_path);
	free(ep);
	host = http_url_host(p->url);
	headers_add(&p->h, "Host", host ? host : "");
	free(host);
	if (r->content_type)
		headers_add(&p->h, "Content-Type", r->content_type);
	if (r->target)
		headers_add(&p->h, "X-Amz-Target", r->target);
	if (r->range)
		headers_add(&p->h, "Range", r->range);
	if (r->query)
		q = xstrdup(r->query);
	sr = (struct sigv4_request){r->method, p->sign_path, q,
				    &p->h,     r->body,      r->body ? strlen(r->body) : 0};
	if (r->service == AWS_S3)
		sign_s3(&sr, c->creds, p->region, t);
	else
		sigv4_sign(&sr, &sc, p->region, services[r->service].signing, t,
			   c->debug ? &tr : NULL);
	if (c->debug && tr.canonical_request)
		service_print_trace(stderr, &tr);
	sigv4_trace_free(&tr);
	free(q);
	return 0;
}

static void prepared_free(struct prepared *p)
{
	free(p->url);
	free(p->sign_path);
	free(p->region);
	headers_free(&p->h);
}

int awscall_prepare(const struct awscall_client *c, const struct awscall_request *r, time_t t,
		    char **url, struct headers *h, char **cause)
{
	struct prepared p;
	struct service_error err = {0};

	*url = NULL;
	memset(h, 0, sizeof *h);
	if (prepare(c, r, t, &p, &err) != 0) {
		*cause = err.message;
		err.message = NULL;
		service_error_free(&err);
		return -1;
	}
	*url = p.url;
	*h = p.h;
	free(p.sign_path);
	free(p.region);
	return 0;
}

static double random01(void)
{
	unsigned int x = 0;

	if (getrandom(&x, sizeof x, 0) != (ssize_t)sizeof x)
		return 0.5;
	return (double)x / 4294967296.0;
}

/* Wait, watching the cancel callback; -1 when cancelled. */
static int pause_for(const struct awscall_client *c, double secs)
{
	double end = util_monotonic() + secs;

	while (util_monotonic() < end) {
		struct timespec ts = {0, 20 * 1000 * 1000};

		if (c->cancel && c->cancel(c->arg))
			return -1;
		nanosleep(&ts, NULL);
	}
	return 0;
}

int awscall_send(const struct awscall_client *c, const struct awscall_request *r,
		 struct http_response *resp, struct service_error *err)
{
	const struct aws_settings *s = c->settings;
	struct http_options hopt = {s->ca_bundle.value, s->connect_timeout, s->read_timeout,
				    c->cancel, c->arg};
	int attempt;

	memset(err, 0, sizeof *err);
	memset(resp, 0, sizeof *resp);
	for (attempt = 1;; attempt++) {
		struct prepared p;
		char *cause = NULL;
		enum http_result h;
		enum retry_kind kind;

		if (prepare(c, r, time(NULL), &p, err) != 0)
			return -1;
		h = http_send(r->method, p.url, &p.h, r->body, r->body ? strlen(r->body) : 0,
			      &hopt, resp, &cause);
		prepared_free(&p);
		if (h == HTTP_DONE && resp->status >= 200 && resp->status < 300)
			return 0;
		service_error_free(err);
		if (h == HTTP_DONE) {
			service_parse_error(resp->status, &resp->headers, resp->body,
					    resp->body_len, err);
			http_response_free(resp);
		} else {
			err->transport = 1;
			err->message = cause ? cause : xstrdup("?");
			cause = NULL;
		}
		free(cause);
		err->http = h;
		kind = service_retry_kind(h, err->status, err->code);
		if (kind == RETRY_NO || attempt >= s->attempts ||
		    (c->deadline > 0 && util_monotonic() > c->deadline))
			return -1;
		if (pause_for(c, service_backoff(kind, attempt + 1, random01())) != 0) {
			service_error_free(err);
			err->transport = 1;
			err->http = HTTP_CANCELLED;
			err->message = xstrdup(_("cancelled"));
			return -1;
		}
	}
}
