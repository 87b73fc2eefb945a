/* formkind.c: a form file's kind by its top level; see formkind.h. */
#include "config.h"

#include <cjson/cJSON.h>

#include "form/formkind.h"
#include "form/getmap.h"

enum form_kind formkind_of_json(const void *top)
{
	if (!cJSON_IsObject((const cJSON *)top))
		return FORM_CREATE;
	if (cJSON_GetObjectItemCaseSensitive(top, TEMPLATE_MARKER))
		return FORM_TEMPLATE;
	/* no create request takes agentRuntimeId */
	return cJSON_GetObjectItemCaseSensitive(top, "agentRuntimeId") ? FORM_UPDATE : FORM_CREATE;
}

enum form_kind formkind_of_text(const char *text, size_t len)
{
	cJSON *j = getmap_read_json(text, len);
	enum form_kind k = formkind_of_json(j);

	cJSON_Delete(j);
	return k;
}
