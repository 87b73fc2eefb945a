/* test_probe.c: unit tests of the discovery URL check (probe.c). */
#include "config.h"

#include <stdio.h>

#include "aws/http.h"
#include "aws/probe.h"
#include "base/util.h"
#include "awstest.h"
#include "testutil.h"

/* The discovery URL check judges the OpenID configuration it fetched. */
static void test_probe_openid(void **state)
{
	const char *url = "https://idp.example.com/pool/.well-known/openid-configuration";
	struct {
		const char *body;
		int ok;
		const char *says; /* a piece of the summary or problem */
	} cases[] = {
	    {"{\"issuer\":\"https://idp.example.com/pool\",\"jwks_uri\":"
	     "\"https://idp.example.com/pool/keys\"}",
	     0, "signing keys at https://idp.example.com/pool/keys"},
	    /* a trailing slash on the issuer is the same issuer */
	    {"{\"issuer\":\"https://idp.example.com/pool/\",\"jwks_uri\":\"https://k\"}", 0,
	     "issuer https://idp.example.com/pool/"},
	    {"{\"issuer\":\"https://idp.example.com/pool\"}", -1, "no \"jwks_uri\""},
	    {"{\"jwks_uri\":\"https://k\"}", -1, "no \"issuer\""},
	    {"{\"issuer\":\"\",\"jwks_uri\":\"https://k\"}", -1, "no \"issuer\""},
	    {"{\"issuer\":\"https://idp.example.com/pool\",\"jwks_uri\":\"http://k\"}", -1,
	     "not HTTPS: http://k"},
	    {"{\"issuer\":\"https://other.example.com\",\"jwks_uri\":\"https://k\"}", -1,
	     "does not match the URL"},
	    {"<html>login</html>", -1, "not a JSON object"},
	    {"[1,2]", -1, "not a JSON object"},
	    {"", -1, "not a JSON object"},
	    /* control characters from the network never reach a terminal */
	    {"{\"issuer\":\"https://idp.example.com/pool\",\"jwks_uri\":\"ftp://\\u001b[2J\"}", -1,
	     "not HTTPS: ftp://\\x1b[2J"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *summary = NULL, *problem = NULL;
		int r = probe_openid_judge(url, cases[i].body, strlen(cases[i].body), &summary,
					   &problem);
		const char *text = r == 0 ? summary : problem;

		assert_int_equal(r, cases[i].ok);
		assert_non_null(text);
		assert_null(r == 0 ? problem : summary);
		if (!strstr(text, cases[i].says))
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, text, cases[i].says);
		free(summary);
		free(problem);
	}
	/* only HTTPS is fetched: refused before any connection */
	{
		struct http_options o = {NULL, 1, 1, NULL, NULL};
		char *summary = NULL, *problem = NULL;

		assert_int_equal(probe_openid("http://idp.example.com/.well-known/"
					      "openid-configuration",
					      &o, &summary, &problem),
				 -1);
		assert_null(summary);
		assert_non_null(strstr(problem, "not an HTTPS URL"));
		free(problem);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_probe_openid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
