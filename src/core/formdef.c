/* formdef.c: load forms/NN-*.json into an immutable tree; see formdef.h. */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "formdef.h"
#include "util.h"

static const char *const kind_names[] = {
    [FK_TEXT] = "text",     [FK_INTEGER] = "integer", [FK_BOOLEAN] = "boolean",
    [FK_CHOICE] = "choice", [FK_LIST] = "list",       [FK_MAP] = "map",
    [FK_GROUP] = "group",   [FK_ONEOF] = "oneof",     [FK_SUBLIST] = "sublist",
};

const char *fkind_name(enum fkind k)
{
	return (unsigned)k < sizeof kind_names / sizeof kind_names[0] ? kind_names[k] : "?";
}

int fnode_accepts(const struct fnode *f, const void *json)
{
	const cJSON *v = json;

	switch (f->kind) {
	case FK_TEXT:
	case FK_CHOICE:
		return cJSON_IsString(v);
	case FK_INTEGER:
		return cJSON_IsNumber(v) && v->valuedouble >= -9e15 && v->valuedouble <= 9e15 &&
		       v->valuedouble == (double)(long long)v->valuedouble;
	case FK_BOOLEAN:
		return cJSON_IsBool(v);
	case FK_LIST:
	case FK_SUBLIST:
		return cJSON_IsArray(v);
	default:
		return cJSON_IsObject(v);
	}
}

const char *fkind_expect(enum fkind k)
{
	switch (k) {
	case FK_TEXT:
	case FK_CHOICE:
		return _("text");
	case FK_INTEGER:
		return _("a whole number");
	case FK_BOOLEAN:
		return _("true or false");
	case FK_LIST:
	case FK_SUBLIST:
		return _("a list");
	default:
		return _("an object");
	}
}

const char *json_type_name(const void *json)
{
	const cJSON *v = json;

	if (cJSON_IsString(v))
		return _("text");
	if (cJSON_IsNumber(v))
		return _("a number");
	if (cJSON_IsBool(v))
		return _("true/false");
	if (cJSON_IsArray(v))
		return _("a list");
	if (cJSON_IsObject(v))
		return _("an object");
	return _("null");
}

static void fnode_free(struct fnode *n)
{
	size_t i;

	if (!n)
		return;
	free(n->name);
	free(n->path);
	free(n->label);
	free(n->help);
	free(n->example);
	free(n->expect);
	free(n->add_label);
	free(n->pattern);
	if (n->re)
		pcre2_code_free(n->re);
	free(n->probe);
	for (i = 0; i < n->nvalues; i++)
		free(n->values[i]);
	free(n->values);
	fnode_free(n->item);
	fnode_free(n->key);
	fnode_free(n->value);
	for (i = 0; i < n->nchildren; i++)
		fnode_free(n->children[i]);
	free(n->children);
	free(n->when_field);
	for (i = 0; i < n->nwhen; i++)
		free(n->when_values[i]);
	free(n->when_values);
	free(n);
}

void formdef_free(struct formdef *def)
{
	size_t i;

	if (!def)
		return;
	for (i = 0; i < def->nsections; i++) {
		free(def->sections[i].id);
		free(def->sections[i].title);
		free(def->sections[i].help);
		free(def->sections[i].fields);
	}
	free(def->sections);
	fnode_free(def->root);
	free(def->dir);
	free(def);
}

static const char *const field_keys[] = {
    "name",      "kind",     "label",     "help",      "example", "expect",   "required",
    "sensitive", "advanced", "minLength", "maxLength", "min",     "max",      "default",
    "pattern",   "values",   "minItems",  "maxItems",  "item",    "key",      "value",
    "fields",    "when",     "source",    "note",      "probe",   "addLabel", NULL,
};

static int known_key(const char *k)
{
	size_t i;

	for (i = 0; field_keys[i]; i++)
		if (!strcmp(field_keys[i], k))
			return 1;
	return 0;
}

/* Labels, help texts and titles are translated once, as they are loaded. */
static char *opt_text(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) && *v->valuestring ? xstrdup(_(v->valuestring)) : NULL;
}

static char *opt_string(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? xstrdup(v->valuestring) : NULL;
}

static int opt_long(const cJSON *o, const char *key, long long *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	if (!cJSON_IsNumber(v))
		return 0;
	*out = (long long)v->valuedouble;
	return 1;
}

static int parse_kind(const char *s, enum fkind *k)
{
	size_t i;

	for (i = 0; i < sizeof kind_names / sizeof kind_names[0]; i++)
		if (!strcmp(kind_names[i], s)) {
			*k = (enum fkind)i;
			return 0;
		}
	return -1;
}

static struct fnode *parse_field(const cJSON *j, struct fnode *parent, const char *role,
				 const char *file, char **cause);

static int parse_children(struct fnode *n, const cJSON *arr, const char *file, char **cause)
{
	const cJSON *c;
	size_t i = 0;

	if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) == 0) {
		*cause = xasprintf(_("%s: %s: a %s needs a non-empty \"fields\" list"), file,
				   n->path, fkind_name(n->kind));
		return -1;
	}
	n->nchildren = (size_t)cJSON_GetArraySize(arr);
	n->children = xcalloc(n->nchildren, sizeof *n->children);
	cJSON_ArrayForEach (c, arr) {
		n->children[i] = parse_field(c, n, NULL, file, cause);
		if (!n->children[i])
			return -1;
		i++;
	}
	return 0;
}

static struct fnode *parse_field(const cJSON *j, struct fnode *parent, const char *role,
				 const char *file, char **cause)
{
	struct fnode *n = xcalloc(1, sizeof *n);
	const cJSON *c, *v;
	const char *kind;
	long long x;
	int errcode;
	PCRE2_SIZE erroff;

	n->parent = parent;
	n->min_len = n->max_len = n->min_items = n->max_items = -1;
	n->section = parent ? parent->section : -1;
	if (!cJSON_IsObject(j)) {
		*cause = xasprintf(_("%s: a field must be a JSON object"), file);
		goto fail;
	}
	n->name = opt_string(j, "name");
	if (!role && !n->name) {
		*cause = xasprintf(_("%s: a field under %s has no \"name\""), file,
				   parent && *parent->path ? parent->path : "the section");
		goto fail;
	}
	if (!n->name)
		n->name = xstrdup("");
	if (role)
		n->path = xasprintf("%s%s", parent->path, role);
	else if (parent && *parent->path)
		n->path = xasprintf("%s.%s", parent->path, n->name);
	else
		n->path = xstrdup(n->name);
	cJSON_ArrayForEach (c, j) {
		if (!known_key(c->string)) {
			*cause =
			    xasprintf(_("%s: %s: unknown key \"%s\""), file, n->path, c->string);
			goto fail;
		}
	}
	v = cJSON_GetObjectItemCaseSensitive(j, "kind");
	kind = cJSON_IsString(v) ? v->valuestring : "";
	if (parse_kind(kind, &n->kind) != 0) {
		*cause = xasprintf(_("%s: %s: unknown kind \"%s\""), file, n->path, kind);
		goto fail;
	}
	n->label = opt_text(j, "label");
	n->help = opt_text(j, "help");
	n->example = opt_string(j, "example");
	n->expect = opt_text(j, "expect");
	n->add_label = opt_text(j, "addLabel");
	if (!n->label)
		n->label = xstrdup(n->name);
	if (!n->help)
		n->help = xstrdup("");
	n->required = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(j, "required"));
	n->sensitive = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(j, "sensitive"));
	n->advanced = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(j, "advanced"));
	c = cJSON_GetObjectItemCaseSensitive(j, "probe");
	if (c) {
		if (!cJSON_IsString(c) || strcmp(c->valuestring, "openid-configuration") != 0) {
			*cause = xasprintf(_("%s: %s: unknown probe (expected "
					     "\"openid-configuration\")"),
					   file, n->path);
			goto fail;
		}
		n->probe = xstrdup(c->valuestring);
	}
	if (opt_long(j, "minLength", &x))
		n->min_len = (long)x;
	if (opt_long(j, "maxLength", &x))
		n->max_len = (long)x;
	if (opt_long(j, "minItems", &x))
		n->min_items = (long)x;
	if (opt_long(j, "maxItems", &x))
		n->max_items = (long)x;
	n->has_min_val = opt_long(j, "min", &n->min_val);
	n->has_max_val = opt_long(j, "max", &n->max_val);
	n->has_default = opt_long(j, "default", &n->default_val);
	n->pattern = opt_string(j, "pattern");
	if (n->pattern) {
		n->re = pcre2_compile((PCRE2_SPTR)n->pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF,
				      &errcode, &erroff, NULL);
		if (!n->re) {
			PCRE2_UCHAR msg[256];

			pcre2_get_error_message(errcode, msg, sizeof msg);
			*cause = xasprintf(_("%s: %s: bad pattern at offset %zu: %s"), file,
					   n->path, (size_t)erroff, (char *)msg);
			goto fail;
		}
		/* No JIT: values are short, the interpreter matches one in under a
		 * microsecond, and compiling ~100 patterns to machine code cost a
		 * quarter of a submit's start-up (measured with callgrind). */
	}
	v = cJSON_GetObjectItemCaseSensitive(j, "values");
	if (cJSON_IsArray(v)) {
		size_t i = 0;

		n->nvalues = (size_t)cJSON_GetArraySize(v);
		n->values = xcalloc(n->nvalues, sizeof *n->values);
		cJSON_ArrayForEach (c, v) {
			n->values[i++] = xstrdup(cJSON_IsString(c) ? c->valuestring : "");
		}
	}
	if (n->kind == FK_CHOICE && n->nvalues == 0) {
		*cause = xasprintf(_("%s: %s: a choice needs \"values\""), file, n->path);
		goto fail;
	}
	v = cJSON_GetObjectItemCaseSensitive(j, "when");
	if (v) {
		const cJSON *vals = cJSON_GetObjectItemCaseSensitive(v, "values");
		size_t i = 0;

		n->when_field = opt_string(v, "field");
		if (!n->when_field || !cJSON_IsArray(vals)) {
			*cause = xasprintf(_("%s: %s: \"when\" needs \"field\" and \"values\""),
					   file, n->path);
			goto fail;
		}
		n->nwhen = (size_t)cJSON_GetArraySize(vals);
		n->when_values = xcalloc(n->nwhen ? n->nwhen : 1, sizeof *n->when_values);
		cJSON_ArrayForEach (c, vals) {
			n->when_values[i++] = xstrdup(cJSON_IsString(c) ? c->valuestring : "");
		}
	}
	switch (n->kind) {
	case FK_LIST:
	case FK_SUBLIST:
		v = cJSON_GetObjectItemCaseSensitive(j, "item");
		if (!v) {
			*cause = xasprintf(_("%s: %s: a list needs an \"item\""), file, n->path);
			goto fail;
		}
		n->item = parse_field(v, n, "[]", file, cause);
		if (!n->item)
			goto fail;
		if (n->kind == FK_LIST && n->item->kind != FK_TEXT &&
		    n->item->kind != FK_INTEGER && n->item->kind != FK_CHOICE) {
			*cause =
			    xasprintf(_("%s: %s: a list's items must be text, integer or choice "
					"(use a sublist)"),
				      file, n->path);
			goto fail;
		}
		if (n->kind == FK_SUBLIST && n->item->kind != FK_GROUP &&
		    n->item->kind != FK_ONEOF) {
			*cause = xasprintf(_("%s: %s: a sublist's items must be a group or oneof"),
					   file, n->path);
			goto fail;
		}
		break;
	case FK_MAP:
		v = cJSON_GetObjectItemCaseSensitive(j, "key");
		c = cJSON_GetObjectItemCaseSensitive(j, "value");
		if (!v || !c) {
			*cause = xasprintf(_("%s: %s: a map needs \"key\" and \"value\""), file,
					   n->path);
			goto fail;
		}
		n->key = parse_field(v, n, "{key}", file, cause);
		if (!n->key)
			goto fail;
		n->value = parse_field(c, n, "{}", file, cause);
		if (!n->value)
			goto fail;
		break;
	case FK_GROUP:
	case FK_ONEOF:
		if (parse_children(n, cJSON_GetObjectItemCaseSensitive(j, "fields"), file, cause))
			goto fail;
		break;
	default:
		break;
	}
	return n;
fail:
	fnode_free(n);
	return NULL;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_section(struct formdef *def, const char *file, char **cause)
{
	char *text = NULL;
	cJSON *j = NULL;
	const cJSON *fields, *c;
	struct fsection *s;
	int ret = -1;

	if (util_read_file(file, UTIL_FORM_FILE_MAX, &text, NULL, cause) != 0)
		return -1;
	j = cJSON_Parse(text);
	if (!cJSON_IsObject(j)) {
		*cause = xasprintf(_("%s: not a JSON object (near \"%.20s\")"), file,
				   cJSON_GetErrorPtr() ? cJSON_GetErrorPtr() : "");
		goto out;
	}
	def->sections = xrealloc(def->sections, (def->nsections + 1) * sizeof *def->sections);
	s = &def->sections[def->nsections++];
	memset(s, 0, sizeof *s);
	s->id = opt_string(j, "section");
	s->title = opt_text(j, "title");
	s->help = opt_text(j, "help");
	s->review = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(j, "review"));
	if (!s->id || !s->title) {
		*cause = xasprintf(_("%s: a section needs \"section\" and \"title\""), file);
		goto out;
	}
	if (!s->help)
		s->help = xstrdup("");
	fields = cJSON_GetObjectItemCaseSensitive(j, "fields");
	if (!s->review && (!cJSON_IsArray(fields) || cJSON_GetArraySize(fields) == 0)) {
		*cause = xasprintf(_("%s: a section needs a non-empty \"fields\" list"), file);
		goto out;
	}
	if (fields) {
		s->fields = xcalloc((size_t)cJSON_GetArraySize(fields), sizeof *s->fields);
		cJSON_ArrayForEach (c, fields) {
			struct fnode *n;

			def->root->section = (int)(def->nsections - 1);
			n = parse_field(c, def->root, NULL, file, cause);
			if (!n)
				goto out;
			if (fnode_child(def->root, n->name)) {
				*cause =
				    xasprintf(_("%s: member %s is defined twice"), file, n->name);
				fnode_free(n);
				goto out;
			}
			def->root->children = xrealloc(
			    def->root->children, (def->root->nchildren + 1) * sizeof(void *));
			def->root->children[def->root->nchildren++] = n;
			s->fields[s->nfields++] = n;
		}
	}
	ret = 0;
out:
	cJSON_Delete(j);
	free(text);
	return ret;
}

struct formdef *formdef_load_dir(const char *dir, char **cause)
{
	struct formdef *def = xcalloc(1, sizeof *def);
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, i;
	int ok = 0;

	def->dir = xstrdup(dir);
	def->root = xcalloc(1, sizeof *def->root);
	def->root->kind = FK_GROUP;
	def->root->name = xstrdup("");
	def->root->path = xstrdup("");
	def->root->label = xstrdup("");
	def->root->help = xstrdup("");
	def->root->min_len = def->root->max_len = -1;
	def->root->min_items = def->root->max_items = -1;
	d = opendir(dir);
	if (!d) {
		*cause = xasprintf(_("cannot open the forms folder %s: %s"), dir, strerror(errno));
		goto out;
	}
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);

		if (e->d_name[0] == '.' || len < 6 || strcmp(e->d_name + len - 5, ".json"))
			continue;
		names = xrealloc(names, (n + 1) * sizeof *names);
		names[n++] = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (n == 0) {
		*cause = xasprintf(_("no form files (*.json) in %s"), dir);
		goto out;
	}
	qsort(names, n, sizeof *names, name_cmp);
	for (i = 0; i < n; i++)
		if (load_section(def, names[i], cause) != 0)
			goto out;
	def->root->section = -1;
	ok = 1;
out:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (!ok) {
		formdef_free(def);
		return NULL;
	}
	return def;
}

static int is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Running from the build tree (src/agentcore-wizard, uninstalled)? */
static int running_uninstalled(void)
{
	char exe[PATH_MAX], want[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	if (n <= 0)
		return 0;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return 0;
	*slash = '\0';
	if (!realpath(ABS_TOP_BUILDDIR "/src", want))
		return 0;
	return !strcmp(exe, want) || !strncmp(exe, want, strlen(want));
}

struct formdef *formdef_load_default(char **cause)
{
	const char *env = getenv("AGENTCORE_WIZARD_FORMS");

	if (env && *env)
		return formdef_load_dir(env, cause);
	if (running_uninstalled() && is_dir(ABS_TOP_SRCDIR "/forms"))
		return formdef_load_dir(ABS_TOP_SRCDIR "/forms", cause);
	return formdef_load_dir(PKGDATADIR "/forms", cause);
}

const struct fnode *fnode_child(const struct fnode *n, const char *name)
{
	size_t i;

	for (i = 0; i < n->nchildren; i++)
		if (!strcmp(n->children[i]->name, name))
			return n->children[i];
	return NULL;
}

const struct fnode *formdef_lookup(const struct formdef *def, const char *path)
{
	const struct fnode *n = def->root;
	const char *p = path;
	char name[256];

	while (*p) {
		size_t len = strcspn(p, ".[");

		if (len > 0) {
			if (len >= sizeof name)
				return NULL;
			memcpy(name, p, len);
			name[len] = '\0';
			if (n->kind == FK_MAP)
				n = n->value;
			else if (!(n = fnode_child(n, name)))
				return NULL;
			p += len;
		}
		while (*p == '[') {
			const char *close = strchr(p, ']');

			if (!close)
				return NULL;
			if (n->kind == FK_LIST || n->kind == FK_SUBLIST)
				n = n->item;
			else if (n->kind == FK_MAP)
				n = n->value;
			else
				return NULL;
			p = close + 1;
		}
		if (*p == '.')
			p++;
		else if (*p)
			return NULL;
	}
	return n;
}
