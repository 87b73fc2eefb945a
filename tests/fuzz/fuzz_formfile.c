/* Fuzz target: the form loader (JSON parsing, import against forms/, both
 * modes), then validation and serialisation of whatever it made; what is
 * saved must read back (strict) to the same text, so that no value (a NUL
 * character, a line terminator, bytes that are not UTF-8) is lost or cut. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form/document.h"
#include "form/formdef.h"
#include "form/formfile.h"
#include "form/validate.h"
#include "fuzz.h"

static struct formdef *def;

/* The saved text json reads back, strictly, as the same text. */
static void round_trip(const char *json)
{
	struct document *doc = NULL;
	struct problems p = {0};
	char *cause = NULL, *again;

	if (formfile_parse(json, strlen(json), def, FF_STRICT, &doc, &p, &cause) != 0)
		abort();
	again = document_to_json(doc, def, 1);
	if (strcmp(json, again) || strchr(json, '\t'))
		abort();
	free(again);
	problems_clear(&p);
	document_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int mode;

	if (!def) {
		char *cause = NULL;

		def = formdef_load_default(&cause);
		if (!def)
			abort();
	}
	for (mode = 0; mode < 2; mode++) {
		struct document *doc = NULL;
		struct problems p = {0};
		char *cause = NULL, *json;

		if (formfile_parse((const char *)data, size, def, (enum ff_mode)mode, &doc, &p,
				   &cause) != 0) {
			free(cause);
			problems_clear(&p);
			continue;
		}
		validate_document(def, doc, &p);
		json = document_to_json(doc, def, 1);
		round_trip(json);
		free(json);
		json = document_request_body(doc, def, "00000000-0000-4000-8000-000000000000");
		free(json);
		problems_clear(&p);
		document_free(doc);
	}
	return 0;
}
