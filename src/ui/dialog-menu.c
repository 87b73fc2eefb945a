/* dialog-menu.c: a list of a choice's (or one-of's) values in a box over the
 * form, as menuconfig and dialog's menu show one. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "curses.h"
#include "wiz.h"

struct menu {
	const struct row *r;
	const char **v;
	size_t n, sel, top;
};

static void menu_draw(struct wiz *w, void *state)
{
	struct menu *m = state;
	const struct row *r = m->r;
	size_t i, shown;
	int bw, bh, bx, by, y;

	wiz_draw(w);
	if (COLS < MIN_COLS || LINES < MIN_LINES)
		return;
	bw = term_columns(r->label) + 6;
	for (i = 0; i < m->n; i++)
		if (term_columns(row_choice_label(r, m->v[i])) + 6 > bw)
			bw = term_columns(row_choice_label(r, m->v[i])) + 6;
	if (bw > COLS - SIDE_W - 4)
		bw = COLS - SIDE_W - 4;
	shown = m->n < (size_t)(LINES - 8) ? m->n : (size_t)(LINES - 8);
	bh = (int)shown + 2;
	bx = SIDE_W + 2 + (COLS - SIDE_W - 2 - bw) / 2;
	by = 2 + (LINES - 6 - bh) / 2;
	if (m->sel < m->top)
		m->top = m->sel;
	if (m->sel >= m->top + shown)
		m->top = m->sel - shown + 1;
	for (y = by; y < by + bh; y++)
		term_fill(y, bx, bw, A_NORMAL);
	term_frame(by, bx, bh, bw);
	term_put(by, bx + 2, bw - 4, r->label, A_BOLD);
	for (i = m->top; i < m->top + shown; i++) {
		y = by + 1 + (int)(i - m->top);
		if (i == m->sel)
			term_fill(y, bx + 1, bw - 2, A_REVERSE);
		term_put(y, bx + 2, bw - 4, row_choice_label(r, m->v[i]),
			 i == m->sel ? A_REVERSE : A_NORMAL);
	}
	if (m->top > 0)
		term_border(by, bx + bw - 3, L'\u2191', '^');
	if (m->top + shown < m->n)
		term_border(by + bh - 1, bx + bw - 3, L'\u2193', 'v');
	move(by + 1 + (int)(m->sel - m->top), bx + 1);
	refresh();
}

static int menu_key(struct wiz *w, void *state, enum action a, int key)
{
	struct menu *m = state;
	size_t i;

	(void)w;
	switch (a) {
	case ACT_UP:
		if (m->sel > 0)
			m->sel--;
		break;
	case ACT_DOWN:
		if (m->sel + 1 < m->n)
			m->sel++;
		break;
	case ACT_HOME:
	case ACT_PREV_SECTION:
		m->sel = 0;
		break;
	case ACT_END:
	case ACT_NEXT_SECTION:
		m->sel = m->n - 1;
		break;
	case ACT_ACTIVATE:
	case ACT_STEP:
		return 1;
	case ACT_CANCEL:
	case ACT_QUIT:
		return 0;
	default:
		if (key <= ' ' || key >= 0x7f)
			break;
		/* the next value whose name starts with that letter */
		for (i = 1; i <= m->n; i++) {
			const char *l = row_choice_label(m->r, m->v[(m->sel + i) % m->n]);

			if ((l[0] | 0x20) == (key | 0x20)) {
				m->sel = (m->sel + i) % m->n;
				break;
			}
		}
	}
	return DIALOG_MORE;
}

/* Choose a choice's or one-of's value from a list: Up/Down, Home/End, a
 * letter jumps to the next value starting with it, Enter takes the value,
 * Esc keeps the old one. The list starts on the current value, or on the
 * first value when none is set. Returns 1 when a value was taken. */
int dialog_menu(struct wiz *w, const struct row *r)
{
	struct menu m = {r, NULL, 0, 0, 0};
	struct dialog d = {menu_draw, menu_key, 0, 0, &m, NULL};
	char *now = row_value(r, w->data.doc);
	size_t i;
	int taken = 0;

	m.v = row_choices(r, &m.n);
	if (m.n) {
		m.sel = m.n > 1 && !*m.v[0] ? 1 : 0;
		for (i = 0; *now && i < m.n; i++)
			if (!strcmp(m.v[i], now))
				m.sel = i;
		taken = dialog_run(w, &d);
		if (taken)
			row_choose_keep(r, w->data.doc, m.v[m.sel], &w->form.keep);
	}
	free(now);
	free(m.v);
	return taken;
}
