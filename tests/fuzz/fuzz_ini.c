/* Fuzz target: the shared config and credentials file parser (ini_parse),
 * then every setting resolved over that text as both files, as the commands
 * resolve them (profile, region, FIPS and dual-stack, the endpoint and its
 * rules, CA bundle, max attempts), also with the FIPS, dual-stack and
 * ignore-endpoints variables set, and the URL pieces of the endpoint.
 * Nothing is run and nothing is sent: credentials are not resolved (a
 * credential_process would run). */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "aws/awsconfig.h"
#include "aws/endpoint.h"
#include "aws/http.h"
#include "fuzz.h"

static char *file; /* AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE */
static int fd = -1;

static void remove_file(void)
{
	unlink(file);
}

/* One file for every input, and none of the variables that would win over it. */
static void set_up(void)
{
	static const char *const vars[] = {
	    "AWS_PROFILE",
	    "AWS_DEFAULT_PROFILE",
	    "AWS_REGION",
	    "AWS_DEFAULT_REGION",
	    "AWS_USE_FIPS_ENDPOINT",
	    "AWS_USE_DUALSTACK_ENDPOINT",
	    "AWS_ENDPOINT_URL",
	    "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL",
	    "AWS_CA_BUNDLE",
	    "AWS_MAX_ATTEMPTS",
	    "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
	};
	const char *tmp = getenv("TMPDIR");
	size_t i;

	file = xasprintf("%s/fuzz_ini-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	fd = mkstemp(file);
	if (fd < 0)
		abort();
	atexit(remove_file);
	setenv("AWS_CONFIG_FILE", file, 1);
	setenv("AWS_SHARED_CREDENTIALS_FILE", file, 1);
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++)
		unsetenv(vars[i]);
}

static void resolve(const char *profile)
{
	struct aws_options o = {profile, NULL, NULL, NULL, AWS_TIMEOUT_UNSET, AWS_TIMEOUT_UNSET};
	struct aws_settings s;
	char *cause = NULL;

	if (aws_settings_resolve(&o, &s, &cause) == 0) {
		(void)aws_profile_get(&s, s.profile.value, "credential_process", NULL);
		(void)aws_profile_get(&s, s.profile.value, "role_arn", NULL);
		(void)aws_profile_get(&s, s.profile.value, "aws_access_key_id", NULL);
		if (s.endpoint.value) {
			free(http_url_host(s.endpoint.value));
			free(http_url_path(s.endpoint.value));
		}
	}
	free(cause);
	aws_settings_free(&s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ini ini = {0};
	char *profile = NULL, *line = fuzz_text(data, size), *u, *cause = NULL;

	if (fd < 0)
		set_up();
	ini_parse((const char *)data, size, &ini);
	if (ini.n) {
		const char *sec = ini.v[0].section;

		(void)ini_get(&ini, sec, ini.v[0].key);
		(void)ini_has_section(&ini, ini.v[ini.n - 1].section);
		profile = xstrdup(!strncmp(sec, "profile ", 8) ? sec + 8 : sec);
	}
	ini_free(&ini);

	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
	resolve(NULL);
	if (profile && *profile)
		resolve(profile);
	/* again with the variables that win over the file's keys set (each
	 * leaves the file's other settings to be read: a region from a profile
	 * beside AWS_USE_FIPS_ENDPOINT was freed twice) */
	setenv("AWS_USE_FIPS_ENDPOINT", size & 4 ? "true" : "false", 1);
	setenv("AWS_USE_DUALSTACK_ENDPOINT", size & 8 ? "true" : "false", 1);
	if (size & 16)
		setenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true", 1);
	resolve(profile && *profile ? profile : NULL);
	unsetenv("AWS_USE_FIPS_ENDPOINT");
	unsetenv("AWS_USE_DUALSTACK_ENDPOINT");
	unsetenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
	free(profile);

	/* the endpoint rules on the first line, as a region and as a custom URL */
	line[strcspn(line, "\n")] = '\0';
	u = endpoint_resolve(line, size & 1, size & 2, NULL, &cause);
	free(u);
	free(cause);
	cause = NULL;
	u = endpoint_resolve("us-east-1", 0, 0, line, &cause);
	free(u);
	free(cause);
	free(http_url_host(line));
	free(http_url_path(line));
	free(line);
	return 0;
}
