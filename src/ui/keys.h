/* keys.h: key-to-action table of the wizard.
 *
 * Owner: src/ui. Keys are encoded as wide characters, KEYFN(code) for the
 * curses function-key codes wget_wch returns with KEY_CODE_YES, or
 * KEYESC(digit) for Esc followed by a digit (F1..F10 on terminals without
 * them, as in mc). The table is the one source of the bindings, of the key
 * bar and of the help screen; both show only keys that work on the terminal
 * in use (keys_init). */
#ifndef ACW_UI_KEYS_H
#define ACW_UI_KEYS_H

#include <stddef.h>

#define KEYFN(c)  (0x200000 | (int)(c))
#define KEYESC(d) (0x400000 | (int)(d))

enum action {
	ACT_NONE,
	ACT_NEXT_FIELD,
	ACT_PREV_FIELD,
	ACT_UP,
	ACT_DOWN,
	ACT_NEXT_SECTION,
	ACT_PREV_SECTION,
	ACT_ACTIVATE,
	ACT_STEP, /* Space: the next value of a choice in place, else as Enter */
	ACT_CANCEL,
	ACT_HELP,
	ACT_SAVE,
	ACT_LOAD,
	ACT_ADVANCED,
	ACT_MOVE_UP,
	ACT_MOVE_DOWN,
	ACT_DELETE,
	ACT_REVIEW,
	ACT_QUIT,
	ACT_REDRAW,
	ACT_SETTINGS,
	ACT_PROBE,
	ACT_PICK,      /* a list of what exists in the account (pick-ui.c) */
	ACT_MAKE_ROLE, /* make the execution role (role-ui.c) */
	ACT_TEMPLATE,  /* on the review: save as template (tmpl-save.c) */
	/* moving and editing in a text field; Left/Right also step a choice,
	 * Home/End also go to the top or bottom of the review */
	ACT_LEFT,
	ACT_RIGHT,
	ACT_HOME,
	ACT_END,
	ACT_BACKSPACE,
	ACT_DELETE_CHAR,
	ACT_CLEAR,
};

/* Where a binding applies. Printable keys are text in a text field whatever
 * the table says (Space, ?). */
enum key_where { KW_ANY, KW_TEXT /* only in a text field */ };

#define KEYBAR_POSITIONS 9 /* the key bar's places (bar_pos 1..9) */

/* The screen the key bar is drawn for: its labels say what the keys do there. */
enum key_screen {
	KS_FORM,
	KS_ENTRY,
	KS_REVIEW,
	KS_PICK, /* the form, the cursor on a field with a pick list */
	KS_START,
	KS_RUNTIMES, /* the start screen's list of the Region's runtimes */
	KS_COUNT
};

struct keybinding {
	enum action action;
	int keys[5];      /* 0-terminated; the first that works is shown on the bar */
	const char *help; /* N_() marked */
	enum key_where where;
	const char *bar[KS_COUNT]; /* key bar label (N_()) on each screen, or NULL */
	int bar_pos;               /* place on the key bar, from the left */
	int drop;                  /* bar: higher numbers are left out first when the
				    * labels do not fit; 0: always shown */
};

/* The table, in help-screen order, and its length. */
const struct keybinding *keys_table(size_t *n);

/* Once curses has started: find which keys the terminal can send (its
 * terminfo entry names them). */
void keys_init(void);
/* Whether key can be typed on this terminal (after keys_init; before it,
 * every key counts). */
int keys_available(int key);
/* Non-zero when some of F1..F10 cannot be typed here: a lone Esc then waits
 * a moment for a digit (Esc 2 = F2, Esc 0 = F10); Esc Esc acts at once. */
int keys_esc_waits(void);

/* The name of key: brief for the key bar ("PgDn", "^N", "Esc2"), else for
 * the help screen and messages ("PageDown", "Ctrl-N", "Esc 2"). Borrowed:
 * some names are in static buffers, of which four calls may be in use at
 * once (enough for one message). */
const char *keys_name(int key, int brief);
/* The names of the keys of b that work here, joined by ", " (caller frees;
 * "" when none works). */
char *keys_names(const struct keybinding *b);
/* The first key bound to action that works here, named for messages
 * ("F8", "Esc 8"); borrowed as keys_name. */
const char *keys_action_name(enum action a);

/* Every key bound to action that works here, "F12 or Ctrl-C" (caller frees). */
char *keys_action_names(enum action a);

/* The action for key; in_text says the cursor is in a text field (then
 * printable keys are text, not actions). ACT_NONE when unbound. */
enum action keys_lookup(int key, int in_text);

/* Non-zero when the terminal on standard input has gone away (the SSH
 * connection or the terminal emulator closed without a SIGHUP reaching us):
 * curses then returns ERR at once for every key, and a loop waiting for keys
 * must end, as after SIGHUP, instead of spinning. */
int keys_terminal_gone(void);

#endif
