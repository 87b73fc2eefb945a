/* diff.h: what an update would change: two configurations compared member
 * by member (added, removed, changed old -> new), secrets masked.
 *
 * Owner: the form layer. A struct diff owns its entries and their strings;
 * free it with diff_clear. Every text in an entry is safe for a terminal
 * (printable_text). Nothing here prints. */
#ifndef ACW_DIFF_H
#define ACW_DIFF_H

#include <stddef.h>

struct document;
struct formdef;
struct getmap;
struct upform;

enum diff_kind { DIFF_ADDED, DIFF_REMOVED, DIFF_CHANGED };

struct diff_entry {
	enum diff_kind kind;
	/* where: "environmentVariables.LOG_LEVEL",
	 * "networkConfiguration.networkModeConfig.subnets[1]" (map entries by
	 * key, list items by index); formdef_lookup finds its field */
	char *path;
	char *member; /* the top-level member it belongs to ("environmentVariables") */
	/* the values as compact JSON ("\"debug\"", "900", "[\"a\"]"); old_text is
	 * NULL for DIFF_ADDED, new_text for DIFF_REMOVED; "********" for a secret */
	char *old_text, *new_text;
	int secret; /* the values are masked */
};

struct diff {
	struct diff_entry *v;
	size_t n, cap;
};
void diff_clear(struct diff *d);

/* Append to out what changes from old to new as they would be sent (what
 * document_to_json writes: empty groups, lists and maps are nothing);
 * either may be NULL (nothing set). Members are compared in the order old
 * holds them, then the ones only new has. */
void diff_documents(const struct formdef *def, const struct document *old,
		    const struct document *new, struct diff *out);

/* The same for two update forms as upform_to_json writes them: the id, the
 * members of the forms and those outside them (metadataConfiguration). */
void diff_upforms(const struct getmap *m, const struct formdef *def, const struct upform *old,
		  const struct upform *new, struct diff *out);

/* Whether the value at path is a secret that must never be shown: the
 * value of an environment variable whose name secret_name (secret.h) takes
 * (KEY, SECRET, TOKEN, PASSWORD or CREDENTIAL, any case), or a member of
 * the authorizer whose name contains "secret". path as in diff_entry. */
int diff_secret(const char *path);

#endif
