/* dialog-prompt.c: a line read on the status line (a file name, a Region),
 * its initial text selected as in a browser's address bar. */
#include "config.h"

#include <stdlib.h>

#include "base/printable.h"
#include "base/util.h"
#include "curses.h"
#include "text.h"
#include "wiz.h"

struct prompt {
	const char *question, *hint;
	struct lineedit e;
	int selected, edited;
};

static void prompt_draw(struct wiz *w, void *state)
{
	struct prompt *s = state;
	int used = 0, a = A_REVERSE | (s->selected ? A_BOLD | A_UNDERLINE : 0), x, qw;
	size_t k;

	wiz_status(w, 0, "%s", ""); /* the prompt's line: no field message */
	wiz_draw(w);
	if (COLS < MIN_COLS || LINES < MIN_LINES)
		return;
	term_fill(LINES - 4, 0, COLS, A_NORMAL);
	term_fill(LINES - 3, 0, COLS, A_NORMAL);
	term_fill(LINES - 2, 0, COLS, A_NORMAL);
	if (s->hint)
		ui_wrap_text(s->hint, COLS, 1, 1, LINES - 4, 0, A_BOLD);
	ui_wrap_text(s->selected ? _("Typing replaces it; arrows, Home, End edit it; Enter keeps "
				     "it; Esc cancels.")
				 : _("Enter takes the line; Ctrl-U clears it; Esc cancels."),
		     COLS, 1, 1, LINES - 2, 0, A_DIM);
	qw = term_put(LINES - 3, 0, COLS / 2, s->question, A_BOLD) + 1;
	x = lineedit_fit(&s->e, COLS - qw - 1);
	move(LINES - 3, qw);
	attron(a);
	for (k = s->e.scroll; k < s->e.len && used < COLS - qw - 1; k++) {
		wchar_t c = s->e.buf[k];

		if (printable_codepoint_hidden((unsigned long)c))
			c = L'?'; /* a name from outside may hold controls */
		addnwstr(&c, 1);
		used += lineedit_wcwidth(s->e.buf[k]);
	}
	attroff(a);
	curs_set(1);
	move(LINES - 3, qw + x);
	refresh();
}

static int prompt_key(struct wiz *w, void *state, enum action a, int key)
{
	struct prompt *s = state;
	struct lineedit *e = &s->e;

	(void)w;
	switch (a) {
	case ACT_CANCEL:
	case ACT_QUIT:
		return PROMPT_ESC;
	case ACT_ACTIVATE:
		return s->edited ? PROMPT_TEXT : PROMPT_KEPT;
	case ACT_BACKSPACE:
	case ACT_DELETE_CHAR:
		if (s->selected)
			lineedit_clear(e);
		else if (a == ACT_BACKSPACE)
			lineedit_backspace(e);
		else
			lineedit_delete(e);
		break;
	case ACT_LEFT:
		lineedit_left(e);
		break;
	case ACT_RIGHT:
		lineedit_right(e);
		break;
	case ACT_HOME:
		lineedit_home(e);
		break;
	case ACT_END:
		lineedit_end(e);
		break;
	case ACT_CLEAR:
		lineedit_clear(e);
		break;
	default:
		if (a != ACT_NONE || key < 32 || key >= 0x110000 || key == 127)
			return DIALOG_MORE; /* the selection stays */
		if (s->selected)
			lineedit_clear(e);
		lineedit_insert(e, (wchar_t)key);
	}
	s->edited = 1;
	s->selected = 0;
	return DIALOG_MORE;
}

/* Read a line on the status line; hint (may be NULL) says on the line above
 * what an answer does. The initial text shows selected: the first printable
 * key replaces it, Backspace or Delete clears it, Left/Right/Home/End start
 * editing it (the line below says so). Returns PROMPT_ESC, PROMPT_KEPT (Enter
 * before any other key; *out untouched), or PROMPT_TEXT with *out (caller
 * frees; may be empty, may equal the initial text when typed again). */
int dialog_prompt_line(struct wiz *w, const char *question, const char *initial, const char *hint,
		       char **out)
{
	struct prompt s = {question, hint, {0}, 0, 0};
	struct dialog d = {prompt_draw, prompt_key, 1, PROMPT_ESC, &s, NULL};
	int r;

	lineedit_load(&s.e, initial ? initial : "");
	s.selected = s.e.len > 0;
	r = dialog_run(w, &d);
	if (r == PROMPT_TEXT)
		*out = lineedit_text(&s.e);
	lineedit_release(&s.e);
	return r;
}

/* Read a line (a file name); 1 with *out (caller frees), 0 when cancelled
 * or empty. */
int dialog_prompt(struct wiz *w, const char *question, const char *initial, char **out)
{
	int r = dialog_prompt_line(w, question, initial, NULL, out);

	if (r == PROMPT_ESC)
		return 0;
	if (r == PROMPT_KEPT)
		*out = xstrdup(initial ? initial : "");
	if (!**out) {
		free(*out);
		return 0;
	}
	return 1;
}
