/* Unit tests of the document: paths, setters, lists, maps, one-of branches, JSON order. */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "testutil.h"

static void test_set_get(void **state)
{
	struct document *doc = document_new();
	long long n;
	int b;
	unsigned long g = document_generation(doc);

	(void)state;
	assert_int_equal(document_set_text(doc, "agentRuntimeName", "a1"), 0);
	assert_string_equal(document_text(doc, "agentRuntimeName"), "a1");
	assert_true(document_generation(doc) > g);
	assert_int_equal(document_set_number(doc, "lifecycleConfiguration.maxLifetime", 600), 0);
	assert_int_equal(document_number(doc, "lifecycleConfiguration.maxLifetime", &n), 0);
	assert_int_equal(n, 600);
	assert_int_equal(document_set_bool(doc, "a.b", 1), 0);
	assert_int_equal(document_bool(doc, "a.b", &b), 0);
	assert_true(b);
	assert_int_equal(document_type(doc, "a"), DT_OBJECT);
	/* a scalar in the way, malformed paths */
	assert_int_equal(document_set_text(doc, "agentRuntimeName.x", "y"), -1);
	assert_int_equal(document_set_text(doc, "a..b", "y"), -1);
	assert_int_equal(document_set_text(doc, "a[x]", "y"), -1);
	assert_null(document_text(doc, "missing.path"));
	document_free(doc);
}

static void test_lists(void **state)
{
	struct document *doc = document_new();
	const char *p = "networkConfiguration.networkModeConfig.subnets";

	(void)state;
	assert_int_equal(document_set_text(doc,
					   "networkConfiguration.networkModeConfig.subnets[0]",
					   "subnet-aaaaaaaa"),
			 0);
	assert_int_equal(document_set_text(doc,
					   "networkConfiguration.networkModeConfig.subnets[1]",
					   "subnet-bbbbbbbb"),
			 0);
	assert_int_equal(document_set_text(doc,
					   "networkConfiguration.networkModeConfig.subnets[2]",
					   "subnet-cccccccc"),
			 0);
	/* past the end is refused */
	assert_int_equal(
	    document_set_text(doc, "networkConfiguration.networkModeConfig.subnets[5]", "x"), -1);
	assert_int_equal(document_count(doc, p), 3);
	assert_int_equal(document_move(doc, p, 0, 2), 0);
	assert_string_equal(
	    document_text(doc, "networkConfiguration.networkModeConfig.subnets[0]"),
	    "subnet-bbbbbbbb");
	assert_string_equal(
	    document_text(doc, "networkConfiguration.networkModeConfig.subnets[2]"),
	    "subnet-aaaaaaaa");
	assert_int_equal(document_move(doc, p, 2, 0), 0);
	assert_string_equal(
	    document_text(doc, "networkConfiguration.networkModeConfig.subnets[0]"),
	    "subnet-aaaaaaaa");
	assert_int_equal(document_remove(doc, "networkConfiguration.networkModeConfig.subnets[1]"),
			 0);
	assert_int_equal(document_count(doc, p), 2);
	assert_string_equal(
	    document_text(doc, "networkConfiguration.networkModeConfig.subnets[1]"),
	    "subnet-cccccccc");
	assert_int_equal(document_move(doc, p, 0, 9), -1);
	document_free(doc);
}

static void test_maps(void **state)
{
	struct document *doc = document_new();

	(void)state;
	assert_int_equal(document_map_add(doc, "tags", "team", "blue"), 0);
	assert_int_equal(document_map_set_key(doc, "tags", 1, "env"), 0);
	assert_int_equal(document_set_text(doc, "tags[1]", "prod"), 0);
	assert_int_equal(document_count(doc, "tags"), 2);
	assert_string_equal(document_key(doc, "tags", 1), "env");
	assert_string_equal(document_text(doc, "tags[1]"), "prod");
	assert_int_equal(document_map_set_key(doc, "tags", 0, "owner"), 0);
	assert_string_equal(document_key(doc, "tags", 0), "owner");
	assert_string_equal(document_text(doc, "tags[0]"), "blue");
	assert_int_equal(document_move(doc, "tags", 1, 0), 0);
	assert_string_equal(document_key(doc, "tags", 0), "env");
	assert_string_equal(document_text(doc, "tags[0]"), "prod");
	assert_null(document_key(doc, "tags", 7));
	document_free(doc);
}

static void test_branches(void **state)
{
	struct formdef *def = test_forms();
	struct document *doc = document_new();
	const struct fnode *art = formdef_lookup(def, "agentRuntimeArtifact");

	(void)state;
	document_set_text(doc, "agentRuntimeArtifact.containerConfiguration.containerUri", "x");
	assert_string_equal(document_branch(doc, "agentRuntimeArtifact"),
			    "containerConfiguration");
	assert_int_equal(document_choose_branch(doc, "agentRuntimeArtifact",
						fnode_child(art, "codeConfiguration")),
			 0);
	assert_string_equal(document_branch(doc, "agentRuntimeArtifact"), "codeConfiguration");
	assert_int_equal(document_type(doc, "agentRuntimeArtifact.codeConfiguration"), DT_OBJECT);
	assert_false(document_is_set(doc, "agentRuntimeArtifact.containerConfiguration"));
	assert_int_equal(document_count(doc, "agentRuntimeArtifact"), 1);
	/* choosing the branch that is set keeps its values */
	document_set_text(doc, "agentRuntimeArtifact.codeConfiguration.runtime", "PYTHON_3_12");
	document_choose_branch(doc, "agentRuntimeArtifact", fnode_child(art, "codeConfiguration"));
	assert_string_equal(document_text(doc, "agentRuntimeArtifact.codeConfiguration.runtime"),
			    "PYTHON_3_12");
	document_free(doc);
	formdef_free(def);
}

/* A branch starts as the empty value of its own kind, so that it can be
 * filled: a list branch is a list (items can be added), a scalar one "". */
static void test_branch_kinds(void **state)
{
	struct formdef *def = test_forms();
	struct document *doc = document_new();
	const char *rh = "requestHeaderConfiguration";
	const char *cv = "authorizerConfiguration.customJWTAuthorizer.customClaims[0]."
			 "authorizingClaimMatchValue.claimMatchValue";
	const struct fnode *u = formdef_lookup(def, rh), *c = formdef_lookup(def, cv);
	struct fnode map = {.name = "m", .kind = FK_MAP}, num = {.name = "n", .kind = FK_INTEGER};
	char *s, *p;

	(void)state;
	assert_non_null(u);
	assert_non_null(c);
	/* a list branch: [], then items append */
	assert_int_equal(document_choose_branch(doc, rh, fnode_child(u, "requestHeaderAllowlist")),
			 0);
	assert_string_equal(document_branch(doc, rh), "requestHeaderAllowlist");
	assert_int_equal(document_type(doc, "requestHeaderConfiguration.requestHeaderAllowlist"),
			 DT_LIST);
	assert_int_equal(
	    document_set_text(doc, "requestHeaderConfiguration.requestHeaderAllowlist[0]", "X-A"),
	    0);
	assert_int_equal(
	    document_set_text(doc, "requestHeaderConfiguration.requestHeaderAllowlist[1]", "X-B"),
	    0);
	s = document_to_json(doc, def, 0);
	assert_string_equal(s, "{\"requestHeaderConfiguration\":{\"requestHeaderAllowlist\":"
			       "[\"X-A\",\"X-B\"]}}");
	free(s);
	/* a scalar branch: "", and switching to the list branch drops it */
	p = xasprintf("%s.matchValueString", cv);
	assert_int_equal(document_choose_branch(doc, cv, fnode_child(c, "matchValueString")), 0);
	assert_int_equal(document_type(doc, p), DT_TEXT);
	assert_string_equal(document_text(doc, p), "");
	assert_int_equal(document_choose_branch(doc, cv, fnode_child(c, "matchValueStringList")),
			 0);
	assert_false(document_is_set(doc, p));
	free(p);
	p = xasprintf("%s.matchValueStringList", cv);
	assert_int_equal(document_type(doc, p), DT_LIST);
	free(p);
	/* a map branch is an object; an integer branch starts as "" too */
	assert_int_equal(document_choose_branch(doc, "x", &map), 0);
	assert_int_equal(document_type(doc, "x.m"), DT_OBJECT);
	assert_int_equal(document_choose_branch(doc, "x", &num), 0);
	assert_false(document_is_set(doc, "x.m"));
	assert_int_equal(document_type(doc, "x.n"), DT_TEXT);
	document_free(doc);
	formdef_free(def);
}

/* extract and graft carry a value (of any type) between documents; equal
 * compares values and order. */
static void test_extract_graft_equal(void **state)
{
	struct document *doc = document_new(), *v, *copy;

	(void)state;
	document_set_text(doc, "a.b", "x");
	document_map_add(doc, "tags", "k1", "v1");
	document_map_add(doc, "tags", "k2", "v2");
	assert_null(document_extract(doc, "nope"));
	v = document_extract(doc, "a");
	assert_string_equal(document_text(v, "b"), "x");
	document_remove(doc, "a");
	assert_false(document_is_set(doc, "a.b"));
	assert_int_equal(document_graft(doc, "a", v), 0);
	assert_string_equal(document_text(doc, "a.b"), "x");
	document_free(v);
	v = document_extract(doc, "a.b"); /* a scalar root */
	assert_int_equal(document_type(v, ""), DT_TEXT);
	assert_int_equal(document_graft(doc, "c", v), 0);
	assert_string_equal(document_text(doc, "c"), "x");
	document_free(v);
	copy = document_copy(doc);
	assert_true(document_equal(doc, copy));
	document_set_text(copy, "c", "y");
	assert_false(document_equal(doc, copy));
	document_set_text(copy, "c", "x");
	assert_true(document_equal(doc, copy));
	document_move(copy, "tags", 0, 1); /* order counts */
	assert_false(document_equal(doc, copy));
	document_move(copy, "tags", 0, 1);
	assert_true(document_equal(doc, copy));
	document_map_set_key(copy, "tags", 0, "k3");
	assert_false(document_equal(doc, copy));
	document_free(copy);
	document_free(doc);
}

static void test_json_order(void **state)
{
	struct formdef *def = test_forms();
	struct document *doc = document_new();
	char *s;

	(void)state;
	/* set in reverse order; the JSON follows the form (the request's) order */
	document_map_add(doc, "tags", "k", "v");
	document_set_text(doc, "roleArn", "arn:aws:iam::123456789012:role/R");
	document_set_text(doc, "agentRuntimeName", "n");
	document_set_group(doc, "lifecycleConfiguration"); /* empty groups are left out */
	s = document_to_json(doc, def, 0);
	assert_string_equal(s, "{\"agentRuntimeName\":\"n\",\"roleArn\":"
			       "\"arn:aws:iam::123456789012:role/R\",\"tags\":{\"k\":\"v\"}}");
	free(s);
	s = document_request_body(doc, def, "3f2b8c1e-9a4d-4e7b-8c6f-1d2e3f4a5b6c");
	/* the token goes in its place in form order (Basics, after the name) */
	assert_string_equal(s, "{\"agentRuntimeName\":\"n\",\"clientToken\":"
			       "\"3f2b8c1e-9a4d-4e7b-8c6f-1d2e3f4a5b6c\",\"roleArn\":"
			       "\"arn:aws:iam::123456789012:role/R\",\"tags\":{\"k\":\"v\"}}");
	free(s);
	/* a token the user typed is kept and not replaced */
	document_set_text(doc, "clientToken", "mine-0123456789abcdef0123456789abcdef");
	s = document_request_body(doc, def, "other");
	assert_non_null(strstr(s, "mine-0123456789abcdef"));
	assert_null(strstr(s, "other"));
	free(s);
	document_free(doc);
	formdef_free(def);
}

static void test_formdef(void **state)
{
	struct formdef *def = test_forms();
	const struct fnode *f;

	(void)state;
	assert_true(def->nsections >= 13);
	assert_string_equal(def->sections[0].id, "basics");
	assert_true(def->sections[def->nsections - 1].review);
	f = formdef_lookup(def, "networkConfiguration.networkModeConfig.subnets[3]");
	assert_non_null(f);
	assert_int_equal(f->kind, FK_TEXT);
	assert_non_null(f->pattern);
	f = formdef_lookup(def, "tags.Name");
	assert_non_null(f);
	assert_int_equal(f->max_len, 256);
	f = formdef_lookup(def, "agentRuntimeArtifact");
	assert_int_equal(f->kind, FK_ONEOF);
	assert_null(formdef_lookup(def, "nope"));
	formdef_free(def);
}

static void test_formdef_errors(void **state)
{
	char dir[] = "/tmp/acw-forms-XXXXXX", *path, *cause = NULL;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_null(formdef_load_dir(dir, &cause));
	assert_non_null(strstr(cause, "no form files"));
	free(cause);
	path = xasprintf("%s/10-x.json", dir);
	fp = fopen(path, "w");
	fputs("{\"section\":\"x\",\"title\":\"X\",\"fields\":[{\"name\":\"a\",\"kind\":\"text\","
	      "\"pattern\":\"([a-z\"}]}",
	      fp);
	fclose(fp);
	assert_null(formdef_load_dir(dir, &cause));
	assert_non_null(strstr(cause, "bad pattern"));
	free(cause);
	fp = fopen(path, "w");
	fputs("{\"section\":\"x\",\"title\":\"X\",\"fields\":[{\"name\":\"a\",\"kind\":\"txt\"}]}",
	      fp);
	fclose(fp);
	assert_null(formdef_load_dir(dir, &cause));
	assert_non_null(strstr(cause, "unknown kind"));
	free(cause);
	unlink(path);
	free(path);
	rmdir(dir);
}

/* Write text as dir/10-x.json and load the folder: NULL with *cause when refused. */
static struct formdef *load_one(const char *dir, const char *text, char **cause)
{
	char *path = xasprintf("%s/10-x.json", dir);
	FILE *fp = fopen(path, "w");
	struct formdef *def;

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	def = formdef_load_dir(dir, cause);
	unlink(path);
	free(path);
	return def;
}

/* A new form starts with the `initial` values (networkMode PUBLIC), as its
 * starting point (generation 0); a file that is loaded keeps what it has. */
static void test_new_form(void **state)
{
	struct formdef *def = test_forms();
	struct document *doc = document_new_form(def), *loaded = NULL;
	struct problems p = {0};
	char dir[] = "/tmp/acw-forms-XXXXXX", *s, *cause = NULL;
	long long n;
	int b;

	(void)state;
	assert_string_equal(document_text(doc, "networkConfiguration.networkMode"), "PUBLIC");
	assert_false(document_is_set(doc, "networkConfiguration.networkModeConfig"));
	assert_int_equal(document_generation(doc), 0);
	assert_int_equal(document_member_generation(doc, "networkConfiguration"), 0);
	s = document_to_json(doc, def, 0);
	assert_string_equal(s, "{\"networkConfiguration\":{\"networkMode\":\"PUBLIC\"}}");
	free(s);
	document_free(doc);
	assert_int_equal(formfile_parse("{}", 2, def, FF_SKELETON, &loaded, &p, &cause), 0);
	assert_false(document_is_set(loaded, "networkConfiguration"));
	document_free(loaded);
	problems_clear(&p);
	formdef_free(def);

	/* every scalar kind; a `when` rule is followed; a group that does not
	 * apply gets nothing */
	assert_non_null(mkdtemp(dir));
	def = load_one(dir,
		       "{\"section\":\"x\",\"title\":\"X\",\"fields\":[{\"name\":\"g\","
		       "\"kind\":\"group\",\"fields\":["
		       "{\"name\":\"mode\",\"kind\":\"choice\",\"values\":[\"A\",\"B\"],"
		       "\"initial\":\"B\"},"
		       "{\"name\":\"onB\",\"kind\":\"integer\",\"initial\":42,"
		       "\"when\":{\"field\":\"mode\",\"values\":[\"B\"]}},"
		       "{\"name\":\"onA\",\"kind\":\"text\",\"initial\":\"t\","
		       "\"when\":{\"field\":\"mode\",\"values\":[\"A\"]}},"
		       "{\"name\":\"flag\",\"kind\":\"boolean\",\"initial\":false}]}]}",
		       &cause);
	assert_non_null(def);
	doc = document_new_form(def);
	assert_string_equal(document_text(doc, "g.mode"), "B");
	assert_int_equal(document_number(doc, "g.onB", &n), 0);
	assert_int_equal(n, 42);
	assert_false(document_is_set(doc, "g.onA"));
	assert_int_equal(document_bool(doc, "g.flag", &b), 0);
	assert_false(b);
	document_free(doc);
	formdef_free(def);

	/* refused: not one of the values, the wrong type, inside a list */
	assert_null(load_one(dir,
			     "{\"section\":\"x\",\"title\":\"X\",\"fields\":[{\"name\":\"m\","
			     "\"kind\":\"choice\",\"values\":[\"A\"],\"initial\":\"C\"}]}",
			     &cause));
	assert_non_null(strstr(cause, "one of its \"values\""));
	free(cause);
	assert_null(load_one(dir,
			     "{\"section\":\"x\",\"title\":\"X\",\"fields\":[{\"name\":\"m\","
			     "\"kind\":\"integer\",\"initial\":\"7\"}]}",
			     &cause));
	assert_non_null(strstr(cause, "\"initial\" must be"));
	free(cause);
	assert_null(load_one(dir,
			     "{\"section\":\"x\",\"title\":\"X\",\"fields\":[{\"name\":\"l\","
			     "\"kind\":\"list\",\"item\":{\"kind\":\"text\",\"initial\":\"i\"}}]}",
			     &cause));
	assert_non_null(strstr(cause, "outside lists"));
	free(cause);
	rmdir(dir);
}

/* Changes are counted per top-level member; a change at the top level (the
 * members' order) and a copy count for every member; document_equal_since
 * answers as document_equal. */
static void test_member_generations(void **state)
{
	struct document *doc = document_new(), *copy;
	unsigned long g0, g1;

	(void)state;
	assert_int_equal(document_member_generation(doc, "tags"), 0);
	assert_int_equal(document_set_text(doc, "agentRuntimeName", "a"), 0);
	assert_int_equal(document_map_add(doc, "tags", "k", "v"), 0);
	assert_int_equal(document_set_number(doc, "lifecycleConfiguration.maxLifetime", 600), 0);
	g0 = document_generation(doc);
	copy = document_copy(doc);
	assert_int_equal(document_member_generation(copy, "tags"), g0);
	assert_true(document_equal_since(doc, copy, g0));

	assert_int_equal(document_set_text(doc, "tags.k", "w"), 0);
	g1 = document_member_generation(doc, "tags");
	assert_true(g1 > g0);
	assert_true(document_member_generation(doc, "agentRuntimeName") <= g0);
	assert_true(document_member_generation(doc, "lifecycleConfiguration") <= g0);
	assert_false(document_equal_since(doc, copy, g0));
	assert_int_equal(document_set_text(doc, "tags.k", "v"), 0); /* as it was */
	assert_true(document_equal_since(doc, copy, g0));
	assert_true(document_equal(doc, copy));

	/* a member removed, then one added, are changes */
	assert_int_equal(document_remove(doc, "agentRuntimeName"), 0);
	assert_true(document_member_generation(doc, "agentRuntimeName") > g1);
	assert_false(document_equal_since(doc, copy, g0));
	assert_int_equal(document_set_text(doc, "agentRuntimeName", "a"), 0);
	assert_int_equal(document_equal_since(doc, copy, g0), document_equal(doc, copy));
	assert_int_equal(document_set_text(doc, "description", "d"), 0);
	assert_false(document_equal_since(doc, copy, g0));
	assert_int_equal(document_remove(doc, "description"), 0);

	/* moving top-level members counts for all of them */
	g1 = document_generation(doc);
	assert_int_equal(document_move(doc, "", 0, 1), 0);
	assert_true(document_member_generation(doc, "lifecycleConfiguration") > g1);
	assert_int_equal(document_equal_since(doc, copy, g0), document_equal(doc, copy));
	document_free(copy);
	document_free(doc);
}

/* document_count's cache follows every change: an entry set in place, an
 * entry appended, a list made on the way, removed, moved. And the journal
 * (document_entries_changed) names the entries set or appended, and
 * nothing when anything else changed there. */
static void test_count_cache(void **state)
{
	struct document *doc = document_new(), *copy;
	size_t idx[64], n;
	unsigned long g;

	(void)state;
	document_map_add(doc, "tags", "a", "1");
	document_map_add(doc, "tags", "b", "2");
	document_set_text(doc, "l[0]", "x");
	assert_int_equal(document_count(doc, "tags"), 2);
	assert_int_equal(document_count(doc, "l"), 1);
	g = document_generation(doc);
	document_set_text(doc, "tags[1]", "3"); /* in place */
	document_map_set_key(doc, "tags", 0, "c");
	assert_int_equal(document_count(doc, "tags"), 2);
	assert_int_equal(document_entries_changed(doc, "tags", g, idx, 4, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(idx[0], 1);
	assert_int_equal(idx[1], 0);
	/* a change elsewhere is not one of its entries' */
	document_set_text(doc, "agentRuntimeName", "n");
	assert_int_equal(document_entries_changed(doc, "tags", g, idx, 4, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(document_entries_changed(doc, "tags", g, idx, 1, &n), -1);
	g = document_generation(doc);
	document_map_add(doc, "tags", "d", "4");
	assert_int_equal(document_count(doc, "tags"), 3);
	assert_int_equal(document_entries_changed(doc, "tags", g, idx, 4, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(idx[0], 2);
	document_map_set_key(doc, "tags", 3, "e"); /* one past the end: added */
	assert_int_equal(document_count(doc, "tags"), 4);
	g = document_generation(doc);
	document_remove(doc, "tags[0]");
	assert_int_equal(document_count(doc, "tags"), 3);
	assert_int_equal(document_entries_changed(doc, "tags", g, idx, 4, &n), -1);
	document_move(doc, "tags", 0, 2);
	assert_int_equal(document_count(doc, "tags"), 3);
	/* a list appended to l on the way to l[1][0] */
	assert_int_equal(document_count(doc, "l"), 1);
	document_set_text(doc, "l[1][0]", "y");
	assert_int_equal(document_count(doc, "l"), 2);
	assert_int_equal(document_count(doc, "l[1]"), 1);
	document_set_text(doc, "l[1][1]", "z");
	assert_int_equal(document_count(doc, "l[1]"), 2);
	assert_int_equal(document_count(doc, "l"), 2);
	/* a value inside an entry, or the whole map, is more than an entry */
	g = document_generation(doc);
	document_set_text(doc, "l[1][1]", "w");
	assert_int_equal(document_entries_changed(doc, "l", g, idx, 4, &n), -1);
	assert_int_equal(document_entries_changed(doc, "l[1]", g, idx, 4, &n), 0);
	document_remove(doc, "l");
	assert_int_equal(document_count(doc, "l"), 0);
	/* a copy keeps no journal */
	copy = document_copy(doc);
	assert_int_equal(document_entries_changed(copy, "tags", g, idx, 4, &n), -1);
	assert_int_equal(
	    document_entries_changed(copy, "tags", document_generation(copy), idx, 4, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(document_count(copy, "tags"), 3);
	document_free(copy);
	/* older than the journal reaches */
	g = document_generation(doc);
	for (n = 0; n < 40; n++)
		document_set_text(doc, "tags[0]", "x");
	assert_int_equal(document_entries_changed(doc, "tags", g, idx, 64, &n), -1);
	document_free(doc);
}

/* The body with large maps left out (document_to_json_elided), each put
 * back an entry a line (document_entry_json, as the review draws them), is
 * the body as document_to_json writes it: escapes, numbers, commas. */
static void test_elided_json(void **state)
{
	struct formdef *def = test_forms();
	struct document *doc = document_new();
	struct strbuf b = {0};
	char key[64], *whole, *part, *line, *e, *again;
	const char *prev = "";
	size_t i, n;

	(void)state;
	document_set_text(doc, "agentRuntimeName", "a");
	for (i = 0; i < 300; i++) {
		snprintf(key, sizeof key, "k%zu \"\\\t\x01\xc3\xa9", i);
		document_map_add(doc, "tags", key, i % 2 ? "v\n\"x\"" : "");
	}
	document_set_number(doc, "tags[7]", 42);
	document_map_add(doc, "environmentVariables", "A", "1");
	whole = document_to_json(doc, def, 1);
	part = document_to_json_elided(doc, def, 1, 256);
	assert_string_not_equal(whole, part);
	assert_non_null(strstr(part, "        \"\\u0001\": \"\"\n"));
	for (line = strtok(part, "\n"); line; prev = line, line = strtok(NULL, "\n")) {
		if (!strcmp(prev, "    \"tags\": {") &&
		    !strcmp(line, "        \"\\u0001\": \"\"")) {
			n = document_count(doc, "tags");
			for (i = 0; i < n; i++) {
				e = document_entry_json(doc, "tags", i);
				strbuf_addf(&b, "        %s%s\n", e, i + 1 < n ? "," : "");
				free(e);
			}
			continue;
		}
		strbuf_addf(&b, "%s\n", line);
	}
	again = strbuf_finish(&b);
	assert_string_equal(again, whole);
	/* a small map is written whole */
	free(part);
	part = document_to_json_elided(doc, def, 1, 301);
	assert_string_equal(part, whole);
	free(part);
	free(again);
	free(whole);
	document_free(doc);
	formdef_free(def);
}

/* document_equal_since after changes that only set entries in place (the
 * journal's answer, comparing those entries) says what document_equal
 * says: a value or key changed and changed back, an entry appended. */
static void test_equal_entries(void **state)
{
	struct document *doc = document_new(), *saved;
	unsigned long g;
	int i;

	(void)state;
	for (i = 0; i < 5; i++) {
		char key[8];

		snprintf(key, sizeof key, "k%d", i);
		document_map_add(doc, "tags", key, "v");
	}
	document_set_text(doc, "l[0]", "x");
	saved = document_copy(doc);
	g = document_generation(doc);
	assert_true(document_equal_since(doc, saved, g));
	document_set_text(doc, "tags[3]", "w");
	assert_false(document_equal_since(doc, saved, g));
	assert_false(document_equal(doc, saved));
	document_set_text(doc, "tags[3]", "v");
	assert_true(document_equal_since(doc, saved, g));
	document_map_set_key(doc, "tags", 1, "other");
	assert_false(document_equal_since(doc, saved, g));
	document_map_set_key(doc, "tags", 1, "k1");
	assert_true(document_equal_since(doc, saved, g));
	document_set_text(doc, "l[0]", "y");
	assert_false(document_equal_since(doc, saved, g));
	document_set_text(doc, "l[0]", "x");
	assert_true(document_equal_since(doc, saved, g));
	document_map_add(doc, "tags", "k5", "v");
	assert_false(document_equal_since(doc, saved, g));
	assert_false(document_equal(doc, saved));
	document_free(saved);
	document_free(doc);
}

/* document_key_index on a large map (keyindex.c: an index kept up to
 * date by each change) answers as a look through every entry would, after
 * keys set, values set, entries appended and removed. */
static void test_key_index(void **state)
{
	struct document *doc = document_new();
	char key[16];
	size_t i;

	(void)state;
	for (i = 0; i < 300; i++) {
		snprintf(key, sizeof key, "k%zu", i);
		document_map_add(doc, "tags", key, "v");
	}
	assert_int_equal(document_key_index(doc, "tags", "k200", (size_t)-1), 201);
	assert_int_equal(document_key_index(doc, "tags", "k200", 200), 0);
	document_map_set_key(doc, "tags", 250, "k200"); /* twice */
	assert_int_equal(document_key_index(doc, "tags", "k200", 200), 251);
	assert_int_equal(document_key_index(doc, "tags", "k250", (size_t)-1), 0);
	document_map_set_key(doc, "tags", 200, "moved");
	assert_int_equal(document_key_index(doc, "tags", "k200", (size_t)-1), 251);
	assert_int_equal(document_key_index(doc, "tags", "moved", (size_t)-1), 201);
	document_set_text(doc, "tags[201]", "w"); /* a value: the key stays */
	assert_int_equal(document_key_index(doc, "tags", "k201", (size_t)-1), 202);
	document_map_add(doc, "tags", "new", "v");
	document_map_add(doc, "tags", "newer", "v");
	assert_int_equal(document_key_index(doc, "tags", "newer", (size_t)-1), 302);
	assert_int_equal(document_key_index(doc, "tags", "new", (size_t)-1), 301);
	document_remove(doc, "tags[0]");
	assert_int_equal(document_key_index(doc, "tags", "newer", (size_t)-1), 301);
	assert_int_equal(document_key_index(doc, "tags", "k0", (size_t)-1), 0);
	document_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_set_get),
	    cmocka_unit_test(test_lists),
	    cmocka_unit_test(test_maps),
	    cmocka_unit_test(test_branches),
	    cmocka_unit_test(test_json_order),
	    cmocka_unit_test(test_formdef),
	    cmocka_unit_test(test_formdef_errors),
	    cmocka_unit_test(test_branch_kinds),
	    cmocka_unit_test(test_extract_graft_equal),
	    cmocka_unit_test(test_member_generations),
	    cmocka_unit_test(test_new_form),
	    cmocka_unit_test(test_count_cache),
	    cmocka_unit_test(test_elided_json),
	    cmocka_unit_test(test_equal_entries),
	    cmocka_unit_test(test_key_index),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
