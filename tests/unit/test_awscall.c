/* Unit tests of the account checks' pieces that need no network: each
 * service's endpoint rules (awscall.c), ECR image URIs and manifests
 * (ecr.c), the role documents create-role makes (roledocs.c), and that
 * those documents pass the policy judgements the checks make. */
#include "config.h"

#include <poll.h>
#include <stdlib.h>

#include "aws/awscall.h"
#include "aws/awsconfig.h"
#include "aws/checks.h"
#include "aws/credentials.h"
#include "aws/ecr.h"
#include "aws/policy.h"
#include "aws/roledocs.h"
#include "testutil.h"

static void endpoint_is(struct aws_settings *s, enum aws_service svc, const char *region,
			const char *url, const char *sign)
{
	char *sr = NULL, *cause = NULL, *u = awscall_endpoint(s, svc, region, &sr, NULL, &cause);

	if (!u)
		fail_msg("no endpoint: %s", cause);
	assert_string_equal(u, url);
	assert_string_equal(sr, sign);
	free(u);
	free(sr);
}

static void test_endpoints(void **state)
{
	struct aws_settings s = {0};
	struct aws_options o = {NULL, "eu-west-1",       NULL,
				NULL, AWS_TIMEOUT_UNSET, AWS_TIMEOUT_UNSET};
	char *cause = NULL;

	(void)state;
	unsetenv("AWS_ENDPOINT_URL");
	unsetenv("AWS_ENDPOINT_URL_IAM");
	setenv("HOME", "/nonexistent", 1);
	unsetenv("AWS_CONFIG_FILE");
	unsetenv("AWS_PROFILE");
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	endpoint_is(&s, AWS_IAM, NULL, "https://iam.amazonaws.com", "us-east-1");
	endpoint_is(&s, AWS_STS, NULL, "https://sts.eu-west-1.amazonaws.com/", "eu-west-1");
	endpoint_is(&s, AWS_ECR, NULL, "https://api.ecr.eu-west-1.amazonaws.com", "eu-west-1");
	endpoint_is(&s, AWS_EC2, "us-east-2", "https://ec2.us-east-2.amazonaws.com", "us-east-2");
	endpoint_is(&s, AWS_S3, NULL, "https://s3.eu-west-1.amazonaws.com", "eu-west-1");
	endpoint_is(&s, AWS_S3, "us-east-1", "https://s3.amazonaws.com", "us-east-1");
	endpoint_is(&s, AWS_IAM, "cn-north-1", "https://iam.cn-north-1.amazonaws.com.cn",
		    "cn-north-1");
	endpoint_is(&s, AWS_ECR, "cn-north-1", "https://api.ecr.cn-north-1.amazonaws.com.cn",
		    "cn-north-1");
	endpoint_is(&s, AWS_IAM, "us-gov-east-1", "https://iam.us-gov.amazonaws.com",
		    "us-gov-west-1");
	s.use_fips = 1;
	endpoint_is(&s, AWS_IAM, NULL, "https://iam-fips.amazonaws.com", "us-east-1");
	endpoint_is(&s, AWS_EC2, NULL, "https://ec2-fips.eu-west-1.amazonaws.com", "eu-west-1");
	s.use_fips = 0;
	s.use_dualstack = 1;
	endpoint_is(&s, AWS_ECR, NULL, "https://ecr.eu-west-1.api.aws", "eu-west-1");
	endpoint_is(&s, AWS_S3, NULL, "https://s3.dualstack.eu-west-1.api.aws", "eu-west-1");
	s.use_dualstack = 0;
	/* a service's own variable wins over AWS_ENDPOINT_URL */
	setenv("AWS_ENDPOINT_URL", "https://all.example", 1);
	setenv("AWS_ENDPOINT_URL_IAM", "https://iam.example", 1);
	endpoint_is(&s, AWS_IAM, NULL, "https://iam.example", "eu-west-1");
	endpoint_is(&s, AWS_EC2, NULL, "https://all.example", "eu-west-1");
	unsetenv("AWS_ENDPOINT_URL");
	unsetenv("AWS_ENDPOINT_URL_IAM");
	aws_settings_free(&s);
}

/* The reference's S3 test vector (botocore's S3SigV4Auth, confirmed by a
 * separate HMAC calculation): virtual-hosted, a key with a space encoded
 * once, a versionId with '+', x-amz-content-sha256 signed. */
static void test_s3_signature(void **state)
{
	struct aws_settings s = {0};
	struct aws_options o = {NULL, "eu-west-1",       NULL,
				NULL, AWS_TIMEOUT_UNSET, AWS_TIMEOUT_UNSET};
	struct aws_credentials cr = {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
				     NULL, NULL, 0};
	struct awscall_client c = {&s, &cr, NULL, NULL, 0, 0};
	struct awscall_request r = {AWS_S3,
				    "HEAD",
				    NULL,
				    "code-bkt",
				    "agent/deployment package.zip",
				    "versionId=3HL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY",
				    NULL,
				    NULL,
				    NULL,
				    NULL};
	struct headers h;
	char *url = NULL, *cause = NULL;

	(void)state;
	unsetenv("AWS_ENDPOINT_URL");
	unsetenv("AWS_ENDPOINT_URL_S3");
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_int_equal(awscall_prepare(&c, &r, 1440938160, &url, &h, &cause), 0);
	assert_string_equal(
	    url, "https://code-bkt.s3.eu-west-1.amazonaws.com/agent/"
		 "deployment%20package.zip?versionId=3HL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY");
	assert_string_equal(
	    headers_get(&h, "Authorization"),
	    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/s3/"
	    "aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, "
	    "Signature=c0b3e64a0d627ab62e3f0bbb72d5b5680a0ad25dd2bac98f7e1c01db1cfb98d0");
	free(url);
	headers_free(&h);
	aws_settings_free(&s);
}

static void test_ecr_uri(void **state)
{
	struct ecr_uri u;
	char *found, *digest;

	(void)state;
	assert_int_equal(
	    ecr_parse_uri("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/agent:v1@sha256:ab",
			  &u),
	    0);
	assert_string_equal(u.account, "123456789012");
	assert_string_equal(u.region, "eu-west-1");
	assert_string_equal(u.repository, "team/agent");
	assert_string_equal(u.tag, "v1");
	assert_string_equal(u.digest, "sha256:ab");
	ecr_uri_free(&u);
	assert_int_equal(ecr_parse_uri("123456789012.dkr.ecr.us-east-1.amazonaws.com/a", &u), 0);
	assert_null(u.tag);
	assert_null(u.digest);
	ecr_uri_free(&u);
	assert_int_equal(ecr_parse_uri("public.ecr.aws/a/b:1", &u), -1);
	assert_int_equal(ecr_parse_uri("docker.io/library/x", &u), -1);
	assert_int_equal(ecr_parse_uri("123456789012.dkr.ecr.us-east-1.amazonaws.com/", &u), -1);
	assert_int_equal(ecr_manifest_arch("{\"manifests\":[{\"platform\":{\"os\":\"linux\","
					   "\"architecture\":\"amd64\"}}]}",
					   &found, &digest),
			 ECR_ARCH_OTHER);
	assert_string_equal(found, "linux/amd64");
	free(found);
	assert_int_equal(
	    ecr_manifest_arch("{\"config\":{\"digest\":\"sha256:c\"}}", &found, &digest),
	    ECR_ARCH_NEED_CONFIG);
	assert_string_equal(digest, "sha256:c");
	free(digest);
	assert_int_equal(
	    ecr_config_arch("{\"architecture\":\"arm64\",\"os\":\"linux\"}", 37, &found),
	    ECR_ARCH_ARM64);
	free(found);
	assert_int_equal(ecr_manifest_arch("nope", &found, &digest), ECR_ARCH_UNKNOWN);
}

static void test_roledocs(void **state)
{
	struct roledocs_scope sc = {"aws",
				    "us-east-1",
				    "123456789012",
				    "my_agent",
				    "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:v1",
				    NULL,
				    NULL,
				    NULL};
	struct policy_context ctx = {
	    "aws", "us-east-1", "123456789012",
	    "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/my_agent-0123456789"};
	char *t = roledocs_trust(&sc), *p = roledocs_permissions(&sc), *why = NULL;
	cJSON *td = policy_decode(t), *pd = policy_decode(p);
	const cJSON *docs[1] = {pd};

	(void)state;
	assert_int_equal(policy_trusts(td, "bedrock-agentcore.amazonaws.com", &ctx, &why),
			 POLICY_YES);
	free(why);
	assert_int_equal(policy_allows(docs, 1, "ecr:BatchGetImage",
				       "arn:aws:ecr:us-east-1:123456789012:repository/agent",
				       &why),
			 POLICY_YES);
	free(why);
	/* scoped: another repository is not allowed */
	assert_int_equal(policy_allows(docs, 1, "ecr:BatchGetImage",
				       "arn:aws:ecr:us-east-1:123456789012:repository/other",
				       &why),
			 POLICY_NO);
	free(why);
	assert_int_equal(policy_allows(docs, 1, "s3:GetObject", "arn:aws:s3:::b/k", &why),
			 POLICY_NO);
	free(why);
	cJSON_Delete(td);
	cJSON_Delete(pd);
	free(t);
	free(p);
	t = roledocs_default_name(&sc);
	assert_string_equal(t, "AmazonBedrockAgentCoreRuntime-my_agent");
	assert_true(roledocs_name_ok(t));
	free(t);
	assert_false(roledocs_name_ok("PlainRole"));
	assert_false(roledocs_name_ok("BedrockAgentCore role"));
}

/* The engine's API as a front end uses it: start, wait on the descriptor,
 * take, free. Without credentials it ends at once with one finding. */
static void test_engine_without_credentials(void **state)
{
	struct document *doc = document_new();
	struct check_finding *v;
	struct checks *r;
	struct pollfd p;
	size_t n;

	(void)state;
	document_set_text(doc, "roleArn", "arn:aws:iam::123456789012:role/R");
	r = checks_start(checks_input_read(doc), NULL, NULL, NULL);
	document_free(doc); /* the run copied what it needs */
	p = (struct pollfd){checks_fd(r), POLLIN, 0};
	assert_int_equal(poll(&p, 1, 1000), 1);
	assert_int_equal(checks_take(r, &v, &n), CHECKS_NO_SETTINGS);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].severity, CHECK_UNKNOWN);
	assert_string_equal(check_severity_name(v[0].severity), "could-not-check");
	assert_null(checks_account(r));
	check_findings_free(v, n);
	/* taken: nothing new, the descriptor is quiet again */
	assert_int_equal(poll(&p, 1, 0), 0);
	assert_int_equal(checks_take(r, &v, &n), CHECKS_NO_SETTINGS);
	assert_int_equal(n, 0);
	checks_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_endpoints),
	    cmocka_unit_test(test_s3_signature),
	    cmocka_unit_test(test_ecr_uri),
	    cmocka_unit_test(test_roledocs),
	    cmocka_unit_test(test_engine_without_credentials),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
