/* rows.c: what the rows of a section (rows-build.c builds them) do: their
 * values read, checked, stored and chosen; see rows.h. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "form/document.h"
#include "form/formdef.h"
#include "base/util.h"
#include "rows.h"

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
			v[k++] = xasprintf("%s.%s", r->path, n->children[i]->name);
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
	const struct fnode *m = n ? n->parent : NULL;
	const char *key;
	size_t len;

	*section = n ? n->section : -1;
	if (m && m->kind == FK_MAP && m->value == n && m->name && p->path) {
		/* a map's value: its entry's key says which ("Environment
		 * variables LOG_LEVEL"), not the value's label ("Value") */
		len = strlen(m->name);
		key = strncmp(p->path, m->name, len) ? p->path
		      : p->path[len] == '.'          ? p->path + len + 1
						     : p->path + len;
		return xasprintf("%s %s: %s", m->label ? m->label : m->name, key, p->message);
	}
	/* which field, unless the message names it */
	if (n && n->label && p->path && strncmp(p->message, p->path, strlen(p->path)))
		return xasprintf("%s: %s", n->label, p->message);
	return xstrdup(p->message);
}
