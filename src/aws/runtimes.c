/* runtimes.c: the calls for runtimes that exist; see runtimes.h. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "aws/runtime.h"
#include "aws/runtimes.h"
#include "aws/service.h"
#include "aws/sigv4.h"
#include "base/printable.h"
#include "base/util.h"
#include "form/getmap.h"
#include "form/jsonwrite.h"

#define PAGE_SIZE "100"
#define PAGES_MAX 1000 /* a service that never stops paging is an error */
#define FIELD_MAX 2000

/* A text member of an answer's object, safe for a terminal, or NULL. */
static char *field(const cJSON *o, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	if (cJSON_IsString(v))
		return printable_text(v->valuestring, FIELD_MAX);
	if (cJSON_IsNumber(v)) /* an emulator's epoch seconds for a timestamp */
		return xasprintf("%.0f", v->valuedouble);
	return NULL;
}

static void summary_free(struct runtime_summary *s)
{
	free(s->id);
	free(s->name);
	free(s->version);
	free(s->status);
	free(s->updated);
	free(s->description);
	free(s->arn);
}

static void endpoint_free(struct runtime_endpoint *e)
{
	free(e->name);
	free(e->status);
	free(e->live_version);
	free(e->target_version);
	free(e->description);
	free(e->updated);
}

void runtimes_list_free(struct runtimes_list *l)
{
	size_t i;

	free(l->json);
	for (i = 0; i < l->n; i++)
		summary_free(&l->v[i]);
	free(l->v);
	for (i = 0; i < l->nep; i++)
		endpoint_free(&l->ep[i]);
	free(l->ep);
	memset(l, 0, sizeof *l);
}

/* An answer that came with a success status but is not what the model
 * says: an error of its own, so no caller reads half a list. */
static int bad_answer(struct service_error *err, const char *op, const struct http_response *r)
{
	char *x = printable_text(r->body_len ? r->body : "", 200);

	memset(err, 0, sizeof *err);
	err->status = r->status;
	err->http = HTTP_DONE;
	err->message = xasprintf(_("%s answered HTTP %ld with a body that is not the list it "
				   "should be: %s"),
				 op, r->status, x);
	free(x);
	return -1;
}

/* Call a list operation at path until it has no nextToken; every page's
 * items (member `key`) into one array. */
static int all_pages(const struct service_client *c, const char *op, const char *path,
		     const char *key, cJSON **items, struct service_error *err)
{
	char *token = NULL;
	int page;

	*items = cJSON_CreateArray();
	for (page = 0; page < PAGES_MAX; page++) {
		struct http_response r;
		char *q, *enc = token ? sigv4_uri_encode(token, strlen(token), 0) : NULL;
		cJSON *j, *list, *next;

		q = enc ? xasprintf("maxResults=%s&nextToken=%s", PAGE_SIZE, enc)
			: xstrdup("maxResults=" PAGE_SIZE);
		free(enc);
		if (service_call(c, "POST", path, q, NULL, &r, err) != 0) {
			free(q);
			free(token);
			return -1;
		}
		free(q);
		/* a \u0000 in a string kept (jsonscan.h), as the AWS CLI keeps it */
		j = getmap_read_json(r.body, r.body_len);
		list = cJSON_GetObjectItemCaseSensitive(j, key);
		if (!cJSON_IsArray(list)) {
			bad_answer(err, op, &r);
			cJSON_Delete(j);
			http_response_free(&r);
			free(token);
			return -1;
		}
		http_response_free(&r);
		while (list->child)
			cJSON_AddItemToArray(*items,
					     cJSON_DetachItemViaPointer(list, list->child));
		next = cJSON_GetObjectItemCaseSensitive(j, "nextToken");
		free(token);
		token =
		    cJSON_IsString(next) && *next->valuestring ? xstrdup(next->valuestring) : NULL;
		cJSON_Delete(j);
		if (!token)
			return 0;
	}
	free(token);
	memset(err, 0, sizeof *err);
	err->transport = 1;
	err->http = HTTP_FAILED;
	err->message = xasprintf(_("%s still had more pages after %d: gave up"), op, PAGES_MAX);
	return -1;
}

/* {"key": items}, as the AWS CLI prints every page as one answer. */
static char *merged(const char *key, cJSON *items)
{
	cJSON *o = cJSON_CreateObject();
	char *r;

	cJSON_AddItemToObject(o, key, items);
	r = jsonwrite(o, 0); /* a NUL in a string written back as \u0000 */
	cJSON_Delete(o);
	return r;
}

static int list_summaries(const struct service_client *c, const char *op, const char *path,
			  struct runtimes_list *out, struct service_error *err)
{
	cJSON *items, *it;
	size_t i = 0;

	memset(out, 0, sizeof *out);
	if (all_pages(c, op, path, "agentRuntimes", &items, err) != 0) {
		cJSON_Delete(items);
		return -1;
	}
	out->v = xcalloc((size_t)cJSON_GetArraySize(items) + 1, sizeof *out->v);
	cJSON_ArrayForEach (it, items) {
		struct runtime_summary *s = &out->v[i++];

		s->id = field(it, "agentRuntimeId");
		s->name = field(it, "agentRuntimeName");
		s->version = field(it, "agentRuntimeVersion");
		s->status = field(it, "status");
		s->updated = field(it, "lastUpdatedAt");
		s->description = field(it, "description");
		s->arn = field(it, "agentRuntimeArn");
	}
	out->n = i;
	out->json = merged("agentRuntimes", items);
	return 0;
}

char *runtimes_path(const char *id)
{
	return xasprintf("/runtimes/%s/", id);
}

int runtimes_list(const struct service_client *c, struct runtimes_list *out,
		  struct service_error *err)
{
	return list_summaries(c, "ListAgentRuntimes", "/runtimes/", out, err);
}

int runtimes_versions(const struct service_client *c, const char *id, struct runtimes_list *out,
		      struct service_error *err)
{
	char *path = xasprintf("/runtimes/%s/versions/", id);
	int r = list_summaries(c, "ListAgentRuntimeVersions", path, out, err);

	free(path);
	return r;
}

/* An endpoint listed without liveVersion: GetAgentRuntimeEndpoint has it. */
static void endpoint_versions(const struct service_client *c, const char *id,
			      struct runtime_endpoint *e, const cJSON *item)
{
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(item, "name");
	struct http_response r;
	struct service_error err;
	char *path;
	cJSON *j;

	if (!cJSON_IsString(n) || strpbrk(n->valuestring, "/?#% "))
		return;
	path = xasprintf("/runtimes/%s/runtime-endpoints/%s/", id, n->valuestring);
	if (service_call(c, "GET", path, NULL, NULL, &r, &err) == 0) {
		j = cJSON_ParseWithLength(r.body, r.body_len);
		e->live_version = field(j, "liveVersion");
		if (!e->target_version)
			e->target_version = field(j, "targetVersion");
		cJSON_Delete(j);
		http_response_free(&r);
	} else {
		service_error_free(&err); /* the list still says what it can */
	}
	free(path);
}

int runtimes_endpoints(const struct service_client *c, const char *id, struct runtimes_list *out,
		       struct service_error *err)
{
	char *path = xasprintf("/runtimes/%s/runtime-endpoints/", id);
	cJSON *items, *it;
	size_t i = 0;
	int r;

	memset(out, 0, sizeof *out);
	r = all_pages(c, "ListAgentRuntimeEndpoints", path, "runtimeEndpoints", &items, err);
	free(path);
	if (r != 0) {
		cJSON_Delete(items);
		return -1;
	}
	out->ep = xcalloc((size_t)cJSON_GetArraySize(items) + 1, sizeof *out->ep);
	cJSON_ArrayForEach (it, items) {
		struct runtime_endpoint *e = &out->ep[i++];

		e->name = field(it, "name");
		e->status = field(it, "status");
		e->live_version = field(it, "liveVersion");
		e->target_version = field(it, "targetVersion");
		e->description = field(it, "description");
		e->updated = field(it, "lastUpdatedAt");
		if (!e->live_version)
			endpoint_versions(c, id, e, it);
	}
	out->nep = i;
	out->json = merged("runtimeEndpoints", items);
	return 0;
}

void runtimes_answer_free(struct runtime_answer *a)
{
	free(a->get);
	free(a->tags);
	free(a->id);
	free(a->name);
	free(a->version);
	free(a->status);
	free(a->arn);
	memset(a, 0, sizeof *a);
}

/* Take the body of r (NUL-terminated) as ours. */
static char *take_body(struct http_response *r, size_t *len)
{
	char *b = r->body;

	*len = r->body_len;
	r->body = NULL;
	http_response_free(r);
	return b ? b : xstrdup("");
}

int runtimes_get(const struct service_client *c, const char *id, int with_tags,
		 struct runtime_answer *out, struct service_error *err)
{
	char *path = runtimes_path(id), *arn;
	struct http_response r;
	cJSON *j;
	int rc = service_call(c, "GET", path, NULL, NULL, &r, err);

	memset(out, 0, sizeof *out);
	free(path);
	if (rc != 0)
		return -1;
	j = cJSON_ParseWithLength(r.body, r.body_len);
	if (!cJSON_IsObject(j)) {
		cJSON_Delete(j);
		rc = bad_answer(err, "GetAgentRuntime", &r);
		http_response_free(&r);
		return rc;
	}
	out->get = take_body(&r, &out->get_len);
	out->id = field(j, "agentRuntimeId");
	out->name = field(j, "agentRuntimeName");
	out->version = field(j, "agentRuntimeVersion");
	out->status = field(j, "status");
	out->arn = field(j, "agentRuntimeArn");
	arn = cJSON_IsString(cJSON_GetObjectItemCaseSensitive(j, "agentRuntimeArn"))
		  ? cJSON_GetObjectItemCaseSensitive(j, "agentRuntimeArn")->valuestring
		  : NULL;
	if (with_tags && arn) {
		/* the ARN is one path segment: every ':' and '/' encoded */
		char *enc = sigv4_uri_encode(arn, strlen(arn), 0);

		path = xasprintf("/tags/%s", enc);
		free(enc);
		rc = service_call(c, "GET", path, NULL, NULL, &r, err);
		free(path);
		if (rc == 0)
			out->tags = take_body(&r, &out->tags_len);
	}
	cJSON_Delete(j);
	if (rc != 0)
		runtimes_answer_free(out);
	return rc;
}

int runtimes_missing(long status, const char *code)
{
	return status == 404 || (code && !strcmp(code, "ResourceNotFoundException"));
}

int runtimes_not_found(const struct service_error *err)
{
	return !err->transport && runtimes_missing(err->status, err->code);
}

int runtimes_update(const struct service_client *c, const char *id, const char *body,
		    struct http_response *resp, struct service_error *err)
{
	char *path = runtimes_path(id);
	int r = service_call(c, "PUT", path, NULL, body, resp, err);

	free(path);
	return r;
}

/* An endpoint name that cannot be put in a path is refused before anything is sent. */
static int bad_name(const char *name, struct service_error *err)
{
	char *p;

	if (runtime_id_valid(name))
		return 0;
	p = printable_text(name, 100);
	memset(err, 0, sizeof *err);
	err->transport = 1;
	err->http = HTTP_FAILED;
	err->message = xasprintf(_("\"%s\" is not an endpoint name (letters, digits and _)"), p);
	free(p);
	return -1;
}

int runtimes_move_endpoint(const struct service_client *c, const char *id, const char *name,
			   const char *version, struct service_error *err)
{
	char *path, *token, *body;
	struct http_response r;
	cJSON *o;
	int rc;

	if (bad_name(name, err) != 0)
		return -1;
	o = cJSON_CreateObject();
	path = xasprintf("/runtimes/%s/runtime-endpoints/%s/", id, name);
	token = service_new_token();
	cJSON_AddStringToObject(o, "agentRuntimeVersion", version);
	cJSON_AddStringToObject(o, "clientToken", token);
	body = cJSON_PrintUnformatted(o);
	rc = service_call(c, "PUT", path, NULL, body, &r, err);
	if (rc == 0)
		http_response_free(&r);
	cJSON_free(body);
	cJSON_Delete(o);
	free(token);
	free(path);
	return rc;
}

/* A DELETE with a clientToken of its own in the query, the same on every attempt. */
static int delete_call(const struct service_client *c, const char *path, struct service_error *err)
{
	char *token = service_new_token(), *q = xasprintf("clientToken=%s", token);
	struct http_response r;
	int rc = service_call(c, "DELETE", path, q, NULL, &r, err);

	if (rc == 0)
		http_response_free(&r);
	free(q);
	free(token);
	return rc;
}

int runtimes_delete_endpoint(const struct service_client *c, const char *id, const char *name,
			     struct service_error *err)
{
	char *path;
	int rc;

	if (bad_name(name, err) != 0)
		return -1;
	path = xasprintf("/runtimes/%s/runtime-endpoints/%s/", id, name);
	rc = delete_call(c, path, err);

	free(path);
	return rc;
}

int runtimes_delete(const struct service_client *c, const char *id, struct service_error *err)
{
	char *path = runtimes_path(id);
	int rc = delete_call(c, path, err);

	free(path);
	return rc;
}

static int is_default(const struct runtime_endpoint *e)
{
	return e->name && !strcmp(e->name, RUNTIMES_DEFAULT_ENDPOINT);
}

static int stop_error(struct service_error *err, char *message)
{
	memset(err, 0, sizeof *err);
	err->transport = 1;
	err->http = HTTP_CANCELLED;
	err->message = message;
	return -1;
}

/* Wait until no named endpoint is listed any more. */
static int endpoints_gone(const struct service_client *c, const char *id,
			  const struct runtimes_delete_hooks *h, struct service_error *err)
{
	double start = util_monotonic(), delay = 1;

	for (;;) {
		struct runtimes_list e;
		size_t i, named = 0;

		if (runtimes_endpoints(c, id, &e, err) != 0)
			return -1;
		for (i = 0; i < e.nep; i++)
			named += !is_default(&e.ep[i]);
		runtimes_list_free(&e);
		if (!named)
			return 0;
		if (util_monotonic() - start > RUNTIMES_ENDPOINTS_GONE_LIMIT) {
			memset(err, 0, sizeof *err);
			err->transport = 1;
			err->http = HTTP_FAILED;
			err->message =
			    xasprintf(P_("%zu endpoint of runtime %s is still there after "
					 "%.0f s; the runtime was not deleted",
					 "%zu endpoints of runtime %s are still there "
					 "after %.0f s; the runtime was not deleted",
					 named),
				      named, id, RUNTIMES_ENDPOINTS_GONE_LIMIT);
			return -1;
		}
		if (h && h->pause && h->pause(h->arg, delay))
			return stop_error(err,
					  xstrdup(_("stopped waiting for the endpoints to go; "
						    "the runtime was not deleted")));
		delay = delay * 2 > 10 ? 10 : delay * 2;
	}
}

int runtimes_delete_all(const struct service_client *c, const char *id,
			const struct runtimes_list *endpoints,
			const struct runtimes_delete_hooks *h, struct service_error *err)
{
	size_t i, named = 0;

	for (i = 0; i < endpoints->nep; i++) {
		const char *n = endpoints->ep[i].name;

		if (!n || is_default(&endpoints->ep[i]))
			continue;
		if (h && h->deleting)
			h->deleting(h->arg, n);
		if (runtimes_delete_endpoint(c, id, n, err) != 0)
			return -1;
		named++;
	}
	if (named && endpoints_gone(c, id, h, err) != 0)
		return -1;
	if (h && h->deleting)
		h->deleting(h->arg, NULL);
	return runtimes_delete(c, id, err);
}

int runtimes_connect(const struct aws_options *o, struct runtimes_session *rs, char **cause)
{
	return runtimes_connect_with(o, NULL, rs, cause);
}

int runtimes_connect_with(const struct aws_options *o, const struct credentials_hooks *hooks,
			  struct runtimes_session *rs, char **cause)
{
	int r;

	memset(rs, 0, sizeof *rs);
	*cause = NULL;
	if (aws_settings_resolve(o, &rs->s, cause) != 0 ||
	    (*cause = aws_settings_unusable(&rs->s)))
		return -1;
	r = credentials_resolve_with(&rs->s, hooks, &rs->cred, cause);
	if (r == CREDENTIALS_CANCELLED)
		return r;
	if (r > 0)
		*cause =
		    xasprintf(_("no AWS credentials found: set AWS_ACCESS_KEY_ID and "
				"AWS_SECRET_ACCESS_KEY, or configure profile %s (aws configure), "
				"or give --profile"),
			      rs->s.profile.value);
	if (r != 0)
		return -1;
	rs->cl = (struct service_client){
	    &rs->s, &rs->cred, {NULL, hooks ? hooks->cancel : NULL, hooks ? hooks->arg : NULL, 0}};
	return 0;
}

void runtimes_disconnect(struct runtimes_session *rs)
{
	credentials_free(&rs->cred);
	aws_settings_free(&rs->s);
	memset(rs, 0, sizeof *rs);
}
