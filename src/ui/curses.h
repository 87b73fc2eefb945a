/* curses.h: the one place src/ui includes the curses library (wide version).
 * Nothing outside src/ui includes this file. */
#ifndef ACW_UI_CURSES_H
#define ACW_UI_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#endif
