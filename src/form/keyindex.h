/* keyindex.h: a large map's keys found by hash (keyindex.c), for
 * document_key_index: typing a tag's key asks on every keystroke whether
 * another of 60,000 tags has it.
 *
 * Owner: document.c, which keeps one index with each document and frees it
 * with keyindex_free. The index holds pointers into the map's items: the
 * caller says which entries changed since it was last asked. */
#ifndef ACW_KEYINDEX_H
#define ACW_KEYINDEX_H

#include <stddef.h>
#include <stdint.h>

struct keyindex;

/* Maps smaller than this are looked through. */
#define KEYINDEX_MIN 256

/* As document_key_index for map (a cJSON object) of n entries: 1 + the
 * index of the first entry other than skip whose key is key, or 0. changed:
 * the entries set in place or appended since the index was last asked
 * about this map (nchanged of them, repeats allowed), or NULL when other
 * changes were made (it is then built anew). *k is made when NULL. */
size_t keyindex_find(struct keyindex **k, const void *map, size_t n, const size_t *changed,
		     size_t nchanged, const char *key, size_t skip);
void keyindex_free(struct keyindex *k);
/* A key's hash (FNV-1a, mixed), never 0: equal keys, equal hashes. */
uint64_t keyindex_hash(const char *s);

#endif
