/* roledocs.h: the documents of an execution role made for a form: the
 * trust policy of the AgentCore developer guide (bedrock-agentcore.amazonaws.com,
 * with aws:SourceAccount and aws:SourceArn conditions for this account and
 * Region) and a least-privilege permissions policy scoped to the form (its
 * ECR repository or S3 object, its runtime's log groups, X-Ray, metrics,
 * workload identity). For create-role and the wizard.
 *
 * Owner: the aws layer. Every function returns a new string the caller frees. */
#ifndef ACW_ROLEDOCS_H
#define ACW_ROLEDOCS_H

struct roledocs_scope {
	const char *partition, *region, *account; /* where the runtime is made */
	const char *runtime;       /* agentRuntimeName; NULL: any runtime of the account */
	const char *container_uri; /* an ECR image URI, or NULL */
	const char *bucket, *key, *version_id; /* a code object, or NULL */
};

/* The trust policy, pretty-printed JSON. */
char *roledocs_trust(const struct roledocs_scope *s);
/* The permissions policy, pretty-printed JSON. */
char *roledocs_permissions(const struct roledocs_scope *s);
/* A role name for the runtime that the BedrockAgentCoreFullAccess policy
 * may pass: "AmazonBedrockAgentCoreRuntime-NAME", at most 64 characters. */
char *roledocs_default_name(const struct roledocs_scope *s);
/* Is name a role name IAM takes ([\w+=,.@-], 1 to 64) that contains
 * BedrockAgentCore? 1 yes, 0 no. */
int roledocs_name_ok(const char *name);

#endif
