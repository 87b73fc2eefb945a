/* bench_validate: how long validation takes on a form at every maximum size
 * the forms allow, and one field as typed. Prints figures; never fails. Run:
 * make bench. With --save FILE it writes that maximal form to FILE instead
 * (bench_ui loads it to time keystrokes on a full form).
 *
 * Maximal means every list, map and text at its maxItems/maxLength: 50
 * environment variables of 100 + 5000 characters, 50 tags (128 + 256), 16
 * subnets and security groups, 20 headers of 256, 5 filesystems with 200-
 * character mount paths and the longest ARNs, a JWT authorizer with a private
 * endpoint and 5 overrides (each a managed VPC resource with 16 subnets, 5
 * security groups, 50 tags and a 255-character routing domain), 50 advertised
 * scopes, 10 + 10 allowed workloads, a 1024-character container URI, a
 * 2048-character role ARN. Where the model sets no maximum, lists get 10
 * entries (allowedScopes 50, to hold every advertised scope; subnetIds 16, as
 * subnets) and texts 2048 characters (the longest maxLength of the form), which
 * keeps the saved form well under the 1 MiB cap of form files. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/document.h"
#include "form/formdef.h"
#include "form/formfile.h"
#include "base/util.h"
#include "form/validate.h"

#define ALNUM     "abcdefghijklmnopqrstuvwxyz0123456789"
#define TAG_CHARS ALNUM " ._:/=+@-"
#define SCOPE     ALNUM "!#$%&'()*+,./:;<=>?@[]^_`{|}~"
#define CLAIM     ALNUM "_."
#define UNBOUNDED 2048 /* texts the model does not limit */

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* n characters cycling through `chars` (caller frees). */
static char *filled(size_t n, const char *chars)
{
	size_t k = strlen(chars), i;
	char *s = xmalloc(n + 1);

	for (i = 0; i < n; i++)
		s[i] = chars[i % k];
	s[n] = '\0';
	return s;
}

/* The same, ending in the number i: items that differ only at their end, the
 * worst case for comparing them. */
static char *numbered(size_t n, const char *chars, int i)
{
	char *s = filled(n, chars), num[16];
	int len = snprintf(num, sizeof num, "%03d", i);

	memcpy(s + n - (size_t)len, num, (size_t)len);
	return s;
}

/* Append n characters cycling through chars to b. */
static void add_filled(struct strbuf *b, size_t n, const char *chars)
{
	char *s = filled(n, chars);

	strbuf_adds(b, s);
	free(s);
}

/* prefix, then n - strlen(prefix) - strlen(suffix) characters, then suffix. */
static char *framed(const char *prefix, size_t n, const char *chars, const char *suffix)
{
	struct strbuf b = {0};

	strbuf_adds(&b, prefix);
	add_filled(&b, n - strlen(prefix) - strlen(suffix), chars);
	strbuf_adds(&b, suffix);
	return strbuf_finish(&b);
}

static void vset(struct document *doc, char *value, const char *fmt, va_list ap)
{
	char path[512];

	vsnprintf(path, sizeof path, fmt, ap);
	if (document_set_text(doc, path, value) != 0) {
		fprintf(stderr, "bench_validate: cannot set %s\n", path);
		exit(1);
	}
	free(value);
}

/* Set the text at the path made from fmt; takes value (freed). */
static void set(struct document *doc, char *value, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void set(struct document *doc, char *value, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vset(doc, value, fmt, ap);
	va_end(ap);
}

/* Add a map entry; takes key and value (freed). */
static void map_add(struct document *doc, const char *path, char *key, char *value)
{
	document_map_add(doc, path, key, value);
	free(key);
	free(value);
}

/* A managed VPC resource at its largest, under base (a privateEndpoint). */
static void endpoint(struct document *doc, const char *base)
{
	char tags[512];
	int i;

	set(doc, xstrdup("vpc-0123456789abcdef0"), "%s.managedVpcResource.vpcIdentifier", base);
	for (i = 0; i < 16; i++)
		set(doc, xasprintf("subnet-0123456789abcd%03d", i),
		    "%s.managedVpcResource.subnetIds[%d]", base, i);
	set(doc, xstrdup("IPV4"), "%s.managedVpcResource.endpointIpAddressType", base);
	for (i = 0; i < 5; i++)
		set(doc, xasprintf("sg-0123456789abcd%03d", i),
		    "%s.managedVpcResource.securityGroupIds[%d]", base, i);
	snprintf(tags, sizeof tags, "%s.managedVpcResource.tags", base);
	for (i = 0; i < 50; i++)
		map_add(doc, tags, numbered(128, TAG_CHARS, i), filled(256, TAG_CHARS));
	set(doc, filled(255, "idp.internal.example."), "%s.managedVpcResource.routingDomain",
	    base);
}

/* Filesystem i (of kind `kind`) mounts at a 200-character path of its own. */
static void mount(struct document *doc, int i, const char *kind)
{
	char end[8];

	snprintf(end, sizeof end, "%d", i);
	set(doc, framed("/mnt/", 200, ALNUM "._-", end),
	    "filesystemConfigurations[%d].%s.mountPath", i, kind);
}

/* Filesystem i: an S3 Files access point with the longest ARN. */
static void s3files(struct document *doc, int i)
{
	struct strbuf b = {0};

	strbuf_adds(&b, "arn:aws:s3files:");
	add_filled(&b, 125, "us-east-1:123456789012:");
	strbuf_adds(&b, ":file-system/fs-");
	add_filled(&b, 40, "0123456789abcdef");
	strbuf_adds(&b, "/access-point/fsap-");
	add_filled(&b, 40, "fedcba9876543210"); /* 256 characters */
	set(doc, strbuf_finish(&b),
	    "filesystemConfigurations[%d].s3FilesAccessPoint.accessPointArn", i);
	mount(doc, i, "s3FilesAccessPoint");
}

static struct document *maximal(void)
{
	struct document *doc = document_new();
	const char *jwt = "authorizerConfiguration.customJWTAuthorizer";
	const char *net = "networkConfiguration.networkModeConfig";
	struct strbuf b = {0};
	char path[512];
	int i, j;

	set(doc, filled(48, ALNUM "_"), "agentRuntimeName");
	set(doc, filled(4096, "Answers billing questions. "), "description");
	set(doc, filled(256, "0123456789abcdef-"), "clientToken");
	/* host, repository, :tag of 300, @digest: 1024 characters */
	strbuf_adds(&b, "123456789012.dkr.ecr.us-east-1.amazonaws.com/");
	add_filled(&b, 199, "abcdefg/");
	strbuf_addc(&b, ':');
	add_filled(&b, 300, "v1.2.3-rc");
	strbuf_adds(&b, "@sha256:");
	add_filled(&b, 1024 - b.len, "0123abcdef");
	set(doc, strbuf_finish(&b), "agentRuntimeArtifact.containerConfiguration.containerUri");
	set(doc, framed("arn:aws:iam::123456789012:role/", 2048, "service-role/Agent", ""),
	    "roleArn");
	set(doc, xstrdup("VPC"), "networkConfiguration.networkMode");
	for (i = 0; i < 16; i++) {
		set(doc, xasprintf("subnet-0123456789abcd%03d", i), "%s.subnets[%d]", net, i);
		set(doc, xasprintf("sg-0123456789abcd%03d", i), "%s.securityGroups[%d]", net, i);
	}
	set(doc,
	    framed("https://", UNBOUNDED, "idp.example.com/tenant/",
		   "/.well-known/openid-configuration"),
	    "%s.discoveryUrl", jwt);
	for (i = 0; i < 10; i++) {
		set(doc, numbered(UNBOUNDED, "api://support-agent/", i), "%s.allowedAudience[%d]",
		    jwt, i);
		set(doc, numbered(UNBOUNDED, ALNUM, i), "%s.allowedClients[%d]", jwt, i);
	}
	snprintf(path, sizeof path, "%s.advertisedScopeMapping", jwt);
	for (i = 0; i < 50; i++) {
		set(doc, numbered(255, SCOPE, i), "%s.allowedScopes[%d]", jwt, i);
		map_add(doc, path, numbered(255, SCOPE, i), numbered(255, SCOPE, 50 + i));
	}
	for (i = 0; i < 10; i++) {
		set(doc, numbered(255, CLAIM ":/", i), "%s.customClaims[%d].inboundTokenClaimName",
		    jwt, i);
		set(doc, xstrdup("STRING_ARRAY"), "%s.customClaims[%d].inboundTokenClaimValueType",
		    jwt, i);
		set(doc, xstrdup("CONTAINS_ANY"),
		    "%s.customClaims[%d].authorizingClaimMatchValue.claimMatchOperator", jwt, i);
		for (j = 0; j < 10; j++)
			set(doc, numbered(255, CLAIM "-", j),
			    "%s.customClaims[%d].authorizingClaimMatchValue.claimMatchValue."
			    "matchValueStringList[%d]",
			    jwt, i, j);
	}
	snprintf(path, sizeof path, "%s.privateEndpoint", jwt);
	endpoint(doc, path);
	for (i = 0; i < 5; i++) {
		set(doc, numbered(253, "login.example.", i),
		    "%s.privateEndpointOverrides[%d].domain", jwt, i);
		snprintf(path, sizeof path, "%s.privateEndpointOverrides[%d].privateEndpoint", jwt,
			 i);
		endpoint(doc, path);
	}
	for (i = 0; i < 10; i++) {
		set(doc,
		    framed("arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/", 1011,
			   "my-gateway-", ""),
		    "%s.allowedWorkloadConfiguration.hostingEnvironments[%d].arn", jwt, i);
		set(doc, numbered(255, CLAIM "-", i),
		    "%s.allowedWorkloadConfiguration.workloadIdentities[%d]", jwt, i);
	}
	for (i = 0; i < 20; i++) {
		char *tail = numbered(216, ALNUM "-_", i);

		set(doc, xasprintf("X-Amzn-Bedrock-AgentCore-Runtime-Custom-%s", tail),
		    "requestHeaderConfiguration.requestHeaderAllowlist[%d]", i);
		free(tail);
	}
	set(doc, xstrdup("MCP"), "protocolConfiguration.serverProtocol");
	document_set_number(doc, "lifecycleConfiguration.idleRuntimeSessionTimeout", 900);
	document_set_number(doc, "lifecycleConfiguration.maxLifetime", 28800);
	for (i = 0; i < 50; i++) {
		map_add(doc, "environmentVariables",
			numbered(100, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_", i),
			filled(5000, ALNUM " =,;:/"));
		map_add(doc, "tags", numbered(128, TAG_CHARS, i), filled(256, TAG_CHARS));
	}
	/* one filesystem of each kind, two of the longest ARN */
	mount(doc, 0, "sessionStorage");
	s3files(doc, 1);
	strbuf_adds(&b, "arn:aws:elasticfilesystem:");
	add_filled(&b, 43, "us-east-1:123456789012:");
	strbuf_adds(&b, ":access-point/fsap-");
	add_filled(&b, 40, "0123456789abcdef"); /* 128 characters */
	set(doc, strbuf_finish(&b), "filesystemConfigurations[2].efsAccessPoint.accessPointArn");
	mount(doc, 2, "efsAccessPoint");
	set(doc, filled(48, "scratch_volume-"),
	    "filesystemConfigurations[3].capacityProviderVolume.volumeName");
	mount(doc, 3, "capacityProviderVolume");
	s3files(doc, 4);
	strbuf_adds(&b, "arn:aws:bedrock-agentcore:us-east-1:123456789012:capacity-provider/");
	add_filled(&b, 48, "my_provider");
	strbuf_adds(&b, "-abcdefghij");
	set(doc, strbuf_finish(&b), "capacityProviderConfiguration.capacityProviderArn");
	set(doc, xstrdup("V2"), "platformVersion");
	return doc;
}

/* A form far over every maximum: 60,000 tags and 60,000 environment
 * variables, built, walked by key, validated and written as JSON (issue 13,
 * item 3: each step linear; tests/unit/test_huge holds the bound). */
static void huge_figures(const struct formdef *def)
{
	enum { HUGE = 60000 };
	struct document *doc = document_new();
	struct problems p = {0};
	double t0 = util_monotonic(), t1, t2, t3, t4;
	char key[32], path[64], *json;
	size_t i, n = 0;

	for (i = 0; i < HUGE; i++) {
		snprintf(key, sizeof key, "tag-%06zu", i);
		document_map_add(doc, "tags", key, "value");
		snprintf(key, sizeof key, "VAR_%06zu", i);
		document_map_add(doc, "environmentVariables", key, "value");
	}
	t1 = util_monotonic();
	for (i = 0; i < HUGE; i++) {
		snprintf(path, sizeof path, "tags.%s", document_key(doc, "tags", i));
		n += document_text(doc, path) != NULL;
	}
	t2 = util_monotonic();
	validate_document(def, doc, &p);
	t3 = util_monotonic();
	json = document_to_json(doc, def, 1);
	t4 = util_monotonic();
	printf("huge form (%d tags + %d variables, %zu bytes, %zu found): build %.3f s, "
	       "walk %.3f s, validate %.3f s, JSON %.3f s\n",
	       HUGE, HUGE, strlen(json), n, t1 - t0, t2 - t1, t3 - t2, t4 - t3);
	free(json);
	problems_clear(&p);
	document_free(doc);
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
	huge_figures(def);
	document_free(doc);
	formdef_free(def);
	return 0;
}
