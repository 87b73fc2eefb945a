/* jsonscan.h: JSON text checked as RFC 8259 has it, before cJSON reads it.
 *
 * Owner: the core (formfile.c). cJSON takes what the AWS CLI refuses:
 * leading zeros (0600), a number ending in its point (1.), raw control
 * characters inside strings, any byte below 0x21 as a blank; and where it
 * stops it cannot say why. This scan refuses all of that and says where (line
 * and column, in characters, from 1) and what was expected there. It refuses
 * too what cJSON cannot hold: \u0000 (its strings end at a NUL), nesting
 * deeper than cJSON's limit, numbers longer than cJSON reads. Text that
 * passes is parsed by cJSON the same way, value for value. Bytes that are
 * not UTF-8 are left to the readers of the values (validate says where). */
#ifndef ACW_JSONSCAN_H
#define ACW_JSONSCAN_H

#include <stddef.h>

/* A number written with a fraction or an exponent ("60.0", "6e1"). */
struct jsonscan_number {
	size_t nth;      /* its place among all the numbers of the text, from 0 */
	size_t off, len; /* where it is written */
};

struct jsonscan {
	/* the numbers written with a fraction or an exponent, in text order:
	 * the AWS CLI refuses them for whole-number members, whatever the value */
	struct jsonscan_number *fractional;
	size_t nfractional;
};

/* Check text[0..len) (not necessarily NUL-terminated). Returns 0 and fills
 * *out (release it with jsonscan_release), or -1 with *cause (caller frees):
 * "line 1, column 176: a control character (U+0009) inside a string:
 * expected it escaped as \t"; *out is then empty. */
int jsonscan_check(const char *text, size_t len, struct jsonscan *out, char **cause);
void jsonscan_release(struct jsonscan *s);

/* The line and column (from 1; columns in characters) of byte off. */
void jsonscan_position(const char *text, size_t off, size_t *line, size_t *col);

#endif
