/* validate.h: every rule of the CreateAgentRuntime request, as pure functions.
 *
 * Owner: the core. Field rules come from the form definition (lengths in
 * characters, ranges, whole-value PCRE2 patterns, allowed values, sizes);
 * rules across fields are code here (network mode and VPC block, one-of
 * branches, claim operator and value kind, idle timeout vs max lifetime,
 * authorizer with something to check, unique header names, unique mount
 * paths, a capacity provider for capacity provider volumes, ...).
 * Messages name the JSON path, say what is wrong and what is expected; what
 * is expected comes from the form's `expect` text or from the constraints,
 * never from the example alone. */
#ifndef ACW_VALIDATE_H
#define ACW_VALIDATE_H

#include <stddef.h>

struct fnode;
struct formdef;
struct document;
struct strbuf;

enum vstate {
	VS_VALID = 0,
	VS_INCOMPLETE = 1, /* a prefix that can still become valid, or a required value missing */
	VS_INVALID = 2,
};

struct problem {
	char *path;    /* display path: "subnets[1]", "environmentVariables.MY_KEY" */
	char *ref;     /* document path (map entries by index), for moving the cursor */
	char *message; /* what is wrong and what is expected, without the path (translated) */
	enum vstate state;
};

struct problems {
	struct problem *v;
	size_t n, cap;
};

void problems_add(struct problems *p, enum vstate state, const char *path, const char *ref,
		  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void problems_clear(struct problems *p);
/* The worst state in p (VS_VALID when empty). */
enum vstate problems_worst(const struct problems *p);

/* Check one scalar value as the user types it (text, integer or choice, also a
 * list item or map key/value). `path`, when not NULL, starts the message
 * ("PATH: ..."); the UI passes NULL to show the message under the field. Returns the
 * state; *msg (caller frees) is set for VS_INVALID, and for VS_INCOMPLETE it
 * says what is still missing; NULL for VS_VALID. An empty text is VS_INCOMPLETE
 * when required, VS_VALID otherwise (it means unset). Cheap: no allocation when
 * valid, one PCRE2 match at most. */
enum vstate validate_scalar(const struct fnode *f, const char *text, const char *path, char **msg);

/* Check the whole document, as the service would (strict): every field rule
 * and every cross-field rule. Appends to out; returns the worst state of what
 * it appended. Problems already in out are taken as the reader's
 * (formfile_parse drops a value of the wrong type and says so): what is then
 * missing at such a path or above it (an empty list, a one-of with no branch,
 * a required member, an authorizer with nothing to check) is not reported
 * again. Cheap on a form of any size: no allocation while nothing is wrong. */
enum vstate validate_document(const struct formdef *def, const struct document *doc,
			      struct problems *out);

/* The message for a JSON value (a cJSON item) whose type does not fit f, or
 * NULL when it fits (caller frees): "is a number: expected text", a huge
 * whole number "is too large: expected 60 to 1209600", a fraction "1.5 is not
 * a whole number: ...". For the readers of JSON (validate, formfile.c). */
char *validate_type_message(const struct fnode *f, const void *json);

/* The message for a whole number that the file writes with a fraction or an
 * exponent (text[0..len): "60.0", "6e1"), which botocore refuses for an
 * integer member: "60.0 is not written as a whole number: expected a whole
 * number from 60 to 1209600, in digits only". Caller frees. */
char *validate_literal_message(const struct fnode *f, const char *text, size_t len);

/* Member f as messages name it, for the screens' readers and the files'
 * alike: its label and its name, "Session storage (sessionStorage)" (the
 * name alone when it has no label of its own). Caller frees. */
char *validate_named(const struct fnode *f);

/* The message for member `name`, which group or one-of f does not know:
 * what is expected instead (its members, or the one that differs only in
 * case). Caller frees. */
char *validate_unknown_message(const struct fnode *f, const char *name);

/* Append member or map key `name` to the path in b: ".name" (or "name" at the
 * start) when it is letters, digits, _ and -, else ["name"] with quotes,
 * backslashes and control characters escaped (tags["a\nb"]), so that a
 * problem's path is always one line. Every path in problems is made with it. */
void validate_path_join(struct strbuf *b, const char *name);

/* The same in parts, for a caller that validates again only what changed
 * (document_member_generation tells what): validate_document appends what
 * validate_member appends for each member of def->root in order, then what
 * validate_rest appends. validate_member: the rules of one top-level member
 * `top` (a child of def->root) and of everything in it; validate_rest: the
 * top-level members that are not part of the request, and every rule across
 * fields. Each returns the worst state of what it appended. */
enum vstate validate_member(const struct formdef *def, const struct document *doc,
			    const struct fnode *top, struct problems *out);
enum vstate validate_rest(const struct formdef *def, const struct document *doc,
			  struct problems *out);

/* Warnings: what the form definition warns about although the API takes
 * it (forms' warnSet and warnUnset): networkConfiguration left unset, which
 * AWS CLIs and SDKs from before August 2026 refuse; platformVersion set,
 * which only the newest JavaScript SDK knows. Appended to out with state
 * VS_VALID, so that they never make a form invalid or incomplete
 * (problems_worst ignores them), each at the member's path, its message
 * saying why and what to do. validate_document does not report them:
 * callers that show a field or the review ask for them too. */
void validate_warnings(const struct formdef *def, const struct document *doc,
		       struct problems *out);

/* Only the problems of one section's members (section index into def->sections). */
enum vstate validate_section(const struct formdef *def, const struct document *doc, size_t section,
			     struct problems *out);

#endif
