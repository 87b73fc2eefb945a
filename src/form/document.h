/* document.h: the request being edited: one tree for every front end.
 *
 * Owner: the core. The document holds only members that are set, in the shape
 * of the CreateAgentRuntime request. Paths name values: members separated by
 * '.', list items and map entries by [N] (0-based), e.g.
 * "networkConfiguration.networkModeConfig.subnets[1]" or "tags[0]" (the value
 * of the first tag; its key is document_key(doc, "tags", 0)).
 * Setting a value creates the groups above it; setting item [count] appends.
 * Every change increments the generation (autosave and redraws watch it).
 * Map keys may repeat while the user edits; the validator reports duplicates. */
#ifndef ACW_DOCUMENT_H
#define ACW_DOCUMENT_H

#include <stddef.h>

struct fnode;
struct formdef;

enum dtype { DT_NONE, DT_TEXT, DT_NUMBER, DT_BOOL, DT_LIST, DT_OBJECT, DT_NULL };

struct document;

struct document *document_new(void);
/* A new document for a new, empty form: the members whose definition has
 * an `initial` value (fnode.initial) hold it, those with a `when` rule only
 * when it applies. Its generation is 0, as document_new's: those values are
 * where the form starts, not changes. Caller frees. (A form file that is
 * loaded keeps exactly what it holds: this is not for that.) */
struct document *document_new_form(const struct formdef *def);
void document_free(struct document *doc);
/* A deep copy (caller frees). */
struct document *document_copy(const struct document *doc);

unsigned long document_generation(const struct document *doc);
/* The generation at which the top-level member `name` (the first step of the
 * paths that change it) last changed; a change at the top level itself (the
 * members' order) counts for every member. 0 when it has not changed since
 * the document was made; a copy counts as changed everywhere. For callers
 * that keep work per member: the wizard validates only what changed. */
unsigned long document_member_generation(const struct document *doc, const char *name);
/* Which entries of the list or map at path changed since generation since:
 * 0 when every change since then at or above or inside path set one of its
 * entries in place (a value, or a map key) or appended one; their indexes,
 * in the order of the changes (repeats possible), in idx[0..*n), at most
 * max. -1 when anything else changed there (an entry removed or moved, the
 * list replaced, a value inside an entry), when more than max did, or when
 * since is too long ago (the document keeps its last 32 changes; a copy
 * none). For callers that keep work per entry (validate_walk.c). */
int document_entries_changed(const struct document *doc, const char *path, unsigned long since,
			     size_t *idx, size_t max, size_t *n);

enum dtype document_type(const struct document *doc, const char *path);
/* Borrowed; NULL when unset or not text. Valid until the next change. */
const char *document_text(const struct document *doc, const char *path);
/* 0 and *out set when the value is a number / boolean; -1 otherwise. */
int document_number(const struct document *doc, const char *path, long long *out);
int document_bool(const struct document *doc, const char *path, int *out);
/* Items of a list, members of a group or entries of a map; 0 when unset. */
size_t document_count(const struct document *doc, const char *path);
/* Key of entry idx of the map (or group) at path; borrowed; NULL past the end. */
const char *document_key(const struct document *doc, const char *path, size_t idx);
int document_is_set(const struct document *doc, const char *path);
/* The map (or group) at path: 1 + the index of the first entry other than
 * entry skip whose key is key; 0 when no other entry has it. */
size_t document_key_index(const struct document *doc, const char *path, const char *key,
			  size_t skip);

/* Setters return 0, or -1 when the path cannot be made (an index past the end
 * of a list, a scalar in the way). */
int document_set_text(struct document *doc, const char *path, const char *text);
int document_set_number(struct document *doc, const char *path, long long v);
int document_set_bool(struct document *doc, const char *path, int v);
/* Make path an empty group (one-of branch chosen, nothing filled yet). */
int document_set_group(struct document *doc, const char *path);
/* Remove the value (and, for a list item, close the gap). Unset is not an error. */
int document_remove(struct document *doc, const char *path);
/* Move list item or map entry `from` to position `to` in the list/map at path. */
int document_move(struct document *doc, const char *path, size_t from, size_t to);
/* Map at path: set the key of entry idx (idx == count adds an entry with value ""). */
int document_map_set_key(struct document *doc, const char *path, size_t idx, const char *key);
/* Map at path: add an entry at the end. */
int document_map_add(struct document *doc, const char *path, const char *key, const char *value);
/* One-of at path: keep only `branch` (one of the one-of's children), drop
 * the others. An unset branch is created empty, as its kind needs: {} for a
 * group, one-of or map, [] for a list or sublist, "" for a scalar. */
int document_choose_branch(struct document *doc, const char *path, const struct fnode *branch);
/* Whether member n (at document path) applies: it has no `when` rule, or
 * its sibling member named there holds one of the rule's values. */
int document_when_applies(const struct document *doc, const struct fnode *n, const char *path);
/* The member name of the branch set in the one-of at path, or NULL (borrowed). */
const char *document_branch(const struct document *doc, const char *path);

/* A deep copy of the value at path as a document of its own (its root is
 * that value, of any type), or NULL when unset. Caller frees. */
struct document *document_extract(const struct document *doc, const char *path);
/* Put a copy of value's root at path, replacing what is there (as the
 * setters do; -1 when the path cannot be made). */
int document_graft(struct document *doc, const char *path, const struct document *value);
/* Non-zero when both hold the same values in the same order (generations
 * are not compared). */
int document_equal(const struct document *a, const struct document *b);
/* The same answer when b is a copy of a made at a's generation gen, found
 * faster: the top-level members of a that have not changed since gen are
 * not compared (the wizard's "(changed)" on every keystroke). */
int document_equal_since(const struct document *a, const struct document *b, unsigned long gen);

/* Serialise the set members in form order (the request body, or a saved form).
 * pretty: indented with a final newline, as saved files are. Caller frees. */
char *document_to_json(const struct document *doc, const struct formdef *def, int pretty);

/* As document_to_json, but each top-level map of at least least entries
 * (0: none), none of them a list or a group, holds one entry instead:
 * DOCUMENT_ELIDED: "", a line of its own when pretty. For a viewer that
 * shows the entries as they are drawn (document_entry_json). Caller frees. */
#define DOCUMENT_ELIDED "\001"
char *document_to_json_elided(const struct document *doc, const struct formdef *def, int pretty,
			      size_t least);
/* Entry idx of the map at path as one line of pretty JSON writes it,
 * "key": value, without indent or comma ("" when there is none). A list or
 * group value spans lines: not for those. Caller frees. */
char *document_entry_json(const struct document *doc, const char *path, size_t idx);

/* The request body to send: document_to_json (compact) plus clientToken when
 * the document has none. Caller frees. */
char *document_request_body(const struct document *doc, const struct formdef *def,
			    const char *client_token);

/* For the core only: caches kept with the document, one of each kind,
 * owned by it from document_cache_keep on and freed with release when the
 * document is freed or another of the kind is kept (a copy has none). NULL
 * when none is kept. The cache's keeper checks that it is still right
 * (document_generation, document_entries_changed). */
enum doc_cache {
	DOC_CACHE_VALIDATE, /* validate_memo.c: large maps' entries checked */
	DOC_CACHES
};
void *document_cache(const struct document *doc, enum doc_cache which);
void document_cache_keep(const struct document *doc, enum doc_cache which, void *cache,
			 void (*release)(void *));

/* For the core only (formfile.c, validate_*.c): the underlying cJSON tree.
 * Front ends must not use it. */
void *document_json(const struct document *doc);
struct document *document_adopt_json(void *json);

#endif
