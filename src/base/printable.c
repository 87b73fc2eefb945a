/* printable.c: text from outside made safe for a terminal; see printable.h. */
#include "config.h"

#include <string.h>

#include "base/printable.h"
#include "base/util.h"

char *printable_text(const char *text, size_t max)
{
	struct strbuf b = {0};
	const unsigned char *p = (const unsigned char *)(text ? text : "");
	size_t n = strlen((const char *)p), i;

	for (i = 0; i < n; i++) {
		if (b.len >= max) {
			/* back to the start of a UTF-8 sequence before cutting */
			while (b.len && ((unsigned char)b.s[b.len - 1] & 0xc0) == 0x80)
				b.len--;
			if (b.len && (unsigned char)b.s[b.len - 1] >= 0xc0)
				b.len--;
			b.s[b.len] = '\0';
			strbuf_adds(&b, "...");
			break;
		}
		if (p[i] < 0x20 || p[i] == 0x7f)
			strbuf_addc(&b, ' ');
		else if (p[i] == 0xc2 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f) {
			strbuf_addc(&b, ' ');
			i++;
		} else
			strbuf_addc(&b, (char)p[i]);
	}
	return strbuf_finish(&b);
}
