/* pick.c: one page of what exists, for the wizard's pick lists; see pick.h. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "aws/checks.h"
#include "aws/ec2.h"
#include "aws/ecr.h"
#include "aws/iam.h"
#include "aws/pick.h"
#include "aws/policy.h"
#include "aws/s3.h"
#include "aws/xml.h"
#include "base/printable.h"
#include "base/util.h"

void pick_page_free(struct pick_page *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].value);
		free(p->v[i].label);
		free(p->v[i].note);
	}
	free(p->v);
	free(p->next);
	memset(p, 0, sizeof *p);
}

/* Add an item; the strings are made safe for a terminal (NULL: ""). */
static void add(struct pick_page *p, const char *value, const char *label, char *note, int marked)
{
	p->v = xrealloc(p->v, (p->n + 1) * sizeof *p->v);
	p->v[p->n++] = (struct pick_item){printable_text(value ? value : "", 2048),
					  printable_text(label ? label : "", 300),
					  printable_text(note ? note : "", 300), marked};
	free(note);
}

static int roles(const struct awscall_client *c, const struct pick_context *ctx, const char *token,
		 struct pick_page *out, struct service_error *err)
{
	char *body = awscall_form("ListRoles", "2010-05-08", "MaxItems", "100", NULL);
	struct policy_context pc = {ctx->partition, ctx->region, ctx->account, NULL};
	struct xml_node *root;
	const struct xml_node *m;
	const char *trunc, *next;

	if (token)
		body = awscall_form_add(body, "Marker", token);
	if (iam_call(c, body, &root, err) != 0) {
		free(body);
		return -1;
	}
	free(body);
	for (m = xml_path(root, "ListRolesResult/Roles/member"); m; m = xml_next(m)) {
		const char *doc = xml_path_text(m, "AssumeRolePolicyDocument");
		cJSON *trust = doc ? policy_decode(doc) : NULL;
		char *why = NULL;
		enum policy_verdict v =
		    trust ? policy_trusts(trust, "bedrock-agentcore.amazonaws.com", &pc, &why)
			  : POLICY_UNKNOWN;

		add(out, xml_path_text(m, "Arn"), xml_path_text(m, "RoleName"),
		    xstrdup(v == POLICY_YES  ? _("trusts bedrock-agentcore")
			    : v == POLICY_NO ? _("(does not trust bedrock-agentcore)")
					     : _("(its trust policy could not be judged)")),
		    v == POLICY_YES);
		free(why);
		cJSON_Delete(trust);
	}
	trunc = xml_path_text(root, "ListRolesResult/IsTruncated");
	next = xml_path_text(root, "ListRolesResult/Marker");
	if (trunc && !strcmp(trunc, "true") && next && *next)
		out->next = xstrdup(next);
	xml_free(root);
	return 0;
}

static const char *jstr(const cJSON *o, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* The image's push date and size ("pushed 2026-12-01, 312 MB"). */
static char *image_note(const cJSON *d)
{
	const cJSON *at = cJSON_GetObjectItemCaseSensitive(d, "imagePushedAt");
	const cJSON *sz = cJSON_GetObjectItemCaseSensitive(d, "imageSizeInBytes");
	char date[32] = "?";

	if (cJSON_IsNumber(at)) {
		time_t t = (time_t)at->valuedouble;
		struct tm tm;

		if (gmtime_r(&t, &tm))
			strftime(date, sizeof date, "%Y-%m-%d", &tm);
	}
	return xasprintf(_("pushed %s, %.0f MB"), date,
			 cJSON_IsNumber(sz) ? sz->valuedouble / 1e6 : 0.0);
}

/* The config blobs read for a page of images at most: each costs two
 * requests (GetDownloadUrlForLayer, then the blob); the others say "one
 * platform". */
#define PICK_CONFIGS_MAX 16

/* The platform of a single image from its config blob ("linux/amd64"), or
 * NULL when it cannot be read (no ecr:GetDownloadUrlForLayer...). */
static char *config_platform(const struct awscall_client *c, const struct pick_context *ctx,
			     const char *repo, const char *digest)
{
	struct ecr_uri u = {(char *)ctx->account, (char *)ctx->region, (char *)repo, NULL, NULL};
	struct service_error err;
	char *blob = NULL, *found = NULL;
	size_t len = 0;

	if (!digest || ecr_blob(c, &u, digest, &blob, &len, &err) != 0) {
		if (digest)
			service_error_free(&err);
		return NULL;
	}
	if (ecr_config_arch(blob, len, &found) == ECR_ARCH_UNKNOWN) {
		free(found);
		found = NULL;
	}
	free(blob);
	return found;
}

/* The platforms of each image of a DescribeImages page, by digest, from one
 * BatchGetImage for all of them: an object digest -> "linux/arm64, ..." (an
 * index's platforms, or a single image's from its config blob, for up to
 * PICK_CONFIGS_MAX of them) or "" (not known). NULL when the call failed (no
 * ecr:BatchGetImage: the list shows no architecture). */
static cJSON *page_platforms(const struct awscall_client *c, const struct pick_context *ctx,
			     const char *repo, const cJSON *details)
{
	static const char *const types[] = {
	    "application/vnd.docker.distribution.manifest.v2+json",
	    "application/vnd.docker.distribution.manifest.list.v2+json",
	    "application/vnd.oci.image.manifest.v1+json",
	    "application/vnd.oci.image.index.v1+json"};
	cJSON *req = cJSON_CreateObject(), *ids, *a, *out;
	const cJSON *e;
	struct service_error err;
	size_t i;

	cJSON_AddStringToObject(req, "repositoryName", repo);
	ids = cJSON_AddArrayToObject(req, "imageIds");
	cJSON_ArrayForEach (e, details)
		if (jstr(e, "imageDigest")) {
			cJSON *id = cJSON_CreateObject();

			cJSON_AddStringToObject(id, "imageDigest", jstr(e, "imageDigest"));
			cJSON_AddItemToArray(ids, id);
		}
	a = cJSON_AddArrayToObject(req, "acceptedMediaTypes");
	for (i = 0; i < sizeof types / sizeof types[0]; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(types[i]));
	a = cJSON_GetArraySize(ids) ? ecr_request(c, ctx->region, "BatchGetImage", req, &err)
				    : NULL;
	cJSON_Delete(req);
	if (!a) {
		if (cJSON_GetArraySize(ids))
			service_error_free(&err);
		return NULL;
	}
	out = cJSON_CreateObject();
	i = 0; /* config blobs read */
	cJSON_ArrayForEach (e, cJSON_GetObjectItemCaseSensitive(a, "images")) {
		const char *d =
		    jstr(cJSON_GetObjectItemCaseSensitive(e, "imageId"), "imageDigest");
		char *found = NULL, *config = NULL;

		if (!d || cJSON_GetObjectItemCaseSensitive(out, d))
			continue;
		if (ecr_manifest_arch(jstr(e, "imageManifest"), &found, &config) ==
			ECR_ARCH_NEED_CONFIG &&
		    i++ < PICK_CONFIGS_MAX) {
			free(found);
			found = config_platform(c, ctx, repo, config);
		}
		cJSON_AddStringToObject(out, d, found ? found : "");
		free(found);
		free(config);
	}
	cJSON_Delete(a);
	return out;
}

/* The note of an image: its push date and size, and its platforms when
 * known; *arm64 set when one of them is linux/arm64. */
static char *image_line(const cJSON *d, const cJSON *platforms, int *arm64)
{
	char *note = image_note(d), *t;
	const char *p = platforms
			    ? jstr(platforms, jstr(d, "imageDigest") ? jstr(d, "imageDigest") : "")
			    : NULL;

	*arm64 = p && strstr(p, "linux/arm64") != NULL;
	if (!p)
		return note;
	t = *p ? xasprintf("%s, %s", note, p)
	       : xasprintf(_("%s, one platform (see the image check)"), note);
	free(note);
	return t;
}

static int ecr_page(const struct awscall_client *c, const struct pick_context *ctx,
		    enum pick_kind kind, const char *parent, const char *token,
		    struct pick_page *out, struct service_error *err)
{
	cJSON *req = cJSON_CreateObject(), *a;
	const cJSON *e;

	cJSON_AddNumberToObject(req, "maxResults", 100);
	if (token)
		cJSON_AddStringToObject(req, "nextToken", token);
	if (kind == PICK_IMAGES)
		cJSON_AddStringToObject(req, "repositoryName", parent ? parent : "");
	a = ecr_request(c, ctx->region,
			kind == PICK_IMAGES ? "DescribeImages" : "DescribeRepositories", req, err);
	cJSON_Delete(req);
	if (!a)
		return -1;
	if (kind == PICK_REPOSITORIES) {
		cJSON_ArrayForEach (e, cJSON_GetObjectItemCaseSensitive(a, "repositories"))
			add(out, jstr(e, "repositoryUri"), jstr(e, "repositoryName"), NULL, 0);
	} else {
		char *base = xasprintf("%s.dkr.ecr.%s.amazonaws.com/%s", ctx->account, ctx->region,
				       parent ? parent : "");
		const cJSON *details = cJSON_GetObjectItemCaseSensitive(a, "imageDetails");
		cJSON *platforms = page_platforms(c, ctx, parent ? parent : "", details);
		int arm;

		cJSON_ArrayForEach (e, details) {
			const cJSON *tags = cJSON_GetObjectItemCaseSensitive(e, "imageTags"), *t;
			char *v, *line;

			cJSON_ArrayForEach (t, tags) {
				v = xasprintf("%s:%s", base,
					      cJSON_IsString(t) ? t->valuestring : "");
				line = image_line(e, platforms, &arm); /* before arm is read */
				add(out, v, jstr(e, "imageDigest"), line, arm);
				free(v);
			}
			if (!cJSON_GetArraySize(tags)) {
				v = xasprintf("%s@%s", base,
					      jstr(e, "imageDigest") ? jstr(e, "imageDigest")
								     : "");
				line = image_line(e, platforms, &arm);
				add(out, v, _("(untagged)"), line, arm);
				free(v);
			}
		}
		cJSON_Delete(platforms);
		free(base);
	}
	if (jstr(a, "nextToken") && *jstr(a, "nextToken"))
		out->next = xstrdup(jstr(a, "nextToken"));
	cJSON_Delete(a);
	return 0;
}

static int ec2_page(const struct awscall_client *c, const struct pick_context *ctx,
		    enum pick_kind kind, const char *parent, struct pick_page *out,
		    struct service_error *err)
{
	enum ec2_list_kind k = kind == PICK_VPCS      ? EC2_VPCS
			       : kind == PICK_SUBNETS ? EC2_SUBNETS
						      : EC2_GROUPS;
	struct ec2_items items;
	char *why = NULL,
	     *zones = kind == PICK_SUBNETS ? checks_supported_zones(ctx->region, &why) : NULL;
	size_t i;

	if (ec2_list(c, k, parent, &items, err) != 0) {
		free(zones);
		free(why);
		return -1;
	}
	for (i = 0; i < items.n; i++) {
		const struct ec2_item *x = &items.v[i];

		if (kind == PICK_VPCS)
			add(out, x->id, x->zone,
			    xstrdup(!strcmp(x->zone_id, "true") ? _("default VPC") : ""), 0);
		else if (kind == PICK_SUBNETS) {
			int ok = zones && checks_word_in(zones, x->zone_id);

			add(out, x->id, x->zone_id,
			    xstrdup(ok ? _("supported zone") : _("zone not supported")), ok);
		} else
			add(out, x->id, x->zone, NULL, 0);
	}
	ec2_items_free(&items);
	free(zones);
	free(why);
	return 0;
}

static int s3_page(const struct awscall_client *c, enum pick_kind kind, const char *parent,
		   const char *token, struct pick_page *out, struct service_error *err)
{
	char *bucket = NULL, *region = NULL, *q = NULL;
	const char *prefix = "";
	struct awscall_request r = {AWS_S3, "GET", NULL, NULL, "/", NULL, NULL, NULL, NULL, NULL};
	struct http_response resp;
	struct xml_node *root;
	const struct xml_node *e;
	const char *next;

	if (kind == PICK_KEYS) {
		const char *slash = strchr(parent ? parent : "", '/');

		bucket = slash ? xstrndup(parent, (size_t)(slash - parent))
			       : xstrdup(parent ? parent : "");
		prefix = slash ? slash + 1 : "";
		if (s3_bucket_region(c, bucket, &region, err) != 0) {
			free(bucket);
			return -1;
		}
		q = sigv4_uri_encode(prefix, strlen(prefix), 0);
		r = (struct awscall_request){AWS_S3, "GET", region, bucket, "",
					     NULL,   NULL,  NULL,   NULL,   NULL};
		r.query = xasprintf("list-type=2&max-keys=100&prefix=%s", q);
		free(q);
		if (token) {
			char *t = sigv4_uri_encode(token, strlen(token), 0);

			q = xasprintf("%s&continuation-token=%s", r.query, t);
			free((char *)r.query);
			r.query = q;
			free(t);
		}
		q = (char *)r.query;
	}
	if (awscall_send(c, &r, &resp, err) != 0) {
		free(q);
		free(bucket);
		free(region);
		return -1;
	}
	root = xml_parse(resp.body, resp.body_len, NULL);
	http_response_free(&resp);
	for (e = xml_path(root, kind == PICK_KEYS ? "Contents" : "Buckets/Bucket"); e;
	     e = xml_next(e))
		add(out, xml_path_text(e, kind == PICK_KEYS ? "Key" : "Name"),
		    xml_path_text(e, kind == PICK_KEYS ? "Key" : "Name"),
		    kind == PICK_KEYS
			? xasprintf(_("%s bytes"),
				    xml_path_text(e, "Size") ? xml_path_text(e, "Size") : "?")
			: NULL,
		    0);
	next = xml_path_text(root, "NextContinuationToken");
	if (kind == PICK_KEYS && next && *next)
		out->next = xstrdup(next);
	xml_free(root);
	free(q);
	free(bucket);
	free(region);
	return 0;
}

int pick_load(const struct awscall_client *c, const struct pick_context *ctx, enum pick_kind kind,
	      const char *parent, const char *token, struct pick_page *out,
	      struct service_error *err)
{
	int r;

	memset(out, 0, sizeof *out);
	memset(err, 0, sizeof *err);
	if (kind == PICK_ROLES)
		r = roles(c, ctx, token, out, err);
	else if (kind == PICK_REPOSITORIES || kind == PICK_IMAGES)
		r = ecr_page(c, ctx, kind, parent, token, out, err);
	else if (kind == PICK_BUCKETS || kind == PICK_KEYS)
		r = s3_page(c, kind, parent, token, out, err);
	else
		r = ec2_page(c, ctx, kind, parent, out, err);
	if (r != 0)
		pick_page_free(out);
	return r;
}
