/* rows-build.c: a section (or a sublist entry) flattened into rows, their
 * strings kept in chunks; with ROWS_LAZY the rows of a list's or map's items
 * are made when first asked for (rows_at); see rows.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "form/document.h"
#include "form/formdef.h"
#include "base/util.h"
#include "rows.h"

static char *path_join(const char *base, const char *name)
{
	if (!base || !*base)
		return xstrdup(name);
	return xasprintf("%s.%s", base, name);
}

static const char *node_label(const struct fnode *n)
{
	if (n->label && *n->label)
		return n->label;
	if (n->name && *n->name)
		return n->name;
	return _("Item");
}

/* A chunk of the rows' strings: paths and labels are carved from chunks
 * freed together (a map of 60,000 tags makes 120,000 rows; a malloc and a
 * free for each of their strings was most of building them). */
struct rows_chunk {
	struct rows_chunk *next;
	size_t used, size;
	char text[];
};

#define CHUNK_SIZE 65536

/* Room for a string of len bytes and its NUL in r's chunks. */
static char *pool_room(struct rows *r, size_t len)
{
	struct rows_chunk *c = r->chunks;
	char *s;

	if (!c || c->size - c->used < len + 1) {
		size_t size = len + 1 > CHUNK_SIZE ? len + 1 : CHUNK_SIZE;

		c = xmalloc(sizeof *c + size);
		c->next = r->chunks;
		c->used = 0;
		c->size = size;
		r->chunks = c;
	}
	s = c->text + c->used;
	c->used += len + 1;
	s[len] = 0;
	return s;
}

static char *pool_dup(struct rows *r, const char *s)
{
	size_t len = strlen(s);

	return memcpy(pool_room(r, len), s, len);
}

/* s (which the caller made and no longer needs) kept in r's chunks */
static char *pool_take(struct rows *r, char *s)
{
	char *k = pool_dup(r, s);

	free(s);
	return k;
}

/* pre, the decimal digits of v and post, as one string in r's chunks */
static char *pool_number(struct rows *r, const char *pre, size_t npre, size_t v, const char *post,
			 size_t npost)
{
	char digits[24], *s;
	size_t nd = sizeof digits;

	do
		digits[--nd] = (char)('0' + v % 10);
	while ((v /= 10));
	s = pool_room(r, npre + sizeof digits - nd + npost);
	memcpy(s, pre, npre);
	memcpy(s + npre, digits + nd, sizeof digits - nd);
	memcpy(s + npre + sizeof digits - nd, post, npost);
	return s;
}

/* The label "text N" of numbered items: the text before and after the
 * number, split once for all the items of a list or map. */
struct numbered {
	int value;  /* 0: "Name N" (a map's key), 1: "Value N"; else `pre` N */
	int printf; /* the translation is not one plain %zu: printf makes each */
	const char *pre, *post;
	size_t npre, npost;
};

/* The labels of a map's keys (value 0) or values (1). */
static void numbered_map(struct numbered *nb, int value)
{
	const char *fmt = value ? _("Value %zu") : _("Name %zu"), *z = strstr(fmt, "%zu");

	memset(nb, 0, sizeof *nb);
	nb->value = value;
	if (!z || strchr(z + 3, '%') || memchr(fmt, '%', (size_t)(z - fmt))) {
		nb->printf = 1;
		return;
	}
	nb->pre = fmt;
	nb->npre = (size_t)(z - fmt);
	nb->post = z + 3;
	nb->npost = strlen(nb->post);
}

/* The labels `name N` of the items of a list or sublist. */
static void numbered_named(struct rows *r, struct numbered *nb, const char *name)
{
	memset(nb, 0, sizeof *nb);
	nb->pre = pool_take(r, xasprintf("%s ", name));
	nb->npre = strlen(nb->pre);
	nb->post = "";
}

static char *numbered_label(struct rows *r, const struct numbered *nb, size_t v)
{
	if (nb->printf)
		return pool_take(r, nb->value ? xasprintf(_("Value %zu"), v)
					      : xasprintf(_("Name %zu"), v));
	return pool_number(r, nb->pre, nb->npre, v, nb->post, nb->npost);
}

/* A row of kind for node at path (kept as it is: in r's chunks). */
static struct row *rows_push_kept(struct rows *r, enum row_kind kind, const struct fnode *node,
				  char *path, int depth)
{
	struct row *w;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
	}
	w = &r->v[r->n++];
	memset(w, 0, sizeof *w);
	w->kind = kind;
	w->node = node;
	w->path = path;
	w->depth = depth;
	return w;
}

static struct row *rows_push(struct rows *r, enum row_kind kind, const struct fnode *node,
			     const char *path, int depth)
{
	struct row *w = rows_push_kept(r, kind, node, pool_dup(r, path), depth);

	w->label = pool_dup(r, node_label(node));
	return w;
}

struct walk {
	const struct document *doc;
	struct rows *out;
	int show_advanced;
	int collapse;
	size_t folded;
	size_t items; /* items of a list walked at most (0: all), ROWS_ITEMS */
	int lazy;     /* ROWS_LAZY */
};

/* A few words saying what a collapsed sublist entry holds. */
static char *entry_summary(const struct document *doc, const struct fnode *n, const char *path)
{
	const char *b, *t;
	const struct fnode *c;
	char *cp, *r = NULL, *o;
	size_t i;

	if (n->kind == FK_ONEOF) {
		b = document_branch(doc, path);
		c = b ? fnode_child(n, b) : NULL;
		if (!c)
			return xstrdup(_("(choose a kind)"));
		cp = path_join(path, c->name);
		r = entry_summary(doc, c, cp);
		free(cp);
		o = xasprintf("%s%s%s", node_label(c), *r ? ": " : "", r);
		free(r);
		return o;
	}
	for (i = 0; n->kind == FK_GROUP && i < n->nchildren && !r; i++) {
		cp = path_join(path, n->children[i]->name);
		t = document_text(doc, cp);
		if (t && *t)
			r = xstrdup(t);
		free(cp);
	}
	return r ? r : xstrdup("");
}

static void walk_node(struct walk *w, const struct fnode *n, const char *path, int depth,
		      int header);

/* What the rows of the items of one list, map or sublist share; with
 * ROWS_LAZY, a list's or map's is kept in the rows (rows_at makes an item's
 * rows from it when they are first asked for). */
struct rows_span {
	const struct fnode *n;
	size_t first, count, per; /* rows first.. : count items of per rows each */
	int depth;
	char *owner_path; /* in the rows' chunks, as open */
	char *open;       /* owner_path and "[" */
	size_t nopen;
	struct numbered key, value; /* labels: an item's (or a map's key's), a map value's */
	unsigned char *made;        /* a bit for each item whose rows are made */
};

/* Item k's rows at at[0..per): its key's and value's for a map, else
 * one (a collapsed sublist entry's label is the caller's). */
static void item_rows(struct rows *out, const struct rows_span *it, size_t k, struct row *at)
{
	const struct fnode *n = it->n;
	char *ip = pool_number(out, it->open, it->nopen, k, "]", 1);
	size_t j;

	memset(at, 0, it->per * sizeof *at);
	for (j = 0; j < it->per; j++) {
		at[j].node = n->kind == FK_MAP ? (j ? n->value : n->key) : n->item;
		at[j].kind = n->kind == FK_MAP    ? (j ? RK_MAPVAL : RK_MAPKEY)
			     : n->kind == FK_LIST ? RK_VALUE
						  : RK_ENTRY;
		at[j].path = ip;
		at[j].depth = it->depth;
		at[j].owner = n;
		at[j].owner_path = it->owner_path;
		at[j].index = k;
	}
	if (n->kind == FK_MAP) {
		at[0].label = numbered_label(out, &it->key, k + 1);
		at[1].label = numbered_label(out, &it->value, k + 1);
	} else if (n->kind == FK_LIST) {
		at[0].label = numbered_label(out, &it->key, k + 1);
	}
}

/* Room for n more rows; the first of them. */
static struct row *rows_room(struct rows *r, size_t n)
{
	while (r->cap < r->n + n) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
	}
	r->n += n;
	return &r->v[r->n - n];
}

/* The rows of sublist entry k: its title, and unless collapsed its rows. */
static void walk_entry(struct walk *w, const struct rows_span *it, size_t k)
{
	struct row *r = rows_room(w->out, 1);

	item_rows(w->out, it, k, r);
	if (w->collapse) {
		char *sum = entry_summary(w->doc, it->n->item, r->path);

		r->label = pool_take(w->out, xasprintf("%s %zu: %s", node_label(it->n->item),
						       k + 1, *sum ? sum : _("(empty)")));
		free(sum);
		return;
	}
	r->label = numbered_label(w->out, &it->key, k + 1);
	walk_node(w, it->n->item, r->path, it->depth + 1, 0);
}

/* Keep it in the rows, its count items' rows left to rows_at. */
static void span_keep(struct rows *out, const struct rows_span *it)
{
	if (out->nspans % 8 == 0)
		out->spans = xrealloc(out->spans, (out->nspans + 8) * sizeof *out->spans);
	out->spans[out->nspans] = *it;
	out->spans[out->nspans].made = xcalloc(it->count / 8 + 1, 1);
	out->nspans++;
	rows_room(out, it->count * it->per);
}

static void walk_items(struct walk *w, const struct fnode *n, const char *path, int depth)
{
	size_t i, count = document_count(w->doc, path);
	struct rows_span it = {
	    n,   0,   0,   n->kind == FK_MAP ? 2 : 1, depth, pool_dup(w->out, path), NULL, 0,
	    {0}, {0}, NULL};
	struct row *r;

	if (w->items && count > w->items)
		count = w->items;
	it.count = count;
	it.open = pool_take(w->out, xasprintf("%s[", path));
	it.nopen = strlen(it.open);
	if (n->kind == FK_MAP) {
		numbered_map(&it.key, 0);
		numbered_map(&it.value, 1);
	} else {
		numbered_named(w->out, &it.key, node_label(n->item));
	}
	rows_push(w->out, RK_HEADER, n, path, depth - 1);
	it.first = w->out->n;
	if (w->lazy && n->kind != FK_SUBLIST && count)
		span_keep(w->out, &it);
	for (i = 0; !(w->lazy && n->kind != FK_SUBLIST) && i < count; i++) {
		if (n->kind == FK_SUBLIST)
			walk_entry(w, &it, i);
		else
			item_rows(w->out, &it, i, rows_room(w->out, it.per));
	}
	if (n->max_items < 0 || count < (size_t)n->max_items) {
		r = rows_push_kept(w->out, RK_ADD, n, it.owner_path, depth);
		if (n->add_label) {
			r->label = pool_take(w->out, xasprintf("[ %s ]", n->add_label));
		} else {
			char *a =
			    xasprintf(_("Add %s"), node_label(n->kind == FK_MAP ? n : n->item));

			r->label = pool_take(w->out, xasprintf("[ %s ]", a));
			free(a);
		}
		r->owner = n;
		r->owner_path = it.owner_path;
		r->index = count;
	}
}

static void walk_node(struct walk *w, const struct fnode *n, const char *path, int depth,
		      int header)
{
	const char *branch;
	const struct fnode *c;
	char *cp;
	size_t i;

	if (!document_when_applies(w->doc, n, path))
		return;
	if (n->advanced && !w->show_advanced && !document_is_set(w->doc, path)) {
		w->folded++;
		return;
	}
	switch (n->kind) {
	case FK_TEXT:
	case FK_INTEGER:
	case FK_BOOLEAN:
	case FK_CHOICE:
		rows_push(w->out, RK_VALUE, n, path, depth);
		break;
	case FK_GROUP:
		if (header)
			rows_push(w->out, RK_HEADER, n, path, depth++);
		for (i = 0; i < n->nchildren; i++) {
			cp = path_join(path, n->children[i]->name);
			walk_node(w, n->children[i], cp, depth, 1);
			free(cp);
		}
		break;
	case FK_ONEOF:
		rows_push(w->out, RK_BRANCH, n, path, depth);
		branch = document_branch(w->doc, path);
		c = branch ? fnode_child(n, branch) : NULL;
		if (c) {
			cp = path_join(path, c->name);
			walk_node(w, c, cp, depth + 1, 0);
			free(cp);
		}
		break;
	case FK_LIST:
	case FK_MAP:
	case FK_SUBLIST:
		walk_items(w, n, path, depth + 1); /* its title first */
		break;
	}
}

/* The row that stands for the advanced members left folded, if any. */
static void push_folded(const struct formdef *def, struct rows *out, size_t folded)
{
	struct row *r;

	if (!folded)
		return;
	/* no label: the screen words it, naming the key this terminal has */
	r = rows_push(out, RK_FOLDED, def->root, "", 0);
	r->index = folded;
}

void rows_build_entry(const struct formdef *def, const struct document *doc,
		      const struct fnode *node, const char *path, int flags, struct rows *out)
{
	struct walk w = {doc, out, flags & ROWS_ADVANCED, 0, 0, 0, (flags & ROWS_LAZY) != 0};

	walk_node(&w, node, path, 0, 0);
	push_folded(def, out, w.folded);
}

void rows_build(const struct formdef *def, const struct document *doc, size_t section, int flags,
		struct rows *out)
{
	struct walk w = {doc,
			 out,
			 flags & ROWS_ADVANCED,
			 (flags & ROWS_COLLAPSE) != 0,
			 0,
			 flags & ROWS_ITEMS ? ROWS_ITEMS_MAX + 1 : 0,
			 (flags & ROWS_LAZY) != 0};
	const struct fsection *s = &def->sections[section];
	size_t i;

	for (i = 0; i < s->nfields; i++)
		walk_node(&w, s->fields[i], s->fields[i]->name, 0, 1);
	push_folded(def, out, w.folded);
}

void rows_release(struct rows *r)
{
	size_t i;

	for (i = 0; i < r->nspans; i++)
		free(r->spans[i].made);
	free(r->spans);
	while (r->chunks) {
		struct rows_chunk *c = r->chunks;

		r->chunks = c->next;
		free(c);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}

/* The span holding row i, or NULL. */
static const struct rows_span *span_of(const struct rows *r, size_t i)
{
	size_t k;

	for (k = 0; k < r->nspans; k++)
		if (i >= r->spans[k].first &&
		    i - r->spans[k].first < r->spans[k].count * r->spans[k].per)
			return &r->spans[k];
	return NULL;
}

struct row *rows_at(const struct rows *r, size_t i)
{
	const struct rows_span *s = span_of(r, i);
	size_t k;

	if (s) {
		k = (i - s->first) / s->per;
		if (!(s->made[k / 8] & 1u << k % 8)) {
			/* made now: the rows are the caller's, their cache ours */
			item_rows((struct rows *)r, s, k, &r->v[s->first + k * s->per]);
			s->made[k / 8] |= (unsigned char)(1u << k % 8);
		}
	}
	return &r->v[i];
}

size_t rows_items_last(const struct rows *r, size_t i)
{
	const struct rows_span *s = span_of(r, i);
	size_t last;

	if (!s)
		return i;
	last = s->first + (s->count - 1) * s->per;
	return i < last ? last : i;
}

/* The item of s whose path begins ref: its index, *len its path's length;
 * (size_t)-1 when none. Numbers as item_rows writes them: no leading 0. */
static size_t span_item(const struct rows_span *s, const char *ref, size_t *len)
{
	const char *p = ref + s->nopen;
	size_t k = 0;

	if (strncmp(ref, s->open, s->nopen) || *p < '0' || *p > '9' || (*p == '0' && p[1] != ']'))
		return (size_t)-1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (k > ((size_t)-1 - 9) / 10)
			return (size_t)-1;
		k = k * 10 + (size_t)(*p - '0');
	}
	if (*p != ']' || k >= s->count)
		return (size_t)-1;
	*len = (size_t)(p + 1 - ref);
	return k;
}

size_t rows_find(const struct rows *r, const char *path, int kind)
{
	const struct rows_span *s;
	size_t i, k, len, j;

	for (i = 0; i < r->n; i++) {
		if ((s = span_of(r, i))) {
			k = span_item(s, path, &len);
			for (j = 0; k != (size_t)-1 && !path[len] && j < s->per; j++) {
				enum row_kind rk =
				    s->per == 2 ? (j ? RK_MAPVAL : RK_MAPKEY) : RK_VALUE;

				if (kind < 0 || (int)rk == kind)
					return s->first + k * s->per + j;
			}
			i = s->first + s->count * s->per - 1;
			continue;
		}
		if ((kind < 0 ? r->v[i].kind != RK_ADD : (int)r->v[i].kind == kind) &&
		    !strcmp(r->v[i].path, path))
			return i;
	}
	return (size_t)-1;
}

size_t rows_closest(const struct rows *r, const char *ref)
{
	const struct rows_span *s;
	size_t i, best = (size_t)-1, bestlen = 0, l, at;

	for (i = 0; i < r->n; i++) {
		at = i;
		if ((s = span_of(r, i))) {
			/* of an item's rows, the first is the one a path finds */
			i = s->first + s->count * s->per - 1;
			at = span_item(s, ref, &l);
			if (at == (size_t)-1)
				continue;
			at = s->first + at * s->per;
		} else {
			l = strlen(r->v[i].path);
			if (strncmp(r->v[i].path, ref, l))
				continue;
		}
		if ((ref[l] == 0 || ref[l] == '.' || ref[l] == '[') && l >= bestlen &&
		    (best == (size_t)-1 || l > bestlen || r->v[at].kind != RK_ADD)) {
			if (l == bestlen && best != (size_t)-1)
				continue;
			best = at;
			bestlen = l;
		}
	}
	return best;
}
