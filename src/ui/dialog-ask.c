/* dialog-ask.c: a yes/no question in a box over the screen. */
#include "config.h"

#include <stdlib.h>

#include "base/util.h"
#include "curses.h"
#include "text.h"
#include "wiz.h"

/* The question box of dialog_ask_box, centred on the screen. */
static void draw_question(const char *title, const char *text, const char *answers,
			  const char *note, int attr_note)
{
	int iw = COLS - 10 < 70 ? COLS - 10 : 70, tl, kl, bh, bw, bx, by, y;

	tl = ui_wrap_text(text, iw, LINES - 12, 0, 0, 0, 0);
	kl = ui_wrap_text(answers, iw, 3, 0, 0, 0, 0);
	bh = tl + kl + 5;
	bw = iw + 4;
	bx = (COLS - bw) / 2;
	by = (LINES - bh) / 2;
	for (y = by; y < by + bh; y++)
		term_fill(y, bx, bw, A_NORMAL);
	term_frame(by, bx, bh, bw);
	if (title) {
		char *t = xasprintf(" %s ", title);

		term_put(by, bx + 2, bw - 4, t, A_BOLD);
		free(t);
	}
	ui_wrap_text(text, iw, tl, 1, by + 2, bx + 2, A_NORMAL);
	ui_wrap_text(answers, iw, kl, 1, by + 3 + tl, bx + 2, A_BOLD);
	if (note)
		ui_wrap_text(note, iw, 1, 1, by + 3 + tl + kl, bx + 2, attr_note);
}

struct ask {
	const char *title, *text, *answers;
	int flags, ignored;
	double last_ignored;
};

static void ask_draw(struct wiz *w, void *state)
{
	struct ask *s = state;

	wiz_draw(w);
	if (COLS >= MIN_COLS && LINES >= MIN_LINES) {
		curs_set(0);
		draw_question(s->title, s->text, s->answers,
			      s->ignored ? _("That key does not answer this question.") : NULL,
			      term_attr_err(w));
		refresh();
	}
}

static int ask_key(struct wiz *w, void *state, enum action a, int key)
{
	struct ask *s = state;
	int answer;

	(void)w;
	if (key == 'y' || key == 'Y')
		answer = 'y';
	else if (key == 'n' || key == 'N')
		answer = 'n';
	else if ((s->flags & ASK_ESC) && (a == ACT_CANCEL || a == ACT_QUIT))
		answer = 0;
	else
		answer = -1;
	if (answer >= 0 && util_monotonic() - s->last_ignored >= ANSWER_SETTLE)
		return answer;
	beep();
	s->ignored = 1;
	/* the pause counts from the last text typed that is no answer: a
	 * function key pressed twice is no typing */
	if (answer < 0 && key >= ' ' && key < KEYFN(0))
		s->last_ignored = util_monotonic();
	return DIALOG_MORE;
}

/* A question in a box over the screen (title may be NULL; text and answers
 * are wrapped, a newline breaks a line; answers says which keys answer).
 * Only y and n answer, and Esc, Ctrl-C or F12 with ASK_ESC; any other key
 * beeps and says so in the box, and an answer pressed within ANSWER_SETTLE
 * seconds after another printable key is not taken either: someone typing
 * into the field they believe has the cursor must not answer by chance. With
 * ASK_FLUSH (a question no key of the user's asked for) keys typed before
 * the box shows are dropped. Returns 'y', 'n', or 0 for Esc. */
int dialog_ask_box(struct wiz *w, const char *title, const char *text, const char *answers,
		   int flags)
{
	struct ask s = {title, text, answers, flags, 0, -ANSWER_SETTLE};
	struct dialog d = {ask_draw, ask_key, 1, 0, &s, NULL};

	if (flags & ASK_FLUSH)
		flushinp();
	return dialog_run(w, &d);
}

/* A yes/no question; returns 'y', 'n' or 0 for Esc. */
int dialog_ask(struct wiz *w, const char *question)
{
	return dialog_ask_box(w, NULL, question, _("y: yes    n: no    Esc: cancel"), ASK_ESC);
}
