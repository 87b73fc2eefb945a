/* test_service.c: unit tests of calls to the service (service.c): error parsing, retry decisions, prepared requests and their traces, client tokens. */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "aws/http.h"
#include "aws/service.h"
#include "base/printable.h"
#include "base/util.h"
#include "awstest.h"
#include "testutil.h"

static void test_error_parsing(void **state)
{
	struct headers h = {0};
	struct service_error e;
	const char *body =
	    "{\"__type\":\"com.amazonaws.bedrockagentcorecontrol#ValidationException\","
	    "\"message\":\"bad\",\"reason\":\"FieldValidationFailed\",\"fieldList\":"
	    "[{\"name\":\"roleArn\",\"message\":\"not a role\"}]}";

	(void)state;
	headers_add(&h, "x-amzn-RequestId", "rid-1");
	service_parse_error(400, &h, body, strlen(body), &e);
	assert_string_equal(e.code, "ValidationException");
	assert_string_equal(e.message, "bad");
	assert_string_equal(e.request_id, "rid-1");
	assert_int_equal(e.nfields, 1);
	assert_string_equal(e.fields[0], "roleArn: not a role");
	service_error_free(&e);
	headers_add(&h, "X-Amzn-ErrorType", "ConflictException:http://internal.amazon.com/");
	service_parse_error(409, &h, "{\"Message\":\"exists\"}", 20, &e);
	assert_string_equal(e.code, "ConflictException");
	assert_string_equal(e.message, "exists");
	service_error_free(&e);
	headers_free(&h);
	/* ':' first, then '#': a URL after the code may hold a fragment */
	{
		static const char *const types[][2] = {
		    {"SomeError:http://x/#frag", "SomeError"},
		    {"aws.protocoltests#SomeError:http://internal/#x", "SomeError"},
		    {"ns#Code", "Code"},
		    {" Padded :x", "Padded"},
		};
		size_t i;

		for (i = 0; i < sizeof types / sizeof types[0]; i++) {
			headers_add(&h, "x-amzn-ErrorType", types[i][0]);
			service_parse_error(400, &h, "{}", 2, &e);
			if (!e.code || strcmp(e.code, types[i][1]))
				fail_msg("%s: got %s, want %s", types[i][0], e.code, types[i][1]);
			service_error_free(&e);
			headers_free(&h);
		}
	}
}

/* Error bodies that are not restJson1: an HTML page (an excerpt of its
 * text, filtered), an XML error, a hostile JSON one. */
static void test_error_pages(void **state)
{
	struct service_error e;
	const char *body;

	(void)state;
	service_parse_error(502, NULL, "<html><body><h1>Bad Gateway</h1> from proxy</body></html>",
			    57, &e);
	assert_null(e.code);
	assert_non_null(strstr(e.message, "not JSON"));
	assert_non_null(strstr(e.message, "Bad Gateway from proxy"));
	service_error_free(&e);
	/* an HTML page's C1 controls (a CSI), bidirectional overrides and bytes
	 * that are not UTF-8 are shown as escapes (issue 13, item 1) */
	body = "<html><h1>Bad\xc2\x9b"
	       "2J Gateway \xe2\x80\xae"
	       "evil\xe2\x81\xa6 \xff\xfe\x1b]0;t\x07</h1>";
	service_parse_error(502, NULL, body, strlen(body), &e);
	assert_non_null(
	    strstr(e.message, "Bad\\u009b2J Gateway \\u202eevil\\u2066 \\xff\\xfe ]0;t"));
	assert_null(strstr(e.message, "\xc2\x9b"));
	assert_null(strstr(e.message, "\xe2\x80\xae"));
	assert_true(utf8_length(e.message, strlen(e.message)) != (size_t)-1);
	service_error_free(&e);
	/* a long page is cut at a word, marked, never inside a character */
	{
		struct strbuf page = {0};
		int i;

		strbuf_addf(&page, "<html><p>");
		for (i = 0; i < 60; i++)
			strbuf_addf(&page, "word%d d\xc3\xa9j\xc3\xa0 ", i);
		strbuf_addf(&page, "</p></html>");
		service_parse_error(500, NULL, page.s, page.len, &e);
		/* "... wordN déjà...": the last word whole, before the mark */
		if (!strstr(e.message, "\xc3\xa0...") || strstr(e.message, "word59") ||
		    strlen(e.message) > 200)
			fail_msg("excerpt: %s", e.message);
		assert_true(utf8_length(e.message, strlen(e.message)) != (size_t)-1);
		service_error_free(&e);
		free(page.s);
	}
	/* an XML error (a gateway in the AWS style): its Code and Message */
	body = "<?xml version=\"1.0\"?><ErrorResponse><Error><Type>Sender</Type>"
	       "<Code>AccessDenied</Code><Message>not authorized &amp; denied</Message>"
	       "</Error><RequestId>r-1</RequestId></ErrorResponse>";
	service_parse_error(403, NULL, body, strlen(body), &e);
	assert_string_equal(e.code, "AccessDenied");
	assert_string_equal(e.message, "not authorized & denied");
	service_error_free(&e);
	/* a hostile answer cannot drive the terminal: escapes and C1 controls are
	 * shown as escapes */
	body = "{\"__type\":\"Bad\\u001b[2J\",\"message\":\"x\\u001b]0;pwned\\u0007y\\u009bz\"}";
	service_parse_error(400, NULL, body, strlen(body), &e);
	assert_string_equal(e.code, "Bad\\x1b[2J");
	assert_string_equal(e.message, "x\\x1b]0;pwned\\x07y\\u009bz");
	service_error_free(&e);
	{
		char *p = printable_text("ab\xc3\xa9"
					 "cd",
					 3);

		assert_string_equal(p, "ab..."); /* never half a character */
		free(p);
		p = printable_text(NULL, 10);
		assert_string_equal(p, "");
		free(p);
	}
	service_parse_error(429, NULL, "", 0, &e);
	assert_string_equal(e.code, "ThrottlingException");
	service_error_free(&e);
}

static void test_retry_decisions(void **state)
{
	(void)state;
	assert_int_equal(service_retry_kind(HTTP_DONE, 429, "ThrottlingException"),
			 RETRY_THROTTLE);
	assert_int_equal(service_retry_kind(HTTP_DONE, 400, "ThrottlingException"),
			 RETRY_THROTTLE);
	assert_int_equal(service_retry_kind(HTTP_DONE, 429, NULL), RETRY_THROTTLE);
	assert_int_equal(service_retry_kind(HTTP_DONE, 503, NULL), RETRY_TRANSIENT);
	assert_int_equal(service_retry_kind(HTTP_DONE, 500, "InternalServerException"),
			 RETRY_TRANSIENT);
	assert_int_equal(service_retry_kind(HTTP_DONE, 504, NULL), RETRY_TRANSIENT);
	assert_int_equal(service_retry_kind(HTTP_DROPPED, 0, NULL), RETRY_TRANSIENT);
	assert_int_equal(service_retry_kind(HTTP_CONNECT, 0, NULL), RETRY_TRANSIENT);
	assert_int_equal(service_retry_kind(HTTP_TIMEOUT, 0, NULL), RETRY_TRANSIENT);
	assert_int_equal(service_retry_kind(HTTP_TLS, 0, NULL), RETRY_NO);
	assert_int_equal(service_retry_kind(HTTP_DONE, 400, "ValidationException"), RETRY_NO);
	assert_int_equal(service_retry_kind(HTTP_DONE, 403, "AccessDeniedException"), RETRY_NO);
	assert_int_equal(service_retry_kind(HTTP_DONE, 409, "ConflictException"), RETRY_NO);
	/* back-off: jittered, exponential, capped at 20 s */
	assert_true(service_backoff(RETRY_THROTTLE, 2, 1.0) == 1.0);
	assert_true(service_backoff(RETRY_THROTTLE, 3, 1.0) == 2.0);
	assert_true(service_backoff(RETRY_THROTTLE, 12, 1.0) == 20.0);
	assert_true(service_backoff(RETRY_TRANSIENT, 2, 1.0) == 0.05);
	assert_true(service_backoff(RETRY_TRANSIENT, 3, 0.5) == 0.05);
	assert_true(service_backoff(RETRY_THROTTLE, 5, 0.0) == 0.0);
}

static void test_trace_redacts_token(void **state)
{
	struct aws_settings s = {0};
	struct aws_credentials c = {0};
	struct service_client cl;
	struct service_request r;
	struct sigv4_trace tr = {0};
	char *out = NULL, *d;
	size_t n = 0;
	FILE *fp;

	(void)state;
	s.endpoint.value = "https://bedrock-agentcore-control.us-east-1.amazonaws.com";
	s.region.value = "us-east-1";
	c.access_key_id = "ASIAEXAMPLE";
	c.secret_access_key = "SECRETSECRETSECRET";
	c.session_token = "TOKENTOKENTOKEN";
	cl = (struct service_client){&s, &c, {NULL, NULL, NULL, 1}};
	service_prepare(&cl, "PUT", "/runtimes/", NULL, "{}", 1440938160, &r, &tr);
	/* the token is signed ... */
	assert_non_null(strstr(tr.canonical_request, "x-amz-security-token:TOKENTOKENTOKEN"));
	assert_string_equal(headers_get(&r.headers, "X-Amz-Security-Token"), "TOKENTOKENTOKEN");
	/* ... and never printed */
	fp = open_memstream(&out, &n);
	service_print_trace(fp, &tr);
	fclose(fp);
	assert_null(strstr(out, "TOKENTOKENTOKEN"));
	assert_null(strstr(out, "SECRETSECRET"));
	assert_non_null(strstr(out, "x-amz-security-token:"));
	assert_non_null(strstr(out, "AWS4-HMAC-SHA256\n20150830T123600Z\n"));
	d = service_request_describe(&r);
	assert_null(strstr(d, "TOKENTOKENTOKEN"));
	assert_non_null(strstr(d, "PUT https://bedrock-agentcore-control.us-east-1.amazonaws.com"
				  "/runtimes/\n"));
	free(d);
	free(out);
	sigv4_trace_free(&tr);
	service_request_free(&r);
}

static void test_endpoint_with_path(void **state)
{
	struct aws_settings s = {0};
	struct aws_credentials c = {0};
	struct service_client cl;
	struct service_request r;
	struct sigv4_trace tr = {0};
	char *p;

	(void)state;
	p = http_url_path("https://h.example.com");
	assert_string_equal(p, "/");
	free(p);
	p = http_url_path("http://[::1]:5000/a/b/?x=1#f");
	assert_string_equal(p, "/a/b/");
	free(p);
	assert_null(http_url_path("no-scheme"));
	assert_null(http_url_path("https:///path"));
	s.endpoint.value = "https://gw.example.com/prefix/";
	s.region.value = "eu-west-1";
	c.access_key_id = "AKIDEXAMPLE";
	c.secret_access_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
	cl = (struct service_client){&s, &c, {NULL, NULL, NULL, 0}};
	service_prepare(&cl, "GET", "/runtimes/r-0123456789/", "version=1", NULL, 1440938160, &r,
			&tr);
	assert_string_equal(r.url,
			    "https://gw.example.com/prefix/runtimes/r-0123456789/?version=1");
	assert_string_equal(r.path, "/prefix/runtimes/r-0123456789/");
	assert_string_equal(headers_get(&r.headers, "Host"), "gw.example.com");
	/* what is signed is what is on the request line */
	assert_true(!strncmp(tr.canonical_request,
			     "GET\n/prefix/runtimes/r-0123456789/\nversion=1\n", 45));
	assert_null(headers_get(&r.headers, "Content-Type"));
	assert_null(headers_get(&r.headers, "X-Amz-Security-Token"));
	/* the credential scope names the service's signing name and the region,
	 * whatever host the endpoint URL points at */
	assert_non_null(strstr(headers_get(&r.headers, "Authorization"),
			       "Credential=AKIDEXAMPLE/20150830/eu-west-1/bedrock-agentcore/"
			       "aws4_request, "));
	assert_non_null(
	    strstr(tr.string_to_sign, "\n20150830/eu-west-1/bedrock-agentcore/aws4_request\n"));
	sigv4_trace_free(&tr);
	service_request_free(&r);
}

static void test_new_token(void **state)
{
	char *t = service_new_token();

	(void)state;
	/* a UUID v4 meets the clientToken rules: 33..256 and the pattern */
	assert_int_equal(strlen(t), 36);
	assert_int_equal(t[14], '4');
	assert_true(strchr("89ab", t[19]) != NULL);
	free(t);
}

/* Issue 13, item 10: a redirect is reported with its Location (filtered),
 * and is neither followed nor retried. */
static void test_redirect(void **state)
{
	static const char *const answers[] = {
	    "HTTP/1.1 301 Moved Permanently\r\nLocation: https://elsewhere.example.com/"
	    "\x1b[2Jruntimes/\r\nContent-Type: text/html\r\nContent-Length: 19\r\n"
	    "Connection: close\r\n\r\n<html>Moved</html>\n",
	};
	struct headers h = {0};
	struct service_error e;
	struct aws_settings s = {0};
	struct aws_credentials c = {0};
	struct service_client cl;
	struct http_response resp;
	int port;
	struct script_server *sv;
	char *log, *url;

	(void)state;
	headers_add(&h, "Location", "https://elsewhere.example.com/\xe2\x80\xae/x");
	service_parse_error(301, &h, "<html>Moved</html>", 18, &e);
	assert_non_null(
	    strstr(e.message, "HTTP 301, a redirect to https://elsewhere.example.com/\\u202e/x"));
	assert_non_null(strstr(e.message, "not followed"));
	assert_int_equal(service_retry_kind(HTTP_DONE, 301, e.code), RETRY_NO);
	service_error_free(&e);
	headers_free(&h);
	service_parse_error(302, NULL, "", 0, &e);
	assert_non_null(strstr(e.message, "HTTP 302, a redirect without a Location"));
	service_error_free(&e);
	/* through a whole call: one attempt, not followed */
	sv = script_server(answers, 1, &port);
	url = xasprintf("http://127.0.0.1:%d", port);
	s.endpoint.value = url;
	s.region.value = "us-east-1";
	s.attempts = 3;
	s.connect_timeout = s.read_timeout = 5;
	c.access_key_id = "AKIDEXAMPLE";
	c.secret_access_key = "secret";
	cl = (struct service_client){&s, &c, {NULL, NULL, NULL, 0}};
	assert_int_equal(service_call(&cl, "GET", "/runtimes/", NULL, NULL, &resp, &e), -1);
	log = script_server_end(sv);
	assert_int_equal(e.status, 301);
	assert_non_null(strstr(e.message, "https://elsewhere.example.com/\\x1b[2Jruntimes/"));
	assert_null(strchr(e.message, '\x1b'));
	service_error_free(&e);
	free(log);
	free(url);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_error_parsing),      cmocka_unit_test(test_error_pages),
	    cmocka_unit_test(test_retry_decisions),    cmocka_unit_test(test_trace_redacts_token),
	    cmocka_unit_test(test_endpoint_with_path), cmocka_unit_test(test_new_token),
	    cmocka_unit_test(test_redirect),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
