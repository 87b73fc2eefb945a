/* secret.h: which values look secret, one rule for every caller.
 *
 * Owner: the core. Owns nothing: secret_name only reads its argument;
 * secret_paths fills a list the caller releases with secret_paths_free.
 * The rule: an environment variable whose name holds KEY, SECRET, TOKEN,
 * PASSWORD or CREDENTIAL, in any case (API_KEY, db_password, GithubToken).
 * Templates never carry such values (template.h), the form's save paths say
 * once that a saved form holds one, and diffs mask them. */
#ifndef ACW_FORM_SECRET_H
#define ACW_FORM_SECRET_H

#include <stddef.h>

struct document;

/* Non-zero when name looks like the name of a secret (NULL: 0). */
int secret_name(const char *name);

/* Non-zero when path names an environment variable whose name looks
 * secret ("environmentVariables.API_KEY"; NULL: 0). */
int secret_path(const char *path);

/* The paths of the values in doc that look secret: environment variables
 * (the top-level map environmentVariables) whose names secret_name takes
 * and whose value is not empty, as "environmentVariables.API_KEY" (a name
 * that is not letters, digits, _ and - is written ["..."], as validate's
 * paths are). *out (caller frees with secret_paths_free) is NULL when there
 * are none; returns how many. For a save path: say once "the form holds a
 * secret value (API_KEY); it is saved readable by you only". */
size_t secret_paths(const struct document *doc, char ***out);
void secret_paths_free(char **paths, size_t n);

/* What a save path says once (a session, a command) when the form it wrote
 * holds secret values: "the form holds the secret value of
 * environmentVariables.API_KEY: the file is readable by you only; ..."
 * (translated; caller frees), or NULL when it holds none. */
char *secret_note(const struct document *doc);

#endif
