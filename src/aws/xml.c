/* xml.c: AWS XML answers read with libexpat into a tree; see xml.h. */
#include "config.h"

#include <expat.h>
#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>

#include "aws/sigv4.h"
#include "aws/xml.h"
#include "base/util.h"

/* Memory for the parser that is wiped when freed: expat keeps copies of the
 * input (an STS answer's secret key) in buffers of its own. Each block
 * carries its size in front. */
#define HDR sizeof(max_align_t)

static void *wiping_malloc(size_t n)
{
	unsigned char *p = malloc(n + HDR);

	if (!p)
		return NULL;
	memcpy(p, &n, sizeof n);
	return p + HDR;
}

static void wiping_free(void *ptr)
{
	unsigned char *p = ptr;
	size_t n;

	if (!p)
		return;
	p -= HDR;
	memcpy(&n, p, sizeof n);
	OPENSSL_cleanse(p, n + HDR);
	free(p);
}

static void *wiping_realloc(void *ptr, size_t n)
{
	unsigned char *q;
	size_t old;

	if (!ptr)
		return wiping_malloc(n);
	memcpy(&old, (unsigned char *)ptr - HDR, sizeof old);
	q = wiping_malloc(n);
	if (!q)
		return NULL;
	memcpy(q, ptr, old < n ? old : n);
	wiping_free(ptr);
	return q;
}

struct build {
	XML_Parser p;
	struct xml_node *root, *cur;
	struct strbuf text; /* of cur, growing (a secret buffer) */
	int depth;
	size_t nodes;
	char *error; /* why the build stopped, or NULL */
};

static void stop(struct build *b, char *why)
{
	if (!b->error)
		b->error = why;
	else
		free(why);
	XML_StopParser(b->p, XML_FALSE);
}

/* The text gathered so far goes to the element it belongs to. */
static void flush_text(struct build *b)
{
	if (!b->cur)
		return;
	if (b->text.len) {
		struct strbuf t = {0};

		secret_buf_add(&t, b->cur->text, b->cur->len);
		secret_buf_add(&t, b->text.s, b->text.len);
		b->cur->len = t.len;
		secret_free(b->cur->text);
		b->cur->text = strbuf_finish(&t);
		secret_buf_release(&b->text);
	}
}

static void XMLCALL on_start(void *arg, const XML_Char *name, const XML_Char **attrs)
{
	struct build *b = arg;
	const char *colon = strrchr(name, ':');
	struct xml_node *n, **at;

	(void)attrs;
	if (++b->depth > XML_DEPTH_MAX) {
		stop(b,
		     xasprintf(_("the XML answer nests deeper than %d elements"), XML_DEPTH_MAX));
		return;
	}
	if (++b->nodes > XML_NODES_MAX) {
		stop(b, xasprintf(_("the XML answer has more than %d elements"), XML_NODES_MAX));
		return;
	}
	flush_text(b);
	n = xcalloc(1, sizeof *n);
	n->name = xstrdup(colon ? colon + 1 : name);
	n->text = xstrdup("");
	n->parent = b->cur;
	if (!b->cur) {
		b->root = n;
	} else {
		for (at = &b->cur->child; *at; at = &(*at)->next)
			;
		*at = n;
	}
	b->cur = n;
}

static void XMLCALL on_end(void *arg, const XML_Char *name)
{
	struct build *b = arg;

	(void)name;
	b->depth--;
	flush_text(b);
	if (b->cur)
		b->cur = b->cur->parent;
}

static void XMLCALL on_text(void *arg, const XML_Char *s, int len)
{
	struct build *b = arg;

	if (b->cur && len > 0)
		secret_buf_add(&b->text, s, (size_t)len);
}

static void XMLCALL on_doctype(void *arg, const XML_Char *name, const XML_Char *sysid,
			       const XML_Char *pubid, int has_internal)
{
	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal;
	stop(arg, xstrdup(_("the XML answer has a document type declaration, which AWS "
			    "answers never have")));
}

struct xml_node *xml_parse(const char *xml, size_t len, char **cause)
{
	static const XML_Memory_Handling_Suite mem = {wiping_malloc, wiping_realloc, wiping_free};
	struct build b = {0};
	enum XML_Status st = XML_STATUS_ERROR;

	if (cause)
		*cause = NULL;
	b.p = XML_ParserCreate_MM(NULL, &mem, NULL);
	if (!b.p)
		util_fatal("%s", _("out of memory"));
	XML_SetUserData(b.p, &b);
	XML_SetElementHandler(b.p, on_start, on_end);
	XML_SetCharacterDataHandler(b.p, on_text);
	XML_SetStartDoctypeDeclHandler(b.p, on_doctype);
	if (len <= (size_t)INT32_MAX)
		st = XML_Parse(b.p, xml ? xml : "", (int)len, XML_TRUE);
	if (st != XML_STATUS_OK && !b.error)
		b.error = len > (size_t)INT32_MAX
			      ? xstrdup(_("the XML answer is too large"))
			      : xasprintf(_("the answer is not well-formed XML: %s at line %lu"),
					  XML_ErrorString(XML_GetErrorCode(b.p)),
					  (unsigned long)XML_GetCurrentLineNumber(b.p));
	XML_ParserFree(b.p);
	secret_buf_release(&b.text);
	if (b.error || !b.root) {
		xml_free(b.root);
		if (cause)
			*cause = b.error ? b.error : xstrdup(_("the answer holds no XML element"));
		else
			free(b.error);
		return NULL;
	}
	return b.root;
}

void xml_free(struct xml_node *n)
{
	while (n) {
		struct xml_node *next = n->next;

		xml_free(n->child);
		free(n->name);
		secret_free(n->text);
		free(n);
		n = next;
	}
}

const struct xml_node *xml_child(const struct xml_node *n, const char *name)
{
	const struct xml_node *c;

	for (c = n ? n->child : NULL; c; c = c->next)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

const struct xml_node *xml_next(const struct xml_node *n)
{
	const struct xml_node *c;

	for (c = n ? n->next : NULL; c; c = c->next)
		if (!strcmp(c->name, n->name))
			return c;
	return NULL;
}

const struct xml_node *xml_path(const struct xml_node *n, const char *path)
{
	while (n && *path) {
		size_t k = strcspn(path, "/");
		const struct xml_node *c;

		for (c = n->child; c; c = c->next)
			if (strlen(c->name) == k && !strncmp(c->name, path, k))
				break;
		n = c;
		path += k + (path[k] == '/');
	}
	return n;
}

const char *xml_path_text(const struct xml_node *n, const char *path)
{
	const struct xml_node *e = xml_path(n, path);

	return e ? e->text : NULL;
}

const struct xml_node *xml_find(const struct xml_node *n, const char *name)
{
	const struct xml_node *c, *f;

	if (!n)
		return NULL;
	if (!strcmp(n->name, name))
		return n;
	for (c = n->child; c; c = c->next)
		if ((f = xml_find(c, name)))
			return f;
	return NULL;
}

char *xml_text(const char *xml, size_t len, const char *tag)
{
	struct xml_node *root = xml_parse(xml, len, NULL);
	const struct xml_node *e = xml_find(root, tag);
	char *r = NULL;

	if (e) {
		struct strbuf t = {0};

		secret_buf_add(&t, e->text, e->len);
		r = strbuf_finish(&t);
	}
	xml_free(root);
	return r;
}
