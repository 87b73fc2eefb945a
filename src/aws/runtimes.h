/* runtimes.h: the control-plane calls for runtimes that exist: list them
 * (every page), get one with its tags, update it, list its versions and
 * endpoints, move an endpoint, delete endpoints and the runtime. Shared by
 * the commands (list, get, diff, update, delete, versions, endpoints) and
 * the wizard's screens.
 *
 * Owner: the aws layer. Every call is signed and retried by service_call
 * (standard mode): a request with a clientToken (update, delete) is built
 * once and the same bytes go out on every attempt, so a retry can never
 * make a second version or a second deletion. Results are data, never
 * printed here: every text field of a struct below is safe for a terminal
 * (printable_text); the raw answers (json, get, tags) are JSON to be parsed
 * or printed through a JSON printer. Each function fills what the caller
 * passes and the caller frees it with the matching *_free; on failure
 * (-1) only *err is filled (free with service_error_free). */
#ifndef ACW_RUNTIMES_H
#define ACW_RUNTIMES_H

#include <stddef.h>

#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "aws/service.h"

/* Settings, credentials and a client for the calls below, resolved once
 * from the options (as runtime_submit resolves them). */
struct runtimes_session {
	struct aws_settings s;
	struct aws_credentials cred;
	struct service_client cl; /* its hooks (attempt, cancel, debug) may be set after */
};
/* 0, or -1 with *cause (caller frees): no Region, no endpoint, no
 * credentials, in words that say what to set. Free with runtimes_disconnect
 * either way. */
int runtimes_connect(const struct aws_options *o, struct runtimes_session *rs, char **cause);
/* The same with hooks (NULL: none) while the credentials are found (a
 * credential_process, an STS call): CREDENTIALS_CANCELLED, with *cause,
 * when hooks->cancel stopped it (its process group is stopped). The
 * session's client gets hooks->cancel as its cancel hook. */
int runtimes_connect_with(const struct aws_options *o, const struct credentials_hooks *hooks,
			  struct runtimes_session *rs, char **cause);
void runtimes_disconnect(struct runtimes_session *rs);

/* One runtime of ListAgentRuntimes, or one version of ListAgentRuntimeVersions. */
struct runtime_summary {
	char *id, *name, *version, *status, *updated, *description, *arn; /* NULL when absent */
};

/* One endpoint of ListAgentRuntimeEndpoints. */
struct runtime_endpoint {
	char *name, *status, *live_version, *target_version, *description, *updated;
};

struct runtimes_list {
	/* every page's items in one answer, as the AWS CLI prints a paginated
	 * list ({"agentRuntimes": [...]} or {"runtimeEndpoints": [...]}) */
	char *json;
	struct runtime_summary *v; /* runtimes or versions, in the service's order */
	size_t n;
	struct runtime_endpoint *ep; /* endpoints */
	size_t nep;
};
void runtimes_list_free(struct runtimes_list *l);

/* ListAgentRuntimes, every page. 0 or -1. */
int runtimes_list(const struct service_client *c, struct runtimes_list *out,
		  struct service_error *err);
/* ListAgentRuntimeVersions of runtime id, every page. */
int runtimes_versions(const struct service_client *c, const char *id, struct runtimes_list *out,
		      struct service_error *err);
/* ListAgentRuntimeEndpoints of runtime id, every page. An endpoint listed
 * without its versions (emulators) is read again with
 * GetAgentRuntimeEndpoint, so live_version is filled when the service knows it. */
int runtimes_endpoints(const struct service_client *c, const char *id, struct runtimes_list *out,
		       struct service_error *err);

/* A runtime as deployed: the GetAgentRuntime answer and, when asked for,
 * the ListTagsForResource answer for its ARN. */
struct runtime_answer {
	char *get; /* JSON */
	size_t get_len;
	char *tags; /* JSON, or NULL when not asked for */
	size_t tags_len;
	/* from the answer, safe for a terminal; NULL when absent */
	char *id, *name, *version, *status, *arn;
};
void runtimes_answer_free(struct runtime_answer *a);
/* GetAgentRuntime (and ListTagsForResource when with_tags). 0 or -1. */
int runtimes_get(const struct service_client *c, const char *id, int with_tags,
		 struct runtime_answer *out, struct service_error *err);

/* Whether err says the runtime (or endpoint) does not exist (404,
 * ResourceNotFoundException). */
int runtimes_not_found(const struct service_error *err);
/* The same from an answer's HTTP status and error code (code may be NULL),
 * for what keeps them (a runtime_outcome). */
int runtimes_missing(long status, const char *code);

/* The path a request goes to, for --dry-run and for service_call:
 * "/runtimes/ID/". Caller frees. */
char *runtimes_path(const char *id);

/* UpdateAgentRuntime: body is the request (upform_request_body, with its
 * clientToken). 0 with *resp (the answer; caller frees it with
 * http_response_free) or -1. */
int runtimes_update(const struct service_client *c, const char *id, const char *body,
		    struct http_response *resp, struct service_error *err);

/* UpdateAgentRuntimeEndpoint: point endpoint `name` at `version`. */
int runtimes_move_endpoint(const struct service_client *c, const char *id, const char *name,
			   const char *version, struct service_error *err);

/* DeleteAgentRuntimeEndpoint of endpoint `name` (never "DEFAULT": the
 * service deletes it with the runtime), then DeleteAgentRuntime. Each with
 * a clientToken of its own, the same on every attempt. 0 or -1. */
int runtimes_delete_endpoint(const struct service_client *c, const char *id, const char *name,
			     struct service_error *err);
int runtimes_delete(const struct service_client *c, const char *id, struct service_error *err);

/* What runtimes_delete_all reports and how it waits; any callback may be NULL. */
struct runtimes_delete_hooks {
	/* told before each deletion is sent: an endpoint's name, or NULL for the runtime */
	void (*deleting)(void *arg, const char *endpoint);
	/* wait secs before listing the endpoints again; non-zero stops */
	int (*pause)(void *arg, double secs);
	void *arg;
};
/* How long runtimes_delete_all waits for named endpoints to be gone. */
#define RUNTIMES_ENDPOINTS_GONE_LIMIT 300.0

/* Delete a runtime as the service requires: every named endpoint of
 * `endpoints` (from runtimes_endpoints; DEFAULT is never deleted on its
 * own: it goes with the runtime), then, once the service lists no named
 * endpoint any more (looking again from 1 s to 10 s apart, at most
 * RUNTIMES_ENDPOINTS_GONE_LIMIT seconds), the runtime. 0, or -1 with *err
 * (a pause that stopped it: err->http is HTTP_CANCELLED). The runtime is
 * then DELETING: runtime_follow with RUNTIME_WANT_GONE follows it. */
int runtimes_delete_all(const struct service_client *c, const char *id,
			const struct runtimes_list *endpoints,
			const struct runtimes_delete_hooks *h, struct service_error *err);

/* The name of the endpoint every runtime has, which follows the latest version. */
#define RUNTIMES_DEFAULT_ENDPOINT "DEFAULT"

#endif
