/* jsonpeek.c: top-level string members of a JSON object; see jsonpeek.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "jsonpeek.h"

static const char *skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* Parse a string at p (on the quote); *out (may be NULL) gets its text. */
static const char *scan_string(const char *p, char **out)
{
	struct strbuf b = {0};

	if (*p++ != '"')
		return NULL;
	while (*p && *p != '"') {
		if (*p == '\\') {
			p++;
			switch (*p) {
			case 'n':
				strbuf_addc(&b, '\n');
				break;
			case 't':
				strbuf_addc(&b, '\t');
				break;
			case 'r':
			case 'b':
			case 'f':
				break;
			case 'u':
				strbuf_addc(&b, '?');
				if (strlen(p) < 5) {
					strbuf_release(&b);
					return NULL;
				}
				p += 4;
				break;
			case 0:
				strbuf_release(&b);
				return NULL;
			default:
				strbuf_addc(&b, *p);
			}
			p++;
			continue;
		}
		strbuf_addc(&b, *p++);
	}
	if (*p != '"') {
		strbuf_release(&b);
		return NULL;
	}
	if (out)
		*out = strbuf_finish(&b);
	else
		strbuf_release(&b);
	return p + 1;
}

/* Skip any value at p; NULL when malformed. */
static const char *skip_value(const char *p)
{
	int depth = 0;

	p = skip_ws(p);
	if (*p == '"')
		return scan_string(p, NULL);
	do {
		if (!*p)
			return NULL;
		if (*p == '"') {
			p = scan_string(p, NULL);
			if (!p)
				return NULL;
			continue;
		}
		if (*p == '{' || *p == '[')
			depth++;
		else if (*p == '}' || *p == ']')
			depth--;
		else if (!depth && (*p == ',' || *p == ' ' || *p == '\n'))
			return p;
		p++;
		if (depth < 0)
			return NULL;
	} while (depth > 0 || (*p && *p != ',' && *p != '}' && *p != ' ' && *p != '\n'));
	return p;
}

char *jsonpeek_string(const char *body, const char *name)
{
	const char *p = skip_ws(body ? body : "");
	char *key = NULL, *val = NULL;

	if (*p++ != '{')
		return NULL;
	for (;;) {
		p = skip_ws(p);
		if (*p != '"')
			return NULL;
		p = scan_string(p, &key);
		if (!p)
			return NULL;
		p = skip_ws(p);
		if (*p++ != ':') {
			free(key);
			return NULL;
		}
		p = skip_ws(p);
		if (!strcmp(key, name)) {
			free(key);
			if (*p != '"')
				return NULL;
			return scan_string(p, &val) ? val : NULL;
		}
		free(key);
		p = skip_value(p);
		if (!p)
			return NULL;
		p = skip_ws(p);
		if (*p != ',')
			return NULL;
		p++;
	}
}
