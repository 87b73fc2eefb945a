/* http.h: one HTTPS request with libcurl.
 *
 * Owner: the core. TLS verification is always on; the CA bundle may be
 * replaced, never switched off. Proxies come from the usual environment
 * (libcurl reads https_proxy, no_proxy, ...). The response body is capped.
 * libcurl itself is opened at the first request, not at start-up
 * (docs/decisions.md). */
#ifndef ACW_HTTP_H
#define ACW_HTTP_H

#include <stddef.h>

/* One header list, owned by whoever made it (headers_free): it feeds both
 * the signer (sigv4.h) and libcurl, so the bytes signed are the bytes sent. */
struct header {
	char *name; /* as sent (case kept) */
	char *value;
};

struct headers {
	struct header *v;
	size_t n, cap;
};

/* Append a header (copies both strings). */
void headers_add(struct headers *h, const char *name, const char *value);
/* Replace every header of that name (case-insensitive) by one with value;
 * the values replaced are wiped. */
void headers_set(struct headers *h, const char *name, const char *value);
/* The value of the first header of that name, case-insensitive; borrowed; NULL if none. */
const char *headers_get(const struct headers *h, const char *name);
/* Free, wiping every value first (X-Amz-Security-Token, Authorization). */
void headers_free(struct headers *h);
#define HTTP_BODY_MAX    (4 * 1024 * 1024)
#define HTTP_HEADERS_MAX 200 /* response headers kept; the rest are dropped */
/* A whole answer is bounded too, not only a stall: slower than this many
 * bytes a second for read_timeout seconds ends the request (HTTP_TIMEOUT),
 * so a server that drips a byte at a time cannot hold the client for ever. */
#define HTTP_LOW_SPEED_LIMIT 100

enum http_result {
	HTTP_DONE = 0,  /* a response arrived (any status) */
	HTTP_CONNECT,   /* could not connect: refused, unreachable, DNS */
	HTTP_TIMEOUT,   /* connect or read timeout */
	HTTP_TLS,       /* certificate or TLS failure */
	HTTP_DROPPED,   /* the connection closed before a full response */
	HTTP_TOO_LARGE, /* the body passed HTTP_BODY_MAX */
	HTTP_CANCELLED, /* the cancel callback asked to stop */
	HTTP_PROXY,     /* the proxy refused the tunnel (CONNECT answered non-2xx) */
	HTTP_FAILED,    /* anything else */
};

struct http_options {
	const char *ca_bundle;  /* NULL: the system's */
	double connect_timeout; /* seconds; 0: no timeout */
	/* seconds without a byte, or slower than HTTP_LOW_SPEED_LIMIT, before
	 * giving up; 0: none */
	double read_timeout;
	/* Called often while waiting; return non-zero to cancel. May be NULL. */
	int (*cancel)(void *arg);
	void *arg;
};

struct http_response {
	long status;
	struct headers headers; /* response headers */
	char *body;             /* NUL-terminated; body_len bytes */
	size_t body_len;
};

/* Send one request. headers are sent as they are (one list with the signer).
 * Returns HTTP_DONE with *resp filled, or another result with *cause (caller
 * frees) saying what happened in words. */
/* Once, first thing in main, before any thread: OpenSSL (ours and
 * libcurl's) is made to leave its state alone at exit. Its exit-time
 * cleanup freed the locks a worker thread still signing with it takes (an
 * account job forgotten as the wizard ends runs on, detached, until the
 * process is gone): a crash at quit in about one run of twenty. */
void http_process_init(void);

enum http_result http_send(const char *method, const char *url, const struct headers *headers,
			   const char *body, size_t body_len, const struct http_options *opt,
			   struct http_response *resp, char **cause);

void http_response_free(struct http_response *r);

/* For a redirect (status 300 to 399): what to say, naming the Location
 * (through the printable filter) when there is one; redirects are never
 * followed. NULL for any other status. Caller frees. */
char *http_redirect_text(long status, const struct headers *h);

/* Signed requests to an http:// URL whose host is not loopback (127.0.0.0/8,
 * ::1, localhost) carry the session token and the signature in clear. The
 * warning to give for url (safe for a terminal), or NULL when there is
 * nothing to warn about (https://, or loopback). Caller frees. For front
 * ends that show it themselves (the wizard's settings screen). */
char *http_cleartext_warning(const char *url);

/* Called by the AWS side before it sends a signed request to url: the first
 * time in the process that url deserves the warning, it is given, once: to
 * the function set with http_cleartext_notify, else on standard error. */
void http_cleartext_notice(const char *url);

/* Where the warning goes instead of standard error: a front end that owns
 * the terminal (the curses wizard) sets this before any request, and shows
 * the text (borrowed, for the call only) its own way. fn NULL: standard
 * error again. */
void http_cleartext_notify(void (*fn)(void *arg, const char *warning), void *arg);

/* The host[:port] part of a URL, for the Host header. Caller frees; NULL if malformed. */
char *http_url_host(const char *url);
/* The path of a URL without query or fragment ("/" when it has none), as it
 * goes on the request line and into the signature. Caller frees; NULL if
 * malformed. */
char *http_url_path(const char *url);

#endif
