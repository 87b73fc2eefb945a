/* awscall.h: signed calls to the services the account checks ask (STS, IAM,
 * ECR, EC2, S3, and the AgentCore control plane's list calls): where each
 * service's endpoint is, signing (S3's rules included), retries as the
 * control plane's calls do (service_retry_kind, service_backoff), errors
 * parsed as service_parse_error does.
 *
 * Owner: the aws layer. A client borrows the settings and credentials it is
 * given; they must outlive it. One client may be used from several threads
 * at once (each request takes its own libcurl handle); the credentials are
 * only read. Every returned string is the caller's to free. */
#ifndef ACW_AWSCALL_H
#define ACW_AWSCALL_H

#include <stddef.h>
#include <time.h>

#include "aws/http.h"
#include "aws/service.h"

struct aws_settings;
struct aws_credentials;
struct aws_options;

enum aws_service { AWS_STS, AWS_IAM, AWS_ECR, AWS_EC2, AWS_S3, AWS_AGENTCORE };

struct awscall_client {
	const struct aws_settings *settings;
	const struct aws_credentials *creds;
	int (*cancel)(void *arg); /* non-zero cancels a call (polled); may be NULL */
	void *arg;
	int debug;       /* print each canonical request and string to sign to stderr */
	double deadline; /* util_monotonic() after which no attempt starts; 0: none */
};

struct awscall_request {
	enum aws_service service;
	const char *method; /* "GET", "POST" */
	const char *region; /* the Region to call (an image's, a bucket's); NULL: the settings' */
	const char *bucket; /* S3: the bucket, then path is the key (unencoded, may be "");
			     * NULL for calls to the service itself (ListBuckets) */
	const char *path;   /* as on the request line ("/", "/runtimes/"); S3: the key */
	const char *query;  /* encoded, without '?'; NULL when none */
	const char *body;   /* NULL when none */
	const char *content_type;
	const char *target; /* X-Amz-Target (JSON protocols) or NULL */
	const char *range;  /* Range header or NULL */
};

/* The endpoint URL of a service for region (NULL: the settings' Region) as
 * the AWS CLI finds it: AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the
 * profile's endpoint_url, else the service's rules with FIPS and dual-stack
 * (IAM's global endpoint, signed for us-east-1; aws-cn and aws-us-gov have
 * their own). The control plane's is the settings' endpoint. *signing_region
 * (caller frees) receives the Region to sign for, *origin (may be NULL;
 * caller frees) where the URL came from. NULL with *cause when none can be
 * made. */
char *awscall_endpoint(const struct aws_settings *s, enum aws_service svc, const char *region,
		       char **signing_region, char **origin, char **cause);

/* Settings and credentials for account calls: aws_settings_resolve,
 * aws_settings_unusable and credentials_resolve in turn. 0, or -1 with
 * *cause (caller frees) saying what is missing or wrong (no credentials at
 * all included). The caller frees s and c in either case. */
int awscall_setup(const struct aws_options *o, struct aws_settings *s, struct aws_credentials *c,
		  char **cause);
/* The same with hooks (NULL: none) while the credentials are found:
 * CREDENTIALS_CANCELLED, with *cause, when they stopped it. */
struct credentials_hooks;
int awscall_setup_with(const struct aws_options *o, const struct credentials_hooks *h,
		       struct aws_settings *s, struct aws_credentials *c, char **cause);

/* The signing name of a service ("sts", "iam", "ecr", "ec2", "s3",
 * "bedrock-agentcore"). */
const char *awscall_signing_name(enum aws_service svc);

/* Send a request with retries. Returns 0 with *resp (a 2xx answer; caller
 * frees with http_response_free), or -1 with *err (caller frees with
 * service_error_free): err->transport for no answer, else the service's
 * code and message. */
int awscall_send(const struct awscall_client *c, const struct awscall_request *r,
		 struct http_response *resp, struct service_error *err);

/* The URL and the signed headers of a request at time t, as awscall_send
 * sends them (for tests and a dry run). 0 with *url and *h (caller frees
 * both: free, headers_free), or -1 with *cause. */
int awscall_prepare(const struct awscall_client *c, const struct awscall_request *r, time_t t,
		    char **url, struct headers *h, char **cause);

/* A query-protocol body: "Action=A&Version=V" then each NAME, VALUE pair of
 * the NULL-terminated list, values encoded as RFC 3986 says. Caller frees. */
char *awscall_form(const char *action, const char *version, ...);
/* Append "&name=value" (value encoded) to a body made by awscall_form. */
char *awscall_form_add(char *body, const char *name, const char *value);

/* Is err a refusal for lack of permission (AccessDenied, AccessDeniedException,
 * UnauthorizedOperation, or 403 without a code)? */
int awscall_denied(const struct service_error *err);
/* Are err's credentials refused as such (InvalidClientTokenId,
 * SignatureDoesNotMatch, ExpiredToken, AuthFailure, ...)? */
int awscall_auth_failed(const struct service_error *err);

#endif
