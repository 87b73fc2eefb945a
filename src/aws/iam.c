/* iam.c: IAM GetRole, the role's policies, CreateRole, PutRolePolicy; see iam.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "aws/iam.h"
#include "aws/policy.h"
#include "aws/xml.h"
#include "base/printable.h"
#include "base/util.h"

#define IAM_VERSION "2010-05-08"
#define FORM_TYPE   "application/x-www-form-urlencoded; charset=utf-8"

void iam_role_free(struct iam_role *r)
{
	free(r->arn);
	free(r->name);
	free(r->path);
	cJSON_Delete(r->trust);
	memset(r, 0, sizeof *r);
}

char *iam_role_name(const char *arn, char **account)
{
	const char *p = arn, *slash;
	size_t i;

	if (account)
		*account = NULL;
	if (!arn || strncmp(arn, "arn:", 4))
		return NULL;
	/* arn:PARTITION:iam::ACCOUNT:role/PATH/NAME */
	for (i = 0; i < 4; i++) {
		p = strchr(p, ':');
		if (!p)
			return NULL;
		p++;
	}
	if (strncmp(arn + 4 + strcspn(arn + 4, ":"), ":iam::", 6) || strncmp(p + 12, ":role/", 6))
		return NULL;
	slash = strrchr(p, '/');
	if (!slash[1])
		return NULL;
	if (account)
		*account = xstrndup(p, 12);
	return xstrdup(slash + 1);
}

/* The role of a GetRole answer's tree. */
static int role_from(const struct xml_node *root, struct iam_role *r, char **cause)
{
	const struct xml_node *role = xml_path(root, "GetRoleResult/Role");
	const char *arn = xml_path_text(role, "Arn"), *name = xml_path_text(role, "RoleName");
	const char *path = xml_path_text(role, "Path");
	const char *doc = xml_path_text(role, "AssumeRolePolicyDocument");

	memset(r, 0, sizeof *r);
	if (!arn || !*arn) {
		*cause = xstrdup(_("the GetRole answer has no role ARN"));
		return -1;
	}
	r->arn = printable_text(arn, 2048);
	r->name = printable_text(name ? name : "", 256);
	r->path = xstrdup(path ? path : "/");
	r->trust = doc ? policy_decode(doc) : NULL;
	return 0;
}

int iam_parse_role(const char *xml, size_t len, struct iam_role *r, char **cause)
{
	struct xml_node *root = xml_parse(xml, len, cause);
	int ret = root ? role_from(root, r, cause) : -1;

	if (!root)
		memset(r, 0, sizeof *r);
	xml_free(root);
	return ret;
}

int iam_call(const struct awscall_client *c, const char *body, struct xml_node **root,
	     struct service_error *err)
{
	struct awscall_request r = {AWS_IAM, "POST", NULL,      NULL, "/",
				    NULL,    body,   FORM_TYPE, NULL, NULL};
	struct http_response resp;
	char *cause = NULL;

	*root = NULL;
	if (awscall_send(c, &r, &resp, err) != 0)
		return -1;
	*root = xml_parse(resp.body, resp.body_len, &cause);
	if (!*root) {
		err->status = resp.status;
		err->message = cause;
	}
	http_response_free(&resp);
	return *root ? 0 : -1;
}

int iam_get_role(const struct awscall_client *c, const char *name, struct iam_role *r,
		 struct service_error *err)
{
	char *body = awscall_form("GetRole", IAM_VERSION, "RoleName", name, NULL), *cause = NULL;
	struct xml_node *root;
	int ret = iam_call(c, body, &root, err);

	free(body);
	memset(r, 0, sizeof *r);
	if (ret == 0 && role_from(root, r, &cause) != 0) {
		err->status = 200;
		err->message = cause;
		ret = -1;
	}
	xml_free(root);
	return ret;
}

void iam_policies_free(struct iam_policies *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		cJSON_Delete(p->docs[i]);
		free(p->names[i]);
	}
	free(p->docs);
	free(p->names);
	memset(p, 0, sizeof *p);
}

static void policies_add(struct iam_policies *p, const char *text, const char *name)
{
	cJSON *d = text ? policy_decode(text) : NULL;

	if (!d) /* a document we cannot read allows nothing we can see */
		d = cJSON_CreateObject();
	p->docs = xrealloc(p->docs, (p->n + 1) * sizeof *p->docs);
	p->names = xrealloc(p->names, (p->n + 1) * sizeof *p->names);
	p->docs[p->n] = d;
	p->names[p->n++] = printable_text(name, 300);
}

/* One page of a list call; *marker (caller frees) the next page's marker or NULL. */
static int list_page(const struct awscall_client *c, const char *action, const char *role,
		     char **marker, struct xml_node **root, struct service_error *err)
{
	char *body = awscall_form(action, IAM_VERSION, "RoleName", role, NULL), *res;
	const char *trunc, *next;
	int ret;

	if (*marker)
		body = awscall_form_add(body, "Marker", *marker);
	free(*marker);
	*marker = NULL;
	ret = iam_call(c, body, root, err);
	free(body);
	if (ret != 0)
		return -1;
	res = xasprintf("%sResult", action);
	trunc = xml_path_text(xml_child(*root, res), "IsTruncated");
	next = xml_path_text(xml_child(*root, res), "Marker");
	if (trunc && !strcmp(trunc, "true") && next && *next)
		*marker = xstrdup(next);
	free(res);
	return 0;
}

static int inline_policies(const struct awscall_client *c, const char *role,
			   struct iam_policies *out, struct service_error *err)
{
	char *marker = NULL;

	do {
		struct xml_node *root;
		const struct xml_node *m;

		if (list_page(c, "ListRolePolicies", role, &marker, &root, err) != 0)
			return -1;
		for (m = xml_path(root, "ListRolePoliciesResult/PolicyNames/member"); m;
		     m = xml_next(m)) {
			char *body = awscall_form("GetRolePolicy", IAM_VERSION, "RoleName", role,
						  "PolicyName", m->text, NULL);
			struct xml_node *doc;
			int r = iam_call(c, body, &doc, err);

			free(body);
			if (r != 0) {
				xml_free(root);
				free(marker);
				return -1;
			}
			policies_add(out, xml_path_text(doc, "GetRolePolicyResult/PolicyDocument"),
				     m->text);
			xml_free(doc);
		}
		xml_free(root);
	} while (marker);
	return 0;
}

/* The default version's document of a managed policy. */
static int managed_policy(const struct awscall_client *c, const char *arn,
			  struct iam_policies *out, struct service_error *err)
{
	char *body = awscall_form("GetPolicy", IAM_VERSION, "PolicyArn", arn, NULL);
	struct xml_node *root, *ver;
	const char *v;
	int r = iam_call(c, body, &root, err);

	free(body);
	if (r != 0)
		return -1;
	v = xml_path_text(root, "GetPolicyResult/Policy/DefaultVersionId");
	body = awscall_form("GetPolicyVersion", IAM_VERSION, "PolicyArn", arn, "VersionId",
			    v ? v : "v1", NULL);
	xml_free(root);
	r = iam_call(c, body, &ver, err);
	free(body);
	if (r != 0)
		return -1;
	policies_add(out, xml_path_text(ver, "GetPolicyVersionResult/PolicyVersion/Document"),
		     arn);
	xml_free(ver);
	return 0;
}

int iam_role_policies(const struct awscall_client *c, const char *role, struct iam_policies *out,
		      struct service_error *err)
{
	char *marker = NULL;

	memset(out, 0, sizeof *out);
	if (inline_policies(c, role, out, err) != 0)
		goto fail;
	do {
		struct xml_node *root;
		const struct xml_node *m;

		if (list_page(c, "ListAttachedRolePolicies", role, &marker, &root, err) != 0)
			goto fail;
		for (m = xml_path(root, "ListAttachedRolePoliciesResult/AttachedPolicies/member");
		     m; m = xml_next(m)) {
			const char *arn = xml_path_text(m, "PolicyArn");

			if (arn && managed_policy(c, arn, out, err) != 0) {
				xml_free(root);
				free(marker);
				goto fail;
			}
		}
		xml_free(root);
	} while (marker);
	return 0;
fail:
	iam_policies_free(out);
	return -1;
}

int iam_create_role(const struct awscall_client *c, const char *name, const char *trust,
		    const char *description, char **arn, struct service_error *err)
{
	char *body =
	    awscall_form("CreateRole", IAM_VERSION, "RoleName", name, "AssumeRolePolicyDocument",
			 trust, "Description", description, NULL);
	struct xml_node *root;
	const char *a;
	int r = iam_call(c, body, &root, err);

	free(body);
	*arn = NULL;
	if (r != 0)
		return -1;
	a = xml_path_text(root, "CreateRoleResult/Role/Arn");
	if (a && *a)
		*arn = printable_text(a, 2048);
	else
		err->message = xstrdup(_("the CreateRole answer has no role ARN"));
	xml_free(root);
	return *arn ? 0 : -1;
}

int iam_put_role_policy(const struct awscall_client *c, const char *role, const char *policy,
			const char *document, struct service_error *err)
{
	char *body = awscall_form("PutRolePolicy", IAM_VERSION, "RoleName", role, "PolicyName",
				  policy, "PolicyDocument", document, NULL);
	struct xml_node *root;
	int r = iam_call(c, body, &root, err);

	free(body);
	xml_free(root);
	return r;
}
