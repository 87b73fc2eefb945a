/* xml.c: the text of an element of an AWS query-protocol (XML) answer; see xml.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aws/sigv4.h"
#include "aws/xml.h"
#include "base/util.h"

/* Text of an element with the five predefined entities and numeric
 * references below 128 decoded (STS escapes '&' and '<' in messages). The
 * text may be a secret key or token: the buffer is a secret one. */
static char *xml_unescape(const char *s, size_t n)
{
	static const struct {
		const char *ent;
		char c;
	} ents[] = {
	    {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
	struct strbuf b = {0};
	size_t i = 0, k;

	while (i < n) {
		if (s[i] == '&') {
			for (k = 0; k < sizeof ents / sizeof ents[0]; k++) {
				size_t el = strlen(ents[k].ent);

				if (n - i >= el && !memcmp(s + i, ents[k].ent, el)) {
					secret_buf_add(&b, &ents[k].c, 1);
					i += el;
					break;
				}
			}
			if (k < sizeof ents / sizeof ents[0])
				continue;
			if (n - i >= 4 && s[i + 1] == '#') {
				const char *semi = memchr(s + i, ';', n - i < 8 ? n - i : 8);
				char *end;
				long v = semi ? (s[i + 2] == 'x' ? strtol(s + i + 3, &end, 16)
								 : strtol(s + i + 2, &end, 10))
					      : 0;

				if (semi && end == semi && v > 0 && v < 128) {
					char c = (char)v;

					secret_buf_add(&b, &c, 1);
					i = (size_t)(semi - s) + 1;
					continue;
				}
			}
		}
		secret_buf_add(&b, s + i++, 1);
	}
	return strbuf_finish(&b);
}

char *xml_text(const char *xml, size_t len, const char *tag)
{
	char *open = xasprintf("<%s>", tag), *close = xasprintf("</%s>", tag), *r = NULL;
	const char *a = memmem(xml, len, open, strlen(open)), *b;

	if (a) {
		a += strlen(open);
		b = memmem(a, len - (size_t)(a - xml), close, strlen(close));
		if (b)
			r = xml_unescape(a, (size_t)(b - a));
	}
	free(open);
	free(close);
	return r;
}
