/* keyindex.c: a large map's keys found by hash (keyindex.h): built once,
 * then each entry set or appended since (as the caller says, from the
 * document's journal) is hashed again; anything else builds it anew. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "form/keyindex.h"

struct keyindex {
	const cJSON *m;     /* the map it is of */
	size_t n, nb;       /* entries; buckets (a power of two, >= 2n) */
	const cJSON **item; /* each entry */
	uint64_t *hash;     /* its key's */
	size_t *next;       /* the next entry in its bucket, + 1 (0: none) */
	size_t *head;       /* each bucket's first entry, + 1 */
};

static void keys_clear(struct keyindex *k)
{
	free(k->item);
	free(k->hash);
	free(k->next);
	free(k->head);
	memset(k, 0, sizeof *k);
}

void keyindex_free(struct keyindex *k)
{
	if (!k)
		return;
	keys_clear(k);
	free(k);
}

uint64_t keyindex_hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	h ^= h >> 31;
	h *= 0x9e3779b97f4a7c15ULL;
	h ^= h >> 29;
	return h ? h : 1;
}

/* Entry i (c) into its bucket. */
static void keys_put(struct keyindex *k, size_t i, const cJSON *c)
{
	size_t b;

	k->item[i] = c;
	k->hash[i] = keyindex_hash(c->string ? c->string : "");
	b = (size_t)k->hash[i] & (k->nb - 1);
	k->next[i] = k->head[b];
	k->head[b] = i + 1;
}

/* Entry i out of its bucket. */
static void keys_take(struct keyindex *k, size_t i)
{
	size_t *at = &k->head[(size_t)k->hash[i] & (k->nb - 1)];

	while (*at && *at != i + 1)
		at = &k->next[*at - 1];
	if (*at)
		*at = k->next[i];
}

static void keys_build(struct keyindex *k, const cJSON *m, size_t n)
{
	const cJSON *c;
	size_t i = 0;

	keys_clear(k);
	k->m = m;
	for (k->nb = 16; k->nb < 2 * n; k->nb *= 2)
		;
	k->head = xcalloc(k->nb, sizeof *k->head);
	k->item = xcalloc(n + 1, sizeof *k->item);
	k->hash = xcalloc(n + 1, sizeof *k->hash);
	k->next = xcalloc(n + 1, sizeof *k->next);
	for (c = m->child; c && i < n; c = c->next)
		keys_put(k, i++, c);
	k->n = i;
}

/* The index brought up to date from the entries changed since: 0, or -1
 * when it must be built again. */
static int keys_update(struct keyindex *k, const cJSON *m, size_t n, const size_t *changed,
		       size_t nchanged)
{
	size_t j, at;
	const cJSON *c;

	if (!changed || k->m != m || 2 * n > k->nb)
		return -1;
	for (j = 0; j < nchanged; j++) {
		if (changed[j] > k->n)
			return -1;
		for (c = m->child, at = 0; c && at < changed[j]; c = c->next)
			at++;
		if (!c)
			return -1;
		if (changed[j] < k->n) {
			keys_take(k, changed[j]);
		} else { /* appended */
			k->n++;
			k->item = xrealloc(k->item, k->n * sizeof *k->item);
			k->hash = xrealloc(k->hash, k->n * sizeof *k->hash);
			k->next = xrealloc(k->next, k->n * sizeof *k->next);
		}
		keys_put(k, changed[j], c);
	}
	return k->n == n ? 0 : -1;
}

size_t keyindex_find(struct keyindex **kp, const void *map, size_t n, const size_t *changed,
		     size_t nchanged, const char *key, size_t skip)
{
	const cJSON *m = map;
	struct keyindex *k = *kp;
	uint64_t h = keyindex_hash(key);
	size_t at, best = 0;

	if (!k)
		k = *kp = xcalloc(1, sizeof *k);
	if (keys_update(k, m, n, changed, nchanged) != 0)
		keys_build(k, m, n);
	for (at = k->head[(size_t)h & (k->nb - 1)]; at; at = k->next[at - 1])
		if (at - 1 != skip && k->hash[at - 1] == h && k->item[at - 1]->string &&
		    !strcmp(k->item[at - 1]->string, key) && (!best || at < best))
			best = at;
	return best;
}
