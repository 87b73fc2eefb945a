/* http.c: one request with libcurl; see http.h. */
#include "config.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <curl/curl.h>
#ifdef ACW_LAZY_LIBCURL
#include <dlfcn.h>
#endif
#include <openssl/crypto.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aws/http.h"
#include "aws/secret.h"
#include "base/printable.h"
#include "base/util.h"

void headers_add(struct headers *h, const char *name, const char *value)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 8;
		h->v = xrealloc(h->v, h->cap * sizeof *h->v);
	}
	h->v[h->n].name = xstrdup(name);
	h->v[h->n].value = xstrdup(value);
	h->n++;
}

void headers_set(struct headers *h, const char *name, const char *value)
{
	size_t i = 0, j = 0;
	/* copies first: name or value may point into a header removed below */
	char *n = xstrdup(name), *v = xstrdup(value);

	for (i = 0; i < h->n; i++) {
		if (!strcasecmp(h->v[i].name, name)) {
			free(h->v[i].name);
			secret_free(h->v[i].value);
		} else {
			h->v[j++] = h->v[i];
		}
	}
	h->n = j;
	headers_add(h, n, v);
	free(n);
	secret_free(v);
}

const char *headers_get(const struct headers *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (!strcasecmp(h->v[i].name, name))
			return h->v[i].value;
	return NULL;
}

void headers_free(struct headers *h)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		free(h->v[i].name);
		secret_free(h->v[i].value);
	}
	free(h->v);
	h->v = NULL;
	h->n = h->cap = 0;
}

/* The libcurl calls this file makes. With ACW_LAZY_LIBCURL (the default,
 * see docs/decisions.md) libcurl is opened when the first request is made,
 * not when the program starts: on Debian it brings GnuTLS, Kerberos, LDAP
 * and p11-kit along, whose loading and constructors cost more than the whole
 * first screen. Otherwise the table points at the linked functions. */
static struct {
	CURLcode (*global_init)(long flags);
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *curl, CURLoption option, ...);
	CURLcode (*easy_perform)(CURL *curl);
	CURLcode (*easy_getinfo)(CURL *curl, CURLINFO info, ...);
	const char *(*easy_strerror)(CURLcode code);
	void (*easy_reset)(CURL *curl);
	struct curl_slist *(*slist_append)(struct curl_slist *list, const char *s);
	void (*slist_free_all)(struct curl_slist *list);
} lc;

#ifdef ACW_LAZY_LIBCURL

/* RTLD_DEEPBIND, unless something interposes symbols: libcurl and its 30
 * libraries then look their symbols up among themselves before the
 * program's libraries, which they share nothing with but libc and
 * libcrypto (the same objects either way), and loading them costs 15%
 * fewer instructions (1.4 M of 9.6 M, callgrind), a tenth of a submit.
 * An LD_PRELOAD library (a malloc replacement, a test's shim) or a
 * sanitizer's runtime must stay in charge of what it replaces, and the
 * sanitizers refuse RTLD_DEEPBIND: then the ordinary order. */
static int deep_bind(void)
{
#if defined(RTLD_DEEPBIND) && !UTIL_SANITIZED
	const char *pre = getenv("LD_PRELOAD");

	return pre && *pre ? 0 : RTLD_DEEPBIND;
#else
	return 0;
#endif
}

/* dlopen libcurl. Its libraries include GnuTLS (for librtmp and libldap,
 * which are never used here: TLS is libcurl's OpenSSL, and a libcurl built
 * on GnuTLS initialises it itself), whose constructor would set itself up
 * as it is loaded: ASN.1 tables, PKCS#11 modules through p11-kit, 0.8 MiB
 * of peak memory and 0.7 M instructions. GNUTLS_NO_IMPLICIT_INIT skips
 * that, for this dlopen only: commands run later (credential_process) get
 * the environment as it was. */
static void *open_libcurl(void)
{
	int had = getenv("GNUTLS_NO_IMPLICIT_INIT") != NULL;
	void *h;

	if (!had)
		setenv("GNUTLS_NO_IMPLICIT_INIT", "1", 1);
	h = dlopen(ACW_LIBCURL_SONAME, RTLD_LAZY | RTLD_LOCAL | deep_bind());
	if (!had)
		unsetenv("GNUTLS_NO_IMPLICIT_INIT");
	return h;
}
#endif

void http_process_init(void)
{
	OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, NULL);
}

/* 0 when libcurl is ready; -1 with *cause when it cannot be loaded. */
static int curl_ready(char **cause)
{
	static int state; /* 0 not tried, 1 ready, -1 failed */
	static char *why;

	if (state == 0) {
#ifdef ACW_LAZY_LIBCURL
		void *h = open_libcurl();
		void **slot[] = {
		    (void **)&lc.global_init,    (void **)&lc.easy_init,
		    (void **)&lc.easy_setopt,    (void **)&lc.easy_perform,
		    (void **)&lc.easy_getinfo,   (void **)&lc.easy_strerror,
		    (void **)&lc.easy_reset,     (void **)&lc.slist_append,
		    (void **)&lc.slist_free_all,
		};
		static const char *const name[] = {
		    "curl_global_init",  "curl_easy_init",    "curl_easy_setopt",
		    "curl_easy_perform", "curl_easy_getinfo", "curl_easy_strerror",
		    "curl_easy_reset",   "curl_slist_append", "curl_slist_free_all",
		};
		size_t i;

		state = 1;
		if (!h) {
			const char *e = dlerror();

			why = xasprintf(_("cannot load libcurl (%s): %s; install it (Debian: "
					  "apt-get install libcurl4)"),
					ACW_LIBCURL_SONAME, e ? e : "?");
			state = -1;
		}
		for (i = 0; state == 1 && i < sizeof name / sizeof name[0]; i++) {
			/* POSIX: a function pointer read through void * from dlsym */
			*slot[i] = dlsym(h, name[i]);
			if (!*slot[i]) {
				why = xasprintf(_("the libcurl found (%s) has no %s"),
						ACW_LIBCURL_SONAME, name[i]);
				state = -1;
			}
		}
#else
		lc.global_init = curl_global_init;
		lc.easy_init = curl_easy_init;
		lc.easy_setopt = curl_easy_setopt;
		lc.easy_perform = curl_easy_perform;
		lc.easy_getinfo = curl_easy_getinfo;
		lc.easy_strerror = curl_easy_strerror;
		lc.easy_reset = curl_easy_reset;
		lc.slist_append = curl_slist_append;
		lc.slist_free_all = curl_slist_free_all;
		state = 1;
#endif
		if (state == 1)
			lc.global_init(CURL_GLOBAL_DEFAULT);
	}
	if (state < 0) {
		*cause = xstrdup(why);
		return -1;
	}
	return 0;
}

struct sink {
	struct http_response *resp;
	struct strbuf body;
	int too_large;
	const struct http_options *opt;
	int cancelled;
	CURL *curl;
	double last_activity; /* monotonic seconds of the last byte moved (or connect) */
	curl_off_t last_dn, last_un;
	int timed_out;
};

static size_t on_body(char *data, size_t size, size_t n, void *arg)
{
	struct sink *s = arg;
	size_t len = size * n;

	if (s->body.len + len > HTTP_BODY_MAX) {
		s->too_large = 1;
		return 0;
	}
	/* an answer may hold credentials (STS, the container endpoint): no
	 * copy is left behind when the buffer grows */
	secret_buf_add(&s->body, data, len);
	return len;
}

static size_t on_header(char *data, size_t size, size_t n, void *arg)
{
	struct sink *s = arg;
	size_t len = size * n;
	char *line = xstrndup(data, len), *colon, *v, *e;

	if (!strncmp(line, "HTTP/", 5)) {
		/* a new response (after 100-continue or a redirect): start over */
		headers_free(&s->resp->headers);
	} else if (s->resp->headers.n >= HTTP_HEADERS_MAX) {
		/* a hostile or broken server cannot make us grow without end */
	} else if ((colon = strchr(line, ':'))) {
		*colon = '\0';
		v = colon + 1;
		while (*v == ' ' || *v == '\t')
			v++;
		e = v + strlen(v);
		while (e > v && (e[-1] == '\r' || e[-1] == '\n' || e[-1] == ' '))
			*--e = '\0';
		headers_add(&s->resp->headers, line, v);
	}
	free(line);
	return len;
}

static int on_progress(void *arg, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
	struct sink *s = arg;

	double now = util_monotonic();
	curl_off_t connected = 0;

	(void)dt, (void)ut;
	if (s->opt->cancel && s->opt->cancel(s->opt->arg)) {
		s->cancelled = 1;
		return 1;
	}
	/* the read timeout: no byte in either direction for that long once
	 * connected (libcurl's low-speed limit averages over several seconds, so
	 * it fires late after an upload) */
	lc.easy_getinfo(s->curl, CURLINFO_CONNECT_TIME_T, &connected);
	if (!connected || dn != s->last_dn || un != s->last_un) {
		s->last_activity = now;
		s->last_dn = dn;
		s->last_un = un;
	} else if (s->opt->read_timeout > 0 && now - s->last_activity > s->opt->read_timeout) {
		s->timed_out = 1;
		return 1;
	}
	return 0;
}

char *http_url_host(const char *url)
{
	const char *p = strstr(url, "://"), *end;

	if (!p)
		return NULL;
	p += 3;
	end = p + strcspn(p, "/?#");
	if (end == p)
		return NULL;
	return xstrndup(p, (size_t)(end - p));
}

char *http_url_path(const char *url)
{
	const char *p = strstr(url, "://"), *start;
	size_t n;

	if (!p)
		return NULL;
	p += 3;
	start = p + strcspn(p, "/?#");
	if (start == p)
		return NULL;
	if (*start != '/')
		return xstrdup("/");
	n = strcspn(start, "?#");
	return xstrndup(start, n);
}

/* Wipe libcurl's copies of the header lines (the security token among them)
 * before they are freed. */
static void wipe_list(struct curl_slist *l)
{
	for (; l; l = l->next)
		OPENSSL_cleanse(l->data, strlen(l->data));
}

/* The environment variable libcurl took the proxy for url from, for
 * messages: the name only, as the value may hold a password. */
static const char *proxy_variable(const char *url)
{
	static const char *const https[] = {"https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY",
					    NULL};
	static const char *const http[] = {"http_proxy", "all_proxy", "ALL_PROXY", NULL};
	const char *const *v = strncasecmp(url, "https:", 6) ? http : https;

	for (; *v; v++)
		if (getenv(*v) && *getenv(*v))
			return *v;
	return "?";
}

/* Easy handles, made as requests need them and kept: the next request to
 * the same host reuses a connection, so the polls of --wait make no new TLS
 * handshake and do not read the CA bundle again (OpenSSL 3 takes ~16 ms to
 * load the system's 144 certificates for each new connection). Requests
 * sent at once from several threads (the account checks) each take a handle
 * of their own from the pool and give it back. They are reachable until
 * exit, not leaked. */
#define HANDLES_MAX 32
static CURL *pool[HANDLES_MAX];
static int pooled, made;
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pool_free = PTHREAD_COND_INITIALIZER;

/* A handle; with HANDLES_MAX requests in flight, the next waits for one. */
static CURL *handle_take(void)
{
	CURL *c = NULL;

	pthread_mutex_lock(&pool_lock);
	while (!pooled && made == HANDLES_MAX)
		pthread_cond_wait(&pool_free, &pool_lock);
	if (pooled) {
		c = pool[--pooled];
	} else {
		if (!(c = lc.easy_init()))
			util_fatal("%s", _("cannot start libcurl"));
		made++;
	}
	pthread_mutex_unlock(&pool_lock);
	return c;
}

static void handle_give(CURL *c)
{
	pthread_mutex_lock(&pool_lock);
	pool[pooled++] = c;
	pthread_cond_signal(&pool_free);
	pthread_mutex_unlock(&pool_lock);
}

/* The request's header lines for libcurl: one list with the signer. */
static struct curl_slist *header_list(const struct headers *headers)
{
	struct curl_slist *list = NULL;
	size_t i;

	for (i = 0; i < headers->n; i++) {
		char *h = xasprintf("%s: %s", headers->v[i].name, headers->v[i].value);

		list = lc.slist_append(list, h);
		secret_free(h); /* "X-Amz-Security-Token: ..." */
	}
	/* libcurl adds these unless told not to; none of them is signed */
	list = lc.slist_append(list, "Expect:");
	list = lc.slist_append(list, "Accept:");
	return list;
}

/* The method, the URL and the body. */
static void setup_request(CURL *c, const char *method, const char *url, struct curl_slist *list,
			  const char *body, size_t body_len)
{
	lc.easy_setopt(c, CURLOPT_URL, url);
	lc.easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	lc.easy_setopt(c, CURLOPT_HTTPHEADER, list);
	lc.easy_setopt(c, CURLOPT_USERAGENT, PACKAGE_NAME "/" PACKAGE_VERSION);
	if (body) {
		lc.easy_setopt(c, CURLOPT_POSTFIELDS, body);
		lc.easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_len);
	} else if (strcmp(method, "GET")) {
		/* no body: libcurl would add an unsigned form Content-Type, which
		 * makes a restJson service (moto) read the request as a query */
		list = lc.slist_append(list, "Content-Type:");
		lc.easy_setopt(c, CURLOPT_POSTFIELDS, "");
		lc.easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)0);
	}
	if (!strcmp(method, "GET"))
		lc.easy_setopt(c, CURLOPT_HTTPGET, 1L);
}

/* TLS, timeouts, and the callbacks that fill the sink. */
static void setup_transfer(CURL *c, const struct http_options *opt, struct sink *s, char *err)
{
	lc.easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	lc.easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	if (opt->ca_bundle)
		lc.easy_setopt(c, CURLOPT_CAINFO, opt->ca_bundle);
	lc.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	lc.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	/* 0 is no timeout, as for the AWS CLI (libcurl's own 0 means 300 s) */
	lc.easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
		       opt->connect_timeout > 0 ? (long)(opt->connect_timeout * 1000)
						: (long)INT32_MAX);
	if (opt->read_timeout > 0) {
		/* libcurl's own check averages over a few seconds: it catches
		 * the drip that the read timeout (any byte resets it) cannot */
		lc.easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, (long)HTTP_LOW_SPEED_LIMIT);
		lc.easy_setopt(c, CURLOPT_LOW_SPEED_TIME,
			       opt->read_timeout < 1 ? 1L : (long)(opt->read_timeout + 0.5));
	}
	lc.easy_setopt(c, CURLOPT_ERRORBUFFER, err);
	lc.easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	lc.easy_setopt(c, CURLOPT_WRITEDATA, s);
	lc.easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	lc.easy_setopt(c, CURLOPT_HEADERDATA, s);
	lc.easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
	lc.easy_setopt(c, CURLOPT_XFERINFODATA, s);
	lc.easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
}

/* A timeout: before or after the connection was made. */
static enum http_result timeout_cause(CURL *c, const char *url, const struct http_options *opt,
				      const char *what, char **cause)
{
	curl_off_t connected = 0;

	lc.easy_getinfo(c, CURLINFO_CONNECT_TIME_T, &connected);
	if (!connected)
		*cause = xasprintf(_("could not connect to %s within %g s "
				     "(--cli-connect-timeout): %s"),
				   url, opt->connect_timeout, what);
	else
		*cause = xasprintf(_("the answer from %s came too slowly: under %d bytes a "
				     "second for %g s (--cli-read-timeout)"),
				   url, HTTP_LOW_SPEED_LIMIT, opt->read_timeout);
	return HTTP_TIMEOUT;
}

/* A transfer the callbacks stopped (or a write error): the body too large,
 * the read timeout, a cancel; 0 when none of them (*cause untouched). */
static enum http_result stopped_cause(const struct sink *s, CURLcode rc, const char *url,
				      const struct http_options *opt, char **cause)
{
	if (rc == CURLE_WRITE_ERROR && s->too_large) {
		*cause = xasprintf(_("the answer from %s is larger than %d MiB"), url,
				   HTTP_BODY_MAX / (1024 * 1024));
		return HTTP_TOO_LARGE;
	}
	if (s->timed_out) {
		*cause = xasprintf(_("no answer from %s in time: nothing received "
				     "for %g s (--cli-read-timeout)"),
				   url, opt->read_timeout);
		return HTTP_TIMEOUT;
	}
	if (s->cancelled) {
		*cause = xstrdup(_("cancelled"));
		return HTTP_CANCELLED;
	}
	return HTTP_DONE;
}

/* What a failed transfer (rc not CURLE_OK) means, with *cause in words. */
static enum http_result failure_cause(CURL *c, CURLcode rc, const struct sink *s, const char *url,
				      const struct http_options *opt, const char *err,
				      char **cause)
{
	const char *what = *err ? err : lc.easy_strerror(rc);
	long connect_code = 0;
	enum http_result res;

	lc.easy_getinfo(c, CURLINFO_HTTP_CONNECTCODE, &connect_code);
	if (connect_code && (connect_code < 200 || connect_code > 299)) {
		/* libcurl says "receive error": it is the proxy's answer, and
		 * asking again gets the same one */
		*cause = xasprintf(_("the proxy (%s) refused to open a connection to %s: it "
				     "answered CONNECT with HTTP %ld"),
				   proxy_variable(url), url, connect_code);
		return HTTP_PROXY;
	}
	switch (rc) {
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		*cause = xasprintf(_("could not connect to %s: %s"), url, what);
		return HTTP_CONNECT;
	case CURLE_OPERATION_TIMEDOUT:
		return timeout_cause(c, url, opt, what, cause);
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CIPHER:
		*cause = xasprintf(_("TLS failure talking to %s: %s (check --ca-bundle or "
				     "AWS_CA_BUNDLE)"),
				   url, what);
		return HTTP_TLS;
	case CURLE_WRITE_ERROR:
	case CURLE_ABORTED_BY_CALLBACK:
		if ((res = stopped_cause(s, rc, url, opt, cause)) != HTTP_DONE)
			return res;
		break;
	case CURLE_GOT_NOTHING:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_PARTIAL_FILE:
		*cause = xasprintf(_("the connection to %s closed before an answer: "
				     "%s"),
				   url, what);
		return HTTP_DROPPED;
	default:
		break;
	}
	*cause = xasprintf(_("request to %s failed: %s"), url, what);
	return HTTP_FAILED;
}

enum http_result http_send(const char *method, const char *url, const struct headers *headers,
			   const char *body, size_t body_len, const struct http_options *opt,
			   struct http_response *resp, char **cause)
{
	CURL *c;
	CURLcode rc;
	struct curl_slist *list;
	struct sink s = {resp, {0}, 0, opt, 0, NULL, 0, 0, 0, 0};
	char err[CURL_ERROR_SIZE] = "";
	enum http_result res = HTTP_DONE;

	int ready;

	memset(resp, 0, sizeof *resp);
	pthread_mutex_lock(&pool_lock); /* libcurl is opened once, by one thread */
	ready = curl_ready(cause);
	pthread_mutex_unlock(&pool_lock);
	if (ready != 0)
		return HTTP_FAILED;
	c = handle_take();
	s.curl = c;
	s.last_activity = util_monotonic();
	list = header_list(headers);
	setup_request(c, method, url, list, body, body_len);
	setup_transfer(c, opt, &s, err);
	rc = lc.easy_perform(c);
	if (rc == CURLE_OK)
		lc.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &resp->status);
	else {
		res = failure_cause(c, rc, &s, url, opt, err, cause);
		/* it quotes the URL and libcurl's words */
		*cause = printable_take(*cause);
	}
	resp->body_len = s.body.len;
	resp->body = strbuf_finish(&s.body);
	wipe_list(list);
	/* nothing of this request is left in the handle (the list, the error
	 * buffer and the sink are gone when this returns); its connections and
	 * CA cache stay for the next */
	lc.easy_reset(c);
	handle_give(c);
	lc.slist_free_all(list);
	if (res != HTTP_DONE)
		http_response_free(resp);
	return res;
}

void http_response_free(struct http_response *r)
{
	headers_free(&r->headers);
	if (r->body)
		OPENSSL_cleanse(r->body, r->body_len);
	free(r->body);
	r->body = NULL;
	r->body_len = 0;
}

char *http_redirect_text(long status, const struct headers *h)
{
	const char *loc = h ? headers_get(h, "Location") : NULL;
	char *pl, *text;

	if (status < 300 || status > 399)
		return NULL;
	if (!loc || !*loc)
		return xasprintf(_("the answer is HTTP %ld, a redirect without a Location; "
				   "redirects are not followed: check the endpoint URL"),
				 status);
	pl = printable_text(loc, 500);
	text = xasprintf(_("the answer is HTTP %ld, a redirect to %s; redirects are not "
			   "followed: check the endpoint URL"),
			 status, pl);
	free(pl);
	return text;
}

/* Is host (from a URL: "h", "h:port", "[v6]:port", maybe "user@" first) a
 * loopback address or localhost? */
static int host_loopback(const char *hostport)
{
	const char *at = strrchr(hostport, '@'), *h = at ? at + 1 : hostport, *end;
	char name[256];
	unsigned char a4[4];
	size_t n;

	if (*h == '[') {
		h++;
		end = strchr(h, ']');
	} else {
		end = strchr(h, ':');
	}
	n = end ? (size_t)(end - h) : strlen(h);
	if (!n || n >= sizeof name)
		return 0;
	memcpy(name, h, n);
	name[n] = '\0';
	if (!strcasecmp(name, "localhost") || !strcasecmp(name, "localhost.") ||
	    !strcmp(name, "::1"))
		return 1;
	return inet_pton(AF_INET, name, a4) == 1 && a4[0] == 127;
}

char *http_cleartext_warning(const char *url)
{
	char *host, *pu, *text;
	int local;

	if (!url || strncasecmp(url, "http://", 7) || !(host = http_url_host(url)))
		return NULL;
	local = host_loopback(host);
	free(host);
	if (local)
		return NULL;
	pu = printable_text(url, 500);
	text = xasprintf(_("warning: %s is not HTTPS: the session token and the request "
			   "signatures go over the network in clear; use an https:// endpoint"),
			 pu);
	free(pu);
	return text;
}

static struct {
	void (*fn)(void *arg, const char *warning);
	void *arg;
	int given;
} cleartext;

void http_cleartext_notify(void (*fn)(void *arg, const char *warning), void *arg)
{
	cleartext.fn = fn;
	cleartext.arg = arg;
}

void http_cleartext_notice(const char *url)
{
	char *w;

	if (cleartext.given || !(w = http_cleartext_warning(url)))
		return;
	cleartext.given = 1;
	if (cleartext.fn)
		cleartext.fn(cleartext.arg, w);
	else
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, w);
	free(w);
}
