/* roledocs.c: an execution role's trust and permissions policies; see roledocs.h. */
#include "config.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "aws/ecr.h"
#include "aws/roledocs.h"
#include "base/util.h"

static cJSON *statement(cJSON *list, const char *sid, const char *const *actions,
			const char *const *resources)
{
	cJSON *st = cJSON_CreateObject(), *a = cJSON_CreateArray(), *r = cJSON_CreateArray();

	if (sid)
		cJSON_AddStringToObject(st, "Sid", sid);
	cJSON_AddStringToObject(st, "Effect", "Allow");
	for (; *actions; actions++)
		cJSON_AddItemToArray(a, cJSON_CreateString(*actions));
	for (; *resources; resources++)
		cJSON_AddItemToArray(r, cJSON_CreateString(*resources));
	cJSON_AddItemToObject(st, "Action", a);
	cJSON_AddItemToObject(st, "Resource", r);
	cJSON_AddItemToArray(list, st);
	return st;
}

/* Pretty-printed with two spaces a level: cJSON indents with tabs and puts
 * one after each colon; no value here holds a tab of its own (names, ARNs
 * and actions cannot), so every tab is cJSON's. */
static char *finish(cJSON *doc)
{
	char *t = cJSON_Print(doc), *p;
	struct strbuf b = {0};

	for (p = t; *p; p++) {
		if (*p != '\t')
			strbuf_addc(&b, *p);
		else
			strbuf_adds(&b, p > t && p[-1] == ':' ? " " : "  ");
	}
	cJSON_free(t);
	cJSON_Delete(doc);
	return strbuf_finish(&b);
}

static cJSON *policy(cJSON **list)
{
	cJSON *doc = cJSON_CreateObject();

	cJSON_AddStringToObject(doc, "Version", "2012-10-17");
	*list = cJSON_AddArrayToObject(doc, "Statement");
	return doc;
}

char *roledocs_trust(const struct roledocs_scope *s)
{
	cJSON *list, *doc = policy(&list), *st = cJSON_CreateObject(), *c, *eq, *like;
	char *arn =
	    xasprintf("arn:%s:bedrock-agentcore:%s:%s:*", s->partition, s->region, s->account);

	cJSON_AddStringToObject(st, "Sid", "AssumeRolePolicy");
	cJSON_AddStringToObject(st, "Effect", "Allow");
	cJSON_AddStringToObject(cJSON_AddObjectToObject(st, "Principal"), "Service",
				"bedrock-agentcore.amazonaws.com");
	cJSON_AddStringToObject(st, "Action", "sts:AssumeRole");
	c = cJSON_AddObjectToObject(st, "Condition");
	eq = cJSON_AddObjectToObject(c, "StringEquals");
	cJSON_AddStringToObject(eq, "aws:SourceAccount", s->account);
	like = cJSON_AddObjectToObject(c, "ArnLike");
	cJSON_AddStringToObject(like, "aws:SourceArn", arn);
	cJSON_AddItemToArray(list, st);
	free(arn);
	return finish(doc);
}

static void artifact_statements(cJSON *list, const struct roledocs_scope *s)
{
	struct ecr_uri u;

	if (s->container_uri && ecr_parse_uri(s->container_uri, &u) == 0) {
		static const char *const pull[] = {"ecr:BatchGetImage",
						   "ecr:GetDownloadUrlForLayer", NULL};
		static const char *const token[] = {"ecr:GetAuthorizationToken", NULL};
		static const char *const any[] = {"*", NULL};
		char *repo = xasprintf("arn:%s:ecr:%s:%s:repository/%s", s->partition, u.region,
				       u.account, u.repository);
		const char *res[] = {repo, NULL};

		statement(list, "ECRImageAccess", pull, res);
		statement(list, "ECRTokenAccess", token, any);
		free(repo);
		ecr_uri_free(&u);
	}
	if (s->bucket && s->key) {
		static const char *const get[] = {"s3:GetObject", NULL};
		static const char *const getv[] = {"s3:GetObject", "s3:GetObjectVersion", NULL};
		char *obj = xasprintf("arn:%s:s3:::%s/%s", s->partition, s->bucket, s->key);
		const char *res[] = {obj, NULL};

		statement(list, "CodeObjectAccess", s->version_id ? getv : get, res);
		free(obj);
	}
}

char *roledocs_permissions(const struct roledocs_scope *s)
{
	static const char *const logs1[] = {"logs:DescribeLogStreams", "logs:CreateLogGroup",
					    NULL};
	static const char *const logs2[] = {"logs:DescribeLogGroups", NULL};
	static const char *const logs3[] = {"logs:CreateLogStream", "logs:PutLogEvents", NULL};
	static const char *const xray[] = {"xray:PutTraceSegments", "xray:PutTelemetryRecords",
					   "xray:GetSamplingRules", "xray:GetSamplingTargets",
					   NULL};
	static const char *const metrics[] = {"cloudwatch:PutMetricData", NULL};
	static const char *const wid[] = {"bedrock-agentcore:GetWorkloadAccessToken",
					  "bedrock-agentcore:GetWorkloadAccessTokenForJWT",
					  "bedrock-agentcore:GetWorkloadAccessTokenForUserId",
					  NULL};
	static const char *const any[] = {"*", NULL};
	const char *rt = s->runtime ? s->runtime : "";
	char *lg = xasprintf("arn:%s:logs:%s:%s:log-group:/aws/bedrock-agentcore/runtimes/%s*",
			     s->partition, s->region, s->account, rt);
	char *all =
	    xasprintf("arn:%s:logs:%s:%s:log-group:*", s->partition, s->region, s->account);
	char *ls = xasprintf("%s:log-stream:*", lg);
	char *dir = xasprintf("arn:%s:bedrock-agentcore:%s:%s:workload-identity-directory/default",
			      s->partition, s->region, s->account);
	char *wi = xasprintf("%s/workload-identity/%s%s*", dir, rt, s->runtime ? "-" : "");
	const char *r1[] = {lg, NULL}, *r2[] = {all, NULL}, *r3[] = {ls, NULL},
		   *r4[] = {dir, wi, NULL};
	cJSON *list, *doc = policy(&list), *m;

	artifact_statements(list, s);
	statement(list, "RuntimeLogGroups", logs1, r1);
	statement(list, "DescribeLogGroups", logs2, r2);
	statement(list, "RuntimeLogStreams", logs3, r3);
	statement(list, "XRayTraces", xray, any);
	m = statement(list, "Metrics", metrics, any);
	cJSON_AddStringToObject(
	    cJSON_AddObjectToObject(cJSON_AddObjectToObject(m, "Condition"), "StringEquals"),
	    "cloudwatch:namespace", "bedrock-agentcore");
	statement(list, "GetAgentAccessToken", wid, r4);
	free(lg);
	free(all);
	free(ls);
	free(dir);
	free(wi);
	return finish(doc);
}

char *roledocs_default_name(const struct roledocs_scope *s)
{
	char *n = xasprintf("AmazonBedrockAgentCoreRuntime-%s", s->runtime ? s->runtime : "agent");

	if (strlen(n) > 64)
		n[64] = '\0';
	return n;
}

int roledocs_name_ok(const char *name)
{
	size_t i, n = strlen(name);

	if (n < 1 || n > 64 || !strstr(name, "BedrockAgentCore"))
		return 0;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)name[i]) && !strchr("_+=,.@-", name[i]))
			return 0;
	return 1;
}
