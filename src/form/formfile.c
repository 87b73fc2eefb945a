/* formfile.c: load and save forms in the --cli-input-json format; see formfile.h. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form/document.h"
#include "form/formdef.h"
#include "form/formfile.h"
#include "form/jsonscan.h"
#include "base/util.h"
#include "form/validate.h"

/* A number written with a fraction or an exponent: where, in the text. */
struct literal {
	const cJSON *item;
	size_t off, len;
};

struct import {
	enum ff_mode mode;
	struct problems *problems;
	/* the file holds skeleton placeholders: its choices and booleans were
	 * filled by --generate-cli-skeleton, not chosen */
	int placeholders;
	const char *text;
	struct literal *lits; /* sorted by item */
	size_t nlits;
};

static int by_item(const void *a, const void *b)
{
	const struct literal *x = a, *y = b;
	uintptr_t p = (uintptr_t)x->item, q = (uintptr_t)y->item;

	return p < q ? -1 : p > q;
}

/* How v is written, when it is a number with a fraction or an exponent. */
static const struct literal *written(const struct import *im, const cJSON *v)
{
	struct literal key = {v, 0, 0};

	if (!im->nlits)
		return NULL;
	return bsearch(&key, im->lits, im->nlits, sizeof *im->lits, by_item);
}

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

static cJSON *import(struct import *im, const struct fnode *f, const cJSON *v, const char *path);

/* Does group or one-of out (read from a file in FF_SKELETON mode) go?  In a
 * skeleton, a group with nothing typed goes: whatever choices and booleans
 * it kept are the skeleton's first values. A file without placeholders (as
 * the wizard saves one) is read as it was written: an empty group goes only
 * where the writer would not have written it, so a chosen one-of branch or
 * a list's item stays, even empty, and is then reported incomplete. */
static int dropped_group(const struct import *im, const struct fnode *f, const cJSON *out)
{
	if (!f->parent)
		return 0;
	if (im->placeholders)
		return cJSON_GetArraySize(out) == 0 || !substantive(f, out);
	return cJSON_GetArraySize(out) == 0 && f->parent->kind != FK_ONEOF &&
	       f->parent->kind != FK_LIST && f->parent->kind != FK_SUBLIST;
}

/* The items of list v, each as f's item describes it. */
static cJSON *import_list(struct import *im, const struct fnode *f, const cJSON *v,
			  const char *path)
{
	cJSON *out = cJSON_CreateArray(), *x;
	const cJSON *c;
	size_t i = 0;

	cJSON_ArrayForEach (c, v) {
		char *p = xasprintf("%s[%zu]", path, i++);

		x = import(im, f->item, c, p);
		free(p);
		if (x)
			cJSON_AddItemToArray(out, x);
	}
	return out;
}

/* The entries of map v: text values; the skeleton's "KeyName": "" goes. */
static cJSON *import_map(struct import *im, const cJSON *v, const char *path)
{
	cJSON *out = cJSON_CreateObject();
	const cJSON *c;
	int skel = im->mode == FF_SKELETON;

	cJSON_ArrayForEach (c, v) {
		char *p = child_path(path, c->string);

		if (skel && (!strcmp(c->string, "KeyName") || !*c->string) && cJSON_IsString(c) &&
		    !*c->valuestring) {
			free(p);
			continue;
		}
		if (!cJSON_IsString(c)) {
			problems_add(im->problems, VS_INVALID, p, p, _("is %s: expected text"),
				     json_type_name(c));
		} else {
			cJSON_AddItemToObject(out, c->string, cJSON_Duplicate(c, 0));
		}
		free(p);
	}
	return out;
}

/* The members of group or one-of v that f knows, each once. */
static cJSON *import_members(struct import *im, const struct fnode *f, const cJSON *v,
			     const char *path)
{
	cJSON *out = cJSON_CreateObject(), *x;
	const cJSON *c;

	cJSON_ArrayForEach (c, v) {
		const struct fnode *k = fnode_child(f, c->string);
		char *p = child_path(path, c->string);

		if (!k) {
			char *m = validate_unknown_message(f, c->string);

			problems_add(im->problems, VS_INVALID, p, p, "%s", m);
			free(m);
		} else if (cJSON_GetObjectItemCaseSensitive(out, c->string)) {
			problems_add(im->problems, VS_INVALID, p, p,
				     _("appears twice: expected each member once"));
		} else if ((x = import(im, k, c, p))) {
			cJSON_AddItemToObject(out, c->string, x);
		}
		free(p);
	}
	return out;
}

/* A skeleton's one-of: two filled branches are a conflict; otherwise the
 * untouched branches go. */
static void prune_oneof(struct import *im, const struct fnode *f, cJSON *out, const char *path)
{
	size_t filled = 0;
	cJSON *keep = NULL, *next, *x;

	/* written by the wizard (no placeholders): the one branch chosen stays */
	if (!im->placeholders && cJSON_GetArraySize(out) <= 1)
		return;

	for (x = out->child; x; x = x->next)
		if (substantive(fnode_child(f, x->string), x)) {
			filled++;
			keep = x;
		}
	if (filled > 1) {
		struct strbuf names = {0};

		for (x = out->child; x; x = x->next)
			if (substantive(fnode_child(f, x->string), x)) {
				char *n = validate_named(fnode_child(f, x->string));

				strbuf_addf(&names, "%s%s", names.len ? _(" and ") : "", n);
				free(n);
			}
		problems_add(im->problems, VS_INVALID, path, path,
			     _("has both %s filled in: keep exactly one"), names.s);
		strbuf_release(&names);
		return;
	}
	/* drop the untouched branches of the skeleton */
	for (x = out->child; x; x = next) {
		next = x->next;
		if (x != keep && (filled || !substantive(fnode_child(f, x->string), x)))
			cJSON_Delete(cJSON_DetachItemViaPointer(out, x));
	}
}

/* The problem with v as f's value before its contents are looked at (a
 * fraction for a whole number, a wrong type), recorded; 0 when none. */
static int import_refused(struct import *im, const struct fnode *f, const cJSON *v,
			  const char *path)
{
	const struct literal *lit;
	char *m = NULL;

	if (f->kind == FK_INTEGER && fnode_accepts(f, v) && (lit = written(im, v)))
		/* botocore refuses a float for an integer, even a whole one */
		m = validate_literal_message(f, im->text + lit->off, lit->len);
	else if (!fnode_accepts(f, v))
		m = validate_type_message(f, v);
	if (!m)
		return 0;
	problems_add(im->problems, VS_INVALID, path, path, "%s", m);
	free(m);
	return 1;
}

/* Build a clean copy of v as f describes it; NULL drops the value (with a
 * problem recorded when it is wrong rather than merely unset). */
static cJSON *import(struct import *im, const struct fnode *f, const cJSON *v, const char *path)
{
	cJSON *out = NULL;
	int skel = im->mode == FF_SKELETON;

	if (import_refused(im, f, v, path))
		return NULL;
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
	case FK_MAP:
		out = f->kind == FK_MAP ? import_map(im, v, path) : import_list(im, f, v, path);
		if (skel && cJSON_GetArraySize(out) == 0)
			goto drop;
		return out;
	case FK_GROUP:
	case FK_ONEOF:
		out = import_members(im, f, v, path);
		if (skel && f->kind == FK_ONEOF)
			prune_oneof(im, f, out, path);
		if (skel && dropped_group(im, f, out))
			goto drop;
		return out;
	}
drop:
	cJSON_Delete(out);
	return NULL;
}

/* The numbers of j in text order (cJSON builds its items in that order):
 * those the scan found written with a fraction or an exponent go to lits. */
static void find_literals(const cJSON *j, const struct jsonscan *scan, size_t *nth,
			  struct literal *lits, size_t *n)
{
	const cJSON *c;

	if (cJSON_IsNumber(j)) {
		if (*n < scan->nfractional && scan->fractional[*n].nth == *nth) {
			lits[*n].item = j;
			lits[*n].off = scan->fractional[*n].off;
			lits[*n].len = scan->fractional[*n].len;
			(*n)++;
		}
		(*nth)++;
		return;
	}
	cJSON_ArrayForEach (c, j)
		find_literals(c, scan, nth, lits, n);
}

int formfile_parse(const char *text, size_t len, const struct formdef *def, enum ff_mode mode,
		   struct document **out, struct problems *problems, char **cause)
{
	const char *end = NULL;
	cJSON *j;
	struct import im = {mode, problems, 0, text, NULL, 0};
	struct jsonscan scan;
	cJSON *clean;
	char *parsed;
	size_t plen;

	*out = NULL;
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3)) {
		text += 3; /* a UTF-8 byte order mark */
		len -= 3;
		im.text = text;
		/* the wizard reads it (and saves without it); a file judged as
		 * the AWS CLI will read it is refused, as the CLI refuses it */
		if (mode == FF_STRICT && problems)
			problems_add(
			    problems, VS_INVALID, "", NULL, "%s",
			    _("the file starts with a byte order mark (U+FEFF), which the "
			      "AWS CLI refuses: expected the JSON text without it (the "
			      "wizard saves a form without it)"));
	}
	/* cJSON takes JSON that the AWS CLI refuses, and cannot say where or
	 * why it stopped: the scan judges the text first */
	if (jsonscan_check(text, len, &scan, cause) != 0)
		return -1;
	/* NUL characters as the document keeps them (JSON_NUL) */
	parsed = jsonscan_for_cjson(text, len, &scan, &plen);
	if (!parsed)
		plen = len;
	j = cJSON_ParseWithLengthOpts(parsed ? parsed : text, plen, &end, 0);
	if (!j) {
		/* not expected after the scan; said with cJSON's place */
		const char *err = cJSON_GetErrorPtr(), *t = parsed ? parsed : text;
		size_t line, col;

		jsonscan_position(t, err && err >= t && err <= t + plen ? (size_t)(err - t) : plen,
				  &line, &col);
		free(parsed);
		*cause = xasprintf(_("line %zu, column %zu: this is not valid JSON"), line, col);
		jsonscan_release(&scan);
		return -1;
	}
	free(parsed);
	if (!cJSON_IsObject(j)) {
		*cause =
		    xasprintf(_("the file holds %s: expected a JSON object with the request's "
				"members"),
			      json_type_name(j));
		cJSON_Delete(j);
		jsonscan_release(&scan);
		return -1;
	}
	if (scan.nfractional) {
		size_t nth = 0;

		im.lits = xcalloc(scan.nfractional, sizeof *im.lits);
		find_literals(j, &scan, &nth, im.lits, &im.nlits);
		qsort(im.lits, im.nlits, sizeof *im.lits, by_item);
	}
	jsonscan_release(&scan);
	im.placeholders = mode == FF_SKELETON && has_placeholder(def->root, j);
	clean = import(&im, def->root, j, "");
	cJSON_Delete(j);
	free(im.lits);
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

/* follow: write through a symbolic link at file (formfile_save) or replace
 * it (formfile_save_nofollow). */
static int save(const char *file, const struct document *doc, const struct formdef *def,
		int follow, char **cause)
{
	char *json = document_to_json(doc, def, 1);
	int ret = follow ? util_write_atomic(file, json, strlen(json), 0600, cause)
			 : util_write_atomic_nofollow(file, json, strlen(json), 0600, cause);

	free(json);
	return ret;
}

int formfile_save(const char *file, const struct document *doc, const struct formdef *def,
		  char **cause)
{
	return save(file, doc, def, 1, cause);
}

int formfile_save_nofollow(const char *file, const struct document *doc, const struct formdef *def,
			   char **cause)
{
	return save(file, doc, def, 0, cause);
}
