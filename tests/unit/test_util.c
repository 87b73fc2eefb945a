/* Unit tests of util.c: UTF-8 counting, atomic writes, capped reads, quoting. */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

static void test_utf8_length(void **state)
{
	(void)state;
	assert_int_equal(utf8_length("abc", 3), 3);
	assert_int_equal(utf8_length("h\xc3\xa9llo", 6), 5); /* é is 2 bytes, 1 char */
	assert_int_equal(utf8_length("\xe6\x97\xa5\xe6\x9c\xac", 6), 2); /* 日本 */
	assert_int_equal(utf8_length("\xf0\x9f\x98\x80", 4), 1);         /* emoji, 4 bytes */
	assert_true(utf8_length("\xc3", 1) == (size_t)-1);               /* truncated */
	assert_true(utf8_length("\xc0\xaf", 2) == (size_t)-1);           /* overlong */
	assert_true(utf8_length("\xed\xa0\x80", 3) == (size_t)-1);       /* surrogate */
	assert_true(utf8_length("\xff", 1) == (size_t)-1);
	assert_int_equal(utf8_offset("h\xc3\xa9llo", 6, 2), 3);
}

static void test_utf8_scrub(void **state)
{
	char *s;

	(void)state;
	s = utf8_scrub("h\xc3\xa9 \xf0\x9f\x98\x80 ok");
	assert_string_equal(s, "h\xc3\xa9 \xf0\x9f\x98\x80 ok"); /* valid: unchanged */
	free(s);
	/* each stray byte is one U+FFFD: a bad lead, a cut sequence, a surrogate */
	s = utf8_scrub("a\xff"
		       "b\xc3"
		       "c\xed\xa0\x80");
	assert_string_equal(s, "a\xef\xbf\xbd"
			       "b\xef\xbf\xbd"
			       "c\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	free(s);
}

static void test_atomic_write(void **state)
{
	char dir[] = "/tmp/acw-test-XXXXXX", *path, *cause = NULL, *back = NULL;
	struct stat st;
	size_t len;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/form.json", dir);
	assert_int_equal(util_write_atomic(path, "one\n", 4, 0600, &cause), 0);
	assert_int_equal(util_write_atomic(path, "two\n", 4, 0600, &cause), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(util_read_file(path, 1024, &back, &len, &cause), 0);
	assert_string_equal(back, "two\n");
	free(back);
	/* a folder that does not exist: refused with a reason, nothing written */
	free(path);
	path = xasprintf("%s/missing/form.json", dir);
	assert_int_equal(util_write_atomic(path, "x", 1, 0600, &cause), -1);
	assert_non_null(strstr(cause, "cannot create"));
	free(cause);
	free(path);
	path = xasprintf("rm -rf %s", dir);
	assert_int_equal(system(path), 0);
	free(path);
}

static void test_read_cap(void **state)
{
	char path[] = "/tmp/acw-big-XXXXXX", *cause = NULL, *out = NULL;
	int fd = mkstemp(path);
	char block[4096];

	(void)state;
	memset(block, 'x', sizeof block);
	for (int i = 0; i < 300; i++)
		assert_int_equal(write(fd, block, sizeof block), (ssize_t)sizeof block);
	close(fd);
	assert_int_equal(util_read_file(path, 1024 * 1024, &out, NULL, &cause), -1);
	assert_null(out);
	assert_non_null(strstr(cause, "larger than 1024 KiB"));
	free(cause);
	assert_int_equal(util_read_file("/tmp", 1024, &out, NULL, &cause), -1);
	assert_non_null(strstr(cause, "directory"));
	free(cause);
	unlink(path);
}

/* A named pipe with no writer is refused at once, not waited on for ever;
 * so are devices, but the null device reads as an empty file. */
static void test_read_not_regular(void **state)
{
	char dir[] = "/tmp/acw-fifo-XXXXXX", *fifo, *cause = NULL, *out = NULL;
	size_t len = 1;
	double t0;

	(void)state;
	assert_non_null(mkdtemp(dir));
	fifo = xasprintf("%s/f", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	t0 = util_monotonic();
	alarm(10); /* before the fix, open() waited here for ever */
	assert_int_equal(util_read_file(fifo, 1024, &out, NULL, &cause), -1);
	alarm(0);
	assert_true(util_monotonic() - t0 < 5);
	assert_null(out);
	assert_non_null(strstr(cause, "is not a regular file"));
	free(cause);
	assert_int_equal(util_read_file("/dev/zero", 1024, &out, NULL, &cause), -1);
	assert_non_null(strstr(cause, "/dev/zero is not a regular file"));
	free(cause);
	assert_int_equal(util_read_file("/dev/null", 1024, &out, &len, &cause), 0);
	assert_int_equal(len, 0);
	assert_string_equal(out, "");
	free(out);
	unlink(fifo);
	rmdir(dir);
	free(fifo);
}

/* Standard input, or any descriptor: read whole, with the same cap. */
static void test_read_fd(void **state)
{
	int fds[2];
	char *out = NULL, *cause = NULL, block[4096];
	size_t len = 0;
	int i;

	(void)state;
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(write(fds[1], "{}\n", 3), 3);
	close(fds[1]);
	assert_int_equal(util_read_fd(fds[0], "standard input", 1024, &out, &len, &cause), 0);
	assert_int_equal(len, 3);
	assert_string_equal(out, "{}\n");
	free(out);
	close(fds[0]);
	assert_int_equal(pipe(fds), 0);
	memset(block, ' ', sizeof block);
	for (i = 0; i < 8; i++)
		assert_int_equal(write(fds[1], block, sizeof block), (ssize_t)sizeof block);
	close(fds[1]);
	assert_int_equal(util_read_fd(fds[0], "standard input", 16 * 1024, &out, &len, &cause),
			 -1);
	assert_null(out);
	assert_string_equal(cause, "standard input is larger than 16 KiB: refusing to read it");
	free(cause);
	close(fds[0]);
}

static void test_shell_quote(void **state)
{
	char *q;

	(void)state;
	q = util_shell_quote("it's");
	assert_string_equal(q, "'it'\\''s'");
	free(q);
}

static void test_pathcmp(void **state)
{
	(void)state;
	assert_true(util_pathcmp("subnets[2]", "subnets[10]") < 0);
	assert_true(util_pathcmp("subnets[10]", "subnets[2]") > 0);
	assert_true(util_pathcmp("a[1].b", "a[1].c") < 0);
	assert_int_equal(util_pathcmp("a[07]", "a[7]"), 0);
	assert_true(util_pathcmp("a", "a[0]") < 0);
	assert_true(util_pathcmp("roleArn", "agentRuntimeName") > 0);
	assert_int_equal(util_pathcmp("", ""), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_utf8_length),      cmocka_unit_test(test_utf8_scrub),
	    cmocka_unit_test(test_atomic_write),     cmocka_unit_test(test_read_cap),
	    cmocka_unit_test(test_read_not_regular), cmocka_unit_test(test_read_fd),
	    cmocka_unit_test(test_shell_quote),      cmocka_unit_test(test_pathcmp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
