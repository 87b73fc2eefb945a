/* formdef.c: load forms/NN-*.json into an immutable tree; see formdef.h. */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "form/formdef.h"
#include "base/util.h"

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

/* The compiled patterns, one per distinct pattern text: the forms repeat
 * theirs (21 distinct among 38), and compiling is the dearest part of
 * loading. Owned by the formdef; nodes borrow from it. */
struct formdef_pattern {
	char *pattern;
	pcre2_code *re;
	struct formdef_pattern *next;
};

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
	free(n->probe);
	free(n->initial);
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
	for (i = 0; i < n->nrestricted; i++)
		free(n->restricted[i]);
	free(n->restricted);
	free(n);
}

void formdef_free(struct formdef *def)
{
	struct formdef_pattern *c, *next;
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
	for (c = def->patterns; c; c = next) {
		next = c->next;
		pcre2_code_free(c->re);
		free(c->pattern);
		free(c);
	}
	free(def->dir);
	free(def);
}

/* The keys a field may have, sorted for bsearch; KEY_* index them. */
static const char *const field_keys[] = {
    "addLabel",  "advanced", "default",   "example", "expect",   "fields",
    "help",      "initial",  "item",      "key",     "kind",     "label",
    "max",       "maxItems", "maxLength", "min",     "minItems", "minLength",
    "name",      "note",     "pattern",   "probe",   "required", "restricted",
    "sensitive", "source",   "value",     "values",  "when",
};
enum {
	KEY_ADD_LABEL,
	KEY_ADVANCED,
	KEY_DEFAULT,
	KEY_EXAMPLE,
	KEY_EXPECT,
	KEY_FIELDS,
	KEY_HELP,
	KEY_INITIAL,
	KEY_ITEM,
	KEY_KEY,
	KEY_KIND,
	KEY_LABEL,
	KEY_MAX,
	KEY_MAX_ITEMS,
	KEY_MAX_LEN,
	KEY_MIN,
	KEY_MIN_ITEMS,
	KEY_MIN_LEN,
	KEY_NAME,
	KEY_NOTE,
	KEY_PATTERN,
	KEY_PROBE,
	KEY_REQUIRED,
	KEY_RESTRICTED,
	KEY_SENSITIVE,
	KEY_SOURCE,
	KEY_VALUE,
	KEY_VALUES,
	KEY_WHEN,
	NKEYS,
};

static int key_cmp(const void *k, const void *e)
{
	return strcmp(k, *(const char *const *)e);
}

/* What loading one file needs at hand. */
struct loader {
	struct formdef *def;
	const char *file;
	char **cause;
	int translate; /* a catalog is loaded: labels and help go through gettext */
	char *text;    /* the file being read, in a buffer kept for the next */
	size_t cap;
};

/* Labels, help texts and titles are translated once, as they are loaded
 * (and not looked up at all when no catalog is loaded for the locale). */
static char *text_of(const struct loader *L, const cJSON *v)
{
	if (!cJSON_IsString(v) || !*v->valuestring)
		return NULL;
	return xstrdup(L->translate ? _(v->valuestring) : v->valuestring);
}

static char *string_of(const cJSON *v)
{
	return cJSON_IsString(v) ? xstrdup(v->valuestring) : NULL;
}

static int long_of(const cJSON *v, long long *out)
{
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

/* a + b + c, for paths. Caller frees. */
static char *concat(const char *a, const char *b, const char *c)
{
	size_t na = strlen(a), nb = strlen(b), nc = strlen(c);
	char *r = xmalloc(na + nb + nc + 1);

	memcpy(r, a, na);
	memcpy(r + na, b, nb);
	memcpy(r + na + nb, c, nc + 1);
	return r;
}

/* What `.` means in Java outside a character class: any character but the
 * line terminators \n, \r, U+0085, U+2028 and U+2029 (java.util.regex.Pattern
 * without DOTALL); PCRE2's own `.` depends on its newline convention, none
 * of which is this set (ANY also leaves out VT and FF). */
#define JAVA_DOT "[^\\n\\r\\x{85}\\x{2028}\\x{2029}]"

char *formdef_java_pattern(const char *p)
{
	struct strbuf b = {0};
	int in_class = 0;
	const char *e;

	strbuf_add(&b, "", 0);
	while (*p) {
		if (p[0] == '\\' && p[1] == 'Q') { /* quoted up to \E: nothing in it is special */
			e = strstr(p + 2, "\\E");
			e = e ? e + 2 : p + strlen(p);
			strbuf_add(&b, p, (size_t)(e - p));
			p = e;
		} else if (p[0] == '\\') { /* an escape: the next character is never special */
			strbuf_add(&b, p, p[1] ? 2 : 1);
			p += p[1] ? 2 : 1;
		} else if (in_class && p[0] == '[' && p[1] == ':' && (e = strstr(p + 2, ":]"))) {
			strbuf_add(&b, p, (size_t)(e + 2 - p)); /* [:alpha:] */
			p = e + 2;
		} else if (in_class) {
			in_class = *p != ']';
			strbuf_addc(&b, *p++);
		} else if (*p == '[') {
			/* a class; a ] first in it (after ^) is a character of it */
			strbuf_addc(&b, *p++);
			if (*p == '^')
				strbuf_addc(&b, *p++);
			if (*p == ']')
				strbuf_addc(&b, *p++);
			in_class = 1;
		} else if (*p == '.') {
			strbuf_adds(&b, JAVA_DOT);
			p++;
		} else {
			strbuf_addc(&b, *p++);
		}
	}
	return strbuf_finish(&b);
}

/* The compiled form of pattern, compiled once per loader's formdef, in
 * Java's meaning (formdef_java_pattern). NULL with *L->cause when PCRE2
 * refuses it (the offset is in the pattern as compiled). */
static pcre2_code *compile(struct loader *L, const struct fnode *n)
{
	struct formdef_pattern *c;
	int errcode;
	PCRE2_SIZE erroff;
	pcre2_code *re;
	char *java;

	for (c = L->def->patterns; c; c = c->next)
		if (!strcmp(c->pattern, n->pattern))
			return c->re;
	java = formdef_java_pattern(n->pattern);
	re = pcre2_compile((PCRE2_SPTR)java, PCRE2_ZERO_TERMINATED,
			   PCRE2_UTF | PCRE2_NO_AUTO_POSSESS, &errcode, &erroff, NULL);
	free(java);
	if (!re) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(errcode, msg, sizeof msg);
		*L->cause = xasprintf(_("%s: %s: bad pattern at offset %zu: %s"), L->file, n->path,
				      (size_t)erroff, (char *)msg);
		return NULL;
	}
	/* No JIT, no auto-possessification: values are short, the interpreter
	 * matches one in under a microsecond either way, and compiling ~100
	 * patterns to machine code cost a quarter of a submit's start-up; the
	 * possessive rewrite a fifth of what compiling costs (callgrind). The
	 * rewrite never changes what matches, only how fast. */
	c = xmalloc(sizeof *c);
	c->pattern = xstrdup(n->pattern);
	c->re = re;
	c->next = L->def->patterns;
	L->def->patterns = c;
	return re;
}

/* The strings of a JSON array ("" for what is not text). */
static char **strings_of(const cJSON *arr, size_t *n)
{
	const cJSON *c;
	char **v;
	size_t i = 0;

	*n = (size_t)cJSON_GetArraySize(arr);
	v = xcalloc(*n ? *n : 1, sizeof *v);
	cJSON_ArrayForEach (c, arr)
		v[i++] = xstrdup(cJSON_IsString(c) ? c->valuestring : "");
	return v;
}

static struct fnode *parse_field(struct loader *L, const cJSON *j, struct fnode *parent,
				 const char *role);

/* A field's `initial` value, kept as text. Only a scalar reached through
 * groups alone has one fixed path to put it at in a new form (an item, an
 * entry or a branch exists only once the user makes it), and a value the
 * field would refuse must not be what every new form starts with. */
static int parse_initial(struct loader *L, struct fnode *n, const cJSON *v)
{
	const struct fnode *p;
	size_t i;

	for (p = n->parent; p; p = p->parent)
		if (p->kind != FK_GROUP) {
			*L->cause = xasprintf(_("%s: %s: \"initial\" is only for members outside "
						"lists, maps and one-ofs"),
					      L->file, n->path);
			return -1;
		}
	if (n->kind != FK_TEXT && n->kind != FK_CHOICE && n->kind != FK_INTEGER &&
	    n->kind != FK_BOOLEAN) {
		*L->cause = xasprintf(_("%s: %s: \"initial\" is only for text, integer, choice "
					"and boolean fields"),
				      L->file, n->path);
		return -1;
	}
	if (!fnode_accepts(n, v)) {
		*L->cause = xasprintf(_("%s: %s: \"initial\" must be %s"), L->file, n->path,
				      fkind_expect(n->kind));
		return -1;
	}
	if (cJSON_IsString(v))
		n->initial = xstrdup(v->valuestring);
	else if (cJSON_IsBool(v))
		n->initial = xstrdup(cJSON_IsTrue(v) ? "true" : "false");
	else
		n->initial = xasprintf("%lld", (long long)v->valuedouble);
	if (n->kind != FK_CHOICE)
		return 0;
	for (i = 0; i < n->nvalues; i++)
		if (!strcmp(n->values[i], n->initial))
			return 0;
	*L->cause =
	    xasprintf(_("%s: %s: \"initial\" must be one of its \"values\""), L->file, n->path);
	return -1;
}

static int parse_children(struct loader *L, struct fnode *n, const cJSON *arr)
{
	const cJSON *c;
	size_t i = 0;

	if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) == 0) {
		*L->cause = xasprintf(_("%s: %s: a %s needs a non-empty \"fields\" list"), L->file,
				      n->path, fkind_name(n->kind));
		return -1;
	}
	n->nchildren = (size_t)cJSON_GetArraySize(arr);
	n->children = xcalloc(n->nchildren, sizeof *n->children);
	cJSON_ArrayForEach (c, arr) {
		n->children[i] = parse_field(L, c, n, NULL);
		if (!n->children[i])
			return -1;
		i++;
	}
	return 0;
}

/* The members of a field object by key, in one pass (the first of a
 * repeated key, as cJSON's lookup gives). NULL with the unknown key when
 * one is not a field key. */
static const char *members(const cJSON *j, const cJSON *m[NKEYS])
{
	const cJSON *c;

	memset(m, 0, NKEYS * sizeof *m);
	for (c = j->child; c; c = c->next) {
		const char *const *k =
		    c->string ? bsearch(c->string, field_keys, NKEYS, sizeof *field_keys, key_cmp)
			      : NULL;

		if (!k)
			return c->string ? c->string : "";
		if (!m[k - field_keys])
			m[k - field_keys] = c;
	}
	return NULL;
}

/* A field's name, path and kind. */
static int parse_identity(struct loader *L, struct fnode *n, const cJSON *const m[NKEYS],
			  const char *unknown, const char *role)
{
	struct fnode *parent = n->parent;
	const char *kind;

	n->name = string_of(m[KEY_NAME]);
	if (!role && !n->name) {
		*L->cause = xasprintf(_("%s: a field under %s has no \"name\""), L->file,
				      parent && *parent->path ? parent->path : _("the section"));
		return -1;
	}
	if (!n->name)
		n->name = xstrdup("");
	if (role)
		n->path = concat(parent->path, role, "");
	else if (parent && *parent->path)
		n->path = concat(parent->path, ".", n->name);
	else
		n->path = xstrdup(n->name);
	if (unknown) {
		*L->cause = xasprintf(_("%s: %s: unknown key \"%s\""), L->file, n->path, unknown);
		return -1;
	}
	kind = cJSON_IsString(m[KEY_KIND]) ? m[KEY_KIND]->valuestring : "";
	if (parse_kind(kind, &n->kind) != 0) {
		*L->cause = xasprintf(_("%s: %s: unknown kind \"%s\""), L->file, n->path, kind);
		return -1;
	}
	return 0;
}

/* A field's texts for people and its flags. */
static int parse_texts(struct loader *L, struct fnode *n, const cJSON *const m[NKEYS])
{
	const cJSON *c;

	n->label = text_of(L, m[KEY_LABEL]);
	n->help = text_of(L, m[KEY_HELP]);
	n->example = string_of(m[KEY_EXAMPLE]);
	n->expect = text_of(L, m[KEY_EXPECT]);
	n->add_label = text_of(L, m[KEY_ADD_LABEL]);
	if (!n->label)
		n->label = xstrdup(n->name);
	if (!n->help)
		n->help = xstrdup("");
	n->required = cJSON_IsTrue(m[KEY_REQUIRED]);
	n->sensitive = cJSON_IsTrue(m[KEY_SENSITIVE]);
	n->advanced = cJSON_IsTrue(m[KEY_ADVANCED]);
	if ((c = m[KEY_PROBE])) {
		if (!cJSON_IsString(c) || strcmp(c->valuestring, "openid-configuration") != 0) {
			*L->cause = xasprintf(_("%s: %s: unknown probe (expected "
						"\"openid-configuration\")"),
					      L->file, n->path);
			return -1;
		}
		n->probe = xstrdup(c->valuestring);
	}
	return 0;
}

/* A text field's `restricted` names: {"source": "where the list is
 * from", "names": [...]}, the source required so that the list can be
 * checked against it again. */
static int parse_restricted(struct loader *L, struct fnode *n, const cJSON *v)
{
	const cJSON *names = cJSON_GetObjectItemCaseSensitive(v, "names"), *c;
	const cJSON *source = cJSON_GetObjectItemCaseSensitive(v, "source");

	if (n->kind != FK_TEXT || !cJSON_IsArray(names) || !cJSON_IsString(source) ||
	    !*source->valuestring) {
		*L->cause = xasprintf(_("%s: %s: \"restricted\" is for text fields and needs "
					"\"source\" and a list of \"names\""),
				      L->file, n->path);
		return -1;
	}
	cJSON_ArrayForEach (c, names) {
		if (!cJSON_IsString(c) || !*c->valuestring) {
			*L->cause = xasprintf(_("%s: %s: \"restricted\" names must be text"),
					      L->file, n->path);
			return -1;
		}
	}
	n->restricted = strings_of(names, &n->nrestricted);
	return 0;
}

/* A field's constraints: lengths, ranges, pattern, values, `when`, `initial`. */
static int parse_constraints(struct loader *L, struct fnode *n, const cJSON *const m[NKEYS])
{
	const cJSON *c, *v;
	long long x;

	if (long_of(m[KEY_MIN_LEN], &x))
		n->min_len = (long)x;
	if (long_of(m[KEY_MAX_LEN], &x))
		n->max_len = (long)x;
	if (long_of(m[KEY_MIN_ITEMS], &x))
		n->min_items = (long)x;
	if (long_of(m[KEY_MAX_ITEMS], &x))
		n->max_items = (long)x;
	n->has_min_val = long_of(m[KEY_MIN], &n->min_val);
	n->has_max_val = long_of(m[KEY_MAX], &n->max_val);
	n->has_default = long_of(m[KEY_DEFAULT], &n->default_val);
	n->pattern = string_of(m[KEY_PATTERN]);
	if (n->pattern && !(n->re = compile(L, n)))
		return -1;
	if (cJSON_IsArray(m[KEY_VALUES]))
		n->values = strings_of(m[KEY_VALUES], &n->nvalues);
	if (n->kind == FK_CHOICE && n->nvalues == 0) {
		*L->cause = xasprintf(_("%s: %s: a choice needs \"values\""), L->file, n->path);
		return -1;
	}
	if ((v = m[KEY_WHEN])) {
		const cJSON *vals = cJSON_GetObjectItemCaseSensitive(v, "values");

		n->when_field = string_of(cJSON_GetObjectItemCaseSensitive(v, "field"));
		if (!n->when_field || !cJSON_IsArray(vals)) {
			*L->cause = xasprintf(_("%s: %s: \"when\" needs \"field\" and \"values\""),
					      L->file, n->path);
			return -1;
		}
		n->when_values = strings_of(vals, &n->nwhen);
	}
	if ((c = m[KEY_INITIAL]) && parse_initial(L, n, c) != 0)
		return -1;
	if ((v = m[KEY_RESTRICTED]) && parse_restricted(L, n, v) != 0)
		return -1;
	return 0;
}

/* A list's or sublist's item. */
static int parse_item(struct loader *L, struct fnode *n, const cJSON *const m[NKEYS])
{
	if (!m[KEY_ITEM]) {
		*L->cause = xasprintf(_("%s: %s: a list needs an \"item\""), L->file, n->path);
		return -1;
	}
	n->item = parse_field(L, m[KEY_ITEM], n, "[]");
	if (!n->item)
		return -1;
	if (n->kind == FK_LIST && n->item->kind != FK_TEXT && n->item->kind != FK_INTEGER &&
	    n->item->kind != FK_CHOICE) {
		*L->cause = xasprintf(_("%s: %s: a list's items must be text, integer or choice "
					"(use a sublist)"),
				      L->file, n->path);
		return -1;
	}
	if (n->kind == FK_SUBLIST && n->item->kind != FK_GROUP && n->item->kind != FK_ONEOF) {
		*L->cause = xasprintf(_("%s: %s: a sublist's items must be a group or oneof"),
				      L->file, n->path);
		return -1;
	}
	return 0;
}

/* What a field is made of, by its kind: an item, a key and a value, members. */
static int parse_parts(struct loader *L, struct fnode *n, const cJSON *const m[NKEYS])
{
	switch (n->kind) {
	case FK_LIST:
	case FK_SUBLIST:
		return parse_item(L, n, m);
	case FK_MAP:
		if (!m[KEY_KEY] || !m[KEY_VALUE]) {
			*L->cause = xasprintf(_("%s: %s: a map needs \"key\" and \"value\""),
					      L->file, n->path);
			return -1;
		}
		n->key = parse_field(L, m[KEY_KEY], n, "{key}");
		if (!n->key)
			return -1;
		n->value = parse_field(L, m[KEY_VALUE], n, "{}");
		return n->value ? 0 : -1;
	case FK_GROUP:
	case FK_ONEOF:
		return parse_children(L, n, m[KEY_FIELDS]);
	default:
		return 0;
	}
}

static struct fnode *parse_field(struct loader *L, const cJSON *j, struct fnode *parent,
				 const char *role)
{
	struct fnode *n = xcalloc(1, sizeof *n);
	const cJSON *m[NKEYS];
	const char *unknown;

	n->parent = parent;
	n->min_len = n->max_len = n->min_items = n->max_items = -1;
	n->section = parent ? parent->section : -1;
	if (!cJSON_IsObject(j)) {
		*L->cause = xasprintf(_("%s: a field must be a JSON object"), L->file);
		goto fail;
	}
	unknown = members(j, m);
	if (parse_identity(L, n, m, unknown, role) || parse_texts(L, n, m) ||
	    parse_constraints(L, n, m) || parse_parts(L, n, m))
		goto fail;
	return n;
fail:
	fnode_free(n);
	return NULL;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A form file into L->text, read in one go at the size fstat gives, into
 * one buffer kept for every file (util_read_file grows a new one from 64
 * bytes for each: a tenth of the cost of loading the forms, most of it in
 * malloc); any other case (an unknown or changing size, a folder, an error)
 * is left to util_read_file and its messages. */
static int read_form(struct loader *L, size_t *len)
{
	int fd = open(L->file, O_RDONLY | O_CLOEXEC);
	struct stat st;
	size_t got = 0;
	char extra;
	ssize_t r = 0;

	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    st.st_size <= UTIL_FORM_FILE_MAX) {
		if ((size_t)st.st_size + 1 > L->cap) {
			free(L->text);
			L->cap = (size_t)st.st_size + 1;
			L->text = xmalloc(L->cap);
		}
		while (got < (size_t)st.st_size &&
		       ((r = read(fd, L->text + got, (size_t)st.st_size - got)) > 0 ||
			(r < 0 && errno == EINTR)))
			got += r > 0 ? (size_t)r : 0;
		if (got == (size_t)st.st_size && read(fd, &extra, 1) == 0) {
			close(fd);
			L->text[got] = '\0';
			*len = got;
			return 0;
		}
	}
	if (fd >= 0)
		close(fd);
	free(L->text);
	L->text = NULL;
	L->cap = 0;
	if (util_read_file(L->file, UTIL_FORM_FILE_MAX, &L->text, len, L->cause) != 0)
		return -1;
	L->cap = *len + 1;
	return 0;
}

static int load_section(struct loader *L)
{
	struct formdef *def = L->def;
	const char *file = L->file;
	char **cause = L->cause;
	size_t len = 0;
	cJSON *j = NULL;
	const cJSON *fields, *c;
	struct fsection *s;
	int ret = -1;

	if (read_form(L, &len) != 0)
		return -1;
	j = cJSON_ParseWithLength(L->text, len);
	if (!cJSON_IsObject(j)) {
		*cause = xasprintf(_("%s: not a JSON object (near \"%.20s\")"), file,
				   cJSON_GetErrorPtr() ? cJSON_GetErrorPtr() : "");
		goto out;
	}
	def->sections = xrealloc(def->sections, (def->nsections + 1) * sizeof *def->sections);
	s = &def->sections[def->nsections++];
	memset(s, 0, sizeof *s);
	s->id = string_of(cJSON_GetObjectItemCaseSensitive(j, "section"));
	s->title = text_of(L, cJSON_GetObjectItemCaseSensitive(j, "title"));
	s->help = text_of(L, cJSON_GetObjectItemCaseSensitive(j, "help"));
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
			n = parse_field(L, c, def->root, NULL);
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
	return ret;
}

struct formdef *formdef_load_dir(const char *dir, char **cause)
{
	struct formdef *def = xcalloc(1, sizeof *def);
	struct loader L = {def, NULL, cause, 0, NULL, 0};
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
#if ENABLE_NLS
	{
		/* gettext of "" is the catalog's header when one is loaded, else
		 * ""; through a variable, so that xgettext does not take it */
		const char *header = "";

		L.translate = *gettext(header) != '\0';
	}
#endif
	for (i = 0; i < n; i++) {
		L.file = names[i];
		if (load_section(&L) != 0)
			goto out;
	}
	def->root->section = -1;
	ok = 1;
out:
	free(L.text);
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
