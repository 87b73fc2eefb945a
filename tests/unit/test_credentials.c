/* test_credentials.c: unit tests of credentials (credentials.c):
 * credential_process, STS and container answers, the provider chain,
 * masking. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "base/util.h"
#include "awstest.h"
#include "testutil.h"

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
}

/* The Expiration of a credential_process: UTC offsets and fractions of a
 * second, as helpers write them. */
static void test_credential_process_expiration(void **state)
{
	struct aws_credentials c;
	char *cause = NULL, json[512], when[32];

	(void)state;
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

static void test_mask(void **state)
{
	char *m = credentials_mask("AKIAIOSFODNN7EXAMPLE");

	(void)state;
	assert_string_equal(m, "AKIA************MPLE");
	free(m);
	m = credentials_mask("short");
	assert_string_equal(m, "****");
	free(m);
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

/* The files of the provider chain tests: a config file with a profile for
 * each case, a credentials file with a default pair. */
struct chain_files {
	char *cfg, *cred;
};

static int chain_setup(void **state)
{
	struct chain_files *f = xcalloc(1, sizeof *f);
	f->cfg = tmpfile_with(
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
	f->cred = tmpfile_with("[default]\naws_access_key_id = AKIACREDENTIALSFILE1\n"
			       "aws_secret_access_key = fromcredentials\n");

	clear_aws_env();
	setenv("AWS_CONFIG_FILE", f->cfg, 1);
	setenv("AWS_SHARED_CREDENTIALS_FILE", f->cred, 1);
	*state = f;
	return 0;
}

static int chain_teardown(void **state)
{
	struct chain_files *f = *state;

	unlink(f->cfg);
	unlink(f->cred);
	free(f->cfg);
	free(f->cred);
	free(f);
	clear_aws_env();
	return 0;
}

static void test_chain_files_and_environment(void **state)
{
	struct aws_credentials c;
	char *cause = NULL;

	(void)state;
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
}

static void test_chain_process(void **state)
{
	struct aws_credentials c;
	char *cause = NULL;

	(void)state;
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
}

static void test_chain_roles(void **state)
{
	struct aws_credentials c;
	char *cause = NULL;

	(void)state;
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
}

static void test_chain_web_identity(void **state)
{
	struct aws_credentials c;
	char *cause = NULL;

	(void)state;
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
}

static void test_chain_sts_partition(void **state)
{
	struct aws_credentials c;
	char *cause = NULL;

	(void)state;
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
}

static void test_chain_container_last(void **state)
{
	struct aws_credentials c;
	char *cause = NULL;

	(void)state;
	/* the container provider comes last in the chain also with --profile */
	setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/creds", 1);
	assert_int_equal(resolve_creds("empty", &c, &cause), -1);
	if (!strstr(cause, "container credentials") || !strstr(cause, "127.0.0.1:1"))
		fail_msg("--profile without credentials, container provider: %s", cause);
	free(cause);
	cause = NULL;
	unsetenv("AWS_CONTAINER_CREDENTIALS_FULL_URI");
}

static void test_chain_nothing(void **state)
{
	struct aws_credentials c;
	char *cause = NULL;

	(void)state;
	/* nothing configured anywhere: 1, not an error */
	setenv("AWS_CONFIG_FILE", "/nonexistent", 1);
	setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent", 1);
	assert_int_equal(resolve_creds(NULL, &c, &cause), 1);
	credentials_free(&c);
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

/* A profile name, a command and a source in messages and in the source
 * shown to people pass the printable filter (issue 13, item 1). */
static void test_credentials_printable(void **state)
{
	char *cfg =
	    tmpfile_with("[profile p\xc2\x9bq]\n"
			 "credential_process = printf '\\033]0;t\\007' >&2; exit 3\n"
			 "[profile ok\xe2\x80\xae]\ncredential_process = printf '{\"Version\": 1, "
			 "\"AccessKeyId\": \"ASIA1\", \"SecretAccessKey\": \"s\"}'\n");
	struct aws_credentials c = {0};
	char *cause = NULL;

	(void)state;
	clear_aws_env();
	setenv("AWS_CONFIG_FILE", cfg, 1);
	setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent", 1);
	assert_int_equal(resolve_creds("p\xc2\x9bq", &c, &cause), -1);
	assert_non_null(strstr(cause, "p\\u009bq"));
	assert_non_null(strstr(cause, "\\x1b]0;t\\x07"));
	assert_null(strstr(cause, "\xc2\x9b"));
	assert_null(strchr(cause, '\x1b'));
	free(cause);
	cause = NULL;
	assert_int_equal(resolve_creds("ok\xe2\x80\xae", &c, &cause), 0);
	assert_non_null(strstr(c.source, "ok\\u202e"));
	credentials_free(&c);
	unlink(cfg);
	free(cfg);
	clear_aws_env();
}

/* A profile whose credential_process is cmd, in a new config file. */
static char *process_profile(const char *cmd)
{
	char *text = xasprintf("[profile p]\ncredential_process = %s\n", cmd), *cfg;

	clear_aws_env();
	cfg = tmpfile_with(text);
	free(text);
	setenv("AWS_CONFIG_FILE", cfg, 1);
	setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent", 1);
	return cfg;
}

/* Resolve profile p with hooks; the seconds it took in *secs. */
static int resolve_hooked(const struct credentials_hooks *h, struct aws_credentials *c,
			  char **cause, double *secs)
{
	double t0 = util_monotonic();
	int r = resolve_profile_with("p", h, c, cause);

	*secs = util_monotonic() - t0;
	return r;
}

/* Is the process gone (or a zombie nobody reaped yet)? Waits up to 2 s. */
static int process_gone(pid_t pid)
{
	int i;

	for (i = 0; i < 40; i++) {
		char path[64], *stat = NULL, *cause = NULL;
		const char *close;

		snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
		if (util_read_file(path, 4096, &stat, NULL, &cause) != 0) {
			free(cause);
			return 1;
		}
		close = strrchr(stat, ')');
		if (close && close[1] == ' ' && close[2] == 'Z') {
			free(stat);
			return 1;
		}
		free(stat);
		usleep(50000);
	}
	return 0;
}

/* Issue 13, item 2: a credential_process that never exits is stopped at
 * its timeout, with a message naming the command. */
static void test_process_timeout(void **state)
{
	char *cfg = process_profile("sleep 300"), *cause = NULL;
	struct credentials_hooks h = {NULL, NULL, 1.0};
	struct aws_credentials c = {0};
	double secs;

	(void)state;
	assert_int_equal(resolve_hooked(&h, &c, &cause, &secs), -1);
	assert_true(secs >= 0.9 && secs < 3);
	assert_non_null(strstr(cause, "(sleep 300) did not finish within 1 s"));
	free(cause);
	cause = NULL;
	/* the variable for tests sets it when the hooks do not */
	h.process_timeout = 0;
	setenv("ACW_CREDENTIAL_PROCESS_TIMEOUT", "0.5", 1);
	assert_int_equal(resolve_hooked(&h, &c, &cause, &secs), -1);
	assert_true(secs >= 0.4 && secs < 2.5);
	assert_non_null(strstr(cause, "within 0.5 s"));
	free(cause);
	cause = NULL;
	/* and without hooks at all */
	assert_int_equal(resolve_hooked(NULL, &c, &cause, &secs), -1);
	assert_true(secs < 2.5);
	free(cause);
	unsetenv("ACW_CREDENTIAL_PROCESS_TIMEOUT");
	unlink(cfg);
	free(cfg);
}

/* A process that exits at once but leaves a child holding its standard
 * output open ends at the timeout too, and the child is stopped with it. */
static void test_process_child_holds_output(void **state)
{
	char pidfile[] = "/tmp/acw-pid-XXXXXX", *cmd, *cfg, *cause = NULL, *text = NULL;
	struct credentials_hooks h = {NULL, NULL, 1.0};
	struct aws_credentials c = {0};
	double secs;
	int fd = mkstemp(pidfile);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	cmd = xasprintf("sleep 300 & echo $! >%s; exit 0", pidfile);
	cfg = process_profile(cmd);
	assert_int_equal(resolve_hooked(&h, &c, &cause, &secs), -1);
	assert_true(secs >= 0.9 && secs < 3);
	assert_non_null(strstr(cause, "did not finish within 1 s"));
	assert_int_equal(util_read_file(pidfile, 100, &text, NULL, &cause), 0);
	assert_true(atoi(text) > 0);
	assert_true(process_gone((pid_t)atoi(text)));
	free(text);
	free(cause);
	unlink(pidfile);
	unlink(cfg);
	free(cfg);
	free(cmd);
}

/* A process that is stopped (as one that reads from the terminal is,
 * outside the terminal's foreground group) is reported at once, not at the
 * timeout. */
static void test_process_stopped(void **state)
{
	char *cfg = process_profile("kill -STOP $$; echo never"), *cause = NULL;
	struct credentials_hooks h = {NULL, NULL, 30};
	struct aws_credentials c = {0};
	double secs;

	(void)state;
	assert_int_equal(resolve_hooked(&h, &c, &cause, &secs), -1);
	assert_true(secs < 3);
	assert_non_null(strstr(cause, "was stopped, as when it reads from the terminal"));
	free(cause);
	unlink(cfg);
	free(cfg);
}

static int cancel_calls;
static double cancel_at, last_call, longest_gap;

/* Cancels once cancel_at (monotonic seconds) has passed; records how far
 * apart its calls come. */
static int cancel_later(void *arg)
{
	double now = util_monotonic();

	(void)arg;
	if (cancel_calls++ && now - last_call > longest_gap)
		longest_gap = now - last_call;
	last_call = now;
	return now >= cancel_at;
}

/* The cancel hook (Esc, Ctrl-C in the wizard) stops the wait, polled at
 * least every 100 ms; the answer says it was cancelled. */
static void test_process_cancel(void **state)
{
	char *cfg = process_profile("sleep 300"), *cause = NULL;
	struct credentials_hooks h = {cancel_later, NULL, 30};
	struct aws_credentials c = {0};
	double secs;

	(void)state;
	cancel_calls = 0;
	longest_gap = 0;
	cancel_at = util_monotonic() + 0.6;
	assert_int_equal(resolve_hooked(&h, &c, &cause, &secs), CREDENTIALS_CANCELLED);
	assert_true(secs >= 0.5 && secs < 1.5);
	assert_true(cancel_calls >= 5);
	if (longest_gap > 0.15)
		fail_msg("the cancel hook was not polled for %.3f s", longest_gap);
	assert_non_null(strstr(cause, "cancelled"));
	assert_non_null(strstr(cause, "sleep 300"));
	free(cause);
	unlink(cfg);
	free(cfg);
}

static volatile sig_atomic_t hangup;

static void on_hangup(int sig)
{
	(void)sig;
	hangup = 1;
}

static int cancel_on_hangup(void *arg)
{
	(void)arg;
	return hangup;
}

/* SIGHUP (or SIGTERM) while a credential_process runs: the front end's
 * handler sets its flag, its cancel hook returns it, and the wait ends. */
static void test_process_signal(void **state)
{
	char *cfg = process_profile("sleep 300"), *cause = NULL;
	struct credentials_hooks h = {cancel_on_hangup, NULL, 30};
	struct aws_credentials c = {0};
	struct sigaction sa = {0}, old;
	double secs;
	pid_t killer;

	(void)state;
	sa.sa_handler = on_hangup;
	sigemptyset(&sa.sa_mask);
	assert_int_equal(sigaction(SIGHUP, &sa, &old), 0);
	hangup = 0;
	killer = fork();
	assert_true(killer >= 0);
	if (killer == 0) {
		usleep(300000);
		kill(getppid(), SIGHUP);
		_exit(0);
	}
	assert_int_equal(resolve_hooked(&h, &c, &cause, &secs), CREDENTIALS_CANCELLED);
	assert_true(secs < 2);
	waitpid(killer, NULL, 0);
	sigaction(SIGHUP, &old, NULL);
	free(cause);
	unlink(cfg);
	free(cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_credential_process_output),
	    cmocka_unit_test(test_credential_process_expiration),
	    cmocka_unit_test(test_sts_xml),
	    cmocka_unit_test(test_mask),
	    cmocka_unit_test_setup_teardown(test_chain_files_and_environment, chain_setup,
					    chain_teardown),
	    cmocka_unit_test_setup_teardown(test_chain_process, chain_setup, chain_teardown),
	    cmocka_unit_test_setup_teardown(test_chain_roles, chain_setup, chain_teardown),
	    cmocka_unit_test_setup_teardown(test_chain_web_identity, chain_setup, chain_teardown),
	    cmocka_unit_test_setup_teardown(test_chain_sts_partition, chain_setup, chain_teardown),
	    cmocka_unit_test_setup_teardown(test_chain_container_last, chain_setup,
					    chain_teardown),
	    cmocka_unit_test_setup_teardown(test_chain_nothing, chain_setup, chain_teardown),
	    cmocka_unit_test(test_container_answer),
	    cmocka_unit_test(test_credentials_printable),
	    cmocka_unit_test(test_process_timeout),
	    cmocka_unit_test(test_process_child_holds_output),
	    cmocka_unit_test(test_process_stopped),
	    cmocka_unit_test(test_process_cancel),
	    cmocka_unit_test(test_process_signal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
