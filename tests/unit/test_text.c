/* Unit tests of src/ui/text.c (its part without curses): the printable
 * filter for the front ends, lines wrapped at spaces, --plain's printing. */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "testutil.h"
#include "ui/lineedit.h"
#include "ui/text.h"

static void test_printable(void **state)
{
	char *s;

	(void)state;
	s = ui_printable("a\x1b]0;pwned\x07"
			 "b\n\tc\xc2\x9b"
			 "d");
	assert_null(strchr(s, '\x1b'));
	assert_null(strchr(s, '\x07'));
	assert_null(strstr(s, "\xc2\x9b"));
	assert_non_null(strstr(s, "\n\t")); /* newlines and tabs lay text out: kept */
	assert_non_null(strstr(s, "pwned"));
	free(s);
	s = ui_printable(NULL);
	assert_string_equal(s, "");
	free(s);
}

static void test_wrap_next(void **state)
{
	struct lineedit e = {0};
	size_t start = 0, end;

	(void)state;
	lineedit_load(&e, "one two three\nfour");
	assert_true(ui_wrap_next(&e, &start, 8, &end));
	assert_int_equal(end, 7); /* "one two" */
	assert_true(ui_wrap_next(&e, &start, 8, &end));
	assert_int_equal(end, 13); /* "three", ended by the newline */
	assert_true(ui_wrap_next(&e, &start, 8, &end));
	assert_int_equal(end, 18); /* "four" */
	assert_false(ui_wrap_next(&e, &start, 8, &end));
	lineedit_release(&e);
}

static void test_wrap_lines(void **state)
{
	char *in[] = {"alpha beta gamma", "x"}, **out;
	size_t n;

	(void)state;
	out = ui_wrap_lines(in, 2, 12, &n);
	assert_int_equal(n, 3);
	assert_string_equal(out[0], "alpha beta");
	assert_string_equal(out[1], "  gamma"); /* a continued line is indented */
	assert_string_equal(out[2], "x");
	ui_lines_free(out, n);
}

static void test_print_wrapped(void **state)
{
	char buf[512] = {0};
	FILE *f = fmemopen(buf, sizeof buf - 1, "w");

	(void)state;
	/* a word no line can hold stays whole after the text before it; a
	 * control character from outside does not reach the output */
	ui_print_wrapped(f, "Saved to /a/very/long/path/that/cannot/break.json now\x1b[2J", 20);
	fclose(f);
	assert_non_null(strstr(buf, "/a/very/long/path/that/cannot/break.json"));
	assert_null(strchr(buf, '\x1b'));
	assert_int_equal(buf[strlen(buf) - 1], '\n');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_printable),
	    cmocka_unit_test(test_wrap_next),
	    cmocka_unit_test(test_wrap_lines),
	    cmocka_unit_test(test_print_wrapped),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return test_run_group(tests);
}
