/* service.h: calls to bedrock-agentcore-control: CreateAgentRuntime and
 * GetAgentRuntime, signed, sent, retried as the AWS SDKs' standard mode does.
 *
 * Owner: the core. The request body is serialised once and the same bytes are
 * signed and sent; a retry is signed again (new date) with the same body, so
 * a create carries the same clientToken on every attempt. */
#ifndef ACW_SERVICE_H
#define ACW_SERVICE_H

#include <stddef.h>
#include <stdio.h>

#include "aws/credentials.h"
#include "aws/http.h"
#include "aws/sigv4.h"

struct aws_settings;
struct aws_credentials;

#define SIGNING_NAME "bedrock-agentcore"

/* An error answered by the service, as it gave it. */
struct service_error {
	long status;      /* HTTP status; 0 when no answer came */
	char *code;       /* "ValidationException" (trimmed), or NULL */
	char *message;    /* the service's message, or what went wrong in words */
	char *request_id; /* x-amzn-RequestId, or NULL */
	char **fields;    /* ValidationException fieldList as "name: message" */
	size_t nfields;
	int transport; /* 1 when no HTTP answer (connection, TLS, timeout) */
	enum http_result http;
};
void service_error_free(struct service_error *e);

/* Parse a restJson1 error answer (any body: JSON, HTML, XML, empty). */
void service_parse_error(long status, const struct headers *h, const char *body, size_t len,
			 struct service_error *e);

enum retry_kind { RETRY_NO, RETRY_THROTTLE, RETRY_TRANSIENT };
/* Standard mode: throttling codes and 429; 500/502/503/504 and transient
 * codes; connection failures, timeouts and dropped answers. */
enum retry_kind service_retry_kind(enum http_result http, long status, const char *code);
/* Seconds to wait before attempt `attempt` (2, 3, ...): rand01 × min(base ×
 * 2^(attempt-2), 20), base 1 s for throttling and 0.05 s otherwise. */
double service_backoff(enum retry_kind kind, int attempt, double rand01);

/* What a caller may watch and steer while a call runs. */
struct service_hooks {
	/* Before each attempt (1-based; delay 0, why NULL) and before waiting
	 * `delay` seconds to retry after attempt `attempt` failed because of `why`.
	 * elapsed: seconds since the call began. */
	void (*attempt)(void *arg, int attempt, int max, double delay, double elapsed,
			const char *why);
	int (*cancel)(void *arg); /* non-zero cancels */
	void *arg;
	int debug; /* print the canonical request and string to sign to stderr */
};

struct service_client {
	const struct aws_settings *settings;
	/* Renewed in place (found again from settings) before a request when
	 * they expire within SERVICE_REFRESH_AHEAD seconds. */
	struct aws_credentials *creds;
	struct service_hooks hooks;
};

/* botocore's mandatory refresh window: temporary credentials (an assumed
 * role of 900 s, a credential_process or container answer with an
 * Expiration) are found again when fewer than this many seconds are left,
 * so a --wait of up to an hour never signs with expired ones. The same
 * window as the one credentials_resolve keeps them for: a refresh is
 * never answered with the credentials it replaces. */
#define SERVICE_REFRESH_AHEAD CREDENTIALS_REFRESH_AHEAD

/* A prepared request: what --dry-run prints and what is sent. */
struct service_request {
	const char *method;
	char *url;
	char *path;
	char *query; /* NULL when none */
	struct headers headers;
	char *body; /* NULL when none */
	size_t body_len;
};
void service_request_free(struct service_request *r);

/* Build and sign a request at time t (headers: Host, Content-Type with a body,
 * X-Amz-Date, X-Amz-Security-Token, Authorization). trace may be NULL. */
void service_prepare(const struct service_client *c, const char *method, const char *path,
		     const char *query, const char *body, time_t t, struct service_request *r,
		     struct sigv4_trace *trace);

/* Print a prepared request with the security token and the signature
 * redacted (for --dry-run): a printed request must not be one that could be
 * replayed within the signature's five minutes. Caller frees. */
char *service_request_describe(const struct service_request *r);

/* Print a trace for --debug to fp: the canonical request (with the value of
 * x-amz-security-token redacted) and the string to sign. */
void service_print_trace(FILE *fp, const struct sigv4_trace *t);

/* Send with retries, renewing the credentials first when they near their
 * expiration (a failure to renew is an error only once they have less than
 * a minute left). Returns 0 with *resp (2xx), or -1 with *err filled. */
int service_call(const struct service_client *c, const char *method, const char *path,
		 const char *query, const char *body, struct http_response *resp,
		 struct service_error *err);

/* The string member `name` of the top-level JSON object of a service answer
 * (agentRuntimeId, status, failureReason, ...), or NULL when absent, not text
 * or the body is not JSON. For front ends, which do not parse JSON
 * themselves. Caller frees. */
char *service_answer_string(const char *body, size_t len, const char *name);

/* A new random UUID v4 (clientToken), from the kernel's CSPRNG (getrandom,
 * else RAND_bytes). Caller frees. */
char *service_new_token(void);

#endif
