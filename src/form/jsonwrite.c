/* jsonwrite.c: JSON text of a cJSON tree, as the AWS CLI writes it; see
 * jsonwrite.h. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "form/jsonscan.h"
#include "form/jsonwrite.h"

/* s as a JSON string: ", \ and control characters escaped as cJSON does,
 * JSON_NUL as \u0000, every other byte as it is. */
static void put_string(struct strbuf *b, const char *s)
{
	const char *run = s;
	char e[8];

	strbuf_addc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		int nul = !memcmp(s, JSON_NUL, 2);

		if (c >= 0x20 && c != '"' && c != '\\' && !nul)
			continue;
		strbuf_add(b, run, (size_t)(s - run));
		if (nul) {
			strbuf_adds(b, "\\u0000");
			s++;
		} else if (c == '"' || c == '\\') {
			snprintf(e, sizeof e, "\\%c", c);
			strbuf_adds(b, e);
		} else if (c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') {
			snprintf(e, sizeof e, "\\%c",
				 c == '\b'   ? 'b'
				 : c == '\f' ? 'f'
				 : c == '\n' ? 'n'
				 : c == '\r' ? 'r'
					     : 't');
			strbuf_adds(b, e);
		} else {
			snprintf(e, sizeof e, "\\u%04x", c);
			strbuf_adds(b, e);
		}
		run = s + 1;
	}
	strbuf_adds(b, run);
	strbuf_addc(b, '"');
}

static void put_indent(struct strbuf *b, int depth)
{
	int i;

	strbuf_addc(b, '\n');
	for (i = 0; i < depth; i++)
		strbuf_adds(b, "    ");
}

static void put_value(struct strbuf *b, const cJSON *v, int pretty, int depth)
{
	const cJSON *c;
	char *s;

	if (cJSON_IsString(v)) {
		put_string(b, v->valuestring);
		return;
	}
	if (!cJSON_IsObject(v) && !cJSON_IsArray(v)) {
		s = cJSON_PrintUnformatted(v);
		if (!s)
			util_fatal("out of memory");
		strbuf_adds(b, s);
		cJSON_free(s);
		return;
	}
	strbuf_addc(b, cJSON_IsObject(v) ? '{' : '[');
	for (c = v->child; c; c = c->next) {
		if (pretty)
			put_indent(b, depth + 1);
		if (cJSON_IsObject(v)) {
			put_string(b, c->string ? c->string : "");
			strbuf_adds(b, pretty ? ": " : ":");
		}
		put_value(b, c, pretty, depth + 1);
		if (c->next)
			strbuf_addc(b, ',');
	}
	if (pretty && v->child)
		put_indent(b, depth);
	strbuf_addc(b, cJSON_IsObject(v) ? '}' : ']');
}

char *jsonwrite(const void *tree, int pretty)
{
	struct strbuf b = {0};

	strbuf_add(&b, "", 0);
	put_value(&b, tree, pretty, 0);
	return strbuf_finish(&b);
}
