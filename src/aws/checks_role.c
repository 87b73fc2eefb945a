/* checks_role.c: the execution role: it exists, trusts bedrock-agentcore for
 * this account and Region, and its policies allow pulling the image (or
 * reading the code object) and writing logs. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "aws/checks_int.h"
#include "aws/ecr.h"
#include "aws/iam.h"
#include "aws/policy.h"
#include "base/util.h"

#define SERVICE_PRINCIPAL "bedrock-agentcore.amazonaws.com"
#define POLICY_CALLS                                                              \
	"iam:ListRolePolicies, iam:GetRolePolicy, iam:ListAttachedRolePolicies, " \
	"iam:GetPolicy and iam:GetPolicyVersion"

struct need {
	const char *action;
	char *resource;
};

/* Judge a set of actions; one finding for the set. */
static void judge(struct check_ctx *c, const struct iam_policies *p, const struct need *needs,
		  size_t n, const char *check, enum check_severity missing, const char *what)
{
	struct strbuf no = {0};
	char *unknown = NULL;
	size_t i;

	for (i = 0; i < n; i++) {
		char *why = NULL;
		enum policy_verdict v = policy_allows((const cJSON *const *)p->docs, p->n,
						      needs[i].action, needs[i].resource, &why);

		if (v == POLICY_NO)
			strbuf_addf(&no, "%s%s", no.len ? ", " : "", needs[i].action);
		else if (v == POLICY_UNKNOWN && !unknown)
			unknown = why, why = NULL;
		free(why);
	}
	if (no.len)
		check_report(c, P_ROLE, check, missing, NULL,
			     _("the role's policies do not allow %s (%s)"), no.s, what);
	else if (unknown)
		check_report(c, P_ROLE, check, CHECK_UNKNOWN, NULL,
			     _("could not check whether the role's policies allow %s: %s"), what,
			     unknown);
	else
		check_report(c, P_ROLE, check, CHECK_OK, NULL, _("the role's policies allow %s"),
			     what);
	strbuf_release(&no);
	free(unknown);
}

static void judge_permissions(struct check_ctx *c, const struct iam_policies *p)
{
	const struct check_input *in = c->in;
	struct ecr_uri u;
	struct need needs[3];
	const char *name = in->name ? in->name : "*";
	size_t i;

	if (in->container_uri && ecr_parse_uri(in->container_uri, &u) == 0) {
		char *repo = xasprintf("arn:%s:ecr:%s:%s:repository/%s", c->partition, u.region,
				       u.account, u.repository);

		needs[0] = (struct need){"ecr:BatchGetImage", repo};
		needs[1] = (struct need){"ecr:GetDownloadUrlForLayer", repo};
		needs[2] = (struct need){"ecr:GetAuthorizationToken", "*"};
		judge(c, p, needs, 3, "role.ecr", CHECK_ERROR, _("pulling the image from ECR"));
		free(repo);
		ecr_uri_free(&u);
	}
	if (in->bucket && in->key) {
		char *obj = xasprintf("arn:%s:s3:::%s/%s", c->partition, in->bucket, in->key);

		needs[0] = (struct need){"s3:GetObject", obj};
		judge(c, p, needs, 1, "role.s3", CHECK_ERROR,
		      _("reading the code object from S3"));
		free(obj);
	}
	needs[0].action = "logs:CreateLogGroup";
	needs[0].resource =
	    xasprintf("arn:%s:logs:%s:%s:log-group:/aws/bedrock-agentcore/runtimes/%s-0123456789-"
		      "DEFAULT",
		      c->partition, c->region, c->account, name);
	needs[1].action = "logs:CreateLogStream";
	needs[1].resource = xasprintf("%s:log-stream:x", needs[0].resource);
	needs[2].action = "logs:PutLogEvents";
	needs[2].resource = xstrdup(needs[1].resource);
	judge(c, p, needs, 3, "role.logs", CHECK_WARNING,
	      _("writing the runtime's logs to CloudWatch Logs"));
	for (i = 0; i < 3; i++)
		free(needs[i].resource);
}

static void judge_trust(struct check_ctx *c, const struct iam_role *role)
{
	char *sample =
	    xasprintf("arn:%s:bedrock-agentcore:%s:%s:runtime/%s-0123456789", c->partition,
		      c->region, c->account, c->in->name ? c->in->name : "agent");
	struct policy_context pc = {c->partition, c->region, c->account, sample};
	char *why = NULL;
	enum policy_verdict v;

	if (!role->trust) {
		check_report(c, P_ROLE, "role.trust", CHECK_UNKNOWN, NULL, "%s",
			     _("could not read the role's trust policy"));
		free(sample);
		return;
	}
	v = policy_trusts(role->trust, SERVICE_PRINCIPAL, &pc, &why);
	if (v == POLICY_YES)
		check_report(c, P_ROLE, "role.trust", CHECK_OK, NULL,
			     _("exists, trusts %s for account %s in %s (%s)"), SERVICE_PRINCIPAL,
			     c->account, c->region, why);
	else if (v == POLICY_NO)
		check_report(c, P_ROLE, "role.trust", CHECK_ERROR, NULL,
			     _("the role's trust policy does not let %s assume it: %s; the "
			       "runtime could not use it"),
			     SERVICE_PRINCIPAL, why);
	else
		check_report(c, P_ROLE, "role.trust", CHECK_UNKNOWN, NULL,
			     _("could not check the role's trust policy: %s"), why);
	free(why);
	free(sample);
}

void checks_role(struct check_ctx *c)
{
	char *acct = NULL, *name;
	struct iam_role role;
	struct iam_policies pol;
	struct service_error err;

	if (!c->in->role_arn)
		return;
	name = iam_role_name(c->in->role_arn, &acct);
	if (!name) {
		free(acct);
		return; /* validation reports the malformed ARN */
	}
	if (strcmp(acct, c->account)) {
		check_report(c, P_ROLE, "role.account", CHECK_WARNING, NULL,
			     _("the role is in account %s, not in the account of your credentials "
			       "(%s): it cannot be checked from here, and the runtime is made in "
			       "your account"),
			     acct, c->account);
		free(acct);
		free(name);
		return;
	}
	if (iam_get_role(&c->client, name, &role, &err) != 0) {
		if (err.code && !strcmp(err.code, "NoSuchEntity"))
			check_report(c, P_ROLE, "role.exists", CHECK_ERROR, NULL,
				     _("no role named %s exists in account %s"), name, c->account);
		else
			check_report_failure(c, P_ROLE, "role.exists", &err, "iam:GetRole");
		service_error_free(&err);
		free(acct);
		free(name);
		return;
	}
	judge_trust(c, &role);
	if (iam_role_policies(&c->client, name, &pol, &err) == 0) {
		judge_permissions(c, &pol);
		iam_policies_free(&pol);
	} else {
		check_report_failure(c, P_ROLE, "role.permissions", &err, POLICY_CALLS);
		service_error_free(&err);
	}
	iam_role_free(&role);
	free(acct);
	free(name);
}
