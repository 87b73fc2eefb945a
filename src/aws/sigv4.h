/* sigv4.h: AWS Signature Version 4, in stages that can be called alone.
 *
 * Owner: the core. The time is always passed in, so tests are exact. One
 * header list (struct headers, http.h) feeds both the signer and libcurl, so the
 * bytes signed are the bytes sent. Secrets are only read, never copied into
 * anything that is printed; the signing key is wiped after use. */
#ifndef ACW_SIGV4_H
#define ACW_SIGV4_H

#include <stddef.h>
#include <time.h>

#include "aws/http.h" /* struct headers */
#include "aws/secret.h"

struct sigv4_request {
	const char *method;
	const char *path;        /* as on the request line, without the query: "/runtimes/" */
	const char *query;       /* the query string without '?', or NULL */
	struct headers *headers; /* must include Host; X-Amz-Date is added by sigv4_sign */
	const char *body;
	size_t body_len;
};

struct sigv4_credentials {
	const char *access_key_id;
	const char *secret_access_key;
	const char *session_token; /* NULL for long-term keys */
};

/* Lowercase hex SHA-256 of data (65 bytes written, NUL included). */
void sigv4_sha256_hex(const void *data, size_t len, char out[65]);

/* "20150830T123600Z" and "20150830" for t (UTC). */
void sigv4_amz_date(time_t t, char out[17]);

/* RFC 3986 encoding: unreserved characters kept; '/' kept when keep_slash.
 * Caller frees (with secret_free when s is a secret: no other copy is left). */
char *sigv4_uri_encode(const char *s, size_t n, int keep_slash);

/* The canonical request. normalize: remove "." and ".." segments and repeated
 * slashes (every service but S3). *signed_headers (caller frees) receives the
 * list "content-type;host;x-amz-date". Caller frees the result, with
 * secret_free: it holds the security token, and no other copy is left. */
char *sigv4_canonical_request(const struct sigv4_request *req, const char *payload_hash,
			      int normalize, char **signed_headers);

/* The string to sign for a canonical request. Caller frees. */
char *sigv4_string_to_sign(const char *amz_date, const char *scope, const char *canonical);

/* The signing key HMAC(HMAC(HMAC(HMAC("AWS4"+secret, date8), region), service), "aws4_request"). */
void sigv4_signing_key(const char *secret, const char *date8, const char *region,
		       const char *service, unsigned char key[32]);

/* Lowercase hex HMAC-SHA256 of the string to sign with the signing key. */
void sigv4_signature(const unsigned char key[32], const char *string_to_sign, char out[65]);

/* Everything the signer computed, for --debug and tests. The canonical request
 * holds the session token when there is one: print it only through
 * service_print_trace(), which redacts it. */
struct sigv4_trace {
	char *canonical_request;
	char *string_to_sign;
	char *authorization;
};
void sigv4_trace_free(struct sigv4_trace *t);

/* Sign req at time t: sets X-Amz-Date, X-Amz-Security-Token (temporary
 * credentials) and Authorization in req->headers. trace may be NULL.
 * Returns 0, or -1 when the Host header is missing. */
int sigv4_sign(struct sigv4_request *req, const struct sigv4_credentials *cred, const char *region,
	       const char *service, time_t t, struct sigv4_trace *trace);

#endif
