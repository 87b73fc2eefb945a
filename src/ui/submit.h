/* submit.h: the AWS side of the wizard: the resolved settings for people,
 * and submitting from the review with progress, Esc to cancel, and following
 * the new runtime until it is READY.
 *
 * Owner: src/ui. Settings and credentials are resolved through the core
 * (awsconfig.h, credentials.h); secrets never reach the screen. */
#ifndef ACW_UI_SUBMIT_H
#define ACW_UI_SUBMIT_H

#include <stddef.h>

struct formdef;
struct document;

/* Lines describing region, profile, endpoint and credentials with where each
 * came from (the key id masked). Returns a NULL-terminated array; free with
 * submit_lines_free. Never fails: problems become lines. */
char **submit_settings_lines(void);
void submit_lines_free(char **lines);

/* Send CreateAgentRuntime for doc and follow the runtime until READY, drawing
 * progress on the whole screen (curses must be running). Esc cancels the call
 * or stops following. Returns 0 when the runtime was created, -1 otherwise;
 * *result (caller frees) says what happened in one line; *field (caller
 * frees, may stay NULL) is the first member a service error names. */
int submit_run(const struct formdef *def, const struct document *doc, char **result, char **field);

/* Run the network check `kind` (a field's `probe`, see core/probe.h) on
 * value, with the CA bundle and (shorter) timeouts of the AWS settings; with
 * curses running (in_curses), Esc cancels. Returns 0 with *text saying what
 * was found, -1 with *text saying what is wrong (a warning for the user,
 * never a verdict on the form). */
int submit_probe(const char *kind, const char *value, int in_curses, char **text);

#endif
