/* text.c: laying text out in screen columns; see text.h. */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

#include "base/printable.h"
#include "base/util.h"
#include "lineedit.h"
#include "text.h"

/* The next line of e from *start in at most width columns: breaks after the
 * last space that fits (or at a newline); a word longer than the line is
 * broken where it must be. Sets *end (the line is [*start, *end)) and moves
 * *start to the next line's first character. Returns 0 when nothing is left. */
int ui_wrap_next(const struct lineedit *e, size_t *start, int width, size_t *end)
{
	size_t i = *start, space = 0;
	int used = 0, have_space = 0;

	if (i >= e->len)
		return 0;
	while (i < e->len && e->buf[i] != L'\n') {
		int cw = lineedit_wcwidth(e->buf[i]);

		if (used + cw > width)
			break;
		if (e->buf[i] == L' ') {
			space = i;
			have_space = 1;
		}
		used += cw;
		i++;
	}
	if (i < e->len && e->buf[i] == L'\n') {
		*end = i;
		*start = i + 1;
		return 1;
	}
	if (i < e->len && have_space && space > *start) {
		i = space;
	} else if (i == *start) {
		i++; /* one character wider than the line: show it anyway */
	}
	*end = i;
	while (i < e->len && e->buf[i] == L' ')
		i++;
	*start = i;
	return 1;
}

char *ui_printable(const char *text)
{
	struct strbuf b = {0};
	const char *p = text ? text : "";
	char *piece, *safe;
	size_t n;

	while (*p) {
		n = strcspn(p, "\n\t");
		piece = xstrndup(p, n);
		safe = printable_text(piece, SIZE_MAX);
		strbuf_adds(&b, safe);
		free(safe);
		free(piece);
		p += n;
		if (*p)
			strbuf_addc(&b, *p++);
	}
	return strbuf_finish(&b);
}

/* UTF-8 of characters [from, to) of e. Caller frees. */
static char *range_text(const struct lineedit *e, size_t from, size_t to)
{
	struct strbuf b = {0};
	mbstate_t ps;
	char mb[MB_LEN_MAX];
	size_t i, n;

	memset(&ps, 0, sizeof ps);
	for (i = from; i < to; i++) {
		n = wcrtomb(mb, e->buf[i], &ps);
		if (n == (size_t)-1) {
			memset(&ps, 0, sizeof ps);
			strbuf_add(&b, "?", 1);
		} else {
			strbuf_add(&b, mb, n);
		}
	}
	return strbuf_finish(&b);
}

char **ui_wrap_lines(char **lines, size_t n, int width, size_t *out_n)
{
	size_t cap = n + 8, k = 0, i;
	char **out = xmalloc(cap * sizeof *out);

	for (i = 0; i < n; i++) {
		struct lineedit e = {0};
		size_t start = 0, first = 0, end;
		int indent = 0, nline = 0;

		while (lines[i][indent] == ' ')
			indent++;
		indent += 2;
		if (indent > width / 2)
			indent = 0;
		lineedit_load(&e, lines[i]);
		do {
			char *t;

			if (k + 1 >= cap) {
				cap *= 2;
				out = xrealloc(out, cap * sizeof *out);
			}
			if (!ui_wrap_next(&e, &start, nline ? width - indent : width, &end)) {
				if (!nline)
					out[k++] = xstrdup(""); /* an empty line stays */
				break;
			}
			t = range_text(&e, first, end);
			out[k++] = nline ? xasprintf("%*s%s", indent, "", t) : xstrdup(t);
			free(t);
			first = start;
			nline++;
		} while (start < e.len);
		lineedit_release(&e);
	}
	*out_n = k;
	return out;
}

void ui_lines_free(char **lines, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

/* Columns of the n bytes of UTF-8 at s. */
static int span_columns(const char *s, size_t n)
{
	char *t = xstrndup(s, n);
	int c = lineedit_columns(t, INT_MAX - 64);

	free(t);
	return c;
}

/* One line (no newline in it) of ui_print_wrapped. */
static void print_line(FILE *out, const char *s, size_t len, int width)
{
	size_t lead = strspn(s, " "), i = lead, gap, w;
	int hang = (int)lead + 2, col = (int)lead, cw;

	if (lead > len)
		lead = i = len;
	if (hang > width / 2)
		hang = 0;
	fwrite(s, 1, lead, out);
	while (i < len) {
		for (gap = 0; i + gap < len && s[i + gap] == ' '; gap++)
			;
		for (w = 0; i + gap + w < len && s[i + gap + w] != ' '; w++)
			;
		if (!w)
			break; /* blanks at the end */
		cw = span_columns(s + i + gap, w);
		/* a word no line can hold stays where it is: it is never cut */
		if (i > lead && col + (int)gap + cw > width && hang + cw <= width) {
			fprintf(out, "\n%*s", hang, "");
			col = hang;
		} else {
			fwrite(s + i, 1, gap, out);
			col += (int)gap;
		}
		fwrite(s + i + gap, 1, w, out);
		col += cw;
		i += gap + w;
	}
	fputc('\n', out);
}

void ui_print_wrapped(FILE *out, const char *text, int width)
{
	char *safe = ui_printable(text);
	const char *nl, *t = safe;

	do {
		nl = strchr(t, '\n');
		print_line(out, t, nl ? (size_t)(nl - t) : strlen(t), width);
		t = nl ? nl + 1 : NULL;
	} while (t && *t);
	free(safe);
}

int ui_text_width(FILE *out)
{
	struct winsize ws;

	if (isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	return 80;
}

void ui_warn(const char *who, const char *text)
{
	char *a = ui_printable(who), *b = ui_printable(text);

	fprintf(stderr, "%s: %s\n", a, b);
	free(a);
	free(b);
}
