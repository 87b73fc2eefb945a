/* template.h: templates, the way a team hands a newcomer a form.
 *
 * Owner: the core. A template (docs/template-format.md) is one JSON file: a
 * title and a paragraph, a form in --cli-input-json shape holding the team's
 * values, and per member path a rule: locked (read-only, with the team's
 * reason), default (prefilled, editable), yours (the newcomer fills it, with
 * the team's hint, example and optionally a narrower pattern) or hidden;
 * and whole sections hidden. It is read with the strict reader and the size
 * limit of forms; every path is checked against the form definition.
 *
 * Memory: a struct template owns everything it points to; template_free
 * releases it. Strings returned by the queries are borrowed from the
 * template and live as long as it. Documents returned are the caller's.
 * A template keeps no pointer to the formdef it was checked with, but every
 * function taking one expects the same formdef throughout.
 *
 * Paths here are the form's member paths as problems print them: members
 * joined by '.', a map's key as ".KEY" (or ["K.E Y"] when it is not
 * letters, digits, _ and -), every item of a list as "[]":
 * "networkConfiguration", "environmentVariables.API_KEY",
 * "filesystemConfigurations[].sessionStorage.mountPath". The queries take
 * document paths too ("filesystemConfigurations[0]...", a map entry as
 * "environmentVariables[2]") and find the rule that covers them. */
#ifndef ACW_TEMPLATE_H
#define ACW_TEMPLATE_H

#include <stddef.h>

#include "form/formkind.h" /* TEMPLATE_MARKER, TEMPLATE_VERSION */
#include "form/validate.h"

struct formdef;
struct document;

enum tmode {
	TM_NONE = 0, /* the template says nothing: an ordinary field */
	TM_LOCKED,   /* shown read-only, with the note as the reason */
	TM_DEFAULT,  /* prefilled with the template's value, editable */
	TM_YOURS,    /* the newcomer fills it in */
	TM_HIDDEN,   /* never shown; its value (if any) is kept */
};

/* One entry of "fields". */
struct tfield {
	char *path; /* as written in the file (see above) */
	enum tmode mode;
	char *note;    /* locked: the reason; yours: the hint; default: why; or NULL */
	char *example; /* yours/default: an example value, or NULL */
	char *pattern; /* yours/default, text only: a narrower pattern, or NULL */
	char *expect;  /* with a pattern: what it wants, in words */
	void *re;      /* the compiled pattern (pcre2_code *), owned */
};

/* A value the template writer took out: its path, and whether it was taken
 * out because its name looks secret (secret.h) rather than marked yours. */
struct tremoved {
	char *path;
	int secret;
};

struct template
{
	char *file;        /* where it was read from, or NULL */
	char *title;       /* one line */
	char *description; /* a paragraph for the start screen, or NULL */
	int version;
	struct document *form; /* the team's values; never NULL */
	struct tfield *fields;
	size_t nfields;
	char **hidden_sections; /* section ids */
	size_t nhidden;
	struct tremoved *removed; /* filled by template_strip */
	size_t nremoved;
};

/* ---- reading and checking (template.c) ---- */

/* Parse and check a template's text (not necessarily NUL-terminated).
 * Returns 0 and *out (caller frees with template_free) with every problem
 * appended to probs (paths as "fields[\"roleArn\"]", "form.roleArn",
 * "hiddenSections[1]"); an entry with a problem is left out of the
 * template. Returns -1 with *cause (caller frees) and *out NULL when the
 * text is not JSON ("line 3, column 14: ...") or its top level is not an
 * object with the marker. translate: take title, description and notes
 * through gettext (the bundled templates). */
int template_parse(const char *text, size_t len, const struct formdef *def, int translate,
		   struct template **out, struct problems *probs, char **cause);

/* Read a file (at most UTIL_FORM_FILE_MAX bytes) and parse it; -1 with
 * *cause as template_parse, and for a file that cannot be read. */
int template_load(const char *file, const struct formdef *def, int translate,
		  struct template **out, struct problems *probs, char **cause);

/* For `validate`: when file holds a template (its top level has the marker),
 * check it and return 0 with its problems in probs (empty on entry), or -1
 * with *cause (unreadable, not JSON: exit 2 as for forms). Returns 1, with
 * nothing read into probs, when file is not a template (a form, or
 * anything else: the form reader judges it), and for "-" (standard input
 * is read as a form). */
int template_check_file(const char *file, const struct formdef *def, struct problems *probs,
			char **cause);

/* Non-zero when the text is a JSON object whose top level has the marker
 * (a cheap look for callers choosing a reader; nothing is checked). */
int template_text_is_template(const char *text, size_t len);

void template_free(struct template *t);

/* ---- queries, for the wizard and `new` (template.c) ---- */

/* The rule that covers a path (template or document path: see above): the
 * entry whose path is the longest that is the path itself or above it.
 * NULL when none does (an ordinary field). doc is needed only for a
 * document path naming a map entry by index (environmentVariables[2]). */
const struct tfield *template_rule(const struct template *t, const struct formdef *def,
				   const struct document *doc, const char *path);
/* The team's hint for a yours or default field f (its note, then its
 * example), or NULL when it has none or f is NULL; the caller frees. Shared
 * by the wizard's hint line and --plain. */
char *template_hint(const struct tfield *f);
/* template_rule's mode, TM_NONE when none; a member of a hidden section is
 * TM_HIDDEN. */
enum tmode template_mode(const struct template *t, const struct formdef *def,
			 const struct document *doc, const char *path);
/* Non-zero when the section with this id is hidden. */
int template_section_hidden(const struct template *t, const char *section_id);

/* Non-zero when a locked entry is at path, above it or below it: a key
 * that would change or remove what is there (choosing another branch of a
 * one-of, deleting a list, clearing a group) is refused, with the reason
 * template_rule gives for the locked path. */
int template_locked_within(const struct template *t, const struct formdef *def,
			   const struct document *doc, const char *path);

/* Non-zero when path is a map's entry (environmentVariables[0], or
 * environmentVariables.API_KEY) that the template names, itself or a member
 * below it: its key is the team's, so it is neither renamed nor deleted,
 * while its value follows the entry's rule (yours: the newcomer fills it). */
int template_names_entry(const struct template *t, const struct formdef *def,
			 const struct document *doc, const char *path);

/* The yours entry that comes first in the form's order (where the wizard's
 * cursor starts), or NULL when none is yours. */
const struct tfield *template_first_yours(const struct template *t, const struct formdef *def);

/* An ordinary document to start editing from: a copy of the template's form,
 * with the form definition's initial values where the template sets nothing
 * and does not lock or hide, and each yours map entry present with an empty
 * value (so the newcomer sees its name). No trace of the template.
 * Caller frees. */
struct document *template_start(const struct template *t, const struct formdef *def);

/* The yours entries, in the file's order (for "3 of 5 fields yours to fill"
 * and for moving the cursor to the first one): *filled counts those that
 * doc sets to something (a text not empty). Returns the total. */
size_t template_yours_count(const struct template *t, const struct formdef *def,
			    const struct document *doc, size_t *filled);

/* A value typed into the field at path, against the rule's narrower pattern
 * (the API's own rules are validate_scalar's): VS_VALID, or VS_INVALID with
 * *msg (caller frees): "does not match the team's rule: expected names that
 * start with team_". VS_VALID when no pattern covers the path or text is
 * empty. */
enum vstate template_check_value(const struct template *t, const struct formdef *def,
				 const struct document *doc, const char *path, const char *text,
				 char **msg);

/* A whole document made from the template, before it is saved or sent:
 * a locked value changed ("is locked by the template: <reason>"), a yours
 * field still empty, a value against a narrower pattern. Appends to out;
 * returns the worst state appended. */
enum vstate template_check_document(const struct template *t, const struct formdef *def,
				    const struct document *doc, struct problems *out);

/* ---- making and writing (template_write.c) ---- */

/* A new template holding a copy of doc, with first choices marked: role,
 * network and authorizer locked (those the form sets), the runtime's name
 * and its image (or code location) yours. Title "Untitled template".
 * Nothing is removed yet: template_strip does that. Caller frees. */
struct template *template_from_document(const struct document *doc, const struct formdef *def);

/* Mark path (a template path, see above) with mode; note, when not NULL,
 * replaces the entry's note. Marking TM_NONE removes the entry. Returns 0,
 * or -1 with *cause (caller frees) when the path names no member. */
int template_mark(struct template *t, const struct formdef *def, const char *path, enum tmode mode,
		  const char *note, char **cause);
/* Hide the section with this id; -1 with *cause when there is none (or it
 * is the review). */
int template_hide_section(struct template *t, const struct formdef *def, const char *id,
			  char **cause);
void template_set_title(struct template *t, const char *title, const char *description);
/* Show the section with this id again (nothing when it is not hidden). */
void template_show_section(struct template *t, const char *id);

/* The template path of document path docpath in doc ("environmentVariables[2]"
 * -> "environmentVariables.API_KEY", "l[0].c" -> "l[].c"), or NULL when it
 * names no member. Caller frees. */
char *template_path_of(const struct formdef *def, const struct document *doc, const char *docpath);
/* Non-zero when template path outer is inner or above it. */
int template_path_covers(const char *outer, const char *inner);

/* The written text read back as the wizard will read it: its problems
 * appended to probs (none for a template made from a form without load
 * problems; a choice the reader refuses otherwise). template_strip first.
 * Returns the number appended. */
size_t template_verify(struct template *t, const struct formdef *def, struct problems *probs);

/* Secrets never travel: make every value whose name looks secret (secret.h)
 * yours, then take out of the form every value that is yours; each value
 * taken out is recorded in t->removed (its path, and whether it looked
 * secret) for the writer to say. A yours field whose value was not secret
 * keeps it as the entry's example when it has none. Idempotent. */
void template_strip(struct template *t, const struct formdef *def);

/* The file's text: four-space indent, "key": value, the form's members in
 * the model's order, a final newline. template_strip first. Caller frees. */
char *template_to_json(struct template *t, const struct formdef *def);
/* template_to_json written atomically, mode 0644 (a template holds no
 * secret: it is made to be shared). -1 with *cause. */
int template_save(struct template *t, const struct formdef *def, const char *file, char **cause);

/* ---- finding (template_find.c) ---- */

struct tfound {
	char *name;  /* file name without .json */
	char *file;  /* full path */
	char *title; /* NULL when the file could not be read as a template */
	char *description;
	int bundled;      /* from the installed data directory (translated) */
	size_t nproblems; /* what template_load found wrong in it */
};

struct tfound_list {
	struct tfound *v;
	size_t n;
};

/* The folders searched, in order, each later one taking a name over from
 * the earlier: def->dir/templates (the installed data directory, or the
 * forms named by AGENTCORE_WIZARD_FORMS), each of $XDG_DATA_DIRS (default
 * /usr/local/share:/usr/share) with /agentcore-wizard/templates, then
 * $XDG_CONFIG_HOME (default ~/.config)/agentcore-wizard/templates, then each
 * folder of AGENTCORE_WIZARD_TEMPLATES (':'-separated). Caller frees each
 * and the array; returns how many. */
size_t template_dirs(const struct formdef *def, char ***out);
/* Every *.json in those folders, one per name (the last folder's), sorted
 * by name. Release with template_list_free. */
void template_list(const struct formdef *def, struct tfound_list *out);
void template_list_free(struct tfound_list *l);
/* A template by NAME (looked up as template_list finds them) or FILE (any
 * argument holding a '/' or ending in .json). Returns the file (caller
 * frees) and *bundled, or NULL when there is no such name. */
char *template_find(const struct formdef *def, const char *name_or_file, int *bundled);
/* template_find, then template_load of what it found (a bundled template's
 * words translated). 0 with *out, its problems (if any) in p for the caller
 * to judge, and *file (caller frees); or -1 with *cause (caller frees): no
 * such template (what is expected said), or "FILE: why it cannot be read". */
int template_open(const struct formdef *def, const char *name_or_file, struct template **out,
		  char **file, struct problems *p, char **cause);

#endif
