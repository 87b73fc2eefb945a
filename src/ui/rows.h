/* rows.h: one section of the form, flattened into rows for a front end.
 *
 * Owner: src/ui. The rows are rebuilt from the form definition and the
 * document after every change (the model holds all state; rows hold none):
 * the curses screen and the --plain prompts walk the same rows. No curses here.
 * A struct rows owns its rows' paths and labels (kept in chunks of its own,
 * freed together: rows share them, and none is freed alone); free with
 * rows_release. */
#ifndef ACW_UI_ROWS_H
#define ACW_UI_ROWS_H

#include <stddef.h>

#include "form/validate.h"

struct document;
struct fnode;
struct formdef;

enum row_kind {
	RK_HEADER, /* a group, list, map or sublist title; not editable */
	RK_VALUE,  /* a scalar member or list item: text, integer, choice, boolean */
	RK_BRANCH, /* a one-of: which branch is set */
	RK_MAPKEY, /* key of map entry `index` */
	RK_MAPVAL, /* value of map entry `index` */
	RK_ENTRY,  /* title of sublist entry `index` (delete/move act on it) */
	RK_ADD,    /* add an item to the list, map or sublist `owner` */
	RK_FOLDED, /* advanced members hidden; `index` says how many */
};

struct row {
	enum row_kind kind;
	int depth;
	const struct fnode *node;  /* the value's node (a map's key/value node for entries) */
	const struct fnode *owner; /* list/map/sublist holding an item, entry or add row */
	char *path;                /* document path of the value (owner's path for RK_ADD) */
	char *owner_path;          /* document path of owner, or NULL */
	char *label;               /* translated label */
	size_t index;              /* item/entry index within owner */
};

struct rows_chunk;
struct rows_span;

struct rows {
	struct row *v; /* built with ROWS_LAZY: read them with rows_at */
	size_t n, cap;
	struct rows_chunk *chunks; /* the rows' strings */
	struct rows_span *spans;   /* ROWS_LAZY: lists' and maps' items made when asked for */
	size_t nspans;
};

/* Flags of rows_build: ROWS_ADVANCED unfolds advanced members (set ones are
 * always shown); ROWS_COLLAPSE shows each sublist entry as one RK_ENTRY row
 * (the curses wizard opens it as its own screen) instead of expanding it. */
#define ROWS_ADVANCED 1
#define ROWS_COLLAPSE 2
/* ROWS_ITEMS: of each list or map, the rows of its first ROWS_ITEMS_MAX + 1
 * items only (the review lists ROWS_ITEMS_MAX and says how many more: a
 * file may hold 60,000 tags) */
#define ROWS_ITEMS     4
#define ROWS_ITEMS_MAX 100
/* ROWS_LAZY: the rows of a list's or map's items (not a sublist's entries)
 * are counted but made only when rows_at first asks for them: the screen of
 * a map of 60,000 tags makes the rows it draws, not 120,000. */
#define ROWS_LAZY 8

/* Flatten section `section` of def for doc. Appends to out. */
void rows_build(const struct formdef *def, const struct document *doc, size_t section, int flags,
		struct rows *out);
/* Flatten one sublist entry (node is the sublist's item, path its document
 * path, e.g. "filesystemConfigurations[1]"). Appends to out. */
void rows_build_entry(const struct formdef *def, const struct document *doc,
		      const struct fnode *node, const char *path, int flags, struct rows *out);
void rows_release(struct rows *r);

/* Row i (< r->n), made now if it was left to be made (ROWS_LAZY). The rows
 * are the caller's to read; a row made here is kept (r is not changed in
 * any other way). */
struct row *rows_at(const struct rows *r, size_t i);
/* The index of the first row that is at path, of kind (-1: any kind but
 * RK_ADD), making none; (size_t)-1 when none is. */
size_t rows_find(const struct rows *r, const char *path, int kind);
/* The index of the row whose path is the longest that ref begins with (the
 * field of a problem at ref, or the list holding it); an add row only when
 * no other has that path. (size_t)-1 when none. Makes none. */
size_t rows_closest(const struct rows *r, const char *ref);
/* When row i is one of the items of a list or map left to rows_at, and
 * another item follows it (whose label is the same but for a higher number:
 * as wide or wider), the first row of the last item; else i. Makes none. */
size_t rows_items_last(const struct rows *r, size_t i);

/* Whether the user can change the row (not a header or fold note). */
int row_editable(const struct row *r);
/* Whether the row is edited as text (text, integer, map key/value). */
int row_is_text(const struct row *r);

/* The row's current value for display and editing (caller frees; "" when
 * unset). Sensitive map values are returned as they are: masking is the
 * caller's business. */
char *row_value(const struct row *r, const struct document *doc);

/* Live check of the row's value (or of `text`, when not NULL) with
 * validate_scalar, and for a map key that no other entry has it; *msg
 * (caller frees) as validate_scalar gives it, without the path: it is
 * shown with the field. */
enum vstate row_check(const struct row *r, const struct document *doc, const char *text,
		      char **msg);

/* Store text typed into a text row: trimmed; empty removes a scalar member
 * (list items, map entries and one-of branches stay, empty). Integers that
 * do not parse are left out of the document (items and branches keep them
 * as text, for the validator to name). A map key that another entry of the
 * map has is not stored (the map keeps its key until the text differs).
 * Returns 0; 1 when a map key was not stored for that reason; -1 when the
 * document refused. */
int row_store_text(const struct row *r, struct document *doc, const char *text);

/* Step a choice, boolean or branch row to its next (dir > 0) or previous
 * value; unset is one of the steps when the member is optional. */
void row_cycle(const struct row *r, struct document *doc, int dir);

/* Set a choice/branch row to value (NULL unsets). Choosing another branch
 * drops the other branch's values; a choice drops the members its `when`
 * rules hide. */
void row_choose(const struct row *r, struct document *doc, const char *value);

/* Values a choice switched away from, kept (for the session) so that
 * switching back restores them: the branch a one-of left, the members a
 * `when` rule hid. Owned by the caller: start it zeroed, free it with
 * rows_keep_release. */
struct rows_keep {
	char **paths;
	struct document **values;
	size_t n;
};

/* row_choose and row_cycle that keep what they drop in keep, and put back
 * what keep holds for a branch or member that comes back. */
void row_choose_keep(const struct row *r, struct document *doc, const char *value,
		     struct rows_keep *keep);
void row_cycle_keep(const struct row *r, struct document *doc, int dir, struct rows_keep *keep);
/* Forget what is kept under path (its list items were deleted or moved, so
 * the indexes no longer name the same entries). */
void rows_keep_forget(struct rows_keep *k, const char *path);
void rows_keep_release(struct rows_keep *k);

/* Whether a choice, boolean or branch row can be set to "(not set)": the
 * member is optional, or required only by a group the form may leave out
 * (Network mode: unsetting it leaves networkConfiguration out). */
int row_can_unset(const struct row *r);

/* The choices of a choice/boolean/branch row, NULL-terminated, borrowed
 * except the array itself (caller frees the array). First entry is NULL-
 * equivalent "" for unset when optional. */
const char **row_choices(const struct row *r, size_t *n);

/* Add an item to the list/map/sublist of an RK_ADD row. Returns the new
 * item's index. */
size_t row_add_item(const struct row *r, struct document *doc);

/* The document as pretty JSON for display (caller frees), with the values of
 * sensitive maps (environment variables) replaced by "********". */
char *rows_display_json(const struct formdef *def, const struct document *doc);

/* Whether the row is an item or entry that can be deleted or moved. */
int row_is_item(const struct row *r);

/* What value v of a choice, boolean or branch row is called on screen: a
 * branch's label, yes/no, "(not set)" for ""; a choice's value is its own
 * name. Borrowed (from the form definition or the catalogue). */
const char *row_choice_label(const struct row *r, const char *v);

/* A problem as the front ends list it: "Label: message", naming the field
 * (unless the message names it already), a map's value by its entry
 * ("Environment variables LOG_LEVEL: message"); *section gets the field's
 * section, or -1. Caller frees. */
char *row_problem_text(const struct formdef *def, const struct problem *p, int *section);

/* A secret value as shown: asterisks, or "" when empty (borrowed). */
const char *row_mask(const char *s);

#endif
