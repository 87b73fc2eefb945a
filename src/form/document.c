/* document.c: the request being edited, a cJSON tree behind a path API; see document.h. */
#include "config.h"

#include <cjson/cJSON.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form/document.h"
#include "form/keyindex.h"
#include "form/formdef.h"
#include "form/jsonwrite.h"
#include "base/util.h"

/* Top-level members whose changes are counted one by one; past that many,
 * a change counts for every member (a form has 16). */
#define MEMBER_GENS 64

/* Where the last lookup in one container ended, so that a walk over its
 * items in order (item i, then i + 1; key, then the value by that key) goes
 * on from there instead of from the start: linear, not quadratic, in a list
 * of 60,000 tags. A few containers at once, by the container's address.
 * Appending keeps them; every change that deletes, replaces or reorders an
 * item forgets them all (forget). */
#define CURSORS     32
#define CURSOR_WAYS 4 /* the places a container's cursor may take */

struct cursor {
	const cJSON *parent; /* NULL: unused */
	cJSON *child;        /* an item of parent ... */
	size_t idx;          /* ... and its index */
	unsigned long used;  /* when last asked for: the least recent one goes */
};

struct cursor_set {
	struct cursor v[CURSORS];
	unsigned long tick;
};

/* The last changes, one per generation, for document_entries_changed. */
#define JOURNAL 32

enum change_kind { CH_OTHER, CH_ENTRY, CH_APPEND };

struct change {
	enum change_kind kind;
	char *path; /* CH_OTHER: what changed; otherwise the list or map */
	size_t idx; /* the entry set or appended */
};

/* Counts of containers, valid at count_gen: an entry set in place keeps
 * its container's, an append adds one; any other change forgets them. */
#define COUNTS 4

struct document {
	cJSON *root;
	unsigned long generation;
	unsigned long all_gen; /* the last change that counts for every member */
	struct member_gen {
		char *name;
		unsigned long gen;
	} members[MEMBER_GENS];
	size_t nmembers;
	struct cursor_set *cursors;     /* owned; written by lookups too */
	struct change journal[JOURNAL]; /* generation g at [g % JOURNAL] */
	unsigned long journal_from;     /* the generations after it are there */
	struct {
		const cJSON *c;
		size_t n;
	} counts[COUNTS]; /* written by document_count too */
	unsigned long count_gen;
	void *cache[DOC_CACHES]; /* document_cache_keep's */
	void (*cache_release[DOC_CACHES])(void *);
	struct keyindex *keys; /* of the map at keys_path, right at keys_gen */
	char *keys_path;
	unsigned long keys_gen;
};

/* Forget the journal and the counts (the generation starts anew, or a
 * change was not counted). */
static void journal_reset(struct document *doc)
{
	size_t i;

	for (i = 0; i < JOURNAL; i++) {
		free(doc->journal[i].path);
		doc->journal[i].path = NULL;
	}
	doc->journal_from = doc->generation;
	memset(doc->counts, 0, sizeof doc->counts);
}

/* Note change number doc->generation: kind, at path (for an entry, of the
 * container at path, cJSON c). */
static void journal_add(struct document *doc, enum change_kind kind, const char *path, size_t len,
			size_t idx, const cJSON *c)
{
	struct change *ch = &doc->journal[doc->generation % JOURNAL];
	size_t i;

	free(ch->path);
	ch->kind = kind;
	ch->path = xstrndup(path, len);
	ch->idx = idx;
	if (doc->generation - doc->journal_from > JOURNAL)
		doc->journal_from = doc->generation - JOURNAL;
	for (i = 0; i < COUNTS; i++)
		if (doc->count_gen + 1 != doc->generation || kind == CH_OTHER ||
		    doc->counts[i].c != c) {
			if (kind != CH_APPEND) /* nothing was freed by an append */
				doc->counts[i].c = NULL;
		} else if (kind == CH_APPEND) {
			doc->counts[i].n++;
		}
	if (doc->count_gen + 1 != doc->generation)
		memset(doc->counts, 0, sizeof doc->counts);
	doc->count_gen = doc->generation;
}

/* Count a change at path: the generation, the journal (kind, clen, idx
 * and c as journal_add's) and the top-level member it is in. */
static void changed_as(struct document *doc, const char *path, enum change_kind kind, size_t clen,
		       size_t idx, const cJSON *c)
{
	size_t len = strcspn(path, ".["), i;

	doc->generation++;
	journal_add(doc, kind, path, clen, idx, c);
	if (len == 0) {
		doc->all_gen = doc->generation;
		return;
	}
	for (i = 0; i < doc->nmembers; i++)
		if (!strncmp(doc->members[i].name, path, len) && !doc->members[i].name[len]) {
			doc->members[i].gen = doc->generation;
			return;
		}
	if (doc->nmembers == MEMBER_GENS) {
		doc->all_gen = doc->generation;
		return;
	}
	doc->members[doc->nmembers].name = xstrndup(path, len);
	doc->members[doc->nmembers++].gen = doc->generation;
}

/* Any other change at path. */
static void changed(struct document *doc, const char *path)
{
	changed_as(doc, path, CH_OTHER, strlen(path), 0, NULL);
}

unsigned long document_member_generation(const struct document *doc, const char *name)
{
	size_t i;

	for (i = 0; i < doc->nmembers; i++)
		if (!strcmp(doc->members[i].name, name))
			return doc->members[i].gen > doc->all_gen ? doc->members[i].gen
								  : doc->all_gen;
	return doc->all_gen;
}

/* One step of a path: a member name, or an index. */
struct step {
	const char *name; /* not NUL-terminated; NULL for an index */
	size_t len;
	size_t idx;
};

#define MAX_STEPS 32

/* Split "a.b[2].c" into steps. Returns the count, or -1 when malformed. */
static int path_split(const char *path, struct step *steps)
{
	const char *p = path;
	int n = 0;

	while (*p) {
		size_t len = strcspn(p, ".[");

		if (n >= MAX_STEPS)
			return -1;
		if (len > 0) {
			steps[n].name = p;
			steps[n].len = len;
			n++;
			p += len;
		}
		while (*p == '[') {
			char *end;
			unsigned long v;

			if (n >= MAX_STEPS || p[1] < '0' || p[1] > '9')
				return -1;
			v = strtoul(p + 1, &end, 10);
			if (*end != ']' || v > INT_MAX)
				return -1;
			steps[n].name = NULL;
			steps[n].idx = v;
			n++;
			p = end + 1;
		}
		if (*p == '.') {
			p++;
			if (!*p || *p == '.' || *p == '[')
				return -1;
		} else if (*p) {
			return -1;
		}
	}
	return n;
}

/* Forget every cursor: an item they point to may be gone. */
static void forget(struct document *doc)
{
	memset(doc->cursors, 0, sizeof *doc->cursors);
}

/* The cursor of container c (one it may share with another container). */
static struct cursor *cursor_of(const struct document *doc, const cJSON *c)
{
	struct cursor_set *set = doc->cursors;
	size_t h = ((uintptr_t)c >> 5) % CURSORS, i;
	struct cursor *k, *old = NULL;

	/* a few places per container, the least recently asked for given up:
	 * with one place, two containers of one path that fell on it (a list
	 * and its parent object, by their addresses) took it from each other
	 * at every step, and a list built item by item was walked from its
	 * start each time (quadratic: 60,000 subnets took 30 s) */
	for (i = 0; i < CURSOR_WAYS; i++) {
		k = &set->v[(h + i) % CURSORS];
		if (k->parent == c) {
			k->used = ++set->tick;
			return k;
		}
		if (!old || k->used < old->used)
			old = k;
	}
	memset(old, 0, sizeof *old);
	old->used = ++set->tick;
	return old;
}

static void cursor_put(struct cursor *k, const cJSON *parent, cJSON *child, size_t idx)
{
	k->parent = parent;
	k->child = child;
	k->idx = idx;
}

static int is_named(const cJSON *c, const struct step *s)
{
	return c->string && strlen(c->string) == s->len && !memcmp(c->string, s->name, s->len);
}

static cJSON *member(const struct document *doc, const cJSON *obj, const struct step *s)
{
	struct cursor *k = cursor_of(doc, obj);
	cJSON *c;
	size_t i = 0;

	if (!cJSON_IsObject(obj))
		return NULL;
	if (k->parent == obj) { /* the same member again, or the next one */
		if (is_named(k->child, s))
			return k->child;
		if (k->child->next && is_named(k->child->next, s)) {
			cursor_put(k, obj, k->child->next, k->idx + 1);
			return k->child;
		}
	}
	for (c = obj->child; c; c = c->next, i++)
		if (is_named(c, s)) {
			cursor_put(k, obj, c, i);
			return c;
		}
	return NULL;
}

static cJSON *nth(const struct document *doc, const cJSON *container, size_t idx)
{
	struct cursor *k = cursor_of(doc, container);
	cJSON *c;
	size_t at = 0;

	if (!cJSON_IsArray(container) && !cJSON_IsObject(container))
		return NULL;
	c = container->child;
	if (k->parent == container && k->idx <= idx) {
		c = k->child;
		at = k->idx;
	}
	for (; c && at < idx; c = c->next)
		at++;
	if (c)
		cursor_put(k, container, c, at);
	return c;
}

/* Is idx one past the last item of container (where an item is appended)? */
static int at_end(const struct document *doc, const cJSON *container, size_t idx)
{
	const cJSON *last;

	if (idx == 0)
		return !container->child;
	last = nth(doc, container, idx - 1);
	return last && !last->next;
}

static cJSON *step_get(const struct document *doc, const cJSON *cur, const struct step *s)
{
	return s->name ? member(doc, cur, s) : nth(doc, cur, s->idx);
}

static cJSON *lookup(const struct document *doc, const char *path)
{
	struct step steps[MAX_STEPS];
	int n = path_split(path, steps), i;
	cJSON *cur = doc->root;

	if (n < 0)
		return NULL;
	for (i = 0; i < n && cur; i++)
		cur = step_get(doc, cur, &steps[i]);
	return cur;
}

/* Walk to the parent of the last step, creating groups and lists on the
 * way (*made set when it did). */
static cJSON *walk_create(struct document *doc, struct step *steps, int n, int *made)
{
	cJSON *cur = doc->root, *next;
	int i;

	for (i = 0; i < n - 1; i++) {
		next = step_get(doc, cur, &steps[i]);
		if (!next) {
			*made = 1;
			next = steps[i + 1].name ? cJSON_CreateObject() : cJSON_CreateArray();
			if (steps[i].name) {
				char *key;

				if (!cJSON_IsObject(cur)) {
					cJSON_Delete(next);
					return NULL;
				}
				key = xstrndup(steps[i].name, steps[i].len);
				cJSON_AddItemToObject(cur, key, next);
				free(key);
			} else if (cJSON_IsArray(cur) && at_end(doc, cur, steps[i].idx)) {
				cJSON_AddItemToArray(cur, next);
			} else {
				cJSON_Delete(next);
				return NULL;
			}
		}
		if (!cJSON_IsObject(next) && !cJSON_IsArray(next))
			return NULL;
		cur = next;
	}
	return cur;
}

/* Where the last step of path, an index, begins ("a.b[2]": 3). */
static size_t last_index_at(const char *path)
{
	return (size_t)(strrchr(path, '[') - path);
}

static int put(struct document *doc, const char *path, cJSON *item)
{
	struct step steps[MAX_STEPS];
	int n = path_split(path, steps);
	cJSON *parent, *old;
	struct step *last;
	enum change_kind kind = CH_OTHER;
	int made = 0;

	if (n <= 0 || !item)
		goto fail;
	parent = walk_create(doc, steps, n, &made);
	if (!parent)
		goto fail;
	last = &steps[n - 1];
	old = step_get(doc, parent, last);
	if (old) {
		if (old->string) {
			/* keep the member's (or map entry's) key */
			item->string = xstrdup(old->string);
		}
		forget(doc);
		cJSON_ReplaceItemViaPointer(parent, old, item);
		kind = last->name ? CH_OTHER : CH_ENTRY;
	} else if (last->name) {
		char *key;

		if (!cJSON_IsObject(parent))
			goto fail;
		key = xstrndup(last->name, last->len);
		cJSON_AddItemToObject(parent, key, item);
		free(key);
	} else if (cJSON_IsArray(parent) && at_end(doc, parent, last->idx)) {
		cJSON_AddItemToArray(parent, item);
		kind = CH_APPEND;
	} else {
		goto fail;
	}
	if (made) /* groups or lists above it are new: more than an entry */
		kind = CH_OTHER;
	/* an entry's change is of its container: path up to its last [N] */
	changed_as(doc, path, kind, kind == CH_OTHER ? strlen(path) : last_index_at(path),
		   last->idx, parent);
	return 0;
fail:
	cJSON_Delete(item);
	return -1;
}

/* A document holding root (NULL: out of memory). */
static struct document *holding(cJSON *root)
{
	struct document *doc = xcalloc(1, sizeof *doc);

	if (!root)
		util_fatal("out of memory");
	doc->root = root;
	doc->cursors = xcalloc(1, sizeof *doc->cursors);
	return doc;
}

struct document *document_new(void)
{
	return holding(cJSON_CreateObject());
}

int document_when_applies(const struct document *doc, const struct fnode *n, const char *path)
{
	const char *dot = strrchr(path, '.'), *v;
	char *sib;
	size_t i;

	if (!n->when_field)
		return 1;
	sib = dot ? xasprintf("%.*s.%s", (int)(dot - path), path, n->when_field)
		  : xstrdup(n->when_field);
	v = document_text(doc, sib);
	free(sib);
	for (i = 0; v && i < n->nwhen; i++)
		if (!strcmp(v, n->when_values[i]))
			return 1;
	return 0;
}

/* Put the initial values of group g's members into doc, in form order (so
 * that a `when` rule sees the values of the members before it). The loader
 * allows `initial` only where every ancestor is a group, so a schema path
 * is the document path. */
static void put_initial(struct document *doc, const struct fnode *g)
{
	size_t i;

	for (i = 0; i < g->nchildren; i++) {
		const struct fnode *c = g->children[i];

		if (c->kind == FK_GROUP && document_when_applies(doc, c, c->path))
			put_initial(doc, c);
		if (!c->initial || !document_when_applies(doc, c, c->path))
			continue;
		if (c->kind == FK_INTEGER)
			document_set_number(doc, c->path, strtoll(c->initial, NULL, 10));
		else if (c->kind == FK_BOOLEAN)
			document_set_bool(doc, c->path, !strcmp(c->initial, "true"));
		else
			document_set_text(doc, c->path, c->initial);
	}
}

struct document *document_new_form(const struct formdef *def)
{
	struct document *doc = document_new();

	put_initial(doc, def->root);
	doc->generation = doc->all_gen = 0;
	journal_reset(doc);
	while (doc->nmembers)
		free(doc->members[--doc->nmembers].name);
	return doc;
}

struct document *document_adopt_json(void *json)
{
	return holding(json);
}

void *document_json(const struct document *doc)
{
	return doc->root;
}

void document_free(struct document *doc)
{
	size_t i;

	if (!doc)
		return;
	cJSON_Delete(doc->root);
	while (doc->nmembers)
		free(doc->members[--doc->nmembers].name);
	journal_reset(doc);
	for (i = 0; i < DOC_CACHES; i++)
		if (doc->cache_release[i])
			doc->cache_release[i](doc->cache[i]);
	keyindex_free(doc->keys);
	free(doc->keys_path);
	free(doc->cursors);
	free(doc);
}

struct document *document_copy(const struct document *doc)
{
	struct document *c = holding(cJSON_Duplicate(doc->root, 1));

	c->generation = c->all_gen = c->journal_from = c->count_gen = doc->generation;
	return c;
}

unsigned long document_generation(const struct document *doc)
{
	return doc->generation;
}

/* Whether a is b, or a is above b, or b above a (the paths name the same
 * value or one holds the other). */
static int path_overlaps(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), n = la < lb ? la : lb;

	if (strncmp(a, b, n))
		return 0;
	if (la == lb || n == 0)
		return 1;
	return strchr(".[", la < lb ? b[n] : a[n]) != NULL;
}

int document_entries_changed(const struct document *doc, const char *path, unsigned long since,
			     size_t *idx, size_t max, size_t *n)
{
	unsigned long g;

	*n = 0;
	if (since < doc->journal_from || since > doc->generation)
		return -1;
	for (g = since + 1; g <= doc->generation; g++) {
		const struct change *ch = &doc->journal[g % JOURNAL];

		if (!path_overlaps(ch->path, path))
			continue;
		if (ch->kind == CH_OTHER || strcmp(ch->path, path) || *n == max)
			return -1;
		idx[(*n)++] = ch->idx;
	}
	return 0;
}

void *document_cache(const struct document *doc, enum doc_cache which)
{
	return doc->cache[which];
}

void document_cache_keep(const struct document *doc, enum doc_cache which, void *cache,
			 void (*release)(void *))
{
	struct document *d = (struct document *)doc; /* a cache, as the cursors */

	if (d->cache_release[which] && d->cache[which] != cache)
		d->cache_release[which](d->cache[which]);
	d->cache[which] = cache;
	d->cache_release[which] = release;
}

enum dtype document_type(const struct document *doc, const char *path)
{
	const cJSON *v = *path ? lookup(doc, path) : doc->root;

	if (!v)
		return DT_NONE;
	if (cJSON_IsString(v))
		return DT_TEXT;
	if (cJSON_IsNumber(v))
		return DT_NUMBER;
	if (cJSON_IsBool(v))
		return DT_BOOL;
	if (cJSON_IsArray(v))
		return DT_LIST;
	if (cJSON_IsObject(v))
		return DT_OBJECT;
	return DT_NULL;
}

int document_is_set(const struct document *doc, const char *path)
{
	return lookup(doc, path) != NULL;
}

const char *document_text(const struct document *doc, const char *path)
{
	const cJSON *v = lookup(doc, path);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

int document_number(const struct document *doc, const char *path, long long *out)
{
	const cJSON *v = lookup(doc, path);

	if (!cJSON_IsNumber(v))
		return -1;
	*out = (long long)v->valuedouble;
	return 0;
}

int document_bool(const struct document *doc, const char *path, int *out)
{
	const cJSON *v = lookup(doc, path);

	if (!cJSON_IsBool(v))
		return -1;
	*out = cJSON_IsTrue(v);
	return 0;
}

size_t document_count(const struct document *doc, const char *path)
{
	const cJSON *v = *path ? lookup(doc, path) : doc->root;
	struct document *d = (struct document *)doc; /* the counts are a cache */
	size_t i, n;

	if (!cJSON_IsArray(v) && !cJSON_IsObject(v))
		return 0;
	if (d->count_gen != d->generation) {
		memset(d->counts, 0, sizeof d->counts);
		d->count_gen = d->generation;
	}
	for (i = 0; i < COUNTS; i++)
		if (d->counts[i].c == v)
			return d->counts[i].n;
	n = (size_t)cJSON_GetArraySize(v);
	/* the slot of the container's address, as the cursors' */
	i = ((uintptr_t)v >> 5) % COUNTS;
	d->counts[i].c = v;
	d->counts[i].n = n;
	return n;
}

const char *document_key(const struct document *doc, const char *path, size_t idx)
{
	const cJSON *v = *path ? lookup(doc, path) : doc->root, *c;

	if (!cJSON_IsObject(v))
		return NULL;
	c = nth(doc, v, idx);
	return c ? c->string : NULL;
}

/* document_key_index of a large map m: by its index, brought up to date
 * with the entries changed since it was last asked (the journal). */
static size_t key_index_large(const struct document *doc, const char *path, const cJSON *m,
			      const char *key, size_t skip)
{
	struct document *d = (struct document *)doc; /* the index is a cache */
	size_t idx[JOURNAL], n = 0, r;
	int fresh = !d->keys_path || strcmp(d->keys_path, path) ||
		    document_entries_changed(doc, path, d->keys_gen, idx, JOURNAL, &n) != 0;

	if (fresh) {
		free(d->keys_path);
		d->keys_path = xstrdup(path);
	}
	r = keyindex_find(&d->keys, m, document_count(doc, path), fresh ? NULL : idx, n, key,
			  skip);
	d->keys_gen = d->generation;
	return r;
}

size_t document_key_index(const struct document *doc, const char *path, const char *key,
			  size_t skip)
{
	const cJSON *v = *path ? lookup(doc, path) : doc->root, *c;
	size_t i = 0;

	if (!cJSON_IsObject(v))
		return 0;
	if (document_count(doc, path) >= KEYINDEX_MIN)
		return key_index_large(doc, path, v, key, skip);
	for (c = v->child; c; c = c->next, i++)
		if (i != skip && c->string && !strcmp(c->string, key))
			return i + 1;
	return 0;
}

int document_set_text(struct document *doc, const char *path, const char *text)
{
	return put(doc, path, cJSON_CreateString(text));
}

int document_set_number(struct document *doc, const char *path, long long v)
{
	return put(doc, path, cJSON_CreateNumber((double)v));
}

int document_set_bool(struct document *doc, const char *path, int v)
{
	return put(doc, path, cJSON_CreateBool(v));
}

int document_set_group(struct document *doc, const char *path)
{
	const cJSON *v = lookup(doc, path);

	if (cJSON_IsObject(v))
		return 0;
	return put(doc, path, cJSON_CreateObject());
}

/* The container holding the last step of path, and the item itself. */
static cJSON *parent_of(const struct document *doc, const char *path, cJSON **item)
{
	struct step steps[MAX_STEPS];
	int n = path_split(path, steps), i;
	cJSON *cur = doc->root;

	*item = NULL;
	if (n <= 0)
		return NULL;
	for (i = 0; i < n - 1 && cur; i++)
		cur = step_get(doc, cur, &steps[i]);
	if (!cur)
		return NULL;
	*item = step_get(doc, cur, &steps[n - 1]);
	return cur;
}

int document_remove(struct document *doc, const char *path)
{
	cJSON *item, *parent = parent_of(doc, path, &item);

	if (!parent || !item)
		return 0;
	cJSON_Delete(cJSON_DetachItemViaPointer(parent, item));
	forget(doc);
	changed(doc, path);
	return 0;
}

int document_move(struct document *doc, const char *path, size_t from, size_t to)
{
	cJSON *c = *path ? lookup(doc, path) : doc->root, **items, *moving;
	size_t n, i;

	if (!cJSON_IsArray(c) && !cJSON_IsObject(c))
		return -1;
	n = (size_t)cJSON_GetArraySize(c);
	if (from >= n || to >= n)
		return -1;
	if (from == to)
		return 0;
	/* Detach every item and relink in the new order (keys stay with their items). */
	items = xcalloc(n, sizeof *items);
	for (i = 0; i < n; i++)
		items[i] = cJSON_DetachItemViaPointer(c, c->child);
	moving = items[from];
	if (from < to)
		memmove(&items[from], &items[from + 1], (to - from) * sizeof *items);
	else
		memmove(&items[to + 1], &items[to], (from - to) * sizeof *items);
	items[to] = moving;
	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(c, items[i]);
	free(items);
	forget(doc);
	changed(doc, path);
	return 0;
}

int document_map_add(struct document *doc, const char *path, const char *key, const char *value)
{
	cJSON *m = lookup(doc, path);
	size_t n;

	if (!m) {
		if (document_set_group(doc, path) != 0)
			return -1;
		m = lookup(doc, path);
	}
	if (!cJSON_IsObject(m))
		return -1;
	n = document_count(doc, path);
	cJSON_AddItemToObject(m, key, cJSON_CreateString(value));
	changed_as(doc, path, CH_APPEND, strlen(path), n, m);
	return 0;
}

int document_map_set_key(struct document *doc, const char *path, size_t idx, const char *key)
{
	cJSON *m = lookup(doc, path), *e;

	if (!m || (cJSON_IsObject(m) && idx == document_count(doc, path)))
		return document_map_add(doc, path, key, "");
	if (!cJSON_IsObject(m) || !(e = nth(doc, m, idx)))
		return -1;
	free(e->string);
	e->string = xstrdup(key);
	e->type &= ~cJSON_StringIsConst;
	changed_as(doc, path, CH_ENTRY, strlen(path), idx, m);
	return 0;
}

/* The empty value a member of kind k starts as when chosen: a group, one-of or
 * map is an empty object, a list or sublist an empty list, a scalar "" (the
 * field is there to be filled; the validator says what it still needs). */
static cJSON *empty_value(const struct fnode *n)
{
	switch (n->kind) {
	case FK_GROUP:
	case FK_ONEOF:
	case FK_MAP:
		return cJSON_CreateObject();
	case FK_LIST:
	case FK_SUBLIST:
		return cJSON_CreateArray();
	default:
		return cJSON_CreateString("");
	}
}

int document_choose_branch(struct document *doc, const char *path, const struct fnode *branch)
{
	cJSON *u, *c, *next;
	char *bp;
	int ret;

	u = lookup(doc, path);
	if (cJSON_IsObject(u)) {
		for (c = u->child; c; c = next) {
			next = c->next;
			if (strcmp(c->string, branch->name)) {
				cJSON_Delete(cJSON_DetachItemViaPointer(u, c));
				forget(doc);
				changed(doc, path);
			}
		}
	}
	bp = *path ? xasprintf("%s.%s", path, branch->name) : xstrdup(branch->name);
	ret = lookup(doc, bp) ? 0 : put(doc, bp, empty_value(branch));
	free(bp);
	return ret;
}

struct document *document_extract(const struct document *doc, const char *path)
{
	const cJSON *v = *path ? lookup(doc, path) : doc->root;
	cJSON *c;

	if (!v)
		return NULL;
	c = cJSON_Duplicate(v, 1);
	if (!c)
		util_fatal("out of memory");
	/* the copy stands alone: no member name of its own */
	if (c->string && !(c->type & cJSON_StringIsConst))
		free(c->string);
	c->string = NULL;
	c->type &= ~cJSON_StringIsConst;
	return document_adopt_json(c);
}

int document_graft(struct document *doc, const char *path, const struct document *value)
{
	cJSON *c = cJSON_Duplicate(value->root, 1);

	if (!c)
		util_fatal("out of memory");
	return put(doc, path, c);
}

/* Same type and value; objects and lists member by member in order, with
 * the same keys (a moved map entry is a change). */
static int same(const cJSON *a, const cJSON *b)
{
	if ((a->type & 0xff) != (b->type & 0xff))
		return 0;
	if (cJSON_IsString(a))
		return !strcmp(a->valuestring, b->valuestring);
	if (cJSON_IsNumber(a))
		return a->valuedouble == b->valuedouble;
	if (cJSON_IsArray(a) || cJSON_IsObject(a)) {
		for (a = a->child, b = b->child; a && b; a = a->next, b = b->next) {
			if ((a->string || b->string) &&
			    (!a->string || !b->string || strcmp(a->string, b->string)))
				return 0;
			if (!same(a, b))
				return 0;
		}
		return !a && !b;
	}
	return 1;
}

int document_equal(const struct document *a, const struct document *b)
{
	return same(a->root, b->root);
}

/* When every change of a since gen set or appended an entry of a list or
 * map (the journal says): whether those entries are b's, and the lists and
 * maps as long (1 or 0); -1 when another change was made, or too long ago. */
static int entries_equal(const struct document *a, const struct document *b, unsigned long gen)
{
	const cJSON *ca, *cb, *x, *y;
	unsigned long g;

	if (gen < a->journal_from || gen > a->generation)
		return -1;
	for (g = gen + 1; g <= a->generation; g++)
		if (a->journal[g % JOURNAL].kind == CH_OTHER)
			return -1;
	for (g = gen + 1; g <= a->generation; g++) {
		const struct change *ch = &a->journal[g % JOURNAL];

		ca = *ch->path ? lookup(a, ch->path) : a->root;
		cb = *ch->path ? lookup(b, ch->path) : b->root;
		if (!ca || !cb || document_count(a, ch->path) != document_count(b, ch->path))
			return 0;
		x = nth(a, ca, ch->idx);
		y = nth(b, cb, ch->idx);
		if (!x || !y || !same(x, y) ||
		    ((x->string || y->string) &&
		     (!x->string || !y->string || strcmp(x->string, y->string))))
			return 0;
	}
	return 1;
}

int document_equal_since(const struct document *a, const struct document *b, unsigned long gen)
{
	const cJSON *x, *y;
	int r = entries_equal(a, b, gen);

	if (r >= 0) /* a keystroke in one of 60,000 tags: that tag compared */
		return r;

	if (a->all_gen > gen)
		return same(a->root, b->root);
	/* the top level's order and names did not change (that counts for
	 * every member), but members may have come or gone */
	for (x = a->root->child, y = b->root->child; x && y; x = x->next, y = y->next)
		if (strcmp(x->string, y->string) ||
		    (document_member_generation(a, x->string) > gen && !same(x, y)))
			return 0;
	return !x && !y;
}

const char *document_branch(const struct document *doc, const char *path)
{
	const cJSON *u = lookup(doc, path);

	return cJSON_IsObject(u) && u->child ? u->child->string : NULL;
}

/* Whether map v has at least least entries (0: never), none a list or a
 * group (each one line of pretty JSON). */
static int elided(const cJSON *v, size_t least)
{
	const cJSON *c;
	size_t n = 0;

	if (!least)
		return 0;
	for (c = v->child; c; c = c->next, n++)
		if (cJSON_IsObject(c) || cJSON_IsArray(c))
			return 0;
	return n >= least;
}

/* Copy v (described by f, which may be NULL for members the form lacks) in
 * form order; a top-level map as elided says (elide: its least entries)
 * holds only DOCUMENT_ELIDED: "". */
static cJSON *ordered(const cJSON *v, const struct fnode *f, int in_oneof, size_t elide)
{
	cJSON *out, *c;
	size_t i;

	if (!f)
		return cJSON_Duplicate(v, 1);
	if (cJSON_IsArray(v)) {
		if (cJSON_GetArraySize(v) == 0)
			return NULL;
		out = cJSON_CreateArray();
		cJSON_ArrayForEach (c, v) {
			cJSON *x = ordered(c, f->item, f->item && f->item->kind == FK_ONEOF, 0);

			cJSON_AddItemToArray(out, x ? x : cJSON_CreateObject());
		}
		return out;
	}
	if (!cJSON_IsObject(v))
		return cJSON_Duplicate(v, 1);
	if (f->kind == FK_MAP) {
		if (!v->child)
			return NULL;
		if (elided(v, elide)) {
			out = cJSON_CreateObject();
			cJSON_AddStringToObject(out, DOCUMENT_ELIDED, "");
			return out;
		}
		return cJSON_Duplicate(v, 1);
	}
	out = cJSON_CreateObject();
	for (i = 0; i < f->nchildren; i++) {
		const cJSON *m = cJSON_GetObjectItemCaseSensitive(v, f->children[i]->name);
		cJSON *x;

		if (!m)
			continue;
		x = ordered(m, f->children[i], f->kind == FK_ONEOF, f->parent ? 0 : elide);
		if (x)
			cJSON_AddItemToObject(out, f->children[i]->name, x);
	}
	cJSON_ArrayForEach (c, v) {
		if (!fnode_child(f, c->string))
			cJSON_AddItemToObject(out, c->string, cJSON_Duplicate(c, 1));
	}
	if (!out->child && !in_oneof && f->parent) {
		cJSON_Delete(out);
		return NULL;
	}
	return out;
}

/* As saved files are (pretty: with a final newline) or sent. */
static char *print(cJSON *tree, int pretty)
{
	char *s = jsonwrite(tree, pretty);
	size_t n;

	if (!pretty)
		return s;
	n = strlen(s); /* not a copy by printf: a megabyte for 60,000 tags */
	s = xrealloc(s, n + 2);
	memcpy(s + n, "\n", 2);
	return s;
}

char *document_to_json(const struct document *doc, const struct formdef *def, int pretty)
{
	return document_to_json_elided(doc, def, pretty, 0);
}

char *document_to_json_elided(const struct document *doc, const struct formdef *def, int pretty,
			      size_t least)
{
	cJSON *tree = ordered(doc->root, def->root, 0, least);
	char *s;

	if (!tree)
		tree = cJSON_CreateObject();
	s = print(tree, pretty);
	cJSON_Delete(tree);
	return s;
}

/* Insert item (which has its key set) at position `at` of an object.
 * cJSON_InsertItemInArray refuses objects in some cJSON releases. */
static void insert_at(cJSON *obj, size_t at, cJSON *item)
{
	cJSON *rest = cJSON_CreateArray();

	while (cJSON_GetArraySize(obj) > (int)at)
		cJSON_AddItemToArray(rest, cJSON_DetachItemFromArray(obj, (int)at));
	cJSON_AddItemToArray(obj, item);
	while (rest->child)
		cJSON_AddItemToArray(obj, cJSON_DetachItemViaPointer(rest, rest->child));
	cJSON_Delete(rest);
}

char *document_request_body(const struct document *doc, const struct formdef *def,
			    const char *client_token)
{
	cJSON *tree = ordered(doc->root, def->root, 0, 0);
	char *s;

	if (!tree)
		tree = cJSON_CreateObject();
	if (client_token && !cJSON_GetObjectItemCaseSensitive(tree, "clientToken")) {
		/* In its place in form order, as the AWS CLI would send it. */
		cJSON *tok = cJSON_CreateString(client_token);
		int at = 0;
		size_t i;

		tok->string = xstrdup("clientToken");
		for (i = 0; i < def->root->nchildren; i++) {
			if (!strcmp(def->root->children[i]->name, "clientToken"))
				break;
			if (cJSON_GetObjectItemCaseSensitive(tree, def->root->children[i]->name))
				at++;
		}
		if (i == def->root->nchildren)
			at = cJSON_GetArraySize(tree);
		insert_at(tree, (size_t)at, tok);
	}
	s = print(tree, 0);
	cJSON_Delete(tree);
	return s;
}

char *document_entry_json(const struct document *doc, const char *path, size_t idx)
{
	const cJSON *m = *path ? lookup(doc, path) : doc->root, *c;
	cJSON *one;
	char *s, *line, *end, *r;

	if (!cJSON_IsObject(m) || !(c = nth(doc, m, idx)))
		return xstrdup("");
	/* {"key": value} as the writer writes it, less the braces */
	one = cJSON_CreateObject();
	cJSON_AddItemToObject(one, c->string, cJSON_Duplicate(c, 1));
	s = jsonwrite(one, 1);
	cJSON_Delete(one);
	line = strstr(s, "\n    ");
	end = strrchr(s, '\n');
	r = line && end > line ? xstrndup(line + 5, (size_t)(end - line - 5)) : xstrdup("");
	free(s);
	return r;
}
