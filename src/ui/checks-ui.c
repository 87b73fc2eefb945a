/* checks-ui.c: the account checks (src/aws/checks.h) in the wizard: started
 * in the background when the review opens (the settings and credentials
 * they need are resolved on a thread of their own first: a
 * credential_process may take seconds, and the key that opened the review
 * returns at once), taken between keys without waiting (the loop wakes
 * every 250 ms), kept for the document's generation they were run on (a
 * changed form cancels them and they start again), and what the review and
 * the form screen show of them. */
#include "config.h"

#include <pthread.h>
#include <signal.h>
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

static void setup_abandon(struct wiz *w);

void uichecks_forget(struct wiz *w)
{
	uichecks_drop(w, 1);
	setup_abandon(w);
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

/* Settings and credentials being resolved on a thread of their own. The
 * thread owns the job until done; then whoever comes second frees it: the
 * wizard, which takes s and c, or the thread, when the wizard gave it up. */
struct uichecks_setup {
	pthread_mutex_t lock;
	int done, abandoned, ok; /* under lock */
	struct aws_options o;
	struct aws_settings *s;
	struct aws_credentials *c;
};

static void setup_free(struct uichecks_setup *j, int keep)
{
	if (!keep) {
		aws_settings_free(j->s);
		credentials_free(j->c);
		free(j->s);
		free(j->c);
	}
	pthread_mutex_destroy(&j->lock);
	free(j);
}

static void *setup_main(void *arg)
{
	struct uichecks_setup *j = arg;
	char *cause = NULL;
	int ok = awscall_setup(&j->o, j->s, j->c, &cause) == 0, gone;

	free(cause);
	pthread_mutex_lock(&j->lock);
	j->ok = ok;
	j->done = 1;
	gone = j->abandoned;
	pthread_mutex_unlock(&j->lock);
	if (gone)
		setup_free(j, 0);
	return NULL;
}

/* Start resolving, with the signals left to the wizard's own thread. */
static void setup_begin(struct wiz *w)
{
	struct uichecks_setup *j = xcalloc(1, sizeof *j);
	sigset_t all, old;
	pthread_attr_t a;
	pthread_t t;
	int err;

	pthread_mutex_init(&j->lock, NULL);
	submit_options(&j->o);
	j->s = xcalloc(1, sizeof *j->s);
	j->c = xcalloc(1, sizeof *j->c);
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	err = pthread_create(&t, &a, setup_main, j);
	pthread_attr_destroy(&a);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (err) /* no thread: here, as the key waits */
		setup_main(j);
	w->checks.setup = j;
}

/* Let a resolution still running end on its own (F9, or the end). */
static void setup_abandon(struct wiz *w)
{
	struct uichecks_setup *j = w->checks.setup;
	int done;

	if (!j)
		return;
	pthread_mutex_lock(&j->lock);
	done = j->done;
	j->abandoned = 1;
	pthread_mutex_unlock(&j->lock);
	if (done)
		setup_free(j, 0);
	w->checks.setup = NULL;
}

/* Settings and credentials, resolved once (again after F9) in the
 * background: 1 there, 0 none, -1 not known yet (uichecks_poll asks
 * again). */
static int uichecks_setup(struct wiz *w)
{
	struct uichecks_setup *j = w->checks.setup;
	int done;

	if (w->checks.have_creds >= 0)
		return w->checks.have_creds;
	if (w->settings.aws_missing) /* the review says already what is missing */
		return w->checks.have_creds = 0;
	if (!j) {
		setup_begin(w);
		j = w->checks.setup;
	}
	pthread_mutex_lock(&j->lock);
	done = j->done;
	pthread_mutex_unlock(&j->lock);
	if (!done)
		return -1;
	w->checks.s = j->s;
	w->checks.c = j->c;
	w->checks.have_creds = j->ok;
	setup_free(j, 1);
	w->checks.setup = NULL;
	return w->checks.have_creds;
}

void uichecks_start(struct wiz *w)
{
	struct checks_options o = {30, 0, NULL, NULL};
	unsigned long g = document_generation(w->data.doc);
	int have;

	if (w->checks.state >= 0 && w->checks.gen == g && w->checks.doc == w->data.doc)
		return; /* these findings are of this form */
	uichecks_drop(w, 0);
	if (!(have = uichecks_setup(w)))
		return;
	w->checks.gen = g;
	w->checks.doc = w->data.doc;
	w->checks.state = CHECKS_RUNNING;
	if (have > 0) /* else once the credentials are known (uichecks_poll) */
		w->checks.run =
		    checks_start(checks_input_updating(checks_input_read(w->data.doc), upd_id(w)),
				 w->checks.s, w->checks.c, &o);
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
	if (!w->checks.run && w->checks.state == CHECKS_RUNNING) {
		/* waiting for the credentials: then the checks, or nothing */
		st = uichecks_setup(w);
		if (st > 0) {
			w->checks.state = -1;
			uichecks_start(w);
		} else if (st == 0) {
			w->checks.state = -1;
		}
		return st >= 0;
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
