/* validate_local.h: what the parts of the validator share; not for other modules.
 *
 * Owner: src/form/validate*.c only (validate.h is the public API). The parts:
 *   validate_message.c problems, and the words of messages: paths, quoted values,
 *                     what a valid value looks like, unknown members
 *   validate_value.c  one scalar against its field: lengths, patterns, ranges,
 *                     allowed values
 *   validate_walk.c   the walk over a whole document: groups, one-ofs, lists,
 *                     maps; sets of names; the entry points
 *   validate_rules.c  the rules across fields
 * Every function returning char * returns a string the caller frees; a
 * message (char *msg) passed to a walk_add* function is taken over by it. */
#ifndef ACW_VALIDATE_LOCAL_H
#define ACW_VALIDATE_LOCAL_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdint.h>

#include "base/util.h"
#include "form/validate.h"

struct fnode;
struct formdef;

/* Names in the rules' messages (scopes, header names, mount paths) are at
 * most 256 characters when valid: shown whole. */
#define NAME_MAX_SHOWN 256

/* The largest whole number a JSON file may hold here (fnode_accepts). */
#define WHOLE_LIMIT 9000000000000000LL

/* ASCII letters in lower case, other bytes as they are. */
static inline int validate_fold(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

/* ---- messages (validate_message.c) ---- */

/* Append s[0..n) with quotes, backslashes, control characters and bytes that
 * are not UTF-8 escaped. */
void validate_escape(struct strbuf *b, const char *s, size_t n);
/* A value quoted for a message: at most `max` characters, escaped. */
char *validate_quote(const char *text, size_t max);
/* The value of f as shown in a message: quoted, or "the value" for secrets. */
char *validate_show(const struct fnode *f, const char *text);
/* Bytes of the character at s[0..n): a JSON_NUL is one character of two. */
size_t validate_char_len(const char *s, size_t n);
/* As validate_show, the excerpt cut so that it holds the character at byte
 * `at` of text; *ch (caller frees) that character quoted, or NULL for a
 * secret, whose characters are never shown. Returns a new string. */
char *validate_show_at(const struct fnode *f, const char *text, size_t at, char **ch);
/* Append "[i]" to a path. */
void validate_path_index(struct strbuf *b, size_t i);
void validate_int_bounds(const struct fnode *f, long long *lo, long long *hi);
/* Append item number i of n to a list in words: "a, b or c". */
void validate_add_or(struct strbuf *b, size_t i, size_t n, const char *item);
/* f's allowed values in words. */
char *validate_values_list(const struct fnode *f);
/* Some of f's members (by name; all of them when names is NULL). */
char *validate_members_list(const struct fnode *f, const char *const *names, size_t n);
/* The branches of a one-of: "a (x), b (y) or c (z)". */
char *validate_branch_list(const struct fnode *f);
/* What a valid value of f looks like, for messages. */
char *validate_expectation(const struct fnode *f);

/* ---- one value (validate_value.c) ---- */

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

/* Check a text, a choice, a whole number: the state, and *msg (caller
 * frees) when not valid. live: a valid prefix is VS_INCOMPLETE. cs: the
 * walk's classes, or NULL. */
enum vstate validate_check_text(const struct fnode *f, const char *text, int live, char **msg,
				struct classes *cs);
enum vstate validate_check_choice(const struct fnode *f, const char *text, int live, char **msg);
enum vstate validate_check_integer(const struct fnode *f, long long v, int live, char **msg);

/* ---- the walk (validate_walk.c) ---- */

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

/* Empty the set, made for n strings. */
void seen_reset(struct seen *t, size_t n, int fold);
/* Add s[0..len) as entry idx. Returns the entry of an equal string added
 * before, or (size_t)-1 when s is new. */
size_t seen_add(struct seen *t, const char *s, size_t len, size_t idx);
/* Is s[0..len) in the set? */
int seen_has(const struct seen *t, const char *s, size_t len);

struct walk {
	const struct formdef *def;
	struct problems *out;
	const struct document *doc; /* root is its tree */
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

struct mark walk_here(const struct walk *w);
void walk_back(struct walk *w, struct mark m);
void walk_down_member(struct walk *w, const char *name);
void walk_down_item(struct walk *w, size_t i);
void walk_down_entry(struct walk *w, const char *key, size_t i);
/* Problems, at a path or where the walk is; msg is taken over. */
void walk_add_at(struct walk *w, enum vstate st, const char *path, const char *ref, char *msg);
void walk_add(struct walk *w, enum vstate st, char *msg);
/* Something is missing, unless the reader explained why already. */
void walk_add_missing_at(struct walk *w, enum vstate st, const char *path, const char *ref,
			 char *msg);
void walk_add_missing(struct walk *w, enum vstate st, char *msg);
/* Is there a problem of the reader's at path or inside it? */
int walk_explained(struct walk *w, const char *path);

/* What is wrong with scalar v of node f (strict), or NULL; caller frees. */
char *validate_scalar_problem(const struct fnode *f, const cJSON *v, struct classes *cs);

/* ---- a large map's memo (validate_memo.c) ---- */

/* Whether no entry of map v (node f, n entries, at w->ref) has a problem
 * of its own and no key repeats: known without a walk of the entries when
 * a memo of them, kept with the document, is brought up to date by the
 * changes since. 0 also for a small map (walk it). */
int validate_map_clean(struct walk *w, const struct fnode *f, const cJSON *v, size_t n);

/* ---- rules across fields (validate_rules.c) ---- */

/* Every rule across fields. */
void validate_rules(struct walk *w);

#endif
