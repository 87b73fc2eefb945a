/* validate_value.c: one scalar value against its field (validate.h,
 * validate_local.h): text lengths in characters and whole-value PCRE2
 * patterns, whole numbers and their ranges, allowed values; the messages of
 * a value of the wrong JSON type. */
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

#include "base/util.h"
#include "form/formdef.h"
#include "form/jsonscan.h"
#include "form/validate.h"
#include "form/validate_local.h"

enum match { M_NO, M_PARTIAL, M_FULL };

static int full_match(const struct fnode *f, const char *text, size_t len, pcre2_match_data *md)
{
	return pcre2_match(f->re, (PCRE2_SPTR)text, len, 0,
			   PCRE2_ANCHORED | PCRE2_ENDANCHORED | PCRE2_NO_UTF_CHECK, md, NULL) >= 0;
}

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
/* s[0..n) with each JSON_NUL (jsonscan.h) a NUL byte, *out_len bytes long,
 * for PCRE2, which takes a length; NULL when s holds none. */
static char *real_nuls(const char *s, size_t n, size_t *out_len)
{
	const char *hit = memmem(s, n, JSON_NUL, 2), *end = s + n;
	char *out, *o;

	if (!hit)
		return NULL;
	o = out = xmalloc(n + 1);
	while (hit) {
		memcpy(o, s, (size_t)(hit - s));
		o += hit - s;
		*o++ = '\0';
		s = hit + 2;
		hit = memmem(s, (size_t)(end - s), JSON_NUL, 2);
	}
	memcpy(o, s, (size_t)(end - s));
	o += end - s;
	*out_len = (size_t)(o - out);
	return out;
}

/* cs: the walk's classes, or NULL (one value as typed). */
static enum match pattern_match(const struct fnode *f, const char *text, size_t len,
				struct classes *cs)
{
	static pcre2_match_data *md; /* one pair is all a whole-value match needs */
	enum match m = M_FULL;
	char *nuls = NULL;
	size_t nlen;
	int rc;

	if (!f->re)
		return M_FULL;
	if (!md && !(md = pcre2_match_data_create(1, NULL)))
		util_fatal("out of memory");
	if (memchr(text, 0xc0, len) && (nuls = real_nuls(text, len, &nlen))) {
		text = nuls;
		len = nlen;
		cs = NULL;
	}
	if (!class_match(cs, f, text, len, md) && !full_match(f, text, len, md)) {
		rc = pcre2_match(f->re, (PCRE2_SPTR)text, len, 0,
				 PCRE2_ANCHORED | PCRE2_PARTIAL_HARD | PCRE2_NO_UTF_CHECK, md,
				 NULL);
		m = rc == PCRE2_ERROR_PARTIAL ? M_PARTIAL : M_NO;
	}
	free(nuls);
	return m;
}

/* Could text[0..len) (real NULs) begin a value the pattern matches? It
 * matches whole, or partially (its end reached with more wanted). PCRE2
 * reports no partial match with PCRE2_ENDANCHORED, so a match is whole only
 * when it ends at len. */
static int viable(const struct fnode *f, const char *text, size_t len, pcre2_match_data *md)
{
	int rc;

	if (!len || full_match(f, text, len, md))
		return 1;
	rc = pcre2_match(f->re, (PCRE2_SPTR)text, len, 0,
			 PCRE2_ANCHORED | PCRE2_PARTIAL_HARD | PCRE2_NO_UTF_CHECK, md, NULL);
	return rc == PCRE2_ERROR_PARTIAL || (rc >= 0 && pcre2_get_ovector_pointer(md)[1] == len);
}

/* The index of the first character of text[0..len) (a JSON_NUL one
 * character) after which no value can match f's pattern: the longest prefix
 * that could still match ends before it. (size_t)-1 when there is none.
 * A binary search, as a prefix that cannot match has no longer one that can. */
static size_t first_offence(const struct fnode *f, const char *text, size_t len)
{
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	size_t *at = xmalloc((len + 1) * sizeof *at), n = 0, i, lo = 0, hi, mid;
	char *nuls = real_nuls(text, len, &i), *t = nuls ? nuls : (char *)text;
	size_t tlen = nuls ? i : len;

	if (!md)
		util_fatal("out of memory");
	for (i = 0; i < tlen; i += utf8_offset(t + i, tlen - i, 1))
		at[n++] = i;
	at[n] = tlen;
	hi = n;
	if (viable(f, t, at[hi], md))
		lo = (size_t)-1;
	while (lo != (size_t)-1 && hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (viable(f, t, at[mid], md))
			lo = mid;
		else
			hi = mid;
	}
	pcre2_match_data_free(md);
	free(at);
	free(nuls);
	return lo;
}

/* "... is not valid": with the first character no valid value has there,
 * and the excerpt cut around it, when it can be found. */
static char *not_valid(const struct fnode *f, const char *text, size_t len, const char *exp)
{
	size_t idx = first_offence(f, text, len), at = 0, i;
	char *shown, *ch, *m;

	if (idx == (size_t)-1) {
		shown = validate_show(f, text);
		m = xasprintf(_("%s is not valid: expected %s"), shown, exp);
		free(shown);
		return m;
	}
	for (i = 0; i < idx; i++)
		at += validate_char_len(text + at, len - at);
	shown = validate_show_at(f, text, at, &ch);
	if (ch)
		m = xasprintf(
		    _("%s is not valid: %s at character %zu is not allowed; expected %s"), shown,
		    ch, idx + 1, exp);
	else
		m = xasprintf(_("%s is not valid: character %zu is not allowed; expected %s"),
			      shown, idx + 1, exp);
	free(shown);
	free(ch);
	return m;
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

/* Characters in s[0..n) when it is UTF-8 but for JSON_NUL, each one
 * character; (size_t)-1 otherwise. */
static size_t chars_with_nuls(const char *s, size_t n)
{
	const char *end = s + n, *hit;
	size_t chars = 0, part;

	while ((hit = memmem(s, (size_t)(end - s), JSON_NUL, 2))) {
		if ((part = utf8_length(s, (size_t)(hit - s))) == (size_t)-1)
			return part;
		chars += part + 1;
		s = hit + 2;
	}
	part = utf8_length(s, (size_t)(end - s));
	return part == (size_t)-1 ? part : chars + part;
}

/* Characters in s[0..n), a NUL kept as JSON_NUL among them, or (size_t)-1
 * when it is not UTF-8 otherwise. ASCII, the
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
	if (rest == (size_t)-1 && memchr(s + i, 0xc0, n - i))
		rest = chars_with_nuls(s + i, n - i);
	return rest == (size_t)-1 ? rest : i + rest;
}

/* Check a text value. live: a valid prefix is VS_INCOMPLETE rather than
 * invalid. cs: as for pattern_match. */
enum vstate validate_check_text(const struct fnode *f, const char *text, int live, char **msg,
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
	exp = validate_expectation(f);
	if (m == M_NO) {
		*msg = not_valid(f, text, len, exp);
		free(exp);
		return VS_INVALID;
	}
	shown = validate_show(f, text);
	if (len == 0)
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

	validate_int_bounds(f, &lo, &hi);
	return large ? xasprintf(_("is too large: expected %lld to %lld"), lo, hi)
		     : xasprintf(_("is too small: expected %lld to %lld"), lo, hi);
}

enum vstate validate_check_integer(const struct fnode *f, long long v, int live, char **msg)
{
	long long lo, hi;

	*msg = NULL;
	validate_int_bounds(f, &lo, &hi);
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

enum vstate validate_check_choice(const struct fnode *f, const char *text, int live, char **msg)
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
	vals = validate_values_list(f);
	shown = validate_show(f, text);
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
		exp = validate_expectation(f);
		m = xasprintf(_("is required: expected %s"), exp);
		free(exp);
		st = VS_INCOMPLETE;
		goto out;
	}
	switch (f->kind) {
	case FK_TEXT:
		st = validate_check_text(f, text, 1, &m, NULL);
		break;
	case FK_INTEGER:
		switch (parse_integer(text, &v)) {
		case INT_OK:
			st = validate_check_integer(f, v, 1, &m);
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
		st = validate_check_choice(f, text, 1, &m);
		break;
	case FK_BOOLEAN:
		if (strcmp(text, "true") && strcmp(text, "false")) {
			char *shown = validate_show(f, text);

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
		exp = validate_expectation(f);
		m = xasprintf(_("%s is not a whole number: expected %s"), num, exp);
		free(exp);
		return m;
	}
	return xasprintf(_("is %s: expected %s"), json_type_name(v), fkind_expect(f->kind));
}

char *validate_literal_message(const struct fnode *f, const char *text, size_t len)
{
	char *exp = validate_expectation(f), *m;

	m = xasprintf(_("%.*s%s is not written as a whole number: expected %s, in digits only"),
		      (int)(len > 40 ? 40 : len), text, len > 40 ? "..." : "", exp);
	free(exp);
	return m;
}
