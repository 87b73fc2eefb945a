/* printable.c: text from outside made safe for a terminal; see printable.h. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/printable.h"
#include "base/util.h"

/* Is code point cp shown as an escape rather than as itself? */
static int hidden(unsigned long cp, int flags)
{
	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f))
		return 1;
	/* the line and paragraph separators break the line as a newline does */
	if (cp == 0x2028 || cp == 0x2029)
		return 1;
	if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		return 1;
	return (flags & PRINTABLE_QUOTES) && (cp == '"' || cp == '\\');
}

/* The next unit of text at s (n bytes left, n > 0): *in gets the bytes it
 * takes, out (at least 8 bytes) what is shown for it, NUL-terminated, or ""
 * when the bytes are shown as they are. */
static void next_unit(const unsigned char *s, size_t n, int flags, size_t *in, char out[8])
{
	unsigned long cp = 0;
	size_t len = utf8_decode(s, n, &cp);

	out[0] = '\0';
	*in = len ? len : 1;
	if (!len)
		snprintf(out, 8, "\\x%02x", s[0]);
	else if (!hidden(cp, flags))
		return;
	else if (cp == '\n')
		strcpy(out, "\\n");
	else if (cp == '\t')
		strcpy(out, "\\t");
	else if (cp == '\r')
		strcpy(out, "\\r");
	else if (cp == '"' || cp == '\\')
		snprintf(out, 8, "\\%c", (char)cp);
	else if (cp < 0x80)
		snprintf(out, 8, "\\x%02lx", cp);
	else
		snprintf(out, 8, "\\u%04lx", cp);
}

/* Filter text[0..len) into b, keeping b->len within limit (bytes of b in
 * all); returns 1 when something was left out. */
static int filter(struct strbuf *b, const char *text, size_t len, int flags, size_t limit)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t i = 0, in, add;
	char esc[8];

	while (i < len) {
		next_unit(p + i, len - i, flags, &in, esc);
		add = *esc ? strlen(esc) : in;
		if (b->len + add > limit)
			return 1;
		if (*esc)
			strbuf_adds(b, esc);
		else
			strbuf_add(b, text + i, in);
		i += in;
	}
	return 0;
}

void printable_add(struct strbuf *b, const char *text, size_t len, int flags)
{
	filter(b, text, len, flags, SIZE_MAX);
}

char *printable_mem(const char *text, size_t len, size_t max)
{
	struct strbuf b = {0};

	strbuf_add(&b, "", 0);
	if (filter(&b, text ? text : "", text ? len : 0, 0, max))
		strbuf_adds(&b, "...");
	return strbuf_finish(&b);
}

char *printable_text(const char *text, size_t max)
{
	return printable_mem(text, text ? strlen(text) : 0, max);
}

int printable_codepoint_hidden(unsigned long cp)
{
	return hidden(cp, 0);
}

char *printable_take(char *text)
{
	char *p;

	if (!text)
		return NULL;
	p = printable_text(text, SIZE_MAX);
	free(text);
	return p;
}

int printable_needs_escape(const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t i = 0, in;
	char esc[8];

	while (i < len) {
		next_unit(p + i, len - i, 0, &in, esc);
		if (*esc)
			return 1;
		i += in;
	}
	return 0;
}
