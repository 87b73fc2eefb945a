/* jsonwrite.h: JSON text of a cJSON tree, as the AWS CLI writes it.
 *
 * Owner: the core (document.c). Pretty: as Python's json.dumps(indent=4)
 * writes, which is how the AWS CLI prints a skeleton: four spaces a level,
 * "key": value, one member or item a line, {} and [] when empty, no tabs.
 * Compact: what cJSON_PrintUnformatted writes. Strings are escaped as cJSON
 * escapes them, and a NUL character kept as JSON_NUL (jsonscan.h) is written
 * \u0000, so that no string is ever cut at a NUL. Numbers, true, false and
 * null are written by cJSON. The caller frees the text; no final newline. */
#ifndef ACW_JSONWRITE_H
#define ACW_JSONWRITE_H

/* tree: a cJSON item (the caller keeps it). */
char *jsonwrite(const void *tree, int pretty);

#endif
