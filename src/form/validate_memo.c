/* validate_memo.c: a large map's entries checked once and then only as
 * they change (validate_local.h): for each entry, whether its key or value
 * has a problem of its own, and the hashes of the keys counted, so that a
 * keystroke in one of 60,000 tags checks that tag, not the whole map. The
 * memo is kept with the document (document_cache_keep) and brought up to
 * date from the document's journal (document_entries_changed); anything
 * else rebuilds it. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "form/document.h"
#include "form/formdef.h"
#include "form/keyindex.h"
#include "form/validate_local.h"

/* Smaller maps are walked whole: that costs less than keeping a memo. */
#define MEMO_MIN 256
/* Maps remembered per document, and changes taken before a rebuild. */
#define MEMO_MAPS  4
#define MEMO_EDITS 32

struct key_count {
	uint64_t h; /* 0: an empty slot */
	size_t n;   /* entries whose key has this hash (0 once all changed) */
};

struct map_memo {
	char *path; /* the map's document path; NULL: an unused memo */
	const struct fnode *f;
	unsigned long gen;  /* the document's generation when it was right */
	size_t n;           /* entries */
	uint64_t *hash;     /* each entry's key's hash */
	unsigned char *bad; /* the entry's key or value has a problem */
	size_t nbad;
	struct key_count *slots; /* open addressing, by hash */
	size_t nslots, used;
	size_t excess; /* entries whose key's hash an entry before has too */
};

struct memos {
	struct map_memo m[MEMO_MAPS];
	size_t next; /* the memo taken next when all are in use */
};

static void memo_clear(struct map_memo *m)
{
	free(m->path);
	free(m->hash);
	free(m->bad);
	free(m->slots);
	memset(m, 0, sizeof *m);
}

static void memos_release(void *p)
{
	struct memos *ms = p;
	size_t i;

	for (i = 0; i < MEMO_MAPS; i++)
		memo_clear(&ms->m[i]);
	free(ms);
}

/* Count key hash h once more (delta 1) or once less (-1). -1 when the
 * table is too full to take another (the memo is then rebuilt). */
static int memo_count(struct map_memo *m, uint64_t h, int delta)
{
	size_t i;

	for (i = (size_t)h & (m->nslots - 1);; i = (i + 1) & (m->nslots - 1)) {
		struct key_count *s = &m->slots[i];

		if (s->h == h)
			break;
		if (!s->h) {
			if (delta < 0 || 4 * (m->used + 1) > 3 * m->nslots)
				return -1;
			s->h = h;
			m->used++;
			break;
		}
	}
	if (delta > 0) {
		m->excess += m->slots[i].n > 0;
		m->slots[i].n++;
	} else {
		if (!m->slots[i].n)
			return -1;
		m->excess -= m->slots[i].n > 1;
		m->slots[i].n--;
	}
	return 0;
}

/* Whether entry c of map f has a problem of its own (its key or value). */
static int entry_bad(struct walk *w, const struct fnode *f, const cJSON *c)
{
	char *key = NULL, *value = validate_scalar_problem(f->value, c, &w->classes);
	int bad;

	validate_check_text(f->key, c->string, 0, &key, &w->classes);
	bad = key || value;
	free(key);
	free(value);
	return bad;
}

/* Entry i (c), new (i == m->n) or changed: counted again. */
static int memo_entry(struct walk *w, struct map_memo *m, size_t i, const cJSON *c)
{
	if (i > m->n)
		return -1;
	if (i == m->n) {
		m->hash = xrealloc(m->hash, (m->n + 1) * sizeof *m->hash);
		m->bad = xrealloc(m->bad, m->n + 1);
		m->n++;
	} else {
		if (memo_count(m, m->hash[i], -1) != 0)
			return -1;
		m->nbad -= m->bad[i];
	}
	m->hash[i] = keyindex_hash(c->string);
	m->bad[i] = (unsigned char)entry_bad(w, m->f, c);
	m->nbad += m->bad[i];
	return memo_count(m, m->hash[i], 1);
}

/* The memo made anew from map v of n entries. */
static void memo_build(struct walk *w, struct map_memo *m, const struct fnode *f, const cJSON *v,
		       size_t n)
{
	const cJSON *c;
	size_t i = 0;

	memo_clear(m);
	m->path = xstrdup(w->ref.s);
	m->f = f;
	for (m->nslots = 16; m->nslots < 2 * n; m->nslots *= 2)
		;
	m->slots = xcalloc(m->nslots, sizeof *m->slots);
	m->hash = xcalloc(n + 1, sizeof *m->hash);
	m->bad = xcalloc(n + 1, 1);
	m->n = n;
	cJSON_ArrayForEach (c, v) {
		if (i == n)
			break;
		m->hash[i] = keyindex_hash(c->string);
		m->bad[i] = (unsigned char)entry_bad(w, f, c);
		m->nbad += m->bad[i];
		memo_count(m, m->hash[i], 1); /* at most half full: never refused */
		i++;
	}
}

/* The memo of the map at the walk's place, brought up to date; NULL (and
 * nothing kept) for a map too small to keep one. */
static struct map_memo *memo_find(struct walk *w, const struct fnode *f, size_t n)
{
	struct memos *ms = document_cache(w->doc, DOC_CACHE_VALIDATE);
	size_t i;

	if (n < MEMO_MIN)
		return NULL;
	if (!ms) {
		ms = xcalloc(1, sizeof *ms);
		document_cache_keep(w->doc, DOC_CACHE_VALIDATE, ms, memos_release);
	}
	for (i = 0; i < MEMO_MAPS; i++)
		if (ms->m[i].path && ms->m[i].f == f && !strcmp(ms->m[i].path, w->ref.s))
			return &ms->m[i];
	for (i = 0; i < MEMO_MAPS; i++)
		if (!ms->m[i].path)
			return &ms->m[i];
	ms->next = (ms->next + 1) % MEMO_MAPS;
	memo_clear(&ms->m[ms->next]);
	return &ms->m[ms->next];
}

/* Bring memo m of map v (n entries, at w->ref) up to date from the
 * changes since it was made: 0, or -1 when it must be built again. */
static int memo_update(struct walk *w, struct map_memo *m, const cJSON *v, size_t n)
{
	size_t idx[MEMO_EDITS], k, j, at;
	const cJSON *c;

	if (!m->path || document_entries_changed(w->doc, m->path, m->gen, idx, MEMO_EDITS, &k))
		return -1;
	for (j = 0; j < k; j++) {
		for (c = v->child, at = 0; c && at < idx[j]; c = c->next)
			at++;
		if (!c || memo_entry(w, m, idx[j], c) != 0)
			return -1;
	}
	return m->n == n ? 0 : -1;
}

int validate_map_clean(struct walk *w, const struct fnode *f, const cJSON *v, size_t n)
{
	struct map_memo *m = memo_find(w, f, n);

	if (!m)
		return 0;
	if (memo_update(w, m, v, n) != 0)
		memo_build(w, m, f, v, n);
	m->gen = document_generation(w->doc);
	return m->nbad == 0 && m->excess == 0;
}
