/* rows.c: a section flattened into rows; see rows.h. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
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
	char *own; /* what pre points into, when made here */
};

static const char *numbered_format(int value)
{
	return value ? _("Value %zu") : _("Name %zu");
}

/* The labels of a map's keys (value 0) or values (1). */
static void numbered_map(struct numbered *nb, int value)
{
	const char *fmt = numbered_format(value), *z = strstr(fmt, "%zu");

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
static void numbered_named(struct numbered *nb, const char *name)
{
	memset(nb, 0, sizeof *nb);
	nb->own = xasprintf("%s ", name);
	nb->pre = nb->own;
	nb->npre = strlen(nb->own);
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

/* What the rows of the items of one list, map or sublist share. */
struct items_of {
	const struct fnode *n;
	char *owner_path; /* in the rows' chunks */
	char *open;       /* owner_path and "[" */
	size_t nopen;
	struct numbered key, value; /* labels: an item's (or a map's key's), a map value's */
};

/* The rows of item i (a map's entry: its key's and its value's). */
static void walk_item(struct walk *w, const struct items_of *it, int depth, size_t i)
{
	const struct fnode *n = it->n;
	char *ip = pool_number(w->out, it->open, it->nopen, i, "]", 1);
	struct row *r;

	if (n->kind == FK_MAP) {
		r = rows_push_kept(w->out, RK_MAPKEY, n->key, ip, depth);
		r->label = numbered_label(w->out, &it->key, i + 1);
		r->owner = n;
		r->owner_path = it->owner_path;
		r->index = i;
		r = rows_push_kept(w->out, RK_MAPVAL, n->value, ip, depth);
		r->label = numbered_label(w->out, &it->value, i + 1);
	} else {
		r = rows_push_kept(w->out, n->kind == FK_LIST ? RK_VALUE : RK_ENTRY, n->item, ip,
				   depth);
		if (n->kind == FK_SUBLIST && w->collapse) {
			char *sum = entry_summary(w->doc, n->item, ip);

			r->label = pool_take(w->out, xasprintf("%s %zu: %s", node_label(n->item),
							       i + 1, *sum ? sum : _("(empty)")));
			free(sum);
		} else {
			r->label = numbered_label(w->out, &it->key, i + 1);
		}
	}
	r->owner = n;
	r->owner_path = it->owner_path;
	r->index = i;
	if (n->kind == FK_SUBLIST && !w->collapse)
		walk_node(w, n->item, ip, depth + 1, 0);
}

static void walk_items(struct walk *w, const struct fnode *n, const char *path, int depth)
{
	size_t i, count = document_count(w->doc, path);
	struct items_of it = {n, pool_dup(w->out, path), xasprintf("%s[", path), 0, {0}, {0}};
	struct row *r;

	if (w->items && count > w->items)
		count = w->items;
	it.nopen = strlen(it.open);
	if (n->kind == FK_MAP) {
		numbered_map(&it.key, 0);
		numbered_map(&it.value, 1);
	} else {
		numbered_named(&it.key, node_label(n->item));
	}
	for (i = 0; i < count; i++)
		walk_item(w, &it, depth, i);
	free(it.key.own);
	free(it.open);
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
		rows_push(w->out, RK_HEADER, n, path, depth);
		walk_items(w, n, path, depth + 1);
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
	struct walk w = {doc, out, flags & ROWS_ADVANCED, 0, 0, 0};

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
			 flags & ROWS_ITEMS ? ROWS_ITEMS_MAX + 1 : 0};
	const struct fsection *s = &def->sections[section];
	size_t i;

	for (i = 0; i < s->nfields; i++)
		walk_node(&w, s->fields[i], s->fields[i]->name, 0, 1);
	push_folded(def, out, w.folded);
}

void rows_release(struct rows *r)
{

	while (r->chunks) {
		struct rows_chunk *c = r->chunks;

		r->chunks = c->next;
		free(c);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}

int row_editable(const struct row *r)
{
	return r->kind != RK_HEADER && r->kind != RK_FOLDED;
}

int row_is_text(const struct row *r)
{
	if (r->kind == RK_MAPKEY || r->kind == RK_MAPVAL)
		return 1;
	return r->kind == RK_VALUE && (r->node->kind == FK_TEXT || r->node->kind == FK_INTEGER);
}

int row_is_item(const struct row *r)
{
	return r->owner && r->kind != RK_ADD;
}

char *row_value(const struct row *r, const struct document *doc)
{
	const char *t;
	long long v;
	int b;

	switch (r->kind) {
	case RK_MAPKEY:
		t = document_key(doc, r->owner_path, r->index);
		return xstrdup(t ? t : "");
	case RK_BRANCH:
		t = document_branch(doc, r->path);
		return xstrdup(t ? t : "");
	case RK_VALUE:
	case RK_MAPVAL:
		if (document_number(doc, r->path, &v) == 0)
			return xasprintf("%lld", v);
		if (document_bool(doc, r->path, &b) == 0)
			return xstrdup(b ? "true" : "false");
		t = document_text(doc, r->path);
		return xstrdup(t ? t : "");
	default:
		return xstrdup("");
	}
}

static char *trim(const char *s)
{
	size_t n;

	while (*s && isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

/* The number (1-based) of another entry of r's map whose key is text (as
 * typed: trimmed), or 0 when no other entry has it. */
static size_t key_taken(const struct row *r, const struct document *doc, const char *text)
{
	/* the last answer, kept while nothing changed: the status line and
	 * the field ask the same of a map that may hold 60,000 names */
	static struct {
		const struct document *doc;
		unsigned long gen;
		size_t index, answer;
		char *path, *text;
	} last;
	char *t = trim(text);
	size_t i;

	if (last.doc == doc && last.gen == document_generation(doc) && last.index == r->index &&
	    !strcmp(last.path, r->owner_path) && !strcmp(last.text, t)) {
		free(t);
		return last.answer;
	}
	i = *t ? document_key_index(doc, r->owner_path, t, r->index) : 0;
	free(last.path);
	free(last.text);
	last.doc = doc;
	last.gen = document_generation(doc);
	last.index = r->index;
	last.path = xstrdup(r->owner_path);
	last.text = t;
	last.answer = i;
	return i;
}

enum vstate row_check(const struct row *r, const struct document *doc, const char *text,
		      char **msg)
{
	char *v = NULL;
	enum vstate st;
	int typed;

	*msg = NULL;
	if (!row_editable(r) || r->kind == RK_ADD || r->kind == RK_ENTRY)
		return VS_VALID;
	if (r->kind == RK_BRANCH || (r->kind == RK_VALUE && r->node->kind == FK_BOOLEAN)) {
		if (r->node->required && !document_is_set(doc, r->path)) {
			*msg = xstrdup(_("is required: choose one"));
			return VS_INCOMPLETE;
		}
		return VS_VALID;
	}
	typed = text != NULL;
	if (!text)
		text = v = row_value(r, doc);
	st = validate_scalar(r->node, text, NULL, msg);
	/* only a name being typed can be another entry's: row_store_text
	 * refuses to store one (a file's duplicates are the check's problem),
	 * and looking through 60,000 tags for each row drawn is not free */
	if (st != VS_INVALID && r->kind == RK_MAPKEY && typed) {
		size_t dup = key_taken(r, doc, text);

		if (dup) {
			free(*msg);
			*msg = xasprintf(
			    _("is used by Name %zu already: each name may appear once"), dup);
			st = VS_INVALID;
		}
	}
	free(v);
	return st;
}

int row_store_text(const struct row *r, struct document *doc, const char *text)
{
	char *t = trim(text), *end;
	long long v;
	int rc = 0;

	/* a list item, map entry or one-of branch stays when emptied: it
	 * would otherwise vanish under the cursor (or un-choose its branch) */
	int keep = r->owner || (r->node->parent && r->node->parent->kind == FK_ONEOF);

	if (r->kind == RK_MAPKEY) {
		if (key_taken(r, doc, t))
			rc = 1;
		else
			rc = document_map_set_key(doc, r->owner_path, r->index, t);
	} else if (r->node->kind == FK_INTEGER) {
		errno = 0;
		v = strtoll(t, &end, 10);
		if (*t && !*end && !errno)
			rc = document_set_number(doc, r->path, v);
		else if (keep)
			rc = document_set_text(doc, r->path, t);
		else
			document_remove(doc, r->path);
	} else if (!*t && !keep) {
		document_remove(doc, r->path);
	} else {
		rc = document_set_text(doc, r->path, t);
	}
	free(t);
	return rc;
}

/* A group the form may leave out: optional, and neither an item nor a
 * one-of's branch (those are there as long as they are chosen). */
static int group_optional(const struct fnode *g)
{
	return g && g->kind == FK_GROUP && !g->required && g->parent &&
	       g->parent->kind == FK_GROUP;
}

int row_can_unset(const struct row *r)
{
	if (r->owner)
		return 0;
	return !r->node->required || group_optional(r->node->parent);
}

const char **row_choices(const struct row *r, size_t *n)
{
	const char **v;
	size_t i, k = 0, max;

	if (r->kind == RK_BRANCH)
		max = r->node->nchildren;
	else if (r->node->kind == FK_BOOLEAN)
		max = 2;
	else
		max = r->node->nvalues;
	v = xcalloc(max + 2, sizeof *v);
	if (row_can_unset(r))
		v[k++] = "";
	for (i = 0; i < max; i++) {
		if (r->kind == RK_BRANCH)
			v[k++] = r->node->children[i]->name;
		else if (r->node->kind == FK_BOOLEAN)
			v[k++] = i ? "false" : "true";
		else
			v[k++] = r->node->values[i];
	}
	*n = k;
	return v;
}

/* Members whose `when` names the member at path and no longer applies are
 * dropped: a value the screen hides must not be sent. */
static void drop_hidden(struct document *doc, const struct fnode *n, const char *path)
{
	const struct fnode *p = n->parent;
	const char *dot = strrchr(path, '.');
	char *sib;
	size_t i;

	if (!p || p->kind != FK_GROUP)
		return;
	for (i = 0; i < p->nchildren; i++) {
		const struct fnode *c = p->children[i];
		if (!c->when_field || strcmp(c->when_field, n->name))
			continue;
		sib = dot ? xasprintf("%.*s.%s", (int)(dot - path), path, c->name)
			  : xstrdup(c->name);
		if (!document_when_applies(doc, c, sib))
			document_remove(doc, sib);
		free(sib);
	}
}

/* The groups above path that unsetting a member left empty go too: one
 * the form may leave out is then left out, not sent as {} and refused for
 * the member it lacks (networkConfiguration without its networkMode). */
static void drop_empty_groups(struct document *doc, const struct fnode *n, const char *path)
{
	char *p = xstrdup(path), *dot;

	for (n = n->parent; group_optional(n) && (dot = strrchr(p, '.')); n = n->parent) {
		*dot = 0;
		if (document_count(doc, p) > 0)
			break;
		document_remove(doc, p);
	}
	free(p);
}

void row_choose(const struct row *r, struct document *doc, const char *value)
{
	int unset = !value || !*value;

	if (unset)
		document_remove(doc, r->path);
	else if (r->kind == RK_BRANCH && fnode_child(r->node, value))
		document_choose_branch(doc, r->path, fnode_child(r->node, value));
	else if (r->node->kind == FK_BOOLEAN)
		document_set_bool(doc, r->path, !strcmp(value, "true"));
	else
		document_set_text(doc, r->path, value);
	if (r->kind == RK_VALUE && !r->owner)
		drop_hidden(doc, r->node, r->path);
	if (unset && !r->owner)
		drop_empty_groups(doc, r->node, r->path);
}

void rows_keep_release(struct rows_keep *k)
{
	size_t i;

	for (i = 0; i < k->n; i++) {
		free(k->paths[i]);
		document_free(k->values[i]);
	}
	free(k->paths);
	free(k->values);
	memset(k, 0, sizeof *k);
}

void rows_keep_forget(struct rows_keep *k, const char *path)
{
	size_t i = 0, len = strlen(path);

	while (i < k->n) {
		if (!strncmp(k->paths[i], path, len) && strchr(".[", k->paths[i][len]) &&
		    k->paths[i][len]) {
			free(k->paths[i]);
			document_free(k->values[i]);
			k->n--;
			k->paths[i] = k->paths[k->n];
			k->values[i] = k->values[k->n];
		} else {
			i++;
		}
	}
}

/* Keep the value at path (when set), replacing what was kept there. */
static void keep_put(struct rows_keep *k, const struct document *doc, const char *path)
{
	struct document *v = document_extract(doc, path);
	size_t i;

	if (!v)
		return;
	for (i = 0; i < k->n; i++)
		if (!strcmp(k->paths[i], path)) {
			document_free(k->values[i]);
			k->values[i] = v;
			return;
		}
	k->paths = xrealloc(k->paths, (k->n + 1) * sizeof *k->paths);
	k->values = xrealloc(k->values, (k->n + 1) * sizeof *k->values);
	k->paths[k->n] = xstrdup(path);
	k->values[k->n++] = v;
}

/* Put back what was kept at path, when the path is empty again. */
static void keep_restore(const struct rows_keep *k, struct document *doc, const char *path,
			 int was_set)
{
	size_t i;

	if (was_set)
		return;
	for (i = 0; i < k->n; i++)
		if (!strcmp(k->paths[i], path)) {
			document_graft(doc, path, k->values[i]);
			return;
		}
}

/* The paths a change of row r can drop or bring back: a one-of's branches,
 * or the siblings whose `when` names a choice. Caller frees (NULL-ended). */
static char **switched_paths(const struct row *r)
{
	const struct fnode *p = r->node->parent, *n = r->node;
	const char *dot = strrchr(r->path, '.');
	char **v;
	size_t i, k = 0;

	if (r->kind == RK_BRANCH) {
		v = xcalloc(n->nchildren + 1, sizeof *v);
		for (i = 0; i < n->nchildren; i++)
			v[k++] = path_join(r->path, n->children[i]->name);
		return v;
	}
	if (r->kind != RK_VALUE || r->owner || !p || p->kind != FK_GROUP)
		return xcalloc(1, sizeof *v);
	v = xcalloc(p->nchildren + 1, sizeof *v);
	for (i = 0; i < p->nchildren; i++)
		if (p->children[i]->when_field && !strcmp(p->children[i]->when_field, n->name))
			v[k++] = dot ? xasprintf("%.*s.%s", (int)(dot - r->path), r->path,
						 p->children[i]->name)
				     : xstrdup(p->children[i]->name);
	return v;
}

void row_choose_keep(const struct row *r, struct document *doc, const char *value,
		     struct rows_keep *keep)
{
	char **paths = switched_paths(r);
	unsigned char set[64] = {0};
	size_t i;

	for (i = 0; paths[i] && i < sizeof set; i++) {
		set[i] = (unsigned char)document_is_set(doc, paths[i]);
		if (set[i])
			keep_put(keep, doc, paths[i]);
	}
	row_choose(r, doc, value);
	for (i = 0; paths[i] && i < sizeof set; i++) {
		const char *dot = strrchr(paths[i], '.');
		const struct fnode *c = fnode_child(
		    r->kind == RK_BRANCH ? r->node : r->node->parent, dot ? dot + 1 : paths[i]);

		/* the branch chosen now (it was just made, empty), or a member
		 * that the new choice shows again */
		if (r->kind == RK_BRANCH ? document_is_set(doc, paths[i])
					 : c && document_when_applies(doc, c, paths[i]))
			keep_restore(keep, doc, paths[i], set[i]);
	}
	for (i = 0; paths[i]; i++)
		free(paths[i]);
	free(paths);
}

void row_cycle(const struct row *r, struct document *doc, int dir)
{
	row_cycle_keep(r, doc, dir, NULL);
}

void row_cycle_keep(const struct row *r, struct document *doc, int dir, struct rows_keep *keep)
{
	size_t n, i, cur = (size_t)-1;
	const char **v = row_choices(r, &n);
	char *now = row_value(r, doc);

	for (i = 0; i < n; i++)
		if (!strcmp(v[i], now))
			cur = i;
	if (n) {
		if (cur == (size_t)-1)
			i = dir > 0 ? 0 : n - 1;
		else
			i = (cur + n + (dir > 0 ? 1 : n - 1)) % n;
		if (keep)
			row_choose_keep(r, doc, v[i], keep);
		else
			row_choose(r, doc, v[i]);
	}
	free(now);
	free(v);
}

size_t row_add_item(const struct row *r, struct document *doc)
{
	size_t count = document_count(doc, r->path);
	char *ip = xasprintf("%s[%zu]", r->path, count);

	if (r->owner->kind == FK_MAP)
		document_map_add(doc, r->path, "", "");
	else if (r->owner->kind == FK_SUBLIST)
		document_set_group(doc, ip);
	else
		document_set_text(doc, ip, "");
	free(ip);
	return count;
}

char *rows_display_json(const struct formdef *def, const struct document *doc)
{
	struct document *copy;
	const struct fnode *n;
	char *path, *json;
	size_t i, k, count;

	/* a copy to mask only when there is something to mask: copying a form
	 * of 60,000 tags was a third of opening its review */
	for (i = 0; i < def->root->nchildren; i++) {
		n = def->root->children[i];
		if (n->kind == FK_MAP && n->sensitive && document_count(doc, n->name) > 0)
			break;
	}
	if (i == def->root->nchildren)
		return document_to_json(doc, def, 1);
	copy = document_copy(doc);
	for (i = 0; i < def->root->nchildren; i++) {
		n = def->root->children[i];
		if (n->kind != FK_MAP || !n->sensitive)
			continue;
		count = document_count(copy, n->name);
		for (k = 0; k < count; k++) {
			path = xasprintf("%s[%zu]", n->name, k);
			document_set_text(copy, path, "********");
			free(path);
		}
	}
	json = document_to_json(copy, def, 1);
	document_free(copy);
	return json;
}

const char *row_choice_label(const struct row *r, const char *v)
{
	const struct fnode *b;

	if (!*v)
		return _("(not set)");
	if (r->kind == RK_BRANCH && (b = fnode_child(r->node, v)) && b->label)
		return b->label;
	if (r->kind != RK_BRANCH && r->node->kind == FK_BOOLEAN)
		return !strcmp(v, "true") ? _("yes") : _("no");
	return v;
}

const char *row_mask(const char *s)
{
	return *s ? "********" : "";
}

char *row_problem_text(const struct formdef *def, const struct problem *p, int *section)
{
	const struct fnode *n = formdef_lookup(def, p->ref ? p->ref : p->path);

	*section = n ? n->section : -1;
	/* which field, unless the message names it */
	if (n && n->label && p->path && strncmp(p->message, p->path, strlen(p->path)))
		return xasprintf("%s: %s", n->label, p->message);
	return xstrdup(p->message);
}
