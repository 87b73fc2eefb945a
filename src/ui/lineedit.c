/* lineedit.c: one-line wide-character editor; see lineedit.h. */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "base/util.h"
#include "lineedit.h"

int lineedit_wcwidth(wchar_t c)
{
	int w = wcwidth(c);

	return w < 0 ? 1 : w;
}

static void reserve(struct lineedit *e, size_t n)
{
	if (n + 1 <= e->cap)
		return;
	e->cap = n + 64;
	e->buf = xrealloc(e->buf, e->cap * sizeof *e->buf);
}

size_t lineedit_decode(const char *s, size_t n, mbstate_t *st, wchar_t *wc)
{
	size_t k;

	if (!n)
		return 0;
	k = mbrtowc(wc, s, n, st);
	if (k == (size_t)-1 || k == (size_t)-2) {
		*wc = 0xFFFD;
		memset(st, 0, sizeof *st);
		return 1;
	}
	return k;
}

int lineedit_columns(const char *s, int limit)
{
	mbstate_t st;
	size_t k, n = strlen(s);
	wchar_t wc;
	int cols = 0;

	memset(&st, 0, sizeof st);
	while (cols <= limit && (k = lineedit_decode(s, n, &st, &wc)) > 0) {
		cols += lineedit_wcwidth(wc);
		s += k;
		n -= k;
	}
	return cols;
}

void lineedit_load(struct lineedit *e, const char *text)
{
	mbstate_t st;
	size_t k, n = strlen(text);
	wchar_t wc;

	e->len = e->cur = e->scroll = 0;
	reserve(e, 16);
	memset(&st, 0, sizeof st);
	while (n && e->len < LINEEDIT_MAX) {
		k = lineedit_decode(text, n, &st, &wc);
		if (k == 0)
			break;
		reserve(e, e->len + 1);
		e->buf[e->len++] = wc;
		text += k;
		n -= k;
	}
	e->buf[e->len] = 0;
	e->cur = e->len;
}

char *lineedit_text(const struct lineedit *e)
{
	struct strbuf b = {0};
	char mb[MB_LEN_MAX + 1];
	mbstate_t st;
	size_t i, k;

	memset(&st, 0, sizeof st);
	for (i = 0; i < e->len; i++) {
		k = wcrtomb(mb, e->buf[i], &st);
		if (k == (size_t)-1) {
			strbuf_addc(&b, '?');
			memset(&st, 0, sizeof st);
			continue;
		}
		strbuf_add(&b, mb, k);
	}
	return strbuf_finish(&b);
}

void lineedit_release(struct lineedit *e)
{
	free(e->buf);
	memset(e, 0, sizeof *e);
}

void lineedit_insert(struct lineedit *e, wchar_t c)
{
	if (e->len >= LINEEDIT_MAX)
		return;
	reserve(e, e->len + 1);
	memmove(e->buf + e->cur + 1, e->buf + e->cur, (e->len - e->cur) * sizeof *e->buf);
	e->buf[e->cur++] = c;
	e->buf[++e->len] = 0;
}

int lineedit_backspace(struct lineedit *e)
{
	if (!e->cur)
		return 0;
	e->cur--;
	return lineedit_delete(e);
}

int lineedit_delete(struct lineedit *e)
{
	if (e->cur >= e->len)
		return 0;
	memmove(e->buf + e->cur, e->buf + e->cur + 1, (e->len - e->cur) * sizeof *e->buf);
	e->len--;
	return 1;
}

void lineedit_left(struct lineedit *e)
{
	if (e->cur)
		e->cur--;
}

void lineedit_right(struct lineedit *e)
{
	if (e->cur < e->len)
		e->cur++;
}

void lineedit_home(struct lineedit *e)
{
	e->cur = 0;
}

void lineedit_end(struct lineedit *e)
{
	e->cur = e->len;
}

void lineedit_clear(struct lineedit *e)
{
	e->len = e->cur = e->scroll = 0;
	if (e->buf)
		e->buf[0] = 0;
}

int lineedit_fit(struct lineedit *e, int width)
{
	int w = 0;
	size_t i;

	if (width < 2)
		width = 2;
	if (e->scroll > e->cur)
		e->scroll = e->cur;
	for (;;) {
		w = 0;
		for (i = e->scroll; i < e->cur; i++)
			w += lineedit_wcwidth(e->buf[i]);
		if (w < width || e->scroll >= e->cur)
			break;
		e->scroll++;
	}
	return w;
}

int lineedit_column(const struct lineedit *e)
{
	int w = 0;
	size_t i;

	for (i = e->scroll; i < e->cur && i < e->len; i++)
		w += lineedit_wcwidth(e->buf[i]);
	return w;
}
