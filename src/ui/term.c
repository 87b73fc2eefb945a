/* term.c: the terminal: curses set-up and restoring, signals, reading a
 * key, and the drawing primitives every screen and dialog uses. */
#include "config.h"

#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "base/printable.h"
#include "base/util.h"
#include "curses.h"
#include "keys.h"
#include "lineedit.h"
#include "text.h"
#include "ui.h"
#include "wiz.h"

volatile sig_atomic_t term_sig_quit;
volatile sig_atomic_t term_sig_leave;
static int curses_on;
static SCREEN *screen;

void term_restore(void)
{
	if (curses_on) {
		curses_on = 0;
		endwin();
		delscreen(screen);
		screen = NULL;
	}
}

static void on_fatal_signal(int sig)
{
	term_restore();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void on_signal(int sig)
{
	if (sig == SIGINT)
		term_sig_quit = 1;
	else
		term_sig_leave = 1;
}

void term_signals(void)
{
	struct sigaction sa;
	static const int fatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
	size_t i;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	{
		/* started under nohup: the hangup stays ignored; when the terminal
		 * then goes away, read_key sees it and leaves the same way */
		struct sigaction old;

		if (sigaction(SIGHUP, NULL, &old) != 0 || old.sa_handler != SIG_IGN)
			sigaction(SIGHUP, &sa, NULL);
	}
	sa.sa_handler = on_fatal_signal;
	sa.sa_flags = SA_RESETHAND;
	/* under a sanitizer its own handler stays: its report (with the stack)
	 * is worth more in a test than a restored terminal */
	for (i = 0; !UTIL_SANITIZED && i < sizeof fatal / sizeof fatal[0]; i++)
		sigaction(fatal[i], &sa, NULL);
	util_set_fatal_hook(term_restore);
}

int term_attr_err(const struct wiz *w)
{
	return A_BOLD | (w->colour ? COLOR_PAIR(1) : 0);
}

int term_attr_ok(const struct wiz *w)
{
	return w->colour ? COLOR_PAIR(2) : A_NORMAL;
}

int term_attr_head(const struct wiz *w)
{
	return A_BOLD | (w->colour ? COLOR_PAIR(3) : 0);
}

int term_start(struct wiz *w, char **cause)
{
	ESCDELAY = 25;
	screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		*cause = xstrdup(_("the terminal could not be set up."));
		return -1;
	}
	set_term(screen);
	curses_on = 1;
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(250);
	keys_init();
	w->colour = 0;
	if (!ui_settings.no_color && has_colors()) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_RED, -1);
		init_pair(2, COLOR_GREEN, -1);
		init_pair(3, COLOR_CYAN, -1);
		w->colour = 1;
	}
	return 0;
}

/* Print UTF-8 text at y, x in at most width columns, leaving out its first
 * `skip` columns; returns columns used. Only what fits is read (a value may
 * be thousands of characters long). */
int term_put_skip(int y, int x, int width, const char *s, int skip, int attr)
{
	mbstate_t st;
	size_t k, n;
	int used = 0, cw;
	wchar_t c;
	char *safe;

	if (width <= 0)
		return 0;
	s = safe = ui_printable(s);
	n = strlen(s);
	memset(&st, 0, sizeof st);
	attron(attr);
	move(y, x);
	while ((k = lineedit_decode(s, n, &st, &c)) > 0) {
		cw = lineedit_wcwidth(c);
		s += k;
		n -= k;
		if (skip > 0) {
			skip -= cw;
			continue;
		}
		if (used + cw > width)
			break;
		if (c < 32 || c == 127 || (c >= 0x80 && c < 0xa0))
			c = L'?';
		addnwstr(&c, 1);
		used += cw;
	}
	attroff(attr);
	free(safe);
	return used;
}

/* Print UTF-8 text at y, x in at most width columns; returns columns used. */
int term_put(int y, int x, int width, const char *s, int attr)
{
	return term_put_skip(y, x, width, s, 0, attr);
}

/* Print text in width columns; when it is wider, cut it with an ellipsis
 * (so that a cut is seen). Returns the columns used. */
int term_put_cut(int y, int x, int width, const char *s, int attr)
{
	int ew = MB_CUR_MAX > 1 ? 1 : 3, fits;
	char *safe;

	if (width <= 0)
		return 0;
	safe = ui_printable(s); /* measured as it is drawn */
	fits = lineedit_columns(safe, width) <= width || width <= ew;
	if (fits) {
		width = term_put(y, x, width, safe, attr);
	} else {
		x += term_put(y, x, width - ew, safe, attr);
		attron(attr);
		mvaddstr(y, x, MB_CUR_MAX > 1 ? "\u2026" : "...");
		attroff(attr);
	}
	free(safe);
	return width;
}

/* Lines a message under a field needs at width columns (all of it: a
 * message is never cut). */
int term_msg_lines(const char *text, int width)
{
	return ui_wrap_text(text, width, 1000, 0, 0, 0, 0);
}

/* Print text over up to maxlines lines of width columns. */
void term_put_wrapped(int y, int x, int width, int maxlines, const char *text, int attr)
{
	ui_wrap_text(text, width, maxlines, 1, y, x, attr);
}

void term_fill(int y, int x, int width, int attr)
{
	int i;

	attron(attr);
	for (i = 0; i < width; i++)
		mvaddch(y, x + i, ' ');
	attroff(attr);
}

/* Screen columns of UTF-8 text. */
int term_columns(const char *s)
{
	return lineedit_columns(s, INT_MAX - 64);
}

/* One border character: box drawing in UTF-8 locales, ASCII elsewhere (as
 * the section rule: the same on every terminal, whatever its alternate
 * character set does). */
void term_border(int y, int x, wchar_t wide, char ascii)
{
	if (MB_CUR_MAX > 1) {
		cchar_t cc;
		wchar_t s[2] = {wide, 0};

		setcchar(&cc, s, A_NORMAL, 0, NULL);
		mvadd_wch(y, x, &cc);
	} else {
		mvaddch(y, x, (chtype)(unsigned char)ascii);
	}
}

/* A box's frame: h lines of width columns from y, x. */
void term_frame(int y, int x, int h, int width)
{
	int i;

	for (i = 1; i + 1 < width; i++) {
		term_border(y, x + i, L'\u2500', '-');
		term_border(y + h - 1, x + i, L'\u2500', '-');
	}
	for (i = y + 1; i < y + h - 1; i++) {
		term_border(i, x, L'\u2502', '|');
		term_border(i, x + width - 1, L'\u2502', '|');
	}
	term_border(y, x, L'\u250c', '+');
	term_border(y, x + width - 1, L'\u2510', '+');
	term_border(y + h - 1, x, L'\u2514', '+');
	term_border(y + h - 1, x + width - 1, L'\u2518', '+');
}

/* Read a key. An escape sequence curses does not know (F12 on a vt100
 * entry, say) is swallowed whole rather than typed into a field. Esc and a
 * digit is KEYESC(digit) (F1..F10, as in mc): at once when the digit comes
 * with the Esc (Alt-digit on many terminals), and on a terminal that lacks
 * some of F1..F10 also when it is typed within a second after a lone Esc;
 * there Esc Esc is an Esc at once. */
int term_read_key(int *key)
{
	wint_t wc;
	int r = get_wch(&wc), n, waited = 0;

	if (r == ERR) {
		if (keys_terminal_gone())
			term_sig_leave = 1; /* as after SIGHUP: save a draft and leave */
		return 0;
	}
	*key = r == KEY_CODE_YES ? KEYFN(wc) : (int)wc;
	if (*key != 27)
		return 1;
	timeout(0);
	r = get_wch(&wc);
	if (r == ERR && keys_esc_waits()) {
		timeout(1000);
		r = get_wch(&wc);
		if (r == OK && wc == 27) {
			timeout(250);
			return 1;
		}
		waited = 1; /* what follows now was typed: not a sequence */
	}
	if (r == OK && wc >= '0' && wc <= '9') {
		timeout(250);
		*key = KEYESC(wc);
		return 1;
	}
	if (r == OK && !waited && (wc == '[' || wc == 'O')) {
		char seq[20];

		seq[0] = (char)wc;
		for (n = 1; n < 18 && (r = get_wch(&wc)) != ERR; n++) {
			seq[n] = r == OK && wc < 0x80 ? (char)wc : '?';
			if (r == OK && wc >= 0x40 && wc <= 0x7e) {
				n++;
				break;
			}
		}
		seq[n] = 0;
		timeout(250);
		/* Home and End as terminals send them when the terminfo entry
		 * in use names other sequences (tmux or screen under xterm) */
		if (!strcmp(seq, "[1~") || !strcmp(seq, "[7~") || !strcmp(seq, "[H") ||
		    !strcmp(seq, "OH")) {
			*key = KEYFN(KEY_HOME);
			return 1;
		}
		if (!strcmp(seq, "[4~") || !strcmp(seq, "[8~") || !strcmp(seq, "[F") ||
		    !strcmp(seq, "OF")) {
			*key = KEYFN(KEY_END);
			return 1;
		}
		return 0;
	}
	/* Esc typed just before another key: keep both */
	if (r == KEY_CODE_YES)
		ungetch((int)wc);
	else if (r == OK)
		unget_wch((wchar_t)wc);
	timeout(250);
	return 1;
}

void term_draw_small(void)
{
	char *m = xasprintf(_("Terminal too small: %dx%d."), COLS, LINES);
	char *n = xasprintf(_("The wizard needs at least %dx%d; make the window larger."),
			    MIN_COLS, MIN_LINES);

	/* keys typed now would change fields no one can see: only quitting
	 * works until the window is large enough (handle_key) */
	char *qk = keys_action_names(ACT_QUIT);
	char *q = xasprintf(_("Until then keys are ignored; %s quits."), qk);

	erase();
	term_put(0, 0, COLS, m, A_BOLD);
	ui_wrap_text(n, COLS, 2, 1, LINES > 2 ? 2 : 1, 0, A_NORMAL);
	if (LINES > 5)
		ui_wrap_text(q, COLS, 2, 1, 5, 0, A_NORMAL);
	free(m);
	free(n);
	free(q);
	free(qk);
}

/* Draw characters [from, to) of e at y, x, control characters as '?'. */
static void put_range(int y, int x, const struct lineedit *e, size_t from, size_t to, int attr)
{
	size_t i;

	attron(attr);
	move(y, x);
	for (i = from; i < to; i++) {
		wchar_t c = e->buf[i];

		if (c < 32 || c == 127 || (c >= 0x80 && c < 0xa0))
			c = L'?';
		addnwstr(&c, 1);
	}
	attroff(attr);
}

int ui_wrap_text(const char *text, int width, int maxlines, int draw, int y, int x, int attr)
{
	struct lineedit e = {0};
	size_t start = 0, first = 0, end;
	int lines = 0;
	char *safe;

	if (!text || !*text || width <= 0 || maxlines <= 0)
		return 0;
	safe = ui_printable(text);
	lineedit_load(&e, safe);
	free(safe);
	while (lines < maxlines && ui_wrap_next(&e, &start, width, &end)) {
		if (draw && lines == maxlines - 1 && start < e.len) {
			/* more would follow: end this line in an ellipsis */
			int utf8 = MB_CUR_MAX > 1, ew = utf8 ? 1 : 3, used = 0;
			size_t k;

			for (k = first; k < end; k++)
				used += lineedit_wcwidth(e.buf[k]);
			while (end > first && used + ew > width)
				used -= lineedit_wcwidth(e.buf[--end]);
			put_range(y + lines, x, &e, first, end, attr);
			attron(attr);
			addnwstr(utf8 ? L"\u2026" : L"...", ew);
			attroff(attr);
		} else if (draw) {
			put_range(y + lines, x, &e, first, end, attr);
		}
		lines++;
		first = start;
	}
	lineedit_release(&e);
	return lines;
}

/* Esc or Ctrl-C pressed (or SIGTERM/SIGHUP come) while a call runs?
 * Reads the keys typed without waiting. */
int term_cancel_pressed(void)
{
	wint_t wc;
	int r, hit = term_sig_leave != 0;
	enum action a;

	if (!curses_on) {
		/* before curses (the settings resolved at the start) Ctrl-C is
		 * SIGINT: it cancels the wait, not the session */
		hit |= term_sig_quit != 0;
		term_sig_quit = 0;
		return hit;
	}

	hit |= term_sig_quit != 0; /* SIGINT from outside; the loop then asks */
	timeout(0);
	while ((r = get_wch(&wc)) != ERR) {
		a = keys_lookup(r == KEY_CODE_YES ? KEYFN(wc) : (int)wc, 1);
		if (a == ACT_CANCEL || a == ACT_QUIT)
			hit = 1;
	}
	timeout(250);
	return hit;
}

/* term.h last: its macros (lines, columns, ...) must not reach the code above */
#include <term.h>

/* Whether curses can draw on this terminal: TERM set, known to terminfo,
 * and able to move the cursor (TERM=dumb cannot). 0, or -1 with *cause in
 * the program's words (caller frees). Unlike initscr, nothing exits. */
int term_check(char **cause)
{
	const char *t = getenv("TERM");
	char *shown;
	int err = 0, ok;

	if (!t || !*t) {
		*cause = xstrdup(_("TERM is not set, so the wizard cannot tell how to draw on "
				   "this terminal."));
		return -1;
	}
	shown = printable_text(t, 64);
	if (setupterm(t, STDOUT_FILENO, &err) != OK) {
		*cause = xasprintf(_("the terminal type '%s' (TERM) is not known on this "
				     "system."),
				   shown);
		free(shown);
		return -1;
	}
	ok = tigetflag("gn") <= 0 && tigetflag("hc") <= 0 && tigetstr("cup") != NULL &&
	     tigetstr("cup") != (char *)-1;
	del_curterm(cur_term);
	if (!ok)
		*cause = xasprintf(_("the terminal type '%s' (TERM) cannot move the cursor, "
				     "which the wizard needs."),
				   shown);
	free(shown);
	return ok ? 0 : -1;
}
