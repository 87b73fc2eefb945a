/* wiz.h: the curses wizard's state and what its files share (private to
 * src/ui: ui.h is what the rest of the program sees).
 *
 * Owner: src/ui. `struct wiz` is a handful of parts, each owned by one file,
 * which alone frees what it holds: the document and its file (wizard.c), the
 * draft (draft.c), the marks (marks.c), the form view (screen-form.c), the
 * review view (screen-review.c), the AWS settings F9 edits
 * (screen-settings.c), the status line (wizard.c) and the template the
 * session started from (tmpl.c). The screen on show is
 * a pointer to its ops (struct screen_ops); dialogs (dialog-*.c) run over
 * it through one loop (dialog_run). Strings a function returns are the
 * caller's to free unless said otherwise. */
#ifndef ACW_UI_WIZ_H
#define ACW_UI_WIZ_H

#include <signal.h>
#include <stddef.h>
#include <time.h>
#include <wchar.h>

#include "form/validate.h"
#include "keys.h"
#include "lineedit.h"
#include "rows.h"

#define MIN_COLS  80
#define MIN_LINES 24
/* section list width (it fits "   Environment variables"); the rule is at column SIDE_W */
#define SIDE_W         25
#define AUTOSAVE_DELAY 1.0
#define SHIFT_STEP     20  /* columns Left/Right scroll the review's body */
#define AWS_ITEM_LINES 4   /* lines an AWS setting may wrap to on the first screen */
#define ANSWER_SETTLE  0.5 /* seconds after a key that is no answer when y/n are not taken */
#define STATUS_MAX     6   /* lines a status may take (it then ends in an ellipsis) */

struct formdef;
struct document;
struct wiz;
struct template;

/* ---- screens (screen-form.c, screen-review.c) ------------------------------ */

/* What a screen's key handler did with a key. */
enum screen_result { SCREEN_HANDLED, SCREEN_IGNORED, SCREEN_QUIT };

/* A screen, as tmux's window modes and htop's panels: the wizard calls the
 * ops of the screen on show (w->screen). */
struct screen_ops {
	const char *name;
	/* the key bar's labels and the keys' meaning on it */
	enum key_screen (*keyset)(const struct wiz *w);
	/* the screen is shown (w->sec set): reset its view */
	void (*enter)(struct wiz *w);
	/* before drawing: what the last change moved (marks, scrolling) */
	void (*update)(struct wiz *w);
	/* draw the pane; reads state only. *cy, *cx get the text cursor, or stay -1 */
	void (*draw)(const struct wiz *w, int *cy, int *cx);
	/* the line above the key bar, or NULL (caller frees) */
	char *(*hint)(const struct wiz *w);
	/* what the status line says when no message is set, or NULL (caller frees) */
	char *(*status)(const struct wiz *w);
	/* a key (its action from keys.c) */
	enum screen_result (*key)(struct wiz *w, enum action a, int key);
};
extern const struct screen_ops screen_form, screen_review;
/* screen-start.c: the start screen (no FORM given): new, from a template,
 * a form file, a draft, or one of the Region's runtimes */
extern const struct screen_ops screen_start;

/* ---- the parts of struct wiz -------------------------------------------------- */

/* The document, its file and the copy last saved (wizard.c). */
struct wiz_data {
	const struct formdef *def;
	struct document *doc;
	char *file;
	unsigned long saved_gen;
	int dirty_extra; /* resumed from a draft: unsaved even before an edit */
	size_t left_out; /* members the file loaded held that the form lost */
	double last_edit;
	/* the document as last saved or loaded, to tell real changes */
	struct document *saved_doc;
	const struct document *saved_of;
	unsigned long saved_doc_gen, dirty_gen;
	int dirty;
};

/* The autosaved draft (draft.c). */
struct wiz_draft {
	char *path;        /* NULL: this session saves no draft */
	unsigned long gen; /* the document's generation last saved */
	int own;           /* the draft file is this session's: written or resumed */
};

/* The marks (marks.c): the document's problems, found once per change
 * (validate_document in parts) and split by section, each with the state
 * the marks show (a value still being typed counts as incomplete); the
 * service's last complaint; the runtime this session made. */
struct wiz_marks {
	struct problems probs;
	struct problems warns; /* validate_warnings: shown, never counted */
	/* a template's own (tmpl_problems): in the section marks, not in probs */
	struct problems tprobs;
	enum vstate *probs_st;
	int *probs_sec;         /* section of each problem, -1 for none */
	enum vstate *sec_worst; /* per section */
	unsigned long probs_gen;
	const struct document *probs_doc;
	struct problems *member_probs; /* per member of the form's root, as last checked */
	unsigned long *member_gen;     /* its document_member_generation then, plus 1 */
	unsigned char *visited;        /* per section */
	/* the fields of the form screen on show: their marks, messages and
	 * worst state, found after each change for the rows drawn and the
	 * cursor's (marks_row; a section may hold 60,000 tags) */
	enum vstate form_worst;
	char **row_msgs;         /* per row, or NULL */
	char *row_marks;         /* per row: '!', '*', '+' or 0 */
	unsigned char *row_done; /* per row: found */
	size_t nrow;
	/* the last service error naming a member: shown under that row and its
	 * section marked, until the value there changes */
	char *svc_path, *svc_msg, *svc_value;
	int svc_sec;
	unsigned long svc_gen;
	/* the runtime this session created (NULL when none) */
	char *made_id, *made_arn, *made_status;
	/* a submission that got no answer (cancelled, or the connection
	 * failed after sending): its clientToken and the form it sent, or NULL */
	char *token;
	struct document *token_doc;
};

/* The form view (screen-form.c): one section's rows, or one sublist entry's. */
struct wiz_form {
	size_t last_form_sec;
	unsigned char *checked; /* per section: PageDown was refused, problems shown */
	int show_advanced;
	struct rows rows;
	int label_cols; /* the widest label of the rows, with its indent */
	size_t cur, top;
	char *zoom; /* sublist entry open as its own screen, or NULL */
	const struct fnode *zoom_node;
	char *zoom_back; /* cursor key to return to */
	char *zoom_title;
	char *cur_key;
	struct lineedit ed;
	char *ed_key;
	char *ed_orig;         /* the value when the cursor came to the field: Esc restores it */
	struct rows_keep keep; /* branches and members switched away from */
	char *key_refused;     /* why a map key typed was not taken, or NULL */
};

/* One line of the review. */
struct review_line {
	char *text;
	int sec; /* section to jump to, or -1 */
	int bold;
	int nowrap; /* the request body and the CLI line: shown unwrapped, scrolled sideways */
};

/* The review view (screen-review.c). */
struct wiz_review {
	struct review_line *lines;
	size_t nlines, cap, lcur, ltop;
	/* what the lines were built from: rebuilt only when one changes */
	unsigned long gen;
	int cols;
	char *file;
	int lshift; /* columns the unwrapped lines are scrolled left */
	/* lines of the request body made only when drawn (text NULL until
	 * then): a large map's entries (screen-review.c) */
	struct review_lazy *lazy;
	size_t nlazy;
};

/* The AWS settings of this session (screen-settings.c). */
struct wiz_settings {
	char **aws;             /* resolved, for the review and the first screen */
	char *aws_missing;      /* what keeps them from submitting, or NULL */
	char *region, *profile; /* set with F9; ui_settings points at them */
};

/* The account checks of the form (checks-ui.c). */
struct uichecks;
struct check_finding;
struct wiz_checks {
	struct uichecks *st; /* the runs and the findings kept per value, or NULL */
	int state;           /* enum checks_state of what is shown, -1 nothing */
	/* shown: of each group of checks, the findings of the form's values
	 * now; the array is checks-ui.c's, its strings borrowed from what it
	 * keeps (never freed by others), until uichecks_poll says it changed */
	struct check_finding *v;
	size_t n;
};

/* Who the credentials are, found in the background when the settings are
 * resolved (account-ui.c): the first screen's account line, the pick lists
 * and the role made here need it. */
struct account_job;
struct wiz_account {
	struct account_job *job; /* running or ended; NULL without credentials */
	int shown;               /* its line is on the first screen */
	char *made_role;         /* the ARN of the role this session made, or NULL */
};

/* The status line (wizard.c). */
struct wiz_status {
	char *text;
	int err;
	int foot; /* lines a long status takes above its usual two */
};

/* The template this session started from (tmpl.c), or none: t NULL. */
struct wiz_tmpl {
	struct template *t; /* owned; freed by tmpl_release */
	int secret_said;    /* a save said that the form holds a secret */
};

struct wiz {
	const struct screen_ops *screen; /* the screen on show */
	size_t sec, review_sec;          /* the section on show; the review's */
	int colour;
	struct wiz_data data;
	struct wiz_draft draft;
	struct wiz_marks marks;
	struct wiz_form form;
	struct wiz_review review;
	struct wiz_settings settings;
	struct wiz_status status;
	struct wiz_checks checks;
	struct wiz_tmpl tmpl;
	struct wiz_account account;
	struct wiz_update *upd;  /* update.c: the runtime opened to update, or NULL */
	struct wiz_start *start; /* screen-start.c: the start screen's state, or NULL */
};

/* ---- tmpl.c: the template's rules on screen (all do nothing without one) ---- */

/* Take over t (may be NULL). */
void tmpl_begin(struct wiz *w, struct template *t);
void tmpl_release(struct wiz *w);
/* Enter the section of the first yours field, the cursor on it; 0 (and
 * nothing done) without a template. */
int tmpl_start(struct wiz *w);
/* Non-zero when section sec is hidden by the template. */
int tmpl_hidden(const struct wiz *w, size_t sec);
/* The section after (dir 1) or before (-1) sec that is not hidden; sec
 * itself when there is none. */
size_t tmpl_step(const struct wiz *w, size_t sec, int dir);
/* Non-zero, with the reason on the status line, when path is locked or
 * holds a locked value: a key that would change it is refused. */
int tmpl_refuse(struct wiz *w, const char *path);
/* tmpl_refuse for action a on row r, and also a map entry the template
 * names (template_names_entry): typing on its key or deleting it is refused,
 * saying why; its value stays editable unless locked. */
int tmpl_refuse_row(struct wiz *w, const struct row *r, enum action a);
/* "  2 of 3 fields yours to fill" for the title, or "" (caller frees). */
char *tmpl_title(struct wiz *w);
/* The team's hint and example for a yours or default path, or NULL
 * (caller frees). */
char *tmpl_hint(const struct wiz *w, const char *path);
/* Non-zero when the value at path is locked (the review marks it). */
int tmpl_locked(const struct wiz *w, const char *path);
/* The template's problems with the document (template_check_document):
 * appended to out; returns how many (0 without a template). */
size_t tmpl_problems(const struct wiz *w, struct problems *out);
/* Non-zero when row r holds a yours value still empty (as of the last
 * marks_update): marked '*' as a required field still empty is. */
int tmpl_row_unfilled(const struct wiz *w, const struct row *r);
/* The worst of them (VS_VALID: none), with *msg the first of that state
 * as row_problem_text gives it (caller frees; NULL when none). F2 asks
 * before saving an invalid one; F10 submits none. */
enum vstate tmpl_check(const struct wiz *w, char **msg);
/* After a form was saved: once a session, that it holds secret values
 * (secret_note), or NULL (caller frees). */
char *tmpl_secret_note(struct wiz *w);

/* ---- tmpl-save.c: the review's "Save as template" ---- */

/* Choose, value by value, what is locked, default, yours or hidden, then a
 * title, a paragraph and a file; write the template (secrets left out,
 * named on the status line). */
void tmpl_save_as(struct wiz *w);

/* ---- wizard.c ------------------------------------------------------------- */

void wiz_status(struct wiz *w, int err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Unsaved changes: the document differs from the one last saved or loaded. */
int wiz_dirty(struct wiz *w);
/* Show section sec (the review's index shows the review). */
void wiz_enter_section(struct wiz *w, size_t sec);
/* Draw the whole screen from the state. */
void wiz_draw(struct wiz *w);
/* After an edit: the time (autosave), no message, the rows again. */
void wiz_after_change(struct wiz *w);
/* F2: ask for a file and save. */
void wiz_save(struct wiz *w);

/* ---- term.c: the terminal, signals, keys read, drawing primitives ------------ */

extern volatile sig_atomic_t term_sig_quit;  /* SIGINT: ask, as Ctrl-C does */
extern volatile sig_atomic_t term_sig_leave; /* SIGHUP/SIGTERM: save a draft and exit */
void term_signals(void);
/* Start curses; 0, or -1 with *cause when the terminal cannot be used. */
int term_start(struct wiz *w, char **cause);
void term_restore(void);
int term_read_key(int *key);
/* Esc, Ctrl-C or F12 typed (or SIGTERM/SIGHUP come): cancel the call
 * running. Reads without waiting. */
int term_cancel_pressed(void);
/* Whether curses can draw here (TERM); 0, or -1 with *cause. */
int term_check(char **cause);
int term_attr_err(const struct wiz *w);
int term_attr_ok(const struct wiz *w);
int term_attr_head(const struct wiz *w);
int term_put_skip(int y, int x, int width, const char *s, int skip, int attr);
int term_put(int y, int x, int width, const char *s, int attr);
int term_put_cut(int y, int x, int width, const char *s, int attr);
int term_msg_lines(const char *text, int width);
void term_put_wrapped(int y, int x, int width, int maxlines, const char *text, int attr);
void term_fill(int y, int x, int width, int attr);
int term_columns(const char *s);
void term_border(int y, int x, wchar_t wide, char ascii);
void term_frame(int y, int x, int h, int width);
void term_draw_small(void);

/* ---- marks.c -------------------------------------------------------------- */

enum sstate { SS_NOT_VISITED, SS_VALID, SS_INCOMPLETE, SS_ERRORS };

/* Check the document when it changed since (validate_member for the
 * members that changed, validate_rest), and forget a service complaint
 * whose value changed. */
void marks_update(struct wiz *w);
/* A form loaded (a file, a draft resumed): every section is marked from
 * the start, not only once visited. */
void marks_visit_all(struct wiz *w);
/* The warning about the member at path (borrowed), or NULL. */
const char *marks_warning(const struct wiz *w, const char *path);
/* The problems of the document (as of the last marks_update). */
size_t marks_problems(const struct wiz *w);
/* The form screen's rows changed or the document did: forget their marks. */
void marks_form(struct wiz *w);
/* Row i's message (borrowed, or NULL), its mark found first when it was
 * not yet; it counts toward form_worst from then on. */
const char *marks_row(struct wiz *w, size_t i);
void marks_form_release(struct wiz *w);
/* The mark of section i, from the last marks_update. */
enum sstate marks_section(const struct wiz *w, size_t i);
/* Whether the service's complaint stands (as of the last marks_update). */
int marks_svc_active(const struct wiz *w);
/* A service complaint about the member at path (message taken over). */
void marks_svc_set(struct wiz *w, const char *path, int sec, char *message);
void marks_svc_clear(struct wiz *w);
/* The runtime this session created (copies kept; arn, status may be NULL). */
void marks_made_set(struct wiz *w, const char *id, const char *arn, const char *status);
void marks_made_clear(struct wiz *w);
/* Keep token (NULL: forget it) as the clientToken of a submission of this
 * form that got no answer; marks_token gives it back while the form is
 * the same (NULL otherwise), so that sending it again cannot make a
 * second runtime. */
void marks_token_set(struct wiz *w, const char *token);
const char *marks_token(const struct wiz *w);
void marks_release(struct wiz *w);

/* ---- screen-form.c ---------------------------------------------------------- */

struct row *screen_form_row(const struct wiz *w);
int screen_form_in_text(const struct wiz *w);
/* The cursor is in a text field whose text differs from the value it had
 * when the cursor came to it (Esc gives that back). */
int screen_form_edited(const struct wiz *w);
void screen_form_rebuild(struct wiz *w);
/* After another document came: the rows again, the editor reloaded. */
void screen_form_reload(struct wiz *w);
/* Put the cursor on the row for document path ref (or the closest above it). */
void screen_form_focus(struct wiz *w, const char *ref);
void screen_form_release(struct wiz *w);
/* The mark and message of row i (as marks_form finds them). */
char *screen_form_row_message(const struct wiz *w, size_t i, int checked, enum vstate *st,
			      char *mark);

/* ---- screen-review.c -------------------------------------------------------- */

/* Forget the review's lines: they are built again when next shown. */
void screen_review_free(struct wiz *w);
void screen_review_release(struct wiz *w);

/* ---- screen-settings.c -------------------------------------------------------- */

/* Resolve the AWS settings again (at the start, after F9). */
void settings_refresh(struct wiz *w);
/* Why F10 cannot submit with the settings in use, or NULL. */
char *settings_refusal(const struct wiz *w);
/* F9: another Region or profile for this session. */
void settings_edit(struct wiz *w);
void settings_release(struct wiz *w);

/* ---- checks-ui.c: the account checks in the background ----------------------- */

/* Start every group of checks whose findings of the form's values are
 * neither kept nor coming (the review opens, a value was picked or a role
 * made); nothing without credentials (the review says what is missing). */
void uichecks_start(struct wiz *w);
/* A field that the groups (CHECK_GROUP_BIT) read was left changed: start
 * those of them whose findings of its value are not known; quiet without
 * credentials. */
void uichecks_left(struct wiz *w, unsigned groups);
/* Take what arrived, never waiting; a changed value drops its groups'
 * findings from what is shown (those kept of the new value, if any, are
 * shown at once). 1 when something shown changed. */
int uichecks_poll(struct wiz *w);
/* Start what was asked for (once the credentials are known): between
 * keys, after the screen shows the key that asked. */
void uichecks_idle(struct wiz *w);
/* The error (else warning) about path, borrowed, or NULL; *error 1 for an error. */
const char *uichecks_path_message(const struct wiz *w, const char *path, int *error);
/* Error findings of this form. */
size_t uichecks_errors(const struct wiz *w);
/* Forget every finding and cancel the runs, which end on their own (F9:
 * other settings). */
void uichecks_forget(struct wiz *w);
/* The same, waiting for the runs to end, and free everything (the end). */
void uichecks_release(struct wiz *w);

/* ---- draft.c ------------------------------------------------------------------ */

/* The draft's folder is checked (the user's, not writable by others, the
 * draft no symbolic link): 1 when it is refused, said on the status line,
 * and this session reads and saves no draft. */
int draft_refused(struct wiz *w);
int draft_save(struct wiz *w, char **cause);
void draft_autosave(struct wiz *w);
/* A draft from an earlier session: offer to resume it, or keep it aside. */
void draft_offer(struct wiz *w);
void draft_set_aside(struct wiz *w, time_t when, int declined);
/* The form file the draft at path belongs to (kept beside it, in
 * path.form), or NULL (caller frees). */
char *draft_form_file(const char *path);
/* Resume the draft at path (draft.json, or one kept aside, which becomes
 * draft.json; a draft.json there is kept aside first): its form file is
 * the session's file again. 0, or -1 with the reason on the status line. */
int draft_resume(struct wiz *w, const char *path);

/* ---- dialogs: dialog.c runs them all ---------------------------------------- */

enum dialog_result { DIALOG_MORE = -2 };

/* A dialog: drawn over the screen (or in its place), keys through
 * keys_lookup. `key` returns DIALOG_MORE to go on, or the dialog's answer. */
struct dialog {
	void (*draw)(struct wiz *w, void *state);
	int (*key)(struct wiz *w, void *state, enum action a, int key);
	int in_text;  /* printable keys are text (keys_lookup) */
	int on_leave; /* the answer when SIGTERM/SIGHUP ends it */
	void *state;
	/* may be NULL: called after each drawing (at least every 250 ms, keys
	 * or none) to take what a worker thread made; DIALOG_MORE to go on, or
	 * the dialog's answer */
	int (*idle)(struct wiz *w, void *state);
};
/* The one loop of every dialog: draw, read a key, hand it over. */
int dialog_run(struct wiz *w, const struct dialog *d);

#define ASK_ESC   1 /* Esc, Ctrl-C and F12 answer (0) */
#define ASK_FLUSH 2 /* keys typed before the question showed are dropped */
/* dialog-ask.c: 'y', 'n' or 0 for Esc */
int dialog_ask_box(struct wiz *w, const char *title, const char *text, const char *answers,
		   int flags);
int dialog_ask(struct wiz *w, const char *question);

/* dialog-prompt.c */
enum { PROMPT_ESC = -1, PROMPT_KEPT = 0, PROMPT_TEXT = 1 };
int dialog_prompt_line(struct wiz *w, const char *question, const char *initial, const char *hint,
		       char **out);
int dialog_prompt(struct wiz *w, const char *question, const char *initial, char **out);

/* dialog-menu.c: choose a value of a choice or one-of row; 1 when taken */
int dialog_menu(struct wiz *w, const struct row *r);

/* dialog-pager.c */
void dialog_pager(struct wiz *w, const char *title, char **lines, size_t n);
void dialog_help(struct wiz *w);

/* ---- account-ui.c: who the credentials are, in the background ---------------- */

struct aws_settings;
struct aws_credentials;
struct sts_identity;
/* Start finding out (settings resolved with credentials: settings_refresh);
 * nothing when the settings cannot submit. */
void account_start(struct wiz *w);
/* Take the answer when it came, never waiting: the first screen's line
 * "Account 1234... as arn:..." added. 1 when something shown changed. */
int account_poll(struct wiz *w);
/* 1 with the settings, credentials and identity (borrowed; they live until
 * account_forget), 0 while it is being found, -1 when it cannot be (*why,
 * borrowed, says why). */
int account_get(struct wiz *w, const struct aws_settings **s, const struct aws_credentials **c,
		const struct sts_identity **id, const char **why);
/* Forget it (F9, the end); a job still running is left to end on its own. */
void account_forget(struct wiz *w);
/* A hold on the job whose settings, credentials and identity account_get
 * gave (1): they live until account_release, even past account_forget.
 * NULL when account_get would not give them. */
struct account_job *account_hold(struct wiz *w);
/* Let go of a hold (a struct account_job *; NULL ignored). Any thread. */
void account_release(void *job);
/* The cursor left the field of row key ("KIND:PATH"), whose value was orig
 * when it came: when a check reads it and it changed, the checks start in
 * the background (once the credentials are known to work). */
void account_field_left(struct wiz *w, const char *key, const char *orig);

/* ---- pick-ui.c: pick lists of what exists ---------------------------------------- */

/* Non-zero when the field at path has a pick list. */
int pick_has_list(const char *path);
/* The hint h with the pick list's key named when path has one (h taken over). */
char *pick_hint(const char *path, char *h);
/* The pick list of the field under the cursor (ACT_PICK). */
void pick_open(struct wiz *w);

/* ---- role-ui.c: the execution role made from the role field --------------------- */

/* ACT_MAKE_ROLE: show the documents, ask for the name and a yes, create
 * the role in the background, fill the role field with its ARN. */
void role_make(struct wiz *w);
/* The form's role when this session made it (borrowed), else NULL. */
const char *role_new(const struct wiz *w);

/* ---- progress.c: F10 on the review -------------------------------------------- */

void progress_submit(struct wiz *w);

/* A job whose progress is drawn on the whole screen (progress_run): the
 * create of F10, or an update. */
struct runtime_progress;
struct runtime_outcome;
struct progress_job {
	const char *title;
	const char *token; /* the clientToken to send again, or NULL */
	/* the calls, with rp's callbacks; fills *out */
	void (*run)(void *arg, const struct runtime_progress *rp, struct runtime_outcome *out);
	/* the sentence at the end (caller frees); NULL: runtime_outcome_summary */
	char *(*said)(void *arg, const struct runtime_outcome *out);
	/* where the key after the end leads (caller frees) */
	char *(*next)(void *arg, const struct runtime_outcome *out);
	void *arg;
};
void progress_run(const struct progress_job *j, struct runtime_outcome *out, char **summary);

/* ---- update.c: a deployed runtime opened to be updated ------------------------ */

/* All do nothing (0, NULL) when the session updates no runtime. */
/* "  Updating NAME (version N)" for the title, or NULL (caller frees). */
char *upd_title(const struct wiz *w);
/* Non-zero, with the reason on the status line, when path cannot change
 * in an update (the name, the tags). */
int upd_refuse(struct wiz *w, const char *path);
/* Why path cannot change in an update, or NULL (borrowed). */
const char *upd_locked(const struct wiz *w, const char *path);
/* The review's lines of the diff against the deployed configuration and
 * the UpdateAgentRuntime request; add is called for each line. 0 when the
 * session updates nothing (the review shows its own). */
int upd_review(struct wiz *w,
	       void (*add)(struct wiz *w, int sec, int bold, int nowrap, const char *text));
/* F2 while updating: the form saved as an update form (`get --update`'s,
 * for `update FILE`): 0, -1 with *cause, or 1 when not updating. */
int upd_save(struct wiz *w, const char *file, char **cause);
/* F10 on the review: the question, UpdateAgentRuntime, following it. */
void upd_submit(struct wiz *w);
/* Take the opened runtime's state over (the document is w->data.doc). */
void upd_begin(struct wiz *w, struct wiz_update *u);
/* The id of the runtime updated (borrowed), or NULL. */
const char *upd_id(const struct wiz *w);
/* Show the opened runtime's first section, and what it holds that cannot
 * be edited here (kept as deployed). */
void upd_enter(struct wiz *w);
void upd_release(struct wiz *w);
/* Open runtime id from the start screen's list: load it (Esc cancels)
 * and show its first section; 0, or -1 with the reason on the status line. */
int upd_open(struct wiz *w, const char *id);
/* `open RUNTIME_ID` at the start (curses running, before wiz_begin): a
 * message while the credentials and the runtime are read (Esc or Ctrl-C
 * cancels), then the runtime as the session's form. EXIT_OK, or an exit
 * code with *cause (caller frees). */
int upd_open_first(struct wiz *w, const char *id, char **cause);
/* A wait before the wizard's screens exist: text on a cleared screen,
 * wrapped, with what Esc does (curses running). */
void wiz_wait_note(const char *text);

/* ---- screen-start.c ----------------------------------------------------------- */

/* Show the start screen (w->start made). */
void start_begin(struct wiz *w);
void start_release(struct wiz *w);
/* The start screen takes printable keys as text (a filter, a path). */
int start_in_text(const struct wiz *w);

#endif
