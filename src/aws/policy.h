/* policy.h: reading IAM policy documents and judging, without guessing,
 * whether a role's trust policy lets a service assume it and whether its
 * permissions policies allow an action on a resource.
 *
 * Owner: the aws layer. Documents are cJSON trees the caller owns; every
 * *why is a new string the caller frees (NULL when there is nothing to
 * say). The judgement has three outcomes: yes, no, and "cannot tell" (a
 * Deny that applies, a condition or policy variable this evaluator does
 * not model, NotPrincipal): the last is never turned into a yes or a no. */
#ifndef ACW_POLICY_H
#define ACW_POLICY_H

#include <cjson/cJSON.h>
#include <stddef.h>

enum policy_verdict { POLICY_NO = 0, POLICY_YES = 1, POLICY_UNKNOWN = 2 };

/* Where the role is used: conditions on aws:SourceAccount and aws:SourceArn
 * are judged against these. runtime_arn: an ARN the runtime may have
 * ("arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/NAME-*"); NULL
 * when not known. */
struct policy_context {
	const char *partition, *region, *account;
	const char *runtime_arn;
};

/* A policy document as IAM answers it: URL-encoded JSON (RFC 3986; '+' is
 * kept), or plain JSON (moto's ListRoles). NULL when neither parses.
 * Caller frees with cJSON_Delete. */
cJSON *policy_decode(const char *text);

/* IAM's wildcard match: '*' any run of characters, '?' one; icase for
 * actions. 1 match, 0 not. */
int policy_glob(const char *pattern, const char *s, int icase);

/* Does the trust policy let `service` ("bedrock-agentcore.amazonaws.com")
 * call sts:AssumeRole for the context? *why says what is missing, which
 * statement is not understood, or for yes what was confirmed. */
enum policy_verdict policy_trusts(const cJSON *doc, const char *service,
				  const struct policy_context *ctx, char **why);

/* Do the identity policies docs[0..n) allow action ("ecr:BatchGetImage") on
 * resource (an ARN, or "*")? A Deny that may apply, or an Allow whose
 * condition cannot be judged while nothing else allows, is
 * POLICY_UNKNOWN with *why naming it. */
enum policy_verdict policy_allows(const cJSON *const *docs, size_t n, const char *action,
				  const char *resource, char **why);

#endif
