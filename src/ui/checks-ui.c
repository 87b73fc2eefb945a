/* checks-ui.c: the account checks (src/aws/checks.h) in the wizard: started
 * in the background when the review opens, taken between keys without
 * waiting (the loop wakes every 250 ms), kept for the document's generation
 * they were run on (a changed form cancels them and they start again), and
 * what the review and the form screen show of them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "aws/awscall.h"
#include "aws/awsconfig.h"
#include "aws/checks.h"
#include "aws/credentials.h"
#include "base/util.h"
#include "form/document.h"
#include "submit.h"
#include "wiz.h"

/* The findings and the run: forgotten. A run is cancelled and, unless
 * wait, freed once it has ended (uichecks_poll), so that no key waits for
 * its threads. */
static void uichecks_drop(struct wiz *w, int wait)
{
	if (wait) {
		checks_free(w->checks.run);
		checks_free(w->checks.dying);
		w->checks.dying = NULL;
	} else if (w->checks.run) {
		checks_cancel(w->checks.run);
		checks_free(w->checks.dying); /* ended long ago, but for a rare case */
		w->checks.dying = w->checks.run;
	}
	w->checks.run = NULL;
	check_findings_free(w->checks.v, w->checks.n);
	w->checks.v = NULL;
	w->checks.n = 0;
	w->checks.state = -1;
}

void uichecks_forget(struct wiz *w)
{
	uichecks_drop(w, 1);
	if (w->checks.s) {
		aws_settings_free(w->checks.s);
		credentials_free(w->checks.c);
		free(w->checks.s);
		free(w->checks.c);
	}
	w->checks.s = NULL;
	w->checks.c = NULL;
	w->checks.have_creds = -1;
}

/* Settings and credentials, resolved once (again after F9). */
static int uichecks_setup(struct wiz *w)
{
	struct aws_options o;
	char *cause = NULL;

	if (w->checks.have_creds >= 0)
		return w->checks.have_creds;
	if (w->settings.aws_missing) /* the review says already what is missing */
		return w->checks.have_creds = 0;
	submit_options(&o);
	w->checks.s = xcalloc(1, sizeof *w->checks.s);
	w->checks.c = xcalloc(1, sizeof *w->checks.c);
	w->checks.have_creds = awscall_setup(&o, w->checks.s, w->checks.c, &cause) == 0;
	free(cause);
	return w->checks.have_creds;
}

void uichecks_start(struct wiz *w)
{
	struct checks_options o = {30, 0, NULL, NULL};
	unsigned long g = document_generation(w->data.doc);

	if (w->checks.state >= 0 && w->checks.gen == g && w->checks.doc == w->data.doc)
		return; /* these findings are of this form */
	uichecks_drop(w, 0);
	if (!uichecks_setup(w))
		return;
	w->checks.gen = g;
	w->checks.doc = w->data.doc;
	w->checks.state = CHECKS_RUNNING;
	w->checks.run = checks_start(checks_input_read(w->data.doc), w->checks.s, w->checks.c, &o);
}

int uichecks_poll(struct wiz *w)
{
	struct check_finding *v;
	size_t n;
	int st;

	if (w->checks.dying) {
		enum checks_state ds = checks_take(w->checks.dying, &v, &n);

		check_findings_free(v, n);
		if (ds != CHECKS_RUNNING) {
			checks_free(w->checks.dying);
			w->checks.dying = NULL;
		}
	}
	if (w->checks.state < 0)
		return 0;
	if (w->checks.gen != document_generation(w->data.doc) || w->checks.doc != w->data.doc) {
		uichecks_drop(w, 0); /* of another form: started again on the review */
		if (w->screen == &screen_review)
			uichecks_start(w);
		return 1;
	}
	if (!w->checks.run)
		return 0;
	st = (int)checks_take(w->checks.run, &v, &n);
	if (n) {
		w->checks.v = xrealloc(w->checks.v, (w->checks.n + n) * sizeof *v);
		memcpy(w->checks.v + w->checks.n, v, n * sizeof *v);
		w->checks.n += n;
		free(v);
	}
	if (st != CHECKS_RUNNING) {
		checks_free(w->checks.run);
		w->checks.run = NULL;
	}
	if (!n && st == w->checks.state)
		return 0;
	w->checks.state = st;
	return 1;
}

const char *uichecks_path_message(const struct wiz *w, const char *path, int *error)
{
	size_t i;
	const struct check_finding *best = NULL;

	if (w->checks.state < 0 || w->checks.gen != document_generation(w->data.doc))
		return NULL;
	for (i = 0; i < w->checks.n; i++) {
		const struct check_finding *x = &w->checks.v[i];

		if (strcmp(x->path, path) ||
		    (x->severity != CHECK_ERROR && x->severity != CHECK_WARNING))
			continue;
		if (!best || x->severity == CHECK_ERROR)
			best = x;
	}
	if (!best)
		return NULL;
	*error = best->severity == CHECK_ERROR;
	return best->message;
}

size_t uichecks_errors(const struct wiz *w)
{
	size_t i, e = 0;

	if (w->checks.gen != document_generation(w->data.doc))
		return 0;
	for (i = 0; i < w->checks.n; i++)
		e += w->checks.v[i].severity == CHECK_ERROR;
	return e;
}
