/* testutil.h: shared set-up for the core's unit tests (cmocka). */
#ifndef ACW_TESTUTIL_H
#define ACW_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "form/document.h"
#include "form/formdef.h"
#include "form/formfile.h"
#include "base/util.h"
#include "form/validate.h"

/* A test that needs what the project does not hold (../shared) calls
 * test_skip() rather than skip(), and main returns test_run_group(tests):
 * the failures, or 77 when every test of the group skipped, so automake
 * reports SKIP, not PASS (cmocka itself exits 0 after a skip). */
static int test_skipped;

#define test_skip()             \
	do {                    \
		test_skipped++; \
		skip();         \
	} while (0)

static inline int test_exit(size_t n, int failed)
{
	if (failed)
		return failed;
	return (size_t)test_skipped == n ? 77 : 0;
}

#define test_run_group(tests) \
	test_exit(sizeof(tests) / sizeof((tests)[0]), cmocka_run_group_tests(tests, NULL, NULL))

/* The project's real forms/ (AGENTCORE_WIZARD_FORMS is set by make check). */
static inline struct formdef *test_forms(void)
{
	char *cause = NULL;
	struct formdef *def = formdef_load_default(&cause);

	if (!def)
		fail_msg("cannot load forms: %s", cause);
	return def;
}

/* Parse JSON text strictly and validate; returns the problems (caller clears). */
static inline struct problems test_check(const struct formdef *def, const char *json)
{
	struct problems p = {0};
	struct document *doc = NULL;
	char *cause = NULL;

	if (formfile_parse(json, strlen(json), def, FF_STRICT, &doc, &p, &cause) != 0)
		fail_msg("parse failed: %s", cause);
	validate_document(def, doc, &p);
	document_free(doc);
	return p;
}

/* Is there a problem at exactly `path` whose message contains `needle`? */
static inline int test_has(const struct problems *p, const char *path, const char *needle)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (!strcmp(p->v[i].path, path) && (!needle || strstr(p->v[i].message, needle)))
			return 1;
	return 0;
}

static inline void test_dump(const struct problems *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		print_message("  %s: %s\n", p->v[i].path, p->v[i].message);
}

#define assert_problem(p, path, needle)                                      \
	do {                                                                 \
		if (!test_has(&(p), path, needle)) {                         \
			test_dump(&(p));                                     \
			fail_msg("no problem at %s containing \"%s\"", path, \
				 (needle) ? (needle) : "");                  \
		}                                                            \
	} while (0)

#define assert_no_problems(p)                                             \
	do {                                                              \
		if ((p).n) {                                              \
			test_dump(&(p));                                  \
			fail_msg("expected no problems, got %zu", (p).n); \
		}                                                         \
	} while (0)

/* A minimal valid container runtime, as JSON text. */
#define MINIMAL                                                                   \
	"\"agentRuntimeName\":\"my_agent\","                                      \
	"\"agentRuntimeArtifact\":{\"containerConfiguration\":{\"containerUri\":" \
	"\"123456789012.dkr.ecr.us-east-1.amazonaws.com/my-agent:latest\"}},"     \
	"\"roleArn\":\"arn:aws:iam::123456789012:role/AgentRuntimeRole\""

#endif
