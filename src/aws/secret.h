/* secret.h: memory that held a secret (a secret key, a session token, an
 * answer that carries credentials), wiped before it is let go.
 *
 * Owner: the core. secret_free wipes a string and frees it (NULL is
 * ignored). secret_buf_add appends to a strbuf like strbuf_add, but when the
 * buffer must grow the old one is wiped before it is freed (realloc would
 * leave a copy behind); secret_buf_release wipes and frees the buffer. The
 * caller owns the strbuf. */
#ifndef ACW_SECRET_H
#define ACW_SECRET_H

#include <stddef.h>

struct strbuf;
void secret_free(char *s);
void secret_buf_add(struct strbuf *b, const char *s, size_t n);
void secret_buf_release(struct strbuf *b);

#endif
