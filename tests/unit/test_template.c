/* Unit tests of templates: reading and checking (paths named), the rules the
 * wizard asks for, starting a form, making and writing a template (secrets
 * taken out), finding templates, and the secret-name rule. */
#include "config.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "form/secret.h"
#include "form/template.h"
#include "form/template_path.h"
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

/* Parse a template's text; the problems in *p (caller clears). */
static struct template *parse(const char *json, struct problems *p)
{
	struct template *t = NULL;
	char *cause = NULL;

	if (template_parse(json, strlen(json), def, 0, &t, p, &cause) != 0)
		fail_msg("parse failed: %s", cause);
	return t;
}

static void dump(const struct problems *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		print_message("  %s: %s\n", p->v[i].path, p->v[i].message);
}

#define HEAD "{\"agentcoreWizardTemplate\": 1, \"title\": \"T\", "

static void test_bad_paths_named(void **state)
{
	struct problems p = {0};
	struct template *t;

	(void)state;
	t = parse(HEAD "\"fields\": {\"networkConfiguration.networkMod\": {\"mode\": \"locked\"},"
		       "\"nosuch\": {\"mode\": \"locked\"}, \"tags[]\": {\"mode\": \"yours\"},"
		       "\"no\\u001b]0;x\\u0007\": {\"mode\": \"locked\"},"
		       "\"roleArn\": {\"mode\": \"frozen\"}, \"subnets\": 3},"
		       "\"hiddenSections\": [\"nope\", \"review\"],"
		       "\"form\": {\"agentRuntimeName\": \"a\", \"bogus\": 1}}",
		  &p);
	dump(&p);
	assert_true(test_has(&p, "fields[\"networkConfiguration.networkMod\"]", "networkMode"));
	assert_true(test_has(&p, "fields.nosuch", "no member \"nosuch\""));
	/* a name from the file reaches the message escaped, never raw */
	assert_true(
	    test_has(&p, "fields[\"no\\x1b]0;x\\x07\"]", "no member \"no\\x1b]0;x\\x07\""));
	for (size_t i = 0; i < p.n; i++)
		assert_null(strpbrk(p.v[i].message, "\x1b\x07"));
	assert_true(test_has(&p, "fields[\"tags[]\"]", "map"));
	assert_true(test_has(&p, "fields.roleArn.mode", "locked, default, yours or hidden"));
	assert_true(test_has(&p, "fields.subnets", "no member"));
	assert_true(test_has(&p, "hiddenSections[0]", "expected one of basics"));
	assert_true(test_has(&p, "hiddenSections[1]", NULL));
	assert_true(test_has(&p, "form.bogus", "unknown member"));
	assert_int_equal(t->nfields, 0);
	template_free(t);
	problems_clear(&p);
}

static void test_malformed_and_not_template(void **state)
{
	struct template *t = NULL;
	struct problems p = {0};
	char *cause = NULL;
	const char *broken = HEAD "\n \"form\": {,}}";

	(void)state;
	assert_int_equal(template_parse(broken, strlen(broken), def, 0, &t, &p, &cause), -1);
	assert_non_null(strstr(cause, "line 2, column 11"));
	assert_null(t);
	free(cause);
	cause = NULL;
	assert_int_equal(template_parse("{\"title\": \"x\"}", 14, def, 0, &t, &p, &cause), -1);
	assert_non_null(strstr(cause, TEMPLATE_MARKER));
	free(cause);
	assert_int_equal(p.n, 0);
	assert_true(template_text_is_template(HEAD "\"form\": {}}", strlen(HEAD) + 11));
	assert_false(template_text_is_template("{\"agentRuntimeName\": \"a\"}", 25));
}

static void test_version_title_members(void **state)
{
	struct problems p = {0};
	struct template *t;

	(void)state;
	t = parse("{\"agentcoreWizardTemplate\": 2, \"extra\": 1, \"title\": \"\","
		  "\"form\": {}, \"form\": {}}",
		  &p);
	dump(&p);
	assert_true(test_has(&p, TEMPLATE_MARKER, "version 2"));
	assert_true(test_has(&p, "extra", "unknown member"));
	assert_true(test_has(&p, "title", "missing or empty"));
	assert_true(test_has(&p, "form", "twice"));
	template_free(t);
	problems_clear(&p);
}

static void test_modes_checked(void **state)
{
	struct problems p = {0};
	struct template *t;

	(void)state;
	t = parse(HEAD "\"fields\": {"
		       "\"networkConfiguration\": {\"mode\": \"locked\", \"note\": \"ours\"},"
		       "\"networkConfiguration.networkModeConfig.subnets\": {\"mode\": \"yours\"},"
		       "\"agentRuntimeName\": {\"mode\": \"yours\"},"
		       "\"description\": {\"mode\": \"default\"},"
		       "\"roleArn\": {\"mode\": \"locked\", \"example\": \"x\"},"
		       "\"tags\": {\"mode\": \"yours\", \"pattern\": \"(\", \"expect\": \"x\"},"
		       "\"lifecycleConfiguration.maxLifetime\": {\"mode\": \"yours\", "
		       "\"example\": \"x\"}},"
		       "\"hiddenSections\": [\"basics\"],"
		       "\"form\": {\"agentRuntimeName\": \"taken\", "
		       "\"networkConfiguration\": {\"networkMode\": \"PUBLIC\"}}}",
		  &p);
	dump(&p);
	assert_true(
	    test_has(&p, "fields[\"networkConfiguration.networkModeConfig.subnets\"]", "inside"));
	assert_true(test_has(&p, "fields.agentRuntimeName", "holds a value"));
	assert_true(test_has(&p, "fields.description", "holds no value"));
	assert_true(test_has(&p, "fields.roleArn", "only on a field marked yours or default"));
	assert_true(test_has(&p, "fields.tags.pattern", "for a text member"));
	assert_true(test_has(&p, "fields[\"lifecycleConfiguration.maxLifetime\"].example",
			     "does not fit"));
	template_free(t);
	problems_clear(&p);
	/* a yours field in a hidden section */
	t = parse(HEAD "\"fields\": {\"agentRuntimeName\": {\"mode\": \"yours\"}},"
		       "\"hiddenSections\": [\"basics\"], \"form\": {}}",
		  &p);
	assert_true(test_has(&p, "fields.agentRuntimeName", "section \"basics\" is hidden"));
	template_free(t);
	problems_clear(&p);
}

/* A template of every kind of rule, used by the query tests. */
static const char *rules = HEAD
    "\"fields\": {"
    "\"environmentVariables.API_KEY\": {\"mode\": \"yours\"},"
    "\"networkConfiguration\": {\"mode\": \"locked\", \"note\": \"our VPC; ask #platform\"},"
    "\"agentRuntimeName\": {\"mode\": \"yours\", \"note\": \"your name\", "
    "\"example\": \"team_a\", \"pattern\": \"team_[a-z0-9_]+\", "
    "\"expect\": \"names that start with team_\"},"
    "\"environmentVariables\": {\"mode\": \"default\"},"
    "\"filesystemConfigurations[].sessionStorage.mountPath\": {\"mode\": \"hidden\"},"
    "\"description\": {\"mode\": \"default\", \"note\": \"why\"}},"
    "\"hiddenSections\": [\"capacity\"],"
    "\"form\": {\"description\": \"d\", \"networkConfiguration\": {\"networkMode\": \"PUBLIC\"},"
    "\"environmentVariables\": {\"LOG\": \"info\"}}}";

static void test_queries(void **state)
{
	struct problems p = {0};
	struct template *t = parse(rules, &p);
	struct document *doc;
	const struct tfield *f;
	size_t filled;
	char *msg = NULL;

	(void)state;
	dump(&p);
	assert_int_equal(p.n, 0);
	assert_string_equal(t->title, "T");
	doc = template_start(t, def);
	/* the start holds the template's values and the yours map entry, empty */
	assert_string_equal(document_text(doc, "description"), "d");
	assert_string_equal(document_text(doc, "environmentVariables[1]"), "");
	assert_string_equal(document_key(doc, "environmentVariables", 1), "API_KEY");
	assert_int_equal(template_mode(t, def, doc, "networkConfiguration.networkMode"),
			 TM_LOCKED);
	f = template_rule(t, def, doc, "networkConfiguration");
	assert_string_equal(f->note, "our VPC; ask #platform");
	assert_int_equal(template_mode(t, def, doc, "environmentVariables[1]"), TM_YOURS);
	assert_int_equal(template_mode(t, def, doc, "environmentVariables[0]"), TM_DEFAULT);
	assert_int_equal(template_mode(t, def, doc, "environmentVariables.API_KEY"), TM_YOURS);
	assert_int_equal(template_mode(t, def, doc, "filesystemConfigurations[3].sessionStorage"),
			 TM_NONE);
	assert_int_equal(
	    template_mode(t, def, doc, "filesystemConfigurations[3].sessionStorage.mountPath"),
	    TM_HIDDEN);
	assert_int_equal(template_mode(t, def, doc, "capacityProviderConfiguration"), TM_HIDDEN);
	assert_int_equal(template_mode(t, def, doc, "roleArn"), TM_NONE);
	assert_true(template_section_hidden(t, "capacity"));
	assert_string_equal(template_first_yours(t, def)->path, "agentRuntimeName");
	assert_true(template_locked_within(t, def, doc, ""));
	assert_true(template_locked_within(t, def, doc, "networkConfiguration.networkModeConfig"));
	assert_false(template_locked_within(t, def, doc, "roleArn"));
	assert_false(template_section_hidden(t, "network"));
	/* yours: 0 of 2 filled, then 2 of 2 */
	assert_int_equal(template_yours_count(t, def, doc, &filled), 2);
	assert_int_equal(filled, 0);
	assert_int_equal(template_check_value(t, def, doc, "agentRuntimeName", "bob", &msg),
			 VS_INVALID);
	assert_non_null(strstr(msg, "expected names that start with team_"));
	free(msg);
	assert_int_equal(template_check_value(t, def, doc, "agentRuntimeName", "team_x", &msg),
			 VS_VALID);
	assert_int_equal(template_check_document(t, def, doc, &p), VS_INCOMPLETE);
	assert_true(test_has(&p, "agentRuntimeName", "your name"));
	problems_clear(&p);
	document_set_text(doc, "agentRuntimeName", "bob");
	document_set_text(doc, "environmentVariables[1]", "k");
	assert_int_equal(template_yours_count(t, def, doc, &filled), 2);
	assert_int_equal(filled, 2);
	document_set_text(doc, "networkConfiguration.networkMode", "VPC");
	assert_int_equal(template_check_document(t, def, doc, &p), VS_INVALID);
	assert_true(test_has(&p, "networkConfiguration", "is locked by the template: our VPC"));
	assert_true(test_has(&p, "agentRuntimeName", "team_"));
	problems_clear(&p);
	document_free(doc);
	template_free(t);
}

/* A yours field under a branch not chosen, or under a member whose `when`
 * rule does not hold, is not yours to fill: the image chosen, the code
 * bucket the team left to you counts no more; a public network, the
 * subnets no more. Before the choice, both count. */
static void test_yours_not_chosen(void **state)
{
	static const char json[] = HEAD
	    "\"fields\": {"
	    "\"agentRuntimeArtifact.containerConfiguration.containerUri\": {\"mode\": \"yours\"},"
	    "\"agentRuntimeArtifact.codeConfiguration.code.s3.bucket\": {\"mode\": \"yours\"},"
	    "\"networkConfiguration.networkModeConfig.subnets\": {\"mode\": \"yours\"}},"
	    "\"form\": {\"networkConfiguration\": {\"networkMode\": \"VPC\"}}}";
	struct problems p = {0};
	struct template *t = parse(json, &p);
	struct document *doc;
	const struct fnode *img;
	size_t filled;

	(void)state;
	dump(&p);
	assert_int_equal(p.n, 0);
	doc = template_start(t, def);
	assert_int_equal(template_yours_count(t, def, doc, &filled), 3);
	img = formdef_lookup(def, "agentRuntimeArtifact.containerConfiguration");
	assert_non_null(img);
	document_choose_branch(doc, "agentRuntimeArtifact", img);
	document_set_text(doc, "agentRuntimeArtifact.containerConfiguration.containerUri",
			  "public.ecr.aws/a/b");
	assert_int_equal(template_yours_count(t, def, doc, &filled), 2);
	assert_int_equal(filled, 1);
	template_check_document(t, def, doc, &p);
	assert_false(test_has(&p, "agentRuntimeArtifact.codeConfiguration.code.s3.bucket", ""));
	assert_true(test_has(&p, "networkConfiguration.networkModeConfig.subnets", "yours"));
	problems_clear(&p);
	document_set_text(doc, "networkConfiguration.networkMode", "PUBLIC");
	assert_int_equal(template_yours_count(t, def, doc, &filled), 1);
	assert_int_equal(filled, 1);
	assert_int_equal(template_check_document(t, def, doc, &p), VS_VALID);
	dump(&p);
	assert_int_equal(p.n, 0);
	document_free(doc);
	template_free(t);
}

/* A team's pattern reads '.' as the API's patterns do: no line terminator. */
static void test_pattern_dot(void **state)
{
	struct problems p = {0};
	struct template *t =
	    parse(HEAD "\"fields\": {\"description\": {\"mode\": \"yours\", "
		       "\"pattern\": \"team .+\", \"expect\": \"team, then words\"}},"
		       "\"form\": {}}",
		  &p);
	char *msg = NULL;

	(void)state;
	assert_int_equal(p.n, 0);
	assert_int_equal(template_check_value(t, def, NULL, "description", "team a", &msg),
			 VS_VALID);
	assert_int_equal(template_check_value(t, def, NULL, "description", "team a\r", &msg),
			 VS_INVALID);
	free(msg);
	assert_int_equal(
	    template_check_value(t, def, NULL, "description", "team a\xe2\x80\xa8", &msg),
	    VS_INVALID);
	free(msg);
	template_free(t);
}

static void test_initial_values(void **state)
{
	struct problems p = {0};
	struct template *t = parse(HEAD "\"form\": {}}", &p);
	struct document *doc = template_start(t, def);

	(void)state;
	/* the form's own first values, where the template sets nothing */
	assert_string_equal(document_text(doc, "networkConfiguration.networkMode"), "PUBLIC");
	document_free(doc);
	template_free(t);
}

/* Fill each yours field of doc with the template's example. */
static void fill_yours(const struct template *t, struct document *doc)
{
	size_t i;

	for (i = 0; i < t->nfields; i++) {
		const struct tfield *f = &t->fields[i];
		struct tpath tp;
		char *why = NULL;

		if (f->mode != TM_YOURS)
			continue;
		assert_non_null(f->example);
		if (tpath_resolve(def, doc, f->path, &tp, &why) != 0)
			fail_msg("%s: %s", f->path, why);
		if (tp.mapkey) {
			assert_int_equal(document_set_text(doc, tp.docpath, f->example), 0);
		} else if (tp.node->kind == FK_LIST) {
			char *item = xasprintf("%s[0]", f->path);

			assert_int_equal(document_set_text(doc, item, f->example), 0);
			free(item);
		} else {
			assert_int_equal(document_set_text(doc, f->path, f->example), 0);
		}
		tpath_release(&tp);
	}
}

static void test_bundled_fill_valid(void **state)
{
	static const char *const names[] = {"container-public", "python-s3", "mcp-cognito-vpc",
					    "a2a-agent"};
	size_t i, n, filled;

	(void)state;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		int bundled = 0;
		char *file = template_find(def, names[i], &bundled), *cause = NULL;
		struct template *t = NULL;
		struct problems p = {0};
		struct document *doc;

		assert_non_null(file);
		assert_true(bundled);
		if (template_load(file, def, 0, &t, &p, &cause) != 0)
			fail_msg("%s: %s", file, cause);
		dump(&p);
		assert_int_equal(p.n, 0);
		assert_non_null(t->description);
		doc = template_start(t, def);
		assert_int_not_equal(template_yours_count(t, def, doc, &filled), 0);
		fill_yours(t, doc);
		n = template_yours_count(t, def, doc, &filled);
		assert_int_equal(n, filled);
		validate_document(def, doc, &p);
		template_check_document(t, def, doc, &p);
		if (p.n)
			print_message("%s:\n", names[i]);
		dump(&p);
		assert_int_equal(p.n, 0);
		document_free(doc);
		template_free(t);
		free(file);
	}
}

static const char *secret_form =
    "{\"agentRuntimeName\":\"team_a\",\"roleArn\":\"arn:aws:iam::123456789012:role/R\","
    "\"agentRuntimeArtifact\":{\"containerConfiguration\":{\"containerUri\":"
    "\"public.ecr.aws/a/b:v1\"}},\"networkConfiguration\":{\"networkMode\":\"PUBLIC\"},"
    "\"environmentVariables\":{\"API_KEY\":\"hunter2secret\",\"LOG\":\"info\","
    "\"my token\":\"tok-value-1\"}}";

static struct document *load(const char *json)
{
	struct document *doc = NULL;
	struct problems p = {0};
	char *cause = NULL;

	if (formfile_parse(json, strlen(json), def, FF_STRICT, &doc, &p, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(p.n, 0);
	return doc;
}

static void test_make_strips_secrets(void **state)
{
	struct document *doc = load(secret_form), *start;
	struct template *t = template_from_document(doc, def), *back;
	struct problems p = {0};
	char *json, *cause = NULL;
	size_t i, secrets = 0;

	(void)state;
	/* first choices */
	assert_int_equal(template_mode(t, def, NULL, "roleArn"), TM_LOCKED);
	assert_int_equal(template_mode(t, def, NULL, "networkConfiguration.networkMode"),
			 TM_LOCKED);
	assert_int_equal(template_mode(t, def, NULL, "authorizerConfiguration"), TM_NONE);
	assert_int_equal(template_mode(t, def, NULL, "agentRuntimeName"), TM_YOURS);
	/* the person's choices; an environment map locked whole */
	assert_int_equal(template_mark(t, def, "environmentVariables", TM_LOCKED, "ours", &cause),
			 0);
	assert_int_equal(
	    template_mark(t, def, "networkConfiguration.networkMode", TM_YOURS, NULL, &cause), -1);
	assert_non_null(strstr(cause, "inside networkConfiguration"));
	free(cause);
	cause = NULL;
	assert_int_equal(template_mark(t, def, "nosuch", TM_LOCKED, NULL, &cause), -1);
	assert_non_null(strstr(cause, "nosuch"));
	free(cause);
	cause = NULL;
	assert_int_equal(template_hide_section(t, def, "filesystems", &cause), 0);
	assert_int_equal(template_hide_section(t, def, "review", &cause), -1);
	free(cause);
	template_set_title(t, "Team", "para");
	json = template_to_json(t, def);
	/* no secret, no tab, four-space indent, a final newline */
	assert_null(strstr(json, "hunter2secret"));
	assert_null(strstr(json, "tok-value-1"));
	assert_null(strchr(json, '\t'));
	assert_non_null(strstr(json, "\n    \"title\": \"Team\""));
	assert_int_equal(json[strlen(json) - 1], '\n');
	assert_non_null(strstr(json, "\"example\": \"team_a\""));
	for (i = 0; i < t->nremoved; i++)
		if (t->removed[i].secret) {
			secrets++;
			assert_true(
			    !strcmp(t->removed[i].path, "environmentVariables.API_KEY") ||
			    !strcmp(t->removed[i].path, "environmentVariables[\"my token\"]"));
		}
	assert_int_equal(secrets, 2);
	assert_int_equal(t->nremoved, 4); /* and the name and the image */
	/* stripping again takes out nothing more */
	template_strip(t, def);
	assert_int_equal(t->nremoved, 4);
	/* read back: valid; the map's other entry still locked, the secrets yours */
	back = parse(json, &p);
	dump(&p);
	assert_int_equal(p.n, 0);
	assert_int_equal(template_mode(back, def, NULL, "environmentVariables.LOG"), TM_LOCKED);
	assert_int_equal(template_mode(back, def, NULL, "environmentVariables.API_KEY"), TM_YOURS);
	assert_int_equal(template_mode(back, def, NULL, "environmentVariables[\"my token\"]"),
			 TM_YOURS);
	assert_true(template_section_hidden(back, "filesystems"));
	start = template_start(back, def);
	assert_string_equal(document_text(start, "environmentVariables[0]"), "info");
	assert_string_equal(document_text(start, "environmentVariables[1]"), "");
	document_free(start);
	template_free(back);
	free(json);
	template_free(t);
	document_free(doc);
}

static void test_save_and_check_file(void **state)
{
	char dir[] = "/tmp/acw-template-XXXXXX", *file, *form, *cause = NULL;
	struct document *doc = load(secret_form);
	struct template *t = template_from_document(doc, def);
	struct problems p = {0};
	struct stat st;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	file = xasprintf("%s/t.json", dir);
	form = xasprintf("%s/form.json", dir);
	assert_int_equal(template_save(t, def, file, &cause), 0);
	assert_int_equal(stat(file, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	assert_int_equal(template_check_file(file, def, &p, &cause), 0);
	assert_int_equal(p.n, 0);
	assert_int_equal(template_check_file("-", def, &p, &cause), 1);
	assert_int_equal(formfile_save(form, doc, def, &cause), 0);
	assert_int_equal(template_check_file(form, def, &p, &cause), 1);
	fp = fopen(file, "w");
	fputs(HEAD "\"fields\": {\"roleArnn\": {\"mode\": \"locked\"}}, \"form\": {}}", fp);
	fclose(fp);
	assert_int_equal(template_check_file(file, def, &p, &cause), 0);
	assert_true(test_has(&p, "fields.roleArnn", "roleArn"));
	problems_clear(&p);
	unlink(file);
	unlink(form);
	rmdir(dir);
	free(file);
	free(form);
	template_free(t);
	document_free(doc);
}

static void put(const char *dir, const char *name, const char *title)
{
	char *f = xasprintf("%s/%s.json", dir, name);
	FILE *fp = fopen(f, "w");

	assert_non_null(fp);
	fprintf(fp, "{\"agentcoreWizardTemplate\": 1, \"title\": \"%s\", \"form\": {}}", title);
	fclose(fp);
	free(f);
}

static void test_find_order(void **state)
{
	char dir[] = "/tmp/acw-tfind-XXXXXX", *data, *conf, *own, *own2, **dirs = NULL, *f;
	struct tfound_list l;
	size_t i, n;
	int bundled = 1;

	(void)state;
	assert_non_null(mkdtemp(dir));
	data = xasprintf("%s/data", dir);
	conf = xasprintf("%s/conf", dir);
	own = xasprintf("%s/own", dir);
	own2 = xasprintf("%s/data/agentcore-wizard/templates", dir);
	f = xasprintf("%s/agentcore-wizard/templates", conf);
	assert_int_equal(util_mkdir_p(own2, 0755, NULL), 0);
	assert_int_equal(util_mkdir_p(f, 0755, NULL), 0);
	assert_int_equal(util_mkdir_p(own, 0755, NULL), 0);
	put(own2, "shared", "from data");
	put(f, "shared", "from config");
	put(f, "mine", "mine");
	put(own, "teamx", "team");
	setenv("XDG_DATA_DIRS", data, 1);
	setenv("XDG_CONFIG_HOME", conf, 1);
	setenv("AGENTCORE_WIZARD_TEMPLATES", own, 1);
	n = template_dirs(def, &dirs);
	assert_int_equal(n, 4);
	assert_non_null(strstr(dirs[0], "/templates"));
	assert_string_equal(dirs[1], own2);
	assert_string_equal(dirs[2], f);
	assert_string_equal(dirs[3], own);
	for (i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
	template_list(def, &l);
	for (i = 0; i < l.n; i++)
		if (!strcmp(l.v[i].name, "shared"))
			assert_string_equal(l.v[i].title, "from config");
	assert_true(l.n >= 7); /* four bundled, shared, mine, teamx */
	template_list_free(&l);
	free(f);
	f = template_find(def, "teamx", &bundled);
	assert_non_null(strstr(f, "/own/teamx.json"));
	assert_false(bundled);
	free(f);
	assert_null(template_find(def, "absent", &bundled));
	f = template_find(def, "./x.json", &bundled);
	assert_string_equal(f, "./x.json");
	free(f);
	unsetenv("AGENTCORE_WIZARD_TEMPLATES");
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("XDG_DATA_DIRS");
	free(data);
	free(conf);
	free(own);
	free(own2);
}

static void test_secret_rule(void **state)
{
	struct document *doc = load(secret_form);
	char **paths = NULL;
	size_t n;

	(void)state;
	assert_true(secret_name("API_KEY"));
	assert_true(secret_name("db_password"));
	assert_true(secret_name("GithubToken"));
	assert_true(secret_name("aws_secret_access"));
	assert_true(secret_name("MY_CREDENTIALS"));
	assert_false(secret_name("LOG_LEVEL"));
	assert_false(secret_name(""));
	assert_false(secret_name(NULL));
	n = secret_paths(doc, &paths);
	assert_int_equal(n, 2);
	assert_string_equal(paths[0], "environmentVariables.API_KEY");
	assert_string_equal(paths[1], "environmentVariables[\"my token\"]");
	secret_paths_free(paths, n);
	/* an empty value holds no secret */
	document_set_text(doc, "environmentVariables[0]", "");
	n = secret_paths(doc, &paths);
	assert_int_equal(n, 1);
	secret_paths_free(paths, n);
	document_free(doc);
}

/* What the wizard's Save as template uses: document paths as template
 * paths, a section shown again, the text read back, the note on saving. */
static void test_save_helpers(void **state)
{
	struct document *doc = load(secret_form);
	struct template *t = template_from_document(doc, def);
	struct problems p = {0};
	char *path, *note, *cause = NULL;

	(void)state;
	path = template_path_of(def, doc, "environmentVariables[2]");
	assert_string_equal(path, "environmentVariables[\"my token\"]");
	free(path);
	path = template_path_of(def, doc, "environmentVariables[0]");
	assert_string_equal(path, "environmentVariables.API_KEY");
	free(path);
	path = template_path_of(def, doc, "networkConfiguration.networkMode");
	assert_string_equal(path, "networkConfiguration.networkMode");
	free(path);
	path = template_path_of(def, doc, "filesystemConfigurations[0].sessionStorage.mountPath");
	assert_string_equal(path, "filesystemConfigurations[].sessionStorage.mountPath");
	free(path);
	assert_null(template_path_of(def, doc, "nosuch.member"));
	assert_true(
	    template_path_covers("networkConfiguration", "networkConfiguration.networkMode"));
	assert_true(template_path_covers("a", "a[].b"));
	assert_false(template_path_covers("networkConfiguration.network",
					  "networkConfiguration.networkMode"));
	/* hidden, shown again, hidden once only */
	assert_int_equal(template_hide_section(t, def, "tags", &cause), 0);
	assert_int_equal(template_hide_section(t, def, "tags", &cause), 0);
	assert_int_equal(t->nhidden, 1);
	template_show_section(t, "tags");
	assert_false(template_section_hidden(t, "tags"));
	template_show_section(t, "tags");
	assert_int_equal(t->nhidden, 0);
	/* read back as the wizard reads it: no problem */
	assert_int_equal(template_verify(t, def, &p), 0);
	assert_int_equal(p.n, 0);
	/* what a save says: the secrets named, never their values */
	note = secret_note(doc);
	assert_non_null(note);
	assert_non_null(
	    strstr(note, "environmentVariables.API_KEY, environmentVariables[\"my token\"]"));
	assert_null(strstr(note, "hunter2secret"));
	free(note);
	document_set_text(doc, "environmentVariables[0]", "");
	document_set_text(doc, "environmentVariables[2]", "");
	assert_null(secret_note(doc));
	template_free(t);
	document_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_bad_paths_named),
	    cmocka_unit_test(test_malformed_and_not_template),
	    cmocka_unit_test(test_version_title_members),
	    cmocka_unit_test(test_modes_checked),
	    cmocka_unit_test(test_queries),
	    cmocka_unit_test(test_yours_not_chosen),
	    cmocka_unit_test(test_pattern_dot),
	    cmocka_unit_test(test_initial_values),
	    cmocka_unit_test(test_bundled_fill_valid),
	    cmocka_unit_test(test_make_strips_secrets),
	    cmocka_unit_test(test_save_and_check_file),
	    cmocka_unit_test(test_find_order),
	    cmocka_unit_test(test_secret_rule),
	    cmocka_unit_test(test_save_helpers),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
