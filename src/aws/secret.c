/* secret.c: memory that held a secret, wiped before it is let go; see secret.h. */
#include "config.h"

#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>

#include "aws/secret.h"
#include "base/util.h"

void secret_free(char *s)
{
	if (s) {
		OPENSSL_cleanse(s, strlen(s));
		free(s);
	}
}

#define SECRET_BUF_MAX ((size_t)64 * 1024 * 1024) /* as a strbuf's */

void secret_buf_add(struct strbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		char *grown;

		while (cap < b->len + n + 1)
			cap *= 2;
		if (cap > SECRET_BUF_MAX)
			util_fatal(_("text too large (over %zu bytes)"), SECRET_BUF_MAX);
		grown = xmalloc(cap);
		if (b->s) {
			memcpy(grown, b->s, b->len);
			OPENSSL_cleanse(b->s, b->cap);
			free(b->s);
		}
		b->s = grown;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void secret_buf_release(struct strbuf *b)
{
	if (b->s)
		OPENSSL_cleanse(b->s, b->cap);
	strbuf_release(b);
}
