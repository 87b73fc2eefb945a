/* Unit tests of the validators: every constraint kind, valid and invalid, live
 * (as typed) and strict (whole document), and every rule across fields. */
#include "config.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <strings.h>

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

/* Live check of one value: its state and, unless needle is NULL, a message
 * that names the path and holds needle. */
static void live_check(const char *path, const char *text, enum vstate want, const char *needle)
{
	char *m = NULL;
	enum vstate st = live(path, text, &m);

	if (st != want)
		fail_msg("%s = \"%s\": state %d, want %d (%s)", path, text, st, want, m ? m : "");
	if (needle && (!m || !strstr(m, path) || !strstr(m, needle)))
		fail_msg("%s = \"%s\": message \"%s\" lacks \"%s\"", path, text, m ? m : "",
			 needle);
	free(m);
}

#define LIVE_MSG(path, text, want, needle) live_check(path, text, want, needle)
#define LIVE(path, text, want)             live_check(path, text, want, NULL)

/* The problem at exactly path whose message holds needle, or NULL. */
static const struct problem *find(const struct problems *p, const char *path, const char *needle)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (!strcmp(p->v[i].path, path) && (!needle || strstr(p->v[i].message, needle)))
			return &p->v[i];
	return NULL;
}

/* A problem at path, in state st, whose message holds needle. */
#define assert_state(p, path, st, needle)                                                         \
	do {                                                                                      \
		const struct problem *x_ = find(&(p), path, needle);                              \
		if (!x_) {                                                                        \
			test_dump(&(p));                                                          \
			fail_msg("no problem at %s containing \"%s\"", path, needle);             \
		}                                                                                 \
		if (x_->state != (st))                                                            \
			fail_msg("%s: state %d, want %d (%s)", path, x_->state, st, x_->message); \
	} while (0)

/* No problem at path (any message). */
#define assert_none_at(p, path)                                           \
	do {                                                              \
		if (test_has(&(p), path, NULL)) {                         \
			test_dump(&(p));                                  \
			fail_msg("a problem at %s, expected none", path); \
		}                                                         \
	} while (0)

/* No message anywhere holds needle. */
#define assert_no_message(p, needle)                                       \
	do {                                                               \
		for (size_t i_ = 0; i_ < (p).n; i_++)                      \
			if (strstr((p).v[i_].message, needle)) {           \
				test_dump(&(p));                           \
				fail_msg("a message says \"%s\"", needle); \
			}                                                  \
	} while (0)

/* Validate JSON text as a document, bypassing the reader (which drops values
 * of the wrong type): what validate_document alone says. */
static struct problems check_doc(const char *json)
{
	struct problems p = {0};
	cJSON *j = cJSON_Parse(json);
	struct document *doc;

	if (!j)
		fail_msg("bad JSON in a test: %s", json);
	doc = document_adopt_json(j);
	validate_document(def, doc, &p);
	document_free(doc);
	return p;
}

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

/* `.` in the model's patterns is Java's: no line terminator (\n, \r, U+0085,
 * U+2028, U+2029), while VT, FF and every other character match. */
static void test_java_dot(void **state)
{
	static const char *const no[] = {"\n", "\r", "\xc2\x85", "\xe2\x80\xa8", "\xe2\x80\xa9"};
	static const char *const yes[] = {
	    "\v",       "\f",           "\t",           "a",   " ", "\xc2\x84", "\xc2\x86",
	    "\xc2\xa0", "\xe2\x80\xa7", "\xe2\x80\xaa", "\x7f"};
	const char *cu = "agentRuntimeArtifact.containerConfiguration.containerUri";
	const char *url = "authorizerConfiguration.customJWTAuthorizer.discoveryUrl";
	char *t, buf[128];
	size_t i;

	(void)state;
	t = formdef_java_pattern("a.b[.]\\.\\Q.\\E[^.][].][:alpha:].[[:digit:].].");
	assert_string_equal(t, "a[^\\n\\r\\x{85}\\x{2028}\\x{2029}]b[.]\\.\\Q.\\E[^.][].][:alpha:]"
			       "[^\\n\\r\\x{85}\\x{2028}\\x{2029}][[:digit:].]"
			       "[^\\n\\r\\x{85}\\x{2028}\\x{2029}]");
	free(t);
	t = formdef_java_pattern("\\Q.");
	assert_string_equal(t, "\\Q.");
	free(t);
	for (i = 0; i < sizeof no / sizeof *no; i++) {
		snprintf(buf, sizeof buf, "arn:aws:iam::123456789012:role/x%s", no[i]);
		LIVE("roleArn", buf, VS_INVALID);
		snprintf(buf, sizeof buf, "arn:aws:iam::123456789012:role/a%sb", no[i]);
		LIVE("roleArn", buf, VS_INVALID);
	}
	for (i = 0; i < sizeof yes / sizeof *yes; i++) {
		snprintf(buf, sizeof buf, "arn:aws:iam::123456789012:role/x%s", yes[i]);
		LIVE("roleArn", buf, VS_VALID);
	}
	LIVE("roleArn", "arn:aws:iam::123456789012:role/x\r", VS_INVALID);
	LIVE("roleArn", "arn:aws:iam::123456789012:role/x\xe2\x80\xa8", VS_INVALID);
	LIVE(url, "https://x/.well-known/openid-configuration", VS_VALID);
	LIVE(url, "https://x\r/.well-known/openid-configuration", VS_INVALID);
	LIVE(url, "https://x\v/.well-known/openid-configuration", VS_VALID);
	LIVE(cu, "public.ecr.aws/a/b@sha256:abc", VS_VALID);
	LIVE(cu, "public.ecr.aws/a/b@sha256:abc\r", VS_INVALID);
	LIVE(cu, "public.ecr.aws/a/b@sha256:abc\n", VS_INVALID);
}

/* The restricted headers are the Developer Guide's whole table, as data
 * (forms/60-headers.json): each is refused, in any case, with the message
 * the others get; If-Range and Vary among them. */
static void test_restricted_headers(void **state)
{
	const struct fnode *item =
	    formdef_lookup(def, "requestHeaderConfiguration.requestHeaderAllowlist[0]");
	static const char *const named[] = {"If-Range", "Vary",   "vary",
					    "COOKIE",   "Origin", "X-Forwarded-For",
					    "Accept",   "Link",   "Content-Type"};
	char json[1024];
	size_t i;

	(void)state;
	assert_non_null(item);
	assert_true(item->nrestricted >= 100);
	for (i = 0; i < item->nrestricted + sizeof named / sizeof *named; i++) {
		const char *name =
		    i < item->nrestricted ? item->restricted[i] : named[i - item->nrestricted];
		struct problems p;

		/* :method and the like are not header names at all; X-Amz-Cf-Id is
		 * refused as every x-amz- name is, with that message */
		if (*name == ':' || !strncasecmp(name, "x-amz-", 6))
			continue;
		snprintf(json, sizeof json,
			 "{" MINIMAL ",\"requestHeaderConfiguration\":{\"requestHeaderAllowlist\":"
			 "[\"%s\"]}}",
			 name);
		p = test_check(def, json);
		assert_state(p, "requestHeaderConfiguration.requestHeaderAllowlist[0]", VS_INVALID,
			     "is a restricted header that the service does not pass on");
		problems_clear(&p);
	}
}

/* networkConfiguration left unset is valid for the model, but AWS CLIs and
 * SDKs from before August 2026 refuse it: a warning (state VS_VALID) at the
 * member, as for platformVersion when set; never an error. */
static void test_warnings(void **state)
{
	struct problems p = test_check(def, "{" MINIMAL "}");
	struct document *doc = NULL;
	char *cause = NULL;
	const char *set = "{" MINIMAL ",\"networkConfiguration\":{\"networkMode\":\"PUBLIC\"},"
			  "\"platformVersion\":\"V2\"}";

	(void)state;
	assert_int_equal(problems_worst(&p), VS_VALID);
	assert_no_problems(p);
	assert_int_equal(formfile_parse("{" MINIMAL "}", strlen("{" MINIMAL "}"), def, FF_STRICT,
					&doc, &p, &cause),
			 0);
	validate_warnings(def, doc, &p);
	assert_int_equal(p.n, 1);
	assert_state(p, "networkConfiguration", VS_VALID, "before August 2026");
	assert_int_equal(problems_worst(&p), VS_VALID);
	problems_clear(&p);
	document_free(doc);
	assert_int_equal(formfile_parse(set, strlen(set), def, FF_STRICT, &doc, &p, &cause), 0);
	validate_warnings(def, doc, &p);
	assert_int_equal(p.n, 1);
	assert_state(p, "platformVersion", VS_VALID, "newest JavaScript SDK");
	problems_clear(&p);
	document_free(doc);
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
	/* a value's beginning is not finished yet, rather than not allowed */
	LIVE_MSG("networkConfiguration.networkMode", "V", VS_INCOMPLETE,
		 "\"V\" is not a whole value yet: expected one of PUBLIC or VPC");
	LIVE_MSG("agentRuntimeArtifact.codeConfiguration.runtime", "PYTHON_3_1", VS_INCOMPLETE,
		 "\"PYTHON_3_1\" is not a whole value yet: expected one of ");
	LIVE_MSG("networkConfiguration.networkMode", "VX", VS_INVALID,
		 "\"VX\" is not allowed: expected one of PUBLIC or VPC");
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
	assert_problem(p, "agentRuntimeArtifact",
		       "is empty: choose one of Container image (containerConfiguration) or Code "
		       "from S3 (codeConfiguration)");
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
	assert_problem(p, "lifecycleConfiguration.idleRuntimeSessionTimeout",
		       "3600 seconds is longer than the maximum lifetime, Max lifetime (s) "
		       "(maxLifetime), of 600 seconds: expected at most 600, or set a longer "
		       "maximum lifetime");
	problems_clear(&p);
	p = test_check(def, "{" MINIMAL ",\"lifecycleConfiguration\":{"
			    "\"idleRuntimeSessionTimeout\":600,\"maxLifetime\":600}}");
	assert_no_problems(p);
	problems_clear(&p);
	/* an unset one is the service's default: 28800 seconds at most, 900 idle */
	p = test_check(def, "{" MINIMAL ",\"lifecycleConfiguration\":{"
			    "\"idleRuntimeSessionTimeout\":30000}}");
	assert_state(p, "lifecycleConfiguration.idleRuntimeSessionTimeout", VS_INVALID,
		     "30000 seconds is longer than the maximum lifetime, Max lifetime (s) "
		     "(maxLifetime), which is 28800 seconds by default when not set: expected at "
		     "most 28800, or set a longer maximum lifetime");
	assert_int_equal(p.n, 1);
	problems_clear(&p);
	p = test_check(def, "{" MINIMAL ",\"lifecycleConfiguration\":{"
			    "\"idleRuntimeSessionTimeout\":28800}}");
	assert_no_problems(p);
	problems_clear(&p);
	/* only a maximum lifetime of 900 s or less: the service uses it for both */
	p = test_check(def, "{" MINIMAL ",\"lifecycleConfiguration\":{\"maxLifetime\":600}}");
	assert_no_problems(p);
	problems_clear(&p);
	p = test_check(def, "{" MINIMAL ",\"lifecycleConfiguration\":{\"maxLifetime\":60}}");
	assert_no_problems(p);
	problems_clear(&p);
	p = test_check(def, "{" MINIMAL ",\"lifecycleConfiguration\":{"
			    "\"idleRuntimeSessionTimeout\":900,\"maxLifetime\":600}}");
	assert_problem(p, "lifecycleConfiguration.idleRuntimeSessionTimeout",
		       "900 seconds is longer than the maximum lifetime");
	problems_clear(&p);
	p = test_check(def, "{" MINIMAL ",\"lifecycleConfiguration\":{\"maxLifetime\":900}}");
	assert_no_problems(p);
	problems_clear(&p);
	/* a value out of its own range is said once, by its own rule */
	p = test_check(def, "{" MINIMAL ",\"lifecycleConfiguration\":{\"maxLifetime\":30}}");
	assert_int_equal(p.n, 1);
	assert_problem(p, "lifecycleConfiguration.maxLifetime", "too small");
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
	assert_problem(p, claims,
		       "EQUALS compares with a single value: expected Single value "
		       "(matchValueString), not List of values (matchValueStringList)");
	problems_clear(&p);
	p = test_check(def, JWT_START
		       ",\"customClaims\":[{"
		       "\"inboundTokenClaimName\":\"groups\",\"inboundTokenClaimValueType\":"
		       "\"STRING\",\"authorizingClaimMatchValue\":{\"claimMatchValue\":"
		       "{\"matchValueString\":\"admin\"},\"claimMatchOperator\":"
		       "\"CONTAINS_ANY\"}}]}}}");
	assert_problem(p, claims,
		       "CONTAINS_ANY compares with a list: expected List of values "
		       "(matchValueStringList), not Single value (matchValueString)");
	problems_clear(&p);
	p = test_check(def, JWT_START ",\"allowedScopes\":[\"read\"],\"advertisedScopeMapping\":"
				      "{\"read\":\"api/read\",\"write\":\"api/write\"}}}}");
	assert_problem(p,
		       "authorizerConfiguration.customJWTAuthorizer.advertisedScopeMapping.write",
		       "maps scope \"write\", which is not in Allowed scopes (allowedScopes): "
		       "expected a key that is one of the allowed scopes");
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
	/* the name is shown whole (it is 46 characters), quoted */
	assert_state(p, "requestHeaderConfiguration.requestHeaderAllowlist[1]", VS_INVALID,
		     "\"x-amzn-bedrock-agentcore-runtime-custom-tenant\" is listed twice");
	/* what is wrong, and a name the service passes on instead */
	assert_problem(p, "requestHeaderConfiguration.requestHeaderAllowlist[2]",
		       "\"X-Amz-Date\" is reserved (names starting with x-amz- are refused): "
		       "expected a name of your own, such as "
		       "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Date");
	assert_problem(p, "requestHeaderConfiguration.requestHeaderAllowlist[3]",
		       "\"X-Amzn-Trace-Id\" is reserved (of the x-amzn- names only "
		       "X-Amzn-Bedrock-AgentCore-Runtime-Custom-* are allowed): expected a name "
		       "of your own, such as X-Amzn-Bedrock-AgentCore-Runtime-Custom-Trace-Id");
	assert_problem(p, "requestHeaderConfiguration.requestHeaderAllowlist[4]",
		       "\"Authorization\" may only be passed through when a custom JWT "
		       "authorizer is set: expected an inbound authorizer, Custom JWT "
		       "(customJWTAuthorizer), or this header left out");
	assert_problem(p, "requestHeaderConfiguration.requestHeaderAllowlist[5]",
		       "\"Content-Type\" is a restricted header that the service does not pass "
		       "on: expected a name of your own, such as "
		       "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Content-Type, or this header "
		       "left out");
	assert_problem(p, "requestHeaderConfiguration.requestHeaderAllowlist[6]", "not valid");
	assert_false(test_has(&p, "requestHeaderConfiguration.requestHeaderAllowlist[0]", NULL));
	assert_false(test_has(&p, "requestHeaderConfiguration.requestHeaderAllowlist[7]", NULL));
	problems_clear(&p);
	/* nothing after the prefix, or too long with the custom prefix: a made-up name */
	p = test_check(def,
		       "{" MINIMAL ",\"requestHeaderConfiguration\":{\"requestHeaderAllowlist\":"
		       "[\"x-amz-\"]}}");
	assert_problem(p, "requestHeaderConfiguration.requestHeaderAllowlist[0]",
		       "such as X-Amzn-Bedrock-AgentCore-Runtime-Custom-Name");
	problems_clear(&p);
}

/* Every message says what is wrong and what is expected. */
static void test_messages_expect(void **state)
{
	struct problems p;

	(void)state;
	/* a member the request does not have: the one meant, or those there are */
	p = test_check(def, "{" MINIMAL ",\"Tags\":{},\"networkConfigurtion\":{},"
			    "\"lifecycleConfiguration\":{\"idle\":60},\"noSuchThing\":1}");
	assert_problem(p, "Tags", "unknown member: expected tags (names are case-sensitive)");
	assert_problem(p, "networkConfigurtion",
		       "unknown member: expected networkConfiguration, the closest name here");
	assert_problem(p, "lifecycleConfiguration.idle",
		       "unknown member: expected one of Idle timeout (s) "
		       "(idleRuntimeSessionTimeout) or Max lifetime (s) (maxLifetime)");
	assert_problem(p, "noSuchThing",
		       "unknown member: not part of the CreateAgentRuntime request: expected one "
		       "of its members, spelled as in the API");
	problems_clear(&p);
	p = test_check(def, "{" MINIMAL ",\"tags\":{\"a\":\"1\",\"a\":\"2\"},"
			    "\"description\":\"\xff\"}");
	assert_problem(p, "tags.a", "is a duplicate key: expected each key once");
	assert_problem(p, "description",
		       "is not valid UTF-8 text: expected text encoded as UTF-8");
	problems_clear(&p);
	LIVE_MSG("networkConfiguration.networkModeConfig.requireServiceS3Endpoint", "yes",
		 VS_INVALID, "\"yes\" is neither true nor false: expected true or false");
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
	assert_state(p, "filesystemConfigurations[1].sessionStorage.mountPath", VS_INVALID,
		     "already used by filesystemConfigurations[0]");
	assert_state(p, "filesystemConfigurations[2].efsAccessPoint.mountPath", VS_INVALID,
		     "not valid");
	problems_clear(&p);
	/* one trailing slash names the same folder */
	p = test_check(def,
		       "{" MINIMAL ",\"filesystemConfigurations\":["
		       "{\"sessionStorage\":{\"mountPath\":\"/mnt/data\"}},"
		       "{\"s3FilesAccessPoint\":{\"accessPointArn\":\"arn:aws:s3files:"
		       "us-east-1:123456789012:file-system/fs-0123456789abcdef01/"
		       "access-point/fsap-0123456789abcdef01\",\"mountPath\":\"/mnt/data/\"}}]}");
	assert_state(
	    p, "filesystemConfigurations[1].s3FilesAccessPoint.mountPath", VS_INVALID,
	    "\"/mnt/data/\" is already used by filesystemConfigurations[0] (\"/mnt/data\")");
	problems_clear(&p);
	/* different folders, with and without the slash, are fine */
	p = test_check(def, "{" MINIMAL ",\"filesystemConfigurations\":["
			    "{\"sessionStorage\":{\"mountPath\":\"/mnt/data\"}},"
			    "{\"sessionStorage\":{\"mountPath\":\"/mnt/data2/\"}},"
			    "{\"sessionStorage\":{\"mountPath\":\"/mnt/dat/\"}}]}");
	assert_no_problems(p);
	problems_clear(&p);
	/* a filesystem with no branch: the branches by label and by name */
	p = test_check(def, "{" MINIMAL ",\"filesystemConfigurations\":[{}]}");
	assert_state(p, "filesystemConfigurations[0]", VS_INCOMPLETE,
		     "is empty: choose one of Session storage (sessionStorage), S3 Files access "
		     "point (s3FilesAccessPoint), EFS access point (efsAccessPoint) or Capacity "
		     "provider volume (capacityProviderVolume)");
	problems_clear(&p);
	/* a member that applies only with another's value: both named */
	p = test_check(def, "{" MINIMAL ",\"networkConfiguration\":{\"networkMode\":\"PUBLIC\","
			    "\"networkModeConfig\":{\"subnets\":[\"subnet-0123456789abcdef0\"],"
			    "\"securityGroups\":[\"sg-0123456789abcdef0\"]}}}");
	assert_state(p, "networkConfiguration.networkModeConfig", VS_INVALID,
		     "only applies when Network mode (networkMode) is VPC: expected it left out, "
		     "or Network mode (networkMode) set to VPC");
	problems_clear(&p);
}

/* A capacity provider volume is defined on the capacity provider. */
static void test_capacity_volume(void **state)
{
	const char *fs = ",\"filesystemConfigurations\":[{\"sessionStorage\":{\"mountPath\":"
			 "\"/mnt/a\"}},{\"capacityProviderVolume\":{\"volumeName\":\"scratch\","
			 "\"mountPath\":\"/mnt/scratch\"}}]";
	struct problems p;
	char json[1024];

	(void)state;
	snprintf(json, sizeof json, "{" MINIMAL "%s}", fs);
	p = test_check(def, json);
	assert_state(p, "capacityProviderConfiguration", VS_INCOMPLETE,
		     "is required when a filesystem is a capacity provider volume "
		     "(filesystemConfigurations[1])");
	problems_clear(&p);
	snprintf(json, sizeof json,
		 "{" MINIMAL "%s,\"capacityProviderConfiguration\":{\"capacityProviderArn\":"
		 "\"arn:aws:bedrock-agentcore:us-east-1:123456789012:capacity-provider/"
		 "my_provider-abcdefghij\"}}",
		 fs);
	p = test_check(def, json);
	assert_no_problems(p);
	problems_clear(&p);
	/* the other kinds of filesystem need no capacity provider */
	p = test_check(def, "{" MINIMAL ",\"filesystemConfigurations\":[{\"sessionStorage\":"
			    "{\"mountPath\":\"/mnt/a\"}}]}");
	assert_no_problems(p);
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

/* Keys and member names with a newline, a quote or a backslash stay on one
 * line, escaped the same way by the walk and by the reader. */
static void test_path_escaping(void **state)
{
	struct problems p;
	struct strbuf b = {0};
	char *s;
	size_t i;

	(void)state;
	p = test_check(def, "{" MINIMAL ",\"tags\":{\"a\\nb*\":\"x\",\"x\\\"y*\":\"1\","
			    "\"back\\\\slash*\":\"v\"}}");
	assert_state(p, "tags[\"a\\nb*\"]", VS_INVALID, "key \"a\\nb*\" is not valid");
	assert_state(p, "tags[\"x\\\"y*\"]", VS_INVALID, "key \"x\\\"y*\" is not valid");
	assert_state(p, "tags[\"back\\\\slash*\"]", VS_INVALID, "key \"back\\\\slash*\" is not");
	for (i = 0; i < p.n; i++) {
		assert_null(strchr(p.v[i].path, '\n'));
		assert_null(strchr(p.v[i].message, '\n'));
	}
	problems_clear(&p);
	/* the reader's problems: a value of the wrong type, an unknown member */
	p = test_check(def, "{" MINIMAL ",\"tags\":{\"x\\\"y\":5},\"odd\\tname\":1}");
	assert_state(p, "tags[\"x\\\"y\"]", VS_INVALID, "is a number: expected text");
	assert_state(p, "[\"odd\\tname\"]", VS_INVALID, "unknown member");
	problems_clear(&p);
	validate_path_join(&b, "tags");
	validate_path_join(&b, "Name");
	validate_path_join(&b, "1st");
	validate_path_join(&b, "\x01\r");
	s = strbuf_finish(&b);
	assert_string_equal(s, "tags.Name[\"1st\"][\"\\x01\\r\"]");
	free(s);
}

/* An example is never presented as what is expected: the constraints are. */
static void test_expectations(void **state)
{
	const char *s3 = "agentRuntimeArtifact.codeConfiguration.code.s3";
	const char *ovr =
	    "authorizerConfiguration.customJWTAuthorizer.privateEndpointOverrides[0]";
	struct problems p;
	char path[256];

	(void)state;
	p = test_check(def, "{" MINIMAL ",\"description\":\"\",\"environmentVariables\":{\"\":"
			    "\"x\"}}");
	assert_state(p, "description", VS_INVALID, "is empty: expected 1 to 4096 characters");
	assert_state(p, "environmentVariables[\"\"]", VS_INVALID,
		     "key is empty: expected 1 to 100 characters (for example: LOG_LEVEL)");
	assert_no_message(p, "expected Answers");
	assert_no_message(p, "expected LOG_LEVEL");
	problems_clear(&p);
	p = test_check(def,
		       "{\"agentRuntimeName\":\"a\",\"roleArn\":\"arn:aws:iam::123456789012:"
		       "role/R\",\"agentRuntimeArtifact\":{\"codeConfiguration\":{\"code\":"
		       "{\"s3\":{\"bucket\":\"my-bucket\",\"prefix\":\"\",\"versionId\":\"ab\"}},"
		       "\"runtime\":\"PYTHON_3_12\",\"entryPoint\":[\"\"]}}}");
	snprintf(path, sizeof path, "%s.prefix", s3);
	assert_state(p, path, VS_INVALID, "is empty: expected 1 to 1024 characters");
	snprintf(path, sizeof path, "%s.versionId", s3);
	assert_state(p, path, VS_INVALID, "\"ab\" is too short: expected 3 to 1024 characters");
	assert_state(p, "agentRuntimeArtifact.codeConfiguration.entryPoint[0]", VS_INVALID,
		     "is empty: expected 1 to 128 characters");
	assert_no_message(p, "expected agents/");
	assert_no_message(p, "expected 3HL4");
	assert_no_message(p, "expected main.py");
	problems_clear(&p);
	/* a required member that is missing: what it takes, from its constraints */
	p = test_check(def, "{\"agentRuntimeName\":\"a\",\"roleArn\":\"arn:aws:iam::123456789012:"
			    "role/R\",\"agentRuntimeArtifact\":{\"codeConfiguration\":{\"code\":"
			    "{\"s3\":{\"bucket\":\"my-bucket\"}},\"runtime\":\"PYTHON_3_12\"}}}");
	snprintf(path, sizeof path, "%s.prefix", s3);
	assert_state(p, path, VS_INCOMPLETE,
		     "is required: expected 1 to 1024 characters (for example: agents/");
	assert_state(p, "agentRuntimeArtifact.codeConfiguration.entryPoint", VS_INCOMPLETE,
		     "is required: expected a list of 1 to 2 entries");
	problems_clear(&p);
	p = test_check(def, "{\"agentRuntimeName\":\"a\",\"roleArn\":\"arn:aws:iam::123456789012:"
			    "role/R\"}");
	assert_state(p, "agentRuntimeArtifact", VS_INCOMPLETE,
		     "is required: expected one of Container image (containerConfiguration) or "
		     "Code from S3 (codeConfiguration)");
	problems_clear(&p);
	snprintf(path, sizeof path, "%s.domain", ovr);
	LIVE_MSG(path, "", VS_INCOMPLETE, "is required: expected 1 to 253 characters");
	snprintf(path, sizeof path, "%s.privateEndpoint.managedVpcResource.routingDomain", ovr);
	LIVE_MSG(path, "ab", VS_INCOMPLETE, "\"ab\" is too short: expected 3 to 255 characters");
	LIVE_MSG("protocolConfiguration.serverProtocol", "", VS_INCOMPLETE,
		 "is required: expected one of MCP, HTTP, A2A or AGUI");
	LIVE_MSG("agentRuntimeArtifact.codeConfiguration.entryPoint[0]", "", VS_INCOMPLETE,
		 "is required: expected 1 to 128 characters (for example: main.py)");
}

/* "Too short" only when there are too few characters; a value long enough
 * that is a valid value's beginning is "incomplete". */
static void test_short_or_incomplete(void **state)
{
	/* 33 letters and digits, then a hyphen: long enough, cannot end so */
	const char *tok = "3f2b8c1e9a4d4e7b8c6f1d2e3f4a5b6c7-";
	struct problems p;
	char json[512];

	(void)state;
	LIVE_MSG("clientToken", tok, VS_INCOMPLETE, "is incomplete: expected 33 to 256");
	LIVE_MSG("clientToken", "abc", VS_INCOMPLETE, "\"abc\" is too short: expected 33 to 256");
	snprintf(json, sizeof json, "{" MINIMAL ",\"clientToken\":\"%s\"}", tok);
	p = test_check(def, json);
	assert_state(p, "clientToken", VS_INVALID, "is incomplete: expected 33 to 256");
	assert_no_message(p, "too short");
	problems_clear(&p);
	/* shorter than any value the pattern takes: still "too short" */
	LIVE_MSG("networkConfiguration.networkModeConfig.subnets[0]", "subnet-12", VS_INCOMPLETE,
		 "\"subnet-12\" is too short: expected subnet-");
	LIVE_MSG("authorizerConfiguration.customJWTAuthorizer.discoveryUrl",
		 "https://idp.example.com/.well-known/openid", VS_INCOMPLETE,
		 "is incomplete: expected a URL ending in /.well-known/openid-configuration");
}

/* Numbers beyond what a whole number can hold, and fractions. */
static void test_huge_numbers(void **state)
{
	const char *idle = "lifecycleConfiguration.idleRuntimeSessionTimeout";
	const char *max = "lifecycleConfiguration.maxLifetime";
	struct problems p;

	(void)state;
	LIVE_MSG(idle, "99999999999999999999", VS_INVALID, "is too large: expected 60 to 1209600");
	LIVE_MSG(idle, "-99999999999999999999", VS_INVALID,
		 "is too small: expected 60 to 1209600");
	LIVE_MSG(idle, "1209601", VS_INVALID, "1209601 is too large: expected 60 to 1209600");
	LIVE_MSG(idle, "1.5", VS_INVALID, "is not a whole number");
	p = check_doc("{" MINIMAL ",\"lifecycleConfiguration\":{\"idleRuntimeSessionTimeout\":"
		      "99999999999999999999,\"maxLifetime\":1e300}}");
	assert_state(p, idle, VS_INVALID, "is too large: expected 60 to 1209600");
	assert_state(p, max, VS_INVALID, "is too large: expected 60 to 1209600");
	assert_no_message(p, "is a number");
	problems_clear(&p);
	p = check_doc("{" MINIMAL ",\"lifecycleConfiguration\":{\"idleRuntimeSessionTimeout\":"
		      "-1e300,\"maxLifetime\":1.5}}");
	assert_state(p, idle, VS_INVALID, "is too small: expected 60 to 1209600");
	assert_state(p, max, VS_INVALID,
		     "1.5 is not a whole number: expected a whole number from 60 to 1209600");
	problems_clear(&p);
	/* botocore refuses a float for an integer member whatever its value: the
	 * reader goes by how the file writes the number */
	p = test_check(def,
		       "{" MINIMAL ",\"lifecycleConfiguration\":{\"idleRuntimeSessionTimeout\":"
		       "6e1,\"maxLifetime\":60.0},\"tags\":{\"n\":\"1.0\"}}");
	assert_state(p, idle, VS_INVALID,
		     "6e1 is not written as a whole number: expected a whole number from 60 to "
		     "1209600, in digits only");
	assert_state(p, max, VS_INVALID,
		     "60.0 is not written as a whole number: expected a whole number from 60 to "
		     "1209600, in digits only");
	assert_int_equal(p.n, 2);
	problems_clear(&p);
	p = test_check(def,
		       "{" MINIMAL ",\"lifecycleConfiguration\":{\"idleRuntimeSessionTimeout\":"
		       "600,\"maxLifetime\":3.6E+3}}");
	assert_state(p, max, VS_INVALID, "3.6E+3 is not written as a whole number");
	assert_none_at(p, idle);
	problems_clear(&p);
}

/* What the reader dropped for its type is reported once, not again as
 * missing by the rules. */
static void test_no_knock_on(void **state)
{
	const char *net = "networkConfiguration.networkModeConfig";
	const char *jwt = "authorizerConfiguration.customJWTAuthorizer";
	struct problems p;
	char path[256];

	(void)state;
	p = test_check(def, "{" MINIMAL ",\"networkConfiguration\":{\"networkMode\":\"VPC\","
			    "\"networkModeConfig\":{\"subnets\":[\"subnet-0123456789abcdef0\"],"
			    "\"securityGroups\":[1]}}}");
	snprintf(path, sizeof path, "%s.securityGroups[0]", net);
	assert_state(p, path, VS_INVALID, "is a number: expected text");
	snprintf(path, sizeof path, "%s.securityGroups", net);
	assert_none_at(p, path);
	problems_clear(&p);
	p = test_check(def, "{" MINIMAL ",\"authorizerConfiguration\":{\"foo\":{}}}");
	assert_state(p, "authorizerConfiguration.foo", VS_INVALID, "unknown member");
	assert_none_at(p, "authorizerConfiguration");
	problems_clear(&p);
	p = test_check(def, "{\"agentRuntimeName\":5,\"roleArn\":\"arn:aws:iam::123456789012:"
			    "role/R\",\"agentRuntimeArtifact\":{\"containerConfiguration\":5}}");
	assert_state(p, "agentRuntimeArtifact.containerConfiguration", VS_INVALID,
		     "is a number: expected an object");
	assert_none_at(p, "agentRuntimeArtifact");
	assert_state(p, "agentRuntimeName", VS_INVALID, "is a number: expected text");
	assert_null(find(&p, "agentRuntimeName", "required"));
	problems_clear(&p);
	p = test_check(def, JWT_START ",\"allowedAudience\":[5]}}}");
	snprintf(path, sizeof path, "%s.allowedAudience[0]", jwt);
	assert_state(p, path, VS_INVALID, "is a number: expected text");
	assert_none_at(p, jwt);
	problems_clear(&p);
	/* without the reader's problem the same gaps are reported */
	p = test_check(def, "{" MINIMAL ",\"networkConfiguration\":{\"networkMode\":\"VPC\","
			    "\"networkModeConfig\":{\"subnets\":[\"subnet-0123456789abcdef0\"],"
			    "\"securityGroups\":[]}}}");
	snprintf(path, sizeof path, "%s.securityGroups", net);
	assert_state(p, path, VS_INVALID, "is empty: expected at least 1 entry");
	assert_no_message(p, "1 entries");
	problems_clear(&p);
	p = test_check(def, JWT_START ",\"allowedAudience\":[]}}}");
	assert_state(p, jwt, VS_INCOMPLETE,
		     "checks nothing: expected at least one of Allowed audiences "
		     "(allowedAudience), Allowed clients (allowedClients), Allowed scopes "
		     "(allowedScopes) or Custom claims (customClaims)");
	problems_clear(&p);
	/* a document with an unknown branch (no reader): that alone */
	p = check_doc("{" MINIMAL ",\"authorizerConfiguration\":{\"foo\":{}}}");
	assert_state(p, "authorizerConfiguration.foo", VS_INVALID, "unknown member");
	assert_none_at(p, "authorizerConfiguration");
	problems_clear(&p);
}

/* The `expect` texts say what the patterns take (no more, no less). */
static void test_expect_texts(void **state)
{
	const char *jwt = "authorizerConfiguration.customJWTAuthorizer";
	char path[256], *m = NULL;

	(void)state;
	/* the pattern takes runs of hyphens: the text does not say "single" */
	LIVE("clientToken", "3f2b8c1e--9a4d-4e7b-8c6f-1d2e3f4a5b6c", VS_VALID);
	LIVE_MSG("clientToken", "-3f2b8c1e9a4d4e7b8c6f1d2e3f4a5b6c7", VS_INVALID,
		 "is not valid: \"-\" at character 1 is not allowed; expected 33 to 256 "
		 "letters, digits and hyphens, starting and ending with a letter or digit");
	live("clientToken", "-3f2b8c1e9a4d4e7b8c6f1d2e3f4a5b6c7", &m);
	assert_null(strstr(m, "single"));
	free(m);
	/* a scope may hold a single quote, not a double one */
	snprintf(path, sizeof path, "%s.allowedScopes[0]", jwt);
	LIVE(path, "it's", VS_VALID);
	LIVE_MSG(path, "a\"b", VS_INVALID, "other than space, \" and \\");
	/* at least 3 characters, and the text says so */
	snprintf(path, sizeof path, "%s.allowedWorkloadConfiguration.workloadIdentities[0]", jwt);
	LIVE_MSG(path, "ab", VS_INCOMPLETE, "\"ab\" is too short: expected 3 to 255 letters");
	/* a tag may hold any white space; a mount path may end in one / */
	LIVE("tags.Name", "a\tb", VS_VALID);
	LIVE_MSG("tags.Name", "a*b", VS_INVALID, "white space");
	LIVE("filesystemConfigurations[0].sessionStorage.mountPath", "/mnt/data/", VS_VALID);
	LIVE_MSG("filesystemConfigurations[0].sessionStorage.mountPath", "/mnt/a/b", VS_INVALID,
		 "and an optional /");
	/* a public image may have a digest too */
	LIVE("agentRuntimeArtifact.containerConfiguration.containerUri",
	     "public.ecr.aws/a/b:v1@sha256:abc", VS_VALID);
}

/* A refused value's message names its first offending character and where it
 * is, and the excerpt shows it however long the value (issue 13, item 21). */
static void test_offending_character(void **state)
{
	const char *hdr = "requestHeaderConfiguration.requestHeaderAllowlist[0]";
	char path[64], text[200];
	struct problems p;

	(void)state;
	LIVE_MSG(hdr, "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Abcd*", VS_INVALID,
		 "\"...-AgentCore-Runtime-Custom-Abcd*\" is not valid: \"*\" at character 45 is "
		 "not allowed; expected");
	LIVE_MSG("agentRuntimeName", "bad-name", VS_INVALID,
		 "\"bad-name\" is not valid: \"-\" at character 4 is not allowed; expected a "
		 "letter");
	LIVE_MSG("agentRuntimeName", "9bad", VS_INVALID, "\"9\" at character 1 is not allowed");
	/* in characters, not bytes; a control shown as an escape */
	LIVE_MSG("roleArn", "arn:aws-\u00e9\u00e9:iam::123456789012:rXle/a", VS_INVALID,
		 "\"X\" at character 31 is");
	LIVE_MSG("tags.Name", "ab\u00e9", VS_INVALID, "\"\u00e9\" at character 3 is");
	LIVE_MSG("agentRuntimeName", "ab\001c", VS_INVALID,
		 "\"ab\\x01c\" is not valid: \"\\x01\" at character 3 is not allowed");
	/* cut around it, with what comes after, in a long value */
	snprintf(text, sizeof text, "%s*%s", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		 "bbbbbbbbbbbbbbbbbbbb");
	LIVE_MSG("tags.Name", text, VS_INVALID,
		 "\"...aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa*bbbbbbbbb...\" is not valid: \"*\" at "
		 "character 51 is not allowed");
	/* a map key in a whole document, and a NUL */
	p = test_check(def, "{" MINIMAL ",\"tags\":{\"a\\u0000b\":\"v\",\"ok\":\"x|y\"}}");
	assert_state(p, "tags[\"a\\u0000b\"]", VS_INVALID,
		     "key \"a\\u0000b\" is not valid: \"\\u0000\" at character 2 is not allowed");
	assert_state(p, "tags.ok", VS_INVALID, "\"|\" at character 2 is not allowed");
	problems_clear(&p);
	/* a value that a longer one would make valid has no offending character */
	snprintf(path, sizeof path, "%s", "networkConfiguration.networkModeConfig.subnets[0]");
	LIVE_MSG(path, "subnet-", VS_INCOMPLETE, "too short");
}

/* Call fn on f and every field below it. */
static void each_field(const struct fnode *f, void (*fn)(const struct fnode *))
{
	size_t i;

	fn(f);
	if (f->item)
		each_field(f->item, fn);
	if (f->key)
		each_field(f->key, fn);
	if (f->value)
		each_field(f->value, fn);
	for (i = 0; i < f->nchildren; i++)
		each_field(f->children[i], fn);
}

/* Every field with a pattern says in words what it takes. */
static void check_expect(const struct fnode *f)
{
	if (f->re && !f->expect)
		fail_msg("%s has a pattern and no expect text", f->path);
}

static void test_patterns_explained(void **state)
{
	(void)state;
	each_field(def->root, check_expect);
}

/* test_check of the JSON text built in b (which is emptied). */
static struct problems check_built(struct strbuf *b)
{
	char *json = strbuf_finish(b);
	struct problems p = test_check(def, json);

	free(json);
	return p;
}

/* Append n times c. */
static void add_run(struct strbuf *b, int n, char c)
{
	while (n-- > 0)
		strbuf_addc(b, c);
}

/* Sizes of maps and sublists, and the length of map values. */
static void test_map_and_sublist_sizes(void **state)
{
	const char *jwt = "authorizerConfiguration.customJWTAuthorizer";
	struct strbuf b = {0};
	struct problems p;
	char path[256];
	int i;

	(void)state;
	p = test_check(def,
		       JWT_START ",\"allowedScopes\":[\"read\"],\"advertisedScopeMapping\":{},"
				 "\"customClaims\":[]}}}");
	snprintf(path, sizeof path, "%s.advertisedScopeMapping", jwt);
	assert_state(p, path, VS_INVALID, "is empty: expected at least 1 entry");
	snprintf(path, sizeof path, "%s.customClaims", jwt);
	assert_state(p, path, VS_INVALID, "is empty: expected at least 1 entry");
	problems_clear(&p);
	/* map values: 5001 characters of an environment variable, 257 of a tag */
	strbuf_adds(&b, "{" MINIMAL ",\"environmentVariables\":{\"A\":\"");
	add_run(&b, 5001, 'x');
	strbuf_adds(&b, "\"},\"tags\":{\"Name\":\"");
	add_run(&b, 257, 'v');
	strbuf_adds(&b, "\"}}");
	p = check_built(&b);
	assert_state(p, "environmentVariables.A", VS_INVALID,
		     "is too long: 5001 characters, at most 5000 allowed");
	assert_state(p, "tags.Name", VS_INVALID,
		     "is too long: 257 characters, at most 256 allowed");
	problems_clear(&p);
	/* one more than the maximum: 6 filesystems, 6 overrides, 11 + 11 workloads */
	strbuf_adds(&b, JWT_START ",\"allowedAudience\":[\"x\"],\"privateEndpointOverrides\":[");
	for (i = 0; i < 6; i++)
		strbuf_addf(&b,
			    "%s{\"domain\":\"d%d.example.com\",\"privateEndpoint\":{"
			    "\"selfManagedLatticeResource\":{\"resourceConfigurationIdentifier\":"
			    "\"rcfg-0123456789abcdef0\"}}}",
			    i ? "," : "", i);
	strbuf_adds(&b, "],\"allowedWorkloadConfiguration\":{\"hostingEnvironments\":[");
	for (i = 0; i < 11; i++)
		strbuf_addf(&b,
			    "%s{\"arn\":\"arn:aws:bedrock-agentcore:us-east-1:123456789012:"
			    "gateway/g%d\"}",
			    i ? "," : "", i);
	strbuf_adds(&b, "],\"workloadIdentities\":[");
	for (i = 0; i < 11; i++)
		strbuf_addf(&b, "%s\"workload_%d\"", i ? "," : "", i);
	strbuf_adds(&b, "]}}},\"filesystemConfigurations\":[");
	for (i = 0; i < 6; i++)
		strbuf_addf(&b, "%s{\"sessionStorage\":{\"mountPath\":\"/mnt/d%d\"}}",
			    i ? "," : "", i);
	strbuf_adds(&b, "]}");
	p = check_built(&b);
	assert_state(p, "filesystemConfigurations", VS_INVALID,
		     "has 6 entries: at most 5 allowed");
	snprintf(path, sizeof path, "%s.privateEndpointOverrides", jwt);
	assert_state(p, path, VS_INVALID, "has 6 entries: at most 5 allowed");
	snprintf(path, sizeof path, "%s.allowedWorkloadConfiguration.hostingEnvironments", jwt);
	assert_state(p, path, VS_INVALID, "has 11 entries: at most 10 allowed");
	snprintf(path, sizeof path, "%s.allowedWorkloadConfiguration.workloadIdentities", jwt);
	assert_state(p, path, VS_INVALID, "has 11 entries: at most 10 allowed");
	assert_int_equal(p.n, 4); /* and nothing else */
	problems_clear(&p);
}

/* A boolean given another type, from a file and in a document. */
#define VPC_S3(value)                                                                           \
	"{" MINIMAL ",\"networkConfiguration\":{\"networkMode\":\"VPC\",\"networkModeConfig\":" \
	"{\"subnets\":[\"subnet-0123456789abcdef0\"],\"securityGroups\":"                       \
	"[\"sg-0123456789abcdef0\"],\"requireServiceS3Endpoint\":" value "}}}"

static void test_boolean_type(void **state)
{
	const char *s3 = "networkConfiguration.networkModeConfig.requireServiceS3Endpoint";
	struct problems p;

	(void)state;
	p = test_check(def, VPC_S3("\"yes\""));
	assert_state(p, s3, VS_INVALID, "is text: expected true or false");
	problems_clear(&p);
	p = check_doc(VPC_S3("1"));
	assert_state(p, s3, VS_INVALID, "is a number: expected true or false");
	problems_clear(&p);
}

/* Exactly at the maximum is valid: 16 subnets and security groups, 2 entry
 * points, 50 tags and 50 environment variables at their longest, 20 headers. */
static void test_valid_at_maximum(void **state)
{
	struct strbuf b = {0};
	struct problems p;
	int i;

	(void)state;
	strbuf_adds(&b, "{" MINIMAL ",\"networkConfiguration\":{\"networkMode\":\"VPC\","
			"\"networkModeConfig\":{\"subnets\":[");
	for (i = 0; i < 16; i++)
		strbuf_addf(&b, "%s\"subnet-0123456789abcd%03d\"", i ? "," : "", i);
	strbuf_adds(&b, "],\"securityGroups\":[");
	for (i = 0; i < 16; i++)
		strbuf_addf(&b, "%s\"sg-0123456789abcd%03d\"", i ? "," : "", i);
	strbuf_adds(&b, "]}},\"tags\":{");
	for (i = 0; i < 50; i++) {
		strbuf_addf(&b, "%s\"%0128d\":\"", i ? "," : "", i);
		add_run(&b, 256, 'v');
		strbuf_adds(&b, "\"");
	}
	strbuf_adds(&b, "},\"environmentVariables\":{");
	for (i = 0; i < 50; i++) {
		strbuf_addf(&b, "%s\"V%099d\":\"", i ? "," : "", i);
		add_run(&b, 5000, 'x');
		strbuf_adds(&b, "\"");
	}
	strbuf_adds(&b, "},\"requestHeaderConfiguration\":{\"requestHeaderAllowlist\":[");
	for (i = 0; i < 20; i++)
		strbuf_addf(&b, "%s\"X-Team-%02d\"", i ? "," : "", i);
	strbuf_adds(&b, "]}}");
	p = check_built(&b);
	assert_no_problems(p);
	problems_clear(&p);
	p = test_check(def,
		       "{\"agentRuntimeName\":\"a\",\"roleArn\":\"arn:aws:iam::123456789012:"
		       "role/R\",\"agentRuntimeArtifact\":{\"codeConfiguration\":{\"code\":"
		       "{\"s3\":{\"bucket\":\"my-bucket\",\"prefix\":\"agent.zip\"}},"
		       "\"runtime\":\"PYTHON_3_12\",\"entryPoint\":[\"opentelemetry-instrument\","
		       "\"main.py\"]}}}");
	assert_no_problems(p);
	problems_clear(&p);
}

/* The rules across fields accept what they should. */
static void test_rules_accept(void **state)
{
	struct problems p;

	(void)state;
	/* EQUALS with a single value, CONTAINS with a list */
	p = test_check(def, JWT_START
		       ",\"customClaims\":[{"
		       "\"inboundTokenClaimName\":\"role\",\"inboundTokenClaimValueType\":"
		       "\"STRING\",\"authorizingClaimMatchValue\":{\"claimMatchValue\":"
		       "{\"matchValueString\":\"admin\"},\"claimMatchOperator\":\"EQUALS\"}},{"
		       "\"inboundTokenClaimName\":\"groups\",\"inboundTokenClaimValueType\":"
		       "\"STRING_ARRAY\",\"authorizingClaimMatchValue\":{\"claimMatchValue\":"
		       "{\"matchValueStringList\":[\"admins\"]},\"claimMatchOperator\":"
		       "\"CONTAINS\"}}]}}}");
	assert_no_problems(p);
	problems_clear(&p);
	/* an audience alone is something to check */
	p = test_check(def, JWT_START ",\"allowedAudience\":[\"api://agent\"]}}}");
	assert_no_problems(p);
	problems_clear(&p);
	/* Authorization may be passed on when a JWT authorizer is set */
	p = test_check(def, JWT_START ",\"allowedClients\":[\"abc\"]}},"
				      "\"requestHeaderConfiguration\":{\"requestHeaderAllowlist\":"
				      "[\"Authorization\"]}}");
	assert_no_problems(p);
	problems_clear(&p);
}

/* Every example value in forms/ is valid for its own field. */
static void check_example(const struct fnode *f)
{
	char *m = NULL;

	if (f->example && (f->kind == FK_TEXT || f->kind == FK_INTEGER || f->kind == FK_CHOICE)) {
		if (validate_scalar(f, f->example, f->path, &m) != VS_VALID)
			fail_msg("example of %s is not valid: %s", f->path, m);
	}
}

static void test_examples(void **state)
{
	(void)state;
	each_field(def->root, check_example);
}

/* validate_document appends exactly what validate_member for each top-level
 * member, then validate_rest, append: the wizard checks again only what
 * changed and must see what validate sees. On every fixture in tests/data. */
static void test_in_parts(void **state)
{
	const char *top = getenv("top_srcdir"), *dirs[] = {"valid", "invalid"};
	size_t d, i, compared = 0;

	(void)state;
	for (d = 0; d < 2; d++) {
		char *dir = xasprintf("%s/tests/data/%s", top ? top : ".", dirs[d]);
		DIR *dp = opendir(dir);
		struct dirent *e;

		assert_non_null(dp);
		while ((e = readdir(dp))) {
			size_t len = strlen(e->d_name);
			struct problems whole = {0}, parts = {0}, load = {0};
			struct document *doc = NULL;
			char *file, *cause = NULL;

			if (len < 6 || strcmp(e->d_name + len - 5, ".json"))
				continue;
			file = xasprintf("%s/%s", dir, e->d_name);
			if (formfile_load(file, def, FF_STRICT, &doc, &load, &cause) != 0) {
				free(cause);
				free(file);
				problems_clear(&load);
				continue;
			}
			validate_document(def, doc, &whole);
			for (i = 0; i < def->root->nchildren; i++)
				validate_member(def, doc, def->root->children[i], &parts);
			validate_rest(def, doc, &parts);
			if (whole.n != parts.n)
				fail_msg("%s: %zu problems whole, %zu in parts", file, whole.n,
					 parts.n);
			for (i = 0; i < whole.n; i++) {
				assert_string_equal(whole.v[i].path, parts.v[i].path);
				assert_string_equal(whole.v[i].ref, parts.v[i].ref);
				assert_string_equal(whole.v[i].message, parts.v[i].message);
				assert_int_equal(whole.v[i].state, parts.v[i].state);
			}
			compared++;
			problems_clear(&whole);
			problems_clear(&parts);
			problems_clear(&load);
			document_free(doc);
			free(file);
		}
		closedir(dp);
		free(dir);
	}
	assert_true(compared > 20);
}

/* The problems of doc as text, one per line (path and message). */
static char *problems_text(const struct document *d)
{
	struct problems p = {0};
	struct strbuf b = {0};
	size_t i;

	validate_document(def, d, &p);
	for (i = 0; i < p.n; i++)
		strbuf_addf(&b, "%s|%s|%s\n", p.v[i].path, p.v[i].ref, p.v[i].message);
	problems_clear(&p);
	return strbuf_finish(&b);
}

/* A large map's memo (validate_memo.c) is brought up to date by each
 * change: after every edit, the document that keeps it finds exactly the
 * problems a fresh copy (no memo: a whole walk) finds. Without the update
 * (the memo taken as it was), the problems made by the edits go unseen. */
static void test_map_memo(void **state)
{
	struct document *doc = document_new();
	char key[32], path[32];
	size_t i;
	/* each: entry, its new key (NULL: keep), its new value (NULL: keep) */
	static const struct {
		int entry;
		const char *key, *value;
		const char *want; /* a problem that must be there after it, or NULL */
	} edits[] = {
	    {5, NULL, "bad\x01value", "tags.k5"}, /* a value of its own */
	    {5, NULL, "fine", NULL},              /* mended */
	    {7, "k8", NULL, "duplicate key"},     /* a key twice */
	    {8, "k7", NULL, NULL},                /* swapped: once each again */
	    {9, "", NULL, "key"},                 /* a key of its own */
	    {9, "k9", NULL, NULL},                /* mended */
	    {300, "new", "v", NULL},              /* appended */
	    {301, "new", "v", "duplicate key"},   /* appended twice */
	    {301, "newer", NULL, NULL},           /* mended */
	    {-1, NULL, NULL, NULL},
	};

	(void)state;
	document_set_text(doc, "agentRuntimeName", "my_agent");
	for (i = 0; i < 300; i++) {
		snprintf(key, sizeof key, "k%zu", i);
		document_map_add(doc, "tags", key, "v");
	}
	for (i = 0; edits[i].entry >= 0; i++) {
		struct document *copy;
		char *got, *want;

		free(problems_text(doc)); /* the memo, made or brought up to date */
		snprintf(path, sizeof path, "tags[%d]", edits[i].entry);
		if (edits[i].key)
			document_map_set_key(doc, "tags", (size_t)edits[i].entry, edits[i].key);
		if (edits[i].value)
			document_set_text(doc, path, edits[i].value);
		copy = document_copy(doc);
		got = problems_text(doc);
		want = problems_text(copy);
		assert_string_equal(got, want);
		if (edits[i].want)
			assert_non_null(strstr(got, edits[i].want));
		free(got);
		free(want);
		document_free(copy);
	}
	/* more changes than the document keeps: built again */
	for (i = 0; i < 40; i++) {
		snprintf(path, sizeof path, "tags[%zu]", i);
		document_set_text(doc, path, i == 39 ? "bad\x02" : "w");
	}
	{
		char *got = problems_text(doc);

		assert_non_null(strstr(got, "tags.k39"));
		free(got);
	}
	/* an entry removed: built again */
	document_remove(doc, "tags[39]");
	{
		char *got = problems_text(doc);

		assert_null(strstr(got, "tags.k39"));
		free(got);
	}
	document_free(doc);
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
	    cmocka_unit_test(test_messages_expect),
	    cmocka_unit_test(test_filesystems),
	    cmocka_unit_test(test_capacity_volume),
	    cmocka_unit_test(test_section_filter),
	    cmocka_unit_test(test_examples),
	    cmocka_unit_test(test_map_and_sublist_sizes),
	    cmocka_unit_test(test_boolean_type),
	    cmocka_unit_test(test_valid_at_maximum),
	    cmocka_unit_test(test_rules_accept),
	    cmocka_unit_test(test_expect_texts),
	    cmocka_unit_test(test_patterns_explained),
	    cmocka_unit_test(test_path_escaping),
	    cmocka_unit_test(test_expectations),
	    cmocka_unit_test(test_short_or_incomplete),
	    cmocka_unit_test(test_huge_numbers),
	    cmocka_unit_test(test_no_knock_on),
	    cmocka_unit_test(test_in_parts),
	    cmocka_unit_test(test_java_dot),
	    cmocka_unit_test(test_restricted_headers),
	    cmocka_unit_test(test_warnings),
	    cmocka_unit_test(test_offending_character),
	    cmocka_unit_test(test_map_memo),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
