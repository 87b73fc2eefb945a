/* Unit test of the cost of a huge form (issue 13, item 3): 60,000 tags and
 * 60,000 environment variables (well over 1 MiB) must load, validate and turn
 * into a request body in linear time. The bound is generous (a shared, loaded
 * machine); a quadratic walk takes minutes, not seconds. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "testutil.h"

#define ENTRIES   60000
#define BOUND_SEC 2.0

/* The bound, times ACW_TIME_FACTOR where a slower run asks for it (CI runs
 * the unit tests under valgrind too, some fifty times slower). */
static double bound(void)
{
	const char *f = getenv("ACW_TIME_FACTOR");
	double k = f ? atof(f) : 1.0;

	return BOUND_SEC * (k > 1.0 ? k : 1.0);
}

/* The process's CPU time: what the code costs, not how long the machine let
 * it run (a paused virtual machine, a busy neighbour made a linear loop of
 * 0.05 s read 32 s on the wall clock). */
static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *huge_json(void)
{
	struct strbuf b = {0};
	int i;

	strbuf_adds(&b, "{" MINIMAL ",\"tags\":{");
	for (i = 0; i < ENTRIES; i++)
		strbuf_addf(&b, "%s\"tag-%06d%s\":\"value %d\"", i ? "," : "", i, i % 2 ? "*" : "",
			    i); /* half refused: a message each */
	strbuf_adds(&b, "},\"environmentVariables\":{");
	for (i = 0; i < ENTRIES; i++)
		strbuf_addf(&b, "%s\"VAR_%06d\":\"v%d\"", i ? "," : "", i, i);
	strbuf_adds(&b, "}}");
	return strbuf_finish(&b);
}

static void test_huge_form(void **state)
{
	struct formdef *def = test_forms();
	struct problems p = {0};
	struct document *doc = NULL;
	char *json = huge_json(), *cause = NULL, *out, *body;
	double t0, t1, t2, t3;

	(void)state;
	t0 = now();
	if (formfile_parse(json, strlen(json), def, FF_STRICT, &doc, &p, &cause) != 0)
		fail_msg("parse failed: %s", cause);
	t1 = now();
	validate_document(def, doc, &p);
	t2 = now();
	out = document_to_json(doc, def, 1);
	body = document_request_body(doc, def, "token");
	t3 = now();
	printf("# %d tags + %d variables (%zu bytes): load %.3f s, validate %.3f s, "
	       "json + body %.3f s\n",
	       ENTRIES, ENTRIES, strlen(json), t1 - t0, t2 - t1, t3 - t2);
	/* over the maxima, so refused, but each map named once, not per entry */
	assert_true(test_has(&p, "tags", "entries"));
	assert_true(test_has(&p, "environmentVariables", "entries"));
	assert_non_null(strstr(out, "\"tag-059998\""));
	assert_non_null(strstr(body, "\"VAR_059999\""));
	if (t1 - t0 > bound() || t2 - t1 > bound() || t3 - t2 > bound())
		fail_msg("a huge form took too long: load %.3f s, validate %.3f s, json %.3f s",
			 t1 - t0, t2 - t1, t3 - t2);
	free(out);
	free(body);
	free(json);
	problems_clear(&p);
	document_free(doc);
	formdef_free(def);
}

/* The path API in loops over every entry, as the screens, templates and
 * checks use it: each key, each value by its key, and a list built item by
 * item and read back. */
static void test_huge_walk(void **state)
{
	const char *list = "networkConfiguration.networkModeConfig.subnets";
	struct document *doc = document_new();
	char path[96];
	double t0, t1, t2;
	size_t i, sum = 0;

	(void)state;
	for (i = 0; i < ENTRIES; i++) {
		snprintf(path, sizeof path, "tag-%06zu", i);
		document_map_add(doc, "tags", path, "v");
	}
	t0 = now();
	for (i = 0; i < ENTRIES; i++) {
		const char *k = document_key(doc, "tags", i);

		snprintf(path, sizeof path, "tags.%s", k);
		sum += strlen(document_text(doc, path));
	}
	t1 = now();
	for (i = 0; i < ENTRIES; i++) {
		snprintf(path, sizeof path, "%s[%zu]", list, i);
		assert_int_equal(document_set_text(doc, path, "subnet-0123456789abcdef0"), 0);
	}
	for (i = 0; i < ENTRIES; i++) {
		snprintf(path, sizeof path, "%s[%zu]", list, i);
		sum += strlen(document_text(doc, path));
	}
	t2 = now();
	printf("# path API over %d entries: map keys and values %.3f s, list built and read "
	       "%.3f s\n",
	       ENTRIES, t1 - t0, t2 - t1);
	assert_int_equal(sum, ENTRIES + (size_t)ENTRIES * 24);
	assert_int_equal(document_count(doc, list), ENTRIES);
	if (t1 - t0 > bound() || t2 - t1 > bound())
		fail_msg("the path API is not linear: map %.3f s, list %.3f s", t1 - t0, t2 - t1);
	document_free(doc);
}

/* A list built item by item stays linear wherever the allocator puts its
 * containers: each round shifts the heap by a pad, so the list, its parent
 * objects and the document fall on other cursor places (one place per
 * container made a list that shared it with its parent quadratic, in about
 * a third of layouts). */
static void test_walk_layouts(void **state)
{
	const char *list = "networkConfiguration.networkModeConfig.subnets";
	char path[96];
	int round;
	size_t i;

	(void)state;
	for (round = 0; round < 16; round++) {
		char *pad = malloc((size_t)round * 40 + 8);
		struct document *doc = document_new();
		double t0 = now();

		for (i = 0; i < ENTRIES / 3; i++) {
			snprintf(path, sizeof path, "%s[%zu]", list, i);
			assert_int_equal(document_set_text(doc, path, "subnet-0123456789abcdef0"),
					 0);
		}
		if (now() - t0 > bound() / 4)
			fail_msg("round %d: %d items took %.3f s: not linear", round, ENTRIES / 3,
				 now() - t0);
		document_free(doc);
		free(pad);
	}
}

/* The remembered positions follow removals, moves and replacements. */
static void test_walk_after_changes(void **state)
{
	struct document *doc = document_new();
	char path[32];
	int i;

	(void)state;
	for (i = 0; i < 5; i++) {
		snprintf(path, sizeof path, "l[%d]", i);
		document_set_text(doc, path, (const char[]){(char)('a' + i), 0});
		snprintf(path, sizeof path, "k%d", i);
		document_map_add(doc, "m", path, path);
	}
	assert_string_equal(document_text(doc, "l[3]"), "d");
	document_remove(doc, "l[1]");
	assert_string_equal(document_text(doc, "l[3]"), "e");
	assert_string_equal(document_text(doc, "l[1]"), "c");
	document_move(doc, "l", 0, 3);
	assert_string_equal(document_text(doc, "l[1]"), "d");
	assert_string_equal(document_text(doc, "l[3]"), "a");
	document_set_text(doc, "l[2]", "x");
	assert_string_equal(document_text(doc, "l[2]"), "x");
	assert_string_equal(document_text(doc, "l[3]"), "a");
	assert_string_equal(document_key(doc, "m", 3), "k3");
	assert_string_equal(document_text(doc, "m.k3"), "k3");
	document_remove(doc, "m.k3");
	assert_string_equal(document_key(doc, "m", 3), "k4");
	assert_null(document_text(doc, "m.k3"));
	document_map_set_key(doc, "m", 3, "z");
	assert_string_equal(document_text(doc, "m.z"), "k4");
	assert_string_equal(document_text(doc, "m.k2"), "k2");
	document_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_huge_form),
	    cmocka_unit_test(test_huge_walk),
	    cmocka_unit_test(test_walk_layouts),
	    cmocka_unit_test(test_walk_after_changes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
