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

/* The curses wizard. doc is taken over. `file` may be NULL. `resume` is the
 * draft to offer to resume (NULL when none). tmpl (taken over, may be
 * NULL) is the template doc was started from. Returns an exit code. */
int ui_curses(const struct formdef *def, struct document *doc, const char *file, const char *draft,
	      struct template *tmpl);

#endif
