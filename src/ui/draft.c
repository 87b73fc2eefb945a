/* draft.c: the autosaved draft: where it lives, saving it a moment after
 * the last edit (and on SIGTERM/SIGHUP), offering an earlier session's at
 * the start, and keeping one not resumed under a dated name. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/util.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/formfile.h"
#include "form/template.h"
#include "ui.h"
#include "wiz.h"

char *ui_draft_path(void)
{
	const char *x = getenv("XDG_STATE_HOME"), *h = getenv("HOME");

	if (x && *x == '/')
		return xasprintf("%s/agentcore-wizard/draft.json", x);
	if (h && *h)
		return xasprintf("%s/.local/state/agentcore-wizard/draft.json", h);
	return NULL;
}

/* Why the draft's folder (or the draft itself) cannot be trusted, or NULL:
 * a folder another user owns or others may write to could hold a draft
 * made to be resumed, or a symbolic link where the draft is written; a
 * draft that is a symbolic link is read from or written to elsewhere.
 * A folder that is not there yet is fine: draft_save makes it 0700. Once
 * the folder is the user's alone, nobody else can put a link there. */
static char *draft_unsafe(const char *draft)
{
	const char *slash = strrchr(draft, '/');
	char *dir = xstrndup(draft, slash ? (size_t)(slash - draft) : 0), *why = NULL;
	struct stat st;

	if (lstat(dir, &st) == 0) {
		if (S_ISLNK(st.st_mode) || !S_ISDIR(st.st_mode))
			why = xasprintf(_("the draft folder %s is not a folder but a link or "
					  "another file"),
					dir);
		else if (st.st_uid != geteuid())
			why = xasprintf(_("the draft folder %s belongs to another user"), dir);
		else if (st.st_mode & (S_IWGRP | S_IWOTH))
			why = xasprintf(_("others may write to the draft folder %s (chmod 700 "
					  "makes it yours alone)"),
					dir);
	}
	if (!why && lstat(draft, &st) == 0 && !S_ISREG(st.st_mode))
		why = xasprintf(_("the draft %s is a symbolic link or not a file"), draft);
	free(dir);
	return why;
}

int draft_refused(struct wiz *w)
{
	char *why = w->draft.path ? draft_unsafe(w->draft.path) : NULL;

	if (!why)
		return 0;
	wiz_status(w, 1, _("No draft is read or saved in this session: %s."), why);
	free(why);
	free(w->draft.path);
	w->draft.path = NULL;
	return 1;
}

/* Where the form file of the draft at path is kept. Caller frees. */
static char *form_note(const char *path)
{
	return xasprintf("%s.form", path);
}

/* Where the file of the template the draft's session started from is kept:
 * resumed, the session is in that template's mode again. Caller frees. */
static char *tmpl_note(const char *path)
{
	return xasprintf("%s.template", path);
}

/* A note's one line (a path), or NULL. Caller frees. */
static char *note_read(char *note)
{
	char *text = NULL, *cause = NULL;
	size_t len = 0;

	if (util_read_file(note, 4096, &text, &len, &cause) != 0) {
		free(cause);
		text = NULL;
	} else if (!len || memchr(text, '\0', len) || strchr(text, '\n')) {
		free(text);
		text = NULL;
	}
	free(note);
	return text;
}

char *draft_form_file(const char *path)
{
	return note_read(form_note(path));
}

/* Keep file in note (as an absolute path: the next session may start
 * elsewhere), or remove the note when file is NULL. Takes note. */
static void note_write(char *note, const char *file)
{
	char *abs = NULL, *cwd, *cause = NULL;

	if (!file) {
		unlink(note);
	} else {
		cwd = file[0] == '/' ? NULL : getcwd(NULL, 0);
		abs = cwd ? xasprintf("%s/%s", cwd, file) : xstrdup(file);
		if (util_write_atomic(note, abs, strlen(abs), 0600, &cause) != 0)
			free(cause);
		free(cwd);
	}
	free(abs);
	free(note);
}

/* Move the notes of the draft at from to the draft at to. */
static void notes_move(const char *from, const char *to)
{
	char *(*const note[])(const char *) = {form_note, tmpl_note};
	size_t i;

	for (i = 0; i < sizeof note / sizeof note[0]; i++) {
		char *a = note[i](from), *b = note[i](to);

		unlink(b);
		rename(a, b);
		free(a);
		free(b);
	}
}

int draft_save(struct wiz *w, char **cause)
{
	char *dir, *slash;
	int rc;

	if (!w->draft.path)
		return 0;
	dir = xstrdup(w->draft.path);
	slash = strrchr(dir, '/');
	if (slash)
		*slash = 0;
	rc = util_mkdir_p(dir, 0700, cause);
	free(dir);
	if (rc == 0) {
		/* the notes first: a draft is never on disk without them, even
		 * when the terminal is killed between the two */
		note_write(form_note(w->draft.path), w->data.file);
		note_write(tmpl_note(w->draft.path), w->tmpl.t ? w->tmpl.t->file : NULL);
		rc = formfile_save_nofollow(w->draft.path, w->data.doc, w->data.def, cause);
	}
	if (rc == 0) {
		w->draft.gen = document_generation(w->data.doc);
		w->draft.own = 1;
	}
	return rc;
}

void draft_autosave(struct wiz *w)
{
	char *cause = NULL;

	if (!w->draft.path || document_generation(w->data.doc) == w->draft.gen)
		return;
	if (util_monotonic() - w->data.last_edit < AUTOSAVE_DELAY)
		return;
	if (draft_save(w, &cause) != 0) {
		wiz_status(w, 1, _("Draft not saved: %s"), cause);
		free(cause);
		w->draft.gen = document_generation(w->data.doc);
	}
}

/* Move a draft the user did not resume aside, to draft-YYYYmmdd-HHMMSS.json
 * (its own time) in the same folder, never over another file. Returns the
 * new path (caller frees), or NULL with *cause. */
static char *draft_keep(const char *draft, time_t when, char **cause)
{
	const char *slash = strrchr(draft, '/');
	int dirlen = slash ? (int)(slash - draft) : 0, i;
	char stamp[32];

	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime(&when));
	for (i = 1; i < 100; i++) {
		char *to = i == 1 ? xasprintf("%.*s/draft-%s.json", dirlen, draft, stamp)
				  : xasprintf("%.*s/draft-%s-%d.json", dirlen, draft, stamp, i);

		/* link then unlink: never replaces a file of that name */
		if (link(draft, to) == 0) {
			unlink(draft);
			notes_move(draft, to); /* its form file and template go with it */
			return to;
		}
		if (errno != EEXIST) {
			struct stat st;

			if (stat(to, &st) != 0 && rename(draft, to) == 0)
				return to;
			*cause = xasprintf("%s: %s", to, strerror(errno));
			free(to);
			return NULL;
		}
		free(to);
	}
	*cause = xasprintf(_("%s: too many kept drafts of that time"), draft);
	return NULL;
}

/* What a draft holds, in a few lines: its runtime name and the sections
 * that have values. Caller frees. */
static char *draft_describe(const struct wiz *w, const struct document *doc, const char *when)
{
	struct strbuf b = {0};
	const char *name = document_text(doc, "agentRuntimeName");
	size_t s, f, n = 0;

	char *form = draft_form_file(w->draft.path);

	strbuf_addf(&b, _("Saved %s."), when);
	strbuf_addc(&b, '\n');
	if (form) {
		strbuf_addf(&b, _("The draft of %s."), form);
		strbuf_addc(&b, '\n');
		free(form);
	}
	if (name && *name)
		strbuf_addf(&b, _("Runtime name: %s"), name);
	else
		strbuf_adds(&b, _("It has no runtime name yet."));
	strbuf_addc(&b, '\n');
	for (s = 0; s < w->data.def->nsections; s++)
		for (f = 0; f < w->data.def->sections[s].nfields; f++)
			if (document_is_set(doc, w->data.def->sections[s].fields[f]->name)) {
				strbuf_adds(&b, n++ ? ", " : _("Values in: "));
				strbuf_adds(&b, w->data.def->sections[s].title);
				break;
			}
	if (!n)
		strbuf_adds(&b, _("It holds no values."));
	return strbuf_finish(&b);
}

/* Keep an earlier session's draft under its dated name (draft_keep), so
 * that this session's autosave cannot write over it, and say where on the
 * status line (declined: the user said n to resuming it; otherwise this
 * session started with a form file); when it cannot be moved, this session
 * saves no draft. */
void draft_set_aside(struct wiz *w, time_t when, int declined)
{
	char *cause = NULL, *kept = draft_keep(w->draft.path, when, &cause);

	if (kept) {
		char *slash = strrchr(kept, '/');

		*slash = 0; /* the name first: a long folder is what gets cut */
		if (declined)
			wiz_status(
			    w, 0, _("Started with an empty form; the draft was kept as %s in %s."),
			    slash + 1, kept);
		else
			wiz_status(w, 0, _("An earlier session's draft was kept as %s in %s."),
				   slash + 1, kept);
	} else {
		wiz_status(w, 1,
			   _("The draft could not be kept aside (%s): it stays as %s "
			     "and this session saves no draft."),
			   cause, w->draft.path);
		free(w->draft.path);
		w->draft.path = NULL;
	}
	free(kept);
	free(cause);
}

/* The template the draft's session started from, when it kept one: the
 * session is in its mode again (hidden sections, locked and yours fields,
 * its patterns). One that cannot be used any more is said, and the draft
 * is resumed without it. */
static void take_template(struct wiz *w)
{
	char *file = note_read(tmpl_note(w->draft.path)), *cause = NULL;
	struct template *t = NULL;

	if (!file)
		return;
	if (ui_load_template(w->data.def, file, &t, &cause) != EXIT_OK) {
		wiz_status(w, 1,
			   _("Draft resumed without its template %s, which cannot be used: %s"),
			   file, cause);
		free(cause);
	} else {
		char *said = xstrdup(w->status.text ? w->status.text : "");

		wiz_status(w, 0, _("%s It started from the template %s, which applies again."),
			   said, file);
		free(said);
		tmpl_release(w);
		tmpl_begin(w, t);
		tmpl_start(w);
	}
	free(file);
}

/* Resume doc, read from the draft: its form file (when it has one) is the
 * session's file again, so that the title names it and F2 saves there. */
static void take_draft(struct wiz *w, struct document *doc)
{
	char *form = draft_form_file(w->draft.path);

	document_free(w->data.doc);
	w->data.doc = doc;
	w->data.saved_gen = document_generation(doc);
	w->draft.gen = w->data.saved_gen;
	w->data.dirty_extra = 1;
	w->draft.own = 1;
	if (form) {
		free(w->data.file);
		w->data.file = form;
	}
	marks_visit_all(w);
	if (form)
		wiz_status(w, 0, _("Draft of %s resumed: %s saves it there."), form,
			   keys_action_name(ACT_SAVE));
	else
		wiz_status(w, 0, "%s", _("Draft resumed."));
	take_template(w);
}

int draft_resume(struct wiz *w, const char *path)
{
	struct problems p = {0};
	struct document *doc = NULL;
	struct stat st;
	char *cause = NULL;

	if (!w->draft.path) {
		wiz_status(w, 1, "%s", _("Drafts are not read in this session."));
		return -1;
	}
	if (formfile_load(path, w->data.def, FF_SKELETON, &doc, &p, &cause) != 0) {
		wiz_status(w, 1, _("Could not read the draft: %s"), cause);
		free(cause);
		problems_clear(&p);
		return -1;
	}
	problems_clear(&p);
	if (strcmp(path, w->draft.path)) {
		/* a kept draft becomes this session's draft.json; one there
		 * already is kept aside first, never written over */
		if (stat(w->draft.path, &st) == 0)
			draft_set_aside(w, st.st_mtime, 0);
		if (!w->draft.path || rename(path, w->draft.path) != 0) {
			document_free(doc);
			wiz_status(w, 1, "%s", _("The draft could not be taken up."));
			return -1;
		}
		notes_move(path, w->draft.path);
	}
	take_draft(w, doc);
	return 0;
}

/* A draft from an earlier session: a box says when it was saved and what it
 * holds; y resumes it, n (or Esc) starts empty and keeps it under a dated
 * name, so that nothing is lost whatever is pressed. */
void draft_offer(struct wiz *w)
{
	struct stat st;
	struct problems p = {0};
	struct document *doc = NULL;
	char when[64] = "", stamp[32] = "", *text, *answers, *kept, *cause = NULL;
	int a;

	if (!w->draft.path || stat(w->draft.path, &st) != 0)
		return;
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime(&st.st_mtime));
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", localtime(&st.st_mtime));
	if (formfile_load(w->draft.path, w->data.def, FF_SKELETON, &doc, &p, &cause) != 0) {
		problems_clear(&p);
		kept = draft_keep(w->draft.path, st.st_mtime, &cause);
		if (kept)
			wiz_status(w, 1, _("The draft could not be read; it was kept as %s."),
				   kept);
		else
			wiz_status(w, 1, _("Could not read the draft: %s"), cause);
		free(kept);
		free(cause);
		return;
	}
	problems_clear(&p);
	text = draft_describe(w, doc, when);
	answers = xasprintf(_("y: resume it\nn or Esc: start with an empty form; the draft is "
			      "kept, as draft-%s.json beside it"),
			    stamp);
	a = dialog_ask_box(w, _("A draft from an earlier session was found"), text, answers,
			   ASK_ESC | ASK_FLUSH);
	if (a == 'y') {
		take_draft(w, doc);
	} else {
		document_free(doc);
		draft_set_aside(w, st.st_mtime, 1);
	}
	free(text);
	free(answers);
	screen_form_reload(w);
}
