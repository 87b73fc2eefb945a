/* ui.h: what the modules of src/ui share (no curses here).
 *
 * Owner: src/ui. ui_main picks the curses wizard or the --plain prompts;
 * both edit one document through the core's API. This header is the one
 * the command line (src/cli) may include: the ui includes nothing of it. */
#ifndef ACW_UI_UI_H
#define ACW_UI_UI_H

#include "aws/awsconfig.h"

/* What the command line hands the wizard (src/cli parses every option). */
struct ui_args {
	const char *form;       /* FORM, or NULL */
	const char *template;   /* new --template NAME or FILE, or NULL */
	const char *open_id;    /* open RUNTIME_ID: update that runtime, or NULL */
	int plain;              /* --plain */
	struct aws_options aws; /* --profile, --region, ... (strings borrowed) */
	int debug;              /* --debug */
	int no_color;           /* NO_COLOR or --no-color */
};

/* Load FORM (when it exists) and run the curses wizard or the --plain
 * prompts. Returns an exit code (base/util.h). */
int ui_main(const struct ui_args *a);

/* The AWS settings of this session: a copy of the command line's that the
 * F9 screen edits (region and profile point at strings the wizard owns
 * while it runs). Owned by ui_main.c. */
struct ui_settings {
	struct aws_options aws;
	int debug;
	int no_color;
};
extern struct ui_settings ui_settings;

struct formdef;
struct document;
struct template;

/* Where drafts live: $XDG_STATE_HOME/agentcore-wizard/draft.json, or
 * ~/.local/state/agentcore-wizard/draft.json. Caller frees; NULL when
 * neither XDG_STATE_HOME nor HOME is set. */
char *ui_draft_path(void);

/* Whether saving to path would replace another file: path exists and is
 * not own, the file the form was loaded from or last saved to (may be
 * NULL). The front ends ask before they do that. */
int ui_replaces_other(const char *path, const char *own);

/* The --plain front end: each section's fields as line prompts on stdout,
 * answers read line by line from stdin, checked by the same validators.
 * `file` (may be NULL) is the default file to save to. With tmpl (may be
 * NULL; borrowed), only its yours and default fields are asked. Returns an
 * exit code. */
int ui_plain(const struct formdef *def, struct document *doc, const char *file,
	     const struct template *tmpl);

/* How the curses wizard starts. */
struct wiz_update;
struct ui_begin {
	const char *file;       /* the form's file, or NULL */
	const char *draft;      /* the draft to offer to resume, or NULL */
	struct template *tmpl;  /* the template doc was started from (taken over), or NULL */
	struct wiz_update *upd; /* the runtime doc was opened from (taken over), or NULL */
	int start;              /* show the start screen first (no FORM given) */
	/* what reading FORM left out (unknown members, wrong types), said and
	 * listed once the screens start; NULL or empty: nothing. The caller's. */
	const struct problems *left_out;
	const char *open_id; /* `open RUNTIME_ID`: loaded once curses runs, or NULL */
};

/* The curses wizard. doc is taken over. Returns an exit code. */
int ui_curses(const struct formdef *def, struct document *doc, const struct ui_begin *b);

/* new --template NAME|FILE, or the start screen's choice: the template
 * found, loaded and checked. EXIT_OK with *out (caller frees), or an exit
 * code with *cause (caller frees; lines naming the file). */
int ui_load_template(const struct formdef *def, const char *arg, struct template **out,
		     char **cause);

/* open RUNTIME_ID before curses starts: the runtime as a document for the
 * screens (*doc) and its update state (*upd, for ui_begin). EXIT_OK, or an
 * exit code with *cause (caller frees): a runtime that does not exist is
 * EXIT_SERVICE. cancel (may be NULL) is polled during the calls. */
int ui_update_fetch(const struct formdef *def, const char *id, int (*cancel)(void *), void *arg,
		    struct document **doc, struct wiz_update **upd, char **cause);

#endif
