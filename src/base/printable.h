/* printable.h: the one filter every text from a file, the environment or the
 * network goes through before it reaches a terminal.
 *
 * Owner: src/base. Owns nothing; the functions that return a string return a
 * new one the caller frees; printable_add appends to the caller's strbuf.
 *
 * What it does: text stays as it is, except what could steer a terminal or
 * hide what is shown, which is written out visibly instead:
 *   - C0 controls and DEL: "\n", "\t", "\r" for those three, "\x1b" (two
 *     lowercase hex digits) for the others, NUL included;
 *   - C1 controls (U+0080 to U+009F, "\xc2\x9b" is a CSI): "\u009b";
 *   - the line and paragraph separators (U+2028, U+2029), which break
 *     the line as a newline would: "\u2028";
 *   - bidirectional embeddings, overrides and isolates (U+202A to U+202E,
 *     U+2066 to U+2069), which reorder what follows them: "\u202e";
 *   - a byte that is not part of valid UTF-8 (a stray continuation byte, a
 *     cut or overlong sequence, a surrogate): "\xff", byte by byte.
 * With PRINTABLE_QUOTES, '"' and '\' are escaped too ("\"", "\\"), for text
 * shown between quotes. The output is always valid UTF-8 on one line. */
#ifndef ACW_PRINTABLE_H
#define ACW_PRINTABLE_H

#include <stddef.h>

struct strbuf;

#define PRINTABLE_QUOTES 1 /* also escape '"' and '\' */

/* Append text[0..len) filtered to b. NUL bytes in it are shown as "\x00". */
void printable_add(struct strbuf *b, const char *text, size_t len, int flags);

/* A filtered copy of the string text (NULL is taken as ""). At most max
 * bytes of output are kept, never cutting inside a UTF-8 sequence or an
 * escape; "..." is added when something was cut (SIZE_MAX: no limit).
 * Never NULL. */
char *printable_text(const char *text, size_t max);

/* The same for text of len bytes that may hold NUL (a value of a form, a
 * body from the network). */
char *printable_mem(const char *text, size_t len, size_t max);

/* The filtered copy of text (a message that quotes values from outside),
 * which is freed: "*cause = printable_take(*cause)". NULL stays NULL. */
char *printable_take(char *text);

/* Non-zero for a code point the filter shows as an escape (C0, DEL, C1,
 * the bidirectional embeddings, overrides and isolates): for a front end
 * that draws wide characters one at a time. */
int printable_codepoint_hidden(unsigned long cp);

/* Non-zero when text[0..len) would come out of the filter changed. */
int printable_needs_escape(const char *text, size_t len);

#endif
