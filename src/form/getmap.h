/* getmap.h: a deployed runtime as forms. The GetAgentRuntime answer (and
 * the ListTagsForResource answer) becomes a create form (a copy to start
 * another runtime from) or an update form (agentRuntimeId and every member
 * UpdateAgentRuntime takes); update forms are read, checked, written and
 * turned into the UpdateAgentRuntime request body.
 *
 * Which members each request takes is data: the create request's are those
 * of forms/NN-*.json, the rest is forms/requests/runtime-requests.json
 * (struct getmap). A member of the answer that the target request cannot
 * take is never dropped in silence: it is named in `notes` (path and why,
 * translated and safe for a terminal). Members the service sets
 * (agentRuntimeArn, status, createdAt, ...) are not configuration and are
 * left out without a note, and so are empty values the service reports for
 * unset members ("" for description, {} for lifecycleConfiguration).
 *
 * Owner: the form layer. Every function that returns a pointer hands it to
 * the caller, who frees it with the matching *_free (strings with free).
 * Nothing here prints; nothing here uses the network. */
#ifndef ACW_GETMAP_H
#define ACW_GETMAP_H

#include <stddef.h>

#include "form/validate.h"

struct formdef;
struct document;

/* forms/requests/runtime-requests.json, loaded. */
struct getmap;

/* Load the data from the folder the form definition came from (def->dir,
 * then requests/runtime-requests.json). NULL with *cause (caller frees). */
struct getmap *getmap_load(const struct formdef *def, char **cause);
void getmap_free(struct getmap *m);

/* An update form in memory. */
struct upform {
	char *id;   /* agentRuntimeId: where the update goes (the request's URI) */
	char *name; /* the deployed name, when known (from GetAgentRuntime); never
		     * sent: no update can change it. NULL for a form read from a file */
	/* The members UpdateAgentRuntime takes that forms/ defines, in the
	 * create request's shape: the wizard's sections edit it as they edit
	 * a create form. It holds no agentRuntimeName and no tags. */
	struct document *doc;
	/* The members UpdateAgentRuntime takes that forms/ does not define
	 * (metadataConfiguration), carried as they are: a document whose root
	 * is an object, never NULL. Not for the screens. */
	struct document *extra;
};
void upform_free(struct upform *u);
struct upform *upform_copy(const struct upform *u);

/* The create form for a GetAgentRuntime answer (get, glen bytes) and a
 * ListTagsForResource answer (tags, tlen; NULL: no tags known). The name is
 * kept. Returns the document (caller frees), or NULL with *cause when the
 * answer is not a JSON object. Members left out are appended to notes. */
struct document *getmap_create_form(const struct getmap *m, const struct formdef *def,
				    const char *get, size_t glen, const char *tags, size_t tlen,
				    struct problems *notes, char **cause);

/* The update form for the same answers: agentRuntimeId from the answer, the
 * name kept in u->name only. The name and the tags (UpdateAgentRuntime
 * takes neither) and any member it does not take are named in notes.
 * NULL with *cause when the answer is not a JSON object with an id. */
struct upform *getmap_update_form(const struct getmap *m, const struct formdef *def,
				  const char *get, size_t glen, const char *tags, size_t tlen,
				  struct problems *notes, char **cause);

/* Read an update form file's text strictly, as the AWS CLI reads
 * `update-agent-runtime --cli-input-json` (formfile_parse's FF_STRICT plus
 * agentRuntimeId and the members outside forms/). 0 with *out (check
 * probs: structural problems, members Update does not take), or -1 with
 * *cause when the text is not a JSON object. */
int upform_parse(const struct getmap *m, const struct formdef *def, const char *text, size_t len,
		 struct upform **out, struct problems *probs, char **cause);
/* The same for a file ("-": standard input), at most 1 MiB. */
int upform_load(const struct getmap *m, const struct formdef *def, const char *file,
		struct upform **out, struct problems *probs, char **cause);

/* Check an update form as the service would: every rule of the create
 * request for the members they share (the name is the deployed one, or
 * stands in when unknown: no update sends it), agentRuntimeId against its
 * pattern, and the members outside forms/ against their types. Appends to
 * out; returns the worst state appended. */
enum vstate upform_validate(const struct getmap *m, const struct formdef *def,
			    const struct upform *u, struct problems *out);

/* The form as a file holds it: agentRuntimeId first, then the members in
 * the order of the UpdateAgentRuntime request. pretty: indented, with a
 * final newline. Caller frees. */
char *upform_to_json(const struct getmap *m, const struct formdef *def, const struct upform *u,
		     int pretty);
/* Save atomically with mode 0600. */
int upform_save(const struct getmap *m, const struct formdef *def, const struct upform *u,
		const char *file, char **cause);
/* The UpdateAgentRuntime body: the form without agentRuntimeId (it goes in
 * the URI), with client_token added when the form has no clientToken. */
char *upform_request_body(const struct getmap *m, const struct formdef *def,
			  const struct upform *u, const char *client_token);

/* JSON text read as form files are read (jsonscan: strict, a NUL in a
 * string kept as JSON_NUL), as a cJSON tree (void * here: the front ends
 * see no cJSON); NULL when it is not JSON. For the form layer's readers of
 * service answers and written forms (getmap.c, diff.c). Caller frees with
 * cJSON_Delete. */
void *getmap_read_json(const char *text, size_t len);

/* Whether name is a top-level member of a GetAgentRuntime answer that the
 * service sets (not configuration): agentRuntimeArn, status, ... */
int getmap_service_set(const struct getmap *m, const char *name);

#endif
