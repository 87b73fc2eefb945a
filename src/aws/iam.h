/* iam.h: the IAM calls of the account checks and of create-role: GetRole,
 * the role's inline and attached policies, CreateRole, PutRolePolicy.
 *
 * Owner: the aws layer. struct iam_role and the policy lists own what they
 * hold; free with iam_role_free / iam_policies_free. IAM is global: its
 * endpoint and signing Region come from awscall_endpoint. */
#ifndef ACW_IAM_H
#define ACW_IAM_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "aws/awscall.h"

struct iam_role {
	char *arn, *name, *path;
	cJSON *trust; /* the decoded trust policy; NULL when it could not be read */
};
void iam_role_free(struct iam_role *r);

/* The role name of a role ARN ("arn:aws:iam::1:role/path/Name" -> "Name"),
 * or NULL when arn is not a role ARN. *account (may be NULL) receives the
 * account ID. Caller frees both. */
char *iam_role_name(const char *arn, char **account);

/* Read a GetRole answer. 0, or -1 with *cause. Any bytes are safe (fuzzed). */
int iam_parse_role(const char *xml, size_t len, struct iam_role *r, char **cause);

/* GetRole. 0 with *r, or -1 with *err (NoSuchEntity when there is none). */
int iam_get_role(const struct awscall_client *c, const char *name, struct iam_role *r,
		 struct service_error *err);

/* The role's permissions: every inline policy (ListRolePolicies,
 * GetRolePolicy) and the default version of every attached one
 * (ListAttachedRolePolicies, GetPolicy, GetPolicyVersion), all pages.
 * 0 with docs[0..*n) (caller frees with iam_policies_free), or -1 with *err
 * from the first call that failed. */
struct iam_policies {
	cJSON **docs;
	char **names; /* the policy's name or ARN, for messages */
	size_t n;
};
void iam_policies_free(struct iam_policies *p);
int iam_role_policies(const struct awscall_client *c, const char *role, struct iam_policies *out,
		      struct service_error *err);

/* Send a query body (awscall_form) to IAM and parse the answer. 0 with
 * *root (caller frees with xml_free), or -1 with *err. */
struct xml_node;
int iam_call(const struct awscall_client *c, const char *body, struct xml_node **root,
	     struct service_error *err);

/* CreateRole with a trust policy (JSON text) and a description; *arn
 * (caller frees) receives the new role's ARN. 0, or -1 with *err. */
int iam_create_role(const struct awscall_client *c, const char *name, const char *trust,
		    const char *description, char **arn, struct service_error *err);
/* PutRolePolicy. 0, or -1 with *err. */
int iam_put_role_policy(const struct awscall_client *c, const char *role, const char *policy,
			const char *document, struct service_error *err);

#endif
