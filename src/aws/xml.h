/* xml.h: reading AWS XML answers (STS, IAM, EC2, S3 errors) with libexpat
 * into a small tree of elements.
 *
 * Owner: the aws layer. xml_parse returns a tree the caller frees with
 * xml_free; every other function returns pointers borrowed from that tree
 * (or, for xml_text, a new string the caller frees). Element names are kept
 * without their namespace prefix ("Arn", not "iam:Arn"). The text of an
 * element may be a secret (an STS answer's key): xml_free wipes every text,
 * and the parser's own buffers are wiped when it frees them. No DTD is read:
 * a document with a DOCTYPE is refused, so no entity can expand. */
#ifndef ACW_XML_H
#define ACW_XML_H

#include <stddef.h>

/* Limits on what an answer may make (a refused answer is an error). */
#define XML_DEPTH_MAX 64
#define XML_NODES_MAX 200000

struct xml_node {
	char *name; /* local name */
	char *text; /* the character data directly inside, concatenated; "" when none */
	size_t len; /* bytes of text */
	struct xml_node *parent, *child, *next;
};

/* Parse a whole document. Returns the root element, or NULL with *cause
 * (caller frees; may be NULL to ignore) saying what is wrong. */
struct xml_node *xml_parse(const char *xml, size_t len, char **cause);
/* Free a tree from xml_parse, wiping every text. NULL is ignored. */
void xml_free(struct xml_node *root);

/* The first child of n named name, or NULL. */
const struct xml_node *xml_child(const struct xml_node *n, const char *name);
/* The next sibling of n with n's name, or NULL (walks lists of <member>/<item>). */
const struct xml_node *xml_next(const struct xml_node *n);
/* Follow a path of child names separated by '/' from n ("GetRoleResult/Role/Arn"). */
const struct xml_node *xml_path(const struct xml_node *n, const char *path);
/* The text at a path, or NULL when the element is missing (borrowed). */
const char *xml_path_text(const struct xml_node *n, const char *path);
/* The first element named name at any depth under n (n included), in document
 * order, or NULL. */
const struct xml_node *xml_find(const struct xml_node *n, const char *name);

/* The text of the first element named tag anywhere in xml, or NULL when there
 * is none or the document is not well-formed XML. The text may be a secret:
 * caller frees (and wipes what is secret, with secret_free). */
char *xml_text(const char *xml, size_t len, const char *tag);

#endif
