/* test_getmap.c: a deployed runtime as create and update forms (getmap.c),
 * update forms read, checked and sent, and the diff (diff.c), on the
 * project's real forms/ and forms/requests/. */
#include "config.h"

#include "testutil.h"

#include <cjson/cJSON.h>
#include <dirent.h>

#include "form/diff.h"
#include "form/getmap.h"
#include "form/jsonwrite.h"

static struct formdef *def;
static struct getmap *map;

static int setup(void **state)
{
	char *cause = NULL;

	(void)state;
	def = test_forms();
	map = getmap_load(def, &cause);
	if (!map)
		fail_msg("cannot load the request data: %s", cause);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	getmap_free(map);
	formdef_free(def);
	return 0;
}

/* A GetAgentRuntime answer as the service gives it: the service's members,
 * what moto adds for unset ones, one member only Update takes and one this
 * version does not know. */
static const char answer[] =
    "{\"agentRuntimeArn\":\"arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/"
    "dayTwo-0123456789\",\"agentRuntimeName\":\"dayTwo\",\"agentRuntimeId\":\"dayTwo-"
    "0123456789\",\"agentRuntimeVersion\":\"3\",\"createdAt\":\"2026-12-01T00:00:00Z\","
    "\"lastUpdatedAt\":\"2026-12-02T00:00:00Z\",\"roleArn\":\"arn:aws:iam::123456789012:"
    "role/R\",\"networkConfiguration\":{\"networkMode\":\"PUBLIC\"},\"status\":\"READY\","
    "\"lifecycleConfiguration\":{},\"description\":\"\",\"workloadIdentityDetails\":{"
    "\"workloadIdentityArn\":\"arn:x\"},\"agentRuntimeArtifact\":{\"containerConfiguration\":"
    "{\"containerUri\":\"123456789012.dkr.ecr.us-east-1.amazonaws.com/a:v1\"}},"
    "\"environmentVariables\":{\"LOG_LEVEL\":\"info\",\"API_KEY\":\"k1\"},"
    "\"metadataConfiguration\":{\"requireMMDSV2\":true},"
    "\"allowedPorts\":[{\"port\":8080}]}";
static const char tags[] = "{\"tags\":{\"team\":\"agents\"}}";

static void test_create_form(void **state)
{
	struct problems notes = {0};
	char *cause = NULL, *json;
	struct document *doc;

	(void)state;
	doc = getmap_create_form(map, def, answer, strlen(answer), tags, strlen(tags), &notes,
				 &cause);
	assert_non_null(doc);
	json = document_to_json(doc, def, 0);
	assert_string_equal(
	    json, "{\"agentRuntimeName\":\"dayTwo\",\"agentRuntimeArtifact\":{"
		  "\"containerConfiguration\":{\"containerUri\":\"123456789012.dkr.ecr.us-east-1."
		  "amazonaws.com/a:v1\"}},\"roleArn\":\"arn:aws:iam::123456789012:role/R\","
		  "\"networkConfiguration\":{\"networkMode\":\"PUBLIC\"},\"environmentVariables\":"
		  "{\"LOG_LEVEL\":\"info\",\"API_KEY\":\"k1\"},\"tags\":{\"team\":\"agents\"}}");
	/* nothing dropped in silence: Update's own member and the unknown one */
	test_dump(&notes);
	assert_int_equal(notes.n, 2);
	assert_true(test_has(&notes, "metadataConfiguration", "only UpdateAgentRuntime"));
	assert_true(test_has(&notes, "allowedPorts", "left out"));
	free(json);
	document_free(doc);
	problems_clear(&notes);
	assert_null(getmap_create_form(map, def, "[1]", 3, NULL, 0, &notes, &cause));
	assert_non_null(strstr(cause, "not a JSON object"));
	free(cause);
}

static void test_update_form(void **state)
{
	struct problems notes = {0}, p = {0};
	char *cause = NULL, *json, *body;
	struct upform *u;

	(void)state;
	u = getmap_update_form(map, def, answer, strlen(answer), tags, strlen(tags), &notes,
			       &cause);
	assert_non_null(u);
	assert_string_equal(u->id, "dayTwo-0123456789");
	assert_string_equal(u->name, "dayTwo");
	test_dump(&notes);
	assert_int_equal(notes.n, 3);
	assert_true(test_has(&notes, "agentRuntimeName", "cannot change"));
	assert_true(test_has(&notes, "tags", "TagResource"));
	assert_true(test_has(&notes, "allowedPorts", "does not take it"));
	/* the id first, then UpdateAgentRuntime's order, its own member kept */
	json = upform_to_json(map, def, u, 0);
	assert_string_equal(
	    json,
	    "{\"agentRuntimeId\":\"dayTwo-0123456789\",\"agentRuntimeArtifact\":{"
	    "\"containerConfiguration\":{\"containerUri\":\"123456789012.dkr.ecr.us-east-1."
	    "amazonaws.com/a:v1\"}},\"roleArn\":\"arn:aws:iam::123456789012:role/R\","
	    "\"networkConfiguration\":{\"networkMode\":\"PUBLIC\"},\"metadataConfiguration\":"
	    "{\"requireMMDSV2\":true},\"environmentVariables\":{\"LOG_LEVEL\":\"info\","
	    "\"API_KEY\":\"k1\"}}");
	body = upform_request_body(map, def, u, "tok-123456789012345678901234567890");
	assert_null(strstr(body, "agentRuntimeId"));
	assert_non_null(strstr(body, "\"metadataConfiguration\":{\"requireMMDSV2\":true}"));
	assert_non_null(strstr(body, "\"clientToken\":\"tok-123456789012345678901234567890\"}"));
	assert_int_equal(upform_validate(map, def, u, &p), VS_VALID);
	test_dump(&p);
	free(body);
	free(json);
	upform_free(u);
	problems_clear(&notes);
}

static struct upform *parse(const char *text, struct problems *p)
{
	struct upform *u = NULL;
	char *cause = NULL;

	if (upform_parse(map, def, text, strlen(text), &u, p, &cause) != 0)
		fail_msg("upform_parse: %s", cause);
	return u;
}

static void test_update_file(void **state)
{
	struct problems p = {0};
	struct upform *u;

	(void)state;
	/* the name and the tags are refused where they stand; the id and
	 * metadataConfiguration are no unknown members */
	u = parse("{\"agentRuntimeId\":\"a-0123456789\",\"agentRuntimeName\":\"x\",\"tags\":{},"
		  "\"metadataConfiguration\":{\"requireMMDSV2\":false},\"agentRuntimeArtifact\":{"
		  "\"containerConfiguration\":{\"containerUri\":\"123456789012.dkr.ecr.us-east-1."
		  "amazonaws.com/a:v1\"}},\"roleArn\":\"arn:aws:iam::123456789012:role/R\"}",
		  &p);
	test_dump(&p);
	assert_int_equal(p.n, 2);
	assert_true(test_has(&p, "agentRuntimeName", "takes no name"));
	assert_true(test_has(&p, "tags", "TagResource"));
	assert_false(document_is_set(u->doc, "agentRuntimeName"));
	problems_clear(&p);
	assert_int_equal(upform_validate(map, def, u, &p), VS_VALID);
	upform_free(u);
	/* a bad id, a member of the wrong type outside forms/, a bad role */
	u = parse("{\"agentRuntimeId\":\"no\",\"metadataConfiguration\":{\"requireMMDSV2\":1,"
		  "\"x\":true},\"agentRuntimeArtifact\":{\"containerConfiguration\":{"
		  "\"containerUri\":\"123456789012.dkr.ecr.us-east-1.amazonaws.com/a:v1\"}},"
		  "\"roleArn\":\"role\"}",
		  &p);
	assert_int_equal(p.n, 0);
	assert_int_equal(upform_validate(map, def, u, &p), VS_INVALID);
	test_dump(&p);
	assert_true(test_has(&p, "agentRuntimeId", "is not a runtime id"));
	assert_true(test_has(&p, "metadataConfiguration.requireMMDSV2", "expected boolean"));
	assert_true(test_has(&p, "metadataConfiguration", "does not take"));
	assert_true(test_has(&p, "roleArn", NULL));
	problems_clear(&p);
	upform_free(u);
	/* no id: required */
	u = parse("{}", &p);
	assert_int_not_equal(upform_validate(map, def, u, &p), VS_VALID);
	assert_true(test_has(&p, "agentRuntimeId", "is required"));
	problems_clear(&p);
	upform_free(u);
}

/* The fixture as GetAgentRuntime would answer for it, and its tags (read
 * and written as forms are: a NUL in a value kept). */
static void as_answer(const char *text, char **get, char **tg)
{
	cJSON *j = getmap_read_json(text, strlen(text)), *t;

	cJSON_DeleteItemFromObject(j, "clientToken");
	t = cJSON_DetachItemFromObject(j, "tags");
	cJSON_AddStringToObject(j, "agentRuntimeId", "fixture-0123456789");
	cJSON_AddStringToObject(j, "agentRuntimeVersion", "1");
	cJSON_AddStringToObject(j, "status", "READY");
	*get = jsonwrite(j, 0);
	cJSON_Delete(j);
	j = cJSON_CreateObject();
	if (t)
		cJSON_AddItemToObject(j, "tags", t);
	*tg = jsonwrite(j, 0);
	cJSON_Delete(j);
}

/* Every valid fixture: Get -> create form is the fixture; Get -> update
 * form -> file -> read back is valid and differs in nothing. */
static void round_trip(const char *file)
{
	struct problems notes = {0}, p = {0};
	struct document *sent = NULL, *doc;
	struct upform *u, *back;
	struct diff df = {0};
	char *text, *get, *tg, *cause = NULL, *a, *b, *json;
	size_t len;

	if (util_read_file(file, 1 << 20, &text, &len, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(formfile_parse(text, len, def, FF_STRICT, &sent, &p, &cause), 0);
	document_remove(sent, "clientToken");
	as_answer(text, &get, &tg);
	doc = getmap_create_form(map, def, get, strlen(get), tg, strlen(tg), &notes, &cause);
	a = document_to_json(sent, def, 0);
	b = document_to_json(doc, def, 0);
	if (strcmp(a, b))
		fail_msg("%s: create form differs:\n%s\n%s", file, a, b);
	assert_int_equal(notes.n, 0);
	u = getmap_update_form(map, def, get, strlen(get), tg, strlen(tg), &notes, &cause);
	json = upform_to_json(map, def, u, 1);
	back = parse(json, &p);
	assert_int_equal(p.n, 0);
	assert_int_equal(upform_validate(map, def, back, &p), VS_VALID);
	diff_upforms(map, def, u, back, &df);
	assert_int_equal(df.n, 0);
	diff_clear(&df);
	free(json);
	upform_free(back);
	upform_free(u);
	free(a);
	free(b);
	document_free(doc);
	document_free(sent);
	problems_clear(&notes);
	problems_clear(&p);
	free(get);
	free(tg);
	free(text);
}

static void test_every_valid_fixture(void **state)
{
	const char *top = getenv("top_srcdir");
	char *dir = xasprintf("%s/tests/data/valid", top ? top : ".");
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	(void)state;
	assert_non_null(d);
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);

		if (l > 5 && !strcmp(e->d_name + l - 5, ".json")) {
			char *f = xasprintf("%s/%s", dir, e->d_name);

			round_trip(f);
			free(f);
			n++;
		}
	}
	closedir(d);
	free(dir);
	assert_true(n >= 5);
}

static const struct diff_entry *entry(const struct diff *d, const char *path)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (!strcmp(d->v[i].path, path))
			return &d->v[i];
	return NULL;
}

static void dump_diff(const struct diff *d)
{
	for (size_t i = 0; i < d->n; i++)
		print_message("  %d %s %s %s\n", d->v[i].kind, d->v[i].path,
			      d->v[i].old_text ? d->v[i].old_text : "-",
			      d->v[i].new_text ? d->v[i].new_text : "-");
}

static void test_diff(void **state)
{
	struct problems p = {0};
	struct upform *a, *b;
	struct diff d = {0};
	const struct diff_entry *e;

	(void)state;
	a = parse("{\"agentRuntimeId\":\"a-0123456789\",\"description\":\"one\","
		  "\"environmentVariables\":{\"LOG_LEVEL\":\"info\",\"db_password\":\"p1\","
		  "\"GONE\":\"x\"},\"networkConfiguration\":{\"networkMode\":\"VPC\","
		  "\"networkModeConfig\":{\"subnets\":[\"subnet-00000001\",\"subnet-00000002\"],"
		  "\"securityGroups\":[\"sg-00000001\"]}}}",
		  &p);
	b = parse("{\"agentRuntimeId\":\"a-0123456789\",\"environmentVariables\":{"
		  "\"LOG_LEVEL\":\"debug\",\"db_password\":\"p2\",\"NEW_Token\":\"t\"},"
		  "\"networkConfiguration\":{\"networkMode\":\"VPC\",\"networkModeConfig\":{"
		  "\"subnets\":[\"subnet-00000001\",\"subnet-00000003\",\"subnet-00000004\"],"
		  "\"securityGroups\":[\"sg-00000001\"]}},\"lifecycleConfiguration\":{"
		  "\"idleRuntimeSessionTimeout\":600,\"maxLifetime\":3600}}",
		  &p);
	assert_int_equal(p.n, 0);
	diff_upforms(map, def, a, b, &d);
	dump_diff(&d);
	assert_int_equal(d.n, 9);
	e = entry(&d, "description");
	assert_true(e && e->kind == DIFF_REMOVED && !strcmp(e->old_text, "\"one\"") &&
		    !e->new_text && !strcmp(e->member, "description"));
	e = entry(&d, "environmentVariables.LOG_LEVEL");
	assert_true(e && e->kind == DIFF_CHANGED && !strcmp(e->old_text, "\"info\"") &&
		    !strcmp(e->new_text, "\"debug\"") && !e->secret);
	e = entry(&d, "environmentVariables.db_password");
	assert_true(e && e->kind == DIFF_CHANGED && e->secret &&
		    !strcmp(e->old_text, "********") && !strcmp(e->new_text, "********"));
	e = entry(&d, "environmentVariables.NEW_Token");
	assert_true(e && e->kind == DIFF_ADDED && e->secret && !strcmp(e->new_text, "********"));
	assert_true((e = entry(&d, "environmentVariables.GONE")) && e->kind == DIFF_REMOVED);
	e = entry(&d, "networkConfiguration.networkModeConfig.subnets[1]");
	assert_true(e && e->kind == DIFF_CHANGED && !strcmp(e->new_text, "\"subnet-00000003\""));
	e = entry(&d, "networkConfiguration.networkModeConfig.subnets[2]");
	assert_true(e && e->kind == DIFF_ADDED && !strcmp(e->member, "networkConfiguration"));
	/* a group added whole is said member by member */
	e = entry(&d, "lifecycleConfiguration.idleRuntimeSessionTimeout");
	assert_true(e && e->kind == DIFF_ADDED && !strcmp(e->new_text, "600"));
	assert_non_null(entry(&d, "lifecycleConfiguration.maxLifetime"));
	diff_clear(&d);
	/* nothing against itself */
	diff_upforms(map, def, a, a, &d);
	assert_int_equal(d.n, 0);
	upform_free(b);
	/* what is compared is what would be sent: an empty group, list or map
	 * is nothing (document_to_json leaves it out) */
	b = parse("{\"agentRuntimeId\":\"a-0123456789\",\"description\":\"one\","
		  "\"environmentVariables\":{\"LOG_LEVEL\":\"info\",\"db_password\":\"p1\","
		  "\"GONE\":\"x\"},\"networkConfiguration\":{\"networkMode\":\"VPC\","
		  "\"networkModeConfig\":{\"subnets\":[\"subnet-00000001\",\"subnet-00000002\"],"
		  "\"securityGroups\":[\"sg-00000001\"]}},\"lifecycleConfiguration\":{},"
		  "\"filesystemConfigurations\":[],\"tags\":{}}",
		  &p);
	problems_clear(&p);
	diff_upforms(map, def, a, b, &d);
	assert_int_equal(d.n, 0);
	/* lists are aligned on what they keep: an item taken out of the front
	 * is one removal (at its old index), not every later item changed; one
	 * put in front is one addition */
	upform_free(b);
	diff_clear(&d);
	b = parse("{\"agentRuntimeId\":\"a-0123456789\",\"description\":\"one\","
		  "\"environmentVariables\":{\"LOG_LEVEL\":\"info\",\"db_password\":\"p1\","
		  "\"GONE\":\"x\"},\"networkConfiguration\":{\"networkMode\":\"VPC\","
		  "\"networkModeConfig\":{\"subnets\":[\"subnet-00000002\"],"
		  "\"securityGroups\":[\"sg-00000000\",\"sg-00000001\"]}}}",
		  &p);
	assert_int_equal(p.n, 0);
	diff_upforms(map, def, a, b, &d);
	dump_diff(&d);
	assert_int_equal(d.n, 2);
	e = entry(&d, "networkConfiguration.networkModeConfig.subnets[0]");
	assert_true(e && e->kind == DIFF_REMOVED && !strcmp(e->old_text, "\"subnet-00000001\""));
	e = entry(&d, "networkConfiguration.networkModeConfig.securityGroups[0]");
	assert_true(e && e->kind == DIFF_ADDED && !strcmp(e->new_text, "\"sg-00000000\""));
	diff_clear(&d);
	/* secrets: the names that look like one, in the environment and the authorizer */
	assert_true(diff_secret("environmentVariables.MY_CREDENTIALS"));
	assert_true(diff_secret("environmentVariables.apikey"));
	assert_true(diff_secret("authorizerConfiguration.customJWTAuthorizer.clientSecret"));
	assert_false(diff_secret("environmentVariables.LOG_LEVEL"));
	assert_false(diff_secret("tags.SECRET"));
	upform_free(a);
	upform_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_create_form), cmocka_unit_test(test_update_form),
	    cmocka_unit_test(test_update_file), cmocka_unit_test(test_every_valid_fixture),
	    cmocka_unit_test(test_diff),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
