/* test_awsconfig.c: unit tests of the shared config and credentials files,
 * settings and their origins, and the AWS CLI command (awsconfig.c). */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "aws/awsconfig.h"
#include "aws/endpoint.h"
#include "base/printable.h"
#include "base/util.h"
#include "awstest.h"
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

static void origins_default(struct aws_options *o)
{
	struct aws_settings s;
	char *cause = NULL;

	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_string_equal(s.profile.value, "default");
	assert_string_equal(s.region.value, "us-west-2");
	/* timeouts: 60 s unless given; 0 is none at all, as for the AWS CLI */
	assert_true(s.connect_timeout == 60 && s.read_timeout == 60);
	aws_settings_free(&s);
	o->connect_timeout = 0;
	o->read_timeout = 2.5;
	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_true(s.connect_timeout == 0 && s.read_timeout == 2.5);
	o->connect_timeout = o->read_timeout = AWS_TIMEOUT_UNSET;
	if (!strstr(s.region.origin, "profile default"))
		fail_msg("region origin: %s", s.region.origin);
	assert_string_equal(s.endpoint.value,
			    "https://bedrock-agentcore-control.us-west-2.amazonaws.com");
	assert_int_equal(s.attempts, 3);
	aws_settings_free(&s);
}

static void origins_profile(struct aws_options *o, const char *ca)
{
	struct aws_settings s;
	char *cause = NULL;

	setenv("AWS_PROFILE", "dev", 1);
	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_string_equal(s.region.value, "eu-west-1");
	assert_string_equal(s.endpoint.value, "https://dev.example.com");
	assert_non_null(strstr(s.endpoint.origin, "profile dev"));
	assert_string_equal(s.ca_bundle.value, ca);
	assert_int_equal(s.attempts, 5);
	aws_settings_free(&s);
	/* a CA bundle that is not there is a configuration error naming its origin */
	setenv("AWS_CA_BUNDLE", "/nonexistent/ca.pem", 1);
	assert_int_equal(aws_settings_resolve(o, &s, &cause), -1);
	if (!strstr(cause, "/nonexistent/ca.pem") || !strstr(cause, "AWS_CA_BUNDLE"))
		fail_msg("missing CA bundle: %s", cause);
	free(cause);
	aws_settings_free(&s);
	setenv("AWS_CA_BUNDLE", "/tmp", 1);
	assert_int_equal(aws_settings_resolve(o, &s, &cause), -1);
	assert_non_null(strstr(cause, "is a folder"));
	free(cause);
	aws_settings_free(&s);
	unsetenv("AWS_CA_BUNDLE");
}

static void origins_environment(struct aws_options *o)
{
	struct aws_settings s;
	char *cause = NULL;

	/* the environment beats the profile; options beat the environment */
	setenv("AWS_REGION", "ap-southeast-2", 1);
	setenv("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL", "https://svc.example.com", 1);
	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_string_equal(s.region.value, "ap-southeast-2");
	assert_string_equal(s.region.origin, "AWS_REGION");
	assert_string_equal(s.endpoint.value, "https://svc.example.com");
	aws_settings_free(&s);
	setenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true", 1);
	o->region = "us-east-2";
	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_string_equal(s.region.origin, "--region");
	assert_string_equal(s.endpoint.value,
			    "https://bedrock-agentcore-control.us-east-2.amazonaws.com");
	aws_settings_free(&s);
	unsetenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
	unsetenv("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL");
	unsetenv("AWS_REGION");
	o->region = NULL;
}

static void origins_default_profile(struct aws_options *o)
{
	struct aws_settings s;
	char *cause = NULL;

	setenv("AWS_PROFILE", "fips", 1);
	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_string_equal(s.endpoint.value,
			    "https://bedrock-agentcore-control-fips.us-east-1.amazonaws.com");
	aws_settings_free(&s);
	/* AWS_PROFILE before AWS_DEFAULT_PROFILE, which is read when it is alone */
	setenv("AWS_DEFAULT_PROFILE", "dev", 1);
	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_string_equal(s.profile.value, "fips");
	assert_string_equal(s.profile.origin, "AWS_PROFILE");
	aws_settings_free(&s);
	unsetenv("AWS_PROFILE");
	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_string_equal(s.profile.value, "dev");
	assert_string_equal(s.profile.origin, "AWS_DEFAULT_PROFILE");
	aws_settings_free(&s);
	unsetenv("AWS_DEFAULT_PROFILE");
	setenv("AWS_PROFILE", "fips", 1);
}

static void origins_errors(struct aws_options *o)
{
	struct aws_settings s;
	char *cause = NULL;

	/* a profile that does not exist, a bad max attempts: clear errors */
	setenv("AWS_PROFILE", "ghost", 1);
	assert_int_equal(aws_settings_resolve(o, &s, &cause), -1);
	assert_non_null(strstr(cause, "\"ghost\""));
	free(cause);
	aws_settings_free(&s);
	unsetenv("AWS_PROFILE");
	setenv("AWS_MAX_ATTEMPTS", "zero", 1);
	assert_int_equal(aws_settings_resolve(o, &s, &cause), -1);
	assert_non_null(strstr(cause, "1 to 20"));
	free(cause);
	aws_settings_free(&s);
	unsetenv("AWS_MAX_ATTEMPTS");
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
	origins_default(&o);
	origins_profile(&o, ca);
	origins_environment(&o);
	origins_default_profile(&o);
	origins_errors(&o);
	unlink(cfg);
	free(cfg);
	unlink(ca);
	free(ca);
	free(text);
}

/* Each setting's order, one pair at a time, and the origins handed over on
 * the way: the region's origin from a profile was freed again when
 * AWS_USE_FIPS_ENDPOINT was set (a double free at exit). */
static void precedence_from_profile(struct aws_options *o)
{
	struct aws_settings s;
	char *cause = NULL;

	/* every setting from the profile, each origin owned once */
	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_string_equal(s.region.value, "eu-west-1");
	assert_non_null(strstr(s.region.origin, "profile default"));
	assert_true(s.use_fips && s.use_dualstack);
	assert_string_equal(s.endpoint.value,
			    "https://bedrock-agentcore-control-fips.eu-west-1.api.aws");
	assert_non_null(strstr(s.ca_bundle.origin, "profile default"));
	assert_non_null(strstr(s.max_attempts.origin, "profile default"));
	assert_int_equal(s.attempts, 4);
	aws_settings_free(&s);
}

static void precedence_fips_dualstack(struct aws_options *o)
{
	struct aws_settings s;
	char *cause = NULL;

	/* the FIPS and dual-stack variables beat the profile's keys, false as
	 * well as true, and leave the region's origin alone */
	setenv("AWS_USE_FIPS_ENDPOINT", "false", 1);
	setenv("AWS_USE_DUALSTACK_ENDPOINT", "false", 1);
	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_true(!s.use_fips && !s.use_dualstack);
	assert_non_null(strstr(s.region.origin, "profile default"));
	assert_string_equal(s.endpoint.value,
			    "https://bedrock-agentcore-control.eu-west-1.amazonaws.com");
	aws_settings_free(&s);
	setenv("AWS_USE_FIPS_ENDPOINT", "true", 1);
	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_true(s.use_fips && !s.use_dualstack);
	assert_string_equal(s.endpoint.value,
			    "https://bedrock-agentcore-control-fips.eu-west-1.amazonaws.com");
	aws_settings_free(&s);
	unsetenv("AWS_USE_FIPS_ENDPOINT");
	unsetenv("AWS_USE_DUALSTACK_ENDPOINT");
}

static void precedence_region(struct aws_options *o)
{
	struct aws_settings s;
	char *cause = NULL;

	/* AWS_REGION before AWS_DEFAULT_REGION, both before the profile */
	setenv("AWS_DEFAULT_REGION", "ap-south-1", 1);
	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_string_equal(s.region.value, "ap-south-1");
	assert_string_equal(s.region.origin, "AWS_DEFAULT_REGION");
	aws_settings_free(&s);
	setenv("AWS_REGION", "ca-central-1", 1);
	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_string_equal(s.region.value, "ca-central-1");
	assert_string_equal(s.region.origin, "AWS_REGION");
	aws_settings_free(&s);
	unsetenv("AWS_REGION");
	unsetenv("AWS_DEFAULT_REGION");
}

static void precedence_endpoints(struct aws_options *o)
{
	struct aws_settings s;
	char *cause = NULL;

	/* endpoints: AWS_ENDPOINT_URL beats the profile's endpoint_url, the
	 * service's variable beats AWS_ENDPOINT_URL, --endpoint-url beats both */
	setenv("AWS_PROFILE", "urls", 1);
	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_string_equal(s.endpoint.value, "https://profile.example.com");
	assert_non_null(strstr(s.endpoint.origin, "profile urls"));
	aws_settings_free(&s);
	/* a custom endpoint with FIPS is the rule set's error, said as such */
	setenv("AWS_USE_FIPS_ENDPOINT", "true", 1);
	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_null(s.endpoint.value);
	assert_non_null(s.endpoint_error);
	aws_settings_free(&s);
	unsetenv("AWS_USE_FIPS_ENDPOINT");
	setenv("AWS_ENDPOINT_URL", "https://global.example.com", 1);
	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_string_equal(s.endpoint.value, "https://global.example.com");
	assert_string_equal(s.endpoint.origin, "AWS_ENDPOINT_URL");
	aws_settings_free(&s);
	setenv("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL", "https://svc.example.com", 1);
	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_string_equal(s.endpoint.value, "https://svc.example.com");
	aws_settings_free(&s);
	o->endpoint_url = "https://option.example.com";
	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_string_equal(s.endpoint.value, "https://option.example.com");
	assert_string_equal(s.endpoint.origin, "--endpoint-url");
	aws_settings_free(&s);
	o->endpoint_url = NULL;
}

static void precedence_sts(struct aws_options *o)
{
	struct aws_settings s;
	char *cause = NULL;

	/* STS's endpoint is found the same way, with its own variable first;
	 * ignoring configured endpoints ignores them for STS as well */
	{
		const char *u;
		char *origin = NULL;

		assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
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
}

static void precedence_ignore_configured(struct aws_options *o)
{
	struct aws_settings s;
	char *cause = NULL;

	/* the profile's ignore_configured_endpoint_urls silences the variables
	 * and its own endpoint_url, but not --endpoint-url */
	setenv("AWS_PROFILE", "quiet", 1);
	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_string_equal(s.endpoint.value,
			    "https://bedrock-agentcore-control.eu-west-2.amazonaws.com");
	assert_false(s.endpoint_custom);
	aws_settings_free(&s);
	o->endpoint_url = "https://option.example.com";
	assert_int_equal(aws_settings_resolve(o, &s, &cause), 0);
	assert_string_equal(s.endpoint.value, "https://option.example.com");
	aws_settings_free(&s);
	o->endpoint_url = NULL;
}

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

	precedence_from_profile(&o);
	precedence_fips_dualstack(&o);
	precedence_region(&o);
	precedence_endpoints(&o);
	precedence_sts(&o);
	precedence_ignore_configured(&o);
	for (i = 0; i < sizeof clean / sizeof *clean; i++)
		unsetenv(clean[i]);
	unlink(cfg);
	free(cfg);
	unlink(ca);
	free(ca);
	free(text);
}

/* Values from the environment and the files are quoted in messages only
 * through the printable filter (issue 13, item 1). */
static void test_settings_messages_printable(void **state)
{
	struct aws_options o = {0};
	struct aws_settings s;
	char *cause = NULL, *why;

	(void)state;
	clear_aws_env();
	setenv("AWS_CONFIG_FILE", "/nonexistent/config", 1);
	setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials", 1);
	o.connect_timeout = o.read_timeout = -1;
	setenv("AWS_PROFILE", "p\x1b]0;pwned\x07\xc2\x9b", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), -1);
	assert_non_null(strstr(cause, "p\\x1b]0;pwned\\x07\\u009b"));
	assert_null(strchr(cause, '\x1b'));
	free(cause);
	cause = NULL;
	aws_settings_free(&s);
	unsetenv("AWS_PROFILE");
	setenv("AWS_REGION", "us-east-1\x1b]0;x\x07", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), 0);
	why = aws_settings_unusable(&s);
	assert_non_null(why);
	assert_null(strchr(why, '\x1b'));
	assert_null(strchr(why, '\x07'));
	free(why);
	aws_settings_free(&s);
	setenv("AWS_REGION", "us-east-1", 1);
	setenv("AWS_MAX_ATTEMPTS", "3\xe2\x80\xae", 1);
	assert_int_equal(aws_settings_resolve(&o, &s, &cause), -1);
	assert_non_null(strstr(cause, "\"3\\u202e\""));
	free(cause);
	aws_settings_free(&s);
	clear_aws_env();
}

/* The AWS CLI command of the cli command and the review screen. */
static void test_cli_command(void **state)
{
	struct aws_settings s = {0};
	char *cmd, *big, cwd[4096], *want;
	int from_file = -1;

	(void)state;
	/* no settings: the form only, inline */
	cmd = aws_cli_command(NULL, "create-agent-runtime", "{\"a\":\"it's\"}", "/f.json",
			      &from_file);
	assert_string_equal(cmd, "aws bedrock-agentcore-control create-agent-runtime "
				 "--cli-input-json '{\"a\":\"it'\\''s\"}'");
	assert_int_equal(from_file, 0);
	free(cmd);
	/* the settings that say where it goes; default profile and rule-made
	 * endpoint left out */
	s.region.value = "eu-west-1";
	s.profile.value = "default";
	s.endpoint.value = "https://bedrock-agentcore-control.eu-west-1.amazonaws.com";
	cmd = aws_cli_command(&s, "create-agent-runtime", "{}", "/f.json", NULL);
	assert_string_equal(cmd, "aws bedrock-agentcore-control create-agent-runtime "
				 "--cli-input-json '{}' --region 'eu-west-1'");
	free(cmd);
	s.endpoint.value = "https://127.0.0.1:4566/";
	s.endpoint_custom = 1;
	s.profile.value = "dev";
	s.ca_bundle.value = "/etc/my ca.pem";
	cmd = aws_cli_command(&s, "create-agent-runtime", "{}", "/f.json", NULL);
	assert_string_equal(
	    cmd, "aws bedrock-agentcore-control create-agent-runtime "
		 "--cli-input-json '{}' --region 'eu-west-1' --endpoint-url "
		 "'https://127.0.0.1:4566/' --profile 'dev' --ca-bundle '/etc/my ca.pem'");
	free(cmd);
	/* AWS_PROFILE=dev beside the environment's keys: the keys signed, and a
	 * --profile would make the AWS CLI use the profile's instead */
	s.env_keys = 1;
	s.ca_bundle.value = NULL;
	cmd = aws_cli_command(&s, "create-agent-runtime", "{}", "/f.json", NULL);
	assert_null(strstr(cmd, "--profile"));
	free(cmd);
	s.profile_explicit = 1; /* --profile dev: the CLI would ignore those keys too */
	cmd = aws_cli_command(&s, "create-agent-runtime", "{}", "/f.json", NULL);
	assert_non_null(strstr(cmd, "--profile 'dev'"));
	free(cmd);
	/* too large for one argument: the file, one quoted word, absolute */
	big = xmalloc(AWS_CLI_INLINE_MAX + 2);
	memset(big, 'x', AWS_CLI_INLINE_MAX + 1);
	big[AWS_CLI_INLINE_MAX + 1] = '\0';
	cmd = aws_cli_command(NULL, "create-agent-runtime", big, "/forms/it's.json", &from_file);
	assert_string_equal(cmd, "aws bedrock-agentcore-control create-agent-runtime "
				 "--cli-input-json 'file:///forms/it'\\''s.json'");
	assert_int_equal(from_file, 1);
	free(cmd);
	big[AWS_CLI_INLINE_MAX] = '\0'; /* at the limit: still inline */
	cmd = aws_cli_command(NULL, "create-agent-runtime", big, "/f.json", &from_file);
	assert_int_equal(from_file, 0);
	free(cmd);
	free(big);
	/* no JSON (the review names the saved file): relative made absolute */
	assert_non_null(getcwd(cwd, sizeof cwd));
	want = xasprintf("aws bedrock-agentcore-control create-agent-runtime --cli-input-json "
			 "'file://%s/runtime.json'",
			 cwd);
	cmd = aws_cli_command(NULL, "create-agent-runtime", NULL, "runtime.json", &from_file);
	assert_string_equal(cmd, want);
	assert_int_equal(from_file, 1);
	free(cmd);
	free(want);
}

/* What bash makes of a quoted word: the bytes printf prints. Caller frees. */
static char *bash_word(const char *quoted)
{
	char *cmd = xasprintf("printf %%s %s", quoted), *out;
	char *script = tmpfile_with(cmd);
	char *run = xasprintf("bash %s", script);
	FILE *fp = popen(run, "r");
	struct strbuf b = {0};
	char buf[512];
	size_t n;

	assert_non_null(fp);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		strbuf_add(&b, buf, n);
	assert_int_equal(pclose(fp), 0);
	strbuf_adds(&b, "");
	out = strbuf_finish(&b);
	unlink(script);
	free(script);
	free(run);
	free(cmd);
	return out;
}

/* The AWS CLI command is shown on a terminal: a value that holds what the
 * printable filter escapes is quoted as bash's $'...' with \xNN, which
 * gives back the same bytes when pasted (issue 13, item 1). */
static void test_cli_command_printable(void **state)
{
	static const char json[] = "{\"description\":\"a\xc2\x9b"
				   "31m b\xe2\x80\xae"
				   "c \x7f 'q' \\\\ \xc3\xa9\"}";
	struct aws_settings s = {0};
	char *cmd, *q, *word;
	const char *start;

	(void)state;
	s.region.value = "us-east-1\x1b]0;x\x07";
	s.profile.value = "p\xe2\x81\xa6";
	s.profile_explicit = 1;
	cmd = aws_cli_command(&s, "create-agent-runtime", json, "f.json", NULL);
	assert_false(printable_needs_escape(cmd, strlen(cmd)));
	assert_non_null(strstr(cmd, " --region $'us-east-1\\x1b]0;x\\x07'"));
	assert_non_null(strstr(cmd, " --profile $'p\\xe2\\x81\\xa6'"));
	/* the JSON comes back byte for byte through bash */
	start = strstr(cmd, "--cli-input-json ") + 17;
	q = xstrndup(start, (size_t)(strstr(start, "' --") - start) + 1);
	word = bash_word(q);
	assert_string_equal(word, json);
	free(word);
	free(q);
	free(cmd);
	/* nothing to escape: single quotes as before */
	s.region.value = "us-east-1";
	s.profile.value = "dev";
	cmd = aws_cli_command(&s, "create-agent-runtime", "{\"a\":\"it's\"}", "f.json", NULL);
	assert_non_null(
	    strstr(cmd, "--cli-input-json '{\"a\":\"it'\\''s\"}' --region 'us-east-1'"));
	free(cmd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ini),
	    cmocka_unit_test(test_settings_origins),
	    cmocka_unit_test(test_settings_precedence),
	    cmocka_unit_test(test_cli_command),
	    cmocka_unit_test(test_cli_command_printable),
	    cmocka_unit_test(test_settings_messages_printable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
