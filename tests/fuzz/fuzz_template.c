/* Fuzz target: the template reader (strict JSON, the marker, every entry's
 * path resolved against forms/, patterns compiled), then what the wizard and
 * the writer do with whatever it made: the rules asked for each entry, a
 * form started, checked, and the template written again. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "form/document.h"
#include "form/formdef.h"
#include "form/template.h"
#include "form/validate.h"
#include "fuzz.h"

static struct formdef *def;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct template *t = NULL;
	struct problems p = {0};
	struct document *doc;
	char *cause = NULL, *json, *msg = NULL;
	size_t i, filled;

	if (!def) {
		def = formdef_load_default(&cause);
		if (!def)
			abort();
	}
	template_text_is_template((const char *)data, size);
	if (template_parse((const char *)data, size, def, 0, &t, &p, &cause) != 0) {
		free(cause);
		problems_clear(&p);
		return 0;
	}
	doc = template_start(t, def);
	for (i = 0; i < t->nfields; i++) {
		template_mode(t, def, doc, t->fields[i].path);
		template_check_value(t, def, doc, t->fields[i].path, "team_x", &msg);
		free(msg);
	}
	template_yours_count(t, def, doc, &filled);
	template_check_document(t, def, doc, &p);
	validate_document(def, doc, &p);
	json = template_to_json(t, def);
	free(json);
	document_free(doc);
	problems_clear(&p);
	template_free(t);
	return 0;
}
