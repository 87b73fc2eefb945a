/* checks-ui.c: the account checks (src/aws/checks.h) in the wizard. Their
 * findings are kept per group of checks and per the values the group read
 * (checks_group_key), the last CACHE_SIZE of each group: leaving a field
 * changed starts only the groups that read it and have no findings of the
 * form's values yet, the review starts every such group, and the screens
 * show, for each group, the findings of the form's values now (none while
 * they are being found, never those of other values). The runs use the
 * settings, credentials and identity that account-ui.c resolved once (each
 * run holds them while it runs). Nothing here waits for a thread: runs are
 * started, taken from and let go between keys; a run none of whose values
 * are in the form any more is cancelled, and freed once it has ended. */
#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "aws/checks.h"
#include "aws/sts.h"
#include "base/util.h"
#include "form/document.h"
#include "wiz.h"

#define CACHE_SIZE 16 /* findings kept per group: of its last values */

struct cached {
	char *key; /* NULL: a free place */
	struct check_finding *v;
	size_t n;
	unsigned long used; /* when last stored or shown: the oldest goes first */
};

struct uirun {
	struct checks *r;
	struct account_job *job;  /* held while r runs: its settings */
	char *key[CHECK_NGROUPS]; /* of the groups it runs, else NULL */
	unsigned pending;         /* its groups not ended yet */
	int cancelled;            /* its values left the form (what ended is kept) */
	int forgotten;            /* of other settings (F9): nothing of it is kept */
	struct check_finding *v;  /* taken, of groups not ended yet */
	size_t n;
};

struct uichecks {
	struct cached cache[CHECK_NGROUPS][CACHE_SIZE];
	unsigned long tick;
	struct uirun *runs;
	size_t nruns;
	char *key[CHECK_NGROUPS]; /* of the form's values now */
	const struct document *doc;
	unsigned long gen; /* the keys are of doc at this generation */
	int keyed;
	unsigned want;  /* groups asked for: the review's, the fields' left */
	unsigned asked; /* of them, to start (uichecks_idle; again while the
			   credentials are not known yet) */
	char *failed;   /* why no check can run (said once, on the review), or NULL */
	int dirty;      /* what is shown must be made again */
};

static struct uichecks *uichecks_of(struct wiz *w)
{
	if (!w->checks.st)
		w->checks.st = xcalloc(1, sizeof *w->checks.st);
	return w->checks.st;
}

/* The findings of group g for the values of key, or NULL. */
static struct cached *cache_find(struct uichecks *st, int g, const char *key)
{
	size_t i;

	for (i = 0; key && i < CACHE_SIZE; i++)
		if (st->cache[g][i].key && !strcmp(st->cache[g][i].key, key))
			return &st->cache[g][i];
	return NULL;
}

static void cached_clear(struct cached *c)
{
	free(c->key);
	check_findings_free(c->v, c->n);
	memset(c, 0, sizeof *c);
}

/* Keep v[0..n) (taken) as group g's findings for key: in the place of
 * those of the same key, else of the oldest but the form's own. */
static void cache_put(struct uichecks *st, int g, const char *key, struct check_finding *v,
		      size_t n)
{
	struct cached *c = cache_find(st, g, key), *old = NULL;
	size_t i;

	for (i = 0; !c && i < CACHE_SIZE; i++) {
		struct cached *x = &st->cache[g][i];

		if (!x->key) {
			c = x;
		} else if (!(st->key[g] && !strcmp(x->key, st->key[g])) &&
			   (!old || x->used < old->used)) {
			old = x;
		}
	}
	c = c ? c : old;
	cached_clear(c);
	c->key = xstrdup(key);
	c->v = v;
	c->n = n;
	c->used = ++st->tick;
	if (st->key[g] && !strcmp(key, st->key[g]))
		st->dirty = 1;
}

/* Is a run (not cancelled) finding group g's findings for key? */
static int in_flight(const struct uichecks *st, int g, const char *key)
{
	size_t i;

	for (i = 0; i < st->nruns; i++) {
		const struct uirun *u = &st->runs[i];

		if (!u->cancelled && (u->pending & CHECK_GROUP_BIT(g)) && u->key[g] &&
		    !strcmp(u->key[g], key))
			return 1;
	}
	return 0;
}

/* Cancel the runs none of whose values are the form's any more (freed by
 * runs_poll once they end). */
static void runs_prune(struct uichecks *st)
{
	size_t i;
	int g;

	for (i = 0; i < st->nruns; i++) {
		struct uirun *u = &st->runs[i];
		int needed = 0;

		for (g = 0; g < CHECK_NGROUPS && !u->cancelled; g++)
			needed |= (u->pending & CHECK_GROUP_BIT(g)) && st->key[g] &&
				  !strcmp(u->key[g], st->key[g]);
		if (!needed && !u->cancelled) {
			u->cancelled = 1;
			checks_cancel(u->r);
		}
	}
}

/* The keys of the form's values now, made again when a value the checks
 * read changed (the description, the tags... never count). 1 when a group's
 * key changed. */
static int keys_refresh(struct wiz *w, struct uichecks *st)
{
	const struct document *doc = w->data.doc;
	unsigned long gen = document_generation(doc);
	struct check_input *in;
	int g, changed = 0;

	if (st->keyed && st->doc == doc &&
	    (st->gen == gen || !checks_input_changed(doc, st->gen))) {
		st->gen = gen;
		return 0;
	}
	in = checks_input_read(doc);
	for (g = 0; g < CHECK_NGROUPS; g++) {
		char *k = checks_group_key(in, (enum check_group)g);

		if (st->key[g] && !strcmp(k, st->key[g])) {
			free(k);
			continue;
		}
		free(st->key[g]);
		st->key[g] = k;
		changed = 1;
	}
	checks_input_free(in);
	st->doc = doc;
	st->gen = gen;
	st->keyed = 1;
	if (changed) {
		st->dirty = 1;
		runs_prune(st);
	}
	return changed;
}

/* The groups of mask whose findings for the form's values are neither
 * kept nor coming. */
static unsigned groups_missing(struct uichecks *st, unsigned mask)
{
	unsigned miss = 0;
	int g;

	for (g = 0; g < CHECK_NGROUPS; g++)
		if ((mask & CHECK_GROUP_BIT(g)) && !cache_find(st, g, st->key[g]) &&
		    !in_flight(st, g, st->key[g]))
			miss |= CHECK_GROUP_BIT(g);
	return miss;
}

/* Start a run of the groups of mask that miss findings, with the
 * credentials of account-ui.c once known (else they stay asked for:
 * uichecks_idle starts them then; st->failed when they cannot be had). */
static void start_missing(struct wiz *w, struct uichecks *st, unsigned mask)
{
	const struct aws_settings *s;
	const struct aws_credentials *c;
	const struct sts_identity *id;
	const char *why;
	struct checks_options o = {30, 0, NULL, NULL, 0, NULL, NULL};
	struct uirun *u;
	sigset_t all, old;
	int g, known;

	if (!(mask = groups_missing(st, mask)))
		return;
	known = account_get(w, &s, &c, &id, &why);
	/* none found: the review says what is missing already; else once why */
	if (known < 0 && w->account.job && !st->failed) {
		st->failed = checks_not_run(why);
		st->dirty = 1;
	}
	if (known == 0)
		st->asked |= mask; /* again at the next idle */
	else if (known < 0)
		st->dirty = 1; /* no longer about to start */
	if (known <= 0)
		return;
	st->runs = xrealloc(st->runs, (st->nruns + 1) * sizeof *st->runs);
	u = &st->runs[st->nruns++];
	memset(u, 0, sizeof *u);
	for (g = 0; g < CHECK_NGROUPS; g++)
		if (mask & CHECK_GROUP_BIT(g))
			u->key[g] = xstrdup(st->key[g]);
	u->pending = mask;
	u->job = account_hold(w);
	o.groups = mask;
	o.account = id->account;
	o.partition = id->partition;
	/* its threads take no signal: the wizard's own thread has them */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	u->r = checks_start(checks_input_updating(checks_input_read(w->data.doc), upd_id(w)), s, c,
			    &o);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	st->dirty = 1;
}

/* Ask for the groups of mask: those that miss findings start once the
 * screen shows the key that asked (uichecks_idle). */
static void uichecks_ask(struct wiz *w, unsigned mask)
{
	struct uichecks *st = uichecks_of(w);

	keys_refresh(w, st);
	st->want |= mask;
	st->asked |= mask;
	st->dirty = 1;
}

void uichecks_idle(struct wiz *w)
{
	struct uichecks *st = w->checks.st;
	unsigned asked;

	if (!st || !st->asked)
		return;
	keys_refresh(w, st);
	asked = st->asked;
	st->asked = 0;
	start_missing(w, st, asked);
}

void uichecks_start(struct wiz *w)
{
	/* no settings or credentials to find: the review says what is
	 * missing, and the checks stay quiet */
	if (w->account.job)
		uichecks_ask(w, CHECK_GROUPS_ALL);
}

void uichecks_left(struct wiz *w, unsigned groups)
{
	const struct aws_settings *s;
	const struct aws_credentials *c;
	const struct sts_identity *id;
	const char *why;

	/* without credentials the checks stay quiet: the first screen and
	 * the review say so once */
	if (groups && account_get(w, &s, &c, &id, &why) >= 0)
		uichecks_ask(w, groups);
}

/* The findings of group g among v[0..*n), taken out (caller frees). */
static struct check_finding *findings_of(struct check_finding *v, size_t *n, int g, size_t *out)
{
	struct check_finding *mine = xcalloc(*n + 1, sizeof *mine);
	size_t i, kept = 0;

	*out = 0;
	for (i = 0; i < *n; i++) {
		if (v[i].group == g)
			mine[(*out)++] = v[i];
		else
			v[kept++] = v[i];
	}
	*n = kept;
	return mine;
}

/* Take what run u found; the groups that ended go to the cache. 1 when
 * it has ended (let go: to be forgotten). */
static int run_take(struct uichecks *st, struct uirun *u)
{
	struct check_finding *v;
	size_t n, k;
	unsigned done;
	enum checks_state s = checks_take_groups(u->r, &v, &n, &done);
	int g;

	if (n) {
		u->v = xrealloc(u->v, (u->n + n) * sizeof *v);
		memcpy(u->v + u->n, v, n * sizeof *v);
		u->n += n;
	}
	free(v);
	for (g = 0; g < CHECK_NGROUPS; g++) {
		if (!(u->pending & done & CHECK_GROUP_BIT(g)))
			continue;
		v = findings_of(u->v, &u->n, g, &k);
		if (u->forgotten)
			check_findings_free(v, k);
		else
			cache_put(st, g, u->key[g], v, k);
		u->pending &= ~CHECK_GROUP_BIT(g);
	}
	if (s == CHECKS_RUNNING)
		return 0;
	/* a run that ran nothing (found the settings unusable, or had no
	 * thread): its one finding, of no group, says why; kept as the
	 * checks' failure, not dropped with the run */
	for (k = 0; s == CHECKS_NO_SETTINGS && !st->failed && k < u->n; k++)
		if (u->v[k].group < 0)
			st->failed = xstrdup(u->v[k].message);
	checks_release(u->r, account_release, u->job);
	check_findings_free(u->v, u->n);
	for (g = 0; g < CHECK_NGROUPS; g++)
		free(u->key[g]);
	st->dirty = 1; /* no longer running */
	return 1;
}

static void runs_poll(struct uichecks *st)
{
	size_t i = 0;

	while (i < st->nruns) {
		if (run_take(st, &st->runs[i]))
			st->runs[i] = st->runs[--st->nruns];
		else
			i++;
	}
}

/* The findings shown (of each group, those of the form's values now; why
 * none can run) and their state, made again. */
static void shown_make(struct wiz *w, struct uichecks *st)
{
	size_t n = 0;
	int g, running = 0;

	free(w->checks.v);
	w->checks.v = NULL;
	for (g = 0; g < CHECK_NGROUPS; g++) {
		struct cached *c = cache_find(st, g, st->key[g]);

		if (c) {
			c->used = ++st->tick;
			w->checks.v = xrealloc(w->checks.v, (n + c->n + 1) * sizeof *w->checks.v);
			memcpy(w->checks.v + n, c->v, c->n * sizeof *c->v);
			n += c->n;
		} else if ((st->want & CHECK_GROUP_BIT(g)) &&
			   ((st->asked & CHECK_GROUP_BIT(g)) || in_flight(st, g, st->key[g]))) {
			running = 1;
		}
	}
	if (st->failed && st->want) {
		struct check_finding f = {"", "identity", CHECK_UNKNOWN, st->failed, NULL, -1};

		w->checks.v = xrealloc(w->checks.v, (n + 1) * sizeof *w->checks.v);
		w->checks.v[n++] = f;
	}
	w->checks.n = n;
	if (st->failed && st->want)
		w->checks.state = CHECKS_UNREACHABLE;
	else if (running)
		w->checks.state = CHECKS_RUNNING;
	else
		w->checks.state = st->want || n ? CHECKS_DONE : -1;
	st->dirty = 0;
}

int uichecks_poll(struct wiz *w)
{
	struct uichecks *st = w->checks.st;

	if (!st)
		return 0;
	keys_refresh(w, st);
	runs_poll(st);
	if (!st->dirty)
		return 0;
	shown_make(w, st);
	return 1;
}

const char *uichecks_path_message(const struct wiz *w, const char *path, int *error)
{
	size_t i;
	const struct check_finding *best = NULL;

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

	for (i = 0; i < w->checks.n; i++)
		e += w->checks.v[i].severity == CHECK_ERROR;
	return e;
}

/* Everything kept and shown, forgotten; runs cancelled (still polled
 * until they end, unless wait: then waited for and freed). */
static void uichecks_clear(struct wiz *w, int wait)
{
	struct uichecks *st = w->checks.st;
	size_t i;
	int g;

	if (!st)
		return;
	for (g = 0; g < CHECK_NGROUPS; g++) {
		for (i = 0; i < CACHE_SIZE; i++)
			cached_clear(&st->cache[g][i]);
		free(st->key[g]);
		st->key[g] = NULL;
	}
	for (i = 0; i < st->nruns; i++) {
		st->runs[i].cancelled = st->runs[i].forgotten = 1;
		checks_cancel(st->runs[i].r);
	}
	for (i = 0; wait && i < st->nruns; i++) {
		struct uirun *u = &st->runs[i];

		checks_free(u->r);
		account_release(u->job);
		check_findings_free(u->v, u->n);
		for (g = 0; g < CHECK_NGROUPS; g++)
			free(u->key[g]);
	}
	if (wait)
		st->nruns = 0;
	free(st->failed);
	st->failed = NULL;
	st->keyed = 0;
	st->want = st->asked = 0;
	shown_make(w, st);
}

void uichecks_forget(struct wiz *w)
{
	uichecks_clear(w, 0);
}

void uichecks_release(struct wiz *w)
{
	uichecks_clear(w, 1);
	if (w->checks.st)
		free(w->checks.st->runs);
	free(w->checks.st);
	free(w->checks.v);
	w->checks.st = NULL;
	w->checks.v = NULL;
	w->checks.n = 0;
	w->checks.state = -1;
}
