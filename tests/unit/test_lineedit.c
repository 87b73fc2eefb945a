/* Unit tests of src/ui/lineedit.c: the one-line editor over wide characters
 * (no curses): editing, UTF-8 in and out, sideways scrolling by width. */
#include "config.h"

#include <locale.h>

#include "testutil.h"
#include "ui/lineedit.h"

static void test_edit(void **state)
{
	struct lineedit e = {0};
	char *t;

	(void)state;
	lineedit_load(&e, "h\xc3\xa9llo"); /* héllo */
	assert_int_equal(e.len, 5);
	assert_int_equal(e.cur, 5);
	assert_true(lineedit_backspace(&e));
	lineedit_home(&e);
	lineedit_insert(&e, L'>');
	lineedit_right(&e);
	assert_true(lineedit_delete(&e)); /* the é */
	t = lineedit_text(&e);
	assert_string_equal(t, ">hll");
	free(t);
	lineedit_home(&e);
	assert_false(lineedit_backspace(&e)); /* nothing before the start */
	lineedit_end(&e);
	assert_false(lineedit_delete(&e)); /* nothing after the end */
	lineedit_left(&e);
	assert_int_equal(e.cur, 3);
	lineedit_clear(&e);
	t = lineedit_text(&e);
	assert_string_equal(t, "");
	free(t);
	lineedit_release(&e);
}

static void test_invalid_utf8(void **state)
{
	struct lineedit e = {0};
	char *t;

	(void)state;
	lineedit_load(&e, "a\xff"
			  "b");
	assert_int_equal(e.len, 3);
	t = lineedit_text(&e);
	assert_string_equal(t, "a\xef\xbf\xbd"
			       "b"); /* U+FFFD */
	free(t);
	lineedit_release(&e);
}

static void test_max(void **state)
{
	struct lineedit e = {0};
	size_t i;

	(void)state;
	for (i = 0; i < LINEEDIT_MAX + 10; i++)
		lineedit_insert(&e, L'x');
	assert_int_equal(e.len, LINEEDIT_MAX);
	lineedit_release(&e);
}

static void test_widths(void **state)
{
	(void)state;
	assert_int_equal(lineedit_wcwidth(L'a'), 1);
	assert_int_equal(lineedit_wcwidth(0x65e5), 2);  /* 日 */
	assert_int_equal(lineedit_wcwidth(0x301), 0);   /* combining acute */
	assert_int_equal(lineedit_wcwidth(L'\x1b'), 1); /* drawn as '?' */
	assert_int_equal(lineedit_columns("\xe6\x97\xa5\xe6\x9c\xac", 100), 4); /* 日本 */
	assert_true(lineedit_columns("abcdefgh", 3) > 3); /* stops past the limit */
}

static void test_fit(void **state)
{
	struct lineedit e = {0};
	int col;

	(void)state;
	lineedit_load(&e, "abcdefghij");
	col = lineedit_fit(&e, 4); /* cursor at the end: scrolled so that it shows */
	assert_true(col < 4);
	assert_int_equal(col, lineedit_column(&e));
	assert_int_equal(e.scroll + (size_t)col, e.cur);
	lineedit_home(&e);
	assert_int_equal(lineedit_fit(&e, 4), 0);
	assert_int_equal(e.scroll, 0);
	lineedit_load(&e, "\xe6\x97\xa5\xe6\x9c\xac\xe6\x97\xa5"); /* three double-width */
	col = lineedit_fit(&e, 4);
	assert_true(col <= 3);
	assert_int_equal(col, lineedit_column(&e));
	lineedit_release(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_edit), cmocka_unit_test(test_invalid_utf8),
	    cmocka_unit_test(test_max),  cmocka_unit_test(test_widths),
	    cmocka_unit_test(test_fit),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return test_run_group(tests);
}
