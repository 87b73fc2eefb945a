/* Unit tests of form files: strict and skeleton loading, errors with positions, saving. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

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
	/* cJSON cannot hold a NUL: refused where it stands, in values and names */
	{
		const char *nul = "{\"agentRuntimeName\":\"ab\\u0000-x\"}";
		const char *name = "{\n \"tags\": {\"k\\u0000\": \"v\"}}";
		const char *quoted = "{\"description\":\"a \\\\u0000 b\"}";

		assert_int_equal(
		    formfile_parse(nul, strlen(nul), def, FF_SKELETON, &doc, &p, &cause), -1);
		assert_null(doc);
		assert_non_null(strstr(cause, "line 1, column 24: \\u0000 (a NUL character)"));
		free(cause);
		assert_int_equal(
		    formfile_parse(name, strlen(name), def, FF_STRICT, &doc, &p, &cause), -1);
		assert_non_null(strstr(cause, "line 2, column 13"));
		free(cause);
		/* an escaped backslash before u0000 is plain text */
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
static void test_valid_unchanged_in_skeleton_mode(void **state)
{
	char *dir = data("valid"), *path, *text = NULL, *cause = NULL;
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t len, n = 0;

	(void)state;
	assert_non_null(d);
	while ((e = readdir(d))) {
		len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 5, ".json"))
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (util_read_file(path, UTIL_FORM_FILE_MAX, &text, &len, &cause) != 0)
			fail_msg("%s", cause);
		same_in_both_modes(path, text);
		free(text);
		free(path);
		n++;
	}
	closedir(d);
	free(dir);
	assert_true(n >= 6);
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
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
