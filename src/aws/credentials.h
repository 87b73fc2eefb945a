/* credentials.h: AWS credentials, found as the AWS CLI finds them.
 *
 * Owner: the core. Order, as botocore's chain: the environment
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN; half a pair
 * is an error; skipped with --profile), then the profile (--profile,
 * AWS_PROFILE, AWS_DEFAULT_PROFILE or default): role_arn with source_profile
 * or credential_source = Environment through STS AssumeRole (a source
 * profile with keys of its own lends them even when it has a role_arn too);
 * web identity (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN and
 * AWS_ROLE_SESSION_NAME, each before the profile's web_identity_token_file,
 * role_arn, role_session_name, and not read with --profile) through
 * AssumeRoleWithWebIdentity; static keys of the credentials file;
 * credential_process; static keys of the config file; last, when nothing
 * else gives credentials (with --profile too), the container provider (ECS
 * tasks, CodeBuild, EKS Pod Identity): AWS_CONTAINER_CREDENTIALS_
 * RELATIVE_URI on 169.254.170.2 or AWS_CONTAINER_CREDENTIALS_FULL_URI (HTTPS,
 * or HTTP to loopback or the agents' link-local addresses), with
 * AWS_CONTAINER_AUTHORIZATION_TOKEN(_FILE) as its Authorization header. STS
 * is reached at AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, or sts.REGION with
 * the partition's suffix (amazonaws.com, amazonaws.com.cn, c2s.ic.gov,
 * amazonaws.eu, ...). Secrets are never printed, logged or written, and are
 * wiped by credentials_free; the copy kept for the process (credcache.c,
 * owned there) by credentials_forget or when it is replaced. */
#ifndef ACW_CREDENTIALS_H
#define ACW_CREDENTIALS_H

#include <time.h>

struct aws_settings;

struct aws_credentials {
	char *access_key_id;
	char *secret_access_key; /* secret */
	char *session_token;     /* secret; NULL for long-term keys */
	char *source;            /* where they came from, for people: no secret in it */
	time_t expiration;       /* 0 when they do not expire */
};

/* A credential_process may run this long (seconds) before it is stopped,
 * with the whole process group it started. */
#define CREDENTIALS_PROCESS_TIMEOUT 60.0

/* What a caller may steer while credentials are found (the same style as
 * runtime.h's progress callbacks). Owned by the caller. */
struct credentials_hooks {
	/* Polled at least every 100 ms while a credential_process runs and
	 * while an STS or container request is under way; non-zero cancels
	 * (the process group is stopped). May be NULL. A curses front end
	 * reads its keys here (Esc, Ctrl-C) and returns non-zero once its
	 * SIGTERM/SIGHUP handler has set its flag. */
	int (*cancel)(void *arg);
	void *arg;
	/* Seconds a credential_process may run; 0 for the default:
	 * ACW_CREDENTIAL_PROCESS_TIMEOUT from the environment (meant for tests
	 * only), else CREDENTIALS_PROCESS_TIMEOUT. */
	double process_timeout;
};

/* The return value of credentials_resolve_with when the hooks cancelled. */
#define CREDENTIALS_CANCELLED (-2)

/* Credentials are found again when fewer than this many seconds are left
 * before they expire (botocore's mandatory refresh window): temporary ones
 * (an assumed role, a credential_process or container answer with an
 * Expiration) are never handed out, or used to sign, this close to the end. */
#define CREDENTIALS_REFRESH_AHEAD 600

/* Find credentials. Returns 0, 1 when none are configured anywhere (not an
 * error for the wizard: the form can still be filled), or -1 with *cause
 * (caller frees) when something configured fails (a credential_process that
 * exits non-zero, prints bad JSON or does not finish within its timeout, an
 * AssumeRole that is refused, ...). Every text in *cause and out->source is
 * safe for a terminal (printable_text). out is the caller's copy.
 *
 * One resolution serves the whole process (credcache.c): the credentials
 * found are kept (wiped by credentials_forget) and handed out again for the
 * same settings (profile, Region, files' contents, the AWS_* variables the
 * chain reads) until fewer than CREDENTIALS_REFRESH_AHEAD seconds are left
 * (never, for long-term keys); a call for the same settings while another
 * thread resolves them waits for that resolution and takes its answer
 * (failures too), or, when it was cancelled, resolves itself. What failed
 * or found nothing is not kept: the next call tries again. Thread-safe. */
int credentials_resolve(const struct aws_settings *s, struct aws_credentials *out, char **cause);

/* The same, with hooks (NULL: none): returns CREDENTIALS_CANCELLED, with
 * *cause saying so, when hooks->cancel asked to stop, also while waiting for
 * another thread's resolution (which goes on). That wait is bounded too: at
 * most twice the hooks' process timeout (credentials_process_seconds), then
 * -1 with *cause saying so. */
int credentials_resolve_with(const struct aws_settings *s, const struct credentials_hooks *hooks,
			     struct aws_credentials *out, char **cause);

/* The provider chain itself, run every time (nothing kept, nothing shared):
 * what credentials_resolve_with calls once for everyone. */
int credentials_resolve_uncached(const struct aws_settings *s,
				 const struct credentials_hooks *hooks,
				 struct aws_credentials *out, char **cause);

/* Drop (and wipe) the credentials kept for the process: the next
 * credentials_resolve runs the chain again. A resolution under way is not
 * affected. */
void credentials_forget(void);

/* The seconds a credential_process may run with these hooks (NULL: none):
 * hooks->process_timeout, else ACW_CREDENTIAL_PROCESS_TIMEOUT from the
 * environment (meant for tests only), else CREDENTIALS_PROCESS_TIMEOUT. */
double credentials_process_seconds(const struct credentials_hooks *hooks);

/* Wipe and free. */
void credentials_free(struct aws_credentials *c);

/* "AKIA************MPLE": the first 4 and last 4 characters. Caller frees. */
char *credentials_mask(const char *access_key_id);

/* Parse the JSON a credential_process prints (Version 1). For tests and the
 * fuzzer. Returns 0, or -1 with *cause. */
int credentials_parse_process(const char *json, size_t len, struct aws_credentials *out,
			      char **cause);

/* Parse the JSON a container credentials endpoint answers (AccessKeyId,
 * SecretAccessKey, Token, Expiration). Returns 0, or -1 with *cause. */
int credentials_parse_container(const char *json, size_t len, struct aws_credentials *out,
				char **cause);

/* Parse an STS AssumeRole XML response. Returns 0, or -1 with *cause. */
int credentials_parse_sts(const char *xml, size_t len, struct aws_credentials *out, char **cause);

#endif
