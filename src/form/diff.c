/* diff.c: configurations compared member by member; see diff.h. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/printable.h"
#include "base/util.h"
#include "form/diff.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/getmap.h"
#include "form/jsonwrite.h"
#include "form/secret.h"

#define MASK        "********"
#define VALUE_MAX   10000
#define AUTH_MEMBER "authorizerConfiguration."

void diff_clear(struct diff *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].path);
		free(d->v[i].member);
		free(d->v[i].old_text);
		free(d->v[i].new_text);
	}
	free(d->v);
	memset(d, 0, sizeof *d);
}

static int contains_nocase(const char *s, size_t n, const char *what)
{
	size_t w = strlen(what), i;

	for (i = 0; i + w <= n; i++)
		if (!strncasecmp(s + i, what, w))
			return 1;
	return 0;
}

int diff_secret(const char *path)
{
	if (secret_path(path))
		return 1;
	/* any member of the authorizer named like a secret (a client secret) */
	return !strncmp(path, AUTH_MEMBER, strlen(AUTH_MEMBER)) &&
	       contains_nocase(path, strlen(path), "secret");
}

static char *value_text(const cJSON *v, int secret)
{
	char *s, *r;

	if (!v)
		return NULL;
	if (secret)
		return xstrdup(MASK);
	s = jsonwrite(v, 0); /* a NUL shown as \u0000 */
	r = printable_text(s, VALUE_MAX);
	free(s);
	return r;
}

static char *join(const char *path, const char *key)
{
	return *path ? xasprintf("%s.%s", path, key) : xstrdup(key);
}

/* One entry; a group or map added or removed whole is said member by
 * member, so that each of its secrets is masked on its own. */
static void add(struct diff *d, enum diff_kind kind, const char *path, const cJSON *o,
		const cJSON *n)
{
	const cJSON *whole = o ? o : n, *c;
	struct diff_entry *e;
	int secret = diff_secret(path);

	if (kind != DIFF_CHANGED && cJSON_IsObject(whole) && whole->child) {
		for (c = whole->child; c; c = c->next) {
			char *p = join(path, c->string);

			add(d, kind, p, o ? c : NULL, n ? c : NULL);
			free(p);
		}
		return;
	}

	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->v = xrealloc(d->v, d->cap * sizeof *d->v);
	}
	e = &d->v[d->n++];
	e->kind = kind;
	e->path = printable_text(path, 1000);
	e->member = xstrndup(e->path, strcspn(e->path, ".["));
	e->old_text = value_text(o, secret);
	e->new_text = value_text(n, secret);
	e->secret = secret;
}

static void compare(struct diff *d, const char *path, const cJSON *o, const cJSON *n);

static void compare_objects(struct diff *d, const char *path, const cJSON *o, const cJSON *n)
{
	const cJSON *c;

	for (c = o->child; c; c = c->next) {
		char *p = join(path, c->string);
		const cJSON *m = cJSON_GetObjectItemCaseSensitive(n, c->string);

		if (m)
			compare(d, p, c, m);
		else
			add(d, DIFF_REMOVED, p, c, NULL);
		free(p);
	}
	for (c = n->child; c; c = c->next)
		if (!cJSON_GetObjectItemCaseSensitive(o, c->string)) {
			char *p = join(path, c->string);

			add(d, DIFF_ADDED, p, NULL, c);
			free(p);
		}
}

/* Lists longer than this (items of old times items of new) are compared
 * index by index: the alignment below takes that many steps. */
#define ALIGN_MAX 250000

/* An item of a list and its index there. */
struct item {
	const cJSON *v;
	size_t i;
};

static void put_item(struct diff *d, enum diff_kind kind, const char *path, const struct item *it)
{
	char *p = xasprintf("%s[%zu]", path, it->i);

	add(d, kind, p, kind == DIFF_REMOVED ? it->v : NULL, kind == DIFF_ADDED ? it->v : NULL);
	free(p);
}

/* The items between two that are kept: paired as changed (compared inside,
 * at the new index), the rest removed (at the old index) or added. */
static void put_gap(struct diff *d, const char *path, const struct item *gone, size_t ng,
		    const struct item *come, size_t nc)
{
	size_t k;

	for (k = 0; k < ng && k < nc; k++) {
		char *p = xasprintf("%s[%zu]", path, come[k].i);

		compare(d, p, gone[k].v, come[k].v);
		free(p);
	}
	for (; k < ng; k++)
		put_item(d, DIFF_REMOVED, path, &gone[k]);
	for (k = ng < nc ? ng : nc; k < nc; k++)
		put_item(d, DIFF_ADDED, path, &come[k]);
}

static size_t bigger(size_t x, size_t y)
{
	return x > y ? x : y;
}

static size_t list_items(const cJSON *l, struct item **out)
{
	size_t n = (size_t)cJSON_GetArraySize(l), i = 0;
	const cJSON *c;

	*out = xcalloc(n ? n : 1, sizeof **out);
	for (c = l->child; c; c = c->next, i++)
		(*out)[i] = (struct item){c, i};
	return i;
}

/* Lists item by index: for those too long to align. */
static void compare_by_index(struct diff *d, const char *path, const cJSON *o, const cJSON *n)
{
	const cJSON *a = o->child, *b = n->child;
	size_t i;

	for (i = 0; a || b; i++) {
		char *p = xasprintf("%s[%zu]", path, i);

		if (a && b)
			compare(d, p, a, b);
		else
			add(d, a ? DIFF_REMOVED : DIFF_ADDED, p, a, b);
		free(p);
		a = a ? a->next : NULL;
		b = b ? b->next : NULL;
	}
}

/* Lists aligned on their longest common run of equal items, so that an
 * item taken out of the middle is one removal, not every later item
 * changed; a list too long for that is compared index by index. */
static void compare_lists(struct diff *d, const char *path, const cJSON *o, const cJSON *n)
{
	struct item *a, *b, *gone, *come;
	size_t na, nb, i, j, ng = 0, nc = 0, w, *lcs;

	if ((size_t)cJSON_GetArraySize(o) * (size_t)cJSON_GetArraySize(n) > ALIGN_MAX) {
		compare_by_index(d, path, o, n);
		return;
	}
	na = list_items(o, &a);
	nb = list_items(n, &b);
	w = nb + 1;
	/* lcs[i * w + j]: how many items a[i..] and b[j..] have in common */
	lcs = xcalloc((na + 1) * w, sizeof *lcs);
	for (i = na; i-- > 0;)
		for (j = nb; j-- > 0;)
			lcs[i * w + j] = cJSON_Compare(a[i].v, b[j].v, 1)
					     ? lcs[(i + 1) * w + j + 1] + 1
					     : bigger(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
	gone = xcalloc(na + 1, sizeof *gone);
	come = xcalloc(nb + 1, sizeof *come);
	for (i = j = 0; i < na || j < nb;) {
		if (i < na && j < nb && cJSON_Compare(a[i].v, b[j].v, 1) &&
		    lcs[i * w + j] == lcs[(i + 1) * w + j + 1] + 1) {
			put_gap(d, path, gone, ng, come, nc); /* a[i] is kept */
			ng = nc = 0;
			i++, j++;
		} else if (j >= nb || (i < na && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) {
			gone[ng++] = a[i++];
		} else {
			come[nc++] = b[j++];
		}
	}
	put_gap(d, path, gone, ng, come, nc);
	free(gone);
	free(come);
	free(lcs);
	free(a);
	free(b);
}

static void compare(struct diff *d, const char *path, const cJSON *o, const cJSON *n)
{
	if (cJSON_IsObject(o) && cJSON_IsObject(n))
		compare_objects(d, path, o, n);
	else if (cJSON_IsArray(o) && cJSON_IsArray(n))
		compare_lists(d, path, o, n);
	else if (!cJSON_Compare(o, n, 1))
		add(d, DIFF_CHANGED, path, o, n);
}

/* A form as it would be sent or saved (empty groups, lists and maps left
 * out, as document_to_json leaves them out), as a tree; NULL: nothing. */
static cJSON *as_sent(char *json)
{
	cJSON *j = json ? getmap_read_json(json, strlen(json)) : NULL;

	free(json);
	return j ? j : cJSON_CreateObject();
}

static void compare_trees(struct diff *d, cJSON *o, cJSON *n)
{
	compare(d, "", o, n);
	cJSON_Delete(o);
	cJSON_Delete(n);
}

void diff_documents(const struct formdef *def, const struct document *old,
		    const struct document *new, struct diff *out)
{
	compare_trees(out, as_sent(old ? document_to_json(old, def, 0) : NULL),
		      as_sent(new ? document_to_json(new, def, 0) : NULL));
}

void diff_upforms(const struct getmap *m, const struct formdef *def, const struct upform *old,
		  const struct upform *new, struct diff *out)
{
	compare_trees(out, as_sent(old ? upform_to_json(m, def, old, 0) : NULL),
		      as_sent(new ? upform_to_json(m, def, new, 0) : NULL));
}
