/* dialog.c: the one loop every dialog (dialog-*.c) runs in: draw it, stop
 * on SIGTERM/SIGHUP, read a key, hand its action (keys.c) to the dialog. A
 * resize only draws again. A dialog's idle hook takes what its worker
 * made between keys. */
#include "config.h"

#include "curses.h"
#include "wiz.h"

int dialog_run(struct wiz *w, const struct dialog *d)
{
	int key, r;

	for (;;) {
		d->draw(w, d->state);
		if (d->idle && (r = d->idle(w, d->state)) != DIALOG_MORE)
			return r;
		if (term_sig_leave)
			return d->on_leave;
		if (!term_read_key(&key) || key == KEYFN(KEY_RESIZE))
			continue;
		r = d->key(w, d->state, keys_lookup(key, d->in_text), key);
		if (r != DIALOG_MORE)
			return r;
	}
}
