/* template_write.c: making a template from a form, taking secrets out, and
 * writing the file as the AWS CLI prints JSON; see template.h. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "form/document.h"
#include "form/formdef.h"
#include "form/secret.h"
#include "form/template.h"
#include "form/template_path.h"
#include "base/util.h"

static const char *const mode_names[] = {"", "locked", "default", "yours", "hidden"};

/* First choices: what a platform team decides, and what each newcomer does. */
static const char *const first_locked[] = {"roleArn", "networkConfiguration",
					   "authorizerConfiguration"};
static const char *const first_yours[] = {
    "agentRuntimeName", "agentRuntimeArtifact.containerConfiguration.containerUri",
    "agentRuntimeArtifact.codeConfiguration.code.s3.prefix"};

static struct tfield *entry(struct template *t, const char *canon)
{
	size_t i;

	for (i = 0; i < t->nfields; i++)
		if (!strcmp(t->fields[i].path, canon))
			return &t->fields[i];
	return NULL;
}

static void drop_entry(struct template *t, struct tfield *f)
{
	size_t i = (size_t)(f - t->fields);

	tfield_release(f);
	memmove(f, f + 1, (t->nfields - i - 1) * sizeof *f);
	t->nfields--;
}

struct template *template_from_document(const struct document *doc, const struct formdef *def)
{
	struct template *t = xcalloc(1, sizeof *t);
	size_t i;
	char *cause = NULL;

	t->version = TEMPLATE_VERSION;
	t->title = xstrdup(_("Untitled template"));
	t->form = document_copy(doc);
	for (i = 0; i < sizeof first_locked / sizeof first_locked[0]; i++)
		if (document_is_set(doc, first_locked[i]))
			template_mark(t, def, first_locked[i], TM_LOCKED, NULL, &cause);
	for (i = 0; i < sizeof first_yours / sizeof first_yours[0]; i++)
		if (!i || document_is_set(doc, first_yours[i]))
			template_mark(t, def, first_yours[i], TM_YOURS, NULL, &cause);
	free(cause); /* every first choice names a member of forms/ */
	return t;
}

int template_mark(struct template *t, const struct formdef *def, const char *path, enum tmode mode,
		  const char *note, char **cause)
{
	struct tpath tp;
	char *why = NULL;
	struct tfield *f;
	size_t i;

	if (tpath_resolve(def, NULL, path, &tp, &why) != 0) {
		*cause = xasprintf(_("%s names no member of the form: %s"), path, why);
		free(why);
		return -1;
	}
	for (i = 0; i < t->nfields; i++) {
		f = &t->fields[i];
		if (strcmp(f->path, tp.canon) && tpath_covers(f->path, tp.canon) &&
		    (f->mode == TM_LOCKED || f->mode == TM_HIDDEN) && mode != f->mode &&
		    mode != TM_NONE) {
			*cause = xasprintf(_("%s is inside %s, which is %s: mark that one's other "
					     "members instead"),
					   tp.canon, f->path, mode_names[f->mode]);
			tpath_release(&tp);
			return -1;
		}
	}
	/* what is locked or hidden holds no other choice below it */
	for (i = t->nfields; mode == TM_LOCKED || mode == TM_HIDDEN ? i-- > 0 : 0;)
		if (strcmp(t->fields[i].path, tp.canon) &&
		    tpath_covers(tp.canon, t->fields[i].path))
			drop_entry(t, &t->fields[i]);
	f = entry(t, tp.canon);
	if (mode == TM_NONE) {
		if (f)
			drop_entry(t, f);
	} else {
		if (!f) {
			t->fields = xrealloc(t->fields, (t->nfields + 1) * sizeof *t->fields);
			f = &t->fields[t->nfields++];
			memset(f, 0, sizeof *f);
			f->path = xstrdup(tp.canon);
		}
		f->mode = mode;
		if (note) {
			free(f->note);
			f->note = xstrdup(note);
		}
	}
	tpath_release(&tp);
	return 0;
}

int template_hide_section(struct template *t, const struct formdef *def, const char *id,
			  char **cause)
{
	size_t s;
	struct strbuf ids = {0};

	for (s = 0; s < def->nsections; s++)
		if (!def->sections[s].review && !strcmp(def->sections[s].id, id)) {
			if (!template_section_hidden(t, id)) {
				t->hidden_sections =
				    xrealloc(t->hidden_sections,
					     (t->nhidden + 1) * sizeof *t->hidden_sections);
				t->hidden_sections[t->nhidden++] = xstrdup(id);
			}
			return 0;
		}
	for (s = 0; s < def->nsections; s++)
		if (!def->sections[s].review)
			strbuf_addf(&ids, "%s%s", ids.len ? ", " : "", def->sections[s].id);
	*cause = xasprintf(_("there is no section \"%s\" to hide: expected one of %s"), id, ids.s);
	strbuf_release(&ids);
	return -1;
}

void template_set_title(struct template *t, const char *title, const char *description)
{
	if (title) {
		free(t->title);
		t->title = xstrdup(title);
	}
	if (description) {
		free(t->description);
		t->description = *description ? xstrdup(description) : NULL;
	}
}

void template_show_section(struct template *t, const char *id)
{
	size_t i;

	for (i = 0; i < t->nhidden; i++)
		if (!strcmp(t->hidden_sections[i], id)) {
			free(t->hidden_sections[i]);
			memmove(&t->hidden_sections[i], &t->hidden_sections[i + 1],
				(t->nhidden - i - 1) * sizeof *t->hidden_sections);
			t->nhidden--;
			return;
		}
}

char *template_path_of(const struct formdef *def, const struct document *doc, const char *docpath)
{
	struct tpath tp;
	char *why = NULL, *canon;

	if (tpath_resolve(def, doc, docpath, &tp, &why) != 0) {
		free(why);
		return NULL;
	}
	canon = tp.canon;
	tp.canon = NULL;
	tpath_release(&tp);
	return canon;
}

int template_path_covers(const char *outer, const char *inner)
{
	return tpath_covers(outer, inner);
}

static void record(struct template *t, const char *path, int secret)
{
	t->removed = xrealloc(t->removed, (t->nremoved + 1) * sizeof *t->removed);
	t->removed[t->nremoved].path = xstrdup(path);
	t->removed[t->nremoved++].secret = secret;
}

/* A secret inside a map that is locked or hidden as a whole: the map's
 * other entries keep that mode one by one, and the secret becomes yours. */
static void split_map(struct template *t, const struct formdef *def, const char *mappath,
		      const char *map_canon)
{
	struct tfield *m = entry(t, map_canon);
	enum tmode mode;
	char *note;
	size_t i, n = document_count(t->form, mappath);
	char *cause = NULL;

	if (!m || (m->mode != TM_LOCKED && m->mode != TM_HIDDEN))
		return;
	mode = m->mode;
	note = m->note ? xstrdup(m->note) : NULL;
	drop_entry(t, m);
	for (i = 0; i < n; i++) {
		struct strbuf b = {0};
		char *p;

		strbuf_adds(&b, map_canon);
		validate_path_join(&b, document_key(t->form, mappath, i));
		p = strbuf_finish(&b);
		if (!secret_name(document_key(t->form, mappath, i)))
			template_mark(t, def, p, mode, note, &cause);
		free(cause);
		cause = NULL;
		free(p);
	}
	free(note);
}

/* Make every secret-looking value yours. */
static void secrets_yours(struct template *t, const struct formdef *def)
{
	char **paths = NULL, *cause = NULL;
	size_t i, n = secret_paths(t->form, &paths);

	for (i = 0; i < n; i++) {
		struct tpath tp;
		struct tfield *f;

		if (tpath_resolve(def, t->form, paths[i], &tp, &cause) != 0) {
			free(cause);
			cause = NULL;
			continue;
		}
		if (tp.mapkey)
			split_map(t, def, tp.mappath, tp.mapcanon);
		f = entry(t, tp.canon);
		if (!f || f->mode != TM_YOURS)
			template_mark(t, def, tp.canon, TM_YOURS,
				      _("A secret: fill in your own value. Templates never hold "
					"secrets."),
				      &cause);
		free(cause);
		cause = NULL;
		tpath_release(&tp);
	}
	secret_paths_free(paths, n);
}

void template_strip(struct template *t, const struct formdef *def)
{
	size_t i;

	secrets_yours(t, def);
	for (i = 0; i < t->nfields; i++) {
		struct tfield *f = &t->fields[i];
		struct tpath tp;
		char *why = NULL;
		const char *text;

		if (f->mode != TM_YOURS || tpath_resolve(def, t->form, f->path, &tp, &why) != 0) {
			free(why);
			continue;
		}
		text = tp.docpath ? document_text(t->form, tp.docpath) : NULL;
		if (tp.docpath && !(text && !*text)) {
			int secret = tp.mapkey && secret_name(tp.mapkey);

			if (!secret && text && !f->example && !f->pattern)
				f->example = xstrdup(text);
			record(t, f->path, secret);
			document_remove(t->form, tp.docpath);
		} else if (tp.docpath) {
			document_remove(t->form, tp.docpath); /* an empty entry: no value */
		}
		tpath_release(&tp);
	}
}

/* ---- writing, as Python's json.dumps(indent=4) does ---- */

static void put_string(struct strbuf *b, const char *s)
{
	strbuf_addc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			strbuf_addf(b, "\\%c", c);
		else if (c == '\n')
			strbuf_adds(b, "\\n");
		else if (c == '\t')
			strbuf_adds(b, "\\t");
		else if (c == '\r')
			strbuf_adds(b, "\\r");
		else if (c < 0x20 || c == 0x7f)
			strbuf_addf(b, "\\u%04x", c);
		else
			strbuf_addc(b, (char)c);
	}
	strbuf_addc(b, '"');
}

static void put_value(struct strbuf *b, const cJSON *v, int depth)
{
	const cJSON *c;

	if (cJSON_IsObject(v) || cJSON_IsArray(v)) {
		int obj = cJSON_IsObject(v);

		if (!v->child) {
			strbuf_adds(b, obj ? "{}" : "[]");
			return;
		}
		strbuf_addc(b, obj ? '{' : '[');
		for (c = v->child; c; c = c->next) {
			strbuf_addf(b, "\n%*s", (depth + 1) * 4, "");
			if (obj) {
				put_string(b, c->string);
				strbuf_adds(b, ": ");
			}
			put_value(b, c, depth + 1);
			if (c->next)
				strbuf_addc(b, ',');
		}
		strbuf_addf(b, "\n%*s%c", depth * 4, "", obj ? '}' : ']');
	} else if (cJSON_IsString(v)) {
		put_string(b, v->valuestring);
	} else {
		char *s = cJSON_PrintUnformatted(v);

		if (!s)
			util_fatal("%s", _("out of memory"));
		strbuf_adds(b, s);
		cJSON_free(s);
	}
}

static void add_text(cJSON *o, const char *key, const char *text)
{
	if (text)
		cJSON_AddItemToObject(o, key, cJSON_CreateString(text));
}

char *template_to_json(struct template *t, const struct formdef *def)
{
	cJSON *top = cJSON_CreateObject(), *fields = cJSON_CreateObject(), *form;
	char *json;
	struct strbuf b = {0};
	size_t i;

	template_strip(t, def);
	cJSON_AddNumberToObject(top, TEMPLATE_MARKER, TEMPLATE_VERSION);
	add_text(top, "title", t->title);
	add_text(top, "description", t->description);
	if (t->nhidden) {
		cJSON *h = cJSON_CreateArray();

		for (i = 0; i < t->nhidden; i++)
			cJSON_AddItemToArray(h, cJSON_CreateString(t->hidden_sections[i]));
		cJSON_AddItemToObject(top, "hiddenSections", h);
	}
	for (i = 0; i < t->nfields; i++) {
		cJSON *e = cJSON_CreateObject();

		cJSON_AddStringToObject(e, "mode", mode_names[t->fields[i].mode]);
		add_text(e, "note", t->fields[i].note);
		add_text(e, "example", t->fields[i].example);
		add_text(e, "pattern", t->fields[i].pattern);
		add_text(e, "expect", t->fields[i].expect);
		cJSON_AddItemToObject(fields, t->fields[i].path, e);
	}
	cJSON_AddItemToObject(top, "fields", fields);
	json = document_to_json(t->form, def, 0);
	form = cJSON_Parse(json);
	free(json);
	cJSON_AddItemToObject(top, "form", form ? form : cJSON_CreateObject());
	put_value(&b, top, 0);
	strbuf_addc(&b, '\n');
	cJSON_Delete(top);
	return strbuf_finish(&b);
}

size_t template_verify(struct template *t, const struct formdef *def, struct problems *probs)
{
	char *json = template_to_json(t, def), *cause = NULL;
	struct template *back = NULL;
	size_t before = probs->n;

	if (template_parse(json, strlen(json), def, 0, &back, probs, &cause) != 0) {
		problems_add(probs, VS_INVALID, "", "", "%s", cause); /* not expected */
		free(cause);
	}
	template_free(back);
	free(json);
	return probs->n - before;
}

int template_save(struct template *t, const struct formdef *def, const char *file, char **cause)
{
	char *json = template_to_json(t, def);
	int ret = util_write_atomic(file, json, strlen(json), 0644, cause);

	free(json);
	return ret;
}
