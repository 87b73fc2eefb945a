/* validate_rules.c: the rules across fields (validate_local.h): network
 * mode and VPC block, claim operator and value kind, idle timeout and
 * maximum lifetime, an authorizer with something to check, header names,
 * mount paths, a capacity provider for capacity provider volumes
 * (docs/decisions.md). */
#include "config.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/util.h"
#include "form/formdef.h"
#include "form/validate.h"
#include "form/validate_local.h"

static const cJSON *at(const cJSON *root, const char *path)
{
	char buf[256], *tok, *save = NULL;
	const cJSON *cur = root;

	snprintf(buf, sizeof buf, "%s", path);
	for (tok = strtok_r(buf, ".", &save); tok && cur; tok = strtok_r(NULL, ".", &save))
		cur = cJSON_GetObjectItemCaseSensitive(cur, tok);
	return cur;
}

/* A problem at the path made from fmt (its ref the same). */
static void add_rule(struct walk *w, enum vstate st, char *msg, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void add_rule(struct walk *w, enum vstate st, char *msg, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	walk_add_at(w, st, p, p, msg);
	free(p);
}

static void rule_network(struct walk *w)
{
	const char *p = "networkConfiguration.networkModeConfig";
	const cJSON *net = at(w->root, "networkConfiguration");
	const cJSON *mode = at(net, "networkMode");

	if (cJSON_IsString(mode) && !strcmp(mode->valuestring, "VPC") &&
	    !at(net, "networkModeConfig"))
		walk_add_missing_at(
		    w, VS_INCOMPLETE, p, p,
		    xstrdup(_("is required in VPC mode: expected at least one subnet "
			      "and one security group")));
}

/* The model: "Passing this field in a CreateAgentRuntime request returns a
 * ValidationException" (it is for updating runtimes made before May 2026). */
static void rule_s3_endpoint(struct walk *w)
{
	const char *p = "networkConfiguration.networkModeConfig.requireServiceS3Endpoint";

	if (at(w->root, p))
		walk_add_at(w, VS_INVALID, p, p,
			    xstrdup(_("is refused when a runtime is created: it applies only to "
				      "updating runtimes made before May 2026; leave it unset")));
}

static void rule_claims(struct walk *w)
{
	static const char *const claim_value = "authorizerConfiguration.customJWTAuthorizer."
					       "customClaims[0].authorizingClaimMatchValue."
					       "claimMatchValue";
	const cJSON *claims =
			at(w->root, "authorizerConfiguration.customJWTAuthorizer.customClaims"),
		    *c;
	size_t i = 0;

	if (!cJSON_IsArray(claims))
		return;
	cJSON_ArrayForEach (c, claims) {
		const cJSON *op = at(c, "authorizingClaimMatchValue.claimMatchOperator");
		const cJSON *val = at(c, "authorizingClaimMatchValue.claimMatchValue");
		char *m = NULL;

		if (cJSON_IsString(op) && cJSON_IsObject(val)) {
			int single =
			    cJSON_GetObjectItemCaseSensitive(val, "matchValueString") != NULL;
			int list =
			    cJSON_GetObjectItemCaseSensitive(val, "matchValueStringList") != NULL;
			int equals = !strcmp(op->valuestring, "EQUALS");

			if ((equals && list && !single) || (!equals && single && !list)) {
				static const char *const kinds[] = {"matchValueString",
								    "matchValueStringList"};
				const struct fnode *f = formdef_lookup(w->def, claim_value);
				char *want = f ? validate_members_list(f, kinds + !equals, 1)
					       : xstrdup(kinds[!equals]);
				char *other = f ? validate_members_list(f, kinds + equals, 1)
						: xstrdup(kinds[equals]);

				if (equals)
					m = xasprintf(_("EQUALS compares with a single value: "
							"expected %s, not %s"),
						      want, other);
				else
					m = xasprintf(
					    _("%s compares with a list: expected %s, not %s"),
					    op->valuestring, want, other);
				free(want);
				free(other);
			}
			if (m)
				add_rule(w, VS_INVALID, m,
					 "authorizerConfiguration.customJWTAuthorizer.customClaims"
					 "[%zu].authorizingClaimMatchValue.claimMatchValue",
					 i);
		}
		i++;
	}
}

/* A number that its own rules let through (the others' messages say why not). */
static int in_range(const struct fnode *f, const cJSON *v)
{
	long long lo, hi;

	validate_int_bounds(f, &lo, &hi);
	return cJSON_IsNumber(v) && v->valuedouble >= (double)lo && v->valuedouble <= (double)hi;
}

/* The idle timeout may not exceed the maximum lifetime. An unset maximum
 * lifetime is the service's documented default (the form's `default`, 28800
 * seconds), so a set idle timeout is compared with it. An unset idle
 * timeout is never in conflict: the service uses 900 seconds, or the
 * maximum lifetime when that is 900 or less (docs/decisions.md). */
static void rule_lifecycle(struct walk *w)
{
	const char *pidle = "lifecycleConfiguration.idleRuntimeSessionTimeout";
	const char *pmax = "lifecycleConfiguration.maxLifetime";
	const cJSON *idle = at(w->root, pidle), *max = at(w->root, pmax);
	const struct fnode *fidle = formdef_lookup(w->def, pidle);
	const struct fnode *fmax = formdef_lookup(w->def, pmax);
	double i, m;
	char *name, *msg;

	if (!fidle || !fmax || !idle || !in_range(fidle, idle) || (max && !in_range(fmax, max)) ||
	    (!max && !fmax->has_default))
		return;
	i = idle->valuedouble;
	m = max ? max->valuedouble : (double)fmax->default_val;
	if (i <= m)
		return;
	name = validate_named(fmax);
	if (max)
		msg = xasprintf(
		    _("%.0f seconds is longer than the maximum lifetime, %s, of %.0f "
		      "seconds: expected at most %.0f, or set a longer maximum lifetime"),
		    i, name, m, m);
	else
		msg =
		    xasprintf(_("%.0f seconds is longer than the maximum lifetime, %s, which is "
				"%.0f seconds by default when not set: expected at most %.0f, or "
				"set a longer maximum lifetime"),
			      i, name, m, m);
	walk_add_at(w, VS_INVALID, pidle, pidle, msg);
	free(name);
}

static int nonempty(const cJSON *v)
{
	return v && (cJSON_IsArray(v) || cJSON_IsObject(v)) ? cJSON_GetArraySize(v) > 0
							    : v != NULL;
}

static void rule_jwt(struct walk *w)
{
	static const char *const checks[] = {"allowedAudience", "allowedClients", "allowedScopes",
					     "customClaims"};
	const char *base = "authorizerConfiguration.customJWTAuthorizer";
	const cJSON *jwt = at(w->root, base);
	const cJSON *scopes, *map, *e, *s;
	const struct fnode *scope_list;
	size_t i, n;

	if (!cJSON_IsObject(jwt))
		return;
	for (i = 0; i < 4 && !nonempty(at(jwt, checks[i])); i++)
		;
	if (i == 4) {
		/* an audience dropped for its type is not "nothing to check" */
		for (i = 0; i < 4; i++) {
			char *p = xasprintf("%s.%s", base, checks[i]);
			int why = walk_explained(w, p);

			free(p);
			if (why)
				break;
		}
		if (i == 4) {
			const struct fnode *f = formdef_lookup(w->def, base);
			char *all =
			    f ? validate_members_list(f, checks, 4)
			      : xstrdup("allowedAudience, allowedClients, allowedScopes or "
					"customClaims");

			walk_add_at(
			    w, VS_INCOMPLETE, base, base,
			    xasprintf(_("checks nothing: expected at least one of %s"), all));
			free(all);
		}
	}
	scopes = at(jwt, "allowedScopes");
	map = at(jwt, "advertisedScopeMapping");
	if (!cJSON_IsObject(map))
		return;
	scope_list = formdef_lookup(w->def, "authorizerConfiguration.customJWTAuthorizer");
	n = cJSON_IsArray(scopes) ? (size_t)cJSON_GetArraySize(scopes) : 0;
	seen_reset(&w->seen, n, 0);
	if (n)
		cJSON_ArrayForEach (s, scopes) {
			if (cJSON_IsString(s))
				seen_add(&w->seen, s->valuestring, strlen(s->valuestring), 0);
		}
	i = 0;
	cJSON_ArrayForEach (e, map) {
		if (!seen_has(&w->seen, e->string, strlen(e->string))) {
			char *shown = validate_quote(e->string, NAME_MAX_SHOWN);
			char *in = scope_list ? validate_members_list(scope_list, checks + 2, 1)
					      : xstrdup(checks[2]);

			w->path.len = w->ref.len = 0;
			strbuf_adds(&w->path, base);
			validate_path_join(&w->path, "advertisedScopeMapping");
			strbuf_adds(&w->ref, w->path.s);
			validate_path_join(&w->path, e->string);
			validate_path_index(&w->ref, i);
			walk_add(w, VS_INVALID,
				 xasprintf(
				     _("maps scope %s, which is not in %s: expected a key that is "
				       "one of the allowed scopes"),
				     shown, in));
			free(shown);
			free(in);
		}
		i++;
	}
}

#define CUSTOM_HEADER "X-Amzn-Bedrock-AgentCore-Runtime-Custom-"

/* A name the service passes on for a refused one: the custom prefix and what
 * followed the refused part ("X-Amz-Target": ...-Custom-Target), or a
 * made-up one when that would not be a valid name. Caller frees. */
static char *header_instead(const char *rest)
{
	size_t n = strlen(rest), k;

	for (k = 0; k < n; k++)
		if (!isalnum((unsigned char)rest[k]) && rest[k] != '_' && rest[k] != '-')
			break;
	if (!n || k < n || n + strlen(CUSTOM_HEADER) > NAME_MAX_SHOWN)
		rest = "Name";
	return xasprintf("%s%s", CUSTOM_HEADER, rest);
}

/* Is name one of f's restricted names (forms/60-headers.json, from the
 * Developer Guide's table), ASCII case ignored? */
static int restricted(const struct fnode *f, const char *name)
{
	size_t j;

	for (j = 0; f && j < f->nrestricted; j++)
		if (!strcasecmp(name, f->restricted[j]))
			return 1;
	return 0;
}

/* What is wrong with header name `name` (an item of field `item`), or NULL
 * (caller frees). jwt: a custom JWT authorizer is set. */
static char *header_problem(const struct formdef *def, const struct fnode *item, const char *name,
			    int jwt)
{
	enum { OK, AMZ, AMZN, RESTRICTED } why = OK;
	char *shown, *m, *instead;

	if (!strncasecmp(name, "x-amz-", 6))
		why = AMZ;
	else if (!strncasecmp(name, "x-amzn-", 7) &&
		 strncasecmp(name, CUSTOM_HEADER, strlen(CUSTOM_HEADER)))
		why = AMZN;
	else if (!strcasecmp(name, "Authorization") && !jwt) {
		const struct fnode *f =
		    formdef_lookup(def, "authorizerConfiguration.customJWTAuthorizer");
		char *authorizer = f ? validate_named(f) : xstrdup("customJWTAuthorizer");

		m = xasprintf(_("\"Authorization\" may only be passed through when a custom JWT "
				"authorizer is set: expected an inbound authorizer, %s, or this "
				"header left out"),
			      authorizer);
		free(authorizer);
		return m;
	}
	if (why == OK && restricted(item, name))
		why = RESTRICTED;
	if (why == OK)
		return NULL;
	/* the name is quoted only for a message: most names have none */
	shown = validate_quote(name, NAME_MAX_SHOWN);
	instead = header_instead(why == AMZ ? name + 6 : why == AMZN ? name + 7 : name);
	if (why == AMZ)
		m = xasprintf(_("%s is reserved (names starting with x-amz- are refused): "
				"expected a name of your own, such as %s"),
			      shown, instead);
	else if (why == AMZN)
		m = xasprintf(_("%s is reserved (of the x-amzn- names only "
				"X-Amzn-Bedrock-AgentCore-Runtime-Custom-* are allowed): expected "
				"a name of your own, such as %s"),
			      shown, instead);
	else
		m = xasprintf(
		    _("%s is a restricted header that the service does not pass on: "
		      "expected a name of your own, such as %s, or this header left out"),
		    shown, instead);
	free(instead);
	free(shown);
	return m;
}

static void rule_headers(struct walk *w)
{
	const char *base = "requestHeaderConfiguration.requestHeaderAllowlist";
	const cJSON *list = at(w->root, base), *h;
	int jwt = at(w->root, "authorizerConfiguration.customJWTAuthorizer") != NULL;
	const struct fnode *item = formdef_lookup(w->def, "requestHeaderConfiguration."
							  "requestHeaderAllowlist[0]");
	size_t i = 0;
	char *m;

	if (!cJSON_IsArray(list))
		return;
	seen_reset(&w->seen, (size_t)cJSON_GetArraySize(list), 1);
	cJSON_ArrayForEach (h, list) {
		if (cJSON_IsString(h)) {
			const char *name = h->valuestring;

			if (seen_add(&w->seen, name, strlen(name), i) != (size_t)-1) {
				char *shown = validate_quote(name, NAME_MAX_SHOWN);

				add_rule(w, VS_INVALID,
					 xasprintf(_("%s is listed twice (header names ignore "
						     "case): expected each name once"),
						   shown),
					 "%s[%zu]", base, i);
				free(shown);
			}
			if ((m = header_problem(w->def, item, name, jwt)))
				add_rule(w, VS_INVALID, m, "%s[%zu]", base, i);
		}
		i++;
	}
}

/* The mount path of filesystem fs and the branch that holds it, or NULL. */
static const cJSON *mount_path(const cJSON *fs)
{
	const cJSON *mp = cJSON_IsObject(fs) && cJSON_IsObject(fs->child)
			      ? cJSON_GetObjectItemCaseSensitive(fs->child, "mountPath")
			      : NULL;

	return cJSON_IsString(mp) ? mp : NULL;
}

static void rule_filesystems(struct walk *w)
{
	const cJSON *list = at(w->root, "filesystemConfigurations"), *fs, *mp;
	size_t i = 0, first;

	if (!cJSON_IsArray(list))
		return;
	seen_reset(&w->seen, (size_t)cJSON_GetArraySize(list), 0);
	cJSON_ArrayForEach (fs, list) {
		if ((mp = mount_path(fs))) {
			const char *s = mp->valuestring;
			size_t len = strlen(s);

			/* "/mnt/data/" is the folder "/mnt/data" */
			if (len > 1 && s[len - 1] == '/')
				len--;
			first = seen_add(&w->seen, s, len, i);
			if (first != (size_t)-1) {
				char *shown = validate_quote(s, NAME_MAX_SHOWN), *other;
				const cJSON *o = mount_path(cJSON_GetArrayItem(list, (int)first));

				other = validate_quote(o->valuestring, NAME_MAX_SHOWN);
				add_rule(
				    w, VS_INVALID,
				    xasprintf(_("%s is already used by "
						"filesystemConfigurations[%zu] (%s): expected a "
						"different mount path"),
					      shown, first, other),
				    "filesystemConfigurations[%zu].%s.mountPath", i,
				    fs->child->string);
				free(shown);
				free(other);
			}
		}
		i++;
	}
}

/* The model: a capacity provider volume is "a persistent volume that is
 * defined on the capacity provider", so it needs one. */
static void rule_capacity(struct walk *w)
{
	const char *p = "capacityProviderConfiguration";
	const cJSON *list = at(w->root, "filesystemConfigurations"), *fs;
	size_t i = 0;

	if (at(w->root, p) || !cJSON_IsArray(list))
		return;
	cJSON_ArrayForEach (fs, list) {
		if (cJSON_IsObject(fs) &&
		    cJSON_GetObjectItemCaseSensitive(fs, "capacityProviderVolume")) {
			walk_add_missing_at(
			    w, VS_INCOMPLETE, p, p,
			    xasprintf(_("is required when a filesystem is a capacity "
					"provider volume (filesystemConfigurations[%zu]): "
					"expected the capacity provider that defines the "
					"volume"),
				      i));
			return;
		}
		i++;
	}
}

/* Every rule across fields. */
void validate_rules(struct walk *w)
{
	rule_network(w);
	rule_s3_endpoint(w);
	rule_claims(w);
	rule_lifecycle(w);
	rule_jwt(w);
	rule_headers(w);
	rule_filesystems(w);
	rule_capacity(w);
}
