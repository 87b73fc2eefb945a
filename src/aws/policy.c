/* policy.c: IAM policy documents decoded and judged; see policy.h. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aws/policy.h"
#include "base/util.h"

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

cJSON *policy_decode(const char *text)
{
	size_t n = strlen(text), i, o = 0;
	char *d = xmalloc(n + 1);
	cJSON *j;

	for (i = 0; i < n; i++) {
		int h, l;

		if (text[i] == '%' && i + 2 < n && (h = hexval(text[i + 1])) >= 0 &&
		    (l = hexval(text[i + 2])) >= 0) {
			d[o++] = (char)(h * 16 + l);
			i += 2;
		} else {
			d[o++] = text[i];
		}
	}
	d[o] = '\0';
	j = cJSON_ParseWithLength(d, o);
	free(d);
	if (!j)
		j = cJSON_Parse(text);
	if (j && !cJSON_IsObject(j)) {
		cJSON_Delete(j);
		j = NULL;
	}
	return j;
}

int policy_glob(const char *p, const char *s, int icase)
{
	const char *star = NULL, *back = NULL;

	while (*s) {
		if (*p == '*') {
			star = p++;
			back = s;
		} else if (*p == '?' ||
			   (icase ? tolower((unsigned char)*p) == tolower((unsigned char)*s)
				  : *p == *s)) {
			if (!*p)
				break;
			p++;
			s++;
		} else if (star) {
			p = star + 1;
			s = ++back;
		} else {
			return 0;
		}
	}
	while (*p == '*')
		p++;
	return !*p;
}

/* Does a string or list of strings hold a value matching s? */
static int list_matches(const cJSON *v, const char *s, int icase)
{
	const cJSON *e;

	if (cJSON_IsString(v))
		return policy_glob(v->valuestring, s, icase);
	cJSON_ArrayForEach (e, v)
		if (cJSON_IsString(e) && policy_glob(e->valuestring, s, icase))
			return 1;
	return 0;
}

/* Does the list hold a value with a policy variable ("${aws:username}")? */
static int has_variable(const cJSON *v)
{
	const cJSON *e;

	if (cJSON_IsString(v))
		return strstr(v->valuestring, "${") != NULL;
	cJSON_ArrayForEach (e, v)
		if (cJSON_IsString(e) && strstr(e->valuestring, "${"))
			return 1;
	return 0;
}

/* The statements of a document, as a list (one statement may stand alone). */
static const cJSON *statements(const cJSON *doc, cJSON **tmp)
{
	const cJSON *st = cJSON_GetObjectItemCaseSensitive(doc, "Statement");

	*tmp = NULL;
	if (cJSON_IsObject(st)) {
		*tmp = cJSON_CreateArray();
		cJSON_AddItemReferenceToArray(*tmp, (cJSON *)st);
		return *tmp;
	}
	return cJSON_IsArray(st) ? st : NULL;
}

static char *statement_name(const cJSON *st, int index)
{
	const cJSON *sid = cJSON_GetObjectItemCaseSensitive(st, "Sid");

	if (cJSON_IsString(sid) && *sid->valuestring)
		return xasprintf("\"%.60s\"", sid->valuestring);
	return xasprintf(_("number %d"), index + 1);
}

/* Judge one condition value list against the context for the two keys we
 * model. 1 holds, 0 does not, -1 cannot tell. */
static int judge_key(const char *op, const char *key, const cJSON *vals,
		     const struct policy_context *ctx)
{
	const char *base = op;
	int like;

	if (!strncmp(base, "ForAnyValue:", 12) || !strncmp(base, "ForAllValues:", 13))
		return -1;
	if (strlen(base) > 9 && !strcmp(base + strlen(base) - 9, "IfExists"))
		return -1;
	like = !strcmp(base, "StringLike") || !strcmp(base, "ArnLike");
	if (!like && strcmp(base, "StringEquals") && strcmp(base, "ArnEquals"))
		return -1;
	if (has_variable(vals))
		return -1;
	if (!strcasecmp(key, "aws:SourceAccount")) {
		const cJSON *e;

		if (cJSON_IsString(vals))
			return like ? policy_glob(vals->valuestring, ctx->account, 0)
				    : !strcmp(vals->valuestring, ctx->account);
		cJSON_ArrayForEach (e, vals)
			if (cJSON_IsString(e) &&
			    (like ? policy_glob(e->valuestring, ctx->account, 0)
				  : !strcmp(e->valuestring, ctx->account)))
				return 1;
		return 0;
	}
	if (!strcasecmp(key, "aws:SourceArn")) {
		/* a runtime of this account and Region: the sample ARN the caller
		 * gives (its ID is not known before it is created) */
		char *prefix = xasprintf("arn:%s:bedrock-agentcore:%s:%s:", ctx->partition,
					 ctx->region, ctx->account);
		char *sample = ctx->runtime_arn ? xstrdup(ctx->runtime_arn)
						: xasprintf("%sruntime/agent-0123456789", prefix);
		const cJSON *e, *one = cJSON_IsString(vals) ? vals : NULL;
		int r = 0;

		for (e = one ? one : (vals ? vals->child : NULL); e && r != 1;
		     e = one ? NULL : e->next) {
			const char *v = cJSON_IsString(e) ? e->valuestring : "";

			if (like && policy_glob(v, sample, 0))
				r = 1;
			else if (!strncmp(v, prefix, strlen(prefix)))
				r = -1; /* one runtime of this account: which is not known yet */
		}
		free(prefix);
		free(sample);
		return r;
	}
	return -1;
}

/* 1 the condition block holds for ctx, 0 it does not, -1 cannot tell
 * (*why says which key). */
static int judge_condition(const cJSON *cond, const struct policy_context *ctx, char **why)
{
	const cJSON *op, *key;
	int r = 1;

	if (!cond)
		return 1;
	if (!cJSON_IsObject(cond))
		return -1;
	cJSON_ArrayForEach (op, cond) {
		cJSON_ArrayForEach (key, op) {
			int k = ctx ? judge_key(op->string, key->string, key, ctx) : -1;

			if (k == 0)
				return 0;
			if (k < 0 && r == 1) {
				free(*why);
				*why = xasprintf(_("its condition %.60s on %.60s"), op->string,
						 key->string ? key->string : "?");
				r = -1;
			}
		}
	}
	return r;
}

static int action_matches(const cJSON *st, const char *action)
{
	const cJSON *a = cJSON_GetObjectItemCaseSensitive(st, "Action");
	const cJSON *na = cJSON_GetObjectItemCaseSensitive(st, "NotAction");

	if (a)
		return list_matches(a, action, 1);
	if (na)
		return !list_matches(na, action, 1);
	return 0;
}

static int effect_is(const cJSON *st, const char *e)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(st, "Effect");

	return cJSON_IsString(v) && !strcmp(v->valuestring, e);
}

/* 1 the statement names service as a principal, 0 not, -1 cannot tell. */
static int principal_matches(const cJSON *st, const char *service)
{
	const cJSON *p = cJSON_GetObjectItemCaseSensitive(st, "Principal");

	if (cJSON_GetObjectItemCaseSensitive(st, "NotPrincipal"))
		return -1;
	if (cJSON_IsString(p))
		return !strcmp(p->valuestring, "*");
	if (cJSON_IsObject(p)) {
		const cJSON *svc = cJSON_GetObjectItemCaseSensitive(p, "Service");
		const cJSON *aws = cJSON_GetObjectItemCaseSensitive(p, "AWS");
		const cJSON *e;

		if (svc && cJSON_IsString(svc) && !strcmp(svc->valuestring, service))
			return 1;
		cJSON_ArrayForEach (e, svc)
			if (cJSON_IsString(e) && !strcmp(e->valuestring, service))
				return 1;
		if (cJSON_IsString(aws) && !strcmp(aws->valuestring, "*"))
			return 1;
	}
	return 0;
}

enum policy_verdict policy_trusts(const cJSON *doc, const char *service,
				  const struct policy_context *ctx, char **why)
{
	cJSON *tmp;
	const cJSON *sts = statements(doc, &tmp), *st;
	enum policy_verdict v = POLICY_NO;
	int i = 0;

	*why = NULL;
	cJSON_ArrayForEach (st, sts) {
		int pm = principal_matches(st, service), c;
		char *cw = NULL, *name = statement_name(st, i++);

		if (!action_matches(st, "sts:AssumeRole") || pm == 0) {
			free(name);
			continue;
		}
		c = judge_condition(cJSON_GetObjectItemCaseSensitive(st, "Condition"), ctx, &cw);
		if (effect_is(st, "Deny") && c != 0) {
			free(*why);
			*why = xasprintf(_("statement %s denies it%s%s"), name, cw ? ": " : "",
					 cw ? cw : "");
			free(cw);
			free(name);
			cJSON_Delete(tmp);
			return POLICY_UNKNOWN;
		}
		if (effect_is(st, "Allow")) {
			if (pm > 0 && c == 1 && v != POLICY_YES) {
				free(*why);
				*why =
				    xasprintf(_("statement %s lets %s assume it"), name, service);
				v = POLICY_YES;
			} else if (v == POLICY_NO && (pm < 0 || c < 0)) {
				free(*why);
				*why = pm < 0
					   ? xasprintf(_("statement %s uses NotPrincipal"), name)
					   : xasprintf(_("statement %s: %s cannot be checked"),
						       name, cw);
				v = POLICY_UNKNOWN;
			} else if (v == POLICY_NO && c == 0 && !*why) {
				*why = xasprintf(_("statement %s names the service, but its "
						   "conditions do not hold for account %s in %s"),
						 name, ctx->account, ctx->region);
			}
		}
		free(cw);
		free(name);
	}
	cJSON_Delete(tmp);
	if (v == POLICY_NO && !*why)
		*why = xasprintf(_("no statement allows %s to call sts:AssumeRole"), service);
	return v;
}

static int resource_matches(const cJSON *st, const char *resource, int *variable)
{
	const cJSON *r = cJSON_GetObjectItemCaseSensitive(st, "Resource");
	const cJSON *nr = cJSON_GetObjectItemCaseSensitive(st, "NotResource");

	*variable = has_variable(r) || has_variable(nr);
	if (r)
		return list_matches(r, resource, 0);
	if (nr)
		return !list_matches(nr, resource, 0);
	return 0;
}

enum policy_verdict policy_allows(const cJSON *const *docs, size_t n, const char *action,
				  const char *resource, char **why)
{
	enum policy_verdict v = POLICY_NO;
	size_t d;

	*why = NULL;
	for (d = 0; d < n; d++) {
		cJSON *tmp;
		const cJSON *sts = statements(docs[d], &tmp), *st;
		int i = 0;

		cJSON_ArrayForEach (st, sts) {
			int var, rm, c;
			char *cw = NULL, *name;

			if (!action_matches(st, action)) {
				i++;
				continue;
			}
			rm = resource_matches(st, resource, &var);
			name = statement_name(st, i++);
			c = judge_condition(cJSON_GetObjectItemCaseSensitive(st, "Condition"),
					    NULL, &cw);
			if (effect_is(st, "Deny") && (rm || var)) {
				free(*why);
				*why = xasprintf(_("statement %s may deny %s"), name, action);
				free(cw);
				free(name);
				cJSON_Delete(tmp);
				return POLICY_UNKNOWN;
			}
			if (effect_is(st, "Allow") && (rm || var) && v != POLICY_YES) {
				if (c == 1 && !var) {
					free(*why);
					*why =
					    xasprintf(_("statement %s allows %s"), name, action);
					v = POLICY_YES;
				} else {
					free(*why);
					*why =
					    var ? xasprintf(
						      _("statement %s uses a policy variable "
							"in its resources"),
						      name)
						: xasprintf(_("statement %s allows %s under %s, "
							      "which cannot be checked"),
							    name, action, cw);
					v = POLICY_UNKNOWN;
				}
			}
			free(cw);
			free(name);
		}
		cJSON_Delete(tmp);
	}
	if (v == POLICY_NO)
		*why = xasprintf(_("no statement allows %s on %s"), action, resource);
	return v;
}
