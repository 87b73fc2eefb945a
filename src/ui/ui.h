/* ui.h: what the modules of src/ui share (no curses here).
 *
 * Owner: src/ui. ui_main (declared in commands.h) picks the curses wizard or
 * the --plain prompts; both edit one document through the core's API. */
#ifndef ACW_UI_UI_H
#define ACW_UI_UI_H

struct formdef;
struct document;

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
 * `file` (may be NULL) is the default file to save to. Returns an exit code. */
int ui_plain(const struct formdef *def, struct document *doc, const char *file);

/* The curses wizard. doc is taken over. `file` may be NULL. `resume` is the
 * draft to offer to resume (NULL when none). Returns an exit code. */
int ui_curses(const struct formdef *def, struct document *doc, const char *file,
	      const char *draft);

#endif
