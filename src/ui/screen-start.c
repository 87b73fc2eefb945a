/* screen-start.c: the start screen, shown when the wizard starts with no
 * FORM: create a new runtime, new from a template (titles and paragraphs),
 * open a form file (a path with Tab completion), resume a draft (named by
 * its form file and when it changed), or open one of the Region's
 * runtimes (ListAgentRuntimes in a thread, shown as "loading", filtered as
 * you type; F8 deletes one after its name is typed back). Owns struct
 * wiz_start; the thread owns nothing the screen reads until it is done. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "aws/runtime.h"
#include "aws/runtimes.h"
#include "base/util.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/formfile.h"
#include "form/template.h"
#include "curses.h"
#include "lineedit.h"
#include "submit.h"
#include "text.h"
#include "ui.h"
#include "wiz.h"

enum start_view { SV_MENU, SV_TEMPLATES, SV_FILE, SV_DRAFTS, SV_RUNTIMES };

struct start_item {
	char *title, *text; /* shown */
	char *key;          /* template file, draft path or runtime id */
	char *name;         /* the runtime's name, or the draft's form file */
};

struct start_load {
	pthread_t th;
	pthread_mutex_t lock;
	int started;
	atomic_int cancel, done;
	struct runtimes_list list; /* the thread's until done */
	char *error;
};

/* Lines of the chosen template's paragraph (the others show one). */
#define START_PARA_LINES 4

struct wiz_start {
	enum start_view view;
	size_t cur, top;
	struct start_item *items;
	size_t n;
	struct lineedit ed; /* the filter (runtimes) or the path (file) */
	struct start_load *load;
	char *said;       /* what the status said at the start (a draft folder refused), or NULL */
	const char *plan; /* what F8 deletes, shown while the name is asked for, or NULL */
	int said_err;
};

static void items_clear(struct wiz_start *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->items[i].title);
		free(s->items[i].text);
		free(s->items[i].key);
		free(s->items[i].name);
	}
	free(s->items);
	s->items = NULL;
	s->n = s->cur = s->top = 0;
}

static void item_add(struct wiz_start *s, char *title, char *text, const char *key,
		     const char *name)
{
	s->items = xrealloc(s->items, (s->n + 1) * sizeof *s->items);
	s->items[s->n].title = title;
	s->items[s->n].text = text;
	s->items[s->n].key = key ? xstrdup(key) : NULL;
	s->items[s->n].name = name ? xstrdup(name) : NULL;
	s->n++;
}

/* ---- the runtimes, in a thread ------------------------------------------------ */

static int load_cancelled(void *arg)
{
	struct start_load *l = arg;

	return atomic_load(&l->cancel);
}

static void *load_run(void *arg)
{
	struct start_load *l = arg;
	struct runtimes_session rs;
	struct service_error err;
	char *cause = NULL;

	/* Esc or quitting stops the wait for credentials too: load_stop's join
	 * then never waits for a credential_process that hangs */
	if (submit_connect_with(&rs, load_cancelled, l, &cause) != 0) {
		l->error = cause;
	} else {
		if (runtimes_list(&rs.cl, &l->list, &err) != 0) {
			l->error = xstrdup(err.message);
			service_error_free(&err);
		}
		runtimes_disconnect(&rs);
	}
	atomic_store(&l->done, 1);
	return NULL;
}

static void load_stop(struct wiz_start *s)
{
	if (!s->load)
		return;
	atomic_store(&s->load->cancel, 1);
	if (s->load->started)
		pthread_join(s->load->th, NULL);
	runtimes_list_free(&s->load->list);
	free(s->load->error);
	free(s->load);
	s->load = NULL;
}

static void load_begin(struct wiz_start *s)
{
	load_stop(s);
	s->load = xcalloc(1, sizeof *s->load);
	s->load->started = pthread_create(&s->load->th, NULL, load_run, s->load) == 0;
	if (!s->load->started) {
		s->load->error = xstrdup(_("could not start the list's thread"));
		atomic_store(&s->load->done, 1);
	}
}

/* Whether text holds the filter (any case). */
static int filter_takes(const char *filter, const char *text)
{
	return !*filter || strcasestr(text, filter) != NULL;
}

/* One runtime as a line of the list, in the columns of its heading (the
 * time cut to minutes: "2026-12-01 10:00"). Caller frees. */
static char *runtime_line(const struct runtime_summary *r)
{
	char when[17] = "";
	char *p;

	if (r->updated) {
		snprintf(when, sizeof when, "%s", r->updated);
		if ((p = strchr(when, 'T')))
			*p = ' ';
	}
	return xasprintf("%-20.20s %-22.22s %-10.10s %-4.4s %s", r->name ? r->name : "?",
			 r->id ? r->id : "?", r->status ? r->status : "?",
			 r->version ? r->version : "?", when);
}

/* The runtimes listed that the filter takes (in name, id, status), as items. */
static void runtimes_items(struct wiz_start *s)
{
	char *filter = lineedit_text(&s->ed);
	size_t i, cur = s->cur;

	items_clear(s);
	if (s->load && atomic_load(&s->load->done) && !s->load->error)
		for (i = 0; i < s->load->list.n; i++) {
			const struct runtime_summary *r = &s->load->list.v[i];
			char *t = runtime_line(r);

			if (filter_takes(filter, r->name ? r->name : "") ||
			    filter_takes(filter, r->id ? r->id : "") ||
			    filter_takes(filter, r->status ? r->status : ""))
				item_add(s, t, NULL, r->id, r->name);
			else
				free(t);
		}
	s->cur = cur < s->n ? cur : s->n ? s->n - 1 : 0;
	free(filter);
}

/* ---- the drafts ------------------------------------------------------------------ */

/* The drafts of the draft folder, each named by its form file. */
static void drafts_items(struct wiz_start *s)
{
	char *path = ui_draft_path(), *dir, *slash;
	DIR *d;
	struct dirent *e;

	items_clear(s);
	if (!path)
		return;
	dir = xstrdup(path);
	if ((slash = strrchr(dir, '/')))
		*slash = 0;
	if ((d = opendir(dir))) {
		while ((e = readdir(d))) {
			size_t len = strlen(e->d_name);
			char *full, *form, when[64];
			struct stat st;

			if (strncmp(e->d_name, "draft", 5) || len < 10 ||
			    strcmp(e->d_name + len - 5, ".json"))
				continue;
			full = xasprintf("%s/%s", dir, e->d_name);
			if (stat(full, &st) != 0 || !S_ISREG(st.st_mode)) {
				free(full);
				continue;
			}
			strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime(&st.st_mtime));
			form = draft_form_file(full);
			item_add(s,
				 xasprintf(_("%s, changed %s"),
					   form ? form : _("(no form file yet)"), when),
				 xasprintf(_("draft %s"), e->d_name), full, form);
			free(form);
			free(full);
		}
		closedir(d);
	}
	free(dir);
	free(path);
}

/* ---- the views ------------------------------------------------------------------- */

/* The start screen's five entries; ndrafts drafts were found. */
static void menu_entries(struct wiz_start *s, size_t ndrafts)
{
	item_add(s, xstrdup(_("Create a new runtime")),
		 xstrdup(_("An empty form, section by section.")), NULL, NULL);
	item_add(s, xstrdup(_("New from a template")),
		 xstrdup(_("A team's prepared form: fill in only what is yours.")), NULL, NULL);
	item_add(s, xstrdup(_("Open a form file")),
		 xstrdup(_("A file saved earlier (Tab completes the path).")), NULL, NULL);
	item_add(s, xstrdup(_("Resume a draft")),
		 ndrafts ? xasprintf(P_("What an earlier session autosaved: %zu draft.",
					"What an earlier session autosaved: %zu drafts.", ndrafts),
				     ndrafts)
			 : xstrdup(_("What an earlier session autosaved: none was found.")),
		 NULL, NULL);
	item_add(s, xstrdup(_("Open a runtime of the Region")),
		 xstrdup(_("Change or delete a runtime that exists (as 'list' shows them).")),
		 NULL, NULL);
}

/* A template found, as `templates` lists it: one that is invalid or cannot
 * be read is listed too (a team's template does not vanish without a word);
 * Enter on it says why it cannot be used. */
static void template_item(struct wiz_start *s, const struct tfound *t)
{
	char *title = t->title ? xasprintf("%s (%s)", t->title, t->name) : xstrdup(t->name);
	char *text;

	if (t->title && !t->nproblems)
		text = xstrdup(t->description ? t->description : "");
	else
		text =
		    xasprintf(t->title ? _("Invalid: '%s validate %s' says why.")
				       : _("Cannot be read as a template: '%s validate %s' says "
					   "why."),
			      PACKAGE_NAME, t->file);
	item_add(s, title, text, t->file, t->name);
}

static void show(struct wiz *w, enum start_view v)
{
	struct wiz_start *s = w->start;
	struct tfound_list tl = {0};
	size_t i;

	if (v != SV_RUNTIMES)
		load_stop(s); /* Esc while loading cancels it */
	items_clear(s);
	lineedit_release(&s->ed);
	lineedit_load(&s->ed, "");
	s->view = v;
	switch (v) {
	case SV_MENU:
		drafts_items(s); /* counted for the entry */
		i = s->n;
		items_clear(s);
		menu_entries(s, i);
		break;
	case SV_TEMPLATES:
		template_list(w->data.def, &tl);
		for (i = 0; i < tl.n; i++)
			template_item(s, &tl.v[i]);
		template_list_free(&tl);
		break;
	case SV_DRAFTS:
		drafts_items(s);
		break;
	case SV_RUNTIMES:
		load_begin(s);
		runtimes_items(s);
		break;
	case SV_FILE:
		break;
	}
}

void start_begin(struct wiz *w)
{
	w->start = xcalloc(1, sizeof *w->start);
	if (w->status.text && *w->status.text) {
		w->start->said = xstrdup(w->status.text);
		w->start->said_err = w->status.err;
	}
	w->screen = &screen_start;
	w->sec = 0;
	show(w, SV_MENU);
}

void start_release(struct wiz *w)
{
	if (!w->start)
		return;
	load_stop(w->start);
	items_clear(w->start);
	lineedit_release(&w->start->ed);
	free(w->start->said);
	free(w->start);
	w->start = NULL;
}

int start_in_text(const struct wiz *w)
{
	return w->screen == &screen_start && w->start &&
	       (w->start->view == SV_RUNTIMES || w->start->view == SV_FILE);
}

/* Leave the start screen for the form's first section. */
static void leave(struct wiz *w)
{
	char *keep = w->status.text; /* what the choice said (a draft resumed) */
	int err = w->status.err;

	w->status.text = NULL;
	load_stop(w->start);
	screen_form_reload(w);
	if (!tmpl_start(w))
		wiz_enter_section(w, 0);
	if (keep) {
		free(w->status.text);
		w->status.text = keep;
		w->status.err = err;
	} else if (w->start->said) { /* still true: say it on the form too */
		wiz_status(w, w->start->said_err, "%s", w->start->said);
	}
}

static void take_doc(struct wiz *w, struct document *doc, const char *file)
{
	document_free(w->data.doc);
	w->data.doc = doc;
	free(w->data.file);
	w->data.file = file ? xstrdup(file) : NULL;
	w->data.saved_gen = w->draft.gen = document_generation(doc);
	w->data.dirty_extra = 0;
	w->data.left_out = 0;
}

static void open_template(struct wiz *w, const char *file)
{
	struct template *t = NULL;
	char *cause = NULL;

	if (ui_load_template(w->data.def, file, &t, &cause) != EXIT_OK) {
		wiz_status(w, 1, _("The template cannot be used: %s"), cause);
		free(cause);
		return;
	}
	take_doc(w, template_start(t, w->data.def), NULL);
	tmpl_release(w);
	tmpl_begin(w, t);
	leave(w);
}

static void open_file(struct wiz *w)
{
	char *file = lineedit_text(&w->start->ed), *cause = NULL;
	struct problems p = {0};
	struct document *doc = NULL;
	struct stat st;

	if (!*file) {
		wiz_status(w, 1, "%s", _("Type the path of a form file (Tab completes it)."));
	} else if (stat(file, &st) != 0) {
		take_doc(w, document_new_form(w->data.def), file);
		leave(w);
		wiz_status(w, 0, _("%s is a new file: it is written when you save (%s)."), file,
			   keys_action_name(ACT_SAVE));
	} else if ((cause = ui_kind_refusal(file))) {
		wiz_status(w, 1, "%s", cause);
		free(cause);
	} else if (formfile_load(file, w->data.def, FF_SKELETON, &doc, &p, &cause) != 0) {
		wiz_status(w, 1, _("Could not load: %s"), cause);
		free(cause);
	} else {
		take_doc(w, doc, file);
		leave(w);
		marks_visit_all(w);
		w->data.left_out = p.n; /* F2 says the file lacks them */
		if (p.n)
			wiz_status(w, 1,
				   P_("Loaded %s; %zu member was left out (F3 on it lists why).",
				      "Loaded %s; %zu members were left out (F3 on it lists why).",
				      p.n),
				   file, p.n);
		else
			wiz_status(w, 0, _("Loaded %s."), file);
	}
	problems_clear(&p);
	free(file);
}

static void complete_path(struct wiz *w)
{
	char *typed = lineedit_text(&w->start->ed), **names = NULL, *done;
	size_t n = 0, i;
	struct strbuf b = {0};

	done = pathcomp_complete(typed, &names, &n);
	if (!done) {
		wiz_status(w, 1, _("No file or folder starts with %s."), typed);
	} else {
		lineedit_load(&w->start->ed, done);
		if (n > 1) {
			for (i = 0; i < n && i < 40; i++)
				strbuf_addf(&b, "%s%s", i ? "  " : "", names[i]);
			wiz_status(w, 0, "%s%s", b.s, n > 40 ? " ..." : "");
			strbuf_release(&b);
		}
	}
	ui_lines_free(names, n);
	free(done);
	free(typed);
}

static void choose(struct wiz *w)
{
	struct wiz_start *s = w->start;
	struct start_item *it = s->cur < s->n ? &s->items[s->cur] : NULL;
	static const enum start_view next[] = {SV_MENU, SV_TEMPLATES, SV_FILE, SV_DRAFTS,
					       SV_RUNTIMES};

	switch (s->view) {
	case SV_MENU:
		if (s->cur == 0) {
			leave(w);
			draft_offer(w); /* an earlier draft is offered, never overwritten */
		} else if (s->cur < sizeof next / sizeof *next) {
			show(w, next[s->cur]);
		}
		break;
	case SV_TEMPLATES:
		if (it)
			open_template(w, it->key);
		break;
	case SV_DRAFTS:
		if (it && draft_resume(w, it->key) == 0)
			leave(w);
		break;
	case SV_RUNTIMES:
		if (it && upd_open(w, it->key) == 0)
			load_stop(s);
		break;
	case SV_FILE:
		open_file(w);
		break;
	}
}

/* ---- deleting a runtime from the list ------------------------------------------ */

struct delete_job {
	const char *id;
	struct runtimes_list eps;
};

static void delete_run(void *arg, const struct runtime_progress *rp, struct runtime_outcome *out)
{
	struct delete_job *j = arg;
	struct aws_options o;
	struct runtimes_session rs;
	struct service_error err;
	struct runtimes_delete_hooks h = {NULL, rp->pause, rp->arg};

	if (submit_connect_job(&rs, rp, out) != 0)
		return;
	rp->state(rp->arg, _("Deleting the named endpoints, then the runtime"));
	if (runtimes_delete_all(&rs.cl, j->id, &j->eps, &h, &err) != 0) {
		submit_refused(out, &err);
		runtimes_disconnect(&rs);
		return;
	}
	runtimes_disconnect(&rs);
	submit_options(&o);
	runtime_follow(&o, j->id, RUNTIME_WANT_GONE, SUBMIT_FOLLOW_LIMIT, rp, out);
}

static char *delete_said(void *arg, const struct runtime_outcome *out)
{
	struct delete_job *j = arg;

	if (out->end == RUNTIME_GONE)
		return xasprintf(_("Runtime %s is deleted. Its execution role and its artifact "
				   "were left alone."),
				 j->id);
	if (out->end == RUNTIME_NOT_SENT || out->end == RUNTIME_REFUSED)
		return xasprintf(_("Not deleted: %s"), out->message ? out->message : "?");
	return runtime_outcome_summary(out);
}

static char *delete_next(void *arg, const struct runtime_outcome *out)
{
	(void)arg;
	(void)out;
	return xstrdup(_("Press any key to return to the list."));
}

/* F8 on the list: what goes, the name typed back, then the deletion. */
static void delete_runtime(struct wiz *w)
{
	struct wiz_start *s = w->start;
	struct start_item *it = s->cur < s->n ? &s->items[s->cur] : NULL;
	struct delete_job j = {0};
	struct progress_job pj = {
	    _("Deleting the runtime"), NULL, delete_run, delete_said, delete_next, &j};
	struct runtime_outcome out;
	struct runtimes_session rs;
	struct service_error err;
	struct strbuf b = {0};
	char *cause = NULL, *typed = NULL, *summary = NULL, *q;
	const char *name;
	size_t i;

	if (!it)
		return;
	name = it->name ? it->name : it->key;
	j.id = it->key;
	if (submit_connect(&rs, &cause) != 0) {
		wiz_status(w, 1, _("Not deleted: %s"), cause);
		free(cause);
		return;
	}
	if (runtimes_endpoints(&rs.cl, j.id, &j.eps, &err) != 0) {
		wiz_status(w, 1, _("Not deleted: %s"), err.message);
		service_error_free(&err);
		runtimes_disconnect(&rs);
		return;
	}
	runtimes_disconnect(&rs);
	for (i = 0; i < j.eps.nep; i++)
		strbuf_addf(&b, "%s%s", i ? ", " : "", j.eps.ep[i].name ? j.eps.ep[i].name : "?");
	q = xasprintf(_("This deletes runtime %s (%s), its versions and its endpoints (%s): the "
			"named ones first, DEFAULT with the runtime. Its execution role and its "
			"artifact are left alone."),
		      name, j.id, b.len ? b.s : _("none listed"));
	strbuf_release(&b);
	s->plan = q;
	if (dialog_prompt_line(w, _("Name:"), "",
			       _("Type the runtime's name to delete it (Esc keeps it):"),
			       &typed) != PROMPT_TEXT ||
	    strcmp(typed, name)) {
		wiz_status(w, 1, _("Not deleted: the name typed is not %s."), name);
	} else {
		progress_run(&pj, &out, &summary);
		wiz_status(w, out.end != RUNTIME_GONE, "%s", summary);
		free(summary);
		runtime_outcome_free(&out);
		clearok(curscr, TRUE);
		load_begin(s);
		runtimes_items(s);
	}
	s->plan = NULL;
	free(q);
	free(typed);
	runtimes_list_free(&j.eps);
}

/* ---- the screen's ops --------------------------------------------------------------- */

static enum screen_result start_key(struct wiz *w, enum action a, int key)
{
	struct wiz_start *s = w->start;

	switch (a) {
	case ACT_UP:
	case ACT_PREV_FIELD:
		if (s->view == SV_FILE && a == ACT_PREV_FIELD)
			break;
		s->cur -= s->cur > 0;
		break;
	case ACT_DOWN:
	case ACT_NEXT_FIELD:
		if (s->view == SV_FILE && a == ACT_NEXT_FIELD) {
			complete_path(w); /* Tab */
			break;
		}
		s->cur += s->cur + 1 < s->n;
		break;
	case ACT_ACTIVATE:
		choose(w);
		break;
	case ACT_CANCEL:
		if (s->view == SV_RUNTIMES && s->load && !atomic_load(&s->load->done))
			wiz_status(w, 0, "%s", _("Loading the runtimes was cancelled."));
		if (s->view != SV_MENU)
			show(w, SV_MENU);
		break;
	case ACT_DELETE:
		if (s->view == SV_RUNTIMES)
			delete_runtime(w);
		break;
	case ACT_QUIT:
		if (s->view != SV_RUNTIMES || !s->load || atomic_load(&s->load->done))
			return SCREEN_QUIT; /* nothing to save yet */
		show(w, SV_MENU);
		wiz_status(w, 0, "%s", _("Loading the runtimes was cancelled."));
		break;
	case ACT_LOAD: /* F3: open a form file, as the entry does */
		show(w, SV_FILE);
		break;
	case ACT_SAVE:
		wiz_status(w, 0, "%s",
			   _("There is no form to save yet: choose what to start with."));
		break;
	case ACT_BACKSPACE:
		lineedit_backspace(&s->ed);
		break;
	case ACT_CLEAR:
		lineedit_clear(&s->ed);
		break;
	case ACT_LEFT:
		lineedit_left(&s->ed);
		break;
	case ACT_RIGHT:
		lineedit_right(&s->ed);
		break;
	case ACT_NONE:
		if (start_in_text(w) && key >= 32 && key < 0x110000 && key != 127)
			lineedit_insert(&s->ed, (wchar_t)key);
		break;
	default:
		return SCREEN_IGNORED;
	}
	if (w->screen == &screen_start && s->view == SV_RUNTIMES)
		runtimes_items(s); /* the filter may have changed */
	return SCREEN_HANDLED;
}

static void start_update(struct wiz *w)
{
	struct wiz_start *s = w->start;
	size_t ph = (size_t)(LINES - 8) / 3;

	if (s->view == SV_RUNTIMES && s->load && atomic_load(&s->load->done) && !s->n)
		runtimes_items(s);
	if (s->view == SV_RUNTIMES)
		ph = (size_t)(LINES - 9);
	else if (s->view == SV_TEMPLATES) /* the chosen one's paragraph is longer */
		ph = (size_t)(LINES - 8 - (START_PARA_LINES - 1)) / 3;
	if (s->cur < s->top)
		s->top = s->cur;
	if (ph && s->cur >= s->top + ph)
		s->top = s->cur - ph + 1;
}

static const char *view_title(const struct wiz_start *s)
{
	switch (s->view) {
	case SV_TEMPLATES:
		return _("New from a template: Enter starts from it, Esc goes back");
	case SV_FILE:
		return _("Open a form file: type its path (Tab completes), Enter opens it");
	case SV_DRAFTS:
		return _("Resume a draft: Enter resumes it, Esc goes back");
	case SV_RUNTIMES:
		return _("Runtimes of the Region: type to filter, Enter opens, F8 deletes");
	default:
		return _("Start: what would you like to do?");
	}
}

static void start_draw(const struct wiz *w, int *cy, int *cx)
{
	const struct wiz_start *s = w->start;
	int y = 2, x = 2, width = COLS - 4, bottom = LINES - 4;
	size_t i;

	term_put(y++, x, width, view_title(s), term_attr_head(w));
	y++;
	if (s->view == SV_FILE || s->view == SV_RUNTIMES) {
		char *t = lineedit_text(&s->ed);
		int qw = term_put(y, x, width, s->view == SV_FILE ? _("Path: ") : _("Filter: "),
				  A_BOLD);

		term_put(y, x + qw, width - qw, t, A_UNDERLINE);
		*cy = y;
		*cx = x + qw + term_columns(t);
		free(t);
		y += 2;
	}
	if (s->view == SV_RUNTIMES && s->load && !atomic_load(&s->load->done)) {
		term_put(y, x, width, _("Loading the runtimes... (Esc cancels)"), A_DIM);
		return;
	}
	if (s->view == SV_RUNTIMES && s->load && s->load->error) {
		char *m = xasprintf(_("The runtimes could not be listed: %s"), s->load->error);

		term_put_wrapped(y, x, width, 4, m, term_attr_err(w));
		free(m);
		return;
	}
	if (s->view == SV_RUNTIMES && s->n)
		term_put(y++, x, width,
			 _("NAME                 ID                     STATUS     VER. LAST "
			   "UPDATED"),
			 A_DIM);
	if (!s->n && s->view != SV_FILE)
		term_put(y, x, width,
			 s->view == SV_RUNTIMES ? _("(no runtime matches)")
			 : s->view == SV_DRAFTS ? _("(no draft was found)")
						: _("(none)"),
			 A_DIM);
	if (s->plan) {
		term_put_wrapped(LINES - 9, x, width, 4, s->plan, A_BOLD);
		bottom = LINES - 10;
	}
	for (i = s->top; i < s->n && y <= bottom; i++) {
		int a = i == s->cur ? A_REVERSE | A_BOLD : A_BOLD;

		if (i == s->cur)
			term_fill(y, x, width, A_REVERSE);
		term_put(y++, x, width, s->items[i].title, a);
		if (s->items[i].text && y <= bottom) {
			/* the chosen template's paragraph whole (up to START_PARA_LINES) */
			int most = i == s->cur && s->view == SV_TEMPLATES ? START_PARA_LINES : 1,
			    n;

			if (most > bottom - y + 1)
				most = bottom - y + 1;
			n = ui_wrap_text(s->items[i].text, width - 4, most, 1, y, x + 4, A_DIM);
			y += n > 0 ? n : 1;
		}
		if (s->view != SV_RUNTIMES)
			y++;
	}
}

static char *start_hint(const struct wiz *w)
{
	(void)w;
	return xasprintf(_("Up/Down choose, Enter takes it, Esc goes back, %s quits."),
			 keys_action_name(ACT_QUIT));
}

static void start_enter(struct wiz *w)
{
	(void)w;
}

static enum key_screen start_keyset(const struct wiz *w)
{
	/* F8 deletes only in the list of runtimes: the bar says so there alone */
	return w->start && w->start->view == SV_RUNTIMES ? KS_RUNTIMES : KS_START;
}

const struct screen_ops screen_start = {
    "start", start_keyset, start_enter, start_update, start_draw, start_hint, NULL, start_key,
};
