/* jsonpeek.h: read one top-level string member of a service answer.
 *
 * Owner: src/ui. The UI may not call cJSON (the layering rule), and the core
 * has no accessor for the few members the submit screen shows (the runtime
 * id, ARN, status and failure reason), so this small scanner reads them. It
 * only looks at members of the outermost object and skips nested values. */
#ifndef ACW_UI_JSONPEEK_H
#define ACW_UI_JSONPEEK_H

/* The string value of member `name` of the top-level object in body, or NULL
 * (absent, not a string, malformed). \uXXXX escapes become '?'. Caller frees. */
char *jsonpeek_string(const char *body, const char *name);

#endif
