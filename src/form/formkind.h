/* formkind.h: what a form file holds, judged by its top level alone: a
 * create form, an update form or a template. The one place where the kinds
 * are told apart, for every command and the wizard.
 *
 * Owner: the form layer. Nothing here allocates what it returns; nothing
 * here prints. */
#ifndef ACW_FORMKIND_H
#define ACW_FORMKIND_H

#include <stddef.h>

/* The member of a template file's top level that makes it a template, and
 * the one format version this program reads and writes (template.h). */
#define TEMPLATE_MARKER  "agentcoreWizardTemplate"
#define TEMPLATE_VERSION 1

enum form_kind {
	FORM_CREATE,   /* a CreateAgentRuntime form (and anything else: its reader
			* judges it) */
	FORM_UPDATE,   /* an update form: agentRuntimeId at the top ('get --update') */
	FORM_TEMPLATE, /* a template: TEMPLATE_MARKER at the top */
};

/* The kind of a JSON text, read as form files are read (getmap_read_json);
 * text that is not JSON is FORM_CREATE. */
enum form_kind formkind_of_text(const char *text, size_t len);
/* The same for a parsed top level (a cJSON *: the front ends see no cJSON);
 * NULL or not an object: FORM_CREATE. */
enum form_kind formkind_of_json(const void *top);

#endif
