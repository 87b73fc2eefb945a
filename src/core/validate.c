/* validate.c: field rules from the form definition, cross-field rules in code; see validate.h. */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "document.h"
#include "formdef.h"
#include "util.h"
#include "validate.h"

void problems_add(struct problems *p, enum vstate state, const char *path, const char *ref,
		  const char *fmt, ...)
{
	va_list ap;
	struct problem *x;

	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 8;
		p->v = xrealloc(p->v, p->cap * sizeof *p->v);
	}
	x = &p->v[p->n++];
	x->state = state;
	x->path = xstrdup(path);
	x->ref = xstrdup(ref ? ref : path);
	va_start(ap, fmt);
	x->message = xvasprintf(fmt, ap);
	va_end(ap);
}

void problems_clear(struct problems *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].path);
		free(p->v[i].ref);
		free(p->v[i].message);
	}
	free(p->v);
	p->v = NULL;
	p->n = p->cap = 0;
}

enum vstate problems_worst(const struct problems *p)
{
	enum vstate w = VS_VALID;
	size_t i;

	for (i = 0; i < p->n; i++)
		if (p->v[i].state > w)
			w = p->v[i].state;
	return w;
}

/* The value as shown in a message: quoted, at most 40 characters, controls escaped. */
static char *show(const struct fnode *f, const char *text)
{
	struct strbuf b = {0};
	size_t n = strlen(text), cut = utf8_offset(text, n, 40), i;

	/* secrets are never echoed; a map's keys are names, not secrets */
	if (f->sensitive || (f->parent && f->parent->sensitive && f != f->parent->key))
		return xstrdup(_("the value"));
	strbuf_addc(&b, '"');
	for (i = 0; i < cut; i++) {
		unsigned char c = (unsigned char)text[i];

		if (c < 0x20 || c == 0x7f)
			strbuf_addf(&b, "\\x%02x", c);
		else if (c == '"' || c == '\\')
			strbuf_addf(&b, "\\%c", c);
		else
			strbuf_addc(&b, (char)c);
	}
	if (cut < n)
		strbuf_adds(&b, "...");
	strbuf_addc(&b, '"');
	return strbuf_finish(&b);
}

static const char *expectation(const struct fnode *f)
{
	return f->expect ? f->expect : f->example ? f->example : _("a valid value");
}

enum match { M_NO, M_PARTIAL, M_FULL };

static enum match pattern_match(const struct fnode *f, const char *text, size_t len)
{
	static pcre2_match_data *md; /* one pair is all a whole-value match needs */
	int rc;

	if (!f->re)
		return M_FULL;
	if (!md && !(md = pcre2_match_data_create(1, NULL)))
		util_fatal("out of memory");
	rc = pcre2_match(f->re, (PCRE2_SPTR)text, len, 0,
			 PCRE2_ANCHORED | PCRE2_ENDANCHORED | PCRE2_NO_UTF_CHECK, md, NULL);
	if (rc < 0 && rc != PCRE2_ERROR_NOMATCH && rc != PCRE2_ERROR_PARTIAL)
		rc = PCRE2_ERROR_NOMATCH;
	if (rc >= 0)
		return M_FULL;
	rc = pcre2_match(f->re, (PCRE2_SPTR)text, len, 0,
			 PCRE2_ANCHORED | PCRE2_PARTIAL_HARD | PCRE2_NO_UTF_CHECK, md, NULL);
	return rc == PCRE2_ERROR_PARTIAL ? M_PARTIAL : M_NO;
}

/* Message for a value that is shorter than allowed, with the expectation. */
static char *too_short(const struct fnode *f, const char *shown)
{
	if (f->expect || f->min_len < 0)
		return xasprintf(_("%s is too short: expected %s"), shown, expectation(f));
	return xasprintf(_("%s is too short: expected at least %ld characters"), shown,
			 f->min_len);
}

/* Check a text value. live: a valid prefix is VS_INCOMPLETE rather than invalid. */
static enum vstate check_text(const struct fnode *f, const char *text, int live, char **msg)
{
	size_t len = strlen(text), chars;
	char *shown;
	enum match m;
	enum vstate st = VS_VALID;

	*msg = NULL;
	chars = utf8_length(text, len);
	if (chars == (size_t)-1) {
		*msg = xstrdup(_("is not valid UTF-8 text"));
		return VS_INVALID;
	}
	if (f->max_len >= 0 && chars > (size_t)f->max_len) {
		*msg = xasprintf(_("is too long: %zu characters, at most %ld allowed"), chars,
				 f->max_len);
		return VS_INVALID;
	}
	m = pattern_match(f, text, len);
	if (m == M_FULL && (f->min_len < 0 || chars >= (size_t)f->min_len))
		return VS_VALID;
	shown = show(f, text);
	if (m == M_NO) {
		*msg = xasprintf(_("%s is not valid: expected %s"), shown, expectation(f));
		st = VS_INVALID;
	} else {
		if (len == 0)
			*msg = xasprintf(_("is empty: expected %s"), expectation(f));
		else
			*msg = too_short(f, shown);
		st = live ? VS_INCOMPLETE : VS_INVALID;
	}
	free(shown);
	return st;
}

static int parse_integer(const char *text, long long *out)
{
	char *end;

	if (!*text || isspace((unsigned char)*text))
		return -1;
	errno = 0;
	*out = strtoll(text, &end, 10);
	return (*end || errno) ? -1 : 0;
}

static enum vstate check_integer(const struct fnode *f, long long v, int live, char **msg)
{
	*msg = NULL;
	if (f->has_max_val && v > f->max_val) {
		*msg = xasprintf(_("%lld is too large: expected %lld to %lld"), v,
				 f->has_min_val ? f->min_val : 0, f->max_val);
		return VS_INVALID;
	}
	if (f->has_min_val && v < f->min_val) {
		*msg = xasprintf(_("%lld is too small: expected %lld to %lld"), v, f->min_val,
				 f->has_max_val ? f->max_val : v);
		/* while typing, "6" can still become 60 */
		return live && v > 0 ? VS_INCOMPLETE : VS_INVALID;
	}
	return VS_VALID;
}

static char *values_list(const struct fnode *f)
{
	struct strbuf b = {0};
	size_t i;

	for (i = 0; i < f->nvalues; i++) {
		if (i)
			strbuf_adds(&b, i + 1 == f->nvalues ? _(" or ") : ", ");
		strbuf_adds(&b, f->values[i]);
	}
	return strbuf_finish(&b);
}

static enum vstate check_choice(const struct fnode *f, const char *text, int live, char **msg)
{
	size_t i, n = strlen(text);
	int prefix = 0;
	char *vals, *shown;

	*msg = NULL;
	for (i = 0; i < f->nvalues; i++) {
		if (!strcmp(f->values[i], text))
			return VS_VALID;
		if (!strncmp(f->values[i], text, n))
			prefix = 1;
	}
	vals = values_list(f);
	shown = show(f, text);
	*msg = xasprintf(_("%s is not allowed: expected one of %s"), shown, vals);
	free(vals);
	free(shown);
	return live && prefix ? VS_INCOMPLETE : VS_INVALID;
}

enum vstate validate_scalar(const struct fnode *f, const char *text, const char *path, char **msg)
{
	enum vstate st = VS_VALID;
	char *m = NULL;
	long long v;

	*msg = NULL;
	if (!text)
		text = "";
	if (!*text) {
		/* Empty means unset while editing; list items and map keys have no "unset". */
		int must = f->required ||
			   (f->parent && (f->parent->kind == FK_LIST ||
					  (f->parent->kind == FK_MAP && f == f->parent->key)));
		if (!must || (f->kind == FK_TEXT && f->min_len == 0 && !f->re))
			return VS_VALID;
		if (f->kind == FK_CHOICE) {
			char *vals = values_list(f);

			m = xasprintf(_("is required: expected one of %s"), vals);
			free(vals);
		} else {
			m = xasprintf(_("is required: expected %s"), expectation(f));
		}
		st = VS_INCOMPLETE;
		goto out;
	}
	switch (f->kind) {
	case FK_TEXT:
		st = check_text(f, text, 1, &m);
		break;
	case FK_INTEGER:
		if (parse_integer(text, &v) != 0) {
			m = xstrdup(_("is not a whole number: expected digits only"));
			st = VS_INVALID;
		} else {
			st = check_integer(f, v, 1, &m);
		}
		break;
	case FK_CHOICE:
		st = check_choice(f, text, 1, &m);
		break;
	case FK_BOOLEAN:
		if (strcmp(text, "true") && strcmp(text, "false")) {
			m = xstrdup(_("expected true or false"));
			st = VS_INVALID;
		}
		break;
	default:
		break;
	}
out:
	if (m && path && *path) {
		*msg = xasprintf("%s: %s", path, m);
		free(m);
	} else {
		*msg = m;
	}
	return st;
}

/* ---- whole-document validation ---- */

struct walk {
	struct problems *out;
	const struct formdef *def;
	const cJSON *root;
};

static void add(struct walk *w, enum vstate st, const char *path, const char *ref, char *msg)
{
	problems_add(w->out, st, path, ref, "%s", msg);
	free(msg);
}

static int plain_key(const char *k)
{
	const char *p;

	if (!*k || isdigit((unsigned char)*k))
		return 0;
	for (p = k; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '_' && *p != '-')
			return 0;
	return 1;
}

static char *join_member(const char *path, const char *name)
{
	return *path ? xasprintf("%s.%s", path, name) : xstrdup(name);
}

static char *join_key(const char *path, const char *key)
{
	if (plain_key(key))
		return xasprintf("%s.%s", path, key);
	return xasprintf("%s[\"%s\"]", path, key);
}

static void check_node(struct walk *w, const struct fnode *f, const cJSON *v, const char *path,
		       const char *ref);

static void check_size(struct walk *w, const struct fnode *f, size_t n, const char *path,
		       const char *ref)
{
	if (f->min_items >= 0 && n < (size_t)f->min_items)
		add(w, VS_INVALID, path, ref,
		    n == 0
			? xasprintf(_("is empty: expected at least %ld entries"), f->min_items)
			: xasprintf(_("has %zu entries: expected at least %ld"), n, f->min_items));
	if (f->max_items >= 0 && n > (size_t)f->max_items)
		add(w, VS_INVALID, path, ref,
		    xasprintf(_("has %zu entries: at most %ld allowed"), n, f->max_items));
}

/* The sibling that a `when` condition names holds one of its values. */
static int when_holds(const struct fnode *f, const cJSON *parent)
{
	const cJSON *s;
	size_t i;

	if (!f->when_field)
		return 1;
	s = cJSON_GetObjectItemCaseSensitive(parent, f->when_field);
	if (!cJSON_IsString(s))
		return 0;
	for (i = 0; i < f->nwhen; i++)
		if (!strcmp(s->valuestring, f->when_values[i]))
			return 1;
	return 0;
}

static void check_group(struct walk *w, const struct fnode *f, const cJSON *v, const char *path,
			const char *ref)
{
	const cJSON *c;
	size_t i;

	for (i = 0; i < f->nchildren; i++) {
		const struct fnode *k = f->children[i];
		char *p = join_member(path, k->name), *r = join_member(ref, k->name);

		c = cJSON_GetObjectItemCaseSensitive(v, k->name);
		if (c && !when_holds(k, v)) {
			char *vals = NULL;
			struct strbuf b = {0};
			size_t j;

			for (j = 0; j < k->nwhen; j++)
				strbuf_addf(&b, "%s%s", j ? _(" or ") : "", k->when_values[j]);
			vals = strbuf_finish(&b);
			add(w, VS_INVALID, p, r,
			    xasprintf(_("only applies when %s is %s: remove it or change %s"),
				      k->when_field, vals, k->when_field));
			free(vals);
		} else if (c) {
			check_node(w, k, c, p, r);
		} else if (k->required && f->kind == FK_GROUP && when_holds(k, v)) {
			char *exp = k->kind == FK_CHOICE
					? values_list(k)
					: xstrdup(k->expect ? k->expect : fkind_expect(k->kind));

			add(w, VS_INCOMPLETE, p, r, xasprintf(_("is required: expected %s"), exp));
			free(exp);
		}
		free(p);
		free(r);
	}
	cJSON_ArrayForEach (c, v) {
		if (!fnode_child(f, c->string)) {
			char *p = join_member(path, c->string);

			add(w, VS_INVALID, p, p,
			    xstrdup(_("unknown member: not part of the request")));
			free(p);
		}
	}
}

static void check_oneof(struct walk *w, const struct fnode *f, const cJSON *v, const char *path,
			const char *ref)
{
	const cJSON *c, *first = NULL;
	size_t set = 0;
	struct strbuf names = {0};
	size_t i;
	char *all;

	for (i = 0; i < f->nchildren; i++)
		strbuf_addf(&names, "%s%s", i ? (i + 1 == f->nchildren ? _(" or ") : ", ") : "",
			    f->children[i]->name);
	all = strbuf_finish(&names);
	cJSON_ArrayForEach (c, v) {
		if (fnode_child(f, c->string)) {
			if (!first)
				first = c;
			set++;
		}
	}
	if (set == 0 && !v->child)
		add(w, VS_INCOMPLETE, path, ref, xasprintf(_("is empty: choose one of %s"), all));
	else if (set > 1)
		add(w, VS_INVALID, path, ref,
		    xasprintf(_("holds %zu choices: expected exactly one of %s"), set, all));
	free(all);
	check_group(w, f, v, path, ref);
}

static void check_scalar_strict(struct walk *w, const struct fnode *f, const cJSON *v,
				const char *path, const char *ref)
{
	char *m = NULL;
	enum vstate st = VS_VALID;

	if (f->kind == FK_TEXT)
		st = check_text(f, v->valuestring, 0, &m);
	else if (f->kind == FK_CHOICE)
		st = check_choice(f, v->valuestring, 0, &m);
	else if (f->kind == FK_INTEGER)
		st = check_integer(f, (long long)v->valuedouble, 0, &m);
	if (st != VS_VALID)
		add(w, VS_INVALID, path, ref, m);
	else
		free(m);
}

static void check_node(struct walk *w, const struct fnode *f, const cJSON *v, const char *path,
		       const char *ref)
{
	const cJSON *c;
	size_t i = 0;

	if (!fnode_accepts(f, v)) {
		add(w, VS_INVALID, path, ref,
		    xasprintf(_("is %s: expected %s"), json_type_name(v), fkind_expect(f->kind)));
		return;
	}
	switch (f->kind) {
	case FK_TEXT:
	case FK_CHOICE:
	case FK_INTEGER:
	case FK_BOOLEAN:
		check_scalar_strict(w, f, v, path, ref);
		break;
	case FK_LIST:
	case FK_SUBLIST:
		check_size(w, f, (size_t)cJSON_GetArraySize(v), path, ref);
		cJSON_ArrayForEach (c, v) {
			char *p = xasprintf("%s[%zu]", path, i), *r = xasprintf("%s[%zu]", ref, i);

			check_node(w, f->item, c, p, r);
			free(p);
			free(r);
			i++;
		}
		break;
	case FK_MAP:
		check_size(w, f, (size_t)cJSON_GetArraySize(v), path, ref);
		cJSON_ArrayForEach (c, v) {
			char *p = join_key(path, c->string), *r = xasprintf("%s[%zu]", ref, i);
			char *m = NULL;
			const cJSON *d;

			if (check_text(f->key, c->string, 0, &m) != VS_VALID) {
				char *km = xasprintf(_("key %s"), m);

				add(w, VS_INVALID, p, r, km);
			}
			free(m);
			for (d = v->child; d != c; d = d->next)
				if (!strcmp(d->string, c->string)) {
					add(w, VS_INVALID, p, r,
					    xstrdup(_(
						"is a duplicate key: each key may appear once")));
					break;
				}
			check_node(w, f->value, c, p, r);
			free(p);
			free(r);
			i++;
		}
		break;
	case FK_GROUP:
		check_group(w, f, v, path, ref);
		break;
	case FK_ONEOF:
		check_oneof(w, f, v, path, ref);
		break;
	}
}

/* ---- rules across fields ---- */

static const cJSON *at(const cJSON *root, const char *path)
{
	char buf[256], *tok, *save = NULL;
	const cJSON *cur = root;

	snprintf(buf, sizeof buf, "%s", path);
	for (tok = strtok_r(buf, ".", &save); tok && cur; tok = strtok_r(NULL, ".", &save))
		cur = cJSON_GetObjectItemCaseSensitive(cur, tok);
	return cur;
}

static void rule_network(struct walk *w)
{
	const cJSON *net = at(w->root, "networkConfiguration");
	const cJSON *mode = at(net, "networkMode");

	if (cJSON_IsString(mode) && !strcmp(mode->valuestring, "VPC") &&
	    !at(net, "networkModeConfig"))
		add(w, VS_INCOMPLETE, "networkConfiguration.networkModeConfig",
		    "networkConfiguration.networkModeConfig",
		    xstrdup(_("is required in VPC mode: expected at least one subnet and one "
			      "security group")));
}

/* The model: "Passing this field in a CreateAgentRuntime request returns a
 * ValidationException" (it is for updating runtimes made before May 2026). */
static void rule_s3_endpoint(struct walk *w)
{
	const char *p = "networkConfiguration.networkModeConfig.requireServiceS3Endpoint";

	if (at(w->root, p))
		add(w, VS_INVALID, p, p,
		    xstrdup(_("is refused when a runtime is created: it applies only to "
			      "updating runtimes made before May 2026; leave it unset")));
}

static void rule_claims(struct walk *w)
{
	const cJSON *claims =
			at(w->root, "authorizerConfiguration.customJWTAuthorizer.customClaims"),
		    *c;
	size_t i = 0;

	if (!cJSON_IsArray(claims))
		return;
	cJSON_ArrayForEach (c, claims) {
		const cJSON *op = at(c, "authorizingClaimMatchValue.claimMatchOperator");
		const cJSON *val = at(c, "authorizingClaimMatchValue.claimMatchValue");
		char *p;

		if (cJSON_IsString(op) && cJSON_IsObject(val)) {
			int single =
			    cJSON_GetObjectItemCaseSensitive(val, "matchValueString") != NULL;
			int list =
			    cJSON_GetObjectItemCaseSensitive(val, "matchValueStringList") != NULL;
			int equals = !strcmp(op->valuestring, "EQUALS");

			p = xasprintf(
			    "authorizerConfiguration.customJWTAuthorizer.customClaims[%zu]"
			    ".authorizingClaimMatchValue.claimMatchValue",
			    i);
			if (equals && list && !single)
				add(w, VS_INVALID, p, p,
				    xstrdup(_("EQUALS compares with a single value: expected "
					      "matchValueString, not matchValueStringList")));
			else if (!equals && single && !list)
				add(w, VS_INVALID, p, p,
				    xasprintf(_("%s compares with a list: expected "
						"matchValueStringList, not matchValueString"),
					      op->valuestring));
			free(p);
		}
		i++;
	}
}

static void rule_lifecycle(struct walk *w)
{
	const cJSON *idle = at(w->root, "lifecycleConfiguration.idleRuntimeSessionTimeout");
	const cJSON *max = at(w->root, "lifecycleConfiguration.maxLifetime");

	if (cJSON_IsNumber(idle) && cJSON_IsNumber(max) && idle->valuedouble > max->valuedouble)
		add(w, VS_INVALID, "lifecycleConfiguration.idleRuntimeSessionTimeout",
		    "lifecycleConfiguration.idleRuntimeSessionTimeout",
		    xasprintf(_("%.0f seconds is longer than maxLifetime (%.0f seconds): the idle "
				"timeout may not exceed the maximum lifetime"),
			      idle->valuedouble, max->valuedouble));
}

static int nonempty(const cJSON *v)
{
	return v && (cJSON_IsArray(v) || cJSON_IsObject(v)) ? cJSON_GetArraySize(v) > 0
							    : v != NULL;
}

static void rule_jwt(struct walk *w)
{
	const cJSON *jwt = at(w->root, "authorizerConfiguration.customJWTAuthorizer");
	const cJSON *scopes, *map, *e, *s;
	size_t i = 0;

	if (!cJSON_IsObject(jwt))
		return;
	if (!nonempty(at(jwt, "allowedAudience")) && !nonempty(at(jwt, "allowedClients")) &&
	    !nonempty(at(jwt, "allowedScopes")) && !nonempty(at(jwt, "customClaims")))
		add(w, VS_INCOMPLETE, "authorizerConfiguration.customJWTAuthorizer",
		    "authorizerConfiguration.customJWTAuthorizer",
		    xstrdup(_("checks nothing: expected at least one of allowedAudience, "
			      "allowedClients, allowedScopes or customClaims")));
	scopes = at(jwt, "allowedScopes");
	map = at(jwt, "advertisedScopeMapping");
	if (!cJSON_IsObject(map))
		return;
	cJSON_ArrayForEach (e, map) {
		int found = 0;

		if (cJSON_IsArray(scopes))
			cJSON_ArrayForEach (s, scopes) {
				if (cJSON_IsString(s) && !strcmp(s->valuestring, e->string))
					found = 1;
			}
		if (!found) {
			char *p = join_key("authorizerConfiguration.customJWTAuthorizer."
					   "advertisedScopeMapping",
					   e->string);
			char *r = xasprintf("authorizerConfiguration.customJWTAuthorizer."
					    "advertisedScopeMapping[%zu]",
					    i);

			add(w, VS_INVALID, p, r,
			    xasprintf(
				_("maps scope \"%s\", which is not in allowedScopes: expected "
				  "a key that is one of the allowed scopes"),
				e->string));
			free(p);
			free(r);
		}
		i++;
	}
}

/* Header names the service keeps for itself (Developer Guide). */
static const char *const restricted_headers[] = {
    "Content-Type",
    "Content-Length",
    "Content-Encoding",
    "Host",
    "User-Agent",
    "Connection",
    "Keep-Alive",
    "Transfer-Encoding",
    "Upgrade",
    "TE",
    "Trailer",
    "Proxy-Authorization",
    "Proxy-Connection",
    "Cache-Control",
    "Pragma",
    "Expires",
    "If-Match",
    "If-None-Match",
    "If-Modified-Since",
    "If-Unmodified-Since",
    "ETag",
    "Last-Modified",
    "Age",
    NULL,
};

static void rule_headers(struct walk *w)
{
	const char *base = "requestHeaderConfiguration.requestHeaderAllowlist";
	const cJSON *list = at(w->root, base), *h, *d;
	int jwt = at(w->root, "authorizerConfiguration.customJWTAuthorizer") != NULL;
	size_t i = 0, j;

	if (!cJSON_IsArray(list))
		return;
	cJSON_ArrayForEach (h, list) {
		const char *name = cJSON_IsString(h) ? h->valuestring : NULL;
		char *p = xasprintf("%s[%zu]", base, i);

		if (name) {
			for (d = list->child; d != h; d = d->next)
				if (cJSON_IsString(d) && !strcasecmp(d->valuestring, name)) {
					add(w, VS_INVALID, p, p,
					    xasprintf(_("\"%s\" is listed twice (header names "
							"ignore case): expected each name once"),
						      name));
					break;
				}
			if (!strncasecmp(name, "x-amz-", 6))
				add(w, VS_INVALID, p, p,
				    xasprintf(_("\"%s\" is reserved: names starting with x-amz- "
						"are refused"),
					      name));
			else if (!strncasecmp(name, "x-amzn-", 7) &&
				 strncasecmp(name, "X-Amzn-Bedrock-AgentCore-Runtime-Custom-", 40))
				add(w, VS_INVALID, p, p,
				    xasprintf(_("\"%s\" is reserved: of the x-amzn- names only "
						"X-Amzn-Bedrock-AgentCore-Runtime-Custom-* are "
						"allowed"),
					      name));
			else if (!strcasecmp(name, "Authorization") && !jwt)
				add(w, VS_INVALID, p, p,
				    xstrdup(
					_("\"Authorization\" may only be passed through when a "
					  "custom JWT authorizer is set")));
			for (j = 0; restricted_headers[j]; j++)
				if (!strcasecmp(name, restricted_headers[j]))
					add(w, VS_INVALID, p, p,
					    xasprintf(_("\"%s\" is a restricted header that the "
							"service does not pass on"),
						      name));
		}
		free(p);
		i++;
	}
}

static void rule_filesystems(struct walk *w)
{
	const cJSON *list = at(w->root, "filesystemConfigurations"), *fs, *d;
	size_t i = 0;

	if (!cJSON_IsArray(list))
		return;
	cJSON_ArrayForEach (fs, list) {
		const cJSON *mp = cJSON_IsObject(fs) && cJSON_IsObject(fs->child)
				      ? cJSON_GetObjectItemCaseSensitive(fs->child, "mountPath")
				      : NULL;

		if (cJSON_IsString(mp)) {
			for (d = list->child; d != fs; d = d->next) {
				const cJSON *o =
				    cJSON_IsObject(d) && cJSON_IsObject(d->child)
					? cJSON_GetObjectItemCaseSensitive(d->child, "mountPath")
					: NULL;

				if (cJSON_IsString(o) &&
				    !strcmp(o->valuestring, mp->valuestring)) {
					char *p =
					    xasprintf("filesystemConfigurations[%zu].%s.mountPath",
						      i, fs->child->string);

					add(w, VS_INVALID, p, p,
					    xasprintf(
						_("\"%s\" is already used by another "
						  "filesystem: expected a different mount path"),
						mp->valuestring));
					free(p);
					break;
				}
			}
		}
		i++;
	}
}

enum vstate validate_document(const struct formdef *def, const struct document *doc,
			      struct problems *out)
{
	struct walk w = {out, def, document_json(doc)};
	size_t before = out->n, i;
	enum vstate worst = VS_VALID;

	check_group(&w, def->root, w.root, "", "");
	rule_network(&w);
	rule_s3_endpoint(&w);
	rule_claims(&w);
	rule_lifecycle(&w);
	rule_jwt(&w);
	rule_headers(&w);
	rule_filesystems(&w);
	for (i = before; i < out->n; i++)
		if (out->v[i].state > worst)
			worst = out->v[i].state;
	return worst;
}

enum vstate validate_section(const struct formdef *def, const struct document *doc, size_t section,
			     struct problems *out)
{
	struct problems all = {0};
	enum vstate worst = VS_VALID;
	size_t i;

	if (section >= def->nsections)
		return VS_VALID;
	validate_document(def, doc, &all);
	for (i = 0; i < all.n; i++) {
		const struct fnode *top;
		char name[256];
		size_t len = strcspn(all.v[i].ref, ".[");

		if (len >= sizeof name)
			continue;
		memcpy(name, all.v[i].ref, len);
		name[len] = '\0';
		top = fnode_child(def->root, name);
		if (!top || (size_t)top->section != section)
			continue;
		problems_add(out, all.v[i].state, all.v[i].path, all.v[i].ref, "%s",
			     all.v[i].message);
		if (all.v[i].state > worst)
			worst = all.v[i].state;
	}
	problems_clear(&all);
	return worst;
}
