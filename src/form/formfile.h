/* formfile.h: saved forms, in the AWS CLI's --cli-input-json format.
 *
 * Owner: the core. A form file is the CreateAgentRuntime request itself: the
 * API's member names, only members that are set, one branch of each one-of.
 * Loading checks the JSON against the form definition (types, unknown members)
 * and, in FF_SKELETON mode, reads what `--generate-cli-skeleton` prints:
 * empty strings, zeros and placeholder entries ("KeyName": "") mean unset (a
 * map's other values, even empty, are values); in a file with such
 * placeholders, a boolean true is the skeleton's own pick and unset, and so
 * is a group holding nothing typed but choices (the skeleton's picks too);
 * two filled one-of branches are a conflict (docs/decisions.md). A file
 * without placeholders (as the wizard saves one) is read back as it was
 * written: it keeps every value, a chosen one-of branch and a list's item
 * even when empty (they are then incomplete); only empty lists, maps and
 * other groups, which saving never writes, go. Saving is atomic, mode 0600. */
#ifndef ACW_FORMFILE_H
#define ACW_FORMFILE_H

#include <stddef.h>

struct formdef;
struct document;
struct problems;

enum ff_mode {
	FF_STRICT,   /* validate/submit: the file is judged exactly as the service would */
	FF_SKELETON, /* the wizard opening a file: skeleton placeholders mean unset */
};

/* Parse text (not necessarily NUL-terminated) into a new document (*out,
 * caller frees). Structural problems (wrong type, unknown member, one-of
 * conflict) are appended to `problems` with their paths and the offending
 * members are left out of the document. Returns 0 when a document was made
 * (check `problems`), -1 when the text is not a JSON object: *cause then says
 * where ("line 3, column 14: ...") and *out is NULL. */
int formfile_parse(const char *text, size_t len, const struct formdef *def, enum ff_mode mode,
		   struct document **out, struct problems *problems, char **cause);

/* Read and parse a file (at most 1 MiB). -1 with *cause for unreadable,
 * too large or malformed files. */
int formfile_load(const char *file, const struct formdef *def, enum ff_mode mode,
		  struct document **out, struct problems *problems, char **cause);

/* Save atomically with mode 0600, written as the AWS CLI prints a skeleton
 * (four-space indent, "key": value, the request's order, a final newline);
 * never refuses for validation errors. When file is a symbolic link, the
 * file it leads to is written and the link stays (as editors do); the
 * temporary files of earlier saves of it that were killed are removed
 * (util_write_atomic). */
int formfile_save(const char *file, const struct document *doc, const struct formdef *def,
		  char **cause);
/* The same, but a symbolic link at file is replaced, never followed: for
 * drafts, whose folder is the program's own (issue 13 item 6). */
int formfile_save_nofollow(const char *file, const struct document *doc, const struct formdef *def,
			   char **cause);

#endif
