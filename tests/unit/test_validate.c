/* Unit tests of the validators: every constraint kind, valid and invalid, live
 * (as typed) and strict (whole document), and every rule across fields. */
#include "config.h"

#include <stdio.h>

#include "testutil.h"

static struct formdef *def;

static int setup(void **state)
{
	(void)state;
	def = test_forms();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	formdef_free(def);
	return 0;
}

static enum vstate live(const char *path, const char *text, char **msg)
{
	const struct fnode *f = formdef_lookup(def, path);

	if (!f)
		fail_msg("no field %s", path);
	return validate_scalar(f, text, path, msg);
}

#define LIVE(path, text, want)                                                                \
	do {                                                                                  \
		char *m_ = NULL;                                                              \
		enum vstate s_ = live(path, text, &m_);                                       \
		if (s_ != (want))                                                             \
			fail_msg("%s = \"%s\": state %d, want %d (%s)", path, text, s_, want, \
				 m_ ? m_ : "");                                               \
		free(m_);                                                                     \
	} while (0)

static void test_pattern(void **state)
{
	const char *sn = "networkConfiguration.networkModeConfig.subnets[1]";
	char *m = NULL;

	(void)state;
	LIVE(sn, "subnet-0123456789abcdef0", VS_VALID);
	LIVE(sn, "subnet-12", VS_INCOMPLETE); /* still typing */
	LIVE(sn, "sub", VS_INCOMPLETE);
	LIVE(sn, "subnet_12345678", VS_INVALID);           /* can never match */
	LIVE(sn, "subnet-0123456789abcdef01", VS_INVALID); /* 18 characters: too many */
	LIVE(sn, " subnet-01234567", VS_INVALID);
	/* the whole value must match, not a part of it */
	LIVE("agentRuntimeName", "my_agent", VS_VALID);
	LIVE("agentRuntimeName", "my-agent", VS_INVALID);
	LIVE("agentRuntimeName", "1agent", VS_INVALID);
	LIVE("agentRuntimeName", "agent\n", VS_INVALID);
	/* the message names the path, the value and the expectation */
	live(sn, "subnet-12", &m);
	assert_non_null(strstr(m, "networkConfiguration.networkModeConfig.subnets[1]: "
				  "\"subnet-12\" is too short: expected subnet-"));
	free(m);
	/* PCRE2 syntax used verbatim: (?:...), \d, \s, \xNN */
	LIVE("agentRuntimeArtifact.containerConfiguration.containerUri",
	     "123456789012.dkr.ecr.us-east-1.amazonaws.com/my-agent:latest", VS_VALID);
	LIVE("agentRuntimeArtifact.containerConfiguration.containerUri",
	     "public.ecr.aws/a/b@sha256:abc", VS_VALID);
	LIVE("agentRuntimeArtifact.containerConfiguration.containerUri",
	     "docker.io/library/python:3", VS_INVALID);
	LIVE("agentRuntimeArtifact.containerConfiguration.containerUri",
	     "123456789012.dkr.ecr.us-east-1.amazonaws.com/My-Agent", VS_INVALID);
	LIVE("authorizerConfiguration.customJWTAuthorizer.allowedScopes[0]", "read:all", VS_VALID);
	LIVE("authorizerConfiguration.customJWTAuthorizer.allowedScopes[0]", "a b", VS_INVALID);
	LIVE("authorizerConfiguration.customJWTAuthorizer.allowedScopes[0]", "a\"b", VS_INVALID);
	LIVE("tags.Name", "a b/c=d+e@f", VS_VALID); /* \s allows a space */
	LIVE("tags.Name", "a*b", VS_INVALID);
	LIVE("authorizerConfiguration.customJWTAuthorizer.privateEndpoint."
	     "selfManagedLatticeResource"
	     ".resourceConfigurationIdentifier",
	     "arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/"
	     "rcfg-0123456789abcdef0",
	     VS_VALID);
	/* [A-Za-z0-9_.-:] is a range . to : ; a hyphen is not in it */
	LIVE("authorizerConfiguration.customJWTAuthorizer.customClaims[0].inboundTokenClaimName",
	     "cognito:groups/x.1", VS_VALID);
	LIVE("authorizerConfiguration.customJWTAuthorizer.customClaims[0].inboundTokenClaimName",
	     "my-claim", VS_INVALID);
}

static void test_lengths_in_characters(void **state)
{
	const char *d = "description";
	struct strbuf b = {0};
	char *s;

	(void)state;
	/* 4096 two-byte characters are 8192 bytes and still within 4096 characters */
	for (int i = 0; i < 4096; i++)
		strbuf_adds(&b, "\xc3\xa9");
	s = strbuf_finish(&b);
	LIVE(d, s, VS_VALID);
	free(s);
	for (int i = 0; i < 4097; i++)
		strbuf_adds(&b, "e");
	s = strbuf_finish(&b);
	LIVE(d, s, VS_INVALID);
	free(s);
	LIVE(d, "\xff\xfe", VS_INVALID); /* not UTF-8 */
	/* minimum length: the client token needs 33 characters */
	LIVE("clientToken", "abc", VS_INCOMPLETE);
	LIVE("clientToken", "3f2b8c1e-9a4d-4e7b-8c6f-1d2e3f4a5b6c", VS_VALID);
	/* mount path 6..200 and pattern */
	LIVE("filesystemConfigurations[0].sessionStorage.mountPath", "/mnt/data", VS_VALID);
	LIVE("filesystemConfigurations[0].sessionStorage.mountPath", "/mnt/", VS_INCOMPLETE);
	LIVE("filesystemConfigurations[0].sessionStorage.mountPath", "/data/x", VS_INVALID);
	LIVE("filesystemConfigurations[0].sessionStorage.mountPath", "/mnt/a/b", VS_INVALID);
}

static void test_integer_choice_boolean(void **state)
{
	const char *idle = "lifecycleConfiguration.idleRuntimeSessionTimeout";

	(void)state;
	LIVE(idle, "900", VS_VALID);
	LIVE(idle, "60", VS_VALID);
	LIVE(idle, "1209600", VS_VALID);
	LIVE(idle, "6", VS_INCOMPLETE); /* may become 60 */
	LIVE(idle, "1209601", VS_INVALID);
	LIVE(idle, "0", VS_INVALID);
	LIVE(idle, "-5", VS_INVALID);
	LIVE(idle, "9x", VS_INVALID);
	LIVE(idle, "", VS_VALID); /* unset: the service default applies */
	LIVE("protocolConfiguration.serverProtocol", "MCP", VS_VALID);
	LIVE("protocolConfiguration.serverProtocol", "AGUI", VS_VALID);
	LIVE("protocolConfiguration.serverProtocol", "A", VS_INCOMPLETE);
	LIVE("protocolConfiguration.serverProtocol", "GRPC", VS_INVALID);
	LIVE("protocolConfiguration.serverProtocol", "", VS_INCOMPLETE); /* required */
	LIVE("networkConfiguration.networkModeConfig.requireServiceS3Endpoint", "true", VS_VALID);
	LIVE("networkConfiguration.networkModeConfig.requireServiceS3Endpoint", "yes", VS_INVALID);
	LIVE("agentRuntimeName", "", VS_INCOMPLETE); /* required */
}

static void test_minimal_valid(void **state)
{
	struct problems p = test_check(def, "{" MINIMAL "}");

	(void)state;
	assert_no_problems(p);
	problems_clear(&p);
}

static void test_required_and_types(void **state)
{
	struct problems p = test_check(def, "{\"agentRuntimeName\":5,\"description\":\"\"}");

	(void)state;
	assert_problem(p, "agentRuntimeName", "a number: expected text");
	assert_problem(p, "agentRuntimeArtifact", "required");
	assert_problem(p, "roleArn", "required");
	/* an empty string where the model asks for one character is an error */
	assert_problem(p, "description", "empty");
	assert_int_equal(problems_worst(&p), VS_INVALID);
	problems_clear(&p);
	p = test_check(def, "{" MINIMAL ",\"lifecycleConfiguration\":{\"maxLifetime\":0}}");
	assert_problem(p, "lifecycleConfiguration.maxLifetime", "too small");
	problems_clear(&p);
	p = test_check(def, "{" MINIMAL ",\"lifecycleConfiguration\":{\"maxLifetime\":1.5}}");
	assert_problem(p, "lifecycleConfiguration.maxLifetime", "expected a whole number");
	problems_clear(&p);
	p = test_check(def, "{" MINIMAL ",\"unknownThing\":{}}");
	assert_problem(p, "unknownThing", "unknown member");
	problems_clear(&p);
}

static void test_oneof(void **state)
{
	struct problems p;

	(void)state;
	p = test_check(def,
		       "{\"agentRuntimeName\":\"a\",\"roleArn\":\"arn:aws:iam::123456789012:"
		       "role/R\",\"agentRuntimeArtifact\":{\"containerConfiguration\":"
		       "{\"containerUri\":\"public.ecr.aws/a/b\"},\"codeConfiguration\":{}}}");
	assert_problem(p, "agentRuntimeArtifact", "exactly one");
	problems_clear(&p);
	p = test_check(def, "{\"agentRuntimeName\":\"a\",\"roleArn\":\"arn:aws:iam::123456789012:"
			    "role/R\",\"agentRuntimeArtifact\":{}}");
	assert_problem(p, "agentRuntimeArtifact", "choose one of");
	problems_clear(&p);
	/* code from S3: nested one-of, runtime choice, entry point list of 1..2 */
	p = test_check(def, "{\"agentRuntimeName\":\"a\",\"roleArn\":\"arn:aws:iam::123456789012:"
			    "role/R\",\"agentRuntimeArtifact\":{\"codeConfiguration\":{\"code\":"
			    "{\"s3\":{\"bucket\":\"My_Bucket\",\"prefix\":\"\"}},\"runtime\":"
			    "\"PYTHON_2_7\",\"entryPoint\":[\"a\",\"b\",\"c\"]}}}");
	assert_problem(p, "agentRuntimeArtifact.codeConfiguration.code.s3.bucket", "not valid");
	assert_problem(p, "agentRuntimeArtifact.codeConfiguration.code.s3.prefix", "empty");
	assert_problem(p, "agentRuntimeArtifact.codeConfiguration.runtime", "PYTHON_3_14");
	assert_problem(p, "agentRuntimeArtifact.codeConfiguration.entryPoint", "at most 2");
	problems_clear(&p);
}

static void test_network(void **state)
{
	struct problems p;

	(void)state;
	p = test_check(def, "{" MINIMAL ",\"networkConfiguration\":{\"networkMode\":\"VPC\"}}");
	assert_problem(p, "networkConfiguration.networkModeConfig", "VPC mode");
	problems_clear(&p);
	p = test_check(def, "{" MINIMAL ",\"networkConfiguration\":{\"networkMode\":\"VPC\","
			    "\"networkModeConfig\":{\"subnets\":[],\"securityGroups\":"
			    "[\"sg-0123456789abcdef0\"]}}}");
	assert_problem(p, "networkConfiguration.networkModeConfig.subnets", "at least 1");
	problems_clear(&p);
	p = test_check(def, "{" MINIMAL ",\"networkConfiguration\":{\"networkMode\":\"PUBLIC\","
			    "\"networkModeConfig\":{\"subnets\":[\"subnet-0123456789abcdef0\"],"
			    "\"securityGroups\":[\"sg-0123456789abcdef0\"]}}}");
	assert_problem(p, "networkConfiguration.networkModeConfig", "only applies when");
	problems_clear(&p);
	p = test_check(def, "{" MINIMAL ",\"networkConfiguration\":{\"networkMode\":\"VPC\","
			    "\"networkModeConfig\":{\"subnets\":[\"subnet-0123456789abcdef0\"],"
			    "\"securityGroups\":[\"sg-0123456789abcdef0\"]}}}");
	assert_no_problems(p);
	problems_clear(&p);
	/* the model: CreateAgentRuntime refuses requireServiceS3Endpoint */
	p = test_check(def, "{" MINIMAL ",\"networkConfiguration\":{\"networkMode\":\"VPC\","
			    "\"networkModeConfig\":{\"subnets\":[\"subnet-0123456789abcdef0\"],"
			    "\"securityGroups\":[\"sg-0123456789abcdef0\"],"
			    "\"requireServiceS3Endpoint\":false}}}");
	assert_problem(p, "networkConfiguration.networkModeConfig.requireServiceS3Endpoint",
		       "refused");
	problems_clear(&p);
}

static void test_sizes(void **state)
{
	struct strbuf b = {0};
	char *json;
	struct problems p;

	(void)state;
	strbuf_adds(&b, "{" MINIMAL ",\"tags\":{");
	for (int i = 0; i < 51; i++)
		strbuf_addf(&b, "%s\"k%d\":\"v\"", i ? "," : "", i);
	strbuf_adds(&b, "},\"environmentVariables\":{\"\":\"x\",\"A\":\"1\",\"A\":\"2\"}}");
	json = strbuf_finish(&b);
	p = test_check(def, json);
	assert_problem(p, "tags", "51 entries: at most 50");
	assert_problem(p, "environmentVariables[\"\"]", "key");
	assert_problem(p, "environmentVariables.A", "duplicate key");
	problems_clear(&p);
	free(json);
}

static void test_lifecycle(void **state)
{
	struct problems p =
	    test_check(def, "{" MINIMAL ",\"lifecycleConfiguration\":{"
			    "\"idleRuntimeSessionTimeout\":3600,\"maxLifetime\":600}}");

	(void)state;
	assert_problem(p, "lifecycleConfiguration.idleRuntimeSessionTimeout", "maxLifetime");
	problems_clear(&p);
	p = test_check(def, "{" MINIMAL ",\"lifecycleConfiguration\":{"
			    "\"idleRuntimeSessionTimeout\":600,\"maxLifetime\":600}}");
	assert_no_problems(p);
	problems_clear(&p);
}

#define JWT_START                                                                              \
	"{" MINIMAL ",\"authorizerConfiguration\":{\"customJWTAuthorizer\":{\"discoveryUrl\":" \
	"\"https://idp.example.com/.well-known/openid-configuration\""

static void test_jwt(void **state)
{
	struct problems p;
	const char *claims = "authorizerConfiguration.customJWTAuthorizer.customClaims[0]"
			     ".authorizingClaimMatchValue.claimMatchValue";

	(void)state;
	p = test_check(def, JWT_START "}}}");
	assert_problem(p, "authorizerConfiguration.customJWTAuthorizer", "at least one of");
	problems_clear(&p);
	p = test_check(def, JWT_START
		       ",\"allowedClients\":[\"abc\"],\"customClaims\":[{"
		       "\"inboundTokenClaimName\":\"groups\",\"inboundTokenClaimValueType\":"
		       "\"STRING_ARRAY\",\"authorizingClaimMatchValue\":{\"claimMatchValue\":"
		       "{\"matchValueStringList\":[\"admin\"]},\"claimMatchOperator\":"
		       "\"EQUALS\"}}]}}}");
	assert_problem(p, claims, "EQUALS compares with a single value");
	problems_clear(&p);
	p = test_check(def, JWT_START
		       ",\"customClaims\":[{"
		       "\"inboundTokenClaimName\":\"groups\",\"inboundTokenClaimValueType\":"
		       "\"STRING\",\"authorizingClaimMatchValue\":{\"claimMatchValue\":"
		       "{\"matchValueString\":\"admin\"},\"claimMatchOperator\":"
		       "\"CONTAINS_ANY\"}}]}}}");
	assert_problem(p, claims, "CONTAINS_ANY compares with a list");
	problems_clear(&p);
	p = test_check(def, JWT_START ",\"allowedScopes\":[\"read\"],\"advertisedScopeMapping\":"
				      "{\"read\":\"api/read\",\"write\":\"api/write\"}}}}");
	assert_problem(p,
		       "authorizerConfiguration.customJWTAuthorizer.advertisedScopeMapping.write",
		       "not in allowedScopes");
	assert_false(test_has(&p,
			      "authorizerConfiguration.customJWTAuthorizer."
			      "advertisedScopeMapping.read",
			      NULL));
	problems_clear(&p);
	p = test_check(def, "{" MINIMAL ",\"authorizerConfiguration\":{\"customJWTAuthorizer\":"
			    "{\"discoveryUrl\":\"https://idp.example.com/openid\","
			    "\"allowedAudience\":[\"x\"]}}}");
	assert_problem(p, "authorizerConfiguration.customJWTAuthorizer.discoveryUrl",
		       ".well-known/openid-configuration");
	problems_clear(&p);
}

static void test_headers(void **state)
{
	struct problems p;
	const char *h = "requestHeaderConfiguration.requestHeaderAllowlist";

	(void)state;
	p = test_check(def,
		       "{" MINIMAL ",\"requestHeaderConfiguration\":{\"requestHeaderAllowlist\":"
		       "[\"X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant\",\"x-amzn-bedrock-"
		       "agentcore-runtime-custom-tenant\",\"X-Amz-Date\",\"X-Amzn-Trace-Id\","
		       "\"Authorization\",\"Content-Type\",\"1bad\",\"X-Team\"]}}");
	(void)h;
	assert_problem(p, "requestHeaderConfiguration.requestHeaderAllowlist[1]", "twice");
	assert_problem(p, "requestHeaderConfiguration.requestHeaderAllowlist[2]", "x-amz-");
	assert_problem(p, "requestHeaderConfiguration.requestHeaderAllowlist[3]", "x-amzn-");
	assert_problem(p, "requestHeaderConfiguration.requestHeaderAllowlist[4]", "JWT");
	assert_problem(p, "requestHeaderConfiguration.requestHeaderAllowlist[5]", "restricted");
	assert_problem(p, "requestHeaderConfiguration.requestHeaderAllowlist[6]", "not valid");
	assert_false(test_has(&p, "requestHeaderConfiguration.requestHeaderAllowlist[0]", NULL));
	assert_false(test_has(&p, "requestHeaderConfiguration.requestHeaderAllowlist[7]", NULL));
	problems_clear(&p);
}

static void test_filesystems(void **state)
{
	struct problems p =
	    test_check(def, "{" MINIMAL ",\"filesystemConfigurations\":["
			    "{\"sessionStorage\":{\"mountPath\":\"/mnt/data\"}},"
			    "{\"sessionStorage\":{\"mountPath\":\"/mnt/data\"}},"
			    "{\"efsAccessPoint\":{\"accessPointArn\":\"arn:aws:"
			    "elasticfilesystem:us-east-1:123456789012:access-point/"
			    "fsap-0123456789abcdef0\",\"mountPath\":\"/data\"}}]}");

	(void)state;
	assert_problem(p, "filesystemConfigurations[1].sessionStorage.mountPath", "already used");
	assert_problem(p, "filesystemConfigurations[2].efsAccessPoint.mountPath", "not valid");
	problems_clear(&p);
}

static void test_section_filter(void **state)
{
	struct document *doc = document_new();
	struct problems p = {0};
	size_t net = 0, i;

	(void)state;
	for (i = 0; i < def->nsections; i++)
		if (!strcmp(def->sections[i].id, "network"))
			net = i;
	document_set_text(doc, "networkConfiguration.networkMode", "VPC");
	assert_int_equal(validate_section(def, doc, net, &p), VS_INCOMPLETE);
	assert_problem(p, "networkConfiguration.networkModeConfig", NULL);
	/* the missing name belongs to Basics, not to Network */
	assert_false(test_has(&p, "agentRuntimeName", NULL));
	problems_clear(&p);
	assert_int_equal(validate_section(def, doc, 0, &p), VS_INCOMPLETE);
	assert_problem(p, "agentRuntimeName", "required");
	problems_clear(&p);
	document_free(doc);
}

/* Every example value in forms/ is valid for its own field. */
static void check_examples(const struct fnode *f)
{
	char *m = NULL;
	size_t i;

	if (f->example && (f->kind == FK_TEXT || f->kind == FK_INTEGER || f->kind == FK_CHOICE)) {
		if (validate_scalar(f, f->example, f->path, &m) != VS_VALID)
			fail_msg("example of %s is not valid: %s", f->path, m);
	}
	if (f->item)
		check_examples(f->item);
	if (f->key)
		check_examples(f->key);
	if (f->value)
		check_examples(f->value);
	for (i = 0; i < f->nchildren; i++)
		check_examples(f->children[i]);
}

static void test_examples(void **state)
{
	(void)state;
	check_examples(def->root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_pattern),
	    cmocka_unit_test(test_lengths_in_characters),
	    cmocka_unit_test(test_integer_choice_boolean),
	    cmocka_unit_test(test_minimal_valid),
	    cmocka_unit_test(test_required_and_types),
	    cmocka_unit_test(test_oneof),
	    cmocka_unit_test(test_network),
	    cmocka_unit_test(test_sizes),
	    cmocka_unit_test(test_lifecycle),
	    cmocka_unit_test(test_jwt),
	    cmocka_unit_test(test_headers),
	    cmocka_unit_test(test_filesystems),
	    cmocka_unit_test(test_section_filter),
	    cmocka_unit_test(test_examples),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
