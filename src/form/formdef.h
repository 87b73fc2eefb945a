/* formdef.h: the form definition, loaded from the JSON files in forms/.
 *
 * Owner: the core. A struct formdef is immutable once loaded and is shared by
 * every front end (curses screens, --plain prompts, validate, submit): the
 * screens draw it, the validators read its constraints, the request builder
 * walks it for member order. docs/form-format.md describes the files. */
#ifndef ACW_FORMDEF_H
#define ACW_FORMDEF_H

#include <stddef.h>

enum fkind {
	FK_TEXT,    /* string */
	FK_INTEGER, /* JSON number, whole */
	FK_BOOLEAN, /* true/false */
	FK_CHOICE,  /* string from `values` */
	FK_LIST,    /* list of scalars: `item` is text/integer/choice */
	FK_MAP,     /* string -> string map: `key` and `value` are text nodes */
	FK_GROUP,   /* structure: `children` are its members */
	FK_ONEOF,   /* union: `children` are the branches, exactly one is set */
	FK_SUBLIST, /* list of sub-forms: `item` is a group or one-of */
};

struct fnode {
	char *name; /* JSON member name; "" for list items and map keys/values */
	char *path; /* schema path from the root, e.g. "networkConfiguration.networkModeConfig.subnets[]" */
	enum fkind kind;
	char *label;   /* short label for screens (translatable) */
	char *help;    /* one or two sentences, in our own words (translatable) */
	char *example; /* one example value, shown in hints; may be NULL */
	char *expect;  /* what a valid value looks like, for messages; may be NULL */
	int required;  /* the model marks the member required */
	int sensitive; /* mask in logs and, on request, on screen */
	int advanced;  /* shown folded in the wizard until opened */
	char *probe;   /* a network check the user may ask for (probe.h), or NULL */
	/* a list, map or sublist: the text of its add button ("Add a tag"), or NULL */
	char *add_label;

	long min_len, max_len;      /* characters; -1 when not given */
	long long min_val, max_val; /* integers */
	int has_min_val, has_max_val;
	char *pattern; /* the model's pattern, verbatim (PCRE2 syntax), matched whole */
	void *re;      /* compiled pattern (pcre2_code *), NULL when no pattern; shared
			* by the nodes with the same pattern, owned by the formdef */
	char **values; /* FK_CHOICE: allowed values */
	size_t nvalues;
	long min_items, max_items; /* FK_LIST/FK_MAP/FK_SUBLIST sizes; -1 when not given */
	long long default_val;     /* documented service default for integers */
	int has_default;
	/* the value a new, empty form starts with (document_new_form), as text
	 * ("PUBLIC", "600", "true"); NULL for none. Only on scalars whose
	 * ancestors are all groups: they have one fixed path */
	char *initial;

	struct fnode *item;        /* FK_LIST, FK_SUBLIST */
	struct fnode *key, *value; /* FK_MAP */
	struct fnode **children;   /* FK_GROUP members / FK_ONEOF branches, in form order */
	size_t nchildren;
	struct fnode *parent;

	/* text: names the service refuses, ASCII case ignored (the header
	 * allowlist's restricted headers), from the form's "restricted" */
	char **restricted;
	size_t nrestricted;

	/* Shown only when the sibling member `when_field` holds one of when_values. */
	char *when_field;
	char **when_values;
	size_t nwhen;

	int section; /* index into formdef.sections of the top-level member */
};

struct fsection {
	char *id;              /* "basics", "artifact", ... */
	char *title;           /* translatable */
	char *help;            /* translatable */
	int review;            /* the review screen (no fields) */
	struct fnode **fields; /* top-level members on this screen, borrowed from root */
	size_t nfields;
};

struct formdef {
	char *dir;                 /* where the files were found */
	struct fsection *sections; /* in screen order */
	size_t nsections;
	struct fnode *root; /* FK_GROUP holding every top-level member, in form order */
	struct formdef_pattern *patterns; /* private: each distinct pattern compiled once */
};

/* Load every forms/NN-*.json in `dir`, in name order. Returns NULL with *cause
 * (caller frees) naming the file and what is wrong. Free with formdef_free. */
struct formdef *formdef_load_dir(const char *dir, char **cause);

/* Load from the first folder that exists of: $AGENTCORE_WIZARD_FORMS, the
 * build tree's forms/ (when the program runs uninstalled), $(pkgdatadir)/forms. */
struct formdef *formdef_load_default(char **cause);

void formdef_free(struct formdef *def);

/* The schema node for a document path ("a.b[3].c", map entries "m[2]" or "m.KEY");
 * indexes and keys are ignored. NULL when the path names no member. */
const struct fnode *formdef_lookup(const struct formdef *def, const char *path);

/* The child of a group/one-of by member name, or NULL. */
const struct fnode *fnode_child(const struct fnode *n, const char *name);

/* The model's pattern p (a Java regular expression) as PCRE2 is given it:
 * every `.` outside a character class and not escaped or quoted (\Q...\E)
 * becomes [^\n\r\x{85}\x{2028}\x{2029}], what `.` matches in Java (no
 * line terminator; VT and FF are matched). Everything else is unchanged.
 * Caller frees. */
char *formdef_java_pattern(const char *p);

/* Human names of kinds ("text", "integer", ...), for messages and tests. */
const char *fkind_name(enum fkind k);

/* For the core's JSON readers (formfile.c, validate_*.c); json is a cJSON item.
 * fnode_accepts: the JSON type fits the field's kind (integers whole and in range).
 * fkind_expect: what a value of that kind is, for messages ("text", "a list").
 * json_type_name: what the JSON value is, for messages ("a number"). */
int fnode_accepts(const struct fnode *f, const void *json);
const char *fkind_expect(enum fkind k);
const char *json_type_name(const void *json);

#endif
