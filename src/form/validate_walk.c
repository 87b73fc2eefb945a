/* validate_walk.c: the walk over a whole document (validate.h,
 * validate_local.h): groups and their members, one-ofs, lists, maps and
 * their keys, with sets of names for repeats in linear time; the entry
 * points validate_document, validate_member, validate_rest and
 * validate_section. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/validate.h"
#include "form/validate_local.h"

/* ---- sets of names ---- */

/* Empty the set, made for n strings. */
void seen_reset(struct seen *t, size_t n, int fold)
{
	size_t cap = 16;

	while (cap < 2 * n)
		cap *= 2;
	if (cap > t->alloc) {
		free(t->v);
		t->v = xcalloc(cap, sizeof *t->v);
		t->alloc = cap;
	} else {
		memset(t->v, 0, cap * sizeof *t->v);
	}
	t->cap = cap;
	t->fold = fold;
}

static uint64_t seen_hash(const struct seen *t, const char *s, size_t len)
{
	uint64_t h = 14695981039346656037ULL, x;
	size_t j = 0;

	if (t->fold) { /* FNV-1a, byte by byte: header names are few and short */
		for (; j < len; j++)
			h = (h ^ (uint64_t)validate_fold((unsigned char)s[j])) * 1099511628211ULL;
		return h;
	}
	for (; j + 8 <= len; j += 8) { /* eight bytes at a time, mixed */
		memcpy(&x, s + j, 8);
		h = (h ^ x) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 29;
	}
	for (; j < len; j++)
		h = (h ^ (unsigned char)s[j]) * 1099511628211ULL;
	return h ^ (h >> 32);
}

/* The slot holding s[0..len), or the empty slot where it belongs. */
static struct seen_slot *seen_slot(const struct seen *t, const char *s, size_t len, uint64_t h)
{
	size_t i, j;

	for (i = (size_t)h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
		struct seen_slot *x = &t->v[i];

		if (!x->s)
			return x;
		if (x->hash != h || x->len != len)
			continue;
		if (!t->fold && !memcmp(x->s, s, len))
			return x;
		for (j = 0; t->fold && j < len; j++)
			if (validate_fold((unsigned char)x->s[j]) !=
			    validate_fold((unsigned char)s[j]))
				break;
		if (t->fold && j == len)
			return x;
	}
}

/* Is s[0..len) in the set? */
int seen_has(const struct seen *t, const char *s, size_t len)
{
	return seen_slot(t, s, len, seen_hash(t, s, len))->s != NULL;
}

/* Add s[0..len) as entry idx. Returns the entry of an equal string added
 * before, or (size_t)-1 when s is new. At most the n of seen_reset. */
size_t seen_add(struct seen *t, const char *s, size_t len, size_t idx)
{
	uint64_t h = seen_hash(t, s, len);
	struct seen_slot *x = seen_slot(t, s, len, h);

	if (x->s)
		return x->idx;
	x->s = s;
	x->len = len;
	x->idx = idx;
	x->hash = h;
	return (size_t)-1;
}

/* ---- whole-document validation ---- */

struct mark walk_here(const struct walk *w)
{
	struct mark m = {w->path.len, w->ref.len};

	return m;
}

void walk_back(struct walk *w, struct mark m)
{
	w->path.s[w->path.len = m.path] = '\0';
	w->ref.s[w->ref.len = m.ref] = '\0';
}

void walk_down_member(struct walk *w, const char *name)
{
	validate_path_join(&w->path, name);
	validate_path_join(&w->ref, name);
}

void walk_down_item(struct walk *w, size_t i)
{
	validate_path_index(&w->path, i);
	validate_path_index(&w->ref, i);
}

void walk_down_entry(struct walk *w, const char *key, size_t i)
{
	validate_path_join(&w->path, key);
	validate_path_index(&w->ref, i);
}

void walk_add_at(struct walk *w, enum vstate st, const char *path, const char *ref, char *msg)
{
	problems_add(w->out, st, path, ref, "%s", msg);
	free(msg);
}

/* A problem where the walk is. */
void walk_add(struct walk *w, enum vstate st, char *msg)
{
	walk_add_at(w, st, w->path.s, w->ref.s, msg);
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Is there a reader's path that is p[0..n) followed by c (c '\0': p itself)? */
static int prior_has(const struct walk *w, const char *p, size_t n, char c)
{
	size_t lo = 0, hi = w->prior, mid;

	while (lo < hi) {
		const char *e = w->sorted[mid = lo + (hi - lo) / 2];
		int r = strncmp(e, p, n);

		if (r < 0 || (r == 0 && (unsigned char)e[n] < (unsigned char)c))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < w->prior && !strncmp(w->sorted[lo], p, n) && w->sorted[lo][n] == c;
}

/* The reader (formfile_parse) drops a value of the wrong type and says so.
 * What is then missing (an empty list, a one-of with no branch, a required
 * member) is that same problem again: is there one of the reader's at path
 * or inside it? */
int walk_explained(struct walk *w, const char *path)
{
	size_t n = strlen(path), i;

	if (!w->prior)
		return 0;
	if (!w->sorted) {
		w->sorted = xcalloc(w->prior, sizeof *w->sorted);
		for (i = 0; i < w->prior; i++)
			w->sorted[i] = w->out->v[i].path;
		qsort(w->sorted, w->prior, sizeof *w->sorted, by_text);
	}
	return prior_has(w, path, n, '\0') || prior_has(w, path, n, '.') ||
	       prior_has(w, path, n, '[');
}

/* Something is missing at path, unless the reader explained why already. */
void walk_add_missing_at(struct walk *w, enum vstate st, const char *path, const char *ref,
			 char *msg)
{
	if (walk_explained(w, path))
		free(msg);
	else
		walk_add_at(w, st, path, ref, msg);
}

void walk_add_missing(struct walk *w, enum vstate st, char *msg)
{
	walk_add_missing_at(w, st, w->path.s, w->ref.s, msg);
}

static void check_node(struct walk *w, const struct fnode *f, const cJSON *v);

static int scalar_kind(const struct fnode *f)
{
	return f->kind == FK_TEXT || f->kind == FK_CHOICE || f->kind == FK_INTEGER ||
	       f->kind == FK_BOOLEAN;
}

/* What is wrong with scalar v (strict), or NULL. Decided before the path is
 * made: a valid scalar costs no path at all. */
char *validate_scalar_problem(const struct fnode *f, const cJSON *v, struct classes *cs)
{
	char *m = validate_type_message(f, v);

	if (m)
		return m;
	if (f->kind == FK_TEXT)
		validate_check_text(f, v->valuestring, 0, &m, cs);
	else if (f->kind == FK_CHOICE)
		validate_check_choice(f, v->valuestring, 0, &m);
	else if (f->kind == FK_INTEGER)
		validate_check_integer(f, (long long)v->valuedouble, 0, &m);
	return m;
}

static void check_size(struct walk *w, const struct fnode *f, size_t n)
{
	unsigned long min = (unsigned long)f->min_items;

	if (f->min_items >= 0 && n < (size_t)f->min_items) {
		if (n == 0)
			walk_add_missing(
			    w, VS_INVALID,
			    xasprintf(P_("is empty: expected at least %ld entry",
					 "is empty: expected at least %ld entries", min),
				      f->min_items));
		else
			walk_add_missing(w, VS_INVALID,
					 xasprintf(P_("has %zu entry: expected at least %ld",
						      "has %zu entries: expected at least %ld", n),
						   n, f->min_items));
	}
	if (f->max_items >= 0 && n > (size_t)f->max_items)
		walk_add(w, VS_INVALID,
			 xasprintf(P_("has %zu entry: at most %ld allowed",
				      "has %zu entries: at most %ld allowed", n),
				   n, f->max_items));
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

/* Member k of group (or one-of) f, whose value v is: its own rules, or that
 * it is missing or does not apply here. */
static void walk_member(struct walk *w, const struct fnode *f, const struct fnode *k,
			const cJSON *v)
{
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(v, k->name);
	struct mark m = walk_here(w);

	if (!c && !(k->required && f->kind == FK_GROUP))
		return;
	if (c && scalar_kind(k) && when_holds(k, v)) {
		char *wrong = validate_scalar_problem(k, c, &w->classes);

		if (wrong) {
			walk_down_member(w, k->name);
			walk_add(w, VS_INVALID, wrong);
			walk_back(w, m);
		}
		return;
	}
	walk_down_member(w, k->name);
	if (c && !when_holds(k, v)) {
		struct strbuf b = {0};
		const struct fnode *on = fnode_child(f, k->when_field);
		char *vals, *field = on ? validate_named(on) : xstrdup(k->when_field);
		size_t j;

		for (j = 0; j < k->nwhen; j++)
			validate_add_or(&b, j, k->nwhen, k->when_values[j]);
		vals = strbuf_finish(&b);
		walk_add(
		    w, VS_INVALID,
		    xasprintf(_("only applies when %s is %s: expected it left out, or %s set to "
				"%s"),
			      field, vals, field, vals));
		free(vals);
		free(field);
	} else if (c) {
		check_node(w, k, c);
	} else if (when_holds(k, v)) {
		char *exp = validate_expectation(k);

		walk_add_missing(w, VS_INCOMPLETE, xasprintf(_("is required: expected %s"), exp));
		free(exp);
	}
	walk_back(w, m);
}

/* The members of v that f does not know. */
static void walk_unknown(struct walk *w, const struct fnode *f, const cJSON *v)
{
	const cJSON *c;
	struct mark m = walk_here(w);

	cJSON_ArrayForEach (c, v) {
		if (!fnode_child(f, c->string)) {
			walk_down_member(w, c->string);
			walk_add(w, VS_INVALID, validate_unknown_message(f, c->string));
			walk_back(w, m);
		}
	}
}

static void walk_group(struct walk *w, const struct fnode *f, const cJSON *v)
{
	size_t i;

	for (i = 0; i < f->nchildren; i++)
		walk_member(w, f, f->children[i], v);
	walk_unknown(w, f, v);
}

static void check_oneof(struct walk *w, const struct fnode *f, const cJSON *v)
{
	const cJSON *c;
	size_t set = 0;
	char *all;

	cJSON_ArrayForEach (c, v) {
		if (fnode_child(f, c->string))
			set++;
	}
	if (set == 0 && !v->child) {
		all = validate_branch_list(f);
		walk_add_missing(w, VS_INCOMPLETE,
				 xasprintf(_("is empty: choose one of %s"), all));
		free(all);
	} else if (set > 1) {
		all = validate_branch_list(f);
		walk_add(w, VS_INVALID,
			 xasprintf(P_("holds %zu choice: expected exactly one of %s",
				      "holds %zu choices: expected exactly one of %s", set),
				   set, all));
		free(all);
	}
	walk_group(w, f, v);
}

static void check_list(struct walk *w, const struct fnode *f, const cJSON *v)
{
	const cJSON *c;
	struct mark m = walk_here(w);
	size_t i = 0;
	char *wrong;

	check_size(w, f, (size_t)cJSON_GetArraySize(v));
	cJSON_ArrayForEach (c, v) {
		if (scalar_kind(f->item)) {
			if ((wrong = validate_scalar_problem(f->item, c, &w->classes))) {
				walk_down_item(w, i);
				walk_add(w, VS_INVALID, wrong);
				walk_back(w, m);
			}
		} else {
			walk_down_item(w, i);
			check_node(w, f->item, c);
			walk_back(w, m);
		}
		i++;
	}
}

static void check_map(struct walk *w, const struct fnode *f, const cJSON *v)
{
	const cJSON *c;
	struct mark m = walk_here(w);
	size_t i = 0, n = document_count(w->doc, w->ref.s);

	check_size(w, f, n);
	/* a large map's entries are known to be right when nothing changed
	 * them since the last walk, or only some, checked again now */
	if (validate_map_clean(w, f, v, n))
		return;
	seen_reset(&w->seen, n, 0);
	cJSON_ArrayForEach (c, v) {
		char *key = NULL, *value = validate_scalar_problem(f->value, c, &w->classes);
		int twice = seen_add(&w->seen, c->string, strlen(c->string), i) != (size_t)-1;

		validate_check_text(f->key, c->string, 0, &key, &w->classes);
		if (key || twice || value) {
			walk_down_entry(w, c->string, i);
			if (key)
				walk_add(w, VS_INVALID, xasprintf(_("key %s"), key));
			if (twice)
				walk_add(w, VS_INVALID,
					 xstrdup(_("is a duplicate key: expected each key once")));
			if (value)
				walk_add(w, VS_INVALID, value);
			walk_back(w, m);
		}
		free(key);
		i++;
	}
}

static void check_node(struct walk *w, const struct fnode *f, const cJSON *v)
{
	char *wrong = scalar_kind(f) ? validate_scalar_problem(f, v, &w->classes)
				     : validate_type_message(f, v);

	if (wrong) {
		walk_add(w, VS_INVALID, wrong);
		return;
	}
	switch (f->kind) {
	case FK_LIST:
	case FK_SUBLIST:
		check_list(w, f, v);
		break;
	case FK_MAP:
		check_map(w, f, v);
		break;
	case FK_GROUP:
		walk_group(w, f, v);
		break;
	case FK_ONEOF:
		check_oneof(w, f, v);
		break;
	default:
		break;
	}
}

static void walk_start(struct walk *w, const struct formdef *def, const struct document *doc,
		       struct problems *out)
{
	memset(w, 0, sizeof *w);
	w->def = def;
	w->out = out;
	w->doc = doc;
	w->root = document_json(doc);
	w->prior = out->n;
	strbuf_add(&w->path, "", 0);
	strbuf_add(&w->ref, "", 0);
}

/* Ends the walk; returns the worst state of what it appended. */
static enum vstate walk_end(struct walk *w, size_t before)
{
	enum vstate worst = VS_VALID;
	size_t i;

	strbuf_release(&w->path);
	strbuf_release(&w->ref);
	free(w->sorted);
	free(w->seen.v);
	for (i = before; i < w->out->n; i++)
		if (w->out->v[i].state > worst)
			worst = w->out->v[i].state;
	return worst;
}

enum vstate validate_document(const struct formdef *def, const struct document *doc,
			      struct problems *out)
{
	struct walk w;
	size_t before = out->n;

	walk_start(&w, def, doc, out);
	walk_group(&w, def->root, w.root);
	validate_rules(&w);
	return walk_end(&w, before);
}

enum vstate validate_member(const struct formdef *def, const struct document *doc,
			    const struct fnode *top, struct problems *out)
{
	struct walk w;
	size_t before = out->n;

	walk_start(&w, def, doc, out);
	walk_member(&w, def->root, top, w.root);
	return walk_end(&w, before);
}

enum vstate validate_rest(const struct formdef *def, const struct document *doc,
			  struct problems *out)
{
	struct walk w;
	size_t before = out->n;

	walk_start(&w, def, doc, out);
	walk_unknown(&w, def->root, w.root);
	validate_rules(&w);
	return walk_end(&w, before);
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
