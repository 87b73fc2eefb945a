/* test_runtime.c: unit tests of runtime.c: what a status means (final or
 * not), the failure reason shown, the summary and exit code of every end,
 * and a whole submission against a loopback server that loses the first
 * answer (the retry carries the same clientToken). */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "aws/awsconfig.h"
#include "aws/runtime.h"
#include "aws/service.h"
#include "base/util.h"
#include "awstest.h"
#include "testutil.h"

static void test_status_final(void **state)
{
	static const struct {
		const char *status;
		int final;
	} cases[] = {
	    {"READY", 1},
	    {"CREATE_FAILED", -1},
	    {"UPDATE_FAILED", -1},
	    {"DELETING", -1},
	    {"SOMETHING_NEW_FAILED", -1},
	    {"CREATING", 0},
	    {"UPDATING", 0},
	    {"SOMETHING_NEW", 0},
	    {"ready", 0},
	    {"READY ", 0},
	    {"_FAILED", -1},
	    {"FAILED", 0},
	    {"", 0},
	    {NULL, 0},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (runtime_status_final(cases[i].status) != cases[i].final)
			fail_msg("status \"%s\": got %d, want %d",
				 cases[i].status ? cases[i].status : "(null)",
				 runtime_status_final(cases[i].status), cases[i].final);
}

static void test_failure_reason(void **state)
{
	char *r;

	(void)state;
	r = runtime_failure_reason("CREATE_FAILED", "image not found");
	assert_string_equal(r, "image not found");
	free(r);
	/* the service's words win over DELETING's own */
	r = runtime_failure_reason("DELETING", "being removed");
	assert_string_equal(r, "being removed");
	free(r);
	r = runtime_failure_reason("DELETING", NULL);
	assert_non_null(strstr(r, "being deleted"));
	free(r);
	assert_null(runtime_failure_reason("CREATE_FAILED", NULL));
	assert_null(runtime_failure_reason(NULL, NULL));
	/* a reason from the network reaches a terminal: no escape gets through */
	r = runtime_failure_reason("CREATE_FAILED", "bad\x1b]0;pwned\x07 image");
	assert_null(strchr(r, '\x1b'));
	assert_null(strchr(r, '\x07'));
	assert_non_null(strstr(r, "image"));
	free(r);
}

/* Reading a GetAgentRuntime answer as follow() does. */
static void test_answer_strings(void **state)
{
	const char *body = "{\"agentRuntimeArn\":\"arn:aws:bedrock-agentcore:us-east-1:"
			   "123456789012:runtime/rt-1\",\"agentRuntimeId\":\"rt-1\","
			   "\"status\":\"CREATE_FAILED\",\"failureReason\":\"no image\","
			   "\"agentRuntimeVersion\":1,\"nested\":{\"status\":\"READY\"}}";
	char *v;

	(void)state;
	v = service_answer_string(body, strlen(body), "status");
	assert_string_equal(v, "CREATE_FAILED");
	assert_int_equal(runtime_status_final(v), -1);
	free(v);
	v = service_answer_string(body, strlen(body), "failureReason");
	assert_string_equal(v, "no image");
	free(v);
	v = service_answer_string(body, strlen(body), "agentRuntimeId");
	assert_string_equal(v, "rt-1");
	free(v);
	/* not text, absent, or not JSON at all: none */
	assert_null(service_answer_string(body, strlen(body), "agentRuntimeVersion"));
	assert_null(service_answer_string(body, strlen(body), "missing"));
	assert_null(service_answer_string("<html>", 6, "status"));
	assert_null(service_answer_string("[\"status\"]", 10, "status"));
	assert_null(service_answer_string(NULL, 0, "status"));
	/* the length bounds what is read */
	assert_null(service_answer_string("{\"status\":\"READY\"}", 10, "status"));
}

static void test_summary_and_exit(void **state)
{
	static const struct {
		enum runtime_end end;
		int code;
		const char *says;
	} cases[] = {
	    {RUNTIME_NOT_SENT, EXIT_CONFIG, "Not submitted: why"},
	    {RUNTIME_REFUSED, EXIT_SERVICE, "Not created: why"},
	    {RUNTIME_CANCELLED, EXIT_CANCELLED, "Cancelled before the service answered"},
	    {RUNTIME_CREATED, EXIT_OK, "Created arn:x."},
	    {RUNTIME_READY, EXIT_OK, "Runtime rt-1 is READY."},
	    {RUNTIME_FAILED, EXIT_FAILED, "Runtime rt-1 is CREATE_FAILED: no image"},
	    {RUNTIME_STOPPED, EXIT_OK, "status rt-1"},
	    {RUNTIME_LOST, EXIT_SERVICE, "could not be read (why)"},
	    {RUNTIME_GAVE_UP, EXIT_SERVICE, "is still CREATE_FAILED; gave up"},
	};
	struct runtime_outcome out = {0};
	size_t i;

	(void)state;
	out.id = "rt-1";
	out.arn = "arn:x";
	out.status = "CREATE_FAILED";
	out.reason = "no image";
	out.message = "why";
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s;

		out.end = cases[i].end;
		s = runtime_outcome_summary(&out);
		if (!strstr(s, cases[i].says))
			fail_msg("end %d: \"%s\" lacks \"%s\"", (int)cases[i].end, s,
				 cases[i].says);
		free(s);
		assert_int_equal(runtime_exit_code(&out), cases[i].code);
		assert_int_equal(RUNTIME_EXISTS(out.end), out.end >= RUNTIME_CREATED);
	}
	/* nothing known: "?" rather than a crash */
	memset(&out, 0, sizeof out);
	out.end = RUNTIME_FAILED;
	{
		char *s = runtime_outcome_summary(&out);

		assert_non_null(strstr(s, "Runtime ? is ?"));
		free(s);
	}
}

/* The environment of a submission: keys from the environment, no file. */
static void submit_env(void)
{
	clear_aws_env();
	setenv("AWS_CONFIG_FILE", "/nonexistent/acw-config", 1);
	setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/acw-credentials", 1);
	setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", 1);
	setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", 1);
}

static struct document *minimal_document(const struct formdef *def)
{
	const char *json = "{" MINIMAL "}";
	struct problems p = {0};
	struct document *doc = NULL;
	char *cause = NULL;

	if (formfile_parse(json, strlen(json), def, FF_STRICT, &doc, &p, &cause) != 0)
		fail_msg("parse failed: %s", cause);
	problems_clear(&p);
	return doc;
}

/* The clientToken of the n-th request (0-based) the server recorded. */
static char *token_of(const char *log, int n)
{
	const char *p = log, *t;

	while (n-- > 0 && (p = strstr(p, "\n----\n")))
		p += 6;
	if (!p || !(t = strstr(p, "\"clientToken\":\"")))
		return NULL;
	t += 15;
	return xstrndup(t, strcspn(t, "\""));
}

#define CREATED_ANSWER                                                                     \
	"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nConnection: close\r\n"  \
	"Content-Length: 127\r\n\r\n"                                                      \
	"{\"agentRuntimeArn\":\"arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/" \
	"rt-1\",\"agentRuntimeId\":\"rt-1\",\"status\":\"CREATING\"}"
#define READY_ANSWER                                                                 \
	"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n" \
	"Content-Length: 44\r\n\r\n{\"agentRuntimeId\":\"rt-1\",\"status\":\"READY\"}  "

/* Issue 13, item 25: the first answer is lost (the connection closes after
 * the request was read); the retry sends the same clientToken, so the
 * service answers with the runtime already made, not a second one. No moto
 * needed: a loopback server records what came. */
static void test_submit_retry_same_token(void **state)
{
	const char *answers[] = {NULL, CREATED_ANSWER, READY_ANSWER};
	struct formdef *def = test_forms();
	struct document *doc = minimal_document(def);
	struct runtime_progress p = {0};
	struct runtime_outcome out;
	struct aws_options o = {0};
	int port;
	struct script_server *sv = script_server(answers, 3, &port);
	char *url = xasprintf("http://127.0.0.1:%d", port), *log, *t1, *t2;

	(void)state;
	submit_env();
	o.region = "us-east-1";
	o.endpoint_url = url;
	o.connect_timeout = o.read_timeout = 10;
	assert_int_equal(runtime_submit(&o, def, doc, 60, &p, &out), RUNTIME_READY);
	log = script_server_end(sv);
	assert_string_equal(out.id, "rt-1");
	assert_string_equal(out.status, "READY");
	t1 = token_of(log, 0);
	t2 = token_of(log, 1);
	assert_non_null(t1);
	assert_non_null(t2);
	assert_int_equal(strlen(t1), 36);
	assert_string_equal(t1, t2);
	assert_true(!strncmp(log, "PUT /runtimes/ ", 15));
	assert_non_null(strstr(log, "\n----\nPUT /runtimes/ "));
	assert_non_null(strstr(log, "\n----\nGET /runtimes/rt-1/ "));
	free(t1);
	free(t2);
	free(log);
	runtime_outcome_free(&out);
	free(url);
	document_free(doc);
	formdef_free(def);
}

/* Without a Region nothing is sent: RUNTIME_NOT_SENT, exit 3, and why. */
static void test_submit_not_sent(void **state)
{
	struct formdef *def = test_forms();
	struct document *doc = minimal_document(def);
	struct runtime_progress p = {0};
	struct runtime_outcome out;
	struct aws_options o = {0};

	(void)state;
	submit_env();
	o.connect_timeout = o.read_timeout = 1;
	assert_int_equal(runtime_submit(&o, def, doc, 1, &p, &out), RUNTIME_NOT_SENT);
	assert_int_equal(runtime_exit_code(&out), EXIT_CONFIG);
	assert_non_null(strstr(out.message, "Region"));
	assert_false(RUNTIME_EXISTS(out.end));
	runtime_outcome_free(&out);
	document_free(doc);
	formdef_free(def);
}

/* An HTTP answer with its length counted. Caller frees. */
static char *http_answer(const char *status_line, const char *body)
{
	return xasprintf("HTTP/1.1 %s\r\nContent-Type: application/json\r\nConnection: close\r\n"
			 "Content-Length: %zu\r\n\r\n%s",
			 status_line, strlen(body), body);
}

/* Issue 13, item 4: a submission given the clientToken of an earlier one
 * that got no answer sends that token (the service then answers with the
 * runtime it made, not a second one), and the outcome says which token was
 * sent; without one a new token is made and reported. follow_limit < 0:
 * not followed. */
static void test_submit_reuses_token(void **state)
{
	static const char given[] = "0b5e2d8c-5d1e-4c1a-9a7b-3f2e1d0c9b8a";
	const char *answers[] = {CREATED_ANSWER, CREATED_ANSWER};
	struct formdef *def = test_forms();
	struct document *doc = minimal_document(def);
	struct runtime_progress p = {.client_token = given};
	struct runtime_outcome out, out2;
	struct aws_options o = {0};
	int port;
	struct script_server *sv = script_server(answers, 2, &port);
	char *url = xasprintf("http://127.0.0.1:%d", port), *log, *t1, *t2;

	(void)state;
	submit_env();
	o.region = "us-east-1";
	o.endpoint_url = url;
	o.connect_timeout = o.read_timeout = 10;
	assert_int_equal(runtime_submit(&o, def, doc, -1, &p, &out), RUNTIME_CREATED);
	assert_string_equal(out.client_token, given);
	p.client_token = NULL;
	assert_int_equal(runtime_submit(&o, def, doc, -1, &p, &out2), RUNTIME_CREATED);
	log = script_server_end(sv);
	t1 = token_of(log, 0);
	t2 = token_of(log, 1);
	assert_string_equal(t1, given);
	assert_non_null(out2.client_token);
	assert_string_equal(t2, out2.client_token);
	assert_string_not_equal(t2, given);
	assert_null(strstr(log, "GET /runtimes/")); /* not followed */
	free(t1);
	free(t2);
	free(log);
	runtime_outcome_free(&out);
	runtime_outcome_free(&out2);
	free(url);
	document_free(doc);
	formdef_free(def);
}

#define ROLE_REFUSED                                                                            \
	"HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n"                        \
	"x-amzn-ErrorType: ValidationException\r\nConnection: close\r\nContent-Length: 160\r\n" \
	"\r\n{\"message\":\"Role validation failed for role arn:aws:iam::123456789012:role/"    \
	"AmazonBedrockAgentCoreRuntime-a. Please verify that the role exists and its trust "    \
	"policy allows assumption\"}"

static int count_pauses(void *arg, double secs)
{
	(*(int *)arg)++;
	assert_true(secs > 0 && secs < 1);
	return 0;
}

/* Issue 10: after the wizard made a role, the service refuses it until IAM
 * has made it usable ("Role validation failed"). The create is sent again,
 * with the same clientToken, a bounded number of times, each wait passed
 * through pause (visible); without new_role it is a refusal at once. moto is
 * not used here: it never validates a role, so it cannot refuse one; a
 * loopback server that refuses the first creates stands in for the
 * service. */
static void test_submit_role_retry(void **state)
{
	const char *answers[] = {ROLE_REFUSED, ROLE_REFUSED, CREATED_ANSWER, ROLE_REFUSED,
				 ROLE_REFUSED, ROLE_REFUSED, ROLE_REFUSED,   ROLE_REFUSED};
	struct formdef *def = test_forms();
	struct document *doc = minimal_document(def);
	int pauses = 0;
	struct runtime_progress p = {.pause = count_pauses,
				     .arg = &pauses,
				     .new_role = "arn:aws:iam::123456789012:role/A",
				     .role_wait = 0.01};
	struct runtime_outcome out;
	struct aws_options o = {0};
	int port, i;
	struct script_server *sv = script_server(answers, 7, &port);
	char *url = xasprintf("http://127.0.0.1:%d", port), *log, *t;

	(void)state;
	submit_env();
	o.region = "us-east-1";
	o.endpoint_url = url;
	o.connect_timeout = o.read_timeout = 10;
	/* refused twice, then created: one runtime, one token */
	assert_int_equal(runtime_submit(&o, def, doc, -1, &p, &out), RUNTIME_CREATED);
	assert_int_equal(pauses, 2);
	t = token_of(sv->log.s ? sv->log.s : "", 0);
	for (i = 1; i < 3; i++) {
		char *ti = token_of(sv->log.s, i);

		assert_string_equal(t, ti);
		free(ti);
	}
	free(t);
	runtime_outcome_free(&out);
	/* refused every time: RUNTIME_ROLE_RETRIES more tries, then the refusal */
	pauses = 0;
	assert_int_equal(runtime_submit(&o, def, doc, -1, &p, &out), RUNTIME_REFUSED);
	assert_int_equal(pauses, RUNTIME_ROLE_RETRIES);
	assert_non_null(strstr(out.message, "Role validation failed"));
	runtime_outcome_free(&out);
	/* no role made by this session: the first refusal stands */
	p.new_role = NULL;
	pauses = 0;
	assert_int_equal(runtime_submit(&o, def, doc, -1, &p, &out), RUNTIME_REFUSED);
	assert_int_equal(pauses, 0);
	log = script_server_end(sv);
	runtime_outcome_free(&out);
	free(log);
	free(url);
	document_free(doc);
	formdef_free(def);
}

/* Follow runtime rt-1 on a server that gives these answers in turn; the
 * requests it saw go to *log (caller frees). */
static enum runtime_end follow_script(const char *const *answers, int n, const char *want,
				      double limit, struct runtime_outcome *out, char **log)
{
	struct runtime_progress p = {0};
	struct aws_options o = {0};
	int port;
	struct script_server *sv = script_server(answers, n, &port);
	char *url = xasprintf("http://127.0.0.1:%d", port);
	enum runtime_end end;

	submit_env();
	o.region = "us-east-1";
	o.endpoint_url = url;
	o.connect_timeout = o.read_timeout = 10;
	end = runtime_follow(&o, "rt-1", want, limit, &p, out);
	*log = script_server_end(sv);
	free(url);
	return end;
}

#define NOT_FOUND_BODY \
	"{\"__type\":\"ResourceNotFoundException\",\"message\":\"Runtime rt-1 not found\"}"

/* After a delete: DELETING keeps the wait going, ResourceNotFoundException
 * ends it (RUNTIME_GONE: exit 0, the runtime no longer exists). After an
 * update: UPDATING keeps it going, READY ends it. Waiting for READY, the
 * same not-found answer is an error (RUNTIME_LOST) with its code. */
static void test_follow_gone_and_updated(void **state)
{
	char *deleting =
	    http_answer("200 OK", "{\"agentRuntimeId\":\"rt-1\",\"status\":\"DELETING\"}");
	char *gone = http_answer("404 Not Found", NOT_FOUND_BODY);
	char *updating =
	    http_answer("200 OK", "{\"agentRuntimeId\":\"rt-1\",\"status\":\"UPDATING\"}");
	const char *del[] = {deleting, gone}, *upd[] = {updating, READY_ANSWER}, *lost[] = {gone};
	struct runtime_outcome out;
	char *log;

	(void)state;
	assert_int_equal(follow_script(del, 2, RUNTIME_WANT_GONE, 60, &out, &log), RUNTIME_GONE);
	assert_int_equal(runtime_exit_code(&out), EXIT_OK);
	assert_false(RUNTIME_EXISTS(out.end));
	assert_string_equal(out.status, "DELETING");
	assert_non_null(strstr(log, "\n----\nGET /runtimes/rt-1/ "));
	free(log);
	runtime_outcome_free(&out);
	assert_int_equal(follow_script(upd, 2, RUNTIME_WANT_READY, 60, &out, &log), RUNTIME_READY);
	assert_string_equal(out.status, "READY");
	free(log);
	runtime_outcome_free(&out);
	assert_int_equal(follow_script(lost, 1, RUNTIME_WANT_READY, 60, &out, &log), RUNTIME_LOST);
	assert_string_equal(out.code, "ResourceNotFoundException");
	assert_int_equal(out.http_status, 404);
	assert_int_equal(runtime_exit_code(&out), EXIT_SERVICE);
	free(log);
	runtime_outcome_free(&out);
	free(deleting);
	free(gone);
	free(updating);
}

/* A limit of 0 reads the status once (status without --wait); an answer
 * without a status ends following (it polled for ever); an id that cannot
 * go into a path is not sent. */
static void test_follow_once_and_no_status(void **state)
{
	char *creating =
	    http_answer("200 OK", "{\"agentRuntimeId\":\"rt-1\",\"status\":\"CREATING\"}");
	char *nostatus = http_answer("200 OK", "{\"agentRuntimeId\":\"rt-1\"}");
	const char *once[] = {creating}, *none[] = {nostatus};
	struct runtime_progress p = {0};
	struct aws_options o = {0};
	struct runtime_outcome out;
	char *log;

	(void)state;
	assert_int_equal(follow_script(once, 1, RUNTIME_WANT_READY, 0, &out, &log),
			 RUNTIME_GAVE_UP);
	assert_string_equal(out.status, "CREATING");
	free(log);
	runtime_outcome_free(&out);
	assert_int_equal(follow_script(none, 1, RUNTIME_WANT_READY, 60, &out, &log), RUNTIME_LOST);
	assert_non_null(strstr(out.message, "no status"));
	free(log);
	runtime_outcome_free(&out);
	assert_int_equal(runtime_follow(&o, "../x", RUNTIME_WANT_READY, 0, &p, &out),
			 RUNTIME_NOT_SENT);
	runtime_outcome_free(&out);
	free(creating);
	free(nostatus);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_status_final),
	    cmocka_unit_test(test_failure_reason),
	    cmocka_unit_test(test_answer_strings),
	    cmocka_unit_test(test_summary_and_exit),
	    cmocka_unit_test(test_submit_retry_same_token),
	    cmocka_unit_test(test_submit_not_sent),
	    cmocka_unit_test(test_submit_reuses_token),
	    cmocka_unit_test(test_submit_role_retry),
	    cmocka_unit_test(test_follow_gone_and_updated),
	    cmocka_unit_test(test_follow_once_and_no_status),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
