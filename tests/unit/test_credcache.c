/* test_credcache.c: unit tests of the credentials shared within the process
 * (credcache.c): a credential_process that appends a line to a file each
 * time it runs, resolved again, from two threads at once, with expiring
 * answers, and with the waits cancelled or bounded. */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "base/util.h"
#include "awstest.h"
#include "testutil.h"

/* The files of a test: the config (profile p) and the runs' counter. */
struct files {
	char *cfg, *runs;
};

/* Profile p runs a credential_process that counts its runs, sleeps secs,
 * then prints keys (AccessKeyId id; an Expiration ttl seconds ahead when
 * ttl > 0), or fails with exit 3 when id is NULL. */
static void files_make(struct files *f, double secs, const char *id, long ttl)
{
	char runs[] = "/tmp/acw-runs-XXXXXX", exp[64] = "", *cmd, *text;
	int fd = mkstemp(runs);
	time_t at = time(NULL) + ttl;

	assert_true(fd >= 0);
	close(fd);
	if (ttl > 0)
		strftime(exp, sizeof exp, ", \\\"Expiration\\\": \\\"%Y-%m-%dT%H:%M:%SZ\\\"",
			 gmtime(&at));
	if (id)
		cmd = xasprintf("echo run >>%s; sleep %g; printf '%%s' \"{\\\"Version\\\": 1, "
				"\\\"AccessKeyId\\\": \\\"%s\\\", \\\"SecretAccessKey\\\": "
				"\\\"s\\\", \\\"SessionToken\\\": \\\"t\\\"%s}\"",
				runs, secs, id, exp);
	else
		cmd =
		    xasprintf("echo run >>%s; sleep %g; echo 'no login' >&2; exit 3", runs, secs);
	text = xasprintf("[profile p]\nregion = us-east-1\ncredential_process = %s\n", cmd);
	clear_aws_env();
	f->cfg = tmpfile_with(text);
	f->runs = xstrdup(runs);
	setenv("AWS_CONFIG_FILE", f->cfg, 1);
	setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent", 1);
	credentials_forget();
	free(text);
	free(cmd);
}

static void files_remove(struct files *f)
{
	unlink(f->cfg);
	unlink(f->runs);
	free(f->cfg);
	free(f->runs);
	clear_aws_env();
	credentials_forget();
}

/* How many times the process ran. */
static int runs(const struct files *f)
{
	char *text = NULL, *cause = NULL, *p;
	int n = 0;

	assert_int_equal(util_read_file(f->runs, 4096, &text, NULL, &cause), 0);
	for (p = text; (p = strstr(p, "run")); p += 3)
		n++;
	free(text);
	return n;
}

/* Resolve profile p with hooks (NULL: none). */
static int resolve_p(const struct credentials_hooks *h, struct aws_credentials *c, char **cause)
{
	return resolve_profile_with("p", h, c, cause);
}

/* A resolution on a thread of its own. */
struct job {
	pthread_t th;
	struct credentials_hooks h;
	struct aws_credentials c;
	char *cause;
	int r;
	double start, took;
};

static void *job_run(void *arg)
{
	struct job *j = arg;

	j->r = resolve_p(&j->h, &j->c, &j->cause);
	j->took = util_monotonic() - j->start;
	return NULL;
}

static void job_start(struct job *j, int (*cancel)(void *), void *arg, double timeout)
{
	memset(j, 0, sizeof *j);
	j->h = (struct credentials_hooks){cancel, arg, timeout};
	j->start = util_monotonic();
	assert_int_equal(pthread_create(&j->th, NULL, job_run, j), 0);
}

static void sleep_s(double s)
{
	struct timespec ts = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};

	nanosleep(&ts, NULL);
}

/* Cancels once the monotonic time in *arg has passed. */
static int cancel_after(void *arg)
{
	return util_monotonic() >= *(double *)arg;
}

/* Found once, handed out again for the same settings; not for others; run
 * again after credentials_forget. */
static void test_kept(void **state)
{
	struct files f;
	struct aws_credentials a = {0}, b = {0};
	char *cause = NULL, name[8];
	int i;

	(void)state;
	files_make(&f, 0, "ASIAKEPT000000000001", 0);
	assert_int_equal(resolve_p(NULL, &a, &cause), 0);
	assert_int_equal(resolve_p(NULL, &b, &cause), 0);
	assert_int_equal(runs(&f), 1);
	assert_string_equal(b.access_key_id, "ASIAKEPT000000000001");
	assert_string_equal(b.secret_access_key, "s");
	assert_string_equal(b.session_token, "t");
	assert_string_equal(b.source, a.source);
	assert_true(a.access_key_id != b.access_key_id); /* each its own copy */
	credentials_free(&a);
	credentials_free(&b);
	/* a variable the chain reads makes other settings */
	setenv("AWS_ROLE_SESSION_NAME", "other", 1);
	assert_int_equal(resolve_p(NULL, &a, &cause), 0);
	assert_int_equal(runs(&f), 2);
	credentials_free(&a);
	unsetenv("AWS_ROLE_SESSION_NAME");
	assert_int_equal(resolve_p(NULL, &a, &cause), 0);
	assert_int_equal(runs(&f), 2); /* the first settings' are still kept */
	credentials_free(&a);
	/* four settings are kept at once: a fifth replaces the least used */
	for (i = 0; i < 4; i++) {
		snprintf(name, sizeof name, "s%d", i);
		setenv("AWS_ROLE_SESSION_NAME", name, 1);
		assert_int_equal(resolve_p(NULL, &a, &cause), 0);
		credentials_free(&a);
	}
	assert_int_equal(runs(&f), 6); /* "other" went, then the first */
	setenv("AWS_ROLE_SESSION_NAME", "s1", 1);
	assert_int_equal(resolve_p(NULL, &a, &cause), 0);
	credentials_free(&a);
	assert_int_equal(runs(&f), 6);
	unsetenv("AWS_ROLE_SESSION_NAME");
	assert_int_equal(resolve_p(NULL, &a, &cause), 0);
	credentials_free(&a);
	assert_int_equal(runs(&f), 7);
	credentials_forget();
	assert_int_equal(resolve_p(NULL, &a, &cause), 0);
	assert_int_equal(runs(&f), 8);
	credentials_free(&a);
	files_remove(&f);
}

/* Credentials that expire are handed out again only while more than
 * CREDENTIALS_REFRESH_AHEAD seconds are left; failures are never kept. */
static void test_expiring_and_failed(void **state)
{
	struct files f;
	struct aws_credentials c = {0};
	char *cause = NULL;

	(void)state;
	files_make(&f, 0, "ASIASOON000000000001", CREDENTIALS_REFRESH_AHEAD - 60);
	assert_int_equal(resolve_p(NULL, &c, &cause), 0);
	assert_true(c.expiration > 0);
	credentials_free(&c);
	assert_int_equal(resolve_p(NULL, &c, &cause), 0);
	credentials_free(&c);
	assert_int_equal(runs(&f), 2);
	files_remove(&f);

	files_make(&f, 0, "ASIALATE000000000001", CREDENTIALS_REFRESH_AHEAD + 600);
	assert_int_equal(resolve_p(NULL, &c, &cause), 0);
	credentials_free(&c);
	assert_int_equal(resolve_p(NULL, &c, &cause), 0);
	credentials_free(&c);
	assert_int_equal(runs(&f), 1);
	files_remove(&f);

	files_make(&f, 0, NULL, 0);
	assert_int_equal(resolve_p(NULL, &c, &cause), -1);
	assert_non_null(strstr(cause, "no login"));
	free(cause);
	cause = NULL;
	assert_int_equal(resolve_p(NULL, &c, &cause), -1);
	free(cause);
	assert_int_equal(runs(&f), 2);
	files_remove(&f);
}

/* Two threads at once: one run, both answered, success or failure alike. */
static void test_threads_share(void **state)
{
	struct files f;
	struct job a, b;

	(void)state;
	files_make(&f, 0.5, "ASIASHARED0000000001", 0);
	job_start(&a, NULL, NULL, 0);
	sleep_s(0.1);
	job_start(&b, NULL, NULL, 0);
	pthread_join(a.th, NULL);
	pthread_join(b.th, NULL);
	assert_int_equal(a.r, 0);
	assert_int_equal(b.r, 0);
	assert_string_equal(b.c.access_key_id, "ASIASHARED0000000001");
	assert_int_equal(runs(&f), 1);
	credentials_free(&a.c);
	credentials_free(&b.c);
	files_remove(&f);

	files_make(&f, 0.5, NULL, 0);
	job_start(&a, NULL, NULL, 0);
	sleep_s(0.1);
	job_start(&b, NULL, NULL, 0);
	pthread_join(a.th, NULL);
	pthread_join(b.th, NULL);
	assert_int_equal(a.r, -1);
	assert_int_equal(b.r, -1);
	assert_string_equal(a.cause, b.cause);
	assert_int_equal(runs(&f), 1);
	free(a.cause);
	free(b.cause);
	files_remove(&f);
}

/* A call that waits for another's resolution is cancelled by its own hook
 * at once, and bounded by twice its process timeout; the resolution goes
 * on and is kept. */
static void test_wait_cancelled_and_bounded(void **state)
{
	struct files f;
	struct job a;
	struct aws_credentials c = {0};
	struct credentials_hooks h = {cancel_after, NULL, 0};
	double at, t0;
	char *cause = NULL;

	(void)state;
	files_make(&f, 2.5, "ASIASLOW000000000001", 0);
	job_start(&a, NULL, NULL, 10);
	sleep_s(0.2);
	at = util_monotonic() + 0.3;
	h.arg = &at;
	t0 = util_monotonic();
	assert_int_equal(resolve_p(&h, &c, &cause), CREDENTIALS_CANCELLED);
	assert_true(util_monotonic() - t0 < 0.8);
	assert_non_null(strstr(cause, "was given up"));
	free(cause);
	cause = NULL;
	/* a process timeout of 0.5 s: the wait ends after 1 s */
	h = (struct credentials_hooks){NULL, NULL, 0.5};
	t0 = util_monotonic();
	assert_int_equal(resolve_p(&h, &c, &cause), -1);
	assert_true(util_monotonic() - t0 >= 0.9 && util_monotonic() - t0 < 1.8);
	assert_non_null(strstr(cause, "were not found within 1 s"));
	free(cause);
	pthread_join(a.th, NULL);
	assert_int_equal(a.r, 0);
	credentials_free(&a.c);
	assert_int_equal(resolve_p(NULL, &c, &cause), 0);
	assert_int_equal(runs(&f), 1);
	credentials_free(&c);
	files_remove(&f);
}

/* The resolution waited for is cancelled by its own caller: the call that
 * waited resolves itself. */
static void test_resolver_cancelled(void **state)
{
	struct files f;
	struct job a;
	struct aws_credentials c = {0};
	char *cause = NULL;
	double at;

	(void)state;
	files_make(&f, 1, "ASIAAGAIN00000000001", 0);
	at = util_monotonic() + 0.4;
	job_start(&a, cancel_after, &at, 10);
	sleep_s(0.1);
	assert_int_equal(resolve_p(NULL, &c, &cause), 0);
	assert_string_equal(c.access_key_id, "ASIAAGAIN00000000001");
	credentials_free(&c);
	pthread_join(a.th, NULL);
	assert_int_equal(a.r, CREDENTIALS_CANCELLED);
	assert_true(a.took < 1);
	free(a.cause);
	assert_int_equal(runs(&f), 2);
	files_remove(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_kept),
	    cmocka_unit_test(test_expiring_and_failed),
	    cmocka_unit_test(test_threads_share),
	    cmocka_unit_test(test_wait_cancelled_and_bounded),
	    cmocka_unit_test(test_resolver_cancelled),
	};

	return test_run_group(tests);
}
