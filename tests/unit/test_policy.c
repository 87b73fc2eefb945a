/* Unit tests of policy.c: decoding IAM's URL-encoded documents, wildcard
 * matching, trust-policy and permission judgements (yes, no, cannot tell). */
#include "config.h"

#include "aws/policy.h"
#include "testutil.h"

static const struct policy_context ctx = {"aws", "us-east-1", "123456789012", NULL};
#define SVC "bedrock-agentcore.amazonaws.com"

static enum policy_verdict trust(const char *json)
{
	cJSON *d = policy_decode(json);
	char *why = NULL;
	enum policy_verdict v;

	assert_non_null(d);
	v = policy_trusts(d, SVC, &ctx, &why);
	assert_non_null(why);
	free(why);
	cJSON_Delete(d);
	return v;
}

static enum policy_verdict allows(const char *json, const char *action, const char *res)
{
	cJSON *d = policy_decode(json);
	const cJSON *docs[1] = {d};
	char *why = NULL;
	enum policy_verdict v;

	assert_non_null(d);
	v = policy_allows(docs, 1, action, res, &why);
	free(why);
	cJSON_Delete(d);
	return v;
}

static void test_decode_glob(void **state)
{
	cJSON *d;

	(void)state;
	/* IAM's encoding: %20 for a space, '+' kept as it is */
	d = policy_decode("%7B%22Version%22%3A%222012-10-17%22%2C%22S%22%3A%22a+b%20c%22%7D");
	assert_non_null(d);
	assert_string_equal(cJSON_GetObjectItem(d, "S")->valuestring, "a+b c");
	cJSON_Delete(d);
	d = policy_decode("{\"Version\":\"2012-10-17\",\"P\":\"100%\"}"); /* raw JSON */
	assert_non_null(d);
	cJSON_Delete(d);
	assert_null(policy_decode("not json"));
	assert_null(policy_decode("[1]"));
	assert_true(policy_glob("ecr:*", "ECR:BatchGetImage", 1));
	assert_false(policy_glob("ecr:*", "ECR:BatchGetImage", 0));
	assert_true(policy_glob("arn:aws:ecr:*:123:repository/a?c",
				"arn:aws:ecr:x:123:repository/abc", 0));
	assert_false(
	    policy_glob("arn:aws:ecr:*:123:repository/a", "arn:aws:ecr:x:123:repository/ab", 0));
	assert_true(policy_glob("*", "", 0));
}

static void test_trust(void **state)
{
	(void)state;
	/* the reference's trust policy: conditions for this account and Region */
	assert_int_equal(
	    trust("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
		  "{\"Service\":\"" SVC "\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{"
		  "\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"},\"ArnLike\":{"
		  "\"aws:SourceArn\":\"arn:aws:bedrock-agentcore:us-east-1:123456789012:*\"}}}]}"),
	    POLICY_YES);
	/* Principal as a list, Statement as one object, Action as a list */
	assert_int_equal(trust("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
			       "[\"lambda.amazonaws.com\",\"" SVC "\"]},\"Action\":[\"sts:"
			       "TagSession\",\"sts:AssumeRole\"]}}"),
			 POLICY_YES);
	/* another service only */
	assert_int_equal(trust("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
			       "\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"),
			 POLICY_NO);
	/* another account in the condition */
	assert_int_equal(trust("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
			       "\"" SVC "\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{"
			       "\"StringEquals\":{\"aws:SourceAccount\":\"999999999999\"}}}]}"),
			 POLICY_NO);
	/* another Region in the source ARN */
	assert_int_equal(
	    trust("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
		  "\"" SVC "\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{"
		  "\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:bedrock-agentcore:eu-west-1:"
		  "123456789012:*\"}}}]}"),
	    POLICY_NO);
	/* a condition we do not model: cannot tell, never a guess */
	assert_int_equal(trust("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
			       "\"" SVC "\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{"
			       "\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}}]}"),
			 POLICY_UNKNOWN);
	/* one runtime named exactly: which runtime this will be is not known */
	assert_int_equal(trust("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
			       "\"" SVC "\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{"
			       "\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:bedrock-agentcore:"
			       "us-east-1:123456789012:runtime/a-1234567890\"}}}]}"),
			 POLICY_UNKNOWN);
	/* a Deny that names the service */
	assert_int_equal(trust("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
			       "\"" SVC "\"},\"Action\":\"sts:AssumeRole\"},{\"Effect\":\"Deny\","
			       "\"Principal\":{\"Service\":\"" SVC "\"},\"Action\":\"sts:*\"}]}"),
			 POLICY_UNKNOWN);
	assert_int_equal(trust("{\"Statement\":[{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":"
			       "\"arn:aws:iam::1:root\"},\"Action\":\"sts:AssumeRole\"}]}"),
			 POLICY_UNKNOWN);
	assert_int_equal(trust("{}"), POLICY_NO);
}

static void test_allows(void **state)
{
	const char *repo = "arn:aws:ecr:us-east-1:123456789012:repository/agent";

	(void)state;
	assert_int_equal(allows("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ecr:"
				"BatchGetImage\",\"ecr:GetDownloadUrlForLayer\"],\"Resource\":"
				"[\"arn:aws:ecr:us-east-1:123456789012:repository/*\"]}]}",
				"ecr:BatchGetImage", repo),
			 POLICY_YES);
	assert_int_equal(
	    allows("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecr:*\","
		   "\"Resource\":\"arn:aws:ecr:us-east-1:123456789012:repository/other\"}]}",
		   "ecr:BatchGetImage", repo),
	    POLICY_NO);
	assert_int_equal(allows("{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\","
				"\"Resource\":\"*\"}]}",
				"ecr:BatchGetImage", repo),
			 POLICY_YES);
	assert_int_equal(allows("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
				"\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":\"ecr:*\","
				"\"Resource\":\"*\"}]}",
				"ecr:BatchGetImage", repo),
			 POLICY_UNKNOWN);
	assert_int_equal(
	    allows("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecr:*\","
		   "\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":"
		   "\"true\"}}}]}",
		   "ecr:BatchGetImage", repo),
	    POLICY_UNKNOWN);
	assert_int_equal(allows("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ecr:*\","
				"\"Resource\":\"arn:aws:ecr:*:*:repository/${aws:username}\"}]}",
				"ecr:BatchGetImage", repo),
			 POLICY_UNKNOWN);
	assert_int_equal(allows("{\"Statement\":[]}", "ecr:BatchGetImage", repo), POLICY_NO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_decode_glob),
	    cmocka_unit_test(test_trust),
	    cmocka_unit_test(test_allows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
