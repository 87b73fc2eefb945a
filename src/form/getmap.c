/* getmap.c: a deployed runtime as a create or update form; see getmap.h. */
#include "config.h"

#include <cjson/cJSON.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/printable.h"
#include "base/util.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/formfile.h"
#include "form/getmap.h"
#include "form/jsonscan.h"
#include "form/jsonwrite.h"

#define DATA_FILE   "requests/runtime-requests.json"
#define NAME_MEMBER "agentRuntimeName"
#define TAGS_MEMBER "tags"

/* A member of UpdateAgentRuntime. */
struct take {
	char *name;
	/* members outside forms/: "name" -> "boolean" | "text" | "integer" */
	cJSON *outside;
};

struct getmap {
	char **service_set;
	size_t nset;
	char *id_name, *id_expect;
	pcre2_code *id_re;
	struct take *takes;
	size_t ntakes;
};

void getmap_free(struct getmap *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->nset; i++)
		free(m->service_set[i]);
	free(m->service_set);
	for (i = 0; i < m->ntakes; i++) {
		free(m->takes[i].name);
		cJSON_Delete(m->takes[i].outside);
	}
	free(m->takes);
	free(m->id_name);
	free(m->id_expect);
	pcre2_code_free(m->id_re);
	free(m);
}

static const char *str(const cJSON *o, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Read the data file's members into m; NULL, or what is wrong with it. */
static const char *read_data(struct getmap *m, const cJSON *j)
{
	const cJSON *get = cJSON_GetObjectItemCaseSensitive(j, "get");
	const cJSON *upd = cJSON_GetObjectItemCaseSensitive(j, "update");
	const cJSON *set = cJSON_GetObjectItemCaseSensitive(get, "serviceSet");
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(upd, "id");
	const cJSON *takes = cJSON_GetObjectItemCaseSensitive(upd, "takes"), *c;
	int err;
	PCRE2_SIZE off;

	if (!cJSON_IsArray(set) || !cJSON_IsArray(takes) || !str(id, "name") ||
	    !str(id, "pattern") || !str(id, "expect"))
		return "get.serviceSet, update.takes or update.id is missing";
	m->service_set = xcalloc((size_t)cJSON_GetArraySize(set) + 1, sizeof *m->service_set);
	cJSON_ArrayForEach (c, set) {
		if (!cJSON_IsString(c))
			return "get.serviceSet holds something other than names";
		m->service_set[m->nset++] = xstrdup(c->valuestring);
	}
	m->takes = xcalloc((size_t)cJSON_GetArraySize(takes) + 1, sizeof *m->takes);
	cJSON_ArrayForEach (c, takes) {
		const cJSON *o = cJSON_GetObjectItemCaseSensitive(c, "outsideForms");

		if (!str(c, "name"))
			return "update.takes holds an entry without a name";
		m->takes[m->ntakes].name = xstrdup(str(c, "name"));
		m->takes[m->ntakes++].outside = cJSON_IsObject(o) ? cJSON_Duplicate(o, 1) : NULL;
	}
	m->id_name = xstrdup(str(id, "name"));
	m->id_expect = xstrdup(str(id, "expect"));
	m->id_re = pcre2_compile((PCRE2_SPTR)str(id, "pattern"), PCRE2_ZERO_TERMINATED,
				 PCRE2_UTF | PCRE2_ANCHORED | PCRE2_ENDANCHORED, &err, &off, NULL);
	return m->id_re ? NULL : "update.id.pattern does not compile";
}

struct getmap *getmap_load(const struct formdef *def, char **cause)
{
	char *file = xasprintf("%s/%s", def->dir, DATA_FILE), *text = NULL, *why = NULL;
	struct getmap *m = xcalloc(1, sizeof *m);
	size_t len;
	cJSON *j = NULL;
	const char *bad = NULL;

	if (util_read_file(file, 1 << 20, &text, &len, &why) != 0) {
		*cause = xasprintf("%s: %s", file, why);
	} else if (!(j = cJSON_ParseWithLength(text, len)) || !cJSON_IsObject(j)) {
		*cause = xasprintf(_("%s: not a JSON object"), file);
	} else if ((bad = read_data(m, j))) {
		*cause = xasprintf("%s: %s", file, bad);
	}
	cJSON_Delete(j);
	free(text);
	free(why);
	free(file);
	if (*cause) {
		getmap_free(m);
		return NULL;
	}
	return m;
}

int getmap_service_set(const struct getmap *m, const char *name)
{
	size_t i;

	for (i = 0; i < m->nset; i++)
		if (!strcmp(m->service_set[i], name))
			return 1;
	return 0;
}

static const struct take *find_take(const struct getmap *m, const char *name)
{
	size_t i;

	for (i = 0; i < m->ntakes; i++)
		if (!strcmp(m->takes[i].name, name))
			return &m->takes[i];
	return NULL;
}

void upform_free(struct upform *u)
{
	if (!u)
		return;
	free(u->id);
	free(u->name);
	document_free(u->doc);
	document_free(u->extra);
	free(u);
}

struct upform *upform_copy(const struct upform *u)
{
	struct upform *c = xcalloc(1, sizeof *c);

	c->id = u->id ? xstrdup(u->id) : NULL;
	c->name = u->name ? xstrdup(u->name) : NULL;
	c->doc = document_copy(u->doc);
	c->extra = document_copy(u->extra);
	return c;
}

/* A note that member path was left out, and why. */
static void note(struct problems *notes, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void note(struct problems *notes, const char *path, const char *fmt, ...)
{
	char *p = printable_text(path, 200), *m;
	va_list ap;

	va_start(ap, fmt);
	m = xvasprintf(fmt, ap);
	va_end(ap);
	problems_add(notes, VS_VALID, p, p, "%s", m);
	free(m);
	free(p);
}

/* What the service reports for an unset member: "", {} or []. */
static int empty_value(const cJSON *v)
{
	return (cJSON_IsString(v) && !*v->valuestring) ||
	       ((cJSON_IsObject(v) || cJSON_IsArray(v)) && !v->child);
}

void *getmap_read_json(const char *text, size_t len)
{
	struct jsonscan scan;
	char *cause = NULL, *t;
	size_t tlen;
	cJSON *j;

	if (!text || jsonscan_check(text, len, &scan, &cause) != 0) {
		free(cause);
		return NULL;
	}
	/* NULL: the text can be parsed as it is */
	t = jsonscan_for_cjson(text, len, &scan, &tlen);
	j = cJSON_ParseWithLength(t ? t : text, t ? tlen : len);
	free(t);
	jsonscan_release(&scan);
	return j;
}

static cJSON *parse_object(const char *body, size_t len, const char *what, char **cause)
{
	cJSON *j = getmap_read_json(body, len);

	if (!cJSON_IsObject(j)) {
		cJSON_Delete(j);
		*cause = xasprintf(_("the %s answer is not a JSON object"), what);
		return NULL;
	}
	return j;
}

/* The tags of a ListTagsForResource answer ({"tags": {...}}), or NULL. */
static cJSON *tags_of(const char *tags, size_t tlen)
{
	cJSON *j = getmap_read_json(tags, tlen);
	cJSON *t = cJSON_DetachItemFromObjectCaseSensitive(j, TAGS_MEMBER);

	cJSON_Delete(j);
	if (cJSON_IsObject(t) && t->child)
		return t;
	cJSON_Delete(t);
	return NULL;
}

/* Read members (an object in the create request's shape) as a form would
 * be read; what the forms cannot hold goes to notes. */
static struct document *as_document(const struct formdef *def, cJSON *members,
				    struct problems *notes)
{
	char *text = jsonwrite(members, 0), *cause = NULL;
	struct problems p = {0};
	struct document *doc = NULL;
	size_t i;

	if (formfile_parse(text, strlen(text), def, FF_STRICT, &doc, &p, &cause) != 0) {
		/* cannot happen: the text is cJSON's own */
		note(notes, "", "%s", cause);
		free(cause);
		doc = document_new();
	}
	for (i = 0; i < p.n; i++)
		note(notes, p.v[i].path, _("%s; left out of the form"), p.v[i].message);
	problems_clear(&p);
	free(text);
	return doc;
}

struct document *getmap_create_form(const struct getmap *m, const struct formdef *def,
				    const char *get, size_t glen, const char *tags, size_t tlen,
				    struct problems *notes, char **cause)
{
	cJSON *a = parse_object(get, glen, "GetAgentRuntime", cause), *form, *c, *t;
	struct document *doc;

	if (!a)
		return NULL;
	form = cJSON_CreateObject();
	for (c = a->child; c; c = c->next) {
		if (getmap_service_set(m, c->string) || empty_value(c))
			continue;
		if (!fnode_child(def->root, c->string) || !strcmp(c->string, TAGS_MEMBER))
			note(notes, c->string,
			     find_take(m, c->string)
				 ? _("CreateAgentRuntime does not take it (only "
				     "UpdateAgentRuntime does); left out of the form")
				 : _("is not a member of CreateAgentRuntime that this version "
				     "knows; left out of the form"));
		else
			cJSON_AddItemToObject(form, c->string, cJSON_Duplicate(c, 1));
	}
	if ((t = tags_of(tags, tlen)))
		cJSON_AddItemToObject(form, TAGS_MEMBER, t);
	doc = as_document(def, form, notes);
	cJSON_Delete(form);
	cJSON_Delete(a);
	return doc;
}

struct upform *getmap_update_form(const struct getmap *m, const struct formdef *def,
				  const char *get, size_t glen, const char *tags, size_t tlen,
				  struct problems *notes, char **cause)
{
	cJSON *a = parse_object(get, glen, "GetAgentRuntime", cause), *form, *extra, *c, *t;
	const struct take *k;
	struct upform *u;

	if (!a)
		return NULL;
	if (!str(a, m->id_name)) {
		*cause = xasprintf(_("the GetAgentRuntime answer has no %s"), m->id_name);
		cJSON_Delete(a);
		return NULL;
	}
	u = xcalloc(1, sizeof *u);
	u->id = xstrdup(str(a, m->id_name));
	u->name = str(a, NAME_MEMBER) ? xstrdup(str(a, NAME_MEMBER)) : NULL;
	form = cJSON_CreateObject();
	extra = cJSON_CreateObject();
	for (c = a->child; c; c = c->next) {
		if (getmap_service_set(m, c->string) || empty_value(c))
			continue;
		if (!strcmp(c->string, NAME_MEMBER))
			note(notes, c->string,
			     _("UpdateAgentRuntime takes no name: it cannot change after the "
			       "runtime is created"));
		else if (!(k = find_take(m, c->string)))
			note(notes, c->string,
			     _("UpdateAgentRuntime does not take it; left out of the form"));
		else
			cJSON_AddItemToObject(k->outside ? extra : form, c->string,
					      cJSON_Duplicate(c, 1));
	}
	if ((t = tags_of(tags, tlen))) {
		note(notes, TAGS_MEMBER,
		     _("UpdateAgentRuntime takes no tags: they stay as they are (TagResource "
		       "and UntagResource change them)"));
		cJSON_Delete(t);
	}
	u->doc = as_document(def, form, notes);
	u->extra = document_adopt_json(extra);
	cJSON_Delete(form);
	cJSON_Delete(a);
	return u;
}

/* A reader's problem about a member that an update form may hold although
 * the create request has none (agentRuntimeId, metadataConfiguration):
 * those are read here, not by formfile_parse. */
static int update_member(const struct getmap *m, const char *path)
{
	const struct take *k = find_take(m, path);

	return !strcmp(path, m->id_name) || (k && k->outside);
}

int upform_parse(const struct getmap *m, const struct formdef *def, const char *text, size_t len,
		 struct upform **out, struct problems *probs, char **cause)
{
	struct problems p = {0};
	struct document *doc = NULL;
	cJSON *j, *extra, *c;
	struct upform *u;
	size_t i;

	*out = NULL;
	if (formfile_parse(text, len, def, FF_STRICT, &doc, &p, cause) != 0)
		return -1;
	for (i = 0; i < p.n; i++)
		if (!update_member(m, p.v[i].path))
			problems_add(probs, p.v[i].state, p.v[i].path, p.v[i].ref, "%s",
				     p.v[i].message);
	problems_clear(&p);
	/* the scan passed: it reads the same text the same way */
	j = getmap_read_json(text, len);
	u = xcalloc(1, sizeof *u);
	u->doc = doc;
	extra = cJSON_CreateObject();
	for (c = j ? j->child : NULL; c; c = c->next) {
		const struct take *k = find_take(m, c->string);

		if (!strcmp(c->string, m->id_name))
			u->id = cJSON_IsString(c) ? xstrdup(c->valuestring) : NULL;
		else if (k && k->outside)
			cJSON_AddItemToObject(extra, c->string, cJSON_Duplicate(c, 1));
		else if (!k && fnode_child(def->root, c->string)) {
			char *p1 = printable_text(c->string, 200);

			problems_add(probs, VS_INVALID, p1, p1, "%s",
				     strcmp(c->string, NAME_MEMBER)
					 ? _("UpdateAgentRuntime does not take it (tags: "
					     "TagResource and UntagResource change them)")
					 : _("UpdateAgentRuntime takes no name: it cannot "
					     "change after the runtime is created"));
			free(p1);
			document_remove(doc, c->string);
		}
	}
	u->extra = document_adopt_json(extra);
	cJSON_Delete(j);
	*out = u;
	return 0;
}

int upform_load(const struct getmap *m, const struct formdef *def, const char *file,
		struct upform **out, struct problems *probs, char **cause)
{
	char *text = NULL;
	size_t len;
	int r;

	*out = NULL;
	if (!strcmp(file, "-")) {
		if (util_read_fd(0, _("standard input"), 1 << 20, &text, &len, cause) != 0)
			return -1;
	} else if (util_read_file(file, 1 << 20, &text, &len, cause) != 0) {
		return -1;
	}
	r = upform_parse(m, def, text, len, out, probs, cause);
	free(text);
	return r;
}

/* The members outside forms/ against their types ("boolean", "text",
 * "integer"); every member the data names is required. */
static void check_outside(const struct getmap *m, const struct upform *u, struct problems *out)
{
	const cJSON *x = document_json(u->extra), *c, *t;
	size_t i;

	for (i = 0; i < m->ntakes; i++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(x, m->takes[i].name);

		if (!m->takes[i].outside || !v)
			continue;
		if (!cJSON_IsObject(v)) {
			problems_add(out, VS_INVALID, m->takes[i].name, m->takes[i].name,
				     _("is %s: expected an object"), json_type_name(v));
			continue;
		}
		for (c = v->child; c; c = c->next)
			if (!cJSON_GetObjectItemCaseSensitive(m->takes[i].outside, c->string)) {
				char *p = printable_text(c->string, 200);

				problems_add(out, VS_INVALID, m->takes[i].name, m->takes[i].name,
					     _("has a member %s that it does not take"), p);
				free(p);
			}
		cJSON_ArrayForEach (t, m->takes[i].outside) {
			const cJSON *mv = cJSON_GetObjectItemCaseSensitive(v, t->string);
			const char *want = cJSON_IsString(t) ? t->valuestring : "";
			int ok = !strcmp(want, "boolean")   ? cJSON_IsBool(mv)
				 : !strcmp(want, "integer") ? cJSON_IsNumber(mv)
							    : cJSON_IsString(mv);
			char *p = xasprintf("%s.%s", m->takes[i].name, t->string);

			if (!mv)
				problems_add(out, VS_INCOMPLETE, p, p,
					     _("is required: expected %s"), want);
			else if (!ok)
				problems_add(out, VS_INVALID, p, p, _("is %s: expected %s"),
					     json_type_name(mv), want);
			free(p);
		}
	}
}

enum vstate upform_validate(const struct getmap *m, const struct formdef *def,
			    const struct upform *u, struct problems *out)
{
	struct document *d = document_copy(u->doc);
	struct problems p = {0};
	size_t i, n0 = out->n;

	/* the create rules want a name: the deployed one, or one that stands
	 * in (never sent); what they say about it is not the form's business */
	document_set_text(d, NAME_MEMBER, u->name ? u->name : "name");
	validate_document(def, d, &p);
	for (i = 0; i < p.n; i++)
		if (strcmp(p.v[i].path, NAME_MEMBER))
			problems_add(out, p.v[i].state, p.v[i].path, p.v[i].ref, "%s",
				     p.v[i].message);
	problems_clear(&p);
	document_free(d);
	if (!u->id)
		problems_add(out, VS_INCOMPLETE, m->id_name, m->id_name,
			     _("is required: expected %s"), m->id_expect);
	else {
		pcre2_match_data *md = pcre2_match_data_create_from_pattern(m->id_re, NULL);
		int r = pcre2_match(m->id_re, (PCRE2_SPTR)u->id, strlen(u->id), 0, 0, md, NULL);

		pcre2_match_data_free(md);
		if (r < 0) {
			char *v = printable_text(u->id, 200);

			problems_add(out, VS_INVALID, m->id_name, m->id_name,
				     _("\"%s\" is not a runtime id: expected %s"), v,
				     m->id_expect);
			free(v);
		}
	}
	check_outside(m, u, out);
	for (i = n0; i < out->n; i++)
		if (out->v[i].state == VS_INVALID)
			return VS_INVALID;
	return out->n > n0 ? VS_INCOMPLETE : VS_VALID;
}

/* The request's members in UpdateAgentRuntime's order, id first when with_id. */
static cJSON *update_tree(const struct getmap *m, const struct formdef *def,
			  const struct upform *u, int with_id, const char *client_token)
{
	char *body = document_to_json(u->doc, def, 0);
	cJSON *d = getmap_read_json(body, strlen(body)),
	      *x = cJSON_Duplicate(document_json(u->extra), 1);
	cJSON *out = cJSON_CreateObject(), *c;
	size_t i;

	free(body);
	if (with_id && u->id)
		cJSON_AddStringToObject(out, m->id_name, u->id);
	for (i = 0; i < m->ntakes; i++) {
		const char *n = m->takes[i].name;

		if ((c = cJSON_DetachItemFromObjectCaseSensitive(d, n)) ||
		    (c = cJSON_DetachItemFromObjectCaseSensitive(x, n)))
			cJSON_AddItemToObject(out, n, c);
		else if (client_token && !strcmp(n, "clientToken"))
			cJSON_AddStringToObject(out, n, client_token);
	}
	cJSON_Delete(d);
	cJSON_Delete(x);
	return out;
}

/* As forms are written (jsonwrite: a NUL kept as \u0000); pretty: indented,
 * with a final newline. */
static char *print_tree(cJSON *t, int pretty)
{
	char *s = jsonwrite(t, pretty), *r = pretty ? xasprintf("%s\n", s) : s;

	if (pretty)
		free(s);
	cJSON_Delete(t);
	return r;
}

char *upform_to_json(const struct getmap *m, const struct formdef *def, const struct upform *u,
		     int pretty)
{
	return print_tree(update_tree(m, def, u, 1, NULL), pretty);
}

int upform_save(const struct getmap *m, const struct formdef *def, const struct upform *u,
		const char *file, char **cause)
{
	char *json = upform_to_json(m, def, u, 1);
	int r = util_write_atomic(file, json, strlen(json), 0600, cause);

	free(json);
	return r;
}

char *upform_request_body(const struct getmap *m, const struct formdef *def,
			  const struct upform *u, const char *client_token)
{
	return print_tree(update_tree(m, def, u, 0, client_token), 0);
}
