/* credcache.c: one resolution of the credentials for the whole process,
 * shared between threads and kept until near its expiration; see
 * credentials.h (credentials_resolve_with). The chain itself is
 * credentials.c's. What is kept is a copy, wiped by credentials_forget or
 * when replaced. Settings are told apart by what the chain reads, kept
 * whole: it holds secrets (keys of the files and the environment), so it is
 * kept as they are and wiped with them; not as a digest, whose first use
 * would load OpenSSL's providers before the first screen (1.7 ms). */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "aws/awsconfig.h"
#include "aws/credentials.h"
#include "aws/secret.h"
#include "base/printable.h"
#include "base/util.h"

/* The variables the chain reads (credentials.c, and the STS endpoint of
 * awsconfig.c); HOME and the files' own variables are in the settings'
 * paths already. */
static const char *const chain_vars[] = {
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_ROLE_ARN",
    "AWS_ROLE_SESSION_NAME",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_CONTAINER_AUTHORIZATION_TOKEN",
    "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
    "AWS_ENDPOINT_URL_STS",
    "AWS_ENDPOINT_URL",
    "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
    "AWS_STS_REGIONAL_ENDPOINTS",
};

/* Credentials kept for this many settings at once (F9 back and forth). */
#define KEPT_MAX 4

/* Credentials found for one set of settings. */
struct kept {
	struct strbuf key; /* settings_key's; s is NULL when the place is free */
	struct aws_credentials c;
	unsigned long used; /* when last found or handed out (cache.clock) */
};

/* The resolutions of this process: the one under way (busy, for busy_key),
 * the credentials found (kept: what later calls take while fresh) and how
 * the last resolution ended (last_*: what the calls that waited for it
 * take). All under mu; ended is signalled at each end. Keys are secrets. */
static struct {
	pthread_mutex_t mu;
	pthread_cond_t ended;
	int busy;
	struct strbuf busy_key;
	unsigned long ends, clock; /* resolutions ended so far; uses */
	struct kept kept[KEPT_MAX];
	struct strbuf last_key;
	int last_r;
	char *last_cause; /* safe for a terminal; NULL when none */
} cache = {.mu = PTHREAD_MUTEX_INITIALIZER, .ended = PTHREAD_COND_INITIALIZER};

/* One value into the key: its length first, so values cannot run together. */
static void key_add(struct strbuf *b, const char *v)
{
	char n[32];
	int len = snprintf(n, sizeof n, "%zu:", v ? strlen(v) : (size_t)-1);

	secret_buf_add(b, n, (size_t)len);
	if (v)
		secret_buf_add(b, v, strlen(v));
}

static void key_add_ini(struct strbuf *b, const struct ini *ini)
{
	size_t i;

	for (i = 0; i < ini->n; i++) {
		key_add(b, ini->v[i].section);
		key_add(b, ini->v[i].key);
		key_add(b, ini->v[i].value);
	}
	key_add(b, NULL); /* the end of the file */
}

/* What the chain reads with settings s, into b (a secret: released with
 * secret_buf_release). */
static void settings_key(const struct aws_settings *s, struct strbuf *b)
{
	size_t i;

	key_add(b, s->profile.value);
	key_add(b, s->profile_explicit ? "explicit" : "implicit");
	key_add(b, s->region.value);
	key_add(b, s->ca_bundle.value);
	key_add(b, s->use_fips ? "fips" : "-");
	key_add(b, s->use_dualstack ? "dualstack" : "-");
	key_add(b, s->config_path);
	key_add(b, s->credentials_path);
	key_add_ini(b, &s->config);
	key_add_ini(b, &s->credentials);
	for (i = 0; i < sizeof chain_vars / sizeof *chain_vars; i++)
		key_add(b, getenv(chain_vars[i]));
}

static int key_same(const struct strbuf *a, const struct strbuf *b)
{
	return a->s && b->s && a->len == b->len && !memcmp(a->s, b->s, a->len);
}

/* dst becomes a copy of src, the old one wiped. */
static void key_set(struct strbuf *dst, const struct strbuf *src)
{
	if (key_same(dst, src))
		return;
	secret_buf_release(dst);
	secret_buf_add(dst, src->s, src->len);
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void creds_copy(struct aws_credentials *dst, const struct aws_credentials *src)
{
	dst->access_key_id = dup_or_null(src->access_key_id);
	dst->secret_access_key = dup_or_null(src->secret_access_key);
	dst->session_token = dup_or_null(src->session_token);
	dst->source = dup_or_null(src->source);
	dst->expiration = src->expiration;
}

/* The credentials kept for key, or NULL (mu held). */
static struct kept *kept_of(const struct strbuf *key)
{
	size_t i;

	for (i = 0; i < KEPT_MAX; i++)
		if (key_same(&cache.kept[i].key, key))
			return &cache.kept[i];
	return NULL;
}

/* The credentials kept for key when they have time enough left (mu held). */
static struct kept *kept_fresh(const struct strbuf *key)
{
	struct kept *k = kept_of(key);
	time_t exp = k ? k->c.expiration : 0;

	return k && (!exp || exp - time(NULL) >= CREDENTIALS_REFRESH_AHEAD) ? k : NULL;
}

/* Hand out what k keeps (mu held). */
static void kept_take(struct kept *k, struct aws_credentials *out)
{
	k->used = ++cache.clock;
	creds_copy(out, &k->c);
}

/* Keep c for key, in its own place, a free one or the least used (mu held). */
static void kept_put(const struct strbuf *key, const struct aws_credentials *c)
{
	struct kept *k = kept_of(key);
	size_t i;

	for (i = 0; !k && i < KEPT_MAX; i++)
		if (!cache.kept[i].key.s)
			k = &cache.kept[i];
	if (!k) {
		k = &cache.kept[0];
		for (i = 1; i < KEPT_MAX; i++)
			if (cache.kept[i].used < k->used)
				k = &cache.kept[i];
	}
	credentials_free(&k->c);
	creds_copy(&k->c, c);
	key_set(&k->key, key);
	k->used = ++cache.clock;
}

/* How a resolution of key ended, for the calls that wait and those to come
 * (mu held). */
static void record_end(const struct strbuf *key, int r, const struct aws_credentials *c,
		       const char *cause)
{
	key_set(&cache.last_key, key);
	cache.last_r = r;
	free(cache.last_cause);
	cache.last_cause = r < 0 ? dup_or_null(cause) : NULL;
	if (r == 0)
		kept_put(key, c);
	cache.ends++;
	pthread_cond_broadcast(&cache.ended);
}

/* The answer of the resolution that just ended, when it was of key and not
 * cancelled: 1 with *r, out and *cause filled; else 0 (mu held). */
static int take_last(const struct strbuf *key, int *r, struct aws_credentials *out, char **cause)
{
	struct kept *k = kept_of(key);

	if (!key_same(&cache.last_key, key) || cache.last_r == CREDENTIALS_CANCELLED)
		return 0;
	if (cache.last_r == 0 && !k)
		return 0; /* forgotten since: look again */
	*r = cache.last_r;
	if (*r == 0)
		kept_take(k, out); /* even when it expires soon: it was just found */
	else if (*r < 0)
		*cause = dup_or_null(cache.last_cause ? cache.last_cause : "?");
	return 1;
}

/* Wait (mu held) until the resolution under way ends, polling the hooks'
 * cancel every 100 ms, at most limit seconds from start. 0 when it ended,
 * or CREDENTIALS_CANCELLED or -1 (the limit) with *cause. */
static int wait_end(const struct aws_settings *s, const struct credentials_hooks *h, double start,
		    double limit, char **cause)
{
	unsigned long seen = cache.ends;

	while (cache.ends == seen) {
		struct timespec ts;
		int stop;

		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 100 * 1000 * 1000;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&cache.ended, &cache.mu, &ts);
		if (cache.ends != seen)
			break;
		pthread_mutex_unlock(&cache.mu); /* the hook may take its time */
		stop = h && h->cancel && h->cancel(h->arg);
		pthread_mutex_lock(&cache.mu);
		if (stop) {
			*cause = printable_take(
			    xasprintf(_("cancelled: the wait for the credentials of profile %s, "
					"which are being found for another part of the program, "
					"was given up"),
				      s->profile.value ? s->profile.value : "-"));
			return CREDENTIALS_CANCELLED;
		}
		if (util_monotonic() - start > limit) {
			*cause = printable_take(
			    xasprintf(_("the credentials of profile %s, which are being found for "
					"another part of the program, were not found within %g s: "
					"try again"),
				      s->profile.value ? s->profile.value : "-", limit));
			return -1;
		}
	}
	return 0;
}

int credentials_resolve_with(const struct aws_settings *s, const struct credentials_hooks *h,
			     struct aws_credentials *out, char **cause)
{
	struct strbuf key = {0};
	double start = util_monotonic(), limit = 2 * credentials_process_seconds(h);
	struct kept *k;
	int r, own = 0;

	memset(out, 0, sizeof *out);
	settings_key(s, &key);
	pthread_mutex_lock(&cache.mu);
	for (;;) {
		if ((k = kept_fresh(&key))) {
			kept_take(k, out);
			r = 0;
			goto done;
		}
		if (!cache.busy || !key_same(&cache.busy_key, &key))
			break; /* nothing to wait for: this call resolves */
		if ((r = wait_end(s, h, start, limit, cause)) != 0 ||
		    take_last(&key, &r, out, cause))
			goto done;
		/* cancelled by its caller, or replaced: look again */
	}
	if (!cache.busy) {
		cache.busy = own = 1;
		key_set(&cache.busy_key, &key);
	}
	pthread_mutex_unlock(&cache.mu);
	r = credentials_resolve_uncached(s, h, out, cause);
	pthread_mutex_lock(&cache.mu);
	if (own)
		cache.busy = 0;
	record_end(&key, r, out, r < 0 ? *cause : NULL);
done:
	pthread_mutex_unlock(&cache.mu);
	secret_buf_release(&key);
	return r;
}

int credentials_resolve(const struct aws_settings *s, struct aws_credentials *out, char **cause)
{
	return credentials_resolve_with(s, NULL, out, cause);
}

void credentials_forget(void)
{
	size_t i;

	pthread_mutex_lock(&cache.mu);
	for (i = 0; i < KEPT_MAX; i++) {
		credentials_free(&cache.kept[i].c);
		secret_buf_release(&cache.kept[i].key);
	}
	free(cache.last_cause);
	cache.last_cause = NULL;
	secret_buf_release(&cache.last_key);
	pthread_mutex_unlock(&cache.mu);
}
