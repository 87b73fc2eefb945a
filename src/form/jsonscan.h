/* jsonscan.h: JSON text checked as RFC 8259 has it, before cJSON reads it.
 *
 * Owner: the core (formfile.c). cJSON takes what the AWS CLI refuses:
 * leading zeros (0600), a number ending in its point (1.), raw control
 * characters inside strings, any byte below 0x21 as a blank; and where it
 * stops it cannot say why. This scan refuses all of that and says where (line
 * and column, in characters, from 1) and what was expected there. It refuses
 * too what cJSON cannot hold: nesting deeper than cJSON's limit, numbers
 * longer than cJSON reads. A NUL character (\u0000) is valid JSON and valid
 * text, but cJSON's strings end at a NUL: jsonscan_for_cjson writes each as
 * JSON_NUL, the two bytes that the document keeps for it. Text that passes is
 * parsed by cJSON the same way, value for value. Bytes that are not UTF-8
 * are left to the readers of the values (validate says where). */
#ifndef ACW_JSONSCAN_H
#define ACW_JSONSCAN_H

#include <stddef.h>

/* A number written with a fraction or an exponent ("60.0", "6e1"). */
struct jsonscan_number {
	size_t nth;      /* its place among all the numbers of the text, from 0 */
	size_t off, len; /* where it is written */
};

/* A NUL character as the document's strings hold it: the two bytes of its
 * overlong UTF-8 form (as Java's modified UTF-8 writes it), which no UTF-8
 * text holds, so that a C string keeps it and its length. The writer
 * (jsonwrite.c) writes it back as \u0000, the validator counts it as one
 * character and matches patterns against a real NUL. */
#define JSON_NUL "\xc0\x80"

struct jsonscan {
	/* the numbers written with a fraction or an exponent, in text order:
	 * the AWS CLI refuses them for whole-number members, whatever the value */
	struct jsonscan_number *fractional;
	size_t nfractional;
	/* where each \u0000 escape is (its backslash), in text order */
	size_t *nuls;
	size_t nnuls;
};

/* Check text[0..len) (not necessarily NUL-terminated). Returns 0 and fills
 * *out (release it with jsonscan_release), or -1 with *cause (caller frees):
 * "line 1, column 176: a control character (U+0009) inside a string:
 * expected it escaped as \t"; *out is then empty. */
int jsonscan_check(const char *text, size_t len, struct jsonscan *out, char **cause);
void jsonscan_release(struct jsonscan *s);

/* The text for cJSON to parse, when it must differ from text: each \u0000
 * escape written as JSON_NUL, and each byte 0xc0 of the text (never UTF-8)
 * as 0xc1 (never UTF-8 either), so that only an escape becomes JSON_NUL.
 * NULL when text can be parsed as it is; otherwise a new string (caller
 * frees) of *out_len bytes. */
char *jsonscan_for_cjson(const char *text, size_t len, const struct jsonscan *s, size_t *out_len);

/* The line and column (from 1; columns in characters) of byte off. */
void jsonscan_position(const char *text, size_t off, size_t *line, size_t *col);

#endif
