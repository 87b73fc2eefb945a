/* template_path.c: template and document paths resolved against the form
 * definition; see template_path.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "form/document.h"
#include "form/formdef.h"
#include "form/template_path.h"
#include "base/printable.h"
#include "base/util.h"
#include "form/validate.h"

enum seg_kind { SEG_NAME, SEG_INDEX, SEG_ANY };

struct seg {
	enum seg_kind kind;
	char *name; /* SEG_NAME, owned */
	size_t index;
};

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A quoted name after [" up to "]: the escapes validate_path_join writes. */
static int quoted(const char **pp, struct seg *s)
{
	const char *p = *pp;
	struct strbuf b = {0};

	while (*p && *p != '"') {
		if (*p != '\\') {
			strbuf_addc(&b, *p++);
			continue;
		}
		p++;
		if (*p == 'n' || *p == 't' || *p == 'r')
			strbuf_addc(&b, *p == 'n' ? '\n' : *p == 't' ? '\t' : '\r');
		else if (*p == '"' || *p == '\\')
			strbuf_addc(&b, *p);
		else if (*p == 'x' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0 &&
			 (hexval(p[1]) || hexval(p[2]))) {
			strbuf_addc(&b, (char)(hexval(p[1]) * 16 + hexval(p[2])));
			p += 2;
		} else {
			strbuf_release(&b);
			return -1;
		}
		p++;
	}
	if (p[0] != '"' || p[1] != ']') {
		strbuf_release(&b);
		return -1;
	}
	*pp = p + 2;
	s->kind = SEG_NAME;
	s->name = strbuf_finish(&b);
	return 0;
}

/* The next step of the path at *pp; -1 when it is not well formed. */
static int next_seg(const char **pp, int first, struct seg *s)
{
	const char *p = *pp;
	size_t len;

	s->name = NULL;
	s->index = 0;
	if (*p == '[') {
		if (p[1] == ']') {
			if (first)
				return -1;
			s->kind = SEG_ANY;
			*pp = p + 2;
			return 0;
		}
		if (p[1] == '"') {
			*pp = p + 2;
			return quoted(pp, s);
		}
		if (first || p[1] < '0' || p[1] > '9')
			return -1;
		s->kind = SEG_INDEX;
		s->index = strtoul(p + 1, (char **)&p, 10);
		if (*p != ']')
			return -1;
		*pp = p + 1;
		return 0;
	}
	if (!first) {
		if (*p != '.')
			return -1;
		p++;
	}
	len = strcspn(p, ".[");
	if (!len)
		return -1;
	s->kind = SEG_NAME;
	s->name = xstrndup(p, len);
	*pp = p + len;
	return 0;
}

/* One step down from n; the paths grow by it. -1 with *why. */
static int step(const struct formdef *def, const struct document *doc, const struct fnode **n,
		const struct seg *s, struct tpath *out, struct strbuf *doc_path, int *doc_ok,
		char **why)
{
	const struct fnode *f = *n;
	struct strbuf c = {0};

	(void)def;
	free(out->mappath);
	free(out->mapcanon);
	free(out->mapkey);
	out->mappath = out->mapcanon = out->mapkey = NULL;
	if (f->kind == FK_LIST || f->kind == FK_SUBLIST) {
		if (s->kind == SEG_NAME) {
			*why = xasprintf(_("%s is a list: expected [] after it for its items"),
					 *out->canon ? out->canon : "(form)");
			return -1;
		}
		strbuf_adds(doc_path, "[");
		if (s->kind == SEG_INDEX)
			strbuf_addf(doc_path, "%zu]", s->index);
		else
			*doc_ok = 0;
		strbuf_adds(&c, out->canon);
		strbuf_adds(&c, "[]");
		*n = f->item;
	} else if (f->kind == FK_MAP) {
		const char *key = s->name;
		size_t at;

		if (s->kind == SEG_ANY) {
			*why = xasprintf(_("%s is a map: expected .NAME after it for one entry"),
					 out->canon);
			return -1;
		}
		if (s->kind == SEG_INDEX)
			key = doc && s->index < document_count(doc, doc_path->s)
				  ? document_key(doc, doc_path->s, s->index)
				  : NULL;
		if (!key) {
			*why = xasprintf(_("%s has no entry %zu"), out->canon, s->index);
			return -1;
		}
		out->mappath = xstrdup(doc_path->s ? doc_path->s : "");
		out->mapkey = xstrdup(key);
		out->mapcanon = xstrdup(out->canon);
		at = doc && *doc_ok ? document_key_index(doc, doc_path->s, key, (size_t)-1) : 0;
		if (at)
			strbuf_addf(doc_path, "[%zu]", at - 1);
		else
			*doc_ok = 0;
		strbuf_adds(&c, out->canon);
		validate_path_join(&c, key);
		*n = f->value;
	} else if (f->kind == FK_GROUP || f->kind == FK_ONEOF) {
		const struct fnode *k = s->kind == SEG_NAME ? fnode_child(f, s->name) : NULL;

		if (!k) {
			char *m = s->kind == SEG_NAME ? validate_unknown_message(f, s->name)
						      : xstrdup(_("not a list"));
			/* the name as the file writes it, fit for a terminal */
			char *name = printable_text(s->name ? s->name : "[]", 200);

			*why =
			    *out->canon
				? xasprintf(_("%s has no member \"%s\": %s"), out->canon, name, m)
				: xasprintf(_("the form has no member \"%s\": %s"), name, m);
			free(name);
			free(m);
			return -1;
		}
		if (doc_path->len)
			strbuf_addc(doc_path, '.');
		strbuf_adds(doc_path, k->name);
		strbuf_adds(&c, out->canon);
		validate_path_join(&c, k->name);
		*n = k;
	} else {
		*why = xasprintf(_("%s holds a single value: nothing is below it"), out->canon);
		return -1;
	}
	free(out->canon);
	out->canon = strbuf_finish(&c);
	return 0;
}

int tpath_resolve(const struct formdef *def, const struct document *doc, const char *path,
		  struct tpath *out, char **why)
{
	const char *p = path;
	const struct fnode *n = def->root;
	struct strbuf doc_path = {0};
	int doc_ok = 1, first = 1;

	memset(out, 0, sizeof *out);
	out->canon = xstrdup("");
	strbuf_adds(&doc_path, "");
	if (!*p) {
		*why = xstrdup(_("the path is empty: expected a member of the form"));
		goto fail;
	}
	while (*p) {
		struct seg s;
		int r;

		if (next_seg(&p, first, &s) != 0) {
			*why =
			    xasprintf(_("the path is not well formed at character %zu: expected "
					"members joined by '.', [] for a list's items and "
					"[\"NAME\"] for an unusual name"),
				      (size_t)(p - path) + 1);
			goto fail;
		}
		first = 0;
		r = step(def, doc, &n, &s, out, &doc_path, &doc_ok, why);
		free(s.name);
		if (r != 0)
			goto fail;
	}
	out->node = n;
	if (doc_ok && doc && document_is_set(doc, doc_path.s))
		out->docpath = strbuf_finish(&doc_path);
	else if (doc_ok && !doc)
		out->docpath = strbuf_finish(&doc_path);
	strbuf_release(&doc_path);
	return 0;
fail:
	strbuf_release(&doc_path);
	tpath_release(out);
	return -1;
}

void tpath_release(struct tpath *p)
{
	free(p->canon);
	free(p->docpath);
	free(p->mappath);
	free(p->mapcanon);
	free(p->mapkey);
	memset(p, 0, sizeof *p);
}

int tpath_covers(const char *outer, const char *inner)
{
	size_t n = strlen(outer);

	return !strncmp(outer, inner, n) && (!inner[n] || inner[n] == '.' || inner[n] == '[');
}
