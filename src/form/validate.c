/* validate.c: field rules from the form definition, cross-field rules in code; see validate.h. */
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
#include "base/util.h"
#include "form/validate.h"

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

/* Append s[0..n) with quotes, backslashes, control characters and bytes that
 * are not UTF-8 escaped (\xff), so that whatever a file holds stays on one
 * line of output, and that output stays UTF-8 (validate --json, the screens). */
static void escape(struct strbuf *b, const char *s, size_t n)
{
	size_t i = 0, run, l;

	while (i < n) {
		unsigned char c = 0;
		char e[8];

		for (run = i; run < n; run++) {
			c = (unsigned char)s[run];
			if (c < 0x20 || c == 0x7f || c == '"' || c == '\\')
				break;
			if (c >= 0x80) {
				l = utf8_offset(s + run, n - run, 1);
				if (utf8_length(s + run, l) != 1)
					break;
				run += l - 1;
			}
		}
		strbuf_add(b, s + i, run - i);
		if (run == n)
			return;
		if (c == '\n')
			snprintf(e, sizeof e, "\\n");
		else if (c == '\t')
			snprintf(e, sizeof e, "\\t");
		else if (c == '\r')
			snprintf(e, sizeof e, "\\r");
		else if (c == '"' || c == '\\')
			snprintf(e, sizeof e, "\\%c", c);
		else
			snprintf(e, sizeof e, "\\x%02x", c);
		strbuf_adds(b, e);
		i = run + 1;
	}
}

/* A value quoted for a message: at most `max` characters, escaped. */
static char *quote(const char *text, size_t max)
{
	struct strbuf b = {0};
	size_t n = strlen(text), cut = utf8_offset(text, n, max);

	strbuf_addc(&b, '"');
	escape(&b, text, cut);
	if (cut < n)
		strbuf_adds(&b, "...");
	strbuf_addc(&b, '"');
	return strbuf_finish(&b);
}

/* Names in the rules' messages (scopes, header names, mount paths) are at
 * most 256 characters when valid: shown whole. */
#define NAME_MAX_SHOWN 256

/* The value of f as shown in a message: quoted, or "the value" for secrets. */
static char *show(const struct fnode *f, const char *text)
{
	/* secrets are never echoed; a map's keys are names, not secrets */
	if (f->sensitive || (f->parent && f->parent->sensitive && f != f->parent->key))
		return xstrdup(_("the value"));
	return quote(text, 40);
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
	escape(b, name, strlen(name));
	strbuf_add(b, "\"]", 2);
}

static void path_index(struct strbuf *b, size_t i)
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

/* The largest whole number a JSON file may hold here (fnode_accepts). */
#define WHOLE_LIMIT 9000000000000000LL

static void int_bounds(const struct fnode *f, long long *lo, long long *hi)
{
	*lo = f->has_min_val ? f->min_val : -WHOLE_LIMIT;
	*hi = f->has_max_val ? f->max_val : WHOLE_LIMIT;
}

/* Append item number i of n to a list in words: "a, b or c". */
static void add_or(struct strbuf *b, size_t i, size_t n, const char *item)
{
	if (i)
		strbuf_adds(b, i + 1 == n ? _(" or ") : ", ");
	strbuf_adds(b, item);
}

static char *values_list(const struct fnode *f)
{
	struct strbuf b = {0};
	size_t i;

	for (i = 0; i < f->nvalues; i++)
		add_or(&b, i, f->nvalues, f->values[i]);
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
static char *members_list(const struct fnode *f, const char *const *names, size_t n)
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

			add_or(&b, i, n, named);
			free(named);
		} else {
			add_or(&b, i, n, names[i]);
		}
	}
	return strbuf_finish(&b);
}

/* The branches of a one-of: "a (x), b (y) or c (z)". */
static char *branch_list(const struct fnode *f)
{
	return members_list(f, NULL, 0);
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
static char *expectation(const struct fnode *f)
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
		all = values_list(f);
		s = xasprintf(_("one of %s"), all);
		free(all);
		break;
	case FK_INTEGER:
		int_bounds(f, &lo, &hi);
		s = xasprintf(_("a whole number from %lld to %lld"), lo, hi);
		break;
	case FK_LIST:
	case FK_SUBLIST:
		s = list_sizes(f);
		break;
	case FK_ONEOF:
		all = branch_list(f);
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

/* ---- scalars ---- */

enum match { M_NO, M_PARTIAL, M_FULL };

static int full_match(const struct fnode *f, const char *text, size_t len, pcre2_match_data *md)
{
	return pcre2_match(f->re, (PCRE2_SPTR)text, len, 0,
			   PCRE2_ANCHORED | PCRE2_ENDANCHORED | PCRE2_NO_UTF_CHECK, md, NULL) >= 0;
}

/* Most long values are checked against a pattern that is one character class
 * repeated ("[a-zA-Z0-9\s._:/=+@-]*": tags, scopes, claim values), where
 * PCRE2 costs about a nanosecond a character. In a whole-document walk such a
 * pattern is asked once per distinct ASCII byte whether its class holds it,
 * and ASCII values are then checked byte by byte. A value that fails, or is not
 * ASCII, goes to PCRE2 as ever: PCRE2 alone decides what matches. */
struct cclass {
	const void *re;
	int shape; /* '*' or '+' for [CLASS]* and [CLASS]+; 0 for other patterns */
	/* by byte: 0 in the class, 1 not asked yet, 2 not in it (or not ASCII) */
	unsigned char t[256];
};

#define CCLASS_SLOTS 64

struct classes {
	struct cclass v[CCLASS_SLOTS];
};

/* '*' or '+' when the pattern is one character class and that quantifier. */
static int class_shape(const char *p)
{
	size_t i = 1;

	if (!p || p[0] != '[')
		return 0;
	if (p[i] == '^')
		i++;
	if (p[i] == ']')
		i++; /* a literal ] */
	for (; p[i] && p[i] != ']'; i++) {
		if (p[i] == '[') /* [:alpha:] and the like: leave them to PCRE2 */
			return 0;
		if (p[i] == '\\' && (!p[++i] || p[i] == 'Q' || p[i] == 'E'))
			return 0;
	}
	if (p[i] != ']' || (p[i + 1] != '*' && p[i + 1] != '+') || p[i + 2])
		return 0;
	return p[i + 1];
}

static struct cclass *class_of(struct classes *cs, const struct fnode *f)
{
	size_t i = ((uintptr_t)f->re >> 4) % CCLASS_SLOTS, n;

	for (n = 0; n < CCLASS_SLOTS; n++, i = (i + 1) % CCLASS_SLOTS) {
		struct cclass *c = &cs->v[i];

		if (c->re == f->re)
			return c;
		if (!c->re) {
			c->re = f->re;
			c->shape = class_shape(f->pattern);
			memset(c->t, 1, 128);
			memset(c->t + 128, 2, 128);
			return c;
		}
	}
	return NULL;
}

/* Does text match whole, by the class? 0 means "ask PCRE2". */
static int class_match(struct classes *cs, const struct fnode *f, const char *text, size_t len,
		       pcre2_match_data *md)
{
	const unsigned char *u = (const unsigned char *)text;
	struct cclass *c;
	unsigned acc = 0;
	size_t i;

	if (!cs || !len || !(c = class_of(cs, f)) || !c->shape)
		return 0;
	for (i = 0; i < len; i++)
		acc |= c->t[u[i]];
	if (!acc)
		return 1;
	if (acc & 2)
		return 0;
	for (i = 0; i < len; i++) {
		if (c->t[u[i]] == 1)
			c->t[u[i]] = full_match(f, text + i, 1, md) ? 0 : 2;
		if (c->t[u[i]])
			return 0;
	}
	return 1;
}

/* cs: the walk's classes, or NULL (one value as typed). */
static enum match pattern_match(const struct fnode *f, const char *text, size_t len,
				struct classes *cs)
{
	static pcre2_match_data *md; /* one pair is all a whole-value match needs */
	int rc;

	if (!f->re)
		return M_FULL;
	if (!md && !(md = pcre2_match_data_create(1, NULL)))
		util_fatal("out of memory");
	if (class_match(cs, f, text, len, md) || full_match(f, text, len, md))
		return M_FULL;
	rc = pcre2_match(f->re, (PCRE2_SPTR)text, len, 0,
			 PCRE2_ANCHORED | PCRE2_PARTIAL_HARD | PCRE2_NO_UTF_CHECK, md, NULL);
	return rc == PCRE2_ERROR_PARTIAL ? M_PARTIAL : M_NO;
}

/* The fewest characters a valid value has: minLength, or more when the
 * pattern needs more ("subnet-" and 8 characters). */
static size_t min_chars(const struct fnode *f)
{
	size_t m = f->min_len > 0 ? (size_t)f->min_len : 0;
	uint32_t pm = 0;

	if (f->re && pcre2_pattern_info(f->re, PCRE2_INFO_MINLENGTH, &pm) == 0 && pm > m)
		m = pm;
	return m;
}

/* Characters in s[0..n), or (size_t)-1 when it is not UTF-8. ASCII, the
 * common case, is passed over eight bytes at a time. */
static size_t text_chars(const char *s, size_t n)
{
	size_t i = 0, rest;
	uint64_t w;

	while (i + 8 <= n) {
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
		i += 8;
	}
	while (i < n && !((unsigned char)s[i] & 0x80))
		i++;
	if (i == n)
		return n;
	rest = utf8_length(s + i, n - i);
	return rest == (size_t)-1 ? rest : i + rest;
}

/* Check a text value. live: a valid prefix is VS_INCOMPLETE rather than
 * invalid. cs: as for pattern_match. */
static enum vstate check_text(const struct fnode *f, const char *text, int live, char **msg,
			      struct classes *cs)
{
	size_t len = strlen(text), chars;
	char *shown, *exp;
	enum match m;

	*msg = NULL;
	chars = text_chars(text, len);
	if (chars == (size_t)-1) {
		*msg = xstrdup(_("is not valid UTF-8 text: expected text encoded as UTF-8"));
		return VS_INVALID;
	}
	if (f->max_len >= 0 && chars > (size_t)f->max_len) {
		*msg = xasprintf(P_("is too long: %zu character, at most %ld allowed",
				    "is too long: %zu characters, at most %ld allowed", chars),
				 chars, f->max_len);
		return VS_INVALID;
	}
	m = pattern_match(f, text, len, cs);
	if (m == M_FULL && (f->min_len < 0 || chars >= (size_t)f->min_len))
		return VS_VALID;
	shown = show(f, text);
	exp = expectation(f);
	if (m == M_NO)
		*msg = xasprintf(_("%s is not valid: expected %s"), shown, exp);
	else if (len == 0)
		*msg = xasprintf(_("is empty: expected %s"), exp);
	else if (chars < min_chars(f))
		*msg = xasprintf(_("%s is too short: expected %s"), shown, exp);
	else /* long enough, but a valid value goes on ("abc-") */
		*msg = xasprintf(_("%s is incomplete: expected %s"), shown, exp);
	free(shown);
	free(exp);
	return m == M_NO || !live ? VS_INVALID : VS_INCOMPLETE;
}

enum int_parse { INT_OK, INT_NOT_DIGITS, INT_TOO_LARGE, INT_TOO_SMALL };

static enum int_parse parse_integer(const char *text, long long *out)
{
	char *end;

	if (!*text || isspace((unsigned char)*text))
		return INT_NOT_DIGITS;
	errno = 0;
	*out = strtoll(text, &end, 10);
	if (*end)
		return INT_NOT_DIGITS;
	if (errno == ERANGE)
		return *out > 0 ? INT_TOO_LARGE : INT_TOO_SMALL;
	return errno ? INT_NOT_DIGITS : INT_OK;
}

/* A whole number too large or too small to hold, with the range. */
static char *out_of_range(const struct fnode *f, int large)
{
	long long lo, hi;

	int_bounds(f, &lo, &hi);
	return large ? xasprintf(_("is too large: expected %lld to %lld"), lo, hi)
		     : xasprintf(_("is too small: expected %lld to %lld"), lo, hi);
}

static enum vstate check_integer(const struct fnode *f, long long v, int live, char **msg)
{
	long long lo, hi;

	*msg = NULL;
	int_bounds(f, &lo, &hi);
	if (v > hi) {
		*msg = xasprintf(_("%lld is too large: expected %lld to %lld"), v, lo, hi);
		return VS_INVALID;
	}
	if (v < lo) {
		*msg = xasprintf(_("%lld is too small: expected %lld to %lld"), v, lo, hi);
		/* while typing, "6" can still become 60 */
		return live && v > 0 ? VS_INCOMPLETE : VS_INVALID;
	}
	return VS_VALID;
}

static enum vstate check_choice(const struct fnode *f, const char *text, int live, char **msg)
{
	size_t i, n = strlen(text);
	int prefix = 0;
	char *vals, *shown;

	*msg = NULL;
	for (i = 0; i < f->nvalues; i++) {
		if (!strcmp(f->values[i], text))
			return VS_VALID;
		if (!strncmp(f->values[i], text, n))
			prefix = 1;
	}
	vals = values_list(f);
	shown = show(f, text);
	if (live && prefix) /* still being typed: "V" of VPC */
		*msg =
		    xasprintf(_("%s is not a whole value yet: expected one of %s"), shown, vals);
	else
		*msg = xasprintf(_("%s is not allowed: expected one of %s"), shown, vals);
	free(vals);
	free(shown);
	return live && prefix ? VS_INCOMPLETE : VS_INVALID;
}

enum vstate validate_scalar(const struct fnode *f, const char *text, const char *path, char **msg)
{
	enum vstate st = VS_VALID;
	char *m = NULL, *exp;
	long long v;

	*msg = NULL;
	if (!text)
		text = "";
	if (!*text) {
		/* Empty means unset while editing; list items and map keys have no "unset". */
		int must = f->required ||
			   (f->parent && (f->parent->kind == FK_LIST ||
					  (f->parent->kind == FK_MAP && f == f->parent->key)));
		if (!must || (f->kind == FK_TEXT && f->min_len == 0 && !f->re))
			return VS_VALID;
		exp = expectation(f);
		m = xasprintf(_("is required: expected %s"), exp);
		free(exp);
		st = VS_INCOMPLETE;
		goto out;
	}
	switch (f->kind) {
	case FK_TEXT:
		st = check_text(f, text, 1, &m, NULL);
		break;
	case FK_INTEGER:
		switch (parse_integer(text, &v)) {
		case INT_OK:
			st = check_integer(f, v, 1, &m);
			break;
		case INT_NOT_DIGITS:
			m = xstrdup(_("is not a whole number: expected digits only"));
			st = VS_INVALID;
			break;
		case INT_TOO_LARGE:
		case INT_TOO_SMALL:
			m = out_of_range(f, *text != '-');
			st = VS_INVALID;
			break;
		}
		break;
	case FK_CHOICE:
		st = check_choice(f, text, 1, &m);
		break;
	case FK_BOOLEAN:
		if (strcmp(text, "true") && strcmp(text, "false")) {
			char *shown = show(f, text);

			m = xasprintf(_("%s is neither true nor false: expected true or false"),
				      shown);
			free(shown);
			st = VS_INVALID;
		}
		break;
	default:
		break;
	}
out:
	if (m && path && *path) {
		*msg = xasprintf("%s: %s", path, m);
		free(m);
	} else {
		*msg = m;
	}
	return st;
}

char *validate_type_message(const struct fnode *f, const void *json)
{
	const cJSON *v = json;

	if (fnode_accepts(f, v))
		return NULL;
	if (f->kind == FK_INTEGER && cJSON_IsNumber(v)) {
		double d = v->valuedouble;
		char num[32], *exp, *m;

		if (!(d <= (double)WHOLE_LIMIT) || d < -(double)WHOLE_LIMIT)
			return out_of_range(f, !(d < 0));
		/* in range, so not whole */
		snprintf(num, sizeof num, "%.15g", d);
		exp = expectation(f);
		m = xasprintf(_("%s is not a whole number: expected %s"), num, exp);
		free(exp);
		return m;
	}
	return xasprintf(_("is %s: expected %s"), json_type_name(v), fkind_expect(f->kind));
}

char *validate_literal_message(const struct fnode *f, const char *text, size_t len)
{
	char *exp = expectation(f), *m;

	m = xasprintf(_("%.*s%s is not written as a whole number: expected %s, in digits only"),
		      (int)(len > 40 ? 40 : len), text, len > 40 ? "..." : "", exp);
	free(exp);
	return m;
}

/* ---- sets of names ---- */

/* Strings seen so far (map keys, header names, mount paths, scopes), so that
 * lists of any length are checked for repeats in linear time. */
struct seen_slot {
	const char *s;
	size_t len, idx;
	uint64_t hash;
};

struct seen {
	struct seen_slot *v;
	size_t cap, alloc;
	int fold; /* ASCII case does not count (header names) */
};

static int fold_c(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

/* Empty the set, made for n strings. */
static void seen_reset(struct seen *t, size_t n, int fold)
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
			h = (h ^ (uint64_t)fold_c((unsigned char)s[j])) * 1099511628211ULL;
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
			if (fold_c((unsigned char)x->s[j]) != fold_c((unsigned char)s[j]))
				break;
		if (t->fold && j == len)
			return x;
	}
}

/* Is s[0..len) in the set? */
static int seen_has(const struct seen *t, const char *s, size_t len)
{
	return seen_slot(t, s, len, seen_hash(t, s, len))->s != NULL;
}

/* Add s[0..len) as entry idx. Returns the entry of an equal string added
 * before, or (size_t)-1 when s is new. At most the n of seen_reset. */
static size_t seen_add(struct seen *t, const char *s, size_t len, size_t idx)
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
			row[j] = diag + (fold_c((unsigned char)a[i - 1]) !=
					 fold_c((unsigned char)b[j - 1]));
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
	all = members_list(f, NULL, 0);
	m = xasprintf(_("unknown member: expected one of %s"), all);
	free(all);
	return m;
}

/* ---- whole-document validation ---- */

struct walk {
	const struct formdef *def;
	struct problems *out;
	const cJSON *root;
	/* Where the walk is: appended on the way down, cut back on return, copied
	 * only into a problem. ref names map entries by index. */
	struct strbuf path, ref;
	size_t prior;        /* out->v[0..prior) were there before: the reader's */
	const char **sorted; /* their paths, sorted, made when first needed */
	struct seen seen;
	struct classes classes;
};

struct mark {
	size_t path, ref;
};

static struct mark here(const struct walk *w)
{
	struct mark m = {w->path.len, w->ref.len};

	return m;
}

static void back(struct walk *w, struct mark m)
{
	w->path.s[w->path.len = m.path] = '\0';
	w->ref.s[w->ref.len = m.ref] = '\0';
}

static void down_member(struct walk *w, const char *name)
{
	validate_path_join(&w->path, name);
	validate_path_join(&w->ref, name);
}

static void down_item(struct walk *w, size_t i)
{
	path_index(&w->path, i);
	path_index(&w->ref, i);
}

static void down_entry(struct walk *w, const char *key, size_t i)
{
	validate_path_join(&w->path, key);
	path_index(&w->ref, i);
}

static void add_at(struct walk *w, enum vstate st, const char *path, const char *ref, char *msg)
{
	problems_add(w->out, st, path, ref, "%s", msg);
	free(msg);
}

/* A problem where the walk is. */
static void add(struct walk *w, enum vstate st, char *msg)
{
	add_at(w, st, w->path.s, w->ref.s, msg);
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
static int explained(struct walk *w, const char *path)
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
static void add_missing_at(struct walk *w, enum vstate st, const char *path, const char *ref,
			   char *msg)
{
	if (explained(w, path))
		free(msg);
	else
		add_at(w, st, path, ref, msg);
}

static void add_missing(struct walk *w, enum vstate st, char *msg)
{
	add_missing_at(w, st, w->path.s, w->ref.s, msg);
}

static void check_node(struct walk *w, const struct fnode *f, const cJSON *v);

static int scalar_kind(const struct fnode *f)
{
	return f->kind == FK_TEXT || f->kind == FK_CHOICE || f->kind == FK_INTEGER ||
	       f->kind == FK_BOOLEAN;
}

/* What is wrong with scalar v (strict), or NULL. Decided before the path is
 * made: a valid scalar costs no path at all. */
static char *scalar_problem(const struct fnode *f, const cJSON *v, struct classes *cs)
{
	char *m = validate_type_message(f, v);

	if (m)
		return m;
	if (f->kind == FK_TEXT)
		check_text(f, v->valuestring, 0, &m, cs);
	else if (f->kind == FK_CHOICE)
		check_choice(f, v->valuestring, 0, &m);
	else if (f->kind == FK_INTEGER)
		check_integer(f, (long long)v->valuedouble, 0, &m);
	return m;
}

static void check_size(struct walk *w, const struct fnode *f, size_t n)
{
	unsigned long min = (unsigned long)f->min_items;

	if (f->min_items >= 0 && n < (size_t)f->min_items) {
		if (n == 0)
			add_missing(w, VS_INVALID,
				    xasprintf(P_("is empty: expected at least %ld entry",
						 "is empty: expected at least %ld entries", min),
					      f->min_items));
		else
			add_missing(w, VS_INVALID,
				    xasprintf(P_("has %zu entry: expected at least %ld",
						 "has %zu entries: expected at least %ld", n),
					      n, f->min_items));
	}
	if (f->max_items >= 0 && n > (size_t)f->max_items)
		add(w, VS_INVALID,
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
static void check_member(struct walk *w, const struct fnode *f, const struct fnode *k,
			 const cJSON *v)
{
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(v, k->name);
	struct mark m = here(w);

	if (!c && !(k->required && f->kind == FK_GROUP))
		return;
	if (c && scalar_kind(k) && when_holds(k, v)) {
		char *wrong = scalar_problem(k, c, &w->classes);

		if (wrong) {
			down_member(w, k->name);
			add(w, VS_INVALID, wrong);
			back(w, m);
		}
		return;
	}
	down_member(w, k->name);
	if (c && !when_holds(k, v)) {
		struct strbuf b = {0};
		const struct fnode *on = fnode_child(f, k->when_field);
		char *vals, *field = on ? validate_named(on) : xstrdup(k->when_field);
		size_t j;

		for (j = 0; j < k->nwhen; j++)
			add_or(&b, j, k->nwhen, k->when_values[j]);
		vals = strbuf_finish(&b);
		add(w, VS_INVALID,
		    xasprintf(_("only applies when %s is %s: expected it left out, or %s set to "
				"%s"),
			      field, vals, field, vals));
		free(vals);
		free(field);
	} else if (c) {
		check_node(w, k, c);
	} else if (when_holds(k, v)) {
		char *exp = expectation(k);

		add_missing(w, VS_INCOMPLETE, xasprintf(_("is required: expected %s"), exp));
		free(exp);
	}
	back(w, m);
}

/* The members of v that f does not know. */
static void check_unknown(struct walk *w, const struct fnode *f, const cJSON *v)
{
	const cJSON *c;
	struct mark m = here(w);

	cJSON_ArrayForEach (c, v) {
		if (!fnode_child(f, c->string)) {
			down_member(w, c->string);
			add(w, VS_INVALID, validate_unknown_message(f, c->string));
			back(w, m);
		}
	}
}

static void check_group(struct walk *w, const struct fnode *f, const cJSON *v)
{
	size_t i;

	for (i = 0; i < f->nchildren; i++)
		check_member(w, f, f->children[i], v);
	check_unknown(w, f, v);
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
		all = branch_list(f);
		add_missing(w, VS_INCOMPLETE, xasprintf(_("is empty: choose one of %s"), all));
		free(all);
	} else if (set > 1) {
		all = branch_list(f);
		add(w, VS_INVALID,
		    xasprintf(P_("holds %zu choice: expected exactly one of %s",
				 "holds %zu choices: expected exactly one of %s", set),
			      set, all));
		free(all);
	}
	check_group(w, f, v);
}

static void check_list(struct walk *w, const struct fnode *f, const cJSON *v)
{
	const cJSON *c;
	struct mark m = here(w);
	size_t i = 0;
	char *wrong;

	check_size(w, f, (size_t)cJSON_GetArraySize(v));
	cJSON_ArrayForEach (c, v) {
		if (scalar_kind(f->item)) {
			if ((wrong = scalar_problem(f->item, c, &w->classes))) {
				down_item(w, i);
				add(w, VS_INVALID, wrong);
				back(w, m);
			}
		} else {
			down_item(w, i);
			check_node(w, f->item, c);
			back(w, m);
		}
		i++;
	}
}

static void check_map(struct walk *w, const struct fnode *f, const cJSON *v)
{
	const cJSON *c;
	struct mark m = here(w);
	size_t i = 0, n = (size_t)cJSON_GetArraySize(v);

	check_size(w, f, n);
	seen_reset(&w->seen, n, 0);
	cJSON_ArrayForEach (c, v) {
		char *key = NULL, *value = scalar_problem(f->value, c, &w->classes);
		int twice = seen_add(&w->seen, c->string, strlen(c->string), i) != (size_t)-1;

		check_text(f->key, c->string, 0, &key, &w->classes);
		if (key || twice || value) {
			down_entry(w, c->string, i);
			if (key)
				add(w, VS_INVALID, xasprintf(_("key %s"), key));
			if (twice)
				add(w, VS_INVALID,
				    xstrdup(_("is a duplicate key: expected each key once")));
			if (value)
				add(w, VS_INVALID, value);
			back(w, m);
		}
		free(key);
		i++;
	}
}

static void check_node(struct walk *w, const struct fnode *f, const cJSON *v)
{
	char *wrong =
	    scalar_kind(f) ? scalar_problem(f, v, &w->classes) : validate_type_message(f, v);

	if (wrong) {
		add(w, VS_INVALID, wrong);
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
		check_group(w, f, v);
		break;
	case FK_ONEOF:
		check_oneof(w, f, v);
		break;
	default:
		break;
	}
}

/* ---- rules across fields ---- */

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
	add_at(w, st, p, p, msg);
	free(p);
}

static void rule_network(struct walk *w)
{
	const char *p = "networkConfiguration.networkModeConfig";
	const cJSON *net = at(w->root, "networkConfiguration");
	const cJSON *mode = at(net, "networkMode");

	if (cJSON_IsString(mode) && !strcmp(mode->valuestring, "VPC") &&
	    !at(net, "networkModeConfig"))
		add_missing_at(w, VS_INCOMPLETE, p, p,
			       xstrdup(_("is required in VPC mode: expected at least one subnet "
					 "and one security group")));
}

/* The model: "Passing this field in a CreateAgentRuntime request returns a
 * ValidationException" (it is for updating runtimes made before May 2026). */
static void rule_s3_endpoint(struct walk *w)
{
	const char *p = "networkConfiguration.networkModeConfig.requireServiceS3Endpoint";

	if (at(w->root, p))
		add_at(w, VS_INVALID, p, p,
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
				char *want = f ? members_list(f, kinds + !equals, 1)
					       : xstrdup(kinds[!equals]);
				char *other = f ? members_list(f, kinds + equals, 1)
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

	int_bounds(f, &lo, &hi);
	return cJSON_IsNumber(v) && v->valuedouble >= (double)lo && v->valuedouble <= (double)hi;
}

/* The idle timeout may not exceed the maximum lifetime. An unset one is the
 * service's documented default (the forms' `default`: 900 and 28800 seconds),
 * so a set value is compared with the other's default (docs/decisions.md). */
static void rule_lifecycle(struct walk *w)
{
	const char *pidle = "lifecycleConfiguration.idleRuntimeSessionTimeout";
	const char *pmax = "lifecycleConfiguration.maxLifetime";
	const cJSON *idle = at(w->root, pidle), *max = at(w->root, pmax);
	const struct fnode *fidle = formdef_lookup(w->def, pidle);
	const struct fnode *fmax = formdef_lookup(w->def, pmax);
	double i, m;
	char *name, *msg;

	if (!fidle || !fmax || (idle && !in_range(fidle, idle)) || (max && !in_range(fmax, max)) ||
	    (!idle && !max) || (!idle && !fidle->has_default) || (!max && !fmax->has_default))
		return;
	i = idle ? idle->valuedouble : (double)fidle->default_val;
	m = max ? max->valuedouble : (double)fmax->default_val;
	if (i <= m)
		return;
	/* the problem is the value that is set: the other may be a default */
	name = validate_named(idle ? fmax : fidle);
	if (idle && max)
		msg = xasprintf(
		    _("%.0f seconds is longer than the maximum lifetime, %s, of %.0f "
		      "seconds: expected at most %.0f, or set a longer maximum lifetime"),
		    i, name, m, m);
	else if (idle)
		msg =
		    xasprintf(_("%.0f seconds is longer than the maximum lifetime, %s, which is "
				"%.0f seconds by default when not set: expected at most %.0f, or "
				"set a longer maximum lifetime"),
			      i, name, m, m);
	else
		msg =
		    xasprintf(_("%.0f seconds is shorter than the idle timeout, %s, which is "
				"%.0f seconds by default when not set: expected at least %.0f, or "
				"set a shorter idle timeout"),
			      m, name, i, i);
	add_at(w, VS_INVALID, idle ? pidle : pmax, idle ? pidle : pmax, msg);
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
			int why = explained(w, p);

			free(p);
			if (why)
				break;
		}
		if (i == 4) {
			const struct fnode *f = formdef_lookup(w->def, base);
			char *all =
			    f ? members_list(f, checks, 4)
			      : xstrdup("allowedAudience, allowedClients, allowedScopes or "
					"customClaims");

			add_at(w, VS_INCOMPLETE, base, base,
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
			char *shown = quote(e->string, NAME_MAX_SHOWN);
			char *in = scope_list ? members_list(scope_list, checks + 2, 1)
					      : xstrdup(checks[2]);

			w->path.len = w->ref.len = 0;
			strbuf_adds(&w->path, base);
			validate_path_join(&w->path, "advertisedScopeMapping");
			strbuf_adds(&w->ref, w->path.s);
			validate_path_join(&w->path, e->string);
			path_index(&w->ref, i);
			add(w, VS_INVALID,
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

/* Header names the service keeps for itself (Developer Guide). */
static const char *const restricted_headers[] = {
    "Content-Type",
    "Content-Length",
    "Content-Encoding",
    "Host",
    "User-Agent",
    "Connection",
    "Keep-Alive",
    "Transfer-Encoding",
    "Upgrade",
    "TE",
    "Trailer",
    "Proxy-Authorization",
    "Proxy-Connection",
    "Cache-Control",
    "Pragma",
    "Expires",
    "If-Match",
    "If-None-Match",
    "If-Modified-Since",
    "If-Unmodified-Since",
    "ETag",
    "Last-Modified",
    "Age",
    NULL,
};

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

/* What is wrong with header name `name`, or NULL (caller frees). jwt: a
 * custom JWT authorizer is set. */
static char *header_problem(const struct formdef *def, const char *name, int jwt)
{
	enum { OK, AMZ, AMZN, RESTRICTED } why = OK;
	char *shown, *m, *instead;
	size_t j;

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
	for (j = 0; why == OK && restricted_headers[j]; j++)
		if (!strcasecmp(name, restricted_headers[j]))
			why = RESTRICTED;
	if (why == OK)
		return NULL;
	/* the name is quoted only for a message: most names have none */
	shown = quote(name, NAME_MAX_SHOWN);
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
	size_t i = 0;
	char *m;

	if (!cJSON_IsArray(list))
		return;
	seen_reset(&w->seen, (size_t)cJSON_GetArraySize(list), 1);
	cJSON_ArrayForEach (h, list) {
		if (cJSON_IsString(h)) {
			const char *name = h->valuestring;

			if (seen_add(&w->seen, name, strlen(name), i) != (size_t)-1) {
				char *shown = quote(name, NAME_MAX_SHOWN);

				add_rule(w, VS_INVALID,
					 xasprintf(_("%s is listed twice (header names ignore "
						     "case): expected each name once"),
						   shown),
					 "%s[%zu]", base, i);
				free(shown);
			}
			if ((m = header_problem(w->def, name, jwt)))
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
				char *shown = quote(s, NAME_MAX_SHOWN), *other;
				const cJSON *o = mount_path(cJSON_GetArrayItem(list, (int)first));

				other = quote(o->valuestring, NAME_MAX_SHOWN);
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
			add_missing_at(
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

static void walk_start(struct walk *w, const struct formdef *def, const struct document *doc,
		       struct problems *out)
{
	memset(w, 0, sizeof *w);
	w->def = def;
	w->out = out;
	w->root = document_json(doc);
	w->prior = out->n;
	strbuf_add(&w->path, "", 0);
	strbuf_add(&w->ref, "", 0);
}

/* Every rule across fields. */
static void check_rules(struct walk *w)
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
	check_group(&w, def->root, w.root);
	check_rules(&w);
	return walk_end(&w, before);
}

enum vstate validate_member(const struct formdef *def, const struct document *doc,
			    const struct fnode *top, struct problems *out)
{
	struct walk w;
	size_t before = out->n;

	walk_start(&w, def, doc, out);
	check_member(&w, def->root, top, w.root);
	return walk_end(&w, before);
}

enum vstate validate_rest(const struct formdef *def, const struct document *doc,
			  struct problems *out)
{
	struct walk w;
	size_t before = out->n;

	walk_start(&w, def, doc, out);
	check_unknown(&w, def->root, w.root);
	check_rules(&w);
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
