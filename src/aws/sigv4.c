/* sigv4.c: AWS Signature Version 4 with OpenSSL 3 (EVP_Digest, EVP_Q_mac); see sigv4.h. */
#include "config.h"

#include <ctype.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aws/sigv4.h"
#include "base/util.h"

static void hex(const unsigned char *d, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[2 * n] = '\0';
}

void sigv4_sha256_hex(const void *data, size_t len, char out[65])
{
	unsigned char md[32];
	unsigned int mdlen = 0;

	if (!EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL))
		util_fatal("%s", _("SHA-256 failed"));
	hex(md, 32, out);
}

static void hmac(const void *key, size_t keylen, const char *data, unsigned char out[32])
{
	size_t outlen = 0;

	if (!EVP_Q_mac(NULL, "HMAC", NULL, "SHA256", NULL, key, keylen,
		       (const unsigned char *)data, strlen(data), out, 32, &outlen) ||
	    outlen != 32)
		util_fatal("%s", _("HMAC-SHA256 failed"));
}

void sigv4_amz_date(time_t t, char out[17])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 17, "%Y%m%dT%H%M%SZ", &tm);
}

static int unreserved(unsigned char c)
{
	return isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~';
}

char *sigv4_uri_encode(const char *s, size_t n, int keep_slash)
{
	static const char digits[] = "0123456789ABCDEF";
	struct strbuf b = {0};
	size_t i;

	/* the web identity token is encoded here: a secret buffer */
	secret_buf_add(&b, "", 0);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc[3] = {'%', digits[c >> 4], digits[c & 15]};

		if (unreserved(c) || (keep_slash && c == '/'))
			secret_buf_add(&b, (const char *)&c, 1);
		else
			secret_buf_add(&b, esc, 3);
	}
	return strbuf_finish(&b);
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Percent-decode n bytes of s (malformed escapes are kept as they are). */
static char *uri_decode(const char *s, size_t n, size_t *outlen)
{
	char *o = xmalloc(n + 1);
	size_t i, j = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
			o[j++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
			i += 2;
		} else {
			o[j++] = s[i];
		}
	}
	o[j] = '\0';
	*outlen = j;
	return o;
}

/* Remove "." and ".." segments and empty segments; keep a trailing slash. */
static char *normalize_path(const char *path)
{
	size_t n = strlen(path), i, nseg = 0;
	char *copy = xstrdup(path), *tok, *save = NULL;
	char **segs = xcalloc(n + 1, sizeof *segs);
	struct strbuf b = {0};
	int trailing = n > 0 && path[n - 1] == '/';

	for (tok = strtok_r(copy, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
		if (!strcmp(tok, "."))
			continue;
		if (!strcmp(tok, "..")) {
			if (nseg)
				nseg--;
			continue;
		}
		segs[nseg++] = tok;
	}
	for (i = 0; i < nseg; i++) {
		strbuf_addc(&b, '/');
		strbuf_adds(&b, segs[i]);
	}
	if (nseg == 0 || trailing)
		strbuf_addc(&b, '/');
	free(segs);
	free(copy);
	return strbuf_finish(&b);
}

struct param {
	char *key, *value;
};

static int param_cmp(const void *a, const void *b)
{
	const struct param *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : strcmp(x->value, y->value);
}

static char *canonical_query(const char *q)
{
	struct param *ps = NULL;
	size_t n = 0, i;
	struct strbuf b = {0};
	const char *p = q;

	strbuf_add(&b, "", 0);
	while (p && *p) {
		size_t len = strcspn(p, "&"), klen, dl;
		const char *eq = memchr(p, '=', len);
		char *d;

		if (len > 0) {
			klen = eq ? (size_t)(eq - p) : len;
			ps = xrealloc(ps, (n + 1) * sizeof *ps);
			d = uri_decode(p, klen, &dl);
			ps[n].key = sigv4_uri_encode(d, dl, 0);
			free(d);
			d = eq ? uri_decode(eq + 1, len - klen - 1, &dl) : xstrdup("");
			if (!eq)
				dl = 0;
			ps[n].value = sigv4_uri_encode(d, dl, 0);
			free(d);
			n++;
		}
		p += len;
		if (*p == '&')
			p++;
	}
	if (n)
		qsort(ps, n, sizeof *ps, param_cmp);
	for (i = 0; i < n; i++) {
		strbuf_addf(&b, "%s%s=%s", i ? "&" : "", ps[i].key, ps[i].value);
		free(ps[i].key);
		free(ps[i].value);
	}
	free(ps);
	return strbuf_finish(&b);
}

static void secret_buf_adds(struct strbuf *b, const char *s)
{
	secret_buf_add(b, s, strlen(s));
}

/* Trim and collapse runs of blanks into one space (the value may be the
 * security token: the buffer is a secret one). */
static void canonical_value(struct strbuf *b, const char *v)
{
	int space = 0, started = 0;

	for (; *v; v++) {
		size_t run;

		if (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r') {
			space = started;
			continue;
		}
		if (space)
			secret_buf_add(b, " ", 1);
		space = 0;
		started = 1;
		run = strcspn(v, " \t\n\r");
		secret_buf_add(b, v, run);
		v += run - 1;
	}
}

struct hdr {
	char *lname;
	const char *value;
	size_t order;
};

static int hdr_cmp(const void *a, const void *b)
{
	const struct hdr *x = a, *y = b;
	int c = strcmp(x->lname, y->lname);

	return c ? c : (x->order > y->order) - (x->order < y->order);
}

char *sigv4_canonical_request(const struct sigv4_request *req, const char *payload_hash,
			      int normalize, char **signed_headers)
{
	struct strbuf b = {0}, sh = {0};
	struct hdr *hs = xcalloc(req->headers->n + 1, sizeof *hs);
	char *path, *enc, *q;
	size_t i, j, n = req->headers->n;

	secret_buf_adds(&b, req->method);
	secret_buf_adds(&b, "\n");
	path = normalize ? normalize_path(req->path && *req->path ? req->path : "/")
			 : xstrdup(req->path && *req->path ? req->path : "/");
	enc = sigv4_uri_encode(path, strlen(path), 1);
	secret_buf_adds(&b, enc);
	secret_buf_adds(&b, "\n");
	free(enc);
	free(path);
	q = canonical_query(req->query);
	secret_buf_adds(&b, q);
	secret_buf_adds(&b, "\n");
	free(q);
	/* Authorization is never signed (a request may be signed again on retry). */
	for (i = j = 0; i < req->headers->n; i++) {
		size_t k;

		if (!strcasecmp(req->headers->v[i].name, "Authorization"))
			continue;
		hs[j].lname = xstrdup(req->headers->v[i].name);
		for (k = 0; hs[j].lname[k]; k++)
			hs[j].lname[k] = (char)tolower((unsigned char)hs[j].lname[k]);
		hs[j].value = req->headers->v[i].value;
		hs[j].order = i;
		j++;
	}
	n = j;
	qsort(hs, n, sizeof *hs, hdr_cmp);
	for (i = 0; i < n; i++) {
		if (i > 0 && !strcmp(hs[i].lname, hs[i - 1].lname)) {
			secret_buf_adds(&b, ","); /* repeated header: values joined in order */
		} else {
			if (i > 0)
				secret_buf_adds(&b, "\n");
			secret_buf_adds(&b, hs[i].lname);
			secret_buf_adds(&b, ":");
			strbuf_addf(&sh, "%s%s", sh.len ? ";" : "", hs[i].lname);
		}
		canonical_value(&b, hs[i].value);
	}
	secret_buf_adds(&b, "\n\n");
	secret_buf_adds(&b, sh.s ? sh.s : "");
	secret_buf_adds(&b, "\n");
	secret_buf_adds(&b, payload_hash);
	for (i = 0; i < n; i++)
		free(hs[i].lname);
	free(hs);
	*signed_headers = sh.s ? strbuf_finish(&sh) : xstrdup("");
	return strbuf_finish(&b);
}

char *sigv4_string_to_sign(const char *amz_date, const char *scope, const char *canonical)
{
	char h[65];

	sigv4_sha256_hex(canonical, strlen(canonical), h);
	return xasprintf("AWS4-HMAC-SHA256\n%s\n%s\n%s", amz_date, scope, h);
}

void sigv4_signing_key(const char *secret, const char *date8, const char *region,
		       const char *service, unsigned char key[32])
{
	size_t n = strlen(secret) + 5;
	char *k = xmalloc(n);
	unsigned char a[32], b[32];

	snprintf(k, n, "AWS4%s", secret);
	hmac(k, n - 1, date8, a);
	OPENSSL_cleanse(k, n);
	free(k);
	hmac(a, 32, region, b);
	hmac(b, 32, service, a);
	hmac(a, 32, "aws4_request", key);
	OPENSSL_cleanse(a, sizeof a);
	OPENSSL_cleanse(b, sizeof b);
}

void sigv4_signature(const unsigned char key[32], const char *string_to_sign, char out[65])
{
	unsigned char sig[32];

	hmac(key, 32, string_to_sign, sig);
	hex(sig, 32, out);
}

void sigv4_trace_free(struct sigv4_trace *t)
{
	secret_free(t->canonical_request); /* holds the security token */
	free(t->string_to_sign);
	free(t->authorization);
	memset(t, 0, sizeof *t);
}

int sigv4_sign(struct sigv4_request *req, const struct sigv4_credentials *cred, const char *region,
	       const char *service, time_t t, struct sigv4_trace *trace)
{
	char amz[17], date8[9], payload[65], sig[65], *scope, *canon, *sts, *signed_h, *auth;
	unsigned char key[32];

	if (!headers_get(req->headers, "Host"))
		return -1;
	sigv4_amz_date(t, amz);
	memcpy(date8, amz, 8);
	date8[8] = '\0';
	headers_set(req->headers, "X-Amz-Date", amz);
	if (cred->session_token && *cred->session_token)
		headers_set(req->headers, "X-Amz-Security-Token", cred->session_token);
	sigv4_sha256_hex(req->body ? req->body : "", req->body ? req->body_len : 0, payload);
	scope = xasprintf("%s/%s/%s/aws4_request", date8, region, service);
	canon = sigv4_canonical_request(req, payload, 1, &signed_h);
	sts = sigv4_string_to_sign(amz, scope, canon);
	sigv4_signing_key(cred->secret_access_key, date8, region, service, key);
	sigv4_signature(key, sts, sig);
	OPENSSL_cleanse(key, sizeof key);
	auth = xasprintf("AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s",
			 cred->access_key_id, scope, signed_h, sig);
	headers_set(req->headers, "Authorization", auth);
	if (trace) {
		trace->canonical_request = canon;
		trace->string_to_sign = sts;
		trace->authorization = auth;
	} else {
		secret_free(canon);
		free(sts);
		free(auth);
	}
	free(scope);
	free(signed_h);
	return 0;
}
