/* plain.c: the --plain front end: the same sections and rows as line
 * prompts, checked by the same validators. Works with a pipe. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "core/document.h"
#include "core/formdef.h"
#include "core/formfile.h"
#include "core/util.h"
#include "core/validate.h"
#include "rows.h"
#include "submit.h"
#include "ui.h"

#define PLAIN_LINE_MAX 8192

/* One line from stdin without its newline (caller frees), NULL at end of input. */
static char *read_answer(void)
{
	char buf[PLAIN_LINE_MAX];
	size_t n;

	fflush(stdout);
	if (!fgets(buf, sizeof buf, stdin))
		return NULL;
	n = strlen(buf);
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = 0;
	return xstrdup(buf);
}

/* A field with a network check (the discovery URL): asked only when a
 * person is answering, so that scripts piping answers are not thrown off. */
static void offer_probe(const struct row *r, const char *value)
{
	char *a, *text = NULL;

	printf("%s", _("  Fetch it now to check that it answers? (y/N): "));
	fflush(stdout);
	a = read_answer();
	if (a && (a[0] == 'y' || a[0] == 'Y')) {
		if (submit_probe(r->node->probe, value, 0, &text) == 0)
			printf(_("  Checked: %s\n"), text);
		else
			printf(_("  Warning (the form can still be sent): %s\n"), text);
		free(text);
	}
	free(a);
}

/* Ask for row r until the answer is acceptable. Returns 0, -1 at end of input. */
static int ask_row(const struct formdef *def, struct document *doc, const struct row *r)
{
	char *cur = row_value(r, doc), *a, *msg = NULL;
	const char **ch;
	size_t n, i;
	enum vstate st;
	int rc = 0;
	/* values of sensitive maps (environment variables) are never echoed */
	int secret = r->kind == RK_MAPVAL && r->owner && r->owner->sensitive;

	(void)def;
	for (;;) {
		printf("%*s%s", r->depth * 2, "", r->label);
		if (r->kind == RK_BRANCH || r->node->kind == FK_CHOICE ||
		    r->node->kind == FK_BOOLEAN) {
			ch = row_choices(r, &n);
			printf(" (");
			for (i = 0; i < n; i++)
				printf("%s%s", i ? ", " : "", *ch[i] ? ch[i] : "-");
			printf(")");
			free(ch);
		}
		if (*cur)
			printf(" [%s]", secret ? "********" : cur);
		printf(": ");
		a = read_answer();
		if (!a) {
			rc = -1;
			break;
		}
		if (!isatty(STDIN_FILENO))
			printf("%s\n", secret && *a ? "********" : a);
		if (!*a) {
			/* keep the value, or leave it unset: the section check says
			 * what is still missing */
			free(a);
			break;
		}
		if (!strcmp(a, "-"))
			a[0] = 0;
		if (r->kind == RK_BRANCH || r->node->kind == FK_CHOICE ||
		    r->node->kind == FK_BOOLEAN) {
			int ok = 0;
			ch = row_choices(r, &n);
			for (i = 0; i < n; i++)
				if (!strcmp(a, ch[i]) ||
				    (r->node->kind == FK_BOOLEAN && *ch[i] &&
				     ((!strcmp(a, "yes") && !strcmp(ch[i], "true")) ||
				      (!strcmp(a, "no") && !strcmp(ch[i], "false"))))) {
					row_choose(r, doc, ch[i]);
					ok = 1;
				}
			free(ch);
			free(a);
			if (ok || (!*cur && !r->node->required && !r->owner))
				break;
			printf(_("  Choose one of the values listed.\n"));
			continue;
		}
		st = row_check(r, doc, a, &msg);
		if (st == VS_INVALID || (st == VS_INCOMPLETE && *a)) {
			printf("  %s\n", msg ? msg : _("not valid"));
			free(msg);
			free(a);
			continue;
		}
		if (st == VS_INCOMPLETE && r->node->required && !r->owner) {
			printf("  %s\n", msg ? msg : _("a value is required"));
			free(msg);
			free(a);
			continue;
		}
		free(msg);
		row_store_text(r, doc, a);
		free(a);
		break;
	}
	free(cur);
	if (rc == 0 && r->node->probe && isatty(STDIN_FILENO)) {
		char *v = row_value(r, doc);

		if (*v)
			offer_probe(r, v);
		free(v);
	}
	return rc;
}

/* An add row: "Add X? (y/N)"; for lists of scalars the value is asked at once. */
static int ask_add(struct document *doc, const struct row *r, int *added)
{
	char *a;

	*added = 0;
	printf(_("%*sAdd %s? (y/N): "), r->depth * 2, "",
	       r->owner->kind == FK_MAP ? r->label : r->label);
	a = read_answer();
	if (!a)
		return -1;
	if (!isatty(STDIN_FILENO))
		printf("%s\n", a);
	if (a[0] == 'y' || a[0] == 'Y') {
		row_add_item(r, doc);
		*added = 1;
	}
	free(a);
	return 0;
}

int ui_plain(const struct formdef *def, struct document *doc, const char *file)
{
	struct rows rows = {0};
	struct problems p = {0};
	size_t s, i, k;
	int rc = EXIT_OK, added, tries;
	char *a, *cause = NULL;

	printf(_("%s: answer each question; Enter keeps the value in [brackets], "
		 "'-' clears it.\n"),
	       PACKAGE_NAME);
	for (s = 0; s < def->nsections; s++) {
		if (def->sections[s].review)
			continue;
		for (tries = 0; tries < 5; tries++) {
			printf("\n== %s ==\n", def->sections[s].title);
			if (def->sections[s].help)
				printf("%s\n", def->sections[s].help);
			for (i = 0;; i++) {
				rows_release(&rows);
				rows_build(def, doc, s, 0, &rows);
				if (i >= rows.n)
					break;
				if (rows.v[i].kind == RK_HEADER) {
					printf("%*s%s:\n", rows.v[i].depth * 2, "",
					       rows.v[i].label);
					continue;
				}
				if (rows.v[i].kind == RK_FOLDED || rows.v[i].kind == RK_ENTRY)
					continue;
				if (rows.v[i].kind == RK_ADD) {
					if (ask_add(doc, &rows.v[i], &added) != 0)
						goto eof;
					if (!added)
						continue;
					i--; /* the new item's row is where the add row was */
					continue;
				}
				if (ask_row(def, doc, &rows.v[i]) != 0)
					goto eof;
			}
			problems_clear(&p);
			if (validate_section(def, doc, s, &p) == VS_VALID)
				break;
			printf(_("This section has problems:\n"));
			for (k = 0; k < p.n; k++)
				printf("  %s\n", p.v[k].message);
		}
		if (tries == 5) {
			rc = EXIT_INVALID;
			goto done;
		}
	}
	a = rows_display_json(def, doc);
	printf(_("\nThe request body:\n%s"), a);
	free(a);
	printf(_("Save to file [%s] ('-' skips): "), file ? file : "runtime.json");
	a = read_answer();
	if (a && !isatty(STDIN_FILENO))
		printf("%s\n", a);
	if (!a || !strcmp(a, "-")) {
		free(a);
		goto done;
	}
	if (formfile_save(*a ? a : file ? file : "runtime.json", doc, def, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, cause);
		free(cause);
		rc = EXIT_USAGE;
	} else {
		printf(_("Saved to %s.\n"), *a ? a : file ? file : "runtime.json");
	}
	free(a);
	goto done;
eof:
	printf(_("\nEnd of input: nothing saved.\n"));
	rc = EXIT_CANCELLED;
done:
	rows_release(&rows);
	problems_clear(&p);
	document_free(doc);
	return rc;
}
