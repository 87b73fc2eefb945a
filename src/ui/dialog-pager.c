/* dialog-pager.c: lines shown full-screen until a key is pressed (the
 * problems of a file loaded), and F1's help built from the key table. */
#include "config.h"

#include <stdlib.h>

#include "base/util.h"
#include "form/formdef.h"
#include "form/template.h"
#include "curses.h"
#include "text.h"
#include "wiz.h"

struct pager {
	const char *title;
	char **lines, **wl;
	size_t n, nw, top;
};

static void pager_draw(struct wiz *w, void *state)
{
	struct pager *p = state;
	size_t i;
	int y;

	(void)w;
	ui_lines_free(p->wl, p->nw);
	p->wl = ui_wrap_lines(p->lines, p->n, COLS - 2, &p->nw); /* again after a resize */
	if (p->top >= p->nw)
		p->top = p->nw ? p->nw - 1 : 0;
	erase();
	curs_set(0);
	term_fill(0, 0, COLS, A_REVERSE);
	term_put(0, 1, COLS - 2, p->title, A_REVERSE | A_BOLD);
	for (i = p->top, y = 2; i < p->nw && y < LINES - 2; i++, y++)
		term_put(y, 1, COLS - 2, p->wl[i], A_NORMAL);
	term_put(LINES - 1, 0, COLS, _("Up/Down scroll; any other key returns."), A_REVERSE);
	refresh();
}

static int pager_key(struct wiz *w, void *state, enum action a, int key)
{
	struct pager *p = state;

	(void)w;
	(void)key;
	if (a == ACT_DOWN && p->top + 1 < p->nw)
		p->top++;
	else if (a == ACT_UP && p->top)
		p->top--;
	else
		return 0;
	return DIALOG_MORE;
}

/* Show lines full-screen until a key is pressed; Up/Down scroll. */
void dialog_pager(struct wiz *w, const char *title, char **lines, size_t n)
{
	struct pager p = {title, lines, NULL, n, 0, 0};
	struct dialog d = {pager_draw, pager_key, 0, 0, &p, NULL};

	dialog_run(w, &d);
	ui_lines_free(p.wl, p.nw);
}

/* F1: the field's help, what the marks mean, and every key with what it
 * does (only the keys this terminal has). */
/* What the template (or the update) says of the field at path, first: its
 * team's note and example, or why it is locked. Lines added to out (at most
 * 2); returns how many. */
static size_t team_help(struct wiz *w, const char *path, char **out)
{
	char *hint = tmpl_hint(w, path);
	const struct tfield *f;

	if (!hint)
		return 0;
	f = w->tmpl.t ? template_rule(w->tmpl.t, w->data.def, w->data.doc, path) : NULL;
	if (f && (f->mode == TM_YOURS || f->mode == TM_DEFAULT)) {
		out[0] = xasprintf(_("Your team's note: %s"), hint);
		free(hint);
	} else {
		out[0] = hint;
	}
	out[1] = xstrdup("");
	return 2;
}

void dialog_help(struct wiz *w)
{
	size_t n, i, k = 0;
	const struct keybinding *t = keys_table(&n);
	char **lines = xcalloc(n + 16, sizeof *lines), **names = xcalloc(n, sizeof *names);
	struct row *r = screen_form_row(w);
	int width = 0, c;

	if (w->screen == &screen_form && r && r->kind != RK_FOLDED && r->path)
		k += team_help(w, r->path, lines + k);
	if (w->screen == &screen_form && r && r->kind != RK_FOLDED && r->node && r->node->help) {
		/* an add row shows its list's help, an entry its item's, under
		 * their names (not the button's text or the entry's summary) */
		lines[k++] = xasprintf(
		    "%s: %s", r->kind == RK_ADD || r->kind == RK_ENTRY ? r->node->label : r->label,
		    r->node->help);
		if (r->node->expect)
			lines[k++] = xasprintf(_("Expected: %s"), r->node->expect);
		if (r->node->example)
			lines[k++] = xasprintf(_("Example: %s"), r->node->example);
		lines[k++] = xstrdup("");
	}
	lines[k++] = xstrdup(_("Sections: ok valid, !! has errors, .. being filled (something "
			       "missing or still being typed)."));
	lines[k++] = xstrdup(_("Fields: ! invalid (the reason is under it), * required and "
			       "empty, + required once its group is set."));
	if (keys_esc_waits())
		lines[k++] = xstrdup(_("Esc then a digit stands for F1 to F10 (Esc 0 is F10), as "
				       "this terminal lacks some of them; a lone Esc acts after a "
				       "second, Esc Esc at once."));
	lines[k++] = xstrdup("");
	lines[k++] = xstrdup(_("Keys (those this terminal has):"));
	for (i = 0; i < n; i++) {
		names[i] = keys_names(&t[i]);
		c = term_columns(names[i]);
		if (c > width && c <= 24)
			width = c;
	}
	for (i = 0; i < n; i++) {
		if (*names[i])
			lines[k++] = xasprintf("  %-*s %s", width, names[i], _(t[i].help));
		free(names[i]);
	}
	free(names);
	dialog_pager(w, _("Help"), lines, k);
	for (i = 0; i < k; i++)
		free(lines[i]);
	free(lines);
}
