/* awsconfig.h: the AWS shared config and credentials files, and every
 * setting resolved from options, environment and profile with its origin.
 *
 * Owner: the core. Values read from the credentials file are secrets: the
 * parser keeps them in memory only and wipes them when freed. */
#ifndef ACW_AWSCONFIG_H
#define ACW_AWSCONFIG_H

#include <stddef.h>

struct ini_entry {
	char *section; /* "default", "profile dev", "dev" (as written, trimmed) */
	char *key;     /* lowercased */
	char *value;
	int line;
};

struct ini {
	struct ini_entry *v;
	size_t n, cap;
};

/* Parse INI text (never fails: lines that are not "key = value" or
 * "[section]" are skipped; indented lines under "key =" (nested settings such
 * as s3) are ignored). */
void ini_parse(const char *text, size_t len, struct ini *out);
/* Read and parse a file: 0 (a missing file is empty), -1 with *cause when it
 * exists but cannot be read or is over 1 MiB. */
int ini_load(const char *path, struct ini *out, char **cause);
/* The value of key in section, or NULL (borrowed). */
const char *ini_get(const struct ini *ini, const char *section, const char *key);
int ini_has_section(const struct ini *ini, const char *section);
/* Free, wiping every value. */
void ini_free(struct ini *ini);

/* A timeout not given on the command line. */
#define AWS_TIMEOUT_UNSET (-1.0)

/* Options given on the command line (NULL when not given). */
struct aws_options {
	const char *profile;
	const char *region;
	const char *endpoint_url;
	const char *ca_bundle;
	/* seconds; AWS_TIMEOUT_UNSET for the default (60), 0 for none at all,
	 * as the AWS CLI's --cli-connect-timeout 0 and --cli-read-timeout 0 */
	double connect_timeout, read_timeout;
};

/* One resolved value and where it came from ("--region", "AWS_REGION",
 * "profile dev in /home/me/.aws/config", "default"). */
struct setting {
	char *value;
	char *origin;
};

struct aws_settings {
	struct setting profile;  /* the profile name in use */
	struct setting region;   /* value NULL when none was found */
	struct setting endpoint; /* the URL requests go to */
	struct setting ca_bundle;
	struct setting max_attempts;
	int profile_explicit; /* --profile was given: credential variables are ignored */
	int env_keys;         /* AWS_ACCESS_KEY_ID is set, and not ignored: keys come from it */
	int endpoint_custom;  /* the endpoint was given (option, variable, profile) */
	int use_fips, use_dualstack;
	int attempts;                         /* total attempts, >= 1 */
	double connect_timeout, read_timeout; /* seconds; 0: no timeout */
	char *config_path, *credentials_path;
	struct ini config, credentials;
	char *endpoint_error; /* why no endpoint could be made (no region, FIPS + custom URL...) */
};

/* Resolve every setting as the AWS CLI does. Returns 0, or -1 with *cause
 * (caller frees) when a file cannot be read, a value is malformed, the
 * profile named by --profile or AWS_PROFILE does not exist, or the CA bundle
 * (--ca-bundle, AWS_CA_BUNDLE, ca_bundle) is not a readable file. A missing region
 * is not an error here: region.value is NULL and endpoint_error says how to
 * set one. Free with aws_settings_free. */
int aws_settings_resolve(const struct aws_options *opt, struct aws_settings *s, char **cause);
void aws_settings_free(struct aws_settings *s);

/* Why requests cannot be signed and sent with s: no Region or no endpoint
 * (endpoint_error's words, or how to set a Region), or a Region that cannot
 * go into the credential scope; NULL when s can be used. Credentials are
 * not looked at. Caller frees. */
char *aws_settings_unusable(const struct aws_settings *s);

/* The endpoint URL configured for a service as the AWS CLI finds it:
 * AWS_ENDPOINT_URL_<service> ("STS", "BEDROCK_AGENTCORE_CONTROL"), then
 * AWS_ENDPOINT_URL, then the profile's endpoint_url; none at all when
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or the profile's
 * ignore_configured_endpoint_urls is true. The URL (borrowed from the
 * environment or s) with *origin (caller frees), or NULL with *origin NULL. */
const char *aws_configured_endpoint(const struct aws_settings *s, const char *service,
				    char **origin);

/* The config-file section of a profile: "default" or "profile NAME". */
char *aws_profile_section(const char *profile);
/* A profile setting (config file first, then the credentials file for the
 * keys the CLI reads from both), or NULL; *where (may be NULL) gets the file. */
const char *aws_profile_get(const struct aws_settings *s, const char *profile, const char *key,
			    const char **where);

/* The home folder with "~" for display: "~/.aws/config". Caller frees. */
char *aws_display_path(const char *path);

/* Linux takes at most 128 KiB in one argument of a command (MAX_ARG_STRLEN);
 * a form up to this size goes inline into the AWS CLI command. */
#define AWS_CLI_INLINE_MAX (100 * 1024)

/* The AWS CLI command that sends the same request to the same place, quoted
 * for a POSIX shell, for the cli command and the review screen: `aws
 * bedrock-agentcore-control OP` (op: "create-agent-runtime",
 * "update-agent-runtime"), then --cli-input-json with json inline when it is given and at most
 * AWS_CLI_INLINE_MAX bytes, else 'file://PATH' (one word; a relative path is
 * made absolute), then --region, --endpoint-url when one is configured (not
 * made from the service's rules), --profile when it was given with --profile
 * or when a profile other than default gives the keys (not when the
 * environment's keys win over AWS_PROFILE: the AWS CLI would then use the
 * profile's keys), and --ca-bundle when one is set. s may be NULL (no settings
 * could be resolved: only the form). *from_file (may be NULL) is set to 1
 * when the file is named because json was too large or not given. Caller
 * frees. */
char *aws_cli_command(const struct aws_settings *s, const char *op, const char *json,
		      const char *path, int *from_file);

#endif
