/* fuzz.h: what the fuzz targets share. */
#ifndef ACW_FUZZ_H
#define ACW_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input as an HTTP answer's body is given to the core: size bytes (NULs
 * included) and a NUL after them. Caller frees. */
static inline char *fuzz_text(const uint8_t *data, size_t size)
{
	char *t = xmalloc(size + 1);

	memcpy(t, data, size);
	t[size] = '\0';
	return t;
}

#endif
