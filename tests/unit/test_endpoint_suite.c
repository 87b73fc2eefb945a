/* test_endpoint_suite.c: the endpoint rule set's own test cases
 * (endpoint-tests-1.json) from ../shared/reference, or $ACW_SHARED; they are
 * not part of the project, and without them this program exits 77, which
 * automake reports as SKIP. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdio.h>

#include "aws/endpoint.h"
#include "base/util.h"
#include "testutil.h"

/* The rule set's own test cases (endpoint-tests-1.json), when present. */
static void test_endpoint_suite(void **state)
{
	const char *shared = getenv("ACW_SHARED"), *top = getenv("top_srcdir");
	char *path = shared ? xasprintf("%s/reference/bedrock-agentcore-control-2023-06-05/"
					"endpoint-tests-1.json",
					shared)
			    : xasprintf("%s/../shared/reference/bedrock-agentcore-control-"
					"2023-06-05/endpoint-tests-1.json",
					top ? top : ".");
	char *text = NULL, *cause = NULL;
	cJSON *j, *c;
	int n = 0;

	(void)state;
	if (util_read_file(path, 1 << 20, &text, NULL, &cause) != 0) {
		free(cause);
		free(path);
		test_skip();
	}
	j = cJSON_Parse(text);
	cJSON_ArrayForEach (c, cJSON_GetObjectItem(j, "testCases")) {
		cJSON *p = cJSON_GetObjectItem(c, "params"), *e = cJSON_GetObjectItem(c, "expect");
		cJSON *r = cJSON_GetObjectItem(p, "Region"),
		      *ep = cJSON_GetObjectItem(p, "Endpoint");
		cJSON *url = cJSON_GetObjectItem(cJSON_GetObjectItem(e, "endpoint"), "url");
		char *got;

		/* "Missing region" has no params at all: every parameter unset */
		got = endpoint_resolve(r ? r->valuestring : NULL,
				       cJSON_IsTrue(cJSON_GetObjectItem(p, "UseFIPS")),
				       cJSON_IsTrue(cJSON_GetObjectItem(p, "UseDualStack")),
				       ep ? ep->valuestring : NULL, &cause);
		if (url) {
			if (!got || strcmp(got, url->valuestring))
				fail_msg("%s: got %s, want %s",
					 cJSON_GetObjectItem(c, "documentation")->valuestring,
					 got ? got : cause, url->valuestring);
		} else if (got) {
			fail_msg("%s: want an error, got %s",
				 cJSON_GetObjectItem(c, "documentation")->valuestring, got);
		} else {
			free(cause);
		}
		cause = NULL;
		free(got);
		n++;
	}
	print_message("endpoint rule set: %d cases\n", n);
	assert_int_equal(n, cJSON_GetArraySize(cJSON_GetObjectItem(j, "testCases")));
	assert_true(n >= 21);
	cJSON_Delete(j);
	free(text);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_endpoint_suite),
	};

	return test_run_group(tests);
}
