/* i18n.h: gettext wrappers. _() marks and translates, N_() only marks,
 * P_(one, many, n) picks the plural form for n. */
#ifndef ACW_I18N_H
#define ACW_I18N_H

#if ENABLE_NLS
#include <libintl.h>
#define _(s)        gettext(s)
#define P_(s, p, n) ngettext(s, p, n)
#else
#define _(s)        (s)
#define P_(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

#endif
