/* keys.h: key-to-action table of the wizard.
 *
 * Owner: src/ui. Keys are encoded as wide characters, or KEYFN(code) for the
 * curses function-key codes wget_wch returns with KEY_CODE_YES. The help
 * screen and the tests read the same table (keys_table). */
#ifndef ACW_UI_KEYS_H
#define ACW_UI_KEYS_H

#include <stddef.h>

#define KEYFN(c) (0x200000 | (int)(c))

enum action {
	ACT_NONE,
	ACT_NEXT_FIELD,
	ACT_PREV_FIELD,
	ACT_UP,
	ACT_DOWN,
	ACT_NEXT_SECTION,
	ACT_PREV_SECTION,
	ACT_ACTIVATE,
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
};

struct keybinding {
	enum action action;
	int keys[4];       /* 0-terminated */
	const char *names; /* "Tab, Down" (untranslated key names) */
	const char *help;  /* N_() marked */
	int outside_text;  /* only when the cursor is not in a text field */
};

/* The table, in help-screen order, and its length. */
const struct keybinding *keys_table(size_t *n);
/* The action for key; in_text says the cursor is in a text field (then
 * printable keys are text, not actions). ACT_NONE when unbound. */
enum action keys_lookup(int key, int in_text);

/* Non-zero when the terminal on standard input has gone away (the SSH
 * connection or the terminal emulator closed without a SIGHUP reaching us):
 * curses then returns ERR at once for every key, and a loop waiting for keys
 * must end, as after SIGHUP, instead of spinning. */
int keys_terminal_gone(void);

#endif
