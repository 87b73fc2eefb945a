/* template.c: reading and checking templates, and what the wizard asks of
 * one; see template.h and docs/template-format.md. */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <cjson/cJSON.h>
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "form/document.h"
#include "form/formdef.h"
#include "form/formfile.h"
#include "form/jsonscan.h"
#include "form/secret.h"
#include "form/template.h"
#include "form/template_path.h"
#include "base/util.h"
#include "form/validate.h"

/* Caps on the template's own texts, in characters. */
#define TITLE_MAX       120
#define DESCRIPTION_MAX 2000
#define NOTE_MAX        1000
#define EXAMPLE_MAX     1000
#define PATTERN_MAX     1000
#define FIELDS_MAX      1000

static const char *const mode_names[] = {"", "locked", "default", "yours", "hidden"};

/* What reading one template needs at hand. */
struct reader {
	const struct formdef *def;
	struct template *t;
	struct problems *probs;
	int translate;
};

static char *at_path(const char *top, const char *key)
{
	struct strbuf b = {0};

	strbuf_adds(&b, top);
	if (key)
		validate_path_join(&b, key);
	return strbuf_finish(&b);
}

static void problem(struct reader *R, const char *top, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void problem(struct reader *R, const char *top, const char *key, const char *fmt, ...)
{
	va_list ap;
	char *path = at_path(top, key), *m;

	va_start(ap, fmt);
	m = xvasprintf(fmt, ap);
	va_end(ap);
	problems_add(R->probs, VS_INVALID, path, NULL, "%s", m);
	free(m);
	free(path);
}

/* A text member of at most max characters: 0 and *out (caller frees, NULL
 * when absent), or -1 with the problem said. */
static int text_member(struct reader *R, const cJSON *o, const char *name, const char *where,
		       size_t max, char **out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
	char *path = at_path(where, name);
	size_t n;
	int ret = -1;

	*out = NULL;
	if (!v) {
		ret = 0;
	} else if (!cJSON_IsString(v)) {
		problem(R, path, NULL, _("is %s: expected text"), json_type_name(v));
	} else if ((n = utf8_length(v->valuestring, strlen(v->valuestring))) == (size_t)-1) {
		problem(R, path, NULL, _("is not UTF-8 text: expected text in UTF-8"));
	} else if (n > max) {
		problem(R, path, NULL, _("is %zu characters long: expected at most %zu"), n, max);
	} else {
		/* words are translated; examples and patterns are values */
		int words = strcmp(name, "example") && strcmp(name, "pattern");

		*out = xstrdup(R->translate && words && *v->valuestring ? _(v->valuestring)
									: v->valuestring);
		ret = 0;
	}
	free(path);
	return ret;
}

/* Members of o outside allowed[] (NULL-terminated), and members twice. */
static void unknown_members(struct reader *R, const cJSON *o, const char *where,
			    const char *const *allowed)
{
	const cJSON *c, *d;
	size_t i;

	cJSON_ArrayForEach (c, o) {
		for (i = 0; allowed[i] && strcmp(allowed[i], c->string); i++)
			;
		if (!allowed[i]) {
			struct strbuf all = {0};

			for (i = 0; allowed[i]; i++)
				strbuf_addf(&all, "%s%s", i ? ", " : "", allowed[i]);
			problem(R, where, c->string, _("unknown member: expected one of %s"),
				all.s);
			strbuf_release(&all);
			continue;
		}
		for (d = o->child; d != c; d = d->next)
			if (!strcmp(d->string, c->string)) {
				problem(R, where, c->string,
					_("appears twice: expected each member once"));
				break;
			}
	}
}

static enum tmode mode_of(const char *s)
{
	size_t i;

	for (i = 1; i < sizeof mode_names / sizeof mode_names[0]; i++)
		if (!strcmp(s, mode_names[i]))
			return (enum tmode)i;
	return TM_NONE;
}

void tfield_release(struct tfield *f)
{
	free(f->path);
	free(f->note);
	free(f->example);
	free(f->pattern);
	free(f->expect);
	pcre2_code_free(f->re);
	memset(f, 0, sizeof *f);
}

/* Compile a team's pattern, matched whole and read as the API's are: '.'
 * matches no line terminator (formdef_java_pattern). An error's offset is
 * in the translated text, near the one written. */
static void *compile(const char *pattern, char **why)
{
	int err;
	PCRE2_SIZE off;
	char *java = formdef_java_pattern(pattern);
	pcre2_code *re =
	    pcre2_compile((PCRE2_SPTR)java, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &err, &off, NULL);

	free(java);

	if (!re) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(err, msg, sizeof msg);
		*why = xasprintf(_("is not a pattern PCRE2 takes (at character %zu: %s): expected "
				   "a regular expression matched against the whole value"),
				 (size_t)off + 1, (char *)msg);
	}
	return re;
}

/* Does text match the pattern whole?  1, 0, or -1 when the match gave up
 * (a pattern too costly for the value: taken as no match). */
static int matches(void *re, const char *text)
{
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	pcre2_match_context *mc = pcre2_match_context_create(NULL);
	int rc;

	if (!md || !mc)
		util_fatal("%s", _("out of memory"));
	pcre2_set_match_limit(mc, 100000);
	pcre2_set_depth_limit(mc, 1000);
	rc = pcre2_match(re, (PCRE2_SPTR)text, strlen(text), 0, PCRE2_ANCHORED | PCRE2_ENDANCHORED,
			 md, mc);
	pcre2_match_data_free(md);
	pcre2_match_context_free(mc);
	return rc >= 0 ? 1 : rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
}

/* The example and pattern of an editable field: they fit the member and
 * each other. */
static void check_example(struct reader *R, const char *where, struct tfield *f,
			  const struct fnode *n)
{
	char *why = NULL;

	if (f->pattern && n->kind != FK_TEXT) {
		problem(R, where, "pattern", _("is for a text member, and %s holds %s"), f->path,
			fkind_expect(n->kind));
	} else if (f->pattern && !f->expect) {
		problem(R, where, "expect",
			_("is missing: a pattern needs \"expect\", what it wants in words, for "
			  "the message a value that does not match gets"));
	} else if (f->pattern && !(f->re = compile(f->pattern, &why))) {
		problem(R, where, "pattern", "%s", why);
		free(why);
	}
	if (!f->example)
		return;
	if (n->kind == FK_TEXT || n->kind == FK_CHOICE || n->kind == FK_INTEGER) {
		char *msg = NULL;

		if (validate_scalar(n, f->example, NULL, &msg) == VS_INVALID)
			problem(R, where, "example", _("does not fit %s: %s"), f->path, msg);
		free(msg);
	}
	if (f->re && matches(f->re, f->example) != 1)
		problem(R, where, "example", _("does not match the entry's own pattern: %s"),
			f->expect);
}

/* What the mode asks of the form's value at the path. */
static void check_value(struct reader *R, const char *where, const struct tfield *f,
			const struct tpath *tp)
{
	const char *text = tp->docpath ? document_text(R->t->form, tp->docpath) : NULL;
	int set = tp->docpath != NULL;

	if (f->mode == TM_YOURS && set && !(text && !*text))
		problem(R, where, NULL,
			_("is marked yours but the form holds a value for it: expected no value "
			  "in \"form\" (an example goes in \"example\")"));
	else if (f->mode == TM_DEFAULT && !set && !strstr(f->path, "[]"))
		problem(R, where, NULL,
			_("is marked default but the form holds no value for it: expected the "
			  "value in \"form\""));
	else if (f->mode == TM_DEFAULT && text && f->re && *text && matches(f->re, text) != 1)
		problem(R, where, NULL,
			_("the form's value does not match the entry's pattern: %s"), f->expect);
}

/* One entry of "fields"; 0 when it is kept. */
static int read_field(struct reader *R, const char *key, const cJSON *v, struct tfield *f)
{
	static const char *const allowed[] = {"mode",    "note",   "example",
					      "pattern", "expect", NULL};
	char *where = at_path("fields", key), *why = NULL;
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(v, "mode");
	struct tpath tp;
	int bad = 0;

	memset(f, 0, sizeof *f);
	if (tpath_resolve(R->def, R->t->form, key, &tp, &why) != 0) {
		problem(R, where, NULL, _("names no member of the form: %s"), why);
		free(why);
		free(where);
		return -1;
	}
	f->path = xstrdup(tp.canon);
	if (!cJSON_IsObject(v)) {
		problem(R, where, NULL, _("is %s: expected an object with \"mode\""),
			json_type_name(v));
		bad = 1;
	} else if (!cJSON_IsString(m) || !(f->mode = mode_of(m->valuestring))) {
		problem(R, where, "mode",
			_("is missing or unknown: expected locked, default, yours or hidden"));
		bad = 1;
	} else {
		unknown_members(R, v, where, allowed);
		bad |= text_member(R, v, "note", where, NOTE_MAX, &f->note);
		bad |= text_member(R, v, "example", where, EXAMPLE_MAX, &f->example);
		bad |= text_member(R, v, "pattern", where, PATTERN_MAX, &f->pattern);
		bad |= text_member(R, v, "expect", where, NOTE_MAX, &f->expect);
	}
	if (!bad && (f->example || f->pattern || f->expect) && f->mode != TM_YOURS &&
	    f->mode != TM_DEFAULT) {
		problem(R, where, NULL,
			_("has an example or a pattern but is %s: expected them only on a "
			  "field marked yours or default"),
			mode_names[f->mode]);
		bad = 1;
	}
	if (!bad) {
		size_t before = R->probs->n;

		check_example(R, where, f, tp.node);
		check_value(R, where, f, &tp);
		bad = R->probs->n != before;
	}
	tpath_release(&tp);
	free(where);
	if (bad)
		tfield_release(f);
	return bad ? -1 : 0;
}

static const struct tfield *covering(const struct template *t, const char *canon, size_t skip)
{
	const struct tfield *best = NULL;
	size_t i;

	for (i = 0; i < t->nfields; i++)
		if (i != skip && tpath_covers(t->fields[i].path, canon) &&
		    (!best || strlen(t->fields[i].path) > strlen(best->path)))
			best = &t->fields[i];
	return best;
}

/* The section id a template path's top member is on. */
static const char *section_of(const struct formdef *def, const char *canon)
{
	struct tpath tp;
	char *why = NULL;
	const struct fnode *n;
	const char *id = NULL;

	if (tpath_resolve(def, NULL, canon, &tp, &why) != 0) {
		free(why);
		return NULL;
	}
	for (n = tp.node; n && n->parent && n->parent->parent; n = n->parent)
		;
	if (n && n->section >= 0 && (size_t)n->section < def->nsections)
		id = def->sections[n->section].id;
	tpath_release(&tp);
	return id;
}

/* Rules between entries: nothing editable inside what is locked or hidden,
 * no path twice. */
static void check_nesting(struct reader *R)
{
	struct template *t = R->t;
	size_t i, j;

	for (i = 0; i < t->nfields; i++) {
		const struct tfield *f = &t->fields[i];
		const char *sec = section_of(R->def, f->path);

		for (j = 0; j < i; j++)
			if (!strcmp(t->fields[j].path, f->path))
				problem(R, "fields", f->path,
					_("names the same member as an entry before it: expected "
					  "each member once"));
		for (j = 0; j < t->nfields; j++)
			if (j != i && strcmp(t->fields[j].path, f->path) &&
			    tpath_covers(t->fields[j].path, f->path) &&
			    (t->fields[j].mode == TM_LOCKED || t->fields[j].mode == TM_HIDDEN) &&
			    f->mode != t->fields[j].mode)
				problem(R, "fields", f->path,
					_("is marked %s inside %s, which is %s: expected nothing "
					  "but %s below it"),
					mode_names[f->mode], t->fields[j].path,
					mode_names[t->fields[j].mode],
					mode_names[t->fields[j].mode]);
		if (f->mode == TM_YOURS && sec && template_section_hidden(t, sec))
			problem(
			    R, "fields", f->path,
			    secret_path(f->path)
				? _("holds a secret, which a template never keeps: its value is "
				    "yours to fill, but its section \"%s\" is hidden: expected "
				    "the section shown, or the secret taken out of the form")
				: _("is marked yours but its section \"%s\" is hidden: expected "
				    "the section shown, or the field not yours"),
			    sec);
	}
}

static void read_fields(struct reader *R, const cJSON *fields)
{
	const cJSON *c;
	struct template *t = R->t;

	if (!fields)
		return;
	if (!cJSON_IsObject(fields)) {
		problem(R, "fields", NULL,
			_("is %s: expected an object whose members are paths of the form"),
			json_type_name(fields));
		return;
	}
	if (cJSON_GetArraySize(fields) > FIELDS_MAX) {
		problem(R, "fields", NULL, _("has %d entries: expected at most %d"),
			cJSON_GetArraySize(fields), FIELDS_MAX);
		return;
	}
	t->fields = xcalloc((size_t)cJSON_GetArraySize(fields) + 1, sizeof *t->fields);
	cJSON_ArrayForEach (c, fields)
		if (read_field(R, c->string, c, &t->fields[t->nfields]) == 0)
			t->nfields++;
}

static void read_hidden(struct reader *R, const cJSON *list)
{
	const cJSON *c;
	size_t i = 0, s;
	struct template *t = R->t;

	if (!list)
		return;
	if (!cJSON_IsArray(list)) {
		problem(R, "hiddenSections", NULL, _("is %s: expected a list of section ids"),
			json_type_name(list));
		return;
	}
	t->hidden_sections = xcalloc((size_t)cJSON_GetArraySize(list) + 1, sizeof(char *));
	cJSON_ArrayForEach (c, list) {
		char *where = xasprintf("hiddenSections[%zu]", i++);

		for (s = 0; cJSON_IsString(c) && s < R->def->nsections; s++)
			if (!strcmp(R->def->sections[s].id, c->valuestring))
				break;
		if (!cJSON_IsString(c) || s == R->def->nsections || R->def->sections[s].review) {
			struct strbuf ids = {0};

			for (s = 0; s < R->def->nsections; s++)
				if (!R->def->sections[s].review)
					strbuf_addf(&ids, "%s%s", ids.len ? ", " : "",
						    R->def->sections[s].id);
			problem(R, where, NULL,
				_("is not a section that can be hidden: expected one of %s"),
				ids.s);
			strbuf_release(&ids);
		} else {
			t->hidden_sections[t->nhidden++] = xstrdup(c->valuestring);
		}
		free(where);
	}
}

/* The form: read as a form file is (strict), its problems' paths under
 * "form"; the rules' problems too, but for what is missing or yours. */
static void read_form(struct reader *R, const cJSON *form, const char *text)
{
	struct problems fp = {0};
	char *json, *cause = NULL;
	size_t i;

	(void)text;
	if (!cJSON_IsObject(form)) {
		problem(R, "form", NULL,
			_("is %s: expected an object, the request as --cli-input-json takes it"),
			form ? json_type_name(form) : _("missing"));
		return;
	}
	json = cJSON_PrintUnformatted(form);
	if (!json)
		util_fatal("%s", _("out of memory"));
	document_free(R->t->form);
	R->t->form = NULL;
	if (formfile_parse(json, strlen(json), R->def, FF_STRICT, &R->t->form, &fp, &cause) != 0) {
		problem(R, "form", NULL, "%s", cause);
		free(cause);
		R->t->form = document_new();
	}
	cJSON_free(json);
	for (i = 0; i < fp.n; i++) {
		char *p = *fp.v[i].path == '[' || !*fp.v[i].path
			      ? xasprintf("form%s", fp.v[i].path)
			      : xasprintf("form.%s", fp.v[i].path);

		problems_add(R->probs, fp.v[i].state, p, fp.v[i].ref, "%s", fp.v[i].message);
		free(p);
	}
	problems_clear(&fp);
}

/* The rules of the form's values, once the entries are known: what is
 * missing is for the newcomer, and so is whatever is theirs. */
/* A value the form still needs (problem p, not an invalid one) that
 * nobody starting from the template can give: its field locked, or hidden
 * (itself, or its section). */
static void dead_end(struct reader *R, const struct problem *p, const struct tfield *f,
		     const char *sec)
{
	char *path;

	if (!(f && (f->mode == TM_LOCKED || f->mode == TM_HIDDEN)) &&
	    !(sec && template_section_hidden(R->t, sec)))
		return;
	path = *p->path == '[' ? xasprintf("form%s", p->path) : xasprintf("form.%s", p->path);
	if (f && f->mode == TM_LOCKED)
		problems_add(R->probs, VS_INVALID, path, p->ref,
			     _("%s; but the template locks it, so nobody starting from it can "
			       "fill it in: expected a value in the form, or the field yours"),
			     p->message);
	else
		problems_add(R->probs, VS_INVALID, path, p->ref,
			     _("%s; but the template hides it, so nobody starting from it can "
			       "fill it in: expected a value in the form, or the field yours"),
			     p->message);
	free(path);
}

static void check_form_values(struct reader *R)
{
	struct problems fp = {0};
	size_t i;

	validate_document(R->def, R->t->form, &fp);
	for (i = 0; i < fp.n; i++) {
		struct tpath tp;
		char *why = NULL, *p;
		const struct tfield *f = NULL;

		const char *sec = NULL;

		if (fp.v[i].ref &&
		    tpath_resolve(R->def, R->t->form, fp.v[i].ref, &tp, &why) == 0) {
			f = covering(R->t, tp.canon, (size_t)-1);
			sec = section_of(R->def, tp.canon);
			tpath_release(&tp);
		}
		free(why);
		if (f && f->mode == TM_YOURS)
			continue;
		if (fp.v[i].state != VS_INVALID) {
			dead_end(R, &fp.v[i], f, sec);
			continue;
		}
		p = *fp.v[i].path == '[' ? xasprintf("form%s", fp.v[i].path)
					 : xasprintf("form.%s", fp.v[i].path);
		problems_add(R->probs, VS_INVALID, p, fp.v[i].ref, "%s", fp.v[i].message);
		free(p);
	}
	problems_clear(&fp);
}

/* A template is shared (a folder, a git repository): a value whose name
 * looks secret (secret.h) makes it invalid, whoever wrote it; the writer
 * (template_write.c) never does. */
static void check_no_secrets(struct reader *R)
{
	char **paths;
	size_t i, n = secret_paths(R->t->form, &paths);

	for (i = 0; i < n; i++) {
		char *p = xasprintf("form.%s", paths[i]);

		problems_add(R->probs, VS_INVALID, p, NULL, "%s",
			     _("holds a value, and its name looks secret: a template is shared "
			       "and never holds secrets; expected the value left out, and the "
			       "entry marked yours so that whoever starts from it fills in "
			       "their own"));
		free(p);
	}
	secret_paths_free(paths, n);
}

/* The marker and version; -1 when the top level is not a template at all. */
static int read_marker(struct reader *R, const cJSON *top, char **cause)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(top, TEMPLATE_MARKER);

	if (!cJSON_IsObject(top) || !m) {
		/* a form given for a template: which kind, and what to do with it */
		enum form_kind k = cJSON_IsObject(top) ? formkind_of_json(top) : FORM_TEMPLATE;

		if (k == FORM_UPDATE)
			*cause =
			    xasprintf(_("this is an update form (it has agentRuntimeId), not a "
					"template: expected a JSON object with \"%s\": %d at its "
					"top level ('%s update FILE' sends an update form)"),
				      TEMPLATE_MARKER, TEMPLATE_VERSION, PACKAGE_NAME);
		else if (k == FORM_CREATE)
			*cause =
			    xasprintf(_("this is a form, not a template: expected a JSON object "
					"with \"%s\": %d at its top level ('%s template FORM -o "
					"TEMPLATE' makes a template from a form)"),
				      TEMPLATE_MARKER, TEMPLATE_VERSION, PACKAGE_NAME);
		else
			*cause = xasprintf(_("this is not a template: expected a JSON object with "
					     "\"%s\": %d at its top level"),
					   TEMPLATE_MARKER, TEMPLATE_VERSION);
		return -1;
	}
	if (!cJSON_IsNumber(m) || m->valuedouble != (double)(int)m->valuedouble) {
		problem(R, TEMPLATE_MARKER, NULL,
			_("is %s: expected the format's version, the whole number %d"),
			json_type_name(m), TEMPLATE_VERSION);
	} else if (m->valueint != TEMPLATE_VERSION) {
		problem(R, TEMPLATE_MARKER, NULL,
			_("is format version %d, which this program does not read: expected "
			  "%d (a newer agentcore-wizard may read it)"),
			m->valueint, TEMPLATE_VERSION);
	}
	R->t->version = TEMPLATE_VERSION;
	return 0;
}

int template_parse(const char *text, size_t len, const struct formdef *def, int translate,
		   struct template **out, struct problems *probs, char **cause)
{
	static const char *const allowed[] = {
	    TEMPLATE_MARKER, "title", "description", "hiddenSections", "fields", "form", NULL};
	struct jsonscan scan;
	struct reader R = {def, NULL, probs, translate};
	cJSON *top;

	*out = NULL;
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3)) {
		text += 3;
		len -= 3;
	}
	if (jsonscan_check(text, len, &scan, cause) != 0)
		return -1;
	jsonscan_release(&scan);
	top = cJSON_ParseWithLength(text, len);
	if (!top) {
		*cause = xstrdup(_("this is not valid JSON"));
		return -1;
	}
	R.t = xcalloc(1, sizeof *R.t);
	R.t->form = document_new();
	if (read_marker(&R, top, cause) != 0) {
		cJSON_Delete(top);
		template_free(R.t);
		return -1;
	}
	unknown_members(&R, top, "", allowed);
	text_member(&R, top, "title", "", TITLE_MAX, &R.t->title);
	if (!R.t->title || !*R.t->title)
		problem(&R, "title", NULL,
			_("is missing or empty: expected one line naming the template"));
	text_member(&R, top, "description", "", DESCRIPTION_MAX, &R.t->description);
	read_form(&R, cJSON_GetObjectItemCaseSensitive(top, "form"), text);
	read_hidden(&R, cJSON_GetObjectItemCaseSensitive(top, "hiddenSections"));
	read_fields(&R, cJSON_GetObjectItemCaseSensitive(top, "fields"));
	check_nesting(&R);
	check_form_values(&R);
	check_no_secrets(&R);
	if (!R.t->title)
		R.t->title = xstrdup("");
	cJSON_Delete(top);
	*out = R.t;
	return 0;
}

int template_load(const char *file, const struct formdef *def, int translate,
		  struct template **out, struct problems *probs, char **cause)
{
	char *text = NULL;
	size_t len = 0;
	int ret;

	*out = NULL;
	if (util_read_file(file, UTIL_FORM_FILE_MAX, &text, &len, cause) != 0)
		return -1;
	ret = template_parse(text, len, def, translate, out, probs, cause);
	if (ret == 0)
		(*out)->file = xstrdup(file);
	free(text);
	return ret;
}

int template_text_is_template(const char *text, size_t len)
{
	return formkind_of_text(text, len) == FORM_TEMPLATE;
}

int template_check_file(const char *file, const struct formdef *def, struct problems *probs,
			char **cause)
{
	char *text = NULL, *ignored = NULL;
	size_t len = 0;
	struct template *t = NULL;
	int ret = 1;

	if (!strcmp(file, "-"))
		return 1;
	if (util_read_file(file, UTIL_FORM_FILE_MAX, &text, &len, &ignored) != 0) {
		free(ignored); /* the form reader says why */
		return 1;
	}
	if (template_text_is_template(text, len)) {
		ret = template_parse(text, len, def, 0, &t, probs, cause);
		template_free(t);
	}
	free(text);
	return ret;
}

void template_free(struct template *t)
{
	size_t i;

	if (!t)
		return;
	free(t->file);
	free(t->title);
	free(t->description);
	document_free(t->form);
	for (i = 0; i < t->nfields; i++)
		tfield_release(&t->fields[i]);
	free(t->fields);
	for (i = 0; i < t->nhidden; i++)
		free(t->hidden_sections[i]);
	free(t->hidden_sections);
	for (i = 0; i < t->nremoved; i++)
		free(t->removed[i].path);
	free(t->removed);
	free(t);
}

/* ---- queries ---- */

const struct tfield *template_rule(const struct template *t, const struct formdef *def,
				   const struct document *doc, const char *path)
{
	struct tpath tp;
	char *why = NULL;
	const struct tfield *f;

	if (tpath_resolve(def, doc, path, &tp, &why) != 0) {
		free(why);
		return NULL;
	}
	f = covering(t, tp.canon, (size_t)-1);
	tpath_release(&tp);
	return f;
}

char *template_hint(const struct tfield *f)
{
	if (!f || (f->mode != TM_YOURS && f->mode != TM_DEFAULT) || (!f->note && !f->example))
		return NULL;
	if (f->note && f->example)
		return xasprintf(_("%s Example: %s"), f->note, f->example);
	if (f->example)
		return xasprintf(_("Example: %s"), f->example);
	return xstrdup(f->note);
}

int template_section_hidden(const struct template *t, const char *section_id)
{
	size_t i;

	for (i = 0; i < t->nhidden; i++)
		if (!strcmp(t->hidden_sections[i], section_id))
			return 1;
	return 0;
}

enum tmode template_mode(const struct template *t, const struct formdef *def,
			 const struct document *doc, const char *path)
{
	const struct tfield *f = template_rule(t, def, doc, path);
	struct tpath tp;
	char *why = NULL;
	const char *sec = NULL;

	if (tpath_resolve(def, doc, path, &tp, &why) == 0) {
		sec = section_of(def, tp.canon);
		tpath_release(&tp);
	}
	free(why);
	if (sec && template_section_hidden(t, sec))
		return TM_HIDDEN;
	return f ? f->mode : TM_NONE;
}

/* Where a yours or locked entry's value is in doc: its document path, or
 * NULL (caller frees). */
static char *value_path(const struct formdef *def, const struct document *doc,
			const struct tfield *f)
{
	struct tpath tp;
	char *why = NULL, *p = NULL;

	if (tpath_resolve(def, doc, f->path, &tp, &why) == 0) {
		p = tp.docpath;
		tp.docpath = NULL;
		tpath_release(&tp);
	}
	free(why);
	return p;
}

static int filled(const struct formdef *def, const struct document *doc, const struct tfield *f)
{
	char *p = value_path(def, doc, f);
	const char *text = p ? document_text(doc, p) : NULL;
	int is = p && (document_type(doc, p) != DT_TEXT || (text && *text));

	free(p);
	return is;
}

/* Whether rule f applies to doc: it is not under a one-of whose other
 * branch is chosen (a code bucket yours while the image was chosen), nor
 * under a member whose `when` rule does not hold (subnets with a public
 * network). Only members on a fixed path (no list or map above) are
 * judged; the others apply. */
static int applies(const struct formdef *def, const struct document *doc, const struct tfield *f)
{
	struct tpath tp;
	char *why = NULL;
	const struct fnode *c;
	const char *b;
	int yes = 1;

	if (!doc || tpath_resolve(def, doc, f->path, &tp, &why) != 0) {
		free(why);
		return 1;
	}
	for (c = tp.node; yes && c && c->parent && c->path; c = c->parent) {
		if (strpbrk(c->path, "[{") || !*c->name)
			continue;
		if (c->parent->kind == FK_ONEOF && c->parent->path && *c->parent->path &&
		    (b = document_branch(doc, c->parent->path)) && strcmp(b, c->name))
			yes = 0;
		else if (c->when_field && !document_when_applies(doc, c, c->path))
			yes = 0;
	}
	tpath_release(&tp);
	return yes;
}

size_t template_yours_count(const struct template *t, const struct formdef *def,
			    const struct document *doc, size_t *nfilled)
{
	size_t i, total = 0;

	*nfilled = 0;
	for (i = 0; i < t->nfields; i++)
		if (t->fields[i].mode == TM_YOURS && applies(def, doc, &t->fields[i])) {
			total++;
			if (doc && filled(def, doc, &t->fields[i]))
				(*nfilled)++;
		}
	return total;
}

struct document *template_start(const struct template *t, const struct formdef *def)
{
	struct document *doc = document_copy(t->form), *base = document_new_form(def);
	size_t i, n = document_count(base, "");

	for (i = 0; i < n; i++) {
		const char *name = document_key(base, "", i);
		enum tmode m = template_mode(t, def, NULL, name);

		if (!document_is_set(doc, name) && m != TM_LOCKED && m != TM_HIDDEN) {
			struct document *v = document_extract(base, name);

			document_graft(doc, name, v);
			document_free(v);
		}
	}
	document_free(base);
	for (i = 0; i < t->nfields; i++) {
		struct tpath tp;
		char *why = NULL;

		if (t->fields[i].mode != TM_YOURS ||
		    tpath_resolve(def, doc, t->fields[i].path, &tp, &why) != 0) {
			free(why);
			continue;
		}
		if (tp.mapkey && !tp.docpath)
			document_map_add(doc, tp.mappath, tp.mapkey, "");
		tpath_release(&tp);
	}
	return doc;
}

enum vstate template_check_value(const struct template *t, const struct formdef *def,
				 const struct document *doc, const char *path, const char *text,
				 char **msg)
{
	const struct tfield *f = template_rule(t, def, doc, path);

	*msg = NULL;
	if (!f || !f->re || !text || !*text || matches(f->re, text) == 1)
		return VS_VALID;
	*msg = xasprintf(_("does not match the team's rule: expected %s"), f->expect);
	return VS_INVALID;
}

/* A locked entry's value in doc is the template's. */
static void check_locked(const struct template *t, const struct formdef *def,
			 const struct document *doc, const struct tfield *f, struct problems *out)
{
	char *mine = value_path(def, t->form, f), *theirs = value_path(def, doc, f);
	struct document *a = mine ? document_extract(t->form, mine) : NULL;
	struct document *b = theirs ? document_extract(doc, theirs) : NULL;

	if ((a || b) && (!a || !b || !document_equal(a, b)))
		problems_add(out, VS_INVALID, f->path, theirs ? theirs : f->path,
			     _("is locked by the template: %s"),
			     f->note && *f->note ? f->note
						 : _("expected the template's value, unchanged"));
	document_free(a);
	document_free(b);
	free(mine);
	free(theirs);
}

enum vstate template_check_document(const struct template *t, const struct formdef *def,
				    const struct document *doc, struct problems *out)
{
	size_t i, before = out->n;
	enum vstate worst = VS_VALID;

	for (i = 0; i < t->nfields; i++) {
		const struct tfield *f = &t->fields[i];
		char *p, *msg = NULL;
		const char *text;

		if (f->mode == TM_LOCKED) {
			check_locked(t, def, doc, f, out);
			continue;
		}
		if ((f->mode != TM_YOURS && f->mode != TM_DEFAULT) || !applies(def, doc, f))
			continue;
		p = value_path(def, doc, f);
		if (f->mode == TM_YOURS && !filled(def, doc, f))
			problems_add(out, VS_INCOMPLETE, f->path, p ? p : f->path,
				     _("is yours to fill: %s"),
				     f->note && *f->note ? f->note : _("expected a value"));
		else if (p && (text = document_text(doc, p)) &&
			 template_check_value(t, def, doc, p, text, &msg) == VS_INVALID)
			problems_add(out, VS_INVALID, f->path, p, "%s", msg);
		free(msg);
		free(p);
	}
	for (i = before; i < out->n; i++)
		if (out->v[i].state > worst)
			worst = out->v[i].state;
	return worst;
}

int template_locked_within(const struct template *t, const struct formdef *def,
			   const struct document *doc, const char *path)
{
	struct tpath tp;
	char *why = NULL;
	size_t i;
	int locked = 0;

	for (i = 0; !*path && i < t->nfields; i++)
		if (t->fields[i].mode == TM_LOCKED)
			return 1;
	if (tpath_resolve(def, doc, path, &tp, &why) != 0) {
		free(why);
		return 0;
	}
	for (i = 0; i < t->nfields && !locked; i++)
		locked =
		    t->fields[i].mode == TM_LOCKED && (tpath_covers(tp.canon, t->fields[i].path) ||
						       tpath_covers(t->fields[i].path, tp.canon));
	tpath_release(&tp);
	return locked;
}

int template_names_entry(const struct template *t, const struct formdef *def,
			 const struct document *doc, const char *path)
{
	struct tpath tp;
	char *why = NULL;
	size_t i;
	int named = 0;

	if (!path || tpath_resolve(def, doc, path, &tp, &why) != 0) {
		free(why);
		return 0;
	}
	for (i = 0; tp.mapkey && i < t->nfields && !named; i++)
		named =
		    t->fields[i].mode != TM_HIDDEN && tpath_covers(tp.canon, t->fields[i].path);
	tpath_release(&tp);
	return named;
}

/* Where a member is in the form's order: the index of each step from the
 * root, most significant first, in key[0..*len). */
static void form_order(const struct fnode *n, size_t *key, size_t *len)
{
	size_t depth = 0, i;
	const struct fnode *m;

	for (m = n; m && m->parent; m = m->parent)
		depth++;
	*len = depth < 32 ? depth : 32;
	for (m = n; m && m->parent; m = m->parent) {
		depth--;
		for (i = 0; i < m->parent->nchildren && m->parent->children[i] != m; i++)
			;
		if (depth < 32)
			key[depth] = i;
	}
}

const struct tfield *template_first_yours(const struct template *t, const struct formdef *def)
{
	const struct tfield *best = NULL;
	size_t bk[32], blen = 0, k[32], len, i, j;

	for (i = 0; i < t->nfields; i++) {
		struct tpath tp;
		char *why = NULL;
		int before = 0;

		if (t->fields[i].mode != TM_YOURS ||
		    tpath_resolve(def, NULL, t->fields[i].path, &tp, &why) != 0) {
			free(why);
			continue;
		}
		form_order(tp.node, k, &len);
		tpath_release(&tp);
		for (j = 0; j < len && j < blen && k[j] == bk[j]; j++)
			;
		before = !best || (j < len && j < blen ? k[j] < bk[j] : len < blen);
		if (before) {
			best = &t->fields[i];
			memcpy(bk, k, sizeof k);
			blen = len;
		}
	}
	return best;
}
