/* bench_validate: how long validation takes on a form at every maximum size
 * (50 environment variables of 5000 characters, 50 tags, 16 subnets and
 * security groups, 20 headers, 5 filesystems, a JWT authorizer with claims),
 * and one field as typed. Prints figures; never fails. Run: make bench
 * With --save FILE it writes that maximal form to FILE instead (bench_ui
 * loads it to time keystrokes on a full form). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/document.h"
#include "core/formdef.h"
#include "core/formfile.h"
#include "core/util.h"
#include "core/validate.h"

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static struct document *maximal(void)
{
	struct document *doc = document_new();
	char *big = xmalloc(5001), path[256], key[256];
	int i;

	for (i = 0; i < 5000; i++)
		big[i] = (char)('a' + i % 26);
	big[5000] = '\0';
	document_set_text(doc, "agentRuntimeName",
			  "max_agent_0123456789_0123456789_0123456789_ab");
	document_set_text(doc, "description", big + 904); /* 4096 characters */
	document_set_text(doc, "agentRuntimeArtifact.containerConfiguration.containerUri",
			  "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/my-agent:v1.2.3");
	document_set_text(doc, "roleArn", "arn:aws:iam::123456789012:role/service-role/AgentRole");
	document_set_text(doc, "networkConfiguration.networkMode", "VPC");
	for (i = 0; i < 16; i++) {
		snprintf(path, sizeof path, "networkConfiguration.networkModeConfig.subnets[%d]",
			 i);
		snprintf(key, sizeof key, "subnet-0123456789abcd%03d", i);
		document_set_text(doc, path, key);
		snprintf(path, sizeof path,
			 "networkConfiguration.networkModeConfig.securityGroups[%d]", i);
		snprintf(key, sizeof key, "sg-0123456789abcd%03d", i);
		document_set_text(doc, path, key);
	}
	document_set_text(doc, "authorizerConfiguration.customJWTAuthorizer.discoveryUrl",
			  "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc/"
			  ".well-known/openid-configuration");
	for (i = 0; i < 10; i++) {
		snprintf(path, sizeof path,
			 "authorizerConfiguration.customJWTAuthorizer.allowedScopes[%d]", i);
		snprintf(key, sizeof key, "scope/read.%d", i);
		document_set_text(doc, path, key);
		snprintf(path, sizeof path,
			 "authorizerConfiguration.customJWTAuthorizer."
			 "customClaims[%d].inboundTokenClaimName",
			 i);
		document_set_text(doc, path, "cognito:groups");
		snprintf(path, sizeof path,
			 "authorizerConfiguration.customJWTAuthorizer."
			 "customClaims[%d].inboundTokenClaimValueType",
			 i);
		document_set_text(doc, path, "STRING_ARRAY");
		snprintf(path, sizeof path,
			 "authorizerConfiguration.customJWTAuthorizer."
			 "customClaims[%d].authorizingClaimMatchValue.claimMatchOperator",
			 i);
		document_set_text(doc, path, "CONTAINS_ANY");
		snprintf(path, sizeof path,
			 "authorizerConfiguration.customJWTAuthorizer."
			 "customClaims[%d].authorizingClaimMatchValue.claimMatchValue."
			 "matchValueStringList[0]",
			 i);
		document_set_text(doc, path, "admins");
	}
	for (i = 0; i < 20; i++) {
		snprintf(path, sizeof path,
			 "requestHeaderConfiguration.requestHeaderAllowlist[%d]", i);
		snprintf(key, sizeof key, "X-Amzn-Bedrock-AgentCore-Runtime-Custom-H%02d", i);
		document_set_text(doc, path, key);
	}
	document_set_text(doc, "protocolConfiguration.serverProtocol", "MCP");
	document_set_number(doc, "lifecycleConfiguration.idleRuntimeSessionTimeout", 900);
	document_set_number(doc, "lifecycleConfiguration.maxLifetime", 28800);
	for (i = 0; i < 50; i++) {
		snprintf(key, sizeof key, "VARIABLE_%02d", i);
		document_map_add(doc, "environmentVariables", key, big);
		snprintf(key, sizeof key, "tag-key/%02d-%0117d", i, 0);
		document_map_add(doc, "tags", key, "value with spaces: ok=1+2@example.com");
	}
	for (i = 0; i < 5; i++) {
		snprintf(path, sizeof path,
			 "filesystemConfigurations[%d].sessionStorage.mountPath", i);
		snprintf(key, sizeof key, "/mnt/data%d", i);
		document_set_text(doc, path, key);
	}
	free(big);
	return doc;
}

int main(int argc, char **argv)
{
	char *cause = NULL, *msg = NULL;
	struct formdef *def = formdef_load_default(&cause);
	struct document *doc;
	struct problems p = {0};
	enum { RUNS = 2000 };
	static double t[RUNS];
	const struct fnode *f;
	double t0;
	int i;

	if (!def) {
		fprintf(stderr, "bench_validate: %s\n", cause);
		return 0;
	}
	doc = maximal();
	if (argc == 3 && strcmp(argv[1], "--save") == 0) {
		int rc = formfile_save(argv[2], doc, def, &cause);

		if (rc != 0)
			fprintf(stderr, "bench_validate: %s\n", cause);
		free(cause);
		document_free(doc);
		formdef_free(def);
		return rc != 0;
	}
	validate_document(def, doc, &p);
	printf("maximal form: %zu problems (expected 0)\n", p.n);
	for (size_t k = 0; k < p.n && k < 5; k++)
		printf("  %s: %s\n", p.v[k].path, p.v[k].message);
	problems_clear(&p);
	for (i = 0; i < RUNS; i++) {
		t0 = util_monotonic();
		validate_document(def, doc, &p);
		t[i] = (util_monotonic() - t0) * 1e6;
		problems_clear(&p);
	}
	qsort(t, RUNS, sizeof t[0], cmp);
	printf("validate whole maximal form: median %.1f us, p99 %.1f us, max %.1f us "
	       "(goal: under 1000 us)\n",
	       t[RUNS / 2], t[RUNS * 99 / 100], t[RUNS - 1]);
	f = formdef_lookup(def, "agentRuntimeArtifact.containerConfiguration.containerUri");
	for (i = 0; i < RUNS; i++) {
		t0 = util_monotonic();
		validate_scalar(f, "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/my-agent:v1",
				NULL, &msg);
		t[i] = (util_monotonic() - t0) * 1e6;
		free(msg);
	}
	qsort(t, RUNS, sizeof t[0], cmp);
	printf("validate one field as typed (container URI): median %.2f us, p99 %.2f us\n",
	       t[RUNS / 2], t[RUNS * 99 / 100]);
	document_free(doc);
	formdef_free(def);
	return 0;
}
