/* jsonscan.c: JSON text checked as RFC 8259 has it; see jsonscan.h. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/jsonscan.h"
#include "base/util.h"

/* cJSON 1.7 copies a number into 64 bytes for strtod: a longer one is cut
 * there and the rest taken for the next token. */
#define NUMBER_MAX 63

/* What may come next. */
enum want {
	W_TOP,          /* the text's value: a form is an object */
	W_VALUE,        /* after a colon */
	W_FIRST_ITEM,   /* after [ */
	W_ITEM,         /* after a comma in a list */
	W_FIRST_MEMBER, /* after { */
	W_MEMBER,       /* after a comma in an object */
	W_COLON,        /* after a member name */
	W_LIST_NEXT,    /* after a list's item */
	W_OBJECT_NEXT,  /* after a member's value */
	W_END,          /* after the text's value */
};

struct scan {
	const char *text;
	size_t len, i;
	size_t numbers; /* numbers seen so far */
	struct jsonscan *out;
	size_t cap, nul_cap;
	char **cause;
};

void jsonscan_position(const char *text, size_t off, size_t *line, size_t *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)text[i] & 0xc0) != 0x80) {
			(*col)++;
		}
	}
}

/* Fail at byte off with msg (taken). */
static int fail(struct scan *S, size_t off, char *msg)
{
	size_t line, col;

	jsonscan_position(S->text, off, &line, &col);
	*S->cause = xasprintf(_("line %zu, column %zu: %s"), line, col, msg);
	free(msg);
	return -1;
}

static int word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

/* What stands at byte off, for a message: "True", "'", a control character
 * (U+0009), "é" (U+00E9), the byte 0xFF. Caller frees. */
static char *found(const struct scan *S, size_t off)
{
	const unsigned char *u = (const unsigned char *)S->text + off;
	size_t n, rest = S->len - off;
	unsigned long cp;

	if (word_char(u[0])) {
		for (n = 1; n < rest && word_char(u[n]); n++)
			;
		return n > 24 ? xasprintf("\"%.24s...\"", (const char *)u)
			      : xasprintf("\"%.*s\"", (int)n, (const char *)u);
	}
	if (u[0] == '"')
		return xstrdup(_("a double quote (\")"));
	if (u[0] < 0x20 || u[0] == 0x7f)
		return xasprintf(_("a control character (U+%04X)"), u[0]);
	if (u[0] < 0x80)
		return xasprintf("\"%c\"", u[0]);
	n = utf8_offset((const char *)u, rest, 1);
	if (utf8_length((const char *)u, n) != 1)
		return xasprintf(_("the byte 0x%02X, which is not UTF-8"), u[0]);
	cp = n == 2 ? u[0] & 0x1f : n == 3 ? u[0] & 0x0f : u[0] & 0x07;
	for (size_t k = 1; k < n; k++)
		cp = (cp << 6) | (u[k] & 0x3f);
	return xasprintf("\"%.*s\" (U+%04lX)", (int)n, (const char *)u, cp);
}

/* What was expected, for want and the byte c that came instead. */
static const char *expected(enum want want, char c)
{
	switch (want) {
	case W_TOP:
		return _("a JSON object ({)");
	case W_FIRST_ITEM:
		return _("a value or ]");
	case W_ITEM:
		if (c == ']')
			return _("a value (a list does not end with a comma)");
		/* fall through */
	case W_VALUE:
		return _("a value: an object, a list, text in double quotes, a number, true, "
			 "false or null");
	case W_FIRST_MEMBER:
		return _("a member name in double quotes, or }");
	case W_MEMBER:
		if (c == '}')
			return _("a member name in double quotes (an object does not end with a "
				 "comma)");
		return _("a member name in double quotes");
	case W_COLON:
		return _("a colon (:) after the member name");
	case W_LIST_NEXT:
		return _("a comma (,) or ]");
	case W_OBJECT_NEXT:
		return _("a comma (,) or }");
	case W_END:
		break;
	}
	return _("nothing more");
}

/* Something other than what want allows stands at S->i. */
static int unexpected(struct scan *S, enum want want)
{
	char *what = found(S, S->i), *m;

	if (want == W_END)
		m = xasprintf(_("found %s after the JSON text: expected nothing more"), what);
	else
		m = xasprintf(_("found %s: expected %s"), what, expected(want, S->text[S->i]));
	free(what);
	return fail(S, S->i, m);
}

/* The text ends where want is expected; `open` is the innermost object or
 * list still open, or (size_t)-1. */
static int ends_early(struct scan *S, enum want want, size_t open)
{
	size_t line, col;

	if (want == W_TOP)
		return fail(S, S->len,
			    xstrdup(_("the text is empty or only blanks: expected a JSON object "
				      "({)")));
	if (open == (size_t)-1)
		return fail(
		    S, S->len,
		    xasprintf(_("the JSON ends too early: expected %s"), expected(want, '\0')));
	jsonscan_position(S->text, open, &line, &col);
	return fail(S, S->len,
		    xasprintf(S->text[open] == '{'
				  ? _("the JSON ends too early: expected %s (the object that "
				      "opens at line %zu, column %zu is not closed)")
				  : _("the JSON ends too early: expected %s (the list that opens "
				      "at line %zu, column %zu is not closed)"),
			      expected(want, '\0'), line, col));
}

static int hex4(const char *s, unsigned *v)
{
	int k;

	*v = 0;
	for (k = 0; k < 4; k++) {
		char c = s[k];

		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	return 0;
}

/* A \u escape at S->i (the backslash). */
static int unicode_escape(struct scan *S)
{
	const char *e = S->text + S->i;
	size_t rest = S->len - S->i;
	unsigned v, low;

	if (rest < 6 || hex4(e + 2, &v) != 0) {
		size_t n = 2;

		while (n < rest && n < 6 && word_char((unsigned char)e[n]))
			n++;
		return fail(S, S->i,
			    xasprintf(_("%.*s is not a complete \\u escape: expected \\u and four "
					"hex digits, as in \\u00e9"),
				      (int)n, e));
	}
	if (v == 0) { /* kept, as JSON_NUL (jsonscan_for_cjson) */
		struct jsonscan *o = S->out;

		if (o->nnuls == S->nul_cap) {
			S->nul_cap = S->nul_cap ? 2 * S->nul_cap : 8;
			o->nuls = xrealloc(o->nuls, S->nul_cap * sizeof *o->nuls);
		}
		o->nuls[o->nnuls++] = S->i;
	}
	if (v >= 0xdc00 && v <= 0xdfff)
		return fail(S, S->i,
			    xasprintf(_("%.6s is a lone surrogate: expected a valid \\u escape, "
					"a low surrogate (\\udc00 to \\udfff) only right after a "
					"high one (\\ud800 to \\udbff), as in \\ud83d\\ude00"),
				      e));
	if (v >= 0xd800 && v <= 0xdbff) {
		if (rest < 12 || e[6] != '\\' || e[7] != 'u' || hex4(e + 8, &low) != 0 ||
		    low < 0xdc00 || low > 0xdfff)
			return fail(
			    S, S->i,
			    xasprintf(_("%.6s is a lone surrogate: expected a valid \\u "
					"escape, a high surrogate (\\ud800 to \\udbff) "
					"followed by a low one (\\udc00 to \\udfff), as in "
					"\\ud83d\\ude00"),
				      e));
		S->i += 12;
		return 0;
	}
	S->i += 6;
	return 0;
}

/* A backslash at S->i that starts no escape of JSON ("C:\Users"). */
static int bad_escape(struct scan *S)
{
	unsigned char e = (unsigned char)S->text[S->i + 1];
	char *what, *f;
	int r;

	if (e > 0x20 && e < 0x7f) {
		what = xasprintf("\\%c", e);
	} else {
		f = found(S, S->i + 1);
		what = xasprintf(_("a backslash before %s"), f);
		free(f);
	}
	r = fail(S, S->i,
		 xasprintf(_("%s is not a JSON escape: expected \\\\ for a backslash, or one of "
			     "\\\" \\/ \\b \\f \\n \\r \\t \\uXXXX"),
			   what));
	free(what);
	return r;
}

/* A string at S->i (its opening quote): a value or a member name. */
static int string(struct scan *S)
{
	size_t start = S->i, line, col;
	unsigned char c;

	for (S->i++; S->i < S->len; S->i++) {
		c = (unsigned char)S->text[S->i];
		if (c == '"') {
			S->i++;
			return 0;
		}
		if (c == '\\') {
			char e = S->i + 1 < S->len ? S->text[S->i + 1] : '\0';

			if (S->i + 1 == S->len)
				break;
			if (e == 'u') {
				if (unicode_escape(S) != 0)
					return -1;
				S->i--; /* the loop steps past the escape */
			} else if (e && strchr("\"\\/bfnrt", e)) {
				S->i++;
			} else {
				return bad_escape(S);
			}
		} else if (c == '\n' || c == '\r') {
			return fail(S, S->i,
				    xasprintf(_("a line break inside a string: expected a closing "
						"quote (\") before it, or it escaped as %s"),
					      c == '\n' ? "\\n" : "\\r"));
		} else if (c < 0x20) {
			static const char *const esc[0x20] = {
			    [0x08] = "\\b", [0x09] = "\\t", [0x0c] = "\\f"};
			char u[8];

			if (!esc[c])
				snprintf(u, sizeof u, "\\u%04x", c);
			return fail(S, S->i,
				    xasprintf(_("a control character (U+%04X) inside a string: "
						"expected it escaped as %s"),
					      c, esc[c] ? esc[c] : u));
		}
	}
	jsonscan_position(S->text, start, &line, &col);
	return fail(S, S->len,
		    xasprintf(_("the JSON ends inside the text that starts at line %zu, column "
				"%zu: expected a closing quote (\")"),
			      line, col));
}

static int is_digit(const struct scan *S, size_t i)
{
	return i < S->len && S->text[i] >= '0' && S->text[i] <= '9';
}

static void digits(struct scan *S)
{
	while (is_digit(S, S->i))
		S->i++;
}

/* A number at S->i (a digit or '-'). */
static int number(struct scan *S)
{
	size_t start = S->i, end;
	int frac = 0;

	if (S->text[S->i] == '-') {
		S->i++;
		if (S->i == S->len)
			return fail(
			    S, S->i,
			    xstrdup(_("the JSON ends too early: expected a digit after -")));
		if (!is_digit(S, S->i)) {
			char *what = found(S, S->i);
			int r = fail(S, S->i,
				     xasprintf(_("found %s after -: expected a digit"), what));

			free(what);
			return r;
		}
	}
	if (S->text[S->i] == '0' && is_digit(S, S->i + 1)) {
		size_t z = S->i;

		for (end = z;
		     end < S->len && strchr("0123456789.eE+-", S->text[end]) && S->text[end];
		     end++)
			;
		while (z + 1 < end && S->text[z] == '0' && is_digit(S, z + 1))
			z++;
		return fail(S, S->i,
			    xasprintf(_("the number %.*s has a leading zero: expected none "
					"before its digits (%s%.*s)"),
				      (int)(end - start), S->text + start,
				      S->text[start] == '-' ? "-" : "", (int)(end - z),
				      S->text + z));
	}
	digits(S);
	if (S->i < S->len && S->text[S->i] == '.') {
		S->i++;
		if (!is_digit(S, S->i))
			return fail(
			    S, S->i - 1,
			    xasprintf(_("the number %.*s ends in a decimal point: expected "
					"a digit after it"),
				      (int)(S->i - start), S->text + start));
		digits(S);
		frac = 1;
	}
	if (S->i < S->len && (S->text[S->i] == 'e' || S->text[S->i] == 'E')) {
		size_t e = S->i++;

		if (S->i < S->len && (S->text[S->i] == '+' || S->text[S->i] == '-'))
			S->i++;
		if (!is_digit(S, S->i))
			return fail(S, e,
				    xasprintf(_("the number %.*s has no digits in its exponent: "
						"expected digits after %c"),
					      (int)(S->i - start), S->text + start, S->text[e]));
		digits(S);
		frac = 1;
	}
	if (S->i - start > NUMBER_MAX)
		return fail(S, start,
			    xasprintf(_("the number %.20s... has %zu characters: expected at "
					"most %d"),
				      S->text + start, S->i - start, NUMBER_MAX));
	if (frac) {
		struct jsonscan *o = S->out;

		if (o->nfractional == S->cap) {
			S->cap = S->cap ? 2 * S->cap : 8;
			o->fractional = xrealloc(o->fractional, S->cap * sizeof *o->fractional);
		}
		o->fractional[o->nfractional].nth = S->numbers;
		o->fractional[o->nfractional].off = start;
		o->fractional[o->nfractional++].len = S->i - start;
	}
	S->numbers++;
	return 0;
}

/* true, false or null at S->i (a letter). */
static int literal(struct scan *S, enum want want)
{
	static const char *const words[] = {"true", "false", "null"};
	size_t n, k;
	char *what;
	int r;

	for (n = 1; S->i + n < S->len && word_char((unsigned char)S->text[S->i + n]); n++)
		;
	for (k = 0; k < 3; k++) {
		size_t wl = strlen(words[k]);

		if (n == wl && !memcmp(S->text + S->i, words[k], n)) {
			S->i += n;
			return 0;
		}
		/* "tru" where the text ends, or before a comma: a word cut short */
		if (n < wl && !memcmp(S->text + S->i, words[k], n)) {
			if (S->i + n == S->len)
				return fail(S, S->len,
					    xasprintf(_("the JSON ends too early: expected %s"),
						      words[k]));
			what = found(S, S->i);
			r = fail(S, S->i, xasprintf(_("found %s: expected %s"), what, words[k]));
			free(what);
			return r;
		}
	}
	return unexpected(S, want);
}

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int scan_text(struct scan *S)
{
	/* where each open object or list opens (8 KB) */
	size_t open[CJSON_NESTING_LIMIT];
	size_t depth = 0;
	enum want want = W_TOP;
	char c;

	for (;;) {
		while (S->i < S->len && blank(S->text[S->i]))
			S->i++;
		if (S->i == S->len)
			return want == W_END
				   ? 0
				   : ends_early(S, want, depth ? open[depth - 1] : (size_t)-1);
		c = S->text[S->i];
		switch (want) {
		case W_END:
			return unexpected(S, want);
		case W_COLON:
			if (c != ':')
				return unexpected(S, want);
			S->i++;
			want = W_VALUE;
			continue;
		case W_LIST_NEXT:
		case W_OBJECT_NEXT:
			if (c == ',') {
				S->i++;
				want = want == W_LIST_NEXT ? W_ITEM : W_MEMBER;
				continue;
			}
			if (c != (want == W_LIST_NEXT ? ']' : '}'))
				return unexpected(S, want);
			break; /* closes it, below */
		case W_FIRST_MEMBER:
		case W_MEMBER:
			if (c == '}' && want == W_FIRST_MEMBER)
				break;
			if (c != '"')
				return unexpected(S, want);
			if (string(S) != 0)
				return -1;
			want = W_COLON;
			continue;
		case W_TOP:
		case W_VALUE:
		case W_FIRST_ITEM:
		case W_ITEM:
			if (c == ']' && want == W_FIRST_ITEM)
				break;
			if (c == '{' || c == '[') {
				if (depth == CJSON_NESTING_LIMIT)
					return fail(S, S->i,
						    xasprintf(_("the JSON is nested too deeply: "
								"expected at most %d levels of "
								"objects and lists"),
							      CJSON_NESTING_LIMIT));
				open[depth++] = S->i++;
				want = c == '{' ? W_FIRST_MEMBER : W_FIRST_ITEM;
				continue;
			}
			if (c == '"') {
				if (string(S) != 0)
					return -1;
			} else if (c == '-' || (c >= '0' && c <= '9')) {
				if (number(S) != 0)
					return -1;
			} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
				if (literal(S, want) != 0)
					return -1;
			} else {
				return unexpected(S, want);
			}
			goto after_value;
		}
		/* a closing bracket */
		S->i++;
		depth--;
	after_value:
		want = !depth                            ? W_END
		       : S->text[open[depth - 1]] == '{' ? W_OBJECT_NEXT
							 : W_LIST_NEXT;
	}
}

int jsonscan_check(const char *text, size_t len, struct jsonscan *out, char **cause)
{
	struct scan S = {text, len, 0, 0, out, 0, 0, cause};

	memset(out, 0, sizeof *out);
	if (scan_text(&S) != 0) {
		jsonscan_release(out);
		return -1;
	}
	return 0;
}

void jsonscan_release(struct jsonscan *s)
{
	free(s->fractional);
	s->fractional = NULL;
	s->nfractional = 0;
	free(s->nuls);
	s->nuls = NULL;
	s->nnuls = 0;
}

char *jsonscan_for_cjson(const char *text, size_t len, const struct jsonscan *s, size_t *out_len)
{
	char *out, *o;
	size_t i = 0, k = 0;

	if (!s->nnuls && !memchr(text, 0xc0, len))
		return NULL;
	o = out = xmalloc(len + 1);
	while (i < len) {
		if (k < s->nnuls && i == s->nuls[k]) { /* \u0000, six characters */
			memcpy(o, JSON_NUL, 2);
			o += 2;
			i += 6;
			k++;
		} else {
			/* a 0xc0 of the file's is no UTF-8 whatever follows: 0xc1
			 * is none either, and cannot be taken for JSON_NUL */
			*o++ = (unsigned char)text[i] == 0xc0 ? (char)0xc1 : text[i];
			i++;
		}
	}
	*o = '\0';
	*out_len = (size_t)(o - out);
	return out;
}
