/* test_sigv4_suite.c: the AWS SigV4 test suite (botocore's aws4_testsuite
 * and aws-c-auth's v4 cases) from ../shared/reference/sigv4-testsuite, or
 * $ACW_SHARED/reference/...; the suite is not part of the project, and
 * without it this program exits 77, which automake reports as SKIP. */
#include "config.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>

#include "aws/sigv4.h"
#include "testutil.h"

#define AKID   "AKIDEXAMPLE"
#define SECRET "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

static time_t utc(int y, int mo, int d, int h, int mi, int s)
{
	struct tm tm = {0};

	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	return timegm(&tm);
}

static char *suite_dir(void)
{
	const char *shared = getenv("ACW_SHARED"), *top = getenv("top_srcdir");

	if (shared)
		return xasprintf("%s/reference/sigv4-testsuite", shared);
	return xasprintf("%s/../shared/reference/sigv4-testsuite", top ? top : ".");
}

static char *slurp(const char *path)
{
	char *out = NULL, *cause = NULL;

	if (util_read_file(path, 1 << 20, &out, NULL, &cause) != 0) {
		free(cause);
		return NULL;
	}
	return out;
}

static void chomp(char *s)
{
	size_t n = strlen(s);

	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
}

/* Parse a raw request: request line, headers (folded lines continue the
 * previous value), blank line, body. */
static int parse_req(char *text, char **method, char **path, char **query, struct headers *h,
		     const char **body)
{
	char *line = text, *next, *sp, *sp2, *q;
	struct strbuf fold = {0};
	char *name = NULL;

	next = strchr(line, '\n');
	if (!next)
		return -1;
	*next = '\0';
	sp = strchr(line, ' ');
	sp2 = strrchr(line, ' ');
	if (!sp || sp == sp2)
		return -1;
	*sp = '\0';
	*sp2 = '\0';
	*method = line;
	*path = sp + 1;
	q = strchr(*path, '?');
	*query = NULL;
	if (q) {
		*q = '\0';
		*query = q + 1;
	}
	line = next + 1;
	*body = "";
	while (*line) {
		next = strchr(line, '\n');
		if (next)
			*next = '\0';
		chomp(line);
		if (!*line) {
			*body = next ? next + 1 : "";
			break;
		}
		if ((*line == ' ' || *line == '\t') && name) {
			strbuf_addc(&fold, ' '); /* obs-fold continues the value */
			strbuf_adds(&fold, line);
		} else {
			char *colon = strchr(line, ':');

			if (name) {
				headers_add(h, name, fold.s ? fold.s : "");
				strbuf_release(&fold);
			}
			if (!colon)
				return -1;
			*colon = '\0';
			name = line;
			strbuf_adds(&fold, colon + 1);
		}
		if (!next)
			break;
		line = next + 1;
	}
	if (name)
		headers_add(h, name, fold.s ? fold.s : "");
	strbuf_release(&fold);
	return 0;
}

static int ran;

static void botocore_case(const char *dir, const char *name)
{
	char *p = xasprintf("%s/%s.req", dir, name), *req = slurp(p), *creq, *sts, *authz;
	char *method, *path, *query, *sig_h, *canon, *s, hash[65];
	const char *body;
	struct headers h = {0};
	struct sigv4_credentials cred = {AKID, SECRET, NULL};
	struct sigv4_request r;
	struct sigv4_trace tr = {0};

	free(p);
	if (!req)
		return;
	p = xasprintf("%s/%s.creq", dir, name);
	creq = slurp(p);
	free(p);
	p = xasprintf("%s/%s.sts", dir, name);
	sts = slurp(p);
	free(p);
	p = xasprintf("%s/%s.authz", dir, name);
	authz = slurp(p);
	free(p);
	/* post-sts-header-after: the token header is added after signing, so the
	 * request is signed without it (cred.session_token stays NULL) */
	if (parse_req(req, &method, &path, &query, &h, &body) != 0)
		fail_msg("%s: cannot parse the request", name);
	if (!strcmp(name, "get-vanilla-with-session-token"))
		cred.session_token =
		    "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";
	if (headers_get(&h, "X-Amz-Security-Token"))
		cred.session_token = headers_get(&h, "X-Amz-Security-Token");
	r = (struct sigv4_request){method, path, query, &h, body, strlen(body)};
	assert_int_equal(
	    sigv4_sign(&r, &cred, "us-east-1", "service", utc(2015, 8, 30, 12, 36, 0), &tr), 0);
	chomp(creq);
	chomp(sts);
	chomp(authz);
	if (strcmp(tr.canonical_request, creq))
		fail_msg("%s: canonical request differs:\n--- got\n%s\n--- want\n%s", name,
			 tr.canonical_request, creq);
	if (strcmp(tr.string_to_sign, sts))
		fail_msg("%s: string to sign differs:\n%s\n%s", name, tr.string_to_sign, sts);
	if (strcmp(tr.authorization, authz))
		fail_msg("%s: Authorization differs:\n%s\n%s", name, tr.authorization, authz);
	/* the stages alone give the same */
	canon = sigv4_canonical_request(&r, strrchr(creq, '\n') + 1, 1, &sig_h);
	assert_string_equal(canon, creq);
	sigv4_sha256_hex(canon, strlen(canon), hash);
	s = sigv4_string_to_sign("20150830T123600Z", "20150830/us-east-1/service/aws4_request",
				 canon);
	assert_string_equal(s, sts);
	free(s);
	free(canon);
	free(sig_h);
	ran++;
	sigv4_trace_free(&tr);
	headers_free(&h);
	free(req);
	free(creq);
	free(sts);
	free(authz);
}

static void walk_botocore(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		char *sub, *req;
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		sub = xasprintf("%s/%s", dir, e->d_name);
		if (stat(sub, &st) == 0 && S_ISDIR(st.st_mode)) {
			req = xasprintf("%s/%s.req", sub, e->d_name);
			if (stat(req, &st) == 0)
				botocore_case(sub, e->d_name);
			else
				walk_botocore(sub);
			free(req);
		}
		free(sub);
	}
	closedir(d);
}

/* One aws-c-auth case through the stages alone, without normalising the path. */
static void crt_stages(const char *name, struct sigv4_request *r,
		       const struct sigv4_credentials *cred, const char *region,
		       const char *service, time_t t, const char *creq, const char *sts,
		       const char *sig)
{
	char amz[17], date8[9], payload[65], got_sig[65], *scope, *canon, *s, *signed_h;
	unsigned char key[32];

	sigv4_amz_date(t, amz);
	memcpy(date8, amz, 8);
	date8[8] = '\0';
	headers_set(r->headers, "X-Amz-Date", amz);
	if (cred->session_token)
		headers_set(r->headers, "X-Amz-Security-Token", cred->session_token);
	sigv4_sha256_hex(r->body, r->body_len, payload);
	canon = sigv4_canonical_request(r, payload, 0, &signed_h);
	if (strcmp(canon, creq))
		fail_msg("%s: canonical request differs:\n--- got\n%s\n--- want\n%s", name, canon,
			 creq);
	scope = xasprintf("%s/%s/%s/aws4_request", date8, region, service);
	s = sigv4_string_to_sign(amz, scope, canon);
	if (strcmp(s, sts))
		fail_msg("%s: string to sign differs:\n%s\n%s", name, s, sts);
	sigv4_signing_key(cred->secret_access_key, date8, region, service, key);
	sigv4_signature(key, s, got_sig);
	if (strcmp(got_sig, sig))
		fail_msg("%s: signature differs: %s vs %s", name, got_sig, sig);
	free(canon);
	free(scope);
	free(s);
	free(signed_h);
}

static void crt_case(const char *dir, const char *name)
{
	char *p = xasprintf("%s/context.json", dir), *ctx = slurp(p), *req, *creq, *sts, *sig;
	char *method, *path, *query, hash[65], *t;
	const char *body;
	cJSON *j = NULL;
	struct headers h = {0};
	struct sigv4_credentials cred;
	struct sigv4_request r;
	struct sigv4_trace tr = {0};
	struct tm tm = {0};
	const cJSON *c;

	free(p);
	p = xasprintf("%s/request.txt", dir);
	req = slurp(p);
	free(p);
	p = xasprintf("%s/header-canonical-request.txt", dir);
	creq = slurp(p);
	free(p);
	p = xasprintf("%s/header-string-to-sign.txt", dir);
	sts = slurp(p);
	free(p);
	p = xasprintf("%s/header-signature.txt", dir);
	sig = slurp(p);
	free(p);
	if (!ctx || !req || !creq || !sts || !sig)
		goto out;
	j = cJSON_Parse(ctx);
	c = cJSON_GetObjectItem(j, "credentials");
	cred.access_key_id = cJSON_GetObjectItem(c, "access_key_id")->valuestring;
	cred.secret_access_key = cJSON_GetObjectItem(c, "secret_access_key")->valuestring;
	cred.session_token =
	    cJSON_GetObjectItem(c, "token") ? cJSON_GetObjectItem(c, "token")->valuestring : NULL;
	/* omit_session_token: signed first, the token added afterwards */
	if (cJSON_IsTrue(cJSON_GetObjectItem(j, "omit_session_token")))
		cred.session_token = NULL;
	if (parse_req(req, &method, &path, &query, &h, &body) != 0)
		fail_msg("%s: cannot parse the request", name);
	if (cJSON_IsTrue(cJSON_GetObjectItem(j, "sign_body"))) {
		sigv4_sha256_hex(body, strlen(body), hash);
		headers_add(&h, "X-Amz-Content-Sha256", hash);
	}
	t = cJSON_GetObjectItem(j, "timestamp")->valuestring;
	strptime(t, "%Y-%m-%dT%H:%M:%SZ", &tm);
	r = (struct sigv4_request){method, path, query, &h, body, strlen(body)};
	chomp(creq);
	chomp(sts);
	chomp(sig);
	if (cJSON_IsFalse(cJSON_GetObjectItem(j, "normalize"))) {
		/* sigv4_sign always normalises (every service but S3): check the
		 * unnormalised cases through the stages, each called alone */
		crt_stages(name, &r, &cred, cJSON_GetObjectItem(j, "region")->valuestring,
			   cJSON_GetObjectItem(j, "service")->valuestring, timegm(&tm), creq, sts,
			   sig);
		ran++;
		goto out;
	}
	assert_int_equal(sigv4_sign(&r, &cred, cJSON_GetObjectItem(j, "region")->valuestring,
				    cJSON_GetObjectItem(j, "service")->valuestring, timegm(&tm),
				    &tr),
			 0);
	if (strcmp(tr.canonical_request, creq))
		fail_msg("%s: canonical request differs:\n--- got\n%s\n--- want\n%s", name,
			 tr.canonical_request, creq);
	if (strcmp(tr.string_to_sign, sts))
		fail_msg("%s: string to sign differs", name);
	if (!strstr(tr.authorization, sig))
		fail_msg("%s: signature differs: %s vs %s", name, tr.authorization, sig);
	ran++;
out:
	sigv4_trace_free(&tr);
	cJSON_Delete(j);
	headers_free(&h);
	free(ctx);
	free(req);
	free(creq);
	free(sts);
	free(sig);
}

static void test_suite(void **state)
{
	char *dir = suite_dir(), *sub;
	DIR *d;
	struct dirent *e;

	(void)state;
	sub = xasprintf("%s/botocore-aws4_testsuite", dir);
	d = opendir(sub);
	if (!d) {
		free(sub);
		free(dir);
		test_skip(); /* the suite is not part of the project; absent here */
	}
	closedir(d);
	walk_botocore(sub);
	free(sub);
	sub = xasprintf("%s/aws-c-auth-v4", dir);
	d = opendir(sub);
	while (d && (e = readdir(d))) {
		char *c;

		if (e->d_name[0] == '.')
			continue;
		c = xasprintf("%s/%s", sub, e->d_name);
		crt_case(c, e->d_name);
		free(c);
	}
	if (d)
		closedir(d);
	print_message("SigV4 suite: %d cases passed\n", ran);
	/* every case of both layouts: 34 botocore + 38 aws-c-auth header cases */
	assert_true(ran >= 72);
	free(sub);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_suite),
	};

	return test_run_group(tests);
}
