/* keys.c: the key table; see keys.h. */
#include "config.h"

#include <poll.h>

#include "core/util.h"
#include "curses.h"
#include "keys.h"

static const struct keybinding table[] = {
    {ACT_NEXT_FIELD, {'\t', 0}, "Tab", N_("next field"), 0},
    {ACT_PREV_FIELD, {KEYFN(KEY_BTAB), 0}, "Shift-Tab", N_("previous field"), 0},
    {ACT_DOWN, {KEYFN(KEY_DOWN), 0}, "Down", N_("next field (review: scroll)"), 0},
    {ACT_UP, {KEYFN(KEY_UP), 0}, "Up", N_("previous field (review: scroll)"), 0},
    {ACT_NEXT_SECTION,
     {KEYFN(KEY_NPAGE), 0},
     "PageDown",
     N_("next section (checks this one first)"),
     0},
    {ACT_PREV_SECTION, {KEYFN(KEY_PPAGE), 0}, "PageUp", N_("previous section"), 0},
    {ACT_ACTIVATE,
     {'\n', '\r', KEYFN(KEY_ENTER), 0},
     "Enter",
     N_("choose from a list, add an item, open an entry, jump from review"),
     0},
    {ACT_ACTIVATE, {' ', 0}, "Space", N_("next value of a choice or yes/no"), 1},
    {ACT_CANCEL, {27, 0}, "Esc", N_("cancel a prompt, leave help or review"), 0},
    {ACT_HELP, {KEYFN(KEY_F(1)), '?', 0}, "F1, ?", N_("help (? outside text fields)"), 0},
    {ACT_SAVE, {KEYFN(KEY_F(2)), 0}, "F2", N_("save the form to a file"), 0},
    {ACT_LOAD, {KEYFN(KEY_F(3)), 0}, "F3", N_("load a form file"), 0},
    {ACT_ADVANCED, {KEYFN(KEY_F(4)), 0}, "F4", N_("show or hide advanced settings"), 0},
    {ACT_MOVE_UP, {KEYFN(KEY_F(5)), 0}, "F5", N_("move a list item up"), 0},
    {ACT_MOVE_DOWN, {KEYFN(KEY_F(6)), 0}, "F6", N_("move a list item down"), 0},
    {ACT_PROBE,
     {KEYFN(KEY_F(7)), 0},
     "F7",
     N_("fetch the discovery URL to see that it answers (a check, never a block)"),
     0},
    {ACT_DELETE, {KEYFN(KEY_F(8)), 0}, "F8", N_("delete a list item or entry"), 0},
    {ACT_SETTINGS, {KEYFN(KEY_F(9)), 0}, "F9", N_("change the AWS Region and profile"), 0},
    {ACT_REVIEW, {KEYFN(KEY_F(10)), 0}, "F10", N_("review; on the review screen: submit"), 0},
    {ACT_QUIT, {KEYFN(KEY_F(12)), 3, 0}, "F12, Ctrl-C", N_("quit (asks to save changes)"), 0},
    {ACT_REDRAW, {12, 0}, "Ctrl-L", N_("redraw the screen"), 0},
};

const struct keybinding *keys_table(size_t *n)
{
	*n = sizeof table / sizeof table[0];
	return table;
}

enum action keys_lookup(int key, int in_text)
{
	size_t i, j;

	for (i = 0; i < sizeof table / sizeof table[0]; i++) {
		if (table[i].outside_text && in_text)
			continue;
		if (in_text && key == '?')
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
