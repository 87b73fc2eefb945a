/* checks_misc.c: the code object in S3, the authorizer's discovery URL and
 * the runtime's name. */
#include "config.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aws/awsconfig.h"
#include "aws/checks_int.h"
#include "aws/pick.h"
#include "aws/probe.h"
#include "aws/s3.h"
#include "base/printable.h"
#include "base/util.h"

/* The zip limit, not adjustable (bedrock-agentcore-limits): 250 MB, read as
 * the toolkit reads it (250 x 1024^2 bytes). */
#define CODE_SIZE_MAX (250LL * 1024 * 1024)

static void judge_object(struct check_ctx *c, const char *region)
{
	const struct check_input *in = c->in;
	struct s3_object o;
	struct service_error err;
	const char *path = in->version_id ? P_VERSION : P_KEY;

	if (s3_object(&c->client, region, in->bucket, in->key, in->version_id, &o, &err) != 0) {
		if (err.code && !strcmp(err.code, "NoSuchKey"))
			check_report(c, P_KEY, "code.exists", CHECK_ERROR, NULL,
				     _("no object %s in bucket %s"), in->key, in->bucket);
		else if (err.code && (!strcmp(err.code, "NoSuchVersion") ||
				      (in->version_id && !strcmp(err.code, "InvalidArgument"))))
			check_report(c, P_VERSION, "code.exists", CHECK_ERROR, NULL,
				     _("object %s has no version %s"), in->key, in->version_id);
		else if (err.code && !strcmp(err.code, "NoSuchBucket"))
			check_report(c, P_BUCKET, "code.exists", CHECK_ERROR, NULL,
				     _("no bucket %s"), in->bucket);
		else
			check_report_failure(c, path, "code.exists", &err,
					     in->version_id ? "s3:GetObjectVersion"
							    : "s3:GetObject");
		service_error_free(&err);
		return;
	}
	if (o.size > CODE_SIZE_MAX)
		check_report(c, path, "code.size", CHECK_ERROR, NULL,
			     _("the object is %.0f MiB; AgentCore takes code zips up to 250 MiB"),
			     (double)o.size / (1024.0 * 1024));
	else
		check_report(c, path, "code.exists", CHECK_OK, NULL,
			     _("the object exists (%lld bytes%s%s)"), o.size,
			     o.version_id ? _(", version ") : "",
			     o.version_id ? o.version_id : "");
	if (!in->version_id && o.version_id)
		check_report(c, P_VERSION, "code.pin", CHECK_WARNING, o.version_id,
			     _("the bucket keeps versions and none is named: pin version %s to "
			       "run what was checked"),
			     o.version_id);
	free(o.version_id);
}

/* Whose bucket: S3 names a bucket's owner to no one but the owner, but
 * ListBuckets lists the caller's own buckets only, so a bucket that answers
 * and is not among them belongs to another account. */
static void judge_owner(struct check_ctx *c)
{
	struct pick_context ctx = {c->partition, c->region, c->account};
	struct pick_page page;
	struct service_error err;
	char *token = NULL;
	size_t i;
	int found = 0, pages = 0;

	do {
		if (pick_load(&c->client, &ctx, PICK_BUCKETS, NULL, token, &page, &err) != 0) {
			free(token);
			check_report_failure(c, P_BUCKET, "code.owner", &err,
					     "s3:ListAllMyBuckets");
			service_error_free(&err);
			return;
		}
		for (i = 0; i < page.n && !found; i++)
			found = !strcmp(page.v[i].value, c->in->bucket);
		free(token);
		token = page.next;
		page.next = NULL;
		pick_page_free(&page);
	} while (token && !found && ++pages < 100 && !check_cancelled(c));
	free(token);
	if (found)
		check_report(c, P_BUCKET, "code.owner", CHECK_OK, NULL,
			     _("bucket %s belongs to this account (%s)"), c->in->bucket,
			     c->account);
	else
		check_report(c, P_BUCKET, "code.owner", CHECK_WARNING, NULL,
			     _("bucket %s belongs to another account (it is not among the buckets "
			       "of account %s): its bucket policy must let you and the runtime's "
			       "role read the object"),
			     c->in->bucket, c->account);
}

void checks_code(struct check_ctx *c)
{
	struct service_error err;
	char *region = NULL;

	if (!c->in->bucket || !c->in->key)
		return;
	if (s3_bucket_region(&c->client, c->in->bucket, &region, &err) != 0) {
		if (err.code && !strcmp(err.code, "NoSuchBucket")) {
			check_report(c, P_BUCKET, "code.exists", CHECK_ERROR, NULL,
				     _("no bucket %s"), c->in->bucket);
			service_error_free(&err);
			return;
		}
		check_report_failure(c, P_BUCKET, "code.region", &err, "s3:GetBucketLocation");
		service_error_free(&err);
	} else if (strcmp(region, c->region)) {
		check_report(c, P_BUCKET, "code.region", CHECK_WARNING, NULL,
			     _("bucket %s is in Region %s, the runtime in %s: whether AgentCore "
			       "reads code from another Region is not documented"),
			     c->in->bucket, region, c->region);
	}
	judge_object(c, region ? region : c->region);
	if (region && !check_cancelled(c))
		judge_owner(c);
	free(region);
}

/* The Region of a Cognito user pool discovery URL's host and of its pool
 * ID (the part before '_'), when the URL is one. */
static int cognito_regions(const char *url, char **host_region, char **pool_region)
{
	static const char pre[] = "https://cognito-idp.";
	const char *p = url + sizeof pre - 1, *dot, *slash, *us;
	char *c;

	*host_region = *pool_region = NULL;
	/* a host name's case does not matter (COGNITO-IDP.US-EAST-1...) */
	if (strncasecmp(url, pre, sizeof pre - 1))
		return 0;
	dot = strchr(p, '.');
	slash = strchr(p, '/');
	if (!dot || !slash || dot > slash || strncasecmp(dot, ".amazonaws.com", 14))
		return 0;
	us = strchr(slash + 1, '_');
	if (!us || strchr(slash + 1, '/') < us)
		return 0;
	*host_region = xstrndup(p, (size_t)(dot - p));
	for (c = *host_region; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	*pool_region = xstrndup(slash + 1, (size_t)(us - slash - 1));
	return 1;
}

void checks_authorizer(struct check_ctx *c)
{
	const struct check_input *in = c->in;
	const struct aws_settings *s = c->client.settings;
	struct http_options opt = {s->ca_bundle.value, s->connect_timeout, s->read_timeout,
				   c->client.cancel, c->client.arg};
	char *hr, *pr, *sum = NULL, *prob = NULL;
	int cognito;

	if (!in->discovery_url)
		return;
	cognito = cognito_regions(in->discovery_url, &hr, &pr);
	if (cognito && strcmp(hr, pr))
		check_report(c, P_DISCOVERY, "authorizer.region", CHECK_ERROR, NULL,
			     _("the URL names Region %s, but its user pool ID is of Region %s: "
			       "Cognito serves a pool only in its own Region"),
			     hr, pr);
	if (cognito && in->naudience && !in->nclients)
		check_report(c, P_AUDIENCE, "authorizer.audience", CHECK_WARNING, NULL, "%s",
			     _("Cognito access tokens carry client_id, not aud: an allowed "
			       "audience alone refuses them; set allowed clients instead"));
	free(hr);
	free(pr);
	switch (probe_openid(in->discovery_url, &opt, &sum, &prob)) {
	case 0:
		check_report(c, P_DISCOVERY, "authorizer.discovery", CHECK_OK, NULL, "%s", sum);
		break;
	case -2: /* no answer: nothing is known of the URL */
		check_report(c, P_DISCOVERY, "authorizer.discovery", CHECK_UNKNOWN, NULL, "%s",
			     prob);
		break;
	default:
		check_report(c, P_DISCOVERY, "authorizer.discovery", CHECK_WARNING, NULL, "%s",
			     prob);
	}
	free(sum);
	free(prob);
}

/* One page of ListAgentRuntimes: 1 found (id in *id), 0 not, -1 failed. */
static int name_in_page(struct check_ctx *c, char **token, char **id, struct service_error *err)
{
	char *q =
	    *token ? xasprintf("maxResults=100&nextToken=%s", *token) : xstrdup("maxResults=100");
	/* no body; a Content-Type of its own, or libcurl would send a form's */
	struct awscall_request r = {AWS_AGENTCORE,      "POST", NULL, NULL, "/runtimes/", q, NULL,
				    "application/json", NULL,   NULL};
	struct http_response resp;
	cJSON *j, *e;
	const cJSON *next;
	int found = 0;

	free(*token);
	*token = NULL;
	if (awscall_send(&c->client, &r, &resp, err) != 0) {
		free(q);
		return -1;
	}
	free(q);
	j = cJSON_ParseWithLength(resp.body, resp.body_len);
	http_response_free(&resp);
	cJSON_ArrayForEach (e, cJSON_GetObjectItemCaseSensitive(j, "agentRuntimes")) {
		const cJSON *n = cJSON_GetObjectItemCaseSensitive(e, "agentRuntimeName");
		const cJSON *i = cJSON_GetObjectItemCaseSensitive(e, "agentRuntimeId");

		if (cJSON_IsString(n) && !strcmp(n->valuestring, c->in->name) && !found) {
			*id = printable_text(cJSON_IsString(i) ? i->valuestring : "?", 200);
			found = 1;
		}
	}
	next = cJSON_GetObjectItemCaseSensitive(j, "nextToken");
	if (!found && cJSON_IsString(next) && *next->valuestring)
		*token = sigv4_uri_encode(next->valuestring, strlen(next->valuestring), 0);
	cJSON_Delete(j);
	return found;
}

struct check_input *checks_input_updating(struct check_input *in, const char *runtime_id)
{
	free(in->updating);
	in->updating = runtime_id ? xstrdup(runtime_id) : NULL;
	return in;
}

void checks_name(struct check_ctx *c)
{
	char *token = NULL, *id = NULL;
	struct service_error err;
	int r;

	if (!c->in->name)
		return;
	do
		r = name_in_page(c, &token, &id, &err);
	while (r == 0 && token && !check_cancelled(c));
	if (r < 0) {
		check_report_failure(c, P_NAME, "name.unique", &err,
				     "bedrock-agentcore:ListAgentRuntimes");
		service_error_free(&err);
	} else if (r > 0 && c->in->updating && !strcmp(id, c->in->updating)) {
		check_report(c, P_NAME, "name.unique", CHECK_OK, NULL,
			     _("%s is the name of the runtime being updated (%s)"), c->in->name,
			     id);
	} else if (r > 0) {
		check_report(c, P_NAME, "name.unique", CHECK_ERROR, NULL,
			     _("a runtime named %s already exists in %s (ID %s): the service "
			       "would refuse it (ConflictException); choose another name, or "
			       "update that runtime"),
			     c->in->name, c->region, id);
	} else {
		check_report(c, P_NAME, "name.unique", CHECK_OK, NULL,
			     _("no runtime named %s exists yet in %s"), c->in->name, c->region);
	}
	free(token);
	free(id);
}
