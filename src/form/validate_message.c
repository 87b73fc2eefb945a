/* validate_message.c: problems, and the words of the validator's messages: paths,
 * quoted values, what a valid value looks like, unknown members. The rest of
 * the validator is in validate_value.c, validate_walk.c and validate_rules.c
 * (validate_local.h); the API is validate.h. */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <cjson/cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "form/document.h"
#include "form/formdef.h"
#include "form/jsonscan.h"
#include "base/printable.h"
#include "base/util.h"
#include "form/validate.h"
#include "form/validate_local.h"

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

/* ---- text in paths and messages ---- */

/* Append s[0..n) through the printable filter, quotes and backslashes
 * escaped too, so that whatever a file holds stays on one line of output,
 * shows no control (C0, C1, bidirectional overrides) and stays UTF-8
 * (validate --json, the screens); a NUL the document keeps (JSON_NUL) is
 * shown as \u0000. */
void validate_escape(struct strbuf *b, const char *s, size_t n)
{
	const char *nul;

	while ((nul = n >= 2 ? memmem(s, n, JSON_NUL, 2) : NULL) != NULL) {
		printable_add(b, s, (size_t)(nul - s), PRINTABLE_QUOTES);
		strbuf_adds(b, "\\u0000");
		n -= (size_t)(nul - s) + 2;
		s = nul + 2;
	}
	printable_add(b, s, n, PRINTABLE_QUOTES);
}

/* A value quoted for a message: at most `max` characters, escaped. */
char *validate_quote(const char *text, size_t max)
{
	struct strbuf b = {0};
	size_t n = strlen(text), cut = utf8_offset(text, n, max);

	strbuf_addc(&b, '"');
	validate_escape(&b, text, cut);
	if (cut < n)
		strbuf_adds(&b, "...");
	strbuf_addc(&b, '"');
	return strbuf_finish(&b);
}

/* Characters of a value a message shows; when cut around one character, how
 * many of them come after it. */
#define SHOW_CHARS 40
#define SHOW_AFTER 9

/* The value of f as shown in a message: quoted, or "the value" for secrets. */
char *validate_show(const struct fnode *f, const char *text)
{
	/* secrets are never echoed; a map's keys are names, not secrets */
	if (f->sensitive || (f->parent && f->parent->sensitive && f != f->parent->key))
		return xstrdup(_("the value"));
	return validate_quote(text, SHOW_CHARS);
}

size_t validate_char_len(const char *s, size_t n)
{
	if (n >= 2 && !memcmp(s, JSON_NUL, 2))
		return 2;
	return n ? utf8_offset(s, n, 1) : 0;
}

/* The byte after `chars` characters of s[0..n). */
static size_t skip_chars(const char *s, size_t n, size_t chars)
{
	size_t i = 0;

	while (i < n && chars-- > 0)
		i += validate_char_len(s + i, n - i);
	return i < n ? i : n;
}

/* Up to SHOW_CHARS characters of text around its character at byte at:
 * from the start when that reaches it, else ending SHOW_AFTER past it. */
char *validate_show_at(const struct fnode *f, const char *text, size_t at, char **ch)
{
	struct strbuf b = {0};
	size_t n = strlen(text), before = 0, i, from, to;

	*ch = NULL;
	if (f->sensitive || (f->parent && f->parent->sensitive && f != f->parent->key))
		return validate_show(f, text);
	strbuf_addc(&b, '"');
	validate_escape(&b, text + at, validate_char_len(text + at, n - at));
	strbuf_addc(&b, '"');
	*ch = strbuf_finish(&b);
	for (i = 0; i < at; i += validate_char_len(text + i, n - i))
		before++;
	if (before < SHOW_CHARS)
		return validate_quote(text, SHOW_CHARS);
	from = skip_chars(text, n, before - (SHOW_CHARS - 1 - SHOW_AFTER));
	to = from + skip_chars(text + from, n - from, SHOW_CHARS);
	strbuf_adds(&b, "\"...");
	validate_escape(&b, text + from, to - from);
	strbuf_adds(&b, to < n ? "...\"" : "\"");
	return strbuf_finish(&b);
}

static int plain_name(const char *k)
{
	const char *p;

	if (!*k || (*k >= '0' && *k <= '9'))
		return 0;
	for (p = k; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
			return 0;
	return 1;
}

void validate_path_join(struct strbuf *b, const char *name)
{
	if (plain_name(name)) {
		if (b->len)
			strbuf_addc(b, '.');
		strbuf_adds(b, name);
		return;
	}
	strbuf_add(b, "[\"", 2);
	validate_escape(b, name, strlen(name));
	strbuf_add(b, "\"]", 2);
}

void validate_path_index(struct strbuf *b, size_t i)
{
	char buf[24], *p = buf + sizeof buf;

	*--p = ']';
	do
		*--p = (char)('0' + i % 10);
	while (i /= 10);
	*--p = '[';
	strbuf_add(b, p, (size_t)(buf + sizeof buf - p));
}

/* ---- what a valid value looks like ---- */

void validate_int_bounds(const struct fnode *f, long long *lo, long long *hi)
{
	*lo = f->has_min_val ? f->min_val : -WHOLE_LIMIT;
	*hi = f->has_max_val ? f->max_val : WHOLE_LIMIT;
}

/* Append item number i of n to a list in words: "a, b or c". */
void validate_add_or(struct strbuf *b, size_t i, size_t n, const char *item)
{
	if (i)
		strbuf_adds(b, i + 1 == n ? _(" or ") : ", ");
	strbuf_adds(b, item);
}

char *validate_values_list(const struct fnode *f)
{
	struct strbuf b = {0};
	size_t i;

	for (i = 0; i < f->nvalues; i++)
		validate_add_or(&b, i, f->nvalues, f->values[i]);
	return strbuf_finish(&b);
}

/* Member f as both kinds of reader know it: the label that the screens show
 * and the name that files use, "Session storage (sessionStorage)"; the name
 * alone when it has no label of its own. Messages go to both. */
static void add_named(struct strbuf *b, const struct fnode *f)
{
	if (f->label && *f->label && strcmp(f->label, f->name))
		strbuf_addf(b, "%s (%s)", f->label, f->name);
	else
		strbuf_adds(b, f->name);
}

char *validate_named(const struct fnode *f)
{
	struct strbuf b = {0};

	add_named(&b, f);
	return strbuf_finish(&b);
}

/* Some of f's members (by name; all of them when names is NULL), as in
 * "a (x), b (y) or c (z)". */
char *validate_members_list(const struct fnode *f, const char *const *names, size_t n)
{
	struct strbuf b = {0};
	const struct fnode *k;
	size_t i;

	if (!names)
		n = f->nchildren;
	for (i = 0; i < n; i++) {
		k = names ? fnode_child(f, names[i]) : f->children[i];
		if (k) {
			char *named = validate_named(k);

			validate_add_or(&b, i, n, named);
			free(named);
		} else {
			validate_add_or(&b, i, n, names[i]);
		}
	}
	return strbuf_finish(&b);
}

/* The branches of a one-of: "a (x), b (y) or c (z)". */
char *validate_branch_list(const struct fnode *f)
{
	return validate_members_list(f, NULL, 0);
}

static char *text_lengths(const struct fnode *f)
{
	long lo = f->min_len > 0 ? f->min_len : 0, hi = f->max_len;

	if (hi >= 0 && lo == hi)
		return xasprintf(
		    P_("exactly %ld character", "exactly %ld characters", (unsigned long)hi), hi);
	if (hi >= 0 && lo > 0)
		return xasprintf(
		    P_("%ld to %ld character", "%ld to %ld characters", (unsigned long)hi), lo,
		    hi);
	if (hi >= 0)
		return xasprintf(P_("text of up to %ld character", "text of up to %ld characters",
				    (unsigned long)hi),
				 hi);
	if (lo > 0)
		return xasprintf(P_("text of at least %ld character",
				    "text of at least %ld characters", (unsigned long)lo),
				 lo);
	return xstrdup(fkind_expect(FK_TEXT));
}

static char *list_sizes(const struct fnode *f)
{
	long lo = f->min_items > 0 ? f->min_items : 0, hi = f->max_items;

	if (hi >= 0 && lo > 0)
		return xasprintf(P_("a list of %ld to %ld entry", "a list of %ld to %ld entries",
				    (unsigned long)hi),
				 lo, hi);
	if (hi >= 0)
		return xasprintf(P_("a list of up to %ld entry", "a list of up to %ld entries",
				    (unsigned long)hi),
				 hi);
	if (lo > 0)
		return xasprintf(P_("a list of at least %ld entry",
				    "a list of at least %ld entries", (unsigned long)lo),
				 lo);
	return xstrdup(fkind_expect(f->kind));
}

/* What a valid value of f looks like, for messages (caller frees): the form's
 * `expect` text, or else words made from the constraints. An example is only
 * ever offered as one ("(for example: X)"), never as the requirement. */
char *validate_expectation(const struct fnode *f)
{
	char *s, *all;
	long long lo, hi;

	if (f->expect)
		return xstrdup(f->expect);
	switch (f->kind) {
	case FK_TEXT:
		s = text_lengths(f);
		break;
	case FK_CHOICE:
		all = validate_values_list(f);
		s = xasprintf(_("one of %s"), all);
		free(all);
		break;
	case FK_INTEGER:
		validate_int_bounds(f, &lo, &hi);
		s = xasprintf(_("a whole number from %lld to %lld"), lo, hi);
		break;
	case FK_LIST:
	case FK_SUBLIST:
		s = list_sizes(f);
		break;
	case FK_ONEOF:
		all = validate_branch_list(f);
		s = xasprintf(_("one of %s"), all);
		free(all);
		break;
	default:
		s = xstrdup(fkind_expect(f->kind));
		break;
	}
	if (f->example && f->kind == FK_TEXT) {
		all = xasprintf(_("%s (for example: %s)"), s, f->example);
		free(s);
		s = all;
	}
	return s;
}

/* Edits (insertions, deletions, changes, ASCII case aside) from a to b, or
 * more than `cap` when that many or more: a mistyped name is a short way off. */
static size_t edits(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b), row[65], i, j, diag, up, best;

	if (la > 64 || lb > 64 || (la > lb ? la - lb : lb - la) > cap)
		return cap + 1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		diag = row[0];
		row[0] = best = i;
		for (j = 1; j <= lb; j++) {
			up = row[j];
			row[j] = diag + (validate_fold((unsigned char)a[i - 1]) !=
					 validate_fold((unsigned char)b[j - 1]));
			if (up + 1 < row[j])
				row[j] = up + 1;
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			if (row[j] < best)
				best = row[j];
			diag = up;
		}
		if (best > cap)
			return cap + 1;
	}
	return row[lb];
}

char *validate_unknown_message(const struct fnode *f, const char *name)
{
	const struct fnode *near = NULL;
	size_t i, d, best = 3;
	char *all, *m;

	for (i = 0; i < f->nchildren; i++)
		if ((d = edits(name, f->children[i]->name, 2)) < best) {
			best = d;
			near = f->children[i];
		}
	if (near && best == 0)
		return xasprintf(_("unknown member: expected %s (names are case-sensitive)"),
				 near->name);
	if (near)
		return xasprintf(_("unknown member: expected %s, the closest name here"),
				 near->name);
	if (f->nchildren > 8)
		return xstrdup(_("unknown member: not part of the CreateAgentRuntime request: "
				 "expected one of its members, spelled as in the API"));
	all = validate_members_list(f, NULL, 0);
	m = xasprintf(_("unknown member: expected one of %s"), all);
	free(all);
	return m;
}
