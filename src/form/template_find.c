/* template_find.c: where templates are found, and which ones there are;
 * see template.h. */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "form/formdef.h"
#include "form/template.h"
#include "base/util.h"
#include "form/validate.h"

static void add_dir(char ***v, size_t *n, char *dir)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = dir;
}

/* Each ':'-separated folder of list, with tail appended. */
static void add_list(char ***v, size_t *n, const char *list, const char *tail)
{
	const char *p = list;

	while (*p) {
		size_t len = strcspn(p, ":");

		if (len && p[0] == '/')
			add_dir(v, n, xasprintf("%.*s%s", (int)len, p, tail));
		p += len;
		if (*p)
			p++;
	}
}

size_t template_dirs(const struct formdef *def, char ***out)
{
	const char *data = getenv("XDG_DATA_DIRS"), *config = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME"), *own = getenv("AGENTCORE_WIZARD_TEMPLATES");
	size_t n = 0;

	*out = NULL;
	add_dir(out, &n, xasprintf("%s/templates", def->dir));
	add_list(out, &n, data && *data ? data : "/usr/local/share:/usr/share",
		 "/agentcore-wizard/templates");
	if (config && *config == '/')
		add_dir(out, &n, xasprintf("%s/agentcore-wizard/templates", config));
	else if (home && *home == '/')
		add_dir(out, &n, xasprintf("%s/.config/agentcore-wizard/templates", home));
	if (own && *own)
		add_list(out, &n, own, "");
	return n;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct tfound *)a)->name, ((const struct tfound *)b)->name);
}

static void found_release(struct tfound *f)
{
	free(f->name);
	free(f->file);
	free(f->title);
	free(f->description);
}

/* Add or replace the entry for name: a later folder takes it over. */
static struct tfound *slot(struct tfound_list *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (!strcmp(l->v[i].name, name)) {
			found_release(&l->v[i]);
			return &l->v[i];
		}
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	return &l->v[l->n++];
}

static void scan_dir(const struct formdef *def, const char *dir, int bundled,
		     struct tfound_list *l)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		struct tfound *f;
		struct template *t = NULL;
		struct problems p = {0};
		char *cause = NULL;

		if (e->d_name[0] == '.' || len <= 5 || strcmp(e->d_name + len - 5, ".json"))
			continue;
		f = slot(l, "");
		f->name = xstrndup(e->d_name, len - 5);
		f->file = xasprintf("%s/%s", dir, e->d_name);
		f->bundled = bundled;
		f->title = f->description = NULL;
		f->nproblems = 0;
		if (template_load(f->file, def, bundled, &t, &p, &cause) == 0) {
			f->title = xstrdup(t->title);
			f->description = t->description ? xstrdup(t->description) : NULL;
			f->nproblems = p.n;
		}
		template_free(t);
		problems_clear(&p);
		free(cause);
	}
	closedir(d);
}

void template_list(const struct formdef *def, struct tfound_list *out)
{
	char **dirs = NULL;
	size_t i, n = template_dirs(def, &dirs);

	memset(out, 0, sizeof *out);
	for (i = 0; i < n; i++) {
		/* a name found again replaces the one before: slot() is keyed by
		 * name, so scan into a scratch list first */
		struct tfound_list here = {0};
		size_t k;

		scan_dir(def, dirs[i], i == 0, &here);
		for (k = 0; k < here.n; k++) {
			struct tfound *f = slot(out, here.v[k].name);

			*f = here.v[k];
		}
		free(here.v);
		free(dirs[i]);
	}
	free(dirs);
	if (out->n)
		qsort(out->v, out->n, sizeof *out->v, by_name);
}

void template_list_free(struct tfound_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		found_release(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

char *template_find(const struct formdef *def, const char *name_or_file, int *bundled)
{
	struct tfound_list l;
	size_t i, len = strlen(name_or_file);
	char *file = NULL;

	*bundled = 0;
	if (strchr(name_or_file, '/') || (len > 5 && !strcmp(name_or_file + len - 5, ".json")))
		return xstrdup(name_or_file);
	template_list(def, &l);
	for (i = 0; i < l.n; i++)
		if (!strcmp(l.v[i].name, name_or_file)) {
			file = xstrdup(l.v[i].file);
			*bundled = l.v[i].bundled;
		}
	template_list_free(&l);
	return file;
}

int template_open(const struct formdef *def, const char *name_or_file, struct template **out,
		  char **file, struct problems *p, char **cause)
{
	int bundled = 0;
	char *why = NULL;

	*out = NULL;
	*cause = NULL;
	if (!(*file = template_find(def, name_or_file, &bundled))) {
		*cause = xasprintf(_("%s: no template named '%s': expected a name that '%s "
				     "templates' lists, or a file"),
				   PACKAGE_NAME, name_or_file, PACKAGE_NAME);
		return -1;
	}
	if (template_load(*file, def, bundled, out, p, &why) != 0) {
		*cause = xasprintf("%s: %s", *file, why);
		free(why);
		free(*file);
		*file = NULL;
		return -1;
	}
	return 0;
}
