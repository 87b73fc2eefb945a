/* formfile.c: load and save forms in the --cli-input-json format; see formfile.h. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "formdef.h"
#include "formfile.h"
#include "util.h"
#include "validate.h"

struct import {
	enum ff_mode mode;
	struct problems *problems;
	/* the file holds skeleton placeholders: its choices and booleans were
	 * filled by --generate-cli-skeleton, not chosen */
	int placeholders;
};

/* The path of member or key `name` below path, escaped as validate's are. */
static char *child_path(const char *path, const char *name)
{
	struct strbuf b = {0};

	strbuf_adds(&b, path);
	validate_path_join(&b, name);
	return strbuf_finish(&b);
}

/* Does the (already pruned) value hold anything a person typed?  Choices and
 * booleans do not count: the skeleton fills them with a first value. */
static int substantive(const struct fnode *f, const cJSON *v)
{
	const cJSON *c;
	size_t i;

	switch (f->kind) {
	case FK_TEXT:
		return cJSON_IsString(v) && *v->valuestring;
	case FK_INTEGER:
		return cJSON_IsNumber(v) && v->valuedouble != 0;
	case FK_CHOICE:
	case FK_BOOLEAN:
		return 0;
	case FK_MAP:
		return cJSON_GetArraySize(v) > 0;
	case FK_LIST:
	case FK_SUBLIST:
		cJSON_ArrayForEach (c, v) {
			if (substantive(f->item, c))
				return 1;
		}
		return 0;
	case FK_GROUP:
	case FK_ONEOF:
		for (i = 0; i < f->nchildren; i++) {
			c = cJSON_GetObjectItemCaseSensitive(v, f->children[i]->name);
			if (c && substantive(f->children[i], c))
				return 1;
		}
		return 0;
	}
	return 0;
}

/* Does the JSON hold a placeholder of --generate-cli-skeleton anywhere: ""
 * for text, 0 for a whole number, a "KeyName": "" map entry?  A map's other
 * values are not placeholders: an empty environment variable or tag value is
 * legal, and the skeleton prints no entry but KeyName. A form the wizard saved
 * never holds one (it writes only set values). Members f does not know, and
 * values of the wrong kind, are the reader's problems, never placeholders. */
static int has_placeholder(const struct fnode *f, const cJSON *v)
{
	const cJSON *c;
	const struct fnode *k;

	if (!fnode_accepts(f, v))
		return 0;
	switch (f->kind) {
	case FK_TEXT:
	case FK_CHOICE:
		return !*v->valuestring;
	case FK_INTEGER:
		return v->valuedouble == 0;
	case FK_BOOLEAN:
		return 0;
	case FK_MAP:
		c = cJSON_GetObjectItemCaseSensitive(v, "KeyName");
		return cJSON_IsString(c) && !*c->valuestring;
	case FK_LIST:
	case FK_SUBLIST:
		cJSON_ArrayForEach (c, v) {
			if (has_placeholder(f->item, c))
				return 1;
		}
		return 0;
	case FK_GROUP:
	case FK_ONEOF:
		cJSON_ArrayForEach (c, v) {
			if ((k = fnode_child(f, c->string)) && has_placeholder(k, c))
				return 1;
		}
		return 0;
	}
	return 0;
}

static int missing_required(const struct fnode *f, const cJSON *v)
{
	size_t i;

	for (i = 0; i < f->nchildren; i++)
		if (f->children[i]->required &&
		    !cJSON_GetObjectItemCaseSensitive(v, f->children[i]->name))
			return 1;
	return 0;
}

/* Build a clean copy of v as f describes it; NULL drops the value (with a
 * problem recorded when it is wrong rather than merely unset). */
static cJSON *import(struct import *im, const struct fnode *f, const cJSON *v, const char *path)
{
	cJSON *out = NULL, *x;
	const cJSON *c;
	size_t i = 0;
	int skel = im->mode == FF_SKELETON;

	if (!fnode_accepts(f, v)) {
		char *m = validate_type_message(f, v);

		problems_add(im->problems, VS_INVALID, path, path, "%s", m);
		free(m);
		return NULL;
	}
	switch (f->kind) {
	case FK_TEXT:
	case FK_CHOICE:
		if (skel && !*v->valuestring)
			return NULL;
		return cJSON_Duplicate(v, 0);
	case FK_INTEGER:
		if (skel && v->valuedouble == 0)
			return NULL;
		return cJSON_CreateNumber(v->valuedouble);
	case FK_BOOLEAN:
		/* the skeleton prints every boolean as true: in a file with its
		 * placeholders, true is its pick, as its choices are (and
		 * requireServiceS3Endpoint, the one boolean, is refused when
		 * set); false was typed */
		if (skel && im->placeholders && cJSON_IsTrue(v))
			return NULL;
		return cJSON_Duplicate(v, 0);
	case FK_LIST:
	case FK_SUBLIST:
		out = cJSON_CreateArray();
		cJSON_ArrayForEach (c, v) {
			char *p = xasprintf("%s[%zu]", path, i++);

			x = import(im, f->item, c, p);
			free(p);
			if (x)
				cJSON_AddItemToArray(out, x);
		}
		if (skel && cJSON_GetArraySize(out) == 0)
			goto drop;
		return out;
	case FK_MAP:
		out = cJSON_CreateObject();
		cJSON_ArrayForEach (c, v) {
			char *p = child_path(path, c->string);

			if (skel && (!strcmp(c->string, "KeyName") || !*c->string) &&
			    cJSON_IsString(c) && !*c->valuestring) {
				free(p);
				continue;
			}
			if (!cJSON_IsString(c)) {
				problems_add(im->problems, VS_INVALID, p, p,
					     _("is %s: expected text"), json_type_name(c));
			} else {
				cJSON_AddItemToObject(out, c->string, cJSON_Duplicate(c, 0));
			}
			free(p);
		}
		if (skel && cJSON_GetArraySize(out) == 0)
			goto drop;
		return out;
	case FK_GROUP:
	case FK_ONEOF:
		out = cJSON_CreateObject();
		cJSON_ArrayForEach (c, v) {
			const struct fnode *k = fnode_child(f, c->string);
			char *p = child_path(path, c->string);

			if (!k) {
				problems_add(im->problems, VS_INVALID, p, p,
					     _("unknown member: not part of the "
					       "CreateAgentRuntime request"));
			} else if (cJSON_GetObjectItemCaseSensitive(out, c->string)) {
				problems_add(im->problems, VS_INVALID, p, p,
					     _("appears twice: expected each member once"));
			} else if ((x = import(im, k, c, p))) {
				cJSON_AddItemToObject(out, c->string, x);
			}
			free(p);
		}
		if (skel && f->kind == FK_ONEOF) {
			size_t filled = 0;
			cJSON *keep = NULL, *next;

			for (x = out->child; x; x = x->next)
				if (substantive(fnode_child(f, x->string), x)) {
					filled++;
					keep = x;
				}
			if (filled > 1) {
				struct strbuf names = {0};

				for (x = out->child; x; x = x->next)
					if (substantive(fnode_child(f, x->string), x))
						strbuf_addf(&names, "%s%s",
							    names.len ? _(" and ") : "",
							    x->string);
				problems_add(im->problems, VS_INVALID, path, path,
					     _("has both %s filled in: keep exactly one"),
					     names.s);
				strbuf_release(&names);
			} else {
				/* drop the untouched branches of the skeleton */
				for (x = out->child; x; x = next) {
					next = x->next;
					if (x != keep &&
					    (filled || !substantive(fnode_child(f, x->string), x)))
						cJSON_Delete(cJSON_DetachItemViaPointer(out, x));
				}
			}
		}
		/* a group with nothing typed goes: in a skeleton, whatever choices
		 * and booleans it kept are the skeleton's first values */
		if (skel && f->parent &&
		    (cJSON_GetArraySize(out) == 0 ||
		     (!substantive(f, out) && (im->placeholders || missing_required(f, out)))))
			goto drop;
		return out;
	}
drop:
	cJSON_Delete(out);
	return NULL;
}

/* One pass over JSON text, outside and inside its strings: *nul gets the
 * offset of the first \u0000 escape (cJSON's strings end at a NUL, so the rest
 * of the text would be lost without a word), *deep that of the first bracket
 * deeper than cJSON's nesting limit; (size_t)-1 when there is none. */
static void scan_json(const char *text, size_t len, size_t *nul, size_t *deep)
{
	size_t i, depth = 0;
	int in_string = 0;

	*nul = *deep = (size_t)-1;
	for (i = 0; i < len; i++) {
		if (in_string) {
			if (text[i] == '"') {
				in_string = 0;
			} else if (text[i] == '\\') {
				if (*nul == (size_t)-1 && i + 5 < len &&
				    !memcmp(text + i + 1, "u0000", 5))
					*nul = i;
				i++; /* the escaped character, which may be a quote */
			}
		} else if (text[i] == '"') {
			in_string = 1;
		} else if (text[i] == '[' || text[i] == '{') {
			if (++depth > CJSON_NESTING_LIMIT && *deep == (size_t)-1)
				*deep = i;
		} else if ((text[i] == ']' || text[i] == '}') && depth) {
			depth--;
		}
	}
}

static void position(const char *text, size_t off, size_t *line, size_t *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)text[i] & 0xc0) != 0x80) {
			(*col)++;
		}
	}
}

int formfile_parse(const char *text, size_t len, const struct formdef *def, enum ff_mode mode,
		   struct document **out, struct problems *problems, char **cause)
{
	const char *end = NULL;
	cJSON *j;
	struct import im = {mode, problems, 0};
	cJSON *clean;

	*out = NULL;
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3)) {
		text += 3; /* a UTF-8 byte order mark */
		len -= 3;
	}
	j = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	if (!j) {
		/* cJSON reports an early end at the last byte; parse again with a
		 * sentinel byte appended to tell "ends too early" from a bad byte. */
		char *copy = xmalloc(len + 1);
		const char *err;
		size_t line, col, off, nul, deep;

		memcpy(copy, text, len);
		copy[len] = '\x01';
		cJSON_Delete(cJSON_ParseWithLengthOpts(copy, len + 1, NULL, 0));
		err = cJSON_GetErrorPtr();
		off = err && err >= copy && err <= copy + len ? (size_t)(err - copy) : len;
		free(copy);
		scan_json(text, len, &nul, &deep);
		if (deep != (size_t)-1 && deep <= off) {
			position(text, deep, &line, &col);
			*cause =
			    xasprintf(_("line %zu, column %zu: the JSON is nested too deeply: "
					"expected at most %d levels of objects and lists"),
				      line, col, CJSON_NESTING_LIMIT);
			return -1;
		}
		position(text, off, &line, &col);
		if (off >= len)
			*cause =
			    xasprintf(_("line %zu, column %zu: the JSON ends too early: expected "
					"a complete object"),
				      line, col);
		else
			*cause = xasprintf(_("line %zu, column %zu: this is not valid JSON"), line,
					   col);
		return -1;
	}
	{
		/* only blanks may follow the object */
		size_t off = end ? (size_t)(end - text) : len;

		while (off < len && strchr(" \t\r\n", text[off]))
			off++;
		if (off < len) {
			size_t line, col;

			position(text, off, &line, &col);
			*cause =
			    xasprintf(_("line %zu, column %zu: unexpected text after the JSON "
					"object"),
				      line, col);
			cJSON_Delete(j);
			return -1;
		}
	}
	{
		size_t nul, deep, line, col;

		scan_json(text, len, &nul, &deep);
		if (nul != (size_t)-1) {
			position(text, nul, &line, &col);
			*cause = xasprintf(_("line %zu, column %zu: \\u0000 (a NUL character) "
					     "cannot be kept in a form: expected text without it"),
					   line, col);
			cJSON_Delete(j);
			return -1;
		}
	}
	if (!cJSON_IsObject(j)) {
		*cause =
		    xasprintf(_("the file holds %s: expected a JSON object with the request's "
				"members"),
			      json_type_name(j));
		cJSON_Delete(j);
		return -1;
	}
	im.placeholders = mode == FF_SKELETON && has_placeholder(def->root, j);
	clean = import(&im, def->root, j, "");
	cJSON_Delete(j);
	*out = document_adopt_json(clean ? clean : cJSON_CreateObject());
	return 0;
}

int formfile_load(const char *file, const struct formdef *def, enum ff_mode mode,
		  struct document **out, struct problems *problems, char **cause)
{
	char *text = NULL;
	size_t len = 0;
	int ret;

	*out = NULL;
	if (util_read_file(file, UTIL_FORM_FILE_MAX, &text, &len, cause) != 0)
		return -1;
	ret = formfile_parse(text, len, def, mode, out, problems, cause);
	free(text);
	return ret;
}

int formfile_save(const char *file, const struct document *doc, const struct formdef *def,
		  char **cause)
{
	char *json = document_to_json(doc, def, 1);
	int ret = util_write_atomic(file, json, strlen(json), 0600, cause);

	free(json);
	return ret;
}
