/* Fuzz target: a GetAgentRuntime answer (and the same bytes as a
 * ListTagsForResource answer) made into a create form and an update form,
 * the update form written, read back (it must read back the same: abort
 * otherwise), validated and sent. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "form/diff.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/getmap.h"
#include "form/validate.h"
#include "fuzz.h"

static struct formdef *def;
static struct getmap *map;

static void update_form(const char *text, size_t size)
{
	struct problems notes = {0}, p = {0};
	struct upform *u, *back = NULL;
	struct diff d = {0};
	char *cause = NULL, *json, *body;

	u = getmap_update_form(map, def, text, size, text, size, &notes, &cause);
	if (!u) {
		free(cause);
		problems_clear(&notes);
		return;
	}
	json = upform_to_json(map, def, u, 1);
	if (upform_parse(map, def, json, strlen(json), &back, &p, &cause) == 0) {
		/* what is written reads back the same: an update form never
		 * changes by being saved and opened again */
		diff_upforms(map, def, u, back, &d);
		if (d.n && !p.n)
			abort();
		upform_validate(map, def, back, &p);
		body = upform_request_body(map, def, back, "00000000-0000-4000-8000-000000000000");
		free(body);
	} else {
		free(cause);
	}
	diff_clear(&d);
	upform_free(back);
	free(json);
	upform_free(u);
	problems_clear(&p);
	problems_clear(&notes);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct problems notes = {0};
	struct document *doc;
	char *text = fuzz_text(data, size), *cause = NULL;

	if (!def) {
		def = formdef_load_default(&cause);
		map = def ? getmap_load(def, &cause) : NULL;
		if (!map)
			abort();
	}
	doc = getmap_create_form(map, def, text, size, text, size, &notes, &cause);
	if (doc) {
		char *json = document_to_json(doc, def, 1);

		free(json);
		document_free(doc);
	} else {
		free(cause);
	}
	problems_clear(&notes);
	update_form(text, size);
	free(text);
	return 0;
}
