/* Unit tests of the account checks' groups (checks_input.c, checks_run.c):
 * which group reads which value, the keys a caller keeps findings by, a
 * run of some groups only with the identity known (against a loopback
 * server that answers from a script: nothing else is asked), and a run let
 * go without waiting. */
#include "config.h"

#include <poll.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "aws/awsconfig.h"
#include "aws/checks.h"
#include "aws/credentials.h"
#include "base/util.h"
#include "form/document.h"
#include "awstest.h"

#define ROLE  CHECK_GROUP_BIT(CHECK_GROUP_ROLE)
#define IMAGE CHECK_GROUP_BIT(CHECK_GROUP_IMAGE)
#define CODE  CHECK_GROUP_BIT(CHECK_GROUP_CODE)
#define NET   CHECK_GROUP_BIT(CHECK_GROUP_NETWORK)
#define AUTH  CHECK_GROUP_BIT(CHECK_GROUP_AUTHORIZER)
#define NAME  CHECK_GROUP_BIT(CHECK_GROUP_NAME)

#define IMAGE_PATH "agentRuntimeArtifact.containerConfiguration.containerUri"
#define SUBNETS    "networkConfiguration.networkModeConfig.subnets"

static void test_path_groups(void **state)
{
	(void)state;
	assert_int_equal(checks_path_groups("roleArn"), ROLE);
	assert_int_equal(checks_path_groups("agentRuntimeName"), ROLE | NAME);
	assert_int_equal(checks_path_groups(IMAGE_PATH), ROLE | IMAGE | NET);
	assert_int_equal(checks_path_groups("agentRuntimeArtifact.codeConfiguration.code.s3."
					    "versionId"),
			 CODE);
	assert_int_equal(checks_path_groups(SUBNETS "[2]"), NET);
	assert_int_equal(checks_path_groups("authorizerConfiguration.customJWTAuthorizer."
					    "allowedClients[0]"),
			 AUTH);
	assert_int_equal(checks_path_groups("3:roleArn"), ROLE); /* a row's key */
	/* what no check reads, and a group above values (not a value) */
	assert_int_equal(checks_path_groups("description"), 0);
	assert_int_equal(checks_path_groups("tags[0]"), 0);
	assert_int_equal(checks_path_groups("agentRuntimeArtifact"), 0);
	assert_int_equal(checks_path_groups("roleArnX"), 0);
}

/* The groups whose key differs between the values of a and b. */
static unsigned keys_differ(const struct document *a, const struct document *b)
{
	struct check_input *x = checks_input_read(a), *y = checks_input_read(b);
	unsigned differ = 0;
	int g;

	for (g = 0; g < CHECK_NGROUPS; g++) {
		char *kx = checks_group_key(x, (enum check_group)g);
		char *ky = checks_group_key(y, (enum check_group)g);

		if (strcmp(kx, ky))
			differ |= CHECK_GROUP_BIT(g);
		free(kx);
		free(ky);
	}
	checks_input_free(x);
	checks_input_free(y);
	return differ;
}

static struct document *form(void)
{
	struct document *d = document_new();

	document_set_text(d, "agentRuntimeName", "agent");
	document_set_text(d, "roleArn", "arn:aws:iam::123456789012:role/R");
	document_set_text(d, IMAGE_PATH, "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1");
	document_set_text(d, "networkConfiguration.networkMode", "VPC");
	document_set_text(d, SUBNETS "[0]", "subnet-0123456789abcdef0");
	document_set_text(d, "description", "first");
	return d;
}

static void test_group_keys(void **state)
{
	struct document *a = form(), *b = form();
	unsigned long gen;

	(void)state;
	assert_int_equal(keys_differ(a, b), 0);
	/* the description: no key, and no value the checks read changed */
	gen = document_generation(b);
	document_set_text(b, "description", "second");
	assert_int_equal(keys_differ(a, b), 0);
	assert_false(checks_input_changed(b, gen));
	/* the role: the role's group only */
	document_set_text(b, "roleArn", "arn:aws:iam::123456789012:role/Other");
	assert_int_equal(keys_differ(a, b), ROLE);
	assert_true(checks_input_changed(b, gen));
	document_set_text(b, "roleArn", "arn:aws:iam::123456789012:role/R");
	assert_int_equal(keys_differ(a, b), 0); /* the same value again: the same key */
	/* another image: the groups that judge against it (the network's
	 * only asks whether there is one) */
	document_set_text(b, IMAGE_PATH, "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:2");
	assert_int_equal(keys_differ(a, b), ROLE | IMAGE);
	document_remove(b, IMAGE_PATH);
	assert_int_equal(keys_differ(a, b), ROLE | IMAGE | NET);
	document_free(b);
	b = form();
	document_set_text(b, SUBNETS "[1]", "subnet-0123456789abcdef1");
	assert_int_equal(keys_differ(a, b), NET);
	document_free(b);
	b = form();
	document_set_text(b, "agentRuntimeName", "agent2");
	assert_int_equal(keys_differ(a, b), ROLE | NAME);
	/* a value that would run into the next one is not the same key */
	document_free(b);
	b = form();
	document_set_text(b, "roleArn", "arn:aws:iam::123456789012:role/R\x1f=agent");
	document_remove(b, "agentRuntimeName");
	assert_true(keys_differ(a, b) & ROLE);
	document_free(a);
	document_free(b);
}

/* Settings with every endpoint at a loopback port, and keys. */
static void loopback_settings(struct aws_settings *s, int port)
{
	struct aws_options o = {NULL, "us-east-1",       NULL,
				NULL, AWS_TIMEOUT_UNSET, AWS_TIMEOUT_UNSET};
	char *url = xasprintf("http://127.0.0.1:%d", port), *cause = NULL;

	clear_aws_env();
	setenv("AWS_ENDPOINT_URL", url, 1);
	assert_int_equal(aws_settings_resolve(&o, s, &cause), 0);
	free(url);
}

/* Only the groups asked for run, with the identity given: no STS call;
 * the findings say their group; done says which group ended. */
static void test_subset_run(void **state)
{
	static const char body[] = "{\"agentRuntimes\":[{\"agentRuntimeName\":\"agent\","
				   "\"agentRuntimeId\":\"agent-x1\"}]}";
	char *answer = xasprintf("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
				 "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
				 sizeof body - 1, body);
	const char *answers[] = {answer};
	struct aws_settings s = {0};
	struct aws_credentials cr = {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
				     NULL, NULL, 0};
	struct checks_options o = {5, 0, NULL, NULL, NAME, "123456789012", "aws"};
	struct document *doc = form();
	struct script_server *sv;
	struct check_finding *v = NULL, *all = NULL;
	size_t n, count = 0, i;
	unsigned done = 0;
	enum checks_state st;
	struct checks *r;
	char *log;
	int port;

	(void)state;
	sv = script_server(answers, 1, &port);
	loopback_settings(&s, port);
	r = checks_start(checks_input_read(doc), &s, &cr, &o);
	do {
		struct pollfd p = {checks_fd(r), POLLIN, 0};

		poll(&p, 1, 100);
		st = checks_take_groups(r, &v, &n, &done);
		all = xrealloc(all, (count + n + 1) * sizeof *all);
		if (n)
			memcpy(all + count, v, n * sizeof *v);
		count += n;
		free(v);
	} while (st == CHECKS_RUNNING);
	assert_int_equal(st, CHECKS_DONE);
	assert_int_equal(done, NAME);
	assert_string_equal(checks_account(r), "123456789012");
	assert_int_equal(count, 1);
	for (i = 0; i < count; i++)
		assert_int_equal(all[i].group, CHECK_GROUP_NAME);
	assert_string_equal(all[0].check, "name.unique");
	assert_int_equal(all[0].severity, CHECK_ERROR);
	checks_free(r);
	log = script_server_end(sv);
	assert_non_null(strstr(log, "/runtimes/"));
	assert_null(strstr(log, "GetCallerIdentity"));
	free(log);
	check_findings_free(all, count);
	aws_settings_free(&s);
	document_free(doc);
	free(answer);
	unsetenv("AWS_ENDPOINT_URL");
}

static atomic_int after_called;

static void after(void *arg)
{
	assert_ptr_equal(arg, &after_called);
	atomic_fetch_add(&after_called, 1);
}

/* Let go while a request waits at a server that never answers: the call
 * returns at once, and `after` comes once the run's threads are done. */
static void test_release(void **state)
{
	struct aws_settings s = {0};
	struct aws_credentials cr = {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
				     NULL, NULL, 0};
	struct checks_options o = {30, 0, NULL, NULL, NAME, "123456789012", "aws"};
	struct document *doc = form();
	double t0, deadline;
	struct checks *r;
	int port, fd = silent_listener(&port);

	(void)state;
	loopback_settings(&s, port);
	r = checks_start(checks_input_read(doc), &s, &cr, &o);
	usleep(100 * 1000); /* the request is on its way */
	t0 = util_monotonic();
	checks_release(r, after, &after_called);
	assert_true(util_monotonic() - t0 < 0.05);
	deadline = util_monotonic() + 10;
	while (!atomic_load(&after_called) && util_monotonic() < deadline)
		usleep(10 * 1000);
	assert_int_equal(atomic_load(&after_called), 1);
	usleep(50 * 1000); /* the thread that called it ends */
	close(fd);
	aws_settings_free(&s);
	document_free(doc);
	unsetenv("AWS_ENDPOINT_URL");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_path_groups),
	    cmocka_unit_test(test_group_keys),
	    cmocka_unit_test(test_subset_run),
	    cmocka_unit_test(test_release),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
