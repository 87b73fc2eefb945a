/* template_path.h: member paths of templates, resolved against the form
 * definition; private to template*.c.
 *
 * Owner: the core. A struct tpath owns its strings; release it with
 * tpath_release. The node is borrowed from the formdef. */
#ifndef ACW_TEMPLATE_PATH_H
#define ACW_TEMPLATE_PATH_H

struct formdef;
struct fnode;
struct document;

struct tpath {
	const struct fnode *node; /* the member (a map entry: the map's value node) */
	char *canon;              /* the template path, written one way */
	/* the document path of the value when doc holds it (doc NULL: the path
	 * itself, when it holds no [] and no map entry); NULL otherwise */
	char *docpath;
	char *mappath;  /* the last step is a map entry: the map's document path, */
	char *mapcanon; /* its template path */
	char *mapkey;   /* and the entry's key; all three NULL otherwise */
};

/* Resolve a template path ("a.b", "m.KEY", "m[\"K Y\"]", "l[].c") or a
 * document path ("l[0].c", "m[2]": the key is read from doc, which may then
 * not be NULL). Returns 0 and fills *out, or -1 with *why (caller frees):
 * what is wrong, naming the step ("networkConfiguration has no member
 * \"foo\": unknown member: expected ..."). */
int tpath_resolve(const struct formdef *def, const struct document *doc, const char *path,
		  struct tpath *out, char **why);
void tpath_release(struct tpath *p);

/* Release an entry of "fields" (template.c) and clear it. */
struct tfield;
void tfield_release(struct tfield *f);

/* Non-zero when template path `outer` is `inner` or above it. */
int tpath_covers(const char *outer, const char *inner);

#endif
