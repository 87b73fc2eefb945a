/* secret.c: the rule for names that look secret; see secret.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "form/document.h"
#include "form/secret.h"
#include "base/util.h"
#include "form/validate.h"

/* Where secrets live in a form: the environment variables' map. */
#define SECRET_MAP "environmentVariables"

int secret_name(const char *name)
{
	static const char *const words[] = {"KEY", "SECRET", "TOKEN", "PASSWORD", "CREDENTIAL"};
	size_t i, w, len;

	if (!name)
		return 0;
	len = strlen(name);
	for (w = 0; w < sizeof words / sizeof words[0]; w++) {
		size_t wl = strlen(words[w]);

		for (i = 0; i + wl <= len; i++)
			if (!strncasecmp(name + i, words[w], wl))
				return 1;
	}
	return 0;
}

int secret_path(const char *path)
{
	size_t n = strlen(SECRET_MAP);

	return path && !strncmp(path, SECRET_MAP ".", n + 1) && secret_name(path + n + 1);
}

size_t secret_paths(const struct document *doc, char ***out)
{
	size_t i, n = document_count(doc, SECRET_MAP), found = 0;

	*out = NULL;
	if (document_type(doc, SECRET_MAP) != DT_OBJECT)
		return 0;
	for (i = 0; i < n; i++) {
		const char *key = document_key(doc, SECRET_MAP, i);
		char *ref = xasprintf(SECRET_MAP "[%zu]", i);
		const char *value = document_text(doc, ref);

		free(ref);
		if (secret_name(key) && value && *value) {
			struct strbuf b = {0};

			strbuf_adds(&b, SECRET_MAP);
			validate_path_join(&b, key);
			*out = xrealloc(*out, (found + 1) * sizeof **out);
			(*out)[found++] = strbuf_finish(&b);
		}
	}
	return found;
}

void secret_paths_free(char **paths, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

char *secret_note(const struct document *doc)
{
	char **paths = NULL, *note;
	size_t i, n = secret_paths(doc, &paths);
	struct strbuf names = {0};

	if (!n)
		return NULL;
	for (i = 0; i < n; i++)
		strbuf_addf(&names, "%s%s", i ? ", " : "", paths[i]);
	note = xasprintf(P_("The form holds the secret value of %s: the file is readable by you "
			    "only. To share the form, make a template of it, which leaves secrets "
			    "out.",
			    "The form holds the secret values of %s: the file is readable by you "
			    "only. To share the form, make a template of it, which leaves secrets "
			    "out.",
			    n),
			 names.s);
	strbuf_release(&names);
	secret_paths_free(paths, n);
	return note;
}
