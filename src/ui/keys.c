/* keys.c: the key table; see keys.h. */
#include "config.h"

#include <poll.h>
#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "curses.h"
#include "keys.h"

#define F(n)    KEYFN(KEY_F(n))
#define CTRL(c) ((c)&0x1f)

/* The first key of each binding that works is the one the key bar shows:
 * a function key where the terminal has it, otherwise Esc and a digit or a
 * control key, which every terminal can send. */
static const struct keybinding table[] = {
    {ACT_NEXT_FIELD, {'\t', 0}, N_("next field"), KW_ANY, {NULL}, 0, 0},
    {ACT_PREV_FIELD, {KEYFN(KEY_BTAB), 0}, N_("previous field"), KW_ANY, {NULL}, 0, 0},
    {ACT_DOWN, {KEYFN(KEY_DOWN), 0}, N_("next field (review: scroll)"), KW_ANY, {NULL}, 0, 0},
    {ACT_UP, {KEYFN(KEY_UP), 0}, N_("previous field (review: scroll)"), KW_ANY, {NULL}, 0, 0},
    {ACT_NEXT_SECTION,
     {KEYFN(KEY_NPAGE), CTRL('N'), 0},
     N_("next section (checks this one first); on an entry's screen: back to the list"),
     KW_ANY,
     {N_("Next"), N_("List"), NULL, N_("Next"), NULL},
     7,
     2},
    {ACT_PREV_SECTION,
     {KEYFN(KEY_PPAGE), CTRL('P'), 0},
     N_("previous section; on an entry's screen: back to the list"),
     KW_ANY,
     {N_("Back"), NULL, N_("Back"), N_("Back"), NULL},
     8,
     4},
    {ACT_ACTIVATE,
     {'\r', '\n', KEYFN(KEY_ENTER), 0},
     N_("choose from a list, toggle yes/no, add an item, open an entry; on the review: go "
	"to the line's section"),
     KW_ANY,
     {NULL},
     0,
     0},
    {ACT_STEP,
     {' ', 0},
     N_("next value of a choice or yes/no (outside text fields); on the review: a page down"),
     KW_ANY,
     {NULL, NULL, N_("Page")},
     7,
     2},
    {ACT_LEFT,
     {KEYFN(KEY_LEFT), CTRL('B'), 0},
     N_("move left in text; previous value of a choice"),
     KW_ANY,
     {NULL},
     0,
     0},
    {ACT_RIGHT,
     {KEYFN(KEY_RIGHT), CTRL('F'), 0},
     N_("move right in text; next value of a choice"),
     KW_ANY,
     {NULL},
     0,
     0},
    {ACT_HOME,
     {KEYFN(KEY_HOME), CTRL('A'), 0},
     N_("start of the text (review: top)"),
     KW_ANY,
     {NULL},
     0,
     0},
    {ACT_END,
     {KEYFN(KEY_END), CTRL('E'), 0},
     N_("end of the text (review: bottom)"),
     KW_ANY,
     {NULL},
     0,
     0},
    {ACT_BACKSPACE,
     {KEYFN(KEY_BACKSPACE), 127, CTRL('H'), 0},
     N_("delete before the cursor"),
     KW_TEXT,
     {NULL},
     0,
     0},
    {ACT_DELETE_CHAR,
     {KEYFN(KEY_DC), CTRL('D'), 0},
     N_("delete under the cursor"),
     KW_TEXT,
     {NULL},
     0,
     0},
    {ACT_CLEAR, {CTRL('U'), 0}, N_("clear the field"), KW_TEXT, {NULL}, 0, 0},
    {ACT_CANCEL,
     {27, 0},
     N_("undo the edits of the field (text or choice) made since the cursor came to it; "
	"leave an entry's screen, a list, a prompt, help or the review"),
     KW_ANY,
     {NULL},
     6, /* on the bar in a text field only (KEYBAR_TEXT_UNDO) */
     1},
    {ACT_HELP,
     {F(1), KEYESC('1'), '?', 0},
     N_("help on the field and every key (? outside text fields)"),
     KW_ANY,
     {N_("Help"), N_("Help"), N_("Help"), N_("Help"), N_("Help"), N_("Help")},
     1,
     0},
    {ACT_SAVE,
     {F(2), KEYESC('2'), 0},
     N_("save the form to a file"),
     KW_ANY,
     {N_("Save"), N_("Save"), N_("Save"), N_("Save"), NULL},
     2,
     3},
    {ACT_LOAD,
     {F(3), KEYESC('3'), 0},
     N_("load a form file"),
     KW_ANY,
     {N_("Load"), N_("Load"), N_("Load"), N_("Load"), N_("Open"), N_("Open")},
     3,
     5},
    {ACT_ADVANCED,
     {F(4), KEYESC('4'), 0},
     N_("show or hide advanced settings"),
     KW_ANY,
     {N_("More"), N_("More"), NULL, N_("More"), NULL},
     4,
     6},
    {ACT_MOVE_UP, {F(5), KEYESC('5'), 0}, N_("move a list item up"), KW_ANY, {NULL}, 0, 0},
    {ACT_MOVE_DOWN, {F(6), KEYESC('6'), 0}, N_("move a list item down"), KW_ANY, {NULL}, 0, 0},
    {ACT_PROBE,
     {F(7), KEYESC('7'), 0},
     N_("fetch the discovery URL to see that it answers (a check, never a block)"),
     KW_ANY,
     {NULL},
     0,
     0},
    {ACT_PICK,
     {CTRL('O'), 0},
     N_("on a field that names a role, an image, a bucket or key, subnets or security "
	"groups: a list of those in your account to choose from, filtered as you type"),
     KW_ANY,
     {NULL, NULL, NULL, N_("Pick")},
     4,
     1},
    {ACT_MAKE_ROLE,
     {CTRL('R'), 0},
     N_("on the execution role's field: make a role for this runtime (its documents are "
	"shown and confirmed first)"),
     KW_ANY,
     {NULL},
     0,
     0},
    {ACT_DELETE,
     {F(8), KEYESC('8'), 0},
     N_("delete a list item or entry; on the start screen's list: delete the runtime"),
     KW_ANY,
     {NULL, NULL, NULL, NULL, NULL, N_("Delete")},
     4,
     6},
    {ACT_SETTINGS,
     {F(9), KEYESC('9'), 0},
     N_("change the AWS Region and profile"),
     KW_ANY,
     {N_("AWS"), N_("AWS"), N_("AWS"), N_("AWS"), N_("AWS"), N_("AWS")},
     5,
     7},
    {ACT_REVIEW,
     {F(10), KEYESC('0'), 0},
     N_("review; on the review screen: submit"),
     KW_ANY,
     {N_("Review"), N_("Review"), N_("Submit"), N_("Review"), NULL},
     6,
     0},
    {ACT_TEMPLATE,
     {CTRL('T'), 0},
     N_("on the review: save as a template, choosing which values are locked, yours to "
	"fill or hidden (secrets are left out)"),
     KW_ANY,
     {NULL, NULL, N_("Tmpl")},
     4,
     6},
    {ACT_QUIT,
     {F(12), CTRL('C'), 0},
     N_("quit (asks to save changes)"),
     KW_ANY,
     {N_("Quit"), N_("Quit"), N_("Quit"), N_("Quit"), N_("Quit"), N_("Quit")},
     9,
     0},
    {ACT_REDRAW, {CTRL('L'), 0}, N_("redraw the screen"), KW_ANY, {NULL}, 0, 0},
};

#define NTABLE (sizeof table / sizeof table[0])

static int inited, esc_waits;
static unsigned char avail[NTABLE][5];

const struct keybinding *keys_table(size_t *n)
{
	*n = NTABLE;
	return table;
}

/* The terminfo capability that names a function key, or NULL. */
static const char *key_cap(int code, char *buf, size_t len)
{
	static const struct {
		int code;
		const char *cap;
	} caps[] = {
	    {KEY_BTAB, "kcbt"},     {KEY_NPAGE, "knp"},  {KEY_PPAGE, "kpp"},   {KEY_UP, "kcuu1"},
	    {KEY_DOWN, "kcud1"},    {KEY_LEFT, "kcub1"}, {KEY_RIGHT, "kcuf1"}, {KEY_DC, "kdch1"},
	    {KEY_BACKSPACE, "kbs"}, {KEY_ENTER, "kent"},
	};
	size_t i;

	for (i = 0; i < sizeof caps / sizeof caps[0]; i++)
		if (caps[i].code == code)
			return caps[i].cap;
	if (code >= KEY_F(1) && code <= KEY_F(63)) {
		snprintf(buf, len, "kf%d", code - KEY_F(0));
		return buf;
	}
	return NULL;
}

/* Whether the terminal can send function key code. Home and End always
 * count: read_key knows the sequences terminals send for them. The vt100
 * entry names the numeric keypad's keys (ESC O l .. ESC O y, in application
 * mode) as F5..F10: no terminal emulator sends those for its F-keys, so
 * they do not count. */
static int fn_available(int code)
{
	char buf[8];
	const char *cap = key_cap(code, buf, sizeof buf);
	const char *s;

	if (code == KEY_HOME || code == KEY_END || code == KEY_RESIZE)
		return 1;
	if (!cap)
		return 0;
	s = tigetstr(cap);
	if (!s || s == (char *)-1 || !*s)
		return 0;
	if (code >= KEY_F(1) && code <= KEY_F(63) && s[0] == 27 && s[1] == 'O' && s[2] >= 'l' &&
	    s[2] <= 'y' && !s[3])
		return 0;
	return 1;
}

void keys_init(void)
{
	size_t i, j;

	esc_waits = 0;
	for (i = 0; i < NTABLE; i++)
		for (j = 0; table[i].keys[j]; j++) {
			int k = table[i].keys[j];

			avail[i][j] = !(k & KEYFN(0)) || fn_available(k & ~KEYFN(0));
			if ((k & KEYFN(0)) && (k & ~KEYFN(0)) >= KEY_F(1) &&
			    (k & ~KEYFN(0)) <= KEY_F(10) && !avail[i][j])
				esc_waits = 1;
		}
	inited = 1;
}

int keys_esc_waits(void)
{
	return esc_waits;
}

int keys_available(int key)
{
	size_t i, j;

	if (!inited)
		return 1;
	if (key & KEYESC(0))
		return esc_waits;
	if (!(key & KEYFN(0)))
		return 1;
	for (i = 0; i < NTABLE; i++)
		for (j = 0; table[i].keys[j]; j++)
			if (table[i].keys[j] == key)
				return avail[i][j];
	return fn_available(key & ~KEYFN(0));
}

const char *keys_name(int key, int brief)
{
	static char ring[4][16]; /* a few names may be in use at once (one message) */
	static unsigned turn;
	char *buf = ring[turn++ % 4];
	static const struct {
		int code;
		const char *name, *brief;
	} names[] = {
	    {KEY_BTAB, "Shift-Tab", "S-Tab"},
	    {KEY_NPAGE, "PageDown", "PgDn"},
	    {KEY_PPAGE, "PageUp", "PgUp"},
	    {KEY_UP, "Up", "Up"},
	    {KEY_DOWN, "Down", "Down"},
	    {KEY_LEFT, "Left", "Left"},
	    {KEY_RIGHT, "Right", "Right"},
	    {KEY_HOME, "Home", "Home"},
	    {KEY_END, "End", "End"},
	    {KEY_DC, "Delete", "Del"},
	    {KEY_BACKSPACE, "Backspace", "BS"},
	    {KEY_ENTER, "Enter", "Enter"},
	};
	size_t i;

	if (key & KEYESC(0)) {
		snprintf(buf, sizeof ring[0], brief ? "Esc%c" : "Esc %c", (char)(key & 0x7f));
		return buf;
	}
	if (key & KEYFN(0)) {
		int code = key & ~KEYFN(0);

		if (code >= KEY_F(1) && code <= KEY_F(63)) {
			snprintf(buf, sizeof ring[0], "F%d", code - KEY_F(0));
			return buf;
		}
		for (i = 0; i < sizeof names / sizeof names[0]; i++)
			if (names[i].code == code)
				return brief ? names[i].brief : names[i].name;
		return "?";
	}
	switch (key) {
	case '\t':
		return "Tab";
	case '\r':
	case '\n':
		return "Enter";
	case 27:
		return "Esc";
	case ' ':
		return "Space";
	case 127:
		return "Backspace";
	}
	if (key > 0 && key < 32) {
		snprintf(buf, sizeof ring[0], brief ? "^%c" : "Ctrl-%c", '@' + key);
		return buf;
	}
	snprintf(buf, sizeof ring[0], "%lc", (wint_t)key);
	return buf;
}

char *keys_names(const struct keybinding *b)
{
	struct strbuf s = {0};
	char seen[5][16];
	size_t j, k, n = 0;

	strbuf_adds(&s, "");
	for (j = 0; b->keys[j]; j++) {
		const char *name;

		if (!keys_available(b->keys[j]))
			continue;
		name = keys_name(b->keys[j], 0);
		/* Enter and Backspace have several codes with one name */
		for (k = 0; k < n && strcmp(seen[k], name); k++)
			;
		if (k < n)
			continue;
		snprintf(seen[n++], sizeof seen[0], "%s", name);
		strbuf_addf(&s, "%s%s", s.len ? ", " : "", name);
	}
	return strbuf_finish(&s);
}

const char *keys_action_name(enum action a)
{
	size_t i, j;

	for (i = 0; i < NTABLE; i++)
		if (table[i].action == a)
			for (j = 0; table[i].keys[j]; j++)
				if (keys_available(table[i].keys[j]))
					return keys_name(table[i].keys[j], 0);
	return "?";
}

char *keys_action_names(enum action a)
{
	struct strbuf s = {0};
	size_t i, j;

	strbuf_adds(&s, "");
	for (i = 0; i < NTABLE; i++)
		for (j = 0; table[i].action == a && table[i].keys[j]; j++)
			if (keys_available(table[i].keys[j]))
				strbuf_addf(&s, "%s%s", s.len ? _(" or ") : "",
					    keys_name(table[i].keys[j], 0));
	return strbuf_finish(&s);
}

enum action keys_lookup(int key, int in_text)
{
	size_t i, j;

	/* in a text field a printable key is text (Space, ? and digits too) */
	if (in_text && key >= 32 && key != 127 && key < 0x110000)
		return ACT_NONE;
	for (i = 0; i < NTABLE; i++) {
		if (table[i].where == KW_TEXT && !in_text)
			continue;
		for (j = 0; table[i].keys[j]; j++)
			if (table[i].keys[j] == key)
				return table[i].action;
	}
	return ACT_NONE;
}

int keys_terminal_gone(void)
{
	struct pollfd p = {0, POLLIN, 0};

	return poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}
