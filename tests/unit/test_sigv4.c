/* Known-answer tests of SigV4: AWS's published examples, vectors for this
 * service (agentcore-api.md §9, checked with botocore), vectors of our own
 * computed with botocore's signer (a session token, a custom endpoint with a
 * port and path, STS, headers out of order). The AWS SigV4 test suite in
 * ../shared is run by test_sigv4_suite.c. */
#include "config.h"

#include <stdio.h>
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

static void key_hex(const char *date, const char *region, const char *service, char out[65])
{
	unsigned char k[32];
	static const char digits[] = "0123456789abcdef";

	sigv4_signing_key(SECRET, date, region, service, k);
	for (int i = 0; i < 32; i++) {
		out[2 * i] = digits[k[i] >> 4];
		out[2 * i + 1] = digits[k[i] & 15];
	}
	out[64] = '\0';
}

static void test_signing_key(void **state)
{
	char k[65];

	(void)state;
	/* AWS General Reference, "examples of how to derive a signing key" */
	key_hex("20120215", "us-east-1", "iam", k);
	assert_string_equal(k, "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
	key_hex("20150830", "us-east-1", "service", k);
	assert_string_equal(k, "938127b5336810ddb6a5d6af445fcac9e371f9ed418ed386b022aed82901be75");
}

static void test_iam_get_2015(void **state)
{
	struct headers h = {0};
	struct sigv4_request req = {"GET", "/", "Action=ListUsers&Version=2010-05-08", &h, "", 0};
	struct sigv4_credentials cred = {AKID, SECRET, NULL};
	struct sigv4_trace tr = {0};
	char hash[65];

	(void)state;
	headers_add(&h, "content-type", "application/x-www-form-urlencoded; charset=utf-8");
	headers_add(&h, "host", "iam.amazonaws.com");
	assert_int_equal(
	    sigv4_sign(&req, &cred, "us-east-1", "iam", utc(2015, 8, 30, 12, 36, 0), &tr), 0);
	sigv4_sha256_hex(tr.canonical_request, strlen(tr.canonical_request), hash);
	assert_string_equal(hash,
			    "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
	assert_non_null(
	    strstr(headers_get(&h, "Authorization"),
		   "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"));
	sigv4_trace_free(&tr);
	headers_free(&h);
}

static void test_iam_post_2011(void **state)
{
	struct headers h = {0};
	const char *body = "Action=ListUsers&Version=2010-05-08";
	struct sigv4_request req = {"POST", "/", NULL, &h, body, strlen(body)};
	struct sigv4_credentials cred = {AKID, SECRET, NULL};

	(void)state;
	headers_add(&h, "Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
	headers_add(&h, "Host", "iam.amazonaws.com");
	assert_int_equal(
	    sigv4_sign(&req, &cred, "us-east-1", "iam", utc(2011, 9, 9, 23, 36, 0), NULL), 0);
	assert_string_equal(
	    headers_get(&h, "Authorization"),
	    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20110909/us-east-1/iam/"
	    "aws4_request, SignedHeaders=content-type;host;x-amz-date, "
	    "Signature=ced6826de92d2bdeed8f846f0bf508e8559e98e4b0199114b84c54174deb456c");
	headers_free(&h);
}

/* The CreateAgentRuntime vector of agentcore-api.md §9.3 (botocore agrees). */
static void test_create_agent_runtime(void **state)
{
	const char *body =
	    "{\"agentRuntimeName\":\"my_agent\",\"agentRuntimeArtifact\":{"
	    "\"containerConfiguration\":"
	    "{\"containerUri\":\"123456789012.dkr.ecr.us-east-1.amazonaws.com/my-agent:latest\"}},"
	    "\"roleArn\":\"arn:aws:iam::123456789012:role/AgentRuntimeRole\","
	    "\"networkConfiguration\":{\"networkMode\":\"PUBLIC\"},"
	    "\"clientToken\":\"3f2b8c1e-9a4d-4e7b-8c6f-1d2e3f4a5b6c\"}";
	struct headers h = {0};
	struct sigv4_request req = {"PUT", "/runtimes/", NULL, &h, body, strlen(body)};
	struct sigv4_credentials cred = {AKID, SECRET, NULL};
	struct sigv4_trace tr = {0};
	char hash[65], k[65];

	(void)state;
	assert_int_equal(strlen(body), 322);
	headers_add(&h, "Content-Type", "application/json");
	headers_add(&h, "Host", "bedrock-agentcore-control.us-east-1.amazonaws.com");
	assert_int_equal(sigv4_sign(&req, &cred, "us-east-1", "bedrock-agentcore",
				    utc(2015, 8, 30, 12, 36, 0), &tr),
			 0);
	assert_string_equal(tr.canonical_request,
			    "PUT\n/runtimes/\n\ncontent-type:application/json\n"
			    "host:bedrock-agentcore-control.us-east-1.amazonaws.com\n"
			    "x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n"
			    "eafc2774647d30713d91fe37f3dbc602f9970a5983c4ad3c19b4998c82e74945");
	sigv4_sha256_hex(tr.canonical_request, strlen(tr.canonical_request), hash);
	assert_string_equal(hash,
			    "f204b219d5a35d3fcf00b0f72c87c4e810f09d4ebd742579555bbf060c08e75b");
	key_hex("20150830", "us-east-1", "bedrock-agentcore", k);
	assert_string_equal(k, "f753269f3a5550da63aeb45a0e4f81857b0509b506766ba241e013f0b2a13db2");
	assert_non_null(
	    strstr(tr.authorization,
		   "Signature=7ff45bca584f785918193e53c0755414e330dfe7d55cf2ea4353c70a7d0c9cc9"));
	sigv4_trace_free(&tr);
	headers_free(&h);

	/* the polling GET, and a session token that must be signed */
	struct headers g = {0};
	struct sigv4_request get = {"GET", "/runtimes/my_agent-AbCdEf1234/", "version=1", &g, NULL,
				    0};

	headers_add(&g, "Host", "bedrock-agentcore-control.us-east-1.amazonaws.com");
	assert_int_equal(sigv4_sign(&get, &cred, "us-east-1", "bedrock-agentcore",
				    utc(2015, 8, 30, 12, 36, 0), &tr),
			 0);
	sigv4_sha256_hex(tr.canonical_request, strlen(tr.canonical_request), hash);
	assert_string_equal(hash,
			    "0c6b963f6f9be21ac7d268b44b4f6ed23f1e00c1260f7bdcccab3ea08fa0482b");
	assert_non_null(
	    strstr(tr.authorization,
		   "Signature=20c84c06e49ff62cd67ae91338d9af929fd698969efbdd40e5bf95cea252dce7"));
	sigv4_trace_free(&tr);
	struct sigv4_credentials temp = {AKID, SECRET, "token/with+chars="};

	assert_int_equal(sigv4_sign(&get, &temp, "us-east-1", "bedrock-agentcore",
				    utc(2015, 8, 30, 12, 36, 0), &tr),
			 0);
	assert_string_equal(headers_get(&g, "X-Amz-Security-Token"), "token/with+chars=");
	assert_non_null(
	    strstr(tr.authorization, "SignedHeaders=host;x-amz-date;x-amz-security-token"));
	/* the secret never appears in what --debug prints */
	assert_null(strstr(tr.canonical_request, SECRET));
	assert_null(strstr(tr.string_to_sign, SECRET));
	assert_null(strstr(tr.authorization, SECRET));
	sigv4_trace_free(&tr);
	headers_free(&g);
}

/* Vectors of our own, each computed with botocore 1.43's SigV4Auth (its
 * canonical request, string to sign and signature for the same request at
 * 2026-12-04T17:30:05Z): a poll with a session token, a create through a
 * custom endpoint with a port and a path prefix, and an STS AssumeRole. */
static void test_botocore_vectors(void **state)
{
	static const char create[] =
	    "{\"agentRuntimeName\":\"a1\",\"roleArn\":\"arn:aws:iam::123456789012:role/R\","
	    "\"clientToken\":\"0f8b0d6e-2a55-4c49-9d0a-2f1b7a9a9a11\"}";
	static const char assume[] =
	    "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole"
	    "%2FDeployer&RoleSessionName=agentcore-wizard-1764869405&DurationSeconds=3600";
	static const struct {
		const char *method, *path, *host, *type, *body, *region, *service, *token;
		const char *canonical, *signature;
	} v[] = {
	    {"GET", "/runtimes/my_agent-AbCdEf1234/",
	     "bedrock-agentcore-control.eu-west-1.amazonaws.com", NULL, "", "eu-west-1",
	     "bedrock-agentcore",
	     "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+token/with+chars==",
	     "GET\n/runtimes/my_agent-AbCdEf1234/\n\n"
	     "host:bedrock-agentcore-control.eu-west-1.amazonaws.com\n"
	     "x-amz-date:20261204T173005Z\nx-amz-security-token:IQoJb3JpZ2luX2VjEJr//////////"
	     "wEaCXVzLWVhc3QtMSJHMEUCIQ+token/"
	     "with+chars==\n\nhost;x-amz-date;x-amz-security-token\n"
	     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
	     "f289b830176657a4abf9939b1809f3f7d77fed8158a014ad09a9f8dcd550c09e"},
	    {"PUT", "/prefix/agentcore/runtimes/", "gateway.example.com:8443", "application/json",
	     create, "ap-southeast-2", "bedrock-agentcore", NULL,
	     "PUT\n/prefix/agentcore/runtimes/\n\ncontent-type:application/json\n"
	     "host:gateway.example.com:8443\nx-amz-date:20261204T173005Z\n\n"
	     "content-type;host;x-amz-date\n"
	     "1f4c0eeb002c01e2dc181870405e912106393f35c306c172913698a26a6f7b24",
	     "f8ac9f99466b2e3e421fd0ca2eb78a95f26916b1399518ec8bbd4dedca4fceea"},
	    {"POST", "/", "sts.us-east-1.amazonaws.com",
	     "application/x-www-form-urlencoded; charset=utf-8", assume, "us-east-1", "sts", NULL,
	     "POST\n/\n\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\n"
	     "host:sts.us-east-1.amazonaws.com\nx-amz-date:20261204T173005Z\n\n"
	     "content-type;host;x-amz-date\n"
	     "1eeb49178dd657e1dfb170eca84285cde115965f2a9b8e7549533c0aa4361ee4",
	     "7cfa20a44afc46fe92b9d1fc7bde3f3ca69d248f6059756c328205ba1a70c83e"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		struct headers h = {0};
		struct sigv4_request req = {v[i].method, v[i].path, NULL,
					    &h,          v[i].body, strlen(v[i].body)};
		struct sigv4_credentials cred = {AKID, SECRET, v[i].token};
		struct sigv4_trace tr = {0};
		char *want;

		if (v[i].type)
			headers_add(&h, "Content-Type", v[i].type);
		headers_add(&h, "Host", v[i].host);
		assert_int_equal(sigv4_sign(&req, &cred, v[i].region, v[i].service,
					    utc(2026, 12, 4, 17, 30, 5), &tr),
				 0);
		if (strcmp(tr.canonical_request, v[i].canonical))
			fail_msg("%s %s: canonical request\n%s\nwant\n%s", v[i].method, v[i].path,
				 tr.canonical_request, v[i].canonical);
		want = xasprintf("Signature=%s", v[i].signature);
		if (!strstr(tr.authorization, want))
			fail_msg("%s %s: %s, want %s", v[i].method, v[i].path, tr.authorization,
				 want);
		free(want);
		sigv4_trace_free(&tr);
		headers_free(&h);
	}
}

static void test_query_encoding(void **state)
{
	struct headers h = {0};
	struct sigv4_request req = {"POST", "/runtimes/", "nextToken=a+b/c%3D&maxResults=10",
				    &h,     NULL,         0};
	char *signed_h, *c;

	(void)state;
	headers_add(&h, "Host", "x");
	c = sigv4_canonical_request(&req, "h", 1, &signed_h);
	/* sorted by key; '+' '/' '=' percent-encoded */
	assert_non_null(strstr(c, "\nmaxResults=10&nextToken=a%2Bb%2Fc%3D\n"));
	free(c);
	free(signed_h);
	headers_free(&h);
}

/* Issue 13, item 25: headers given out of order (and in mixed case, with
 * runs of blanks in a value) are listed sorted by lowercase name in the
 * canonical request. The expected values were computed with botocore's
 * SigV4Auth (tests/unit/sigv4-unsorted-vector.py), independently of this
 * signer; no ../shared needed. */
static void test_unsorted_headers(void **state)
{
	static const char body[] = "{\"agentRuntimeName\":\"a1\",\"clientToken\":\"5b0c7d3e-8f41-"
				   "4a2b-9c6d-7e8f9a0b1c2d\"}";
	struct headers h = {0};
	struct sigv4_request req = {"PUT", "/runtimes/", NULL, &h, body, strlen(body)};
	struct sigv4_credentials cred = {AKID, SECRET, "session/token+x="};
	struct sigv4_trace tr = {0};

	(void)state;
	headers_add(&h, "X-Zeta", "last");
	headers_add(&h, "Host", "bedrock-agentcore-control.us-west-2.amazonaws.com");
	headers_add(&h, "x-amz-meta-Beta", "  two   spaces  ");
	headers_add(&h, "Content-Type", "application/json");
	headers_add(&h, "X-Alpha", "first");
	headers_add(&h, "accept", "application/json");
	assert_int_equal(sigv4_sign(&req, &cred, "us-west-2", "bedrock-agentcore",
				    utc(2026, 12, 5, 8, 9, 10), &tr),
			 0);
	assert_string_equal(
	    tr.canonical_request,
	    "PUT\n/runtimes/\n\naccept:application/json\ncontent-type:application/json\n"
	    "host:bedrock-agentcore-control.us-west-2.amazonaws.com\nx-alpha:first\n"
	    "x-amz-date:20261205T080910Z\nx-amz-meta-beta:two spaces\n"
	    "x-amz-security-token:session/token+x=\nx-zeta:last\n\n"
	    "accept;content-type;host;x-alpha;x-amz-date;x-amz-meta-beta;x-amz-security-token;"
	    "x-zeta\n47cae4db937b46561bc24799ea9ff73464cab0e6158cbd798ab3ee42cfb9f95c");
	assert_string_equal(tr.string_to_sign,
			    "AWS4-HMAC-SHA256\n20261205T080910Z\n"
			    "20261205/us-west-2/bedrock-agentcore/aws4_request\n"
			    "38049334d454b10cc728d74101cda407553bc79d136b71a17b44d3ca5c6378d1");
	assert_string_equal(
	    headers_get(&h, "Authorization"),
	    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261205/us-west-2/bedrock-agentcore/"
	    "aws4_request, SignedHeaders=accept;content-type;host;x-alpha;x-amz-date;"
	    "x-amz-meta-beta;x-amz-security-token;x-zeta, "
	    "Signature=ee69cda17df0dcb645a1f026a96087b38df57164ebb0ccf9e08363d7e37b57ea");
	sigv4_trace_free(&tr);
	headers_free(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_signing_key),      cmocka_unit_test(test_iam_get_2015),
	    cmocka_unit_test(test_iam_post_2011),    cmocka_unit_test(test_create_agent_runtime),
	    cmocka_unit_test(test_query_encoding),   cmocka_unit_test(test_botocore_vectors),
	    cmocka_unit_test(test_unsorted_headers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
