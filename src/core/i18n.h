/* i18n.h: gettext wrappers. _() marks and translates, N_() only marks. */
#ifndef ACW_I18N_H
#define ACW_I18N_H

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#endif
#define N_(s) (s)

#endif
