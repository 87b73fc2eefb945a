/* test_endpoint.c: unit tests of the endpoint rules (endpoint.c), with the rule set's own test cases when ../shared is present. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdio.h>

#include "aws/endpoint.h"
#include "base/util.h"
#include "awstest.h"
#include "testutil.h"

/* Known answers, also when ../shared's endpoint-tests-1.json is not
 * there: its cases, and what botocore 1.43 resolves (its partitions.json)
 * for the other partitions and for STS. "!" starts an error's words. */
static const struct endpoint_case {
	const char *region;
	int fips, dualstack;
	const char *custom, *control, *sts;
} cases[] = {
    {"us-east-1", 0, 0, NULL, "https://bedrock-agentcore-control.us-east-1.amazonaws.com",
     "https://sts.us-east-1.amazonaws.com/"},
    {"us-east-1", 1, 0, NULL, "https://bedrock-agentcore-control-fips.us-east-1.amazonaws.com",
     "https://sts-fips.us-east-1.amazonaws.com/"},
    {"us-east-1", 0, 1, NULL, "https://bedrock-agentcore-control.us-east-1.api.aws",
     "https://sts.us-east-1.api.aws/"},
    {"us-east-1", 1, 1, NULL, "https://bedrock-agentcore-control-fips.us-east-1.api.aws",
     "https://sts-fips.us-east-1.api.aws/"},
    {"cn-north-1", 0, 0, NULL, "https://bedrock-agentcore-control.cn-north-1.amazonaws.com.cn",
     "https://sts.cn-north-1.amazonaws.com.cn/"},
    {"cn-north-1", 1, 0, NULL,
     "https://bedrock-agentcore-control-fips.cn-north-1.amazonaws.com.cn",
     "https://sts-fips.cn-north-1.amazonaws.com.cn/"},
    {"cn-north-1", 0, 1, NULL,
     "https://bedrock-agentcore-control.cn-north-1.api.amazonwebservices.com.cn",
     "https://sts.cn-north-1.api.amazonwebservices.com.cn/"},
    {"cn-north-1", 1, 1, NULL,
     "https://bedrock-agentcore-control-fips.cn-north-1.api.amazonwebservices.com.cn",
     "https://sts-fips.cn-north-1.api.amazonwebservices.com.cn/"},
    {"us-gov-east-1", 0, 0, NULL, "https://bedrock-agentcore-control.us-gov-east-1.amazonaws.com",
     "https://sts.us-gov-east-1.amazonaws.com/"},
    {"us-gov-east-1", 1, 0, NULL,
     "https://bedrock-agentcore-control-fips.us-gov-east-1.amazonaws.com",
     "https://sts.us-gov-east-1.amazonaws.com/"},
    {"us-gov-east-1", 0, 1, NULL, "https://bedrock-agentcore-control.us-gov-east-1.api.aws",
     "https://sts.us-gov-east-1.api.aws/"},
    {"us-gov-east-1", 1, 1, NULL, "https://bedrock-agentcore-control-fips.us-gov-east-1.api.aws",
     "https://sts-fips.us-gov-east-1.api.aws/"},
    {"us-iso-east-1", 0, 0, NULL, "https://bedrock-agentcore-control.us-iso-east-1.c2s.ic.gov",
     "https://sts.us-iso-east-1.c2s.ic.gov/"},
    {"us-iso-east-1", 1, 0, NULL,
     "https://bedrock-agentcore-control-fips.us-iso-east-1.c2s.ic.gov",
     "https://sts-fips.us-iso-east-1.c2s.ic.gov/"},
    {"us-iso-east-1", 1, 1, NULL,
     "https://bedrock-agentcore-control-fips.us-iso-east-1.api.aws.ic.gov",
     "https://sts-fips.us-iso-east-1.api.aws.ic.gov/"},
    {"us-isob-east-1", 0, 0, NULL,
     "https://bedrock-agentcore-control.us-isob-east-1.sc2s.sgov.gov",
     "https://sts.us-isob-east-1.sc2s.sgov.gov/"},
    {"us-isob-east-1", 1, 0, NULL,
     "https://bedrock-agentcore-control-fips.us-isob-east-1.sc2s.sgov.gov",
     "https://sts-fips.us-isob-east-1.sc2s.sgov.gov/"},
    {"us-isob-east-1", 0, 1, NULL,
     "https://bedrock-agentcore-control.us-isob-east-1.api.aws.scloud",
     "https://sts.us-isob-east-1.api.aws.scloud/"},
    {"eu-isoe-west-1", 0, 0, NULL,
     "https://bedrock-agentcore-control.eu-isoe-west-1.cloud.adc-e.uk",
     "https://sts.eu-isoe-west-1.cloud.adc-e.uk/"},
    {"eu-isoe-west-1", 0, 1, NULL, "!dual-stack", "!dual-stack"},
    {"us-isof-south-1", 1, 0, NULL,
     "https://bedrock-agentcore-control-fips.us-isof-south-1.csp.hci.ic.gov",
     "https://sts-fips.us-isof-south-1.csp.hci.ic.gov/"},
    {"us-isof-south-1", 0, 1, NULL, "!dual-stack", "!dual-stack"},
    {"eusc-de-east-1", 0, 0, NULL, "https://bedrock-agentcore-control.eusc-de-east-1.amazonaws.eu",
     "https://sts.eusc-de-east-1.amazonaws.eu/"},
    {"eusc-de-east-1", 1, 1, NULL,
     "https://bedrock-agentcore-control-fips.eusc-de-east-1.api.amazonwebservices.eu",
     "https://sts-fips.eusc-de-east-1.api.amazonwebservices.eu/"},
    {"us-east-1", 0, 0, "https://example.com", "https://example.com", NULL},
    {NULL, 0, 0, "https://example.com", "https://example.com", NULL},
    {"us-east-1", 1, 0, "https://example.com", "!FIPS", NULL},
    {"us-east-1", 0, 1, "https://example.com", "!dual-stack", NULL},
    {NULL, 0, 0, NULL, "!--region", "!not a valid"},
    {"us-east-1/../x", 0, 0, NULL, "!not a valid", "!not a valid"},
    {"evil.example.com/#", 0, 0, NULL, "!not a valid", "!not a valid"},
};
static void test_endpoint_rules(void **state)
{
	char *cause = NULL, *u;

	(void)state;

	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *want[2] = {cases[i].control, cases[i].sts};
		int k;

		for (k = 0; k < 2; k++) {
			cause = NULL;
			if (!want[k])
				continue;
			u = k == 0 ? endpoint_resolve(cases[i].region, cases[i].fips,
						      cases[i].dualstack, cases[i].custom, &cause)
				   : endpoint_sts_url(cases[i].region, cases[i].fips,
						      cases[i].dualstack, &cause);
			if (want[k][0] == '!') {
				if (u || !cause || !strstr(cause, want[k] + 1))
					fail_msg("%s %s fips=%d dualstack=%d: want an error with "
						 "\"%s\", got %s / %s",
						 k ? "sts" : "control", cases[i].region,
						 cases[i].fips, cases[i].dualstack, want[k] + 1,
						 u ? u : "(null)", cause ? cause : "(null)");
			} else if (!u || strcmp(u, want[k])) {
				fail_msg("%s %s fips=%d dualstack=%d: want %s, got %s (%s)",
					 k ? "sts" : "control", cases[i].region, cases[i].fips,
					 cases[i].dualstack, want[k], u ? u : "(null)",
					 cause ? cause : "");
			}
			free(u);
			free(cause);
		}
	}
}

/* Region names that can go into a host name and a credential scope, and
 * custom URLs that libcurl and the signer can use. */
static void test_endpoint_custom(void **state)
{
	char *cause = NULL, *u;

	(void)state;
	assert_true(endpoint_valid_region("us-gov-west-1"));
	assert_false(endpoint_valid_region("evil.example.com/#"));
	assert_false(endpoint_valid_region("-us"));
	assert_false(endpoint_valid_region(""));
	assert_false(endpoint_valid_region("US-EAST-1"));
	/* a custom URL must be one libcurl and the signer can use */
	assert_null(endpoint_resolve("us-east-1", 0, 0, "localhost:4566", &cause));
	assert_non_null(strstr(cause, "http://"));
	free(cause);
	assert_null(endpoint_resolve("us-east-1", 0, 0, "https://", &cause));
	free(cause);
	assert_null(endpoint_resolve("us-east-1", 0, 0, "https://h/x y", &cause));
	free(cause);
	u = endpoint_resolve(NULL, 0, 0, "http://127.0.0.1:5000", &cause);
	assert_string_equal(u, "http://127.0.0.1:5000");
	free(u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_endpoint_rules),
	    cmocka_unit_test(test_endpoint_custom),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
