/* printable.h: the filter every text from a file, the environment or the
 * network goes through before it reaches a terminal. Owns nothing; every
 * function returns a new string the caller frees. */
#ifndef ACW_PRINTABLE_H
#define ACW_PRINTABLE_H

#include <stddef.h>

/* A copy of text from outside (a service message, a failure reason) that is
 * safe to print on a terminal: control characters (C0, DEL, and C1 in UTF-8)
 * become blanks, and at most max bytes are kept ("..." added when cut, never
 * inside a UTF-8 sequence). Caller frees; never NULL. */
char *printable_text(const char *text, size_t max);

#endif
