/* Unit tests of the AWS client's pure parts: config files, settings and their
 * origins, endpoint rules (with the rule set's own test cases when present),
 * credential_process and STS parsing, error parsing, retry decisions. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include "aws/http.h"
#include "base/printable.h"
#include "base/util.h"

#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "aws/endpoint.h"
#include "aws/probe.h"
#include "aws/service.h"
#include "testutil.h"

static void test_ini(void **state)
{
	const char *text =
	    "# comment\n[default]\nregion = us-west-2\n"
	    "aws_access_key_id=AKIA1  ; inline comment\n"
	    "[profile   dev]\nREGION=eu-west-1\ns3 =\n  max_concurrent_requests = 20\n"
	    "output = json\n\r\n[broken\nx = 1\nno equals sign\n[sso]\nurl = a#b\n";
	struct ini ini = {0};

	(void)state;
	ini_parse(text, strlen(text), &ini);
	assert_string_equal(ini_get(&ini, "default", "region"), "us-west-2");
	/* as botocore reads it: only whole lines are comments */
	assert_string_equal(ini_get(&ini, "default", "aws_access_key_id"),
			    "AKIA1  ; inline comment");
	assert_string_equal(ini_get(&ini, "profile dev", "region"), "eu-west-1");
	assert_string_equal(ini_get(&ini, "profile dev", "output"), "json");
	assert_null(ini_get(&ini, "profile dev", "max_concurrent_requests"));
	assert_string_equal(ini_get(&ini, "sso", "url"), "a#b"); /* no blank before # */
	assert_false(ini_has_section(&ini, "nope"));
	ini_free(&ini);
	/* continuation lines join the value above (configparser); keys indented
	 * alike stay separate keys */
	text = "[default]\ncredential_process = /usr/bin/helper\n    --profile x\n"
	       "  # a comment\n\n[indented]\n  region = us-east-1\n  output = json\n";
	ini_parse(text, strlen(text), &ini);
	assert_string_equal(ini_get(&ini, "default", "credential_process"),
			    "/usr/bin/helper\n--profile x");
	assert_string_equal(ini_get(&ini, "indented", "region"), "us-east-1");
	assert_string_equal(ini_get(&ini, "indented", "output"), "json");
	ini_free(&ini);
	/* a byte-order mark before the first section is ignored */
	text = "\xef\xbb\xbf[default]\nregion = eu-north-1\n";
	ini_parse(text, strlen(text), &ini);
	assert_string_equal(ini_get(&ini, "default", "region"), "eu-north-1");
	ini_free(&ini);
	/* nothing crashes on junk */
	ini_parse("\0\0[\n=\n[]\n=x\n", 12, &ini);
	ini_free(&ini);
}

static char *tmpfile_with(const char *text)
{
	char path[] = "/tmp/acw-ini-XXXXXX";
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return xstrdup(path);
}

static void test_settings_origins(void **state)
{
	char *ca = tmpfile_with("-----BEGIN CERTIFICATE-----\n");
	char *text = xasprintf("[default]\nregion = us-west-2\n[profile dev]\nregion = eu-west-1\n"
			       "endpoint_url = https://dev.example.com\nca_bundle = %s\n"
			       "max_attempts = 5\n[profile fips]\nregion = us-east-1\n"
			       "use_fips_endpoint = true\n",
			       ca);
	char *cfg = tmpfile_with(text);
	struct aws_options o = {NULL, NULL, NULL, NULL, AWS_TIMEOUT_UNSET, AWS_TIMEOUT_UNSET};
	struct aws_settings s;
	char *cause = NULL;

	(void)state;
	setenv("AWS_CONFIG_FILE", cfg, 1);
	setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent", 1);
	unsetenv("AWS_PROFILE");
	unsetenv("AWS_REGION");
	unsetenv("AWS_DEFAULT_REGION");
	unsetenv("AWS_ENDPOINT_URL");
	unsetenv("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL");
	unsetenv("AWS_CA_BUNDLE");
	unsetenv("AWS_MAX_ATTEMPTS");
	unsetenv("AWS_USE_FIPS_ENDPOINT");
	unsetenv("AWS_USE_DUALSTACK_ENDPOINT");
	unsetenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_string_equal(s.profile.value, "default");
	assert_string_equal(s.region.value, "us-west-2");
	/* timeouts: 60 s unless given; 0 is none at all, as for the AWS CLI */
	assert_true(s.connect_timeout == 60 && s.read_timeout == 60);
	aws_settings_free(&s);
	o.connect_timeout = 0;
	o.read_timeout = 2.5;
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_true(s.connect_timeout == 0 && s.read_timeout == 2.5);
	o.connect_timeout = o.read_timeout = AWS_TIMEOUT_UNSET;
	if (!strstr(s.region.origin, "profile default"))
		fail_msg("region origin: %s", s.region.origin);
	assert_string_equal(s.endpoint.value,
			    "https://bedrock-agentcore-control.us-west-2.amazonaws.com");
	assert_int_equal(s.attempts, 3);
	aws_settings_free(&s);

	setenv("AWS_PROFILE", "dev", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_string_equal(s.region.value, "eu-west-1");
	assert_string_equal(s.endpoint.value, "https://dev.example.com");
	assert_non_null(strstr(s.endpoint.origin, "profile dev"));
	assert_string_equal(s.ca_bundle.value, ca);
	assert_int_equal(s.attempts, 5);
	aws_settings_free(&s);
	/* a CA bundle that is not there is a configuration error naming its origin */
	setenv("AWS_CA_BUNDLE", "/nonexistent/ca.pem", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), -1);
	if (!strstr(cause, "/nonexistent/ca.pem") || !strstr(cause, "AWS_CA_BUNDLE"))
		fail_msg("missing CA bundle: %s", cause);
	free(cause);
	aws_settings_free(&s);
	setenv("AWS_CA_BUNDLE", "/tmp", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), -1);
	assert_non_null(strstr(cause, "is a folder"));
	free(cause);
	aws_settings_free(&s);
	unsetenv("AWS_CA_BUNDLE");

	/* the environment beats the profile; options beat the environment */
	setenv("AWS_REGION", "ap-southeast-2", 1);
	setenv("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL", "https://svc.example.com", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_string_equal(s.region.value, "ap-southeast-2");
	assert_string_equal(s.region.origin, "AWS_REGION");
	assert_string_equal(s.endpoint.value, "https://svc.example.com");
	aws_settings_free(&s);
	setenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true", 1);
	o.region = "us-east-2";
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_string_equal(s.region.origin, "--region");
	assert_string_equal(s.endpoint.value,
			    "https://bedrock-agentcore-control.us-east-2.amazonaws.com");
	aws_settings_free(&s);
	unsetenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
	unsetenv("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL");
	unsetenv("AWS_REGION");
	o.region = NULL;

	setenv("AWS_PROFILE", "fips", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_string_equal(s.endpoint.value,
			    "https://bedrock-agentcore-control-fips.us-east-1.amazonaws.com");
	aws_settings_free(&s);
	/* AWS_PROFILE before AWS_DEFAULT_PROFILE, which is read when it is alone */
	setenv("AWS_DEFAULT_PROFILE", "dev", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_string_equal(s.profile.value, "fips");
	assert_string_equal(s.profile.origin, "AWS_PROFILE");
	aws_settings_free(&s);
	unsetenv("AWS_PROFILE");
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_string_equal(s.profile.value, "dev");
	assert_string_equal(s.profile.origin, "AWS_DEFAULT_PROFILE");
	aws_settings_free(&s);
	unsetenv("AWS_DEFAULT_PROFILE");
	setenv("AWS_PROFILE", "fips", 1);

	/* a profile that does not exist, a bad max attempts: clear errors */
	setenv("AWS_PROFILE", "ghost", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), -1);
	assert_non_null(strstr(cause, "\"ghost\""));
	free(cause);
	aws_settings_free(&s);
	unsetenv("AWS_PROFILE");
	setenv("AWS_MAX_ATTEMPTS", "zero", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), -1);
	assert_non_null(strstr(cause, "1 to 20"));
	free(cause);
	aws_settings_free(&s);
	unsetenv("AWS_MAX_ATTEMPTS");
	unlink(cfg);
	free(cfg);
	unlink(ca);
	free(ca);
	free(text);
}

/* Each setting's order, one pair at a time, and the origins handed over on
 * the way: the region's origin from a profile was freed again when
 * AWS_USE_FIPS_ENDPOINT was set (a double free at exit). */
static void test_settings_precedence(void **state)
{
	char *ca = tmpfile_with("-----BEGIN CERTIFICATE-----\n");
	char *text = xasprintf("[default]\nregion = eu-west-1\nuse_fips_endpoint = true\n"
			       "use_dualstack_endpoint = true\nca_bundle = %s\nmax_attempts = 4\n"
			       "[profile urls]\nregion = eu-west-1\n"
			       "endpoint_url = https://profile.example.com\n"
			       "[profile quiet]\nregion = eu-west-2\n"
			       "endpoint_url = https://quiet.example.com\n"
			       "ignore_configured_endpoint_urls = true\n",
			       ca);
	char *cfg = tmpfile_with(text);
	struct aws_options o = {NULL, NULL, NULL, NULL, AWS_TIMEOUT_UNSET, AWS_TIMEOUT_UNSET};
	struct aws_settings s;
	char *cause = NULL;
	static const char *const clean[] = {"AWS_PROFILE",
					    "AWS_DEFAULT_PROFILE",
					    "AWS_REGION",
					    "AWS_DEFAULT_REGION",
					    "AWS_ENDPOINT_URL",
					    "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL",
					    "AWS_CA_BUNDLE",
					    "AWS_MAX_ATTEMPTS",
					    "AWS_USE_FIPS_ENDPOINT",
					    "AWS_USE_DUALSTACK_ENDPOINT",
					    "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof clean / sizeof *clean; i++)
		unsetenv(clean[i]);
	setenv("AWS_CONFIG_FILE", cfg, 1);
	setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent", 1);

	/* every setting from the profile, each origin owned once */
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_string_equal(s.region.value, "eu-west-1");
	assert_non_null(strstr(s.region.origin, "profile default"));
	assert_true(s.use_fips && s.use_dualstack);
	assert_string_equal(s.endpoint.value,
			    "https://bedrock-agentcore-control-fips.eu-west-1.api.aws");
	assert_non_null(strstr(s.ca_bundle.origin, "profile default"));
	assert_non_null(strstr(s.max_attempts.origin, "profile default"));
	assert_int_equal(s.attempts, 4);
	aws_settings_free(&s);

	/* the FIPS and dual-stack variables beat the profile's keys, false as
	 * well as true, and leave the region's origin alone */
	setenv("AWS_USE_FIPS_ENDPOINT", "false", 1);
	setenv("AWS_USE_DUALSTACK_ENDPOINT", "false", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_true(!s.use_fips && !s.use_dualstack);
	assert_non_null(strstr(s.region.origin, "profile default"));
	assert_string_equal(s.endpoint.value,
			    "https://bedrock-agentcore-control.eu-west-1.amazonaws.com");
	aws_settings_free(&s);
	setenv("AWS_USE_FIPS_ENDPOINT", "true", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_true(s.use_fips && !s.use_dualstack);
	assert_string_equal(s.endpoint.value,
			    "https://bedrock-agentcore-control-fips.eu-west-1.amazonaws.com");
	aws_settings_free(&s);
	unsetenv("AWS_USE_FIPS_ENDPOINT");
	unsetenv("AWS_USE_DUALSTACK_ENDPOINT");

	/* AWS_REGION before AWS_DEFAULT_REGION, both before the profile */
	setenv("AWS_DEFAULT_REGION", "ap-south-1", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_string_equal(s.region.value, "ap-south-1");
	assert_string_equal(s.region.origin, "AWS_DEFAULT_REGION");
	aws_settings_free(&s);
	setenv("AWS_REGION", "ca-central-1", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_string_equal(s.region.value, "ca-central-1");
	assert_string_equal(s.region.origin, "AWS_REGION");
	aws_settings_free(&s);
	unsetenv("AWS_REGION");
	unsetenv("AWS_DEFAULT_REGION");

	/* endpoints: AWS_ENDPOINT_URL beats the profile's endpoint_url, the
	 * service's variable beats AWS_ENDPOINT_URL, --endpoint-url beats both */
	setenv("AWS_PROFILE", "urls", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_string_equal(s.endpoint.value, "https://profile.example.com");
	assert_non_null(strstr(s.endpoint.origin, "profile urls"));
	aws_settings_free(&s);
	/* a custom endpoint with FIPS is the rule set's error, said as such */
	setenv("AWS_USE_FIPS_ENDPOINT", "true", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_null(s.endpoint.value);
	assert_non_null(s.endpoint_error);
	aws_settings_free(&s);
	unsetenv("AWS_USE_FIPS_ENDPOINT");
	setenv("AWS_ENDPOINT_URL", "https://global.example.com", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_string_equal(s.endpoint.value, "https://global.example.com");
	assert_string_equal(s.endpoint.origin, "AWS_ENDPOINT_URL");
	aws_settings_free(&s);
	setenv("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL", "https://svc.example.com", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_string_equal(s.endpoint.value, "https://svc.example.com");
	aws_settings_free(&s);
	o.endpoint_url = "https://option.example.com";
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_string_equal(s.endpoint.value, "https://option.example.com");
	assert_string_equal(s.endpoint.origin, "--endpoint-url");
	aws_settings_free(&s);
	o.endpoint_url = NULL;

	/* STS's endpoint is found the same way, with its own variable first;
	 * ignoring configured endpoints ignores them for STS as well */
	{
		const char *u;
		char *origin = NULL;

		assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
		u = aws_configured_endpoint(&s, "STS", &origin);
		assert_string_equal(u, "https://global.example.com");
		assert_string_equal(origin, "AWS_ENDPOINT_URL");
		free(origin);
		setenv("AWS_ENDPOINT_URL_STS", "https://sts.example.com", 1);
		u = aws_configured_endpoint(&s, "STS", &origin);
		assert_string_equal(u, "https://sts.example.com");
		assert_string_equal(origin, "AWS_ENDPOINT_URL_STS");
		free(origin);
		setenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true", 1);
		assert_null(aws_configured_endpoint(&s, "STS", &origin));
		assert_null(origin);
		unsetenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
		unsetenv("AWS_ENDPOINT_URL_STS");
		unsetenv("AWS_ENDPOINT_URL");
		u = aws_configured_endpoint(&s, "STS", &origin);
		assert_string_equal(u, "https://profile.example.com");
		assert_non_null(strstr(origin, "profile urls"));
		free(origin);
		aws_settings_free(&s);
		setenv("AWS_ENDPOINT_URL", "https://global.example.com", 1);
	}

	/* the profile's ignore_configured_endpoint_urls silences the variables
	 * and its own endpoint_url, but not --endpoint-url */
	setenv("AWS_PROFILE", "quiet", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_string_equal(s.endpoint.value,
			    "https://bedrock-agentcore-control.eu-west-2.amazonaws.com");
	assert_false(s.endpoint_custom);
	aws_settings_free(&s);
	o.endpoint_url = "https://option.example.com";
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	assert_string_equal(s.endpoint.value, "https://option.example.com");
	aws_settings_free(&s);
	o.endpoint_url = NULL;

	for (i = 0; i < sizeof clean / sizeof *clean; i++)
		unsetenv(clean[i]);
	unlink(cfg);
	free(cfg);
	unlink(ca);
	free(ca);
	free(text);
}

static void test_endpoint_rules(void **state)
{
	char *cause = NULL, *u;

	(void)state;
	/* Known answers, also when ../shared's endpoint-tests-1.json is not
	 * there: its cases, and what botocore 1.43 resolves (its partitions.json)
	 * for the other partitions and for STS. "!" starts an error's words. */
	static const struct {
		const char *region;
		int fips, dualstack;
		const char *custom, *control, *sts;
	} cases[] = {
	    {"us-east-1", 0, 0, NULL, "https://bedrock-agentcore-control.us-east-1.amazonaws.com",
	     "https://sts.us-east-1.amazonaws.com/"},
	    {"us-east-1", 1, 0, NULL,
	     "https://bedrock-agentcore-control-fips.us-east-1.amazonaws.com",
	     "https://sts-fips.us-east-1.amazonaws.com/"},
	    {"us-east-1", 0, 1, NULL, "https://bedrock-agentcore-control.us-east-1.api.aws",
	     "https://sts.us-east-1.api.aws/"},
	    {"us-east-1", 1, 1, NULL, "https://bedrock-agentcore-control-fips.us-east-1.api.aws",
	     "https://sts-fips.us-east-1.api.aws/"},
	    {"cn-north-1", 0, 0, NULL,
	     "https://bedrock-agentcore-control.cn-north-1.amazonaws.com.cn",
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
	    {"us-gov-east-1", 0, 0, NULL,
	     "https://bedrock-agentcore-control.us-gov-east-1.amazonaws.com",
	     "https://sts.us-gov-east-1.amazonaws.com/"},
	    {"us-gov-east-1", 1, 0, NULL,
	     "https://bedrock-agentcore-control-fips.us-gov-east-1.amazonaws.com",
	     "https://sts.us-gov-east-1.amazonaws.com/"},
	    {"us-gov-east-1", 0, 1, NULL,
	     "https://bedrock-agentcore-control.us-gov-east-1.api.aws",
	     "https://sts.us-gov-east-1.api.aws/"},
	    {"us-gov-east-1", 1, 1, NULL,
	     "https://bedrock-agentcore-control-fips.us-gov-east-1.api.aws",
	     "https://sts-fips.us-gov-east-1.api.aws/"},
	    {"us-iso-east-1", 0, 0, NULL,
	     "https://bedrock-agentcore-control.us-iso-east-1.c2s.ic.gov",
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
	    {"eusc-de-east-1", 0, 0, NULL,
	     "https://bedrock-agentcore-control.eusc-de-east-1.amazonaws.eu",
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
		skip();
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

static void test_credential_process_output(void **state)
{
	struct aws_credentials c;
	char *cause = NULL, json[512];
	time_t soon = time(NULL) + 3600;
	char when[32];

	(void)state;
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&soon));
	snprintf(json, sizeof json,
		 "{\"Version\":1,\"AccessKeyId\":\"ASIA1\",\"SecretAccessKey\":"
		 "\"s\",\"SessionToken\":\"t\",\"Expiration\":\"%s\"}",
		 when);
	assert_int_equal(credentials_parse_process(json, strlen(json), &c, &cause), 0);
	assert_string_equal(c.access_key_id, "ASIA1");
	assert_string_equal(c.session_token, "t");
	assert_true(c.expiration > time(NULL));
	credentials_free(&c);
	assert_int_equal(credentials_parse_process("{\"Version\":2}", 13, &c, &cause), -1);
	assert_non_null(strstr(cause, "Version"));
	free(cause);
	assert_int_equal(credentials_parse_process("not json", 8, &c, &cause), -1);
	free(cause);
	snprintf(json, sizeof json,
		 "{\"Version\":1,\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"s\","
		 "\"Expiration\":\"2001-01-01T00:00:00Z\"}");
	assert_int_equal(credentials_parse_process(json, strlen(json), &c, &cause), -1);
	assert_non_null(strstr(cause, "expired"));
	free(cause);
	/* UTC offsets and fractions of a second, as helpers write them */
	{
		time_t at = (time(NULL) / 60 + 120) * 60; /* two hours ahead, whole minutes */
		static const struct {
			long offset; /* seconds east of UTC */
			char sep;
			const char *zone;
		} forms[] = {
		    {0, 'T', "Z"},
		    {0, 'T', ".123456Z"},
		    {0, 'T', "+00:00"},
		    {-5 * 3600, 'T', "-05:00"},
		    {-5 * 3600, 'T', ".5-0500"},
		    {5 * 3600 + 1800, 'T', "+05:30"},
		    {3600, 'T', ",25+01"},
		    {0, ' ', "z"},
		};
		static const char *const bad[] = {
		    "2030-01-01T00:00:00+",      "2030-01-01T00:00:00+5",
		    "2030-01-01T00:00:00+05:",   "2030-01-01T00:00:00.Z",
		    "2030-01-01T00:00:00+24:00", "2030-01-01T00:00:00+01:60",
		    "2030-01-01T00:00:00Z junk", "2030-01-01",
		};
		size_t i;

		for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
			time_t local = at + forms[i].offset;
			struct tm tm;
			char day[16], hms[16];

			gmtime_r(&local, &tm);
			strftime(day, sizeof day, "%Y-%m-%d", &tm);
			strftime(hms, sizeof hms, "%H:%M:%S", &tm);
			snprintf(when, sizeof when, "%s%c%s%s", day, forms[i].sep, hms,
				 forms[i].zone);
			snprintf(json, sizeof json,
				 "{\"Version\":1,\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"s\","
				 "\"Expiration\":\"%s\"}",
				 when);
			if (credentials_parse_process(json, strlen(json), &c, &cause) != 0)
				fail_msg("%s: %s", when, cause);
			if (c.expiration != at)
				fail_msg("%s: read as %ld, want %ld", when, (long)c.expiration,
					 (long)at);
			credentials_free(&c);
		}
		/* an offset can make a time that looks future already past */
		{
			time_t local = time(NULL) + 3600;
			struct tm tm;

			gmtime_r(&local, &tm);
			strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S+02:00", &tm);
			snprintf(json, sizeof json,
				 "{\"Version\":1,\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"s\","
				 "\"Expiration\":\"%s\"}",
				 when);
			assert_int_equal(credentials_parse_process(json, strlen(json), &c, &cause),
					 -1);
			assert_non_null(strstr(cause, "expired"));
			free(cause);
		}
		for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			snprintf(json, sizeof json,
				 "{\"Version\":1,\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"s\","
				 "\"Expiration\":\"%s\"}",
				 bad[i]);
			cause = NULL;
			if (credentials_parse_process(json, strlen(json), &c, &cause) != -1 ||
			    !strstr(cause, "ISO 8601"))
				fail_msg("%s: accepted (%s)", bad[i],
					 cause ? cause : "no message");
			free(cause);
		}
	}
}

static void test_sts_xml(void **state)
{
	const char *ok =
	    "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAX"
	    "</AccessKeyId><SecretAccessKey>sec</SecretAccessKey><SessionToken>tok"
	    "</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
	    "</AssumeRoleResult></AssumeRoleResponse>";
	const char *bad = "<ErrorResponse><Error><Code>AccessDenied</Code><Message>not allowed"
			  "</Message></Error></ErrorResponse>";
	struct aws_credentials c;
	char *cause = NULL;

	(void)state;
	assert_int_equal(credentials_parse_sts(ok, strlen(ok), &c, &cause), 0);
	assert_string_equal(c.access_key_id, "ASIAX");
	assert_string_equal(c.session_token, "tok");
	credentials_free(&c);
	assert_int_equal(credentials_parse_sts(bad, strlen(bad), &c, &cause), -1);
	assert_string_equal(cause, "AccessDenied: not allowed");
	free(cause);
	bad = "<ErrorResponse><Error><Code>ValidationError</Code><Message>a &amp; b &lt;c&gt; "
	      "&#39;d&#39;</Message></Error></ErrorResponse>";
	assert_int_equal(credentials_parse_sts(bad, strlen(bad), &c, &cause), -1);
	assert_string_equal(cause, "ValidationError: a & b <c> 'd'");
	free(cause);
	assert_int_equal(credentials_parse_sts("<x", 2, &c, &cause), -1);
	free(cause);
}

static void test_mask_and_token(void **state)
{
	char *m = credentials_mask("AKIAIOSFODNN7EXAMPLE"), *t;

	(void)state;
	assert_string_equal(m, "AKIA************MPLE");
	free(m);
	m = credentials_mask("short");
	assert_string_equal(m, "****");
	free(m);
	t = service_new_token();
	/* a UUID v4 meets the clientToken rules: 33..256 and the pattern */
	assert_int_equal(strlen(t), 36);
	assert_int_equal(t[14], '4');
	assert_true(strchr("89ab", t[19]) != NULL);
	free(t);
}

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
	service_parse_error(502, NULL, "<html><body><h1>Bad Gateway</h1> from proxy</body></html>",
			    57, &e);
	assert_null(e.code);
	assert_non_null(strstr(e.message, "not JSON"));
	assert_non_null(strstr(e.message, "Bad Gateway from proxy"));
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
	/* a hostile answer cannot drive the terminal: escapes and C1 controls become blanks */
	body = "{\"__type\":\"Bad\\u001b[2J\",\"message\":\"x\\u001b]0;pwned\\u0007y\\u009bz\"}";
	service_parse_error(400, NULL, body, strlen(body), &e);
	assert_string_equal(e.code, "Bad [2J");
	assert_string_equal(e.message, "x ]0;pwned y z");
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

static void clear_aws_env(void)
{
	static const char *const names[] = {
	    "AWS_PROFILE",
	    "AWS_DEFAULT_PROFILE",
	    "AWS_REGION",
	    "AWS_DEFAULT_REGION",
	    "AWS_ENDPOINT_URL",
	    "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL",
	    "AWS_CA_BUNDLE",
	    "AWS_MAX_ATTEMPTS",
	    "AWS_USE_FIPS_ENDPOINT",
	    "AWS_USE_DUALSTACK_ENDPOINT",
	    "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
	    "AWS_ACCESS_KEY_ID",
	    "AWS_SECRET_ACCESS_KEY",
	    "AWS_SESSION_TOKEN",
	    "AWS_WEB_IDENTITY_TOKEN_FILE",
	    "AWS_ROLE_ARN",
	    "AWS_ROLE_SESSION_NAME",
	    NULL,
	};
	size_t i;

	for (i = 0; names[i]; i++)
		unsetenv(names[i]);
}

/* Resolve settings and credentials with `profile` as --profile (or NULL). */
static int resolve_creds_in(const char *profile, const char *region, struct aws_credentials *c,
			    char **cause)
{
	struct aws_options o = {0};
	struct aws_settings s;
	int r;

	o.profile = profile;
	o.region = region;
	if (aws_settings_resolve(&o, &s, cause) != 0) {
		aws_settings_free(&s);
		return -2;
	}
	r = credentials_resolve(&s, c, cause);
	aws_settings_free(&s);
	return r;
}

static int resolve_creds(const char *profile, struct aws_credentials *c, char **cause)
{
	return resolve_creds_in(profile, "us-east-1", c, cause);
}

static void test_credentials_chain(void **state)
{
	char *cfg = tmpfile_with(
	    "[default]\naws_access_key_id = AKIACONFIGFILE000001\n"
	    "aws_secret_access_key = fromconfig\n"
	    "[profile proc]\ncredential_process = printf '{\"Version\": 1, \"AccessKeyId\": "
	    "\"ASIAPROCESS000000001\", \"SecretAccessKey\": \"p\", \"SessionToken\": \"t\"}'\n"
	    "[profile procfail]\ncredential_process = echo 'token expired' >&2; exit 3\n"
	    "[profile procjunk]\ncredential_process = echo '<html>'\n"
	    "[profile role]\nrole_arn = arn:aws:iam::123456789012:role/R\n"
	    "[profile half]\naws_access_key_id = AKIAHALF\n"
	    "[profile selfrole]\nrole_arn = arn:aws:iam::123456789012:role/R\n"
	    "source_profile = selfrole\n"
	    "[profile mfa]\nrole_arn = arn:aws:iam::123456789012:role/R\n"
	    "source_profile = default\nmfa_serial = arn:aws:iam::123456789012:mfa/me\n"
	    "[profile empty]\nregion = us-east-1\n"
	    "[profile fromempty]\nrole_arn = arn:aws:iam::123456789012:role/R\n"
	    "source_profile = empty\n"
	    "[profile both]\nrole_arn = arn:aws:iam::123456789012:role/R\n"
	    "source_profile = default\ncredential_source = Environment\n"
	    "[profile ec2]\nrole_arn = arn:aws:iam::123456789012:role/R\n"
	    "credential_source = Ec2InstanceMetadata\n"
	    "[profile web]\nrole_arn = arn:aws:iam::123456789012:role/W\n"
	    "web_identity_token_file = /nonexistent/token\n"
	    "[profile deploy]\nrole_arn = arn:aws-cn:iam::123456789012:role/D\n"
	    "source_profile = default\n"
	    "[profile chain]\nrole_arn = arn:aws:iam::123456789012:role/Outer\n"
	    "source_profile = srcboth\n"
	    "[profile srcboth]\naws_access_key_id = AKIASOURCEKEYS000001\n"
	    "aws_secret_access_key = s\nrole_arn = arn:aws:iam::123456789012:role/Inner\n"
	    "source_profile = default\n"
	    "[profile procandkeys]\naws_access_key_id = AKIACONFIGFILE000002\n"
	    "aws_secret_access_key = c\ncredential_process = printf '{\"Version\": 1, "
	    "\"AccessKeyId\": \"ASIAPROCESS000000002\", \"SecretAccessKey\": \"p\"}'\n");
	char *cred = tmpfile_with("[default]\naws_access_key_id = AKIACREDENTIALSFILE1\n"
				  "aws_secret_access_key = fromcredentials\n");
	struct aws_credentials c;
	char *cause = NULL;

	(void)state;
	clear_aws_env();
	setenv("AWS_CONFIG_FILE", cfg, 1);
	setenv("AWS_SHARED_CREDENTIALS_FILE", cred, 1);

	/* the credentials file wins over the config file, as in botocore */
	assert_int_equal(resolve_creds(NULL, &c, &cause), 0);
	assert_string_equal(c.access_key_id, "AKIACREDENTIALSFILE1");
	assert_non_null(strstr(c.source, "profile default"));
	assert_null(c.session_token);
	credentials_free(&c);

	/* the environment comes first, unless --profile is given */
	setenv("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENT00001", 1);
	setenv("AWS_SECRET_ACCESS_KEY", "fromenv", 1);
	setenv("AWS_SESSION_TOKEN", "envtoken", 1);
	assert_int_equal(resolve_creds(NULL, &c, &cause), 0);
	assert_string_equal(c.access_key_id, "AKIAENVIRONMENT00001");
	assert_string_equal(c.session_token, "envtoken");
	assert_non_null(strstr(c.source, "environment"));
	credentials_free(&c);
	assert_int_equal(resolve_creds("default", &c, &cause), 0);
	assert_string_equal(c.access_key_id, "AKIACREDENTIALSFILE1");
	credentials_free(&c);
	/* AWS_PROFILE does not outrank the credential variables */
	setenv("AWS_PROFILE", "proc", 1);
	assert_int_equal(resolve_creds(NULL, &c, &cause), 0);
	assert_string_equal(c.access_key_id, "AKIAENVIRONMENT00001");
	credentials_free(&c);
	unsetenv("AWS_PROFILE");

	/* half a key pair in the environment is an error, not a silent fallback */
	unsetenv("AWS_SECRET_ACCESS_KEY");
	assert_int_equal(resolve_creds(NULL, &c, &cause), -1);
	assert_non_null(strstr(cause, "AWS_SECRET_ACCESS_KEY"));
	free(cause);
	cause = NULL;
	clear_aws_env();

	/* credential_process: run through /bin/sh, JSON Version 1 */
	assert_int_equal(resolve_creds("proc", &c, &cause), 0);
	assert_string_equal(c.access_key_id, "ASIAPROCESS000000001");
	assert_string_equal(c.session_token, "t");
	assert_string_equal(c.source, "credential_process of profile proc");
	credentials_free(&c);
	assert_int_equal(resolve_creds("procfail", &c, &cause), -1);
	if (!strstr(cause, "exit 3") || !strstr(cause, "token expired"))
		fail_msg("credential_process failure: %s", cause);
	free(cause);
	cause = NULL;
	assert_int_equal(resolve_creds("procjunk", &c, &cause), -1);
	assert_non_null(strstr(cause, "not a JSON object"));
	free(cause);
	cause = NULL;

	/* role_arn without source_profile, half a key pair in a profile */
	assert_int_equal(resolve_creds("role", &c, &cause), -1);
	assert_non_null(strstr(cause, "source_profile"));
	free(cause);
	cause = NULL;
	assert_int_equal(resolve_creds("half", &c, &cause), -1);
	assert_non_null(strstr(cause, "aws_secret_access_key"));
	free(cause);
	cause = NULL;

	/* botocore's order: credential_process before the config file's keys */
	assert_int_equal(resolve_creds("procandkeys", &c, &cause), 0);
	assert_string_equal(c.access_key_id, "ASIAPROCESS000000002");
	credentials_free(&c);
	/* role profiles that cannot work say why, before any call to STS */
	assert_int_equal(resolve_creds("selfrole", &c, &cause), -1);
	assert_non_null(strstr(cause, "has no credentials"));
	free(cause);
	assert_int_equal(resolve_creds("fromempty", &c, &cause), -1);
	assert_non_null(strstr(cause, "(empty) has no credentials"));
	free(cause);
	assert_int_equal(resolve_creds("mfa", &c, &cause), -1);
	assert_non_null(strstr(cause, "mfa_serial"));
	free(cause);
	assert_int_equal(resolve_creds("both", &c, &cause), -1);
	assert_non_null(strstr(cause, "keep one"));
	free(cause);
	assert_int_equal(resolve_creds("ec2", &c, &cause), -1);
	assert_non_null(strstr(cause, "Ec2InstanceMetadata"));
	free(cause);
	cause = NULL;

	/* web identity: from the profile (before role assumption), or the environment */
	assert_int_equal(resolve_creds("web", &c, &cause), -1);
	if (!strstr(cause, "web identity token") || !strstr(cause, "/nonexistent/token"))
		fail_msg("web identity: %s", cause);
	free(cause);
	setenv("AWS_WEB_IDENTITY_TOKEN_FILE", "/nonexistent/env-token", 1);
	assert_int_equal(resolve_creds(NULL, &c, &cause), -1);
	assert_non_null(strstr(cause, "AWS_ROLE_ARN"));
	free(cause);
	cause = NULL;
	/* botocore: each variable before the profile's setting, unless --profile */
	setenv("AWS_PROFILE", "web", 1);
	assert_int_equal(resolve_creds(NULL, &c, &cause), -1);
	if (!strstr(cause, "/nonexistent/env-token") || strstr(cause, "AWS_ROLE_ARN"))
		fail_msg("web identity, AWS_PROFILE and the variable: %s", cause);
	free(cause);
	unsetenv("AWS_PROFILE");
	assert_int_equal(resolve_creds("web", &c, &cause), -1);
	assert_non_null(strstr(cause, "/nonexistent/token:"));
	free(cause);
	cause = NULL;
	unsetenv("AWS_WEB_IDENTITY_TOKEN_FILE");

	/* STS in the region's partition: asked (through a proxy that is not
	 * there, so nothing leaves the machine) at sts.cn-north-1.amazonaws.com.cn */
	setenv("https_proxy", "http://127.0.0.1:1", 1);
	unsetenv("no_proxy");
	unsetenv("NO_PROXY");
	assert_int_equal(resolve_creds_in("deploy", "cn-north-1", &c, &cause), -1);
	if (!strstr(cause, "https://sts.cn-north-1.amazonaws.com.cn/"))
		fail_msg("STS in China: %s", cause);
	free(cause);
	cause = NULL;
	/* a source profile with keys and a role of its own lends its keys: one
	 * AssumeRole (Outer), not its role first (botocore) */
	assert_int_equal(resolve_creds("chain", &c, &cause), -1);
	if (!strstr(cause, "role/Outer for profile chain") || strstr(cause, "Inner"))
		fail_msg("source profile with keys and a role: %s", cause);
	free(cause);
	cause = NULL;
	unsetenv("https_proxy");

	/* the container provider comes last in the chain also with --profile */
	setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/creds", 1);
	assert_int_equal(resolve_creds("empty", &c, &cause), -1);
	if (!strstr(cause, "container credentials") || !strstr(cause, "127.0.0.1:1"))
		fail_msg("--profile without credentials, container provider: %s", cause);
	free(cause);
	cause = NULL;
	unsetenv("AWS_CONTAINER_CREDENTIALS_FULL_URI");

	/* nothing configured anywhere: 1, not an error */
	setenv("AWS_CONFIG_FILE", "/nonexistent", 1);
	setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent", 1);
	assert_int_equal(resolve_creds(NULL, &c, &cause), 1);
	credentials_free(&c);
	unlink(cfg);
	unlink(cred);
	free(cfg);
	free(cred);
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

/* The AWS CLI command of the cli command and the review screen. */
static void test_cli_command(void **state)
{
	struct aws_settings s = {0};
	char *cmd, *big, cwd[4096], *want;
	int from_file = -1;

	(void)state;
	/* no settings: the form only, inline */
	cmd = aws_cli_command(NULL, "{\"a\":\"it's\"}", "/f.json", &from_file);
	assert_string_equal(cmd, "aws bedrock-agentcore-control create-agent-runtime "
				 "--cli-input-json '{\"a\":\"it'\\''s\"}'");
	assert_int_equal(from_file, 0);
	free(cmd);
	/* the settings that say where it goes; default profile and rule-made
	 * endpoint left out */
	s.region.value = "eu-west-1";
	s.profile.value = "default";
	s.endpoint.value = "https://bedrock-agentcore-control.eu-west-1.amazonaws.com";
	cmd = aws_cli_command(&s, "{}", "/f.json", NULL);
	assert_string_equal(cmd, "aws bedrock-agentcore-control create-agent-runtime "
				 "--cli-input-json '{}' --region 'eu-west-1'");
	free(cmd);
	s.endpoint.value = "https://127.0.0.1:4566/";
	s.endpoint_custom = 1;
	s.profile.value = "dev";
	s.ca_bundle.value = "/etc/my ca.pem";
	cmd = aws_cli_command(&s, "{}", "/f.json", NULL);
	assert_string_equal(
	    cmd, "aws bedrock-agentcore-control create-agent-runtime "
		 "--cli-input-json '{}' --region 'eu-west-1' --endpoint-url "
		 "'https://127.0.0.1:4566/' --profile 'dev' --ca-bundle '/etc/my ca.pem'");
	free(cmd);
	/* AWS_PROFILE=dev beside the environment's keys: the keys signed, and a
	 * --profile would make the AWS CLI use the profile's instead */
	s.env_keys = 1;
	s.ca_bundle.value = NULL;
	cmd = aws_cli_command(&s, "{}", "/f.json", NULL);
	assert_null(strstr(cmd, "--profile"));
	free(cmd);
	s.profile_explicit = 1; /* --profile dev: the CLI would ignore those keys too */
	cmd = aws_cli_command(&s, "{}", "/f.json", NULL);
	assert_non_null(strstr(cmd, "--profile 'dev'"));
	free(cmd);
	/* too large for one argument: the file, one quoted word, absolute */
	big = xmalloc(AWS_CLI_INLINE_MAX + 2);
	memset(big, 'x', AWS_CLI_INLINE_MAX + 1);
	big[AWS_CLI_INLINE_MAX + 1] = '\0';
	cmd = aws_cli_command(NULL, big, "/forms/it's.json", &from_file);
	assert_string_equal(cmd, "aws bedrock-agentcore-control create-agent-runtime "
				 "--cli-input-json 'file:///forms/it'\\''s.json'");
	assert_int_equal(from_file, 1);
	free(cmd);
	big[AWS_CLI_INLINE_MAX] = '\0'; /* at the limit: still inline */
	cmd = aws_cli_command(NULL, big, "/f.json", &from_file);
	assert_int_equal(from_file, 0);
	free(cmd);
	free(big);
	/* no JSON (the review names the saved file): relative made absolute */
	assert_non_null(getcwd(cwd, sizeof cwd));
	want = xasprintf("aws bedrock-agentcore-control create-agent-runtime --cli-input-json "
			 "'file://%s/runtime.json'",
			 cwd);
	cmd = aws_cli_command(NULL, NULL, "runtime.json", &from_file);
	assert_string_equal(cmd, want);
	assert_int_equal(from_file, 1);
	free(cmd);
	free(want);
}

/* A loopback socket that accepts connections (the kernel's backlog does) and
 * never answers. Returns the fd; *port gets its port. */
static int silent_listener(int *port)
{
	struct sockaddr_in a = {0};
	socklen_t len = sizeof a;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	assert_true(fd >= 0);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	assert_int_equal(listen(fd, 4), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
	*port = ntohs(a.sin_port);
	return fd;
}

static int cancel_now(void *arg)
{
	(void)arg;
	return 1;
}

static void test_http_failures(void **state)
{
	struct headers h = {0};
	struct http_options o = {NULL, 2, 1, NULL, NULL};
	struct http_response resp;
	char *cause = NULL, *url;
	int port, fd = silent_listener(&port);
	double t0;

	(void)state;
	url = xasprintf("http://127.0.0.1:%d/runtimes/", port);
	headers_add(&h, "Host", "127.0.0.1");
	/* the read timeout: nothing comes back for 1 s */
	t0 = util_monotonic();
	assert_int_equal(http_send("PUT", url, &h, "{}", 2, &o, &resp, &cause), HTTP_TIMEOUT);
	assert_true(util_monotonic() - t0 < 3.5);
	assert_non_null(strstr(cause, "--cli-read-timeout"));
	free(cause);
	cause = NULL;
	/* the cancel hook stops a request at once */
	o.cancel = cancel_now;
	t0 = util_monotonic();
	assert_int_equal(http_send("GET", url, &h, NULL, 0, &o, &resp, &cause), HTTP_CANCELLED);
	assert_true(util_monotonic() - t0 < 1.5);
	free(cause);
	cause = NULL;
	o.cancel = NULL;
	close(fd);
	/* nobody listening any more: a connection failure, retried by the caller */
	assert_int_equal(http_send("GET", url, &h, NULL, 0, &o, &resp, &cause), HTTP_CONNECT);
	assert_int_equal(service_retry_kind(HTTP_CONNECT, 0, NULL), RETRY_TRANSIENT);
	free(cause);
	free(url);
	headers_free(&h);
}

/* A proxy that refuses every CONNECT with 501: reported as the proxy's
 * answer, and not retried (asking again gets the same answer). */
static void test_proxy_refuses_connect(void **state)
{
	struct headers h = {0};
	struct http_options o = {NULL, 5, 5, NULL, NULL};
	struct http_response resp;
	char *cause = NULL, *proxy, buf[4096];
	int port, fd = silent_listener(&port), status;
	pid_t pid;

	(void)state;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int c = accept(fd, NULL, NULL);
		static const char answer[] = "HTTP/1.1 501 Not Implemented\r\n"
					     "Content-Length: 0\r\n\r\n";

		if (c >= 0 && read(c, buf, sizeof buf) > 0 &&
		    write(c, answer, sizeof answer - 1) == (ssize_t)(sizeof answer - 1))
			_exit(0);
		_exit(1);
	}
	proxy = xasprintf("http://127.0.0.1:%d", port);
	setenv("https_proxy", proxy, 1);
	unsetenv("no_proxy");
	unsetenv("NO_PROXY");
	headers_add(&h, "Host", "bedrock-agentcore-control.us-east-1.amazonaws.com");
	assert_int_equal(
	    http_send("GET", "https://bedrock-agentcore-control.us-east-1.amazonaws.com/runtimes/",
		      &h, NULL, 0, &o, &resp, &cause),
	    HTTP_PROXY);
	if (!strstr(cause, "HTTP 501") || !strstr(cause, "https_proxy") ||
	    strstr(cause, "closed before"))
		fail_msg("proxy refusing CONNECT: %s", cause);
	assert_int_equal(service_retry_kind(HTTP_PROXY, 0, NULL), RETRY_NO);
	unsetenv("https_proxy");
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(fd);
	free(cause);
	free(proxy);
	headers_free(&h);
}

/* What a container credentials endpoint answers. */
static void test_container_answer(void **state)
{
	struct aws_credentials c;
	char *cause = NULL;
	const char *good = "{\"AccessKeyId\":\"ASIAEXAMPLE\",\"SecretAccessKey\":\"s3cr3t\","
			   "\"Token\":\"tok\",\"Expiration\":\"2099-01-01T00:00:00Z\","
			   "\"RoleArn\":\"arn:aws:iam::123456789012:role/task\"}";
	static const struct {
		const char *json, *says;
	} bad[] = {
	    {"<html>", "not a JSON object"},
	    {"{\"AccessKeyId\":\"A\"}", "lacks AccessKeyId or SecretAccessKey"},
	    {"{\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"\"}", "lacks"},
	    {"{\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"s\",\"Token\":5}", "Token is not text"},
	    {"{\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"s\",\"Expiration\":\"soon\"}",
	     "not an ISO 8601 time"},
	    {"{\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"s\",\"Expiration\":"
	     "\"2001-01-01T00:00:00Z\"}",
	     "expired at 2001-01-01T00:00:00Z"},
	};
	size_t i;

	(void)state;
	assert_int_equal(credentials_parse_container(good, strlen(good), &c, &cause), 0);
	assert_string_equal(c.access_key_id, "ASIAEXAMPLE");
	assert_string_equal(c.secret_access_key, "s3cr3t");
	assert_string_equal(c.session_token, "tok");
	assert_true(c.expiration > time(NULL));
	credentials_free(&c);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cause = NULL;
		assert_int_equal(
		    credentials_parse_container(bad[i].json, strlen(bad[i].json), &c, &cause), -1);
		if (!strstr(cause, bad[i].says))
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, cause, bad[i].says);
		assert_null(c.secret_access_key);
		free(cause);
	}
}

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
	     "not HTTPS: ftp:// [2J"},
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
	    cmocka_unit_test(test_ini),
	    cmocka_unit_test(test_settings_origins),
	    cmocka_unit_test(test_settings_precedence),
	    cmocka_unit_test(test_endpoint_rules),
	    cmocka_unit_test(test_endpoint_suite),
	    cmocka_unit_test(test_credential_process_output),
	    cmocka_unit_test(test_sts_xml),
	    cmocka_unit_test(test_mask_and_token),
	    cmocka_unit_test(test_error_parsing),
	    cmocka_unit_test(test_retry_decisions),
	    cmocka_unit_test(test_credentials_chain),
	    cmocka_unit_test(test_trace_redacts_token),
	    cmocka_unit_test(test_endpoint_with_path),
	    cmocka_unit_test(test_cli_command),
	    cmocka_unit_test(test_http_failures),
	    cmocka_unit_test(test_proxy_refuses_connect),
	    cmocka_unit_test(test_probe_openid),
	    cmocka_unit_test(test_container_answer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
