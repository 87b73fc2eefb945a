/* test_printable.c: unit tests of the one printable filter (base/printable.c):
 * C0 and C1 controls, DEL, bidirectional overrides and isolates, bytes that
 * are not UTF-8, the length limit that never cuts a sequence or an escape,
 * quotes, NUL in counted text (issue 13, item 1). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>

#include "base/printable.h"
#include "base/util.h"
#include "testutil.h"

/* The filter's output for len bytes of text, no limit. */
static void expect_mem(const char *text, size_t len, const char *want)
{
	char *got = printable_mem(text, len, SIZE_MAX);

	if (strcmp(got, want))
		fail_msg("got \"%s\", want \"%s\"", got, want);
	free(got);
}

static void expect(const char *text, const char *want)
{
	expect_mem(text, strlen(text), want);
}

static void test_plain_text_unchanged(void **state)
{
	(void)state;
	expect("", "");
	expect("us-east-1 runtime/rt-1 a b", "us-east-1 runtime/rt-1 a b");
	expect("d\xc3\xa9j\xc3\xa0 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80",
	       "d\xc3\xa9j\xc3\xa0 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80");
	/* backslashes stay as they are unless quoting is asked for */
	expect("C:\\path \"x\"", "C:\\path \"x\"");
	/* U+00A0 (the first after C1), U+2027, U+202F, U+2065, U+206A: not hidden */
	expect("\xc2\xa0\xe2\x80\xa7\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa",
	       "\xc2\xa0\xe2\x80\xa7\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa");
	assert_false(printable_needs_escape("d\xc3\xa9j\xc3\xa0", 6));
	assert_true(printable_needs_escape("a\x1b", 2));
	assert_true(printable_needs_escape("\xc2\x9b", 2));
	assert_true(printable_needs_escape("\xff", 1));
}

static void test_c0_and_del(void **state)
{
	unsigned c;

	(void)state;
	for (c = 0; c < 0x20; c++) {
		char in[3] = {'a', (char)c, 'b'}, want[16];

		if (c == '\n')
			strcpy(want, "a\\nb");
		else if (c == '\t')
			strcpy(want, "a\\tb");
		else if (c == '\r')
			strcpy(want, "a\\rb");
		else
			snprintf(want, sizeof want, "a\\x%02xb", c);
		expect_mem(in, 3, want);
	}
	expect("\x7f", "\\x7f");
	/* the attacks of issue 13: a title, a clear screen, a clipboard write */
	expect("\x1b]0;pwned\x07", "\\x1b]0;pwned\\x07");
	expect("\x1b[2J", "\\x1b[2J");
	expect("\x1b]52;c;ZWNobyBwd25lZA==\x07", "\\x1b]52;c;ZWNobyBwd25lZA==\\x07");
	/* NUL in counted text is shown, and what follows it is kept */
	expect_mem("a\0b", 3, "a\\x00b");
}

static void test_c1(void **state)
{
	unsigned c;

	(void)state;
	for (c = 0x80; c <= 0x9f; c++) {
		char in[3] = {(char)0xc2, (char)c, 0}, want[16];

		snprintf(want, sizeof want, "\\u%04x", c);
		expect(in, want);
	}
	expect("x\xc2\x9b"
	       "31mred",
	       "x\\u009b31mred");
}

/* bidirectional controls, and the line and paragraph separators */
static void test_bidi(void **state)
{
	static const char *const in[] = {
	    "\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad",
	    "\xe2\x80\xae", "\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8",
	    "\xe2\x81\xa9", "\xe2\x80\xa8", "\xe2\x80\xa9", /* line and paragraph separators */
	};
	static const char *const want[] = {
	    "\\u202a", "\\u202b", "\\u202c", "\\u202d", "\\u202e", "\\u2066",
	    "\\u2067", "\\u2068", "\\u2069", "\\u2028", "\\u2029",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof in / sizeof in[0]; i++)
		expect(in[i], want[i]);
	for (i = 0; i < 0x3000; i++) {
		int hide = i < 0x20 || i == 0x7f || (i >= 0x80 && i <= 0x9f) || i == 0x2028 ||
			   i == 0x2029 || (i >= 0x202a && i <= 0x202e) ||
			   (i >= 0x2066 && i <= 0x2069);

		if (printable_codepoint_hidden(i) != hide)
			fail_msg("U+%04zx: hidden %d, want %d", i, printable_codepoint_hidden(i),
				 hide);
	}
	expect("file\xe2\x80\xae"
	       "fdp.exe",
	       "file\\u202efdp.exe");
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	expect("\x80", "\\x80");                            /* stray continuation */
	expect("a\xff\xfe", "a\\xff\\xfe");                 /* never in UTF-8 */
	expect("\xc0\xaf", "\\xc0\\xaf");                   /* overlong '/' */
	expect("\xe0\x80\xaf", "\\xe0\\x80\\xaf");          /* overlong, 3 bytes */
	expect("\xed\xa0\x80", "\\xed\\xa0\\x80");          /* a surrogate */
	expect("\xf4\x90\x80\x80", "\\xf4\\x90\\x80\\x80"); /* past U+10FFFF */
	expect("ok\xe2\x80", "ok\\xe2\\x80");               /* cut at the end */
	expect("\xc3(", "\\xc3(");                          /* cut by ASCII */
	expect("\xc2\x9b\xc3", "\\u009b\\xc3");
}

static void test_limit(void **state)
{
	char *p;

	(void)state;
	/* never half a character */
	p = printable_text("ab\xc3\xa9"
			   "cd",
			   3);
	assert_string_equal(p, "ab...");
	free(p);
	p = printable_text("ab\xc3\xa9"
			   "cd",
			   4);
	assert_string_equal(p, "ab\xc3\xa9...");
	free(p);
	/* never half an escape */
	p = printable_text("a\x1b[2J", 4);
	assert_string_equal(p, "a...");
	free(p);
	p = printable_text("a\x1b[2J", 5);
	assert_string_equal(p, "a\\x1b...");
	free(p);
	p = printable_text("a\xe2\x80\xae", 6);
	assert_string_equal(p, "a...");
	free(p);
	/* nothing cut: no mark, even at the exact length */
	p = printable_text("a\x1b", 5);
	assert_string_equal(p, "a\\x1b");
	free(p);
	p = printable_text("abc", 3);
	assert_string_equal(p, "abc");
	free(p);
	p = printable_text("abc", 0);
	assert_string_equal(p, "...");
	free(p);
	p = printable_text(NULL, 10);
	assert_string_equal(p, "");
	free(p);
	p = printable_mem(NULL, 5, 10);
	assert_string_equal(p, "");
	free(p);
	/* the length bounds what is read */
	p = printable_mem("abcdef", 3, SIZE_MAX);
	assert_string_equal(p, "abc");
	free(p);
}

static void test_quotes(void **state)
{
	struct strbuf b = {0};

	(void)state;
	strbuf_addc(&b, '"');
	printable_add(&b, "a\"b\\c\x1b\xc2\x9b\n", 9, PRINTABLE_QUOTES);
	strbuf_addc(&b, '"');
	assert_string_equal(b.s, "\"a\\\"b\\\\c\\x1b\\u009b\\n\"");
	strbuf_release(&b);
	printable_add(&b, "a\"b\\", 4, 0);
	assert_string_equal(b.s, "a\"b\\");
	strbuf_release(&b);
}

/* Whatever goes in, what comes out is UTF-8 with no control character,
 * no C1 and no bidirectional override in it, within the limit. */
static void test_random_bytes(void **state)
{
	unsigned seed = 12345;
	int round;

	(void)state;
	for (round = 0; round < 2000; round++) {
		unsigned char in[64];
		size_t n = (size_t)(round % 64), i, max = (size_t)(round % 50);
		char *p;
		const unsigned char *q;

		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			in[i] = (unsigned char)(seed >> 16);
			/* plenty of the interesting lead bytes */
			if (round % 3 == 0 && i % 3 == 0)
				in[i] = (unsigned char)(0xc2 + (seed >> 8) % 0x2a);
		}
		p = printable_mem((const char *)in, n, max);
		assert_true(utf8_length(p, strlen(p)) != (size_t)-1);
		assert_true(strlen(p) <= max + 3);
		for (q = (const unsigned char *)p; *q; q++) {
			assert_true(*q >= 0x20 && *q != 0x7f);
			if (q[0] == 0xc2)
				assert_true(q[1] >= 0xa0);
			if (q[0] == 0xe2 && q[1] == 0x80)
				assert_true(q[2] < 0xaa || q[2] > 0xae);
			if (q[0] == 0xe2 && q[1] == 0x81)
				assert_true(q[2] < 0xa6 || q[2] > 0xa9);
		}
		free(p);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain_text_unchanged),
	    cmocka_unit_test(test_c0_and_del),
	    cmocka_unit_test(test_c1),
	    cmocka_unit_test(test_bidi),
	    cmocka_unit_test(test_invalid_utf8),
	    cmocka_unit_test(test_limit),
	    cmocka_unit_test(test_quotes),
	    cmocka_unit_test(test_random_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
