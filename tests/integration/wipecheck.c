/* wipecheck.c: an LD_PRELOAD library for tests/integration/aws.py that
 * checks the program wipes secrets before it lets go of their memory.
 *
 * Every block the program itself (not libcurl, cJSON or OpenSSL) frees is
 * searched for the markers given in ACW_WIPECHECK_MARKERS (comma-separated:
 * the session token, the secret key, ...), and so is every block it grows
 * with realloc, which may move it and leave the old copy behind. A marker
 * found is written to the file ACW_WIPECHECK_OUT as "free: marker N" or
 * "realloc: marker N"; at exit "frees N" says how many of the program's
 * frees were seen (0 when the program brings its own allocator, as an
 * AddressSanitizer build does: then nothing was checked). Every freed block,
 * whoever frees it, is zeroed, so that a library's unwiped copy cannot be
 * handed to the program again and be taken for the program's own.
 *
 * Built by the test with: cc -shared -fPIC -o wipecheck.so wipecheck.c */
#define _GNU_SOURCE
#include <fcntl.h>
#include <link.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern void __libc_free(void *p);
extern void *__libc_malloc(size_t n);

#define MAX_MARKERS 8

static char marker[MAX_MARKERS][2048];
static size_t marker_len[MAX_MARKERS], nmarkers;
static int out = -1;
static uintptr_t text_lo = UINTPTR_MAX, text_hi;
static unsigned long seen;

/* The program's own code: the executable segments of the main object. */
static int find_program(struct dl_phdr_info *info, size_t size, void *arg)
{
	int i;

	(void)size, (void)arg;
	for (i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];

		if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X)) {
			uintptr_t lo = info->dlpi_addr + ph->p_vaddr;

			if (lo < text_lo)
				text_lo = lo;
			if (lo + ph->p_memsz > text_hi)
				text_hi = lo + ph->p_memsz;
		}
	}
	return 1; /* the first object is the program */
}

__attribute__((constructor)) static void start(void)
{
	const char *m = getenv("ACW_WIPECHECK_MARKERS"), *path = getenv("ACW_WIPECHECK_OUT");

	if (!m || !path)
		return;
	while (*m && nmarkers < MAX_MARKERS) {
		size_t n = strcspn(m, ",");

		if (n && n < sizeof marker[0]) {
			memcpy(marker[nmarkers], m, n);
			marker_len[nmarkers++] = n;
		}
		m += n + (m[n] == ',');
	}
	dl_iterate_phdr(find_program, NULL);
	out = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
}

__attribute__((destructor)) static void finish(void)
{
	char line[64];
	int n;

	if (out < 0)
		return;
	n = snprintf(line, sizeof line, "frees %lu\n", seen);
	if (write(out, line, (size_t)n) < 0)
		return;
}

static int from_program(const void *ret)
{
	return (uintptr_t)ret >= text_lo && (uintptr_t)ret < text_hi;
}

static void search(const void *p, size_t n, const char *what)
{
	size_t i;

	for (i = 0; i < nmarkers; i++) {
		if (memmem(p, n, marker[i], marker_len[i])) {
			char line[64];
			int k = snprintf(line, sizeof line, "%s: marker %zu\n", what, i);

			if (write(out, line, (size_t)k) < 0)
				return;
		}
	}
}

void free(void *p)
{
	if (!p)
		return;
	if (out >= 0 && from_program(__builtin_return_address(0))) {
		seen++;
		search(p, malloc_usable_size(p), "free");
	}
	memset(p, 0, malloc_usable_size(p));
	__libc_free(p);
}

/* Always moved, so that a copy left behind is always seen. */
void *realloc(void *p, size_t n)
{
	void *q;
	size_t old;

	if (!p)
		return __libc_malloc(n);
	if (!n) {
		free(p);
		return NULL;
	}
	q = __libc_malloc(n);
	if (!q)
		return NULL;
	old = malloc_usable_size(p);
	memcpy(q, p, old < n ? old : n);
	if (out >= 0 && from_program(__builtin_return_address(0)))
		search(p, old, "realloc");
	memset(p, 0, old);
	__libc_free(p);
	return q;
}
