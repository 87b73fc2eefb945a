/* account-ui.c: the settings and credentials of the session, resolved once
 * (again after F9) on a worker thread, and who they are (STS
 * GetCallerIdentity), for the first screen's account line, the pick lists,
 * the role made from the role field and the account checks (which hold the
 * job while they run: checks-ui.c). The
 * worker never touches curses or the wizard: it fills its job, which the
 * loop reads once the job says it has ended. A job still running when the
 * wizard forgets it (F9, the end) is detached and frees itself. */
#include "config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "aws/awscall.h"
#include "aws/awsconfig.h"
#include "aws/checks.h"
#include "aws/credentials.h"
#include "aws/sts.h"
#include "base/printable.h"
#include "base/util.h"
#include "form/document.h"
#include "submit.h"
#include "wiz.h"

enum { JOB_RUNNING, JOB_OK, JOB_FAILED };

struct account_job {
	pthread_t thread;
	pthread_mutex_t mu;
	int refs; /* the worker's, the wizard's and each account check run's */
	atomic_int state, cancel;
	/* the options, copied (F9 may change the wizard's while this runs) */
	char *profile, *region, *endpoint_url, *ca_bundle;
	struct aws_options o;
	struct aws_settings s;
	struct aws_credentials c;
	struct sts_identity id;
	char *why; /* JOB_FAILED: why, safe for a terminal */
};

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void job_unref(struct account_job *j)
{
	int last;

	pthread_mutex_lock(&j->mu);
	last = --j->refs == 0;
	pthread_mutex_unlock(&j->mu);
	if (!last)
		return;
	sts_identity_free(&j->id);
	credentials_free(&j->c);
	aws_settings_free(&j->s);
	free(j->profile);
	free(j->region);
	free(j->endpoint_url);
	free(j->ca_bundle);
	free(j->why);
	pthread_mutex_destroy(&j->mu);
	free(j);
}

static int job_cancelled(void *arg)
{
	return atomic_load(&((struct account_job *)arg)->cancel);
}

static void *job_run(void *arg)
{
	struct account_job *j = arg;
	struct awscall_client cl = {&j->s, &j->c, job_cancelled, j, 0, 0};
	/* forgotten (F9, the end): a credential_process it waits for is stopped */
	struct credentials_hooks h = {job_cancelled, j, 0};
	struct service_error err;
	char *cause = NULL;

	if (awscall_setup_with(&j->o, &h, &j->s, &j->c, &cause) != 0) {
		j->why = printable_text(cause ? cause : "?", 1000);
		free(cause);
		atomic_store(&j->state, JOB_FAILED);
	} else if (sts_caller_identity(&cl, &j->id, &err) != 0) {
		j->why = xasprintf("GetCallerIdentity: %s", err.message ? err.message : "?");
		free(cause);
		cause = j->why;
		j->why = printable_text(cause, 1000);
		free(cause);
		service_error_free(&err);
		atomic_store(&j->state, JOB_FAILED);
	} else {
		atomic_store(&j->state, JOB_OK);
	}
	job_unref(j);
	return NULL;
}

void account_start(struct wiz *w)
{
	struct account_job *j;
	struct aws_options o;

	account_forget(w);
	if (w->settings.aws_missing)
		return; /* no Region, no credentials: the first screen says so already */
	submit_options(&o);
	j = xcalloc(1, sizeof *j);
	pthread_mutex_init(&j->mu, NULL);
	j->refs = 2;
	j->o = o;
	j->o.profile = j->profile = dup_or_null(o.profile);
	j->o.region = j->region = dup_or_null(o.region);
	j->o.endpoint_url = j->endpoint_url = dup_or_null(o.endpoint_url);
	j->o.ca_bundle = j->ca_bundle = dup_or_null(o.ca_bundle);
	if (pthread_create(&j->thread, NULL, job_run, j) != 0) {
		j->refs = 1;
		j->why = xstrdup(_("no thread could be started"));
		atomic_store(&j->state, JOB_FAILED);
	} else {
		pthread_detach(j->thread);
	}
	w->account.job = j;
}

int account_poll(struct wiz *w)
{
	struct account_job *j = w->account.job;
	size_t n = 0;

	if (!j || w->account.shown || atomic_load(&j->state) != JOB_OK)
		return 0;
	w->account.shown = 1;
	while (w->settings.aws && w->settings.aws[n])
		n++;
	w->settings.aws = xrealloc(w->settings.aws, (n + 2) * sizeof *w->settings.aws);
	{
		char *acct = printable_text(j->id.account ? j->id.account : "?", 100);
		char *arn = printable_text(j->id.arn ? j->id.arn : "?", 2048);

		w->settings.aws[n] = xasprintf(_("Account: %s, as %s"), acct, arn);
		free(acct);
		free(arn);
	}
	w->settings.aws[n + 1] = NULL;
	return 1;
}

int account_get(struct wiz *w, const struct aws_settings **s, const struct aws_credentials **c,
		const struct sts_identity **id, const char **why)
{
	struct account_job *j = w->account.job;
	int st;

	if (!j) {
		*why = w->settings.aws_missing ? w->settings.aws_missing
					       : _("no AWS credentials were found");
		return -1;
	}
	st = atomic_load(&j->state);
	if (st == JOB_RUNNING)
		return 0;
	if (st == JOB_FAILED) {
		*why = j->why;
		return -1;
	}
	*s = &j->s;
	*c = &j->c;
	*id = &j->id;
	return 1;
}

void account_forget(struct wiz *w)
{
	if (w->account.job) {
		atomic_store(&w->account.job->cancel, 1);
		job_unref(w->account.job);
	}
	w->account.job = NULL;
	w->account.shown = 0;
}

struct account_job *account_hold(struct wiz *w)
{
	struct account_job *j = w->account.job;

	if (!j || atomic_load(&j->state) != JOB_OK)
		return NULL;
	pthread_mutex_lock(&j->mu);
	j->refs++;
	pthread_mutex_unlock(&j->mu);
	return j;
}

void account_release(void *job)
{
	if (job)
		job_unref(job);
}

void account_field_left(struct wiz *w, const char *key, const char *orig)
{
	const char *path = strchr(key, ':'), *now;
	unsigned groups;

	path = path ? path + 1 : key;
	/* the groups of account checks that read it (checks_input_read) */
	if (!(groups = checks_path_groups(path)))
		return;
	now = document_text(w->data.doc, path);
	if (!strcmp(now ? now : "", orig ? orig : ""))
		return; /* not changed: its findings stand */
	uichecks_left(w, groups);
}
