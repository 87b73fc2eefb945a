/* pathcomp.c: Tab completion of a file path, as a shell does it: the
 * longest common prefix of the names in the folder that start with what
 * was typed after the last '/', a '/' added to a folder completed whole.
 * No curses here. */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/util.h"
#include "text.h"

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in folder dir (as typed; "" for the current one) that start
 * with base, sorted; hidden ones only when base starts with '.'. */
static char **matches(const char *dir, const char *base, size_t *n)
{
	DIR *d = opendir(*dir ? dir : ".");
	struct dirent *e;
	char **v = NULL;
	size_t len = strlen(base), cap = 0;

	*n = 0;
	if (!d)
		return NULL;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (strncmp(e->d_name, base, len) || (e->d_name[0] == '.' && base[0] != '.'))
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(v, *n, sizeof *v, by_name);
	return v;
}

char *pathcomp_complete(const char *typed, char ***names, size_t *n)
{
	const char *slash = strrchr(typed, '/');
	char *dir = slash ? xstrndup(typed, (size_t)(slash - typed) + 1) : xstrdup("");
	const char *base = slash ? slash + 1 : typed;
	char **v, *out, *full;
	size_t k, common;
	struct stat st;

	v = matches(dir, base, n);
	if (!*n) {
		free(dir);
		*names = NULL;
		return NULL;
	}
	common = strlen(v[0]);
	for (k = 1; k < *n; k++) {
		size_t i = 0;

		while (i < common && v[k][i] == v[0][i])
			i++;
		common = i;
	}
	out = xasprintf("%s%.*s", dir, (int)common, v[0]);
	if (*n == 1) {
		full = out;
		if (stat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
			out = xasprintf("%s/", full);
			free(full);
		}
	}
	free(dir);
	*names = v;
	return out;
}
