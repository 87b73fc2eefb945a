/* newrole.c: the execution roles create-role made lately; see newrole.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/util.h"
#include "cli/newrole.h"
#include "ui/ui.h"

/* The program's state folder: the drafts' (ui_draft_path). */
static char *newrole_dir(void)
{
	char *draft = ui_draft_path(), *slash = draft ? strrchr(draft, '/') : NULL;

	if (slash)
		*slash = '\0';
	return draft;
}

/* The file's text (caller frees), "" when there is none. */
static char *newrole_read(const char *dir)
{
	char *path = xasprintf("%s/new-roles", dir), *text = NULL, *cause = NULL;
	size_t len;

	if (util_read_file(path, 1 << 20, &text, &len, &cause) != 0) {
		free(cause);
		text = xstrdup("");
	}
	free(path);
	return text;
}

/* Whether arn (NULL: none) is among the lines of text noted within the
 * window; those lines are added to keep (may be NULL). */
static int newrole_find(const char *text, const char *arn, struct strbuf *keep)
{
	const char *p = text;
	time_t now = time(NULL);
	int found = 0;

	while (*p) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n), *sp = strchr(line, ' ');
		long long when = strtoll(line, NULL, 10);

		if (sp && when > 0 && now - (time_t)when >= 0 &&
		    now - (time_t)when < NEWROLE_WINDOW) {
			if (arn && !strcmp(sp + 1, arn))
				found = 1;
			if (keep)
				strbuf_addf(keep, "%s\n", line);
		}
		free(line);
		p += n;
		p += *p == '\n';
	}
	return found;
}

void newrole_note(const char *arn)
{
	char *dir = newrole_dir(), *text, *path, *cause = NULL;
	struct strbuf keep = {0};

	if (!dir || strchr(arn, '\n'))
		goto out;
	text = newrole_read(dir);
	strbuf_adds(&keep, "");
	newrole_find(text, NULL, &keep);
	strbuf_addf(&keep, "%lld %s\n", (long long)time(NULL), arn);
	free(text);
	path = xasprintf("%s/new-roles", dir);
	if (util_mkdir_p(dir, 0700, &cause) != 0 ||
	    util_write_atomic_nofollow(path, keep.s, keep.len, 0600, &cause) != 0)
		free(cause);
	free(path);
out:
	strbuf_release(&keep);
	free(dir);
}

int newrole_recent(const char *arn)
{
	char *dir = newrole_dir(), *text;
	int found;

	if (!dir || !arn || !*arn) {
		free(dir);
		return 0;
	}
	text = newrole_read(dir);
	found = newrole_find(text, arn, NULL);
	free(text);
	free(dir);
	return found;
}
