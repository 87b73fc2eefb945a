/* text.h: laying text out in screen columns (wide and combining characters
 * counted as the terminal shows them), broken at spaces.
 *
 * Owner: src/ui. Used by the wizard's screens, the submit progress screen and
 * the help screen. Every text drawn or printed goes through ui_printable. */
#ifndef ACW_UI_TEXT_H
#define ACW_UI_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* Text from outside made safe for a terminal: printable_text (base/
 * printable.h) on each piece between newlines and tabs, which stay as they
 * are (they lay text out). Caller frees; never NULL. */
char *ui_printable(const char *text);

/* "who: text" on standard error, both made safe (ui_printable). */
void ui_warn(const char *who, const char *text);

/* Lay text out at width columns in at most maxlines lines, broken at spaces
 * (a word longer than a line is broken where it must be; a newline ends a
 * line); when it needs more, the last line drawn ends in an ellipsis. Draws
 * it at y, x with attr when draw is set. Returns the lines used (0 for NULL,
 * empty text or no room). */
int ui_wrap_text(const char *text, int width, int maxlines, int draw, int y, int x, int attr);
/* (ui_wrap_text draws with curses: it lives in term.c; the rest of this
 * header is text.c, which has no curses and a unit test.) */

struct lineedit;
/* The next line of e from *start at width columns, broken at a space (a
 * word wider than a line where it must be; a newline ends a line): 1 with
 * [*start, *end) its characters and *start moved past it and the blanks
 * after, 0 at the end. */
int ui_wrap_next(const struct lineedit *e, size_t *start, int width, size_t *end);

/* lines wrapped at width columns; a continued line is indented two columns
 * more than its first. Sets *out_n; caller frees the strings and the array. */
char **ui_wrap_lines(char **lines, size_t n, int width, size_t *out_n);

/* Free n strings and their array (as ui_wrap_lines gives them). */
void ui_lines_free(char **lines, size_t n);

/* Print text on out (no curses: --plain) in lines of at most width
 * columns, broken at spaces; a newline in it starts a line, and a line's
 * continuations are indented two columns past its own leading spaces. A
 * word that no line can hold (an ARN, a path) stays after the text before
 * it, whole: it must copy as it is. Each line ends in a newline. */
void ui_print_wrapped(FILE *out, const char *text, int width);

/* The columns to wrap at on out: the terminal's width when out is a
 * terminal that says it, else 80. */
int ui_text_width(FILE *out);

/* pathcomp.c: Tab completion of the path typed: the longest common
 * prefix of the names that continue it (a '/' after a folder completed
 * whole), or NULL when no name does. *names gets the names that matched
 * (n of them; caller frees with ui_lines_free). Caller frees the result. */
char *pathcomp_complete(const char *typed, char ***names, size_t *n);

#endif
