/* ecr.c: ECR image URIs, DescribeImages, BatchGetImage, the image's
 * architecture; see ecr.h. */
#include "config.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "aws/awsconfig.h"
#include "aws/ecr.h"
#include "base/printable.h"
#include "base/util.h"

#define ECR_TARGET "AmazonEC2ContainerRegistry_V20150921."
#define ECR_TYPE   "application/x-amz-json-1.1"

void ecr_uri_free(struct ecr_uri *u)
{
	free(u->account);
	free(u->region);
	free(u->repository);
	free(u->tag);
	free(u->digest);
	memset(u, 0, sizeof *u);
}

int ecr_parse_uri(const char *uri, struct ecr_uri *u)
{
	const char *host_end = strchr(uri, '/'), *p, *at, *colon;
	size_t i;

	memset(u, 0, sizeof *u);
	if (!host_end || strspn(uri, "0123456789") != 12 || strncmp(uri + 12, ".dkr.ecr", 8))
		return -1;
	p = uri + 20;
	if (!strncmp(p, "-fips", 5))
		p += 5;
	if (*p++ != '.')
		return -1;
	i = strcspn(p, ".");
	if (!i || p + i >= host_end || strncmp(p + i, ".amazonaws.com", 14))
		return -1;
	u->account = xstrndup(uri, 12);
	u->region = xstrndup(p, i);
	p = host_end + 1;
	at = strchr(p, '@');
	colon = strchr(p, ':');
	if (colon && at && colon > at)
		colon = NULL;
	if (at)
		u->digest = xstrdup(at + 1);
	if (colon)
		u->tag =
		    xstrndup(colon + 1, (size_t)((at ? at : colon + strlen(colon)) - colon - 1));
	u->repository = xstrndup(p, (size_t)((colon ? colon : at ? at : p + strlen(p)) - p));
	if (!*u->repository) {
		ecr_uri_free(u);
		return -1;
	}
	return 0;
}

void ecr_image_free(struct ecr_image *im)
{
	free(im->digest);
	free(im->media_type);
	free(im->manifest);
	memset(im, 0, sizeof *im);
}

cJSON *ecr_request(const struct awscall_client *c, const char *region, const char *op,
		   const cJSON *req, struct service_error *err)
{
	char *body = cJSON_PrintUnformatted(req), *target = xasprintf(ECR_TARGET "%s", op);
	struct awscall_request r = {AWS_ECR, "POST", region,   NULL,   "/",
				    NULL,    body,   ECR_TYPE, target, NULL};
	struct http_response resp;
	cJSON *j = NULL;

	if (awscall_send(c, &r, &resp, err) == 0) {
		j = cJSON_ParseWithLength(resp.body, resp.body_len);
		if (!j) {
			err->status = resp.status;
			err->message = xasprintf(_("the %s answer is not JSON"), op);
		}
		http_response_free(&resp);
	}
	cJSON_free(body);
	free(target);
	return j;
}

static cJSON *image_request(const struct ecr_uri *u)
{
	cJSON *req = cJSON_CreateObject(), *ids = cJSON_AddArrayToObject(req, "imageIds");
	cJSON *id = cJSON_CreateObject();

	cJSON_AddStringToObject(req, "registryId", u->account);
	cJSON_AddStringToObject(req, "repositoryName", u->repository);
	if (u->digest)
		cJSON_AddStringToObject(id, "imageDigest", u->digest);
	else
		cJSON_AddStringToObject(id, "imageTag", u->tag ? u->tag : "latest");
	cJSON_AddItemToArray(ids, id);
	return req;
}

static const char *jstr(const cJSON *o, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

int ecr_image(const struct awscall_client *c, const struct ecr_uri *u, struct ecr_image *im,
	      struct service_error *err)
{
	cJSON *req = image_request(u), *a;
	const cJSON *d, *imgs, *first, *fail;
	static const char *const types[] = {
	    "application/vnd.docker.distribution.manifest.v2+json",
	    "application/vnd.docker.distribution.manifest.list.v2+json",
	    "application/vnd.oci.image.manifest.v1+json",
	    "application/vnd.oci.image.index.v1+json"};

	memset(im, 0, sizeof *im);
	im->size = -1;
	a = ecr_request(c, u->region, "DescribeImages", req, err);
	if (!a) {
		cJSON_Delete(req);
		return -1;
	}
	d = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(a, "imageDetails"), 0);
	if (cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(d, "imageSizeInBytes")))
		im->size =
		    (long long)cJSON_GetObjectItemCaseSensitive(d, "imageSizeInBytes")->valuedouble;
	if (jstr(d, "imageDigest"))
		im->digest = printable_text(jstr(d, "imageDigest"), 200);
	cJSON_Delete(a);
	cJSON_AddItemToObject(req, "acceptedMediaTypes", cJSON_CreateStringArray(types, 4));
	a = ecr_request(c, u->region, "BatchGetImage", req, err);
	cJSON_Delete(req);
	if (!a)
		return -1;
	imgs = cJSON_GetObjectItemCaseSensitive(a, "images");
	first = cJSON_GetArrayItem(imgs, 0);
	fail = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(a, "failures"), 0);
	if (!first) {
		err->status = 200;
		err->code = xstrdup(jstr(fail, "failureCode") ? "ImageNotFoundException" : "?");
		err->message = printable_text(
		    jstr(fail, "failureReason") ? jstr(fail, "failureReason") : "no image", 300);
		cJSON_Delete(a);
		return -1;
	}
	if (jstr(first, "imageManifest"))
		im->manifest = xstrdup(jstr(first, "imageManifest"));
	if (jstr(first, "imageManifestMediaType"))
		im->media_type = printable_text(jstr(first, "imageManifestMediaType"), 200);
	if (!im->digest && jstr(cJSON_GetObjectItemCaseSensitive(first, "imageId"), "imageDigest"))
		im->digest = printable_text(
		    jstr(cJSON_GetObjectItemCaseSensitive(first, "imageId"), "imageDigest"), 200);
	cJSON_Delete(a);
	return 0;
}

static void add_platform(struct strbuf *b, const char *os, const char *arch)
{
	char *t = printable_text(arch ? arch : "?", 40), *o = printable_text(os ? os : "?", 40);

	strbuf_addf(b, "%s%s/%s", b->len ? ", " : "", o, t);
	free(t);
	free(o);
}

enum ecr_arch ecr_manifest_arch(const char *manifest, char **found, char **config_digest)
{
	cJSON *m = manifest ? cJSON_Parse(manifest) : NULL;
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(m, "manifests"), *e;
	const cJSON *config = cJSON_GetObjectItemCaseSensitive(m, "config");
	enum ecr_arch r = ECR_ARCH_UNKNOWN;
	struct strbuf b = {0};

	*found = NULL;
	*config_digest = NULL;
	if (cJSON_IsArray(list)) {
		r = ECR_ARCH_OTHER;
		cJSON_ArrayForEach (e, list) {
			const cJSON *p = cJSON_GetObjectItemCaseSensitive(e, "platform");
			const char *os = jstr(p, "os"), *arch = jstr(p, "architecture");
			const cJSON *ann = cJSON_GetObjectItemCaseSensitive(e, "annotations");
			const char *ref = jstr(ann, "vnd.docker.reference.type");

			if ((ref && !strcmp(ref, "attestation-manifest")) ||
			    (os && arch && !strcmp(os, "unknown") && !strcmp(arch, "unknown")))
				continue; /* buildx attestations */
			add_platform(&b, os, arch);
			if (os && arch && !strcmp(os, "linux") && !strcmp(arch, "arm64"))
				r = ECR_ARCH_ARM64;
		}
	} else if (cJSON_IsObject(config) && jstr(config, "digest")) {
		r = ECR_ARCH_NEED_CONFIG;
		*config_digest = xstrdup(jstr(config, "digest"));
	}
	*found = b.len ? strbuf_finish(&b) : (strbuf_release(&b), NULL);
	cJSON_Delete(m);
	return r;
}

enum ecr_arch ecr_config_arch(const char *json, size_t len, char **found)
{
	cJSON *j = cJSON_ParseWithLength(json, len);
	const char *os = jstr(j, "os"), *arch = jstr(j, "architecture");
	enum ecr_arch r = ECR_ARCH_UNKNOWN;
	struct strbuf b = {0};

	*found = NULL;
	if (arch) {
		add_platform(&b, os ? os : "linux", arch);
		*found = strbuf_finish(&b);
		r = !strcmp(arch, "arm64") && (!os || !strcmp(os, "linux")) ? ECR_ARCH_ARM64
									    : ECR_ARCH_OTHER;
	}
	cJSON_Delete(j);
	return r;
}

int ecr_blob(const struct awscall_client *c, const struct ecr_uri *u, const char *digest,
	     char **body, size_t *len, struct service_error *err)
{
	cJSON *req = cJSON_CreateObject(), *a;
	const char *url;
	struct headers h = {0};
	struct http_options opt = {c->settings->ca_bundle.value, c->settings->connect_timeout,
				   c->settings->read_timeout, c->cancel, c->arg};
	struct http_response resp;
	char *cause = NULL, *host;
	enum http_result hr;

	*body = NULL;
	*len = 0;
	cJSON_AddStringToObject(req, "registryId", u->account);
	cJSON_AddStringToObject(req, "repositoryName", u->repository);
	cJSON_AddStringToObject(req, "layerDigest", digest);
	a = ecr_request(c, u->region, "GetDownloadUrlForLayer", req, err);
	cJSON_Delete(req);
	if (!a)
		return -1;
	url = jstr(a, "downloadUrl");
	if (!url || (strncmp(url, "https://", 8) && strncmp(url, "http://", 7))) {
		err->message = xstrdup(_("the GetDownloadUrlForLayer answer has no URL"));
		cJSON_Delete(a);
		return -1;
	}
	host = http_url_host(url);
	headers_add(&h, "Host", host ? host : "");
	free(host);
	hr = http_send("GET", url, &h, NULL, 0, &opt, &resp, &cause);
	headers_free(&h);
	cJSON_Delete(a);
	if (hr != HTTP_DONE) {
		err->transport = 1;
		err->http = hr;
		err->message = cause;
		return -1;
	}
	if (resp.status != 200) {
		err->status = resp.status;
		err->message = xasprintf(_("the layer download answered HTTP %ld"), resp.status);
		http_response_free(&resp);
		return -1;
	}
	*body = xmalloc(resp.body_len + 1);
	memcpy(*body, resp.body, resp.body_len + 1);
	*len = resp.body_len;
	http_response_free(&resp);
	return 0;
}
