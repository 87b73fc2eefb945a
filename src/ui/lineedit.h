/* lineedit.h: a one-line text editor over wide characters (no curses).
 *
 * Owner: src/ui. A struct lineedit owns its buffer (free with
 * lineedit_release). Text is at most LINEEDIT_MAX characters; input past it
 * is ignored. Widths are computed with wcwidth so sideways scrolling keeps
 * the cursor on screen with double-width and combining characters. */
#ifndef ACW_UI_LINEEDIT_H
#define ACW_UI_LINEEDIT_H

#include <stddef.h>
#include <wchar.h>

#define LINEEDIT_MAX 4096

struct lineedit {
	wchar_t *buf;
	size_t len, cap;
	size_t cur;    /* cursor, in characters */
	size_t scroll; /* first character shown */
};

/* Replace the text with UTF-8 text (invalid bytes become U+FFFD). */
void lineedit_load(struct lineedit *e, const char *text);
/* The text as UTF-8 (caller frees). */
char *lineedit_text(const struct lineedit *e);
void lineedit_release(struct lineedit *e);

void lineedit_insert(struct lineedit *e, wchar_t c);
/* Delete before (backspace) or under the cursor; return 1 when text changed. */
int lineedit_backspace(struct lineedit *e);
int lineedit_delete(struct lineedit *e);
void lineedit_left(struct lineedit *e);
void lineedit_right(struct lineedit *e);
void lineedit_home(struct lineedit *e);
void lineedit_end(struct lineedit *e);
/* Clear the whole line. */
void lineedit_clear(struct lineedit *e);

/* Move `scroll` so that the cursor fits in `width` columns; returns the
 * column of the cursor relative to the first character shown. */
int lineedit_fit(struct lineedit *e, int width);
/* The column of the cursor relative to the first character shown (as
 * lineedit_fit returned it last). */
int lineedit_column(const struct lineedit *e);

/* The next character of UTF-8 text s (n bytes left) into *wc: returns the
 * bytes it took, 0 at the end; an invalid byte is U+FFFD (1 byte). */
size_t lineedit_decode(const char *s, size_t n, mbstate_t *st, wchar_t *wc);
/* Screen columns of UTF-8 text, counted until they pass limit (a long
 * text is not read to its end): the result is > limit when it is wider. */
int lineedit_columns(const char *s, int limit);

/* Display width of one character (0 for combining, 1 for unprintable). */
int lineedit_wcwidth(wchar_t c);

#endif
