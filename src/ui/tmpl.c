/* tmpl.c: the template a wizard session started from (`new --template`):
 * its locked fields refuse keys with the team's reason, its hidden
 * sections are skipped, its yours fields are counted for the title and
 * explained on the hint line; its own checks (narrower patterns, yours
 * fields still empty, locked values) stand before F2 and F10. It also says,
 * once a session, that a saved form holds a secret. Owns struct wiz_tmpl. Without a template
 * every function here does nothing, so the wizard is as before. Every text
 * from the template reaches the terminal through term_put's printable
 * filter. A map entry the template names keeps its key: it is neither
 * renamed nor deleted, while its value follows the entry's rule. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/secret.h"
#include "form/template.h"
#include "text.h"
#include "wiz.h"

void tmpl_begin(struct wiz *w, struct template *t)
{
	w->tmpl.t = t;
}

void tmpl_release(struct wiz *w)
{
	template_free(w->tmpl.t);
	w->tmpl.t = NULL;
}

int tmpl_hidden(const struct wiz *w, size_t sec)
{
	const struct fsection *s = &w->data.def->sections[sec];

	return w->tmpl.t && !s->review && template_section_hidden(w->tmpl.t, s->id);
}

size_t tmpl_step(const struct wiz *w, size_t sec, int dir)
{
	size_t i = sec;

	while (dir > 0 ? i + 1 < w->data.def->nsections : i > 0) {
		i = dir > 0 ? i + 1 : i - 1;
		if (!tmpl_hidden(w, i))
			return i;
	}
	return sec;
}

int tmpl_locked(const struct wiz *w, const char *path)
{
	if (upd_locked(w, path))
		return 1; /* an update cannot change it */
	return w->tmpl.t && path &&
	       template_mode(w->tmpl.t, w->data.def, w->data.doc, path) == TM_LOCKED;
}

int tmpl_refuse(struct wiz *w, const char *path)
{
	const struct tfield *f;

	if (upd_refuse(w, path))
		return 1;
	if (!w->tmpl.t || !path ||
	    !template_locked_within(w->tmpl.t, w->data.def, w->data.doc, path))
		return 0;
	f = template_rule(w->tmpl.t, w->data.def, w->data.doc, path);
	if (f && f->mode == TM_LOCKED && f->note)
		wiz_status(w, 1, _("Locked by the template: %s"), f->note);
	else if (f && f->mode == TM_LOCKED)
		wiz_status(w, 1, _("Locked by the template: the team set this value."));
	else
		wiz_status(w, 1,
			   _("Holds values locked by the template: the team set them, and "
			     "they stay as they are."));
	return 1;
}

/* Whether action a on row r would rename the entry (a key typed on its
 * name) or delete it. */
static int renames_or_deletes(const struct row *r, enum action a)
{
	if (a == ACT_DELETE)
		return r->kind == RK_MAPKEY || r->kind == RK_MAPVAL || r->kind == RK_ENTRY;
	return r->kind == RK_MAPKEY &&
	       (a == ACT_NONE || a == ACT_BACKSPACE || a == ACT_DELETE_CHAR || a == ACT_CLEAR);
}

int tmpl_refuse_row(struct wiz *w, const struct row *r, enum action a)
{
	if (w->tmpl.t && renames_or_deletes(r, a) &&
	    template_names_entry(w->tmpl.t, w->data.def, w->data.doc, r->path)) {
		wiz_status(w, 1, "%s",
			   _("Named by the template: the team chose this entry's name, so it is "
			     "neither renamed nor deleted; its value is yours to fill."));
		return 1;
	}
	return tmpl_refuse(w, r->path);
}

char *tmpl_title(struct wiz *w)
{
	size_t filled = 0, n;

	if (!w->tmpl.t)
		return xstrdup("");
	n = template_yours_count(w->tmpl.t, w->data.def, w->data.doc, &filled);
	if (!n)
		return xstrdup("");
	return xasprintf(
	    P_("  %zu of %zu field yours to fill", "  %zu of %zu fields yours to fill", n),
	    n - filled, n);
}

char *tmpl_hint(const struct wiz *w, const char *path)
{
	const struct tfield *f;

	if (upd_locked(w, path))
		return xstrdup(upd_locked(w, path));
	if (!w->tmpl.t || !path)
		return NULL;
	f = template_rule(w->tmpl.t, w->data.def, w->data.doc, path);
	if (f && f->mode == TM_LOCKED)
		return f->note ? xasprintf(_("Locked by the template: %s"), f->note)
			       : xstrdup(_("Locked by the template: the team set this value."));
	return template_hint(f);
}

/* The section showing the top-level member that path starts with. */
static size_t section_of(const struct wiz *w, const char *path)
{
	size_t i, j, len = strcspn(path, ".[");

	for (i = 0; i < w->data.def->nsections; i++)
		for (j = 0; j < w->data.def->sections[i].nfields; j++) {
			const char *name = w->data.def->sections[i].fields[j]->name;

			if (strlen(name) == len && !strncmp(name, path, len))
				return i;
		}
	return 0;
}

int tmpl_start(struct wiz *w)
{
	const struct tfield *f;

	if (!w->tmpl.t)
		return 0;
	f = template_first_yours(w->tmpl.t, w->data.def);
	if (!f) {
		wiz_enter_section(w, tmpl_hidden(w, 0) ? tmpl_step(w, 0, 1) : 0);
		return 1;
	}
	wiz_enter_section(w, section_of(w, f->path));
	screen_form_focus(w, f->path);
	return 1;
}

size_t tmpl_problems(const struct wiz *w, struct problems *out)
{
	size_t before = out->n;

	if (w->tmpl.t)
		template_check_document(w->tmpl.t, w->data.def, w->data.doc, out);
	return out->n - before;
}

/* Whether problem path ref is path itself, or below it when whole is set
 * (an entry shown as one row). */
static int ref_under(const char *ref, const char *path, int whole)
{
	size_t len = strlen(path);

	if (!ref || strncmp(ref, path, len))
		return 0;
	return !ref[len] || (whole && (ref[len] == '.' || ref[len] == '['));
}

int tmpl_row_unfilled(const struct wiz *w, const struct row *r)
{
	size_t i;

	if (!w->tmpl.t || !r->path || r->kind == RK_MAPKEY || r->kind == RK_ADD ||
	    r->kind == RK_FOLDED)
		return 0;
	for (i = 0; i < w->marks.tprobs.n; i++)
		if (w->marks.tprobs.v[i].state == VS_INCOMPLETE &&
		    ref_under(w->marks.tprobs.v[i].ref, r->path, r->kind == RK_ENTRY))
			return 1;
	return 0;
}

enum vstate tmpl_check(const struct wiz *w, char **msg)
{
	struct problems p = {0};
	enum vstate worst = VS_VALID;
	size_t i;
	int sec;

	*msg = NULL;
	tmpl_problems(w, &p);
	for (i = 0; i < p.n; i++)
		if (p.v[i].state > worst) {
			worst = p.v[i].state;
			free(*msg);
			*msg = row_problem_text(w->data.def, &p.v[i], &sec);
		}
	problems_clear(&p);
	return worst;
}

char *tmpl_secret_note(struct wiz *w)
{
	char *note;

	if (w->tmpl.secret_said || !(note = secret_note(w->data.doc)))
		return NULL;
	w->tmpl.secret_said = 1;
	return note;
}
