/* xml.h: reading AWS XML answers (STS today). Owns nothing; returns new
 * strings the caller frees. */
#ifndef ACW_XML_H
#define ACW_XML_H

#include <stddef.h>

/* The text of the first <tag>...</tag> in xml, with the five predefined
 * entities and numeric references below 128 decoded (STS escapes '&' and '<'
 * in messages), or NULL. The text may be a secret (an STS answer's key): it
 * is built in a buffer that is wiped as it grows. Caller frees (and wipes
 * what is secret). */
char *xml_text(const char *xml, size_t len, const char *tag);

#endif
