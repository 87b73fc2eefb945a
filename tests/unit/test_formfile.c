/* Unit tests of form files: strict and skeleton loading, errors with positions, saving. */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "form/template.h"
#include "testutil.h"

static struct formdef *def;

static int setup(void **state)
{
	(void)state;
	def = test_forms();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	formdef_free(def);
	return 0;
}

static char *data(const char *name)
{
	const char *top = getenv("top_srcdir");

	return xasprintf("%s/tests/data/%s", top ? top : ".", name);
}

static void test_syntax_errors(void **state)
{
	struct document *doc = NULL;
	struct problems p = {0};
	char *cause = NULL;
	const char *bad = "{\n  \"agentRuntimeName\": \"a\",\n  \"roleArn\": ,\n}";

	(void)state;
	assert_int_equal(formfile_parse(bad, strlen(bad), def, FF_STRICT, &doc, &p, &cause), -1);
	assert_null(doc);
	assert_non_null(strstr(cause, "line 3, column 14"));
	free(cause);
	assert_int_equal(formfile_parse("{\"a\":", 5, def, FF_STRICT, &doc, &p, &cause), -1);
	assert_non_null(strstr(cause, "ends too early"));
	free(cause);
	assert_int_equal(formfile_parse("[1,2]", 5, def, FF_STRICT, &doc, &p, &cause), -1);
	assert_non_null(strstr(cause, "expected a JSON object"));
	free(cause);
	assert_int_equal(formfile_parse("{} x", 4, def, FF_STRICT, &doc, &p, &cause), -1);
	assert_non_null(strstr(cause, "after the JSON"));
	free(cause);
	/* not NUL-terminated input is fine (the fuzzer relies on it) */
	assert_int_equal(formfile_parse("{}garbage", 2, def, FF_STRICT, &doc, &p, &cause), 0);
	document_free(doc);
	/* a byte order mark: the wizard's mode reads past it; the strict mode
	 * reads the form too but reports it, as the AWS CLI refuses it */
	assert_int_equal(formfile_parse("\xef\xbb\xbf{}", 5, def, FF_SKELETON, &doc, &p, &cause),
			 0);
	assert_int_equal(p.n, 0);
	document_free(doc);
	assert_int_equal(formfile_parse("\xef\xbb\xbf{}", 5, def, FF_STRICT, &doc, &p, &cause), 0);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.v[0].path, "");
	assert_non_null(strstr(p.v[0].message, "byte order mark"));
	problems_clear(&p);
	document_free(doc);
	/* a NUL character is valid JSON and valid text: kept, never cut there
	 * (test_nul_kept); an escaped backslash before u0000 is plain text */
	{
		const char *quoted = "{\"description\":\"a \\\\u0000 b\"}";

		assert_int_equal(
		    formfile_parse(quoted, strlen(quoted), def, FF_STRICT, &doc, &p, &cause), 0);
		assert_string_equal(document_text(doc, "description"), "a \\u0000 b");
		document_free(doc);
	}
	/* deeper than cJSON goes: said so, at the first bracket too many */
	{
		struct strbuf b = {0};
		int i;

		strbuf_adds(&b, "{\"tags\":");
		for (i = 0; i < 1000; i++)
			strbuf_addc(&b, '[');
		assert_int_equal(formfile_parse(b.s, b.len, def, FF_STRICT, &doc, &p, &cause), -1);
		assert_non_null(
		    strstr(cause, "line 1, column 1008: the JSON is nested too deeply"));
		free(cause);
		strbuf_release(&b);
	}
	assert_int_equal(formfile_load("/nonexistent/form.json", def, FF_STRICT, &doc, &p, &cause),
			 -1);
	assert_non_null(strstr(cause, "No such file"));
	free(cause);
	problems_clear(&p);
}

/* The message for text that must not load. */
static char *refused(const char *text)
{
	struct document *doc = NULL;
	struct problems p = {0};
	char *cause = NULL;

	if (formfile_parse(text, strlen(text), def, FF_STRICT, &doc, &p, &cause) != -1)
		fail_msg("loaded: %s", text);
	assert_null(doc);
	assert_int_equal(p.n, 0);
	return cause;
}

#define assert_refused(text, want)                                                     \
	do {                                                                           \
		char *cause_ = refused(text);                                          \
		if (strcmp(cause_, want))                                              \
			fail_msg("%s\n  gives: %s\n  wanted: %s", text, cause_, want); \
		free(cause_);                                                          \
	} while (0)

/* JSON as RFC 8259 has it, as the AWS CLI reads it: what cJSON alone let
 * through is refused, with where and what was expected there. */
static void test_strict_json(void **state)
{
	(void)state;
	assert_refused("{\"lifecycleConfiguration\":{\"maxLifetime\":0600}}",
		       "line 1, column 42: the number 0600 has a leading zero: expected none "
		       "before its digits (600)");
	assert_refused("{\"lifecycleConfiguration\":{\"maxLifetime\":-01}}",
		       "line 1, column 43: the number -01 has a leading zero: expected none "
		       "before its digits (-1)");
	assert_refused("{\"lifecycleConfiguration\":{\"maxLifetime\":1.}}",
		       "line 1, column 43: the number 1. ends in a decimal point: expected a "
		       "digit after it");
	assert_refused("{\"maxLifetime\":1e+}",
		       "line 1, column 17: the number 1e+ has no digits in its exponent: "
		       "expected digits after e");
	assert_refused("{\"description\":\"a\tb\"}",
		       "line 1, column 18: a control character (U+0009) inside a string: "
		       "expected it escaped as \\t");
	assert_refused("{\"description\":\"a\x1f\"}",
		       "line 1, column 18: a control character (U+001F) inside a string: "
		       "expected it escaped as \\u001f");
	assert_refused("{\"description\":\"abc\n}",
		       "line 1, column 20: a line break inside a string: expected a closing "
		       "quote (\") before it, or it escaped as \\n");
	/* cJSON took any byte below 0x21 for a blank */
	assert_refused("{\f}", "line 1, column 2: found a control character (U+000C): expected "
			       "a member name in double quotes, or }");
	assert_refused("{\"tags\":{}} \x01",
		       "line 1, column 13: found a control character (U+0001) after the JSON "
		       "text: expected nothing more");
	/* numbers cJSON would cut at 63 characters */
	assert_refused("{\"maxLifetime\":"
		       "1000000000000000000000000000000000000000000000000000000000000000}",
		       "line 1, column 16: the number 10000000000000000000... has 64 characters: "
		       "expected at most 63");
	/* what a leading zero looked like to cJSON is fine as JSON */
	{
		struct document *doc = NULL;
		struct problems p = {0};
		char *cause = NULL;
		const char *ok =
		    "{\"description\":\"\\u00e9 \\ud83d\\ude00 \\/\\b\",\"x\":[0,-0,0.5,"
		    "-1.5e-3,1E+2]}";

		assert_int_equal(formfile_parse(ok, strlen(ok), def, FF_STRICT, &doc, &p, &cause),
				 0);
		assert_string_equal(document_text(doc, "description"),
				    "\xc3\xa9 \xf0\x9f\x98\x80 /\b");
		assert_problem(p, "x", "unknown member");
		document_free(doc);
		problems_clear(&p);
	}
}

/* A malformed file: the column of the offending character (in characters,
 * from 1) and what was expected there. */
static void test_malformed_messages(void **state)
{
	(void)state;
	assert_refused("{'a': 1}", "line 1, column 2: found \"'\": expected a member name in "
				   "double quotes, or }");
	assert_refused("1,,", "line 1, column 2: found \",\" after the JSON text: expected "
			      "nothing more");
	assert_refused("{\"tags\":{\"a\":\"b\",,}}",
		       "line 1, column 18: found \",\": expected a member name in double "
		       "quotes");
	assert_refused("{\"tags\":{\"a\":\"b\",}}",
		       "line 1, column 18: found \"}\": expected a member name in double quotes "
		       "(an object does not end with a comma)");
	assert_refused("{\"subnets\":[\"a\",]}",
		       "line 1, column 17: found \"]\": expected a value (a list does not end "
		       "with a comma)");
	assert_refused("{\"a\":1 \"b\":2}",
		       "line 1, column 8: found a double quote (\"): expected a comma (,) or }");
	assert_refused(
	    "{\"a\" 1}",
	    "line 1, column 6: found \"1\": expected a colon (:) after the member name");
	assert_refused("{\"a\":True}", "line 1, column 6: found \"True\": expected a value: "
				       "an object, a list, text in double quotes, a number, "
				       "true, false or null");
	assert_refused("{\"a\":tru}", "line 1, column 6: found \"tru\": expected true");
	/* columns count characters, not bytes: "é" is two bytes */
	assert_refused("{\"description\":\"caf\xc3\xa9\" x}",
		       "line 1, column 23: found \"x\": expected a comma (,) or }");
	assert_refused("{\"a\":\xc3\xa9}", "line 1, column 6: found \"\xc3\xa9\" (U+00E9): "
					   "expected a value: an object, a list, text in double "
					   "quotes, a number, true, false or null");
	assert_refused("{\"a\":\xff}", "line 1, column 6: found the byte 0xFF, which is not "
				       "UTF-8: expected a value: an object, a list, text in "
				       "double quotes, a number, true, false or null");
	/* escapes */
	assert_refused("{\"description\":\"\\ud800\"}",
		       "line 1, column 17: \\ud800 is a lone surrogate: expected a valid \\u "
		       "escape, a high surrogate (\\ud800 to \\udbff) followed by a low one "
		       "(\\udc00 to \\udfff), as in \\ud83d\\ude00");
	assert_refused("{\"description\":\"\\ud800\\u0041\"}",
		       "line 1, column 17: \\ud800 is a lone surrogate: expected a valid \\u "
		       "escape, a high surrogate (\\ud800 to \\udbff) followed by a low one "
		       "(\\udc00 to \\udfff), as in \\ud83d\\ude00");
	assert_refused("{\"description\":\"x\\uDC00\"}",
		       "line 1, column 18: \\uDC00 is a lone surrogate: expected a valid \\u "
		       "escape, a low surrogate (\\udc00 to \\udfff) only right after a high "
		       "one (\\ud800 to \\udbff), as in \\ud83d\\ude00");
	assert_refused("{\"description\":\"\\u12\"}",
		       "line 1, column 17: \\u12 is not a complete \\u escape: expected \\u "
		       "and four hex digits, as in \\u00e9");
	assert_refused("{\"description\":\"C:\\Users\"}",
		       "line 1, column 19: \\U is not a JSON escape: expected \\\\ for a "
		       "backslash, or one of \\\" \\/ \\b \\f \\n \\r \\t \\uXXXX");
	/* where the text ends early: what was expected, and what is still open */
	assert_refused("", "line 1, column 1: the text is empty or only blanks: expected a "
			   "JSON object ({)");
	assert_refused("{\"tags\":{\"a\":\"b\"",
		       "line 1, column 17: the JSON ends too early: expected a comma (,) or } "
		       "(the object that opens at line 1, column 9 is not closed)");
	assert_refused("{\n \"description\": \"abc",
		       "line 2, column 21: the JSON ends inside the text that starts at line 2, "
		       "column 17: expected a closing quote (\")");
}

static void test_too_large(void **state)
{
	char path[] = "/tmp/acw-large-XXXXXX", *cause = NULL;
	int fd = mkstemp(path);
	struct document *doc = NULL;
	struct problems p = {0};
	char buf[1024];

	(void)state;
	memset(buf, ' ', sizeof buf);
	for (int i = 0; i < 1025; i++)
		assert_int_equal(write(fd, buf, sizeof buf), (ssize_t)sizeof buf);
	close(fd);
	assert_int_equal(formfile_load(path, def, FF_STRICT, &doc, &p, &cause), -1);
	assert_non_null(strstr(cause, "larger than"));
	free(cause);
	unlink(path);
}

static void test_types_and_unknown(void **state)
{
	const char *j = "{\"agentRuntimeName\":[\"x\"],\"networkConfiguration\":{\"networkMode\":"
			"\"PUBLIC\",\"extra\":1},\"tags\":{\"a\":1}}";
	struct document *doc = NULL;
	struct problems p = {0};
	char *cause = NULL;

	(void)state;
	assert_int_equal(formfile_parse(j, strlen(j), def, FF_STRICT, &doc, &p, &cause), 0);
	assert_problem(p, "agentRuntimeName", "a list: expected text");
	assert_problem(p, "networkConfiguration.extra", "unknown member");
	assert_problem(p, "tags.a", "a number: expected text");
	/* the bad members are left out, the good ones kept */
	assert_false(document_is_set(doc, "agentRuntimeName"));
	assert_string_equal(document_text(doc, "networkConfiguration.networkMode"), "PUBLIC");
	document_free(doc);
	problems_clear(&p);
}

static void test_skeleton(void **state)
{
	char *f = data("skeleton.json"), *cause = NULL, *json;
	struct document *doc = NULL;
	struct problems p = {0};

	(void)state;
	/* as the service would judge it, an unfilled skeleton is full of errors */
	assert_int_equal(formfile_load(f, def, FF_STRICT, &doc, &p, &cause), 0);
	validate_document(def, doc, &p);
	assert_problem(p, "agentRuntimeName", NULL);
	assert_problem(p, "agentRuntimeArtifact", "exactly one");
	assert_problem(p, "lifecycleConfiguration.maxLifetime", "too small");
	document_free(doc);
	problems_clear(&p);
	/* opened in the wizard, placeholders mean unset, and so do the choices
	 * and booleans the skeleton filled with a value of its own choosing */
	assert_int_equal(formfile_load(f, def, FF_SKELETON, &doc, &p, &cause), 0);
	assert_no_problems(p);
	json = document_to_json(doc, def, 0);
	assert_string_equal(json, "{}");
	free(json);
	free(f);
	document_free(doc);
	/* a filled-in skeleton keeps what the person typed and the choices of
	 * the groups they filled (networkMode), not those of untouched groups
	 * (serverProtocol). requireServiceS3Endpoint goes too: the skeleton
	 * prints every boolean as true, so beside its placeholders true is its
	 * pick, not the person's, and kept it was always refused by validation */
	f = data("skeleton-filled.json");
	assert_int_equal(formfile_load(f, def, FF_SKELETON, &doc, &p, &cause), 0);
	assert_no_problems(p);
	json = document_to_json(doc, def, 0);
	assert_string_equal(json,
			    "{\"agentRuntimeName\":\"filled_agent\",\"agentRuntimeArtifact\":"
			    "{\"containerConfiguration\":{\"containerUri\":"
			    "\"public.ecr.aws/acme/agent:1\"}},\"roleArn\":"
			    "\"arn:aws:iam::123456789012:role/AgentRole\","
			    "\"networkConfiguration\":{\"networkMode\":\"VPC\","
			    "\"networkModeConfig\":{\"securityGroups\":[\"sg-0123456789abcdef0\"],"
			    "\"subnets\":[\"subnet-0123456789abcdef0\"]}}}");
	free(json);
	free(f);
	document_free(doc);
	/* a form the wizard saved has no placeholders: its choices were chosen */
	{
		const char *j =
		    "{" MINIMAL ",\"networkConfiguration\":{\"networkMode\":\"PUBLIC\"},"
		    "\"protocolConfiguration\":{\"serverProtocol\":\"HTTP\"}}";

		assert_int_equal(formfile_parse(j, strlen(j), def, FF_SKELETON, &doc, &p, &cause),
				 0);
		assert_no_problems(p);
		assert_string_equal(document_text(doc, "networkConfiguration.networkMode"),
				    "PUBLIC");
		assert_string_equal(document_text(doc, "protocolConfiguration.serverProtocol"),
				    "HTTP");
		document_free(doc);
	}
	/* false is never the skeleton's: it was typed, and stays */
	{
		const char *j =
		    "{\"agentRuntimeName\":\"\",\"networkConfiguration\":{"
		    "\"networkMode\":\"VPC\",\"networkModeConfig\":{\"subnets\":"
		    "[\"subnet-0123456789abcdef0\"],\"requireServiceS3Endpoint\":false}}}";

		assert_int_equal(formfile_parse(j, strlen(j), def, FF_SKELETON, &doc, &p, &cause),
				 0);
		assert_no_problems(p);
		json = document_to_json(doc, def, 0);
		assert_string_equal(json, "{\"networkConfiguration\":{\"networkMode\":\"VPC\","
					  "\"networkModeConfig\":{\"subnets\":"
					  "[\"subnet-0123456789abcdef0\"],"
					  "\"requireServiceS3Endpoint\":false}}}");
		free(json);
		document_free(doc);
	}
	/* two filled branches: the conflict is reported, not guessed */
	f = data("skeleton-conflict.json");
	assert_int_equal(formfile_load(f, def, FF_SKELETON, &doc, &p, &cause), 0);
	assert_problem(p, "agentRuntimeArtifact",
		       "has both Container image (containerConfiguration) and Code from S3 "
		       "(codeConfiguration) filled in: keep exactly one");
	free(f);
	document_free(doc);
	problems_clear(&p);
}

/* Load text in both modes: the same document, or fail naming the file. */
static void same_in_both_modes(const char *name, const char *text)
{
	struct document *strict = NULL, *skel = NULL;
	struct problems p = {0};
	char *cause = NULL, *a, *b;

	if (formfile_parse(text, strlen(text), def, FF_STRICT, &strict, &p, &cause) != 0)
		fail_msg("%s: %s", name, cause);
	validate_document(def, strict, &p);
	assert_no_problems(p);
	if (formfile_parse(text, strlen(text), def, FF_SKELETON, &skel, &p, &cause) != 0)
		fail_msg("%s: %s", name, cause);
	assert_no_problems(p);
	a = document_to_json(strict, def, 1);
	b = document_to_json(skel, def, 1);
	if (strcmp(a, b))
		fail_msg("%s changed in skeleton mode:\n%s\nbecame\n%s", name, a, b);
	free(a);
	free(b);
	document_free(strict);
	document_free(skel);
}

/* A valid form opened in the wizard (skeleton mode) loses nothing: an empty
 * map value is legal, not a placeholder, and must not make the file look
 * like a skeleton (its groups of choices alone were dropped as the
 * skeleton's picks: the network mode and the protocol). */
/* Call fn on every form of tests/data/valid, with its text; how many. */
static size_t each_valid(void (*fn)(const char *path, const char *text, size_t len))
{
	char *dir = data("valid"), *path, *text = NULL, *cause = NULL;
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t len, n = 0;

	assert_non_null(d);
	while ((e = readdir(d))) {
		len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 5, ".json"))
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (util_read_file(path, UTIL_FORM_FILE_MAX, &text, &len, &cause) != 0)
			fail_msg("%s", cause);
		fn(path, text, len);
		free(text);
		free(path);
		n++;
	}
	closedir(d);
	free(dir);
	return n;
}

static void same_in_both_modes_file(const char *path, const char *text, size_t len)
{
	(void)len;
	same_in_both_modes(path, text);
}

static void test_valid_unchanged_in_skeleton_mode(void **state)
{
	(void)state;
	assert_true(each_valid(same_in_both_modes_file) >= 6);
	same_in_both_modes("the audit's case",
			   "{" MINIMAL ",\"networkConfiguration\":{\"networkMode\":\"PUBLIC\"},"
			   "\"protocolConfiguration\":{\"serverProtocol\":\"MCP\"},"
			   "\"environmentVariables\":{\"EMPTY\":\"\"}}");
	same_in_both_modes("an empty tag value",
			   "{" MINIMAL ",\"networkConfiguration\":{\"networkMode\":\"VPC\","
			   "\"networkModeConfig\":{\"subnets\":[\"subnet-0123456789abcdef0\"],"
			   "\"securityGroups\":[\"sg-0123456789abcdef0\"]}},"
			   "\"tags\":{\"team\":\"\",\"KeyName\":\"x\"}}");
}

static void test_save_roundtrip(void **state)
{
	char dir[] = "/tmp/acw-save-XXXXXX", *path, *cause = NULL, *a, *b;
	const char *j = "{" MINIMAL ",\"environmentVariables\":{\"SECRET\":\"s3cr3t\"},"
			"\"description\":\"Caf\xc3\xa9 agent\"}";
	struct document *doc = NULL, *back = NULL;
	struct problems p = {0};
	struct stat st;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/form.json", dir);
	assert_int_equal(formfile_parse(j, strlen(j), def, FF_STRICT, &doc, &p, &cause), 0);
	assert_int_equal(formfile_save(path, doc, def, &cause), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(formfile_load(path, def, FF_STRICT, &back, &p, &cause), 0);
	assert_no_problems(p);
	a = document_to_json(doc, def, 1);
	b = document_to_json(back, def, 1);
	assert_string_equal(a, b);
	/* saving never refuses an incomplete draft */
	document_remove(back, "roleArn");
	assert_int_equal(formfile_save(path, back, def, &cause), 0);
	free(a);
	free(b);
	document_free(doc);
	document_free(back);
	unlink(path);
	free(path);
	rmdir(dir);
}

/* ---- saving: atomic, through links, leftovers, failures ---- */

/* A form of about 200 KB (many environment variables), so that writing it
 * takes many steps; variant tells two apart. */
static struct document *big_doc(int variant)
{
	struct document *doc = document_new();
	char key[32], value[80];
	int i;

	document_set_text(doc, "description", variant ? "variant B" : "variant A");
	for (i = 0; i < 3000; i++) {
		snprintf(key, sizeof key, "VAR_%d", i);
		snprintf(value, sizeof value, "%c-value-of-variable-%d-padding-padding-padding",
			 variant ? 'b' : 'a', i);
		document_map_add(doc, "environmentVariables", key, value);
	}
	return doc;
}

static char *slurp(const char *path)
{
	char *text = NULL, *cause = NULL;
	size_t len = 0;

	if (util_read_file(path, UTIL_FORM_FILE_MAX, &text, &len, &cause) != 0) {
		free(cause);
		return NULL;
	}
	return text;
}

/* The names in folder dir other than . and .., joined by spaces, sorted. */
static char *listing(const char *dir)
{
	struct dirent **v;
	struct strbuf b = {0};
	int n = scandir(dir, &v, NULL, alphasort), i;

	assert_true(n >= 0);
	strbuf_add(&b, "", 0);
	for (i = 0; i < n; i++) {
		if (strcmp(v[i]->d_name, ".") && strcmp(v[i]->d_name, ".."))
			strbuf_addf(&b, "%s%s", b.len ? " " : "", v[i]->d_name);
		free(v[i]);
	}
	free(v);
	return strbuf_finish(&b);
}

static void rm_tree(const char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	assert_int_equal(system(cmd), 0);
	free(cmd);
}

/* Save a and b by turns, n times, in a child; its exit status is 0 when
 * every save succeeded. */
static pid_t saver(const char *path, struct document *a, struct document *b, int n)
{
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		int i, bad = 0;

		for (i = 0; i < n; i++) {
			char *cause = NULL;

			if (formfile_save(path, i % 2 ? b : a, def, &cause) != 0) {
				fprintf(stderr, "save %d failed: %s\n", i, cause);
				bad = 1;
			}
			free(cause);
		}
		_exit(bad);
	}
	return pid;
}

static int exit_code(pid_t pid)
{
	int st = 0;

	assert_int_equal(waitpid(pid, &st, 0), pid);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* A reader polling the file while it is saved again and again never sees a
 * partial or empty document; two saves at once both succeed (neither takes
 * the other's temporary file for a leftover); nothing is left beside it. */
static void test_save_never_partial(void **state)
{
	char dir[] = "/tmp/acw-poll-XXXXXX", *path, *cause = NULL, *ta, *tb, *lst;
	struct document *a = big_doc(0), *b = big_doc(1);
	pid_t one, two;
	int reads = 0, done = 0, st;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/form.json", dir);
	ta = document_to_json(a, def, 1);
	tb = document_to_json(b, def, 1);
	assert_int_equal(formfile_save(path, a, def, &cause), 0);
	one = saver(path, a, b, 150);
	two = saver(path, b, a, 150);
	while (done < 2) {
		char *t = slurp(path);

		if (!t || (strcmp(t, ta) && strcmp(t, tb)))
			fail_msg("read %d: %s", reads,
				 !t    ? "no file"
				 : !*t ? "an empty file"
				       : "a partial document");
		free(t);
		reads++;
		done = 0;
		/* waitpid(-1) would reap the other saver, and then wait for it
		 * for ever: only a saver still running is asked about */
		if (one > 0 && waitpid(one, &st, WNOHANG) == one) {
			assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
			one = -1;
		}
		if (two > 0 && waitpid(two, &st, WNOHANG) == two) {
			assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
			two = -1;
		}
		done = (one < 0) + (two < 0);
	}
	assert_true(reads > 10);
	lst = listing(dir);
	assert_string_equal(lst, "form.json");
	free(lst);
	free(ta);
	free(tb);
	document_free(a);
	document_free(b);
	free(path);
	rm_tree(dir);
}

/* A save that fails midway (the file size limit, as a full disk would)
 * leaves the old file whole, and no temporary file. */
static void test_save_failure_keeps_old(void **state)
{
	char dir[] = "/tmp/acw-full-XXXXXX", *path, *cause = NULL, *ta, *t, *lst;
	struct document *a = big_doc(0), *b = big_doc(1);
	pid_t pid;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/form.json", dir);
	ta = document_to_json(a, def, 1);
	assert_int_equal(formfile_save(path, a, def, &cause), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit r = {16384, 16384};
		int rc;

		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &r) != 0)
			rc = 3;
		else if (formfile_save(path, b, def, &cause) == 0)
			rc = 1;
		else
			rc = strstr(cause, "cannot write") ? 0 : 2;
		/* the child frees what it holds, so that valgrind (which runs
		 * the unit tests in CI) finds no leak in it and exits 0 */
		free(cause);
		free(ta);
		free(path);
		document_free(a);
		document_free(b);
		_exit(rc);
	}
	assert_int_equal(exit_code(pid), 0);
	t = slurp(path);
	assert_non_null(t);
	assert_true(!strcmp(t, ta));
	lst = listing(dir);
	assert_string_equal(lst, "form.json");
	free(lst);
	free(t);
	free(ta);
	document_free(a);
	document_free(b);
	free(path);
	rm_tree(dir);
}

/* Saving through a symbolic link (or a chain of them, or one whose target
 * does not exist yet) writes the file it leads to, with the temporary file
 * beside that file; the links stay links. */
static void test_save_through_symlink(void **state)
{
	char dir[] = "/tmp/acw-link-XXXXXX", *sub, *real, *link, *link2, *dangling, *cause = NULL;
	char *text, *t, *lst;
	struct document *a = big_doc(0), *b;
	struct stat st;

	(void)state;
	assert_non_null(mkdtemp(dir));
	sub = xasprintf("%s/sub", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	real = xasprintf("%s/real.json", sub);
	link = xasprintf("%s/link.json", dir);
	link2 = xasprintf("%s/link2.json", dir);
	dangling = xasprintf("%s/new.json", dir);
	t = xstrdup("{}\n");
	assert_int_equal(util_write_atomic(real, t, strlen(t), 0600, &cause), 0);
	free(t);
	assert_int_equal(symlink("sub/real.json", link), 0);
	assert_int_equal(symlink("link.json", link2), 0);
	assert_int_equal(symlink("sub/made.json", dangling), 0);
	text = document_to_json(a, def, 1);
	assert_int_equal(formfile_save(link2, a, def, &cause), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(lstat(link2, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	t = slurp(real);
	assert_non_null(t);
	assert_true(!strcmp(t, text));
	free(t);
	assert_int_equal(formfile_save(dangling, a, def, &cause), 0);
	assert_int_equal(lstat(dangling, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	lst = listing(sub);
	assert_string_equal(lst, "made.json real.json");
	free(lst);
	lst = listing(dir);
	assert_string_equal(lst, "link.json link2.json new.json sub");
	free(lst);
	/* a draft's save replaces a link instead: its target is untouched */
	b = big_doc(1);
	assert_int_equal(formfile_save_nofollow(link, b, def, &cause), 0);
	document_free(b);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	t = slurp(link);
	assert_true(t && strcmp(t, text) && strstr(t, "variant B"));
	free(t);
	t = slurp(real);
	assert_true(t && !strcmp(t, text));
	free(t);
	free(text);
	document_free(a);
	free(sub);
	free(real);
	free(link);
	free(link2);
	free(dangling);
	rm_tree(dir);
}

static void touch(const char *dir, const char *name)
{
	char *p = xasprintf("%s/%s", dir, name), *cause = NULL;

	assert_int_equal(util_write_atomic(p, "{\"partial", 9, 0600, &cause), 0);
	free(p);
}

/* Temporary files that a killed save left beside the form (FORM.tmp.XXXXXX
 * exactly) go at its next save; those of a save under way (locked), other
 * files' and other names stay. */
static void test_save_removes_leftovers(void **state)
{
	char dir[] = "/tmp/acw-left-XXXXXX", *path, *held, *cause = NULL, *lst, *target;
	struct document *a = big_doc(0);
	int fd;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/form.json", dir);
	touch(dir, "form.json.tmp.AbC123");
	touch(dir, "form.json.tmp.x9Y8z7");
	touch(dir, "form.json.tmp.Held01");
	touch(dir, "form.json.tmp.AbC12");
	touch(dir, "form.json.tmp.AbC1234");
	touch(dir, "form.json.tmp.AbC-12");
	touch(dir, "other.json.tmp.AbC123");
	touch(dir, "xform.json.tmp.AbC123");
	target = xasprintf("%s/other.json.tmp.AbC123", dir);
	held = xasprintf("%s/form.json.tmp.LnK123", dir);
	assert_int_equal(symlink(target, held), 0);
	free(held);
	free(target);
	/* a save under way holds its temporary file locked */
	held = xasprintf("%s/form.json.tmp.Held01", dir);
	fd = open(held, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(flock(fd, LOCK_EX), 0);
	assert_int_equal(formfile_save(path, a, def, &cause), 0);
	lst = listing(dir);
	assert_string_equal(lst, "form.json form.json.tmp.AbC-12 form.json.tmp.AbC12 "
				 "form.json.tmp.AbC1234 form.json.tmp.Held01 "
				 "form.json.tmp.LnK123 other.json.tmp.AbC123 "
				 "xform.json.tmp.AbC123");
	free(lst);
	close(fd);
	/* once its save is gone (killed), the next save removes it */
	assert_int_equal(formfile_save(path, a, def, &cause), 0);
	lst = listing(dir);
	assert_string_equal(lst, "form.json form.json.tmp.AbC-12 form.json.tmp.AbC12 "
				 "form.json.tmp.AbC1234 form.json.tmp.LnK123 "
				 "other.json.tmp.AbC123 xform.json.tmp.AbC123");
	free(lst);
	free(held);
	document_free(a);
	free(path);
	rm_tree(dir);
}

/* A NUL character (\u0000) in a string is kept with the rest of the value:
 * validated as one character, matched against patterns as a NUL, written
 * back as \u0000 in saved forms and in the request body, never cut. A raw
 * 0xc0 0x80 in a file is still not UTF-8. */
static void test_nul_kept(void **state)
{
	const char *j = "{" MINIMAL ",\"description\":\"a\\u0000b\","
			"\"tags\":{\"k\\u0000\":\"v\\u0000\"}}";
	char dir[] = "/tmp/acw-nul-XXXXXX", *path, *cause = NULL, *s;
	struct document *doc = NULL, *back = NULL;
	struct problems p = {0};
	struct strbuf b = {0};
	int i;

	(void)state;
	assert_int_equal(formfile_parse(j, strlen(j), def, FF_STRICT, &doc, &p, &cause), 0);
	assert_no_problems(p);
	validate_document(def, doc, &p);
	/* the description is valid; a tag key with a NUL is not (its pattern) */
	assert_false(test_has(&p, "description", NULL));
	assert_true(test_has(&p, "tags[\"k\\u0000\"]", "\"k\\u0000\" is not valid"));
	assert_false(test_has(&p, "tags[\"k\\u0000\"]", "UTF-8"));
	problems_clear(&p);
	s = document_request_body(doc, def, "tok");
	assert_non_null(strstr(s, "\"description\":\"a\\u0000b\""));
	assert_non_null(strstr(s, "\"k\\u0000\":\"v\\u0000\""));
	free(s);
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/form.json", dir);
	assert_int_equal(formfile_save(path, doc, def, &cause), 0);
	s = NULL;
	{
		size_t len = 0;

		assert_int_equal(util_read_file(path, UTIL_FORM_FILE_MAX, &s, &len, &cause), 0);
	}
	assert_non_null(strstr(s, "\"description\": \"a\\u0000b\""));
	free(s);
	assert_int_equal(formfile_load(path, def, FF_STRICT, &back, &p, &cause), 0);
	{
		char *x = document_to_json(doc, def, 1), *y = document_to_json(back, def, 1);

		assert_string_equal(x, y);
		free(x);
		free(y);
	}
	document_free(back);
	document_free(doc);
	unlink(path);
	free(path);
	rmdir(dir);
	/* counted as one character: 4095 and a NUL fit 4096, 4096 and one do not */
	for (i = 0; i < 2; i++) {
		size_t k;

		b.len = 0;
		strbuf_adds(&b, "{" MINIMAL ",\"description\":\"");
		for (k = 0; k < (size_t)(4095 + i); k++)
			strbuf_addc(&b, 'x');
		strbuf_adds(&b, "\\u0000\"}");
		p = test_check(def, b.s);
		if (i)
			assert_true(test_has(&p, "description", "4097 characters"));
		else
			assert_no_problems(p);
		problems_clear(&p);
	}
	strbuf_release(&b);
	/* the bytes themselves are not UTF-8, and are not taken for a NUL */
	p = test_check(def, "{" MINIMAL ",\"description\":\"a\xc0\x80"
			    "b\"}");
	assert_true(test_has(&p, "description", "not valid UTF-8"));
	problems_clear(&p);
}

/* A valid fixture, read and written again, is the same text, with no tab. */
static void written_back_as_it_is(const char *path, const char *text, size_t len)
{
	struct document *doc = NULL;
	struct problems p = {0};
	char *cause = NULL, *out;

	assert_int_equal(formfile_parse(text, len, def, FF_STRICT, &doc, &p, &cause), 0);
	out = document_to_json(doc, def, 1);
	if (strcmp(out, text))
		fail_msg("%s is not written back as it is:\n%s", path, out);
	assert_null(strchr(out, '\t'));
	free(out);
	document_free(doc);
	problems_clear(&p);
}

/* Forms are written as the AWS CLI prints a skeleton (Python's json.dumps
 * with indent=4): four spaces a level, "key": value, members in the
 * request's order, {} and [] when empty, a final newline, no tab. The
 * fixtures of tests/data/valid are written so: each saves as it is. */
static void test_written_as_cli_skeleton(void **state)
{
	const char *j = "{\"tags\":{\"b\":\"2\",\"a\":\"1\"}," MINIMAL ","
			"\"description\":\"caf\xc3\xa9 \\\"q\\\" \\t\","
			"\"protocolConfiguration\":{\"serverProtocol\":\"MCP\"},"
			"\"authorizerConfiguration\":{\"customJWTAuthorizer\":{"
			"\"discoveryUrl\":\"https://x/.well-known/openid-configuration\","
			"\"allowedClients\":[\"c1\",\"c2\"]}}}";
	char *cause = NULL, *out;
	struct document *doc = NULL;
	struct problems p = {0};

	(void)state;
	assert_int_equal(formfile_parse(j, strlen(j), def, FF_STRICT, &doc, &p, &cause), 0);
	out = document_to_json(doc, def, 1);
	assert_string_equal(
	    out, "{\n"
		 "    \"agentRuntimeName\": \"my_agent\",\n"
		 "    \"description\": \"caf\xc3\xa9"
		 " \\\"q\\\" \\t\",\n"
		 "    \"agentRuntimeArtifact\": {\n"
		 "        \"containerConfiguration\": {\n"
		 "            \"containerUri\": "
		 "\"123456789012.dkr.ecr.us-east-1.amazonaws.com/my-agent:latest\"\n"
		 "        }\n"
		 "    },\n"
		 "    \"roleArn\": \"arn:aws:iam::123456789012:role/AgentRuntimeRole\",\n"
		 "    \"authorizerConfiguration\": {\n"
		 "        \"customJWTAuthorizer\": {\n"
		 "            \"discoveryUrl\": \"https://x/.well-known/openid-configuration\",\n"
		 "            \"allowedClients\": [\n"
		 "                \"c1\",\n"
		 "                \"c2\"\n"
		 "            ]\n"
		 "        }\n"
		 "    },\n"
		 "    \"protocolConfiguration\": {\n"
		 "        \"serverProtocol\": \"MCP\"\n"
		 "    },\n"
		 "    \"tags\": {\n"
		 "        \"b\": \"2\",\n"
		 "        \"a\": \"1\"\n"
		 "    }\n"
		 "}\n");
	free(out);
	document_free(doc);
	/* an empty one-of branch, and an empty form */
	doc = document_new();
	document_set_group(doc, "agentRuntimeArtifact.containerConfiguration");
	out = document_to_json(doc, def, 1);
	assert_string_equal(out, "{\n    \"agentRuntimeArtifact\": {\n"
				 "        \"containerConfiguration\": {}\n    }\n}\n");
	free(out);
	document_free(doc);
	doc = document_new();
	out = document_to_json(doc, def, 1);
	assert_string_equal(out, "{}\n");
	free(out);
	document_free(doc);
	assert_true(each_valid(written_back_as_it_is) >= 6);
}

/* Written, read back as the wizard reads a file (FF_SKELETON), written
 * again: the same text, and the same problems (a chosen one-of branch or
 * group left empty stays, reported incomplete, never dropped in silence). */
static void reads_back_as_written(const char *name, const struct document *doc)
{
	struct document *back = NULL;
	struct problems p = {0}, before = {0}, after = {0};
	char *cause = NULL, *a = document_to_json(doc, def, 1), *b;

	if (formfile_parse(a, strlen(a), def, FF_SKELETON, &back, &p, &cause) != 0)
		fail_msg("%s: %s", name, cause);
	assert_no_problems(p);
	b = document_to_json(back, def, 1);
	if (strcmp(a, b))
		fail_msg("%s written\n%s\nread back and written\n%s", name, a, b);
	validate_document(def, doc, &before);
	validate_document(def, back, &after);
	if (before.n != after.n)
		fail_msg("%s: %zu problems, %zu once read back", name, before.n, after.n);
	problems_clear(&before);
	problems_clear(&after);
	free(a);
	free(b);
	document_free(back);
}

static void valid_reads_back(const char *path, const char *text, size_t len)
{
	struct document *doc = NULL;
	struct problems p = {0};
	char *cause = NULL;

	if (formfile_parse(text, len, def, FF_STRICT, &doc, &p, &cause) != 0)
		fail_msg("%s: %s", path, cause);
	problems_clear(&p);
	reads_back_as_written(path, doc);
	document_free(doc);
}

/* Every valid form and every bundled template's starting document (with a
 * name typed, as after the audit's F2) reads back as it was written: the
 * wizard's own saves lost the JWT authorizer the template chose. */
static void test_written_reads_back(void **state)
{
	char *dir = NULL, *path, *cause = NULL;
	DIR *d;
	struct dirent *e;
	size_t n = 0, len;
	const char *top = getenv("top_srcdir");

	(void)state;
	assert_true(each_valid(valid_reads_back) >= 6);
	dir = xasprintf("%s/forms/templates", top ? top : ".");
	assert_non_null(d = opendir(dir));
	while ((e = readdir(d))) {
		struct template *t = NULL;
		struct problems p = {0};
		struct document *doc;
		char *json;

		len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 5, ".json"))
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (template_load(path, def, 0, &t, &p, &cause) != 0)
			fail_msg("%s: %s", path, cause);
		problems_clear(&p);
		doc = template_start(t, def);
		reads_back_as_written(path, doc);
		assert_int_equal(document_set_text(doc, "agentRuntimeName", "typed_name"), 0);
		reads_back_as_written(path, doc);
		json = document_to_json(doc, def, 0);
		if (strstr(e->d_name, "cognito"))
			assert_non_null(strstr(json, "\"customJWTAuthorizer\":{}"));
		free(json);
		document_free(doc);
		template_free(t);
		free(path);
		n++;
	}
	closedir(d);
	free(dir);
	assert_true(n >= 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_syntax_errors),
	    cmocka_unit_test(test_strict_json),
	    cmocka_unit_test(test_malformed_messages),
	    cmocka_unit_test(test_too_large),
	    cmocka_unit_test(test_types_and_unknown),
	    cmocka_unit_test(test_skeleton),
	    cmocka_unit_test(test_save_roundtrip),
	    cmocka_unit_test(test_valid_unchanged_in_skeleton_mode),
	    cmocka_unit_test(test_save_never_partial),
	    cmocka_unit_test(test_save_failure_keeps_old),
	    cmocka_unit_test(test_save_through_symlink),
	    cmocka_unit_test(test_save_removes_leftovers),
	    cmocka_unit_test(test_nul_kept),
	    cmocka_unit_test(test_written_as_cli_skeleton),
	    cmocka_unit_test(test_written_reads_back),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
